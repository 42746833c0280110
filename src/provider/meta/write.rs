//! The neutral model written as Meta's JSON, field for field, straight from the model (no
//! copy into wire structs). Reading Meta bodies back is `read.rs`.
//! https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
//!
//! Objects whose shape several message types share (interactive actions, template
//! parameters) are written by one function each, as Meta's reference describes them.

use crate::json::JsonWriter;
use crate::message::read::Spelling;
use crate::message::write::{button_parameter, contact, location, media};
use crate::message::*;

/// The body of `POST …/messages` for a valid message.
pub fn message(message: &Message) -> String {
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        w.str("messaging_product", "whatsapp");
        if let Some(recipient_type) = message.recipient_type {
            w.str("recipient_type", recipient_type_name(recipient_type));
        }
        // A phone number goes to Meta as its digits (issue 12's normal form), however it was
        // written; a business-scoped user id as `recipient` (Meta's field for BSUIDs).
        match message.phone_digits() {
            Some(digits) => w.str("to", &digits),
            None if message.recipient_kind() == RecipientKind::UserId => w.str("recipient", &message.to),
            None => w.str("to", &message.to),
        }
        if let Some(id) = &message.reply_to {
            w.obj("context", |w| w.str("message_id", id));
        }
        w.opt_str("biz_opaque_callback_data", message.callback_data.as_deref());
        let kind = wire_type(&message.content);
        w.str("type", kind);
        // Template buttons as Meta's reference writes them (a string index, a lower-case sub_type).
        let buttons = &mut std::iter::empty();
        match &message.content {
            Content::Text(text) => w.obj("text", |w| {
                w.str("body", &text.body);
                w.opt_bool("preview_url", text.preview_url);
            }),
            Content::Location(l) => w.obj("location", |w| location(w, l)),
            Content::Contacts(c) => w.arr("contacts", &c.contacts, |w, c| contact(w, c, Spelling::SnakeCase)),
            Content::Reaction(r) => w.obj("reaction", |w| {
                w.str("message_id", &r.message_id);
                w.str("emoji", &r.emoji);
            }),
            Content::Template(t) => w.obj("template", |w| template(w, t, buttons)),
            content => match content.media() {
                Some((_, m)) => w.obj(kind, |w| media(w, m)),
                None => w.obj("interactive", |w| interactive(w, content)),
            },
        }
    });
    w.finish()
}

/// The body that marks a message as read (the same endpoint).
pub fn mark_read(read: &MarkRead) -> String {
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        w.str("messaging_product", "whatsapp");
        w.str("status", "read");
        w.str("message_id", &read.message_id);
        if read.typing_indicator {
            w.obj("typing_indicator", |w| w.str("type", "text"));
        }
    });
    w.finish()
}

fn recipient_type_name(recipient_type: RecipientType) -> &'static str {
    match recipient_type {
        RecipientType::Individual => "individual",
        RecipientType::Group => "group",
    }
}

/// Meta's `type` of a message.
fn wire_type(content: &Content) -> &'static str {
    match content {
        Content::Text(_) => "text",
        Content::Image(_) => "image",
        Content::Video(_) => "video",
        Content::Audio(_) => "audio",
        Content::Document(_) => "document",
        Content::Sticker(_) => "sticker",
        Content::Location(_) => "location",
        Content::Contacts(_) => "contacts",
        Content::Reaction(_) => "reaction",
        Content::Template(_) => "template",
        _ => "interactive",
    }
}

/// An interactive message's header (1MSG's sendButton and sendCtaUrl take the same object).
pub(crate) fn header(w: &mut JsonWriter, header: &Header) {
    w.obj("header", |w| match header {
        Header::Text(HeaderText { text }) => {
            w.str("type", "text");
            w.str("text", text);
        }
        Header::Image(m) => typed_media(w, "image", m),
        Header::Video(m) => typed_media(w, "video", m),
        Header::Document(m) => typed_media(w, "document", m),
    });
}

/// `"type": kind, kind: {media}`: a header's or a template parameter's media.
fn typed_media(w: &mut JsonWriter, kind: &str, m: &Media) {
    w.str("type", kind);
    w.obj(kind, |w| media(w, m));
}

