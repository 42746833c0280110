//! Every webhook fixture (tests/fixtures/webhooks/<provider>/*.json: a body from the
//! provider's documentation or spec, and the events it must give) read natively: as many
//! events as expected, each holding at least the fields expected, and its provider's raw
//! object found in the body.

use serde_json::Value;
use std::path::Path;
use wabridge::Provider;
use wabridge::provider::webhook::events_json;

/// `actual` holds everything `expected` says: objects member by member (more members are
/// fine; a member expected `null` must be absent), arrays item by item and of the same
/// length, other values equal.
fn holds(actual: &Value, expected: &Value, at: &str) -> Result<(), String> {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e.iter().try_for_each(|(key, value)| match a.get(key) {
            None if value.is_null() => Ok(()),
            None => Err(format!("{at}/{key} is missing")),
            Some(member) => holds(member, value, &format!("{at}/{key}")),
        }),
        (Value::Array(a), Value::Array(e)) if a.len() == e.len() => {
            a.iter().zip(e).enumerate().try_for_each(|(i, (a, e))| holds(a, e, &format!("{at}/{i}")))
        }
        _ if actual == expected => Ok(()),
        _ => Err(format!("{at} is {actual}, expected {expected}")),
    }
}

/// Whether `part` is `whole` or somewhere inside it.
fn contains(whole: &Value, part: &Value) -> bool {
    whole == part
        || match whole {
            Value::Object(members) => members.values().any(|v| contains(v, part)),
            Value::Array(items) => items.iter().any(|v| contains(v, part)),
            _ => false,
        }
}

#[test]
fn every_fixture_gives_its_events() {
    let mut checked = 0;
    for (provider, folder) in [(Provider::Meta, "meta"), (Provider::Bird, "bird"), (Provider::OneMsg, "1msg")] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webhooks").join(folder);
        let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let name = format!("{folder}/{}", path.file_name().unwrap().to_string_lossy());
            let fixture: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let body = serde_json::to_string(&fixture["body"]).unwrap();
            let events: Value = serde_json::from_str(&events_json(provider, body.as_bytes()).unwrap()).unwrap();
            let expected = fixture["expect"].as_array().unwrap_or_else(|| panic!("{name}: no expect"));
            let events = events.as_array().unwrap();
            assert_eq!(events.len(), expected.len(), "{name}: {events:#?}");
            for (i, (event, expected)) in events.iter().zip(expected).enumerate() {
                holds(event, expected, "").unwrap_or_else(|e| panic!("{name} event {i}: {e}\n{event:#}"));
                assert_eq!(event["provider"], provider.name(), "{name}");
                assert!(contains(&fixture["body"], &event["raw"]), "{name} event {i}: raw is not from the body");
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} fixtures");
}

#[test]
fn a_body_of_another_provider_or_no_json_is_refused_with_why() {
    let meta = br#"{"object":"whatsapp_business_account","entry":[]}"#;
    let bird = br#"{"service":"channels","event":"whatsapp.inbound","payload":{}}"#;
    let onemsg = br#"{"messages":[]}"#;
    for (provider, body, why) in [
        (Provider::Meta, &bird[..], "object"),
        (Provider::Meta, br#"{"object":"page","entry":[]}"#, "\"page\""),
        (Provider::Bird, &meta[..], "event"),
        (Provider::OneMsg, &meta[..], "messages"),
        (Provider::Meta, b"not json", "not JSON"),
        (Provider::Bird, b"\xff\xfe", "UTF-8"),
        (Provider::OneMsg, b"[1]", "object"),
        (Provider::OneMsg, br#"{"messages":"oops"}"#, "\"messages\" is not an array"),
        (Provider::OneMsg, br#"{"instanceId":"VID1","ack":{"id":"x"}}"#, "\"ack\" is not an array"),
        (Provider::OneMsg, br#"{"messages":["hi"]}"#, "1MSG's messages objects"),
    ] {
        let error = events_json(provider, body).unwrap_err();
        assert_eq!(error.provider, provider);
        assert!(error.to_string().contains(why), "{provider}: {error}");
        assert!(error.to_string().starts_with(&format!("this is not a {provider} webhook")), "{error}");
    }
    for (provider, body) in [(Provider::Meta, &meta[..]), (Provider::Bird, &bird[..]), (Provider::OneMsg, &onemsg[..])]
    {
        assert!(events_json(provider, body).is_ok(), "{provider}");
    }
}

#[test]
fn signature_vectors_computed_elsewhere_verify_as_expected() {
    use wabridge::provider::webhook::{Delivery, Verify, verify};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webhooks/signatures.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let vectors = file["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 15);
    for v in vectors {
        let provider: Provider = v["provider"].as_str().unwrap().parse().unwrap();
        let headers: Vec<(String, String)> = v["headers"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(name, value)| (name.clone(), value.as_str().unwrap().to_string()))
            .collect();
        let body = v["body"].as_str().unwrap().as_bytes();
        let delivery = Delivery { body, headers: &headers, url: v["url"].as_str() };
        let mut options = Verify::new(v["secret"].as_str().unwrap());
        if let Some(seconds) = v["toleranceSeconds"].as_u64() {
            options.tolerance_seconds = seconds;
        }
        let outcome = verify(provider, &delivery, &options).map_or_else(|e| e.reason(), |()| "accepted");
        assert_eq!(outcome, v["expect"], "{}", v["name"]);
        if outcome == "accepted" {
            events_json(provider, body).unwrap_or_else(|e| panic!("{}: {e}", v["name"]));
        }
    }
}

#[test]
fn a_webhook_body_read_as_a_request_says_what_it_is() {
    for (provider, folder, file) in [
        (Provider::Meta, "meta", "text-message.json"),
        (Provider::Bird, "bird", "inbound-text.json"),
        (Provider::OneMsg, "1msg", "messages-chat.json"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webhooks").join(folder).join(file);
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let body = fixture["body"].to_string();
        let error = wabridge::provider::parse(provider, &body, None).unwrap_err();
        assert!(error.to_string().contains("readWebhook"), "{provider}: {error}");
    }
}

#[test]
fn a_1msg_echo_names_the_customer_not_the_business() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webhooks/1msg/messages-echo.json");
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let events: Value =
        serde_json::from_str(&events_json(Provider::OneMsg, fixture["body"].to_string().as_bytes()).unwrap()).unwrap();
    let echo = &events[0];
    assert_eq!(echo["fromMe"], true);
    // The business is the author and senderName of an echo: neither is given as the customer.
    assert_eq!(echo["from"], serde_json::json!({"id": "16505551234@c.us", "phone": "+16505551234"}));
    assert_eq!(events[1]["fromMe"], false);
}
