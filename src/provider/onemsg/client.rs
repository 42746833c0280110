//! Request building and response decoding for `OneMsgClient` (sans-IO). 1MSG takes its
//! token as a query parameter: every URL and text that leaves here is redacted.

use super::{PROVIDER, serialize};
use crate::error::{AnswerError, BodyError, ErrorReason, ProviderError};
use crate::http::{FilePart, HttpRequest, HttpResponse, Method, Multipart};
use crate::message::Message;
use crate::provider::Operation;
use crate::provider::download::{self, Downloaded};
use crate::provider::{
    AnyClient, Provider, ProviderClient, answer_json, base_url, path_id, reason_for_status, undocumented_success,
    unexpected_response,
};
use crate::validate::{Json, ViolationCode};
use serde::{Deserialize, Serialize};
use std::fmt;

/// 1MSG's API host.
pub const DEFAULT_BASE_URL: &str = "https://api.1msg.io";

/// Where and as whom a `OneMsgClient` sends. `Debug` never prints the token.
#[derive(Clone, PartialEq)]
pub struct OneMsgConfig {
    pub token: String,
    /// The channel (instance) id in the URL path.
    pub instance_id: String,
    pub base_url: String,
}

impl fmt::Debug for OneMsgConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OneMsgConfig")
            .field("token", &"[redacted]")
            .field("instance_id", &self.instance_id)
            .field("base_url", &self.base_url)
            .finish()
    }
}

impl OneMsgConfig {
    pub fn new(token: String, instance_id: String, base: Option<String>) -> Result<Self, BodyError> {
        if token.trim().is_empty() {
            return Err(BodyError::argument("OneMsgClient needs a token (the channel's API token)"));
        }
        Ok(OneMsgConfig {
            token,
            instance_id: path_id("instanceId", instance_id)?,
            base_url: base_url(base, DEFAULT_BASE_URL)?,
        })
    }

    fn method_url(&self, method: &str) -> String {
        format!("{}/{}/{method}?token={}", self.base_url, self.instance_id, crate::http::url::query_value(&self.token))
    }
}

impl ProviderClient for OneMsgConfig {
    type SendResult = OneMsgSendResult;

    /// `POST /{instanceId}/{method}?token=…` with the method the content kind needs.
    fn send_request(&self, message: &Message) -> Result<HttpRequest, BodyError> {
        let (method, body) = serialize(message)?;
        Ok(HttpRequest::new(Method::Post, self.method_url(method.name())).json_body(body))
    }

    fn decode_send(&self, response: &HttpResponse) -> Result<OneMsgSendResult, AnswerError> {
        if !response.is_success() {
            return Err(decode_error(response));
        }
        // Every send method answers `{sent, id, message, description}`.
        let Some(answer) = answer_json(response) else {
            return Err(undocumented_success(PROVIDER, response, "{sent, id} object"));
        };
        let (message, description) = (answer.string("message"), answer.string("description"));
        // An id to match the message's statuses by, or it is not the documented answer.
        let id = answer.string("id").filter(|id| !id.is_empty());
        match (answer.get("sent").and_then(Json::as_bool), id) {
            (Some(true), Some(id)) => {
                Ok(OneMsgSendResult { sent: true, message_id: id, message, description, warnings: Vec::new() })
            }
            // Neither a send nor a refusal: saying "not sent" would invite a second send.
            (Some(true) | None, _) => Err(undocumented_success(PROVIDER, response, "{sent, id} object")),
            // HTTP 200 with `sent: false`: 1MSG took the request and refused the message.
            (Some(false), _) => {
                let said =
                    [message.as_deref(), description.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(": ");
                let message = if said.is_empty() { "the message was not sent (sent: false)".into() } else { said };
                let mut refusal = ProviderError::new(PROVIDER, response, not_sent_reason(&message), false, message);
                refusal.details = description;
                Err(AnswerError::Refused(Box::new(refusal)))
            }
        }
    }
}

impl AnyClient for OneMsgConfig {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn secret(&self) -> &str {
        &self.token
    }

    /// `GET <body>` of a customer's media message, as [`OneMsgMedia`] does it: the token never
    /// goes with it.
    fn download_request(&self, url: &str) -> Result<HttpRequest, BodyError> {
        OneMsgMedia.download_request(url)
    }

    fn decode_download(&self, url: &str, response: &HttpResponse) -> Result<Downloaded, AnswerError> {
        OneMsgMedia.decode_download(url, response)
    }
}

/// A customer's media on 1MSG, which needs no client: 1MSG's files are public links, fetched
/// without the token (it would go to whatever host the link names), so downloading one takes
/// no credentials at all (`OneMsgClient.downloadMedia(url)`, the CLI's `download`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OneMsgMedia;

impl AnyClient for OneMsgMedia {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    /// Nothing to keep out of errors: it holds no credentials.
    fn secret(&self) -> &str {
        ""
    }

