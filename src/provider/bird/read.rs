//! Reads and validates a Bird request body into [`BirdRequest`]: every field Bird's spec
//! lists, and the limits its page documents that the spec lacks (WhatsApp's button, row and
//! card limits, 2–10 carousel cards of one media type, tags, how far ahead a message may be
//! scheduled, the 100 KB inline attachment), each violation at its pointer into the body.
//! What Bird's spec allows but a WhatsApp channel does not use (email attachments, HTML,
//! SMS senders, Apple and Telegram metadata) is refused as `unsupported`, never dropped.

use super::model::*;
use crate::limits::*;
use crate::message::MediaKind;
use crate::validate::{
    Obj, Report, ViolationCode, bsuid_form, char_count, chars_fault, is_bsuid, is_http_url, is_uuid, number, uuid_fault,
};

/// The fields of Bird's `CreateMessage` besides its delivery options.
const MESSAGE_FIELDS: &[&str] = &["receiver", "body", "template", "replyTo", "meta", "sender", "notification"];

/// The `identifierKey` of a WhatsApp user by business-scoped user id (Bird's BSUIDs page).
pub(super) const BSUID_IDENTIFIER_KEY: &str = "whatsappbsuid";

/// A request's top-level delivery options: what `BirdClient.send`'s options set (with
/// `useCase`, which is `meta.extraInformation.useCase`).
pub(super) const DELIVERY_FIELDS: &[&str] = &[
    "reference",
    "capFrequency",
    "enableLinkTracking",
    "ignoreQuietHours",
    "ignoreGlobalHoldout",
    "tags",
    "shortLinks",
    "scheduledFor",
    "validity",
];

/// `now_ms` is the time `scheduledFor` is measured from (`None`: not checked).
pub(super) fn request(root: &Obj<'_>, r: &mut Report, now_ms: Option<f64>) -> Option<BirdRequest> {
    root.only(r, &[MESSAGE_FIELDS, DELIVERY_FIELDS].concat());
    for field in ["sender", "notification"] {
        if root.has(field) {
            let message = format!("{field} is not used by Bird's WhatsApp channels");
            root.violation(r, field, ViolationCode::Unsupported, message, None);
        }
    }
    let contacts = root.req_obj(r, "receiver").and_then(|receiver| {
        receiver.only(r, &["contacts"]);
        let contacts = receiver.objects(r, "contacts", true)?;
        if contacts.is_empty() {
            let message = "receiver.contacts needs at least one contact".to_string();
            receiver.violation(r, "contacts", ViolationCode::TooFew, message, Some(1.0));
        }
        Some(contacts.iter().filter_map(|c| contact(c, r)).collect::<Vec<_>>())
    });
    let payload = match (root.has("body"), root.has("template")) {
        (true, false) => root.req_obj(r, "body").and_then(|b| body(&b, r)).map(Payload::Body),
        (false, true) => root.req_obj(r, "template").and_then(|t| template(&t, r)).map(Payload::Template),
        (true, true) => {
            let message = "give either body or template, not both".to_string();
            root.violation(r, "template", ViolationCode::InvalidValue, message, None);
            // Each is still read: its own faults are reported beside this one, all at once.
            let _ = root.req_obj(r, "body").and_then(|b| body(&b, r));
            let _ = root.req_obj(r, "template").and_then(|t| template(&t, r));
            None
        }
        (false, false) => {
            let message = "a body or a template is required".to_string();
            root.violation(r, "body", ViolationCode::Required, message, None);
            None
        }
    };
    let reply_to = root.obj(r, "replyTo").and_then(|o| reply_to(&o, r));
    let delivery = delivery(root, r, now_ms);
    Some(BirdRequest { contacts: contacts?, payload: payload?, reply_to, delivery: delivery? })
}

fn contact(c: &Obj<'_>, r: &mut Report) -> Option<Contact> {
    let not_sent = ["type", "identifiers", "platformAddress", "platformAddressSelector"];
    let why = "for other channels; a WhatsApp receiver is a phone number, a business-scoped user id or a contact id";
    known_fields(c, r, &["id", "identifierKey", "identifierValue"], &not_sent, why);
    let id = c.str(r, "id");
    let identifier_key = c.str(r, "identifierKey");
    let identifier_value = c.str(r, "identifierValue");
    if let Some(id) = &id {
        uuid(c, r, "id", "a contact id", id);
    }
    match (&id, &identifier_value) {
        (Some(_), Some(_)) => {
            let message = "give either a contact id or an identifierValue, not both".to_string();
            c.violation(r, "identifierValue", ViolationCode::InvalidValue, message, None);
        }
        (None, None) => {
            let message = "a receiver needs an identifierValue (a phone number) or a contact id".to_string();
            c.violation(r, "identifierValue", ViolationCode::Required, message, None);
        }
        _ => {}
    }
    let by_user_id = identifier_key.as_deref() == Some(BSUID_IDENTIFIER_KEY);
    if let Some(key) = identifier_key.as_deref().filter(|k| *k != "phonenumber" && !by_user_id) {
        let message =
            format!("a WhatsApp receiver is identified by \"phonenumber\" or \"{BSUID_IDENTIFIER_KEY}\" (got {key:?})");
        c.violation(r, "identifierKey", ViolationCode::InvalidValue, message, None);
    }
    match &identifier_value {
        Some(value) if by_user_id && !is_bsuid(value) => {
            let message = format!("a {BSUID_IDENTIFIER_KEY} identifierValue is {} (got {value:?})", bsuid_form());
            c.violation(r, "identifierValue", ViolationCode::InvalidFormat, message, None);
        }
        Some(value) if !by_user_id => e164(c, r, value),
        _ => {}
    }
    Some(Contact { id, identifier_key, identifier_value })
}

