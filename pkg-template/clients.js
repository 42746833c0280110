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

class Client {
  #core;
  #fetch;
  #timeoutMs;

  constructor(provider, options) {
    this.#core = new ClientCore(provider, options);
    // Checked by the core (a function; 1 ms to 10 minutes); null counts as absent there too.
    this.#fetch = options.fetch ?? undefined;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Frees the wasm memory the client holds now, rather than when it is garbage collected. */
  free() {
    this.#core?.free();
    this.#core = undefined;
  }

  /** Runs `operation`: prepares the request, sends it, decodes the answer, retries as allowed. */
  async run(operation, argument, extra) {
    const core = this.#core;
    if (!core) throw argumentError("this client was freed (free() or the end of a `using` scope)");
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
        answer = await sendRequest(fetchImpl, method, url, headers, body, this.#timeoutMs, binary);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        failure = error;
      }
      if (!this.#core) throw argumentError("this client was freed while the request was in flight");
      // A downloaded file stays in JS: the core decodes its status and headers only, so the
      // wasm memory (which never shrinks) does not grow to the largest file ever downloaded.
      const file = !failure && binary && answer[0] >= 200 && answer[0] < 300 ? answer[2] : undefined;
      const outcome = failure
        ? core.failed(prepared, failure.timedOut, failure.message, attempt, Math.random())
        : core.decode(operation, prepared, answer[0], answer[1], file ? EMPTY : answer[2], attempt, Math.random());
      if (outcome[0] && file && outcome[1]?.bytes) outcome[1].bytes = file;
      if (outcome[0]) return outcome[1];
      if (outcome.length < 3) throw outcome[1];
      await sleep(outcome[2]);
    }
  }

  /**
   * Downloads a customer's media (a URL from a webhook, or Meta's `getMedia`): the core says
   * where the credentials may go. Bird's media host answers with a redirect to the file's
   * storage, followed here without them.
   */
  async downloadMedia(url) {
    let downloaded = await this.run("downloadMedia", url);
    // A fetch that does not follow redirects (a custom one) may meet more of them on the way.
    for (let hops = 1; downloaded.redirect !== undefined; hops++) {
      if (hops > MAX_MEDIA_REDIRECTS) {
        throw new UnexpectedResponseError(`downloading the media took more than ${MAX_MEDIA_REDIRECTS} redirects (the last to ${new URL(downloaded.redirect).host})`, { code: "ERR_UNEXPECTED_RESPONSE", retryable: false });
      }
      downloaded = await this.run("downloadRedirected", downloaded.redirect);
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

  markRead(messageId, options) {
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

  getContactChannel(contactId, options) {
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
  if (typeof when !== "number" || !Number.isFinite(when)) throw new TypeError("isServiceWindowOpen: at must be a Date or milliseconds since the epoch");
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

  markRead(messageId, options) {
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
  updateMe(profile, options) {
    const photo = profile?.photo;
    if (photo === undefined || photo === null || typeof photo === "string") return this.run("updateMe", profile);
    const { photo: _, ...fields } = profile;
    return upload(this, "updateMeForm", photo, { ...options, fields });
  }

  /** sendFile with the file itself (a multipart form): `fields` are sendFile's (`phone` or `chatId`, `caption`, `filename`, `quotedMsgId`). */
  sendFile(file, fields, options) {
    return upload(this, "sendFileForm", file, { ...options, fields });
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
    return this.run("updateCommerce", { params });
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
  uploadMedia(file, options) {
    return typeof file === "string" ? this.run("uploadMedia", { body: file }) : upload(this, "uploadFile", file, options);
  }

  deleteMedia(mediaId) {
    return this.run("deleteMedia", mediaId);
  }
}

/** Uploads a Blob, File, Uint8Array or ArrayBuffer through `operation` of `client`. */
async function upload(client, operation, file, options) {
  const type = options?.type ?? (typeof file?.type === "string" && file.type ? file.type : undefined);
  const filename = options?.filename ?? (typeof file?.name === "string" ? file.name : undefined);
  // Type and size are checked before the file is read, so a refused 100 MB file is never
  // copied (into JS, then into the wasm).
  const size = file?.size ?? file?.byteLength;
  if (type !== undefined && typeof size === "number") checkMediaUpload(type, size);
  const fields = options?.fields === undefined ? [] : [JSON.stringify(options.fields)];
  return client.run(operation, await bytesOf(file), [type, filename ?? options?.fields?.filename, ...fields]);
}


/** `form` with `file` put in at byte `slot`. */
function spliced(form, file, slot) {
  const body = new Uint8Array(form.length + file.length);
  body.set(form.subarray(0, slot));
  body.set(file, slot);
  body.set(form.subarray(slot), slot + file.length);
  return body;
}

function argumentError(message) {
  return new ArgumentError(message, { code: "ERR_ARGUMENT", retryable: false });
}

/** The bytes of a Uint8Array, an ArrayBuffer, or a Blob/File; anything else goes on for the core to refuse. */
async function bytesOf(file) {
  if (file instanceof Uint8Array) return file;
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  if (typeof file?.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return file;
}