    /// `GET <body>` of a customer's media message, without credentials.
    fn download_request(&self, url: &str) -> Result<HttpRequest, BodyError> {
        download::public_get(url)
    }

    /// That GET's answer: the file, or where a redirect points (met only by a `fetch` that
    /// does not follow redirects), fetched the same way.
    fn decode_download(&self, url: &str, response: &HttpResponse) -> Result<Downloaded, AnswerError> {
        download::decode(PROVIDER.name(), url, response, |r| unexpected_response(PROVIDER, r, "the media file"))
    }
}

/// What a 1MSG endpoint takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Takes {
    Nothing,
    /// Query parameters: these names (`required` first).
    Query(&'static [&'static str], usize),
    /// A JSON body, checked by the method's table (`super::schema`).
    Body(Operation),
    /// A JSON body under one key (POST /commerce's `{"params": …}`): the caller gives what
    /// goes inside, so violations point into that, not into the wrapper it never wrote.
    Wrapped(Operation, &'static str),
    /// The path's last segment (a media id).
    PathId,
}

/// One of 1MSG's endpoints, by the name `OneMsgClient` calls it.
struct Endpoint {
    name: &'static str,
    method: Method,
    path: &'static str,
    takes: Takes,
}

/// Every endpoint but the send methods (`send`, `sendBody`): channel, webhooks, messages,
/// templates and media (docs/1msg-reference.md).
const ENDPOINTS: &[Endpoint] = &[
    Endpoint { name: "me", method: Method::Get, path: "me", takes: Takes::Nothing },
    Endpoint { name: "updateMe", method: Method::Post, path: "me", takes: Takes::Body(Operation::SetMe) },
    Endpoint { name: "statistics", method: Method::Get, path: "statistics", takes: Takes::Query(&["date"], 0) },
    Endpoint { name: "extendedStatistics", method: Method::Get, path: "extendedStatistics", takes: Takes::Nothing },
    Endpoint { name: "status", method: Method::Get, path: "status", takes: Takes::Nothing },
    Endpoint { name: "settings", method: Method::Get, path: "settings", takes: Takes::Nothing },
    Endpoint {
        name: "updateSettings",
        method: Method::Post,
        path: "settings",
        takes: Takes::Body(Operation::SetSettings),
    },
    Endpoint { name: "commerce", method: Method::Get, path: "commerce", takes: Takes::Nothing },
    Endpoint {
        name: "updateCommerce",
        method: Method::Post,
        path: "commerce",
        takes: Takes::Wrapped(Operation::SetCommerce, "params"),
    },
    Endpoint { name: "outputIP", method: Method::Get, path: "outputIP", takes: Takes::Nothing },
    Endpoint { name: "setWebhook", method: Method::Post, path: "webhook", takes: Takes::Body(Operation::SetWebhook) },
    Endpoint { name: "hookInfo", method: Method::Get, path: "hookInfo", takes: Takes::Query(&["messageId"], 1) },
    Endpoint {
        name: "messages",
        method: Method::Get,
        path: "messages",
        takes: Takes::Query(
            &["last", "lastMessageNumber", "firstMessageNumber", "limit", "chatId", "min_time", "max_time", "msgId"],
            0,
        ),
    },
    Endpoint {
        name: "markRead",
        method: Method::Post,
        path: "readMessage",
        takes: Takes::Body(Operation::ReadMessage),
    },
    Endpoint { name: "templates", method: Method::Get, path: "templates", takes: Takes::Nothing },
    Endpoint {
        name: "addTemplate",
        method: Method::Post,
        path: "addTemplate",
        takes: Takes::Body(Operation::AddTemplate),
    },
    Endpoint {
        name: "removeTemplate",
        method: Method::Post,
        path: "removeTemplate",
        takes: Takes::Body(Operation::RemoveTemplate),
    },
    Endpoint {
        name: "uploadMedia",
        method: Method::Post,
        path: "uploadMedia",
        takes: Takes::Body(Operation::UploadMedia),
    },
    Endpoint { name: "deleteMedia", method: Method::Delete, path: "media", takes: Takes::PathId },
];

impl OneMsgConfig {
    /// Whether `name` is one of the endpoints `call` builds requests for.
    pub fn has_endpoint(name: &str) -> bool {
        ENDPOINTS.iter().any(|e| e.name == name)
    }

