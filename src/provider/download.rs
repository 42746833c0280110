//! Downloading the media a customer sent, the same way for every provider: a media URL gets the
//! client's credentials only where `fetch` itself would take it to the provider's own media
//! hosts (or exactly to `baseUrl`'s origin: the sandbox, a proxy); everything else is fetched
//! without them or refused before any I/O. The hosts differ per provider:
//! - Meta: `getMedia`'s URL on `*.fbsbx.com` (and Meta's other domains), with the token;
//! - Bird: `mediaUrl` on `media.api.bird.com` (or `media.nest.messagebird.com`), with the
//!   access key, which answers with a redirect to the file's storage (a presigned URL): that
//!   second request goes without the key (S3 refuses two authorizations; the key stays Bird's);
//! - 1MSG: its files are public links, fetched without the token.

use super::{Provider, answered_unexpectedly};
use crate::error::{AnswerError, BodyError, UnexpectedResponse};
use crate::http::url::{self, Origin, Scheme, UrlError};
use crate::http::{HttpRequest, HttpResponse, Method};

/// Where a provider's credentials may go with a media URL.
pub(crate) struct MediaHosts {
    /// The provider, for the refusal's message.
    pub provider: Provider,
    /// Domains whose subdomains serve the provider's media (https, default port only).
    pub domains: &'static [&'static str],
}

impl MediaHosts {
    /// A GET of `url` that may carry credentials: refused (an argument error naming the hosts)
    /// unless `fetch` would reach one of `domains` over https, or exactly `base_url`'s origin.
    pub fn credentialed_get(&self, url: &str, base_url: &str) -> Result<HttpRequest, BodyError> {
        let target = url::origin(url).map_err(|why| {
            BodyError::argument(format!("refusing to send the credentials: the media URL {why} (got {url:?})"))
        })?;
        let own = target.scheme == Scheme::Https
            && target.port.is_none()
            && self.domains.iter().any(|domain| target.is_subdomain_of(domain));
        let to_base = url::base_origin(base_url).is_ok_and(|base| base == target);
        if !(own || to_base) {
            let hosts: Vec<String> = self.domains.iter().map(|d| format!("*.{d}")).collect();
            return Err(BodyError::argument(format!(
                "refusing to send the credentials to {target}: {} media URLs come from https {} or from baseUrl",
                self.provider,
                hosts.join(", ")
            )));
        }
        Ok(HttpRequest::new(Method::Get, url))
    }
}

/// A GET of a media URL without any credentials (1MSG's files, the storage Bird redirects
/// to): any http(s) URL whose host `fetch` reads the way wabridge does.
pub(crate) fn public_get(url: &str) -> Result<HttpRequest, BodyError> {
    url::origin(url).map_err(|why| BodyError::argument(format!("the media URL {why} (got {url:?})")))?;
    Ok(HttpRequest::new(Method::Get, url))
}

/// What a download answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Downloaded {
    /// The file: its bytes and MIME type (`application/octet-stream` when not given).
    File(Vec<u8>, String),
    /// A redirect to follow without credentials: the absolute URL of the file.
    Redirect(String),
}

/// Decodes a download's answer: a 2xx is the file, a 3xx with a `Location` (only seen when the
/// request did not follow redirects) is where the file is; anything else is `refused`'s error
/// (the provider's error body), or an unexpected answer naming the file. `who` answered: the
/// provider, or the storage a media host redirected to.
pub(crate) fn decode(
    who: &str,
    request_url: &str,
    response: &HttpResponse,
    refused: impl FnOnce(&HttpResponse) -> AnswerError,
) -> Result<Downloaded, AnswerError> {
    if response.is_success() {
        let mime = response.header("content-type").unwrap_or("application/octet-stream").to_string();
        return Ok(Downloaded::File(response.body.clone(), mime));
    }
    if (300..400).contains(&response.status) {
        let Some(location) = response.header("location") else {
            return Err(answered_unexpectedly(who, response, " without a Location"));
        };
        return absolute(request_url, location)
            .map(Downloaded::Redirect)
            .map_err(|why| not_followed(who, response, why));
    }
    Err(refused(response))
}

/// Why a redirect's `Location` is not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unfollowed {
    /// An absolute URL of another scheme (`javascript:`, `file:`, `data:`, `ftp:`): the scheme,
    /// lower-cased.
    Scheme(String),
    /// An http(s) URL, or a reference, that `fetch` could read otherwise than wabridge does
    /// (a user name before the host, `files/f` relative to a path, `/\host`).
    Url(UrlError),
}

/// A redirect that is not followed, saying what it pointed at without the location itself: a
/// storage link carries its own credentials (`X-Amz-Signature`, `user:pass@`), so only the
/// scheme, or why the URL was not taken, goes into the message. Not retryable: the same
/// request gets the same answer.
fn not_followed(who: &str, response: &HttpResponse, why: Unfollowed) -> AnswerError {
    let status = response.status;
    let message = match why {
        Unfollowed::Scheme(scheme) => {
            format!(
                "{who} answered HTTP {status} redirecting to a {scheme}: location; only http(s) redirects are followed"
            )
        }
        Unfollowed::Url(why) => {
            format!("{who} answered HTTP {status} redirecting to a location that {why}; not followed")
        }
    };
    let raw = response.text();
    AnswerError::Unexpected(UnexpectedResponse {
        http_status: status,
        message,
        retryable: false,
        retry_after_ms: None,
        raw,
    })
}

