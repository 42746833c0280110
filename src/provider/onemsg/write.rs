//! A neutral message as the body of its 1MSG method: `sendMessage` (text), `sendFile`
//! (images, videos, audio and documents), `sendSticker`, `sendLocation`,
//! `sendLocationRequest`, `sendReaction`, `sendContact`, `sendButton`, `sendList` and
//! `sendCtaUrl`. What a method has no field for is refused (`refusal`) before anything is
//! written, never dropped.

use super::PROVIDER;
use crate::error::{BodyError, Unsupported};
use crate::json::JsonWriter;
use crate::limits::ONEMSG_BUTTON_ID_MAX_CHARS;
use crate::message::read::Spelling;
use crate::message::write::contact;
use crate::message::{Content, Header, Media, MediaKind, Message, RecipientType};
use crate::validate::{Violation, ViolationCode, char_count, decimal};

fn cannot_at(what: &str, path: &str) -> BodyError {
    Unsupported::cannot(PROVIDER, what).at(path).into()
}

fn not_yet_at(what: &str, path: &str) -> BodyError {
    Unsupported::not_yet(PROVIDER, what).at(path).into()
}

fn invalid(path: &str, code: ViolationCode, message: String) -> BodyError {
    BodyError::Invalid(vec![Violation { path: path.into(), code, message, limit: None }])
}

/// What 1MSG's method for `message` cannot carry, or `None`.
fn refusal(message: &Message) -> Option<BodyError> {
    if message.callback_data.is_some() {
        return Some(cannot_at("callbackData", "/callbackData"));
    }
    // Its components are sendTemplate's `params`, of which 1MSG takes at most 20: refused
    // here, before any I/O, as reading the body refuses them.
    if let Content::Template(t) = &message.content
        && let Some(components) = t.components.as_ref().filter(|c| c.len() > super::schema::TEMPLATE_PARAMS_MAX)
    {
        let max = super::schema::TEMPLATE_PARAMS_MAX;
        return Some(BodyError::Invalid(vec![Violation {
            path: "/content/components".into(),
            code: ViolationCode::TooMany,
            message: format!(
                "1MSG's sendTemplate takes at most {max} components (its params); this one has {}",
                components.len()
            ),
            limit: Some(max as f64),
        }]));
    }
    // A group of another provider's naming (Meta's group ids are not digits) has no 1MSG chat.
    if message.recipient_type == Some(RecipientType::Group) {
        if let Some(why) = super::schema::chat_id_fault(&group_chat(&message.to)) {
            return Some(invalid("/to", ViolationCode::InvalidFormat, format!("1MSG's groups are chats: {why}")));
        }
    }
    let media_header = |header: Option<&Header>, kind: &str| match header {
        Some(Header::Text(_)) | None => None,
        Some(_) => Some(not_yet_at(&format!("{kind} media header"), "/content/header")),
    };
    match &message.content {
        // sendMessage has no preview switch; dropping it silently would change the message.
        Content::Text(t) if t.preview_url.is_some() => Some(cannot_at("text previewUrl", "/content/previewUrl")),
        Content::Image(m) | Content::Video(m) | Content::Audio(m) | Content::Document(m) => {
            // Where nothing names the file's type, the mimeType is what the message lacks (as
            // Bird's file body needs it, at the same field).
            let kind = message.content.media().map_or(MediaKind::Document, |(kind, _)| kind);
            if let Some(link) = m.link.as_deref().filter(|_| m.id.is_none())
                && let Some(why) = super::schema::plain_http_fault(link)
            {
                return Some(invalid("/content/link", ViolationCode::InvalidFormat, why));
            }
            (m.id.is_none() && sent_file_name(kind, m).is_none()).then(|| {
                invalid(
                    "/content/mimeType",
                    ViolationCode::Required,
                    "1MSG names a file by its filename, extension included: give content.mimeType (or a link or filename whose extension names one)".into(),
                )
            })
        }
        // The name is what is missing, where reading a sendLocation body reports it (`/name`).
        Content::Location(l) if l.address.is_some() && l.name.is_none() => Some(invalid(
            "/content/name",
            ViolationCode::Required,
            "1MSG shows a location's address only with its name: give content.name too".into(),
        )),
        // sendAddressMessage has a body and the form's parameters only.
        Content::AddressRequest(a) if a.header.is_some() => Some(cannot_at("addressRequest header", "/content/header")),
        Content::AddressRequest(a) if a.footer.is_some() => Some(cannot_at("addressRequest footer", "/content/footer")),
        // A reaction's quotedMsgId is the message reacted to: it cannot also reply to one.
        Content::Reaction(_) if message.reply_to.is_some() => Some(cannot_at("replyTo on a reaction", "/replyTo")),
        Content::ReplyButtons(b) => {
            // Every id over 1MSG's limit, as the model reports every violation.
            let too_long: Vec<_> = b
                .buttons
                .iter()
                .enumerate()
                .filter(|(_, b)| char_count(&b.id) > ONEMSG_BUTTON_ID_MAX_CHARS)
                .map(|(i, button)| Violation {
                    path: format!("/content/buttons/{i}/id"),
                    code: ViolationCode::TooLong,
                    message: format!(
                        "{} characters; 1MSG takes button ids of at most {ONEMSG_BUTTON_ID_MAX_CHARS}",
                        char_count(&button.id)
                    ),
                    limit: Some(ONEMSG_BUTTON_ID_MAX_CHARS as f64),
                })
                .collect();
            (!too_long.is_empty()).then_some(BodyError::Invalid(too_long))
        }
        // 1MSG's carousel cards take their media by link.
        Content::Carousel(c) => c.cards.iter().enumerate().find_map(|(i, card)| match &card.header {
            Header::Image(m) | Header::Video(m) if m.link.is_none() => Some(cannot_at(
                "carousel card media by id (1MSG takes card media by link)",
                &format!("/content/cards/{i}/header/id"),
            )),
            _ => None,
        }),
        Content::Flow(f) => media_header(f.header.as_ref(), "flow").or_else(|| {
            if f.flow_name.is_some() {
                return Some(cannot_at("flow by name (1MSG's sendFlow takes its flowId)", "/content/flowName"));
            }
            f.flow_token.is_none().then(|| {
                invalid("/content/flowToken", ViolationCode::Required, "1MSG's sendFlow needs a flowToken".into())
            })
        }),
        // sendProduct's header is a string: a product list's text header.
        Content::ProductList(l) => media_header(Some(&l.header), "productList"),
        _ => None,
    }
}