    /// The request of endpoint `name`: `argument` is its JSON body, its query parameters as a
    /// JSON object, or its path id, as the endpoint takes. Checked before any I/O: a body by
    /// its method's table, a query by its names and values.
    pub fn call_request(&self, name: &str, argument: Option<&str>) -> Result<HttpRequest, BodyError> {
        let Some(endpoint) = ENDPOINTS.iter().find(|e| e.name == name) else {
            return Err(BodyError::argument(format!("OneMsgClient has no method {name:?}")));
        };
        let mut path = endpoint.path.to_string();
        let mut query = String::new();
        let mut body = None;
        match endpoint.takes {
            Takes::Nothing => {}
            Takes::PathId => {
                let id = argument.unwrap_or_default().trim_matches('"').to_string();
                path = format!("{path}/{}", crate::provider::path_id("mediaId", id)?);
            }
            Takes::Body(operation) => {
                let json = argument.ok_or_else(|| BodyError::argument(format!("{name} takes an object")))?;
                body = Some(crate::provider::codec(PROVIDER).reproduce(json, operation)?);
            }
            Takes::Wrapped(operation, key) => {
                let json = argument.ok_or_else(|| BodyError::argument(format!("{name} takes an object")))?;
                let wrapped = format!("{{\"{key}\":{json}}}");
                let reproduced = crate::provider::codec(PROVIDER).reproduce(&wrapped, operation);
                body = Some(reproduced.map_err(|error| error.within(key))?);
            }
            Takes::Query(names, required) => query = query_string(name, argument, names, required)?,
        }
        let url = format!("{}{query}", self.method_url(&path));
        let request = HttpRequest::new(endpoint.method, url);
        Ok(match body {
            Some(body) => request.json_body(body),
            None => request,
        })
    }

    /// `POST /uploadMedia` with the file itself: a multipart form whose `body` field is the
    /// file, after checking its MIME type and size against WhatsApp's media rules.
    pub fn upload_file_request(
        &self,
        file: &FilePart<'_>,
        mime_type: &str,
        filename: &str,
    ) -> Result<HttpRequest, BodyError> {
        crate::message::media::check_upload(mime_type, file.len()).map_err(BodyError::Invalid)?;
        let form = Multipart::for_file(file).file("body", filename, mime_type, file);
        Ok(form.into_request(HttpRequest::new(Method::Post, self.method_url("uploadMedia"))))
    }

    /// A method that takes a file itself, as a multipart form: `sendFile` (the file in `body`)
    /// or `me` (the profile photo in `photo`). The other fields (a JSON object of strings,
    /// numbers and booleans) are checked as the method's JSON body would be, with the file
    /// given by URL; the file is checked against WhatsApp's media rules (a photo is an image).
    pub fn form_request(
        &self,
        method: &str,
        fields: &str,
        file: &FilePart<'_>,
        mime_type: &str,
        filename: &str,
    ) -> Result<HttpRequest, BodyError> {
        let (operation, file_field) = match method {
            "sendFile" => (Operation::SendFile, "body"),
            "me" => (Operation::SetMe, "photo"),
            _ => return Err(BodyError::argument(format!("1MSG takes a file itself on sendFile and me, not {method}"))),
        };
        let kind = crate::message::media::check_upload(mime_type, file.len()).map_err(BodyError::Invalid)?;
        if operation == Operation::SetMe && kind != crate::message::MediaKind::Image {
            return Err(BodyError::argument(format!("the profile photo is an image (got {mime_type})")));
        }
        let tree = crate::validate::parse_tree(fields).map_err(|v| BodyError::Invalid(vec![v]))?;
        let Json::Object(members) = &tree else {
            return Err(BodyError::argument(format!("{method}'s fields are an object")));
        };
        // The name 1MSG types the file by: the fields' own, else the file's.
        let named =
            members.iter().find(|(name, _)| name == "filename").and_then(|(_, v)| v.as_str()).unwrap_or(filename);
        if operation == Operation::SendFile && !super::write::has_extension(named) {
            return Err(BodyError::Invalid(vec![crate::validate::Violation {
                path: "/filename".into(),
                code: crate::validate::ViolationCode::InvalidFormat,
                message: super::write::no_extension(named),
                limit: None,
            }]));
        }
        // The fields as the JSON body, the file by a stand-in URL of its name: checked by the
        // method's own rules, violations at the fields' pointers.
        let mut w = crate::json::JsonWriter::new();
        w.item_obj(|w| {
            for (name, value) in members.iter().filter(|(name, _)| name != file_field) {
                w.tree(name, value);
            }
            w.str(file_field, "https://upload.invalid/file");
            if operation == Operation::SendFile && !members.iter().any(|(name, _)| name == "filename") {
                w.str("filename", filename);
            }
        });
        crate::provider::codec(PROVIDER).check(&w.finish(), operation)?;
        let mut form = Multipart::for_file(file);
        for (name, value) in members.iter().filter(|(name, _)| name != file_field) {
            let text = match value {
                Json::Str(text) => text.to_string(),
                Json::Int(_) | Json::UInt(_) | Json::Float(_) | Json::Bool(_) => {
                    let mut w = crate::json::JsonWriter::new();
                    w.item_tree(value);
                    w.finish()
                }
                _ => {
                    return Err(BodyError::argument(format!(
                        "{method}'s field {name} is a string, number or boolean in a form"
                    )));
                }
            };
            form = form.field(name, &text);
        }
        let form = form.file(file_field, filename, mime_type, file);
        Ok(form.into_request(HttpRequest::new(Method::Post, self.method_url(method))))
    }

