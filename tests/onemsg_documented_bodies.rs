//! Bodies 1MSG documents are accepted, and their broken forms refused at the pointer of the
//! field broken, with its limit. The sources (docs/1msg-reference.md; ../shared/specs/1msg):
//! - sendList `buttonText`: the current contract's SendListRequest (1msg-public-api-1.0.0
//!   .operations.json, models.SendListRequest, and its example body beside `action`).
//! - sendTemplate `useMMlite`, `messageActivitySharing`, `messageSendTtlSeconds`: the same
//!   file's SendTemplateRequest, the TTL's ranges in its description.
//! - sendTemplate `language.policy` optional: swagger.waba.json SendTemplateRequest.language
//!   lists no required member; SendTemplateRequestLanguage flags none either.
//! - sendContact `birthday: ""`: 1MSG's own example body (operations sendContact), read as no
//!   birthday; swagger's "YYYY-MM-DD formatted string" still holds for any other value.
//! - POST /me `email`: "Business email" (swagger MeComponents), which Meta's business profile
//!   takes "in valid email format"; "" clears it.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use wabridge::BodyError;
use wabridge::message::Content;
use wabridge::provider::{self, Format, Provider};

const ONEMSG: Format = Format::Provider(Provider::OneMsg);

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/1msg/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every violation of `body` sent to `method`: pointer, code and limit.
fn faults(method: &str, body: &Value) -> Vec<(String, &'static str, Option<f64>)> {
    provider::validate_body(Provider::OneMsg, &body.to_string(), Some(method))
        .unwrap()
        .into_iter()
        .map(|v| (v.path, v.code.as_str(), v.limit))
        .collect()
}

fn with(mut body: Value, key: &str, value: Value) -> Value {
    body[key] = value;
    body
}

/// What reading `body` into the neutral model refuses as unsupported, and where.
fn unsupported_at(method: &str, body: &Value) -> String {
    match provider::parse(Provider::OneMsg, &body.to_string(), Some(method)) {
        Err(BodyError::Unsupported(u)) => u.pointer().to_string(),
        other => panic!("expected unsupported, got {other:?}"),
    }
}

#[test]
fn send_list_takes_button_text() {
    let sdk = fixture("sendList-button-text.json");
    assert_eq!(faults("sendList", &sdk), []);
    // Reproduced as given (tests/fixtures/1msg are all reproduced exactly: src/provider/onemsg).
    let again = provider::convert(ONEMSG, ONEMSG, &sdk.to_string(), Some("sendList")).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&again).unwrap(), sdk);
    // It is the text of the button that opens the list: WhatsApp's 20 characters.
    assert_eq!(faults("sendList", &with(sdk.clone(), "buttonText", json!("x".repeat(20)))), []);
    assert_eq!(
        faults("sendList", &with(sdk.clone(), "buttonText", json!("x".repeat(21)))),
        [("/buttonText".into(), "too_long", Some(20.0))]
    );
    assert_eq!(
        faults("sendList", &with(sdk.clone(), "buttonText", json!(""))),
        [("/buttonText".into(), "required", Some(1.0))]
    );
    assert_eq!(faults("sendList", &with(sdk.clone(), "buttonText", json!(5)))[0].0, "/buttonText");
    // `action` stays required (2.39 requires it; the current contract flags nothing required).
    let mut no_action = sdk.clone();
    no_action.as_object_mut().unwrap().remove("action");
    assert_eq!(faults("sendList", &no_action), [("/action".into(), "required", None)]);
}

#[test]
fn button_text_goes_to_the_neutral_list_only_when_it_is_actions() {
    let sdk = fixture("sendList-button-text.json");
    // "Click me" beside "Action": two button texts, the neutral list has one.
    assert_eq!(unsupported_at("sendList", &sdk), "/buttonText");
    let converted = provider::convert(ONEMSG, Format::Provider(Provider::Meta), &sdk.to_string(), Some("sendList"));
    assert!(matches!(converted, Err(BodyError::Unsupported(_))), "{converted:?}");
    // The same text in both: nothing is lost.
    let same = with(sdk, "action", json!("Click me"));
    let message = provider::parse(Provider::OneMsg, &same.to_string(), Some("sendList")).unwrap();
    let Content::List(list) = &message.content else { panic!() };
    assert_eq!(list.button, "Click me");
    // Written from the neutral model: `action`, as the fixtures without buttonText.
    let written: Value = serde_json::from_str(&provider::serialize(Provider::OneMsg, &message).unwrap()).unwrap();
    assert_eq!((written.get("action"), written.get("buttonText")), (Some(&json!("Click me")), None));
}

