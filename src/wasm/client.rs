//! The sans-IO half of every client: `ClientCore` checks a client's options, builds the
//! request an operation needs, decodes the answer, and decides on retries. The JS classes
//! (`MetaClient`, `BirdClient`, `OneMsgClient`, pkg-template/clients.js) move the bytes
//! through `fetch`, run the timeout and wait between attempts: doing that in JS costs a
//! fraction of driving promises, closures and `fetch` from wasm, and keeps the async
//! machinery out of the wasm.
//!
//! The boundary is small and flat: `prepare` returns `[method, url, headers, body, binary]`
//! (headers flat, `[name, value, …]`); `decode` and `failed` return `[true, value]` or
//! `[false, error, retryInMs?]`, the error a JS `Error` carrying the request (credentials
//! redacted) and the number of attempts.

use super::convert::{js_to_json, json_to_js, message_from_js, to_js};
use super::errors::{Attempted, to_js_error};
use super::options::{Options, SHARED_KEYS};
use crate::error::{AnswerError, BodyError, SendError, TransportError};
use crate::http::{FilePart, HttpRequest, HttpResponse, Method, RetryPolicy};
use crate::json::JsonWriter;
use crate::message::MarkRead;
use crate::provider::bird::BirdConfig;
use crate::provider::download::{self, Downloaded};
use crate::provider::fit::Change;
use crate::provider::meta::MetaConfig;
use crate::provider::onemsg::{OneMsgConfig, OneMsgMedia};
use crate::provider::{AnyClient, ProviderClient, send_changes};
use js_sys::{Array, Uint8Array};
use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_CLIENT_OPTIONS: &str = r#"
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

/** What `downloadMedia` resolves to (every client, and the messenger): the file's bytes and its `Content-Type`. */
export interface DownloadedMedia {
  bytes: Uint8Array & { readonly buffer: ArrayBuffer };
  mimeType: string;
}

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

/** Bird's message statuses; a status Bird adds later comes through as Bird spells it. */
export type BirdMessageStatus =
  | "accepted" | "rejected" | "processing" | "scheduled" | "sent" | "sending_failed"
  | "delivered" | "delivery_failed" | "deleted" | "skipped" | (string & {});

/**
 * Bird's delivery options for `BirdClient.send(message, options)`: the top-level fields of
 * Bird's request, checked as Bird checks them (violations point at the field in the request).
 */
export interface BirdSendOptions {
  /** Your reference, echoed in status webhooks (the same field as a message's `callbackData`). */
  reference?: string;
  /** `meta.extraInformation.useCase`, e.g. `"marketing"`. */
  useCase?: string;
  /** Apply the workspace's frequency capping: only with `useCase: "marketing"`. */
  capFrequency?: boolean;
  /** Web tracking: UTM parameters appended to the message's links. */
  enableLinkTracking?: boolean;
  /** Send during the contact's quiet hours. */
  ignoreQuietHours?: boolean;
  /** Skip the global holdout check (transactional messages). */
  ignoreGlobalHoldout?: boolean;
  /** At most 10; each 1–50 letters, digits, `-`, `_` and spaces (Bird stores them lower-cased). */
  tags?: string[];
  /** Shorten links on this domain (`"default"` or a domain of at most 128 characters). */
  shortLinks?: { domain: string };
  /**
   * When to send (RFC 3339), at most 35 days ahead. A time in the past or less than 10 minutes
   * ahead is sent at once: the result's `warnings` say so.
   */
  scheduledFor?: string;
  /** Seconds Bird keeps trying to deliver. */
  validity?: number;
}

/** Options of `BirdClient.getContactChannel`. */
export interface ContactChannelOptions {
  /** The contact's identifier on the channel (its phone number in +E.164). */
  contactIdentifierValue?: string;
}

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

/// One provider's client configuration.
enum Config {
    Meta(MetaConfig),
    Bird(BirdConfig),
    OneMsg(OneMsgConfig),
    /// No client: 1MSG's media links are public (`OneMsgClient.downloadMedia`), downloaded
    /// without credentials, so there are none to configure.
    OneMsgMedia(OneMsgMedia),
}

/// The decoded answer of an operation, ready to cross to JS.
type Decoded = Result<JsValue, AnswerError>;

