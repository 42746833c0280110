// Webhooks in. The core checks a delivery (HMAC-SHA256 in Rust, the same in every runtime, no
// node:crypto) over the raw bytes as they arrived and reads them into events; this file gathers
// the bytes from whatever the caller has (a standard Request, Node's request, body + headers),
// answers HTTP, filters redeliveries and calls the handlers.
import { checkKeys } from "./clients.js";
import { ArgumentError, WebhookError, checkDelivery, metaChallenge, webhookEvents } from "./wasm/index.js";

const encoder = new TextEncoder();

/**
 * The largest body read by default. A delivery is a few KB (Meta's, the largest, are documented
 * up to 3 MB); a larger one is refused before it is buffered or hashed, so that an unsigned
 * upload cannot fill the memory or hold the event loop while it is checked.
 */
const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

function maxBodyBytes(options) {
  return wholeNumber("maxBodyBytes", options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 1, "bytes");
}

/** An option that is a count: `value` when it is a whole number of at least `min`, else an ArgumentError naming it. */
function wholeNumber(name, value, min, unit, max = Number.MAX_SAFE_INTEGER) {
  // A string is shown quoted: `(got 100)` for "100" would read as if 100 itself were refused.
  const got = typeof value === "string" ? JSON.stringify(value) : String(value);
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `${min} to ${max}`;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw argument(`${name} is a whole number${unit ? ` of ${unit}` : ""}, ${range} (got ${got})`);
  return value;
}

/** The refusal of a body over `max` bytes (`handleWebhook` answers it 413). */
function tooLarge(max) {
  return new WebhookError(`the body is over ${max} bytes (maxBodyBytes): no webhook delivery is that large`, {
    code: "ERR_WEBHOOK",
    retryable: false,
    reason: "too_large",
  });
}

/** The body's bytes in one array. */
function concat(chunks, size) {
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** Reads chunks until their end, refusing them as soon as they pass `max` bytes. */
async function readLimited(chunks, max, cancel) {
  const kept = [];
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > max) {
      cancel?.();
      throw tooLarge(max);
    }
    kept.push(bytes);
  }
  return concat(kept, size);
}

/** A request's declared length, when it declares one. */
function declaredLength(headers) {
  const value = typeof headers?.get === "function" ? headers.get("content-length") : headers?.["content-length"];
  return value == null ? 0 : Number(value);
}

/** The raw bytes of a body given as text, bytes or an ArrayBuffer. */
function rawBytes(body) {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === "string") return encoder.encode(body);
  throw argument("a webhook body is the raw bytes (Uint8Array, ArrayBuffer) or text as received, not parsed JSON");
}

function argument(message) {
  return new ArgumentError(message, { code: "ERR_ARGUMENT", retryable: false });
}

/** `[name, value, …]` from a Headers object, a plain object or pairs (Node's rawHeaders too);
 *  an ArgumentError for headers that cannot be read as text (a getter or a Proxy that throws,
 *  a value with no string form). */
function flatHeaders(headers) {
  try {
    return readHeaders(headers);
  } catch (error) {
    throw argument(`the delivery's headers cannot be read as text (${reasonOf(error)})`);
  }
}

/** An error's message, however odd the error. */
function reasonOf(error) {
  try {
    return String(error?.message ?? error);
  } catch {
    return "an error that cannot be read";
  }
}

