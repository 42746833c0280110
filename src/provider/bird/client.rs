//! Request building and response decoding for `BirdClient` (sans-IO).

use super::model::BirdRequest;
use super::read::DELIVERY_FIELDS;
use super::{PROVIDER, read_request, schedule_warning, serialize, write_request};
use crate::error::{AnswerError, BodyError, ErrorReason, FieldError, ProviderCode, ProviderError};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::json::JsonWriter;
use crate::message::Message;
use crate::provider::download::{self, Downloaded, MediaHosts};
use crate::provider::{
    AnyClient, Provider, ProviderClient, answer_json, base_url, reason_for_status, undocumented_success,
    unexpected_response,
};
use crate::validate::is_uuid;
use crate::validate::{Json, parse_tree};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Bird's API host.
pub const DEFAULT_BASE_URL: &str = "https://api.bird.com";

/// Where and as whom a `BirdClient` sends. `Debug` never prints the access key.
#[derive(Clone, PartialEq)]
pub struct BirdConfig {
    pub access_key: String,
    pub workspace_id: String,
    pub channel_id: String,
    pub base_url: String,
}

impl fmt::Debug for BirdConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BirdConfig")
            .field("access_key", &"[redacted]")
            .field("workspace_id", &self.workspace_id)
            .field("channel_id", &self.channel_id)
            .field("base_url", &self.base_url)
            .finish()
    }
}

/// A Bird id that goes into a URL path: a UUID.
fn uuid(what: &str, value: String) -> Result<String, BodyError> {
    if !is_uuid(&value) {
        return Err(BodyError::argument(format!("{what} must be a UUID (8-4-4-4-12 hex digits; got {value:?})")));
    }
    Ok(value)
}

impl BirdConfig {
    pub fn new(
        access_key: String,
        workspace_id: String,
        channel_id: String,
        base: Option<String>,
    ) -> Result<Self, BodyError> {
        if access_key.trim().is_empty() {
            return Err(BodyError::argument("BirdClient needs an accessKey (a Bird access key)"));
        }
        Ok(BirdConfig {
            access_key,
            workspace_id: uuid("workspaceId", workspace_id)?,
            channel_id: uuid("channelId", channel_id)?,
            base_url: base_url(base, DEFAULT_BASE_URL)?,
        })
    }

    fn channel_url(&self) -> String {
        format!("{}/workspaces/{}/channels/{}", self.base_url, self.workspace_id, self.channel_id)
    }

    fn authorized(&self, request: HttpRequest) -> HttpRequest {
        request.header("Authorization", format!("AccessKey {}", self.access_key))
    }

    fn post(&self, body: String) -> HttpRequest {
        self.authorized(HttpRequest::new(Method::Post, format!("{}/messages", self.channel_url()))).json_body(body)
    }

