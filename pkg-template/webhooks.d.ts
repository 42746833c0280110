import type { MessageStatus, Provider, WebhookEvent, WebhookMessage, WebhookStatus, WebhookErrorNotice, WebhookOther } from "./wasm/wabridge.js";

/** Headers as a runtime gives them: a `Headers` object, a plain object (Node's `req.headers`), or pairs. */
export type WebhookHeaders =
  | { forEach(callback: (value: string, name: string) => void): void }
  | Record<string, string | string[] | undefined>
  | [string, string][];

/** A webhook delivery as it arrived. */
export interface WebhookDelivery {
  /** The raw body: bytes, or the text exactly as received (never re-serialized JSON). */
  body: Uint8Array | ArrayBuffer | string;
  headers?: WebhookHeaders | undefined;
  /** The URL the provider called: Bird signs it; a 1MSG shared token travels in it. */
  url?: string | undefined;
}

/** How to check a delivery. */
export interface VerifyWebhookOptions {
  /** Meta's app secret, Bird's signing key, or your 1MSG webhook URL's shared token. */
  secret: string;
  /** Bird: how far the signature's timestamp may be from now, in seconds. Default a day (Bird retries with the original timestamp for hours). */
  toleranceSeconds?: number | undefined;
  /** 1MSG: the query parameter of your webhook URL that carries the shared token. Default `"secret"`. 1MSG signs nothing. */
  tokenParameter?: string | undefined;
  /** `verifyRequest`, `handleWebhook` and the adapters: the URL Bird called (and signed), when the request's own is not it (behind a proxy). A 1MSG token is always read from the request's own URL. */
  url?: string | undefined;
  /** `verifyRequest`, `handleWebhook` and the adapters: the largest body read, in bytes; a larger one is refused before it is buffered or checked (`handleWebhook` answers 413). Default 4 MiB (Meta documents deliveries up to 3 MB). */
  maxBodyBytes?: number | undefined;
}

/** Checks that a delivery is `provider`'s over its raw body; throws `SignatureError`, returns `true`. */
export declare function verifyWebhook(provider: Provider, delivery: WebhookDelivery, options: VerifyWebhookOptions): true;

/** The events of a webhook body (its raw bytes or text as received), without checking where it came from: for a delivery verified already. Throws `WebhookError` for a body that is not `provider`'s webhook. */
export declare function readWebhook(provider: Provider, body: Uint8Array | ArrayBuffer | string): WebhookEvent[];

/** Checks that a delivery is `provider`'s and reads its events, in one call; throws `SignatureError`, or `WebhookError` for a body that is not `provider`'s webhook. */
export declare function receiveWebhook(provider: Provider, delivery: WebhookDelivery, options: VerifyWebhookOptions): WebhookEvent[];

/** Reads a standard `Request`, checks it is `provider`'s, resolves to its raw bytes and its events. */
export declare function verifyRequest(
  provider: Provider,
  request: { arrayBuffer(): Promise<ArrayBuffer>; headers: WebhookHeaders; url: string },
  options: VerifyWebhookOptions,
): Promise<{ body: Uint8Array & { readonly buffer: ArrayBuffer }; events: WebhookEvent[] }>;

/**
 * Whether `status` is further along a message's life than `than`, the status you have:
 * providers deliver webhooks out of order (a `read` before its `delivered`), so keep a status
 * only when it is after the last one kept. The final ones (failed, skipped, deleted) come
 * after every other, and none after them; `other` comes before all.
 */
export declare function isStatusAfter(status: MessageStatus, than: MessageStatus): boolean;

/** Meta's verification request: 200 with the challenge when `verifyToken` is yours, else 403. */
export declare function answerMetaChallenge(url: string, verifyToken: string): { status: 200 | 403; body: string };

/** Where `handleWebhook` remembers the events it handled: a Workers KV namespace fits as it is. */
export interface DedupeStore {
  /** Anything but `null`/`undefined` when `key` was seen. */
  get(key: string): unknown;
  put(key: string, value: string, options: { expirationTtl: number }): unknown;
}

/** Seen keys with an expiry in this process's memory: `handleWebhook`'s default store. It keeps
 *  the `maxEntries` newest (default 100,000): past that, the oldest are forgotten first. */