/// `{"text": …}` under `key`: an interactive body or footer.
fn text_object(w: &mut JsonWriter, key: &str, text: Option<&str>) {
    if let Some(text) = text {
        w.obj(key, |w| w.str("text", text));
    }
}

/// Header, body and footer, which most interactive types share.
fn frame(w: &mut JsonWriter, head: Option<&Header>, body: Option<&str>, footer: Option<&str>) {
    if let Some(h) = head {
        header(w, h);
    }
    text_object(w, "body", body);
    text_object(w, "footer", footer);
}

fn reply_button(w: &mut JsonWriter, kind: &str, b: &ReplyButton) {
    w.item_obj(|w| {
        w.str("type", kind);
        w.obj(kind, |w| {
            w.str("id", &b.id);
            w.str("title", &b.title);
        });
    });
}

pub(crate) fn product_section(w: &mut JsonWriter, section: &ProductSection) {
    w.item_obj(|w| {
        w.opt_str("title", section.title.as_deref());
        w.arr("product_items", &section.product_retailer_ids, |w, id| w.item_obj(|w| w.str("product_retailer_id", id)));
    });
}

fn cta_parameters(w: &mut JsonWriter, display_text: &str, url: &str) {
    w.obj("parameters", |w| {
        w.str("display_text", display_text);
        w.str("url", url);
    });
}

fn interactive(w: &mut JsonWriter, content: &Content) {
    match content {
        Content::LocationRequest(c) => {
            w.str("type", "location_request_message");
            frame(w, None, Some(&c.body), None);
            w.obj("action", |w| w.str("name", "send_location"));
        }
        Content::AddressRequest(c) => {
            w.str("type", "address_message");
            frame(w, c.header.as_ref(), Some(&c.body), c.footer.as_deref());
            w.obj("action", |w| {
                w.str("name", "address_message");
                w.obj("parameters", |w| {
                    w.str("country", &c.country);
                    crate::message::write::address_parameters(w, c, Spelling::SnakeCase);
                });
            });
        }
        Content::ReplyButtons(c) => {
            w.str("type", "button");
            frame(w, c.header.as_ref(), Some(&c.body), c.footer.as_deref());
            w.obj("action", |w| w.arr("buttons", &c.buttons, |w, b| reply_button(w, "reply", b)));
        }
        Content::List(c) => {
            w.str("type", "list");
            frame(w, c.header.as_ref(), Some(&c.body), c.footer.as_deref());
            w.obj("action", |w| {
                w.str("button", &c.button);
                w.arr("sections", &c.sections, |w, s| {
                    w.item_obj(|w| {
                        w.opt_str("title", s.title.as_deref());
                        w.arr("rows", &s.rows, |w, r| {
                            w.item_obj(|w| {
                                w.str("id", &r.id);
                                w.str("title", &r.title);
                                w.opt_str("description", r.description.as_deref());
                            })
                        });
                    })
                });
            });
        }
        Content::CtaUrl(c) => {
            w.str("type", "cta_url");
            frame(w, c.header.as_ref(), Some(&c.body), c.footer.as_deref());
            w.obj("action", |w| {
                w.str("name", "cta_url");
                cta_parameters(w, &c.display_text, &c.url);
            });
        }
        Content::Product(c) => {
            w.str("type", "product");
            frame(w, None, c.body.as_deref(), c.footer.as_deref());
            w.obj("action", |w| {
                w.str("catalog_id", &c.catalog_id);
                w.str("product_retailer_id", &c.product_retailer_id);
            });
        }
        Content::ProductList(c) => {
            w.str("type", "product_list");
            frame(w, Some(&c.header), Some(&c.body), c.footer.as_deref());
            w.obj("action", |w| {
                w.arr("sections", &c.sections, product_section);
                w.str("catalog_id", &c.catalog_id);
            });
        }
        Content::Catalog(c) => {
            w.str("type", "catalog_message");
            frame(w, None, Some(&c.body), c.footer.as_deref());
            w.obj("action", |w| {
                w.str("name", "catalog_message");
                if let Some(id) = &c.thumbnail_product_retailer_id {
                    w.obj("parameters", |w| w.str("thumbnail_product_retailer_id", id));
                }
            });
        }
        Content::Flow(c) => {
            w.str("type", "flow");
            frame(w, c.header.as_ref(), Some(&c.body), c.footer.as_deref());
            w.obj("action", |w| {
                w.str("name", "flow");
                w.obj("parameters", |w| flow_parameters(w, c));
            });
        }
        Content::Carousel(c) => {
            w.str("type", "carousel");
            frame(w, None, Some(&c.body), None);
            w.obj("action", |w| {
                w.arr("cards", c.cards.iter().enumerate(), |w, (i, card)| {
                    w.item_obj(|w| {
                        w.int("card_index", i as i64);
                        if card.cta_url.is_some() {
                            w.str("type", "cta_url");
                        }
                        header(w, &card.header);
                        text_object(w, "body", card.body.as_deref());
                        w.obj("action", |w| match &card.cta_url {
                            Some(cta) => {
                                w.str("name", "cta_url");
                                cta_parameters(w, &cta.display_text, &cta.url);
                            }
                            None => w.arr("buttons", card.buttons.iter().flatten(), |w, b| {
                                reply_button(w, "quick_reply", b)
                            }),
                        });
                    })
                });
            });
        }
        Content::ProductCarousel(c) => {
            w.str("type", "carousel");
            frame(w, None, Some(&c.body), None);
            w.obj("action", |w| {
                w.arr("cards", c.cards.iter().enumerate(), |w, (i, card)| {
                    w.item_obj(|w| {
                        w.int("card_index", i as i64);
                        w.str("type", "product");
                        w.obj("action", |w| {
                            w.str("product_retailer_id", &card.product_retailer_id);
                            w.str("catalog_id", &card.catalog_id);
                        });
                    })
                });
            });
        }
        // Not interactive: written by `message`.
        _ => {}
    }
}

