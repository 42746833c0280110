//! Moving values across the JS boundary, as JSON text: JS `JSON.stringify` → the core's parser
//! … the core's writer → `JSON.parse`. JSON text beat serde-wasm-bindgen walking JS objects on
//! every runtime measured (BENCHMARKS.md, 2026-11-23), and a request body is JSON text anyway.

use crate::error::BodyError;
use crate::message::Message;
use wasm_bindgen::prelude::*;

/// A JS value as JSON text. Strings are taken as JSON text already (a raw request body). Text
/// longer than any message can be is refused before it is copied into the wasm's memory, which
/// would grow to several times it and never shrink.
pub fn js_to_json(value: &JsValue) -> Result<String, BodyError> {
    if value.is_string() {
        let text = document_text(value);
        return text.as_string().ok_or_else(|| {
            BodyError::argument(format!("the JSON text cannot be taken: {}", failure(&text).unwrap_or_default()))
        });
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(BodyError::argument("expected an object or a JSON string"));
    }
    // Bytes would be read as an object of their indexes (a Buffer's JSON is {type, data}).
    if value.is_instance_of::<js_sys::ArrayBuffer>() || js_sys::ArrayBuffer::is_view(value) {
        return Err(BodyError::argument(
            "expected an object or a JSON string, not bytes: decode them first (new TextDecoder().decode(bytes))",
        ));
    }
    stringify(value).map(Option::unwrap_or_default)
}

/// A webhook delivery's body, text or bytes, as bytes: one that is longer than any message can
/// be (no provider sends such a delivery) is refused before it is copied into the wasm, as a
/// `WebhookError` with `reason: "too_large"`.
pub fn delivery_bytes(body: &JsValue) -> Result<Vec<u8>, JsValue> {
    if body.is_string() {
        if let Some(why) = too_long(js_sys::JsString::from(body.clone()).length() as f64) {
            return Err(super::errors::delivery_too_large(&why));
        }
        return Ok(body.as_string().unwrap_or_default().into_bytes());
    }
    match body.dyn_ref::<js_sys::Uint8Array>() {
        Some(view) => {
            let length = property(view, "length", "the webhook body")?.as_f64().unwrap_or_default();
            if let Some(why) = too_long(length) {
                return Err(super::errors::delivery_too_large(&why));
            }
            Ok(bytes(view, "the webhook body")?)
        }
        None => {
            Err(BodyError::argument("the webhook body is the raw bytes (Uint8Array, ArrayBuffer) or text as received")
                .into())
        }
    }
}

/// JSON lines as given, of any length (the bulk path bounds its input itself), well-formed.
pub fn lines_text(value: &JsValue) -> String {
    well_formed(value).as_string().unwrap_or_default()
}

#[wasm_bindgen(module = "/src/wasm/errors.js")]
extern "C" {
    /// `JSON.stringify` that never throws into the wasm (see errors.js).
    #[wasm_bindgen(js_name = jsonText)]
    fn json_text(value: &JsValue) -> JsValue;
    /// `object[key]` that never throws into the wasm: `{ value }` or `{ failed }`.
    #[wasm_bindgen(js_name = property)]
    fn property_of(object: &JsValue, key: &str) -> JsValue;
    /// JSON text with its lone surrogates escaped, which UTF-8 would turn into U+FFFD.
    #[wasm_bindgen(js_name = wellFormed)]
    fn well_formed(text: &JsValue) -> JsValue;
    /// One document's JSON text, well-formed, or `{ failed }` when longer than any message.
    #[wasm_bindgen(js_name = documentText)]
    fn document_text(text: &JsValue) -> JsValue;
    /// Why a document of `length` characters or bytes is longer than any message can be.
    #[wasm_bindgen(js_name = tooLong)]
    fn too_long(length: f64) -> Option<String>;
    /// A JS array's items as JSON text each, or `{ failed }` for one (see errors.js).
    #[wasm_bindgen(js_name = jsonItems)]
    fn json_items(array: &JsValue) -> JsValue;
    /// `Object.keys` that never throws into the wasm: `{ value }` or `{ failed }`.
    #[wasm_bindgen(js_name = keysOf)]
    fn keys_of(object: &JsValue) -> JsValue;
    /// A Date's time, NaN where reading it throws.
    #[wasm_bindgen(js_name = timeOf)]
    pub fn time_of(date: &JsValue) -> f64;
    /// A byte array's own copy, `{ value }`, or `{ failed }` (detached, unreadable).
    #[wasm_bindgen(js_name = bytesOf)]
    fn bytes_of(view: &JsValue) -> JsValue;
    /// `Array.isArray`, false where it throws.
    #[wasm_bindgen(js_name = isArray)]
    pub fn is_array(value: &JsValue) -> bool;
}

