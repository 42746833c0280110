//! Meta's webhooks: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`,
//! and the verification challenge Meta sends when a webhook URL is configured.

use crate::error::SignatureError;
use crate::provider::webhook::{Delivery, Verify};
use crate::signature::{constant_time_eq, decode_hex, hmac_sha256, secret_matches};

pub(super) fn verify(delivery: &Delivery<'_>, options: &Verify<'_>) -> Result<(), SignatureError> {
    let header = delivery
        .header("x-hub-signature-256")
        .ok_or_else(|| SignatureError::Missing("X-Hub-Signature-256 header".into()))?;
    let given = header
        .strip_prefix("sha256=")
        .and_then(decode_hex)
        .filter(|bytes| bytes.len() == 32)
        .ok_or_else(|| SignatureError::Malformed("X-Hub-Signature-256 is sha256= and 64 hex digits".into()))?;
    let expected = hmac_sha256(options.secret.as_bytes(), &[delivery.body]);
    if constant_time_eq(&given, &expected) { Ok(()) } else { Err(SignatureError::Mismatch) }
}

/// Meta's verification request (`GET …?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`):
/// the challenge to answer with (HTTP 200) when the mode and token are right, else `None`
/// (answer 403). `query` is the URL's query, with or without its `?`.
pub fn challenge(query: &str, verify_token: &str) -> Option<String> {
    let mut mode = None;
    let mut token = None;
    let mut challenge = None;
    for pair in query.trim_start_matches('?').split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode_component(value);
        match name {
            "hub.mode" => mode = Some(value),
            "hub.verify_token" => token = Some(value),
            "hub.challenge" => challenge = Some(value),
            _ => {}
        }
    }
    let token_matches = token.is_some_and(|t| secret_matches(t.as_bytes(), verify_token.as_bytes()));
    (mode.as_deref() == Some("subscribe") && token_matches && !verify_token.is_empty()).then_some(challenge?)
}

/// A query component: `+` is a space, `%XX` a byte.
fn decode_component(value: &str) -> String {
    let bytes = crate::http::url::percent_decode(value.replace('+', " ").as_bytes());
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery<'a>(body: &'a [u8], headers: &'a [(String, String)]) -> Delivery<'a> {
        Delivery { body, headers, url: None }
    }

    #[test]
    fn verifies_over_the_raw_bytes() {
        // Escapes as Meta sends them: re-serializing this JSON would change the bytes signed.
        let body = br#"{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"text":"Ol\u00e1 \/ \ud83d\ude00"}}]}]}"#;
        let secret = "app-secret";
        let signature = format!("sha256={}", hex(&hmac_sha256(secret.as_bytes(), &[body])));
        let headers = [("X-Hub-Signature-256".to_string(), signature.clone())];
        assert_eq!(verify(&delivery(body, &headers), &Verify::new(secret)), Ok(()));
        let tampered = br#"{"object":"whatsapp_business_account","entry":[]}"#;
        assert_eq!(verify(&delivery(tampered, &headers), &Verify::new(secret)), Err(SignatureError::Mismatch));
        assert_eq!(verify(&delivery(body, &headers), &Verify::new("other")), Err(SignatureError::Mismatch));
        assert!(matches!(verify(&delivery(body, &[]), &Verify::new(secret)), Err(SignatureError::Missing(_))));
        let bad = [("x-hub-signature-256".to_string(), "sha1=abc".to_string())];
        assert!(matches!(verify(&delivery(body, &bad), &Verify::new(secret)), Err(SignatureError::Malformed(_))));
        let upper = [("x-hub-signature-256".to_string(), signature.to_uppercase().replace("SHA256=", "sha256="))];
        assert_eq!(verify(&delivery(body, &upper), &Verify::new(secret)), Ok(()));
    }

    #[test]
    fn answers_the_verification_challenge() {
        let query = "hub.mode=subscribe&hub.verify_token=my%20token&hub.challenge=1158201444";
        assert_eq!(challenge(query, "my token").as_deref(), Some("1158201444"));
        assert_eq!(challenge(&format!("?{query}"), "my token").as_deref(), Some("1158201444"));
        assert_eq!(challenge(query, "other"), None);
        assert_eq!(challenge("hub.mode=unsubscribe&hub.verify_token=t&hub.challenge=1", "t"), None);
        assert_eq!(challenge("hub.mode=subscribe&hub.verify_token=&hub.challenge=1", ""), None);
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}
