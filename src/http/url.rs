//! The scheme, host and port that `fetch` would contact for a URL, read the way `fetch` reads
//! it: with the WHATWG URL Standard's basic URL parser (https://url.spec.whatwg.org/), which
//! is what Node (ada), Deno (rust-url), Bun (WebKit), workerd and browsers implement. A check
//! that reads URLs any other way can be fooled: `https://evil.example\.fbsbx.com/` looks like
//! a Meta host to a split on `/`, but WHATWG reads `\` as `/` and contacts `evil.example`.
//!
//! Only what a credential check needs is parsed, and only for `http`/`https`. The parser is
//! never more permissive than WHATWG: whenever it accepts a URL, the host and port it returns
//! are the ones WHATWG gives; where an exact reading would need much more code (IDNA, IPv6
//! canonicalization) or depends on a base URL (relative and single-slash URLs), it refuses.
//! Refusing is always safe: the caller then sends nothing. (The `url` crate would do the
//! whole standard, at a size the wasm budget cannot afford.)

use std::fmt;

/// Why a URL was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlError {
    /// No scheme, or fewer than two slashes after it: `fetch` would resolve it against a base
    /// URL (a browser page's own origin), so the host it contacts is not in the string.
    NotAbsolute,
    /// A scheme other than `http` and `https`.
    Scheme,
    /// `user:pass@` before the host.
    Userinfo,
    /// An empty, non-ASCII or malformed host.
    Host,
    /// A port that is not a number up to 65535.
    Port,
    /// (Base URLs only) a query, a fragment, or a space or control character.
    NotABase,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UrlError::NotAbsolute => "is not an absolute URL (scheme://host)",
            UrlError::Scheme => "is not http(s)",
            UrlError::Userinfo => "has a user name or password before the host",
            UrlError::Host => "has an empty, non-ASCII or malformed host",
            UrlError::Port => "has an invalid port",
            UrlError::NotABase => "has a query, a fragment, or a space or control character",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// ASCII, lower case, as WHATWG serializes it (a trailing dot kept).
    Domain(String),
    Ipv4([u8; 4]),
    /// The literal between the brackets, lower-cased but not canonicalized: two spellings of
    /// one address compare unequal, which only ever refuses.
    Ipv6(String),
}

/// Scheme, host and port: whom a request to the URL reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub scheme: Scheme,
    pub host: Host,
    /// `None` for the scheme's default port (WHATWG drops an explicit `:443` on https).
    pub port: Option<u16>,
}

impl Origin {
    /// Whether the host is a subdomain of `domain` (`lookaside.fbsbx.com` of `fbsbx.com`): the
    /// suffix on a label boundary, every label non-empty. A trailing dot (`fbsbx.com.`, which
    /// WHATWG keeps and DNS treats as the same name) does not match: refused, not normalized.
    pub fn is_subdomain_of(&self, domain: &str) -> bool {
        let Host::Domain(host) = &self.host else { return false };
        let Some(sub) = host.strip_suffix(domain).and_then(|rest| rest.strip_suffix('.')) else { return false };
        !sub.is_empty() && sub.split('.').all(|label| !label.is_empty())
    }
}

/// `host[:port]` as `new URL(u).host` prints it.
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host {
            Host::Domain(name) => f.write_str(name)?,
            Host::Ipv4([a, b, c, d]) => write!(f, "{a}.{b}.{c}.{d}")?,
            Host::Ipv6(literal) => write!(f, "[{literal}]")?,
        }
        match self.port {
            Some(port) => write!(f, ":{port}"),
            None => Ok(()),
        }
    }
}