/// Bird's WhatsApp phone numbers: `+`, then 7–15 digits, country code first; and a number the
/// numbering plans allow (an assigned country code, a length and first digit it uses), judged
/// by the phone module as the neutral model judges `to`, so that a body Bird's reader accepts
/// is not refused when converted.
fn e164(c: &Obj<'_>, r: &mut Report, value: &str) {
    // Digits only after the '+'; how many the phone module judges, as the neutral model's `to`
    // is judged (too short or too long, with the limit).
    if !value.strip_prefix('+').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())) {
        let message = format!(
            "identifierValue must be a phone number in E.164 form: '+', then {PHONE_NUMBER_MIN_DIGITS}–{PHONE_NUMBER_MAX_DIGITS} digits, country code first (got {value:?})"
        );
        c.violation(r, "identifierValue", ViolationCode::InvalidFormat, message, None);
    } else if let Some((code, message, limit)) = crate::validate::phone_number_fault("identifierValue", value) {
        c.violation(r, "identifierValue", code, message, limit);
    }
}

/// A UUID in its 8-4-4-4-12 hex form.
fn uuid(o: &Obj<'_>, r: &mut Report, key: &str, label: &str, value: &str) {
    if let Some(message) = uuid_fault(key, label, value) {
        o.violation(r, key, ViolationCode::InvalidFormat, message, None);
    }
}

/// A string of `min`–`max` characters (`min` 0: optional and may be empty).
fn text(o: &Obj<'_>, r: &mut Report, key: &str, min: usize, max: usize) -> Option<String> {
    let value = if min > 0 { o.req_str(r, key) } else { o.str(r, key) }?;
    if let Some((code, message, limit)) = chars_fault(key, &value, min, max) {
        o.violation(r, key, code, message, Some(limit));
    }
    Some(value)
}

/// A media URL: https/http, or an inline `data:` URL of at most 100 KB decoded.
fn media_url(o: &Obj<'_>, r: &mut Report, key: &str) -> Option<String> {
    let url = text(o, r, key, 1, usize::MAX)?;
    if url.starts_with("data:") {
        let Some(bytes) = crate::message::media::data_uri_bytes(&url) else {
            o.invalid(r, key, format!("{key} is a data: URL without ',' before its data"));
            return Some(url);
        };
        if let Some(fault) = crate::message::media::data_uri_fault(&url) {
            o.violation(r, key, ViolationCode::InvalidFormat, format!("{key}: {fault}"), None);
        } else if let Some(message) = inline_too_large(bytes) {
            o.violation(r, key, ViolationCode::TooLong, message, Some(BIRD_INLINE_ATTACHMENT_MAX_BYTES as f64));
        }
    } else if !is_http_url(&url) {
        let message = format!("{key} must be an http(s) URL or a data: URL (got {url:?})");
        o.violation(r, key, ViolationCode::InvalidFormat, message, None);
    }
    Some(url)
}

/// Whether a `data:` URL's MIME type is one of `types` (compared without case).
fn data_type_is(url: &str, types: &[&str]) -> bool {
    crate::message::media::data_uri_type(url).is_some_and(|t| types.iter().any(|known| known.eq_ignore_ascii_case(t)))
}

/// Why an inline attachment of `bytes` is refused (Bird answers 413 past 100 KB).
pub(super) fn inline_too_large(bytes: usize) -> Option<String> {
    (bytes > BIRD_INLINE_ATTACHMENT_MAX_BYTES).then(|| {
        format!(
            "the inline attachment is {bytes} bytes; Bird accepts at most {BIRD_INLINE_ATTACHMENT_MAX_BYTES} (host the file and give its URL)"
        )
    })
}

fn body(b: &Obj<'_>, r: &mut Report) -> Option<Body> {
    const TYPES: &[&str] = &["text", "image", "file", "location", "list", "carousel"];
    const OTHER_CHANNELS: &[&str] = &["html", "gif", "section", "authentication", "action"];
    let kind = b.req_str(r, "type")?;
    if OTHER_CHANNELS.contains(&kind.as_str()) {
        let message =
            format!("Bird's {kind:?} body is not sent on WhatsApp channels (WhatsApp takes {})", TYPES.join(", "));
        b.violation(r, "type", ViolationCode::Unsupported, message, None);
        return None;
    }
    if !TYPES.contains(&kind.as_str()) {
        let message = format!("type must be one of {} (got {kind:?})", TYPES.join(", "));
        b.invalid(r, "type", message);
        return None;
    }
    b.only(r, &["type", kind.as_str()]);
    let o = b.req_obj(r, &kind)?;
    match kind.as_str() {
        "text" => text_body(&o, r).map(Body::Text),
        "image" => images(&o, r).map(Body::Image),
        "file" => files(&o, r).map(Body::File),
        "location" => location(&o, r).map(Body::Location),
        "list" => list(&o, r).map(Body::List),
        _ => carousel(&o, r).map(Body::Carousel),
    }
}

