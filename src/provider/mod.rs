//! One module per provider, each filling in the same pattern ([`codec`]): a codec that writes
//! and reads the provider's bodies, a table of what it carries per content kind, and a
//! sans-IO client (request building, answer decoding). This module dispatches through the
//! codecs; nothing here matches on a provider.

pub mod bird;
pub mod bulk;
pub mod codec;
pub mod download;
pub mod fit;
pub mod meta;
pub mod onemsg;
pub mod webhook;

pub use crate::provider_id::Provider;
pub use bulk::{BulkItem, serialize_many, serialize_text};
pub use codec::{Codec, KindEntry, Operation, Support, check_supported, codec, kind_entry, operation_named};

use crate::error::{AnswerError, BodyError, UnexpectedResponse};
use crate::http::{HttpRequest, HttpResponse};
use crate::message::{Content, Message, Request, Validate};
use crate::validate::{Json, Path, Report, Violation};
use std::str::FromStr;

/// Validates `message` for `provider` and serializes it to the provider's request body (JSON).
pub fn serialize(provider: Provider, message: &Message) -> Result<String, BodyError> {
    match message.validate() {
        Ok(()) => write_for(provider, message),
        // Refused: every violation at once, what the provider refuses too, as `violations_for`
        // (`validate(message, provider)`) gives them (the refusal path alone pays for it) —
        // unless the provider cannot carry its kind at all: fixing the rest would not make it
        // sendable, and it is refused as unsupported, as a valid message of that kind is. (Its
        // recipient is judged after: an invalid `to` may only look like another kind's.)
        Err(_) => {
            check_supported(provider, message.content.kind())?;
            Err(BodyError::Invalid(violations_for(provider, message)?))
        }
    }
}

/// Every violation of `message` for `provider` at once (`validate(message, provider)`): the
/// model's own, then what the provider cannot carry or holds to a stricter limit at the
/// fields those left alone, so that fixing the first does not reveal the second. A kind the
/// provider cannot carry is a violation at its pointer, code `unsupported`.
pub fn violations_for(provider: Provider, message: &Message) -> Result<Vec<Violation>, BodyError> {
    let mut found = message.validate().err().unwrap_or_default();
    // A template's names for other providers are refused each at its field, and the rest is
    // judged without them: removing them must not reveal more.
    let mut more = Vec::new();
    let mut cleared;
    let mut message = message;
    if let Content::Template(template) = &message.content {
        let naming = codec(provider).template_naming();
        let foreign = naming.foreign(template);
        if !foreign.is_empty() {
            more.extend(foreign.iter().map(|field| naming.refusal(provider, field).violation()));
            cleared = message.clone();
            if let Content::Template(template) = &mut cleared.content {
                template.forget_names(&foreign);
            }
            message = &cleared;
        }
    }
    match write_for(provider, message) {
        Ok(_) => {}
        Err(BodyError::Invalid(violations)) => more.extend(violations),
        Err(BodyError::Unsupported(unsupported)) => more.push(unsupported.violation()),
        Err(other) if found.is_empty() && more.is_empty() => return Err(other),
        // An argument the writer cannot take in a message found invalid already: said there.
        Err(_) => {}
    }
    for violation in more {
        if !found.iter().any(|f| f.path == violation.path) {
            found.push(violation);
        }
    }
    Ok(found)
}

/// Writes `message` for `provider`, refusing first what it cannot carry (the content's kind, the
/// kind of recipient). The message is valid, or (`violations_for`) found invalid already and
/// written only to find what else the provider refuses: writers take no index or slice from a
/// value, so an invalid message is written or refused, never a panic.
fn write_for(provider: Provider, message: &Message) -> Result<String, BodyError> {
    check_supported(provider, message.content.kind())?;
    let kind = message.recipient_kind();
    if !codec(provider).recipients().contains(&kind) {
        return Err(crate::error::Unsupported::cannot(provider, kind.describe()).at(kind.pointer()).into());
    }
    codec(provider).template_naming().check(provider, message)?;
    codec(provider).write_message(message)
}

/// What sending `message` to `provider` changes or leaves out by design (the codec's
/// approximations), as the changes `convert` and `fitMessage` report: the send result's
/// warnings say them in words, so a message is never sent differently without saying so.
pub fn send_changes(provider: Provider, message: &Message) -> Vec<fit::Change> {
    approximations(provider, message).into_iter().map(|a| fit::Change::approximated(a, 0)).collect()
}

