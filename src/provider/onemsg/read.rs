//! Reads a 1MSG method body into the neutral model, each violation at its pointer into the
//! body: the recipient (`phone` or `chatId`, exactly one) and `quotedMsgId` all methods share,
//! then the method's own fields. The neutral model's limits are checked afterwards and their
//! violations moved to the method's pointers (`pointers`).

use super::write::{derived_name, file_name, sent_file_name, typed_name};
use crate::limits::ONEMSG_BUTTON_ID_MAX_CHARS;
use crate::message::read::{Spelling, address_request, contact};
use crate::message::*;
use crate::provider::Operation;
use crate::validate::{Json, Obj, Report, ViolationCode, char_count, is_bsuid};
use std::borrow::Cow;

/// The fields of each method's body this version reads.
fn fields(operation: Operation) -> &'static [&'static str] {
    match operation {
        Operation::SendMessage => &["chatId", "phone", "quotedMsgId", "body"],
        Operation::SendFile => {
            &["chatId", "phone", "quotedMsgId", "body", "filename", "caption", "mediaId", "mediaType", "voice"]
        }
        Operation::SendSticker => &["chatId", "phone", "quotedMsgId", "mediaId", "link"],
        Operation::SendLocation => &["chatId", "phone", "quotedMsgId", "lat", "lng", "name", "address"],
        Operation::SendLocationRequest => &["chatId", "phone", "quotedMsgId", "body"],
        Operation::SendAddressMessage => {
            &["chatId", "phone", "quotedMsgId", "body", "country", "values", "saved_addresses", "validation_errors"]
        }
        Operation::SendReaction => &["chatId", "phone", "quotedMsgId", "body"],
        Operation::SendContact => &["chatId", "phone", "quotedMsgId", "contacts"],
        Operation::SendButton => &["chatId", "phone", "quotedMsgId", "header", "body", "footer", "sections"],
        Operation::SendList => {
            &["chatId", "phone", "quotedMsgId", "header", "body", "footer", "action", "buttonText", "sections"]
        }
        // The sending options are checked by sendTemplate's table (`schema`), and refused
        // where the body goes to the neutral model, which has no field for them (`super::read`).
        Operation::SendTemplate => &[
            "chatId",
            "phone",
            "quotedMsgId",
            "namespace",
            "template",
            "language",
            "params",
            "useMMlite",
            "messageActivitySharing",
            "messageSendTtlSeconds",
        ],
        Operation::SendProduct => &["chatId", "phone", "quotedMsgId", "header", "body", "footer", "action"],
        Operation::SendCarousel => &["chatId", "phone", "quotedMsgId", "body", "params"],
        Operation::SendFlow => &[
            "chatId",
            "phone",
            "quotedMsgId",
            "header",
            "body",
            "footer",
            "flowId",
            "flowToken",
            "flowCta",
            "flowAction",
            "flowActionPayload",
            "flowActionScreen",
            "flowActionData",
            "flowMessageVersion",
            "mode",
        ],
        _ => &["chatId", "phone", "quotedMsgId", "header", "body", "footer", "displayText", "url"],
    }
}

