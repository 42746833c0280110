//! Reading a Meta request body into the neutral model, field by field, reporting every
//! missing field and wrong type at Meta's pointers. Every object lists the fields Meta's
//! reference gives it (`Obj::only`, as every reader does): any other field is reported rather
//! than dropped. Limits are checked on the neutral model.

use crate::message::read::{Spelling, address_request, contact, flow_action, flow_mode, location, media};
use crate::message::*;
use crate::validate::{Json, Obj, Report, ViolationCode, bsuid_form, is_bsuid, is_uuid};

/// The message types of Meta's reference.
const MESSAGE_TYPES: [&str; 11] = [
    "text",
    "image",
    "video",
    "audio",
    "document",
    "sticker",
    "location",
    "contacts",
    "reaction",
    "interactive",
    "template",
];

/// A message or a read receipt from a Meta body (`None` when something required is missing
/// or malformed: the report says what).
pub fn request(body: &Obj<'_>, r: &mut Report) -> Option<Request> {
    match body.raw("messaging_product") {
        Some(Json::Str(product)) if product == "whatsapp" => {}
        Some(_) => body.invalid(r, "messaging_product", "messaging_product must be \"whatsapp\"".into()),
        None => body.require(r, "messaging_product"),
    }
    if body.has("status") { mark_read(body, r).map(Request::MarkRead) } else { message(body, r).map(Request::Message) }
}

fn mark_read(body: &Obj<'_>, r: &mut Report) -> Option<MarkRead> {
    body.only(r, &["messaging_product", "status", "message_id", "typing_indicator"]);
    if body.req_str(r, "status").is_some_and(|s| s != "read") {
        body.invalid(r, "status", "status is \"read\" (mark as read)".into());
    }
    if let Some(typing) = body.obj(r, "typing_indicator")
        && (typing.only(r, &["type"]), typing.req_str(r, "type")).1.is_some_and(|t| t != "text")
    {
        typing.invalid(r, "type", "typing_indicator.type is \"text\"".into());
    }
    let message_id = body.req_str(r, "message_id")?;
    Some(MarkRead { message_id, typing_indicator: body.has("typing_indicator") })
}