/// What a JS client delegates to wasm: everything but the I/O.
#[wasm_bindgen(skip_typescript)]
pub struct ClientCore {
    config: Config,
    retry: RetryPolicy,
}

#[wasm_bindgen]
impl ClientCore {
    /// Checks a client's options without any I/O; `provider` names the client.
    #[wasm_bindgen(constructor)]
    pub fn new(provider: &str, options: JsValue) -> Result<ClientCore, JsValue> {
        let (what, own): (&'static str, &[&str]) = match provider {
            "meta" => ("MetaClient options", &["token", "phoneNumberId", "apiVersion", "baseUrl"]),
            "bird" => ("BirdClient options", &["accessKey", "workspaceId", "channelId", "baseUrl"]),
            "1msg" => ("OneMsgClient options", &["token", "instanceId", "baseUrl"]),
            "1msg-media" => ("OneMsgClient.downloadMedia options", &[]),
            other => return Err(BodyError::argument(format!("no client for provider {other:?}")).into()),
        };
        let known = [own, &SHARED_KEYS[..]].concat();
        let options = Options::new(&options, what, &known)?;
        let config = match provider {
            "meta" => Config::Meta(MetaConfig::new(
                options.credential("token", true)?,
                options.required_string("phoneNumberId")?,
                options.string("apiVersion")?,
                options.string("baseUrl")?,
            )?),
            "bird" => Config::Bird(BirdConfig::new(
                options.credential("accessKey", true)?,
                options.required_string("workspaceId")?,
                options.required_string("channelId")?,
                options.string("baseUrl")?,
            )?),
            "1msg" => Config::OneMsg(OneMsgConfig::new(
                // 1MSG's token goes in the URL's query, percent-encoded: any character goes.
                options.credential("token", false)?,
                options.required_string("instanceId")?,
                options.string("baseUrl")?,
            )?),
            _ => Config::OneMsgMedia(OneMsgMedia),
        };
        // `fetch` and `timeoutMs` are checked here and used by the JS class.
        options.function("fetch")?;
        options.timeout_ms()?;
        Ok(ClientCore { config, retry: options.retry_policy()? })
    }