/// Reads the body of `operation` (one this version speaks).
pub(super) fn message(root: &Obj<'_>, r: &mut Report, operation: Operation) -> Option<Message> {
    root.only(r, fields(operation));
    let recipient = recipient(root, r);
    let quoted = root.str(r, "quotedMsgId");
    let body = |r: &mut Report| root.req_str(r, "body");
    let content = match operation {
        Operation::SendMessage => body(r).map(|body| Content::Text(Text { body, preview_url: None })),
        Operation::SendTemplate => {
            let (namespace, name) = (root.req_str(r, "namespace"), root.req_str(r, "template"));
            let language = root.req_obj(r, "language").and_then(|l| {
                l.only(r, &["policy", "code"]);
                let code = l.req_str(r, "code")?;
                // "deterministic", the only policy, is the model's default (written back as such).
                Some(TemplateLanguage { code, policy: l.str(r, "policy").filter(|p| p != "deterministic") })
            });
            // 1MSG also names a copy-code button `coupon_code` (its sendTemplate reference).
            let aliases = [("coupon_code", crate::message::ButtonSubType::CopyCode)];
            let components = crate::provider::meta::read_template_components(root, r, "params", &aliases);
            let (project_id, project_version) = (None, None);
            Some(Content::Template(Template {
                name: Some(name?),
                language: language?,
                namespace,
                project_id,
                project_version,
                components,
            }))
        }
        Operation::SendFile => file(root, r),
        Operation::SendSticker => {
            let media = Media { id: root.str(r, "mediaId"), link: root.str(r, "link"), ..Media::default() };
            one_of(root, r, "mediaId", "link").then_some(Content::Sticker(media))
        }
        Operation::SendLocation => {
            let coordinate = |key: &str, r: &mut Report| match root.raw(key) {
                Some(Json::Str(text)) if !is_decimal(text) => {
                    let message = format!("{key} is a decimal number such as \"52.3676\" (got {text:?})");
                    root.violation(r, key, ViolationCode::InvalidFormat, message, None);
                    None
                }
                Some(Json::Str(_)) => root.number(r, key, true),
                Some(_) => {
                    root.invalid(r, key, format!("{key} is a decimal number written as a string on 1MSG"));
                    None
                }
                None => root.number(r, key, true),
            };
            let (latitude, longitude) = (coordinate("lat", r), coordinate("lng", r));
            let (name, address) = (root.str(r, "name"), root.str(r, "address"));
            if address.is_some() && name.is_none() {
                let message = "1MSG shows a location's address only with its name".to_string();
                root.violation(r, "name", ViolationCode::Required, message, None);
            }
            Some(Content::Location(Location { latitude: latitude?, longitude: longitude?, name, address }))
        }
        Operation::SendLocationRequest => body(r).map(|body| Content::LocationRequest(LocationRequest { body })),
        Operation::SendAddressMessage => {
            let body = body(r);
            // 1MSG's form is India's when the body names no country (its documented default).
            let country = root.str(r, "country").unwrap_or_else(|| "IN".into());
            address_request(root, r, Spelling::SnakeCase, (None, body, None), Some(country))
        }
        Operation::SendReaction => {
            let emoji = body(r);
            let message_id = root.req_str(r, "quotedMsgId");
            Some(Content::Reaction(Reaction { message_id: message_id?, emoji: emoji? }))
        }
        Operation::SendContact => {
            let items = root.objects(r, "contacts", true)?;
            // 1MSG's own example (the 1.0.0 summary's sendContact body, from its SDK) fills the
            // fields it does not use with "": `"birthday": ""` among them. 2.39 describes a
            // birthday as "YYYY-MM-DD formatted string", so "" is read as no birthday (the
            // model's `None`), not as a date: an empty birthday is no birthday.
            let read = |c: &Obj<'_>| {
                let mut contact = contact(c, r, Spelling::SnakeCase)?;
                contact.birthday = contact.birthday.filter(|b| !b.is_empty());
                Some(contact)
            };
            Some(Content::Contacts(Contacts { contacts: items.iter().filter_map(read).collect() }))
        }
        Operation::SendButton => {
            let header = interactive_header(root, r);
            let (text, footer) = (body(r), root.str(r, "footer"));
            let buttons = root.objects(r, "sections", true).map(|items| {
                let read = |b: &Obj<'_>| {
                    b.only(r, &["type", "reply"]);
                    b.constant(r, "type", "reply");
                    let reply = b.req_obj(r, "reply")?;
                    reply.only(r, &["id", "title"]);
                    let id = reply.req_str(r, "id");
                    if let Some(n) = id.as_deref().map(char_count).filter(|n| *n > ONEMSG_BUTTON_ID_MAX_CHARS) {
                        let message =
                            format!("{n} characters; 1MSG takes button ids of at most {ONEMSG_BUTTON_ID_MAX_CHARS}");
                        let limit = Some(ONEMSG_BUTTON_ID_MAX_CHARS as f64);
                        reply.violation(r, "id", ViolationCode::TooLong, message, limit);
                    }
                    Some(ReplyButton { id: id?, title: reply.req_str(r, "title")? })
                };
                items.iter().filter_map(read).collect()
            });
            Some(Content::ReplyButtons(ReplyButtons { header, body: text?, footer, buttons: buttons? }))
        }
        Operation::SendList => {
            let header = root.str(r, "header").map(|text| Header::Text(HeaderText { text }));
            let (text, footer, button) = (body(r), root.str(r, "footer"), root.req_str(r, "action"));
            // buttonText: in the current contract's SendListRequest (and its example, beside
            // `action`), what it shows beside `action` undocumented. Either is the text of the
            // button that opens the list, which WhatsApp limits to 20 characters: buttonText
            // is held to that. 2.39 requires `action` (the 1.0.0 summary flags no field of
            // SendListRequest required, not even `body`), so `action` stays required.
            if let Some(label) = root.str(r, "buttonText")
                && let Some((code, message, limit)) =
                    crate::validate::chars_fault("buttonText", &label, 1, crate::limits::LIST_BUTTON_MAX_CHARS)
            {
                root.violation(r, "buttonText", code, message, Some(limit));
            }
            let sections = root.objects(r, "sections", true).map(|items| {
                let read = |s: &Obj<'_>| {
                    s.only(r, &["title", "rows"]);
                    let title = s.str(r, "title");
                    let rows = s.objects(r, "rows", true)?;
                    let row = |row: &Obj<'_>| {
                        row.only(r, &["id", "title", "description"]);
                        let id = row.req_str(r, "id");
                        let title = row.req_str(r, "title");
                        Some(ListRow { id: id?, title: title?, description: row.str(r, "description") })
                    };
                    Some(ListSection { title, rows: rows.iter().filter_map(row).collect() })
                };
                items.iter().filter_map(read).collect()
            });
            Some(Content::List(List { header, body: text?, footer, button: button?, sections: sections? }))
        }
        // The model's own spelling, but for the header (a string, or a text header object)
        // and the shortcuts flowActionScreen and flowActionData for the payload's fields.
        Operation::SendFlow => {
            let header = match root.raw("header") {
                Some(Json::Str(_)) => root.str(r, "header").map(|text| Header::Text(HeaderText { text })),
                _ => text_header(root, r),
            };
            let mut flow = crate::message::read::flow(root, header, r)?;
            let (screen, data) = (root.str(r, "flowActionScreen"), root.map(r, "flowActionData"));
            if (screen.is_some() || data.is_some()) && flow.flow_action_payload.is_none() {
                flow.flow_action_payload = Some(FlowActionPayload { screen, data });
            }
            Some(Content::Flow(flow))
        }
        Operation::SendCarousel => {
            let text = body(r);
            let params = root.objects(r, "params", true)?;
            let [carousel] = params.as_slice() else {
                root.invalid(r, "params", "sendCarousel's params is one CAROUSEL component".into());
                return None;
            };
            carousel.only(r, &["type", "cards"]);
            if !carousel.req_str(r, "type")?.eq_ignore_ascii_case("carousel") {
                carousel.invalid(r, "type", "sendCarousel's params is one CAROUSEL component".into());
            }
            let cards = carousel.objects(r, "cards", true)?;
            // The first card says which carousel this is: product cards or media cards.
            if cards.first().is_some_and(|card| super::is_product_card(card.json())) {
                let cards: Option<Vec<_>> =
                    cards.iter().enumerate().map(|(i, card)| product_card(card, i, r)).collect();
                Some(Content::ProductCarousel(ProductCarousel { body: text?, cards: cards? }))
            } else {
                let cards: Option<Vec<_>> =
                    cards.iter().enumerate().map(|(i, card)| carousel_card(card, i, r)).collect();
                Some(Content::Carousel(Carousel { body: text?, cards: cards? }))
            }
        }
        // One product (`action.product_retailer_id`), or sections of products under a header.
        Operation::SendProduct => {
            let action = root.req_obj(r, "action")?;
            action.only(r, &["catalog_id", "product_retailer_id", "sections"]);
            let (footer, catalog_id) = (root.str(r, "footer"), action.req_str(r, "catalog_id"));
            if action.has("sections") {
                let header = root.req_str(r, "header").map(|text| Header::Text(HeaderText { text }));
                let sections =
                    action.objects(r, "sections", true).map(|s| crate::provider::meta::product_sections(&s, r));
                let (header, text) = (header, body(r));
                Some(Content::ProductList(ProductList {
                    header: header?,
                    body: text?,
                    footer,
                    catalog_id: catalog_id?,
                    sections: sections?,
                }))
            } else {
                // A single product's message has no header (the product's image is its header).
                root.only(r, &["chatId", "phone", "quotedMsgId", "body", "footer", "action"]);
                let product_retailer_id = action.req_str(r, "product_retailer_id");
                let body = root.str(r, "body");
                Some(Content::Product(Product {
                    body,
                    footer,
                    catalog_id: catalog_id?,
                    product_retailer_id: product_retailer_id?,
                }))
            }
        }
        _ => {
            let header = interactive_header(root, r);
            let (text, footer) = (body(r), root.str(r, "footer"));
            let (display_text, url) = (root.req_str(r, "displayText"), root.req_str(r, "url"));
            Some(Content::CtaUrl(CtaUrl { header, body: text?, footer, display_text: display_text?, url: url? }))
        }
    };
    // A refused recipient is reported already; a stand-in lets the content's own limits be
    // checked too (the stand-in never reaches a body: the report is not empty).
    let (to, recipient_type) = recipient.unwrap_or_else(|| (STAND_IN.to_string(), None));
    let mut message = Message::new(to, content?);
    message.recipient_type = recipient_type;
    if operation != Operation::SendReaction {
        message.reply_to = quoted;
    }
    Some(message)
}