/// What writing `message` for `provider` leaves out or changes by design: its codec's
/// approximations (among them the MIME types it does not send: `codec::unsent_mime_types`).
pub fn approximations(provider: Provider, message: &Message) -> Vec<codec::Approximation> {
    codec(provider).approximations(message)
}

/// The endpoint a message goes to (Meta and Bird `messages`; for 1MSG the method of its
/// content kind); `None` when the provider does not carry the content.
pub fn operation(provider: Provider, message: &Message) -> Option<Operation> {
    kind_entry(provider, message.content.kind()).filter(|e| e.support == Support::Yes).map(|e| e.operation)
}

/// The endpoint a request goes to: a message's (see [`operation`]), or the provider's
/// read-receipt endpoint.
pub fn request_operation(provider: Provider, request: &Request) -> Option<Operation> {
    match request {
        Request::Message(message) => operation(provider, message),
        Request::MarkRead(_) => codec(provider).mark_read_operation(),
    }
}

/// Parses and validates a provider-native request body into the neutral model. Violations
/// point into the provider's body. `operation` names the endpoint where the body depends on it.
pub fn parse(provider: Provider, body: &str, operation: Option<&str>) -> Result<Message, BodyError> {
    match parse_request(provider, body, operation)? {
        Request::Message(message) => Ok(message),
        Request::MarkRead(_) => Err(BodyError::argument("this body marks a message as read; it is not a message")),
    }
}

/// Parses and validates anything a provider's endpoint takes: a message, or (Meta) a read
/// receipt.
pub fn parse_request(provider: Provider, body: &str, operation: Option<&str>) -> Result<Request, BodyError> {
    codec(provider)
        .read(body, operation_named(provider, operation)?)
        .map_err(|error| webhook_hint(provider, body, error))
}

/// [`parse_request`], leaving out what the neutral model has no field for (see
/// [`Codec::read_lossy`]): the request, and each field left out as its pointer in `body` and why.
pub fn parse_request_lossy(
    provider: Provider,
    body: &str,
    operation: Option<&str>,
) -> Result<(Request, Vec<(String, String)>), BodyError> {
    codec(provider)
        .read_lossy(body, operation_named(provider, operation)?)
        .map_err(|error| webhook_hint(provider, body, error))
}

/// A read's error, unless `body` is a webhook delivery of `provider`.
fn webhook_hint(provider: Provider, body: &str, error: BodyError) -> BodyError {
    // A webhook body read as a request (a common first try): say what it is instead.
    let is_webhook = matches!(error, BodyError::Invalid(_))
        && webhook::with_events(provider, body.as_bytes(), |events, _| !events.is_empty()).unwrap_or(false);
    if is_webhook {
        BodyError::argument(format!(
            "this is a {provider} webhook delivery, not a request body: read it with readWebhook(\"{provider}\", body)"
        ))
    } else {
        error
    }
}

/// Validates and serializes a request for `provider`.
pub fn serialize_request(provider: Provider, request: &Request) -> Result<String, BodyError> {
    match request {
        Request::Message(message) => serialize(provider, message),
        Request::MarkRead(read) => {
            request.validate()?;
            codec(provider).write_mark_read(read)
        }
    }
}

/// A document format `convert` reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Neutral,
    Provider(Provider),
}

impl FromStr for Format {
    type Err = BodyError;

    fn from_str(name: &str) -> Result<Self, BodyError> {
        if name == "neutral" { Ok(Format::Neutral) } else { Ok(Format::Provider(name.parse()?)) }
    }
}

/// Reads a neutral document: a message, or `{"markRead": {...}}`; validated.
pub fn parse_neutral(body: &str) -> Result<Request, BodyError> {
    let request = Request::from_json(body)?;
    request.validate()?;
    Ok(request)
}

/// The neutral JSON of a request.
pub fn to_neutral(request: &Request) -> Result<String, BodyError> {
    Ok(request.to_json())
}