    /// The request for `operation` with its `argument` (and `extra`), as
    /// `[method, url, headers, body, binary]`; throws `ValidationError`, `UnsupportedError` or
    /// `ArgumentError` before any I/O.
    pub fn prepare(&self, operation: &str, argument: JsValue, extra: JsValue) -> Result<Array, JsValue> {
        let mut changes = Vec::new();
        // A refusal may quote what a provider answered before (a media URL from getMedia),
        // credentials and all.
        let request = self
            .request(operation, &argument, &extra, &mut changes)
            .map_err(|error| error.redact(self.client().secret()))?;
        let body = match &request.body {
            None => JsValue::UNDEFINED,
            // An upload's form around its file's slot: bytes, which clients.js splits there.
            Some(bytes) if request.file_slot.is_some() => Uint8Array::from(bytes.as_slice()).into(),
            // JSON goes as text (fetch sends strings fastest); a body that is not UTF-8 as bytes.
            Some(bytes) => match std::str::from_utf8(bytes) {
                Ok(text) => JsValue::from_str(text),
                Err(_) => Uint8Array::from(bytes.as_slice()).into(),
            },
        };
        let headers: Array = request.headers.iter().flat_map(|(n, v)| [n, v]).map(|s| JsValue::from_str(s)).collect();
        let prepared = Array::of4(&request.method.as_str().into(), &request.url.as_str().into(), &headers, &body);
        // How transport.js reads the answer: text (false), bytes following redirects (true), or
        // bytes with a redirect returned rather than followed ("manual"). A download with the
        // credentials (Meta's, Bird's) is never redirected by fetch, which would take the
        // Authorization header along to another origin where the runtime's fetch predates
        // stripping it (Workers before their 2025-09-01 compatibility date): the client follows
        // it without them (where a media host redirects, to a storage's signed link, they would
        // be refused: "only one auth mechanism allowed").
        let credentialed = request.headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("authorization"));
        let answer: JsValue = match operation {
            "downloadMedia" if credentialed => "manual".into(),
            "downloadMedia" | "downloadRedirected" => true.into(),
            _ => false.into(),
        };
        prepared.push(&answer);
        // What the send changes or leaves out of the message, as `FitChange`s: `decode` says
        // them in words in its result's `warnings`, and the messenger reports them as they are.
        // Only when there is any, so the common send carries nothing more.
        if !changes.is_empty() {
            prepared.push(&changes_to_js(&changes)?);
        }
        // Where an upload's file goes in its body (an upload has no changes: index 6).
        if let Some(slot) = request.file_slot {
            prepared.push(&JsValue::UNDEFINED);
            prepared.push(&(slot as f64).into());
        }
        Ok(prepared)
    }

    /// Decodes the answer to a prepared request: `[true, value]`, or `[false, error, retryInMs?]`.
    #[allow(clippy::too_many_arguments)] // one flat call per attempt is the point
    pub fn decode(
        &self,
        operation: &str,
        prepared: &Array,
        status: u16,
        headers: Vec<String>,
        body: JsValue,
        attempt: u32,
        jitter: f64,
    ) -> Array {
        let headers = headers.chunks_exact(2).map(|pair| (pair[0].clone(), pair[1].clone())).collect();
        // `null`: the answer's status came, its body did not (the connection dropped, or the
        // time ran out, while it was read). A 2xx to a POST is then a send or an upload that
        // may well have happened: said so, and never retried. A GET or a DELETE did nothing
        // that asking again could do twice: a transport failure, retried as those are.
        let lost = body.is_null() && (200..300).contains(&status);
        if lost && !is_post(prepared) {
            return self.failed(
                prepared,
                false,
                format!("HTTP {status}, but the body was lost on the way"),
                attempt,
                jitter,
            );
        }
        if lost {
            let error = AnswerError::Unexpected(crate::error::UnexpectedResponse {
                http_status: status,
                message: format!(
                    "{} answered HTTP {status}, but its body could not be read: the request was probably \
                     carried out (not retried; check before sending it again)",
                    self.client().provider()
                ),
                retryable: false,
                retry_after_ms: None,
                raw: String::new(),
            });
            return self.failure(error.into(), prepared, attempt, jitter);
        }
        let body = match body.as_string() {
            Some(text) => text.into_bytes(),
            None => body.dyn_into::<Uint8Array>().map(|bytes| bytes.to_vec()).unwrap_or_default(),
        };
        // An error's body is cleaned of the credential before it is read: a field a provider
        // names by the secret (Bird's 422 `details` keys) becomes a pointer, whose `~1` and `/`
        // the redaction of the decoded error would no longer find.
        let secret = self.client().secret();
        let body = match std::str::from_utf8(&body) {
            Ok(text) if !(200..300).contains(&status) && !secret.is_empty() => {
                crate::http::redact_secret(text, secret).map_or(body, String::into_bytes)
            }
            _ => body,
        };
        let response = HttpResponse { status, headers, body };
        match self.answer(operation, prepared, &response) {
            Ok(value) => {
                add_prepared_warnings(&value, prepared);
                Array::of2(&JsValue::TRUE, &value)
            }
            Err(mut error) => {
                // A read's 2xx that cannot be decoded (cut short, garbled on the way) may come
                // whole when asked again, which does nothing twice.
                if let AnswerError::Unexpected(unexpected) = &mut error {
                    unexpected.retryable |= (200..300).contains(&status) && is_get(prepared);
                }
                self.failure(error.into(), prepared, attempt, jitter)
            }
        }
    }

    /// A request that did not complete (`transport.js` said why): `[false, error, retryInMs?]`.
    pub fn failed(&self, prepared: &Array, timed_out: bool, message: String, attempt: u32, jitter: f64) -> Array {
        self.failure(TransportError { message, timed_out }.into(), prepared, attempt, jitter)
    }
}

impl ClientCore {
    /// The provider-independent half of the client (its provider, its secret, media
    /// downloads): the one match on the provider those calls need.
    fn client(&self) -> &dyn AnyClient {
        match &self.config {
            Config::Meta(c) => c,
            Config::Bird(c) => c,
            Config::OneMsg(c) => c,
            Config::OneMsgMedia(c) => c,
        }
    }