/// A decimal number as 1MSG's coordinates are written: an optional `-`, digits, an optional
/// fraction (no exponent, no spaces).
pub(super) fn is_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// A non-document's file name of its own (not the one its link gives), which the neutral
/// model has no place for.
pub(super) fn own_file_name(tree: &Json<'_>, message: &Message) -> Option<String> {
    let (kind, media) = message.content.media()?;
    let name = tree.get("filename")?.as_str()?;
    let derived = sent_file_name(kind, media).map(|(name, _)| name);
    (kind.name() != "document" && Some(name) != derived.as_deref()).then(|| name.to_string())
}

/// A valid phone number standing in for a refused recipient (see `message`).
const STAND_IN: &str = "16505550100";

/// Exactly one of `a` and `b`, reported at `a` when neither is given, at `b` when both are.
fn one_of(o: &Obj<'_>, r: &mut Report, a: &str, b: &str) -> bool {
    match (o.has(a), o.has(b)) {
        (true, false) | (false, true) => true,
        (true, true) => {
            o.invalid(r, b, format!("give either {a} or {b}, not both"));
            false
        }
        (false, false) => {
            o.violation(r, a, ViolationCode::Required, format!("one of {a} or {b} is required"), None);
            false
        }
    }
}

/// `chatId` (`<digits>@c.us`, or `<digits>@g.us` for a group) or `phone` (digits, no `+`: a number
/// in the current API, a string in v2.39 of the spec; both are read), exactly one.
fn recipient(root: &Obj<'_>, r: &mut Report) -> Option<(String, Option<RecipientType>)> {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match (root.has("chatId"), root.raw("phone")) {
        (true, None) => {
            let chat = root.req_str(r, "chatId")?;
            if let Some(message) = super::schema::chat_id_fault(&chat) {
                root.violation(r, "chatId", ViolationCode::InvalidFormat, message, None);
                return None;
            }
            match chat.strip_suffix("@c.us") {
                Some(id) => Some((id.to_string(), None)),
                None => Some((chat, Some(RecipientType::Group))),
            }
        }
        (false, Some(number)) if number.as_whole().is_some_and(|n| n > 0) => {
            Some((number.as_whole().unwrap_or_default().to_string(), None))
        }
        (false, Some(Json::Str(text))) if digits(text) || is_bsuid(text) => Some((text.to_string(), None)),
        (false, Some(Json::Str(text))) => {
            let message = format!(
                "phone is digits with the country code, no '+' or spaces, or a business-scoped user id (got {text:?})"
            );
            root.violation(r, "phone", ViolationCode::InvalidFormat, message, None);
            None
        }
        (false, Some(_)) => {
            root.invalid(r, "phone", "phone must be a number or a string of digits".into());
            None
        }
        (false, None) => {
            root.violation(r, "phone", ViolationCode::Required, "one of phone or chatId is required".into(), None);
            None
        }
        (true, Some(_)) => {
            root.invalid(r, "chatId", "give either phone or chatId, not both".into());
            None
        }
    }
}

