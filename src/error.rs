//! Errors, one small type per operation:
//! - [`BodyError`]: reading, validating, converting or serializing a body, or building a
//!   request from one (the document is invalid, the provider cannot carry it, an argument is
//!   wrong);
//! - [`AnswerError`]: decoding a provider's answer (the provider refused, or answered
//!   something that is not its documented format);
//! - [`TransportError`]: the request did not complete;
//! - [`SendError`]: a whole send, any of the three.
//!
//! Each converts into the next with `From`, so `?` composes them. The bindings layer turns
//! each into a JS `Error` subclass with a stable `code`.

use crate::http::{HttpResponse, RetryHint};
use crate::provider_id::{Provider, UnknownProvider};
use crate::validate::Violation;
use serde::Serialize;
use std::fmt;

/// Content (or a field of it) that one side of a conversion cannot carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported {
    pub provider: Provider,
    /// The content kind or field: as the neutral model names it, or as the provider's body
    /// does when the neutral model is the side that lacks it.
    pub kind: String,
    pub why: Why,
    /// Where the content lies in the document given (a JSON pointer), when it is a field
    /// rather than the whole content kind (`/content/type`).
    pub path: Option<String>,
}

/// Why content cannot go where it was asked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The provider cannot express it.
    ProviderCannot,
    /// The provider can, but this version of wabridge does not speak it there yet (the same
    /// `ERR_UNSUPPORTED` code, with an honest message).
    NotYet,
    /// The provider's body says something the neutral model has no field for: it converts to
    /// the same provider, or is sent as the provider's own body, but not to another format.
    NeutralLacks,
}

impl Unsupported {
    /// The provider cannot express `kind`.
    pub fn cannot(provider: Provider, kind: impl Into<String>) -> Self {
        Unsupported { provider, kind: kind.into(), why: Why::ProviderCannot, path: None }
    }

    /// The provider can express `kind`, but this version does not send it there yet.
    pub fn not_yet(provider: Provider, kind: impl Into<String>) -> Self {
        Unsupported { provider, kind: kind.into(), why: Why::NotYet, path: None }
    }

    /// The provider's `field` has no place in the neutral model.
    pub fn neutral_lacks(provider: Provider, field: impl Into<String>) -> Self {
        Unsupported { provider, kind: field.into(), why: Why::NeutralLacks, path: None }
    }

    /// The same, at `path` in the document given.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Where it lies in the document given: its field, or the content's type.
    pub fn pointer(&self) -> &str {
        self.path.as_deref().unwrap_or("/content/type")
    }

    /// The refusal as a violation at its pointer (code `unsupported`), for a list of every
    /// fault of a message.
    pub fn violation(&self) -> Violation {
        Violation {
            path: self.pointer().into(),
            code: crate::validate::ViolationCode::Unsupported,
            message: self.to_string(),
            limit: None,
        }
    }
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Unsupported { provider, kind, why, path } = self;
        match why {
            // A field of the content (or the recipient), not the content itself.
            // (A provider's body whose method is its kind, as 1MSG's, is its root: "".)
            Why::ProviderCannot if path.as_deref() == Some("") => write!(f, "{provider} cannot carry the {kind}"),
            Why::ProviderCannot if path.as_deref().is_some_and(|p| p != "/content/type") => {
                write!(f, "{provider} cannot carry the {kind} (at {})", self.pointer())
            }
            Why::ProviderCannot => write!(f, "{provider} cannot send content of type {kind:?}"),
            Why::NotYet => write!(f, "this version of wabridge does not send {kind:?} through {provider} yet"),
            Why::NeutralLacks => {
                write!(f, "{provider}'s {kind} has no equivalent in the neutral model")?;
                if let Some(at) = path.as_deref().filter(|p| !p.is_empty()) {
                    write!(f, " (at {at})")?;
                }
                write!(f, ": convert the body to {provider} itself, or send it as {provider}'s own body")
            }
        }
    }
}

