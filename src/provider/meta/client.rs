//! Request building and response decoding for `MetaClient` (sans-IO).

use super::{PROVIDER, decode_error, serialize, serialize_mark_read};
use crate::error::{AnswerError, BodyError};
use crate::http::{FilePart, HttpRequest, HttpResponse, Method, Multipart};
use crate::message::{MarkRead, Message, media};
use crate::provider::download::{self, Downloaded, MediaHosts};
use crate::provider::{AnyClient, Provider, answer_json, base_url, path_id, undocumented_success};
use crate::validate::Json;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Graph API host.
pub const DEFAULT_BASE_URL: &str = "https://graph.facebook.com";
/// The domains whose subdomains are Meta's: media downloads (`lookaside.fbsbx.com`), Graph
/// (`graph.facebook.com`) and the CDN (`*.fbcdn.net`). The only hosts the token goes to
/// besides `baseUrl`'s.
pub const META_DOMAINS: [&str; 3] = ["fbsbx.com", "facebook.com", "fbcdn.net"];
const MEDIA_HOSTS: MediaHosts = MediaHosts { provider: PROVIDER, domains: &META_DOMAINS };
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
    ) -> Result<Self, BodyError> {
        if token.trim().is_empty() {
            return Err(BodyError::argument("MetaClient needs a token (a WhatsApp Business access token)"));
        }
        let phone_number_id = path_id("phoneNumberId", phone_number_id)?;
        let api_version = api_version.unwrap_or_else(|| DEFAULT_API_VERSION.to_string());
        if !is_api_version(&api_version) {
            return Err(BodyError::argument(format!("apiVersion must look like v23.0 (got {api_version:?})")));
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
    pub fn send_request(&self, message: &Message) -> Result<HttpRequest, BodyError> {
        let body = serialize(message)?;
        let request = HttpRequest::new(Method::Post, self.url(&format!("{}/messages", self.phone_number_id)));
        Ok(self.authorized(request).json_body(body))
    }

    /// Decodes the answer to [`send_request`](Self::send_request).
    pub fn decode_send(&self, response: &HttpResponse) -> Result<MetaSendResult, AnswerError> {
        let body = success_body(response, "messages[0].id")?;
        let first = body.items("messages").first();
        // An id to match the message's statuses by, or it is not the documented answer.
        let Some(message_id) = first.and_then(|m| m.string("id")).filter(|id| !id.is_empty()) else {
            return Err(undocumented_success(PROVIDER, response, "messages[0].id"));
        };
        Ok(MetaSendResult {
            message_id,
            message_status: first.and_then(|m| m.get("message_status")?.as_str()).map(MetaMessageStatus::from_wire),
            contacts: body
                .items("contacts")
                .iter()
                .map(|c| MetaContact {
                    input: c.string("input").unwrap_or_default(),
                    wa_id: c.string("wa_id").filter(|id| !id.is_empty()),
                    user_id: c.string("user_id").filter(|id| !id.is_empty()),
                })
                .collect(),
            warnings: Vec::new(),
        })
    }

    /// `POST …/messages` with `status: read` (and a typing indicator when asked).
    pub fn mark_read_request(&self, read: &MarkRead) -> Result<HttpRequest, BodyError> {
        let body = serialize_mark_read(read)?;
        let request = HttpRequest::new(Method::Post, self.url(&format!("{}/messages", self.phone_number_id)));
        Ok(self.authorized(request).json_body(body))
    }

    /// Decodes `{"success": true}` (mark as read, media delete).
    pub fn decode_success(&self, response: &HttpResponse) -> Result<MetaSuccess, AnswerError> {
        let body = success_body(response, "{success}")?;
        match body.get("success").and_then(Json::as_bool) {
            Some(success) => Ok(MetaSuccess { success }),
            None => Err(undocumented_success(PROVIDER, response, "{success}")),
        }
    }

    /// `POST /{version}/{phone-number-id}/media`: a multipart form with `messaging_product`,
    /// `type` and `file`, after checking the MIME type and size against the media rules.
    pub fn upload_media_request(
        &self,
        file: &FilePart<'_>,
        mime_type: &str,
        filename: &str,
    ) -> Result<HttpRequest, BodyError> {
        media::check_upload(mime_type, file.len()).map_err(BodyError::Invalid)?;
        let form = Multipart::for_file(file)
            .field("messaging_product", "whatsapp")
            .field("type", mime_type)
            .file("file", filename, mime_type, file);
        let request = HttpRequest::new(Method::Post, self.url(&format!("{}/media", self.phone_number_id)));
        Ok(form.into_request(self.authorized(request)))
    }

    /// Decodes `{"id": …}`.
    pub fn decode_upload(&self, response: &HttpResponse) -> Result<MetaMediaUpload, AnswerError> {
        let body = success_body(response, "{id}")?;
        match body.string("id") {
            Some(id) => Ok(MetaMediaUpload { id }),
            None => Err(undocumented_success(PROVIDER, response, "{id}")),
        }
    }

    /// `GET /{version}/{media-id}`: the media's download URL (valid 5 minutes), type, hash, size.
    pub fn get_media_request(&self, media_id: &str) -> Result<HttpRequest, BodyError> {
        let media_id = path_id("mediaId", media_id.to_string())?;
        let url = format!("{}?phone_number_id={}", self.url(&media_id), self.phone_number_id);
        Ok(self.authorized(HttpRequest::new(Method::Get, url)))
    }

    /// `file_size` is a string in Meta's docs and spec, a number in some answers: both are read.
    pub fn decode_media(&self, response: &HttpResponse) -> Result<MetaMedia, AnswerError> {
        let body = success_body(response, "media object {id, url, mime_type}")?;
        let (Some(id), Some(url), Some(mime_type)) = (body.string("id"), body.string("url"), body.string("mime_type"))
        else {
            return Err(undocumented_success(PROVIDER, response, "media object {id, url, mime_type}"));
        };
        let file_size = match body.get("file_size") {
            Some(Json::Str(size)) => size.trim().parse().ok(),
            Some(size) => size.as_i64().and_then(|n| u64::try_from(n).ok()),
            None => None,
        };
        Ok(MetaMedia {
            id,
            url,
            mime_type,
            sha256: body.string("sha256").unwrap_or_default(),
            file_size: file_size.unwrap_or(0),
        })
    }

    /// `DELETE /{version}/{media-id}`.
    pub fn delete_media_request(&self, media_id: &str) -> Result<HttpRequest, BodyError> {
        let media_id = path_id("mediaId", media_id.to_string())?;
        let url = format!("{}?phone_number_id={}", self.url(&media_id), self.phone_number_id);
        Ok(self.authorized(HttpRequest::new(Method::Delete, url)))
    }
}

/// The JSON of a 2xx answer; a non-2xx answer is decoded as the Graph error it carries.
fn success_body<'a>(response: &'a HttpResponse, what: &str) -> Result<Json<'a>, AnswerError> {
    if !response.is_success() {
        return Err(decode_error(response));
    }
    answer_json(response).ok_or_else(|| undocumented_success(PROVIDER, response, what))
}

