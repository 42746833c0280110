//! The JS bindings: the only module with `#[wasm_bindgen]`. A thin translation layer —
//! arguments in, core call, results or typed errors out.

mod bird_types;
mod client;
mod convert;
mod errors;
mod event_types;
mod onemsg_types;
mod options;

pub use client::ClientCore;

use crate::error::BodyError;
use crate::json::JsonWriter;
use crate::message::{Message, Template};
use crate::provider::fit::{Change, Fit, FitMode};
use crate::provider::{self, BulkItem, Provider};
use crate::validate::Violation;
use convert::{js_to_json, json_to_js, message_from_js, to_js};
use options::Options;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_OPTIONS: &str = r#"
/**
 * A provider-native request body as `validateProvider`, `fromProvider` and `convert` take it:
 * JSON text, or the body as an object — one of the body types (`BirdRequestBody`,
 * `OneMsgSendBody<M>`, what `toProvider` returns), an object literal, or a value of your own
 * interface. `object` rather than `Record<string, unknown>`: under `strict`, interfaces (the
 * body types among them) have no index signature and were refused; any object is read as JSON.
 */
export type ProviderBody = object | string;

/** Options of the functions that read provider-native bodies. */
export interface ProviderBodyOptions {
  /**
   * The endpoint the body is for, where the body depends on it: for 1msg the method name
   * (`sendMessage`, `sendButton`, …); for Meta and Bird `"messages"` (the default).
   */
  operation?: string;
}

/** Options of `validateProvider`. */
export interface ValidateProviderOptions extends ProviderBodyOptions {
  /**
   * Bird: the time `scheduledFor` is judged at (at most 35 days ahead of it), in milliseconds
   * since the epoch or as a `Date`; default now. The sandbox passes its own clock.
   */
  now?: number | Date;
}
"#;

/// TypeScript: "exactly one of `id` and `link`" is a union there, so the declaration is
/// written by hand instead of derived.
#[wasm_bindgen(typescript_custom_section)]
const TS_MEDIA: &str = r#"
interface MediaFields {
  /** Images, videos and documents only; at most 1024 characters. */
  caption?: string;
  /** Documents only: the file name shown (its extension picks the icon). */
  filename?: string;
  /**
   * The file's MIME type, one of its kind's (`MEDIA_RULES`). Bird needs it for audio, video and
   * documents (they travel as its file body); Meta and 1MSG read the type from the file.
   */
  mimeType?: string;
  /** Audio only: play it as a voice note. Meta requires Ogg files encoded with OPUS (`audio/ogg`). */
  voice?: boolean;
}
/** Media by the id of an upload. */
export interface MediaById extends MediaFields { id: string; link?: never }
/**
 * Media by an http(s) URL the provider downloads it from; a message's own media (not a header's)
 * may also be inline, a `data:<type>;base64,…` URI of its kind's type, for Bird (at most 100 KB)
 * and 1MSG (Meta takes links and uploaded ids only: `UnsupportedError` at `/content/link`).
 */
export interface MediaByLink extends MediaFields { link: string; id?: never }
/** An image, video, audio file, document or sticker: by media `id` or by `link`, exactly one. */
export type Media = MediaById | MediaByLink;
/**
 * A message's media of kind `K`, with what that kind may say besides the file (the model
 * refuses the rest): a caption for images, videos and documents, a file name for documents,
 * `voice` for audio; a sticker, none of them.
 */
export type MediaOf<K extends MediaKind> = Media &
  (K extends "image" | "video" ? { filename?: never; voice?: never }
    : K extends "document" ? { voice?: never }
    : K extends "audio" ? { caption?: never; filename?: never }
    : { caption?: never; filename?: never; voice?: never });
/** A header's media of kind `K`: no caption (the message's body says it), a file name for a document only. */
export type HeaderMediaOf<K extends "image" | "video" | "document"> = Media &
  (K extends "document" ? { caption?: never; voice?: never } : { caption?: never; filename?: never; voice?: never });
