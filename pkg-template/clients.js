// The provider clients. Each is a thin JS class around a wasm `ClientCore`, which checks the
// options, builds every request, decodes every answer and decides on retries (sans-IO, in
// Rust); this file only moves bytes: one `fetch` per attempt (transport.js), the wait
// between attempts, and reading a Blob for an upload. Keeping the async work in JS makes a
// send cost little more than a bare `fetch` and keeps promise machinery out of the wasm.
import { ArgumentError, ClientCore, UnexpectedResponseError, checkMediaUpload } from "./wasm/index.js";
import { TransportFailure, sendRequest, sleep } from "./transport.js";

const DEFAULT_TIMEOUT_MS = 30_000;
/** Redirects a media download follows (without credentials) before it gives up, as fetch does (20) but fewer. */
const MAX_MEDIA_REDIRECTS = 5;
const EMPTY = new Uint8Array(0);
/** The per-call options each method reads, with each one's `typeof` (checked as the core checks client options). */
const MARK_READ_OPTIONS = { typing: "boolean" };
const UPLOAD_OPTIONS = { type: "string", filename: "string" };
const CONTACT_CHANNEL_OPTIONS = { contactIdentifierValue: "string" };
/**
 * What a send changed or left out of the message by design, as `FitChange`s, by its result
 * (the result's `warnings` say the same in words): the messenger reports them without
 * fitting the message a second time.
 */
const CHANGES = new WeakMap();

/** The changes the send that resolved to `result` made (none: an empty array). */
export function sendChanges(result) {
  return CHANGES.get(result) ?? [];
}

// Module-private: `upload` and `downloadMedia` hold a call open across several steps.
const HOLD = Symbol("hold");
const EXECUTE = Symbol("execute");

/** The calls pending on each signal a client was given, by signal (see watchSignal). */
const pendingOn = new WeakMap();

/**
 * Runs `cancel` with the signal's reason if `signal` aborts before the returned function is
 * called. One listener for a signal, whichever clients and calls share it (a shutdown's: Node
 * warns past 10 listeners), and only while a call is pending on it: a listener kept for a
 * client's life would keep every client given a long-lived signal from being collected.
 */
function watchSignal(signal, cancel) {
  let pending = pendingOn.get(signal);
  if (!pending) {
    const calls = new Set();
    const onAbort = () => {
      for (const call of [...calls]) call(signal.reason);
    };
    pending = { calls, onAbort };
    pendingOn.set(signal, pending);
  }
  if (pending.calls.size === 0) signal.addEventListener("abort", pending.onAbort, { once: true });
  pending.calls.add(cancel);
  return () => {
    if (pending.calls.delete(cancel) && pending.calls.size === 0) signal.removeEventListener("abort", pending.onAbort);
  };
}

class Client {
  #core;
  #fetch;
  #timeoutMs;
  /** The caller's AbortSignal, watched once for every call (`{ signal, watch }`): every call of the client stops when it aborts. */
  #cancel;
  /** Calls started and not yet settled: the core is released only when the last one settles. */
  #inFlight = 0;
  /** free() was called: new calls are refused. */
  #closed = false;
  /** Whose API this client calls, for the errors made here rather than by the core. */
  #provider;

  constructor(provider, options) {
    this.#core = new ClientCore(provider, options);
    this.#provider = provider === "1msg-media" ? "1msg" : provider;
    // Checked by the core (a function; 1 ms to 10 minutes); null counts as absent there too.
    this.#fetch = options.fetch ?? undefined;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signal = options.signal ?? undefined;
    if (signal === undefined) return;
    if (typeof signal !== "object" || typeof signal.aborted !== "boolean" || typeof signal.addEventListener !== "function" || typeof signal.removeEventListener !== "function") {
      this.free();
      throw argumentError("the client's signal option must be an AbortSignal");
    }
    this.#cancel = { signal, watch: (cancel) => watchSignal(signal, cancel) };
  }

  /**
   * Frees the wasm memory the client holds, rather than when it is garbage collected. Calls
   * already started finish (a request on the wire may have been delivered: its answer is not
   * thrown away); the memory is released when the last of them settles. New calls are refused.
   * `using client = new MetaClient(…); return client.send(m)` disposes the client while the
   * send is in flight, so this is what makes that pattern safe. A second call does nothing.
   */
  free() {
    this.#closed = true;
    if (this.#inFlight === 0) this.#release();
  }

  #release() {
    this.#core?.free();
    this.#core = undefined;
  }

