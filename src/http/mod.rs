//! Sans-IO HTTP: the core builds [`HttpRequest`] values and decodes [`HttpResponse`] values;
//! a transport (the global `fetch`, a user-supplied `fetch`, or a test) only moves bytes.
//! This keeps every provider's behaviour testable without a network.

mod multipart;
mod redact;
mod retry;
pub mod url;

pub use multipart::{FilePart, Multipart};
pub use redact::redact_secret;
pub use retry::{RetryHint, RetryPolicy, parse_retry_after};

/// How long `response` asks to wait before the request is sent again (`Retry-After`).
pub fn retry_after_ms(response: &HttpResponse) -> Option<u64> {
    response.header("retry-after").and_then(|value| parse_retry_after(value, crate::clock::now_ms()))
}

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A request ready for a transport. Its `Debug` output redacts credentials.
#[derive(Clone, PartialEq)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// Where in `body` a file given as a [`FilePart::Slot`] goes (the transport puts it there).
    pub file_slot: Option<usize>,
}

/// Header names whose values are credentials.
const SECRET_HEADERS: [&str; 2] = ["authorization", "x-api-key"];
/// Query parameters whose values are credentials (1MSG puts its token in the URL).
const SECRET_QUERY_PARAMETERS: [&str; 2] = ["token", "access_token"];

impl HttpRequest {
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        HttpRequest { method, url: url.into(), headers: Vec::new(), body: None, file_slot: None }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn json_body(mut self, json: String) -> Self {
        self.headers.push(("Content-Type".into(), "application/json".into()));
        self.body = Some(json.into_bytes());
        self
    }

    /// The URL with credential query parameters replaced by `[redacted]`.
    pub fn redacted_url(&self) -> String {
        let Some((base, query)) = self.url.split_once('?') else { return self.url.clone() };
        let parameters: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                // The name as the server reads it: `%74oken` and `TOKEN` are `token` too.
                Some((name, _))
                    if SECRET_QUERY_PARAMETERS.iter().any(|s| form_decoded(name).eq_ignore_ascii_case(s)) =>
                {
                    format!("{name}=[redacted]")
                }
                _ => pair.to_string(),
            })
            .collect();
        format!("{base}?{}", parameters.join("&"))
    }

    /// The headers with credential values replaced by `[redacted]`: safe to log or attach to errors.
    pub fn redacted_headers(&self) -> Vec<(String, String)> {
        self.headers
            .iter()
            .map(|(name, value)| {
                let secret = SECRET_HEADERS.iter().any(|s| name.eq_ignore_ascii_case(s));
                (name.clone(), if secret { "[redacted]".to_string() } else { value.clone() })
            })
            .collect()
    }
}

/// A query parameter's name or value as the server reads it: `+` a space, then percent-decoded.
pub fn form_decoded(name: &str) -> String {
    String::from_utf8_lossy(&url::percent_decode(name.replace('+', " ").as_bytes())).into_owned()
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.redacted_url())
            .field("headers", &self.redacted_headers())
            .field("body", &self.body.as_ref().map(|b| String::from_utf8_lossy(b)))
            .finish()
    }
}

/// A response as the transport received it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        HttpResponse { status, headers: Vec::new(), body: body.into() }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// The first header called `name`, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as text, with invalid UTF-8 replaced (for error messages and raw bodies).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_the_token() {
        let request = HttpRequest::new(Method::Post, "https://x").header("Authorization", "Bearer SECRET123");
        let debug = format!("{request:?}");
        assert!(!debug.contains("SECRET123"), "{debug}");
        assert!(debug.contains("[redacted]"));
    }

    #[test]
    fn urls_never_show_query_tokens() {
        let request = HttpRequest::new(Method::Post, "https://api.1msg.io/123/sendMessage?token=SECRET&x=1");
        assert_eq!(request.redacted_url(), "https://api.1msg.io/123/sendMessage?token=[redacted]&x=1");
        assert!(!format!("{request:?}").contains("SECRET"));
    }

    #[test]
    fn query_token_names_are_read_as_the_server_reads_them() {
        for name in ["token", "TOKEN", "%74oken", "%54OKEN", "access_token", "access%5Ftoken"] {
            let request = HttpRequest::new(Method::Post, format!("https://x/1/send?a=1&{name}=S%2BE+CRET%C3%A9"));
            assert_eq!(request.redacted_url(), format!("https://x/1/send?a=1&{name}=[redacted]"), "{name}");
        }
        for url in ["https://x/%", "https://x/?%E2%82%AC=1&%=2&%7=3&%+1=4&tokens=5", "https://x/?é"] {
            assert_eq!(HttpRequest::new(Method::Get, url).redacted_url(), url);
        }
    }

    #[test]
    fn header_lookup_is_case_insensitive() {
        let response = HttpResponse::new(429, "").with_header("retry-after", "3");
        assert_eq!(response.header("Retry-After"), Some("3"));
    }
}
