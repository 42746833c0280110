//! The neutral model written as neutral JSON (camelCase, `type`-tagged contents, absent
//! options left out): exactly what the model's serde `Serialize` derive writes (a test holds
//! them equal), without a serializer per type in the wasm. `convert … --to neutral` and
//! `fromProvider` go through here.

use super::read::Spelling;
use super::*;
use crate::json::JsonWriter;

impl Message {
    /// The message as neutral JSON.
    pub fn to_json(&self) -> String {
        let mut w = JsonWriter::new();
        w.item_obj(|w| message(w, self));
        w.finish()
    }
}

impl Request {
    /// The request as neutral JSON: a message, or `{"markRead": {…}}`.
    pub fn to_json(&self) -> String {
        match self {
            Request::Message(m) => m.to_json(),
            Request::MarkRead(read) => {
                let mut w = JsonWriter::new();
                w.item_obj(|w| {
                    w.obj("markRead", |w| {
                        w.str("messageId", &read.message_id);
                        if read.typing_indicator {
                            w.bool("typingIndicator", true);
                        }
                    })
                });
                w.finish()
            }
        }
    }
}

fn message(w: &mut JsonWriter, m: &Message) {
    w.str("to", &m.to);
    if let Some(recipient_type) = m.recipient_type {
        w.str("recipientType", if recipient_type == RecipientType::Group { "group" } else { "individual" });
    }
    w.opt_str("replyTo", m.reply_to.as_deref());
    w.opt_str("callbackData", m.callback_data.as_deref());
    w.obj("content", |w| content(w, &m.content));
}

pub(crate) fn content(w: &mut JsonWriter, c: &Content) {
    w.str("type", c.kind());
    match c {
        Content::Text(t) => {
            w.str("body", &t.body);
            w.opt_bool("previewUrl", t.preview_url);
        }
        Content::Image(m) | Content::Video(m) | Content::Audio(m) | Content::Document(m) | Content::Sticker(m) => {
            media(w, m);
            // The neutral model's own field: Meta's wire has no MIME type.
            w.opt_str("mimeType", m.mime_type.as_deref());
        }
        Content::Location(l) => location(w, l),
        Content::LocationRequest(l) => w.str("body", &l.body),
        Content::AddressRequest(a) => {
            frame(w, a.header.as_ref(), &a.body, a.footer.as_deref());
            w.str("country", &a.country);
            address_parameters(w, a, Spelling::Neutral);
        }
        Content::Contacts(c) => w.arr("contacts", &c.contacts, |w, c| contact(w, c, Spelling::Neutral)),
        Content::Reaction(r) => {
            w.str("messageId", &r.message_id);
            w.str("emoji", &r.emoji);
        }
        Content::ReplyButtons(c) => {
            frame(w, c.header.as_ref(), &c.body, c.footer.as_deref());
            w.arr("buttons", &c.buttons, reply_button);
        }
        Content::List(c) => {
            frame(w, c.header.as_ref(), &c.body, c.footer.as_deref());
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
        }
        Content::CtaUrl(c) => {
            frame(w, c.header.as_ref(), &c.body, c.footer.as_deref());
            w.str("displayText", &c.display_text);
            w.str("url", &c.url);
        }
        Content::Product(c) => {
            w.opt_str("body", c.body.as_deref());
            w.opt_str("footer", c.footer.as_deref());
            w.str("catalogId", &c.catalog_id);
            w.str("productRetailerId", &c.product_retailer_id);
        }
        Content::ProductList(c) => {
            frame(w, Some(&c.header), &c.body, c.footer.as_deref());
            w.str("catalogId", &c.catalog_id);
            w.arr("sections", &c.sections, product_section);
        }
        Content::Catalog(c) => {
            w.str("body", &c.body);
            w.opt_str("footer", c.footer.as_deref());
            w.opt_str("thumbnailProductRetailerId", c.thumbnail_product_retailer_id.as_deref());
        }
        Content::Flow(c) => flow(w, c),
        Content::Carousel(c) => {
            w.str("body", &c.body);
            w.arr("cards", &c.cards, |w, card| {
                w.item_obj(|w| {
                    w.obj("header", |w| header(w, &card.header));
                    w.opt_str("body", card.body.as_deref());
                    if let Some(buttons) = &card.buttons {
                        w.arr("buttons", buttons, reply_button);
                    }
                    if let Some(cta) = &card.cta_url {
                        w.obj("ctaUrl", |w| {
                            w.str("displayText", &cta.display_text);
                            w.str("url", &cta.url);
                        });
                    }
                })
            });
        }
        Content::ProductCarousel(c) => {
            w.str("body", &c.body);
            w.arr("cards", &c.cards, |w, card| {
                w.item_obj(|w| {
                    w.str("catalogId", &card.catalog_id);
                    w.str("productRetailerId", &card.product_retailer_id);
                })
            });
        }
        Content::Template(t) => template(w, t),
    }
}