/// Converts a document between the neutral model and the providers' bodies, validating on the
/// way, exactly: what the target cannot carry is refused (see [`convert_reporting`] for a
/// conversion that leaves it out and says so). Converting a provider's body to the same
/// provider gives it back as it was given, once checked.
pub fn convert(from: Format, to: Format, body: &str, operation: Option<&str>) -> Result<String, BodyError> {
    if let (Format::Provider(from), Format::Provider(to)) = (from, to)
        && from == to
    {
        return reproduce(from, body, operation_named(from, operation)?);
    }
    let request = match from {
        Format::Neutral => parse_neutral(body)?,
        Format::Provider(provider) => parse_request(provider, body, operation)?,
    };
    match to {
        Format::Neutral => to_neutral(&request),
        Format::Provider(provider) => serialize_request(provider, &request),
    }
}

/// A provider's body converted to the same provider: validated, and given back as it was.
fn reproduce(provider: Provider, body: &str, operation: Operation) -> Result<String, BodyError> {
    codec(provider).reproduce(body, operation)
}

/// A conversion that may change what it converts: the converted document(s) and every
/// change made to get there.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// Each document with the endpoint it goes to (`None` for neutral JSON); more than one
    /// only where fit mode `adapt` split the content (a carousel where there is none).
    pub parts: Vec<(Option<Operation>, String)>,
    /// Every change: fields the target cannot carry (left out), text shortened, content
    /// reshaped.
    pub changes: Vec<ReportedChange>,
}

/// A change of a [`Conversion`], with where it lies in the document converted.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedChange {
    pub change: fit::Change,
    /// The pointer of the changed field in the input as given (in the source provider's body
    /// when converting from one); `None` for changes made after a reshape, which touch content
    /// the input does not have.
    pub source: Option<String>,
}

/// Converts a document like [`convert`], but where [`convert`] refuses a field the target
/// cannot carry, leaves it out and reports it (`lossy`), and fits the message to the target
/// as `mode` allows (see [`fit`]). Content of a kind the target cannot carry is still refused,
/// unless `adapt` finds a faithful reshape.
pub fn convert_reporting(
    from: Format,
    to: Format,
    body: &str,
    operation: Option<&str>,
    mode: fit::FitMode,
) -> Result<Conversion, BodyError> {
    convert_given(from, to, body, operation, mode, &[])
}