fn flow_parameters(w: &mut JsonWriter, c: &Flow) {
    // Required by Meta; the model's default.
    w.str("flow_message_version", c.flow_message_version.as_deref().unwrap_or("3"));
    w.opt_str("flow_token", c.flow_token.as_deref());
    w.opt_str("flow_id", c.flow_id.as_deref());
    w.opt_str("flow_name", c.flow_name.as_deref());
    w.str("flow_cta", &c.flow_cta);
    if let Some(mode) = c.mode {
        w.str("mode", mode.name());
    }
    if let Some(action) = c.flow_action {
        w.str("flow_action", action.name());
    }
    if let Some(payload) = &c.flow_action_payload {
        w.obj("flow_action_payload", |w| {
            w.opt_str("screen", payload.screen.as_deref());
            if let Some(data) = &payload.data {
                w.map("data", data);
            }
        });
    }
}

/// Buttons' spellings, consumed in document order by the components that are buttons.
/// How to write a template button component's `index` and `sub_type`: as Meta's reference
/// does (the default), or as a dialect that passes it on does (1MSG's, `onemsg::template`).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ButtonSpelling {
    /// `0` rather than `"0"` (Meta's reference types it as a string; its examples send numbers).
    pub index_as_number: bool,
    /// `"CATALOG"` rather than `"catalog"` (Meta's examples do).
    pub sub_type_upper_case: bool,
}

pub(crate) type Buttons<'a> = dyn Iterator<Item = ButtonSpelling> + 'a;

fn template(w: &mut JsonWriter, t: &Template, buttons: &mut Buttons<'_>) {
    // Given: a template Meta is sent lacks no name (`codec::TemplateNaming`).
    w.str("name", t.name.as_deref().unwrap_or_default());
    w.obj("language", |w| {
        w.str("code", &t.language.code);
        w.opt_str("policy", t.language.policy.as_deref());
    });
    if let Some(components) = &t.components {
        template_components(w, "components", components, buttons);
    }
}

