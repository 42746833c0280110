import type {
  BirdClientOptions, BirdRequestBody, BirdSendOptions, BirdSendResult, ClientOptions, ContactChannel, ContactChannelOptions, DeepReadonly, DownloadedMedia, MarkReadOptions, Message, MetaClientOptions, MetaMedia,
  MetaMediaUpload, MetaSendResult, MetaSuccess, OneMsgChannelStatus, OneMsgClientOptions, OneMsgCommerceParams,
  OneMsgFileFields, OneMsgHookInfo, OneMsgPeriodStatistics, OneMsgMessages, OneMsgMessagesQuery, OneMsgNewTemplate, OneMsgProfile, OneMsgProfileUpdate,
  OneMsgSendBody, OneMsgSendMethod, OneMsgSendResult, OneMsgSettings, OneMsgTemplates, UploadMediaOptions,
} from "./wasm/wabridge.js";

// `Symbol.dispose` is only in lib "esnext" (or @types/node), so a browser project on lib
// ["es2020", "dom"] failed with TS2550. Declaring the symbol the way @types/node does merges
// with lib "esnext" and @types/node alike (tests/types checks the combinations). At run time
// clients.js only wires `[Symbol.dispose]` where the runtime has the symbol.
declare global {
  interface SymbolConstructor {
    /** `using` declarations call `[Symbol.dispose]()` (ES2026 explicit resource management; wabridge's clients free their wasm memory). */
    readonly dispose: unique symbol;
  }
}

/** What every client has: freeing its wasm memory (it is also freed when collected). */
declare class Client {
  /**
   * Frees the client's wasm memory. Calls already started finish with their answer (a request
   * on the wire may have been delivered), and the memory is released when the last settles;
   * calls made afterwards reject with an `ArgumentError`. Calling it again does nothing.
   */
  free(): void;
  /** `free()`, for `using client = new …Client(…)`: safe even when the scope returns a call's promise. */
  [Symbol.dispose](): void;
}

/**
 * A client of Meta's WhatsApp Cloud API. Every method validates first and rejects with
 * `ValidationError`/`UnsupportedError`/`ArgumentError` before any I/O; a refusal is a
 * `ProviderError` (decoded Graph error, `retryable`, `raw`, the redacted `request`); a request
 * that does not complete is a `TransportError`/`TimeoutError`. Rate limits are retried by
 * themselves (`retry` option).
 */
export declare class MetaClient extends Client {
  /** Checks the options (token and phone number id are required) without any network I/O. */
  constructor(options: MetaClientOptions);
  /**
   * Validates `message`, sends it with `POST /{version}/{phone-number-id}/messages`, resolves to Meta's answer.
   * What Meta's body leaves out of the message (a `mimeType`: Meta reads it from the file) is in the result's `warnings`.
   */
  send(message: DeepReadonly<Message>): Promise<MetaSendResult>;
  /** Marks the inbound message `messageId` (and the earlier ones) as read; `{ typing: true }` also shows a typing indicator. */
  markRead(messageId: string, options?: MarkReadOptions): Promise<MetaSuccess>;
  /**
   * Uploads a file and resolves to its media id. The MIME type and size are checked against
   * `MEDIA_RULES` first (`ValidationError` at `/type` or `/file`).
   */
  uploadMedia(file: Blob | Uint8Array | ArrayBuffer, options?: UploadMediaOptions): Promise<MetaMediaUpload>;
  /** The media's download URL (valid 5 minutes), MIME type, SHA-256 and size. */
  getMedia(mediaId: string): Promise<MetaMedia>;
  /** Deletes an uploaded media. */
  deleteMedia(mediaId: string): Promise<MetaSuccess>;
  /**
   * Downloads a media URL from `getMedia` (or an inbound webhook) with the token. The token
   * only goes where `fetch` would take it to Meta (https, `*.fbsbx.com`, `*.facebook.com`,
   * `*.fbcdn.net`) or to exactly `baseUrl`'s origin; any other URL is refused before any I/O.
   */
  downloadMedia(url: string): Promise<DownloadedMedia>;
}