/**
 * What a call that only reads its argument takes: `T`, or `T` with any of its arrays and
 * objects read-only (an `as const` literal, a `readonly` array, a frozen object).
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
"#;

fn provider_named(name: &str) -> Result<Provider, BodyError> {
    Ok(name.parse()?)
}

/// Writes the changes of a fit as `FitChange` objects.
fn write_changes<'c>(w: &mut JsonWriter, changes: impl IntoIterator<Item = (&'c Change, Option<&'c str>)>) {
    w.arr("changes", changes, |w, (change, source)| write_change(w, change, source));
}

/// One `FitChange`: `source` is where it lies in the message given, when it does.
fn write_change(w: &mut JsonWriter, change: &Change, source: Option<&str>) {
    w.item_obj(|w| {
        w.str("kind", change.kind.name());
        w.str("pointer", &change.pointer);
        w.opt_str("source", source);
        w.str("message", &change.message);
        if let Some(limit) = change.limit {
            w.float("limit", limit);
        }
        w.int("part", change.part as i64);
    })
}

/// Checks a media upload before it is sent (or, in the sandbox, received): the MIME type
/// must belong to a media kind, and the size must be within that kind's limit. Returns the
/// kind; throws `ValidationError` with violations at `/type` or `/file`.
#[wasm_bindgen(js_name = checkMediaUpload, unchecked_return_type = "MediaKind")]
pub fn check_media_upload(mime_type: &str, size: f64) -> Result<JsValue, JsValue> {
    let size = if size.is_finite() && size >= 0.0 { size as usize } else { usize::MAX };
    let kind = crate::message::media::check_upload(mime_type, size).map_err(BodyError::Invalid)?;
    Ok(to_js(&kind)?)
}

/// Every violation of `message` (an empty array when it is valid): the neutral model's
/// documented limits, and with `provider`, what that provider cannot express — a content
/// kind it cannot carry is a violation at `/content/type` with the code `unsupported`, not
/// an exception, because callers (the README, the admin panel) expect one list to show.
/// A value that is not a message at all is reported as a violation too, at its pointer.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "Violation[]")]
pub fn validate(
    // `unknown`: what it checks is untrusted input (a request's JSON, a form's value).
    #[wasm_bindgen(unchecked_param_type = "unknown")] message: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Provider")] provider: Option<String>,
) -> Result<JsValue, JsValue> {
    let target = provider.as_deref().map(provider_named).transpose()?;
    // A message read whole despite fields the model does not know is judged too, for the
    // provider as well: removing those fields reveals nothing more.
    let json = js_to_json(&message)?;
    let violations: Vec<Violation> = match crate::validate::parse_tree(&json) {
        Err(violation) => vec![violation],
        Ok(tree) => match Message::read_whole(&tree) {
            Err(violations) => violations,
            Ok((message, found)) => crate::validate::one_list(found.into_iter().chain(match target {
                None => message.validate().err().unwrap_or_default(),
                Some(target) => provider::violations_for(target, &message)?,
            })),
        },
    };
    Ok(to_js(&violations)?)
}

/// Validates `message` and converts it to `provider`'s request body (the JSON object sent
/// over HTTP). Throws `ValidationError` with every violation, or `UnsupportedError`. (Its
/// TypeScript declaration, generic in the provider, is written out above.)
#[wasm_bindgen(js_name = toProvider, skip_typescript)]
pub fn to_provider(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: &str,
    #[wasm_bindgen(unchecked_param_type = "DeepReadonly<Message>")] message: JsValue,
) -> Result<JsValue, JsValue> {
    let provider = provider_named(provider)?;
    let message: Message = message_from_js(&message)?;
    Ok(json_to_js(&provider::serialize(provider, &message)?)?)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_BULK: &str = r#"
/** One message of a `toProviderMany` call: its wire body, or why it has none. */
export type BulkResult =
  | { index: number; line?: number; body: Record<string, unknown> }
  | { index: number; line?: number; violations: Violation[] }
  | { index: number; line?: number; error: { code: "ERR_UNSUPPORTED" | "ERR_ARGUMENT"; message: string; provider?: Provider; kind?: string; path?: string } };
"#;

/// The most text one `toProviderMany` call takes (bytes, or a string's UTF-16 units): with
/// its answer's own cap, what the call holds stays within the wasm's 4 GiB (a 2.5 GB file
/// trapped, out of memory).
const BULK_MAX_INPUT: usize = 256 << 20;

