//! Request building and response decoding for `MetaClient` (sans-IO).

use super::wire::MetaSendResponse;
use super::{PROVIDER, decode_error, serialize};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::message::Message;
use crate::provider::{base_url, path_id};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Graph API host.
pub const DEFAULT_BASE_URL: &str = "https://graph.facebook.com";
/// The Graph API version requests go to unless configured otherwise.
pub const DEFAULT_API_VERSION: &str = "v23.0";

/// Where and as whom a `MetaClient` sends. `Debug` never prints the token.
#[derive(Clone, PartialEq)]
pub struct MetaConfig {
    /// A system-user or user access token with `whatsapp_business_messaging`.
    pub token: String,
    /// The business phone number's id (not the phone number).
    pub phone_number_id: String,
    /// Graph API version, e.g. `v23.0`.
    pub api_version: String,
    /// Scheme and host, without a trailing slash (the sandbox, a proxy, or Graph).
    pub base_url: String,
}

impl fmt::Debug for MetaConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MetaConfig")
            .field("token", &"[redacted]")
            .field("phone_number_id", &self.phone_number_id)
            .field("api_version", &self.api_version)
            .field("base_url", &self.base_url)
            .finish()
    }
}

impl MetaConfig {
    /// Checks the options a client cannot work without; `None` takes the defaults.
    pub fn new(
        token: String,
        phone_number_id: String,
        api_version: Option<String>,
        base: Option<String>,
    ) -> Result<Self, Error> {
        if token.trim().is_empty() {
            return Err(Error::argument("MetaClient needs a token (a WhatsApp Business access token)"));
        }
        let phone_number_id = path_id("phoneNumberId", phone_number_id)?;
        let api_version = api_version.unwrap_or_else(|| DEFAULT_API_VERSION.to_string());
        if !is_api_version(&api_version) {
            return Err(Error::argument(format!("apiVersion must look like v23.0 (got {api_version:?})")));
        }
        Ok(MetaConfig { token, phone_number_id, api_version, base_url: base_url(base, DEFAULT_BASE_URL)? })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{}/{}", self.base_url, self.api_version, path)
    }

    fn authorized(&self, request: HttpRequest) -> HttpRequest {
        request.header("Authorization", format!("Bearer {}", self.token))
    }

    /// `POST /{version}/{phone-number-id}/messages` with the validated, serialized message.
    pub fn send_request(&self, message: &Message) -> Result<HttpRequest, Error> {
        let body = serialize(message)?;
        let request = HttpRequest::new(Method::Post, self.url(&format!("{}/messages", self.phone_number_id)));
        Ok(self.authorized(request).json_body(body))
    }

    /// Decodes the answer to [`send_request`](Self::send_request).
    pub fn decode_send(&self, response: &HttpResponse) -> Result<MetaSendResult, Error> {
        if !response.is_success() {
            return Err(decode_error(response));
        }
        let unexpected = |message: String| Error::UnexpectedResponse {
            http_status: response.status,
            message,
            retryable: false,
            raw: response.text(),
        };
        let decoded: MetaSendResponse = serde_json::from_slice(&response.body)
            .map_err(|e| unexpected(format!("{PROVIDER} success body is not the documented JSON: {e}")))?;
        let first = decoded
            .messages
            .into_iter()
            .next()
            .ok_or_else(|| unexpected(format!("{PROVIDER} success body has no messages[0].id")))?;
        Ok(MetaSendResult {
            message_id: first.id,
            message_status: first.message_status.as_deref().map(MetaMessageStatus::from_wire),
            contacts: decoded.contacts.into_iter().map(|c| MetaContact { input: c.input, wa_id: c.wa_id }).collect(),
        })
    }
}

fn is_api_version(version: &str) -> bool {
    let Some(rest) = version.strip_prefix('v') else { return false };
    let mut parts = rest.split('.');
    let numeric = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numeric(parts.next()) && numeric(parts.next()) && parts.next().is_none()
}

impl crate::provider::ProviderClient for MetaConfig {
    type SendResult = MetaSendResult;

    fn send_request(&self, message: &Message) -> Result<HttpRequest, Error> {
        MetaConfig::send_request(self, message)
    }

    fn decode_send(&self, response: &HttpResponse) -> Result<MetaSendResult, Error> {
        MetaConfig::decode_send(self, response)
    }

    fn secret(&self) -> &str {
        &self.token
    }
}

/// What Meta answered to an accepted message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MetaSendResult {
    /// The WhatsApp message id (`wamid.…`): statuses and replies refer to it.
    pub message_id: String,
    /// Meta's pacing verdict, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub message_status: Option<MetaMessageStatus>,
    /// Recipients as Meta resolved them.
    pub contacts: Vec<MetaContact>,
}

/// `messages[0].message_status`: whether Meta accepted, is holding, or paused the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum MetaMessageStatus {
    /// The message was sent to the intended recipient.
    Accepted,
    /// A template is held for a quality assessment before delivery.
    HeldForQualityAssessment,
    /// A template is paused for low quality.
    Paused,
    /// A status newer than this version of wabridge knows.
    Unknown,
}

impl MetaMessageStatus {
    fn from_wire(status: &str) -> Self {
        match status {
            "accepted" => Self::Accepted,
            "held_for_quality_assessment" => Self::HeldForQualityAssessment,
            "paused" => Self::Paused,
            _ => Self::Unknown,
        }
    }
}

/// A recipient as Meta resolved it: what was sent in `to`, and the WhatsApp id it maps to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MetaContact {
    pub input: String,
    pub wa_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> MetaConfig {
        MetaConfig::new("SECRET-TOKEN".into(), "1234567890".into(), None, Some("http://127.0.0.1:9/".into())).unwrap()
    }

    #[test]
    fn builds_the_send_request() {
        let request = config().send_request(&Message::text("16505551234", "Hi")).unwrap();
        assert_eq!(request.method, Method::Post);
        assert_eq!(request.url, "http://127.0.0.1:9/v23.0/1234567890/messages");
        assert!(request.headers.contains(&("Authorization".into(), "Bearer SECRET-TOKEN".into())));
        assert!(request.headers.contains(&("Content-Type".into(), "application/json".into())));
        assert!(request.body.is_some());
        assert!(!format!("{:?}", config()).contains("SECRET"));
    }

    #[test]
    fn refuses_bad_options() {
        assert!(MetaConfig::new(" ".into(), "1".into(), None, None).is_err());
        assert!(MetaConfig::new("t".into(), "".into(), None, None).is_err());
        assert!(MetaConfig::new("t".into(), "1/2".into(), None, None).is_err());
        assert!(MetaConfig::new("t".into(), "1".into(), Some("23".into()), None).is_err());
        assert!(MetaConfig::new("t".into(), "1".into(), None, Some("ftp://x".into())).is_err());
    }

    #[test]
    fn decodes_a_success_body() {
        let body = r#"{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],
                       "messages":[{"id":"wamid.ABC","message_status":"held_for_quality_assessment"}]}"#;
        let result = config().decode_send(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(result.message_id, "wamid.ABC");
        assert_eq!(result.message_status, Some(MetaMessageStatus::HeldForQualityAssessment));
        assert_eq!(result.contacts, vec![MetaContact { input: "+16505551234".into(), wa_id: "16505551234".into() }]);
    }

    #[test]
    fn a_success_status_without_an_id_is_unexpected() {
        for body in ["<html>oops</html>", r#"{"messages":[]}"#] {
            let err = config().decode_send(&HttpResponse::new(200, body)).unwrap_err();
            assert_eq!(err.code(), "ERR_UNEXPECTED_RESPONSE", "{body}");
        }
    }
}