    /// The request for `operation`; a neutral message's send also sets `changes` to what the
    /// provider's body changes or leaves out of it.
    fn request(
        &self,
        operation: &str,
        argument: &JsValue,
        extra: &JsValue,
        changes: &mut Vec<Change>,
    ) -> Result<HttpRequest, BodyError> {
        let text = |what: &str| {
            argument.as_string().ok_or_else(|| BodyError::argument(format!("{operation} takes {what} (a string)")))
        };
        match (&self.config, operation) {
            (config, "send") => {
                // Bird's send options (read first, as they always were); the others take none.
                let options = match config {
                    Config::Bird(_) if !(extra.is_undefined() || extra.is_null()) => Some(js_to_json(extra)?),
                    _ => None,
                };
                let message = message_from_js(argument)?;
                let request = match config {
                    Config::Meta(c) => c.send_request(&message)?,
                    Config::Bird(c) => c.send_with_options(&message, options.as_deref())?,
                    Config::OneMsg(c) => c.send_request(&message)?,
                    Config::OneMsgMedia(_) => return Err(no_operation(operation)),
                };
                *changes = send_changes(self.client().provider(), &message);
                Ok(request)
            }
            (Config::Bird(c), "sendBody") => c.send_body_request(&js_to_json(argument)?),
            (Config::Bird(c), "getContactChannel") => {
                let value = match extra.as_string() {
                    Some(value) => Some(value),
                    None if extra.is_undefined() || extra.is_null() => None,
                    None => return Err(BodyError::argument("contactIdentifierValue must be a string")),
                };
                c.contact_channel_request(&text("the contact id")?, value.as_deref())
            }
            (Config::OneMsg(c), "sendBody") => {
                let method = extra.as_string().ok_or_else(|| {
                    BodyError::argument("sendBody takes the method's name (\"sendTemplate\", …) after the body")
                })?;
                c.send_body_request(&method, &js_to_json(argument)?)
            }
            (Config::OneMsg(c), name) if OneMsgConfig::has_endpoint(name) => {
                let argument = match argument {
                    a if a.is_undefined() || a.is_null() => None,
                    a => Some(match a.as_string() {
                        // A media id (deleteMedia) crosses as JSON text, like the other arguments.
                        Some(id) if name == "deleteMedia" => format!("{id:?}"),
                        // The others take an object: a string is a mistake, not JSON text.
                        Some(_) => return Err(BodyError::argument(format!("{name} takes an object, not a string"))),
                        None => js_to_json(a)?,
                    }),
                };
                c.call_request(name, argument.as_deref())
            }
            (Config::Meta(c), "markRead") => c.mark_read_request(&MarkRead {
                message_id: text("the message id")?,
                typing_indicator: extra.as_bool().unwrap_or(false),
            }),
            (Config::Meta(_), "uploadMedia") | (Config::OneMsg(_), "uploadFile") => {
                let (file, mime_type, filename) = file_of("uploadMedia", argument, extra)?;
                match &self.config {
                    Config::Meta(c) => c.upload_media_request(&file, &mime_type, &filename),
                    Config::OneMsg(c) => c.upload_file_request(&file, &mime_type, &filename),
                    Config::Bird(_) => Err(BodyError::argument("BirdClient takes media by URL; it has no uploads")),
                    Config::OneMsgMedia(_) => Err(no_operation(operation)),
                }
            }
            // sendFile and POST /me with the file itself: extra is [type, filename, fields JSON].
            (Config::OneMsg(c), "sendFileForm" | "updateMeForm") => {
                let method = if operation == "sendFileForm" { "sendFile" } else { "updateMe" };
                let (file, mime_type, filename) = file_of(method, argument, extra)?;
                let fields = Array::from(extra).get(2).as_string().unwrap_or_else(|| "{}".into());
                let endpoint = if operation == "sendFileForm" { "sendFile" } else { "me" };
                c.form_request(endpoint, &fields, &file, &mime_type, &filename)
            }
            (Config::Meta(c), "getMedia") => c.get_media_request(&text("the media id")?),
            (Config::Meta(c), "deleteMedia") => c.delete_media_request(&text("the media id")?),
            (_, "downloadMedia") => self.client().download_request(&text("the media URL")?),
            // Where a media host redirected (Bird's, to its storage; Meta's, to its CDN): never
            // with credentials.
            (_, "downloadRedirected") => download::public_get(&text("the media URL")?),
            _ => Err(no_operation(operation)),
        }
    }

