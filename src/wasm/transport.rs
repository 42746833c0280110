//! Moves an [`HttpRequest`] through `fetch` and reads the answer into an [`HttpResponse`].
//!
//! The moving is done in JS (`transport.js`): one call per attempt, which builds the fetch
//! options, runs the timeout, and reads the answer by duck typing, so that the global `fetch`,
//! a user-supplied one (test doubles, Workers service bindings, proxies, the sandbox) and a
//! minimal double all work and nothing can throw into wasm. Driving `fetch` from Rust instead
//! (closures for the timeout and the headers, the options set property by property, the body
//! copied through an ArrayBuffer) cost several times a bare `fetch` per send.
//! (gloo-net was the first choice; it panics when fetch resolves to a non-`Response`.)

use crate::error::TransportError;
use crate::http::{HttpRequest, HttpResponse};
use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/wasm/transport.js")]
extern "C" {
    #[wasm_bindgen(js_name = sendRequest)]
    fn send_request(
        fetch: &JsValue,
        method: &str,
        url: &str,
        headers: Vec<String>,
        body: &JsValue,
        timeout_ms: f64,
        binary: bool,
    ) -> Promise;

    #[wasm_bindgen(js_name = sleep)]
    fn sleep_ms(ms: f64) -> Promise;
}

/// How requests leave the process.
#[derive(Clone)]
pub struct Transport {
    /// A user-supplied `fetch(url, init)`; `None` means `globalThis.fetch`, looked up per request
    /// (so polyfills installed after the client was created still count).
    pub fetch: Option<Function>,
    /// Abort a request (body included) that takes longer than this.
    pub timeout_ms: f64,
}

pub const DEFAULT_TIMEOUT_MS: f64 = 30_000.0;

impl Transport {
    /// Sends `request` and reads the whole response, within the timeout. With `binary`, the
    /// answer's body is read as bytes (a media download), else as text.
    pub async fn send(&self, request: &HttpRequest, binary: bool) -> Result<HttpResponse, TransportError> {
        let headers = request.headers.iter().flat_map(|(name, value)| [name.clone(), value.clone()]).collect();
        // JSON bodies go as text (fetch sends strings fastest); a multipart upload as bytes.
        let body = match &request.body {
            None => JsValue::UNDEFINED,
            Some(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => JsValue::from_str(text),
                Err(_) => Uint8Array::from(bytes.as_slice()).into(),
            },
        };
        let fetch = self.fetch.as_ref().map_or(JsValue::UNDEFINED, |f| f.clone().into());
        let pending =
            send_request(&fetch, request.method.as_str(), &request.url, headers, &body, self.timeout_ms, binary);
        let answer = JsFuture::from(pending).await.map_err(failure)?;
        let Ok(answer) = answer.dyn_into::<Array>() else {
            return Err(TransportError { message: "the transport answered nothing".into(), timed_out: false });
        };
        let status = answer.get(0).as_f64().unwrap_or(0.0) as u16;
        let flat = answer.get(1).dyn_into::<Array>().unwrap_or_default();
        let headers = (0..flat.length() / 2)
            .filter_map(|i| Some((flat.get(2 * i).as_string()?, flat.get(2 * i + 1).as_string()?)))
            .collect();
        let content = answer.get(2);
        let body = match content.as_string() {
            Some(text) => text.into_bytes(),
            None => content.dyn_into::<Uint8Array>().map(|bytes| bytes.to_vec()).unwrap_or_default(),
        };
        Ok(HttpResponse { status, headers, body })
    }
}

/// `transport.js` rejects with `[timedOut, message]`.
fn failure(reason: JsValue) -> TransportError {
    let reason = reason.dyn_into::<Array>().unwrap_or_default();
    TransportError {
        timed_out: reason.get(0).as_bool().unwrap_or(false),
        message: reason.get(1).as_string().unwrap_or_else(|| "the request failed".into()),
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u64) {
    let _ = JsFuture::from(sleep_ms(ms as f64)).await;
}
