//! Downloading the media a customer sent, the same way for every provider: a media URL gets the
//! client's credentials only where `fetch` itself would take it to the provider's own media
//! hosts (or exactly to `baseUrl`'s origin: the sandbox, a proxy); everything else is fetched
//! without them or refused before any I/O. The hosts differ per provider:
//! - Meta: `getMedia`'s URL on `*.fbsbx.com` (and Meta's other domains), with the token;
//! - Bird: `mediaUrl` on `media.api.bird.com` (or `media.nest.messagebird.com`), with the
//!   access key, which answers with a redirect to the file's storage (a presigned URL): that
//!   second request goes without the key (S3 refuses two authorizations; the key stays Bird's);
//! - 1MSG: its files are public links, fetched without the token.

use super::{Provider, answered_unexpectedly, unexpected_response};
use crate::error::{AnswerError, BodyError};
use crate::http::url::{self, Origin, Scheme};
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
/// (the provider's error body), or an unexpected answer naming the file.
pub(crate) fn decode(
    provider: Provider,
    request_url: &str,
    response: &HttpResponse,
    refused: impl FnOnce(&HttpResponse) -> AnswerError,
) -> Result<Downloaded, AnswerError> {
    if response.is_success() {
        let mime = response.header("content-type").unwrap_or("application/octet-stream").to_string();
        return Ok(Downloaded::File(response.body.clone(), mime));
    }
    if (300..400).contains(&response.status) {
        let target = response.header("location").and_then(|location| absolute(request_url, location));
        return target.map(Downloaded::Redirect).ok_or_else(|| unexpected_response(provider, response, "a Location"));
    }
    Err(refused(response))
}

/// `location` made absolute against the URL it answered: as it is when it has a scheme, with
/// the request's scheme when it starts with `//` (another host), on the request's origin when
/// it is a path (`/…`); anything else (`../x`) is not taken. The result is read again as
/// `fetch` reads URLs, so that what is followed is a plain http(s) URL.
fn absolute(request_url: &str, location: &str) -> Option<String> {
    if url::origin(location).is_ok() {
        return Some(location.to_string());
    }
    let origin: Origin = url::origin(request_url).ok()?;
    let scheme = match origin.scheme {
        Scheme::Https => "https",
        Scheme::Http => "http",
    };
    let target = match location.strip_prefix("//") {
        Some(_) => format!("{scheme}:{location}"),
        None if location.starts_with('/') && !location.starts_with("/\\") => format!("{scheme}://{origin}{location}"),
        None => return None,
    };
    url::origin(&target).is_ok().then_some(target)
}

/// A failed answer of the storage a media host redirected to: not the provider's API, so
/// named by its host, retryable when the status says the server was at fault.
pub fn storage_error(url: &str, response: &HttpResponse) -> AnswerError {
    let host = url::origin(url).map(|origin| origin.to_string()).unwrap_or_default();
    answered_unexpectedly(&format!("the media's storage ({host})"), response, "")
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let file = decode(Provider::Bird, url, &answer(200, &[("content-type", "image/png")], b"\x89PNG"), refused);
        assert_eq!(file, Ok(Downloaded::File(b"\x89PNG".to_vec(), "image/png".into())));
        let moved = answer(302, &[("location", "https://bucket.s3.amazonaws.com/f?X-Amz-Signature=s")], b"");
        assert_eq!(
            decode(Provider::Bird, url, &moved, refused),
            Ok(Downloaded::Redirect("https://bucket.s3.amazonaws.com/f?X-Amz-Signature=s".into()))
        );
        let relative = answer(307, &[("location", "/files/f?sig=1")], b"");
        assert_eq!(
            decode(Provider::Bird, url, &relative, refused),
            Ok(Downloaded::Redirect("https://media.api.bird.com/files/f?sig=1".into()))
        );
        let other_host = answer(302, &[("location", "//cdn.example/f?sig=2")], b"");
        assert_eq!(
            decode(Provider::Bird, url, &other_host, refused),
            Ok(Downloaded::Redirect("https://cdn.example/f?sig=2".into()))
        );
        for location in [None, Some("files/f"), Some("//user@evil.example/f"), Some("/\\evil.example/f")] {
            let headers: Vec<(&str, &str)> = location.map(|l| ("location", l)).into_iter().collect();
            let error = decode(Provider::Bird, url, &answer(302, &headers, b""), refused).unwrap_err();
            assert_eq!(error.code(), "ERR_UNEXPECTED_RESPONSE", "{location:?}");
        }
        let error = decode(Provider::Bird, url, &answer(404, &[], b"gone"), refused).unwrap_err();
        assert_eq!(error.code(), "ERR_UNEXPECTED_RESPONSE");
    }
}
