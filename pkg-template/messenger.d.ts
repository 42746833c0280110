import type {
  BirdClientOptions, BirdSendOptions, BirdSendResult, Content, DeepReadonly, DownloadedMedia, FitChange, InboundMedia, FitMode, MarkReadOptions, Message, MetaClientOptions, MetaSendResult,
  MetaSuccess, OneMsgClientOptions, OneMsgSendResult, UploadMediaOptions, WebhookEvent, WebhookMessage,
} from "./wasm/wabridge.js";
import type { BirdClient, MetaClient, OneMsgClient } from "./clients.js";
import type { HandleWebhookOptions, WebhookDelivery } from "./webhooks.js";

/** What a messenger needs for webhooks, whatever the provider. */
export interface MessengerWebhookOptions {
  /** Meta's app secret, Bird's signing key, or the shared token of your 1MSG webhook URL (1MSG signs nothing). */
  webhookSecret?: string | undefined;
  /** Meta: your webhook's verify token, to answer Meta's verification GET. */
  verifyToken?: string | undefined;
  /** Bird: the freshness window of signatures, in seconds (default a day). */
  toleranceSeconds?: number | undefined;
  /** 1MSG: the query parameter of your webhook URL that carries the token (default `"secret"`). */
  tokenParameter?: string | undefined;
}

/** `createMessenger`'s options: the provider, its client's options beside, and the webhook options. */
export type MessengerOptions =
  | ({ provider: "meta" } & MetaClientOptions & MessengerWebhookOptions)
  | ({ provider: "bird" } & BirdClientOptions & MessengerWebhookOptions)
  | ({ provider: "1msg" } & OneMsgClientOptions & MessengerWebhookOptions);

/** Each provider's client, send answer and read receipt answer. */
interface ProviderParts {
  meta: { client: MetaClient; result: MetaSendResult; read: MetaSuccess; upload: { mediaId: string } };
  bird: { client: BirdClient; result: BirdSendResult; read: never; upload: never };
  "1msg": { client: OneMsgClient; result: OneMsgSendResult; read: { result?: string }; upload: { mediaId: string } };
}

/** The providers a messenger can be for. */
export type MessengerProvider = keyof ProviderParts;

/**
 * A message sent: its id (to match status events by) and the provider's own answer. For a
 * provider known only at run time, a union that `provider` narrows.
 */
export type SentPart<P extends MessengerProvider = MessengerProvider> = P extends MessengerProvider
  ? { provider: P; id: string; result: ProviderParts[P]["result"] }
  : never;

/** What `send` gives: the message sent, every change a fit made, and a split's further messages. */
export type SentMessage<P extends MessengerProvider = MessengerProvider> = P extends MessengerProvider
  ? SentPart<P> & {
      /** Every change made to send it, each at its pointer: what the provider leaves out or changes by design (as `convert` reports it), and what `fit` shortened or reshaped. */
      changes: FitChange[];
      /** The further messages of a split (fit `"adapt"`: a carousel card by card), sent in order. */
      more?: SentPart<P>[] | undefined;
    }
  : never;

/** How far a message may be fitted to its provider. */
export interface MessengerFitOptions {
  /**
   * `"strict"` (default): violations reject. `"truncate"`, `"adapt"`: fitted first (see `fitMessage`);
   * if a part of a split fails, the error carries `sent` (the parts sent), `unsent` (the messages not sent) and `uncertain` (a part the provider may have taken: its error is not `safeToResend`) — wabridge's own error, or, where something else stopped it (an abort's reason, which every send its signal stops shares), a `WabridgeError` with code `ERR_PARTIAL_SEND` whose `cause` is that value.
   */
  fit?: FitMode | undefined;
}

/**
 * `send`'s options: the fit, and Bird's delivery options (scheduling, tags, …) where the
 * provider may be Bird. The other providers have none: a messenger for one refuses them
 * (`ArgumentError`) rather than send at once what was meant for later.
 */