    /// `send(message, options)`: the neutral message as Bird's body, with Bird's delivery
    /// options (`reference`, `scheduledFor`, `tags`, `useCase`, …; JSON) set on it. The whole
    /// request is then read back as Bird reads it, so options are checked as strictly as a
    /// Bird body is, at their pointers in it.
    pub fn send_with_options(&self, message: &Message, options: Option<&str>) -> Result<HttpRequest, BodyError> {
        let body = serialize(message)?;
        let Some(options) = options else { return Ok(self.post(body)) };
        let tree = parse_tree(options).map_err(|v| BodyError::Invalid(vec![v]))?;
        let Json::Object(fields) = &tree else { return Err(BodyError::argument("send options must be an object")) };
        if let Some((key, _)) = fields.iter().find(|(k, _)| k != "useCase" && !DELIVERY_FIELDS.contains(&k.as_ref())) {
            return Err(BodyError::argument(format!(
                "unknown Bird send option {key:?}: expected useCase, {}",
                DELIVERY_FIELDS.join(", ")
            )));
        }
        // The message's body already sets some top-level fields (`reference`, from
        // `callbackData`): an option naming one of them again would write the key twice, which
        // is not JSON. The same value twice says one thing and is taken once; two values are a
        // conflict only the caller can settle.
        let written = parse_tree(&body).map_err(|v| BodyError::Invalid(vec![v]))?;
        let mut conflicts = Vec::new();
        let mut extra = JsonWriter::new();
        extra.item_obj(|w| {
            for (key, value) in fields {
                // `useCase` lives in `meta`, which a neutral message never writes; should it
                // one day, a `meta` without the same use case is a conflict too.
                let given = match key.as_ref() {
                    "useCase" => written
                        .get("meta")
                        .map(|meta| meta.get("extraInformation").and_then(|e| e.get("useCase")).unwrap_or(&Json::Null)),
                    _ => written.get(key),
                };
                match given {
                    None if key == "useCase" => w.obj("meta", |w| {
                        w.obj("extraInformation", |w| w.raw("useCase", &value.to_value().to_string()))
                    }),
                    None => w.raw(key, &value.to_value().to_string()),
                    Some(given) if given == value => {}
                    Some(given) => conflicts.push(option_conflict(key, given, value)),
                }
            }
        });
        if !conflicts.is_empty() {
            return Err(BodyError::Invalid(conflicts));
        }
        let extra = extra.finish();
        // Both are JSON objects written here, without a key in common: join them into one.
        let merged = if extra == "{}" { body } else { format!("{},{}", &body[..body.len() - 1], &extra[1..]) };
        let request = read_request(&merged)?;
        Ok(self.post(write_request(&request)?))
    }

    /// `sendBody(body)`: a Bird request body of your own (templates, several images,
    /// postbacks, …), validated as Bird reads it and sent as written back.
    pub fn send_body_request(&self, body: &str) -> Result<HttpRequest, BodyError> {
        let request: BirdRequest = read_request(body)?;
        Ok(self.post(write_request(&request)?))
    }

    /// Decodes the answer to a send whose request body `sent` gives. A message scheduled in the
    /// past or less than 10 minutes ahead is sent at once: a warning. Bird's 202 may leave out
    /// `scheduledFor` and `createdAt`; the request's own `scheduledFor`, measured from `now_ms`
    /// (the clock when the answer came), says it then. `sent` is only called then: the body
    /// is not copied out of JS for an answer that says it all.
    pub fn decode_send_for(
        &self,
        response: &HttpResponse,
        sent: impl FnOnce() -> Option<String>,
        now_ms: Option<f64>,
    ) -> Result<BirdSendResult, AnswerError> {
        if !response.is_success() {
            return Err(decode_error(response));
        }
        // The 202 body is the created message; only what a sender needs is read.
        let created = answer_json(response);
        let id = |c: &Json<'_>| c.string("id").filter(|id| !id.is_empty());
        let status = |c: &Json<'_>| c.string("status").filter(|s| !s.is_empty());
        let Some((created, message_id, status)) = created.as_ref().and_then(|c| Some((c, id(c)?, status(c)?))) else {
            return Err(undocumented_success(PROVIDER, response, "message object {id, status}"));
        };
        let failure = created.get("failure").filter(|f| matches!(f, Json::Object(_))).map(|f| BirdFailure {
            code: f.get("code").and_then(Json::as_i64),
            description: f.string("description"),
            source_code: f.get("source").and_then(|s| s.string("code")),
            source_name: f.get("source").and_then(|s| s.string("name")),
        });
        let reason = created.string("reason").filter(|r| !r.is_empty());
        // Accepted (202) but refused at once — rejected, failed, or skipped (a frequency cap):
        // not sent, which a caller must not take for sent.
        let refused = match status.as_str() {
            "rejected" => Some("rejected"),
            "sending_failed" => Some("not sent (sending failed)"),
            "delivery_failed" => Some("not delivered (delivery failed)"),
            "skipped" => Some("skipped, not sent"),
            _ => None,
        };
        if let Some(refused) = refused {
            // As its status webhook's error says it: the failure's description, else the reason.
            let said =
                failure.as_ref().and_then(|f| f.description.clone()).filter(|d| !d.is_empty()).or(reason.clone());
            let mut error = ProviderError::new(
                PROVIDER,
                response,
                ErrorReason::NotSent,
                false,
                format!("the message was {refused}: {}", said.as_deref().unwrap_or("Bird gave no reason")),
            );
            error.provider_code = failure.as_ref().and_then(|f| f.code).map(ProviderCode::Number);
            error.details = created.string("details").filter(|d| !d.is_empty());
            return Err(AnswerError::Refused(Box::new(error)));
        }
        let scheduled_for = created.string("scheduledFor");
        // The request is read again only when it schedules and the answer does not say when.
        let requested = || {
            let sent = sent().filter(|body| body.contains("\"scheduledFor\""))?;
            parse_tree(&sent).ok()?.string("scheduledFor")
        };
        let when = scheduled_for.clone().or_else(requested);
        let warnings = when.and_then(|at| {
            let created_at = created.string("createdAt").and_then(|c| crate::clock::parse_rfc3339(&c));
            let delivery = super::model::Delivery { scheduled_for: Some(at), ..Default::default() };
            schedule_warning(&delivery, created_at.or(now_ms))
        });
        Ok(BirdSendResult {
            message_id,
            status,
            channel_id: created.string("channelId"),
            created_at: created.string("createdAt"),
            scheduled_for,
            reason,
            failure,
            warnings: warnings.into_iter().collect(),
        })
    }