function readHeaders(headers) {
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

/** The arguments of the core's verification, in its order. */
function verification(provider, delivery, options) {
  const { body, headers, url } = delivery ?? {};
  const { secret, toleranceSeconds, tokenParameter } = options ?? {};
  return [provider, rawBytes(body), flatHeaders(headers), url, secret ?? "", toleranceSeconds, tokenParameter];
}

/**
 * Checks that a delivery is `provider`'s, over its raw body. Throws `SignatureError`
 * (`reason`: missing, malformed, mismatch, stale); returns `true`.
 */
export function verifyWebhook(provider, delivery, options = {}) {
  checkDelivery(...verification(provider, delivery, options), false);
  return true;
}

/**
 * Gives each event its `raw` object, read from the body when first asked for: most handlers
 * never look at it, and parsing the body again for each event would cost more than the rest.
 */
function withRaw(events, body) {
  let document;
  const resolve = (pointer) => {
    // (A leading byte-order mark is read past, as the core reads past it: TextDecoder drops it.)
    document ??= JSON.parse(typeof body === "string" ? body.replace(/^\uFEFF/, "") : new TextDecoder().decode(body));
    let node = document;
    for (const segment of pointer.split("/").slice(1)) node = node?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")];
    return node;
  };
  for (const event of events) {
    const pointer = event.rawPointer;
    delete event.rawPointer;
    Object.defineProperty(event, "raw", {
      enumerable: true,
      configurable: true,
      get() {
        const raw = resolve(pointer);
        Object.defineProperty(event, "raw", { value: raw, enumerable: true, writable: true, configurable: true });
        return raw;
      },
    });
  }
  return events;
}

/**
 * The events of a webhook body (the raw bytes, or the text as received), without checking
 * where it came from: for a delivery verified already. Throws `WebhookError` when the body is
 * not a webhook of `provider`.
 */
export function readWebhook(provider, body) {
  const raw = typeof body === "string" ? body : rawBytes(body);
  return withRaw(webhookEvents(provider, raw), ownCopy(raw));
}

/** The body `raw` is read from later: a copy of caller's bytes, which they may reuse meanwhile
 *  (Uint8Array's own slice: a Node Buffer's `slice` is a view of the same memory). */
function ownCopy(body) {
  return typeof body === "string" ? body : Uint8Array.prototype.slice.call(body);
}

/**
 * Checks that a delivery is `provider`'s and reads it into events, in one call. Throws
 * `SignatureError`, or `WebhookError` when the body is not a webhook of `provider`.
 */
export function receiveWebhook(provider, delivery, options = {}) {
  const args = verification(provider, delivery, options);
  return withRaw(checkDelivery(...args, true), ownCopy(args[1]));
}


/**
 * Reads a standard `Request` (Workers, Deno, Bun, Node 18+), checks that it is `provider`'s
 * and reads its events. The request's body is read once, here, up to `options.maxBodyBytes`
 * (a `WebhookError` with `reason: "too_large"` beyond). `options.url` is the URL Bird signed,
 * where the request's own is not it (behind a proxy); a 1MSG token is always read from the
 * request's own URL — from a URL in the configuration it would be there whoever called.
 */
export async function verifyRequest(provider, request, options) {
  options ??= {};
  if (typeof request?.arrayBuffer !== "function") throw argument("verifyRequest takes a Request (its body, headers and url)");
  const max = maxBodyBytes(options);
  if (declaredLength(request.headers) > max) throw tooLarge(max);
  const reader = typeof request.body?.getReader === "function" ? request.body.getReader() : null;
  const body = reader
    ? await readLimited(chunksOf(reader), max, () => reader.cancel().catch(() => {}))
    : new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > max) throw tooLarge(max);
  const url = provider === "1msg" ? request.url : options.url ?? request.url;
  const events = receiveWebhook(provider, { body, headers: request.headers, url }, options);
  return { body, events };
}