/// The scheme of an absolute URL that is not http(s), read as the URL parser reads it (leading
/// spaces and controls skipped, tabs and newlines dropped, lower-cased); `None` for anything
/// else. At most 32 characters: it goes into a message, and a longer one is no scheme anyone uses.
fn other_scheme(location: &str) -> Option<String> {
    let (scheme, _) = location.trim_start_matches(|c: char| c <= ' ').split_once(':')?;
    let scheme: String = scheme.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.len() <= 32
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    (valid && scheme != "http" && scheme != "https").then_some(scheme)
}

/// `location` made absolute against the URL it answered: as it is when it has a scheme, with
/// the request's scheme when it starts with `//` (another host), on the request's origin when
/// it is a path (`/…`); anything else (`../x`) is not taken. The result is read again as
/// `fetch` reads URLs, so that what is followed is a plain http(s) URL.
fn absolute(request_url: &str, location: &str) -> Result<String, Unfollowed> {
    let why = match url::origin(location) {
        Ok(_) => return Ok(location.to_string()),
        // `javascript:`, `file:`, `data:`… are named: "not http(s)" alone would not say that
        // the location was there, only of a scheme that is not followed.
        Err(UrlError::Scheme) => {
            return Err(other_scheme(location).map_or(Unfollowed::Url(UrlError::Scheme), Unfollowed::Scheme));
        }
        Err(why) => why,
    };
    let origin: Origin = url::origin(request_url).map_err(Unfollowed::Url)?;
    let scheme = match origin.scheme {
        Scheme::Https => "https",
        Scheme::Http => "http",
    };
    let target = match location.strip_prefix("//") {
        Some(_) => format!("{scheme}:{location}"),
        None if location.starts_with('/') && !location.starts_with("/\\") => format!("{scheme}://{origin}{location}"),
        None => return Err(Unfollowed::Url(why)),
    };
    url::origin(&target).map_err(Unfollowed::Url)?;
    Ok(target)
}

/// The storage a media host redirected to, as its answers name it: not the provider's API, so
/// named by its host.
pub fn storage_name(url: &str) -> String {
    let host = url::origin(url).map(|origin| origin.to_string()).unwrap_or_default();
    format!("the media's storage ({host})")
}