/// The file name 1MSG is given for a file sent by `link` without one of its own: the last
/// segment of a URL's path (with an extension), or for an inline file `<kind>.<extension>` of
/// its data: URI's type.
pub(super) fn derived_name(kind: &str, link: &str) -> Option<String> {
    if let Some(mime) = crate::message::media::data_uri_type(link) {
        return crate::message::media::extension_for(mime).map(|extension| format!("{kind}.{extension}"));
    }
    file_name(link).map(|name| {
        // The name the recipient sees: `Q3%20report.pdf` is `Q3 report.pdf`. Escapes that
        // decode to no name (a `/`, a control character, bytes that are not UTF-8) stay.
        match String::from_utf8(crate::http::url::percent_decode(name.as_bytes())) {
            Ok(decoded) if shown_as_is(&decoded) => decoded,
            // Escaped, as the link gave it, or (characters written as they are) escaped here.
            _ => crate::http::url::escaped(name),
        }
    })
}

/// Whether a decoded file name shows the recipient what it is: no path (`/`, a backslash, `..`), no
/// control or direction-changing character (U+202E would show `\u{202E}fdp.exe` as
/// `exe.pdf`), nothing but white space at its ends.
fn shown_as_is(name: &str) -> bool {
    let hidden = |c: char| {
        c == '/'
            || c == '\\'
            || c.is_control()
            || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    };
    !name.chars().any(hidden) && name.trim() == name && !matches!(name, "" | "." | "..")
}