fn text_body(o: &Obj<'_>, r: &mut Report) -> Option<Text> {
    let why = "attachments are for email; send an image or file body on WhatsApp";
    known_fields(o, r, &["text", "actions", "metadata"], &["attachments"], why);
    let actions = actions(o, r, "actions");
    // WhatsApp: a text is 4096 characters, 1024 when it carries buttons (an interactive body).
    let max =
        if actions.as_ref().is_some_and(|a| !a.is_empty()) { INTERACTIVE_BODY_MAX_CHARS } else { TEXT_BODY_MAX_CHARS };
    let body = text(o, r, "text", 1, max);
    if let Some(actions) = &actions {
        check_buttons(o, r, actions, true);
    }
    let preview_url = o.obj(r, "metadata").and_then(|m| {
        let other_channels = ["subject", "headers", "line", "telegram", "apple"];
        known_fields(&m, r, &["whatsapp"], &other_channels, "this metadata is for other channels");
        let whatsapp = m.obj(r, "whatsapp")?;
        whatsapp.only(r, &["previewUrl"]);
        whatsapp.bool(r, "previewUrl")
    });
    Some(Text { text: body?, actions, preview_url })
}

/// Reads `o`'s field names: `sent` are the ones a WhatsApp send takes; `not_sent` are Bird's but
/// not for WhatsApp, refused as unsupported with `why`; any other is unknown.
fn known_fields(o: &Obj<'_>, r: &mut Report, sent: &[&str], not_sent: &[&str], why: &str) {
    let known: Vec<&str> = sent.iter().chain(not_sent).copied().collect();
    o.only(r, &known);
    for &field in not_sent.iter().filter(|field| o.has(field)) {
        o.violation(r, field, ViolationCode::Unsupported, format!("{field}: {why}"), None);
    }
}

/// The buttons of a text, image or file body, as WhatsApp can show them: up to 3 quick
/// replies (reply or postback), or one link, or one location request.
fn check_buttons(o: &Obj<'_>, r: &mut Report, actions: &[Action], text_body: bool) {
    let Some(first) = actions.first() else { return };
    let replies = actions.iter().filter(|a| matches!(a, Action::Reply { .. } | Action::Postback { .. })).count();
    let mixed = if replies > 0 { replies != actions.len() } else { actions.len() > 1 };
    if mixed {
        let message = "WhatsApp shows up to 3 reply/postback buttons, or one link, or one location request: not a mix or several of the last two".to_string();
        o.violation(r, "actions", ViolationCode::InvalidValue, message, None);
        return;
    }
    if !text_body && replies == 0 {
        let message = format!("a {} action goes on a text body on WhatsApp", first.kind());
        o.item_violation(r, "actions", 0, ViolationCode::Unsupported, message, None);
    }
    if replies > REPLY_BUTTONS_MAX {
        let message = format!("{replies} reply buttons; WhatsApp shows at most {REPLY_BUTTONS_MAX}");
        o.violation(r, "actions", ViolationCode::TooMany, message, Some(REPLY_BUTTONS_MAX as f64));
    }
}

/// An array of actions (each checked for its kind's limits as a button). Two quick-reply
/// buttons may not share a title or a payload (see [`Choices`]).
fn actions(o: &Obj<'_>, r: &mut Report, key: &str) -> Option<Vec<Action>> {
    let items = o.objects(r, key, false)?;
    let mut choices = Choices::default();
    Some(
        items
            .iter()
            .filter_map(|a| {
                let read = action(a, r, REPLY_BUTTON_TITLE_MAX_CHARS, REPLY_BUTTON_ID_MAX_CHARS, false)?;
                choices.check(a, r, &read, true);
                Some(read)
            })
            .collect(),
    )
}

/// The quick replies (reply and postback actions) of one message seen so far. WhatsApp, and
/// the neutral model, refuse two reply buttons with the same title or id, and two list rows
/// (across sections) with the same id: the customer could not tell them apart, nor you their
/// answers. A postback's payload is that id. Checked here, each at its field in Bird's body,
/// so that a Bird body is refused as Bird's, not at a neutral field the body does not have.
#[derive(Default)]
struct Choices {
    titles: Vec<String>,
    payloads: Vec<String>,
}

impl Choices {
    /// Checks the action read from `a`; `titles`: whether titles must be unique too (buttons).
    fn check(&mut self, a: &Obj<'_>, r: &mut Report, action: &Action, titles: bool) {
        let (kind, text, payload) = match action {
            Action::Reply { text, .. } => ("reply", text, None),
            Action::Postback { text, payload, .. } => ("postback", text, payload.as_ref()),
            _ => return,
        };
        let mut duplicate = |field: &str, what: &str, value: &str| {
            if r.is_full() {
                return r.count_more();
            }
            let mut path = a.pointer(kind);
            crate::validate::push_key(&mut path, field);
            let message = format!("{what} {value:?} is used more than once; it must be unique");
            r.push(crate::validate::Violation { path, code: ViolationCode::Duplicate, message, limit: None });
        };
        if titles {
            if self.titles.contains(text) {
                duplicate("text", "a button title", text);
            } else {
                self.titles.push(text.clone());
            }
        }
        if let Some(payload) = payload {
            if self.payloads.contains(payload) {
                duplicate(
                    "payload",
                    if titles { "a button payload (its id)" } else { "a row payload (its id)" },
                    payload,
                );
            } else {
                self.payloads.push(payload.clone());
            }
        }
    }
}