/// Why a webhook delivery is not taken as the provider's: its signature (or shared token) is
/// missing, malformed, wrong or stale.
#[derive(Debug, Clone, PartialEq)]
pub enum SignatureError {
    /// A header (or the URL's token) the provider signs with is not there.
    Missing(String),
    /// It is there but not in the provider's format.
    Malformed(String),
    /// It does not match the body under this secret: tampered, or signed with another secret.
    Mismatch,
    /// Bird's signature does not match the body and the URL under this signing key. Bird signs
    /// the URL it called: behind a proxy the URL a server sees differs, the usual cause. Its
    /// origin and path (the query left out: it may carry a token of yours).
    UrlMismatch { url: String },
    /// The shared token a 1MSG webhook URL carries (in query parameter `parameter`) is not
    /// yours. 1MSG signs nothing: there is no signature and no body to mismatch.
    TokenMismatch { parameter: String },
    /// Signed longer ago (or further ahead) than the freshness window allows.
    Stale { age_seconds: i64, tolerance_seconds: u64 },
}

impl SignatureError {
    /// Its kind in one word, as errors thrown to JS give it (`reason`).
    pub fn reason(&self) -> &'static str {
        match self {
            SignatureError::Missing(_) => "missing",
            SignatureError::Malformed(_) => "malformed",
            SignatureError::Mismatch | SignatureError::UrlMismatch { .. } | SignatureError::TokenMismatch { .. } => {
                "mismatch"
            }
            SignatureError::Stale { .. } => "stale",
        }
    }
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::Missing(what) => write!(f, "the webhook has no {what}"),
            SignatureError::Malformed(why) => write!(f, "the webhook's signature is malformed: {why}"),
            SignatureError::Mismatch => {
                f.write_str("the webhook's signature does not match its body under this secret")
            }
            SignatureError::UrlMismatch { url } => write!(
                f,
                "the webhook's signature does not match its body and URL under this signing key \
                 (Bird signs the URL it called; checked against {url}: behind a proxy, give the public URL as `url`)"
            ),
            // The token given is never said: it may be one letter away from the secret.
            SignatureError::TokenMismatch { parameter } => {
                write!(f, "the webhook URL's token (its {parameter} parameter) does not match this secret")
            }
            SignatureError::Stale { age_seconds, tolerance_seconds } if *age_seconds < 0 => write!(
                f,
                "the webhook is dated {} s in the future; the window is {tolerance_seconds} s",
                age_seconds.unsigned_abs()
            ),
            SignatureError::Stale { age_seconds, tolerance_seconds } => {
                write!(f, "the webhook was signed {age_seconds} s ago; the window is {tolerance_seconds} s")
            }
        }
    }
}

/// A body that is not a webhook of the provider it was read as: not JSON, or not that
/// provider's envelope. (Unknown kinds inside a provider's envelope are events, never errors.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookError {
    pub provider: Provider,
    pub why: String,
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "this is not a {} webhook: {}", self.provider, self.why)
    }
}

/// What can go wrong with a body or the arguments of a call, before any I/O.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyError {
    /// The document breaks documented rules: every violation, each at its pointer.
    Invalid(Vec<Violation>),
    /// The provider cannot carry this content.
    Unsupported(Unsupported),
    /// A bad argument or option (unknown provider name, missing token, …).
    Argument(String),
}

impl BodyError {
    pub fn argument(message: impl Into<String>) -> Self {
        BodyError::Argument(message.into())
    }

    /// `secret` replaced in an argument's message (see [`SendError::redact`]): a refusal may
    /// quote a URL a provider answered with, credentials in it.
    pub fn redact(mut self, secret: &str) -> Self {
        if let BodyError::Argument(message) = &mut self {
            scrub(message, secret);
        }
        self
    }

