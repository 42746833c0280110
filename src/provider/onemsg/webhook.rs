//! 1MSG signs no webhook. What it offers instead is the URL it calls, which you choose: put a
//! shared secret in it (`https://…/hooks/1msg?secret=…`) and every delivery must carry it.

use crate::error::SignatureError;
use crate::provider::webhook::{Delivery, Verify};
use crate::signature::secret_matches;

pub(super) fn verify(delivery: &Delivery<'_>, options: &Verify<'_>) -> Result<(), SignatureError> {
    let name = options.token_parameter;
    let missing = || {
        SignatureError::Missing(format!(
            "{name} parameter in its URL (1MSG signs nothing: the shared token is the check)"
        ))
    };
    let query = delivery.url.and_then(|url| url.split_once('?')).map_or("", |(_, q)| q.split('#').next().unwrap_or(""));
    let given = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        // As a server reads a query (and URLSearchParams writes one): `+` is a space.
        .map(|(_, value)| crate::http::url::percent_decode(value.replace('+', " ").as_bytes()))
        .ok_or_else(missing)?;
    if secret_matches(&given, options.secret.as_bytes()) {
        Ok(())
    } else {
        Err(SignatureError::TokenMismatch { parameter: name.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_token_of_the_url_is_the_check() {
        let check = |url: Option<&str>| verify(&Delivery { body: b"{}", headers: &[], url }, &Verify::new("s3cr3t/+"));
        assert_eq!(check(Some("https://h.example/1msg?a=1&secret=s3cr3t%2F%2B")), Ok(()));
        let wrong = check(Some("https://h.example/1msg?secret=wrong")).unwrap_err();
        assert_eq!(wrong, SignatureError::TokenMismatch { parameter: "secret".into() });
        // It says the token is wrong (1MSG signs no body), and never what the token was.
        let said = wrong.to_string();
        assert!(said.contains("token") && !said.contains("signature") && !said.contains("wrong"), "{said}");
        assert!(matches!(check(Some("https://h.example/1msg")), Err(SignatureError::Missing(_))));
        assert!(matches!(check(None), Err(SignatureError::Missing(_))));
        // A space written as `+`, as URLSearchParams writes it, is a space.
        let spaced = |url: &str| verify(&Delivery { body: b"{}", headers: &[], url: Some(url) }, &Verify::new("a b+c"));
        assert_eq!(spaced("https://h.example/1msg?secret=a+b%2Bc"), Ok(()));
        assert_eq!(spaced("https://h.example/1msg?secret=a%20b%2Bc"), Ok(()));
        assert!(spaced("https://h.example/1msg?secret=a+b+c").is_err());
    }
}