/// One action; `title_max` and `payload_max` are WhatsApp's limits where it shows (a button
/// title, or a list row's: `in_list`).
fn action(a: &Obj<'_>, r: &mut Report, title_max: usize, payload_max: usize, in_list: bool) -> Option<Action> {
    const KINDS: &[&str] = &["link", "reply", "postback", "locationRequest"];
    let kind = a.req_str(r, "type")?;
    if kind == "buy" {
        let message = "a buy action is for Apple Messages; WhatsApp has none".to_string();
        a.violation(r, "type", ViolationCode::Unsupported, message, None);
        return None;
    }
    if !KINDS.contains(&kind.as_str()) {
        a.invalid(r, "type", format!("type must be one of {} (got {kind:?})", KINDS.join(", ")));
        return None;
    }
    a.only(r, &["type", kind.as_str()]);
    match kind.as_str() {
        "link" => {
            let link = a.req_obj(r, "link")?;
            link.only(r, &["text", "url"]);
            let label = text(&link, r, "text", 1, CTA_DISPLAY_TEXT_MAX_CHARS);
            let url = link.req_str(r, "url");
            if let Some(url) = url.as_deref().filter(|u| !is_http_url(u) && !is_variable(u)) {
                let message = format!("url must be an http(s) URL or a {{{{variable}}}} (got {url:?})");
                link.violation(r, "url", ViolationCode::InvalidFormat, message, None);
            }
            Some(Action::Link { text: label?, url: url? })
        }
        "locationRequest" => {
            let text = match a.raw("locationRequest") {
                Some(crate::json::Json::Null) => Some(None),
                Some(_) => {
                    let o = a.req_obj(r, "locationRequest")?;
                    o.only(r, &["text"]);
                    Some(text(&o, r, "text", 0, REPLY_BUTTON_TITLE_MAX_CHARS))
                }
                None => None,
            };
            Some(Action::LocationRequest { text })
        }
        kind => {
            let o = a.req_obj(r, kind)?;
            known_fields(&o, r, &["text", "payload", "metadata"], &["imageUrl"], "WhatsApp buttons have no image");
            let label = text(&o, r, "text", 1, title_max);
            let description = o.obj(r, "metadata").and_then(|m| {
                m.only(r, &["description"]);
                let d = m.obj(r, "description")?;
                d.only(r, &["label"]);
                if !in_list {
                    let message = "a description shows under a list row only; WhatsApp buttons have none".to_string();
                    d.violation(r, "label", ViolationCode::Unsupported, message, None);
                }
                text(&d, r, "label", 1, LIST_ROW_DESCRIPTION_MAX_CHARS)
            });
            if kind == "reply" {
                return Some(Action::Reply { text: label?, description });
            }
            let payload = text_opt(&o, r, "payload", payload_max);
            Some(Action::Postback { text: label?, payload, description })
        }
    }
}

/// An optional string of at most `max` characters.
fn text_opt(o: &Obj<'_>, r: &mut Report, key: &str, max: usize) -> Option<String> {
    text(o, r, key, 0, max)
}

/// A `{{variable}}` Bird fills in from the contact or template.
fn is_variable(value: &str) -> bool {
    value.starts_with("{{") && value.ends_with("}}") && value.len() > 4
}

/// An image or file body as read: its text, its items, its buttons.
type MediaBody<T> = (Option<String>, Vec<T>, Option<Vec<Action>>);

/// An image or file body: an optional text (a caption), its items under `key` (at least
/// one, each read by `item`), and buttons.
fn media_body<T>(
    o: &Obj<'_>,
    r: &mut Report,
    key: &str,
    noun: &str,
    mut item: impl FnMut(&Obj<'_>, &mut Report) -> Option<T>,
) -> Option<MediaBody<T>> {
    known_fields(o, r, &["text", key, "actions"], &["metadata"], &format!("{noun} metadata is for other channels"));
    let text = text_opt(o, r, "text", MEDIA_CAPTION_MAX_CHARS);
    let items = o.objects(r, key, true)?;
    if items.is_empty() {
        o.violation(r, key, ViolationCode::TooFew, format!("{key} needs at least one {noun}"), Some(1.0));
    }
    // Every item is read, so that all of their faults are reported; a fault is in the report.
    let read = items.iter().filter_map(|i| item(i, r)).collect();
    let actions = actions(o, r, "actions");
    if let Some(actions) = &actions {
        check_buttons(o, r, actions, false);
    }
    Some((text, read, actions))
}

fn images(o: &Obj<'_>, r: &mut Report) -> Option<Images> {
    let (text, images, actions) = media_body(o, r, "images", "image", |i, r| {
        i.only(r, &["mediaUrl", "altText"]);
        let media_url = media_url(i, r, "mediaUrl");
        // An inline image says its type: WhatsApp's images are JPEG or PNG (a PDF is a file).
        let inline = media_url.as_deref().filter(|u| u.starts_with("data:"));
        if let Some(url) = inline.filter(|u| !data_type_is(u, IMAGE_MIME_TYPES)) {
            let message = format!(
                "an image body takes {} images; this data: URL is {} (other files go in a file body)",
                IMAGE_MIME_TYPES.join(" or "),
                crate::message::media::data_uri_type(url).unwrap_or("of no type")
            );
            i.violation(r, "mediaUrl", ViolationCode::InvalidFormat, message, None);
        }
        Some(Image { media_url: media_url?, alt_text: i.str(r, "altText") })
    })?;
    Some(Images { text, images, actions })
}

/// The MIME types a WhatsApp file body takes: audio, documents and videos.
fn file_types() -> impl Iterator<Item = &'static str> {
    AUDIO_MIME_TYPES.iter().chain(DOCUMENT_MIME_TYPES).chain(VIDEO_MIME_TYPES).copied()
}