    /// `GET /workspaces/{ws}/channels/{ch}/contacts/{contactId}?contactIdentifierValue=…`:
    /// the contact's customer-care (service) window on this channel.
    pub fn contact_channel_request(
        &self,
        contact_id: &str,
        identifier_value: Option<&str>,
    ) -> Result<HttpRequest, BodyError> {
        let contact_id = uuid("contactId", contact_id.to_string())?;
        let mut url = format!("{}/contacts/{contact_id}", self.channel_url());
        if let Some(value) = identifier_value {
            url.push_str("?contactIdentifierValue=");
            url.push_str(&crate::http::url::query_value(value));
        }
        Ok(self.authorized(HttpRequest::new(Method::Get, url)))
    }

    /// Decodes the contact channel, judging the window at `now_ms`.
    pub fn decode_contact_channel(
        &self,
        response: &HttpResponse,
        now_ms: Option<f64>,
    ) -> Result<ContactChannel, AnswerError> {
        if !response.is_success() {
            return Err(decode_error(response));
        }
        let Some(found) = answer_json(response).filter(|j| matches!(j, Json::Object(_))) else {
            return Err(undocumented_success(PROVIDER, response, "contact channel object"));
        };
        let expires_at = found.string("serviceWindowExpireAt");
        let permanent = matches!(found.get("isPermanentSession"), Some(Json::Bool(true)));
        let expires_ms = expires_at.as_deref().and_then(crate::clock::parse_rfc3339);
        let open = permanent || matches!((expires_ms, now_ms), (Some(at), Some(now)) if at > now);
        let metadata = match found.get("metadata") {
            Some(Json::Object(fields)) => {
                fields.iter().filter_map(|(k, v)| Some((k.to_string(), v.as_str()?.to_string()))).collect()
            }
            _ => Vec::new(),
        };
        Ok(ContactChannel {
            service_window_expire_at: expires_at,
            is_permanent_session: permanent,
            metadata,
            service_window_open: open,
            template_required: !open,
        })
    }
}

impl ProviderClient for BirdConfig {
    type SendResult = BirdSendResult;

    /// `POST /workspaces/{workspaceId}/channels/{channelId}/messages`, `Authorization: AccessKey …`.
    fn send_request(&self, message: &Message) -> Result<HttpRequest, BodyError> {
        self.send_with_options(message, None)
    }

    fn decode_send(&self, response: &HttpResponse) -> Result<BirdSendResult, AnswerError> {
        self.decode_send_for(response, || None, crate::clock::now_ms())
    }
}

impl AnyClient for BirdConfig {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn secret(&self) -> &str {
        &self.access_key
    }

