//! `MetaClient`: sends through Meta's WhatsApp Cloud API.

use super::client::ClientCore;
use super::convert::describe;
use super::options::{Options, SHARED_KEYS};
use crate::error::BodyError;
use crate::message::MarkRead;
use crate::provider::meta::MetaConfig;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

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

/** Options of `MetaClient.markRead`. */
export interface MarkReadOptions {
  /** Also show a typing indicator (until you reply, at most 25 seconds). */
  typing?: boolean;
}

/** Options of `MetaClient.uploadMedia`. */
export interface UploadMediaOptions {
  /** The MIME type (default: the Blob's type). Checked against `MEDIA_RULES` before upload. */
  type?: string;
  /** The file name (default: the File's name, or "file"). */
  filename?: string;
}

/** What `MetaClient.downloadMedia` resolves to. */
export interface DownloadedMedia {
  bytes: Uint8Array;
  mimeType: string;
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

    /// Marks the inbound message `messageId` (and the earlier ones) as read; with
    /// `{ typing: true }` also shows a typing indicator.
    #[wasm_bindgen(js_name = markRead, unchecked_return_type = "Promise<MetaSuccess>")]
    pub fn mark_read(
        &self,
        message_id: String,
        #[wasm_bindgen(unchecked_optional_param_type = "MarkReadOptions")] options: Option<JsValue>,
    ) -> Promise {
        let typing =
            options.and_then(|o| Reflect::get(&o, &"typing".into()).ok()).and_then(|v| v.as_bool()).unwrap_or(false);
        let read = MarkRead { message_id, typing_indicator: typing };
        self.core.call(move |c| c.mark_read_request(&read), |c, r| c.decode_success(r))
    }

    /// Uploads a file (Blob, File, Uint8Array or ArrayBuffer) and resolves to its media id. The
    /// MIME type and size are checked against `MEDIA_RULES` first (`ValidationError` at
    /// `/type` or `/file`).
    #[wasm_bindgen(js_name = uploadMedia, unchecked_return_type = "Promise<MetaMediaUpload>")]
    pub fn upload_media(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Blob | Uint8Array | ArrayBuffer")] file: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "UploadMediaOptions")] options: Option<JsValue>,
    ) -> Promise {
        let core = self.core.clone();
        let options = options.unwrap_or(JsValue::UNDEFINED);
        future_to_promise(async move {
            let option = |key: &str| Reflect::get(&options, &key.into()).ok().and_then(|v| v.as_string());
            let field =
                |key: &str| Reflect::get(&file, &key.into()).ok().and_then(|v| v.as_string()).filter(|s| !s.is_empty());
            let mime_type = option("type").or_else(|| field("type")).ok_or_else(|| {
                BodyError::argument("uploadMedia needs the MIME type: pass { type } or a Blob with a type")
            })?;
            let filename = option("filename").or_else(|| field("name")).unwrap_or_else(|| "file".into());
            let bytes = file_bytes(&file).await?;
            let upload =
                core.call(move |c| c.upload_media_request(&bytes, &mime_type, &filename), |c, r| c.decode_upload(r));
            JsFuture::from(upload).await
        })
    }

    /// The media's download URL (valid 5 minutes), MIME type, SHA-256 and size.
    #[wasm_bindgen(js_name = getMedia, unchecked_return_type = "Promise<MetaMedia>")]
    pub fn get_media(&self, media_id: String) -> Promise {
        self.core.call(move |c| c.get_media_request(&media_id), |c, r| c.decode_media(r))
    }

    /// Deletes an uploaded media.
    #[wasm_bindgen(js_name = deleteMedia, unchecked_return_type = "Promise<MetaSuccess>")]
    pub fn delete_media(&self, media_id: String) -> Promise {
        self.core.call(move |c| c.delete_media_request(&media_id), |c, r| c.decode_success(r))
    }

    /// Downloads a media URL from `getMedia` (or an inbound webhook) with the token. The token
    /// is only sent to Meta's media host or to `baseUrl`'s host.
    #[wasm_bindgen(js_name = downloadMedia, unchecked_return_type = "Promise<DownloadedMedia>")]
    pub fn download_media(&self, url: String) -> Promise {
        let core = self.core.clone();
        future_to_promise(async move {
            let request = core.config.download_request(&url)?;
            let (bytes, mime_type) = core.execute(request, true, |r| core.config.decode_download(r)).await?;
            let result = js_sys::Object::new();
            Reflect::set(&result, &"bytes".into(), &Uint8Array::from(bytes.as_slice()))?;
            Reflect::set(&result, &"mimeType".into(), &mime_type.into())?;
            Ok(result.into())
        })
    }
}

/// The bytes of a Blob/File (through `arrayBuffer()`), a Uint8Array or an ArrayBuffer.
async fn file_bytes(file: &JsValue) -> Result<Vec<u8>, BodyError> {
    if let Some(array) = file.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if file.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(file).to_vec());
    }
    let read = Reflect::get(file, &"arrayBuffer".into()).ok().and_then(|f| f.dyn_into::<Function>().ok());
    let Some(read) = read else {
        return Err(BodyError::argument("uploadMedia takes a Blob, File, Uint8Array or ArrayBuffer"));
    };
    let promise = read.call0(file).map_err(|e| BodyError::argument(describe(&e)))?;
    let buffer = JsFuture::from(Promise::resolve(&promise)).await.map_err(|e| BodyError::argument(describe(&e)))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