fn message(body: &Obj<'_>, r: &mut Report) -> Option<Message> {
    // A WhatsApp user by phone number (`to`), or by business-scoped user id (`recipient`, a
    // BSUID); given both, Meta sends to `to` ("`to` will take precedence"), and so does this.
    // Meta: "Use `to` to send to a phone number. Use `recipient` to send to a BSUID".
    // Another provider's ids are no Meta recipient: a Bird contact id, a 1MSG chat.
    let to = if body.has("to") || !body.has("recipient") {
        body.req_str(r, "to").filter(|to| {
            let misplaced = if is_bsuid(to) {
                Some(format!("{to:?} is a business-scoped user id: Meta takes it as recipient, not to"))
            } else if is_uuid(to) {
                Some(format!("{to:?} is a Bird contact id: Meta's to is a phone number or a group id"))
            } else if to.contains('@') {
                Some(format!("{to:?} is a 1MSG chat id: Meta's to is a phone number or a group id"))
            } else {
                None
            };
            if let Some(message) = &misplaced {
                body.violation(r, "to", ViolationCode::InvalidValue, message.clone(), None);
            }
            misplaced.is_none()
        })
    } else {
        body.str(r, "recipient").filter(|id| {
            let fault = if !is_bsuid(id) {
                Some(format!("recipient is {} (got {id:?})", bsuid_form()))
            } else if body.json().get("recipient_type").and_then(Json::as_str) == Some("group") {
                Some("recipient names a person (a business-scoped user id); a group goes in to".to_string())
            } else {
                None
            };
            if let Some(message) = &fault {
                body.violation(r, "recipient", ViolationCode::InvalidFormat, message.clone(), None);
            }
            fault.is_none()
        })
    };
    if body.has("recipient") && body.has("to") {
        body.str(r, "recipient");
    }
    let recipient_type = match body.str(r, "recipient_type").as_deref() {
        None => None,
        Some("individual") => Some(RecipientType::Individual),
        Some("group") => Some(RecipientType::Group),
        Some(other) => {
            body.invalid(r, "recipient_type", format!("recipient_type is individual or group (got {other:?})"));
            None
        }
    };
    let reply_to = body.obj(r, "context").and_then(|c| {
        c.only(r, &["message_id"]);
        c.req_str(r, "message_id")
    });
    let callback_data = body.str(r, "biz_opaque_callback_data");
    // Meta's docs: `type` is optional and defaults to `text`. A body without `type` and
    // without a text object is not a text message: name the missing `type`, not `text`.
    let omitted = !body.has("type");
    let kind = match body.str(r, "type") {
        Some(kind) => kind,
        None if omitted => "text".into(),
        None => return None, // not a string: reported at /type
    };
    if omitted && !body.has("text") {
        if let Some(present) = MESSAGE_TYPES.iter().find(|k| body.has(k)) {
            body.invalid(
                r,
                "type",
                format!("type is required: without it Meta takes the message for text; this one is {present:?}"),
            );
            return None;
        }
    }
    // The fields of every message, and the object of its own type (another type's is refused).
    if MESSAGE_TYPES.contains(&kind.as_str()) {
        let own: &str = &kind;
        body.only(
            r,
            &[
                "messaging_product",
                "recipient_type",
                "to",
                "recipient",
                "context",
                "type",
                "biz_opaque_callback_data",
                own,
            ],
        );
    }
    let content = match kind.as_str() {
        "text" => body.req_obj(r, "text").and_then(|t| {
            t.only(r, &["body", "preview_url"]);
            let text = t.req_str(r, "body");
            let preview_url = t.bool(r, "preview_url");
            Some(Content::Text(Text { body: text?, preview_url }))
        }),
        "image" => body.req_obj(r, "image").map(|m| Content::Image(wire_media(&m, r))),
        "video" => body.req_obj(r, "video").map(|m| Content::Video(wire_media(&m, r))),
        "audio" => body.req_obj(r, "audio").map(|m| Content::Audio(wire_media(&m, r))),
        "document" => body.req_obj(r, "document").map(|m| Content::Document(wire_media(&m, r))),
        "sticker" => body.req_obj(r, "sticker").map(|m| Content::Sticker(wire_media(&m, r))),
        "location" => body.req_obj(r, "location").and_then(|l| wire_location(&l, r)).map(Content::Location),
        "contacts" => body.objects(r, "contacts", true).map(|list| {
            Content::Contacts(Contacts {
                contacts: list.iter().filter_map(|c| contact(c, r, Spelling::SnakeCase)).collect(),
            })
        }),
        "reaction" => body.req_obj(r, "reaction").and_then(|o| {
            o.only(r, &["message_id", "emoji"]);
            let message_id = o.req_str(r, "message_id");
            let emoji = o.req_str(r, "emoji");
            Some(Content::Reaction(Reaction { message_id: message_id?, emoji: emoji? }))
        }),
        "interactive" => body.req_obj(r, "interactive").and_then(|i| interactive(&i, r)),
        "template" => body.req_obj(r, "template").and_then(|t| template(&t, r)),
        other => {
            body.invalid(
                r,
                "type",
                format!("unknown Meta message type {other:?}; expected one of {}", MESSAGE_TYPES.join(", ")),
            );
            None
        }
    };
    Some(Message { to: to?, recipient_type, reply_to, callback_data, content: content? })
}

/// An interactive message's header (1MSG's sendButton and sendCtaUrl take the same object).
pub(crate) fn read_header(h: &Obj<'_>, r: &mut Report) -> Option<Header> {
    let kind = h.req_str(r, "type")?;
    // Fields are checked once the type is known (a wrong type is the one fault to report).
    if HEADER_TYPES.contains(&kind.as_str()) {
        h.only(r, &["type", &kind]);
    }
    match kind.as_str() {
        "text" => h.req_str(r, "text").map(|text| Header::Text(HeaderText { text })),
        "image" => h.req_obj(r, "image").map(|m| Header::Image(wire_media(&m, r))),
        "video" => h.req_obj(r, "video").map(|m| Header::Video(wire_media(&m, r))),
        "document" => h.req_obj(r, "document").map(|m| Header::Document(wire_media(&m, r))),
        other => {
            h.invalid(r, "type", format!("header type is text, image, video or document (got {other:?})"));
            None
        }
    }
}

/// The header types an interactive message or a carousel card may have.
const HEADER_TYPES: [&str; 4] = ["text", "image", "video", "document"];