/// The `filename` 1MSG's sendFile is given for a file sent by link (1MSG types the file by
/// its extension), and the neutral field it was made from where the message did not give
/// that name itself (`None`: its own filename, or the name its link gives):
/// - a filename with an extension, as it is;
/// - a filename without one (a document's `invoice`), with the extension its mimeType names,
///   else its link's (`/content/filename`);
/// - no filename: the name its link gives (`derived_name`; a data: URI's made from its type,
///   `/content/link`), unless that names no type of
///   the kind and its mimeType does: then, as where the link gives none, the link's last
///   segment with the mimeType's extension (`/content/mimeType`: `…/photo` → `photo.jpg`).
///
/// `None` when neither link, filename nor mimeType names a type: 1MSG could not tell what
/// the file is.
pub(super) fn sent_file_name(kind: MediaKind, media: &Media) -> Option<(String, Option<&'static str>)> {
    use crate::message::media::{extension_for, listed_mime_type, mime_for_extension};
    let link = media.link.as_deref();
    let type_extension = || media.mime_type.as_deref().and_then(listed_mime_type).and_then(extension_for);
    if let Some(own) = media.filename.as_deref() {
        if has_extension(own) {
            return Some((own.to_string(), None));
        }
        let link_extension = || link.and_then(|l| mime_for_extension(kind, l)).and_then(extension_for);
        let extension = type_extension().or_else(link_extension)?;
        return Some((format!("{own}.{extension}"), Some("/content/filename")));
    }
    let link = link?;
    let derived = derived_name(kind.name(), link);
    // A link's extension that names no type of the kind (`/get.php`) says less than the
    // message's own mimeType does; for an image, video or audio it says the wrong kind
    // (1MSG types the file by it: `tulips.j` would arrive as a document).
    let document = kind == MediaKind::Document;
    // `.jpeg` and `.oga` name their kind too, though `.jpg` and `.ogg` are the types' usual ones.
    let names_kind = |name: &str| {
        mime_for_extension(kind, name).is_some() || crate::message::media::kind_of_file_name(name) == Some(kind)
    };
    if let Some(name) = &derived
        && (names_kind(name) || (document && media.mime_type.is_none()))
    {
        // A data: URI has no name: the one made from its type (`image.png`) is the body's own.
        let made = crate::message::media::data_uri_type(link).map(|_| "/content/link");
        return Some((name.clone(), made));
    }
    match media.mime_type.as_deref().and_then(|mime| typed_name(kind.name(), link, mime)) {
        Some(typed) => Some((typed, Some("/content/mimeType"))),
        // 1MSG types the file by the name's extension: one that names no type of an image,
        // video or audio (`tulips.j`) would make it a document.
        None => derived
            .filter(|name| kind == MediaKind::Document || mime_for_extension(kind, name).is_some())
            .map(|name| (name, None)),
    }
}

/// Whether a file name has an extension (`report.pdf`, not `report` or `report.`).
pub(super) fn has_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, extension)| !stem.is_empty() && !extension.is_empty())
}

/// Why sendFile refuses a file name without an extension ("File name with extension"): 1MSG
/// types a sent file by it, and one without would arrive as a file of no type.
pub(super) fn no_extension(name: &str) -> String {
    format!("1MSG types a file by its name's extension: {name:?} has none (name it like report.pdf)")
}

/// A file name for a file of MIME type `mime` at `link` (whose path names no type): the
/// link's last path segment, or the kind where it has none, with the type's usual extension
/// (`https://e.com/photo` + `image/jpeg` → `photo.jpg`).
pub(super) fn typed_name(kind: &str, link: &str, mime: &str) -> Option<String> {
    use crate::message::media::{extension_for, listed_mime_type};
    let extension = listed_mime_type(mime).and_then(extension_for)?;
    let path = link.split(['?', '#']).next().unwrap_or(link);
    let segment = path.rsplit('/').next().unwrap_or("").trim_end_matches('.');
    // `https://e.com` has no path: its last "segment" is the host.
    let stem =
        if path.matches('/').count() > 2 && !segment.is_empty() && !link.starts_with("data:") { segment } else { kind };
    Some(format!("{stem}.{extension}"))
}

/// The last segment of a URL's path, when it has an extension (1MSG takes it as the file's name).
pub(super) fn file_name(link: &str) -> Option<&str> {
    let path = link.split(['?', '#']).next()?;
    let name = path.rsplit('/').next()?;
    (name.contains('.') && !name.ends_with('.') && path.matches('/').count() > 2).then_some(name)
}