    fn answer(&self, operation: &str, prepared: &Array, response: &HttpResponse) -> Decoded {
        fn js<T: Serialize>(decoded: Result<T, AnswerError>) -> Decoded {
            // A result that cannot cross is not an answer error; it cannot happen for these types.
            decoded.map(|value| to_js(&value).unwrap_or(JsValue::UNDEFINED))
        }
        match (&self.config, operation) {
            (_, "downloadMedia" | "downloadRedirected") => {
                let url = prepared.get(1).as_string().unwrap_or_default();
                let downloaded = match operation {
                    "downloadMedia" => self.client().decode_download(&url, response),
                    // The storage a media host redirected to: not the provider's API.
                    _ => download::decode(&download::storage_name(&url), &url, response, |r| {
                        download::storage_error(&url, r)
                    }),
                };
                downloaded.map(|d| downloaded_to_js(d, response.status))
            }
            (Config::Meta(c), "send") => js(c.decode_send(response)),
            (Config::Bird(c), "send" | "sendBody") => {
                // The request's own scheduledFor, where Bird's answer does not echo it.
                let sent = || prepared.get(3).as_string();
                js(c.decode_send_for(response, sent, crate::clock::now_ms()))
            }
            (Config::Bird(c), "getContactChannel") => js(c.decode_contact_channel(response, crate::clock::now_ms())),
            (Config::OneMsg(c), "send" | "sendBody" | "sendFileForm") => js(c.decode_send(response)),
            // uploadFile answers as uploadMedia does: `{mediaId}`.
            (Config::OneMsg(c), "uploadMedia" | "uploadFile") => {
                c.decode_upload(response).map(|json| json_to_js(&json).unwrap_or(JsValue::UNDEFINED))
            }
            (Config::OneMsg(c), _) => {
                c.decode_call(response).map(|json| json_to_js(&json).unwrap_or(JsValue::UNDEFINED))
            }
            (Config::Meta(c), "markRead" | "deleteMedia") => js(c.decode_success(response)),
            (Config::Meta(c), "uploadMedia") => js(c.decode_upload(response)),
            (Config::Meta(c), "getMedia") => js(c.decode_media(response)),

            // `prepare` refused any other operation before a request was made.
            _ => Ok(JsValue::UNDEFINED),
        }
    }

    /// The JS error for a failed attempt, with the retry the policy allows.
    fn failure(&self, error: SendError, prepared: &Array, attempt: u32, jitter: f64) -> Array {
        let mut error = error.redact(self.client().secret());
        let mut request = sent_request(prepared);
        // A webhook URL set through 1MSG carries the receiver's shared token: out of the error,
        // the request it quotes included (the caller has the URL to send again).
        if let (Config::OneMsg(_), Some(body)) = (&self.config, &request.body) {
            for token in crate::provider::onemsg::webhook_url_secrets(body) {
                error = error.redact(&token);
                let text = String::from_utf8_lossy(request.body.as_deref().unwrap_or_default()).into_owned();
                if let Some(clean) = crate::http::redact_secret(&text, &token) {
                    request.body = Some(clean.into_bytes());
                }
            }
        }
        let mut hint = error.retry_hint();
        // A GET asked again does nothing twice: retried as a refused request is. (A DELETE
        // cannot do anything twice either, but asked again after an answer that was lost it
        // gets the provider's 404 for what it did delete: it is left to the caller, whose
        // error says `safeToResend`.)
        hint.safe |= is_get(prepared);
        let wait =
            if self.retry.should_retry(&hint) { self.retry.delay_ms(attempt, jitter, hint.after_ms) } else { None };
        let attempted = Attempted { provider: self.client().provider(), request: &request, attempts: attempt };
        let js_error = to_js_error(&error, Some(attempted));
        let out = Array::of2(&JsValue::FALSE, &js_error);
        if let Some(wait) = wait {
            out.push(&(wait as f64).into());
        }
        out
    }
}

/// Whether a prepared request is a POST (a send, an upload: what asking again may do twice).
fn is_post(prepared: &Array) -> bool {
    prepared.get(0).as_string().as_deref() == Some("POST")
}

/// Whether a prepared request is a GET (a read: asking again changes nothing).
fn is_get(prepared: &Array) -> bool {
    prepared.get(0).as_string().as_deref() == Some("GET")
}

fn no_operation(operation: &str) -> BodyError {
    BodyError::argument(format!("this client has no operation {operation:?}"))
}