/// A Cloud API text header (`{"type": "text", "text": …}`); media headers are not read yet.
/// sendButton's and sendCtaUrl's header: the Cloud API's interactive header object.
fn interactive_header(root: &Obj<'_>, r: &mut Report) -> Option<Header> {
    crate::provider::meta::read_interactive_header(&root.obj(r, "header")?, r)
}

fn text_header(root: &Obj<'_>, r: &mut Report) -> Option<Header> {
    let header = root.obj(r, "header")?;
    header.only(r, &["type", "text"]);
    header.constant(r, "type", "text");
    Some(Header::Text(HeaderText { text: header.req_str(r, "text")? }))
}

/// The media kind 1MSG takes a file for, from its name's extension.
fn kind_of(filename: &str) -> &'static str {
    crate::message::media::kind_of_file_name(filename).map_or("document", MediaKind::name)
}

fn file(root: &Obj<'_>, r: &mut Report) -> Option<Content> {
    let (media_id, link) = (root.str(r, "mediaId"), root.str(r, "body"));
    if !one_of(root, r, "body", "mediaId") {
        return None;
    }
    if let Some(why) = link.as_deref().and_then(super::schema::plain_http_fault) {
        root.violation(r, "body", ViolationCode::InvalidFormat, why, None);
    }
    let filename = root.str(r, "filename");
    if link.is_some() && !root.has("filename") {
        let message = "1MSG names a file sent by URL by its filename, extension included".to_string();
        root.violation(r, "filename", ViolationCode::Required, message, None);
        return None;
    }
    if let (Some(_), Some(name)) = (&link, &filename)
        && !super::write::has_extension(name)
    {
        root.violation(r, "filename", ViolationCode::InvalidFormat, super::write::no_extension(name), None);
    }
    let kind = if root.has("mediaId") {
        let kind = root.req_str(r, "mediaType")?;
        if !["image", "video", "audio", "document"].contains(&kind.as_str()) {
            root.invalid(r, "mediaType", format!("mediaType is image, video, audio or document (got {kind:?})"));
            return None;
        }
        kind
    } else {
        if root.has("mediaType") {
            root.invalid(r, "mediaType", "mediaType goes with mediaId; a file by URL is typed by its filename".into());
        }
        // An inline file's type is its data: URI's; a linked file's, its name's extension.
        let inline = link.as_deref().and_then(crate::message::media::data_uri_type);
        match inline.and_then(crate::message::media::rule_for_mime) {
            Some(rule) => rule.kind.name().to_string(),
            None => {
                kind_of(filename.as_deref().or_else(|| link.as_deref().and_then(file_name)).unwrap_or("")).to_string()
            }
        }
    };
    // On media other than documents the neutral model has no place for a name: one other than
    // its link's (`own_file_name`) is valid in the body, and left out, reported, when the body
    // is converted to another format.
    let derived = link.as_deref().and_then(|l| derived_name(&kind, l));
    // A name that is the link's last segment with the usual extension of a type of the kind
    // (`…/photo` as `photo.jpg`) is how a neutral message's mimeType is written (`typed_name`):
    // read back as that type.
    let media_kind = match kind.as_str() {
        "image" => Some(MediaKind::Image),
        "video" => Some(MediaKind::Video),
        "audio" => Some(MediaKind::Audio),
        _ => None,
    };
    let mime_type = match (&link, &filename, media_kind) {
        (Some(link), Some(name), Some(media_kind)) if Some(name) != derived.as_ref() => {
            crate::message::media::mime_for_extension(media_kind, name)
                .filter(|mime| typed_name(&kind, link, mime).as_ref() == Some(name))
                .map(str::to_string)
        }
        _ => None,
    };
    // A document's name is what the customer sees, whoever else would show it: kept, even
    // where it is its link's (Meta shows no name it is not given).
    let filename = filename.filter(|_| kind == "document");
    let media = Media {
        id: media_id,
        filename,
        mime_type,
        caption: root.str(r, "caption"),
        voice: root.bool(r, "voice"),
        ..Media::by_link(link.unwrap_or_default())
    };
    let media = Media { link: media.link.filter(|l| !l.is_empty()), ..media };
    Some(match kind.as_str() {
        "image" => Content::Image(media),
        "video" => Content::Video(media),
        "audio" => Content::Audio(media),
        _ => Content::Document(media),
    })
}

