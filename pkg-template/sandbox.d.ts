// The declarations of `wabridge/sandbox` (the emulator is its own subpath so that the main
// entry stays small).
import type { BirdClientOptions, MetaClientOptions, OneMsgChannelStatus, OneMsgClientOptions, Provider } from "./wasm/wabridge.js";

/**
 * The global `fetch` type where the project's libs declare one (lib "dom", @types/node,
 * @cloudflare/workers-types), else a structural stand-in — so these declarations need none
 * of them.
 */
type GlobalFetch = typeof globalThis extends { fetch: infer F } ? F : (input: string, init?: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array }) => Promise<{ status: number; text(): Promise<string>; json(): Promise<any> }>;

/** What `sandbox.clientOptions(provider)` gives, per provider: pass it to that provider's client. */
export interface SandboxClientOptions {
  meta: MetaClientOptions & { baseUrl: string };
  bird: BirdClientOptions & { baseUrl: string };
  "1msg": OneMsgClientOptions & { baseUrl: string };
}

/**
 * The secrets the sandbox signs its webhooks with unless `createSandbox` is given its own:
 * Meta's app secret (`X-Hub-Signature-256`) and Bird's signing key (`messagebird-signature`;
 * 1MSG signs nothing). Test values, not secrets of yours: published so that a webhook receiver
 * in any language can verify what the sandbox sends.
 */
export declare const SANDBOX_WEBHOOK_SECRETS: { readonly meta: "sandbox-meta-app-secret"; readonly bird: "sandbox-bird-signing-key" };

/**
 * What `GET /__sandbox/config` answers (and `wabridge sandbox --json` prints, with `url`): each
 * provider's client options, and the secrets its webhooks are signed with — the sandbox's own
 * (`SANDBOX_WEBHOOK_SECRETS`), or `null` where `createSandbox` was given one (it may be a
 * real secret: it is not served to whoever reaches the port).
 */
export interface SandboxConfig {
  meta: SandboxClientOptions["meta"];
  bird: SandboxClientOptions["bird"];
  "1msg": SandboxClientOptions["1msg"];
  webhookSecrets: { meta: string | null; bird: string | null };
}

