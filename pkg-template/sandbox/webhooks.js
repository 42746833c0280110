// Webhooks out: every event the sandbox emits is recorded, signed as its provider signs it,
// handed to the `onWebhook` callback and/or POSTed to the configured URL.
import { bytesToBase64, bytesToHex, concatBytes, hmacSha256, randomUuid, sha256, unixSeconds } from "./support.js";

const encoder = new TextEncoder();

/** Meta sends webhook JSON with non-ASCII characters and "/" escaped, so a signature check
 *  over re-serialized JSON fails: the sandbox does the same to keep such checks honest. */
export function metaRawJson(value) {
  return JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`. */
export async function metaSignature(appSecret, raw) {
  return `sha256=${bytesToHex(await hmacSha256(appSecret, raw))}`;
}

/** Bird: base64 HMAC-SHA256(signing key, timestamp "\n" url "\n" SHA-256(raw body) as bytes). */
export async function birdSignature(signingKey, timestamp, url, raw) {
  const signed = concatBytes(encoder.encode(`${timestamp}\n${url}\n`), await sha256(raw));
  return bytesToBase64(await hmacSha256(signingKey, signed));
}

export class WebhookOutbox {
  constructor({ urls, onWebhook, fetch, clock, random, secrets }) {
    this.urls = urls;
    this.onWebhook = onWebhook;
    this.fetch = fetch;
    this.clock = clock;
    this.random = random;
    this.secrets = secrets;
    this.deliveries = [];
    this.pending = new Set();
  }

  url(provider) {
    return typeof this.urls === "string" ? this.urls : this.urls?.[provider];
  }

  async headers(provider, raw, url) {
    const headers = { "content-type": "application/json" };
    if (provider === "meta" && this.secrets.metaAppSecret) {
      headers["x-hub-signature-256"] = await metaSignature(this.secrets.metaAppSecret, raw);
    }
    if (provider === "bird" && this.secrets.birdSigningKey) {
      const timestamp = unixSeconds(this.clock());
      headers["messagebird-request-timestamp"] = timestamp;
      headers["messagebird-request-id"] = randomUuid(this.random);
      headers["messagebird-signature"] = await birdSignature(this.secrets.birdSigningKey, timestamp, url ?? "", raw);
    }
    return headers;
  }

  /** Records and delivers one webhook; resolves when it was delivered (or failed to be). */
  emit(provider, event, payload) {
    const raw = provider === "meta" ? metaRawJson(payload) : JSON.stringify(payload);
    const url = this.url(provider);
    const delivery = { provider, event, url: url ?? null, payload, body: raw, headers: null, status: "pending", responseStatus: null, error: null, at: this.clock() };
    this.deliveries.push(delivery);
    const task = (async () => {
      try {
        delivery.headers = await this.headers(provider, raw, url);
        if (this.onWebhook) await this.onWebhook({ provider, event, payload, body: raw, headers: delivery.headers });
        if (url) {
          const fetch = this.fetch ?? globalThis.fetch;
          const response = await fetch(url, { method: "POST", headers: delivery.headers, body: raw });
          delivery.responseStatus = response.status;
          await response.arrayBuffer?.();
          delivery.status = response.ok ? "delivered" : "failed";
        } else {
          delivery.status = "delivered";
        }
      } catch (error) {
        delivery.status = "failed";
        delivery.error = String(error?.message ?? error);
      }
    })();
    this.pending.add(task);
    task.finally(() => this.pending.delete(task));
    return task;
  }

  async settle() {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
