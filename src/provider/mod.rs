//! One module per provider: its wire types, serializer and parser, request building and
//! response decoding. This module names the providers and dispatches to them.

pub mod bird;
pub mod meta;
pub mod onemsg;

use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse};
use crate::message::{MarkRead, Message, Request, Validate};
use crate::validate::{Json, Path, Report, Violation};
use serde::Serialize as SerializeTrait;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A provider API wabridge speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Provider {
    /// Meta's WhatsApp Cloud API (graph.facebook.com).
    #[serde(rename = "meta")]
    Meta,
    /// Bird's Channels API (api.bird.com).
    #[serde(rename = "bird")]
    Bird,
    /// 1MSG.IO's WhatsApp Business API (api.1msg.io).
    #[serde(rename = "1msg")]
    OneMsg,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Provider::Meta, Provider::Bird, Provider::OneMsg];

    /// The name used on the CLI, in JS and in errors.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Meta => "meta",
            Provider::Bird => "bird",
            Provider::OneMsg => "1msg",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Provider {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        Provider::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| Error::argument(format!("unknown provider {name:?}: expected one of meta, bird, 1msg")))
    }
}

/// Validates `message` for `provider` and serializes it to the provider's request body (JSON).
pub fn serialize(provider: Provider, message: &Message) -> Result<String, Error> {
    match provider {
        Provider::Meta => meta::serialize(message),
        Provider::Bird => bird::serialize(message),
        Provider::OneMsg => onemsg::serialize(message).map(|(_, body)| body),
    }
}

/// The endpoint a message goes to: Meta and Bird `messages`; for 1MSG the method name,
/// which depends on the content kind (`sendMessage` for text, …); `None` when unsupported.
pub fn operation(provider: Provider, message: &Message) -> Option<&'static str> {
    match provider {
        Provider::Meta | Provider::Bird => Some("messages"),
        Provider::OneMsg => onemsg::method_for(&message.content),
    }
}

/// Parses and validates a provider-native request body into the neutral model. Violations
/// point into the provider's body. `operation` names the endpoint where the body depends on it.
pub fn parse(provider: Provider, body: &str, operation: Option<&str>) -> Result<Message, Error> {
    match provider {
        Provider::Meta => meta::parse(body, operation),
        Provider::Bird => bird::parse(body, operation),
        Provider::OneMsg => onemsg::parse(body, operation),
    }
}

/// Parses and validates anything a provider's messages endpoint takes: a message, or (Meta)
/// a read receipt.
pub fn parse_request(provider: Provider, body: &str, operation: Option<&str>) -> Result<Request, Error> {
    match provider {
        Provider::Meta => meta::parse_request(body, operation),
        other => parse(other, body, operation).map(Request::Message),
    }
}

/// Validates and serializes a request for `provider`.
pub fn serialize_request(provider: Provider, request: &Request) -> Result<String, Error> {
    match (provider, request) {
        (Provider::Meta, request) => meta::serialize_request(request),
        (other, Request::Message(message)) => serialize(other, message),
        (other, Request::MarkRead(_)) => Err(Error::Unsupported { provider: other, kind: "markRead".into() }),
    }
}

/// A document format `convert` reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Neutral,
    Provider(Provider),
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        if name == "neutral" { Ok(Format::Neutral) } else { name.parse().map(Format::Provider) }
    }
}

/// The neutral JSON of a read receipt: `{"markRead": {...}}`.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct NeutralMarkRead {
    mark_read: MarkRead,
}

/// Reads a neutral document: a message, or `{"markRead": {...}}`; validated.
pub fn parse_neutral(body: &str) -> Result<Request, Error> {
    let request = Request::from_json(body)?;
    request.validate()?;
    Ok(request)
}

/// The neutral JSON of a request.
pub fn to_neutral(request: &Request) -> Result<String, Error> {
    match request {
        Request::Message(message) => to_json(message),
        Request::MarkRead(read) => to_json(&NeutralMarkRead { mark_read: read.clone() }),
    }
}

