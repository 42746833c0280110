//! Reading client options from a JS object: typed getters that name the option in their
//! errors, a check for misspelt keys, and the options every client shares.

use crate::error::BodyError;
use crate::http::RetryPolicy;
use js_sys::{Function, Object};
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_SHARED_OPTIONS: &str = r#"
/** The subset of a fetch `Response` wabridge reads; a real `Response` fits. */
export interface FetchResponseLike {
  status: number;
  headers?: { forEach(callback: (value: string, name: string) => void): void } | Record<string, string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
  text?(): Promise<string>;
}

declare global {
  /**
   * Merges with the project's own `AbortSignal` — lib "dom" and @types/node declare it as an
   * interface, Workers' types as a class — and is empty where no lib declares one, so that no
   * particular lib is required. (Looking it up on `globalThis` missed Workers' class, and a
   * Worker's `fetch` was then not assignable to `FetchLike`.)
   */
  interface AbortSignal {}
}

/**
 * What a client passes to `fetch`. The body is JSON text, or (a multipart upload) a
 * `Uint8Array` over a plain `ArrayBuffer` (never a SharedArrayBuffer): typed so because
 * TypeScript ≥ 5.7's `BodyInit` takes only `ArrayBufferView<ArrayBuffer>`, and a bare
 * `Uint8Array` would make `globalThis.fetch` unassignable to `FetchLike`.
 */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string | (Uint8Array & { readonly buffer: ArrayBuffer });
  signal?: AbortSignal;
}

/**
 * A `fetch`-compatible function: `globalThis.fetch`, `(url, init) => fetch(url, init)`, a
 * Workers service binding's fetch, a test double, the sandbox's `fetch`.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/**
 * When a client retries by itself. By default only rate limits (the provider did nothing)
 * are retried; server errors and timeouts are thrown with `retryable: true` and the request,
 * because resending them can deliver a message twice. `retryUnsafe: true` retries those too.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff step in ms (doubles each retry, full jitter). Default 500. */
  baseDelayMs?: number;
  /** Cap on any wait. A `Retry-After` longer than this is not retried early: the error is thrown with its `retryAfterMs`. Default 30000. */
  maxDelayMs?: number;
  /** Also retry server errors, timeouts and network failures. Default false. */
  retryUnsafe?: boolean;
}

/** Options every client takes. */
export interface ClientOptions {
  /** The fetch to send with. Default: `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Abort a request (response body included) after this many ms. Default 30000. */
  timeoutMs?: number;
  /** Automatic retries; `false` disables them. */
  retry?: RetryOptions | false;
  /**
   * Stops every call of the client when it aborts (a request's own signal, for a client made
   * per request; a shutdown's): the call rejects with the signal's reason, as `fetch` does
   * (an `AbortError` by default), and is not retried; a wait between retries ends at once.
   * Once the provider's answer has begun, it rejects with what that answer says instead (a
   * send's 2xx cut off: an `UnexpectedResponseError`, `safeToResend: false`), the abort as its
   * `cause`: a message that went is never hidden behind an abort.
   */
  signal?: AbortSignal;
}
"#;

/// A JS options object being read (`None`: not given, every option absent).
pub struct Options<'a> {
    object: Option<&'a JsValue>,
    /// What the options configure, for error messages ("MetaClient options").
    what: &'static str,
}