    /// A body of 1MSG's own for the send method `method` (templates, carousels, flows,
    /// products, or any other), checked as 1MSG's method takes it.
    pub fn send_body_request(&self, method: &str, body: &str) -> Result<HttpRequest, BodyError> {
        let operation = crate::provider::operation_named(PROVIDER, Some(method))?;
        if !super::schema::is_send(operation) {
            return Err(BodyError::argument(format!("sendBody sends messages; {method} is not a send method")));
        }
        let body = crate::provider::codec(PROVIDER).reproduce(body, operation)?;
        Ok(HttpRequest::new(Method::Post, self.method_url(method)).json_body(body))
    }

    /// A JSON answer of endpoint `name`, as 1MSG wrote it (its shape is typed on the JS side);
    /// an error body is a `ProviderError`.
    pub fn decode_call(&self, response: &HttpResponse) -> Result<String, AnswerError> {
        answered(response, "JSON answer").map(|answer| written(&answer))
    }

    /// The answer to uploadMedia (by URL or the file itself): `{mediaId}`, whose id the file is
    /// sent by; an answer without one is not a success to build on.
    pub fn decode_upload(&self, response: &HttpResponse) -> Result<String, AnswerError> {
        let answer = answered(response, "{mediaId}")?;
        match answer.string("mediaId") {
            Some(id) if !id.is_empty() => Ok(written(&answer)),
            _ => Err(undocumented_success(PROVIDER, response, "{mediaId}")),
        }
    }
}

/// The JSON of a successful answer (`what` names what 1MSG documents for it); an error body,
/// or an `error` text in a 200 (some refusals come back so), is a `ProviderError`.
fn answered<'r>(response: &'r HttpResponse, what: &str) -> Result<Json<'r>, AnswerError> {
    if !response.is_success() {
        return Err(decode_error(response));
    }
    let Some(answer) = answer_json(response) else {
        return Err(undocumented_success(PROVIDER, response, what));
    };
    if let Some(error) = answer.string("error") {
        let refusal = ProviderError::new(PROVIDER, response, ErrorReason::Unknown, false, error);
        return Err(AnswerError::Refused(Box::new(refusal)));
    }
    Ok(answer)
}

/// An answer as 1MSG wrote it, as JSON text for JS (its shape is typed there).
fn written(answer: &Json<'_>) -> String {
    let mut w = crate::json::JsonWriter::new();
    w.item_tree(answer);
    w.finish()
}

