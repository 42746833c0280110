//! `BirdClient`: sends through Bird's Channels API (WhatsApp channel).

use super::client::ClientCore;
use super::options::{Options, SHARED_KEYS};
use crate::provider::bird::BirdConfig;
use js_sys::Promise;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_BIRD_OPTIONS: &str = r#"
/** Options of `new BirdClient(...)`. */
export interface BirdClientOptions extends ClientOptions {
  /** A Bird access key. Sent as `Authorization: AccessKey …`; never appears in errors or logs. */
  accessKey: string;
  /** The workspace id. */
  workspaceId: string;
  /** The WhatsApp channel's id. */
  channelId: string;
  /** Scheme and host. Default `"https://api.bird.com"`; point it at the sandbox or a proxy. */
  baseUrl?: string;
}
"#;

/// A client of Bird's Channels API for a WhatsApp channel.
#[wasm_bindgen]
pub struct BirdClient {
    core: Rc<ClientCore<BirdConfig>>,
}

#[wasm_bindgen]
impl BirdClient {
    /// Checks the options (access key, workspace and channel ids are required) without I/O.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "BirdClientOptions")] options: JsValue,
    ) -> Result<BirdClient, JsValue> {
        let known = [&["accessKey", "workspaceId", "channelId", "baseUrl"][..], &SHARED_KEYS[..]].concat();
        let options = Options::new(&options, "BirdClient options", &known)?;
        let config = BirdConfig::new(
            options.required_string("accessKey")?,
            options.required_string("workspaceId")?,
            options.required_string("channelId")?,
            options.string("baseUrl")?,
        )?;
        let core = ClientCore { config, transport: options.transport()?, retry: options.retry_policy()? };
        Ok(BirdClient { core: Rc::new(core) })
    }

    /// Validates `message`, sends it with `POST /workspaces/{ws}/channels/{ch}/messages`, and
    /// resolves to Bird's answer (202 Accepted). Rejects like `MetaClient.send`.
    #[wasm_bindgen(unchecked_return_type = "Promise<BirdSendResult>")]
    pub fn send(&self, #[wasm_bindgen(unchecked_param_type = "Message")] message: JsValue) -> Promise {
        self.core.send(message)
    }
}