/// `{"text": …}` under `key` (an interactive body or footer), required or optional.
fn text_of(o: &Obj<'_>, r: &mut Report, key: &str, required: bool) -> Option<String> {
    let object = if required { o.req_obj(r, key) } else { o.obj(r, key) };
    object.and_then(|t| {
        t.only(r, &["text"]);
        t.req_str(r, "text")
    })
}

/// A reply button's or quick reply's `{id, title}` under `key`.
fn reply(button: &Obj<'_>, r: &mut Report, key: &str) -> Option<ReplyButton> {
    button.only(r, &["type", key]);
    let reply = button.req_obj(r, key)?;
    reply.only(r, &["id", "title"]);
    let id = reply.req_str(r, "id");
    let title = reply.req_str(r, "title");
    Some(ReplyButton { id: id?, title: title? })
}

pub(crate) fn product_sections(sections: &[Obj<'_>], r: &mut Report) -> Vec<ProductSection> {
    sections
        .iter()
        .map(|s| {
            s.only(r, &["title", "product_items"]);
            ProductSection {
                title: s.str(r, "title"),
                product_retailer_ids: s
                    .objects(r, "product_items", true)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|item| {
                        item.only(r, &["product_retailer_id"]);
                        item.req_str(r, "product_retailer_id")
                    })
                    .collect(),
            }
        })
        .collect()
}

fn cta(parameters: &Obj<'_>, r: &mut Report) -> Option<(String, String)> {
    parameters.only(r, &["display_text", "url"]);
    let display_text = parameters.req_str(r, "display_text");
    let url = parameters.req_str(r, "url");
    Some((display_text?, url?))
}

/// The fields of an interactive object and of its action, per interactive type (Meta's
/// reference); any other field is refused rather than dropped.
fn interactive_fields(kind: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const FRAMED: &[&str] = &["type", "header", "body", "footer", "action"];
    Some(match kind {
        "location_request_message" => (&["type", "body", "action"], &["name"]),
        "address_message" => (FRAMED, &["name", "parameters"]),
        "button" => (FRAMED, &["buttons"]),
        "list" => (FRAMED, &["button", "sections"]),
        "cta_url" | "flow" => (FRAMED, &["name", "parameters"]),
        "product" => (&["type", "body", "footer", "action"], &["catalog_id", "product_retailer_id"]),
        "product_list" => (FRAMED, &["catalog_id", "sections"]),
        "catalog_message" => (&["type", "body", "footer", "action"], &["name", "parameters"]),
        "carousel" => (&["type", "body", "action"], &["cards"]),
        _ => return None,
    })
}

/// A media object of Meta's wire (the neutral model's field names, snake_case or not).
fn wire_media(m: &Obj<'_>, r: &mut Report) -> Media {
    m.only(r, &["id", "link", "caption", "filename", "voice"]);
    media(m, r)
}

fn wire_location(l: &Obj<'_>, r: &mut Report) -> Option<Location> {
    l.only(r, &["latitude", "longitude", "name", "address"]);
    location(l, r)
}