/// The longest answer of one `toProviderMany` call, in bytes of JSON: under the longest
/// string an engine makes (V8: 2^29 − 24 characters), and within the wasm's memory.
const BULK_MAX_ANSWER: usize = 256 << 20;

fn bulk_too_large() -> BodyError {
    BodyError::argument("toProviderMany takes at most 256 MiB of text at once: give the file in parts")
}

/// Validates and converts many messages in one call (a campaign file, an admin panel's CSV
/// import): `input` is an array of messages (objects, or JSON text each), or a file's text as
/// a string or UTF-8 bytes: JSON lines (one message per line; `\n`, `\r\n` or `\r`), or one
/// JSON array. Returns one result per message, in order: `{ index, body }`, or
/// `{ index, violations }` (pointers into that message; a syntax error, or bytes that are not
/// UTF-8, at its line and column in the file), or `{ index, error }` for content the provider
/// cannot carry or an item that cannot be read; a file's text also gives each result the
/// 1-based `line` it starts on. One bad message does not stop the others; a file that opens an
/// array and is not one, or an array with an element that is not JSON, fails the call (which
/// of its parts are messages is not known), and so does one over 256 MiB or a million messages, or whose answer
/// would be.
#[wasm_bindgen(js_name = toProviderMany, unchecked_return_type = "BulkResult[]")]
pub fn to_provider_many(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: &str,
    #[wasm_bindgen(unchecked_param_type = "ReadonlyArray<DeepReadonly<Message> | string> | string | Uint8Array")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let provider = provider_named(provider)?;
    if convert::is_array(&input) {
        let length = convert::property(&input, "length", "toProviderMany's input")?.as_f64().unwrap_or_default();
        if length > crate::json::MAX_ITEMS as f64 {
            return Err(provider::bulk::too_many().into());
        }
        let texts = convert::array_items(&input)?;
        let items = texts.iter().map(|text| (None, provider::serialize_text(provider, text.as_deref())));
        return bulk_answer(items);
    }
    let file = match input.dyn_ref::<js_sys::Uint8Array>() {
        // (Read through errors.js: a subclass's `length` getter or a detached buffer may throw.)
        Some(view) => {
            let length = convert::property(view, "length", "toProviderMany's input")?.as_f64().unwrap_or_default();
            let too_large = |n: f64| n > BULK_MAX_INPUT as f64;
            if too_large(length) {
                return Err(bulk_too_large().into());
            }
            let bytes = convert::bytes(view, "toProviderMany's input")?;
            if too_large(bytes.len() as f64) {
                return Err(bulk_too_large().into());
            }
            bytes
        }
        // UTF-16 units: its UTF-8 is at most three bytes for each.
        None if input.is_string() && js_sys::JsString::from(input.clone()).length() as usize > BULK_MAX_INPUT => {
            return Err(bulk_too_large().into());
        }
        None if input.is_string() => convert::lines_text(&input).into_bytes(),
        None => {
            let message = "toProviderMany takes an array of messages, or JSON lines: a string, or UTF-8 bytes as a \
                           Uint8Array (a file's: new Uint8Array(await file.arrayBuffer()))";
            return Err(BodyError::argument(message).into());
        }
    };
    bulk_answer(provider::serialize_many(provider, &file)?.map(|(line, item)| (Some(line), item)))
}

