//! The one error type of the core. The bindings layer turns each variant into a JS `Error`
//! subclass with the same stable `code`.

use crate::provider::Provider;
use crate::validate::Violation;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The message or payload breaks documented rules: every violation, each at its pointer.
    Invalid(Vec<Violation>),
    /// The provider cannot express this content kind.
    Unsupported { provider: Provider, kind: String },
    /// The provider can express this, but this version of wabridge does not speak it to the
    /// provider yet (the same `ERR_UNSUPPORTED` code, with an honest message).
    NotImplemented { provider: Provider, kind: String },
    /// The provider answered with an error it documents.
    Provider(Box<ProviderError>),
    /// The request did not complete: network failure, reset, or timeout.
    Transport { message: String, timed_out: bool },
    /// The provider answered with something that is not its documented format
    /// (an HTML error page, malformed JSON, a success body without an id).
    UnexpectedResponse { http_status: u16, message: String, retryable: bool, raw: String },
    /// A bad argument or option (unknown provider name, missing token, …).
    Argument(String),
}

impl Error {
    /// The stable code JS sees as `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "ERR_VALIDATION",
            Error::Unsupported { .. } | Error::NotImplemented { .. } => "ERR_UNSUPPORTED",
            Error::Provider(_) => "ERR_PROVIDER",
            Error::Transport { timed_out: true, .. } => "ERR_TIMEOUT",
            Error::Transport { .. } => "ERR_TRANSPORT",
            Error::UnexpectedResponse { .. } => "ERR_UNEXPECTED_RESPONSE",
            Error::Argument(_) => "ERR_ARGUMENT",
        }
    }

    /// Whether sending the same request again may succeed.
    pub fn retryable(&self) -> bool {
        match self {
            Error::Provider(e) => e.retryable,
            Error::Transport { .. } => true,
            Error::UnexpectedResponse { retryable, .. } => *retryable,
            _ => false,
        }
    }

    /// Whether the provider said it did nothing with the request (a rate limit), so that
    /// sending it again cannot deliver the message twice.
    pub fn retry_is_safe(&self) -> bool {
        match self {
            Error::Provider(e) => {
                e.http_status == 429 || matches!(e.reason, ErrorReason::RateLimited | ErrorReason::PairRateLimited)
            }
            Error::UnexpectedResponse { http_status, .. } => *http_status == 429,
            _ => false,
        }
    }

    /// The wait the provider asked for before a retry, if any.
    pub fn retry_after_ms(&self) -> Option<u64> {
        match self {
            Error::Provider(e) => e.retry_after_ms,
            _ => None,
        }
    }

    pub fn argument(message: impl Into<String>) -> Self {
        Error::Argument(message.into())
    }

    /// Replaces every occurrence of `secret` in the error's texts with `[redacted]`, raw,
    /// percent-encoded or JSON-escaped (see [`crate::http::redact_secret`]). Clients call it
    /// on every error: providers echo credentials (1MSG puts a wrong token in its error
    /// message) and fetch errors and proxies' pages may quote the URL, token encoded.
    pub fn redact(mut self, secret: &str) -> Self {
        if secret.is_empty() {
            return self;
        }
        let scrub = |text: &mut String| {
            if let Some(clean) = crate::http::redact_secret(text, secret) {
                *text = clean;
            }
        };
        match &mut self {
            Error::Provider(e) => {
                scrub(&mut e.message);
                scrub(&mut e.raw);
                let texts = [e.details.as_mut(), e.error_type.as_mut(), e.trace_id.as_mut()];
                texts.into_iter().flatten().for_each(scrub);
                if let Some(ProviderCode::Text(code)) = &mut e.provider_code {
                    scrub(code);
                }
            }
            Error::Transport { message, .. } | Error::Argument(message) => scrub(message),
            Error::UnexpectedResponse { message, raw, .. } => {
                scrub(message);
                scrub(raw);
            }
            Error::Invalid(_) | Error::Unsupported { .. } | Error::NotImplemented { .. } => {}
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid(violations) => {
                let n = violations.len();
                write!(f, "invalid message ({n} violation{}): ", if n == 1 { "" } else { "s" })?;
                for (i, v) in violations.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{v}")?;
                }
                Ok(())
            }
            Error::Unsupported { provider, kind } => {
                write!(f, "{provider} cannot send content of type {kind:?}")
            }
            Error::NotImplemented { provider, kind } => {
                write!(f, "this version of wabridge does not send {kind:?} through {provider} yet")
            }
            Error::Provider(e) => write!(f, "{} error {}: {}", e.provider, e.http_status, e.message),
            Error::Transport { message, .. } => write!(f, "request failed: {message}"),
            Error::UnexpectedResponse { http_status, message, .. } => {
                write!(f, "unexpected response (HTTP {http_status}): {message}")
            }
            Error::Argument(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl From<Vec<Violation>> for Error {
    fn from(violations: Vec<Violation>) -> Self {
        Error::Invalid(violations)
    }
}

/// What kind of failure a provider reported, across providers. Stable snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
    /// The message type is not supported (Meta 131051).
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

impl ProviderError {
    /// An error of `provider` answered with `response`; the provider-specific fields
    /// (`provider_code`, `details`, …) are left for the caller to fill in.
    pub fn new(
        provider: Provider,
        response: &crate::http::HttpResponse,
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
            trace_id: None,
            retryable,
            retry_after_ms: response.header("retry-after").and_then(crate::http::parse_retry_after),
            raw: response.text(),
        }
    }
}

/// An error the provider returned, decoded from its documented error body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderError {
    pub provider: Provider,
    pub http_status: u16,
    pub reason: ErrorReason,
    /// The provider's message.
    pub message: String,
    /// The provider's own error code (Meta's numeric `code`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_code: Option<ProviderCode>,
    /// Meta's `error_subcode`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_subcode: Option<i64>,
    /// Meta's `type` (`OAuthException`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_type: Option<String>,
    /// Meta's `error_data.details`: usually names the offending field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Meta's `fbtrace_id`, for support requests.
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