    /// The error of a body the caller gave as the member `key` of the one that was checked:
    /// its violations' pointers made relative to that member.
    pub fn within(self, key: &str) -> Self {
        let prefix = format!("/{key}");
        match self {
            BodyError::Invalid(violations) => BodyError::Invalid(
                violations
                    .into_iter()
                    .map(|mut v| {
                        match v.path.strip_prefix(&prefix) {
                            Some(inner) if inner.is_empty() || inner.starts_with('/') => v.path = inner.to_string(),
                            _ => {}
                        }
                        v
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            BodyError::Invalid(_) => "ERR_VALIDATION",
            BodyError::Unsupported(_) => "ERR_UNSUPPORTED",
            BodyError::Argument(_) => "ERR_ARGUMENT",
        }
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::Invalid(violations) => {
                // Those a report did not list count too.
                let n: usize = violations.iter().map(|v| crate::validate::unlisted(v).unwrap_or(1)).sum();
                // Not "invalid message": the body may be a profile, settings or a query.
                write!(f, "{n} violation{}: ", if n == 1 { "" } else { "s" })?;
                for (i, v) in violations.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{v}")?;
                }
                Ok(())
            }
            BodyError::Unsupported(unsupported) => unsupported.fmt(f),
            BodyError::Argument(message) => f.write_str(message),
        }
    }
}

impl From<Vec<Violation>> for BodyError {
    fn from(violations: Vec<Violation>) -> Self {
        BodyError::Invalid(violations)
    }
}

impl From<Unsupported> for BodyError {
    fn from(unsupported: Unsupported) -> Self {
        BodyError::Unsupported(unsupported)
    }
}

impl From<UnknownProvider> for BodyError {
    fn from(unknown: UnknownProvider) -> Self {
        BodyError::Argument(unknown.to_string())
    }
}

/// The provider answered with something that is not its documented format (an HTML error
/// page, malformed JSON, a success body without an id).
#[derive(Debug, Clone, PartialEq)]
pub struct UnexpectedResponse {
    pub http_status: u16,
    pub message: String,
    pub retryable: bool,
    /// How long the answer asked to wait (`Retry-After`): a proxy's or a load balancer's 429
    /// or 503 says it as well as the provider's documented error does.
    pub retry_after_ms: Option<u64>,
    /// The response body exactly as received.
    pub raw: String,
}

/// What decoding a provider's answer can find.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerError {
    /// The provider refused, with an error it documents.
    Refused(Box<ProviderError>),
    /// The answer is not in the provider's documented format.
    Unexpected(UnexpectedResponse),
}

impl AnswerError {
    pub fn code(&self) -> &'static str {
        match self {
            AnswerError::Refused(_) => "ERR_PROVIDER",
            AnswerError::Unexpected(_) => "ERR_UNEXPECTED_RESPONSE",
        }
    }

    /// Whether the same request may succeed later.
    pub fn retryable(&self) -> bool {
        match self {
            AnswerError::Refused(e) => e.retryable,
            AnswerError::Unexpected(e) => e.retryable,
        }
    }
}

impl From<ProviderError> for AnswerError {
    fn from(error: ProviderError) -> Self {
        AnswerError::Refused(Box::new(error))
    }
}

impl From<UnexpectedResponse> for AnswerError {
    fn from(error: UnexpectedResponse) -> Self {
        AnswerError::Unexpected(error)
    }
}

/// The request did not complete: network failure, reset, or timeout.
#[derive(Debug, Clone, PartialEq)]
pub struct TransportError {
    pub message: String,
    pub timed_out: bool,
}

/// Anything a send can meet: a bad body before any I/O, a failed transport, or the answer.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    Body(BodyError),
    Transport(TransportError),
    Answer(AnswerError),
}

impl From<BodyError> for SendError {
    fn from(error: BodyError) -> Self {
        SendError::Body(error)
    }
}

impl From<Vec<Violation>> for SendError {
    fn from(violations: Vec<Violation>) -> Self {
        SendError::Body(BodyError::Invalid(violations))
    }
}

impl From<TransportError> for SendError {
    fn from(error: TransportError) -> Self {
        SendError::Transport(error)
    }
}

impl From<AnswerError> for SendError {
    fn from(error: AnswerError) -> Self {
        SendError::Answer(error)
    }
}

impl From<ProviderError> for SendError {
    fn from(error: ProviderError) -> Self {
        SendError::Answer(error.into())
    }
}

impl From<UnexpectedResponse> for SendError {
    fn from(error: UnexpectedResponse) -> Self {
        SendError::Answer(error.into())
    }
}

impl SendError {
    pub fn argument(message: impl Into<String>) -> Self {
        SendError::Body(BodyError::argument(message))
    }

