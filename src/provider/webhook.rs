//! Webhooks in: is this delivery the provider's, and what does it say? Each provider's codec
//! checks its own signature (`Codec::verify_webhook`) over the raw bytes as they arrived —
//! never over re-serialized JSON, which would change escapes such as Meta's `\/` and
//! `\uXXXX` — and reads the body into events (`Codec::events`).

use super::Provider;
use crate::error::{SignatureError, WebhookError};
use crate::event::{Event, Raw, write_events};
use crate::json::{Json, parse};

/// One webhook delivery as it arrived.
#[derive(Debug, Clone, Copy)]
pub struct Delivery<'a> {
    /// The raw body.
    pub body: &'a [u8],
    /// Header names in any case.
    pub headers: &'a [(String, String)],
    /// The URL the provider called (Bird signs it; a 1MSG shared token travels in it).
    pub url: Option<&'a str>,
}

impl Delivery<'_> {
    /// The value of header `name`, compared without case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.trim())
    }
}

/// What a verification takes besides the delivery.
#[derive(Debug, Clone)]
pub struct Verify<'a> {
    /// Meta's app secret, Bird's signing key, or the shared token of a 1MSG webhook URL.
    pub secret: &'a str,
    /// How far a Bird signature's timestamp may be from now. Bird retries a failed delivery
    /// with its original timestamp for hours: the default, a day, lets those through.
    /// `NO_FRESHNESS_CHECK` turns the check off.
    pub tolerance_seconds: u64,
    /// The query parameter of a 1MSG webhook URL that carries the shared token.
    pub token_parameter: &'a str,
    /// The time now (for the freshness window), when this build has a clock.
    pub now_ms: Option<f64>,
}

/// The default freshness window of Bird signatures: a day.
pub const DEFAULT_TOLERANCE_SECONDS: u64 = 24 * 3600;

/// A freshness window that checks nothing: Bird's signature is still checked, its timestamp
/// is not (JS's `toleranceSeconds: Infinity`).
pub const NO_FRESHNESS_CHECK: u64 = u64::MAX;

/// The default query parameter of a 1MSG webhook URL's shared token.
pub const DEFAULT_TOKEN_PARAMETER: &str = "secret";

impl<'a> Verify<'a> {
    pub fn new(secret: &'a str) -> Self {
        Verify {
            secret,
            tolerance_seconds: DEFAULT_TOLERANCE_SECONDS,
            token_parameter: DEFAULT_TOKEN_PARAMETER,
            now_ms: crate::clock::now_ms(),
        }
    }
}

/// Checks that `delivery` comes from `provider`.
pub fn verify(provider: Provider, delivery: &Delivery<'_>, options: &Verify<'_>) -> Result<(), SignatureError> {
    super::codec(provider).verify_webhook(delivery, options)
}

/// Reads a webhook body into events and gives them to `read` with the parsed body (they
/// borrow from it).
pub fn with_events<R>(
    provider: Provider,
    body: &[u8],
    read: impl FnOnce(&[Event<'_>], &Json<'_>) -> R,
) -> Result<R, WebhookError> {
    let not = |why: String| WebhookError { provider, why };
    let text = std::str::from_utf8(body).map_err(|_| not("its body is not UTF-8 text".into()))?;
    let tree: Json<'_> = parse(text).map_err(|e| not(format!("its body is not JSON ({})", e.message)))?;
    let events = super::codec(provider).events(&tree).map_err(not)?;
    Ok(read(&events, &tree))
}

/// A webhook body's events as a JSON array, each with its `raw` object.
pub fn events_json(provider: Provider, body: &[u8]) -> Result<String, WebhookError> {
    with_events(provider, body, |events, _| write_events(events, Raw::Value))
}

/// A webhook body's events as a JSON array, each with the pointer of its raw object in the
/// body (`rawPointer`): what JS gets, which reads the raw objects from the body when asked.
pub fn events_json_pointing(provider: Provider, body: &[u8]) -> Result<String, WebhookError> {
    with_events(provider, body, |events, tree| write_events(events, Raw::Pointer { body: tree }))
}