export type MessengerSendOptions<P extends MessengerProvider = MessengerProvider> = MessengerFitOptions &
  ("bird" extends P ? BirdSendOptions : unknown);

/** The same calls for every provider; `Messenger` is one of these per provider, which `provider` narrows. */
export interface ProviderMessenger<P extends MessengerProvider> {
  readonly provider: P;
  /** The provider's own client, for what only that provider has. */
  readonly client: ProviderParts[P]["client"];
  /** Validates and sends a neutral message (Bird: with its delivery `options`); content the provider cannot carry rejects with `UnsupportedError` unless `options.fit` finds a way. */
  send(message: DeepReadonly<Message>, options?: MessengerSendOptions<P>): Promise<SentMessage<P>>;
  /** Answers an inbound message event with `content`, quoting it: to the sender's number (or, a number hidden behind a username, their business-scoped user id; on Bird, a customer known by username alone, their contact id), or into the group it came from (`event.group`: Meta's group messages, 1MSG's group chats). A reaction (`{ type: "reaction", emoji }`) goes on the event's message instead, quoting nothing (Bird has no reactions: `UnsupportedError`). */
  reply(
    event: WebhookMessage,
    content: DeepReadonly<Content> | { type: "reaction"; emoji: string; messageId?: string },
    options?: MessengerSendOptions<P>,
  ): Promise<SentMessage<P>>;
  /** Marks an inbound message as read (Meta, 1MSG); Bird rejects with `UnsupportedError`. */
  markRead(messageId: string, options?: MarkReadOptions): Promise<ProviderParts[P]["read"]>;
  /**
   * Downloads the media of a customer's message: a message event's `media` (Meta's by id, looked
   * up with `getMedia`; Bird's and 1MSG's by URL) or a URL. Credentials go only to the
   * provider's own media hosts (see each client's `downloadMedia`).
   */
  downloadMedia(media: InboundMedia | string): Promise<DownloadedMedia>;
  /** Uploads a file to send by id (Meta, 1MSG); Bird (media by URL) rejects with `UnsupportedError`. */
  uploadMedia(file: Blob | Uint8Array | ArrayBuffer, options?: UploadMediaOptions): Promise<ProviderParts[P]["upload"]>;
  /** `handleWebhook` for this provider, with the messenger's webhook secret, verify token and its own duplicate filter (unless `dedupe` names another `store`, or is `false`). */
  handleWebhook(request: Request, options?: Omit<HandleWebhookOptions, "provider" | "secret">): Promise<Response>;
  /** Checks a delivery with the webhook secret and reads its events. */
  receiveWebhook(delivery: WebhookDelivery): WebhookEvent[];
  /** Reads a verified delivery's body into events. */
  readWebhook(body: Uint8Array | ArrayBuffer | string): WebhookEvent[];
  /** Frees the client's wasm memory. */
  free(): void;
  [Symbol.dispose](): void;
}

/** A messenger: for a provider known only at run time, a union that `messenger.provider` narrows. */
export type Messenger<P extends MessengerProvider = MessengerProvider> = P extends MessengerProvider ? ProviderMessenger<P> : never;

/** A messenger for one provider: switching provider is changing this call. (One overload per provider, so that a misspelt option in an object literal is a compile error.) */
export declare function createMessenger(options: { provider: "meta" } & MetaClientOptions & MessengerWebhookOptions): Messenger<"meta">;
export declare function createMessenger(options: { provider: "bird" } & BirdClientOptions & MessengerWebhookOptions): Messenger<"bird">;
export declare function createMessenger(options: { provider: "1msg" } & OneMsgClientOptions & MessengerWebhookOptions): Messenger<"1msg">;
/** A provider known only at run time: a messenger that `messenger.provider` narrows. */
export declare function createMessenger(options: MessengerOptions): Messenger;

// Only what is exported above is public: a declaration file without `export {}` exports its
// every declaration, so that a helper declared here (`Client`) compiled in an import but was
// undefined at run time.
export {};