/// `{"success": true}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MetaSuccess {
    pub success: bool,
}

/// An uploaded media's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MetaMediaUpload {
    pub id: String,
}

/// A media object: where to download it (for 5 minutes), its type, SHA-256 and size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MetaMedia {
    pub id: String,
    pub url: String,
    pub mime_type: String,
    pub sha256: String,
    pub file_size: u64,
}

fn is_api_version(version: &str) -> bool {
    let Some(rest) = version.strip_prefix('v') else { return false };
    let mut parts = rest.split('.');
    let numeric = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numeric(parts.next()) && numeric(parts.next()) && parts.next().is_none()
}

impl crate::provider::ProviderClient for MetaConfig {
    type SendResult = MetaSendResult;

    fn send_request(&self, message: &Message) -> Result<HttpRequest, BodyError> {
        MetaConfig::send_request(self, message)
    }

    fn decode_send(&self, response: &HttpResponse) -> Result<MetaSendResult, AnswerError> {
        MetaConfig::decode_send(self, response)
    }
}

impl AnyClient for MetaConfig {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn secret(&self) -> &str {
        &self.token
    }

    /// `GET <media url>` with the token. The token only goes where `fetch` would take it to
    /// Meta — over https, on the default port, to a subdomain of `fbsbx.com` (media),
    /// `facebook.com` (Graph) or `fbcdn.net` — or to exactly `baseUrl`'s scheme, host and port
    /// (the sandbox, a proxy). The URL is read as `fetch` reads it (WHATWG, see
    /// [`crate::http::url`]): `https://evil.example\.fbsbx.com/` goes to `evil.example`.
    /// Anything else, or anything that cannot be read for certain, is refused before any I/O.
    fn download_request(&self, url: &str) -> Result<HttpRequest, BodyError> {
        Ok(self.authorized(MEDIA_HOSTS.credentialed_get(url, &self.base_url)?))
    }