/// Converts a document between the neutral model and the providers' bodies, validating on the
/// way. Converting a provider's body to the same provider reproduces it exactly.
pub fn convert(from: Format, to: Format, body: &str, operation: Option<&str>) -> Result<String, Error> {
    let request = match from {
        Format::Neutral => parse_neutral(body)?,
        Format::Provider(provider) => parse_request(provider, body, operation)?,
    };
    match to {
        Format::Neutral => to_neutral(&request),
        Format::Provider(provider) => serialize_request(provider, &request),
    }
}

/// Every violation of a provider-native request body (empty when it is valid).
pub fn validate_body(provider: Provider, body: &str, operation: Option<&str>) -> Result<Vec<Violation>, Error> {
    match parse_request(provider, body, operation) {
        Ok(_) => Ok(Vec::new()),
        Err(Error::Invalid(violations)) => Ok(violations),
        Err(other) => Err(other),
    }
}

/// Checks the limits of a message parsed from a provider's body and reports violations at
/// the provider's pointers, translated with `table` (see [`rewrite_pointer`]).
pub(crate) fn validated_from_wire(message: Message, table: &[(&str, &str)]) -> Result<Message, Error> {
    let mut report = Report::new();
    message.validate_into(&mut report, &Path::root());
    if report.is_empty() {
        return Ok(message);
    }
    let violations = report
        .into_violations()
        .into_iter()
        .map(|v| Violation { path: rewrite_pointer(&v.path, table, false), ..v })
        .collect();
    Err(Error::Invalid(violations))
}

/// Serializes a wire value (which cannot fail for these plain structs, but no panic either way).
pub(crate) fn to_json<T: SerializeTrait>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::argument(format!("cannot serialize message: {e}")))
}

/// A non-2xx answer that is not the provider's documented error body (an HTML page from a
/// proxy, truncated JSON): retryable when the status says the server was at fault.
pub(crate) fn unexpected_response(provider: Provider, response: &HttpResponse, what: &str) -> Error {
    let mut snippet: String = response.text().chars().take(200).collect();
    if snippet.trim().is_empty() {
        snippet = "(empty body)".into();
    }
    Error::UnexpectedResponse {
        http_status: response.status,
        message: format!("{provider} answered HTTP {} without {what}: {snippet}", response.status),
        retryable: response.status == 429 || response.status >= 500,
        raw: response.text(),
    }
}

/// A provider's answer as a JSON tree borrowed from its body; `None` when it is not JSON (an
/// HTML page from a proxy, a truncated body). Answers are read leniently, field by field:
/// providers add fields to them, and only what a sender needs is taken.
pub(crate) fn answer_json(response: &HttpResponse) -> Option<Json<'_>> {
    crate::validate::parse_tree(std::str::from_utf8(&response.body).ok()?).ok()
}

/// A 2xx answer without what the provider documents for it. Not retryable: the provider took
/// the request, and sending it again could deliver the message twice.
pub(crate) fn undocumented_success(provider: Provider, response: &HttpResponse, what: &str) -> Error {
    Error::UnexpectedResponse {
        http_status: response.status,
        message: format!("{provider} answered HTTP {} without the documented {what}", response.status),
        retryable: false,
        raw: response.text(),
    }
}

/// An id that goes into a URL path: letters, digits, `-` and `_` only.
pub(crate) fn path_id(what: &str, value: String) -> Result<String, Error> {
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(Error::argument(format!("{what} must be letters, digits, '-' or '_' (got {value:?})")));
    }
    Ok(value)
}

/// A base URL: http(s), without a trailing slash.
pub(crate) fn base_url(value: Option<String>, default: &str) -> Result<String, Error> {
    let url = value.unwrap_or_else(|| default.to_string()).trim_end_matches('/').to_string();
    // Read as fetch reads it (WHATWG): every request and credential goes to this origin.
    if let Err(why) = crate::http::url::base_origin(&url) {
        return Err(Error::argument(format!(
            "baseUrl must be an http(s) URL: scheme://host[:port][/path] (got {url:?}, which {why})"
        )));
    }
    Ok(url)
}