/// A download's answer for JS: `{bytes, mimeType}`, or (a redirect, followed by clients.js
/// without credentials) `{redirect, status}`.
fn downloaded_to_js(downloaded: Downloaded, status: u16) -> JsValue {
    let result = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&result, &key.into(), &value);
    };
    match downloaded {
        Downloaded::File(bytes, mime_type) => {
            set("bytes", Uint8Array::from(bytes.as_slice()).into());
            set("mimeType", mime_type.into());
        }
        Downloaded::Redirect(url) => {
            set("redirect", url.into());
            set("status", status.into());
        }
    }
    result.into()
}

/// A send's changes as `FitChange` objects; each lies where it says in the message given
/// (a send reshapes nothing, so its `source` is its `pointer`).
fn changes_to_js(changes: &[Change]) -> Result<JsValue, BodyError> {
    let mut w = JsonWriter::new();
    w.item_arr(changes, |w, change| super::write_change(w, change, Some(&change.pointer)));
    json_to_js(&w.finish())
}

/// Adds to a send's result, in words, the changes `prepare` put after its request (what the
/// provider's body changed or left out of the message), after the warnings decoding found
/// (Bird's schedule sent at once). Nothing when there are none.
fn add_prepared_warnings(result: &JsValue, prepared: &Array) {
    let Ok(changes) = prepared.get(5).dyn_into::<Array>() else { return };
    let key = JsValue::from_str("warnings");
    let warnings = js_sys::Reflect::get(result, &key).ok().and_then(|w| w.dyn_into::<Array>().ok()).unwrap_or_default();
    let message = JsValue::from_str("message");
    for change in changes.iter() {
        warnings.push(&js_sys::Reflect::get(&change, &message).unwrap_or_default());
    }
    let _ = js_sys::Reflect::set(result, &key, &warnings);
}

/// The request `prepare` made, read back for an error report (only when an attempt failed).
fn sent_request(prepared: &Array) -> HttpRequest {
    let method = match prepared.get(0).as_string().as_deref() {
        Some("GET") => Method::Get,
        Some("DELETE") => Method::Delete,
        _ => Method::Post,
    };
    let mut request = HttpRequest::new(method, prepared.get(1).as_string().unwrap_or_default());
    let headers = prepared.get(2).dyn_into::<Array>().unwrap_or_default();
    for i in 0..headers.length() / 2 {
        let (name, value) = (headers.get(2 * i).as_string(), headers.get(2 * i + 1).as_string());
        if let (Some(name), Some(value)) = (name, value) {
            request = request.header(&name, value);
        }
    }
    // An upload's form (its file's slot at index 6) is not carried: the caller has the file.
    let body = if prepared.get(6).is_undefined() { prepared.get(3) } else { JsValue::UNDEFINED };
    request.body = match body.as_string() {
        Some(text) => Some(text.into_bytes()),
        None => body.dyn_into::<Uint8Array>().ok().map(|bytes| bytes.to_vec()),
    };
    request
}

/// A file given to the call `what`: its bytes (the JS side reads a Blob into them), its MIME
/// type and its name (`extra`'s first two items; the name defaults to "file").
fn file_of(what: &str, argument: &JsValue, extra: &JsValue) -> Result<(FilePart<'static>, String, String), BodyError> {
    let Some(bytes) = argument.dyn_ref::<Uint8Array>() else {
        return Err(BodyError::argument(format!("{what} takes a Blob, File, Uint8Array or ArrayBuffer")));
    };
    let field = |i| Array::from(extra).get(i).as_string().filter(|s: &String| !s.is_empty());
    let mime_type = field(0).ok_or_else(|| {
        BodyError::argument(format!("{what} needs the file's MIME type: pass {{ type }} or a Blob with a type"))
    })?;
    // Only the size crosses: clients.js puts the bytes in at the request's file slot, so a
    // file never passes through the wasm memory (which never shrinks). The boundary is random,
    // 104 bits, as browsers make theirs.
    let random = || format!("{:013x}", (js_sys::Math::random() * (1u64 << 52) as f64) as u64);
    let boundary = format!("wabridge-{}{}", random(), random());
    let file = FilePart::Slot { size: bytes.length() as usize, boundary };
    Ok((file, mime_type, field(1).unwrap_or_else(|| "file".into())))
}
