//! One `to` for every provider: a phone number as people write it, a 1MSG chat, a Bird contact
//! id or a group, each sent as its provider takes it — or refused, naming the provider and
//! the recipient, where the provider has no such recipient.

use serde_json::{Value, json};
use wabridge::error::BodyError;
use wabridge::message::Message;
use wabridge::provider::{Provider, serialize};

fn message(to: &str, group: bool) -> Message {
    let mut m = json!({"to": to, "content": {"type": "text", "body": "Hi"}});
    if group {
        m["recipientType"] = json!("group");
    }
    Message::from_json(&m.to_string()).unwrap()
}

fn body(provider: Provider, to: &str, group: bool) -> Result<Value, BodyError> {
    serialize(provider, &message(to, group)).map(|b| serde_json::from_str(&b).unwrap())
}

#[test]
fn phone_numbers_are_normalised_per_provider() {
    for written in ["+44 20 7946 0958", "+44 (0)20 7946 0958", "442079460958", "44 20-7946-0958", "442079460958@c.us"] {
        assert_eq!(body(Provider::Meta, written, false).unwrap()["to"], "442079460958", "{written}");
        let bird = body(Provider::Bird, written, false).unwrap();
        assert_eq!(bird["receiver"]["contacts"][0]["identifierValue"], "+442079460958", "{written}");
        assert_eq!(body(Provider::OneMsg, written, false).unwrap()["phone"], 442079460958u64, "{written}");
    }
    // Meta gets digits, however the number was written; a Meta body is written back as it
    // gave `to` (Meta takes `+` and digits both).
    assert_eq!(body(Provider::Meta, "+16505551234", false).unwrap()["to"], "16505551234");
    for to in ["+16505551234", "16505551234"] {
        let meta = format!(r#"{{"messaging_product":"whatsapp","to":"{to}","type":"text","text":{{"body":"Hi"}}}}"#);
        assert_eq!(wabridge::provider::meta::reproduce(&meta).unwrap(), meta);
    }
}

#[test]
fn invalid_numbers_are_refused_at_to() {
    for (to, why) in [
        ("+1 050 555 1234", "never start with 0"),
        ("+999 1234 5678", "assigned country calling code"),
        ("020 7946 0958", "a national number needs its region"),
        ("(650) 555-1234", "a national number needs its region"),
        ("00 44 20 7946 0958", "00 is an international dialling prefix"),
        ("+49 151", "national digits"),
        ("+44 20 7946 0958 12345", "national digits"),
    ] {
        let error = Message::from_json(&json!({"to": to, "content": {"type": "text", "body": "Hi"}}).to_string())
            .map(|m| serialize(Provider::Meta, &m));
        let violations = match error {
            Err(v) => v,
            Ok(Err(BodyError::Invalid(v))) => v,
            other => panic!("{to}: {other:?}"),
        };
        assert_eq!(violations[0].path, "/to", "{to}");
        assert!(violations[0].message.contains(why), "{to}: {}", violations[0].message);
    }
}

#[test]
fn provider_native_recipients() {
    let contact = "8f8c2b5e-4c1e-4a52-9a53-0b6f5e2f8a11";
    let bird = body(Provider::Bird, contact, false).unwrap();
    assert_eq!(bird["receiver"]["contacts"][0], json!({"id": contact}));
    for provider in [Provider::Meta, Provider::OneMsg] {
        let Err(BodyError::Unsupported(u)) = body(provider, contact, false) else { panic!("{provider}") };
        assert_eq!((u.provider, u.kind.as_str(), u.pointer()), (provider, "Bird contact id recipient", "/to"));
    }
    // A Bird body to a contact id reads back to the same neutral `to`.
    let again = wabridge::provider::parse(Provider::Bird, &bird.to_string(), None).unwrap();
    assert_eq!(again.to, contact);

    let meta = body(Provider::Meta, "120363025246125486", true).unwrap();
    assert_eq!((meta["to"].as_str(), meta["recipient_type"].as_str()), (Some("120363025246125486"), Some("group")));
    assert_eq!(body(Provider::OneMsg, "120363025246125486", true).unwrap()["chatId"], "120363025246125486@g.us");
    assert_eq!(body(Provider::OneMsg, "120363025246125486@g.us", true).unwrap()["chatId"], "120363025246125486@g.us");
    let Err(BodyError::Unsupported(u)) = body(Provider::Meta, "120363025246125486@g.us", true) else { panic!() };
    assert_eq!((u.kind.as_str(), u.pointer()), ("1MSG group chat recipient (<id>@g.us)", "/to"));
    let Err(BodyError::Unsupported(u)) = body(Provider::Bird, "120363025246125486", true) else { panic!() };
    assert_eq!((u.kind.as_str(), u.pointer()), ("group recipient", "/recipientType"));
    // A group chat is named as a group.
    let chat = Message::from_json(r#"{"to":"120363025246125486@g.us","content":{"type":"text","body":"Hi"}}"#).unwrap();
    let Err(BodyError::Invalid(v)) = serialize(Provider::OneMsg, &chat) else { panic!() };
    assert_eq!(v[0].path, "/to");
}

#[test]
fn a_mexican_customer_is_answered_by_the_whatsapp_id_their_messages_come_from() {
    // Meta's and 1MSG's webhooks name a Mexican mobile `521…` (the `1` Mexico dropped in 2019
    // kept): a reply to that id goes out as it is, on every provider and 1MSG's own bodies.
    assert_eq!(body(Provider::Meta, "+5215512345678", false).unwrap()["to"], "5215512345678");
    let bird = body(Provider::Bird, "+5215512345678", false).unwrap();
    assert_eq!(bird["receiver"]["contacts"][0]["identifierValue"], "+5215512345678");
    assert_eq!(body(Provider::OneMsg, "+5215512345678", false).unwrap()["phone"], 5215512345678u64);
    let native = r#"{"phone":5215512345678,"params":[{"type":"CAROUSEL","cards":[]}]}"#;
    let report = wabridge::provider::validate_body(Provider::OneMsg, native, Some("sendCarousel"));
    assert!(!format!("{report:?}").contains("/phone"), "{report:?}");
    // Not any eleven digits after +52.
    assert!(body(Provider::Meta, "+5225512345678", false).is_err());
}
