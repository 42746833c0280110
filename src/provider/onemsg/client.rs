//! Request building and response decoding for `OneMsgClient` (sans-IO). 1MSG takes its
//! token as a query parameter: every URL and text that leaves here is redacted.

use super::{PROVIDER, serialize};
use crate::error::{AnswerError, BodyError, ErrorReason, ProviderError};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::message::Message;
use crate::provider::{
    ProviderClient, answer_json, base_url, path_id, reason_for_status, undocumented_success, unexpected_response,
};
use crate::validate::Json;
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
        let sent = answer.get("sent").and_then(Json::as_bool) == Some(true);
        match answer.string("id") {
            Some(id) if sent => Ok(OneMsgSendResult { message_id: id, message, description }),
            // HTTP 200 with `sent: false`: 1MSG took the request and refused the message.
            _ => {
                let said =
                    [message.as_deref(), description.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(": ");
                let message = if said.is_empty() { "the message was not sent (sent: false)".into() } else { said };
                let mut refusal = ProviderError::new(PROVIDER, response, ErrorReason::NotSent, false, message);
                refusal.details = description;
                Err(AnswerError::Refused(Box::new(refusal)))
            }
        }
    }

    fn secret(&self) -> &str {
        &self.token
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
    /// 1MSG's message id: acks and replies (`quotedMsgId`) refer to it.
    pub message_id: String,
    /// E.g. `"Sent to 16505551234@c.us"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub description: Option<String>,
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
        assert_eq!(config().decode_send(&ok).unwrap().message_id, "gBGG");
        let refused = HttpResponse::new(200, r#"{"sent":false,"message":"Unsupported Interactive Message type"}"#);
        let AnswerError::Refused(e) = config().decode_send(&refused).unwrap_err() else { panic!() };
        assert_eq!((e.reason, e.http_status, e.retryable), (ErrorReason::NotSent, 200, false));
        assert!(e.message.contains("Unsupported Interactive"));
    }
}