/// A bulk call's answer, written as its items are converted, one at a time: the bodies are
/// not all held at once beside it, and a call whose answer would outgrow
/// [`BULK_MAX_ANSWER`] stops there (a JS string has a length limit, and the wasm 4 GiB).
fn bulk_answer(items: impl Iterator<Item = (Option<usize>, BulkItem)>) -> Result<JsValue, JsValue> {
    let mut w = JsonWriter::new();
    let over = std::cell::Cell::new(false);
    let items = items.enumerate().take_while(|_| !over.get());
    w.item_arr(items, |w, (index, (line, item))| {
        w.item_obj(|w| {
            w.int("index", index as i64);
            w.opt_int("line", line.map(|l| l as i64));
            match &item {
                // The body is JSON already: it goes in as it is.
                BulkItem::Body(body) => w.raw("body", body),
                BulkItem::Refused(BodyError::Invalid(violations)) => {
                    w.arr("violations", violations, |w, v| {
                        w.item_obj(|w| {
                            w.str("path", &v.path);
                            w.str("code", v.code.as_str());
                            w.str("message", &v.message);
                            if let Some(limit) = v.limit {
                                w.float("limit", limit);
                            }
                        })
                    });
                }
                BulkItem::Refused(error) => w.obj("error", |w| {
                    w.str("code", error.code());
                    w.str("message", &error.to_string());
                    if let BodyError::Unsupported(u) = error {
                        w.str("provider", u.provider.name());
                        w.str("kind", &u.kind);
                        w.str("path", u.pointer());
                    }
                }),
            }
        });
        over.set(w.len() > BULK_MAX_ANSWER);
    });
    if over.get() {
        return Err(BodyError::argument(
            "toProviderMany's answer would be over 256 MiB: give the messages in parts (a few hundred thousand at a time)",
        )
        .into());
    }
    Ok(json_to_js(&w.finish())?)
}

/// Like `toProvider`, JSON text in and out: for messages that already are JSON (a queue,
/// a file) and bodies that go straight to HTTP.
#[wasm_bindgen(js_name = toProviderJson)]
pub fn to_provider_json(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: &str,
    #[wasm_bindgen(unchecked_param_type = "string")] message_json: JsValue,
) -> Result<String, JsValue> {
    let provider = provider_named(provider)?;
    if !message_json.is_string() {
        return Err(
            BodyError::argument("toProviderJson takes the message as JSON text (toProvider takes an object)").into()
        );
    }
    let message = Message::from_json(&js_to_json(&message_json)?).map_err(BodyError::Invalid)?;
    Ok(provider::serialize(provider, &message)?)
}

