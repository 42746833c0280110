//! Core errors become instances of the JS classes in `errors.js`, carrying the stable `code`
//! and, for provider failures, everything needed to decide on and perform a retry.

use super::convert::json_to_js;
use crate::error::{AnswerError, BodyError, ProviderError, SendError, TransportError};
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
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Props<'a> {
    code: &'static str,
    retryable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    safe_to_resend: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    violations: Option<&'a [Violation]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provider: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    http_status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retry_after_ms: Option<u64>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    provider_error: Option<&'a ProviderError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<SentRequest<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attempts: Option<u32>,
}

/// A client's request that failed: what its error carries besides the failure itself.
pub struct Attempted<'a> {
    /// Whose client sent it: every failure of a client names its provider, a transport
    /// failure or an unreadable answer too (one handler for several clients tells them apart).
    pub provider: crate::provider::Provider,
    /// The request, credentials redacted: enough to send it again.
    pub request: &'a HttpRequest,
    pub attempts: u32,
}

/// Converts `error` to a JS error; a client's failure (`attempted`) also carries its request,
/// the number of attempts and the provider.
pub fn to_js_error(error: &SendError, attempted: Option<Attempted<'_>>) -> JsValue {
    let (request, attempts) = (attempted.as_ref().map(|a| a.request), attempted.as_ref().map(|a| a.attempts));
    let class = match error {
        SendError::Body(BodyError::Invalid(_)) => "ValidationError",
        SendError::Body(BodyError::Unsupported(_)) => "UnsupportedError",
        SendError::Body(BodyError::Argument(_)) => "ArgumentError",
        SendError::Answer(AnswerError::Refused(_)) => "ProviderError",
        SendError::Answer(AnswerError::Unexpected(_)) => "UnexpectedResponseError",
        SendError::Transport(TransportError { timed_out: true, .. }) => "TimeoutError",
        SendError::Transport(_) => "TransportError",
    };
    // Violations as one report lists them, however many reports they were gathered from.
    let listed = match error {
        SendError::Body(BodyError::Invalid(violations)) => crate::validate::one_list(violations.iter().cloned()),
        _ => Vec::new(),
    };
    let mut props = Props {
        code: error.code(),
        retryable: error.retry_hint().retryable,
        // A client's failures say it: a queue resends what is safe, and checks the rest first.
        // A GET or a DELETE does nothing twice, whatever became of it.
        safe_to_resend: attempted
            .as_ref()
            .map(|a| a.request.method != crate::http::Method::Post || error.safe_to_resend()),
        violations: None,
        provider: None,
        kind: None,
        path: None,
        http_status: None,
        raw: None,
        retry_after_ms: None,
        provider_error: None,
        request: request.map(|r| SentRequest {
            method: r.method.as_str(),
            url: r.redacted_url(),
            headers: r.redacted_headers(),
            // A JSON body, to send again; not a multipart upload's bytes (the caller has the file).
            body: r.body.as_deref().and_then(|b| std::str::from_utf8(b).ok()).map(std::borrow::Cow::Borrowed),
        }),
        attempts,
    };
    match error {
        SendError::Body(BodyError::Invalid(_)) => props.violations = Some(&listed),
        SendError::Body(BodyError::Unsupported(unsupported)) => {
            props.provider = Some(unsupported.provider.name());
            props.kind = Some(&unsupported.kind);
            props.path = Some(unsupported.pointer());
        }
        SendError::Answer(AnswerError::Refused(e)) => props.provider_error = Some(e),
        SendError::Answer(AnswerError::Unexpected(e)) => {
            props.http_status = Some(e.http_status);
            props.raw = Some(&e.raw);
            props.retry_after_ms = e.retry_after_ms;
        }
        SendError::Body(BodyError::Argument(_)) | SendError::Transport(_) => {}
    }
    // A ProviderError names its provider already (`provider_error`).
    if let Some(attempted) = attempted.as_ref().filter(|_| props.provider_error.is_none()) {
        props.provider = props.provider.or(Some(attempted.provider.name()));
    }
    let props =
        serde_json::to_string(&props).ok().and_then(|json| json_to_js(&json).ok()).unwrap_or(JsValue::UNDEFINED);
    make_error(class, &error.to_string(), props)
}

impl From<crate::error::SignatureError> for JsValue {
    fn from(error: crate::error::SignatureError) -> JsValue {
        let props = format!(r#"{{"code":"ERR_SIGNATURE","retryable":false,"reason":"{}"}}"#, error.reason());
        make_error("SignatureError", &error.to_string(), json_to_js(&props).unwrap_or(JsValue::UNDEFINED))
    }
}

/// A webhook body larger than any delivery, refused before it is read: `WebhookError` with
/// `reason: "too_large"`, as `handleWebhook` refuses one over its `maxBodyBytes` (answering 413).
pub fn delivery_too_large(why: &str) -> JsValue {
    let props = r#"{"code":"ERR_WEBHOOK","retryable":false,"reason":"too_large"}"#;
    make_error(
        "WebhookError",
        &format!("the webhook body cannot be taken: {why}"),
        json_to_js(props).unwrap_or(JsValue::UNDEFINED),
    )
}

impl From<crate::error::WebhookError> for JsValue {
    fn from(error: crate::error::WebhookError) -> JsValue {
        let props = format!(r#"{{"code":"ERR_WEBHOOK","retryable":false,"provider":"{}"}}"#, error.provider.name());
        make_error("WebhookError", &error.to_string(), json_to_js(&props).unwrap_or(JsValue::UNDEFINED))
    }
}

impl From<SendError> for JsValue {
    fn from(error: SendError) -> JsValue {
        to_js_error(&error, None)
    }
}

impl From<BodyError> for JsValue {
    fn from(error: BodyError) -> JsValue {
        to_js_error(&SendError::Body(error), None)
    }
}