/// What a body sent to a send method says that the neutral model has no place for, which a
/// conversion leaves out and reports (`read_lossy`).
#[derive(Debug, Clone, Default)]
pub(super) struct BeyondTheModel {
    /// A non-document's file name of its own (the model keeps documents' names only).
    pub filename: Option<String>,
    /// A sendList's `buttonText` (the list's button text is its `action`).
    pub button_text: Option<String>,
}

/// Writes a valid message whose kind 1MSG carries.
pub(super) fn message(message: &Message) -> Result<String, BodyError> {
    if let Some(refused) = refusal(message) {
        return Err(refused);
    }
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        recipient(w, message);
        content(w, &message.content);
        match &message.content {
            Content::Reaction(r) => w.str("quotedMsgId", &r.message_id),
            _ => w.opt_str("quotedMsgId", message.reply_to.as_deref()),
        }
    });
    Ok(w.finish())
}

/// A group's chat id: `to` as given when it names the chat (`<id>@g.us`), else `to@g.us`.
fn group_chat(to: &str) -> std::borrow::Cow<'_, str> {
    if to.ends_with("@g.us") { to.into() } else { format!("{to}@g.us").into() }
}

/// `chatId` for groups (`<id>@g.us`); for individuals `phone`, digits without `+`, as a number
/// as the current API takes it (v2.39 of its spec also took a string); a customer whose number
/// is hidden, by their business-scoped user id as `phone` (what 1MSG takes for a `<BSUID>@lid`
/// chat, whose chatId it refuses: docs/research/webhooks-events.md §1.3, from production traffic).
fn recipient(w: &mut JsonWriter, message: &Message) {
    if message.recipient_type == Some(RecipientType::Group) {
        w.str("chatId", &group_chat(&message.to));
        return;
    }
    if message.recipient_kind() == crate::message::RecipientKind::UserId {
        w.str("phone", &message.to);
        return;
    }
    let digits = message.phone_digits().unwrap_or_else(|| message.to.trim_start_matches('+').to_string());
    match digits.parse::<i64>() {
        // Validated phone numbers are at most 15 digits: they fit an i64 exactly.
        Ok(number) => w.int("phone", number),
        Err(_) => w.str("phone", &digits),
    }
}