/// Parses and validates a provider-native request body (object or JSON text) into the
/// neutral `Message`. Throws `ValidationError` whose violations point into the body.
#[wasm_bindgen(js_name = fromProvider, unchecked_return_type = "Message")]
pub fn from_provider(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: &str,
    #[wasm_bindgen(unchecked_param_type = "ProviderBody")] body: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ProviderBodyOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let provider = provider_named(provider)?;
    // A misspelt option (`operaton`) is an error, not silently the default.
    let operation = Options::optional(options.as_ref(), "fromProvider options", &["operation"])?.string("operation")?;
    let message = provider::parse(provider, &js_to_json(&body)?, operation.as_deref())?;
    Ok(json_to_js(&message.to_json())?)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_FIT: &str = r#"
/**
 * How far a message may be changed to fit a provider: `"strict"` (the default: violations are
 * errors), `"truncate"` (text over a limit is shortened at a grapheme boundary, ending in `…`;
 * titles that must be unique and read alike once cut, such as two reply buttons', are numbered
 * apart within the limit: `"Appointment on Mo… 2"`), `"adapt"` (also reshaped: more than 3 reply buttons or a title over 20 → a list; a list where
 * there are none → numbered text; a carousel the provider cannot carry (none at all, or cards it cannot take) → one message per card; a CTA
 * URL where there is none → text with the link).
 */
export type FitMode = "strict" | "truncate" | "adapt";
/** One change a conversion or fit made; nothing changes without one. */
export interface FitChange {
  /** `lossy`: a field the target cannot carry was left out; `truncated`; `reshaped`. */
  kind: "lossy" | "truncated" | "reshaped";
  /** JSON pointer into the neutral message the change was made in: the message given, or a split's further message (`part` > 0) for a change made in fitting that one. `source` is always in the input as given. */
  pointer: string;
  /** JSON pointer into the input as given (the source provider's body when converting from one); absent for changes to content that a reshape made (the input does not have it). */
  source?: string;
  message: string;
  /** A truncation's limit, in characters. */
  limit?: number;
  /** Which message of a split (a carousel sent card by card) the change belongs to; 0 otherwise. */
  part: number;
}
/** Options of `convert`. */
export interface ConvertOptions extends ProviderBodyOptions {
  /** How far the message may be changed to fit the target (`"strict"` by default): a provider's limits, or to `"neutral"` the neutral model's own. */
  fit?: FitMode;
  /**
   * What names a template for the target where the body given does not: a Meta template has
   * no Bird Studio `projectId` (nor 1MSG's `namespace`), a Bird template no `name`. Each is
   * used where the message has none and the target names templates by it (Meta `name`; 1MSG
   * `namespace` and `name`; Bird `projectId` and `projectVersion`); to `"neutral"`, all are.
   */
  template?: { name?: string; namespace?: string; projectId?: string; projectVersion?: string };
  /** `template.namespace`, as convert first took it: a template's namespace (its WhatsApp Business Account's), which 1MSG's sendTemplate needs. */
  namespace?: string;
}
/**
 * The request body a provider is sent: Bird's and 1MSG's typed (and a JSON object still, so
 * that code taking any body takes them); Meta's a JSON object.
 */
export type ProviderRequestBody<P extends Provider = Provider> = Record<string, unknown> &
  (P extends "bird" ? BirdRequestBody : P extends "1msg" ? OneMsgSendBody : unknown);
/** What a conversion to `To` writes: a neutral message, or that provider's request body. */
export type ConvertedBody<To extends "neutral" | Provider = "neutral" | Provider> = To extends "neutral"
  ? Message & Record<string, unknown>
  : To extends Provider
    ? ProviderRequestBody<To>
    : never;
/** The endpoint a converted body goes to: 1MSG's method, `"messages"` for Meta and Bird. */
export type ConvertedOperation<To extends "neutral" | Provider = "neutral" | Provider> = To extends "1msg" ? OneMsgSendMethod : string;
/** What `convert` gives: the converted document, and every change made to get there. */
export interface Conversion<To extends "neutral" | Provider = "neutral" | Provider> {
  /** The converted document: a provider's request body (`sendBody` takes it), or a neutral message. */
  body: ConvertedBody<To>;
  /** The endpoint the body goes to (1MSG's method, `"messages"` for Meta and Bird); absent for neutral. */
  operation?: ConvertedOperation<To>;
  /** Fields the target cannot carry (left out: `lossy`), text shortened, content reshaped. */
  changes: FitChange[];
  /** Further messages, in order, where fit `"adapt"` split the content (a carousel card by card). */
  more: Array<{ body: ConvertedBody<To>; operation?: ConvertedOperation<To> }>;
}

/**
 * Validates `message` and converts it to `provider`'s request body (the JSON object sent
 * over HTTP): Bird's and 1MSG's typed as their clients' `sendBody` takes them. Throws
 * `ValidationError` with every violation, or `UnsupportedError`.
 */
export function toProvider<P extends Provider>(provider: P, message: DeepReadonly<Message>): ProviderRequestBody<P>;

/**
 * Converts a document between formats — `"neutral"` or a provider name — validating it on
 * the way (a neutral read receipt is `{ markRead: { messageId, typingIndicator? } }`).
 * Converting a provider's body to the same provider reproduces it exactly. A field the target
 * cannot carry is left out and reported in `changes` (`lossy`, with its pointer in the input);
 * `options.fit` also shortens or reshapes. The body is typed by `to`: a `Message`, or the
 * provider's request body. Throws `ValidationError` (violations point into the input),
 * `UnsupportedError` (content of a kind the target cannot carry), `ArgumentError`.
 */
export function convert<To extends "neutral" | Provider>(from: "neutral" | Provider, to: To, body: Message | ProviderBody, options?: ConvertOptions): Conversion<To>;
/** What `fit` gives: the messages to send (more than one only for a split) and every change. */
export interface Fitted {
  messages: Message[];
  changes: FitChange[];
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_PHONE: &str = r#"
/** A phone number in international form, as `parsePhoneNumber` reads it. */
export interface PhoneNumber {
  /** The country calling code, e.g. 44. */
  countryCode: number;
  /** The national significant number (digits, no trunk prefix). */
  national: string;
  /** Country code and national number, no `+`: what Meta and 1MSG are sent. */
  digits: string;
  /** `+`, country code and national number: what Bird is sent. */
  e164: string;
}
"#;

/// Reads a phone number as people write it (`+44 20 7946 0958`, `+1 (650) 555-1234`, digits
/// with the country code first) — and, given a `region` (ISO 3166 code such as `"GB"`), a
/// national form (`020 7946 0958`) or one with the region's international prefix — checked
/// against libphonenumber's numbering plans: an assigned country code, a length and a first
/// digit the country uses. Without a region, as libphonenumber, a national form (`(650)
/// 555-1234`, `020…`) and an international prefix (`00 44…`) are refused, the reason saying
/// what to write instead. Throws `ValidationError` (one violation at `""`) saying why not.
#[wasm_bindgen(js_name = parsePhoneNumber, unchecked_return_type = "PhoneNumber")]
pub fn parse_phone_number(text: &str, region: Option<String>) -> Result<JsValue, JsValue> {
    let number = crate::phone::parse(text, region.as_deref()).map_err(|error| {
        let code = crate::validate::phone_fault(&error);
        BodyError::Invalid(vec![Violation {
            path: String::new(),
            code,
            message: error.to_string(),
            limit: error.limit(),
        }])
    })?;
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        w.int("countryCode", i64::from(number.country_code));
        w.str("national", &number.national);
        w.str("digits", &number.digits());
        w.str("e164", &number.e164());
    });
    Ok(json_to_js(&w.finish())?)
}