fn files(o: &Obj<'_>, r: &mut Report) -> Option<Files> {
    let (text, files, actions) = media_body(o, r, "files", "file", |f, r| {
        let sent = ["mediaUrl", "contentType", "filename", "altText"];
        known_fields(f, r, &sent, &["metadata"], "file metadata is for other channels");
        let media_url = media_url(f, r, "mediaUrl");
        let content_type = f.req_str(r, "contentType");
        if let Some(t) = content_type.as_deref().filter(|t| !file_types().any(|known| known == *t)) {
            let known: Vec<_> = file_types().collect();
            let message = format!(
                "contentType {t:?} is not a WhatsApp audio, document or video type (images go in an image body): expected one of {}",
                known.join(", ")
            );
            f.violation(r, "contentType", ViolationCode::InvalidValue, message, None);
        }
        // An inline file says its type itself: it must be the one contentType names.
        let inline = media_url.as_deref().filter(|u| u.starts_with("data:"));
        if let (Some(url), Some(t)) = (inline, content_type.as_deref())
            && !data_type_is(url, &[t])
        {
            let given = crate::message::media::data_uri_type(url).unwrap_or("of no type");
            let message =
                format!("mediaUrl is a data: URL {given}, but contentType says {t}: give the file's own type");
            f.violation(r, "mediaUrl", ViolationCode::InvalidFormat, message, None);
        }
        Some(File {
            media_url: media_url?,
            content_type: content_type?,
            filename: f.str(r, "filename"),
            alt_text: f.str(r, "altText"),
        })
    })?;
    // WhatsApp's audio messages have no caption (nor has the neutral model's audio): a text on a
    // body that sends audio would not be shown, so it is refused here, at Bird's own field,
    // rather than only when the body is converted.
    let audio = |file: &File| {
        crate::message::media::rule_for_mime(&file.content_type).is_some_and(|rule| rule.kind == MediaKind::Audio)
    };
    if text.is_some() && files.iter().any(audio) {
        let message = "WhatsApp audio has no caption: leave text out of a file body that sends audio".to_string();
        o.violation(r, "text", ViolationCode::InvalidValue, message, None);
    }
    Some(Files { text, files, actions })
}

fn location(o: &Obj<'_>, r: &mut Report) -> Option<Location> {
    o.only(r, &["coordinates", "location"]);
    let coordinates = o.req_obj(r, "coordinates")?;
    coordinates.only(r, &["latitude", "longitude"]);
    let mut coordinate = |key: &str, min: f64, max: f64| {
        let value = coordinates.number(r, key, true)?;
        if matches!(coordinates.raw(key), Some(crate::json::Json::Str(_))) {
            coordinates.invalid(r, key, format!("{key} is a JSON number on Bird, not a string"));
        } else if !(min..=max).contains(&value) {
            let (low, high, got) = (number(min), number(max), number(value));
            let message = format!("{key} must be a number from {low} to {high} (got {got})");
            coordinates.violation(
                r,
                key,
                ViolationCode::OutOfRange,
                message,
                Some(if value < min { min } else { max }),
            );
        }
        Some(value)
    };
    let latitude = coordinate("latitude", LATITUDE_MIN, LATITUDE_MAX);
    let longitude = coordinate("longitude", LONGITUDE_MIN, LONGITUDE_MAX);
    let (label, address) = match o.obj(r, "location") {
        Some(place) => {
            place.only(r, &["label", "address"]);
            (place.str(r, "label"), place.str(r, "address"))
        }
        None => (None, None),
    };
    Some(Location { latitude: latitude?, longitude: longitude?, label, address })
}