/// What an HTTP status says of a failure, for providers whose error bodies carry no
/// classification of their own (Bird, 1MSG): the reason, and whether a retry may succeed.
pub(crate) fn reason_for_status(status: u16) -> (crate::error::ErrorReason, bool) {
    use crate::error::ErrorReason::*;
    match status {
        400 | 422 => (InvalidParameter, false),
        401 => (InvalidToken, false),
        403 => (PermissionDenied, false),
        404 => (NotFound, false),
        409 => (Conflict, false),
        413 => (PayloadTooLarge, false),
        429 => (RateLimited, true),
        500.. => (ServiceUnavailable, true),
        _ => (Unknown, false),
    }
}

/// What every provider client does, sans IO: build the request for a message, decode the
/// answer, and name the credential that must never appear in errors.
pub trait ProviderClient {
    type SendResult: SerializeTrait;

    fn send_request(&self, message: &Message) -> Result<HttpRequest, Error>;
    fn decode_send(&self, response: &HttpResponse) -> Result<Self::SendResult, Error>;
    fn secret(&self) -> &str;
}

/// Rewrites a JSON pointer into the neutral model to the pointer of the same field in a
/// provider's body, using a table of `(neutral prefix, wire prefix)` patterns in which `*`
/// stands for one segment (an index). The first pattern that is a segment-wise prefix of
/// `pointer` wins; captured segments fill the `*`s of its replacement, in order, and the
/// rest of the pointer is kept (in snake_case when `snake_rest`, for Meta's field names).
/// Pointers no pattern matches are returned unchanged.
pub(crate) fn rewrite_pointer(pointer: &str, table: &[(&str, &str)], snake_rest: bool) -> String {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    for (from, to) in table {
        let pattern: Vec<&str> = from.split('/').skip(1).collect();
        if pattern.len() > segments.len() {
            continue;
        }
        let mut captures = Vec::new();
        let matched = pattern.iter().zip(&segments).all(|(p, s)| {
            if *p == "*" {
                captures.push(*s);
                true
            } else {
                p == s
            }
        });
        if !matched {
            continue;
        }
        let mut captures = captures.into_iter();
        let mut out = String::new();
        for part in to.split('/').skip(1) {
            out.push('/');
            out.push_str(if part == "*" { captures.next().unwrap_or("*") } else { part });
        }
        for rest in &segments[pattern.len()..] {
            out.push('/');
            if snake_rest {
                out.push_str(&snake_case(rest));
            } else {
                out.push_str(rest);
            }
        }
        return out;
    }
    pointer.to_string()
}

/// `formattedName` → `formatted_name`.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Pointers of the object fields in `original` that `reproduced` (the body rebuilt from the
/// neutral model) lacks: fields that would be lost in conversion. Arrays are compared item by
/// item; only keys are compared, not values.
pub(crate) fn dropped_fields(original: &Json<'_>, reproduced: &Json<'_>, at: &Path<'_>, report: &mut Report) {
    match (original, reproduced) {
        (Json::Object(fields), Json::Object(_)) => {
            for (key, value) in fields {
                let path = at.key(key);
                match reproduced.get(key) {
                    None => report.add(
                        &path,
                        crate::validate::ViolationCode::UnknownField,
                        format!("{key:?} is not a field of this message (it would be dropped)"),
                        None,
                    ),
                    Some(other) => dropped_fields(value, other, &path, report),
                }
            }
        }
        (Json::Array(a), Json::Array(b)) => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                dropped_fields(x, y, &at.index(i), report);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_round_trip() {
        for provider in Provider::ALL {
            assert_eq!(provider.name().parse::<Provider>().unwrap(), provider);
        }
        assert_eq!("twilio".parse::<Provider>().unwrap_err().code(), "ERR_ARGUMENT");
    }

    #[test]
    fn rewrites_pointers_by_pattern() {
        let table = [("/content/buttons/*/title", "/interactive/action/buttons/*/reply/title"), ("/content", "/text")];
        assert_eq!(
            rewrite_pointer("/content/buttons/2/title", &table, false),
            "/interactive/action/buttons/2/reply/title"
        );
        assert_eq!(rewrite_pointer("/content/body", &table, false), "/text/body");
        assert_eq!(rewrite_pointer("/content", &table, false), "/text");
        assert_eq!(rewrite_pointer("/contents", &table, false), "/contents");
        assert_eq!(rewrite_pointer("/to", &table, false), "/to");
        assert_eq!(rewrite_pointer("/content/previewUrl", &table, true), "/text/preview_url");
    }
}