    /// `GET <mediaUrl>` with the access key: only to Bird's media hosts over https
    /// (`media.api.bird.com`, `media.nest.messagebird.com`) or exactly `baseUrl`'s origin.
    /// The answer is a redirect to the file's storage, which the client follows without it.
    fn download_request(&self, url: &str) -> Result<HttpRequest, BodyError> {
        Ok(self.authorized(MEDIA_HOSTS.credentialed_get(url, &self.base_url)?))
    }

    fn decode_download(&self, url: &str, response: &HttpResponse) -> Result<Downloaded, AnswerError> {
        download::decode(PROVIDER.name(), url, response, decode_error)
    }
}

/// Where the access key may go with a media URL: Bird's media hosts, under these domains.
const MEDIA_HOSTS: MediaHosts = MediaHosts { provider: PROVIDER, domains: &["bird.com", "messagebird.com"] };

/// A send option that sets a field the message sets too, to another value (`reference`
/// and the message's `callbackData`), at the field's pointer in the request.
fn option_conflict(key: &str, given: &Json<'_>, option: &Json<'_>) -> crate::validate::Violation {
    let neutral = if key == "reference" { "the message's callbackData" } else { "the message" };
    let (given, option) = (given.to_value().to_string(), option.to_value().to_string());
    crate::validate::Violation {
        path: format!("/{}", if key == "useCase" { "meta/extraInformation/useCase" } else { key }),
        code: crate::validate::ViolationCode::InvalidValue,
        message: format!(
            "{key} is given twice: {neutral} sets it to {given}, the send option to {option}; give one of them"
        ),
        limit: None,
    }
}

/// Bird's 422 `details` name fields as `.receiver.contacts[0].identifierValue` (or without
/// the leading dot, or `$.`-rooted), with bracketed keys where a key holds a dot
/// (`.meta.extraInformation["a.b"]`): the JSON pointer of the same field. A key that is
/// already a JSON pointer (`/body/text/text`) is kept as it is.
pub fn pointer_of(bird_path: &str) -> String {
    if bird_path.starts_with('/') {
        return bird_path.to_string();
    }
    let mut pointer = String::new();
    // The key being read, pushed (escaped) at each `.` or `[`; an empty one (a leading dot)
    // is no segment.
    let mut key = String::new();
    let mut chars = bird_path.strip_prefix('$').unwrap_or(bird_path).chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' | '[' => {
                if !key.is_empty() {
                    crate::validate::push_key(&mut pointer, &std::mem::take(&mut key));
                }
                if c == '.' {
                    continue;
                }
                // `[0]`, `["a.b"]` or `['a.b']`: an index or a quoted key (`\` escapes in it).
                let segment = match chars.peek().copied() {
                    Some(quote @ ('"' | '\'')) => {
                        chars.next();
                        let mut quoted = String::new();
                        while let Some(q) = chars.next() {
                            match q {
                                '\\' => quoted.extend(chars.next()),
                                q if q == quote => break,
                                q => quoted.push(q),
                            }
                        }
                        // Up to the closing bracket.
                        for rest in chars.by_ref() {
                            if rest == ']' {
                                break;
                            }
                        }
                        quoted
                    }
                    _ => chars.by_ref().take_while(|&i| i != ']').collect(),
                };
                crate::validate::push_key(&mut pointer, &segment);
            }
            c => key.push(c),
        }
    }
    if !key.is_empty() {
        crate::validate::push_key(&mut pointer, &key);
    }
    pointer
}