/// [`convert_reporting`], with naming fields for a template (`template_names`: pairs of a
/// field of [`Template::NAMES`] and its value) that the target names it by and the source's
/// body may not carry (a Meta template's Bird Studio project, a Bird template's name, 1MSG's
/// namespace): each used where the message has none, for a target that names templates by it.
pub fn convert_given(
    from: Format,
    to: Format,
    body: &str,
    operation: Option<&str>,
    mode: fit::FitMode,
    template_names: &[(&str, &str)],
) -> Result<Conversion, BodyError> {
    let exact =
        |operation: Option<Operation>, body: String| Conversion { parts: vec![(operation, body)], changes: vec![] };
    // Only lengths and counts over their maximum, which a fit may remedy (not a strict one),
    // to the target's limits: a provider's, or the neutral model's own.
    let fit_may_remedy = |error: &BodyError| {
        mode != fit::FitMode::Strict
            && matches!(error, BodyError::Invalid(v) if v.iter().all(|v| Report::is_over_maximum(v.code)))
    };
    // The operation names the endpoint of the body given: a neutral message has none (what
    // it is sent to follows from its content, `endpoint_of`).
    if from == Format::Neutral && operation.is_some() {
        let message =
            "operation names the endpoint of a provider's body; a neutral message has none (its content picks it)";
        return Err(BodyError::argument(message));
    }
    let to = match (from, to) {
        (Format::Provider(from), Format::Provider(to)) if from == to => {
            let operation = operation_named(from, operation)?;
            match reproduce(from, body, operation) {
                Ok(same) => return Ok(exact(Some(operation), same)),
                // Reproduced exactly when it is valid; fitted to its own provider when it is over a maximum.
                Err(error) if fit_may_remedy(&error) => Format::Provider(to),
                Err(error) => return Err(error),
            }
        }
        (Format::Neutral, Format::Neutral) if mode == fit::FitMode::Strict && template_names.is_empty() => {
            return convert(from, to, body, operation).map(|body| exact(None, body));
        }
        (_, to) => to,
    };
    // A neutral input is validated by the fit (against the target's limits too), which is
    // what may shorten or reshape it: not before. A provider's body may say what the neutral
    // model has no field for (Bird's tags, schedule, alt texts): left out, each a change at
    // its pointer in that body, made before any the fit makes. A provider's body over a
    // maximum is read again for the fit to remedy, if a fit may (else, or if that read fails
    // too, its violations are the answer).
    let (mut request, left_out) = match from {
        Format::Neutral => (Request::from_json(body)?, Vec::new()),
        Format::Provider(provider) => match parse_request_lossy(provider, body, operation) {
            Err(error) if fit_may_remedy(&error) => {
                codec(provider).read_to_fit(body, operation_named(provider, operation)?).map_err(|_| error)?
            }
            read => read?,
        },
    };
    let named_by = |field: &str| match to {
        Format::Provider(to) => codec(to).template_naming().uses.contains(&field),
        Format::Neutral => true,
    };
    // (Checked where they apply: a name the target does not use says nothing.)
    for (field, value) in template_names.iter().filter(|(field, _)| named_by(field)) {
        if let Some((_, fault, _)) = crate::message::Template::name_fault(field, value) {
            return Err(BodyError::argument(format!("convert's template.{field} option: {fault}")));
        }
    }
    if let Request::Message(Message { content: Content::Template(template), .. }) = &mut request {
        for (field, value) in template_names.iter().filter(|(field, _)| named_by(field)) {
            template.give_name(field, value);
        }
    }
    let read_changes = left_out.into_iter().map(|(at, why)| ReportedChange {
        change: fit::Change { kind: fit::ChangeKind::Lossy, pointer: at.clone(), message: why, limit: None, part: 0 },
        source: Some(at),
    });
    let mut changes: Vec<ReportedChange> = read_changes.collect();
    let target = match to {
        // Read from a provider's body, a message holds to the neutral model's limits already.
        Format::Neutral if mode == fit::FitMode::Strict => {
            return Ok(Conversion { parts: vec![(None, to_neutral(&request)?)], changes });
        }
        Format::Neutral => fit::Target::Neutral,
        Format::Provider(to) => fit::Target::Provider(to),
    };
    let message = match (request, target) {
        (Request::Message(message), _) => message,
        (read, fit::Target::Provider(to)) => {
            // A provider without read receipts refuses the body as a whole (its root), whatever
            // the source spells the receipt as.
            let body = serialize_request(to, &read).map_err(|error| match error {
                BodyError::Unsupported(refused) => BodyError::Unsupported(refused.at("")),
                other => other,
            })?;
            return Ok(Conversion { parts: vec![(codec(to).mark_read_operation(), body)], changes });
        }
        (read, fit::Target::Neutral) => return Ok(Conversion { parts: vec![(None, to_neutral(&read)?)], changes }),
    };
    // Where each change, or what the target refuses, lies in the input: in a provider's body,
    // by its codec's pointer table for the message read from it (read again: changes and
    // refusals are rare, a clone of every message not).
    // A name the target needs and the message lacks is reported at the template (a provider's
    // body has no place for it: convert's `template` option gives it); a name for another
    // provider beside it is no fault here, as convert leaves it out once the template is named.
    let naming_field =
        |path: &str| path.strip_prefix("/content/").is_some_and(|f| crate::message::Template::NAMES.contains(&f));
    let fitted = fit::fit_to(target, message, fit::Fit { mode, drop_lossy: true }).map_err(|error| match error {
        BodyError::Invalid(violations) => BodyError::Invalid(
            violations
                .into_iter()
                .filter(|v| !(v.code == crate::validate::ViolationCode::Unsupported && naming_field(&v.path)))
                .map(|v| match from {
                    Format::Provider(_)
                        if v.code == crate::validate::ViolationCode::Required && naming_field(&v.path) =>
                    {
                        Violation { path: "/content".into(), ..v }
                    }
                    _ => v,
                })
                .collect(),
        ),
        other => other,
    });
    let source = match from {
        Format::Provider(provider) if fitted.as_ref().map_or(true, |f| !f.changes.is_empty()) => {
            let operation = operation_named(provider, operation)?;
            match (codec(provider).read_to_fit(body, operation), crate::validate::parse_tree(body)) {
                (Ok((Request::Message(message), _)), Ok(tree)) => Some((provider, message, operation, tree)),
                _ => None,
            }
        }
        _ => None,
    };
    let wire = |pointer: &str| match &source {
        Some((provider, message, operation, tree)) => codec(*provider).wire_pointer(pointer, message, tree, *operation),
        None => pointer.to_string(),
    };
    let fitted = fitted.map_err(|error| at_source(error, wire))?;
    changes.extend(
        fitted
            .changes
            .iter()
            .enumerate()
            .map(|(i, change)| ReportedChange { source: fitted.input_pointer(i).map(wire), change: change.clone() }),
    );
    let operation = |message: &Message| match target {
        fit::Target::Provider(to) => self::operation(to, message),
        fit::Target::Neutral => None,
    };
    let parts = fitted.parts.into_iter().map(|(message, body)| (operation(&message), body)).collect();
    Ok(Conversion { parts, changes })
}