fn interactive(i: &Obj<'_>, r: &mut Report) -> Option<Content> {
    let kind = i.req_str(r, "type")?;
    let action = i.obj(r, "action");
    if let Some((fields, action_fields)) = interactive_fields(&kind) {
        i.only(r, fields);
        if let Some(action) = &action {
            action.only(r, action_fields);
        }
    }
    let header = i.obj(r, "header").and_then(|h| read_header(&h, r));
    let footer = text_of(i, r, "footer", false);
    // The action's name follows from the interactive type, and Meta requires it all the same
    // (its reference and every example give it).
    let action_name = match kind.as_str() {
        "cta_url" => Some("cta_url"),
        "flow" => Some("flow"),
        "catalog_message" => Some("catalog_message"),
        "location_request_message" => Some("send_location"),
        "address_message" => Some("address_message"),
        _ => None,
    };
    match (&action, action_name) {
        (Some(action), Some(name)) => action.fixed(r, "name", name),
        // The others read their parameters from an action they require.
        (None, Some(_)) if matches!(kind.as_str(), "location_request_message" | "catalog_message") => {
            i.require(r, "action")
        }
        _ => {}
    }
    let action = || action;
    match kind.as_str() {
        "location_request_message" => {
            Some(Content::LocationRequest(LocationRequest { body: text_of(i, r, "body", true)? }))
        }
        "address_message" => {
            let body = text_of(i, r, "body", true);
            let parameters = i.req_obj(r, "action")?.req_obj(r, "parameters")?;
            parameters.only(r, &["country", "values", "saved_addresses", "validation_errors"]);
            let country = parameters.req_str(r, "country");
            address_request(&parameters, r, Spelling::SnakeCase, (header, body, footer), country)
        }
        "button" => {
            let body = text_of(i, r, "body", true);
            let buttons = i.req_obj(r, "action")?.objects(r, "buttons", true)?;
            let buttons = buttons
                .iter()
                .filter_map(|b| {
                    b.fixed(r, "type", "reply");
                    reply(b, r, "reply")
                })
                .collect();
            Some(Content::ReplyButtons(ReplyButtons { header, body: body?, footer, buttons }))
        }
        "list" => {
            let body = text_of(i, r, "body", true);
            let action = i.req_obj(r, "action")?;
            let button = action.req_str(r, "button");
            let sections = action
                .objects(r, "sections", true)?
                .iter()
                .map(|s| ListSection {
                    title: (s.only(r, &["title", "rows"]), s.str(r, "title")).1,
                    rows: s
                        .objects(r, "rows", true)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|row| {
                            row.only(r, &["id", "title", "description"]);
                            let id = row.req_str(r, "id");
                            let title = row.req_str(r, "title");
                            Some(ListRow { id: id?, title: title?, description: row.str(r, "description") })
                        })
                        .collect(),
                })
                .collect();
            Some(Content::List(List { header, body: body?, footer, button: button?, sections }))
        }
        "cta_url" => {
            let body = text_of(i, r, "body", true);
            let (display_text, url) = cta(&i.req_obj(r, "action")?.req_obj(r, "parameters")?, r)?;
            Some(Content::CtaUrl(CtaUrl { header, body: body?, footer, display_text, url }))
        }
        "product" => {
            let body = text_of(i, r, "body", false);
            let action = i.req_obj(r, "action")?;
            let catalog_id = action.req_str(r, "catalog_id");
            let product_retailer_id = action.req_str(r, "product_retailer_id");
            Some(Content::Product(Product {
                body,
                footer,
                catalog_id: catalog_id?,
                product_retailer_id: product_retailer_id?,
            }))
        }
        "product_list" => {
            if header.is_none() {
                i.require(r, "header");
            }
            let body = text_of(i, r, "body", true);
            let action = i.req_obj(r, "action")?;
            let catalog_id = action.req_str(r, "catalog_id");
            let sections = action.objects(r, "sections", true).map(|s| product_sections(&s, r));
            Some(Content::ProductList(ProductList {
                header: header?,
                body: body?,
                footer,
                catalog_id: catalog_id?,
                sections: sections?,
            }))
        }
        "catalog_message" => {
            let body = text_of(i, r, "body", true)?;
            let thumbnail = action().and_then(|a| a.obj(r, "parameters")).and_then(|p| {
                p.only(r, &["thumbnail_product_retailer_id"]);
                p.str(r, "thumbnail_product_retailer_id")
            });
            Some(Content::Catalog(Catalog { body, footer, thumbnail_product_retailer_id: thumbnail }))
        }
        "flow" => {
            let body = text_of(i, r, "body", true);
            let p = i.req_obj(r, "action")?.req_obj(r, "parameters")?;
            p.only(r, FLOW_PARAMETERS);
            let flow_cta = p.req_str(r, "flow_cta");
            let mode = flow_mode(&p, r, "mode");
            let flow_action = flow_action(&p, r, "flow_action");
            let payload = p.obj(r, "flow_action_payload").map(|f| {
                f.only(r, &["screen", "data"]);
                FlowActionPayload { screen: f.str(r, "screen"), data: f.map(r, "data") }
            });
            Some(Content::Flow(Flow {
                header,
                body: body?,
                footer,
                flow_id: p.str(r, "flow_id"),
                flow_name: p.str(r, "flow_name"),
                flow_cta: flow_cta?,
                mode,
                flow_token: p.str(r, "flow_token"),
                flow_action,
                flow_action_payload: payload,
                // Required by Meta and always "3": the model's default, so read as absent (the
                // writer writes it back), and a neutral flow round-trips as it was written.
                flow_message_version: p.req_str(r, "flow_message_version").filter(|v| v != "3"),
            }))
        }
        "carousel" => {
            let body = text_of(i, r, "body", true);
            let cards = i.req_obj(r, "action")?.objects(r, "cards", true)?;
            // Each card is at its own index, 0 up, as the neutral model writes them back.
            let indexed = |r: &mut Report, j: usize, card: &Obj<'_>| {
                if card.int::<u32>(r, "card_index", true).is_some_and(|index| index as usize != j) {
                    card.invalid(r, "card_index", format!("card_index of the card at position {j} must be {j}"));
                }
            };
            if cards.first().and_then(|c| c.raw("type")).and_then(Json::as_str) == Some("product") {
                let cards = cards
                    .iter()
                    .enumerate()
                    .filter_map(|(j, card)| {
                        card.only(r, &["card_index", "type", "action"]);
                        indexed(r, j, card);
                        let action = card.req_obj(r, "action")?;
                        action.only(r, &["catalog_id", "product_retailer_id"]);
                        let catalog_id = action.req_str(r, "catalog_id");
                        let product_retailer_id = action.req_str(r, "product_retailer_id");
                        Some(ProductCard { catalog_id: catalog_id?, product_retailer_id: product_retailer_id? })
                    })
                    .collect();
                return Some(Content::ProductCarousel(ProductCarousel { body: body?, cards }));
            }
            let cards = cards
                .iter()
                .enumerate()
                .filter_map(|(j, card)| {
                    card.only(r, &["card_index", "type", "header", "body", "action"]);
                    indexed(r, j, card);
                    let header = card.req_obj(r, "header").and_then(|h| read_header(&h, r));
                    let body = text_of(card, r, "body", false);
                    let action = card.req_obj(r, "action")?;
                    let (buttons, cta_url) = match action.obj(r, "parameters") {
                        Some(parameters) => {
                            action.only(r, &["name", "parameters"]);
                            let (display_text, url) = cta(&parameters, r)?;
                            (None, Some(CardCtaUrl { display_text, url }))
                        }
                        None => {
                            action.only(r, &["buttons"]);
                            let buttons = action.objects(r, "buttons", true)?;
                            (Some(buttons.iter().filter_map(|b| reply(b, r, "quick_reply")).collect()), None)
                        }
                    };
                    Some(CarouselCard { header: header?, body, buttons, cta_url })
                })
                .collect();
            Some(Content::Carousel(Carousel { body: body?, cards }))
        }
        other => {
            i.invalid(r, "type", format!("unknown interactive type {other:?}; expected button, list, cta_url, product, product_list, catalog_message, flow, carousel, location_request_message or address_message"));
            None
        }
    }
}