/// The origin `fetch(url)` contacts, or why it cannot be known (or is not http(s)).
pub fn origin(url: &str) -> Result<Origin, UrlError> {
    // §4.4 basic URL parser, first steps: strip leading and trailing C0 control or space,
    // then remove every ASCII tab or newline, wherever it is (`exa\tmple` is `example`).
    let url: String =
        url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();

    // Scheme start and scheme states: an ASCII alpha, then alphanumerics, `+`, `-`, `.`, up
    // to `:`; lower-cased. Anything else is a relative URL (resolved against a base).
    let (scheme, rest) = url.split_once(':').ok_or(UrlError::NotAbsolute)?;
    let scheme_chars = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.');
    if !scheme.starts_with(|c: char| c.is_ascii_alphabetic()) || !scheme.chars().all(scheme_chars) {
        return Err(UrlError::NotAbsolute);
    }
    let scheme = match scheme.to_ascii_lowercase().as_str() {
        "https" => Scheme::Https,
        "http" => Scheme::Http,
        _ => return Err(UrlError::Scheme),
    };

    // Special authority slashes and special authority ignore slashes states: for special
    // schemes `\` is a slash, and any run of slashes before the authority is skipped. With
    // fewer than two, the host depends on a base: without one (Node) `https:evil` contacts
    // `evil`; with a page of the same scheme as base, the special relative or authority state
    // makes it a path on the page's own host. Two or more slashes read alike either way.
    let is_slash = |c: char| c == '/' || c == '\\';
    let mut leading = rest.chars();
    if !(leading.next().is_some_and(is_slash) && leading.next().is_some_and(is_slash)) {
        return Err(UrlError::NotAbsolute);
    }
    let rest = rest.trim_start_matches(is_slash);

    // Authority state: the authority ends at `/`, `?`, `#` or (special schemes) `\`; an `@`
    // in it ends a userinfo. Credentials are refused outright (fetch throws on them too).
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(UrlError::Userinfo);
    }

    // Host state: a `:` outside brackets starts the port.
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']').ok_or(UrlError::Host)?;
        let (host, after) = authority.split_at(end + 1);
        match after {
            "" => (host, ""),
            _ => (host, after.strip_prefix(':').ok_or(UrlError::Host)?),
        }
    } else {
        authority.split_once(':').unwrap_or((authority, ""))
    };
    Ok(Origin { scheme, host: parse_host(host)?, port: parse_port(port, scheme)? })
}

/// A base URL to which paths are appended (`{base}/v23.0/…`): an [`origin`] with an optional
/// path, and nothing after it, so that every URL built on it reaches the same origin.
pub fn base_origin(base: &str) -> Result<Origin, UrlError> {
    if base.chars().any(|c| c <= ' ' || c == '\u{7f}' || c == '?' || c == '#') {
        return Err(UrlError::NotABase);
    }
    origin(base)
}

/// Port state: ASCII digits (possibly none) up to 65535; the scheme's default becomes `None`.
fn parse_port(port: &str, scheme: Scheme) -> Result<Option<u16>, UrlError> {
    if port.is_empty() {
        return Ok(None);
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(UrlError::Port);
    }
    // Leading zeros are allowed (`:0443` is 443); strip them so that `parse` sees no overflow
    // that WHATWG would not see.
    let digits = port.trim_start_matches('0');
    let number = if digits.is_empty() { 0 } else { digits.parse::<u16>().map_err(|_| UrlError::Port)? };
    let default = match scheme {
        Scheme::Https => 443,
        Scheme::Http => 80,
    };
    Ok((number != default).then_some(number))
}

/// §3.5 host parser, for special schemes.
fn parse_host(input: &str) -> Result<Host, UrlError> {
    if input.is_empty() {
        return Err(UrlError::Host);
    }
    // IPv6: never a Meta host, so not parsed: the literal is kept to compare with baseUrl's.
    if let Some(inner) = input.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or(UrlError::Host)?;
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return Err(UrlError::Host);
        }
        return Ok(Host::Ipv6(inner.to_ascii_lowercase()));
    }
    // Percent-decode, then "domain to ASCII" (UTS #46). UTS #46 is not implemented: a host
    // that is not ASCII after decoding is refused (a Meta media URL is always ASCII; fetch
    // would map `．` and `。` to dots, fullwidth letters to ASCII, …). On ASCII input UTS #46
    // only lower-cases; `xn--` labels stay as they are (fetch fails on invalid punycode).
    let decoded = percent_decode(input.as_bytes());
    if !decoded.is_ascii() {
        return Err(UrlError::Host);
    }
    let domain = String::from_utf8_lossy(&decoded).to_ascii_lowercase();
    // WHATWG then refuses forbidden domain code points (`/`, `\`, `@`, `:`, `%`, space,
    // controls, …) and accepts the rest (`*`, `"`, `{`, …). Stricter here: letters, digits,
    // `-`, `_` and `.`, which every host name a provider uses fits.
    if !domain.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) {
        return Err(UrlError::Host);
    }
    // The ends-in-a-number checker: such a host is an IPv4 address or a failure, never a name.
    if ends_in_a_number(&domain) {
        return parse_ipv4(&domain).map(Host::Ipv4).ok_or(UrlError::Host);
    }
    Ok(Host::Domain(domain))
}

/// A URL as RFC 3986 writes it: in its path, query and fragment, each character outside
/// ASCII, and each space or control character, percent-encoded as its UTF-8 bytes (what a
/// browser sends for `https://example.com/ü.jpg`); the same URL, in the spelling a
/// `format: uri` field takes. `None` when its host is not ASCII (a browser writes
/// `bücher.de` in punycode, `xn--bcher-kva.de`, which this does not).
pub fn ascii_url(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    if url.bytes().all(|b| b.is_ascii_graphic()) {
        return Some(std::borrow::Cow::Borrowed(url));
    }
    let after_scheme = url.find("://").map_or(0, |at| at + 3);
    let host_end = url[after_scheme..].find(['/', '?', '#']).map_or(url.len(), |end| after_scheme + end);
    if !url[..host_end].is_ascii() {
        return None;
    }
    Some(std::borrow::Cow::Owned(format!("{}{}", &url[..host_end], escaped(&url[host_end..]))))
}