/** A function that POSTs a webhook: `globalThis.fetch` by default. */
export type WebhookFetch = (url: string, init: { method: "POST"; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ status: number; ok: boolean }>;

/** Fault modes the sandbox injects. */
export type FaultMode =
  | "rate_limit"
  | "server_error"
  | "unavailable"
  | "delay"
  | "reset"
  | "malformed_json"
  | "html"
  | "meta_130429"
  | "meta_131056"
  | "onemsg_not_sent";

export declare const FAULT_MODES: readonly FaultMode[];

/**
 * A fault rule: which calls it hits (`provider`, `route` — e.g. "messages", "media.upload",
 * "sendMessage", or a RegExp — and `method`), and when: `sequence` (1-based numbers of the
 * matching calls), `probability` (seeded), `times` (the first N), or always.
 */
export interface FaultRule {
  mode: FaultMode;
  provider?: Provider;
  route?: string | RegExp;
  method?: string;
  sequence?: number[];
  probability?: number;
  times?: number;
  /** For `delay`: how long. Default 60000. */
  delayMs?: number;
  /** For `rate_limit` and `unavailable`: the Retry-After header. Default 1. */
  retryAfterSeconds?: number;
}

/** A message template as WhatsApp keeps it (Meta's format: `GET …/message_templates` lists
 *  them so). `status` defaults to "APPROVED"; "PAUSED" and "DISABLED" templates are refused
 *  with Meta's 132015 and 132016, any other status as not existing (132001). `category`
 *  defaults to "UTILITY" (an AUTHENTICATION template's body takes one parameter, the code);
 *  `parameter_format: "NAMED"` templates take parameters by `parameter_name`. */
export interface MetaSandboxTemplate {
  name: string;
  language: string;
  category?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  /** HEADER (`format` TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION), BODY, FOOTER, BUTTONS; a
   *  text's `{{1}}` or `{{name}}` placeholders are the parameters a message must give. */
  components: Record<string, unknown>[];
  status?: string;
  parameter_format?: "POSITIONAL" | "NAMED";
}

/** The templates the sandbox's Meta account starts with: Meta's `hello_world` (en_US, no
 *  parameters) and `order_update` (en_US: an IMAGE header, a body of three parameters, a
 *  quick reply and a URL button with one), the one examples/messages.mjs sends. */
export declare const SANDBOX_META_TEMPLATES: readonly MetaSandboxTemplate[];

/** A template the sandbox's 1MSG channel starts with (as addTemplate takes it); `status`
 *  defaults to "approved" — any other status makes sendTemplate answer `sent: false`. */
export interface OneMsgSandboxTemplate {
  name: string;
  language: string;
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  components: Record<string, unknown>[];
  status?: string;
  rejected_reason?: string;
}

/** A webhook the sandbox emitted, with the exact bytes and headers (signatures included). */
export interface SandboxWebhook {
  provider: Provider;
  /** The first of `events`. */
  event: "status" | "message";
  /** What the body carries: one event, or (`batched`) several. */
  events: ("status" | "message")[];
  /** A second delivery of one that came before (`webhooks.disorder.duplicate`). */
  duplicate: boolean;
  /** Held back and delivered after the provider's next one (`webhooks.disorder.reorder`). */
  reordered: boolean;
  /** Two deliveries' notifications in one body (`webhooks.disorder.batch`). */
  batched: boolean;
  /** Where it was POSTed; served over HTTP (`GET /__sandbox/webhooks`) with its query's values withheld (a 1MSG receiver's shared token). */
  url: string | null;
  payload: unknown;
  body: string;
  headers: Record<string, string> | null;
  /** `recorded`: no URL and no callback to hand it to. */
  status: "pending" | "delivered" | "failed" | "recorded";
  responseStatus: number | null;
  error: string | null;
  /** POSTs made (redeliveries included); 0 without a URL. */
  attempts: number;
  at: number;
}

/** A message the sandbox accepted, with the statuses it played out. */
export interface SandboxMessage {
  provider: Provider;
  id: string;
  to: string;
  contact: string;
  /** Bird: the receiver's contact id (a UUID), as `getContactChannel` takes it. */
  contactId?: string;
  /** Meta: the message type; Bird: the body type (`text`, `image`, `file`, …) or `template`; 1MSG: the method. */
  kind: string;
  /** The request body the client sent, as the provider takes it (Meta's, Bird's or 1MSG's JSON): narrow it before use. */
  body: unknown;
  template: boolean;
  acceptedAt: number;
  /** The last status played out; `"scheduled"` while a Bird message waits for its `scheduledFor`. */
  status: string;
  statuses: string[];
  /** Bird: when a scheduled message goes out (ms since the epoch). */
  scheduledAt?: number;
  /** Why the message failed: Meta's and 1MSG's with WhatsApp's error `code`; Bird's with its `source` (`"touchpoint"` where its template service refused the message). */
  failure: { code?: number; source?: string; title: string; details: string } | null;
  /** Meta and 1MSG: whether the message went to a group (Meta `recipient_type: "group"`, a 1MSG `…@g.us` chat). */
  group?: boolean;
  /** Meta: the business-scoped user id it was sent to (`recipient`), when sent to one rather than a number. */
  userId?: string;
  /** Meta: the `biz_opaque_callback_data` sent, echoed in its status webhooks. */
  callbackData?: string;
  /** Meta and 1MSG: the template's category (`marketing`, `utility`, `authentication`), for a template message. */
  templateCategory?: string;
  /** 1MSG: the conversation id its status webhooks name, once the first is played out. */
  conversationId?: string;
  /** Bird: every receiver of the message (the first is `contactId`, `to`, `contact`). */
  receivers?: { id: string; phone: string; key: string; customer: string }[];
  /** Bird: when the message was created and its status last changed (ISO 8601), as Bird's `GET` answers them. */
  createdAt?: string;
  lastStatusAt?: string;
  /** Bird: the WhatsApp message id (`wamid.…`) Bird reports as the message's `platformReference`. */
  platformReference?: string;
}

export interface SandboxOptions {
  /**
   * Meta's credentials and ids; `appSecret` signs its webhooks (default
   * `SANDBOX_WEBHOOK_SECRETS.meta`); `templates`, the account's message templates (default
   * `SANDBOX_META_TEMPLATES`): a template message is sent only as one of them, in its
   * language, approved, its parameters fitting its placeholders and header format (Meta's
   * 132000, 132001, 132012, 132015, 132016 otherwise). More can be created with
   * `POST /v23.0/{wabaId}/message_templates`, as on Meta.
   */
  meta?: { token?: string; phoneNumberId?: string; displayPhoneNumber?: string; wabaId?: string; appSecret?: string; templates?: readonly MetaSandboxTemplate[] };
  /** Bird's credentials and ids; `signingKey` signs its webhooks (default `SANDBOX_WEBHOOK_SECRETS.bird`). */
  /**
   * The Bird workspace and channel. `templates`: the workspace's Studio templates; given, a
   * template message is checked against them as Bird's template service does before sending
   * (an unknown project, version or locale, or a variable without its parameter, goes
   * `sending_failed` with `failure.source.name` "touchpoint"); without them any template passes.
   */
  bird?: { accessKey?: string; workspaceId?: string; channelId?: string; senderNumber?: string; signingKey?: string; channelActive?: boolean; templates?: BirdSandboxTemplate[] };
  /**
   * The 1MSG channel. `namespace`: its templates' namespace (sendTemplate must give it;
   * default 1MSG's example namespace "ca300906_cfbc_410b_99fb_dcee8e13d578"); `templates`: the
   * templates it starts with (default one, `order_update` in `en`, approved); `status`: what
   * GET /status reports (default "connected"); `phone`, `name`: the channel's own number and
   * sender name; `catalogId` (GET /commerce); `outputIP` (GET /outputIP).
   */
  onemsg?: {
    token?: string;
    instanceId?: string;
    namespace?: string;
    templates?: OneMsgSandboxTemplate[];
    status?: OneMsgChannelStatus;
    phone?: string;
    name?: string;
    catalogId?: string;
    outputIP?: string;
  };
  /**
   * Where webhooks go: a URL (or one per provider), and/or a callback. They are recorded either
   * way. A POST the receiver does not take (no 2xx, no answer within `timeoutMs`) is delivered
   * again after each of `retryDelaysMs`, as providers redeliver: receivers must take an event
   * twice.
   */
  webhooks?: {
    url?: string | Partial<Record<Provider, string>>;
    /** `url`: what Bird's signature covers (the configured URL, or a stand-in when there is none) — verify against it. */
    onWebhook?: (webhook: { provider: Provider; event: "status" | "message"; payload: unknown; body: string; headers: Record<string, string>; url: string }) => void | Promise<void>;
    fetch?: WebhookFetch;
    /** How long a receiver has to answer a POST. Default 10000. */
    timeoutMs?: number;
    /** The waits before each redelivery of a POST not taken. Default [100, 400]; `[]`: none. */
    retryDelaysMs?: number[];
    /**
     * How deliveries go astray, as real providers' do (Meta warns of all three): each the
     * probability (0..1, from the seeded source; default 0) that a delivery comes a second time
     * though it was taken (`duplicate`: the same bytes and headers), is held back and comes
     * after the provider's next one (`reorder`: a `read` before its `delivered`), or shares one
     * body with the next (`batch`: Meta's entries and changes, 1MSG's `messages` and `ack`;
     * Bird posts one event per request). A receiver must handle each event once and keep a
     * message's furthest status (`isStatusAfter`).
     */
    disorder?: { duplicate?: number; reorder?: number; batch?: number };
  };
  faults?: FaultRule[];
  /** Seed of ids and probabilistic faults. Default 1. */
  seed?: number;
  /** The clock, in ms since the epoch (tests move it to close the 24-hour window). */
  now?: () => number;
  /** Pause between status webhooks. Default 0. */
  statusDelayMs?: number;
  /** Play `read` (Meta; Bird: a read interaction) / `viewed` (1MSG) after `delivered`. Default true. */
  autoRead?: boolean;
  /**
   * Enforce the 24-hour customer-care window: a free-form message to a customer who has not
   * written in the last 24 hours is accepted, then fails (Meta: `failed` with 131047; Bird:
   * `delivery_failed` with 131047 as `failure.source.code`; 1MSG refuses it with HTTP 200 and
   * `sent: false`). Templates always go through (1MSG: those the channel has, approved, in
   * that language); so do messages to groups. Default true.
   */
  enforceWindow?: boolean;
  /**
   * Phone numbers whose messages fail as undeliverable (Meta 131026). (Whatever the options,
   * media is judged as WhatsApp judges it, after the send is accepted: a message whose media
   * link WhatsApp's servers could not fetch — a host that resolves nowhere or only inside a
   * network (`.invalid`, `localhost`, `.local`, a single label), a loopback, private or
   * link-local address; the sandbox's own files excepted — or whose media id was never uploaded,
   * or was deleted, fails with 131053, "Media upload error": Bird's as `failure.source.code`.)
   */
  undeliverable?: string[];

  /** The base URL clients use in fetch mode. */
  baseUrl?: string;
}

/**
 * A file a customer sends (`receive({ media })`), given as each provider gives one: Meta a media
 * id (`getMedia`, then the download URL, with the token), Bird a `mediaUrl` on its media host
 * (to the access key, a redirect to the file's storage link), 1MSG a public link in `body`.
 * The storage link refuses any request with an Authorization header, as S3 does.
 */
export interface SandboxInboundMedia {
  type: "image" | "video" | "audio" | "document" | "sticker";
  /** The file's bytes (a string is taken as UTF-8)… */
  data?: Uint8Array | string;
  /** …or as base64 (what POST /__sandbox/receive's JSON can carry). */
  dataBase64?: string;
  mimeType: string;
  filename?: string;
  caption?: string;
  /** An audio that is a voice note. */
  voice?: boolean;
}

/** A customer's message for `receive`: from a phone number, or (hidden number) a business-scoped user id. */
export type SandboxReceiveInput = { provider: Provider; text?: string; name?: string; replyTo?: string; message?: Record<string, unknown>; media?: SandboxInboundMedia } & (
  | { from: string; userId?: string; username?: string }
  | { from?: undefined; userId: string; username?: string }
);

/** What `receive` returns: the inbound message's id and who sent it. */
export interface SandboxReceived {
  provider: Provider;
  id: string;
  /** The customer's number as the provider writes it (Meta: its WhatsApp id, digits — a Mexican mobile's 521…; 1MSG: its digits; Bird: +E.164); absent for a customer whose number is hidden (`userId`). */
  from?: string;
  /** The customer as `SandboxMessage.contact` names the receiver of a message to them: their number in digits, or (hidden) their business-scoped user id (1MSG: their `<BSUID>@lid` chat). */
  contact: string;
  /** The business-scoped user id given. */
  userId?: string;
  /** Bird: the customer's contact id (a UUID), as `getContactChannel` takes it. */
  contactId?: string;
}

/** A Bird Studio template the sandbox knows (`createSandbox({ bird: { templates } })`). */
export interface BirdSandboxTemplate {
  /** The template project's id (UUID). */
  projectId: string;
  /** Its versions' ids (UUIDs), besides "latest", which every template has. */
  versions?: string[];
  /** Its translations (BCP 47; default ["en"]). */
  locales?: string[];
  /** Its variables' names: each needs a parameter (`{ type, key, value }`) of that key. */
  variables?: string[];
}

/** A Meta media the sandbox holds (`Sandbox.media()`). */
export interface SandboxMedia {
  id: string;
  mimeType: string;
  /**
   * The file's SHA-256 in hex, as `getMedia` answers it. `null` for a file a customer sent
   * until it is hashed: `await sandbox.settle()` first.
   */
  sha256: string | null;
  /** The same hash in base64, as Meta's webhooks carry it; `null` when `sha256` is. */
  sha256Base64: string | null;
  fileSize: number;
  filename: string | null;
  uploadedAt: number;
}

export interface Sandbox {
  /** A fetch-compatible function (typed as the global `fetch`): pass it as a client's `fetch`. */
  fetch: GlobalFetch;
  baseUrl: string;
  /**
   * Options for a client of `provider`: token/ids, `baseUrl` and (unless `viaFetch: false`)
   * `fetch` — `new MetaClient(sandbox.clientOptions("meta"))`.
   */
  clientOptions<P extends Provider>(provider: P, options?: { baseUrl?: string; viaFetch?: boolean }): SandboxClientOptions[P];
  /**
   * Every provider's client options on `origin` (default `baseUrl`), and the webhook secrets
   * (see `SandboxConfig`): what `GET /__sandbox/config` answers, except that over HTTP a token
   * or access key given to `createSandbox` is `null`, as a given webhook secret is here.
   */
  config(origin?: string): SandboxConfig;
  /**
   * An inbound customer message: opens the 24-hour window (Bird: what `getContactChannel`
   * reports as `serviceWindowExpireAt`) and emits the webhook. For Bird, `contactId` is the
   * customer's contact id. For 1MSG, `message` holds fields of 1MSG's message object (an `id`
   * given there is the message's id, as `markRead` takes it); the message is listed by GET
   * /messages. A customer whose number is hidden behind a username writes with `userId` (their
   * business-scoped user id, `US.13491208655302741918`) and `username` instead of `from`: Meta
   * gives `from_user_id` and no number, Bird its username and `meta.extraInformation`, 1MSG a
   * `<BSUID>@lid` chat; a reply goes to the user id (Meta `recipient`, Bird `whatsappbsuid`,
   * 1MSG `phone`).
   */
  receive(input: SandboxReceiveInput): SandboxReceived;
  inject(...rules: FaultRule[]): Sandbox;
  clearFaults(): void;
  messages(provider?: Provider): SandboxMessage[];
  webhooks(provider?: Provider): SandboxWebhook[];
  /** Meta's media: files uploaded with `uploadMedia` and files customers sent (`receive({ media })`). */
  media(): SandboxMedia[];
  reads: { provider: Provider; messageId: string; typing: boolean; at: number }[];
  /**
   * Resolves when every pending status and webhook delivery has happened. Bird messages
   * scheduled for a time the clock has reached go out first; later ones stay "scheduled".
   */
  settle(): Promise<void>;
  /**
   * Moves the sandbox's time `ms` ahead (`POST /__sandbox/clock {"advanceMs": …}` over HTTP;
   * `GET /__sandbox/clock` reads it): a 24-hour window closes, a Bird message's `scheduledFor`
   * comes (it goes out). Returns the new time, ms since the epoch.
   */
  advanceClock(ms: number): number;
  reset(): void;
}

/**
 * Creates a sandbox. Its Meta number serves POST /messages (mark-as-read and typing too), the
 * media endpoints and the account's message templates (GET, POST, DELETE
 * /{wabaId}/message_templates) in Graph's formats. Its 1MSG channel (`/{instanceId}/{method}?token=…`) serves every method
 * of 1MSG's API in 1MSG's formats: the send methods (validated by wabridge; `{sent, id,
 * message, description}`, or HTTP 200 with `sent: false` outside the 24-hour window or for a
 * template the channel lacks or whose parameters do not fit it, as Meta checks them), GET/POST /me, GET /statistics?date=mm.YYYY and
 * /extendedStatistics (templates cost 0.0691 each), GET /status, GET/POST /settings, GET/POST
 * /commerce, GET /outputIP, GET/POST /webhook, GET /hookInfo (the acks played out: sent,
 * delivered, viewed), GET /messages (every message sent or received, numbered; `limit`
 * default 100, 0 = all; `last` takes the last ones; `lastMessageNumber` keeps the later,
 * `firstMessageNumber` the earlier messages; the answer is `{ messages }`), POST
 * /readMessage, GET /templates, POST /addTemplate (approved at once) and /removeTemplate,
 * POST /uploadMedia → `{mediaId}`, DELETE /media/{mediaId}. A wrong token is 401 `{error}`
 * echoing it, as 1MSG does; a refused body is 400 `{error}` naming each violation at its
 * pointer. Webhook URLs set through /settings or /webhook are reported, not called: webhooks
 * go where the `webhooks` option says; `ackNotificationsOn: false` stops the ack webhooks.
 */
export declare function createSandbox(options?: SandboxOptions): Sandbox;

/**
 * Serves the sandbox over HTTP. Control routes live under /__sandbox/. Node and Bun only: in
 * Deno, Workers and browsers it rejects with a `TypeError` (serve `sandbox.fetch` with
 * `Deno.serve` or a Worker's `fetch` handler instead).
 */
export declare function serveSandbox(sandbox: Sandbox, options?: { port?: number; host?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;

// Only what is exported above is public: a declaration file without `export {}` exports its
// every declaration, so that a helper declared here (`Client`) compiled in an import but was
// undefined at run time.
export {};