/// convert's `template` option (and `namespace`, its older spelling of `template.namespace`):
/// the naming fields given, each a non-empty string.
fn template_names(options: &Options<'_>) -> Result<Vec<(&'static str, String)>, BodyError> {
    let given = options.get("template")?;
    let template = Options::optional(given.as_ref(), "convert's template option", &Template::NAMES)?;
    let namespace = options.string("namespace")?;
    let mut names = Vec::new();
    for field in Template::NAMES {
        let value = match (template.string(field)?, &namespace) {
            (Some(value), Some(namespace)) if field == "namespace" && value != *namespace => {
                let message = "convert's namespace option and its template.namespace differ: give one of them";
                return Err(BodyError::argument(message));
            }
            (None, Some(namespace)) if field == "namespace" => Some(namespace.clone()),
            (value, _) => value,
        };
        if let Some(value) = value {
            if value.trim().is_empty() {
                return Err(BodyError::argument(format!("convert's template.{field} names the template: not empty")));
            }
            names.push((field, value));
        }
    }
    Ok(names)
}

/// Converts a document between formats — `"neutral"` or a provider name — validating it on
/// the way (a neutral read receipt is `{ markRead: { messageId, typingIndicator? } }`).
/// Converting a provider's body to the same provider reproduces it exactly. A field the target
/// cannot carry is left out and reported in `changes` (`lossy`, with its pointer in the input);
/// `options.fit` also shortens or reshapes. Throws `ValidationError` (violations point into the
/// input), `UnsupportedError` (content of a kind the target cannot carry), `ArgumentError`.
/// (Its TypeScript declaration, generic in the target, is written out above.)
#[wasm_bindgen(js_name = convert, skip_typescript)]
pub fn convert(
    #[wasm_bindgen(unchecked_param_type = "\"neutral\" | Provider")] from: &str,
    #[wasm_bindgen(unchecked_param_type = "\"neutral\" | Provider")] to: &str,
    #[wasm_bindgen(unchecked_param_type = "DeepReadonly<Message> | ProviderBody")] body: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ConvertOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options =
        Options::optional(options.as_ref(), "convert options", &["operation", "fit", "template", "namespace"])?;
    let operation = options.string("operation")?;
    let mode = options.string("fit")?.map_or(Ok(FitMode::Strict), |mode| mode.parse())?;
    let names = template_names(&options)?;
    let body = js_to_json(&body)?;
    let names: Vec<_> = names.iter().map(|(field, value)| (*field, value.as_str())).collect();
    let conversion = provider::convert_given(from.parse()?, to.parse()?, &body, operation.as_deref(), mode, &names)?;
    let mut w = JsonWriter::new();
    let mut parts = conversion.parts.iter();
    w.item_obj(|w| {
        if let Some((operation, body)) = parts.next() {
            w.raw("body", body);
            w.opt_str("operation", operation.map(|o| o.name()));
        }
        write_changes(w, conversion.changes.iter().map(|c| (&c.change, c.source.as_deref())));
        w.arr("more", parts, |w, (operation, body)| {
            w.item_obj(|w| {
                w.raw("body", body);
                w.opt_str("operation", operation.map(|o| o.name()));
            })
        });
    });
    Ok(json_to_js(&w.finish())?)
}

