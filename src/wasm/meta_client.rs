//! `MetaClient`: sends through Meta's WhatsApp Cloud API.

use super::convert::{from_js, to_js};
use super::errors::to_js_error;
use super::options::{Options, SHARED_KEYS};
use super::transport::{Transport, sleep};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, RetryPolicy};
use crate::message::Message;
use crate::provider::meta::MetaConfig;
use js_sys::Promise;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

#[wasm_bindgen(typescript_custom_section)]
const TS_META_OPTIONS: &str = r#"
/** Options of `new MetaClient(...)`. */
export interface MetaClientOptions extends ClientOptions {
  /** A WhatsApp Business access token. Sent as `Authorization: Bearer …`; never appears in errors or logs. */
  token: string;
  /** The business phone number's id (not the phone number itself). */
  phoneNumberId: string;
  /** Graph API version. Default `"v23.0"`. */
  apiVersion?: string;
  /** Scheme and host. Default `"https://graph.facebook.com"`; point it at the sandbox or a proxy. */
  baseUrl?: string;
}
"#;

struct Inner {
    config: MetaConfig,
    transport: Transport,
    retry: RetryPolicy,
}

/// A client of Meta's WhatsApp Cloud API.
#[wasm_bindgen]
pub struct MetaClient {
    inner: Rc<Inner>,
}

#[wasm_bindgen]
impl MetaClient {
    /// Checks the options (token and phone number id are required) without any network I/O.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "MetaClientOptions")] options: JsValue,
    ) -> Result<MetaClient, JsValue> {
        let known = [&["token", "phoneNumberId", "apiVersion", "baseUrl"][..], &SHARED_KEYS[..]].concat();
        let options = Options::new(&options, "MetaClient options", &known)?;
        let config = MetaConfig::new(
            options.required_string("token")?,
            options.required_string("phoneNumberId")?,
            options.string("apiVersion")?,
            options.string("baseUrl")?,
        )?;
        let inner = Inner { config, transport: options.transport()?, retry: options.retry_policy()? };
        Ok(MetaClient { inner: Rc::new(inner) })
    }

    /// Validates `message`, sends it with `POST /{version}/{phone-number-id}/messages`, and
    /// resolves to Meta's answer. Rejects with `ValidationError` before any I/O when the
    /// message is invalid; with `ProviderError` (decoded Graph error, `retryable`, `raw`,
    /// `request`) when Meta refuses; with `TransportError`/`TimeoutError` when the request
    /// does not complete.
    #[wasm_bindgen(unchecked_return_type = "Promise<MetaSendResult>")]
    pub fn send(&self, #[wasm_bindgen(unchecked_param_type = "Message")] message: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let message: Message = from_js(&message)?;
            let request = inner.config.send_request(&message)?;
            let result = inner.execute(request, |response| inner.config.decode_send(response)).await?;
            Ok(to_js(&result)?)
        })
    }

    /// The Graph API version and base URL requests go to (never the token).
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        format!("{}/{}", self.inner.config.base_url, self.inner.config.api_version)
    }
}

impl Inner {
    /// Sends `request`, decodes the answer, and retries as the policy allows. A final
    /// failure carries the request (credentials redacted) and the number of attempts.
    async fn execute<T: Serialize>(
        &self,
        request: HttpRequest,
        decode: impl Fn(&HttpResponse) -> Result<T, Error>,
    ) -> Result<T, JsValue> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            let error = match self.transport.send(&request).await.and_then(|response| decode(&response)) {
                Ok(value) => return Ok(value),
                Err(error) => self.scrubbed(error),
            };
            if self.retry.should_retry(&error)
                && let Some(wait) = self.retry.delay_ms(attempts, js_sys::Math::random(), error.retry_after_ms())
            {
                sleep(wait).await;
                continue;
            }
            return Err(to_js_error(&error, Some(&request), Some(attempts)));
        }
    }

    /// Removes the token from messages that came from outside (a fetch error could echo it).
    fn scrubbed(&self, error: Error) -> Error {
        let token = self.config.token.as_str();
        match error {
            Error::Transport { message, timed_out } if message.contains(token) => {
                Error::Transport { message: message.replace(token, "[redacted]"), timed_out }
            }
            other => other,
        }
    }
}
