//! Request building and response decoding for `BirdClient` (sans-IO).

use super::wire::{BirdCreatedMessage, BirdError};
use super::{PROVIDER, serialize};
use crate::error::{Error, ProviderCode, ProviderError};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::message::Message;
use crate::provider::{ProviderClient, base_url, path_id, reason_for_status, unexpected_response};
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
    ) -> Result<Self, Error> {
        if access_key.trim().is_empty() {
            return Err(Error::argument("BirdClient needs an accessKey (a Bird access key)"));
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
    fn send_request(&self, message: &Message) -> Result<HttpRequest, Error> {
        let body = serialize(message)?;
        Ok(HttpRequest::new(Method::Post, self.messages_url())
            .header("Authorization", format!("AccessKey {}", self.access_key))
            .json_body(body))
    }

    fn decode_send(&self, response: &HttpResponse) -> Result<BirdSendResult, Error> {
        if !response.is_success() {
            return Err(decode_error(response));
        }
        let created: BirdCreatedMessage =
            serde_json::from_slice(&response.body).map_err(|e| Error::UnexpectedResponse {
                http_status: response.status,
                message: format!("{PROVIDER} success body is not the documented message object: {e}"),
                retryable: false,
                raw: response.text(),
            })?;
        Ok(BirdSendResult {
            message_id: created.id,
            status: created.status.unwrap_or_else(|| "accepted".into()),
            channel_id: created.channel_id,
            created_at: created.created_at,
        })
    }

    fn secret(&self) -> &str {
        &self.access_key
    }
}

/// Decodes Bird's `{code, message, details?}` error bodies.
pub fn decode_error(response: &HttpResponse) -> Error {
    let Ok(error) = serde_json::from_slice::<BirdError>(&response.body) else {
        return unexpected_response(PROVIDER, response, "a Bird error body");
    };
    let (reason, retryable) = reason_for_status(response.status);
    // 422 names each malformed field by path: keep them all in `details`.
    let details = error.details.filter(|d| !d.is_empty()).map(|details| {
        details
            .iter()
            .map(|(path, complaints)| format!("{path}: {}", complaints.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    });
    let mut message = error.message;
    if let Some(details) = &details {
        message = format!("{message} ({details})");
    }
    let mut provider_error =
        ProviderError::new(PROVIDER, response, reason, retryable, format!("{}: {message}", error.code));
    provider_error.provider_code = Some(ProviderCode::Text(error.code));
    provider_error.details = details;
    Error::Provider(Box::new(provider_error))
}

/// What Bird answered to an accepted message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BirdSendResult {
    /// Bird's message id (a UUID): status webhooks and replies refer to it.
    pub message_id: String,
    /// `accepted` for a message taken for sending (or `scheduled`).
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub channel_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
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
        let Error::Provider(e) = config().decode_send(&invalid).unwrap_err() else { panic!() };
        assert_eq!(e.reason, ErrorReason::InvalidParameter);
        assert_eq!(e.details.as_deref(), Some(".body.type: Invalid value"));
        assert_eq!(e.provider_code, Some(ProviderCode::Text("InvalidPayload".into())));
        for (status, reason) in
            [(404, ErrorReason::NotFound), (409, ErrorReason::Conflict), (413, ErrorReason::PayloadTooLarge)]
        {
            let Error::Provider(e) = decode_error(&HttpResponse::new(status, r#"{"code":"X","message":"m"}"#)) else {
                panic!()
            };
            assert_eq!(e.reason, reason);
        }
        assert_eq!(decode_error(&HttpResponse::new(502, "<html>")).code(), "ERR_UNEXPECTED_RESPONSE");
    }
}