/// The parameters of a flow message's action.
const FLOW_PARAMETERS: &[&str] = &[
    "flow_message_version",
    "flow_token",
    "flow_id",
    "flow_name",
    "flow_cta",
    "mode",
    "flow_action",
    "flow_action_payload",
];

fn template(t: &Obj<'_>, r: &mut Report) -> Option<Content> {
    t.only(r, &["name", "language", "components"]);
    let name = t.req_str(r, "name");
    let language = t.req_obj(r, "language")?;
    language.only(r, &["code", "policy"]);
    let code = language.req_str(r, "code");
    let components = template_components(t, r, "components", &[]);
    Some(Content::Template(Template {
        name: Some(name?),
        language: TemplateLanguage { code: code?, policy: language.str(r, "policy") },
        namespace: None,
        project_id: None,
        project_version: None,
        components,
    }))
}

/// The template components at `key` of `o`, as the Cloud API takes them (1MSG's sendTemplate
/// `params` are the same objects), with a provider's other names for button sub types
/// (`aliases`: 1MSG's `coupon_code` for `copy_code`).
pub(crate) fn template_components(
    o: &Obj<'_>,
    r: &mut Report,
    key: &str,
    aliases: &[(&str, ButtonSubType)],
) -> Option<Vec<TemplateComponent>> {
    o.objects(r, key, false).map(|list| list.iter().filter_map(|c| component(c, r, aliases)).collect())
}