/// `"key": [components]` as the Cloud API takes them (1MSG's sendTemplate forwards its
/// `params` to it as they are), buttons spelled as `buttons` says in document order.
pub(crate) fn template_components(
    w: &mut JsonWriter,
    key: &str,
    components: &[TemplateComponent],
    buttons: &mut Buttons<'_>,
) {
    w.arr(key, components, |w, c| component(w, c, buttons));
}

fn component(w: &mut JsonWriter, c: &TemplateComponent, buttons: &mut Buttons<'_>) {
    w.item_obj(|w| match c {
        TemplateComponent::Header(c) => with_parameters(w, "header", &c.parameters),
        TemplateComponent::Body(c) => with_parameters(w, "body", &c.parameters),
        TemplateComponent::Button(b) => {
            let spelling = buttons.next().unwrap_or_default();
            w.str("type", "button");
            let sub_type = b.sub_type.as_str();
            if spelling.sub_type_upper_case {
                w.str("sub_type", &sub_type.to_ascii_uppercase());
            } else {
                w.str("sub_type", sub_type);
            }
            // Meta's reference types the index as a string; its examples also send numbers.
            if spelling.index_as_number {
                w.int("index", i64::from(b.index));
            } else {
                w.str("index", &b.index.to_string());
            }
            if !b.parameters.is_empty() {
                w.arr("parameters", &b.parameters, |w, p| button_parameter(w, p, Spelling::SnakeCase, product_section));
            }
        }
        TemplateComponent::LimitedTimeOffer(offer) => {
            w.str("type", "limited_time_offer");
            w.arr("parameters", [offer], |w, offer| {
                w.item_obj(|w| {
                    w.str("type", "limited_time_offer");
                    w.obj("limited_time_offer", |w| w.int("expiration_time_ms", offer.expiration_time_ms));
                })
            });
        }
        TemplateComponent::Carousel(carousel) => {
            w.str("type", "carousel");
            w.arr("cards", &carousel.cards, |w, card| {
                w.item_obj(|w| {
                    w.int("card_index", i64::from(card.card_index));
                    w.arr("components", &card.components, |w, c| component(w, c, buttons));
                })
            });
        }
    });
}

fn with_parameters(w: &mut JsonWriter, kind: &str, parameters: &[TemplateParameter]) {
    w.str("type", kind);
    if !parameters.is_empty() {
        w.arr("parameters", parameters, parameter);
    }
}

fn parameter(w: &mut JsonWriter, p: &TemplateParameter) {
    w.item_obj(|w| match p {
        TemplateParameter::Text(t) => {
            w.str("type", "text");
            w.str("text", &t.text);
            w.opt_str("parameter_name", t.parameter_name.as_deref());
        }
        TemplateParameter::Currency(c) => {
            w.str("type", "currency");
            w.obj("currency", |w| {
                w.str("fallback_value", &c.fallback_value);
                w.str("code", &c.code);
                w.int("amount_1000", c.amount1000);
            });
            w.opt_str("parameter_name", c.parameter_name.as_deref());
        }
        TemplateParameter::DateTime(d) => {
            w.str("type", "date_time");
            w.obj("date_time", |w| {
                w.str("fallback_value", &d.fallback_value);
                w.opt_int("day_of_week", d.day_of_week);
                w.opt_int("year", d.year);
                w.opt_int("month", d.month);
                w.opt_int("day_of_month", d.day_of_month);
                w.opt_int("hour", d.hour);
                w.opt_int("minute", d.minute);
                w.opt_str("calendar", d.calendar.as_deref());
            });
            w.opt_str("parameter_name", d.parameter_name.as_deref());
        }
        TemplateParameter::Image(m) => typed_media(w, "image", m),
        TemplateParameter::Video(m) => typed_media(w, "video", m),
        TemplateParameter::Document(m) => typed_media(w, "document", m),
        TemplateParameter::Location(l) => {
            w.str("type", "location");
            w.obj("location", |w| location(w, l));
        }
        TemplateParameter::Product(p) => {
            w.str("type", "product");
            w.obj("product", |w| {
                w.str("product_retailer_id", &p.product_retailer_id);
                w.str("catalog_id", &p.catalog_id);
            });
        }
    });
}
