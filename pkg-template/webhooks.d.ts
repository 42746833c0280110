import type { Provider } from "./wasm/wabridge.js";

/** Headers as a runtime gives them: a `Headers` object, a plain object (Node's `req.headers`), or pairs. */
export type WebhookHeaders =
  | { forEach(callback: (value: string, name: string) => void): void }
  | Record<string, string | string[] | undefined>
  | [string, string][];

/** A webhook delivery as it arrived. */
export interface WebhookDelivery {
  /** The raw body: bytes, or the text exactly as received (never re-serialized JSON). */
  body: Uint8Array | ArrayBuffer | string;
  headers?: WebhookHeaders;
  /** The URL the provider called: Bird signs it; a 1MSG shared token travels in it. */
  url?: string;
}

/** How to check a delivery. */
export interface VerifyWebhookOptions {
  /** Meta's app secret, Bird's signing key, or your 1MSG webhook URL's shared token. */
  secret: string;
  /** Bird: how far the signature's timestamp may be from now, in seconds. Default a day (Bird retries with the original timestamp for hours). */
  toleranceSeconds?: number;
  /** 1MSG: the query parameter of your webhook URL that carries the shared token. Default `"secret"`. 1MSG signs nothing. */
  tokenParameter?: string;
  /** `verifyRequest`: the URL the provider called, when `request.url` is not it (behind a proxy). */
  url?: string;
}

/** Checks that a delivery is `provider`'s over its raw body; throws `SignatureError`, returns `true`. */
export declare function verifyWebhook(provider: Provider, delivery: WebhookDelivery, options: VerifyWebhookOptions): true;

/** Reads a standard `Request`, checks it is `provider`'s, resolves to its raw bytes and parsed JSON. */
export declare function verifyRequest(
  provider: Provider,
  request: { arrayBuffer(): Promise<ArrayBuffer>; headers: WebhookHeaders; url: string },
  options: VerifyWebhookOptions,
): Promise<{ body: Uint8Array; json: unknown }>;

/** Meta's verification request: 200 with the challenge when `verifyToken` is yours, else 403. */
export declare function answerMetaChallenge(url: string, verifyToken: string): { status: 200 | 403; body: string };