/// Where each neutral field lives in each method's body.
pub(super) fn pointers(operation: Operation) -> &'static [(&'static str, &'static str)] {
    match operation {
        Operation::SendFile => &[
            ("/content/link", "/body"),
            ("/content/id", "/mediaId"),
            ("/content/caption", "/caption"),
            ("/content/filename", "/filename"),
            // A type read from the filename's extension (`typed_name`): 1MSG has no such field.
            ("/content/mimeType", "/filename"),
            ("/content/voice", "/voice"),
            ("/content", "/body"),
        ],
        Operation::SendSticker => &[("/content/id", "/mediaId"), ("/content", "")],
        Operation::SendAddressMessage => &[
            ("/content/savedAddresses", "/saved_addresses"),
            ("/content/validationErrors", "/validation_errors"),
            ("/content", ""),
        ],
        Operation::SendLocation => &[
            ("/content/latitude", "/lat"),
            ("/content/longitude", "/lng"),
            ("/content/name", "/name"),
            ("/content/address", "/address"),
            ("/content", ""),
        ],
        Operation::SendReaction => {
            &[("/content/emoji", "/body"), ("/content/messageId", "/quotedMsgId"), ("/content", "")]
        }
        Operation::SendContact => &[("/content/contacts", "/contacts"), ("/content", "")],
        Operation::SendButton => &[
            ("/content/buttons/*/id", "/sections/*/reply/id"),
            ("/content/buttons/*/title", "/sections/*/reply/title"),
            ("/content/buttons", "/sections"),
            ("/content/header/text", "/header/text"),
            ("/content/header/type", "/header/type"),
            ("/content/header", "/header/{type}"),
            ("/content", ""),
        ],
        Operation::SendList => &[
            ("/content/header/text", "/header"),
            ("/content/button", "/action"),
            ("/content/sections", "/sections"),
            ("/content", ""),
        ],
        Operation::SendCtaUrl => &[
            ("/content/header/text", "/header/text"),
            ("/content/header/type", "/header/type"),
            ("/content/header", "/header/{type}"),
            ("/content", ""),
        ],
        // The Cloud API's components in 1MSG's dialect (`template`): a parameter's value in the
        // object its type names, a limited-time offer's expiry in its one parameter, a
        // currency's code as `currency_code`.
        Operation::SendTemplate => &[
            ("/content/name", "/template"),
            ("/content/components/*/expirationTimeMs", "/params/*/parameters/0/limited_time_offer/expiration_time_ms"),
            ("/content/components/*/cards/*/cardIndex", "/params/*/cards/*/card_index"),
            (
                "/content/components/*/cards/*/components/*/parameters/*/type",
                "/params/*/cards/*/components/*/parameters/*/type",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*/code",
                "/params/*/cards/*/components/*/parameters/*/currency/currency_code",
            ),
            // 2.39's date_time puts its parts in a `component` object (in a card's as elsewhere).
            (
                "/content/components/*/cards/*/components/*/parameters/*/dayOfWeek",
                "/params/*/cards/*/components/*/parameters/*/date_time/component/day_of_week",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*/month",
                "/params/*/cards/*/components/*/parameters/*/date_time/component/month",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*/dayOfMonth",
                "/params/*/cards/*/components/*/parameters/*/date_time/component/day_of_month",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*/hour",
                "/params/*/cards/*/components/*/parameters/*/date_time/component/hour",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*/minute",
                "/params/*/cards/*/components/*/parameters/*/date_time/component/minute",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*/calendar",
                "/params/*/cards/*/components/*/parameters/*/date_time/component/calendar",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*/action",
                "/params/*/cards/*/components/*/parameters/*/action",
            ),
            (
                "/content/components/*/cards/*/components/*/parameters/*",
                "/params/*/cards/*/components/*/parameters/*/{type}",
            ),
            ("/content/components/*/parameters/*/type", "/params/*/parameters/*/type"),
            ("/content/components/*/parameters/*/code", "/params/*/parameters/*/currency/currency_code"),
            // 2.39's date_time puts its parts in a `component` object.
            ("/content/components/*/parameters/*/dayOfWeek", "/params/*/parameters/*/date_time/component/day_of_week"),
            ("/content/components/*/parameters/*/month", "/params/*/parameters/*/date_time/component/month"),
            (
                "/content/components/*/parameters/*/dayOfMonth",
                "/params/*/parameters/*/date_time/component/day_of_month",
            ),
            ("/content/components/*/parameters/*/hour", "/params/*/parameters/*/date_time/component/hour"),
            ("/content/components/*/parameters/*/minute", "/params/*/parameters/*/date_time/component/minute"),
            ("/content/components/*/parameters/*/calendar", "/params/*/parameters/*/date_time/component/calendar"),
            // An action parameter nests its action as the Cloud API does; an mpm button's
            // sections as a product list's.
            (
                "/content/components/*/parameters/*/action/sections/*/productRetailerIds/*",
                "/params/*/parameters/*/action/sections/*/product_items/*/product_retailer_id",
            ),
            (
                "/content/components/*/parameters/*/action/sections/*/productRetailerIds",
                "/params/*/parameters/*/action/sections/*/product_items",
            ),
            ("/content/components/*/parameters/*/action", "/params/*/parameters/*/action"),
            ("/content/components/*/parameters/*", "/params/*/parameters/*/{type}"),
            ("/content/components", "/params"),
            ("/content", ""),
        ],
        Operation::SendCarousel => &[
            ("/content/body", "/body"),
            ("/content/cards/*/catalogId", "/params/0/cards/*/components/0/parameters/0/product/catalog_id"),
            (
                "/content/cards/*/productRetailerId",
                "/params/0/cards/*/components/0/parameters/0/product/product_retailer_id",
            ),
            ("/content/cards", "/params/0/cards"),
            ("/content", ""),
        ],
        Operation::SendFlow => &[("/content/header/text", "/header"), ("/content", "")],
        Operation::SendProduct => &[
            ("/content/header/text", "/header"),
            ("/content/catalogId", "/action/catalog_id"),
            ("/content/productRetailerId", "/action/product_retailer_id"),
            ("/content/sections/*/productRetailerIds/*", "/action/sections/*/product_items/*/product_retailer_id"),
            ("/content/sections/*/productRetailerIds", "/action/sections/*/product_items"),
            ("/content/sections", "/action/sections"),
            ("/content", ""),
        ],
        _ => &[("/content", "")],
    }
}