/// `text` with each byte outside printable ASCII (a space, a control character, every byte of
/// a character beyond ASCII) percent-encoded.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for byte in text.bytes() {
        if byte.is_ascii_graphic() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-encodes a query parameter value (RFC 3986 unreserved characters pass).
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// §1.3 percent-decode: `%` and two hex digits become a byte; any other `%` stays.
pub(crate) fn percent_decode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while let Some(&byte) = input.get(i) {
        let pair = (input.get(i + 1).copied().and_then(hex), input.get(i + 2).copied().and_then(hex));
        match (byte, pair) {
            (b'%', (Some(high), Some(low))) => {
                out.push(high << 4 | low);
                i += 3;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// The last label, ignoring one trailing empty label (`127.0.0.1.`).
fn last_label(domain: &str) -> &str {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    domain.rsplit('.').next().unwrap_or("")
}

/// §3.5 ends-in-a-number checker.
fn ends_in_a_number(domain: &str) -> bool {
    let last = last_label(domain);
    !last.is_empty() && (last.bytes().all(|b| b.is_ascii_digit()) || ipv4_number(last).is_some())
}

/// §3.5 IPv4 number parser: `0x`/`0X` hex, a leading `0` octal, else decimal; empty is 0.
fn ipv4_number(part: &str) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (digits, radix) = if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
        (hex, 16)
    } else if let Some(octal) = part.strip_prefix('0').filter(|rest| !rest.is_empty()) {
        (octal, 8)
    } else {
        (part, 10)
    };
    if digits.is_empty() {
        return Some(0);
    }
    // Every value above 2^32 is a failure anyway: saturate rather than overflow.
    digits.chars().try_fold(0u64, |n, c| Some(n.saturating_mul(radix).saturating_add(c.to_digit(radix as u32)? as u64)))
}

/// §3.5 IPv4 parser: one to four numbers; all but the last below 256, the last filling the
/// remaining bytes (`127.1` is 127.0.0.1, `2130706433` too).
fn parse_ipv4(domain: &str) -> Option<[u8; 4]> {
    let domain = domain.strip_suffix('.').unwrap_or(domain);
    let parts: Vec<&str> = domain.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    let numbers: Vec<u64> = parts.iter().map(|p| ipv4_number(p)).collect::<Option<_>>()?;
    let (last, init) = numbers.split_last()?;
    if init.iter().any(|&n| n > 255) || *last >= 256u64.pow(5 - numbers.len() as u32) {
        return None;
    }
    let mut address = *last;
    for (i, &n) in init.iter().enumerate() {
        address += n << (8 * (3 - i));
    }
    u32::try_from(address).ok().map(u32::to_be_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The table shared with tests/js/url-hosts.test.mjs, where every `fetchHost` is checked
    /// against the runtime's own `new URL(url).host` (`null`: `new URL` throws).
    pub(crate) fn cases() -> Vec<Value> {
        let table: Value = serde_json::from_str(include_str!("../../tests/fixtures/url-hosts.json")).unwrap();
        table["cases"].as_array().unwrap().clone()
    }

    #[test]
    fn agrees_with_whatwg_whenever_it_accepts() {
        let cases = cases();
        assert!(cases.len() > 100);
        for case in &cases {
            let url = case["url"].as_str().unwrap();
            match origin(url) {
                Ok(origin) => assert_eq!(Some(origin.to_string().as_str()), case["fetchHost"].as_str(), "{url:?}"),
                // Refusing is always safe, but must not refuse what the token should reach.
                Err(_) => assert_eq!(case["token"], false, "{url:?} refused"),
            }
        }
    }

    #[test]
    fn reads_schemes_slashes_userinfo_and_ports() {
        let https = |host: &str, port| Ok(Origin { scheme: Scheme::Https, host: Host::Domain(host.into()), port });
        assert_eq!(origin("https://a.example/x"), https("a.example", None));
        assert_eq!(origin(" \u{1}HTTPS:\\/\\\\A.Example:0443\\x"), https("a.example", None));
        assert_eq!(origin("https://a.exa\tmple:8\n443?x"), https("a.example", Some(8443)));
        assert_eq!(origin("https://a%2Eb.example:/"), https("a.b.example", None));
        assert_eq!(
            origin("http://a.example:443"),
            Ok(Origin { scheme: Scheme::Http, host: Host::Domain("a.example".into()), port: Some(443) })
        );
        for (url, error) in [
            ("https:a.example", UrlError::NotAbsolute),
            ("https:/a.example", UrlError::NotAbsolute),
            ("//a.example", UrlError::NotAbsolute),
            ("\u{a0}https://a.example", UrlError::NotAbsolute),
            ("1https://a.example", UrlError::NotAbsolute),
            ("wss://a.example", UrlError::Scheme),
            ("https://u@a.example", UrlError::Userinfo),
            ("https://a.example:65536", UrlError::Port),
            ("https://a.example:1:2", UrlError::Port),
            ("https://a.example:+1", UrlError::Port),
            ("https://", UrlError::Host),
            ("https://a%2Fb", UrlError::Host),
            ("https://a%", UrlError::Host),
            ("https://a%zz", UrlError::Host),
            ("https://é.example", UrlError::Host),
            ("https://a%C3%A9.example", UrlError::Host),
            ("https://a%FF.example", UrlError::Host),
            ("https://[::1", UrlError::Host),
            ("https://[]", UrlError::Host),
            ("https://[::1]x", UrlError::Host),
            ("https://[a.example]", UrlError::Host),
        ] {
            assert_eq!(origin(url), Err(error), "{url:?}");
        }
    }

    #[test]
    fn reads_ipv4_in_every_form_whatwg_knows() {
        for (host, address) in [
            ("127.0.0.1", Some([127, 0, 0, 1])),
            ("0x7f.0.0.1", Some([127, 0, 0, 1])),
            ("0X7F.1", Some([127, 0, 0, 1])),
            ("0177.0.0.01", Some([127, 0, 0, 1])),
            ("2130706433", Some([127, 0, 0, 1])),
            ("127.1.", Some([127, 0, 0, 1])),
            ("0x", Some([0, 0, 0, 0])),
            ("1.2.3.4.5", None),
            ("256.0.0.1", None),
            ("1.2.3.256", None),
            ("1.2.65536", None),
            ("4294967296", None),
            ("99999999999999999999999999", None),
            ("08", None),
            ("a.1", None),
            ("1..1", None),
        ] {
            let url = format!("http://{host}/");
            assert_eq!(origin(&url).ok().map(|o| o.host), address.map(Host::Ipv4), "{host}");
        }
        // Not numbers: names (as `new URL` reads them).
        for name in ["0x1g", "a.0x1g", "."] {
            assert_eq!(origin(&format!("http://{name}/")).map(|o| o.host), Ok(Host::Domain(name.into())));
        }
    }

    #[test]
    fn subdomains_on_a_label_boundary_only() {
        let sub = |url: &str| origin(url).unwrap().is_subdomain_of("fbsbx.com");
        assert!(sub("https://lookaside.fbsbx.com/") && sub("https://a.b.fbsbx.com/"));
        for url in [
            "https://fbsbx.com/",
            "https://evilfbsbx.com/",
            "https://.fbsbx.com/",
            "https://a..fbsbx.com/",
            "https://a.fbsbx.com./",
            "https://fbsbx.com.a/",
        ] {
            assert!(!sub(url), "{url}");
        }
        assert!(!origin("http://127.0.0.1/").unwrap().is_subdomain_of("0.1"));
    }

    /// Every table URL with each interesting character inserted at, or substituted for, each
    /// position: no panic, and every accepted host is ASCII lower case from the allowed set.
    #[test]
    fn never_panics_on_mutated_urls() {
        let inserts = ["\\", "/", "@", ":", "%", "%2", "[", "]", ".", "\t", " ", "\0", "é", "．", "0x", "\u{fffd}"];
        for case in cases() {
            let url = case["url"].as_str().unwrap();
            let boundaries: Vec<usize> = (0..=url.len()).filter(|&i| url.is_char_boundary(i)).collect();
            for &at in &boundaries {
                for insert in inserts {
                    let (head, tail) = url.split_at(at);
                    let next = tail.chars().next().map_or(0, char::len_utf8);
                    for mutated in [format!("{head}{insert}{tail}"), format!("{head}{insert}{}", &tail[next..])] {
                        if let Ok(Origin { host: Host::Domain(host), .. }) = origin(&mutated) {
                            assert!(
                                host.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.')),
                                "{mutated:?}"
                            );
                        }
                        let _ = base_origin(&mutated);
                    }
                }
            }
        }
    }

    #[test]
    fn base_urls_have_nothing_after_the_path() {
        assert!(base_origin("https://graph.facebook.com").is_ok());
        assert!(base_origin("http://127.0.0.1:9/proxy/wa").is_ok());
        for base in [
            "https://a.example?x=",
            "https://a.example#",
            "https://a.example ",
            "https://a.exa\tmple",
            "ftp://a.example",
            "https://u:p@a.example",
            "https:",
        ] {
            assert!(base_origin(base).is_err(), "{base:?}");
        }
    }
}
