// The error classes wabridge throws. Rust builds them through `makeError` (src/wasm/errors.rs)
// so that every error reaching JS is a real `Error` subclass with a stable `code`.

export class WabridgeError extends Error {
  constructor(message, props) {
    super(message);
    if (props) Object.assign(this, props);
  }

  /**
   * For `JSON.stringify` (a log line, a failed send parked in a queue): the name and message,
   * which an Error's own JSON leaves out, with every field (`code`, `retryable`, `request`, …).
   * Credentials were cleaned out of all of them when the error was made.
   */
  toJSON() {
    return { name: this.name, message: this.message, ...this };
  }
}

/** The message or payload breaks documented rules; `violations` lists every one. */
export class ValidationError extends WabridgeError {}
/** The provider cannot express the content kind (`provider`, `kind`). */
export class UnsupportedError extends WabridgeError {}
/** The provider answered with a documented error (`httpStatus`, `reason`, `providerCode`, `raw`, …). */
export class ProviderError extends WabridgeError {}
/** The request did not complete (network failure, connection reset). */
export class TransportError extends WabridgeError {}
/** The request took longer than the client's `timeoutMs`. */
export class TimeoutError extends TransportError {}
/** The provider answered something that is not its documented format (HTML page, bad JSON). */
export class UnexpectedResponseError extends WabridgeError {}
/** A bad argument or option (unknown provider, missing token, …). */
export class ArgumentError extends WabridgeError {}
/** A webhook delivery is not the provider's: its signature is missing, malformed, wrong or stale (`reason`). */
export class SignatureError extends WabridgeError {}
export class WebhookError extends WabridgeError {}

const classes = {
  WabridgeError, ValidationError, UnsupportedError, ProviderError, TransportError, TimeoutError,
  UnexpectedResponseError, ArgumentError, SignatureError, WebhookError,
};
// Names survive minification: set them explicitly rather than reading constructor.name.
for (const [name, cls] of Object.entries(classes)) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true });
}

export function makeError(className, message, props) {
  const cls = classes[className] ?? WabridgeError;
  return new cls(message, props);
}

// The wasm's two calls on values a caller gave that may throw (a BigInt or a cycle in
// JSON.stringify, a getter or a Proxy in a property read). They never throw into the wasm: an
// exception caught there (wasm-bindgen's `catch`) keeps a slot of its reference table for
// good, and once the table is full every call traps. A failure comes back as `{ failed }`.

/** `JSON.stringify(value)`: its text, `undefined` where JSON has none, or `{ failed: why }`. */
export function jsonText(value) {
  try {
    return JSON.stringify(value);
  } catch (error) {
    return { failed: reason(error) };
  }
}

/** `object[key]` as `{ value }`, or `{ failed: why }` when reading it throws. */
export function property(object, key) {
  try {
    return { value: object[key] };
  } catch (error) {
    return { failed: reason(error) };
  }
}

/** What a thrown value says, whatever it is (reading its message may throw too). */
function reason(error) {
  try {
    const message = typeof error?.message === "string" ? error.message : String(error);
    const cause = error?.cause?.code ?? error?.cause?.message;
    return typeof cause === "string" ? `${message} (${cause})` : message;
  } catch {
    return "a value that cannot be read";
  }
}
