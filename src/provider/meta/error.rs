//! Graph API error bodies decoded into typed errors, with Meta's codes classified.
//! https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes

use super::PROVIDER;
use crate::error::{AnswerError, ErrorReason, ProviderCode, ProviderError};
use crate::http::HttpResponse;
use crate::provider::{answer_json, unexpected_response};
use crate::validate::Json;

/// What a Meta error code means, and whether the same request may succeed later.
fn classify(code: i64) -> (ErrorReason, bool) {
    use ErrorReason::*;
    match code {
        // 1 API unknown, 2 API service: temporary; 131000 something went wrong;
        // 131016 service overloaded; 133004 server temporarily unavailable.
        // 131057 account in maintenance mode (a throughput upgrade): later, the same request.
        1 | 2 | 131000 | 131016 | 133004 | 131057 => (ServiceUnavailable, true),
        // 4 app call limit, 80007 WABA rate limit, 130429 throughput: wait and send again.
        4 | 80007 | 130429 => (RateLimited, true),
        // 131048 spam rate limit: the number's quality restricts what it may send (too many
        // messages blocked or reported); sending again soon only adds to it.
        131048 => (RateLimited, false),
        // 131056 pair rate limit: one business number may message one customer about once
        // every 6 seconds; retried no sooner than that (`PAIR_RATE_WAIT_MS`).
        131056 => (PairRateLimited, true),
        0 | 190 => (InvalidToken, false),
        // 131005 access denied; 368 temporarily blocked for policy violations; 131031 account
        // locked; 131042 business eligibility (a payment method): the account, not the request.
        3 | 10 | 200..=299 | 368 | 131005 | 131031 | 131042 => (PermissionDenied, false),
        // 33 bad object id; 131008 required parameter missing; 131009 parameter value
        // invalid; 131021 recipient cannot be sender.
        33 | 100 | 131008 | 131009 | 131021 => (InvalidParameter, false),
        131047 => (ReengagementRequired, false),
        // 131026 message undeliverable; 130472 the customer's number is part of an experiment;
        // 131050 the customer stopped marketing messages from the business.
        131026 | 130472 | 131050 => (Undeliverable, false),
        // 131062: this message cannot go to a business-scoped user id (an authentication
        // template: send it to the customer's number).
        131051 | 131062 => (UnsupportedType, false),
        131052 | 131053 => (Media, false),
        132000..=132016 | 132068 | 132069 => (Template, false),
        _ => (Unknown, false),
    }
}

/// How long to wait after a pair rate limit (131056) where the answer says nothing: Meta
/// documents the pair rate as one message every 6 seconds to the same customer.
const PAIR_RATE_WAIT_MS: u64 = 6_000;

/// When a throttled account may call again, from Graph's business use case rate limit header
/// (`X-Business-Use-Case-Usage: {"<business id>": [{"type": …, "estimated_time_to_regain_access":
/// <minutes>}, …]}`): the longest of the waits it gives, none when it gives none above zero.
fn regain_access_ms(response: &HttpResponse) -> Option<u64> {
    let usage = crate::json::parse(response.header("x-business-use-case-usage")?).ok()?;
    let Json::Object(businesses) = &usage else { return None };
    let minutes = businesses
        .iter()
        .flat_map(|(_, uses)| match uses {
            Json::Array(uses) => uses.as_slice(),
            _ => &[],
        })
        .filter_map(|use_case| use_case.get("estimated_time_to_regain_access")?.as_f64())
        .filter(|m| m.is_finite() && *m > 0.0)
        .fold(0.0_f64, f64::max);
    // At most a day: a larger figure is not a wait any retry policy would honour.
    (minutes > 0.0).then(|| (minutes.min(24.0 * 60.0) * 60_000.0) as u64)
}