fn component(c: &Obj<'_>, r: &mut Report, aliases: &[(&str, ButtonSubType)]) -> Option<TemplateComponent> {
    let parameters = |r: &mut Report| c.objects(r, "parameters", false).unwrap_or_default();
    let kind = c.req_str(r, "type")?;
    match kind.as_str() {
        "button" => c.only(r, &["type", "sub_type", "index", "parameters"]),
        "carousel" => c.only(r, &["type", "cards"]),
        "header" | "body" | "limited_time_offer" => c.only(r, &["type", "parameters"]),
        _ => {} // an unknown type is reported below
    }
    match kind.as_str() {
        "header" => Some(TemplateComponent::Header(ComponentParameters {
            parameters: parameters(r).iter().filter_map(|p| parameter(p, r)).collect(),
        })),
        "body" => Some(TemplateComponent::Body(ComponentParameters {
            parameters: parameters(r).iter().filter_map(|p| parameter(p, r)).collect(),
        })),
        "button" => {
            let sub_type = c.req_str(r, "sub_type")?;
            // Meta's reference writes sub types in lower case; its own examples also send "CATALOG".
            let named = |name: &str| name.eq_ignore_ascii_case(&sub_type);
            let alias = aliases.iter().find(|(name, _)| named(name)).map(|&(_, sub)| sub);
            let Some(parsed) = ButtonSubType::ALL.into_iter().find(|s| named(s.as_str())).or(alias) else {
                c.invalid(r, "sub_type", format!("unknown button sub_type {sub_type:?}; expected quick_reply, url, copy_code, flow, catalog or mpm"));
                return None;
            };
            // Meta's reference types index as a string; its own examples also send integers.
            let index = match c.raw("index") {
                Some(number @ (Json::Int(_) | Json::UInt(_) | Json::Float(_))) => {
                    number.as_whole().and_then(|n| u32::try_from(n).ok())
                }
                Some(Json::Str(text)) if !text.starts_with('+') => text.parse::<u32>().ok(),
                Some(_) => None,
                None => {
                    c.require(r, "index");
                    return None;
                }
            };
            let Some(index) = index else {
                c.invalid(r, "index", "index is a button position such as \"0\"".into());
                return None;
            };
            Some(TemplateComponent::Button(TemplateButton {
                sub_type: parsed,
                index,
                parameters: parameters(r).iter().filter_map(|p| button_parameter(p, r)).collect(),
            }))
        }
        "limited_time_offer" => {
            // Exactly one parameter, the expiry: an empty list must not drop the component unseen.
            let parameters = c.objects(r, "parameters", true)?;
            let [parameter] = parameters.as_slice() else {
                let message =
                    format!("a limited_time_offer component has one parameter, its expiry (got {})", parameters.len());
                c.violation(r, "parameters", crate::validate::ViolationCode::InvalidValue, message, Some(1.0));
                return None;
            };
            parameter.only(r, &["type", "limited_time_offer"]);
            let offer = parameter.req_obj(r, "limited_time_offer")?;
            offer.only(r, &["expiration_time_ms"]);
            let offer = offer.int::<i64>(r, "expiration_time_ms", true)?;
            Some(TemplateComponent::LimitedTimeOffer(LimitedTimeOffer { expiration_time_ms: offer }))
        }
        "carousel" => {
            let cards = c
                .objects(r, "cards", true)?
                .iter()
                .filter_map(|card| {
                    card.only(r, &["card_index", "components"]);
                    let card_index = card.int::<u32>(r, "card_index", true);
                    let components = card
                        .objects(r, "components", true)
                        .map(|list| list.iter().filter_map(|c| component(c, r, aliases)).collect());
                    Some(TemplateCard { card_index: card_index?, components: components? })
                })
                .collect();
            Some(TemplateComponent::Carousel(TemplateCarousel { cards }))
        }
        // 1MSG's sendTemplate lists footer among its parameter sections, but a WhatsApp
        // template's footer is fixed text with no variables (Meta's template components take
        // none): WhatsApp would refuse the message, so it is refused here, saying why.
        "footer" => {
            c.invalid(
                r,
                "type",
                "a template's footer has no variables (WhatsApp's footers are fixed text): leave it out".into(),
            );
            None
        }
        other => {
            c.invalid(r, "type", format!("unknown template component type {other:?}; expected header, body, button, limited_time_offer or carousel"));
            None
        }
    }
}

