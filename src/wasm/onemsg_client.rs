//! `OneMsgClient`: sends through 1MSG.IO's WhatsApp Business API.

use super::client::ClientCore;
use super::options::{Options, SHARED_KEYS};
use crate::provider::onemsg::OneMsgConfig;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ONEMSG_OPTIONS: &str = r#"
/** Options of `new OneMsgClient(...)`. */
export interface OneMsgClientOptions extends ClientOptions {
  /** The channel's API token. 1MSG takes it as a `token` query parameter; it never appears in errors or logs. */
  token: string;
  /** The channel (instance) id, the first segment of every URL. */
  instanceId: string;
  /** Scheme and host. Default `"https://api.1msg.io"`; point it at the sandbox or a proxy. */
  baseUrl?: string;
}
"#;

/// A client of 1MSG.IO's WhatsApp Business API.
#[wasm_bindgen]
pub struct OneMsgClient {
    core: Rc<ClientCore<OneMsgConfig>>,
}

#[wasm_bindgen]
impl OneMsgClient {
    /// Checks the options (token and instance id are required) without any network I/O.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "OneMsgClientOptions")] options: JsValue,
    ) -> Result<OneMsgClient, JsValue> {
        let known = [&["token", "instanceId", "baseUrl"][..], &SHARED_KEYS[..]].concat();
        let options = Options::new(&options, "OneMsgClient options", &known)?;
        let config = OneMsgConfig::new(
            options.required_string("token")?,
            options.required_string("instanceId")?,
            options.string("baseUrl")?,
        )?;
        let core = ClientCore { config, transport: options.transport()?, retry: options.retry_policy()? };
        Ok(OneMsgClient { core: Rc::new(core) })
    }

    /// Validates `message`, sends it to the 1MSG method its content needs (`sendMessage` for
    /// text), and resolves to 1MSG's answer. An HTTP 200 with `sent: false` rejects with a
    /// `ProviderError` whose `reason` is `not_sent`.
    #[wasm_bindgen(unchecked_return_type = "Promise<OneMsgSendResult>")]
    pub fn send(&self, #[wasm_bindgen(unchecked_param_type = "Message")] message: JsValue) -> Promise {
        self.core.send(message)
    }
}
