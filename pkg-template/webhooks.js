// Webhooks in: is a delivery the provider's? The check runs in the core (HMAC-SHA256 in Rust,
// the same in every runtime, no node:crypto) over the raw bytes as they arrived; this file
// only gathers them from whatever the caller has: a standard Request, or body + headers.
import { ArgumentError, metaChallenge, verifyDelivery } from "./wasm/index.js";

const encoder = new TextEncoder();

/** The raw bytes of a body given as text, bytes or an ArrayBuffer. */
function rawBytes(body) {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === "string") return encoder.encode(body);
  throw new ArgumentError("a webhook body is the raw bytes (Uint8Array, ArrayBuffer) or text as received, not parsed JSON", { code: "ERR_ARGUMENT", retryable: false });
}

/** `[name, value, …]` from a Headers object, a plain object or pairs (Node's rawHeaders too). */
function flatHeaders(headers) {
  const flat = [];
  if (!headers) return flat;
  if (typeof headers.forEach === "function" && !Array.isArray(headers)) {
    headers.forEach((value, name) => flat.push(String(name), String(value)));
  } else if (Array.isArray(headers)) {
    for (const entry of headers) {
      if (Array.isArray(entry)) flat.push(String(entry[0]), String(entry[1]));
      else flat.push(String(entry));
    }
  } else {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) flat.push(name, Array.isArray(value) ? value.join(", ") : String(value));
    }
  }
  return flat;
}

/**
 * Checks that a delivery is `provider`'s, over its raw body. Throws `SignatureError`
 * (`reason`: missing, malformed, mismatch, stale); returns `true`.
 */
export function verifyWebhook(provider, { body, headers, url } = {}, options = {}) {
  verifyDelivery(provider, rawBytes(body), flatHeaders(headers), url, options.secret ?? "", options.toleranceSeconds, options.tokenParameter);
  return true;
}

/**
 * Reads a standard `Request` (Workers, Deno, Bun, Node 18+), checks that it is `provider`'s,
 * and resolves to its raw bytes and parsed JSON. The request's body is read once, here.
 */
export async function verifyRequest(provider, request, options = {}) {
  const body = new Uint8Array(await request.arrayBuffer());
  verifyWebhook(provider, { body, headers: request.headers, url: options.url ?? request.url }, options);
  return { body, json: JSON.parse(new TextDecoder().decode(body)) };
}

/**
 * Meta's verification request (GET with `hub.mode`, `hub.verify_token`, `hub.challenge`):
 * `{ status: 200, body: challenge }` when the token is yours, else `{ status: 403, body: "" }`.
 */
export function answerMetaChallenge(url, verifyToken) {
  const challenge = metaChallenge(String(url), String(verifyToken ?? ""));
  return challenge === undefined ? { status: 403, body: "" } : { status: 200, body: challenge };
}
