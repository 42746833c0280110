//! `MetaClient`: sends through Meta's WhatsApp Cloud API.

use super::client::ClientCore;
use super::options::{Options, SHARED_KEYS};
use crate::provider::meta::MetaConfig;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

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

/// A client of Meta's WhatsApp Cloud API.
#[wasm_bindgen]
pub struct MetaClient {
    core: Rc<ClientCore<MetaConfig>>,
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
        let core = ClientCore { config, transport: options.transport()?, retry: options.retry_policy()? };
        Ok(MetaClient { core: Rc::new(core) })
    }

    /// Validates `message`, sends it with `POST /{version}/{phone-number-id}/messages`, and
    /// resolves to Meta's answer. Rejects with `ValidationError` before any I/O when the
    /// message is invalid; with `ProviderError` (decoded Graph error, `retryable`, `raw`,
    /// `request`) when Meta refuses; with `TransportError`/`TimeoutError` when the request
    /// does not complete.
    #[wasm_bindgen(unchecked_return_type = "Promise<MetaSendResult>")]
    pub fn send(&self, #[wasm_bindgen(unchecked_param_type = "Message")] message: JsValue) -> Promise {
        self.core.send(message)
    }
}