/// Where the fields of each neutral carousel card lie in the sendCarousel body it was read
/// from, whose cards hold components, not fields (`carousel_card`): its header's media in
/// the header component's parameter, its body in the body component's, each quick reply in
/// a quick_reply component's parameters (`title` as `text`), its URL button in the url
/// component's parameters. What a card lacks (its buttons) is sought in its components.
/// Before the table's other entries: a pattern that matches first wins.
pub(super) fn card_pointers(tree: &Json<'_>) -> Vec<(Cow<'static, str>, Cow<'static, str>)> {
    let mut table: Vec<(Cow<'static, str>, Cow<'static, str>)> = Vec::new();
    let cards = tree.items("params").first().map(|carousel| carousel.items("cards")).unwrap_or_default();
    for (c, card) in cards.iter().enumerate() {
        let (from, to) = (format!("/content/cards/{c}"), format!("/params/0/cards/{c}/components"));
        let mut add = |neutral: String, wire: String| table.push((neutral.into(), wire.into()));
        let (mut replies, mut url) = (0, None);
        for (k, component) in card.items("components").iter().enumerate() {
            let at = format!("{to}/{k}");
            match (component.get("type").and_then(Json::as_str), component.get("sub_type").and_then(Json::as_str)) {
                (Some("header"), _) => {
                    add(format!("{from}/header/type"), format!("{at}/parameters/0/type"));
                    add(format!("{from}/header"), format!("{at}/parameters/0/{{type}}"));
                }
                (Some("body"), _) => add(format!("{from}/body"), format!("{at}/parameters/0/text")),
                (Some("button"), Some("quick_reply")) => {
                    for p in 0..component.items("parameters").len() {
                        let (button, parameter) = (format!("{from}/buttons/{replies}"), format!("{at}/parameters/{p}"));
                        add(format!("{button}/title"), format!("{parameter}/text"));
                        add(button, parameter);
                        replies += 1;
                    }
                }
                (Some("button"), Some("url")) => url = Some(at),
                _ => {}
            }
        }
        if let Some(at) = url {
            add(format!("{from}/ctaUrl/displayText"), format!("{at}/parameters/text"));
            add(format!("{from}/ctaUrl/url"), format!("{at}/parameters/url"));
            add(format!("{from}/ctaUrl"), at);
        }
        // Buttons missing, too many, or beside a URL button: the components that hold them.
        add(format!("{from}/buttons"), to.clone());
        add(format!("{from}/ctaUrl"), to);
    }
    table
}