impl<'a> Options<'a> {
    pub fn new(object: &'a JsValue, what: &'static str, known: &[&str]) -> Result<Self, BodyError> {
        let Some(plain) = object.dyn_ref::<Object>().filter(|_| !object.is_function()) else {
            return Err(BodyError::argument(format!("{what} must be an object")));
        };
        for key in super::convert::keys(plain, what)? {
            if !known.contains(&key.as_str()) {
                return Err(BodyError::argument(format!(
                    "unknown option {key:?} in {what}; known: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(Options { object: Some(object), what })
    }

    /// A call's optional options object: absent when undefined or null, else as [`Options::new`].
    pub fn optional(object: Option<&'a JsValue>, what: &'static str, known: &[&str]) -> Result<Self, BodyError> {
        match object {
            Some(object) if !object.is_undefined() && !object.is_null() => Self::new(object, what, known),
            _ => Ok(Options { object: None, what }),
        }
    }

    /// The option, absent when undefined or null; an argument error where reading it throws.
    pub fn get(&self, key: &str) -> Result<Option<JsValue>, BodyError> {
        let Some(object) = self.object else { return Ok(None) };
        let value = super::convert::property(object, key, self.what)?;
        Ok(Some(value).filter(|v| !v.is_undefined() && !v.is_null()))
    }

    pub fn string(&self, key: &str) -> Result<Option<String>, BodyError> {
        match self.get(key)? {
            None => Ok(None),
            Some(value) => value
                .as_string()
                .map(Some)
                .ok_or_else(|| BodyError::argument(format!("{}.{key} must be a string", self.what))),
        }
    }

    pub fn required_string(&self, key: &str) -> Result<String, BodyError> {
        self.string(key)?.ok_or_else(|| BodyError::argument(format!("{}.{key} is required", self.what)))
    }

    /// A credential (a token, an access key), required. A control character (a pasted line
    /// break, a NUL) or whitespace at either end is a mistake in the options, not the
    /// credential: refused here, rather than every request failing as a retryable transport
    /// error (or going out with another credential than the one given). One sent in a header
    /// (`in_header`) is also bytes: nothing past U+00FF, which fetch refuses. Never quoted.
    pub fn credential(&self, key: &str, in_header: bool) -> Result<String, BodyError> {
        let value = self.required_string(key)?;
        let bad = |c: char| c.is_control() || (in_header && u32::from(c) > 0xff);
        let why = if let Some(at) = value.chars().position(bad) {
            format!("a character no credential has (a line break, a NUL or a non-Latin-1 character, at index {at})")
        } else if value.trim() != value {
            "whitespace at its start or end".into()
        } else {
            return Ok(value);
        };
        Err(BodyError::argument(format!("{}.{key} holds {why}: give it exactly as the provider issued it", self.what)))
    }

    /// A number from `min` to `max` (whole numbers both: they are printed as such).
    pub fn number(&self, key: &str, min: u32, max: u32) -> Result<Option<f64>, BodyError> {
        self.ranged(key, min, max, "a number", |_| true)
    }

    /// A whole number from `min` to `max` (a count: 1.5 retries is not one).
    pub fn whole_number(&self, key: &str, min: u32, max: u32) -> Result<Option<f64>, BodyError> {
        self.ranged(key, min, max, "a whole number", |n| n.fract() == 0.0)
    }

    fn ranged(
        &self,
        key: &str,
        min: u32,
        max: u32,
        what: &str,
        fits: fn(f64) -> bool,
    ) -> Result<Option<f64>, BodyError> {
        match self.get(key)? {
            None => Ok(None),
            Some(value) => match value.as_f64() {
                Some(n) if n.is_finite() && (f64::from(min)..=f64::from(max)).contains(&n) && fits(n) => Ok(Some(n)),
                _ => Err(BodyError::argument(format!("{}.{key} must be {what} from {min} to {max}", self.what))),
            },
        }
    }

    /// A time, in milliseconds since the epoch: a number or a `Date`.
    pub fn time(&self, key: &str) -> Result<Option<f64>, BodyError> {
        let Some(value) = self.get(key)? else { return Ok(None) };
        let ms = match value.dyn_ref::<js_sys::Date>() {
            Some(date) => super::convert::time_of(date),
            None => value.as_f64().unwrap_or(f64::NAN),
        };
        if !ms.is_finite() {
            return Err(BodyError::argument(format!(
                "{}.{key} must be a time: milliseconds since the epoch or a Date",
                self.what
            )));
        }
        Ok(Some(ms))
    }

    pub fn boolean(&self, key: &str) -> Result<Option<bool>, BodyError> {
        match self.get(key)? {
            None => Ok(None),
            Some(value) => value
                .as_bool()
                .map(Some)
                .ok_or_else(|| BodyError::argument(format!("{}.{key} must be a boolean", self.what))),
        }
    }

    pub fn function(&self, key: &str) -> Result<Option<Function>, BodyError> {
        match self.get(key)? {
            None => Ok(None),
            Some(value) => value
                .dyn_into::<Function>()
                .map(Some)
                .map_err(|_| BodyError::argument(format!("{}.{key} must be a function", self.what))),
        }
    }

    /// `timeoutMs`: 1 ms to 10 minutes (the JS client defaults it to 30 s).
    pub fn timeout_ms(&self) -> Result<Option<f64>, BodyError> {
        self.number("timeoutMs", 1, 600_000)
    }

    /// `retry`: an object of overrides, or `false` for no retries.
    pub fn retry_policy(&self) -> Result<RetryPolicy, BodyError> {
        let default = RetryPolicy::default();
        let Some(value) = self.get("retry")? else { return Ok(default) };
        if value.as_bool() == Some(false) {
            return Ok(RetryPolicy { max_retries: 0, ..default });
        }
        let retry = Options::new(&value, "retry options", &["maxRetries", "baseDelayMs", "maxDelayMs", "retryUnsafe"])?;
        Ok(RetryPolicy {
            max_retries: retry.whole_number("maxRetries", 0, 10)?.map_or(default.max_retries, |n| n as u32),
            base_delay_ms: retry.number("baseDelayMs", 0, 600_000)?.map_or(default.base_delay_ms, |n| n as u64),
            max_delay_ms: retry.number("maxDelayMs", 0, 3_600_000)?.map_or(default.max_delay_ms, |n| n as u64),
            retry_unsafe: retry.boolean("retryUnsafe")?.unwrap_or(default.retry_unsafe),
        })
    }
}

/// The keys every client reads (`fetch`, `timeout_ms`, `retry_policy`; `signal`, which the JS
/// class reads), for `Options::new`'s list of known keys.
pub const SHARED_KEYS: [&str; 4] = ["fetch", "timeoutMs", "retry", "signal"];