/** A client of Bird's Channels API for a WhatsApp channel. */
export declare class BirdClient extends Client {
  /** Checks the options (access key; workspace and channel ids, UUIDs) without I/O. */
  constructor(options: BirdClientOptions);
  /**
   * Validates `message`, sends it with `POST /workspaces/{ws}/channels/{ch}/messages` as
   * Bird's body, with Bird's delivery `options` (scheduling, tags, use case, …); resolves to
   * Bird's 202 answer. Content Bird cannot carry rejects with `UnsupportedError`; what Bird's
   * body changes or leaves out (a sticker goes as an image, an image's `mimeType` is not sent)
   * and a schedule Bird sends at once are in the result's `warnings`.
   */
  send(message: DeepReadonly<Message>, options?: BirdSendOptions): Promise<BirdSendResult>;
  /**
   * Sends a request body in Bird's own terms (templates by project, several images,
   * postback actions, …), validated as Bird reads it; violations point into `body`.
   */
  sendBody(body: DeepReadonly<BirdRequestBody> | string): Promise<BirdSendResult>;
  /**
   * The contact's customer-care window on this channel
   * (`GET …/channels/{ch}/contacts/{contactId}`): `serviceWindowOpen` says whether a
   * free-form message may be sent now, `templateRequired` whether only a template may.
   */
  getContactChannel(contactId: string, options?: ContactChannelOptions): Promise<ContactChannel>;
  /**
   * Downloads the media of a customer's message (`event.media.url` of a webhook). The access
   * key only goes where `fetch` would take it to Bird's own domains over https (`bird.com`
   * and `messagebird.com` and their subdomains: the media host is `media.api.bird.com`) or to
   * exactly `baseUrl`'s origin; any other
   * URL is refused before any I/O. Bird answers with a redirect to the file's storage, which
   * is followed without the key (in a browser, whose `fetch` hides redirects, it fails: download on a server).
   */
  downloadMedia(url: string): Promise<DownloadedMedia>;
}

/**
 * Whether a free-form (non-template) message may be sent to a Bird contact at `at` (default
 * now). `getContactChannel` judges `serviceWindowOpen` once, by the clock when it answered;
 * this judges the same window at any time: before a send scheduled for later, or by a
 * sandbox's clock (`createSandbox({ now })`). `channel` is what `getContactChannel` resolved
 * to, or its `serviceWindowExpireAt` alone (`null`: no window). A permanent session is always
 * open. Throws `ArgumentError` when `at` is not a Date or a finite number of milliseconds.
 */
export declare function isServiceWindowOpen(
  channel: Pick<ContactChannel, "serviceWindowExpireAt"> & Partial<Pick<ContactChannel, "isPermanentSession">> | string | null,
  at?: Date | number,
): boolean;