/// A query parameter's value as the documentation types it (swagger 2.39): `last` a boolean;
/// the message numbers, `limit` (0 = all) and the times whole numbers from 0 (or their
/// digits); `chatId` a chat; the message ids non-empty; `date` a month as `mm.YYYY`.
fn query_value(name: &str, value: &Json<'_>) -> Result<String, (ViolationCode, String)> {
    let invalid = |message: String| Err((ViolationCode::InvalidValue, message));
    match (name, value) {
        ("last", Json::Bool(b)) => Ok(b.to_string()),
        ("last", _) => invalid("last is a boolean".into()),
        ("lastMessageNumber" | "firstMessageNumber" | "limit" | "min_time" | "max_time", value) => {
            match (value.as_whole(), value) {
                (Some(n), _) if n >= 0 => Ok(n.to_string()),
                (Some(_), _) => Err((ViolationCode::OutOfRange, format!("{name} is a whole number from 0"))),
                (_, Json::Str(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => Ok(s.to_string()),
                _ => invalid(format!("{name} is a whole number from 0")),
            }
        }
        ("chatId", value) => {
            super::schema::chat_id(value).map_err(|fault| (ViolationCode::InvalidFormat, fault.message))?;
            Ok(value.as_str().unwrap_or_default().to_owned())
        }
        ("date", Json::Str(s)) if is_month(s) => Ok(s.to_string()),
        ("date", _) => {
            Err((ViolationCode::InvalidFormat, "date is a month as mm.YYYY, e.g. 03.2026, as a string".into()))
        }
        (_, Json::Str(s)) if !s.trim().is_empty() => Ok(s.to_string()),
        (_, Json::Str(_)) => Err((ViolationCode::Required, format!("{name} is a message id, not empty"))),
        _ => invalid(format!("{name} is a message id, a string")),
    }
}

/// `&name=value…` from a JSON object of query parameters: known names only, each of the type
/// the documentation gives it (`query_value`); the first `required` names present.
fn query_string(endpoint: &str, argument: Option<&str>, names: &[&str], required: usize) -> Result<String, BodyError> {
    let json = argument.unwrap_or("{}");
    let tree = crate::validate::parse_tree(json).map_err(|v| BodyError::Invalid(vec![v]))?;
    let Json::Object(members) = &tree else {
        return Err(BodyError::argument(format!("{endpoint} takes an object of query parameters")));
    };
    let mut report = crate::validate::Report::new();
    let root = crate::validate::Path::root();
    let mut query = String::new();
    for (key, value) in members {
        let at = root.key(key);
        if !names.contains(&key.as_ref()) {
            let message = format!("unknown parameter {key:?}; expected one of {}", names.join(", "));
            report.add(&at, ViolationCode::UnknownField, message, None);
            continue;
        }
        let text = match query_value(key, value) {
            Ok(text) => text,
            Err((code, message)) => {
                report.add(&at, code, message, None);
                continue;
            }
        };
        query.push('&');
        query.push_str(key);
        query.push('=');
        query.push_str(&crate::http::url::query_value(&text));
    }
    for name in &names[..required] {
        if !members.iter().any(|(k, _)| k == name) {
            report.add(&root.key(name), ViolationCode::Required, format!("{name} is required"), None);
        }
    }
    report.into_result().map_err(BodyError::Invalid)?;
    Ok(query)
}

/// `mm.YYYY`.
fn is_month(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 7 && b[2] == b'.' && b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit()) && {
        let month = (b[0] - b'0') * 10 + (b[1] - b'0');
        (1..=12).contains(&month)
    }
}

/// Why 1MSG did not send a message, from its words (it documents no codes for `sent: false`):
/// `reengagement_required` for a closed customer-care session (Meta's "Re-engagement message"
/// passed on, or words about the 24-hour session), `template` for a template problem (its
/// parameters too: Meta's 132000 "Number of parameters does not match…" names no template),
/// `unsupported_type` for a type it does not take; otherwise `not_sent`. These four are the
/// `reason`s a `sent: false` can have (pkg-template/clients.d.ts documents them for `send`).
fn not_sent_reason(said: &str) -> ErrorReason {
    let said = said.to_ascii_lowercase();
    if ["re-engagement", "24 hour", "24-hour", "session"].iter().any(|w| said.contains(w)) {
        ErrorReason::ReengagementRequired
    } else if ["template", "localizable_params", "number of parameters"].iter().any(|w| said.contains(w)) {
        ErrorReason::Template
    } else if said.contains("unsupported") {
        ErrorReason::UnsupportedType
    } else {
        ErrorReason::NotSent
    }
}

/// Decodes 1MSG's `{"error": "…"}` bodies.
pub fn decode_error(response: &HttpResponse) -> AnswerError {
    let Some(error) = answer_json(response).and_then(|body| body.string("error")) else {
        return unexpected_response(PROVIDER, response, "a 1MSG error body");
    };
    let (reason, retryable) = reason_for_status(response.status);
    AnswerError::Refused(Box::new(ProviderError::new(PROVIDER, response, reason, retryable, error)))
}

/// What 1MSG answered to a sent message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OneMsgSendResult {
    /// 1MSG's `sent`, always `true` here: an answer with `sent: false` is a refusal (a
    /// `ProviderError`, see `not_sent_reason`), never a result. Kept so the result is 1MSG's
    /// answer as documented (`SendMessageStatus`: `sent`, `id`, `message`, `description`).
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "true"))]
    pub sent: bool,
    /// 1MSG's message id: acks and replies (`quotedMsgId`) refer to it.
    pub message_id: String,
    /// E.g. `"Sent to 16505551234@c.us"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub description: Option<String>,
    /// What the request left out of the message by design, so the message sent differs from
    /// the one given (a `mimeType`: 1MSG reads the file's type from the file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub warnings: Vec<String>,
}