fn list(o: &Obj<'_>, r: &mut Report) -> Option<List> {
    let why = "a WhatsApp list's rows go in items[].actions";
    known_fields(o, r, &["title", "text", "altText", "items", "metadata"], &["actions"], why);
    let title = text_opt(o, r, "title", INTERACTIVE_HEADER_TEXT_MAX_CHARS);
    let body = text(o, r, "text", 1, INTERACTIVE_BODY_MAX_CHARS);
    let alt_text = o.str(r, "altText");
    // `items` are the sections, each a title and its rows (Bird's `Items` also has media
    // fields, which WhatsApp lists do not show). One item without a title: no sections.
    let items = o.objects(r, "items", true)?;
    if items.is_empty() {
        o.violation(r, "items", ViolationCode::TooFew, "a list needs at least one item (its rows)".into(), Some(1.0));
    } else if items.len() > LIST_SECTIONS_MAX {
        let message = format!("{} sections; WhatsApp shows at most {LIST_SECTIONS_MAX}", items.len());
        o.violation(r, "items", ViolationCode::TooMany, message, Some(LIST_SECTIONS_MAX as f64));
    }
    let many = items.len() > 1;
    // Row ids are unique across the whole list.
    let mut choices = Choices::default();
    let sections: Vec<Section> = items
        .iter()
        .filter_map(|s| {
            let not_sent = ["mediaUrl", "description", "altText"];
            known_fields(s, r, &["title", "actions"], &not_sent, "a WhatsApp list section has a title and rows only");
            let title = if many {
                text(s, r, "title", 1, LIST_SECTION_TITLE_MAX_CHARS)
            } else {
                text_opt(s, r, "title", LIST_SECTION_TITLE_MAX_CHARS)
            };
            let rows = s.objects(r, "actions", true)?;
            if rows.is_empty() {
                s.violation(r, "actions", ViolationCode::TooFew, "a section needs at least one row".into(), Some(1.0));
            } else if rows.len() > LIST_ROWS_MAX {
                // One section over the whole list's limit: it is this section's rows to cut.
                let message = format!("{} rows; a WhatsApp list holds at most {LIST_ROWS_MAX} in all", rows.len());
                s.violation(r, "actions", ViolationCode::TooMany, message, Some(LIST_ROWS_MAX as f64));
            }
            let actions: Vec<_> = rows
                .iter()
                .filter_map(|a| {
                    let row = action(a, r, LIST_ROW_TITLE_MAX_CHARS, LIST_ROW_ID_MAX_CHARS, true)?;
                    if !matches!(row, Action::Reply { .. } | Action::Postback { .. }) {
                        a.invalid(r, "type", format!("a list row is a postback or reply action, not {}", row.kind()));
                    }
                    choices.check(a, r, &row, false);
                    Some(row)
                })
                .collect();
            Some(Section { title, actions })
        })
        .collect();
    let rows: usize = sections.iter().map(|s| s.actions.len()).sum();
    if rows > LIST_ROWS_MAX && sections.iter().all(|s| s.actions.len() <= LIST_ROWS_MAX) {
        let message = format!("{rows} rows; a WhatsApp list holds at most {LIST_ROWS_MAX} in all");
        o.violation(r, "items", ViolationCode::TooMany, message, Some(LIST_ROWS_MAX as f64));
    }
    let button_label = o.obj(r, "metadata").and_then(|m| {
        known_fields(&m, r, &["button"], &["replyMessage"], "not shown on WhatsApp");
        let button = m.obj(r, "button")?;
        button.only(r, &["label"]);
        text(&button, r, "label", 1, BIRD_LIST_BUTTON_LABEL_MAX_CHARS)
    });
    Some(List { title, text: body?, alt_text, sections, button_label })
}

fn carousel(o: &Obj<'_>, r: &mut Report) -> Option<Carousel> {
    o.only(r, &["text", "items"]);
    // Bird's schema marks the text optional, but WhatsApp sends a carousel only with the body
    // text above its cards: without it Bird's WhatsApp channel refuses the message.
    if !o.has("text") {
        let message = "text is required: WhatsApp shows a carousel's cards below a text (Bird's schema marks it \
                       optional; its WhatsApp channel does not send a carousel without one)";
        o.violation(r, "text", ViolationCode::Required, message.into(), Some(1.0));
    }
    let bubble = o.has("text").then(|| text(o, r, "text", 1, BIRD_CAROUSEL_TEXT_MAX_CHARS)).flatten();
    let items = o.objects(r, "items", true)?;
    if items.len() < CAROUSEL_CARDS_MIN || items.len() > CAROUSEL_CARDS_MAX {
        let (code, limit) = if items.len() < CAROUSEL_CARDS_MIN {
            (ViolationCode::TooFew, CAROUSEL_CARDS_MIN)
        } else {
            (ViolationCode::TooMany, CAROUSEL_CARDS_MAX)
        };
        let message = format!("{} cards; a carousel has {CAROUSEL_CARDS_MIN} to {CAROUSEL_CARDS_MAX}", items.len());
        o.violation(r, "items", code, message, Some(limit as f64));
    }
    let mut first_kind: Option<&'static str> = None;
    let cards: Vec<_> = items
        .iter()
        .filter_map(|c| {
            c.only(r, &["title", "description", "mediaUrl", "altText", "actions"]);
            // The card's text on WhatsApp (a card body: 160 characters).
            let title = text(c, r, "title", 1, CAROUSEL_CARD_BODY_MAX_CHARS);
            if let Some(message) = title.as_deref().and_then(crate::message::interactive::card_body_breaks_fault) {
                c.violation(r, "title", ViolationCode::InvalidValue, message, Some(CAROUSEL_CARD_BODY_MAX_LINE_BREAKS as f64));
            }
            let description = text_opt(c, r, "description", CAROUSEL_CARD_BODY_MAX_CHARS);
            let media_url = media_url(c, r, "mediaUrl");
            let kind = media_url.as_deref().and_then(card_kind);
            match (first_kind, kind) {
                (None, Some(k)) => first_kind = Some(k),
                (Some(first), Some(k)) if first != k => {
                    let message = format!("this card is {k}, the first is {first}: a carousel's cards are all images (image/jpeg, image/png) or all videos (video/mp4, video/3gpp)");
                    c.violation(r, "mediaUrl", ViolationCode::InvalidValue, message, None);
                }
                _ => {}
            }
            // Bird's card has no media type field: without a type its URL tells, neither
            // WhatsApp's rule (all images or all videos) nor the card's kind can be known.
            if media_url.is_some() && kind.is_none() {
                let message = "a card's mediaUrl must tell its type: an image (.jpg, .jpeg, .png) or a video (.mp4, .3gp, .3gpp) by its extension, or a data: URL of one of those types".to_string();
                c.violation(r, "mediaUrl", ViolationCode::InvalidFormat, message, None);
            }
            let actions = c.objects(r, "actions", true).map(|items| {
                if items.len() != 1 {
                    let message = format!("a card has exactly one link action (got {})", items.len());
                    c.violation(r, "actions", ViolationCode::InvalidValue, message, Some(1.0));
                }
                let read = |a: &Obj<'_>| action(a, r, CTA_DISPLAY_TEXT_MAX_CHARS, REPLY_BUTTON_ID_MAX_CHARS, false);
                let actions: Vec<_> = items.iter().filter_map(read).collect();
                if let Some(other) = actions.iter().find(|a| !matches!(a, Action::Link { .. })) {
                    let message = format!("a card's action is a link, not {}", other.kind());
                    c.violation(r, "actions", ViolationCode::InvalidValue, message, None);
                }
                actions
            });
            let alt_text = c.str(r, "altText");
            Some(Card { title: title?, description, media_url: media_url?, alt_text, actions: actions? })
        })
        .collect();
    Some(Carousel { text: bubble?, items: cards })
}