/// A card's `card_index`, where given, is its position: the cards are sent in the order given
/// (and numbered so by the Cloud API 1MSG passes them to), so another index would be lost.
fn card_index(card: &Obj<'_>, position: usize, r: &mut Report) {
    if card.int::<u32>(r, "card_index", false).is_some_and(|index| index as usize != position) {
        card.invalid(r, "card_index", format!("card_index of the card at position {position} must be {position}"));
    }
}

/// A sendCarousel card: `card_index` and the Cloud API's components (a media header by link,
/// a body text, a URL button with `{text, url}` or quick replies with `[{id, text}]`).
fn carousel_card(card: &Obj<'_>, position: usize, r: &mut Report) -> Option<CarouselCard> {
    card.only(r, &["card_index", "components"]);
    card_index(card, position, r);
    let (mut header, mut body, mut buttons, mut cta_url) = (None, None, Vec::new(), None);
    for component in card.objects(r, "components", true)? {
        component.only(r, &["type", "sub_type", "index", "parameters"]);
        match component.req_str(r, "type")?.as_str() {
            "header" => {
                let parameter = only_parameter(&component, r)?;
                parameter.only(r, &["type", "image", "video", "product"]);
                let kind = parameter.req_str(r, "type")?;
                let media = |key: &str, r: &mut Report| {
                    let m = parameter.req_obj(r, key)?;
                    m.only(r, &["link"]);
                    Some(Media::by_link(m.req_str(r, "link")?))
                };
                header = match kind.as_str() {
                    "image" => Some(Header::Image(media("image", r)?)),
                    "video" => Some(Header::Video(media("video", r)?)),
                    _ => {
                        parameter.invalid(
                            r,
                            "type",
                            format!(
                                "a media carousel's card header is an image or a video (got {kind:?}): \
                                 the cards of one carousel are all media cards or all product cards"
                            ),
                        );
                        return None;
                    }
                };
            }
            "body" => {
                let parameter = only_parameter(&component, r)?;
                parameter.only(r, &["type", "text"]);
                body = parameter.req_str(r, "text");
            }
            "button" => match component.req_str(r, "sub_type")?.as_str() {
                "url" => {
                    let p = component.req_obj(r, "parameters")?;
                    p.only(r, &["text", "url"]);
                    let (display_text, url) = (p.req_str(r, "text"), p.req_str(r, "url"));
                    cta_url = Some(CardCtaUrl { display_text: display_text?, url: url? });
                }
                "quick_reply" => {
                    for p in component.objects(r, "parameters", true)? {
                        p.only(r, &["id", "text"]);
                        let (id, title) = (p.req_str(r, "id"), p.req_str(r, "text"));
                        buttons.push(ReplyButton { id: id?, title: title? });
                    }
                }
                other => {
                    component.invalid(
                        r,
                        "sub_type",
                        format!("a carousel card button is url or quick_reply (got {other:?})"),
                    );
                    return None;
                }
            },
            other => {
                component.invalid(
                    r,
                    "type",
                    format!("a carousel card component is header, body or button (got {other:?})"),
                );
                return None;
            }
        }
    }
    let Some(header) = header else {
        card.violation(r, "components", ViolationCode::Required, "a carousel card needs a media header".into(), None);
        return None;
    };
    Some(CarouselCard { header, body, buttons: (!buttons.is_empty()).then_some(buttons), cta_url })
}

