//! Request building and response decoding for `BirdClient` (sans-IO).

use super::{PROVIDER, serialize};
use crate::error::{AnswerError, BodyError, ProviderCode, ProviderError};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::message::Message;
use crate::provider::{
    ProviderClient, answer_json, base_url, path_id, reason_for_status, undocumented_success, unexpected_response,
};
use crate::validate::Json;
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
            workspace_id: path_id("workspaceId", workspace_id)?,
            channel_id: path_id("channelId", channel_id)?,
            base_url: base_url(base, DEFAULT_BASE_URL)?,
        })
    }

    fn messages_url(&self) -> String {
        format!("{}/workspaces/{}/channels/{}/messages", self.base_url, self.workspace_id, self.channel_id)
    }
}

impl ProviderClient for BirdConfig {
    type SendResult = BirdSendResult;

    /// `POST /workspaces/{workspaceId}/channels/{channelId}/messages`, `Authorization: AccessKey …`.
    fn send_request(&self, message: &Message) -> Result<HttpRequest, BodyError> {
        let body = serialize(message)?;
        Ok(HttpRequest::new(Method::Post, self.messages_url())
            .header("Authorization", format!("AccessKey {}", self.access_key))
            .json_body(body))
    }

    fn decode_send(&self, response: &HttpResponse) -> Result<BirdSendResult, AnswerError> {
        if !response.is_success() {
            return Err(decode_error(response));
        }
        // The 202 body is the created message; only what a sender needs is read.
        let created = answer_json(response);
        let Some((created, message_id)) = created.as_ref().and_then(|c| Some((c, c.string("id")?))) else {
            return Err(undocumented_success(PROVIDER, response, "message object {id}"));
        };
        Ok(BirdSendResult {
            message_id,
            status: created.string("status").unwrap_or_else(|| "accepted".into()),
            channel_id: created.string("channelId"),
            created_at: created.string("createdAt"),
        })
    }

    fn secret(&self) -> &str {
        &self.access_key
    }
}

/// Decodes Bird's `{code, message, details?}` error bodies.
pub fn decode_error(response: &HttpResponse) -> AnswerError {
    // `{code, message}` (400, 404, 409) and `{code, message, details}` (422), where
    // `details` maps a JSON path to its complaints.
    let body = answer_json(response);
    let Some((error, code)) = body.as_ref().and_then(|e| Some((e, e.string("code")?))) else {
        return unexpected_response(PROVIDER, response, "a Bird error body");
    };
    let (reason, retryable) = reason_for_status(response.status);
    let details = match error.get("details") {
        Some(Json::Object(fields)) if !fields.is_empty() => Some(
            fields
                .iter()
                .map(|(path, complaints)| {
                    let complaints = match complaints {
                        Json::Array(items) => items.iter().filter_map(Json::as_str).collect::<Vec<_>>().join(", "),
                        other => other.as_str().unwrap_or_default().to_string(),
                    };
                    format!("{path}: {complaints}")
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => None,
    };
    let mut message = error.string("message").unwrap_or_default();
    if let Some(details) = &details {
        message = format!("{message} ({details})");
    }
    let mut provider_error = ProviderError::new(PROVIDER, response, reason, retryable, format!("{code}: {message}"));
    provider_error.provider_code = Some(ProviderCode::Text(code));
    provider_error.details = details;
    AnswerError::Refused(Box::new(provider_error))
}

/// What Bird answered to an accepted message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BirdSendResult {
    /// Bird's message id (a UUID): status webhooks and replies refer to it.
    pub message_id: String,
    /// `accepted` for a message taken for sending (or `scheduled`).
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub channel_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub created_at: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorReason;

    fn config() -> BirdConfig {
        BirdConfig::new("KEY-SECRET".into(), "ws-1".into(), "ch-1".into(), Some("http://127.0.0.1:9".into())).unwrap()
    }

    #[test]
    fn builds_the_send_request_with_an_access_key() {
        let request = config().send_request(&Message::text("16505551234", "Hi")).unwrap();
        assert_eq!(request.url, "http://127.0.0.1:9/workspaces/ws-1/channels/ch-1/messages");
        assert!(request.headers.contains(&("Authorization".into(), "AccessKey KEY-SECRET".into())));
        assert!(!format!("{:?} {request:?}", config()).contains("KEY-SECRET"));
        assert!(BirdConfig::new("k".into(), "ws/..".into(), "c".into(), None).is_err());
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
        assert_eq!(e.details.as_deref(), Some(".body.type: Invalid value"));
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
    }
}