    /// The stable code JS sees as `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            SendError::Body(e) => e.code(),
            SendError::Transport(TransportError { timed_out: true, .. }) => "ERR_TIMEOUT",
            SendError::Transport(_) => "ERR_TRANSPORT",
            SendError::Answer(e) => e.code(),
        }
    }

    /// Whether sending the same request again cannot carry it out twice: it was refused before
    /// it left, the provider refused it for good, or it said it did nothing with it (what
    /// `retry_hint` calls safe: a rate limit). A transport failure, a timeout, a server error,
    /// a provider's "try again" or an unreadable answer leaves that unknown.
    pub fn safe_to_resend(&self) -> bool {
        match self {
            SendError::Body(_) => true,
            SendError::Answer(AnswerError::Refused(e)) if !e.retryable => true,
            _ => self.retry_hint().safe,
        }
    }

    /// What the failure says about sending the same request again.
    pub fn retry_hint(&self) -> RetryHint {
        match self {
            SendError::Body(_) => RetryHint::default(),
            SendError::Transport(_) => RetryHint { retryable: true, safe: false, after_ms: None },
            SendError::Answer(AnswerError::Refused(e)) => RetryHint {
                retryable: e.retryable,
                safe: matches!(e.http_status, 408 | 429)
                    || matches!(e.reason, ErrorReason::RateLimited | ErrorReason::PairRateLimited),
                after_ms: e.retry_after_ms,
            },
            SendError::Answer(AnswerError::Unexpected(e)) => RetryHint {
                retryable: e.retryable,
                safe: matches!(e.http_status, 408 | 429),
                after_ms: e.retry_after_ms,
            },
        }
    }

    /// Replaces every occurrence of `secret` in the error's texts with `[redacted]`, raw,
    /// percent-encoded or JSON-escaped (see [`crate::http::redact_secret`]). Clients call it
    /// on every error: providers echo credentials (1MSG puts a wrong token in its error
    /// message) and fetch errors and proxies' pages may quote the URL, token encoded.
    pub fn redact(mut self, secret: &str) -> Self {
        let scrub = |text: &mut String| scrub(text, secret);
        match &mut self {
            SendError::Answer(AnswerError::Refused(e)) => {
                scrub(&mut e.message);
                scrub(&mut e.raw);
                let texts = [e.details.as_mut(), e.error_type.as_mut(), e.trace_id.as_mut()];
                texts.into_iter().flatten().for_each(scrub);
                for field in &mut e.fields {
                    scrub(&mut field.path);
                    field.messages.iter_mut().for_each(scrub);
                }
                if let Some(ProviderCode::Text(code)) = &mut e.provider_code {
                    scrub(code);
                }
            }
            SendError::Answer(AnswerError::Unexpected(e)) => {
                scrub(&mut e.message);
                scrub(&mut e.raw);
            }
            SendError::Transport(e) => scrub(&mut e.message),
            SendError::Body(BodyError::Argument(message)) => scrub(message),
            SendError::Body(_) => {}
        }
        self
    }
}

/// `text` with every spelling of `secret` in it replaced (see [`crate::http::redact_secret`]).
fn scrub(text: &mut String, secret: &str) {
    if let Some(clean) = crate::http::redact_secret(text, secret) {
        *text = clean;
    }
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SendError::Body(e) => e.fmt(f),
            SendError::Transport(e) => write!(f, "request failed: {}", e.message),
            SendError::Answer(AnswerError::Refused(e)) => {
                write!(f, "{} error {}: {}", e.provider, e.http_status, e.message)
            }
            SendError::Answer(AnswerError::Unexpected(e)) => {
                write!(f, "unexpected response (HTTP {}): {}", e.http_status, e.message)
            }
        }
    }
}

impl std::error::Error for BodyError {}
impl std::error::Error for SendError {}

/// What kind of failure a provider reported, across providers. Stable snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ErrorReason {
    /// A parameter is missing or invalid (Meta 100).
    InvalidParameter,
    /// The access token is wrong or expired (Meta 190).
    InvalidToken,
    /// The token lacks a permission (Meta 10, 200–299).
    PermissionDenied,
    /// The 24-hour customer-care window is closed; only templates may be sent (Meta 131047).
    ReengagementRequired,
    /// Too many requests or messages; retry later (Meta 4, 80007, 130429).
    RateLimited,
    /// Too many messages to the same recipient; retry later (Meta 131056).
    PairRateLimited,
    /// The message could not be delivered (Meta 131026).
    Undeliverable,
    /// The template is missing, paused, or its parameters do not match (Meta 132000–132016).
    Template,
    /// The message type is not supported (Meta 131051), or not to this recipient (Meta 131062: an
    /// authentication template to a business-scoped user id).
    UnsupportedType,
    /// Media could not be uploaded or downloaded (Meta 131052, 131053).
    Media,
    /// The provider is temporarily unavailable (Meta 1, 2, 131000, 131016, 133004; HTTP 5xx).
    ServiceUnavailable,
    /// The addressed resource (channel, workspace, contact, media) does not exist.
    NotFound,
    /// The request conflicts with the resource's state (Bird 409).
    Conflict,
    /// The request body is larger than the provider accepts (HTTP 413).
    PayloadTooLarge,
    /// The provider accepted the request but did not send the message (1MSG `sent: false`).
    NotSent,
    /// Anything else.
    Unknown,
}