  /** Runs `work` as one call of the client: refused once it is freed, and keeping its core alive until it settles. */
  async [HOLD](work) {
    if (this.#closed) throw argumentError("this client was freed (free() or the end of a `using` scope): make a new one");
    this.#inFlight++;
    try {
      return await work();
    } finally {
      if (--this.#inFlight === 0 && this.#closed) this.#release();
    }
  }

  /** Runs `operation`: prepares the request, sends it, decodes the answer, retries as allowed. */
  run(operation, argument, extra) {
    return this[HOLD](() => this[EXECUTE](operation, argument, extra));
  }

  /** `run` within a call already held. */
  async [EXECUTE](operation, argument, extra) {
    const core = this.#core;
    const prepared = core.prepare(operation, argument, extra);
    const [method, url, headers, form, binary, , slot] = prepared;
    // An upload: the core built the form around its file's slot from the file's size alone;
    // the bytes go in here, so that a file never passes through the wasm memory.
    const body = slot === undefined ? form : spliced(form, argument, slot);
    // Looked up per call, so that a fetch polyfill installed after the client was made counts.
    const fetchImpl = this.#fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== "function") {
      throw argumentError("no global fetch in this runtime: pass a fetch function in the client options");
    }
    for (let attempt = 1; ; attempt++) {
      let answer;
      let failure;
      try {
        answer = await sendRequest(fetchImpl, method, url, headers, body, this.#timeoutMs, binary, this.#cancel);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        failure = error;
      }
      // A downloaded file stays in JS: the core decodes its status and headers only, so the
      // wasm memory (which never shrinks) does not grow to the largest file ever downloaded.
      const file = !failure && binary && answer[0] >= 200 && answer[0] < 300 ? answer[2] : undefined;
      const outcome = failure
        ? core.failed(prepared, failure.timedOut, failure.message, attempt, Math.random())
        : core.decode(operation, prepared, answer[0], answer[1], file ? EMPTY : answer[2], attempt, Math.random());
      if (outcome[0] && file && outcome[1]?.bytes) outcome[1].bytes = file;
      if (outcome[0]) {
        if (Array.isArray(prepared[5])) CHANGES.set(outcome[1], prepared[5]);
        return outcome[1];
      }
      // An answer cut off by the caller's abort: the error says what the provider answered,
      // and the abort is its cause.
      if (outcome.length < 3) throw this.#cancel?.signal.aborted && outcome[1].cause === undefined ? Object.assign(outcome[1], { cause: this.#cancel.signal.reason }) : outcome[1];
      await sleep(outcome[2], this.#cancel);
    }
  }

  /**
   * Downloads a customer's media (a URL from a webhook, or Meta's `getMedia`): the core says
   * where the credentials may go. A media host's redirect to the file's storage (Bird's
   * always) is followed here without them.
   */
  downloadMedia(url) {
    return this[HOLD](() => this.#download(url));
  }

  async #download(url) {
    let downloaded = await this[EXECUTE]("downloadMedia", url);
    // A fetch that does not follow redirects (a custom one) may meet more of them on the way.
    for (let hops = 1; downloaded.redirect !== undefined; hops++) {
      if (hops > MAX_MEDIA_REDIRECTS) {
        const props = { code: "ERR_UNEXPECTED_RESPONSE", retryable: false, safeToResend: true, provider: this.#provider, httpStatus: downloaded.status, raw: "", attempts: hops };
        throw new UnexpectedResponseError(`downloading the media took more than ${MAX_MEDIA_REDIRECTS} redirects (the last to ${new URL(downloaded.redirect).host})`, props);
      }
      downloaded = await this[EXECUTE]("downloadRedirected", downloaded.redirect);
    }
    return downloaded;
  }
}

// `using client = new MetaClient(…)` frees it at the end of the scope, where runtimes have it.
if (typeof Symbol.dispose === "symbol") Client.prototype[Symbol.dispose] = Client.prototype.free;

/** A client of Meta's WhatsApp Cloud API. */
export class MetaClient extends Client {
  constructor(options) {
    super("meta", options);
  }

  send(message) {
    return this.run("send", message);
  }

  async markRead(messageId, options) {
    checkOptions("markRead", options, MARK_READ_OPTIONS);
    checkId("markRead", "messageId", messageId);
    return this.run("markRead", messageId, options?.typing === true);
  }

  uploadMedia(file, options) {
    return upload(this, "uploadMedia", file, options);
  }

  getMedia(mediaId) {
    return this.run("getMedia", mediaId);
  }

  deleteMedia(mediaId) {
    return this.run("deleteMedia", mediaId);
  }
}

/** A client of Bird's Channels API for a WhatsApp channel. */
export class BirdClient extends Client {
  constructor(options) {
    super("bird", options);
  }

  send(message, options) {
    return this.run("send", message, options);
  }

  sendBody(body) {
    return this.run("sendBody", body);
  }

  async getContactChannel(contactId, options) {
    checkOptions("getContactChannel", options, CONTACT_CHANNEL_OPTIONS);
    return this.run("getContactChannel", contactId, options?.contactIdentifierValue);
  }
}

/**
 * Whether a free-form (non-template) message may be sent to a Bird contact at `at` (a Date or
 * ms since the epoch; default now): `getContactChannel` judges its `serviceWindowOpen` once,
 * by the clock when it answered; this judges the same window at any time (a send scheduled for
 * later, a sandbox with a clock of its own). `channel` is what getContactChannel resolved to, or
 * its `serviceWindowExpireAt` alone (RFC 3339, or null: no window). A permanent session is
 * always open; an expiry that is not a date is a closed window (a template is the safe choice).
 */
export function isServiceWindowOpen(channel, at = Date.now()) {
  if (channel !== null && typeof channel === "object" && channel.isPermanentSession === true) return true;
  const expiry = channel !== null && typeof channel === "object" ? channel.serviceWindowExpireAt : channel;
  const when = at instanceof Date ? at.getTime() : at;
  if (typeof when !== "number" || !Number.isFinite(when)) throw argumentError("isServiceWindowOpen: at must be a Date or milliseconds since the epoch");
  return typeof expiry === "string" && Date.parse(expiry) > when;
}

/** A client of 1MSG.IO's WhatsApp Business API. */
export class OneMsgClient extends Client {
  constructor(options) {
    super("1msg", options);
  }

  /**
   * Downloads a customer's media without a client: 1MSG's media links are public and go
   * without the token, so no credentials are needed (`options`: `fetch`, `timeoutMs`, `retry`).
   */
  static async downloadMedia(url, options = {}) {
    const media = new Client("1msg-media", options);
    try {
      return await media.downloadMedia(url);
    } finally {
      media.free();
    }
  }

  send(message) {
    return this.run("send", message);
  }

  sendBody(method, body) {
    return this.run("sendBody", body, method);
  }

  async markRead(messageId, options) {
    checkOptions("markRead", options, MARK_READ_OPTIONS);
    checkId("markRead", "messageId", messageId);
    return this.run("markRead", { messageId, ...(options?.typing === true ? { typingIndicator: true } : {}) });
  }

  // 1MSG's other endpoints: the core checks each argument (a body by its method's table, a
  // query by its names) before any I/O; each resolves to 1MSG's JSON answer.

  me() {
    return this.run("me");
  }

  /**
   * The business profile. A `photo` given as the file itself (Blob, File, bytes; `options`:
   * its `type` and `filename` where the file does not say) goes as a multipart form.
   */
  async updateMe(profile, options) {
    const photo = profile?.photo;
    if (photo === undefined || photo === null || typeof photo === "string") {
      checkOptions("updateMe", options, UPLOAD_OPTIONS);
      return this.run("updateMe", profile);
    }
    const { photo: _, ...fields } = profile;
    return upload(this, "updateMeForm", photo, options, fields);
  }

  /** sendFile with the file itself (a multipart form): `fields` are sendFile's (`phone` or `chatId`, `caption`, `filename`, `quotedMsgId`). */
  async sendFile(file, fields, options) {
    return upload(this, "sendFileForm", file, options, fields);
  }

  statistics(date) {
    return this.run("statistics", date === undefined ? {} : { date });
  }

  extendedStatistics() {
    return this.run("extendedStatistics");
  }

  status() {
    return this.run("status");
  }

  settings() {
    return this.run("settings");
  }

  updateSettings(settings) {
    return this.run("updateSettings", settings);
  }

  commerce() {
    return this.run("commerce");
  }

  updateCommerce(params) {
    return this.run("updateCommerce", params);
  }

  outputIP() {
    return this.run("outputIP");
  }

  setWebhook(webhookUrl) {
    return this.run("setWebhook", { webhookUrl });
  }

  hookInfo(messageId) {
    return this.run("hookInfo", { messageId });
  }

  messages(query) {
    return this.run("messages", query ?? {});
  }

  templates() {
    return this.run("templates");
  }

  addTemplate(template) {
    return this.run("addTemplate", template);
  }

  removeTemplate(name) {
    return this.run("removeTemplate", { name });
  }

  /** A file by URL or data URI (JSON), or the file itself (a multipart form), checked like Meta's uploads. */
  async uploadMedia(file, options) {
    if (typeof file !== "string") return upload(this, "uploadFile", file, options);
    checkOptions("uploadMedia", options, UPLOAD_OPTIONS);
    return this.run("uploadMedia", { body: file });
  }

  async deleteMedia(mediaId) {
    checkId("deleteMedia", "mediaId", mediaId);
    return this.run("deleteMedia", mediaId);
  }
}

/**
 * Uploads a Blob, File, Uint8Array or ArrayBuffer through `operation` of `client`; `fields`
 * are sendFile's or updateMe's other fields (the core checks them).
 */
async function upload(client, operation, file, options, fields) {
  // The method's name as the caller knows it (`uploadFile` is 1MSG's `uploadMedia` with a file).
  const method = { uploadMedia: "uploadMedia", uploadFile: "uploadMedia", sendFileForm: "sendFile", updateMeForm: "updateMe" }[operation];
  checkOptions(method, options, UPLOAD_OPTIONS);
  // Held from here: a client freed while a Blob is read still sends it.
  return client[HOLD](() => uploadHeld(client, operation, method, file, options, fields));
}

async function uploadHeld(client, operation, method, file, options, fields) {
  const type = options?.type ?? (typeof file?.type === "string" && file.type ? file.type : undefined);
  const filename = options?.filename ?? (typeof file?.name === "string" ? file.name : undefined);
  // Type and size are checked before the file is read, so a refused 100 MB file is never
  // copied (into JS, then into the wasm).
  const size = file?.size ?? file?.byteLength;
  if (type !== undefined && typeof size === "number") checkMediaUpload(type, size);
  let extra = [];
  if (fields !== undefined) {
    try {
      extra = [JSON.stringify(fields)];
    } catch {
      // A BigInt, a cycle, a throwing getter: not JSON, so not a form's fields.
      throw argumentError(`${method}'s fields cannot be read as JSON (a BigInt, a cycle or a throwing getter in them?)`);
    }
  }
  return client[EXECUTE](operation, await bytesOf(file), [type, filename ?? fields?.filename, ...extra]);
}


/** `form` with `file` put in at byte `slot`. */
function spliced(form, file, slot) {
  const body = new Uint8Array(form.length + file.length);
  body.set(form.subarray(0, slot));
  body.set(file, slot);
  body.set(form.subarray(slot), slot + file.length);
  return body;
}

/**
 * Checks a method's options object the way the core checks a client's (src/wasm/options.rs):
 * absent (undefined or null) or a plain object whose every key is known and whose every value
 * is absent or of the expected type; else an ArgumentError naming the key.
 */
function checkOptions(method, options, known) {
  if (options === undefined || options === null) return;
  const what = `${method} options`;
  if (typeof options !== "object" || Array.isArray(options)) throw argumentError(`${what} must be an object`);
  checkKeys(what, options, Object.keys(known));
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && value !== null && typeof value !== known[key]) throw argumentError(`${what}.${key} must be a ${known[key]}`);
  }
}

/** An ArgumentError for the first key of `object` that is not one of `known`, naming it and listing them. */
export function checkKeys(what, object, known) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw argumentError(`unknown option ${JSON.stringify(key)} in ${what}; known: ${known.join(", ")}`);
  }
}

