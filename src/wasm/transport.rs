//! Moves an [`HttpRequest`] through `fetch` and reads the answer into an [`HttpResponse`].
//!
//! One code path serves both the global `fetch` (the default) and a user-supplied one (test
//! doubles, Workers service bindings, proxies, the sandbox). The response is read by duck
//! typing (`status`, `headers.forEach`, `arrayBuffer()`), never by casts that could throw or
//! panic, so a minimal fetch double works and nothing can poison the wasm instance.
//! (gloo-net was the first choice; it panics when fetch resolves to a non-`Response` and
//! throws on unusual headers, so it cannot serve user-supplied fetch functions safely.)

use super::convert::describe;
use crate::error::TransportError;
use crate::http::{HttpRequest, HttpResponse};
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// How requests leave the process.
#[derive(Clone)]
pub struct Transport {
    /// A user-supplied `fetch(url, init)`; `None` means `globalThis.fetch`, looked up per request
    /// (so polyfills installed after the client was created still count).
    pub fetch: Option<Function>,
    /// Abort a request (body included) that takes longer than this.
    pub timeout_ms: f64,
}

pub const DEFAULT_TIMEOUT_MS: f64 = 30_000.0;

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn transport_error(message: String) -> TransportError {
    TransportError { message, timed_out: false }
}

/// Awaits a value that may be a promise (or a thenable from another realm).
async fn settle(value: JsValue) -> Result<JsValue, JsValue> {
    let promise = match value.dyn_into::<Promise>() {
        Ok(promise) => promise,
        Err(value) => Promise::resolve(&value),
    };
    JsFuture::from(promise).await
}

/// A running timeout: aborts `controller` and records that it fired. Cleared on drop.
struct Deadline {
    id: JsValue,
    fired: Rc<Cell<bool>>,
    _handler: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(ms: f64, controller: Option<web_sys::AbortController>) -> Deadline {
        let fired = Rc::new(Cell::new(false));
        let flag = fired.clone();
        let handler = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            if let Some(controller) = &controller {
                controller.abort();
            }
        });
        let id = set_timeout(handler.as_ref().unchecked_ref(), ms);
        Deadline { id, fired, _handler: handler }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}

impl Transport {
    fn fetch_function(&self) -> Result<Function, TransportError> {
        if let Some(fetch) = &self.fetch {
            return Ok(fetch.clone());
        }
        get(&js_sys::global(), "fetch").dyn_into::<Function>().map_err(|_| {
            transport_error("no global fetch in this runtime: pass a fetch function in the client options".into())
        })
    }

    /// Sends `request` and reads the whole response, within the timeout.
    pub async fn send(&self, request: &HttpRequest) -> Result<HttpResponse, TransportError> {
        let fetch = self.fetch_function()?;
        let controller = web_sys::AbortController::new().ok();
        let init = Object::new();
        let set = |key: &str, value: &JsValue| Reflect::set(&init, &JsValue::from_str(key), value).map(|_| ());
        let headers = Object::new();
        for (name, value) in &request.headers {
            let _ = Reflect::set(&headers, &JsValue::from_str(name), &JsValue::from_str(value));
        }
        let mut setup = set("method", &request.method.as_str().into()).and_then(|_| set("headers", &headers));
        if let Some(body) = &request.body {
            setup = setup.and_then(|_| set("body", &Uint8Array::from(body.as_slice())));
        }
        if let Some(controller) = &controller {
            setup = setup.and_then(|_| set("signal", &controller.signal()));
        }
        setup.map_err(|e| transport_error(format!("cannot build the fetch options: {}", describe(&e))))?;

        let deadline = Deadline::start(self.timeout_ms, controller);
        let failed = |e: JsValue| {
            if deadline.fired.get() {
                TransportError {
                    message: format!("no complete answer within {} ms", crate::validate::number(self.timeout_ms)),
                    timed_out: true,
                }
            } else {
                transport_error(describe(&e))
            }
        };
        let pending = fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init).map_err(failed)?;
        let response = settle(pending).await.map_err(failed)?;

        let status = get(&response, "status").as_f64().filter(|s| (100.0..600.0).contains(s));
        let Some(status) = status else {
            return Err(transport_error("fetch resolved to something that is not a Response (no HTTP status)".into()));
        };
        let headers = read_headers(&get(&response, "headers"));
        let body = read_body(&response).await.map_err(failed)?;
        Ok(HttpResponse { status: status as u16, headers, body })
    }
}

fn read_headers(headers: &JsValue) -> Vec<(String, String)> {
    let collected = Rc::new(RefCell::new(Vec::new()));
    if let Ok(for_each) = get(headers, "forEach").dyn_into::<Function>() {
        let sink = collected.clone();
        let visit = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |value: JsValue, name: JsValue| {
            if let (Some(name), Some(value)) = (name.as_string(), value.as_string()) {
                sink.borrow_mut().push((name, value));
            }
        });
        let _ = for_each.call1(headers, visit.as_ref());
    } else if let Some(object) = headers.dyn_ref::<Object>() {
        for entry in Object::entries(object).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            if let (Some(name), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
                collected.borrow_mut().push((name, value));
            }
        }
    }
    collected.take()
}

async fn read_body(response: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Ok(array_buffer) = get(response, "arrayBuffer").dyn_into::<Function>() {
        let buffer = settle(array_buffer.call0(response)?).await?;
        return Ok(Uint8Array::new(&buffer).to_vec());
    }
    if let Ok(text) = get(response, "text").dyn_into::<Function>() {
        let text = settle(text.call0(response)?).await?;
        return Ok(text.as_string().unwrap_or_default().into_bytes());
    }
    Ok(Vec::new())
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u64) {
    let promise = Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms as f64);
    });
    let _ = JsFuture::from(promise).await;
}