export declare class MemoryDedupeStore implements DedupeStore {
  constructor(options?: { maxEntries?: number | undefined });
  get(key: string): string | null;
  put(key: string, value: string, options?: { expirationTtl?: number }): void;
  readonly size: number;
}

type Handler<E> = (event: E) => unknown | Promise<unknown>;

/** What `handleWebhook` does with a delivery. */
export interface HandleWebhookOptions extends VerifyWebhookOptions {
  provider: Provider;
  /** Meta: the verify token of your webhook's configuration, to answer its verification GET (refused 403 without it). */
  verifyToken?: string | undefined;
  /** A handler per event type, and `event` for every event (after the typed one); another name is an `ArgumentError` (a misspelt handler would lose its events). A handler that throws makes the answer 500, and the provider redeliver. */
  on?: {
    /** A customer's message. Never an echo of yours: answering those would answer yourself, in a loop. */
    message?: Handler<WebhookMessage> | undefined;
    /** An echo of a message your business sent (`fromMe: true`: 1MSG reports both directions; Meta, with coexistence, what the WhatsApp Business app sent). */
    echo?: Handler<WebhookMessage & { fromMe: true }> | undefined;
    status?: Handler<WebhookStatus> | undefined;
    error?: Handler<WebhookErrorNotice> | undefined;
    other?: Handler<WebhookOther> | undefined;
    event?: Handler<WebhookEvent> | undefined;
  } | undefined;
  /** The duplicate filter: events already handled (by `key`) are skipped for `ttlSeconds` (a whole number ≥ 60, a KV namespace's minimum; default a day); concurrent deliveries of one event in this process run its handler once (the first claims its key for `claimSeconds`, a whole number from 1 to 2,147,483, default 60; the others wait for its outcome, no longer than the claim, and answer 500 if it failed or is still running). Past its claim, a handler that never settles no longer holds its event: the next delivery runs it again. A key is stored once its handler succeeded, so a failed event is run again on redelivery. The default store is this process's, shared by every `handleWebhook` without one (a `createMessenger` has its own): give each endpoint its own `new MemoryDedupeStore()` where the same events may arrive at two (tests, tenants). `false` turns it off. */
  dedupe?: false | { store?: DedupeStore | undefined; ttlSeconds?: number | undefined; claimSeconds?: number | undefined } | undefined;
  /** Told of a handler's failure (the answer is 500 whatever it does). Without it, a failure goes to `console.error`, with the event's type and key (not its content). */
  onError?: ((error: unknown, event?: WebhookEvent) => void) | undefined;
}

/** Answers a webhook request (standard `Request` in, `Response` out): Meta's verification, or a delivery verified, read, filtered of duplicates and handed to the handlers. */
export declare function handleWebhook(request: Request, options: HandleWebhookOptions): Promise<Response>;

/** A `node:http` request, as much of it as the adapters read. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  // `| undefined` spelt out: Node's IncomingMessage declares them so, and under
  // `exactOptionalPropertyTypes` a bare `?:` would not take it.
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Express: the original URL, and a body a parser kept (`express.raw` gives a Buffer). */
  originalUrl?: string | undefined;
  body?: unknown | undefined;
}

/** A `node:http` response, as much of it as the adapters write. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: Uint8Array | string): unknown;
}

/** `handleWebhook` as a `node:http` request listener (raw body read from the stream; the URL rebuilt from `Host` and the first `X-Forwarded-Proto`/`X-Forwarded-Host`). A failure of the server's own is answered 500 without detail and given to `onError` (else `console.error`). */
export declare function nodeWebhookListener(options: HandleWebhookOptions): (req: NodeRequestLike, res: NodeResponseLike) => void;

/** `handleWebhook` as Express middleware: `app.all(path, expressWebhook(options))` (Meta's verification is a GET, deliveries POSTs); mount it before `express.json()` (or after `express.raw`). */
export declare function expressWebhook(
  options: HandleWebhookOptions,
): (req: NodeRequestLike, res: NodeResponseLike, next: (error?: unknown) => void) => void;

// Only what is exported above is public: a declaration file without `export {}` exports its
// every declaration, so that a helper declared here (`Client`) compiled in an import but was
// undefined at run time.
export {};