/// Decodes a non-2xx answer. A Graph error body becomes [`Error::Provider`]; anything else
/// (an HTML page from a proxy, truncated JSON) becomes [`Error::UnexpectedResponse`],
/// retryable when the status says the server was at fault.
pub fn decode_error(response: &HttpResponse) -> AnswerError {
    let retry_after_ms = crate::http::retry_after_ms(response);
    let server_fault = response.status == 429 || response.status >= 500;
    // `{"error": {message, type, code, error_subcode, fbtrace_id, is_transient,
    // error_user_title, error_user_msg, error_data: {messaging_product, details}}}`.
    let body = answer_json(response);
    let error = body.as_ref().and_then(|body| body.get("error"));
    let Some((error, code)) = error.and_then(|e| Some((e, e.get("code")?.as_i64()?))) else {
        return unexpected_response(PROVIDER, response, "a Graph error body");
    };
    let (mut reason, known_retryable) = classify(code);
    let retry_after_ms = retry_after_ms
        .or((code == 131056).then_some(PAIR_RATE_WAIT_MS))
        .or_else(|| (reason == ErrorReason::RateLimited).then(|| regain_access_ms(response)).flatten());
    if reason == ErrorReason::Unknown && response.status >= 500 {
        reason = ErrorReason::ServiceUnavailable;
    }
    let transient = error.get("is_transient").and_then(Json::as_bool) == Some(true);
    let retryable = known_retryable || transient || server_fault;
    let details = error.get("error_data").and_then(|data| data.string("details"));
    let user_message = error.string("error_user_msg").filter(|m| !m.is_empty());
    let mut message = user_message.or_else(|| error.string("message")).unwrap_or_default();
    if let Some(details) = details.as_deref().filter(|d| !message.contains(*d)) {
        message = format!("{message} ({details})");
    }
    AnswerError::Refused(Box::new(ProviderError {
        provider: PROVIDER,
        http_status: response.status,
        reason,
        // Meta's messages mostly name their code already ("(#100) Invalid parameter").
        message: if message.starts_with(&format!("(#{code})")) { message } else { format!("(#{code}) {message}") },
        provider_code: Some(ProviderCode::Number(code)),
        provider_subcode: error.get("error_subcode").and_then(Json::as_i64),
        error_type: error.string("type"),
        details,
        fields: Vec::new(),
        trace_id: error.string("fbtrace_id"),
        retryable,
        retry_after_ms,
        raw: response.text(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(status: u16, code: i64, extra: &str) -> ProviderError {
        let body = format!(
            r#"{{"error":{{"message":"(#{code}) Something","type":"OAuthException","code":{code},"fbtrace_id":"Az8"{extra}}}}}"#
        );
        match decode_error(&HttpResponse::new(status, body)) {
            AnswerError::Refused(e) => *e,
            other => panic!("{other:?}"),
        }
    }

    /// A throttled account's wait, from the business use case header (minutes), when the answer
    /// has no Retry-After: the longest of its use cases; a rate limit only.
    #[test]
    fn reads_the_business_use_case_wait() {
        let body = r#"{"error":{"message":"(#80007) Rate limit hit","type":"OAuthException","code":80007}}"#;
        let usage = r#"{"102290129340398":[{"type":"whatsapp_business_management","call_count":100,"estimated_time_to_regain_access":15},{"type":"messenger","estimated_time_to_regain_access":0}]}"#;
        let wait = |body: &str, usage: &str| match decode_error(
            &HttpResponse::new(400, body).with_header("X-Business-Use-Case-Usage", usage),
        ) {
            AnswerError::Refused(e) => e.retry_after_ms,
            other => panic!("{other:?}"),
        };
        assert_eq!(wait(body, usage), Some(15 * 60_000));
        assert_eq!(wait(body, r#"{"1":[{"estimated_time_to_regain_access":0}]}"#), None);
        assert_eq!(wait(body, "not json"), None);
        let invalid = r#"{"error":{"message":"(#100) Invalid parameter","code":100}}"#;
        assert_eq!(wait(invalid, usage), None, "not a rate limit");
        let retry_after = HttpResponse::new(429, body)
            .with_header("Retry-After", "30")
            .with_header("X-Business-Use-Case-Usage", usage);
        let AnswerError::Refused(e) = decode_error(&retry_after) else { panic!() };
        assert_eq!(e.retry_after_ms, Some(30_000), "Retry-After, when given, is the wait");
    }

    #[test]
    fn classifies_documented_codes() {
        let cases = [
            (400, 100, ErrorReason::InvalidParameter, false),
            (401, 190, ErrorReason::InvalidToken, false),
            (400, 131047, ErrorReason::ReengagementRequired, false),
            (400, 130429, ErrorReason::RateLimited, true),
            (400, 131056, ErrorReason::PairRateLimited, true),
            (400, 131048, ErrorReason::RateLimited, false),
            (400, 131026, ErrorReason::Undeliverable, false),
            (400, 130472, ErrorReason::Undeliverable, false),
            (400, 131050, ErrorReason::Undeliverable, false),
            (403, 131005, ErrorReason::PermissionDenied, false),
            (400, 368, ErrorReason::PermissionDenied, false),
            (400, 131031, ErrorReason::PermissionDenied, false),
            (400, 131042, ErrorReason::PermissionDenied, false),
            (400, 131057, ErrorReason::ServiceUnavailable, true),
            (400, 132001, ErrorReason::Template, false),
            (400, 131051, ErrorReason::UnsupportedType, false),
            (400, 131062, ErrorReason::UnsupportedType, false),
            (500, 131000, ErrorReason::ServiceUnavailable, true),
            (500, 999999, ErrorReason::ServiceUnavailable, true),
            (400, 999999, ErrorReason::Unknown, false),
        ];
        for (status, code, reason, retryable) in cases {
            let e = graph(status, code, "");
            assert_eq!((e.reason, e.retryable), (reason, retryable), "code {code}");
            assert_eq!(e.provider_code, Some(ProviderCode::Number(code)));
            assert_eq!(e.http_status, status);
        }
    }

    #[test]
    fn keeps_details_trace_and_raw_body() {
        let e = graph(
            400,
            100,
            r#","error_subcode":2494010,"error_data":{"messaging_product":"whatsapp","details":"Param text['body'] must be at most 4096 characters long."}"#,
        );
        assert_eq!(e.details.as_deref(), Some("Param text['body'] must be at most 4096 characters long."));
        assert_eq!(e.provider_subcode, Some(2494010));
        assert_eq!(e.trace_id.as_deref(), Some("Az8"));
        assert_eq!(e.error_type.as_deref(), Some("OAuthException"));
        assert!(e.message.contains("4096"));
        assert!(e.raw.contains("2494010"));
    }

    #[test]
    fn transient_flag_and_retry_after() {
        let e = graph(400, 123, r#","is_transient":true"#);
        assert!(e.retryable);
        let response =
            HttpResponse::new(429, r#"{"error":{"message":"x","code":130429}}"#).with_header("Retry-After", "2");
        let AnswerError::Refused(e) = decode_error(&response) else { panic!() };
        assert_eq!(e.retry_after_ms, Some(2000));
        // A pair rate limit waits the documented 6 seconds unless the answer says otherwise.
        assert_eq!(graph(400, 131056, "").retry_after_ms, Some(6_000));
        let pair = HttpResponse::new(400, r#"{"error":{"message":"x","code":131056}}"#).with_header("Retry-After", "9");
        let AnswerError::Refused(e) = decode_error(&pair) else { panic!() };
        assert_eq!(e.retry_after_ms, Some(9_000));
    }

    #[test]
    fn retry_after_counts_whatever_the_body_is() {
        // A proxy's or an edge's 429 page is not a Graph error, but its Retry-After still holds.
        let html = HttpResponse::new(429, "<html>Too many</html>").with_header("Retry-After", "2");
        let AnswerError::Unexpected(e) = decode_error(&html) else { panic!() };
        assert_eq!((e.retryable, e.retry_after_ms), (true, Some(2000)));
        let hint = crate::error::SendError::from(e).retry_hint();
        assert_eq!((hint.retryable, hint.safe, hint.after_ms), (true, true, Some(2000)));
    }

    #[test]
    fn non_graph_bodies_are_unexpected_responses() {
        let html = decode_error(&HttpResponse::new(502, "<html><body>Bad Gateway</body></html>"));
        assert_eq!(html.code(), "ERR_UNEXPECTED_RESPONSE");
        assert!(html.retryable());
        let bad = decode_error(&HttpResponse::new(400, "{\"error\":"));
        assert!(!bad.retryable());
    }
}
