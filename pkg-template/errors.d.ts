import type { Violation, Provider, ErrorReason, Message } from "./wasm/wabridge.js";
import type { SentPart } from "./messenger.js";

/** Stable error codes (`error.code`). */
export type ErrorCode =
  | "ERR_VALIDATION"
  | "ERR_UNSUPPORTED"
  | "ERR_PROVIDER"
  | "ERR_TRANSPORT"
  | "ERR_TIMEOUT"
  | "ERR_UNEXPECTED_RESPONSE"
  | "ERR_ARGUMENT"
  | "ERR_SIGNATURE"
  | "ERR_WEBHOOK"
  /** A messenger's split send failed part-way with a value other than wabridge's own error (an abort's reason, which every send its signal stops shares): a plain `WabridgeError` carries `sent` and `unsent`, the value as its `cause`. */
  | "ERR_PARTIAL_SEND";

/**
 * The request a failed call made, credentials redacted: enough to send a JSON request again.
 * A multipart upload (Meta's `uploadMedia`; 1MSG's `sendFile`, `uploadMedia` with a file,
 * `updateMe` with a photo file) carries no `body`: the file is the caller's, and calling the
 * method again with it rebuilds the form.
 */
export interface SentRequest {
  method: "GET" | "POST" | "DELETE";
  url: string;
  headers: [name: string, value: string][];
  /** The JSON body sent; absent for a GET or DELETE, and for a multipart upload (the file is not copied into the error). */
  body?: string;
}

/**
 * The fields `new` takes for an error of type `E` (a test double's: `new ProviderError("rate
 * limited", { provider: "meta", httpStatus: 429, retryable: true })`), `cause` among them. Its
 * class's `code`, `retryable: false` and a ValidationError's empty `violations` are there
 * unless given.
 */
export type ErrorFields<E> = { -readonly [K in Exclude<keyof E, keyof Error | "code" | "toJSON">]?: E[K] } & { cause?: unknown };

/** Base class of every error wabridge throws. */
export declare class WabridgeError extends Error {
  constructor(message?: string, fields?: ErrorFields<WabridgeError> & { code?: ErrorCode });
  readonly code: ErrorCode;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** A messenger's split send (`fit: "adapt"`) that failed part-way: the parts sent before it. */
  readonly sent?: SentPart[];
  /** …the part whose fate is unknown, when the provider may have taken it (its error is not `safeToResend`: a 2xx whose answer was lost, a timeout, an abort while its request was out): check before sending it again… */
  readonly uncertain?: Message;
  /** …and the messages not sent: what to send again (the failed one first, unless it is `uncertain`). */
  readonly unsent?: Message[];
  /** `JSON.stringify`'s view: `name`, `message` and every field (credentials already cleaned out). */
  toJSON(): { name: string; message: string; code: ErrorCode; retryable: boolean; [field: string]: unknown };
}

/** The message or payload breaks documented rules. */
export declare class ValidationError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<ValidationError>);
  readonly code: "ERR_VALIDATION";
  /** Every violation, each at its JSON pointer. */
  readonly violations: Violation[];
}

/** The provider cannot express this content kind or field (or the neutral model a provider's field). */
export declare class UnsupportedError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<UnsupportedError>);
  readonly code: "ERR_UNSUPPORTED";
  readonly provider: Provider;
  /** What cannot be carried, in words: a content kind (`"reaction"`), a field (`"text previewUrl"`), or a call (`"markRead"`); for display and logs. Branch on `provider` and `path` rather than on this text. */
  readonly kind: string;
  /** Its JSON pointer in the document given: the field, or `/content/type` for a whole kind; `""` for a call the provider lacks (a messenger's `markRead`, `uploadMedia` on Bird). */
  readonly path: string;
}

