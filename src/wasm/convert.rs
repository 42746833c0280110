//! Moving values across the JS boundary, as JSON text: JS `JSON.stringify` → the core's parser
//! … the core's writer → `JSON.parse`. JSON text beat serde-wasm-bindgen walking JS objects on
//! every runtime measured (BENCHMARKS.md, 2026-11-23), and a request body is JSON text anyway.

use crate::error::BodyError;
use crate::message::Message;
use wasm_bindgen::prelude::*;

/// A JS value as JSON text. Strings are taken as JSON text already (a raw request body).
pub fn js_to_json(value: &JsValue) -> Result<String, BodyError> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(BodyError::argument("expected an object or a JSON string"));
    }
    stringify(value).map(Option::unwrap_or_default)
}

/// `JSON.stringify(value)`: `None` for what JSON has no text for (undefined, a function), an
/// argument error for what it refuses (a cycle, a BigInt).
pub fn stringify(value: &JsValue) -> Result<Option<String>, BodyError> {
    js_sys::JSON::stringify(value)
        .map(|text| text.as_string())
        .map_err(|e| BodyError::argument(format!("value cannot be converted to JSON: {}", describe(&e))))
}

/// Parses JSON text produced by the core into a JS value.
pub fn json_to_js(json: &str) -> Result<JsValue, BodyError> {
    js_sys::JSON::parse(json).map_err(|e| BodyError::argument(format!("internal JSON is invalid: {}", describe(&e))))
}

/// Reads a neutral message from a JS object (or JSON text); structural failures are
/// validation errors, every one at its pointer.
pub fn message_from_js(value: &JsValue) -> Result<Message, BodyError> {
    Message::from_json(&js_to_json(value)?).map_err(BodyError::Invalid)
}

/// A core value as a JS value (through JSON text).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, BodyError> {
    let json = serde_json::to_string(value).map_err(|_| BodyError::argument("cannot convert the result"))?;
    json_to_js(&json)
}

/// The message of a thrown JS value, for error messages.
pub fn describe(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    let message = js_sys::Reflect::get(value, &"message".into()).ok().and_then(|m| m.as_string());
    let cause = js_sys::Reflect::get(value, &"cause".into()).ok().filter(|c| c.is_object());
    let cause = cause.and_then(|c| {
        let code = js_sys::Reflect::get(&c, &"code".into()).ok().and_then(|v| v.as_string());
        let message = js_sys::Reflect::get(&c, &"message".into()).ok().and_then(|v| v.as_string());
        code.or(message)
    });
    match (message, cause) {
        (Some(m), Some(c)) => format!("{m} ({c})"),
        (Some(m), None) => m,
        (None, _) => js_sys::JSON::stringify(value).ok().map(String::from).unwrap_or_default(),
    }
}
