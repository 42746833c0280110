//! Core errors become instances of the JS classes in `errors.js`, carrying the stable `code`
//! and, for provider failures, everything needed to decide on and perform a retry.

use super::convert::json_to_js;
use crate::error::{Error, ProviderError};
use crate::http::HttpRequest;
use crate::validate::Violation;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(class_name: &str, message: &str, props: JsValue) -> JsValue;
}

/// The request as sent, minus credentials: enough to send it again.
#[derive(Serialize)]
struct SentRequest<'a> {
    method: &'a str,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Props<'a> {
    code: &'static str,
    retryable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    violations: Option<&'a [Violation]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    http_status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<&'a str>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    provider_error: Option<&'a ProviderError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<SentRequest<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attempts: Option<u32>,
}

/// Converts `error` to a JS error. `request` (the request that failed) and `attempts` are
/// attached for transport and provider failures.
pub fn to_js_error(error: &Error, request: Option<&HttpRequest>, attempts: Option<u32>) -> JsValue {
    let class = match error {
        Error::Invalid(_) => "ValidationError",
        Error::Unsupported { .. } | Error::NotImplemented { .. } => "UnsupportedError",
        Error::Provider(_) => "ProviderError",
        Error::Transport { timed_out: true, .. } => "TimeoutError",
        Error::Transport { .. } => "TransportError",
        Error::UnexpectedResponse { .. } => "UnexpectedResponseError",
        _ => "ArgumentError",
    };
    let mut props = Props {
        code: error.code(),
        retryable: error.retryable(),
        violations: None,
        provider: None,
        kind: None,
        http_status: None,
        raw: None,
        provider_error: None,
        request: request.map(|r| SentRequest {
            method: r.method.as_str(),
            url: r.redacted_url(),
            headers: r.redacted_headers(),
            body: r.body.as_deref().map(String::from_utf8_lossy),
        }),
        attempts,
    };
    match error {
        Error::Invalid(violations) => props.violations = Some(violations),
        Error::Unsupported { provider, kind } | Error::NotImplemented { provider, kind } => {
            props.provider = Some(provider.name());
            props.kind = Some(kind);
        }
        Error::Provider(e) => props.provider_error = Some(e),
        Error::UnexpectedResponse { http_status, raw, .. } => {
            props.http_status = Some(*http_status);
            props.raw = Some(raw);
        }
        _ => {}
    }
    let props =
        serde_json::to_string(&props).ok().and_then(|json| json_to_js(&json).ok()).unwrap_or(JsValue::UNDEFINED);
    make_error(class, &error.to_string(), props)
}

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        to_js_error(&error, None, None)
    }
}