/// A failed answer of the storage a media host redirected to, retryable when the status says
/// the server was at fault.
pub fn storage_error(url: &str, response: &HttpResponse) -> AnswerError {
    answered_unexpectedly(&storage_name(url), response, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::unexpected_response;

    const BIRD: MediaHosts = MediaHosts { provider: Provider::Bird, domains: &["bird.com", "messagebird.com"] };
    const BASE: &str = "https://api.bird.com";

    #[test]
    fn credentials_go_only_to_the_provider_s_media_hosts_or_base_url() {
        for ok in [
            "https://media.api.bird.com/workspaces/w/messages/m/media/f",
            "https://media.nest.messagebird.com/workspaces/w/media/f",
            "https://api.bird.com/x",
        ] {
            assert!(BIRD.credentialed_get(ok, BASE).is_ok(), "{ok}");
        }
        for refused in [
            "https://evil.example\\.bird.com/x",
            "https://evil.example/.bird.com",
            "https://user@media.api.bird.com/x",
            "http://media.api.bird.com/x",
            "https://media.api.bird.com:8443/x",
            "https://bird.com.evil.example/x",
            "https://media.api.bird.com./x",
            "ftp://media.api.bird.com/x",
            "//media.api.bird.com/x",
        ] {
            let error = BIRD.credentialed_get(refused, BASE).unwrap_err();
            assert_eq!(error.code(), "ERR_ARGUMENT", "{refused}");
        }
        // The sandbox (baseUrl) on its own origin, exactly.
        assert!(BIRD.credentialed_get("http://127.0.0.1:8080/workspaces/x", "http://127.0.0.1:8080").is_ok());
        assert!(BIRD.credentialed_get("http://127.0.0.1:8081/workspaces/x", "http://127.0.0.1:8080").is_err());
    }

    #[test]
    fn a_public_download_takes_any_http_url_and_nothing_else() {
        assert!(public_get("https://s3.eu-central-1.wasabisys.com/bucket/file.jpg?X-Amz-Signature=1").is_ok());
        assert!(public_get("http://127.0.0.1:9/f").is_ok());
        for refused in ["file:///etc/passwd", "data:text/plain,hi", "/relative", "https://user:pw@host/x"] {
            assert!(public_get(refused).is_err(), "{refused}");
        }
    }

    fn answer(status: u16, headers: &[(&str, &str)], body: &[u8]) -> HttpResponse {
        HttpResponse {
            status,
            headers: headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
            body: body.to_vec(),
        }
    }

    #[test]
    fn a_download_is_the_file_a_redirect_or_the_provider_s_error() {
        let url = "https://media.api.bird.com/workspaces/w/messages/m/media/f";
        let refused = |_: &HttpResponse| unexpected_response(Provider::Bird, &answer(401, &[], b""), "x");
        let file = decode("bird", url, &answer(200, &[("content-type", "image/png")], b"\x89PNG"), refused);
        assert_eq!(file, Ok(Downloaded::File(b"\x89PNG".to_vec(), "image/png".into())));
        let moved = answer(302, &[("location", "https://bucket.s3.amazonaws.com/f?X-Amz-Signature=s")], b"");
        assert_eq!(
            decode("bird", url, &moved, refused),
            Ok(Downloaded::Redirect("https://bucket.s3.amazonaws.com/f?X-Amz-Signature=s".into()))
        );
        let relative = answer(307, &[("location", "/files/f?sig=1")], b"");
        assert_eq!(
            decode("bird", url, &relative, refused),
            Ok(Downloaded::Redirect("https://media.api.bird.com/files/f?sig=1".into()))
        );
        let other_host = answer(302, &[("location", "//cdn.example/f?sig=2")], b"");
        assert_eq!(
            decode("bird", url, &other_host, refused),
            Ok(Downloaded::Redirect("https://cdn.example/f?sig=2".into()))
        );
        for location in [None, Some("files/f"), Some("//user@evil.example/f"), Some("/\\evil.example/f")] {
            let headers: Vec<(&str, &str)> = location.map(|l| ("location", l)).into_iter().collect();
            let error = decode("bird", url, &answer(302, &headers, b""), refused).unwrap_err();
            assert_eq!(error.code(), "ERR_UNEXPECTED_RESPONSE", "{location:?}");
        }
        let error = decode("bird", url, &answer(404, &[], b"gone"), refused).unwrap_err();
        assert_eq!(error.code(), "ERR_UNEXPECTED_RESPONSE");
    }

    fn message_of(error: AnswerError) -> (String, bool) {
        match error {
            AnswerError::Unexpected(u) => (u.message, u.retryable),
            other => panic!("expected an unexpected answer, got {other:?}"),
        }
    }

    #[test]
    fn a_redirect_that_is_not_followed_says_why_without_the_location_itself() {
        let url = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&hash=h";
        let refused = |_: &HttpResponse| unexpected_response(Provider::Meta, &answer(401, &[], b""), "x");
        for (location, scheme) in [
            ("javascript:alert(document.cookie)", "javascript"),
            ("file:///etc/passwd", "file"),
            ("data:image/png;base64,iVBORw0KGgo=", "data"),
            // As the URL parser reads it: leading spaces skipped, tabs dropped, lower-cased.
            ("  Java\tScript:alert(1)", "javascript"),
            ("ftp://user:s3cret@files.example/f", "ftp"),
        ] {
            let error = decode("meta", url, &answer(302, &[("location", location)], b""), refused).unwrap_err();
            let (message, retryable) = message_of(error);
            assert_eq!(
                message,
                format!(
                    "meta answered HTTP 302 redirecting to a {scheme}: location; only http(s) redirects are followed"
                )
            );
            assert!(!retryable, "{location}");
        }
        // An http(s) location that is not followed says why, and nothing of what it holds.
        for (location, why) in [
            ("https://user:s3cret@storage.example/f", "has a user name or password before the host"),
            ("files/f?X-Amz-Signature=s3cret", "is not an absolute URL (scheme://host)"),
            ("https://[::1/f?sig=s3cret", "has an empty, non-ASCII or malformed host"),
        ] {
            let (message, _) =
                message_of(decode("bird", url, &answer(307, &[("location", location)], b""), refused).unwrap_err());
            assert_eq!(message, format!("bird answered HTTP 307 redirecting to a location that {why}; not followed"));
            assert!(!message.contains("s3cret"), "{message}");
        }
        // A scheme too long to be one is not echoed either.
        let long = format!("{}:x", "a".repeat(40));
        let (message, _) =
            message_of(decode("bird", url, &answer(302, &[("location", &long)], b""), refused).unwrap_err());
        assert_eq!(message, "bird answered HTTP 302 redirecting to a location that is not http(s); not followed");
        // No Location at all is still said so, and the storage a host redirected to is named as such.
        let (message, _) = message_of(decode("meta", url, &answer(302, &[], b""), refused).unwrap_err());
        assert_eq!(message, "meta answered HTTP 302 without a Location: (empty body)");
        let storage = storage_name("https://bucket.s3.amazonaws.com/f?X-Amz-Signature=s3cret");
        let (message, _) = message_of(
            decode(&storage, url, &answer(301, &[("location", "file:///etc/passwd")], b""), refused).unwrap_err(),
        );
        assert_eq!(
            message,
            "the media's storage (bucket.s3.amazonaws.com) answered HTTP 301 redirecting to a file: location; only http(s) redirects are followed"
        );
    }
}
