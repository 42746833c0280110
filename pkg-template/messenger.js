// One messenger, any provider: the same calls — send, reply, markRead, media, webhooks —
// whichever provider a business uses; switching provider is the one line that creates it.
// Each call goes to that provider's client (and its validation); what a provider cannot do is
// an UnsupportedError before any I/O, never an approximation.
import { BirdClient, MetaClient, OneMsgClient, sendChanges } from "./clients.js";
import { ArgumentError, UnexpectedResponseError, UnsupportedError, WabridgeError, fitMessage } from "./wasm/index.js";
import { MemoryDedupeStore, handleWebhook, readWebhook, receiveWebhook } from "./webhooks.js";

const CLIENTS = { meta: MetaClient, bird: BirdClient, "1msg": OneMsgClient };

/** The options that are the messenger's own, not its client's. */
const OWN = ["provider", "webhookSecret", "verifyToken", "toleranceSeconds", "tokenParameter"];

function unsupported(provider, kind, why) {
  return new UnsupportedError(`${provider} cannot ${why}`, { code: "ERR_UNSUPPORTED", retryable: false, provider, kind, path: "" });
}

class Messenger {
  #options;
  /** The events this messenger's webhooks handled: its own, so that messengers never share one. */
  #seen = new MemoryDedupeStore();

  constructor(options) {
    const Client = CLIENTS[options?.provider];
    if (!Client) throw new ArgumentError(`createMessenger needs \`provider\`: ${Object.keys(CLIENTS).join(", ")} (got ${JSON.stringify(options?.provider)})`, { code: "ERR_ARGUMENT", retryable: false });
    this.provider = options.provider;
    this.#options = options;
    const clientOptions = Object.fromEntries(Object.entries(options).filter(([key]) => !OWN.includes(key)));
    /** The provider's own client, for what only that provider has. */
    try {
      this.client = new Client(clientOptions);
    } catch (error) {
      // The client lists what it knows; a misspelt messenger option (`webhooksecret`) is
      // refused there too, and the right spelling must be among those listed.
      if (error instanceof ArgumentError && error.message.startsWith("unknown option")) error.message += `; createMessenger's own: ${OWN.join(", ")}`;
      throw error;
    }
  }

  /**
   * Sends a neutral message; resolves to `{ provider, id, result, changes }` (`result`: the
   * provider's answer). With `options.fit` ("truncate", "adapt") the message is first fitted to
   * the provider: `changes` lists every change, and a split's further messages are sent in
   * order and given in `more`.
   */
  async send(message, options = {}) {
    const { fit, ...delivery } = options ?? {};
    // Bird's delivery options (a time to send at, tags, …) mean nothing to the other providers:
    // sending at once what was meant for later would be worse than refusing.
    const given = Object.keys(delivery).filter((key) => delivery[key] !== undefined);
    if (this.provider !== "bird" && given.length) {
      throw new ArgumentError(`${this.provider} messages have no delivery options (${given.join(", ")} are Bird's): send takes { fit } alone`, { code: "ERR_ARGUMENT", retryable: false });
    }
    if (fit === undefined || fit === "strict") {
      // What the provider leaves out or changes by design (a MIME type it reads from the file),
      // each at its pointer, as convert reports it: `result.warnings` says the same in words.
      const sent = await this.#sendOne(message, delivery);
      return { ...sent, changes: sendChanges(sent.result) };
    }
    const { messages, changes } = fitMessage(this.provider, message, fit);
    const sent = [];
    for (const [index, part] of messages.entries()) {
      try {
        sent.push(await this.#sendOne(part, delivery));
      } catch (error) {
        // Nothing is lost: what was sent, and what was not, travel with the error — wabridge's
        // own, made for this call, or else a wrapper: any other value (an abort's reason) may
        // be shared by every call its signal stops, or be a string, null or frozen. A part the provider may have taken (a 2xx whose answer was
        // lost, an abort or a timeout while its request was out) is neither: `uncertain`, as
        // resending it could deliver it twice. Only a refusal that says it is safe to resend,
        // or a check made before sending, is sure.
        const checked = ["ERR_VALIDATION", "ERR_ARGUMENT", "ERR_UNSUPPORTED"].includes(error?.code);
        const uncertain = !checked && error?.safeToResend !== true;
        const parts = uncertain ? { sent, uncertain: part, unsent: messages.slice(index + 1) } : { sent, unsent: messages.slice(index) };
        if (error instanceof WabridgeError && Object.isExtensible(error)) throw Object.assign(error, parts);
        throw new WabridgeError(`the message was split in ${messages.length} parts and part ${index + 1} failed (its error is \`cause\`): \`sent\` has the parts sent, \`uncertain\` one that may have gone, \`unsent\` the rest`, { code: "ERR_PARTIAL_SEND", retryable: false, cause: error, ...parts });
      }
    }
    const [first, ...more] = sent;
    return { ...first, changes, more };
  }

  async #sendOne(message, delivery) {
    const result = this.provider === "bird" ? await this.client.send(message, delivery) : await this.client.send(message);
    return { provider: this.provider, id: result.messageId, result };
  }

