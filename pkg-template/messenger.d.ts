import type {
  BirdClientOptions, BirdSendOptions, BirdSendResult, Content, MarkReadOptions, Message, MetaClientOptions, MetaSendResult,
  OneMsgClientOptions, OneMsgSendResult, UploadMediaOptions, WebhookEvent, WebhookMessage,
} from "./wasm/wabridge.js";
import type { BirdClient, MetaClient, OneMsgClient } from "./clients.js";
import type { HandleWebhookOptions, WebhookDelivery } from "./webhooks.js";

/** What a messenger needs for webhooks, whatever the provider. */
export interface MessengerWebhookOptions {
  /** Meta's app secret, Bird's signing key, or the shared token of your 1MSG webhook URL (1MSG signs nothing). */
  webhookSecret?: string;
  /** Meta: your webhook's verify token, to answer Meta's verification GET. */
  verifyToken?: string;
  /** Bird: the freshness window of signatures, in seconds (default a day). */
  toleranceSeconds?: number;
  /** 1MSG: the query parameter of your webhook URL that carries the token (default `"secret"`). */
  tokenParameter?: string;
}

/** `createMessenger`'s options: the provider, its client's options beside, and the webhook options. */
export type MessengerOptions =
  | ({ provider: "meta" } & MetaClientOptions & MessengerWebhookOptions)
  | ({ provider: "bird" } & BirdClientOptions & MessengerWebhookOptions)
  | ({ provider: "1msg" } & OneMsgClientOptions & MessengerWebhookOptions);

/** Each provider's client and send answer. */
interface ProviderParts {
  meta: { client: MetaClient; result: MetaSendResult };
  bird: { client: BirdClient; result: BirdSendResult };
  "1msg": { client: OneMsgClient; result: OneMsgSendResult };
}

/** A message sent: its id (to match status events by) and the provider's own answer. */
export interface SentMessage<P extends keyof ProviderParts = keyof ProviderParts> {
  provider: P;
  id: string;
  result: ProviderParts[P]["result"];
}

/** The same calls for every provider. */
export interface Messenger<P extends keyof ProviderParts = keyof ProviderParts> {
  readonly provider: P;
  /** The provider's own client, for what only that provider has. */
  readonly client: ProviderParts[P]["client"];
  /** Validates and sends a neutral message (Bird: with its delivery `options`); content the provider cannot carry rejects with `UnsupportedError`. */
  send(message: Message, options?: BirdSendOptions): Promise<SentMessage<P>>;
  /** Answers an inbound message event with `content`, quoting it: to the sender's number, or into the group chat it came from (1MSG). */
  reply(event: WebhookMessage, content: Content, options?: BirdSendOptions): Promise<SentMessage<P>>;
  /** Marks an inbound message as read (Meta, 1MSG); Bird rejects with `UnsupportedError`. */
  markRead(messageId: string, options?: MarkReadOptions): Promise<unknown>;
  /** Uploads a file to send by id (Meta, 1MSG); Bird (media by URL) rejects with `UnsupportedError`. */
  uploadMedia(file: Blob | Uint8Array | ArrayBuffer, options?: UploadMediaOptions): Promise<{ mediaId: string }>;
  /** `handleWebhook` for this provider, with the messenger's webhook secret, verify token and its own duplicate filter (unless `dedupe` is given). */
  handleWebhook(request: Request, options?: Omit<HandleWebhookOptions, "provider" | "secret">): Promise<Response>;
  /** Checks a delivery with the webhook secret and reads its events. */
  receiveWebhook(delivery: WebhookDelivery): WebhookEvent[];
  /** Reads a verified delivery's body into events. */
  readWebhook(body: Uint8Array | ArrayBuffer | string): WebhookEvent[];
  /** Frees the client's wasm memory. */
  free(): void;
  [Symbol.dispose](): void;
}

/** A messenger for one provider: switching provider is changing this call. */
export declare function createMessenger<O extends MessengerOptions>(options: O): Messenger<O["provider"]>;