/** An id argument: a non-empty string, refused as an argument (it is not a body with pointers) alike for every client. */
function checkId(method, name, value) {
  if (typeof value !== "string") throw argumentError(`${method} takes the ${name} (a string), not ${value === null ? "null" : typeof value}`);
  if (value === "") throw argumentError(`${method} takes the ${name}, not an empty string`);
}

function argumentError(message, cause) {
  return new ArgumentError(message, { code: "ERR_ARGUMENT", retryable: false, ...(cause === undefined ? {} : { cause }) });
}

/** The bytes of a Uint8Array, an ArrayBuffer, or a Blob/File; anything else goes on for the core to refuse. */
async function bytesOf(file) {
  // A byte array of the caller's is copied (which reads none of its getters: a subclass's
  // `length` may throw, and the wasm reads the copy).
  if (ArrayBuffer.isView(file)) {
    try {
      return new Uint8Array(file.buffer, file.byteOffset, file.byteLength).slice();
    } catch (error) {
      throw argumentError(`the file's bytes cannot be read (${error?.message ?? error})`);
    }
  }
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  if (typeof file?.arrayBuffer === "function") {
    // A Blob whose source changed or went away (a file from `fs.openAsBlob` since edited)
    // cannot be read: the caller's to fix, said as such, its reason kept.
    try {
      return new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      throw argumentError(`the file cannot be read (${error?.message ?? error})`, error);
    }
  }
  return file;
}