fn parameter(p: &Obj<'_>, r: &mut Report) -> Option<TemplateParameter> {
    let parameter_name = p.str(r, "parameter_name");
    let kind = p.req_str(r, "type")?;
    // Text, currency and date_time parameters may be named; media and locations may not.
    let own: &str = &kind;
    match kind.as_str() {
        "text" | "currency" | "date_time" => p.only(r, &["type", own, "parameter_name"]),
        "image" | "video" | "document" | "location" => p.only(r, &["type", own]),
        _ => {} // an unknown type is reported below
    }
    match kind.as_str() {
        "text" => p.req_str(r, "text").map(|text| TemplateParameter::Text(TextParameter { text, parameter_name })),
        "currency" => p.req_obj(r, "currency").and_then(|c| {
            c.only(r, &["fallback_value", "code", "amount_1000"]);
            let fallback_value = c.req_str(r, "fallback_value");
            let code = c.req_str(r, "code");
            let amount = c.int::<i64>(r, "amount_1000", true);
            Some(TemplateParameter::Currency(CurrencyParameter {
                fallback_value: fallback_value?,
                code: code?,
                amount1000: amount?,
                parameter_name,
            }))
        }),
        "date_time" => p.req_obj(r, "date_time").and_then(|d| {
            d.only(
                r,
                &["fallback_value", "day_of_week", "year", "month", "day_of_month", "hour", "minute", "calendar"],
            );
            Some(TemplateParameter::DateTime(DateTimeParameter {
                fallback_value: d.req_str(r, "fallback_value")?,
                day_of_week: d.int(r, "day_of_week", false),
                year: d.int(r, "year", false),
                month: d.int(r, "month", false),
                day_of_month: d.int(r, "day_of_month", false),
                hour: d.int(r, "hour", false),
                minute: d.int(r, "minute", false),
                calendar: d.str(r, "calendar"),
                parameter_name,
            }))
        }),
        "image" => p.req_obj(r, "image").map(|m| TemplateParameter::Image(wire_media(&m, r))),
        "video" => p.req_obj(r, "video").map(|m| TemplateParameter::Video(wire_media(&m, r))),
        "document" => p.req_obj(r, "document").map(|m| TemplateParameter::Document(wire_media(&m, r))),
        "location" => p.req_obj(r, "location").and_then(|l| wire_location(&l, r)).map(TemplateParameter::Location),
        "product" => p.req_obj(r, "product").and_then(|product| {
            product.only(r, &["product_retailer_id", "catalog_id"]);
            let product_retailer_id = product.req_str(r, "product_retailer_id");
            let catalog_id = product.req_str(r, "catalog_id");
            Some(TemplateParameter::Product(crate::message::ProductParameter {
                catalog_id: catalog_id?,
                product_retailer_id: product_retailer_id?,
            }))
        }),
        other => {
            p.invalid(r, "type", format!("unknown parameter type {other:?}; expected text, currency, date_time, image, video, document, location or product"));
            None
        }
    }
}