/** A client of 1MSG.IO's WhatsApp Business API. */
export declare class OneMsgClient extends Client {
  /** Checks the options (token and instance id are required) without any network I/O. */
  constructor(options: OneMsgClientOptions);
  /**
   * Downloads the media of a customer's message (`event.media.url` of a webhook: 1MSG's
   * `body` link) without a client: 1MSG's files are public links, fetched without the token,
   * so no token or instance id is needed. `options` are those every client takes (`fetch`,
   * `timeoutMs`, `retry`).
   */
  static downloadMedia(url: string, options?: ClientOptions): Promise<DownloadedMedia>;
  /**
   * Validates `message`, sends it to the 1MSG method its content needs (`sendMessage` for
   * text), resolves to 1MSG's answer (`sent` is then always `true`). An HTTP 200 with
   * `sent: false` rejects with a `ProviderError` (`httpStatus` 200, not retryable, 1MSG's
   * `message` and `description` as its message and `details`) whose `reason` is read from
   * 1MSG's words, as it documents no codes: `reengagement_required` (the 24-hour session is
   * closed: "Re-engagement message"; only a template may be sent), `template` (a template
   * problem), `unsupported_type` (a message type 1MSG does not take), else `not_sent`.
   * What 1MSG's body leaves out of the message (a `mimeType`: 1MSG reads it from the file)
   * is in the result's `warnings`.
   */
  send(message: DeepReadonly<Message>): Promise<OneMsgSendResult>;
  /**
   * Sends a body of 1MSG's own to a send method (templates with `namespace`, `template`,
   * `language` and `params`, carousels, flows, products…), checked as that method takes it;
   * violations point into `body`. The body is typed per method (`OneMsgSendBodies`), with
   * exactly one of `phone` and `chatId`; JSON text is taken as it is (checked at run time only).
   */
  sendBody<M extends OneMsgSendMethod>(method: M, body: DeepReadonly<OneMsgSendBody<M>> | string): Promise<OneMsgSendResult>;
  /** Marks an inbound message as read (POST /readMessage); `{ typing: true }` shows a typing indicator. */
  markRead(messageId: string, options?: MarkReadOptions): Promise<{ result?: string }>;
  /** GET /me: the business profile. */
  me(): Promise<OneMsgProfile>;
  /** POST /me: updates the business profile (a `photo` given as the file itself goes as a multipart form; `options`: its type and name where the file does not say). */
  updateMe(profile: OneMsgProfileUpdate, options?: UploadMediaOptions): Promise<{ result?: string }>;
  /** POST /sendFile with the file itself, as a multipart form (by URL, data URI or media id, use `send`). */
  sendFile(file: Blob | Uint8Array | ArrayBuffer, fields: OneMsgFileFields, options?: UploadMediaOptions): Promise<OneMsgSendResult>;
  /** GET /statistics?date=mm.YYYY: the month's template costs. */
  statistics(date?: string): Promise<{ date?: string; templates_cost?: number }>;
  /** GET /extendedStatistics: conversations and prices per period. */
  extendedStatistics(): Promise<OneMsgPeriodStatistics[]>;
  /** GET /status. */
  status(): Promise<{ status: OneMsgChannelStatus }>;
  /** GET /settings. */
  settings(): Promise<OneMsgSettings>;
  /** POST /settings (`webhookUrl: null` clears it). */
  updateSettings(settings: OneMsgSettings): Promise<OneMsgSettings & { update?: Record<string, unknown> }>;
  /** GET /commerce. */
  commerce(): Promise<({ id?: string } & OneMsgCommerceParams)[]>;
  /** POST /commerce. */
  updateCommerce(params: OneMsgCommerceParams): Promise<{ success?: boolean }>;
  /** GET /outputIP: the address 1MSG calls webhooks from. */
  outputIP(): Promise<{ result: string }>;
  /** POST /webhook: where 1MSG sends webhooks (an http(s) URL, or up to 5). */
  setWebhook(webhookUrl: string | string[]): Promise<{ set?: boolean; message?: string }>;
  /** GET /hookInfo?messageId=…: a message's delivery statuses. */
  hookInfo(messageId: string): Promise<OneMsgHookInfo>;
  /** GET /messages. */
  messages(query?: OneMsgMessagesQuery): Promise<OneMsgMessages>;
  /** GET /templates. */
  templates(): Promise<OneMsgTemplates>;
  /** POST /addTemplate. */
  addTemplate(template: OneMsgNewTemplate): Promise<{ id?: string; status?: string; category?: string } & Record<string, unknown>>;
  /** POST /removeTemplate: every language of the template `name`. */
  removeTemplate(name: string): Promise<{ result?: string }>;
  /**
   * POST /uploadMedia: a file by https URL or data URI (JSON), or the file itself (a multipart
   * form, its type and size checked against `MEDIA_RULES` first); resolves to its `mediaId`.
   */
  uploadMedia(file: string | Blob | Uint8Array | ArrayBuffer, options?: UploadMediaOptions): Promise<{ mediaId: string }>;
  /** DELETE /media/{mediaId}. */
  deleteMedia(mediaId: string): Promise<{ result?: string }>;
  /**
   * Downloads the media of a customer's message (`event.media.url` of a webhook: 1MSG's
   * `body` link). 1MSG's files are public links, so the token never goes with them.
   */
  downloadMedia(url: string): Promise<DownloadedMedia>;
}

// Only what is exported above is public: a declaration file without `export {}` exports its
// every declaration, so that a helper declared here (`Client`) compiled in an import but was
// undefined at run time.
export {};