/// A product card of a sendCarousel: one header component whose parameter is the product
/// (`{type: "product", product: {catalog_id, product_retailer_id}}`). A card's body and
/// buttons are refused before reading (`OneMsgCodec::read`): the neutral product card is the
/// product alone, as Meta's interactive product carousel has it.
fn product_card(card: &Obj<'_>, position: usize, r: &mut Report) -> Option<ProductCard> {
    card.only(r, &["card_index", "components"]);
    card_index(card, position, r);
    let components = card.objects(r, "components", true)?;
    let [header] = components.as_slice() else {
        let message = "a product card has one component, its product header".to_owned();
        card.violation(r, "components", ViolationCode::InvalidValue, message, Some(1.0));
        return None;
    };
    header.only(r, &["type", "parameters"]);
    if header.req_str(r, "type")? != "header" {
        header.invalid(r, "type", "a product card's component is its header".into());
        return None;
    }
    let parameter = only_parameter(header, r)?;
    if parameter.req_str(r, "type")? != "product" {
        let message = "a product carousel's card header is a product: the cards of one carousel are all \
                       product cards or all media cards";
        parameter.invalid(r, "type", message.into());
        return None;
    }
    parameter.only(r, &["type", "product"]);
    let product = parameter.req_obj(r, "product")?;
    product.only(r, &["catalog_id", "product_retailer_id"]);
    let (catalog_id, product_retailer_id) =
        (product.req_str(r, "catalog_id"), product.req_str(r, "product_retailer_id"));
    Some(ProductCard { catalog_id: catalog_id?, product_retailer_id: product_retailer_id? })
}

/// The one parameter of a card's header or body component.
fn only_parameter<'v>(component: &Obj<'v>, r: &mut Report) -> Option<Obj<'v>> {
    let parameters = component.objects(r, "parameters", true)?;
    if parameters.len() != 1 {
        let message = format!("a card's header and body take one parameter (got {})", parameters.len());
        component.violation(r, "parameters", ViolationCode::InvalidValue, message, Some(1.0));
        return None;
    }
    parameters.into_iter().next()
}