/** The provider answered with a documented error. */
export declare class ProviderError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<ProviderError>);
  readonly code: "ERR_PROVIDER";
  /**
   * Whether sending the same request again cannot carry it out twice: the provider refused it or
   * did nothing with it (a rate limit), or it is a GET or a DELETE. `false` where that is
   * unknown (a network failure, a timeout, a server error, an unreadable answer to a send): a
   * queue resends what is safe and checks the rest before sending it again.
   */
  readonly safeToResend: boolean;
  readonly provider: Provider;
  readonly httpStatus: number;
  /** What kind of failure, across providers. */
  readonly reason: ErrorReason;
  /** The provider's message (Meta's led by its `(#code)`, Bird's by its code); `message` is `"<provider> error <status>: "` and it. */
  readonly providerMessage: string;
  /** The provider's own code (Meta's numeric `code`). */
  readonly providerCode?: number | string;
  /** Meta's `error_subcode`. */
  readonly providerSubcode?: number;
  /** Meta's error `type`, e.g. `OAuthException`. */
  readonly errorType?: string;
  /** Meta's `error_data.details` (usually names the offending field); Bird's 422 `details` as text. */
  readonly details?: string;
  /** The fields the provider refused (Bird's 422 `details`), each at its JSON pointer into the body that was sent. */
  readonly fields?: { path: string; messages: string[] }[];
  /** Meta's `fbtrace_id`. */
  readonly traceId?: string;
  /** How long the provider asked to wait before retrying. */
  readonly retryAfterMs?: number;
  /** The response body exactly as received. */
  readonly raw: string;
  readonly request?: SentRequest;
  readonly attempts?: number;
}

/** The request did not complete (network failure, connection reset). */
export declare class TransportError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<TransportError>);
  readonly code: "ERR_TRANSPORT" | "ERR_TIMEOUT";
  /**
   * (As ProviderError's.) Whether sending the same request again cannot carry it out twice: the provider refused it or
   * did nothing with it (a rate limit), or it is a GET or a DELETE. `false` where that is
   * unknown (a network failure, a timeout, a server error, an unreadable answer to a send): a
   * queue resends what is safe and checks the rest before sending it again.
   */
  readonly safeToResend: boolean;
  /** The provider whose client sent the request. */
  readonly provider: Provider;
  readonly request?: SentRequest;
  readonly attempts?: number;
}

/** The request took longer than the client's `timeoutMs`. */
export declare class TimeoutError extends TransportError {
  constructor(message?: string, fields?: ErrorFields<TimeoutError>);
  readonly code: "ERR_TIMEOUT";
}

/** The provider answered with something that is not its documented format. */
export declare class UnexpectedResponseError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<UnexpectedResponseError>);
  readonly code: "ERR_UNEXPECTED_RESPONSE";
  /**
   * (As ProviderError's.) Whether sending the same request again cannot carry it out twice: the provider refused it or
   * did nothing with it (a rate limit), or it is a GET or a DELETE. `false` where that is
   * unknown (a network failure, a timeout, a server error, an unreadable answer to a send): a
   * queue resends what is safe and checks the rest before sending it again.
   */
  readonly safeToResend: boolean;
  /** The provider whose client sent the request (its media host, for a download). */
  readonly provider: Provider;
  readonly httpStatus: number;
  readonly raw: string;
  /** How long the answer asked to wait (its `Retry-After`, seconds or an HTTP date), e.g. a proxy's 429 page. */
  readonly retryAfterMs?: number;
  readonly request?: SentRequest;
  readonly attempts?: number;
}

/** A bad argument or option. */
export declare class ArgumentError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<ArgumentError>);
  readonly code: "ERR_ARGUMENT";
}

/** A webhook delivery is not the provider's. */
export declare class SignatureError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<SignatureError>);
  readonly code: "ERR_SIGNATURE";
  /** Missing signature (or token), malformed, not matching the body under the secret, or outside the freshness window. */
  readonly reason: "missing" | "malformed" | "mismatch" | "stale";
}

/** A body is not a webhook of the provider it was read as (not JSON, or not its envelope), or is larger than any delivery (`reason: "too_large"`). */
export declare class WebhookError extends WabridgeError {
  constructor(message?: string, fields?: ErrorFields<WebhookError>);
  readonly code: "ERR_WEBHOOK";
  /** The provider it was read as (absent for a body refused for its size before it was read). */
  readonly provider?: Provider;
  /** `"too_large"`: over `maxBodyBytes`, refused before it was read (`handleWebhook` answers 413). */
  readonly reason?: "too_large";
}

/**
 * Any error wabridge throws, told apart by its `code`: what a program that loads two copies of
 * the package (`import` beside `require`) uses instead of `instanceof`.
 *
 * ```ts
 * catch (caught) {
 *   const error = caught as AnyWabridgeError;
 *   if (error.code === "ERR_VALIDATION") console.log(error.violations);
 * }
 * ```
 */
export type AnyWabridgeError =
  | ValidationError
  | UnsupportedError
  | ProviderError
  | TransportError
  | UnexpectedResponseError
  | ArgumentError
  | SignatureError
  | WebhookError
  | (WabridgeError & { readonly code: "ERR_PARTIAL_SEND" });