/// A card's media kind: a data URL's type, or the URL's extension (`None`: it does not say).
pub(crate) fn card_kind(url: &str) -> Option<&'static str> {
    if let Some(data) = url.strip_prefix("data:") {
        let mime = data.split([';', ',']).next()?;
        return if IMAGE_MIME_TYPES.contains(&mime) {
            Some("image")
        } else if VIDEO_MIME_TYPES.contains(&mime) {
            Some("video")
        } else {
            None
        };
    }
    let path = url.split(['?', '#']).next()?;
    match crate::message::media::kind_of_file_name(path)? {
        kind @ (MediaKind::Image | MediaKind::Video) => Some(kind.name()),
        _ => None,
    }
}

fn template(t: &Obj<'_>, r: &mut Report) -> Option<Template> {
    let not_sent = ["name", "attachments", "shortLinks", "variables", "utmParameters"];
    let why = "not used by WhatsApp templates: give projectId, version, locale and parameters";
    known_fields(t, r, &["projectId", "version", "locale", "parameters", "settings"], &not_sent, why);
    let disallow_mm_lite = t.obj(r, "settings").and_then(|settings| {
        settings.only(r, &["disallowMmLite"]);
        settings.bool(r, "disallowMmLite")
    });
    let project_id = t.req_str(r, "projectId");
    if let Some(id) = &project_id {
        uuid(t, r, "projectId", "the template project's id", id);
    }
    let version = t.req_str(r, "version");
    if let Some(v) = version.as_deref().filter(|v| *v != "latest" && !is_uuid(v)) {
        t.invalid(r, "version", format!("version must be \"latest\" or a version's UUID (got {v:?})"));
    }
    let locale = t.req_str(r, "locale");
    if let Some(l) = locale.as_deref().filter(|l| !is_locale(l)) {
        let message = format!("locale must be a BCP 47 language tag such as \"en\" or \"en-US\" (got {l:?})");
        t.violation(r, "locale", ViolationCode::InvalidFormat, message, None);
    }
    let parameters = t.objects(r, "parameters", false).map(|items| {
        let mut keys = Vec::new();
        let read: Vec<_> = items
            .iter()
            .filter_map(|p| {
                p.only(r, &["type", "key", "value"]);
                let key = text(p, r, "key", 1, usize::MAX);
                if let Some(k) = &key {
                    if keys.contains(k) {
                        p.violation(r, "key", ViolationCode::Duplicate, format!("parameter {k:?} is given twice"), None);
                    }
                    keys.push(k.clone());
                }
                let value = match p.req_str(r, "type")?.as_str() {
                    "string" => ParameterValue::String(p.str(r, "value")),
                    "number" => ParameterValue::Number(p.number(r, "value", false).filter(|_| !matches!(p.raw("value"), Some(crate::json::Json::Str(_))))),
                    "boolean" => ParameterValue::Boolean(p.bool(r, "value")),
                    other @ ("object" | "sectionList" | "timeslotList" | "productSections" | "productList" | "shippingMethodList" | "lineItemList" | "whatsappProductSections" | "whatsappProductItems") => {
                        let message = format!("{other} parameters are not supported by this version of wabridge (string, number and boolean are)");
                        p.violation(r, "type", ViolationCode::Unsupported, message, None);
                        return None;
                    }
                    other => {
                        p.invalid(r, "type", format!("type must be string, number or boolean (got {other:?})"));
                        return None;
                    }
                };
                if matches!(p.raw("value"), Some(crate::json::Json::Str(_))) && matches!(value, ParameterValue::Number(None)) {
                    p.invalid(r, "value", "a number parameter's value is a JSON number".into());
                }
                Some(TemplateParameter { key: key?, value })
            })
            .collect();
        read
    });
    Some(Template { project_id: project_id?, version: version?, locale: locale?, parameters, disallow_mm_lite })
}