/// `error`, found fitting or writing a message, with its pointers moved from the neutral
/// model's by `wire` (into the provider's body it was read from): every violation points into
/// the document as the caller gave it.
fn at_source(error: BodyError, wire: impl Fn(&str) -> String) -> BodyError {
    match error {
        BodyError::Invalid(violations) => {
            BodyError::Invalid(violations.into_iter().map(|v| Violation { path: wire(&v.path), ..v }).collect())
        }
        BodyError::Unsupported(unsupported) => {
            let at = wire(unsupported.pointer());
            BodyError::Unsupported(unsupported.at(at))
        }
        other => other,
    }
}

/// Every violation of a provider-native request body (empty when it is valid).
pub fn validate_body(provider: Provider, body: &str, operation: Option<&str>) -> Result<Vec<Violation>, BodyError> {
    validate_body_at(provider, body, operation, None)
}

/// [`validate_body`], judging the rules that depend on the time (Bird's `scheduledFor`) at
/// `now_ms` (milliseconds since the epoch) when given, rather than at the clock's now.
pub fn validate_body_at(
    provider: Provider,
    body: &str,
    operation: Option<&str>,
    now_ms: Option<f64>,
) -> Result<Vec<Violation>, BodyError> {
    let operation = operation_named(provider, operation)?;
    let checked = match now_ms {
        Some(now) => codec(provider).check_at(body, operation, now),
        None => codec(provider).check(body, operation),
    };
    match checked {
        Ok(_) => Ok(Vec::new()),
        Err(BodyError::Invalid(violations)) => Ok(violations),
        Err(other) => Err(other),
    }
}

/// Checks the limits of a message parsed from a provider's body and reports violations at
/// the provider's pointers, translated with `table` (see [`rewrite_pointer`]; `wire`, the body
/// as read, names the object a `{type}` segment stands for), into `report` (a new one, or
/// [`Report::to_fit`]'s).
pub(crate) fn validated_from_wire(
    message: Message,
    table: &[(&str, &str)],
    snake_rest: bool,
    wire: Option<&Json<'_>>,
    mut report: Report,
) -> Result<Message, BodyError> {
    message.validate_into(&mut report, &Path::root());
    if report.is_empty() {
        return Ok(message);
    }
    let violations = report
        .into_violations()
        .into_iter()
        .map(|v| Violation { path: rewrite_pointer(&v.path, table, snake_rest, wire), ..v })
        .collect();
    Err(BodyError::Invalid(violations))
}

/// A non-2xx answer that is not the provider's documented error body (an HTML page from a
/// proxy, truncated JSON): retryable when the status says the server was at fault.
pub(crate) fn unexpected_response(provider: Provider, response: &HttpResponse, what: &str) -> AnswerError {
    answered_unexpectedly(&provider.to_string(), response, &format!(" without {what}"))
}

/// An answer of `who` (the provider, the storage a media host redirected to) that says
/// nothing documented: `"{who} answered HTTP {status}{what}: {the body's start}"`, retryable
/// when the status says the server was at fault.
pub(crate) fn answered_unexpectedly(who: &str, response: &HttpResponse, what: &str) -> AnswerError {
    let mut snippet: String = response.text().chars().take(200).collect();
    if snippet.trim().is_empty() {
        snippet = "(empty body)".into();
    }
    AnswerError::Unexpected(UnexpectedResponse {
        http_status: response.status,
        message: format!("{who} answered HTTP {}{what}: {snippet}", response.status),
        retryable: matches!(response.status, 408 | 429 | 500..),
        retry_after_ms: crate::http::retry_after_ms(response),
        raw: response.text(),
    })
}