/// Decodes Bird's `{code, message, details?}` error bodies.
pub fn decode_error(response: &HttpResponse) -> AnswerError {
    // `{code, message}` (400, 404, 409) and `{code, message, details}` (422), where
    // `details` maps a field's path to its complaints.
    let body = answer_json(response);
    let Some((error, code)) = body.as_ref().and_then(|e| Some((e, e.string("code")?))) else {
        return status_error(response).unwrap_or_else(|| unexpected_response(PROVIDER, response, "a Bird error body"));
    };
    let (reason, retryable) = reason_for_status(response.status);
    let fields: Vec<FieldError> = match error.get("details") {
        Some(Json::Object(fields)) => fields
            .iter()
            .map(|(path, complaints)| FieldError {
                path: pointer_of(path),
                messages: match complaints {
                    Json::Array(items) => items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect(),
                    other => other.as_str().map(str::to_string).into_iter().collect(),
                },
            })
            .collect(),
        _ => Vec::new(),
    };
    let details = (!fields.is_empty()).then(|| {
        fields.iter().map(|f| format!("{}: {}", f.path, f.messages.join(", "))).collect::<Vec<_>>().join("; ")
    });
    let mut message = error.string("message").unwrap_or_default();
    if let Some(details) = &details {
        message = format!("{message} ({details})");
    }
    let mut provider_error = ProviderError::new(PROVIDER, response, reason, retryable, format!("{code}: {message}"));
    provider_error.provider_code = Some(ProviderCode::Text(code));
    provider_error.details = details;
    provider_error.fields = fields;
    AnswerError::Refused(Box::new(provider_error))
}

/// A 401 or 413 without Bird's error body (empty, or a proxy's HTML page): these statuses
/// say what went wrong whoever answered (the access key was refused; the request is too
/// large), so they are the same typed errors as with Bird's body. Other statuses without it
/// (a proxy's 404 or 400) say nothing sure about the message and stay unexpected answers.
fn status_error(response: &HttpResponse) -> Option<AnswerError> {
    let what = match response.status {
        401 => "the access key was refused (check accessKey, and that it may use this workspace)",
        413 => "the request is too large (Bird takes at most 200 KB, and 100 KB per inline attachment)",
        _ => return None,
    };
    let (reason, retryable) = reason_for_status(response.status);
    let message = format!("HTTP {} without a Bird error body: {what}", response.status);
    Some(AnswerError::Refused(Box::new(ProviderError::new(PROVIDER, response, reason, retryable, message))))
}

/// What Bird answered to an accepted message (its 202 message object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BirdSendResult {
    /// Bird's message id (a UUID): status webhooks and replies refer to it.
    pub message_id: String,
    /// accepted, rejected, processing, scheduled, sent, sending_failed, delivered,
    /// delivery_failed, deleted or skipped.
    #[cfg_attr(feature = "wasm", tsify(type = "BirdMessageStatus"))]
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub channel_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub scheduled_for: Option<String>,
    /// Why the message was rejected or failed, in Bird's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub failure: Option<BirdFailure>,
    /// What Bird does differently from what was asked: a message scheduled in the past or
    /// less than 10 minutes ahead is sent at once; what `send` changed or left out of the
    /// message by design (a sticker goes as an image, an image's `mimeType` is not sent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub warnings: Vec<String>,
}

/// Bird's `failure`: its own code, and the step (`source.name`, e.g. "whatsapp") and code
/// where delivery failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BirdFailure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub code: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub source_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub source_name: Option<String>,
}

/// A contact on the channel: its customer-care (service) window. Outside it, WhatsApp takes
/// templates only.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ContactChannel {
    /// When the window closes (RFC 3339); `null` when there is none.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub service_window_expire_at: Option<String>,
    pub is_permanent_session: bool,
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, string>"))]
    #[serde(serialize_with = "pairs_as_object")]
    pub metadata: Vec<(String, String)>,
    /// Whether a free-form (non-template) message may be sent now.
    pub service_window_open: bool,
    /// Whether only a template may be sent now (the window is closed or unknown).
    pub template_required: bool,
}

