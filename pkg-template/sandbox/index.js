// The sandbox: a faithful local emulator of Meta's, Bird's and 1MSG's APIs. One
// implementation with two faces: `sandbox.fetch` (a fetch-compatible function any client
// can use, in every runtime, no server needed) and `serveSandbox` (node:http, server.js).
// Imported as `wabridge/sandbox` (this file; node.mjs adds `serveSandbox` in Node and Bun).
// It validates with wabridge's own validators, stores what it accepted, emits signed
// webhooks, enforces the 24-hour customer-care window and injects faults on request.
import { createBird } from "./bird.js";
import { HTML_ERROR_PAGE, normalizeFault, pickFault, wait } from "./faults.js";
import { createMeta } from "./meta.js";
import { createOneMsg } from "./onemsg.js";
import { BSUID, DAY_MS, SANDBOX_CREDENTIALS, SANDBOX_WEBHOOK_SECRETS, digits, json, randomToken, seededRandom, whatsAppId } from "./support.js";
import { WebhookOutbox } from "./webhooks.js";

export { FAULT_MODES } from "./faults.js";
export { META_SEED_TEMPLATES as SANDBOX_META_TEMPLATES } from "./templates.js";
export { SANDBOX_WEBHOOK_SECRETS };

/**
 * The Deno, Workers and browser entries have no node:http server: the name is there (the
 * types declare it for every entry), and says what to do instead. node.mjs gives the server.
 */