/// A provider's answer as a JSON tree borrowed from its body; `None` when it is not JSON (an
/// HTML page from a proxy, a truncated body). Answers are read leniently, field by field:
/// providers add fields to them, and only what a sender needs is taken.
pub(crate) fn answer_json(response: &HttpResponse) -> Option<Json<'_>> {
    crate::validate::parse_tree(std::str::from_utf8(&response.body).ok()?).ok()
}

/// A 2xx answer without what the provider documents for it. Not retryable: the provider took
/// the request, and sending it again could deliver the message twice.
pub(crate) fn undocumented_success(provider: Provider, response: &HttpResponse, what: &str) -> AnswerError {
    AnswerError::Unexpected(UnexpectedResponse {
        http_status: response.status,
        message: format!("{provider} answered HTTP {} without the documented {what}", response.status),
        retryable: false,
        retry_after_ms: None,
        raw: response.text(),
    })
}

/// An id that goes into a URL path: letters, digits, `-` and `_` only.
pub(crate) fn path_id(what: &str, value: String) -> Result<String, BodyError> {
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(BodyError::argument(format!("{what} must be letters, digits, '-' or '_' (got {value:?})")));
    }
    Ok(value)
}

/// A base URL: http(s), without a trailing slash.
pub(crate) fn base_url(value: Option<String>, default: &str) -> Result<String, BodyError> {
    let url = value.unwrap_or_else(|| default.to_string()).trim_end_matches('/').to_string();
    // Read as fetch reads it (WHATWG): every request and credential goes to this origin.
    match crate::http::url::base_origin(&url) {
        // Not quoted: what is before its `@` is a password.
        Err(crate::http::url::UrlError::Userinfo) => Err(BodyError::argument(
            "baseUrl must be an http(s) URL without credentials (user:password@ before the host): scheme://host[:port][/path]",
        )),
        Err(why) => Err(BodyError::argument(format!(
            "baseUrl must be an http(s) URL: scheme://host[:port][/path] (got {url:?}, which {why})"
        ))),
        Ok(_) => Ok(url),
    }
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
        // Request Timeout: the server closed before it had the whole request, so took nothing.
        408 => (ServiceUnavailable, true),
        429 => (RateLimited, true),
        500.. => (ServiceUnavailable, true),
        _ => (Unknown, false),
    }
}

/// What every client does whichever its provider, sans IO: name the credential that must
/// never appear in errors, and download a customer's media. Its answers have one type for
/// every provider, so it is object-safe: the wasm core takes one `&dyn AnyClient` rather than
/// matching on the provider for each of these calls.
pub trait AnyClient {
    fn provider(&self) -> Provider;
    /// The credential to redact from every error (empty where there is none).
    fn secret(&self) -> &str;
    /// A GET of the URL of a customer's media (from a webhook, or Meta's `getMedia`), carrying
    /// the credentials only where they may go ([`download`]); refused before any I/O otherwise.
    fn download_request(&self, url: &str) -> Result<HttpRequest, BodyError>;
    /// That GET's answer (`url` is the one requested): the file, or a redirect to follow
    /// without credentials (Bird's media host).
    fn decode_download(&self, url: &str, response: &HttpResponse) -> Result<download::Downloaded, AnswerError>;
}

/// What a provider's client adds, sans IO: build the request for a message and decode the
/// answer into the provider's own result (a type per provider, hence not object-safe).
pub trait ProviderClient: AnyClient {
    type SendResult: serde::Serialize;

    fn send_request(&self, message: &Message) -> Result<HttpRequest, BodyError>;
    fn decode_send(&self, response: &HttpResponse) -> Result<Self::SendResult, AnswerError>;
}

/// Rewrites a JSON pointer into the neutral model to the pointer of the same field in a
/// provider's body, using a table of `(neutral prefix, wire prefix)` patterns in which `*`
/// stands for one segment (an index). The first pattern that is a segment-wise prefix of
/// `pointer` wins; captured segments fill the `*`s of its replacement, in order, and the
/// rest of the pointer is kept (in snake_case when `snake_rest`, for Meta's field names).
/// A `{type}` segment in a replacement stands for the object a typed wire value keeps its
/// fields in (`{"type": "image", "image": {…}}`): it is read from `wire`, the body the
/// pointer is for, and left out where the value's fields sit beside its `type`.
/// Pointers no pattern matches are returned unchanged.
pub(crate) fn rewrite_pointer(
    pointer: &str,
    table: &[(&str, &str)],
    snake_rest: bool,
    wire: Option<&Json<'_>>,
) -> String {
    matched_pointer(pointer, table, snake_rest, wire).unwrap_or_else(|| pointer.to_string())
}

