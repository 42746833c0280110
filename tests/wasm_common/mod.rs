//! wasm-bindgen-test cases shared by the Node (wasm_node.rs) and Chromium (wasm_browser.rs)
//! suites: the core compiled to wasm32, and the bindings layer driven from Rust with JS
//! values (the clients' I/O half is JS, tested with fetch doubles in tests/js/clients.test.mjs).

use js_sys::{Array, Reflect};
use wabridge::wasm::{self as api, ClientCore};
use wabridge::{Message, Provider, provider};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

fn client(extra: &str) -> ClientCore {
    let options = json(&format!(r#"{{"token": "SECRET-T", "phoneNumberId": "123456"{extra}}}"#));
    ClientCore::new("meta", options).unwrap()
}

#[wasm_bindgen_test]
fn core_counts_characters_in_wasm32_too() {
    assert!(Message::text("16505551234", "😀".repeat(4096)).validate().is_ok());
    let violations = Message::text("16505551234", "😀".repeat(4097)).validate().unwrap_err();
    assert_eq!((violations[0].path.as_str(), violations[0].limit), ("/content/body", Some(4096.0)));
    let body = provider::serialize(Provider::Meta, &Message::text("16505551234", "hi")).unwrap();
    assert!(body.contains(r#""text":{"body":"hi"}"#), "{body}");
}

#[wasm_bindgen_test]
fn to_provider_returns_the_meta_object() {
    let message = json(r#"{"to": "+16505551234", "content": {"type": "text", "body": "Hello", "previewUrl": true}}"#);
    let body = api::to_provider("meta", message).unwrap();
    assert_eq!(get(&body, "messaging_product"), "whatsapp");
    assert_eq!(get(&get(&body, "text"), "preview_url"), true);
}

#[wasm_bindgen_test]
fn invalid_messages_throw_a_validation_error_with_every_violation() {
    let message = json(r#"{"to": "12", "content": {"type": "text", "body": ""}}"#);
    let error = api::to_provider("meta", message).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&error, "name"), "ValidationError");
    assert_eq!(get(&error, "code"), "ERR_VALIDATION");
    let violations: js_sys::Array = get(&error, "violations").unchecked_into();
    assert_eq!(violations.length(), 2);
    assert_eq!(get(&violations.get(1), "path"), "/content/body");
}

#[wasm_bindgen_test]
fn unknown_providers_and_bad_options_are_argument_errors() {
    let message = json(r#"{"to": "16505551234", "content": {"type": "text", "body": "x"}}"#);
    let error = api::to_provider("twilio", message).unwrap_err();
    assert_eq!(get(&error, "code"), "ERR_ARGUMENT");
    let error = ClientCore::new("meta", json(r#"{"token": "t", "phoneNumberId": "1", "tokne": "x"}"#)).err().unwrap();
    assert_eq!(get(&error, "code"), "ERR_ARGUMENT");
}

/// `[method, url, headers, body, binary]` for a text message to Meta.
fn prepared_send(core: &ClientCore) -> Array {
    let message = json(r#"{"to": "16505551234", "content": {"type": "text", "body": "hi"}}"#);
    core.prepare("send", message, JsValue::UNDEFINED).unwrap()
}

#[wasm_bindgen_test]
fn a_client_core_prepares_the_request_and_decodes_a_success() {
    let core = client("");
    let prepared = prepared_send(&core);
    assert_eq!(prepared.get(0), "POST");
    assert_eq!(prepared.get(1), "https://graph.facebook.com/v23.0/123456/messages");
    assert_eq!(prepared.get(4), false);
    let answer = r#"{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.W","message_status":"accepted"}]}"#;
    let outcome = core.decode("send", &prepared, 200, vec![], answer.into(), 1, 0.5);
    assert_eq!(outcome.get(0), true);
    assert_eq!(get(&outcome.get(1), "messageId"), "wamid.W");
    assert_eq!(get(&outcome.get(1), "messageStatus"), "accepted");
}

#[wasm_bindgen_test]
fn a_refusal_is_a_provider_error_with_the_redacted_request_and_no_retry() {
    let core = client("");
    let prepared = prepared_send(&core);
    let answer =
        r#"{"error":{"message":"Invalid OAuth access token","type":"OAuthException","code":190,"fbtrace_id":"T"}}"#;
    let outcome = core.decode("send", &prepared, 401, vec![], answer.into(), 1, 0.5);
    assert_eq!((outcome.get(0), outcome.length()), (JsValue::FALSE, 2), "no retry for a wrong token");
    let error = outcome.get(1);
    assert_eq!(get(&error, "name"), "ProviderError");
    assert_eq!(get(&error, "reason"), "invalid_token");
    assert_eq!(get(&error, "providerCode"), 190);
    assert_eq!(get(&error, "attempts"), 1);
    let serialized = js_sys::JSON::stringify(&error).unwrap().as_string().unwrap();
    assert!(serialized.contains("graph.facebook.com") && !serialized.contains("SECRET-T"), "{serialized}");
}

#[wasm_bindgen_test]
fn a_rate_limit_is_retried_after_the_wait_meta_asks_for() {
    let core = client(r#", "retry": {"baseDelayMs": 1}"#);
    let prepared = prepared_send(&core);
    let answer = r#"{"error":{"message":"rate","code":130429}}"#;
    let headers = vec!["retry-after".to_string(), "2".to_string()];
    let outcome = core.decode("send", &prepared, 429, headers.clone(), answer.into(), 1, 0.0);
    assert_eq!((outcome.get(0), outcome.get(2)), (JsValue::FALSE, JsValue::from(2000)));
    let spent = core.decode("send", &prepared, 429, headers, answer.into(), 3, 0.0);
    assert_eq!(spent.length(), 2, "retries used up");
}

#[wasm_bindgen_test]
fn a_timeout_is_a_timeout_error_retried_only_when_told() {
    let prepared = prepared_send(&client(""));
    let outcome = client("").failed(&prepared, true, "no complete answer within 20 ms".into(), 1, 0.5);
    assert_eq!(outcome.length(), 2, "a timeout may have delivered: not retried by default");
    assert_eq!(get(&outcome.get(1), "name"), "TimeoutError");
    assert_eq!(get(&outcome.get(1), "code"), "ERR_TIMEOUT");
    let eager = client(r#", "retry": {"retryUnsafe": true}"#);
    assert_eq!(eager.failed(&prepared, true, "late".into(), 1, 0.5).length(), 3);
}

fn bird() -> ClientCore {
    let options = json(
        r#"{"accessKey": "BIRD-SECRET", "workspaceId": "7a9f1c2e-0000-4000-a000-000000000001", "channelId": "8e046034-0000-4000-a000-000000000002"}"#,
    );
    ClientCore::new("bird", options).unwrap()
}

#[wasm_bindgen_test]
fn a_bird_core_sends_bodies_options_and_reads_the_service_window() {
    let core = bird();
    let message = json(r#"{"to": "+31612345678", "content": {"type": "text", "body": "Sale"}}"#);
    let prepared =
        core.prepare("send", message.clone(), json(r#"{"useCase": "marketing", "tags": ["summer"]}"#)).unwrap();
    let body = prepared.get(3).as_string().unwrap();
    assert!(body.contains(r#""meta":{"extraInformation":{"useCase":"marketing"}}"#), "{body}");
    let refused = core.prepare("send", message, json(r#"{"tags": ["Summer!"]}"#)).unwrap_err();
    assert_eq!(get(&refused, "name"), "ValidationError");
    let template = r#"{"receiver": {"contacts": [{"identifierValue": "+31612345678"}]}, "template": {"projectId": "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", "version": "latest", "locale": "en"}}"#;
    let prepared = core.prepare("sendBody", template.into(), JsValue::UNDEFINED).unwrap();
    assert!(prepared.get(1).as_string().unwrap().ends_with("/messages"));
    let answer = r#"{"id":"a825","channelId":"8e04","status":"accepted"}"#;
    let outcome = core.decode("sendBody", &prepared, 202, vec![], answer.into(), 1, 0.5);
    assert_eq!(get(&outcome.get(1), "status"), "accepted");
    let invalid = r#"{"code":"InvalidPayload","message":"m","details":{".template.locale":["Invalid"]}}"#;
    let outcome = core.decode("sendBody", &prepared, 422, vec![], invalid.into(), 1, 0.5);
    let fields: Array = get(&outcome.get(1), "fields").unchecked_into();
    assert_eq!(get(&fields.get(0), "path"), "/template/locale");
    let contact = "3f2a1b4c-0000-4000-a000-00000000000a";
    let prepared = core.prepare("getContactChannel", contact.into(), "+31612345678".into()).unwrap();
    assert_eq!(prepared.get(0), "GET");
    let far = r#"{"serviceWindowExpireAt":"2999-01-01T00:00:00Z","isPermanentSession":false,"metadata":{}}"#;
    let outcome = core.decode("getContactChannel", &prepared, 200, vec![], far.into(), 1, 0.5);
    assert_eq!(get(&outcome.get(1), "serviceWindowOpen"), true);
    assert_eq!(get(&outcome.get(1), "templateRequired"), false);
}
