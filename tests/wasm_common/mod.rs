//! wasm-bindgen-test cases shared by the Node (wasm_node.rs) and Chromium (wasm_browser.rs)
//! suites: the core compiled to wasm32, and the bindings layer driven from Rust with JS
//! values, fetch doubles included.

use js_sys::{Function, Reflect};
use wabridge::wasm::{self as api, MetaClient};
use wabridge::{Message, Provider, provider};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

/// A fetch double answering `status` with `body`, written in JS as users write theirs.
fn fetch_answering(status: u16, body: &str) -> Function {
    let source = format!(
        "return Promise.resolve({{ status: {status}, headers: {{ 'content-type': 'application/json' }}, text: () => Promise.resolve({}) }});",
        js_sys::JSON::stringify(&body.into()).unwrap().as_string().unwrap()
    );
    Function::new_with_args("url, init", &source)
}

fn client(fetch: &Function, extra: &str) -> MetaClient {
    let options = json(&format!(r#"{{"token": "SECRET-T", "phoneNumberId": "123456"{extra}}}"#));
    Reflect::set(&options, &"fetch".into(), fetch).unwrap();
    MetaClient::new(options).unwrap()
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
    let error = MetaClient::new(json(r#"{"token": "t", "phoneNumberId": "1", "tokne": "x"}"#)).err().unwrap();
    assert_eq!(get(&error, "code"), "ERR_ARGUMENT");
}

#[wasm_bindgen_test]
async fn send_decodes_a_success_body_from_a_fetch_double() {
    let fetch = fetch_answering(
        200,
        r#"{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.W","message_status":"accepted"}]}"#,
    );
    let message = json(r#"{"to": "16505551234", "content": {"type": "text", "body": "hi"}}"#);
    let result = JsFuture::from(client(&fetch, "").send(message)).await.unwrap();
    assert_eq!(get(&result, "messageId"), "wamid.W");
    assert_eq!(get(&result, "messageStatus"), "accepted");
}

#[wasm_bindgen_test]
async fn send_rejects_with_a_provider_error_without_the_token() {
    let fetch = fetch_answering(
        401,
        r#"{"error":{"message":"Invalid OAuth access token","type":"OAuthException","code":190,"fbtrace_id":"T"}}"#,
    );
    let message = json(r#"{"to": "16505551234", "content": {"type": "text", "body": "hi"}}"#);
    let error = JsFuture::from(client(&fetch, "").send(message)).await.unwrap_err();
    assert_eq!(get(&error, "name"), "ProviderError");
    assert_eq!(get(&error, "reason"), "invalid_token");
    assert_eq!(get(&error, "providerCode"), 190);
    assert_eq!(get(&error, "retryable"), false);
    let serialized = js_sys::JSON::stringify(&error).unwrap().as_string().unwrap();
    assert!(!serialized.contains("SECRET-T"), "{serialized}");
}

#[wasm_bindgen_test]
async fn a_rate_limit_is_retried_after_the_wait_meta_asks_for() {
    // First answer 429 with Retry-After: 0, then success: the client retries by itself.
    let fetch = Function::new_with_args(
        "url, init",
        "globalThis.__wabridgeCalls = (globalThis.__wabridgeCalls || 0) + 1;
         const first = globalThis.__wabridgeCalls === 1;
         return Promise.resolve({
           status: first ? 429 : 200,
           headers: { 'retry-after': '0' },
           text: () => Promise.resolve(first
             ? '{\"error\":{\"message\":\"rate\",\"code\":130429}}'
             : '{\"messages\":[{\"id\":\"wamid.R\"}]}'),
         });",
    );
    let message = json(r#"{"to": "16505551234", "content": {"type": "text", "body": "hi"}}"#);
    let result = JsFuture::from(client(&fetch, r#", "retry": {"baseDelayMs": 1}"#).send(message)).await.unwrap();
    assert_eq!(get(&result, "messageId"), "wamid.R");
    assert_eq!(get(&js_sys::global(), "__wabridgeCalls"), 2);
}

#[wasm_bindgen_test]
async fn a_hanging_fetch_times_out_with_a_timeout_error() {
    let fetch = Function::new_with_args(
        "url, init",
        "return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));",
    );
    let message = json(r#"{"to": "16505551234", "content": {"type": "text", "body": "hi"}}"#);
    let error = JsFuture::from(client(&fetch, r#", "timeoutMs": 20"#).send(message)).await.unwrap_err();
    assert_eq!(get(&error, "name"), "TimeoutError");
    assert_eq!(get(&error, "code"), "ERR_TIMEOUT");
    assert_eq!(get(&error, "attempts"), 1);
}
