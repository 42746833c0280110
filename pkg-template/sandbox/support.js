// Small pieces every sandbox module uses: seeded randomness, ids, JSON responses, hashing.

/**
 * The secrets the sandbox signs its webhooks with unless it is given its own: Meta's app
 * secret (X-Hub-Signature-256) and Bird's signing key (messagebird-signature). Test values,
 * published (GET /__sandbox/config, `wabridge sandbox`) so that a receiver in any language can
 * verify the sandbox's webhooks; 1MSG signs nothing.
 */
/** A business-scoped user id (Meta: a country code, '.', up to 128 letters and digits; a parent's with ENT.). */
export const BSUID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/;

export const SANDBOX_WEBHOOK_SECRETS = Object.freeze({ meta: "sandbox-meta-app-secret", bird: "sandbox-bird-signing-key" });

/** The credentials the sandbox takes unless it is given its own (published like the secrets above). */
export const SANDBOX_CREDENTIALS = Object.freeze({ meta: "sandbox-meta-token", bird: "sandbox-bird-access-key", "1msg": "sandbox-1msg-token" });

/** mulberry32: a tiny seeded PRNG, so that ids and probabilistic faults repeat run to run. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomToken(random, length) {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return out;
}

/** `length` lower-case hex digits from the seeded source. */
export function randomHex(random, length) {
  return Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join("");
}

/** A version-4-shaped UUID from the seeded source (Bird's ids are UUIDs). */
export function randomUuid(random) {
  const hex = randomHex(random, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function bytesToHex(bytes) {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function bytesToBase64(bytes) {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const encoder = new TextEncoder();

export async function sha256(data) {
  return crypto.subtle.digest("SHA-256", typeof data === "string" ? encoder.encode(data) : data);
}

export async function hmacSha256(key, data) {
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return crypto.subtle.sign("HMAC", cryptoKey, typeof data === "string" ? encoder.encode(data) : data);
}

export function concatBytes(...parts) {
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  return out;
}

export const unixSeconds = (ms) => String(Math.floor(ms / 1000));

/** Digits of a phone number, as WhatsApp ids (wa_id) are written. */
export const digits = (phone) => String(phone).replace(/\D/g, "");

/** The WhatsApp id of a number (its digits): a Mexican mobile's keeps the `1` Mexico dropped
 *  from its numbering in 2019 (`52 55…` is `521 55…`), as WhatsApp names it in `wa_id`. */
export const whatsAppId = (phone) => digits(phone).replace(/^52(\d{10})$/, "521$1");

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the Cloud API's bodies (Meta's, and 1MSG's that are Meta's objects) hold a media object. */
export const MEDIA_KEYS = ["image", "video", "audio", "document", "sticker"];

/**
 * The media a request body sends, for the sandbox to judge whether WhatsApp could fetch it:
 * each media object's `{ link }` or `{ id, known }` (an object under one of `mediaKeys`, the
 * Cloud API's way: a message's, an interactive or template header's, a carousel card's; `known`:
 * whether `uploads` has that id), and every string member named in `linkKeys` (Bird's
 * `mediaUrl`). What a caller made up is not looked into (`skip`: a flow's payload, Bird's
 * `meta`), and neither is a media object's own inside.
 */
export function mediaIn(body, { linkKeys = [], mediaKeys = [], skip = [], uploads }) {
  const found = [];
  const walk = (value, key) => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, key));
    if (value === null || typeof value !== "object") {
      if (typeof value === "string" && linkKeys.includes(key)) found.push({ link: value });
      return;
    }
    if (mediaKeys.includes(key)) {
      if (typeof value.link === "string") found.push({ link: value.link });
      if (typeof value.id === "string") found.push({ id: value.id, known: uploads?.has(value.id) });
      return;
    }
    for (const [name, member] of Object.entries(value)) if (!skip.includes(name)) walk(member, name);
  };
  walk(body, undefined);
  return found;
}

/** WhatsApp's failure of a reaction to a message it cannot react to (Meta's reaction messages
 *  page; 1MSG passes it on). */
export const REACTION_TARGET_FAILURE = {
  code: 131009,
  title: "Parameter value is not valid",
  details: "The message reacted to is not in this conversation (or is more than 30 days old, deleted, or a reaction itself).",
};