  /**
   * Answers an inbound message event (`type: "message"`) with `content`, quoting it: to the
   * sender's number, or into the group it came from (`event.group`).
   */
  async reply(event, content, options) {
    if (event?.type !== "message") throw new ArgumentError("reply takes a message event (type \"message\") from this messenger's webhooks", { code: "ERR_ARGUMENT", retryable: false });
    const group = typeof event.group === "string";
    // A customer whose number is hidden behind a username is answered by their business-scoped
    // user id; on Bird, one known by username alone, by their contact (`from.id`, a UUID).
    const contact = event.provider === "bird" ? event.from?.id : undefined;
    const to = group ? event.group : event.from?.phone ?? event.from?.userId ?? contact;
    if (!to) throw new ArgumentError(`the ${event.provider} message ${event.id} has no phone number or user id to answer (answer through the client with the provider's own id)`, { code: "ERR_ARGUMENT", retryable: false });
    const recipient = { to, ...(group ? { recipientType: "group" } : {}) };
    // A reaction names the message it is on (this one, unless it says otherwise) and is no reply.
    if (content?.type === "reaction") return this.send({ ...recipient, content: { messageId: event.id, ...content } }, options);
    return this.send({ ...recipient, ...(event.id ? { replyTo: event.id } : {}), content }, options);
  }

  /** Marks an inbound message as read (Meta, 1MSG; Bird has no such call). */
  markRead(messageId, options) {
    if (this.provider === "bird") return Promise.reject(unsupported("bird", "markRead", "mark a message as read (its Channels API has no read receipts to send)"));
    return this.client.markRead(messageId, options);
  }

  /**
   * Downloads the media of a customer's message: `event.media` of a message event (or its URL).
   * Meta's media comes by id (looked up with getMedia first, whose size and SHA-256 the file is
   * checked against); Bird's and 1MSG's by URL. Each client decides where its credentials may go.
   */
  async downloadMedia(media) {
    const { id, url } = typeof media === "string" ? { url: media } : media ?? {};
    if (typeof url === "string") return this.client.downloadMedia(url);
    if (this.provider === "meta" && typeof id === "string") {
      const described = await this.client.getMedia(id);
      return checkedAgainst(described, await this.client.downloadMedia(described.url));
    }
    throw new ArgumentError(`downloadMedia takes a message event's \`media\` (${this.provider === "meta" ? "its id or url" : "its url"}) or a URL`, { code: "ERR_ARGUMENT", retryable: false });
  }

  /** Uploads a file; resolves to `{ mediaId }` to send media by id (Meta, 1MSG; Bird takes media by URL). */
  async uploadMedia(file, options) {
    if (this.provider === "bird") throw unsupported("bird", "uploadMedia", "upload media (Bird's messages take media by URL)");
    const uploaded = await this.client.uploadMedia(file, options);
    return { mediaId: uploaded.mediaId ?? uploaded.id };
  }

  #verification(needed = true) {
    const { webhookSecret, toleranceSeconds, tokenParameter } = this.#options;
    if (needed && !webhookSecret) {
      throw new ArgumentError("createMessenger needs `webhookSecret` to check webhooks: Meta's app secret, Bird's signing key or your 1MSG URL token", { code: "ERR_ARGUMENT", retryable: false });
    }
    return { secret: webhookSecret, toleranceSeconds, tokenParameter };
  }

  /** `handleWebhook` for this messenger's provider, with its webhook secret, Meta verify token and duplicate filter. */
  async handleWebhook(request, options = {}) {
    // The messenger's own store unless another is named: `{ ttlSeconds }` alone tunes this one.
    const dedupe = options.dedupe === false ? false : { store: this.#seen, ...options.dedupe };
    // Meta's verification GET needs no secret; a delivery does.
    const verification = this.#verification(request?.method === "POST");
    return handleWebhook(request, { ...verification, verifyToken: this.#options.verifyToken, ...options, dedupe, provider: this.provider });
  }

  /** Checks a delivery with the messenger's webhook secret and reads its events. */
  receiveWebhook(delivery) {
    return receiveWebhook(this.provider, delivery, this.#verification());
  }

  /** Reads a verified delivery's body into events. */
  readWebhook(body) {
    return readWebhook(this.provider, body);
  }

  /** Frees the client's wasm memory. */
  free() {
    this.client.free();
  }
}

if (typeof Symbol.dispose === "symbol") Messenger.prototype[Symbol.dispose] = Messenger.prototype.free;

/**
 * A Meta download held to what getMedia said of the file: its size, and its SHA-256 (hex, or
 * base64 as webhooks give it) where the runtime has WebCrypto. A login page or a cut-off body
 * that came back with a 200 is not the customer's file; downloading again is safe (a GET).
 */
async function checkedAgainst(described, file) {
  const differs = (what) =>
    // Not quoting getMedia's answer (its id): what a provider answered may carry credentials,
    // and only the core's errors are redacted.
    new UnexpectedResponseError(`the file downloaded is not the one getMedia described: ${what}; download it again`, {
      code: "ERR_UNEXPECTED_RESPONSE", retryable: true, safeToResend: true, provider: "meta", httpStatus: 200, raw: "",
    });
  const size = file.bytes.byteLength;
  if (described.fileSize > 0 && size !== described.fileSize) throw differs(`${size} bytes, not ${described.fileSize}`);
  const subtle = globalThis.crypto?.subtle;
  if (typeof described.sha256 !== "string" || !described.sha256 || typeof subtle?.digest !== "function") return file;
  const digest = new Uint8Array(await subtle.digest("SHA-256", file.bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  const base64 = btoa(String.fromCharCode(...digest));
  if (described.sha256.toLowerCase() !== hex && described.sha256 !== base64) throw differs("its SHA-256 differs");
  return file;
}

/**
 * A messenger for `options.provider` ("meta", "bird" or "1msg") with that provider's client
 * options beside (Meta: token, phoneNumberId; Bird: accessKey, workspaceId, channelId; 1MSG:
 * token, instanceId), and for webhooks `webhookSecret` (Meta's app secret, Bird's signing key,
 * the token of your 1MSG webhook URL) and Meta's `verifyToken`.
 */
export function createMessenger(options) {
  return new Messenger(options);
}
