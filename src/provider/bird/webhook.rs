//! Bird's webhooks: `messagebird-signature` is the base64 HMAC-SHA256, under the signing
//! key, of the `messagebird-request-timestamp`, a newline, the URL Bird called, a newline, and
//! the SHA-256 of the raw body as bytes.

use crate::error::SignatureError;
use crate::provider::webhook::{Delivery, Verify};
use crate::signature::{constant_time_eq, decode_base64, hmac_sha256, sha256};

pub(super) fn verify(delivery: &Delivery<'_>, options: &Verify<'_>) -> Result<(), SignatureError> {
    let missing = |what: &str| SignatureError::Missing(what.into());
    let signature = delivery.header("messagebird-signature").ok_or_else(|| missing("messagebird-signature header"))?;
    let timestamp = delivery
        .header("messagebird-request-timestamp")
        .ok_or_else(|| missing("messagebird-request-timestamp header"))?;
    let url = delivery.url.ok_or_else(|| missing("URL it was delivered to (Bird signs it)"))?;
    let given = decode_base64(signature)
        .filter(|bytes| bytes.len() == 32)
        .ok_or_else(|| SignatureError::Malformed("messagebird-signature is a base64 HMAC-SHA256".into()))?;
    let seconds: i64 = timestamp.parse().map_err(|_| {
        SignatureError::Malformed(format!("messagebird-request-timestamp is Unix seconds (got {timestamp:?})"))
    })?;
    let checked = options.tolerance_seconds != crate::provider::webhook::NO_FRESHNESS_CHECK;
    if let Some(now_ms) = options.now_ms.filter(|_| checked) {
        // Saturating: a timestamp near i64's ends is far from now, not an overflow (a panic
        // with overflow checks on; a wrapped, meaningless age without).
        let age_seconds = ((now_ms / 1000.0) as i64).saturating_sub(seconds);
        if age_seconds.unsigned_abs() > options.tolerance_seconds {
            return Err(SignatureError::Stale { age_seconds, tolerance_seconds: options.tolerance_seconds });
        }
    }
    let digest = sha256(delivery.body);
    let parts: [&[u8]; 5] = [timestamp.as_bytes(), b"\n", url.as_bytes(), b"\n", &digest];
    let expected = hmac_sha256(options.secret.as_bytes(), &parts);
    if constant_time_eq(&given, &expected) { Ok(()) } else { Err(SignatureError::UrlMismatch { url: shown(url) }) }
}

/// The URL as a mismatch names it: without its query (a 1MSG-style token), fragment and user
/// name or password (the error may go back to whoever posted the delivery).
fn shown(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    format!("{scheme}://{host}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://hooks.example.com/bird";

    fn sign(key: &str, timestamp: &str, body: &[u8]) -> String {
        let digest = sha256(body);
        let mac = hmac_sha256(key.as_bytes(), &[timestamp.as_bytes(), b"\n", URL.as_bytes(), b"\n", &digest]);
        crate::signature::encode_base64(&mac)
    }

    #[test]
    fn verifies_timestamp_url_and_body_within_the_window() {
        let body =
            "{\"service\":\"channels\",\"event\":\"whatsapp.inbound\",\"payload\":{\"body\":\"Olá\"}}".as_bytes();
        let headers = |signature: String, timestamp: &str| {
            vec![
                ("messagebird-signature".to_string(), signature),
                ("MessageBird-Request-Timestamp".to_string(), timestamp.to_string()),
            ]
        };
        let now = Some(1_796_083_200_000.0);
        let options = Verify { now_ms: now, ..Verify::new("signing-key") };
        let good = headers(sign("signing-key", "1796083100", body), "1796083100");
        let delivery = |headers| Delivery { body, headers, url: Some(URL) };
        assert_eq!(verify(&delivery(&good), &options), Ok(()));
        assert_eq!(
            verify(&Delivery { url: Some("https://elsewhere/hook?token=abc"), ..delivery(&good) }, &options),
            Err(SignatureError::UrlMismatch { url: "https://elsewhere/hook".into() }),
            "the URL checked against is said, without its query"
        );
        assert_eq!(
            verify(&Delivery { body: b"{}", ..delivery(&good) }, &options),
            Err(SignatureError::UrlMismatch { url: URL.into() })
        );
        assert_eq!(
            verify(&delivery(&good), &Verify { now_ms: now, ..Verify::new("other") }),
            Err(SignatureError::UrlMismatch { url: URL.into() })
        );
        let old = headers(sign("signing-key", "1796000000", body), "1796000000");
        assert_eq!(
            verify(&delivery(&old), &Verify { tolerance_seconds: 3600, ..options.clone() }),
            Err(SignatureError::Stale { age_seconds: 83_200, tolerance_seconds: 3600 })
        );
        assert_eq!(verify(&delivery(&old), &options), Ok(()), "a retry hours later, inside the default day");
        let unchecked = Verify { tolerance_seconds: crate::provider::webhook::NO_FRESHNESS_CHECK, ..options.clone() };
        let ancient = headers(sign("signing-key", "1000000000", body), "1000000000");
        assert_eq!(verify(&delivery(&ancient), &unchecked), Ok(()), "no freshness check: any age");
        let forged = headers(sign("other", "1000000000", body), "1000000000");
        assert_eq!(
            verify(&delivery(&forged), &unchecked),
            Err(SignatureError::UrlMismatch { url: URL.into() }),
            "the signature still is"
        );
        assert!(matches!(
            verify(&Delivery { url: None, ..delivery(&good) }, &options),
            Err(SignatureError::Missing(_))
        ));
        let said = |age_seconds| SignatureError::Stale { age_seconds, tolerance_seconds: 3600 }.to_string();
        assert_eq!(said(7200), "the webhook was signed 7200 s ago; the window is 3600 s");
        assert_eq!(said(-7200), "the webhook is dated 7200 s in the future; the window is 3600 s");
        let garbled = headers("not base64!".into(), "1796083100");
        assert!(matches!(verify(&delivery(&garbled), &options), Err(SignatureError::Malformed(_))));
        // Timestamps at i64's ends (from anyone: freshness is judged before the signature) are
        // stale, never an overflow (a panic with overflow checks, as in these tests).
        for (timestamp, now_ms) in [(i64::MIN, 1_796_083_200_000.0), (i64::MAX, -1e300), (i64::MAX, f64::NAN)] {
            let edge = headers("A".repeat(43) + "=", &timestamp.to_string());
            let at_edge = Delivery { body, headers: &edge, url: Some(URL) };
            let stale = verify(&at_edge, &Verify { now_ms: Some(now_ms), ..options.clone() });
            assert!(matches!(stale, Err(SignatureError::Stale { .. })), "{timestamp} at {now_ms}: {stale:?}");
        }
    }
}
