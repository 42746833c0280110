// The error classes wabridge throws. Rust builds them through `makeError` (src/wasm/errors.rs)
// so that every error reaching JS is a real `Error` subclass with a stable `code`.

export class WabridgeError extends Error {
  /** `props`: the error's fields (`cause` among them). A class's own `code`, `retryable`
   *  false and a ValidationError's `violations` are there unless given: an error made with
   *  `new` (a test double's) is what its type says, as the library's own are. */
  constructor(message, props) {
    super(message);
    // The nearest wabridge class's code (a caller's subclass has its parent's).
    for (let cls = new.target; cls && !this.code; cls = Object.getPrototypeOf(cls)) {
      const code = CODES.get(cls);
      if (code) this.code = code;
    }
    this.retryable = false;
    if (this instanceof ValidationError) this.violations = [];
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

const CODES = new Map([
  [ValidationError, "ERR_VALIDATION"], [UnsupportedError, "ERR_UNSUPPORTED"], [ProviderError, "ERR_PROVIDER"],
  [TransportError, "ERR_TRANSPORT"], [TimeoutError, "ERR_TIMEOUT"], [UnexpectedResponseError, "ERR_UNEXPECTED_RESPONSE"],
  [ArgumentError, "ERR_ARGUMENT"], [SignatureError, "ERR_SIGNATURE"], [WebhookError, "ERR_WEBHOOK"],
]);

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

/** The longest JSON text of a value the wasm is given: the largest file a message may carry
 *  inline (a 100 MiB document, base64 in a data: URI) and a megabyte for the rest. A value's
 *  text is copied into the wasm's memory, which grows to several times it and never shrinks;
 *  far past this, it runs out and traps (an untyped `RuntimeError`). */
const MAX_JSON_CHARS = Math.ceil((100 * 1024 * 1024) / 3) * 4 + 1024 * 1024;

/** Why JSON text of `length` characters (or bytes) is refused, or undefined when it is not. */
export function tooLong(length) {
  if (length > MAX_JSON_CHARS) {
    return `its JSON is ${length} characters, more than any message can be (${MAX_JSON_CHARS}: a 100 MiB file inline, base64, and the rest)`;
  }
}

/** `JSON.stringify(value)`: its text, `undefined` where JSON has none, or `{ failed: why }`. */
export function jsonText(value) {
  try {
    const text = JSON.stringify(value);
    const failed = tooLong(text?.length);
    return failed ? { failed } : text;
  } catch (error) {
    return { failed: reason(error) };
  }
}

/** One document's JSON text as given (a request body, say), well-formed (see `wellFormed`), or
 *  `{ failed: why }` when it is longer than any message can be (as `jsonText` refuses). */
export function documentText(text) {
  const failed = tooLong(text.length);
  return failed ? { failed } : wellFormed(text);
}

/** `object[key]` as `{ value }`, or `{ failed: why }` when reading it throws. */
export function property(object, key) {
  try {
    return { value: object[key] };
  } catch (error) {
    return { failed: reason(error) };
  }
}

/** `Object.keys(object)` as `{ value }`, or `{ failed: why }` (a Proxy whose ownKeys throws). */
export function keysOf(object) {
  try {
    return { value: Object.keys(object) };
  } catch (error) {
    return { failed: reason(error) };
  }
}

/** A Date's time in ms, NaN when reading it throws (a Proxy, a getTime of its own that throws). */
export function timeOf(date) {
  try {
    const time = date.getTime();
    return typeof time === "number" ? time : NaN;
  } catch {
    return NaN;
  }
}

/**
 * A byte array's bytes, as a copy of its own (`{ value }`), or `{ failed: why }`: a detached
 * buffer, or a view that cannot be read. The constructor's copy reads no getter (a subclass's
 * `length`, or its species, which `slice` would consult).
 */
export function bytesOf(view) {
  try {
    return { value: new Uint8Array(view) };
  } catch (error) {
    return { failed: reason(error) };
  }
}

/** `Array.isArray`, false where it throws (a revoked Proxy). */
export function isArray(value) {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * The items of an array (a bulk call's messages), each as JSON text: a string is JSON text
 * already (well-formed, see below), an object its `JSON.stringify`; `{ failed: why }` for an
 * item that cannot be read or written (a getter or Proxy that throws, a cycle, a BigInt), and
 * `{ unread: item }` for one that is no message (undefined, a function, bytes) — that item's
 * failure, not the call's. All in one call: one crossing of the boundary rather than one per item.
 */
export function jsonItems(array) {
  let length;
  try {
    length = array.length;
  } catch (error) {
    return { failed: reason(error) };
  }
  const texts = [];
  for (let i = 0; i < length; i++) {
    let item;
    try {
      item = array[i];
    } catch (error) {
      texts.push({ failed: `the message cannot be read: ${reason(error)}` });
      continue;
    }
    if (typeof item === "string") {
      texts.push(documentText(item));
    } else if (item === undefined || typeof item === "function" || typeof item === "symbol" || ArrayBuffer.isView(item) || item instanceof ArrayBuffer) {
      // No message, or bytes: refused by the core as `toProvider` refuses them.
      texts.push({ unread: item });
    } else {
      // `"null"` where JSON has no text (a `toJSON` that gives undefined), as in an array's.
      const text = jsonText(item) ?? "null";
      texts.push(typeof text === "string" ? text : { failed: `value cannot be converted to JSON: ${text.failed}` });
    }
  }
  return texts;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/**
 * JSON text as the wasm can take it. A lone surrogate (half an emoji: a JS string cut inside
 * one) has no UTF-8, and would cross the boundary as U+FFFD, silently, to be sent as such; it
 * is written here as its `\u` escape instead — what `JSON.stringify` writes for it in an
 * object — which the core refuses at the field that holds it.
 */
export function wellFormed(text) {
  const sound = typeof text.isWellFormed === "function" ? text.isWellFormed() : !LONE_SURROGATE.test(text);
  return sound ? text : text.replace(LONE_SURROGATES, (half, at) => {
    // After an odd run of backslashes the half is what a `\` escapes (invalid JSON): one more
    // backslash closes that escape, so that the `\u` written here is read as an escape and refused.
    let run = 0;
    while (text[at - 1 - run] === "\\") run++;
    return `${run % 2 ? "\\" : ""}\\u${half.charCodeAt(0).toString(16)}`;
  });
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