fn pairs_as_object<S: serde::Serializer>(pairs: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorReason;

    const WS: &str = "7a9f1c2e-0000-4000-a000-000000000001";
    const CH: &str = "8e046034-0000-4000-a000-000000000002";

    fn config() -> BirdConfig {
        BirdConfig::new("KEY-SECRET".into(), WS.into(), CH.into(), Some("http://127.0.0.1:9".into())).unwrap()
    }

    #[test]
    fn builds_the_send_request_with_an_access_key() {
        let request = config().send_request(&Message::text("16505551234", "Hi")).unwrap();
        assert_eq!(request.url, format!("http://127.0.0.1:9/workspaces/{WS}/channels/{CH}/messages"));
        assert!(request.headers.contains(&("Authorization".into(), "AccessKey KEY-SECRET".into())));
        assert!(!format!("{:?} {request:?}", config()).contains("KEY-SECRET"));
        assert!(BirdConfig::new("k".into(), "ws/..".into(), CH.into(), None).is_err());
        assert!(BirdConfig::new("k".into(), WS.into(), "ch-1".into(), None).is_err());
    }

    #[test]
    fn decodes_202_and_error_bodies() {
        let ok = HttpResponse::new(
            202,
            r#"{"id":"a825","channelId":"8e04","status":"accepted","createdAt":"2025-10-22T23:51:43.352Z"}"#,
        );
        let result = config().decode_send(&ok).unwrap();
        assert_eq!((result.message_id.as_str(), result.status.as_str()), ("a825", "accepted"));
        let invalid = HttpResponse::new(
            422,
            r#"{"code":"InvalidPayload","message":"One or more fields provided in the request body are malformed","details":{".body.type":["Invalid value"]}}"#,
        );
        let AnswerError::Refused(e) = config().decode_send(&invalid).unwrap_err() else { panic!() };
        assert_eq!(e.reason, ErrorReason::InvalidParameter);
        assert_eq!(e.details.as_deref(), Some("/body/type: Invalid value"));
        assert_eq!(e.fields[0].path, "/body/type");
        assert_eq!(pointer_of(".receiver.contacts[0].identifierValue"), "/receiver/contacts/0/identifierValue");
        assert_eq!(pointer_of("body.list.items[1].actions[0]"), "/body/list/items/1/actions/0");
        // Keys already in pointer form, and quoted bracket keys holding a dot, `/` or `~`.
        assert_eq!(pointer_of("/body/text/text"), "/body/text/text");
        assert_eq!(pointer_of(r#".meta.extraInformation["a.b"]"#), "/meta/extraInformation/a.b");
        assert_eq!(pointer_of(r#"meta.extraInformation['a/b~c'].x"#), "/meta/extraInformation/a~1b~0c/x");
        assert_eq!(pointer_of(r#"$.tags[2]"#), "/tags/2");
        assert_eq!(pointer_of(r#"meta["say \"hi\""][0]"#), r#"/meta/say "hi"/0"#);
        assert_eq!(pointer_of(r#"meta["unterminated"#), "/meta/unterminated");
        assert_eq!(e.provider_code, Some(ProviderCode::Text("InvalidPayload".into())));
        for (status, reason) in
            [(404, ErrorReason::NotFound), (409, ErrorReason::Conflict), (413, ErrorReason::PayloadTooLarge)]
        {
            let AnswerError::Refused(e) = decode_error(&HttpResponse::new(status, r#"{"code":"X","message":"m"}"#))
            else {
                panic!()
            };
            assert_eq!(e.reason, reason);
        }
        assert_eq!(decode_error(&HttpResponse::new(502, "<html>")).code(), "ERR_UNEXPECTED_RESPONSE");
        // 401 and 413 mean the same without Bird's body (empty, or a proxy's page).
        for (status, body, reason) in [
            (401, "", ErrorReason::InvalidToken),
            (401, "<html><body>Unauthorized</body></html>", ErrorReason::InvalidToken),
            (413, "", ErrorReason::PayloadTooLarge),
            (413, "<html>413 Request Entity Too Large</html>", ErrorReason::PayloadTooLarge),
        ] {
            let AnswerError::Refused(e) = decode_error(&HttpResponse::new(status, body)) else {
                panic!("{status} {body:?} must be a provider error")
            };
            assert_eq!((e.reason, e.http_status, e.retryable), (reason, status, false));
        }
        assert_eq!(decode_error(&HttpResponse::new(404, "<html>")).code(), "ERR_UNEXPECTED_RESPONSE");
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use crate::validate::ViolationCode;

    const WS: &str = "7a9f1c2e-0000-4000-a000-000000000001";
    const CH: &str = "8e046034-0000-4000-a000-000000000002";
    const CONTACT: &str = "3f2a1b4c-0000-4000-a000-00000000000a";

    fn config() -> BirdConfig {
        BirdConfig::new("KEY".into(), WS.into(), CH.into(), None).unwrap()
    }

    #[test]
    fn send_options_are_checked_as_bird_checks_them() {
        let message = Message::text("+31612345678", "Sale!");
        let options =
            r#"{"useCase":"marketing","capFrequency":true,"tags":["summer"],"reference":"r-1","validity":3600}"#;
        let request = config().send_with_options(&message, Some(options)).unwrap();
        let body: serde_json::Value = serde_json::from_slice(request.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["meta"]["extraInformation"]["useCase"], "marketing");
        assert_eq!((body["capFrequency"].as_bool(), body["validity"].as_i64()), (Some(true), Some(3600)));
        let Err(BodyError::Invalid(v)) = config().send_with_options(&message, Some(r#"{"capFrequency":true}"#)) else {
            panic!()
        };
        assert_eq!(v[0].path, "/capFrequency");
        assert_eq!(config().send_with_options(&message, Some(r#"{"tagz":[]}"#)).unwrap_err().code(), "ERR_ARGUMENT");
    }

    /// A reference given as the message's callbackData and as a send option: one value is
    /// taken once, two values are a conflict at /reference, never a body with the key twice.
    #[test]
    fn a_reference_given_twice_is_one_value_or_a_conflict() {
        let message = Message { callback_data: Some("A".into()), ..Message::text("+31612345678", "Hi") };
        let Err(BodyError::Invalid(v)) = config().send_with_options(&message, Some(r#"{"reference":"B"}"#)) else {
            panic!("two references must be refused")
        };
        assert_eq!((v.len(), v[0].path.as_str(), v[0].code), (1, "/reference", ViolationCode::InvalidValue));
        assert!(v[0].message.contains("\"A\"") && v[0].message.contains("\"B\""), "{}", v[0].message);
        let same = config().send_with_options(&message, Some(r#"{"reference":"A","tags":["x"]}"#)).unwrap();
        let body: serde_json::Value = serde_json::from_slice(same.body.as_deref().unwrap()).unwrap();
        assert_eq!((body["reference"].as_str(), body["tags"][0].as_str()), (Some("A"), Some("x")));
        // Every other option beside a callbackData: no key is written twice.
        let all = r#"{"useCase":"marketing","capFrequency":true,"enableLinkTracking":true,"ignoreQuietHours":true,"ignoreGlobalHoldout":true,"tags":["a"],"shortLinks":{"domain":"default"},"validity":60}"#;
        assert!(config().send_with_options(&message, Some(all)).is_ok());
    }

    /// A 202 whose message was refused at once is an error that says so, not a result a caller
    /// could take for a sent message; one without the status Bird always gives is not made up.
    #[test]
    fn a_message_rejected_in_the_answer_is_an_error_and_a_status_is_never_invented() {
        for status in ["rejected", "sending_failed"] {
            let answer = format!(
                r#"{{"id":"a825","status":"{status}","reason":"blocked","failure":{{"code":21,"description":"the receiver blocked the sender"}},"details":"spam"}}"#
            );
            let Err(AnswerError::Refused(e)) = config().decode_send(&HttpResponse::new(202, answer)) else {
                panic!("{status}: not refused")
            };
            assert_eq!((e.reason, e.http_status, e.retryable), (ErrorReason::NotSent, 202, false));
            assert_eq!(e.provider_code, Some(ProviderCode::Number(21)));
            assert_eq!(e.details.as_deref(), Some("spam"));
            assert!(e.message.contains("the receiver blocked the sender"), "{}", e.message);
        }
        for answer in [r#"{"id":"a825"}"#, r#"{"id":"a825","status":null}"#, r#"{"id":"a825","status":5}"#] {
            let result = config().decode_send(&HttpResponse::new(202, answer));
            assert!(matches!(result, Err(AnswerError::Unexpected(_))), "{answer}: {result:?}");
        }
        let scheduled = config().decode_send(&HttpResponse::new(202, r#"{"id":"a825","status":"scheduled"}"#));
        assert_eq!(scheduled.unwrap().status, "scheduled");
    }

    /// Bird's 202 without `scheduledFor` and `createdAt`: the request's own `scheduledFor`,
    /// from the clock, still says whether the message goes out at once.
    #[test]
    fn a_schedule_the_answer_does_not_echo_still_warns() {
        let now = crate::clock::parse_rfc3339("2026-12-01T00:00:00Z");
        let bare = HttpResponse::new(202, r#"{"id":"a825","status":"accepted"}"#);
        let sent = |at: &str| {
            format!(
                r#"{{"receiver":{{"contacts":[{{"identifierValue":"+31612345678"}}]}},"body":{{"type":"text","text":{{"text":"x"}}}},"scheduledFor":"{at}"}}"#
            )
        };
        let warned = |body: &str, answer: &HttpResponse| {
            config().decode_send_for(answer, || Some(body.to_string()), now).unwrap().warnings.len()
        };
        assert_eq!(warned(&sent("2026-12-01T00:05:00Z"), &bare), 1, "5 minutes ahead");
        assert_eq!(warned(&sent("2026-11-30T00:00:00Z"), &bare), 1, "in the past");
        assert_eq!(warned(&sent("2026-12-01T01:00:00Z"), &bare), 0, "an hour ahead");
        assert_eq!(config().decode_send_for(&bare, || None, now).unwrap().warnings.len(), 0);
        // The answer's createdAt, when given, is the time it is measured from.
        let created = HttpResponse::new(202, r#"{"id":"a825","status":"accepted","createdAt":"2026-12-01T00:58:00Z"}"#);
        assert_eq!(warned(&sent("2026-12-01T01:00:00Z"), &created), 1);
    }

    #[test]
    fn decodes_the_message_and_the_service_window() {
        let created = HttpResponse::new(
            202,
            r#"{"id":"a825","channelId":"8e04","status":"scheduled","createdAt":"2026-12-01T00:00:00Z","scheduledFor":"2026-12-01T00:05:00Z","reason":"","failure":{"code":21,"description":"x","source":{"code":"131047","name":"whatsapp"}}}"#,
        );
        let result = config().decode_send(&created).unwrap();
        assert_eq!(result.status, "scheduled");
        assert_eq!(result.warnings.len(), 1);
        assert_eq!(result.failure.unwrap().source_code.as_deref(), Some("131047"));
        let request = config().contact_channel_request(CONTACT, Some("+31 6")).unwrap();
        assert!(request.url.ends_with(&format!("/channels/{CH}/contacts/{CONTACT}?contactIdentifierValue=%2B31%206")));
        assert!(config().contact_channel_request("../x", None).is_err());
        let now = crate::clock::parse_rfc3339("2026-12-01T00:00:00Z");
        let window = |body: &str| config().decode_contact_channel(&HttpResponse::new(200, body), now).unwrap();
        let open = window(
            r#"{"serviceWindowExpireAt":"2026-12-01T10:00:00Z","isPermanentSession":false,"metadata":{"a":"b"}}"#,
        );
        assert!(open.service_window_open && !open.template_required);
        assert_eq!(open.metadata, [("a".to_string(), "b".to_string())]);
        let closed = window(r#"{"serviceWindowExpireAt":"2026-11-30T10:00:00Z"}"#);
        assert!(closed.template_required);
        assert!(window(r#"{"serviceWindowExpireAt":null}"#).template_required);
        assert!(window(r#"{"serviceWindowExpireAt":null,"isPermanentSession":true}"#).service_window_open);
    }
}