export function serveSandbox() {
  return Promise.reject(new TypeError("serveSandbox needs node:http (Node, Bun): in this runtime, serve sandbox.fetch (Deno.serve(sandbox.fetch), a Worker's fetch handler) instead"));
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
/** The kinds of file a customer can send (`receive({ media })`). */
const MEDIA_TYPES = ["image", "video", "audio", "document", "sticker"];
/** Where a customer's files are served, as a storage bucket serves a presigned link. */
const FILES_PATH = "/sandbox-files/";
const DEFAULT_BASE_URL = "https://sandbox.wabridge.invalid";

/** The failures WhatsApp reports in a status webhook, by code. */
const FAILURES = {
  reengagement: {
    code: 131047,
    title: "Re-engagement message",
    details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
  },
  undeliverable: { code: 131026, title: "Message undeliverable", details: "Message Undeliverable." },
  // WhatsApp accepts a message whose media it cannot fetch and fails it afterwards.
  mediaLink: { code: 131053, title: "Media upload error", details: "Downloading media from weblink failed: its host cannot be reached from WhatsApp's servers." },
  mediaId: { code: 131053, title: "Media upload error", details: "Media not found: the media id was never uploaded to this phone number, or was deleted." },
};

/**
 * Whether WhatsApp's servers could not fetch `link`: a name that resolves nowhere or only
 * inside a network (`.invalid`, `localhost`, `.local`, a single label, …) or a loopback,
 * private or link-local address — a link that works on a developer's machine and fails in
 * production. The sandbox's own files (`origins`) are reachable.
 */
function unreachable(link, origins) {
  let url;
  try {
    url = new URL(link);
  } catch {
    return false; // no URL: the request's validation refuses it, not WhatsApp's download
  }
  if (origins.includes(url.origin) || !/^https?:$/.test(url.protocol)) return false;
  const host = url.hostname.replace(/\.$/, "").toLowerCase();
  // Names that resolve only inside a network, or nowhere: reserved (RFC 6761, 8375) and
  // single-label names.
  if (/(^|\.)(invalid|localhost|test|local|internal|home\.arpa)$/.test(host) || !host.includes(".")) return true;
  // An address (WHATWG URLs write IPv4 hosts dotted, IPv6 bracketed and compressed): loopback,
  // private, link-local, shared (100.64/10) and multicast.
  const ipv4 = (address) => /^\d+\.\d+\.\d+\.\d+$/.test(address) && /^(127\.|10\.|0\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|2(2[4-9]|3\d)\.)/.test(address);
  const mapped = /^\[::ffff:(\d+\.\d+\.\d+\.\d+)\]$/.exec(host) ?? /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (mapped) {
    const dotted = mapped.length === 2 ? mapped[1] : [mapped[1], mapped[2]].flatMap((h) => { const n = parseInt(h, 16); return [n >> 8, n & 255]; }).join(".");
    return ipv4(dotted);
  }
  return ipv4(host) || /^\[(::1?|f[cd][0-9a-f]*:.*|fe[89ab][0-9a-f]:.*|ff[0-9a-f]*:.*)\]$/.test(host);
}

class Sandbox {
  constructor(options = {}) {
    const now = options.now ?? (() => Date.now());
    /** How far `advanceClock` moved the sandbox's time past `now`'s. */
    this.clockOffsetMs = 0;
    this.clock = () => now() + this.clockOffsetMs;
    this.random = seededRandom(options.seed ?? 1);
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.statusDelayMs = options.statusDelayMs ?? 0;
    this.autoRead = options.autoRead ?? true;
    this.enforceWindow = options.enforceWindow ?? true;
    // Each number as written and as its WhatsApp id (a Mexican mobile's `521…`, Meta's contact).
    this.undeliverable = new Set((options.undeliverable ?? []).flatMap((n) => [digits(n), whatsAppId(n)]));
    this.providers = [createMeta(this, options.meta), createBird(this, options.bird), createOneMsg(this, options.onemsg)];
    this.byName = Object.fromEntries(this.providers.map((p) => [p.name, p]));
    this.outbox = new WebhookOutbox({
      urls: options.webhooks?.url,
      onWebhook: options.webhooks?.onWebhook,
      fetch: options.webhooks?.fetch,
      timeoutMs: options.webhooks?.timeoutMs,
      retryDelaysMs: options.webhooks?.retryDelaysMs,
      disorder: options.webhooks?.disorder,
      clock: this.clock,
      random: this.random,
      seed: options.seed ?? 1,
      secrets: { metaAppSecret: this.byName.meta.config.appSecret, birdSigningKey: this.byName.bird.config.signingKey },
    });
    this.faults = (options.faults ?? []).map(normalizeFault);
    this.sent = [];
    this.reads = [];
    this.requests = [];
    this.lastInbound = new Map();
    /** The ids one customer is known by (their number, their business-scoped user id), by id. */
    this.sameCustomer = new Map();
    /** Files customers sent (`receive({ media })`), by id. */
    this.files = new Map();
    this.scheduled = new Set();
    this.tasks = new Set();
    this.fetch = this.fetch.bind(this);
  }

  /** The options a client needs to talk to this sandbox: `new MetaClient(sandbox.clientOptions("meta"))`. */
  clientOptions(provider, { baseUrl = this.baseUrl, viaFetch = true } = {}) {
    const options = this.provider(provider).clientOptions(baseUrl);
    return viaFetch ? { ...options, fetch: this.fetch } : options;
  }

  /**
   * What GET /__sandbox/config (and `wabridge sandbox`) report: each provider's client options
   * on `origin`, and the secrets the webhooks are signed with — the sandbox's own test secrets
   * only: one the sandbox was given (`meta.appSecret`, `bird.signingKey`) may be a real one,
   * and is reported as null rather than served to whoever reaches the port.
   */
  config(origin = this.baseUrl) {
    const own = (given, builtIn) => (given === builtIn ? builtIn : null);
    return {
      ...Object.fromEntries(this.providers.map((p) => [p.name, p.clientOptions(origin)])),
      webhookSecrets: {
        meta: own(this.byName.meta.config.appSecret, SANDBOX_WEBHOOK_SECRETS.meta),
        bird: own(this.byName.bird.config.signingKey, SANDBOX_WEBHOOK_SECRETS.bird),
      },
    };
  }

  provider(name) {
    const provider = this.byName[name];
    if (!provider) throw new TypeError(`unknown provider ${JSON.stringify(name)}: expected meta, bird or 1msg`);
    return provider;
  }

  /** A fetch-compatible function: `(input, init) => Promise<Response>`. */
  async fetch(input, init) {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(request.url);
    const body = new Uint8Array(await request.arrayBuffer());
    const ctx = { url, method: request.method, headers: request.headers, body, text: () => decoder.decode(body), signal: init?.signal ?? request.signal };
    this.releaseDue();
    if (url.pathname.startsWith("/__sandbox/")) return this.control(ctx);
    if (url.pathname.startsWith(FILES_PATH)) return this.serveFile(ctx);
    const provider = this.providers.find((p) => p.owns(url));
    if (!provider) return json(404, { error: `no sandbox route for ${ctx.method} ${url.pathname}` });
    const call = provider.describe(ctx);
    this.requests.push({ provider: provider.name, method: ctx.method, route: call.route, path: url.pathname, at: this.clock() });
    const fault = pickFault(this.faults, { provider: provider.name, method: ctx.method, route: call.route, operation: call.route }, this.random);
    if (fault?.mode === "malformed_json") {
      // Carried out, as a provider that answered 2xx did; the answer lost on the way.
      const answer = await provider.handle(ctx, call);
      const text = await answer.text();
      return new Response(text.slice(0, Math.ceil(text.length / 2)), { status: answer.status, headers: answer.headers });
    }
    if (fault) {
      const answer = await this.faultResponse(fault, provider, ctx.signal);
      if (answer) return answer;
    }
    return provider.handle(ctx, call);
  }

  async faultResponse(fault, provider, signal) {
    switch (fault.mode) {
      case "delay":
        await wait(fault.delayMs ?? 60_000, signal);
        return null;
      case "reset":
        throw Object.assign(new TypeError("fetch failed", { cause: { code: "ECONNRESET", message: "socket hang up" } }), { sandboxReset: true });
      case "rate_limit":
        return json(429, provider.faultBody("rate_limit"), { "retry-after": String(fault.retryAfterSeconds ?? 1) });
      case "server_error":
        return json(500, provider.faultBody("server_error"));
      case "unavailable":
        return json(503, provider.faultBody("unavailable"), { "retry-after": String(fault.retryAfterSeconds ?? 1) });
      case "html":
        return new Response(HTML_ERROR_PAGE, { status: 502, headers: { "content-type": "text/html" } });
      case "meta_130429":
      case "meta_131056":
        return json(400, this.byName.meta.faultBody(fault.mode));
      case "onemsg_not_sent":
        return json(200, this.byName["1msg"].faultBody("onemsg_not_sent"));
      default:
        return null;
    }
  }

  /** Adds fault rules (see FAULT_MODES); returns the sandbox for chaining. */
  inject(...rules) {
    this.faults.push(...rules.flat().map(normalizeFault));
    return this;
  }

  clearFaults() {
    this.faults = [];
  }

  /** Why a message fails for its media, if it does: a link WhatsApp cannot fetch, or a media
   *  id the provider does not know (`record.media`: `{ link }` or `{ id, known }` each). */
  mediaFailure(record) {
    const origins = [new URL(this.baseUrl).origin, record.origin];
    for (const media of record.media ?? []) {
      if (media.link !== undefined && unreachable(media.link, origins)) return FAILURES.mediaLink;
      if (media.id !== undefined && media.known === false) return FAILURES.mediaId;
    }
    return null;
  }

  /** Why a message to this contact fails, if it does: undeliverable number, or a free-form
   *  message outside the 24-hour window that the contact's last inbound message opened. */
  failureFor(record) {
    if (this.undeliverable.has(record.contact)) return FAILURES.undeliverable;
    // Templates may open a conversation; group messages have no per-customer window.
    if (!this.enforceWindow || record.template || record.group) return null;
    const last = this.lastInbound.get(`${record.provider}:${record.contact}`);
    return last !== undefined && this.clock() - last <= DAY_MS ? null : FAILURES.reengagement;
  }

  /** Stores an accepted message and plays its status webhooks out in order; one scheduled
   *  for later (`at`, ms since the epoch, after now) stays "scheduled" until the clock
   *  reaches it (checked on every request and on `settle()`), and is judged then. `checked`:
   *  the provider judged the contact already (1MSG refuses at once); its media is judged here. */
  accept(record, { checked = false, at } = {}) {
    Object.assign(record, { acceptedAt: this.clock(), statuses: [], status: "accepted", failure: null });
    this.sent.push(record);
    if (at !== undefined && at > this.clock()) {
      Object.assign(record, { status: "scheduled", scheduledAt: at });
      this.scheduled.add(record);
      return;
    }
    this.play(record, checked);
  }

  play(record, checked) {
    const provider = this.provider(record.provider);
    const failure = (checked ? null : this.failureFor(record)) ?? this.mediaFailure(record) ?? provider.contentFailure?.(record) ?? null;
    record.failure = failure;
    const steps = failure ? ["failed"] : provider.statusSteps(this.autoRead, record);
    this.track(
      (async () => {
        for (const step of steps) {
          await new Promise((resolve) => setTimeout(resolve, this.statusDelayMs));
          record.statuses.push(step);
          record.status = step;
          // A provider may give no webhook for a status (1MSG with ack notifications off).
          const payload = provider.statusWebhook(record, step, failure);
          if (payload) await this.emit(record.provider, "status", payload);
        }
      })(),
    );
  }

  /**
   * Moves the sandbox's time `ms` ahead (from any language: `POST /__sandbox/clock`), to close
   * a 24-hour window or reach a Bird message's `scheduledFor`, which then goes out. Resolves to
   * the new time, ms since the epoch.
   */
  advanceClock(ms) {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new TypeError(`advanceClock takes milliseconds, 0 or more (POST /__sandbox/clock {"advanceMs": …}); got ${JSON.stringify(ms) ?? String(ms)}`);
    this.clockOffsetMs += ms;
    this.releaseDue();
    return this.clock();
  }

  /** Sends the scheduled messages whose time has come. */
  releaseDue() {
    for (const record of this.scheduled) {
      if (record.scheduledAt > this.clock()) continue;
      this.scheduled.delete(record);
      this.play(record, false);
    }
  }

  emit(provider, event, payload) {
    return this.track(this.outbox.emit(provider, event, payload));
  }

  track(task) {
    this.tasks.add(task);
    task.finally(() => this.tasks.delete(task));
    return task;
  }

  /** An inbound message from a customer: opens the 24-hour window and emits the webhook.
   *  `{ provider, from, text, name?, replyTo?, message?, media? }` (`message`: a raw provider
   *  object; `media`: a file the customer sends, which each provider's client can download).
   *  A customer whose number is hidden behind a username writes with `userId` (their
   *  business-scoped user id, `US.13491208655302741918`) and `username` instead of `from`. */
  receive(input, origin = this.baseUrl) {
    const provider = this.provider(input?.provider);
    if (!input.from && !input.userId) throw new TypeError("receive needs `from`, the customer's phone number (or `userId`, the business-scoped user id of a customer whose number is hidden)");
    if (input.userId !== undefined && !BSUID.test(input.userId)) throw new TypeError(`receive's userId is a business-scoped user id (a country code, '.', up to 128 letters and digits: US.13491208655302741918); got ${JSON.stringify(input.userId)}`);
    const file = input.media === undefined ? undefined : this.storeFile(input.media, origin);
    const received = provider.receive(input, file);
    // The window is the customer's, whichever id a reply names them by: a number and a user id
    // seen together once are one customer from then on.
    const ids = [received.contact, received.userId].filter((id) => id !== undefined);
    const known = ids.map((id) => this.sameCustomer.get(`${provider.name}:${id}`)).find(Boolean);
    const customer = new Set([...ids, ...(known ?? [])]);
    for (const id of customer) {
      this.sameCustomer.set(`${provider.name}:${id}`, customer);
      this.lastInbound.set(`${provider.name}:${id}`, this.clock());
    }
    return received;
  }

  /** Keeps a file a customer sends, served at its `url` (FILES_PATH on `origin`: the address
   *  the sandbox is reached at) to whoever has the link. */
  storeFile(media, origin) {
    if (!MEDIA_TYPES.includes(media?.type)) throw new TypeError(`receive's media.type must be one of ${MEDIA_TYPES.join(", ")}`);
    // JSON (POST /__sandbox/receive) carries bytes as base64.
    const bytes = typeof media.dataBase64 === "string" ? Uint8Array.from(atob(media.dataBase64), (c) => c.charCodeAt(0)) : typeof media.data === "string" ? encoder.encode(media.data) : media.data;
    if (!(bytes instanceof Uint8Array)) throw new TypeError("receive's media needs data (a Uint8Array, or a string taken as UTF-8) or dataBase64");
    if (typeof media.mimeType !== "string" || !media.mimeType.includes("/")) throw new TypeError("receive's media needs its mimeType (\"image/jpeg\", …)");
    const id = randomToken(this.random, 24);
    const file = {
      id, type: media.type, bytes, mimeType: media.mimeType, origin, url: `${origin}${FILES_PATH}${id}`,
      filename: media.filename ?? null, caption: media.caption ?? null, voice: media.voice === true,
    };
    this.files.set(id, file);
    return file;
  }

  /** A customer's file, as the storage behind a provider's media link serves it: to anyone with
   *  the link, and to no request that carries an Authorization (S3 refuses a second
   *  authorization; here it also shows that no client forwarded its credentials). */
  serveFile(ctx) {
    if (ctx.headers.has("authorization")) {
      return new Response("<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>", { status: 400, headers: { "content-type": "application/xml" } });
    }
    // By its id, or (1MSG's links: sandbox/onemsg.js `fileLink`) its id and an extension.
    const name = ctx.url.pathname.slice(FILES_PATH.length);
    const file = this.files.get(name) ?? this.files.get(name.replace(/\.[a-z0-9]+$/i, ""));
    if (!file || ctx.method !== "GET") return new Response("Not Found", { status: 404 });
    return new Response(file.bytes, { status: 200, headers: { "content-type": file.mimeType, "content-length": String(file.bytes.byteLength) } });
  }

  /** Resolves when every pending status and webhook delivery has happened (scheduled Bird
   *  messages whose time has come go out first). */
  async settle() {
    this.releaseDue();
    while (this.tasks.size) await Promise.allSettled([...this.tasks]);
    await this.outbox.settle();
  }

  /** Messages the sandbox accepted, optionally of one provider. */
  messages(provider) {
    return this.sent.filter((m) => !provider || m.provider === provider);
  }

  /** Webhooks the sandbox emitted (delivered or not), optionally of one provider. */
  webhooks(provider) {
    return this.outbox.deliveries.filter((d) => !provider || d.provider === provider);
  }

  /**
   * What `console.log(sandbox)` and `JSON.stringify(sandbox)` show: what it holds, never the
   * credentials and webhook secrets it was given (which may be real ones).
   */
  toJSON() {
    return { baseUrl: this.baseUrl, providers: this.providers.map((p) => p.name), messages: this.sent.length, webhooks: this.outbox.deliveries.length, requests: this.requests.length };
  }

  [Symbol.for("nodejs.util.inspect.custom")](depth, options, inspect) {
    return `Sandbox ${inspect ? inspect(this.toJSON(), options) : JSON.stringify(this.toJSON())}`;
  }

  [Symbol.for("Deno.customInspect")](inspect, options) {
    return `Sandbox ${inspect(this.toJSON(), options)}`;
  }

  /** Meta's media (uploaded, and customers' files), without the bytes. */
  media() {
    return [...this.byName.meta.media.values()].map(({ bytes, hashed, ...item }) => item);
  }

  reset() {
    this.clockOffsetMs = 0;
    this.sent.length = 0;
    this.reads.length = 0;
    this.requests.length = 0;
    this.outbox.reset();
    this.lastInbound.clear();
    this.sameCustomer.clear();
    this.files.clear();
    this.scheduled.clear();
    this.byName.meta.media.clear();
    for (const provider of this.providers) provider.reset?.();
    this.faults = [];
  }

  /** The same inspection and control over HTTP, under /__sandbox/, for tools in other languages. */
  async control(ctx) {
    const route = `${ctx.method} ${ctx.url.pathname.slice("/__sandbox".length)}`;
    const provider = ctx.url.searchParams.get("provider") ?? undefined;
    const input = () => JSON.parse(ctx.text() || "{}");
    try {
      switch (route) {
        case "GET /config": {
          // Served to whoever reaches the port (any web page, through CORS): credentials the
          // sandbox was given are withheld, as its given webhook secrets are; its own are not.
          const config = this.config(ctx.url.origin);
          for (const provider of Object.keys(SANDBOX_CREDENTIALS)) {
            for (const key of ["token", "accessKey"]) {
              if (key in config[provider] && config[provider][key] !== SANDBOX_CREDENTIALS[provider]) config[provider][key] = null;
            }
          }
          return json(200, config);
        }
        case "GET /messages":
          return json(200, this.messages(provider));
        case "GET /webhooks":
          await this.settle();
          // Served to whoever reaches the port: a webhook URL's query (1MSG's shared token)
          // is withheld, as config() withholds the secrets the sandbox was given.
          return json(200, this.webhooks(provider).map((hook) => ({ ...hook, url: withheldQuery(hook.url), error: withheldFrom(hook.error, hook.url) })));
        case "GET /media":
          return json(200, this.media());
        case "POST /receive":
          // Media links on the address this request came in on, as the client reaches the sandbox.
          return json(200, this.receive(input(), ctx.url.origin));
        case "POST /faults":
          this.inject(input());
          return json(200, { faults: this.faults.length });
        case "DELETE /faults":
          this.clearFaults();
          return json(200, { faults: 0 });
        case "GET /clock":
          return json(200, { now: this.clock() });
        case "POST /clock":
          return json(200, { now: this.advanceClock(input().advanceMs) });
        case "POST /settle":
          await this.settle();
          return json(200, { settled: true });
        case "POST /reset":
          this.reset();
          return json(200, { reset: true });
        default:
          return json(404, { error: `unknown sandbox control route ${route}` });
      }
    } catch (error) {
      return json(400, { error: String(error?.message ?? error) });
    }
  }
}

/** `text` (a delivery's error, which may quote its URL) without the values of `url`'s query. */
function withheldFrom(text, url) {
  if (typeof text !== "string" || typeof url !== "string" || !/[?#]/.test(url)) return text;
  // Values long enough to be a secret (as the clients judge webhook URLs' query values), whole,
  // and the fragment (withheld whole where the URL is listed).
  const { pairs, fragment } = queryOf(url);
  const values = [...pairs.map(([, value]) => value), fragment.slice(1)].filter((value) => value?.length >= 8);
  return values.reduce((clean, value) => clean.replaceAll(value, "[withheld]").replaceAll(decodeURIComponentSafe(value), "[withheld]"), text);
}

/** A URL's query as its [name, value] pairs (no value for a pair without `=`), and the URL
 *  before it and its fragment after it. */
function queryOf(url) {
  const hash = url.indexOf("#") < 0 ? url.length : url.indexOf("#");
  const question = url.indexOf("?");
  const at = question >= 0 && question < hash ? question : hash;
  const query = url.slice(at + 1, hash);
  const pairs = at === hash ? [] : query.split("&").map((pair) => (pair.includes("=") ? [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] : [pair]));
  return { before: url.slice(0, at), pairs, fragment: url.slice(hash) };
}

/** A query value as it reads decoded; as given when it does not decode. */
function decodeURIComponentSafe(value) {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** `url` with its query's values, and its fragment, replaced by `[withheld]`. */
function withheldQuery(url) {
  if (typeof url !== "string" || !/[?#]/.test(url)) return url;
  const { before, pairs, fragment } = queryOf(url);
  const query = pairs.length ? `?${pairs.map(([name, value]) => (value === undefined ? name : `${name}=[withheld]`)).join("&")}` : "";
  return `${before}${query}${fragment && "#[withheld]"}`;
}

/**
 * Creates a sandbox. Options (all optional): `meta`, `bird`, `onemsg` (credentials and ids),
 * `webhooks` ({ url, onWebhook, fetch }), `faults`, `seed`, `now`, `statusDelayMs`,
 * `autoRead`, `enforceWindow`, `undeliverable`, `baseUrl`.
 */
export function createSandbox(options) {
  // A misspelt option would be ignored without a word (`"1msg": { token }` kept the default token).
  for (const key of Object.keys(options ?? {})) {
    if (!SANDBOX_OPTIONS.includes(key)) {
      const hint = key === "1msg" ? ` (1MSG's are under "onemsg")` : "";
      throw new TypeError(`unknown createSandbox option ${JSON.stringify(key)}${hint}; known: ${SANDBOX_OPTIONS.join(", ")}`);
    }
  }
  return new Sandbox(options);
}

/** createSandbox's options. */
const SANDBOX_OPTIONS = ["meta", "bird", "onemsg", "webhooks", "faults", "seed", "now", "statusDelayMs", "autoRead", "enforceWindow", "undeliverable", "baseUrl"];