fn content(w: &mut JsonWriter, content: &Content) {
    match content {
        Content::Text(t) => w.str("body", &t.body),
        Content::Template(t) => {
            w.opt_str("namespace", t.namespace.as_deref());
            // Given: a template 1MSG is sent lacks no name (`codec::TemplateNaming`).
            w.str("template", t.name.as_deref().unwrap_or_default());
            w.obj("language", |w| {
                // The only policy, which 1MSG requires: the model's default.
                w.str("policy", t.language.policy.as_deref().unwrap_or("deterministic"));
                w.str("code", &t.language.code);
            });
            if let Some(components) = &t.components {
                // Written as the Cloud API's components, then put in 1MSG's dialect.
                let mut cloud = JsonWriter::new();
                cloud.item_obj(|cloud| {
                    let buttons = super::template::button_spellings(components);
                    crate::provider::meta::write_template_components(
                        cloud,
                        "params",
                        components,
                        &mut buttons.into_iter(),
                    );
                });
                let cloud = cloud.finish();
                match crate::validate::parse_tree(&cloud) {
                    Ok(mut tree) => {
                        if let Some(params) = tree.at_mut("/params") {
                            super::template::to_onemsg(params);
                        }
                        if let Some(params) = tree.get("params") {
                            w.tree("params", params);
                        }
                    }
                    // What the writer wrote is JSON, so never here: the Cloud API's spelling then.
                    Err(_) => {
                        let array = cloud.strip_prefix("{\"params\":").and_then(|c| c.strip_suffix('}'));
                        w.raw("params", array.unwrap_or("[]"));
                    }
                }
            }
        }
        Content::Image(m) | Content::Video(m) | Content::Audio(m) | Content::Document(m) => {
            let kind = content.media().map_or(MediaKind::Document, |(kind, _)| kind);
            file(w, kind, m)
        }
        Content::Sticker(m) => {
            w.opt_str("mediaId", m.id.as_deref());
            w.opt_str("link", m.link.as_deref());
        }
        Content::Location(l) => {
            // Decimal strings, as 1MSG's sendLocation takes them, in their shortest form.
            w.str("lat", &decimal(l.latitude));
            w.str("lng", &decimal(l.longitude));
            w.opt_str("name", l.name.as_deref());
            w.opt_str("address", l.address.as_deref());
        }
        Content::LocationRequest(l) => w.str("body", &l.body),
        Content::AddressRequest(a) => {
            w.str("body", &a.body);
            w.str("country", &a.country);
            crate::message::write::address_parameters(w, a, Spelling::SnakeCase);
        }
        Content::Reaction(r) => w.str("body", &r.emoji),
        Content::Contacts(c) => w.arr("contacts", &c.contacts, |w, c| contact(w, c, Spelling::SnakeCase)),
        Content::ReplyButtons(b) => {
            interactive_header(w, b.header.as_ref());
            w.str("body", &b.body);
            w.opt_str("footer", b.footer.as_deref());
            w.arr("sections", &b.buttons, |w, button| {
                w.item_obj(|w| {
                    w.str("type", "reply");
                    w.obj("reply", |w| {
                        w.str("id", &button.id);
                        w.str("title", &button.title);
                    });
                })
            });
        }
        Content::List(l) => {
            if let Some(Header::Text(h)) = &l.header {
                w.str("header", &h.text);
            }
            w.str("body", &l.body);
            w.opt_str("footer", l.footer.as_deref());
            w.str("action", &l.button);
            w.arr("sections", &l.sections, |w, s| {
                w.item_obj(|w| {
                    w.opt_str("title", s.title.as_deref());
                    w.arr("rows", &s.rows, |w, row| {
                        w.item_obj(|w| {
                            w.str("id", &row.id);
                            w.str("title", &row.title);
                            w.opt_str("description", row.description.as_deref());
                        })
                    });
                })
            });
        }
        Content::CtaUrl(c) => {
            interactive_header(w, c.header.as_ref());
            w.str("body", &c.body);
            w.opt_str("footer", c.footer.as_deref());
            w.str("displayText", &c.display_text);
            w.str("url", &c.url);
        }
        Content::Carousel(c) => carousel(w, &c.body, c.cards.iter().map(card_parts)),
        // Product cards: a header whose parameter is the product, and nothing else (as Meta's
        // interactive product carousel has them).
        Content::ProductCarousel(c) => carousel(w, &c.body, c.cards.iter().map(|card| vec![CardPart::Product(card)])),
        // The model's own spelling (a flow by name is refused first), the header as a string.
        Content::Flow(f) => {
            if let Some(Header::Text(h)) = &f.header {
                w.str("header", &h.text);
            }
            crate::message::write::flow_fields(w, f);
        }
        Content::Product(p) => {
            w.opt_str("body", p.body.as_deref());
            w.opt_str("footer", p.footer.as_deref());
            w.obj("action", |w| {
                w.str("catalog_id", &p.catalog_id);
                w.str("product_retailer_id", &p.product_retailer_id);
            });
        }
        Content::ProductList(l) => {
            if let Header::Text(h) = &l.header {
                w.str("header", &h.text);
            }
            w.str("body", &l.body);
            w.opt_str("footer", l.footer.as_deref());
            w.obj("action", |w| {
                w.str("catalog_id", &l.catalog_id);
                w.arr("sections", &l.sections, crate::provider::meta::product_section);
            });
        }
        // The kind table refuses the rest before a message is written.
        _ => {}
    }
}

/// `{"type": "text", "text": …}`: the Cloud API's text header, which 1MSG passes on.
/// sendButton's and sendCtaUrl's header: the Cloud API's interactive header object (text, or
/// an image, video or document by id or link), which [SDK2] and [MCP] document 1MSG as taking
/// (docs/1msg-reference.md).
fn interactive_header(w: &mut JsonWriter, header: Option<&Header>) {
    if let Some(header) = header {
        crate::provider::meta::write_interactive_header(w, header);
    }
}