/// [`rewrite_pointer`], `None` where no pattern of `table` matches `pointer`.
pub(crate) fn matched_pointer(
    pointer: &str,
    table: &[(&str, &str)],
    snake_rest: bool,
    wire: Option<&Json<'_>>,
) -> Option<String> {
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
            if part == "{type}" {
                let at = wire.and_then(|w| json_at(w, &out));
                let kind = at.and_then(|v| v.get("type")).and_then(Json::as_str);
                if let Some(kind) = kind.filter(|k| matches!(at.and_then(|v| v.get(k)), Some(Json::Object(_)))) {
                    crate::validate::push_key(&mut out, kind);
                }
                continue;
            }
            out.push('/');
            out.push_str(if part == "*" { captures.next().unwrap_or("*") } else { part });
        }
        for rest in &segments[pattern.len()..] {
            out.push('/');
            if snake_rest {
                out.push_str(&crate::message::read::snake_case(rest));
            } else {
                out.push_str(rest);
            }
        }
        return Some(out);
    }
    None
}

/// The value at `pointer` (RFC 6901: `~1` is `/`, `~0` is `~`).
pub(crate) fn json_at<'a, 'v>(value: &'a Json<'v>, pointer: &str) -> Option<&'a Json<'v>> {
    pointer.split('/').skip(1).try_fold(value, |at, segment| match at {
        Json::Array(items) => items.get(segment.parse::<usize>().ok()?),
        other => other.get(&crate::validate::unescape(segment)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template's media parameters are typed by their files: a MIME type given is said to be
    /// left out, for the header's and for a carousel card's, not dropped silently.
    #[test]
    fn a_template_medias_mime_type_is_reported_as_left_out() {
        let message = Message::from_json(
            r#"{"to":"+16505551234","content":{"type":"template","name":"order_update","language":{"code":"en_US"},"namespace":"ns","components":[
                {"type":"header","parameters":[{"type":"image","link":"https://example.com/a.png","mimeType":"image/png"}]},
                {"type":"carousel","cards":[{"cardIndex":0,"components":[{"type":"header","parameters":[{"type":"video","link":"https://example.com/a.mp4","mimeType":"video/mp4"}]}]},
                                           {"cardIndex":1,"components":[{"type":"header","parameters":[{"type":"video","link":"https://example.com/b.mp4"}]}]}]}]}}"#,
        )
        .unwrap();
        for provider in [Provider::Meta, Provider::OneMsg] {
            let pointers: Vec<String> = approximations(provider, &message).into_iter().map(|a| a.pointer).collect();
            assert_eq!(
                pointers,
                [
                    "/content/components/0/parameters/0/mimeType",
                    "/content/components/1/cards/0/components/0/parameters/0/mimeType"
                ],
                "{provider}"
            );
        }
    }

    #[test]
    fn provider_names_round_trip() {
        for provider in Provider::ALL {
            assert_eq!(provider.name().parse::<Provider>().unwrap(), provider);
        }
        assert!("twilio".parse::<Provider>().is_err());
        assert_eq!("twilio".parse::<Format>().unwrap_err().code(), "ERR_ARGUMENT");
    }

    #[test]
    fn a_fit_to_neutral_holds_to_the_neutral_model_s_limits() {
        let long = format!(r#"{{"to":"+16505551234","content":{{"type":"text","body":"{}"}}}}"#, "x".repeat(5000));
        assert!(convert_reporting(Format::Neutral, Format::Neutral, &long, None, fit::FitMode::Strict).is_err());
        let fitted = convert_reporting(Format::Neutral, Format::Neutral, &long, None, fit::FitMode::Truncate).unwrap();
        let (operation, body) = &fitted.parts[0];
        assert_eq!(*operation, None);
        let message = Message::from_json(body).unwrap();
        assert!(
            matches!(&message.content, crate::message::Content::Text(t) if t.body.chars().count() == 4096 && t.body.ends_with('…'))
        );
        let change = &fitted.changes[0].change;
        assert_eq!(
            (change.kind, change.pointer.as_str(), change.limit),
            (fit::ChangeKind::Truncated, "/content/body", Some(4096.0))
        );
        // From a provider's body over the model's limits: fitted, the change at its pointer there.
        let bird = format!(
            r#"{{"receiver":{{"contacts":[{{"identifierKey":"phonenumber","identifierValue":"+16505551234"}}]}},"body":{{"type":"text","text":{{"text":"{}"}}}}}}"#,
            "y".repeat(5000)
        );
        let bird_format = Format::Provider(Provider::Bird);
        assert!(convert_reporting(bird_format, Format::Neutral, &bird, None, fit::FitMode::Strict).is_err());
        let fitted = convert_reporting(bird_format, Format::Neutral, &bird, None, fit::FitMode::Truncate).unwrap();
        assert!(fitted.parts[0].1.contains(&format!("{}…", "y".repeat(4095))));
        assert_eq!(fitted.changes[0].source.as_deref(), Some("/body/text/text"));
    }

    #[test]
    fn every_client_is_one_object_safe_any_client() {
        // What the wasm core does: one `&dyn AnyClient` per client, whatever its provider.
        let meta = meta::MetaConfig::new("META-TOKEN".into(), "1".into(), None, None).unwrap();
        let bird = bird::BirdConfig::new(
            "BIRD-KEY".into(),
            "0a1b2c3d-0000-4000-8000-000000000001".into(),
            "0a1b2c3d-0000-4000-8000-000000000002".into(),
            None,
        )
        .unwrap();
        let onemsg = onemsg::OneMsgConfig::new("1MSG-TOKEN".into(), "123456".into(), None).unwrap();
        let clients: [&dyn AnyClient; 4] = [&meta, &bird, &onemsg, &onemsg::OneMsgMedia];
        let seen: Vec<_> = clients.iter().map(|c| (c.provider(), c.secret())).collect();
        assert_eq!(
            seen,
            [
                (Provider::Meta, "META-TOKEN"),
                (Provider::Bird, "BIRD-KEY"),
                (Provider::OneMsg, "1MSG-TOKEN"),
                (Provider::OneMsg, "")
            ]
        );
        // A link on another host: refused where credentials would go with it, fetched bare on 1MSG.
        let link = "https://files.example/photo.jpg";
        let bare: Vec<_> = clients
            .iter()
            .map(|c| c.download_request(link).map(|r| r.headers.is_empty() && !r.url.contains("TOKEN")).ok())
            .collect();
        assert_eq!(bare, [None, None, Some(true), Some(true)]);
        let file = HttpResponse::new(200, "JPEG");
        for client in clients {
            let downloaded = client.decode_download(link, &file).unwrap();
            assert_eq!(downloaded, download::Downloaded::File(b"JPEG".to_vec(), "application/octet-stream".into()));
        }
    }

    #[test]
    fn rewrites_pointers_by_pattern() {
        let table = [("/content/buttons/*/title", "/interactive/action/buttons/*/reply/title"), ("/content", "/text")];
        assert_eq!(
            rewrite_pointer("/content/buttons/2/title", &table, false, None),
            "/interactive/action/buttons/2/reply/title"
        );
        assert_eq!(rewrite_pointer("/content/body", &table, false, None), "/text/body");
        assert_eq!(rewrite_pointer("/content", &table, false, None), "/text");
        assert_eq!(rewrite_pointer("/contents", &table, false, None), "/contents");
        assert_eq!(rewrite_pointer("/to", &table, false, None), "/to");
        assert_eq!(rewrite_pointer("/content/previewUrl", &table, true, None), "/text/preview_url");
        let typed = [("/p/*", "/params/*/{type}")];
        let wire =
            crate::validate::parse_tree(r#"{"params":[{"type":"image","image":{}},{"type":"text","text":"x"}]}"#)
                .unwrap();
        assert_eq!(rewrite_pointer("/p/0/link", &typed, false, Some(&wire)), "/params/0/image/link");
        assert_eq!(rewrite_pointer("/p/1/text", &typed, false, Some(&wire)), "/params/1/text");
    }
}
