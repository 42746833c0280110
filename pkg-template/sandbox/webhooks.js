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

/** How long a receiver has to answer a webhook POST before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Waits before each redelivery of a webhook a receiver did not take (its 2xx): providers
 *  deliver again, so a receiver must take the same event twice, and one that fails once still
 *  gets it. Kept short: a sandbox's tests wait for them (settle). */
export const WEBHOOK_RETRY_DELAYS_MS = [100, 400];

/** Where Bird's signature says a webhook went when no URL is configured (onWebhook only): the
 *  URL a verifier checks it against (`url` of the callback's argument). */
export const stubWebhookUrl = (provider) => `https://sandbox.wabridge.invalid/webhooks/${provider}`;

export class WebhookOutbox {
  constructor({ urls, onWebhook, fetch, clock, random, secrets, timeoutMs, retryDelaysMs }) {
    this.urls = urls;
    this.onWebhook = onWebhook;
    this.fetch = fetch;
    this.clock = clock;
    this.random = random;
    this.secrets = secrets;
    this.timeoutMs = timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.retryDelaysMs = retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
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
      // The wall clock, not the sandbox's: a receiver checks the timestamp against its own
      // clock (replay protection), whatever time the sandbox plays.
      const timestamp = unixSeconds(Date.now());
      headers["messagebird-request-timestamp"] = timestamp;
      headers["messagebird-request-id"] = randomUuid(this.random);
      headers["messagebird-signature"] = await birdSignature(this.secrets.birdSigningKey, timestamp, url, raw);
    }
    return headers;
  }

  /** Records and delivers one webhook; resolves once it was handed over or its first POST
   *  settled, so that a receiver failing (redeliveries follow, settle() waits for them) holds
   *  the next status no longer than one attempt. */
  emit(provider, event, payload) {
    const raw = provider === "meta" ? metaRawJson(payload) : JSON.stringify(payload);
    const url = this.url(provider);
    const signedUrl = url ?? stubWebhookUrl(provider);
    const delivery = { provider, event, url: url ?? null, payload, body: raw, headers: null, status: "pending", responseStatus: null, error: null, attempts: 0, at: this.clock() };
    this.deliveries.push(delivery);
    let attempted;
    const first = new Promise((resolve) => {
      attempted = resolve;
    });
    const task = (async () => {
      try {
        delivery.headers = await this.headers(provider, raw, signedUrl);
        if (this.onWebhook) await this.onWebhook({ provider, event, payload, body: raw, headers: delivery.headers, url: signedUrl });
        if (!url) {
          // Nowhere to POST: handed to the callback, or only recorded.
          delivery.status = this.onWebhook ? "delivered" : "recorded";
          return;
        }
        for (let attempt = 0; ; attempt++) {
          const taken = await this.post(delivery, url, raw);
          attempted();
          if (taken || attempt >= this.retryDelaysMs.length) return;
          await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[attempt]));
        }
      } catch (error) {
        delivery.status = "failed";
        delivery.error = String(error?.message ?? error);
      } finally {
        attempted();
      }
    })();
    this.pending.add(task);
    task.finally(() => this.pending.delete(task));
    return first;
  }

  /** One POST of `delivery`; whether the receiver took it (2xx). A receiver that does not answer
   *  within the timeout fails the attempt rather than holding the sandbox. */
  async post(delivery, url, raw) {
    delivery.attempts++;
    const fetch = this.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`the receiver did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    late.catch(() => {});
    try {
      const response = await Promise.race([fetch(url, { method: "POST", headers: delivery.headers, body: raw, signal: controller.signal }), late]);
      delivery.responseStatus = response.status;
      await Promise.race([response.arrayBuffer?.(), late]);
      delivery.status = response.ok ? "delivered" : "failed";
      delivery.error = response.ok ? null : `the receiver answered HTTP ${response.status}`;
      return response.ok;
    } catch (error) {
      delivery.status = "failed";
      delivery.error = String(error?.message ?? error);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async settle() {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