/// A media object: the same field names in the model and on Meta's wire.
pub(crate) fn media(w: &mut JsonWriter, m: &Media) {
    w.opt_str("id", m.id.as_deref());
    w.opt_str("link", m.link.as_deref());
    w.opt_str("caption", m.caption.as_deref());
    w.opt_str("filename", m.filename.as_deref());
    w.opt_bool("voice", m.voice);
}

/// A location: the same field names in the model and on Meta's wire.
pub(crate) fn location(w: &mut JsonWriter, l: &Location) {
    w.float("latitude", l.latitude);
    w.float("longitude", l.longitude);
    w.opt_str("name", l.name.as_deref());
    w.opt_str("address", l.address.as_deref());
}

fn header(w: &mut JsonWriter, h: &Header) {
    match h {
        Header::Text(t) => {
            w.str("type", "text");
            w.str("text", &t.text);
        }
        Header::Image(m) => typed_media(w, "image", m),
        Header::Video(m) => typed_media(w, "video", m),
        Header::Document(m) => typed_media(w, "document", m),
    }
}

/// An address request's optional parameters: the same objects in the model and on the wire
/// (Meta's action parameters, 1MSG's body), spelt as `spelling` spells them.
pub(crate) fn address_parameters(w: &mut JsonWriter, a: &AddressRequest, spelling: Spelling) {
    if let Some(values) = &a.values {
        w.map("values", values);
    }
    if let Some(saved) = &a.saved_addresses {
        w.arr(spelling.key("savedAddresses", "saved_addresses"), saved, |w, m| w.item_map(m));
    }
    if let Some(errors) = &a.validation_errors {
        w.map(spelling.key("validationErrors", "validation_errors"), errors);
    }
}

/// A media header (of interactive contents and carousel cards), its MIME type included.
fn typed_media(w: &mut JsonWriter, kind: &str, m: &Media) {
    w.str("type", kind);
    media(w, m);
    w.opt_str("mimeType", m.mime_type.as_deref());
}

/// Header, body and footer, which most interactive contents share.
fn frame(w: &mut JsonWriter, head: Option<&Header>, body: &str, footer: Option<&str>) {
    if let Some(h) = head {
        w.obj("header", |w| header(w, h));
    }
    w.str("body", body);
    w.opt_str("footer", footer);
}

fn reply_button(w: &mut JsonWriter, b: &ReplyButton) {
    w.item_obj(|w| {
        w.str("id", &b.id);
        w.str("title", &b.title);
    });
}

fn product_section(w: &mut JsonWriter, s: &ProductSection) {
    w.item_obj(|w| {
        w.opt_str("title", s.title.as_deref());
        w.arr("productRetailerIds", &s.product_retailer_ids, |w, id| w.item_str(id));
    });
}