    /// The downloaded file (Meta's media URLs answer with the file; redirects are followed).
    fn decode_download(&self, url: &str, response: &HttpResponse) -> Result<Downloaded, AnswerError> {
        download::decode(PROVIDER.name(), url, response, decode_error)
    }
}

/// What Meta answered to an accepted message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MetaSendResult {
    /// The WhatsApp message id (`wamid.…`): statuses and replies refer to it.
    pub message_id: String,
    /// Meta's pacing verdict, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub message_status: Option<MetaMessageStatus>,
    /// Recipients as Meta resolved them.
    pub contacts: Vec<MetaContact>,
    /// What the request left out of the message by design, so the message sent differs from
    /// the one given (a `mimeType`: Meta reads the file's type from the file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub warnings: Vec<String>,
}

/// `messages[0].message_status`: whether Meta accepted, is holding, or paused the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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

/// A recipient as Meta resolved it: what was sent (`to`, or a business-scoped user id as
/// `recipient`), and the WhatsApp id it maps to — or, sent by BSUID to a user whose number is
/// hidden, that user id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MetaContact {
    pub input: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub wa_id: Option<String>,
    /// The business-scoped user id, when the message was sent to one alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub user_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::url;

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

    /// A send refuses what `toProvider` refuses: another provider's name for a template, a
    /// Bird contact id as the recipient (the send path is the provider's one way to write).
    #[test]
    fn a_send_refuses_what_meta_cannot_carry() {
        let template = |extra: &str| {
            let json = format!(
                r#"{{"to":"16505551234","content":{{"type":"template","name":"hello_world","language":{{"code":"en_US"}}{extra}}}}}"#
            );
            Message::from_json(&json).unwrap()
        };
        for (extra, at) in [
            (r#","namespace":"ns""#, "/content/namespace"),
            (r#","projectId":"ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318""#, "/content/projectId"),
        ] {
            let Err(BodyError::Unsupported(u)) = config().send_request(&template(extra)) else { panic!("{at}") };
            assert_eq!(u.pointer(), at);
        }
        assert!(config().send_request(&template("")).is_ok());
        let contact = Message::text("0b6f4f5e-0000-4000-a000-00000000beef", "Hi");
        assert_eq!(config().send_request(&contact).unwrap_err().code(), "ERR_UNSUPPORTED");
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
    fn builds_media_requests() {
        let upload =
            config().upload_media_request(&FilePart::Bytes(b"%PDF-1.4"), "application/pdf", "in\"voice.pdf").unwrap();
        assert_eq!(upload.url, "http://127.0.0.1:9/v23.0/1234567890/media");
        let content_type = upload.headers.iter().find(|(n, _)| n == "Content-Type").unwrap().1.clone();
        let boundary = content_type.strip_prefix("multipart/form-data; boundary=").unwrap();
        let body = String::from_utf8(upload.body.unwrap()).unwrap();
        assert!(body.contains("name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"));
        assert!(body.contains("name=\"type\"\r\n\r\napplication/pdf\r\n"));
        assert!(
            body.contains(
                "name=\"file\"; filename=\"invoice.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n"
            )
        );
        assert!(body.ends_with(&format!("--{boundary}--\r\n")));
        assert_eq!(
            config().upload_media_request(&FilePart::Bytes(b"GIF89a"), "image/gif", "a.gif").unwrap_err().code(),
            "ERR_VALIDATION"
        );
        assert_eq!(
            config().get_media_request("987").unwrap().url,
            "http://127.0.0.1:9/v23.0/987?phone_number_id=1234567890"
        );
        assert_eq!(config().delete_media_request("987").unwrap().method, Method::Delete);
        assert!(config().get_media_request("../x").is_err());
    }

    /// Every URL of the shared table (tests/fixtures/url-hosts.json, checked against the
    /// runtime's own WHATWG parser by tests/js/url-hosts.test.mjs): the token goes to it
    /// exactly when `token` says so, and then only to the host `fetch` would contact.
    #[test]
    fn the_token_only_goes_to_meta_or_base_url_hosts() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/url-hosts.json")).unwrap();
        let cases = table["cases"].as_array().unwrap();
        let (mut sent, mut refused) = (0, 0);
        for case in cases {
            let url = case["url"].as_str().unwrap();
            let base = case["baseUrl"].as_str().or(table["baseUrl"].as_str()).unwrap();
            let config = MetaConfig::new("SECRET-TOKEN".into(), "1".into(), None, Some(base.into())).unwrap();
            match config.download_request(url) {
                Ok(request) => {
                    sent += 1;
                    assert_eq!(case["token"], true, "{url:?} would get the token");
                    assert_eq!(request.url, url);
                    let host = case["fetchHost"].as_str().unwrap();
                    let base_host = url::origin(base).unwrap().to_string();
                    let meta = META_DOMAINS.iter().any(|d| host.ends_with(&format!(".{d}")));
                    assert!(meta || host == base_host, "{url:?} reaches {host}");
                }
                Err(error) => {
                    refused += 1;
                    assert_eq!(case["token"], false, "{url:?} refused: {error}");
                    assert_eq!(error.code(), "ERR_ARGUMENT");
                    assert!(!error.to_string().contains("SECRET"));
                }
            }
        }
        assert!(sent >= 30 && refused >= 60, "{sent} sent, {refused} refused");
    }

    #[test]
    fn base_urls_are_read_as_fetch_reads_them() {
        for base in ["https://graph.facebook.com", "http://127.0.0.1:9/", "https://proxy.example:8443/wa/"] {
            assert!(MetaConfig::new("t".into(), "1".into(), None, Some(base.into())).is_ok(), "{base}");
        }
        // A userinfo, a query (`?x=` would swallow the path and, for 1MSG, hide its
        // token from redaction), no host, and spaces the built URLs would carry.
        for base in [
            "https://u:p@graph.facebook.com",
            "https://a.example?x=",
            "https://a.example#",
            "https:///",
            "https://a .example",
            " https://a.example",
        ] {
            assert_eq!(
                MetaConfig::new("t".into(), "1".into(), None, Some(base.into())).unwrap_err().code(),
                "ERR_ARGUMENT",
                "{base}"
            );
        }
    }

    #[test]
    fn decodes_media_objects_with_string_or_number_sizes() {
        for size in ["\"303833\"", "303833"] {
            let body = format!(
                r#"{{"messaging_product":"whatsapp","url":"https://lookaside.fbsbx.com/x","mime_type":"image/jpeg","sha256":"abc","file_size":{size},"id":"1"}}"#
            );
            assert_eq!(config().decode_media(&HttpResponse::new(200, body)).unwrap().file_size, 303833);
        }
    }

    #[test]
    fn decodes_a_success_body() {
        let body = r#"{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],
                       "messages":[{"id":"wamid.ABC","message_status":"held_for_quality_assessment"}]}"#;
        let result = config().decode_send(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(result.message_id, "wamid.ABC");
        assert_eq!(result.message_status, Some(MetaMessageStatus::HeldForQualityAssessment));
        assert_eq!(
            result.contacts,
            vec![MetaContact { input: "+16505551234".into(), wa_id: Some("16505551234".into()), user_id: None }]
        );
    }

    #[test]
    fn decodes_success_and_upload_answers_ignoring_new_fields() {
        let ok = HttpResponse::new(200, r#"{"success":true,"added_later":{"x":1}}"#);
        assert_eq!(config().decode_success(&ok).unwrap(), MetaSuccess { success: true });
        let upload = HttpResponse::new(200, r#"{"id":"1037543291543636","h":"ignored"}"#);
        assert_eq!(config().decode_upload(&upload).unwrap().id, "1037543291543636");
        for body in [r#"{"id":7}"#, "not json", ""] {
            let err = config().decode_upload(&HttpResponse::new(200, body)).unwrap_err();
            assert_eq!(err.code(), "ERR_UNEXPECTED_RESPONSE", "{body}");
        }
        for body in [r#"{"success":"yes"}"#, "not json"] {
            let err = config().decode_success(&HttpResponse::new(200, body)).unwrap_err();
            assert_eq!(err.code(), "ERR_UNEXPECTED_RESPONSE", "{body}");
        }
        let graph = HttpResponse::new(400, r#"{"error":{"message":"bad","type":"OAuthException","code":100}}"#);
        assert_eq!(config().decode_upload(&graph).unwrap_err().code(), "ERR_PROVIDER");
    }

    #[test]
    fn a_success_status_without_an_id_is_unexpected() {
        for body in ["<html>oops</html>", r#"{"messages":[]}"#] {
            let err = config().decode_send(&HttpResponse::new(200, body)).unwrap_err();
            assert_eq!(err.code(), "ERR_UNEXPECTED_RESPONSE", "{body}");
        }
    }
}