/** A stream reader's chunks (`for await` over a ReadableStream is not in every runtime). */
async function* chunksOf(reader) {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Meta's verification request (GET with `hub.mode`, `hub.verify_token`, `hub.challenge`):
 * `{ status: 200, body: challenge }` when the token is yours, else `{ status: 403, body: "" }`.
 */
export function answerMetaChallenge(url, verifyToken) {
  let texts;
  try {
    texts = [String(url), String(verifyToken ?? "")];
  } catch (error) {
    throw argument(`answerMetaChallenge takes the request's URL and your verify token as text (${reasonOf(error)})`);
  }
  const challenge = metaChallenge(...texts);
  return challenge === undefined ? { status: 403, body: "" } : { status: 200, body: challenge };
}

/** How far along its life each status puts a message; the final ones (failed, skipped,
 *  deleted) last, and `other` (a status this library does not name) before all. */
const STATUS_PROGRESS = { other: 0, accepted: 1, scheduled: 2, processing: 3, sent: 4, delivered: 5, read: 6, played: 7, failed: 8, skipped: 8, deleted: 8 };

/**
 * Whether a status event's `status` is further along a message's life than `than` (the one
 * you have): providers deliver webhooks out of order (a `read` before its `delivered`), so keep
 * a status only when it is after the last one kept. A final status (failed, skipped, deleted)
 * is after every other and none is after it.
 */
export function isStatusAfter(status, than) {
  const progress = (value, name) => {
    const found = typeof value === "string" && Object.hasOwn(STATUS_PROGRESS, value) ? STATUS_PROGRESS[value] : undefined;
    if (found === undefined) {
      // A string is shown; anything else by its type (a BigInt or an object without a prototype has no JSON).
      const got = typeof value === "string" ? JSON.stringify(value) : value === null ? "null" : typeof value;
      throw argument(`isStatusAfter: ${name} must be a status event's \`status\` (${Object.keys(STATUS_PROGRESS).join(", ")}), got ${got}`);
    }
    return found;
  };
  const before = progress(than, "than");
  const after = progress(status, "status");
  return after > before && before < STATUS_PROGRESS.failed;
}

/**
 * Seen event keys with an expiry, in this process's memory: the default duplicate filter.
 * Its `get`/`put` are those of a Workers KV namespace, which can stand in for it.
 */
export class MemoryDedupeStore {
  #expiries = new Map();
  #maxEntries;

  constructor(options) {
    this.#maxEntries = wholeNumber("maxEntries", options?.maxEntries ?? 100_000, 1);
  }

  get(key) {
    const expiry = this.#expiries.get(key);
    if (expiry === undefined) return null;
    if (expiry <= Date.now()) {
      this.#expiries.delete(key);
      return null;
    }
    return "1";
  }

  put(key, value, { expirationTtl = 86_400 } = {}) {
    if (this.#expiries.size >= this.#maxEntries) this.#sweep();
    this.#expiries.delete(key); // re-inserted last: the Map stays in expiry order
    this.#expiries.set(key, Date.now() + expirationTtl * 1000);
  }

  get size() {
    return this.#expiries.size;
  }

  /** Drops what expired, then the oldest entries beyond the limit (insertion order is age order). */
  #sweep() {
    const now = Date.now();
    for (const [key, expiry] of this.#expiries) {
      if (expiry <= now || this.#expiries.size >= this.#maxEntries) this.#expiries.delete(key);
      else break;
    }
  }
}

/** The store `handleWebhook` uses when given none: shared by every call in this process. */
const defaultStore = new MemoryDedupeStore();

/** Meta and Bird retry for hours (Bird up to a day); a day covers both. */
const DEFAULT_DEDUPE_TTL_SECONDS = 86_400;

/**
 * How long a delivery's claim on an event holds by default. A handler that never settles (an
 * await on something that never comes) would otherwise hold its event's key for the life of
 * the process, and every redelivery would wait on it; past its claim, the event is the next
 * delivery's to handle (at least once, rather than never).
 */
const DEFAULT_CLAIM_SECONDS = 60;

/**
 * The keys being handled right now, per store: a key is claimed here, synchronously, before
 * the store is asked (an await) and before any handler runs, so that concurrent deliveries of
 * the same event in this process run its handler once. The store itself cannot be the claim:
 * its `get`/`put` are two asynchronous calls (a KV namespace has no compare-and-set), and
 * between them another delivery's `get` still finds nothing. Values: a claim, `{ outcome, until }`,
 * the promise of whether the handling succeeded and the time (ms) the claim lapses.
 */
const inFlight = new WeakMap();

/** A duplicate's answer when the delivery it waited for failed, or outlived its claim (`lapsed`). */
class ConcurrentFailure extends Error {
  constructor(message, lapsed) {
    super(message);
    this.lapsed = lapsed;
  }
}

/** Claims are timed by a clock that does not jump (the wall clock may, shortening or lengthening them). */
const steadyNow = () => globalThis.performance?.now?.() ?? Date.now();

/** The longest claim: `setTimeout` waits at most 2^31 − 1 ms (longer fires at once). */
const MAX_CLAIM_SECONDS = 2_147_483;

function flightsOf(store) {
  let flights = inFlight.get(store);
  if (!flights) inFlight.set(store, (flights = new Map()));
  return flights;
}

/** What `promise` resolves to, or `undefined` once `ms` have passed without it; no timer is left behind. */
async function within(promise, ms) {
  let timer;
  const lapse = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    return await Promise.race([promise, lapse]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `handle` for `key` once among concurrent deliveries: the first claims the key, for
 * `claimMs`, the others wait for its outcome, no longer than the claim. Resolves to "handled",
 * "duplicate" (handled before, or by the concurrent delivery), or rejects with the handler's
 * error; a duplicate of a delivery whose handler failed, or is still running when its claim
 * lapses, rejects too, so that its answer is not a 200 for an event nobody handled. A lapsed
 * claim is taken by the next delivery, which runs the handler again. The key is stored only
 * once handled; a failure leaves it unclaimed, and the provider's redelivery runs the handler
 * again.
 */
async function once(store, key, ttl, claimMs, handle) {
  const flights = flightsOf(store);
  const pending = flights.get(key);
  if (pending && pending.until > steadyNow()) {
    const handled = await within(pending.outcome, pending.until - steadyNow());
    if (handled) return "duplicate";
    if (handled === false) throw new ConcurrentFailure(`the concurrent delivery of ${key} failed; redeliver`, false);
    throw new ConcurrentFailure(`the handler of ${key} is still running after ${claimMs / 1000} s (dedupe.claimSeconds): its claim has lapsed, and the next delivery runs it again`, true);
  }
  let settle;
  const claim = { outcome: new Promise((resolve) => (settle = resolve)), until: steadyNow() + claimMs };
  flights.set(key, claim);
  let handled = false;
  try {
    if ((await store.get(key)) != null) {
      handled = true;
      return "duplicate";
    }
    await handle();
    await store.put(key, "1", { expirationTtl: ttl });
    handled = true;
    return "handled";
  } finally {
    // A claim that lapsed may have been taken since by another delivery: that one is not ours to end.
    if (flights.get(key) === claim) flights.delete(key);
    settle(handled);
  }
}

/**
 * The handler of an event: by its `type`, except that echoes of your own messages (1MSG's
 * `fromMe`) go to `on.echo`, never to `on.message` — a message handler that answers would
 * otherwise answer your own answers, in a loop.
 */
function handlerOf(on, event) {
  if (event.type === "message" && event.fromMe) return on.echo;
  return on[event.type];
}

/**
 * Answers a webhook request: Meta's verification GET, or a delivery POST, which is verified,
 * read into events, filtered of redeliveries and handed to `options.on` handlers (echoes of
 * your own messages, 1MSG's `fromMe`, to `on.echo`, never to `on.message`). An event is
 * claimed before its handler runs, so concurrent redeliveries run it once. Answers 200
 * when every event was handled (or was a duplicate), 401 on a bad signature, 400 on a body that
 * is not the provider's webhook, 500 when a handler threw (the provider then redelivers; the
 * events already handled are filtered out that time), 403 on a refused challenge, 405 otherwise.
 */
export async function handleWebhook(request, options) {
  options ??= {};
  const { provider, secret } = options;
  if (typeof request?.method !== "string" || typeof request?.url !== "string") throw argument("handleWebhook takes a Request (method, url, headers, body)");
  if (!provider) throw argument("handleWebhook needs `provider`: meta, bird or 1msg");
  if (request.method === "GET" || request.method === "HEAD") {
    const url = new URL(request.url);
    if (provider === "meta" && url.searchParams.has("hub.mode")) {
      // Anyone may send this GET: a missing setting is refused as a wrong token is, not thrown
      // into the server (where an unauthenticated request would raise an error each time).
      if (!options.verifyToken) return text(403, "this endpoint has no verifyToken: it cannot answer Meta's verification");
      const answer = answerMetaChallenge(request.url, options.verifyToken);
      return new Response(answer.body, { status: answer.status, headers: { "content-type": "text/plain" } });
    }
    return new Response(null, { status: 405, headers: { allow: "POST" } });
  }
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { allow: "POST" } });
  if (!secret) throw argument("handleWebhook needs `secret`: Meta's app secret, Bird's signing key or your 1MSG URL token");
  knownKeys("handleWebhook options", options, HANDLE_OPTIONS);
  if (options.dedupe && options.dedupe !== true) knownKeys("dedupe", options.dedupe, ["store", "ttlSeconds", "claimSeconds"]);
  const on = handlers(options.on);
  const store = options.dedupe === false ? null : dedupeStore(options.dedupe?.store);
  const ttl = dedupeTtl(options.dedupe);
  const claimMs = wholeNumber("dedupe.claimSeconds", options.dedupe?.claimSeconds ?? DEFAULT_CLAIM_SECONDS, 1, "seconds", MAX_CLAIM_SECONDS) * 1000;
  let events;
  try {
    ({ events } = await verifyRequest(provider, request, options));
  } catch (error) {
    if (error?.code === "ERR_SIGNATURE") return text(401, error.message);
    if (error?.reason === "too_large") return text(413, error.message);
    if (error?.code === "ERR_WEBHOOK") return text(400, error.message);
    throw error;
  }
  // Whether any handler failed: a flag, not the error, which may be anything thrown (even
  // `undefined`, as a bare `Promise.reject()` gives) and must still answer 500.
  let failed = false;
  for (const event of events) {
    const key = event.key;
    let handlerFailed = false;
    const handle = async () => {
      try {
        await handlerOf(on, event)?.(event);
        await on.event?.(event);
      } catch (error) {
        handlerFailed = true;
        if (options.onError) options.onError(error, event);
        else report(`the ${event.type} handler failed (event ${event.key ?? "without a key"}); the delivery is answered 500 and will come again`, error);
        throw error;
      }
    };
    try {
      if (store && key) await once(store, key, ttl, claimMs, handle);
      else await handle();
    } catch (error) {
      // A store that fails is the caller's to know of (as before); a handler's failure, or a
      // concurrent delivery's, is answered 500 so that the provider redelivers.
      if (!handlerFailed && !(error instanceof ConcurrentFailure)) throw error;
      // A handler that outlived its claim is a bug of its own (an await on what never comes):
      // heard of here, where it is found, as its own failure would be.
      if (error instanceof ConcurrentFailure && error.lapsed) {
        if (options.onError) options.onError(error, event);
        else report("a handler is stuck", error);
      }
      failed = true;
    }
  }
  return failed ? text(500, "a handler failed; redeliver") : text(200, "OK");
}

/** `dedupe.store`, checked before a delivery needs it: a store without `get`/`put` would fail each one. */
function dedupeStore(store) {
  if (store == null) return defaultStore;
  if (typeof store.get !== "function" || typeof store.put !== "function") throw argument("dedupe.store needs get(key) and put(key, value, { expirationTtl }): a MemoryDedupeStore, a KV namespace or your own");
  return store;
}

/**
 * A failure heard of where no `onError` is given: the provider sees only a 500, and a bug in a
 * handler would otherwise go unseen while the provider redelivers. What is logged is the
 * event's type and key and the error's name, code and message (its stack where it has one) —
 * not the event, which holds a customer's words, nor the error's own fields: a failed reply's
 * `request.body` holds the recipient and the text (a one-time code, say).
 */
function report(what, error) {
  const told = error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : typeof error === "string" ? error : `a thrown ${error === null ? "null" : typeof error}`;
  const code = typeof error?.code === "string" ? ` [${error.code}]` : "";
  console.error(`wabridge: ${what}:${code} ${told}`);
}

/** What `handleWebhook` takes: a misspelt option (`maxBodyByte`, `dedup`) would silently be the default. */
const HANDLE_OPTIONS = ["provider", "secret", "verifyToken", "on", "dedupe", "onError", "toleranceSeconds", "tokenParameter", "url", "maxBodyBytes"];

function knownKeys(what, object, known) {
  if (typeof object !== "object") throw argument(`${what} is an object`);
  checkKeys(what, object, known);
}

/** The handlers `options.on` may have: one per event type, `echo`, and `event` for all. */
const HANDLERS = ["message", "echo", "status", "error", "other", "event"];

/**
 * `options.on`, checked: a misspelt handler (`mesage`) would never run, and its events would
 * be answered 200 and stored as handled — lost for good; a handler that is not a function
 * would fail every delivery.
 */
function handlers(on) {
  if (on == null) return {};
  if (typeof on !== "object") throw argument("handleWebhook's `on` is an object of handlers: { message, status, … }");
  for (const [name, handler] of Object.entries(on)) {
    if (!HANDLERS.includes(name)) throw argument(`unknown handler on.${name}; known: ${HANDLERS.join(", ")}`);
    if (handler != null && typeof handler !== "function") throw argument(`on.${name} is a function (got ${typeof handler})`);
  }
  return on;
}

/**
 * How long a handled event's key is kept: a whole number of seconds, at least 60 (a Workers KV
 * namespace refuses less, and would fail each delivery after its handler ran).
 */
function dedupeTtl(dedupe) {
  return wholeNumber("dedupe.ttlSeconds", dedupe?.ttlSeconds ?? DEFAULT_DEDUPE_TTL_SECONDS, 60, "seconds");
}

function text(status, body) {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * The URL a Node request was made to, as the provider called it: rebuilt from `Host` (and the
 * first `X-Forwarded-Proto` and `X-Forwarded-Host` behind a proxy). Where those headers make no
 * URL (anyone can send them), the path alone on localhost: Bird's signature over it then fails,
 * as it should; `options.url` gives Bird's URL where no header does.
 */
function nodeUrl(req) {
  const forwarded = (name) => String(req.headers[name] ?? "").split(",")[0].trim();
  const proto = forwarded("x-forwarded-proto") || (req.socket?.encrypted ? "https" : "http");
  const host = forwarded("x-forwarded-host") || req.headers.host || "localhost";
  const path = req.originalUrl ?? req.url ?? "/";
  const url = `${proto}://${host}${path}`;
  // A URL with a user name (`X-Forwarded-Host: user:pw@host`) no Request takes: not a server failure.
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  return parsed && !parsed.username && !parsed.password ? url : `http://localhost${path.startsWith("/") ? path : "/"}`;
}

/** The raw body of a Node request (up to `max` bytes): the stream read here, or a Buffer a body parser kept. */
async function nodeBody(req, max) {
  if (req.body instanceof Uint8Array || typeof req.body === "string") {
    const body = typeof req.body === "string" ? encoder.encode(req.body) : req.body;
    if (body.byteLength > max) throw tooLarge(max);
    return body;
  }
  if (req.body !== undefined && req.readableEnded !== false) {
    throw argument("the request body was parsed before the webhook handler: mount it before express.json(), or use express.raw({ type: \"*/*\" }), so that the raw bytes can be verified");
  }
  if (declaredLength(req.headers) > max) throw tooLarge(max);
  return readLimited(req, max);
}

/** A Node request as a standard `Request` over its raw bytes. */
async function toRequest(req, options) {
  const method = req.method ?? "GET";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : String(value));
  }
  const body = method === "GET" || method === "HEAD" ? undefined : await nodeBody(req, maxBodyBytes(options));
  return new Request(nodeUrl(req), { method, headers, body });
}

/** Answers a Node request with `handleWebhook`'s Response; resolves when it was written. */
async function answerNode(req, res, options) {
  let response;
  try {
    response = await handleWebhook(await toRequest(req, options), options);
  } catch (error) {
    if (error?.reason !== "too_large") throw error;
    // The rest of the upload is not read: the connection closes after the answer.
    res.setHeader("connection", "close");
    response = text(413, error.message);
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(new Uint8Array(await response.arrayBuffer()));
}

/**
 * `handleWebhook` as a `node:http` request listener: `http.createServer(nodeWebhookListener({…}))`.
 * The body is read raw from the stream; the URL is rebuilt from `Host` (and `X-Forwarded-*`
 * behind a proxy). A failure of this server's own (its configuration, a store that fails) is
 * answered 500 with no detail, which is the provider's to see, and given to `options.onError`
 * (or `console.error` without one): it may name hosts or credentials of yours.
 */
export function nodeWebhookListener(options) {
  return (req, res) => {
    answerNode(req, res, options).catch((error) => {
      if (options.onError) options.onError(error);
      else console.error("wabridge: the webhook could not be answered:", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end("the webhook could not be handled; redeliver");
    });
  };
}

/**
 * `handleWebhook` as Express middleware: `app.all("/hooks/meta", expressWebhook({…}))` (`all`:
 * Meta's verification is a GET, its deliveries POSTs). Mount it before `express.json()`, or
 * after `express.raw({ type: "*\/*" })`: the signature is over the raw bytes. A failure of this
 * server's own goes to Express's error handling (`next`).
 */
export function expressWebhook(options) {
  return (req, res, next) => {
    answerNode(req, res, options).catch(next);
  };
}