#[test]
fn send_template_takes_its_sending_options() {
    let options = fixture("sendTemplate-options.json");
    assert_eq!(faults("sendTemplate", &options), []);
    let ttl = |seconds: i64| faults("sendTemplate", &with(options.clone(), "messageSendTtlSeconds", json!(seconds)));
    for ok in [-1, 30, 900, 43_200, 2_592_000] {
        assert_eq!(ttl(ok), [], "{ok}");
    }
    assert_eq!(ttl(29), [("/messageSendTtlSeconds".into(), "out_of_range", Some(30.0))]);
    assert_eq!(ttl(0), [("/messageSendTtlSeconds".into(), "out_of_range", Some(30.0))]);
    assert_eq!(ttl(2_592_001), [("/messageSendTtlSeconds".into(), "out_of_range", Some(2_592_000.0))]);
    assert_eq!(ttl(-2), [("/messageSendTtlSeconds".into(), "out_of_range", Some(-1.0))]);
    assert_eq!(faults("sendTemplate", &with(options.clone(), "useMMlite", json!("yes")))[0].0, "/useMMlite");
    assert_eq!(
        faults("sendTemplate", &with(options.clone(), "messageActivitySharing", json!(1)))[0].0,
        "/messageActivitySharing"
    );
    // 1MSG's own: the neutral template has no sending options.
    assert_eq!(unsupported_at("sendTemplate", &options), "/useMMlite");
    let mut ttl_only = options;
    ttl_only.as_object_mut().unwrap().retain(|k, _| k != "useMMlite" && k != "messageActivitySharing");
    assert_eq!(unsupported_at("sendTemplate", &ttl_only), "/messageSendTtlSeconds");
}

#[test]
fn send_template_takes_a_language_without_its_policy() {
    let mut body = fixture("sendTemplate-text.json");
    body["language"] = json!({"code": "en"});
    assert_eq!(faults("sendTemplate", &body), []);
    let message = provider::parse(Provider::OneMsg, &body.to_string(), Some("sendTemplate")).unwrap();
    let Content::Template(template) = &message.content else { panic!() };
    assert_eq!((template.language.code.as_str(), template.language.policy.as_deref()), ("en", None));
    body["language"] = json!({"code": "en", "policy": "fallback"});
    assert_eq!(faults("sendTemplate", &body), [("/language/policy".into(), "invalid_value", None)]);
    body["language"] = json!({"policy": "deterministic"});
    assert_eq!(faults("sendTemplate", &body), [("/language/code".into(), "required", None)]);
}

#[test]
fn send_contact_reads_an_empty_birthday_as_none() {
    // 1MSG's own example body (the current contract's sendContact example).
    let sdk = json!({"phone": "16505551234", "contacts": [{
        "name": {"formatted_name": "John Doe", "first_name": "John", "last_name": "Doe", "middle_name": "", "suffix": "", "prefix": ""},
        "birthday": "", "addresses": [], "emails": [], "org": {"company": "", "department": "", "title": ""},
        "phones": [{"phone": "+1234567890", "type": "HOME", "wa_id": ""}], "urls": []}]});
    assert_eq!(faults("sendContact", &sdk), []);
    let message = provider::parse(Provider::OneMsg, &sdk.to_string(), Some("sendContact")).unwrap();
    let Content::Contacts(contacts) = &message.content else { panic!() };
    assert_eq!(contacts.contacts[0].birthday, None);
    // Any other value is still a date.
    for bad in ["18-08-2012", "2012-13-01", " "] {
        let mut body = sdk.clone();
        body["contacts"][0]["birthday"] = json!(bad);
        assert_eq!(faults("sendContact", &body), [("/contacts/0/birthday".into(), "invalid_format", None)], "{bad:?}");
    }
    let mut dated = sdk;
    dated["contacts"][0]["birthday"] = json!("2012-08-18");
    assert_eq!(faults("sendContact", &dated), []);
}

#[test]
fn the_profile_email_is_an_email_address() {
    for ok in ["info@example.com", "first.last+shop@mail.example.co.uk", ""] {
        assert_eq!(faults("me", &json!({"email": ok})), [], "{ok:?}");
    }
    for bad in ["nope", "info@", "@example.com", "info@example", "in fo@example.com", "a@b@example.com", "info@.com"] {
        assert_eq!(faults("me", &json!({"email": bad})), [("/email".into(), "invalid_format", None)], "{bad:?}");
    }
    let long = format!("{}@example.com", "x".repeat(117));
    assert_eq!(faults("me", &json!({"email": long})), [("/email".into(), "too_long", Some(128.0))]);
    assert_eq!(faults("me", &json!({"email": long[1..]})), []);
}

/// A conversion that may leave out (`convert` in JS, `convert_reporting` here) leaves out what
/// the neutral model has no place for and says where; the exact one (`fromProvider`) refuses.
#[test]
fn a_conversion_leaves_out_what_the_neutral_model_lacks_and_says_where() {
    let lossy = |method: &str, body: &Value| -> (Value, Vec<(String, String)>) {
        let converted = provider::convert_reporting(
            ONEMSG,
            Format::Provider(Provider::Meta),
            &body.to_string(),
            Some(method),
            provider::fit::FitMode::Strict,
        )
        .unwrap();
        let changes = converted
            .changes
            .iter()
            .map(|c| (c.change.kind.name().to_string(), c.source.clone().unwrap_or_default()))
            .collect();
        (serde_json::from_str(&converted.parts[0].1).unwrap(), changes)
    };
    let (meta, changes) = lossy("sendTemplate", &fixture("sendTemplate-options.json"));
    assert_eq!(meta["template"]["name"], "summer_sale");
    assert_eq!(
        changes,
        [
            ("lossy".to_string(), "/useMMlite".to_string()),
            ("lossy".into(), "/messageActivitySharing".into()),
            ("lossy".into(), "/messageSendTtlSeconds".into()),
            ("lossy".into(), "/namespace".into()),
        ]
    );
    let (meta, changes) = lossy("sendList", &fixture("sendList-button-text.json"));
    assert_eq!(meta["interactive"]["action"]["button"], "Action");
    assert_eq!(changes, [("lossy".to_string(), "/buttonText".to_string())]);
}