/// The values in the query of a webhook URL a request sets (setWebhook, updateSettings: its
/// `webhookUrl`): where a receiver's shared token goes, as secret as the API token, so kept
/// out of that call's errors. Values shorter than 8 bytes are no token, and too common to
/// redact.
pub fn webhook_url_secrets(body: &[u8]) -> Vec<String> {
    let Some(tree) = std::str::from_utf8(body).ok().and_then(|text| crate::json::parse(text).ok()) else {
        return Vec::new();
    };
    // `webhookUrl` is one URL or a list of them (setWebhook, updateSettings).
    let urls: Vec<&str> = match tree.get("webhookUrl") {
        Some(Json::Array(items)) => items.iter().filter_map(Json::as_str).collect(),
        Some(url) => url.as_str().into_iter().collect(),
        None => Vec::new(),
    };
    urls.into_iter()
        .filter_map(|url| url.split_once('?'))
        .flat_map(|(_, query)| query.split('#').next().unwrap_or_default().split('&'))
        .filter_map(|pair| pair.split_once('='))
        .map(|(_, value)| crate::http::form_decoded(value))
        .filter(|value| value.len() >= 8)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::SendError;

    fn config() -> OneMsgConfig {
        OneMsgConfig::new("TOK&EN".into(), "123456".into(), Some("http://127.0.0.1:9".into())).unwrap()
    }

    #[test]
    fn puts_the_token_in_the_query_and_redacts_it_everywhere() {
        let request = config().send_request(&Message::text("16505551234", "Hi")).unwrap();
        assert_eq!(request.url, "http://127.0.0.1:9/123456/sendMessage?token=TOK%26EN");
        assert_eq!(request.redacted_url(), "http://127.0.0.1:9/123456/sendMessage?token=[redacted]");
        let wrong = HttpResponse::new(
            401,
            r#"{"error":"Wrong token \"TOK&EN\" for channel \"123456\". Please provide token as a GET parameter."}"#,
        );
        let error = SendError::from(config().decode_send(&wrong).unwrap_err()).redact(config().secret());
        let SendError::Answer(AnswerError::Refused(e)) = &error else { panic!() };
        assert_eq!(e.reason, ErrorReason::InvalidToken);
        assert!(!e.message.contains("TOK&EN") && !e.raw.contains("TOK&EN"), "{e:?}");
    }

    /// A token with characters a URL encodes: every spelling of it is redacted from every
    /// text of every error (1MSG echoing it, a fetch error or a proxy page quoting the URL).
    #[test]
    fn an_encoded_token_is_redacted_too() {
        let token = "s3nt+/=% é✓";
        let config = OneMsgConfig::new(token.into(), "123456".into(), Some("http://127.0.0.1:9".into())).unwrap();
        let request = config.send_request(&Message::text("16505551234", "Hi")).unwrap();
        let encoded = "s3nt%2B%2F%3D%25%20%C3%A9%E2%9C%93";
        assert_eq!(request.url, format!("http://127.0.0.1:9/123456/sendMessage?token={encoded}"));
        assert!(!request.redacted_url().contains("s3nt") && !format!("{request:?}").contains("s3nt"));
        let spellings = [
            token.to_string(),
            encoded.to_string(),
            encoded.to_lowercase(),
            "s3nt%2B%2F%3D%25+%C3%A9%E2%9C%93".into(),
            r"s3nt+\/=% \u00e9\u2713".into(),
        ];
        for spelled in &spellings {
            let url = format!("{}/123456/sendMessage?token={spelled}", config.base_url);
            let errors = [
                SendError::from(decode_error(&HttpResponse::new(
                    401,
                    format!(r#"{{"error":"Wrong token \"{spelled}\""}}"#),
                ))),
                SendError::from(decode_error(&HttpResponse::new(
                    502,
                    format!("<html><a href=\"{url}\">{url}</a></html>"),
                ))),
                SendError::from(crate::error::TransportError {
                    message: format!("failed to fetch {url}"),
                    timed_out: false,
                }),
            ];
            for error in errors {
                let error = error.redact(config.secret());
                let shown = format!("{error} {error:?}");
                assert!(!shown.contains("s3nt") && shown.contains("[redacted]"), "{spelled}: {shown}");
            }
        }
    }

    #[test]
    fn sent_false_with_http_200_is_a_refusal() {
        let ok = HttpResponse::new(
            200,
            r#"{"sent":true,"id":"gBGG","message":"Sent to 16505551234@c.us","description":"Message has been sent to the provider"}"#,
        );
        let result = config().decode_send(&ok).unwrap();
        assert_eq!((result.message_id.as_str(), result.sent), ("gBGG", true));
        // The result is 1MSG's answer as documented, `sent` included.
        let shown = serde_json::to_string(&result).unwrap();
        assert!(shown.starts_with(r#"{"sent":true,"messageId":"gBGG""#), "{shown}");
        let refused = HttpResponse::new(200, r#"{"sent":false,"message":"Unsupported Interactive Message type"}"#);
        let AnswerError::Refused(e) = config().decode_send(&refused).unwrap_err() else { panic!() };
        assert_eq!((e.reason, e.http_status, e.retryable), (ErrorReason::UnsupportedType, 200, false));
        assert!(e.message.contains("Unsupported Interactive"));
        let closed = HttpResponse::new(
            200,
            r#"{"sent":false,"message":"Re-engagement message","description":"More than 24 hours have passed"}"#,
        );
        let AnswerError::Refused(e) = config().decode_send(&closed).unwrap_err() else { panic!() };
        assert_eq!(e.reason, ErrorReason::ReengagementRequired);
        let template = HttpResponse::new(200, r#"{"sent":false,"message":"Template not found: order_shipped"}"#);
        let AnswerError::Refused(e) = config().decode_send(&template).unwrap_err() else { panic!() };
        assert_eq!(e.reason, ErrorReason::Template);
        let params = HttpResponse::new(
            200,
            r#"{"sent":false,"message":"body: number of localizable_params (0) does not match the expected number of params (3)","description":"Number of parameters does not match the expected number of params"}"#,
        );
        let AnswerError::Refused(e) = config().decode_send(&params).unwrap_err() else { panic!() };
        assert_eq!(e.reason, ErrorReason::Template);
        let other = HttpResponse::new(200, r#"{"sent":false}"#);
        let AnswerError::Refused(e) = config().decode_send(&other).unwrap_err() else { panic!() };
        assert_eq!(e.reason, ErrorReason::NotSent);
    }

    #[test]
    fn media_downloads_need_no_client_and_never_carry_the_token() {
        let link = "https://files.example/media/invoice.pdf";
        let plain = OneMsgMedia.download_request(link).unwrap();
        assert_eq!((plain.method, plain.url.as_str(), plain.headers.len()), (Method::Get, link, 0));
        // The client's download is the same request: the token goes nowhere near the link's host.
        assert_eq!(config().download_request(link).unwrap(), plain);
        assert!(OneMsgMedia.download_request("ftp://files.example/a").is_err());
        let mut file = HttpResponse::new(200, "%PDF");
        file.headers.push(("content-type".into(), "application/pdf".into()));
        assert_eq!(
            OneMsgMedia.decode_download(link, &file).unwrap(),
            Downloaded::File(b"%PDF".to_vec(), "application/pdf".into())
        );
        let gone = OneMsgMedia.decode_download(link, &HttpResponse::new(404, "not found")).unwrap_err();
        assert!(matches!(&gone, AnswerError::Unexpected(u) if u.http_status == 404), "{gone:?}");
    }
}

#[cfg(test)]
mod endpoints {
    use super::*;

    fn config() -> OneMsgConfig {
        OneMsgConfig::new("TOKEN".into(), "123456".into(), Some("http://127.0.0.1:9".into())).unwrap()
    }

    #[test]
    fn files_go_as_multipart_forms_with_their_fields_checked_as_json() {
        let request = config()
            .form_request(
                "sendFile",
                r#"{"phone":16505551234,"caption":"Invoice"}"#,
                &FilePart::Bytes(b"%PDF-1.4"),
                "application/pdf",
                "inv.pdf",
            )
            .unwrap();
        assert!(request.url.ends_with("/123456/sendFile?token=TOKEN"), "{}", request.url);
        let body = String::from_utf8(request.body.clone().unwrap()).unwrap();
        for part in [
            "name=\"phone\"\r\n\r\n16505551234",
            "name=\"caption\"\r\n\r\nInvoice",
            "name=\"body\"; filename=\"inv.pdf\"",
            "%PDF-1.4",
        ] {
            assert!(body.contains(part), "{part} in {body}");
        }
        let refused = config().form_request(
            "sendFile",
            r#"{"phone":"+16505551234"}"#,
            &FilePart::Bytes(b"%PDF"),
            "application/pdf",
            "a.pdf",
        );
        assert!(matches!(refused, Err(BodyError::Invalid(v)) if v[0].path == "/phone"));
        let not_media = config().form_request(
            "sendFile",
            r#"{"phone":"16505551234"}"#,
            &FilePart::Bytes(b"x"),
            "text/x-python",
            "a.py",
        );
        assert!(matches!(not_media, Err(BodyError::Invalid(_))));
        let photo =
            config().form_request("me", r#"{"about":"Hi"}"#, &FilePart::Bytes(b"%PDF"), "application/pdf", "a.pdf");
        assert_eq!(photo.unwrap_err().code(), "ERR_ARGUMENT");
        assert!(
            config()
                .form_request("me", r#"{"about":"Hi"}"#, &FilePart::Bytes(b"\x89PNG"), "image/png", "logo.png")
                .is_ok()
        );
        assert_eq!(
            config().form_request("sendList", "{}", &FilePart::Bytes(b"x"), "image/png", "a.png").unwrap_err().code(),
            "ERR_ARGUMENT"
        );
    }

    #[test]
    fn every_endpoint_builds_its_request_after_checking_its_argument() {
        let get = config().call_request("hookInfo", Some(r#"{"messageId":"gBG 1"}"#)).unwrap();
        assert_eq!(
            (get.method, get.url.as_str()),
            (Method::Get, "http://127.0.0.1:9/123456/hookInfo?token=TOKEN&messageId=gBG%201")
        );
        let Err(BodyError::Invalid(v)) = config().call_request("hookInfo", Some("{}")) else { panic!() };
        assert_eq!(v[0].path, "/messageId");
        let Err(BodyError::Invalid(v)) = config().call_request("statistics", Some(r#"{"date":"13.2026","x":1}"#))
        else {
            panic!()
        };
        let found: Vec<_> = v.iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(found, [("/date", ViolationCode::InvalidFormat), ("/x", ViolationCode::UnknownField)]);
        let post =
            config().call_request("setWebhook", Some(r#"{"webhookUrl":"https://hooks.example.com/1msg"}"#)).unwrap();
        assert_eq!(post.method, Method::Post);
        assert_eq!(post.body.as_deref(), Some(&br#"{"webhookUrl":"https://hooks.example.com/1msg"}"#[..]));
        let Err(BodyError::Invalid(v)) =
            config().call_request("updateMe", Some(&format!(r#"{{"description":"{}"}}"#, "x".repeat(257))))
        else {
            panic!()
        };
        assert_eq!((v[0].path.as_str(), v[0].limit), ("/description", Some(256.0)));
        let delete = config().call_request("deleteMedia", Some(r#""1037543291543636""#)).unwrap();
        assert_eq!(delete.url, "http://127.0.0.1:9/123456/media/1037543291543636?token=TOKEN");
        assert!(config().call_request("deleteMedia", Some(r#""../x""#)).is_err());
        assert_eq!(config().call_request("sendFax", None).unwrap_err().code(), "ERR_ARGUMENT");
        // A sent template's language is any code (Meta's newer ones too); an empty one is refused.
        let template = |code: &str| {
            format!(
                r#"{{"phone":"12020721369","namespace":"ns","template":"t","language":{{"policy":"deterministic","code":"{code}"}}}}"#
            )
        };
        assert!(config().send_body_request("sendTemplate", &template("ml")).is_ok());
        let Err(BodyError::Invalid(v)) = config().send_body_request("sendTemplate", &template("")) else { panic!() };
        assert_eq!(v[0].path, "/language/code");
        assert!(config().send_body_request("me", "{}").is_err());
        // POST /commerce wraps what the caller gives in `params`; violations point into it.
        let commerce =
            config().call_request("updateCommerce", Some(r#"{"is_cart_enabled":true,"is_catalog_visible":false}"#));
        assert_eq!(
            commerce.unwrap().body.as_deref(),
            Some(&br#"{"params":{"is_cart_enabled":true,"is_catalog_visible":false}}"#[..])
        );
        let Err(BodyError::Invalid(v)) =
            config().call_request("updateCommerce", Some(r#"{"is_catalog_visible":"yes"}"#))
        else {
            panic!()
        };
        let found: Vec<_> = v.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(found, ["/is_catalog_visible", "/is_cart_enabled"]);
        let Err(BodyError::Invalid(v)) = config().call_request("updateCommerce", Some("[]")) else { panic!() };
        assert_eq!((v[0].path.as_str(), v[0].message.as_str()), ("", "must be an object, not an array"));
    }

    #[test]
    fn answers_pass_through_and_errors_are_refusals() {
        let status = HttpResponse::new(200, r#"{"status":"connected"}"#);
        assert_eq!(config().decode_call(&status).unwrap(), r#"{"status":"connected"}"#);
        let refused = HttpResponse::new(200, r#"{"error":"Channel is not authorized"}"#);
        assert!(matches!(config().decode_call(&refused), Err(AnswerError::Refused(_))));
        assert!(config().decode_call(&HttpResponse::new(500, "<html>")).is_err());
    }
}

#[cfg(test)]
mod uploads {
    use super::*;

    #[test]
    fn a_file_goes_up_as_the_body_field_of_a_form_after_the_media_rules() {
        let config = OneMsgConfig::new("TOKEN".into(), "123456".into(), None).unwrap();
        let request =
            config.upload_file_request(&FilePart::Bytes(b"%PDF-1.4"), "application/pdf", "invoice.pdf").unwrap();
        assert!(request.url.starts_with("https://api.1msg.io/123456/uploadMedia?token="));
        let body = String::from_utf8(request.body.unwrap()).unwrap();
        assert!(body.contains("name=\"body\"; filename=\"invoice.pdf\"\r\nContent-Type: application/pdf"), "{body}");
        let Err(BodyError::Invalid(v)) = config.upload_file_request(&FilePart::Bytes(b"GIF89a"), "image/gif", "a.gif")
        else {
            panic!()
        };
        assert_eq!(v[0].path, "/type");
    }
}