/// Fits a neutral message to `provider` (see `FitMode`): the messages to send instead, and
/// every change, each with its pointer. A field the provider cannot carry is left out (`lossy`)
/// only in `"adapt"` mode; in the others it is refused as `toProvider` refuses it. Throws
/// `ValidationError`, `UnsupportedError` or `ArgumentError` for what the mode may not fix.
#[wasm_bindgen(js_name = fitMessage, unchecked_return_type = "Fitted")]
pub fn fit_message(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: &str,
    #[wasm_bindgen(unchecked_param_type = "DeepReadonly<Message>")] message: JsValue,
    #[wasm_bindgen(unchecked_param_type = "FitMode")] mode: &str,
) -> Result<JsValue, JsValue> {
    let provider = provider_named(provider)?;
    let mode: FitMode = mode.parse()?;
    let message: Message = message_from_js(&message)?;
    let fitted = provider::fit::fit(provider, message, Fit { mode, drop_lossy: mode == FitMode::Adapt })?;
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        w.arr("messages", &fitted.parts, |w, (message, _)| w.item_raw(&message.to_json()));
        let changes = fitted.changes.iter().enumerate();
        write_changes(w, changes.map(|(i, c)| (c, fitted.input_pointer(i))));
    });
    Ok(json_to_js(&w.finish())?)
}

/// The endpoint `provider` takes a neutral request at: `"messages"` for Meta and Bird, the
/// method of its content for 1MSG (`"sendList"`, `"readMessage"`, …); what `convert` and
/// `toProvider` write is the body of that endpoint. Throws `UnsupportedError` for content the
/// provider does not carry, and `ValidationError` for a message that is not valid (its `to`
/// too: the endpoint of a group message is not an individual's).
#[wasm_bindgen(js_name = endpointOf)]
pub fn endpoint_of(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: &str,
    #[wasm_bindgen(
        unchecked_param_type = "DeepReadonly<Message> | { markRead: { messageId: string; typingIndicator?: boolean } } | string"
    )]
    request: JsValue,
) -> Result<String, JsValue> {
    let provider = provider_named(provider)?;
    let request = provider::parse_neutral(&js_to_json(&request)?)?;
    let refused = |kind: &'static str| -> BodyError {
        provider::check_supported(provider, kind)
            .err()
            .unwrap_or_else(|| crate::error::Unsupported::cannot(provider, kind).into())
    };
    let operation = provider::request_operation(provider, &request).ok_or_else(|| match &request {
        crate::message::Request::Message(m) => refused(m.content.kind()),
        crate::message::Request::MarkRead(_) => refused("markRead"),
    })?;
    Ok(operation.name().to_string())
}

/// Checks that a webhook delivery is `provider`'s: its signature (Meta, Bird) or the shared
/// token in its URL (1MSG), over the raw `body` (bytes or text as received); with `read`, then
/// reads the same bytes into events (with `rawPointer`s, as `webhookEvents`), else returns
/// `undefined`. `headers` are flat (`[name, value, …]`); webhooks.js gives the typed
/// `verifyWebhook` and `receiveWebhook`. Throws `SignatureError` (`reason`: missing,
/// malformed, mismatch, stale), or `WebhookError` for a body that is not `provider`'s webhook.
#[wasm_bindgen(js_name = checkDelivery, skip_typescript)]
#[allow(clippy::too_many_arguments)] // one flat call per delivery, from webhooks.js
pub fn check_delivery(
    provider: &str,
    body: JsValue,
    headers: Vec<String>,
    url: Option<String>,
    secret: String,
    tolerance_seconds: Option<f64>,
    token_parameter: Option<String>,
    read: bool,
) -> Result<JsValue, JsValue> {
    let provider = provider_named(provider)?;
    let body = webhook_body(body)?;
    if secret.is_empty() {
        return Err(
            BodyError::argument("verifying a webhook needs the secret (app secret, signing key or token)").into()
        );
    }
    let headers: Vec<(String, String)> = headers.chunks_exact(2).map(|p| (p[0].clone(), p[1].clone())).collect();
    let delivery = provider::webhook::Delivery { body: &body, headers: &headers, url: url.as_deref() };
    let mut options = provider::webhook::Verify::new(&secret);
    if let Some(seconds) = tolerance_seconds {
        options.tolerance_seconds = tolerance(seconds)?;
    }
    if let Some(name) = token_parameter.as_deref() {
        options.token_parameter = name;
    }
    provider::webhook::verify(provider, &delivery, &options).map_err(JsValue::from)?;
    if read { events_of(provider, &body) } else { Ok(JsValue::UNDEFINED) }
}