/// The value of an errors.js outcome (`{ value }`), or why it failed (`{ failed }`).
fn outcome_value(outcome: &JsValue) -> Result<JsValue, String> {
    match failure(outcome) {
        Some(why) => Err(why),
        None => Ok(js_sys::Reflect::get(outcome, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED)),
    }
}

/// An object's own enumerable keys: an argument error naming `what` where listing them throws.
pub fn keys(object: &JsValue, what: &str) -> Result<Vec<String>, BodyError> {
    let keys =
        outcome_value(&keys_of(object)).map_err(|why| BodyError::argument(format!("{what} cannot be read: {why}")))?;
    Ok(js_sys::Array::from(&keys).iter().map(|key| key.as_string().unwrap_or_default()).collect())
}

/// A byte array's bytes: an argument error naming `what` where they cannot be read (a detached
/// buffer).
pub fn bytes(view: &JsValue, what: &str) -> Result<Vec<u8>, BodyError> {
    let copy =
        outcome_value(&bytes_of(view)).map_err(|why| BodyError::argument(format!("{what} cannot be read: {why}")))?;
    Ok(js_sys::Uint8Array::new(&copy).to_vec())
}

/// The items of a JS array (a bulk call's messages) as JSON text each: a string is taken as
/// JSON text, as `toProvider` takes it; an item that cannot be read or written as JSON (a
/// getter or Proxy that throws, a cycle, a BigInt) is that item's argument error.
pub fn array_items(array: &JsValue) -> Result<Vec<Result<String, BodyError>>, BodyError> {
    let texts = json_items(array);
    if let Some(why) = failure(&texts) {
        return Err(BodyError::argument(format!("the array of messages cannot be read: {why}")));
    }
    let item = |text: JsValue| match text.as_string() {
        Some(text) => Ok(text),
        // No message at all, or bytes: the error `toProvider` gives it.
        None => match js_sys::Reflect::get(&text, &JsValue::from_str("unread")) {
            Ok(unread) if failure(&text).is_none() => js_to_json(&unread),
            _ => Err(BodyError::argument(failure(&text).unwrap_or_default())),
        },
    };
    Ok(js_sys::Array::from(&texts).iter().map(item).collect())
}

/// Why a value's JSON text or property could not be had (`{ failed }` of errors.js), if so.
fn failure(outcome: &JsValue) -> Option<String> {
    let failed = js_sys::Reflect::get(outcome, &JsValue::from_str("failed")).ok()?;
    failed.as_string()
}

/// `JSON.stringify(value)`: `None` for what JSON has no text for (undefined, a function), an
/// argument error for what it refuses (a cycle, a BigInt).
pub fn stringify(value: &JsValue) -> Result<Option<String>, BodyError> {
    let text = json_text(value);
    if let Some(text) = text.as_string() {
        return Ok(Some(text));
    }
    // (Checked first: reading `failed` of undefined would throw.)
    if text.is_undefined() {
        return Ok(None);
    }
    match failure(&text) {
        Some(why) => Err(BodyError::argument(format!("value cannot be converted to JSON: {why}"))),
        None => Ok(None),
    }
}

/// `object[key]`, undefined where the object has none: an argument error where reading it
/// throws (a getter, a Proxy), naming `what` it is.
pub fn property(object: &JsValue, key: &str, what: &str) -> Result<JsValue, BodyError> {
    outcome_value(&property_of(object, key))
        .map_err(|why| BodyError::argument(format!("{what}.{key} cannot be read: {why}")))
}

/// Parses JSON text produced by the core into a JS value.
pub fn json_to_js(json: &str) -> Result<JsValue, BodyError> {
    // The core's own JSON: JSON.parse does not throw on it.
    js_sys::JSON::parse(json).map_err(|_| BodyError::argument("internal JSON is invalid"))
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