/// A contact card: the same structure in the model and on Meta's wire, spelled differently
/// (the reader's counterpart is `read::contact`).
pub(crate) fn contact(w: &mut JsonWriter, c: &Contact, spelling: Spelling) {
    let key = |neutral, snake_case| spelling.key(neutral, snake_case);
    w.item_obj(|w| {
        let n = &c.name;
        w.obj("name", |w| {
            w.str(key("formattedName", "formatted_name"), &n.formatted_name);
            w.opt_str(key("firstName", "first_name"), n.first_name.as_deref());
            w.opt_str(key("lastName", "last_name"), n.last_name.as_deref());
            w.opt_str(key("middleName", "middle_name"), n.middle_name.as_deref());
            w.opt_str("suffix", n.suffix.as_deref());
            w.opt_str("prefix", n.prefix.as_deref());
        });
        let typed = |w: &mut JsonWriter, field: &str, value: Option<&str>, kind: Option<&str>| {
            w.item_obj(|w| {
                w.opt_str(field, value);
                w.opt_str("type", kind);
            })
        };
        if !c.addresses.is_empty() {
            w.arr("addresses", &c.addresses, |w, a| {
                w.item_obj(|w| {
                    w.opt_str("street", a.street.as_deref());
                    w.opt_str("city", a.city.as_deref());
                    w.opt_str("state", a.state.as_deref());
                    w.opt_str("zip", a.zip.as_deref());
                    w.opt_str("country", a.country.as_deref());
                    w.opt_str(key("countryCode", "country_code"), a.country_code.as_deref());
                    w.opt_str("type", a.r#type.as_deref());
                })
            });
        }
        w.opt_str("birthday", c.birthday.as_deref());
        if !c.emails.is_empty() {
            w.arr("emails", &c.emails, |w, e| typed(w, "email", e.email.as_deref(), e.r#type.as_deref()));
        }
        if let Some(o) = &c.org {
            w.obj("org", |w| {
                w.opt_str("company", o.company.as_deref());
                w.opt_str("department", o.department.as_deref());
                w.opt_str("title", o.title.as_deref());
            });
        }
        if !c.phones.is_empty() {
            w.arr("phones", &c.phones, |w, p| {
                w.item_obj(|w| {
                    w.opt_str("phone", p.phone.as_deref());
                    w.opt_str("type", p.r#type.as_deref());
                    w.opt_str(key("waId", "wa_id"), p.wa_id.as_deref());
                })
            });
        }
        if !c.urls.is_empty() {
            w.arr("urls", &c.urls, |w, u| typed(w, "url", u.url.as_deref(), u.r#type.as_deref()));
        }
    });
}

fn flow(w: &mut JsonWriter, c: &Flow) {
    if let Some(h) = &c.header {
        w.obj("header", |w| header(w, h));
    }
    flow_fields(w, c);
}

/// A flow's fields but its header, in the model's spelling, which 1MSG's sendFlow shares.
pub(crate) fn flow_fields(w: &mut JsonWriter, c: &Flow) {
    w.str("body", &c.body);
    w.opt_str("footer", c.footer.as_deref());
    w.opt_str("flowId", c.flow_id.as_deref());
    w.opt_str("flowName", c.flow_name.as_deref());
    w.str("flowCta", &c.flow_cta);
    w.opt_str("mode", c.mode.map(FlowMode::name));
    w.opt_str("flowToken", c.flow_token.as_deref());
    w.opt_str("flowAction", c.flow_action.map(FlowAction::name));
    if let Some(payload) = &c.flow_action_payload {
        w.obj("flowActionPayload", |w| {
            w.opt_str("screen", payload.screen.as_deref());
            if let Some(data) = &payload.data {
                w.map("data", data);
            }
        });
    }
    w.opt_str("flowMessageVersion", c.flow_message_version.as_deref());
}

fn template(w: &mut JsonWriter, t: &Template) {
    w.opt_str("name", t.name.as_deref());
    w.obj("language", |w| {
        w.str("code", &t.language.code);
        w.opt_str("policy", t.language.policy.as_deref());
    });
    w.opt_str("namespace", t.namespace.as_deref());
    w.opt_str("projectId", t.project_id.as_deref());
    w.opt_str("projectVersion", t.project_version.as_deref());
    if let Some(components) = &t.components {
        w.arr("components", components, component);
    }
}

fn component(w: &mut JsonWriter, c: &TemplateComponent) {
    w.item_obj(|w| match c {
        TemplateComponent::Header(p) => parameters(w, "header", &p.parameters),
        TemplateComponent::Body(p) => parameters(w, "body", &p.parameters),
        TemplateComponent::Button(b) => {
            w.str("type", "button");
            w.str("subType", b.sub_type.as_str());
            w.int("index", i64::from(b.index));
            if !b.parameters.is_empty() {
                w.arr("parameters", &b.parameters, |w, p| button_parameter(w, p, Spelling::Neutral, product_section));
            }
        }
        TemplateComponent::LimitedTimeOffer(o) => {
            w.str("type", "limitedTimeOffer");
            w.int("expirationTimeMs", o.expiration_time_ms);
        }
        TemplateComponent::Carousel(carousel) => {
            w.str("type", "carousel");
            w.arr("cards", &carousel.cards, |w, card| {
                w.item_obj(|w| {
                    w.int("cardIndex", i64::from(card.card_index));
                    w.arr("components", &card.components, component);
                })
            });
        }
    });
}

fn parameters(w: &mut JsonWriter, kind: &str, list: &[TemplateParameter]) {
    w.str("type", kind);
    if !list.is_empty() {
        w.arr("parameters", list, parameter);
    }
}

fn parameter(w: &mut JsonWriter, p: &TemplateParameter) {
    w.item_obj(|w| match p {
        TemplateParameter::Text(t) => {
            w.str("type", "text");
            w.str("text", &t.text);
            w.opt_str("parameterName", t.parameter_name.as_deref());
        }
        TemplateParameter::Currency(c) => {
            w.str("type", "currency");
            w.str("fallbackValue", &c.fallback_value);
            w.str("code", &c.code);
            w.int("amount1000", c.amount1000);
            w.opt_str("parameterName", c.parameter_name.as_deref());
        }
        TemplateParameter::DateTime(d) => {
            w.str("type", "dateTime");
            w.str("fallbackValue", &d.fallback_value);
            w.opt_int("dayOfWeek", d.day_of_week);
            w.opt_int("year", d.year);
            w.opt_int("month", d.month);
            w.opt_int("dayOfMonth", d.day_of_month);
            w.opt_int("hour", d.hour);
            w.opt_int("minute", d.minute);
            w.opt_str("calendar", d.calendar.as_deref());
            w.opt_str("parameterName", d.parameter_name.as_deref());
        }
        TemplateParameter::Image(m) => typed_media(w, "image", m),
        TemplateParameter::Video(m) => typed_media(w, "video", m),
        TemplateParameter::Document(m) => typed_media(w, "document", m),
        TemplateParameter::Location(l) => {
            w.str("type", "location");
            location(w, l);
        }
        TemplateParameter::Product(p) => {
            w.str("type", "product");
            w.str("catalogId", &p.catalog_id);
            w.str("productRetailerId", &p.product_retailer_id);
        }
    });
}

/// A template button's parameter: the same structure in the model and on Meta's wire, spelled
/// differently; `section` writes a product section (Meta nests its items in objects).
pub(crate) fn button_parameter(
    w: &mut JsonWriter,
    p: &ButtonParameter,
    spelling: Spelling,
    section: fn(&mut JsonWriter, &ProductSection),
) {
    let key = |neutral, snake_case| spelling.key(neutral, snake_case);
    w.item_obj(|w| match p {
        ButtonParameter::Payload(p) => {
            w.str("type", "payload");
            w.str("payload", &p.payload);
        }
        ButtonParameter::Text(t) => {
            w.str("type", "text");
            w.str("text", &t.text);
        }
        ButtonParameter::CouponCode(c) => {
            w.str("type", key("couponCode", "coupon_code"));
            w.str(key("couponCode", "coupon_code"), &c.coupon_code);
        }
        ButtonParameter::Action(ActionParameter { action }) => {
            w.str("type", "action");
            w.obj("action", |w| {
                w.opt_str(key("flowToken", "flow_token"), action.flow_token.as_deref());
                if let Some(data) = &action.flow_action_data {
                    w.map(key("flowActionData", "flow_action_data"), data);
                }
                let thumbnail = action.thumbnail_product_retailer_id.as_deref();
                w.opt_str(key("thumbnailProductRetailerId", "thumbnail_product_retailer_id"), thumbnail);
                if let Some(sections) = &action.sections {
                    w.arr("sections", sections, section);
                }
            });
        }
    });
}