/// A BCP 47 tag as templates use them: a 2–3 letter language, then subtags of 2–8 letters
/// or digits, joined by hyphens (`en-US`; `en_US` is WhatsApp's own spelling, not BCP 47).
pub(super) fn is_locale(value: &str) -> bool {
    let mut parts = value.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn reply_to(o: &Obj<'_>, r: &mut Report) -> Option<ReplyTo> {
    o.only(r, &["id", "type", "order"]);
    let id = text(o, r, "id", 1, usize::MAX);
    let kind = o.req_str(r, "type").and_then(|k| {
        let found = ReplyKind::ALL.into_iter().find(|known| known.name() == k);
        if found.is_none() {
            o.invalid(r, "type", format!("type must be message, click or referrals (got {k:?})"));
        }
        found
    });
    let order = o.int::<i64>(r, "order", false);
    Some(ReplyTo { id: id?, kind: kind?, order })
}

/// Bird's marketing use case: the only one frequency capping applies to.
pub(crate) const MARKETING: &str = "marketing";

/// `meta`'s fields besides `extraInformation`: Bird sets them, or they are for other channels.
const META_NOT_SENT: [&str; 10] = [
    "referral",
    "order",
    "referredProduct",
    "email",
    "pushNotifications",
    "navigatorId",
    "navigatorMessageId",
    "flow",
    "journey",
    "campaign",
];

fn delivery(root: &Obj<'_>, r: &mut Report, now_ms: Option<f64>) -> Option<Delivery> {
    let extra_information = root.obj(r, "meta").and_then(|meta| {
        let why = "set by Bird or for other channels; a WhatsApp send gives meta.extraInformation";
        known_fields(&meta, r, &["extraInformation"], &META_NOT_SENT, why);
        let info = meta.obj(r, "extraInformation")?;
        if info.has("useCase") {
            text(&info, r, "useCase", 1, usize::MAX);
        }
        to_map(meta.raw("extraInformation")?)
    });
    let mut delivery = Delivery {
        reference: root.str(r, "reference"),
        extra_information,
        cap_frequency: root.bool(r, "capFrequency"),
        enable_link_tracking: root.bool(r, "enableLinkTracking"),
        ignore_quiet_hours: root.bool(r, "ignoreQuietHours"),
        ignore_global_holdout: root.bool(r, "ignoreGlobalHoldout"),
        ..Delivery::default()
    };
    if delivery.cap_frequency == Some(true) && delivery.use_case() != Some(MARKETING) {
        let message = "frequency capping applies to marketing messages only: set meta.extraInformation.useCase to \"marketing\" or leave capFrequency out".to_string();
        root.violation(r, "capFrequency", ViolationCode::InvalidValue, message, None);
    }
    if let Some(tags) = root.strings(r, "tags") {
        if tags.len() > BIRD_TAGS_MAX {
            let message = format!("{} tags; Bird takes at most {BIRD_TAGS_MAX}", tags.len());
            root.violation(r, "tags", ViolationCode::TooMany, message, Some(BIRD_TAGS_MAX as f64));
        }
        for (i, tag) in tags.iter().enumerate() {
            if let Some((code, message, limit)) = tag_fault(tag) {
                root.item_violation(r, "tags", i, code, message, limit);
            }
        }
        delivery.tags = Some(tags);
    }
    delivery.short_links_domain = root.obj(r, "shortLinks").and_then(|s| {
        s.only(r, &["domain"]);
        text(&s, r, "domain", 1, BIRD_SHORT_LINK_DOMAIN_MAX_CHARS)
    });
    delivery.scheduled_for = root.str(r, "scheduledFor");
    if let Some(at) = &delivery.scheduled_for {
        match crate::clock::parse_rfc3339(at) {
            None => {
                let message =
                    format!("scheduledFor must be an RFC 3339 date-time such as 2026-12-01T09:30:00Z (got {at:?})");
                root.violation(r, "scheduledFor", ViolationCode::InvalidFormat, message, None);
            }
            Some(at_ms) if now_ms.is_some_and(|now| at_ms - now > BIRD_SCHEDULE_MAX_DAYS as f64 * 86_400_000.0) => {
                let message = format!(
                    "scheduledFor is more than {BIRD_SCHEDULE_MAX_DAYS} days ahead; Bird schedules at most {BIRD_SCHEDULE_MAX_DAYS} days ahead"
                );
                root.violation(
                    r,
                    "scheduledFor",
                    ViolationCode::OutOfRange,
                    message,
                    Some(BIRD_SCHEDULE_MAX_DAYS as f64),
                );
            }
            Some(_) => {}
        }
    }
    delivery.validity = root.int::<u64>(r, "validity", false);
    Some(delivery)
}

/// What is wrong with a tag: 1–50 characters of letters, digits, `-`, `_` and space (Bird's
/// pattern; it stores tags lower-cased, so `VIP` is filtered on as `vip`).
pub(crate) fn tag_fault(tag: &str) -> Option<(ViolationCode, String, Option<f64>)> {
    let count = char_count(tag);
    if count == 0 || count > BIRD_TAG_MAX_CHARS {
        // The limit broken: the least (1) when empty, the most when too long.
        let (code, limit) =
            if count == 0 { (ViolationCode::Required, 1) } else { (ViolationCode::TooLong, BIRD_TAG_MAX_CHARS) };
        return Some((
            code,
            format!("a tag is 1–{BIRD_TAG_MAX_CHARS} characters (this one is {count})"),
            Some(limit as f64),
        ));
    }
    if !tag.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ' ')) {
        return Some((
            ViolationCode::InvalidFormat,
            format!("a tag holds letters, digits, '-', '_' and spaces only (got {tag:?})"),
            None,
        ));
    }
    None
}

/// The warning for a message scheduled in the past or less than 10 minutes ahead, which
/// Bird sends at once.
pub fn schedule_warning(delivery: &Delivery, now_ms: Option<f64>) -> Option<String> {
    let at = crate::clock::parse_rfc3339(delivery.scheduled_for.as_deref()?)?;
    let soon = BIRD_SCHEDULE_IMMEDIATE_MINUTES as f64 * 60_000.0;
    (at - now_ms? < soon).then(|| {
        format!("scheduledFor is in the past or less than {BIRD_SCHEDULE_IMMEDIATE_MINUTES} minutes ahead: Bird sends the message at once")
    })
}