/// A provider's numeric or textual error code.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ProviderCode {
    Number(i64),
    Text(String),
}

/// A field a provider refused, at its JSON pointer into the body that was sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub path: String,
    pub messages: Vec<String>,
}

impl ProviderError {
    /// An error of `provider` answered with `response`; the provider-specific fields
    /// (`provider_code`, `details`, …) are left for the caller to fill in.
    pub fn new(
        provider: Provider,
        response: &HttpResponse,
        reason: ErrorReason,
        retryable: bool,
        message: String,
    ) -> Self {
        ProviderError {
            provider,
            http_status: response.status,
            reason,
            message,
            provider_code: None,
            provider_subcode: None,
            error_type: None,
            details: None,
            fields: Vec::new(),
            trace_id: None,
            retryable,
            retry_after_ms: crate::http::retry_after_ms(response),
            raw: response.text(),
        }
    }
}

/// An error the provider returned, decoded from its documented error body. The fields after
/// `message` are filled in where the provider's error body has them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderError {
    pub provider: Provider,
    pub http_status: u16,
    pub reason: ErrorReason,
    /// The provider's message. JS has it as `providerMessage`: the error's own `message` says
    /// whose error and which status before it ("meta error 400: (#100) Invalid parameter").
    #[serde(rename = "providerMessage")]
    pub message: String,
    /// The provider's own error code (Meta's numeric `code`, Bird's `code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_code: Option<ProviderCode>,
    /// A finer code under `provider_code` (Meta's `error_subcode`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_subcode: Option<i64>,
    /// The provider's error class (Meta's `type`: `OAuthException`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// What the provider says of the offending field (Meta's `error_data.details`, Bird's
    /// 422 `details`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// The fields the provider named (Bird's 422 `details`), each at its JSON pointer into
    /// the body that was sent, with the provider's complaints.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// The provider's request id, for support requests (Meta's `fbtrace_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
    /// Whether the same request may succeed later.
    pub retryable: bool,
    /// How long the provider asked to wait before retrying (from `Retry-After`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<u64>,
    /// The response body exactly as received.
    pub raw: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(reason: ErrorReason, status: u16) -> SendError {
        let response = HttpResponse::new(status, "{}").with_header("Retry-After", "2");
        ProviderError::new(Provider::Meta, &response, reason, true, String::new()).into()
    }

    #[test]
    fn only_rate_limits_are_safe_to_retry() {
        let hint = refused(ErrorReason::RateLimited, 400).retry_hint();
        assert_eq!(hint, RetryHint { retryable: true, safe: true, after_ms: Some(2000) });
        assert!(!refused(ErrorReason::ServiceUnavailable, 500).retry_hint().safe);
        let timeout = SendError::from(TransportError { message: String::new(), timed_out: true });
        assert_eq!(
            (timeout.code(), timeout.retry_hint().retryable, timeout.retry_hint().safe),
            ("ERR_TIMEOUT", true, false)
        );
        assert!(!SendError::argument("x").retry_hint().retryable);
    }

    #[test]
    fn redaction_reaches_every_text() {
        let response = HttpResponse::new(401, "token SECRET is wrong");
        let mut error =
            ProviderError::new(Provider::OneMsg, &response, ErrorReason::InvalidToken, false, "SECRET".into());
        error.details = Some("SECRET".into());
        let redacted = SendError::from(error).redact("SECRET");
        assert!(!format!("{redacted:?} {redacted}").contains("SECRET"));
    }
}