/// `toleranceSeconds` in whole seconds: `Infinity` checks no freshness (Bird's signature still
/// is); what is not a number of seconds at all is refused rather than silently taken as the
/// default day, which would let a caller believe a window of their choosing applies.
fn tolerance(seconds: f64) -> Result<u64, JsValue> {
    if seconds == f64::INFINITY {
        Ok(provider::webhook::NO_FRESHNESS_CHECK)
    } else if seconds.is_finite() && seconds >= 0.0 {
        // Saturating: beyond u64 is no window at all either.
        Ok(seconds.floor() as u64)
    } else {
        // Said in words, not formatted: formatting a float would add its code to the wasm.
        let got = if seconds.is_nan() { "NaN" } else { "a negative number" };
        Err(BodyError::argument(format!(
            "toleranceSeconds is a number of seconds, 0 or more, or Infinity for no freshness check (got {got})"
        ))
        .into())
    }
}

/// The events of a webhook body (bytes or text as received), without checking where it came
/// from; each with `rawPointer`, which webhooks.js's `readWebhook` turns into `raw`. Throws
/// `WebhookError` when it is not a webhook of `provider`.
#[wasm_bindgen(js_name = webhookEvents, skip_typescript)]
pub fn webhook_events(provider: &str, body: JsValue) -> Result<JsValue, JsValue> {
    let provider = provider_named(provider)?;
    events_of(provider, &webhook_body(body)?)
}

fn webhook_body(body: JsValue) -> Result<Vec<u8>, JsValue> {
    convert::delivery_bytes(&body)
}

fn events_of(provider: Provider, body: &[u8]) -> Result<JsValue, JsValue> {
    let json = provider::webhook::events_json_pointing(provider, body).map_err(JsValue::from)?;
    Ok(json_to_js(&json)?)
}

/// Meta's verification request: the challenge to answer with (HTTP 200), or `undefined`
/// (answer 403) when `hub.mode` is not `subscribe` or `hub.verify_token` is not yours.
#[wasm_bindgen(js_name = metaChallenge)]
pub fn meta_challenge(url: &str, verify_token: &str) -> Option<String> {
    let query = url.split_once('?').map_or(url, |(_, q)| q);
    provider::meta::challenge(query.split('#').next().unwrap_or(""), verify_token)
}

/// Every violation of a provider-native request body (object or JSON text), each at its
/// pointer in the body; an empty array when the provider would accept it. `options.now`
/// judges Bird's `scheduledFor` at another time than now (a sandbox's clock).
#[wasm_bindgen(js_name = validateProvider, unchecked_return_type = "Violation[]")]
pub fn validate_provider(
    #[wasm_bindgen(unchecked_param_type = "Provider")] provider: &str,
    #[wasm_bindgen(unchecked_param_type = "ProviderBody")] body: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateProviderOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let provider = provider_named(provider)?;
    let options = Options::optional(options.as_ref(), "validateProvider options", &["operation", "now"])?;
    let (operation, now) = (options.string("operation")?, options.time("now")?);
    let violations = provider::validate_body_at(provider, &js_to_json(&body)?, operation.as_deref(), now)?;
    Ok(to_js(&crate::validate::one_list(violations))?)
}