/// sendFile: by `mediaId` and `mediaType`, or by URL in `body` with its `filename`.
fn file(w: &mut JsonWriter, kind: MediaKind, m: &Media) {
    match (&m.id, &m.link) {
        (Some(id), _) => {
            w.str("mediaId", id);
            w.str("mediaType", kind.name());
            w.opt_str("filename", m.filename.as_deref());
        }
        (None, Some(link)) => {
            w.str("body", link);
            // The name `sent_file_name` makes (`refusal` made sure of one).
            w.opt_str("filename", sent_file_name(kind, m).map(|(name, _)| name).as_deref());
        }
        (None, None) => {}
    }
    w.opt_str("caption", m.caption.as_deref());
    w.opt_bool("voice", m.voice);
}

/// sendCarousel's `body` and its one CAROUSEL component, each card given as its components.
fn carousel<'a>(w: &mut JsonWriter, body: &str, cards: impl Iterator<Item = Vec<CardPart<'a>>>) {
    w.str("body", body);
    w.arr("params", [cards], |w, cards| {
        w.item_obj(|w| {
            w.str("type", "CAROUSEL");
            w.arr("cards", cards.enumerate(), |w, (i, parts)| {
                w.item_obj(|w| {
                    w.int("card_index", i as i64);
                    w.arr("components", parts, card_part);
                })
            });
        })
    });
}

/// A component of a sendCarousel card, in the order 1MSG's documentation writes them.
enum CardPart<'a> {
    /// A product card's header: the product.
    Product(&'a crate::message::ProductCard),
    Header(&'static str, &'a str),
    Body(&'a str),
    Url(&'a crate::message::CardCtaUrl),
    QuickReply(usize, &'a crate::message::ReplyButton),
}

fn card_parts(card: &crate::message::CarouselCard) -> Vec<CardPart<'_>> {
    let mut parts = Vec::new();
    match &card.header {
        Header::Image(m) => parts.push(CardPart::Header("image", m.link.as_deref().unwrap_or_default())),
        Header::Video(m) => parts.push(CardPart::Header("video", m.link.as_deref().unwrap_or_default())),
        _ => {}
    }
    parts.extend(card.body.as_deref().map(CardPart::Body));
    parts.extend(card.cta_url.as_ref().map(CardPart::Url));
    parts.extend(card.buttons.iter().flatten().enumerate().map(|(i, b)| CardPart::QuickReply(i, b)));
    parts
}

fn card_part(w: &mut JsonWriter, part: CardPart<'_>) {
    w.item_obj(|w| match part {
        CardPart::Product(card) => {
            w.str("type", "header");
            w.arr("parameters", [card], |w, card| {
                w.item_obj(|w| {
                    w.str("type", "product");
                    w.obj("product", |w| {
                        w.str("catalog_id", &card.catalog_id);
                        w.str("product_retailer_id", &card.product_retailer_id);
                    });
                })
            });
        }
        CardPart::Header(kind, link) => {
            w.str("type", "header");
            w.arr("parameters", [()], |w, _| {
                w.item_obj(|w| {
                    w.str("type", kind);
                    w.obj(kind, |w| w.str("link", link));
                })
            });
        }
        CardPart::Body(text) => {
            w.str("type", "body");
            w.arr("parameters", [text], |w, text| {
                w.item_obj(|w| {
                    w.str("type", "text");
                    w.str("text", text);
                })
            });
        }
        CardPart::Url(cta) => {
            w.str("type", "button");
            w.str("sub_type", "url");
            w.int("index", 0);
            w.obj("parameters", |w| {
                w.str("text", &cta.display_text);
                w.str("url", &cta.url);
            });
        }
        CardPart::QuickReply(index, button) => {
            w.str("type", "button");
            w.str("sub_type", "quick_reply");
            w.int("index", index as i64);
            w.arr("parameters", [button], |w, b| {
                w.item_obj(|w| {
                    w.str("id", &b.id);
                    w.str("text", &b.title);
                })
            });
        }
    });
}