fn button_parameter(p: &Obj<'_>, r: &mut Report) -> Option<ButtonParameter> {
    let kind = p.req_str(r, "type")?;
    if ["payload", "text", "coupon_code", "action"].contains(&kind.as_str()) {
        p.only(r, &["type", &kind]);
    }
    match kind.as_str() {
        "payload" => p.req_str(r, "payload").map(|payload| ButtonParameter::Payload(PayloadParameter { payload })),
        "text" => p.req_str(r, "text").map(|text| ButtonParameter::Text(ButtonText { text })),
        "coupon_code" => {
            p.req_str(r, "coupon_code").map(|coupon_code| ButtonParameter::CouponCode(CouponCode { coupon_code }))
        }
        "action" => p.req_obj(r, "action").map(|a| {
            a.only(r, &["flow_token", "flow_action_data", "thumbnail_product_retailer_id", "sections"]);
            let sections = a.objects(r, "sections", false).map(|s| product_sections(&s, r));
            ButtonParameter::Action(ActionParameter {
                action: ButtonAction {
                    flow_token: a.str(r, "flow_token"),
                    flow_action_data: a.map(r, "flow_action_data"),
                    thumbnail_product_retailer_id: a.str(r, "thumbnail_product_retailer_id"),
                    sections,
                },
            })
        }),
        other => {
            p.invalid(
                r,
                "type",
                format!("unknown button parameter type {other:?}; expected payload, text, coupon_code or action"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::error::BodyError;
    use crate::provider::meta::parse_request;
    use crate::validate::ViolationCode;
    use serde_json::json;

    #[test]
    fn every_structural_error_is_reported_at_once() {
        let body = json!({
            "messaging_product": "sms",
            "to": 16505551234u64,
            "type": "text",
            "text": {"body": 7, "preview_url": "yes"},
            "context": {}
        });
        let Err(BodyError::Invalid(violations)) = parse_request(&body.to_string(), None) else {
            panic!("must be invalid")
        };
        let found: Vec<_> = violations.iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(
            found,
            [
                ("/messaging_product", ViolationCode::InvalidValue),
                ("/to", ViolationCode::InvalidValue),
                ("/context/message_id", ViolationCode::Required),
                ("/text/body", ViolationCode::InvalidValue),
                ("/text/preview_url", ViolationCode::InvalidValue),
            ]
        );
    }

    #[test]
    fn fields_of_another_message_type_are_refused_not_dropped() {
        let body = json!({
            "messaging_product": "whatsapp",
            "to": "16505551234",
            "type": "interactive",
            "interactive": {"type": "button", "body": {"text": "b"}, "action": {"buttons": [{"type": "reply", "reply": {"id": "a", "title": "A"}}], "button": "x"}},
            "image": {"id": "1"}
        });
        let Err(BodyError::Invalid(violations)) = parse_request(&body.to_string(), None) else {
            panic!("must be invalid")
        };
        let found: Vec<_> = violations.iter().map(|v| (v.path.as_str(), v.code)).collect();
        // Reported in key order (serde_json's maps are sorted).
        assert_eq!(
            found,
            [("/image", ViolationCode::UnknownField), ("/interactive/action/button", ViolationCode::UnknownField)]
        );
    }

    #[test]
    fn contacts_read_alike_in_both_spellings_and_unknown_fields_are_refused_in_each() {
        use crate::message::{Content, Message, Request};
        let card = |name: &str, country: &str, wa: &str, extra: bool| {
            let mut name_obj = json!({name: "Ana Diaz", "suffix": "Jr"});
            if extra {
                name_obj["nickname"] = json!("Ani");
            }
            json!({"name": name_obj, "addresses": [{"city": "Lima", country: "PE"}], "phones": [{"phone": "+51 1", wa: "511"}]})
        };
        let neutral = json!({"to": "16505551234", "content": {"type": "contacts", "contacts": [card("formattedName", "countryCode", "waId", false)]}});
        let meta = json!({"messaging_product": "whatsapp", "to": "16505551234", "type": "contacts", "contacts": [card("formatted_name", "country_code", "wa_id", false)]});
        let from_neutral = Message::from_json(&neutral.to_string()).unwrap();
        let Ok(Request::Message(from_meta)) = parse_request(&meta.to_string(), None) else { panic!("must read") };
        let Content::Contacts(contacts) = &from_meta.content else { panic!("{from_meta:?}") };
        let contact = &contacts.contacts[0];
        assert_eq!(contact.name.formatted_name, "Ana Diaz");
        assert_eq!(contact.addresses[0].country_code.as_deref(), Some("PE"));
        assert_eq!(contact.phones[0].wa_id.as_deref(), Some("511"));
        assert_eq!(from_neutral.content, from_meta.content);

        let neutral = json!({"to": "16505551234", "content": {"type": "contacts", "contacts": [card("formattedName", "countryCode", "waId", true)]}});
        let violations = Message::from_json(&neutral.to_string()).unwrap_err();
        assert_eq!(violations[0].path, "/content/contacts/0/name/nickname");
        assert_eq!(violations[0].code, ViolationCode::UnknownField);
        let meta = json!({"messaging_product": "whatsapp", "to": "16505551234", "type": "contacts", "contacts": [card("formatted_name", "country_code", "wa_id", true)]});
        let Err(BodyError::Invalid(violations)) = parse_request(&meta.to_string(), None) else {
            panic!("must be invalid")
        };
        assert_eq!(violations[0].path, "/contacts/0/name/nickname");
        assert_eq!(violations[0].code, ViolationCode::UnknownField);
    }
}
