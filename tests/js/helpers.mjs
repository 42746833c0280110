// Shared by the JS tests of the built package: the package itself, and independent
// signature checks written with WebCrypto (not the sandbox's own code).
import * as wabridge from "../../pkg/node.mjs";
// The sandbox is its own subpath (`wabridge/sandbox`): pkg/sandbox/node.mjs in Node.
import * as sandboxModule from "../../pkg/sandbox/node.mjs";

export { wabridge };
export const { createSandbox, serveSandbox, FAULT_MODES, SANDBOX_META_TEMPLATES } = sandboxModule;

const encoder = new TextEncoder();

async function hmacKey(secret) {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
}

/** X-Hub-Signature-256 over the raw body, as Meta documents it. */
export async function verifyMetaSignature(appSecret, rawBody, header) {
  const match = /^sha256=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const signature = Uint8Array.from(match[1].match(/../g), (h) => parseInt(h, 16));
  return crypto.subtle.verify("HMAC", await hmacKey(appSecret), signature, encoder.encode(rawBody));
}

/** Bird: base64 HMAC-SHA256(key, timestamp \n url \n sha256(body) bytes). */
export async function verifyBirdSignature(signingKey, url, rawBody, headers) {
  const timestamp = headers["messagebird-request-timestamp"];
  const signature = Uint8Array.from(atob(headers["messagebird-signature"] ?? ""), (c) => c.charCodeAt(0));
  const bodyHash = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(rawBody)));
  const prefix = encoder.encode(`${timestamp}\n${url}\n`);
  const signed = new Uint8Array(prefix.length + bodyHash.length);
  signed.set(prefix);
  signed.set(bodyHash, prefix.length);
  return crypto.subtle.verify("HMAC", await hmacKey(signingKey), signature, signed);
}

/** A clock tests can move. */
export function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

export const CUSTOMER = "+16505551234";
export const text = (body = "Hello from the tests") => ({ to: CUSTOMER, content: { type: "text", body } });
