// Webhooks out: every event the sandbox emits is recorded, signed as its provider signs it,
// handed to the `onWebhook` callback and/or POSTed to the configured URL.
import { bytesToBase64, bytesToHex, concatBytes, hmacSha256, randomUuid, seededRandom, sha256, unixSeconds } from "./support.js";

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

/** How long a delivery held back (reordered or batched) waits for the provider's next one
 *  before it goes out alone. */
const HOLD_MS = 50;

/** The ways deliveries go astray that receivers must take, as `webhooks.disorder` names them. */
export const WEBHOOK_DISORDERS = ["duplicate", "reorder", "batch"];

/** Checks `webhooks.disorder`: a probability (0..1) per way a delivery goes astray. */
export function normalizeDisorder(disorder = {}) {
  if (typeof disorder !== "object" || disorder === null) throw new TypeError("webhooks.disorder must be an object: { duplicate?, reorder?, batch? }");
  for (const [name, probability] of Object.entries(disorder)) {
    if (!WEBHOOK_DISORDERS.includes(name)) throw new TypeError(`unknown webhooks.disorder ${JSON.stringify(name)}; known: ${WEBHOOK_DISORDERS.join(", ")}`);
    if (!(typeof probability === "number" && probability >= 0 && probability <= 1)) throw new TypeError(`webhooks.disorder.${name} is a probability, within 0..1`);
  }
  return { duplicate: disorder.duplicate ?? 0, reorder: disorder.reorder ?? 0, batch: disorder.batch ?? 0 };
}

/** The providers that may carry several notifications in one body; Bird posts one event per
 *  request. */
const BATCHING = new Set(["meta", "1msg"]);

/** One body carrying two deliveries' notifications, as Meta and 1MSG batch them; Meta's
 *  changes of one account share its entry. */
function batched(provider, first, second) {
  if (provider === "meta") {
    const entry = [...first.entry];
    for (const next of second.entry) {
      const same = entry.findIndex((e) => e.id === next.id);
      if (same === -1) entry.push(next);
      else entry[same] = { ...entry[same], changes: [...entry[same].changes, ...next.changes] };
    }
    return { ...first, entry };
  }
  if (provider === "1msg") {
    const body = { ...first };
    for (const key of ["messages", "ack"]) {
      if (second[key]) body[key] = [...(first[key] ?? []), ...second[key]];
    }
    return body;
  }
  throw new TypeError(`${provider} does not batch its webhooks`);
}

export class WebhookOutbox {
  constructor({ urls, onWebhook, fetch, clock, random, seed, secrets, timeoutMs, retryDelaysMs, disorder }) {
    this.urls = urls;
    this.onWebhook = onWebhook;
    this.fetch = fetch;
    this.clock = clock;
    this.random = random;
    this.secrets = secrets;
    this.timeoutMs = timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.retryDelaysMs = retryDelaysMs ?? WEBHOOK_RETRY_DELAYS_MS;
    this.disorder = normalizeDisorder(disorder);
    // Its own seeded source, so that turning disorder on leaves the sandbox's ids as they were.
    this.disorderRandom = seededRandom(seed ^ 0x5eed);
    /** Per provider, the delivery held back for its next one (reorder or batch). */
    this.held = new Map();
    /** Counts resets: a duplicate or a reordered delivery due from before one is dropped. */
    this.generation = 0;
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

  chance(probability) {
    return probability > 0 && this.disorderRandom() < probability;
  }

  /**
   * Records and delivers one webhook; resolves once it was handed over or its first POST
   * settled, so that a receiver failing (redeliveries follow, settle() waits for them) holds
   * the next status no longer than one attempt. With `disorder`, as providers' deliveries go:
   * one may come twice (the same bytes and signature), be held back and come after the
   * provider's next one, or share its body with the next (Meta, 1MSG).
   */
  emit(provider, event, payload) {
    const held = this.held.get(provider);
    if (held) {
      this.held.delete(provider);
      clearTimeout(held.timer);
      if (held.why === "batch") return this.deliver(provider, [...held.events, event], batched(provider, held.payload, payload), { batched: true });
      const first = this.deliver(provider, [event], payload);
      this.after(first, () => this.deliver(provider, held.events, held.payload, { reordered: true }));
      return first;
    }
    const why = this.chance(this.disorder.reorder) ? "reorder" : BATCHING.has(provider) && this.chance(this.disorder.batch) ? "batch" : null;
    if (why) {
      const hold = { why, events: [event], payload };
      hold.timer = setTimeout(() => this.release(provider, hold), HOLD_MS);
      this.held.set(provider, hold);
      return Promise.resolve();
    }
    return this.deliver(provider, [event], payload);
  }

  /** Sends a held delivery that no next one came for. */
  release(provider, hold) {
    if (this.held.get(provider) !== hold) return;
    this.held.delete(provider);
    clearTimeout(hold.timer);
    this.deliver(provider, hold.events, hold.payload);
  }

  /** Runs `next` once `first` settled, counted among the pending deliveries; not after a
   *  reset, which forgets what came before it. */
  after(first, next) {
    const generation = this.generation;
    const task = first.then(() => (generation === this.generation ? next() : undefined));
    this.pending.add(task);
    task.finally(() => this.pending.delete(task));
  }

  deliver(provider, events, payload, { batched = false, reordered = false } = {}) {
    const raw = provider === "meta" ? metaRawJson(payload) : JSON.stringify(payload);
    const url = this.url(provider);
    const delivery = {
      provider, event: events[0], events, url: url ?? null, payload, body: raw, headers: null, status: "pending",
      responseStatus: null, error: null, attempts: 0, at: this.clock(), duplicate: false, reordered, batched,
    };
    const first = this.send(delivery, async (signedUrl) => {
      delivery.headers = await this.headers(provider, raw, signedUrl);
    });
    if (this.chance(this.disorder.duplicate)) {
      // Delivered again though taken, as at-least-once providers do: the same bytes and
      // headers (Bird's timestamp and request id too), so only an event's id tells.
      this.after(first, () => {
        const again = { ...delivery, status: "pending", responseStatus: null, error: null, attempts: 0, at: this.clock(), duplicate: true };
        return this.send(again, async () => {});
      });
    }
    return first;
  }

  /** Records `delivery`, signs it (`sign`, given the URL the signature covers) and hands it to
   *  the callback and/or its URL, with redeliveries while the receiver does not take it. */
  send(delivery, sign) {
    this.deliveries.push(delivery);
    const { provider, payload, body: raw, url } = delivery;
    const signedUrl = url ?? stubWebhookUrl(provider);
    let attempted;
    const first = new Promise((resolve) => {
      attempted = resolve;
    });
    const task = (async () => {
      try {
        await sign(signedUrl);
        if (this.onWebhook) await this.onWebhook({ provider, event: delivery.event, payload, body: raw, headers: delivery.headers, url: signedUrl });
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

  /** Forgets what was delivered and drops what was held back. */
  reset() {
    for (const hold of this.held.values()) clearTimeout(hold.timer);
    this.held.clear();
    this.generation++;
    this.deliveries.length = 0;
  }

  /** Resolves once nothing is pending or held back: a callback may make the sandbox emit
   *  (and hold) another webhook while it waits. */
  async settle() {
    while (this.pending.size || this.held.size) {
      for (const [provider, hold] of this.held) this.release(provider, hold);
      await Promise.all([...this.pending]);
    }
  }
}
