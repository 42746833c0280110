//! Reading the neutral model from JSON, field by field: every missing field and wrong type
//! is reported at its pointer, all at once (serde's derive stops at the first), and no
//! derived deserializer per type is compiled into the wasm. Every object lists the fields it
//! knows (`Obj::only`): any other field is reported rather than dropped.

use super::*;
use crate::validate::{Json, Obj, Report};

pub(crate) fn message(m: &Obj<'_>, r: &mut Report) -> Option<Message> {
    m.only(r, &["to", "recipientType", "replyTo", "callbackData", "content"]);
    let to = m.req_str(r, "to");
    let recipient_type = match m.str(r, "recipientType").as_deref() {
        None => None,
        Some("individual") => Some(RecipientType::Individual),
        Some("group") => Some(RecipientType::Group),
        Some(other) => {
            m.invalid(r, "recipientType", format!("recipientType is \"individual\" or \"group\" (got {other:?})"));
            None
        }
    };
    let reply_to = m.str(r, "replyTo");
    let callback_data = m.str(r, "callbackData");
    let content = m.req_obj(r, "content").and_then(|c| content(&c, r));
    Some(Message { to: to?, recipient_type, reply_to, callback_data, content: content? })
}

pub(crate) fn mark_read(m: &Obj<'_>, r: &mut Report) -> Option<MarkRead> {
    m.only(r, &["messageId", "typingIndicator"]);
    let message_id = m.req_str(r, "messageId");
    let typing = m.bool(r, "typingIndicator").unwrap_or(false);
    Some(MarkRead { message_id: message_id?, typing_indicator: typing })
}

/// The tag of a `type`-discriminated object, checked against `tags`.
fn tag(o: &Obj<'_>, r: &mut Report, what: &str, tags: &[&str]) -> Option<String> {
    let tag = o.req_str(r, "type")?;
    if tags.contains(&tag.as_str()) {
        Some(tag)
    } else {
        o.invalid(r, "type", format!("type: unknown {what} type {tag:?}; expected one of {}", tags.join(", ")));
        None
    }
}

fn content(c: &Obj<'_>, r: &mut Report) -> Option<Content> {
    let kind = tag(c, r, "message content", &Content::KINDS)?;
    c.only(r, content_fields(&kind));
    let header = c.obj(r, "header").and_then(|h| header(&h, r));
    let body = || *c;
    Some(match kind.as_str() {
        "text" => {
            let text = c.req_str(r, "body");
            Content::Text(Text { body: text?, preview_url: c.bool(r, "previewUrl") })
        }
        "image" => Content::Image(media(c, r)),
        "video" => Content::Video(media(c, r)),
        "audio" => Content::Audio(media(c, r)),
        "document" => Content::Document(media(c, r)),
        "sticker" => Content::Sticker(media(c, r)),
        "location" => Content::Location(location(c, r)?),
        "locationRequest" => Content::LocationRequest(LocationRequest { body: c.req_str(r, "body")? }),
        "addressRequest" => {
            let (body, footer, country) = (c.req_str(r, "body"), c.str(r, "footer"), c.req_str(r, "country"));
            address_request(c, r, Spelling::Neutral, (header, body, footer), country)?
        }
        "contacts" => Content::Contacts(Contacts {
            contacts: c.objects(r, "contacts", true)?.iter().filter_map(|x| contact(x, r, Spelling::Neutral)).collect(),
        }),
        "reaction" => {
            let message_id = c.req_str(r, "messageId");
            let emoji = c.req_str(r, "emoji");
            Content::Reaction(Reaction { message_id: message_id?, emoji: emoji? })
        }
        "replyButtons" => {
            let text = c.req_str(r, "body");
            let buttons = c.objects(r, "buttons", true).map(|b| reply_buttons(&b, r));
            Content::ReplyButtons(ReplyButtons { header, body: text?, footer: c.str(r, "footer"), buttons: buttons? })
        }
        "list" => {
            let text = c.req_str(r, "body");
            let button = c.req_str(r, "button");
            let sections = c.objects(r, "sections", true).map(|list| {
                list.iter()
                    .map(|s| {
                        s.only(r, &["title", "rows"]);
                        ListSection {
                            title: s.str(r, "title"),
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
                        }
                    })
                    .collect()
            });
            Content::List(List {
                header,
                body: text?,
                footer: c.str(r, "footer"),
                button: button?,
                sections: sections?,
            })
        }
        "ctaUrl" => {
            let text = c.req_str(r, "body");
            let display_text = c.req_str(r, "displayText");
            let url = c.req_str(r, "url");
            Content::CtaUrl(CtaUrl {
                header,
                body: text?,
                footer: c.str(r, "footer"),
                display_text: display_text?,
                url: url?,
            })
        }
        "product" => {
            let catalog_id = c.req_str(r, "catalogId");
            let product_retailer_id = c.req_str(r, "productRetailerId");
            Content::Product(Product {
                body: c.str(r, "body"),
                footer: c.str(r, "footer"),
                catalog_id: catalog_id?,
                product_retailer_id: product_retailer_id?,
            })
        }
        "productList" => {
            if header.is_none() {
                c.require(r, "header");
            }
            let text = c.req_str(r, "body");
            let catalog_id = c.req_str(r, "catalogId");
            let sections = c.objects(r, "sections", true).map(|s| product_sections(&s, r));
            Content::ProductList(ProductList {
                header: header?,
                body: text?,
                footer: c.str(r, "footer"),
                catalog_id: catalog_id?,
                sections: sections?,
            })
        }
        "catalog" => Content::Catalog(Catalog {
            body: c.req_str(r, "body")?,
            footer: c.str(r, "footer"),
            thumbnail_product_retailer_id: c.str(r, "thumbnailProductRetailerId"),
        }),
        "flow" => Content::Flow(flow(&body(), header, r)?),
        "carousel" => {
            let text = c.req_str(r, "body");
            let cards = c
                .objects(r, "cards", true)
                .map(|cards| cards.iter().filter_map(|card| carousel_card(card, r)).collect());
            Content::Carousel(Carousel { body: text?, cards: cards? })
        }
        "productCarousel" => {
            let text = c.req_str(r, "body");
            let cards = c.objects(r, "cards", true).map(|cards| {
                cards
                    .iter()
                    .filter_map(|card| {
                        card.only(r, &["catalogId", "productRetailerId"]);
                        let catalog_id = card.req_str(r, "catalogId");
                        let product_retailer_id = card.req_str(r, "productRetailerId");
                        Some(ProductCard { catalog_id: catalog_id?, product_retailer_id: product_retailer_id? })
                    })
                    .collect()
            });
            Content::ProductCarousel(ProductCarousel { body: text?, cards: cards? })
        }
        _ => Content::Template(template(c, r)?),
    })
}

const MEDIA_FIELDS: &[&str] = &["type", "id", "link", "caption", "filename", "mimeType", "voice"];
const LOCATION_FIELDS: &[&str] = &["type", "latitude", "longitude", "name", "address"];

/// The fields of each content type (its `type` included).
fn content_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "text" => &["type", "body", "previewUrl"],
        "image" | "video" | "audio" | "document" | "sticker" => MEDIA_FIELDS,
        "location" => LOCATION_FIELDS,
        "locationRequest" => &["type", "body"],
        "addressRequest" => {
            &["type", "header", "body", "footer", "country", "values", "savedAddresses", "validationErrors"]
        }
        "contacts" => &["type", "contacts"],
        "reaction" => &["type", "messageId", "emoji"],
        "replyButtons" => &["type", "header", "body", "footer", "buttons"],
        "list" => &["type", "header", "body", "footer", "button", "sections"],
        "ctaUrl" => &["type", "header", "body", "footer", "displayText", "url"],
        "product" => &["type", "body", "footer", "catalogId", "productRetailerId"],
        "productList" => &["type", "header", "body", "footer", "catalogId", "sections"],
        "catalog" => &["type", "body", "footer", "thumbnailProductRetailerId"],
        "flow" => &[
            "type",
            "header",
            "body",
            "footer",
            "flowId",
            "flowName",
            "flowCta",
            "mode",
            "flowToken",
            "flowAction",
            "flowActionPayload",
            "flowMessageVersion",
        ],
        "carousel" | "productCarousel" => &["type", "body", "cards"],
        _ => &["type", "name", "language", "namespace", "projectId", "projectVersion", "components"],
    }
}

/// Media objects have the same field names in the model and on Meta's wire.
pub(crate) fn media(m: &Obj<'_>, r: &mut Report) -> Media {
    Media {
        id: m.str(r, "id"),
        link: m.str(r, "link"),
        caption: m.str(r, "caption"),
        filename: m.str(r, "filename"),
        mime_type: m.str(r, "mimeType"),
        voice: m.bool(r, "voice"),
    }
}

/// Location objects too (coordinates as numbers, or numeric strings as Meta's page types them).
pub(crate) fn location(l: &Obj<'_>, r: &mut Report) -> Option<Location> {
    let latitude = l.number(r, "latitude", true);
    let longitude = l.number(r, "longitude", true);
    Some(Location { latitude: latitude?, longitude: longitude?, name: l.str(r, "name"), address: l.str(r, "address") })
}

fn header(h: &Obj<'_>, r: &mut Report) -> Option<Header> {
    let kind = tag(h, r, "header", &["text", "image", "video", "document"])?;
    h.only(r, if kind == "text" { &["type", "text"] } else { MEDIA_FIELDS });
    Some(match kind.as_str() {
        "text" => Header::Text(HeaderText { text: h.req_str(r, "text")? }),
        "image" => Header::Image(media(h, r)),
        "video" => Header::Video(media(h, r)),
        _ => Header::Document(media(h, r)),
    })
}

/// An address request: its frame (header, body, footer) and country as read where the
/// document has them, and its prefilled values, saved addresses and validation errors from
/// `p` — the same free-form objects in the model and on the wire (Meta's action parameters,
/// 1MSG's body), spelt as `spelling` spells them.
pub(crate) fn address_request(
    p: &Obj<'_>,
    r: &mut Report,
    spelling: Spelling,
    (header, body, footer): (Option<Header>, Option<String>, Option<String>),
    country: Option<String>,
) -> Option<Content> {
    let values = p.map(r, "values");
    let saved_addresses = p.maps(r, spelling.key("savedAddresses", "saved_addresses"));
    let validation_errors = p.map(r, spelling.key("validationErrors", "validation_errors"));
    Some(Content::AddressRequest(AddressRequest {
        header,
        body: body?,
        footer,
        country: country?,
        values,
        saved_addresses,
        validation_errors,
    }))
}

/// How a document spells the fields that the neutral model shares with a provider's wire.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spelling {
    /// camelCase: the neutral model.
    Neutral,
    /// snake_case: a provider's wire (Meta's).
    SnakeCase,
}

impl Spelling {
    pub(crate) fn key(self, neutral: &'static str, snake_case: &'static str) -> &'static str {
        match self {
            Spelling::Neutral => neutral,
            Spelling::SnakeCase => snake_case,
        }
    }

    /// Reports fields outside `known` (written in the neutral spelling, spelt as the document
    /// spells them).
    fn only(self, o: &Obj<'_>, r: &mut Report, known: &[&str]) {
        match self {
            Spelling::Neutral => o.only(r, known),
            Spelling::SnakeCase => {
                let snake: Vec<String> = known.iter().map(|k| snake_case(k)).collect();
                o.only(r, &snake.iter().map(String::as_str).collect::<Vec<_>>());
            }
        }
    }
}

/// `formattedName` → `formatted_name`.
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A contact card: the same structure in the model and on the wire (Meta's), spelled differently.
pub(crate) fn contact(c: &Obj<'_>, r: &mut Report, spelling: Spelling) -> Option<Contact> {
    let key = |neutral, snake_case| spelling.key(neutral, snake_case);
    spelling.only(c, r, &["name", "addresses", "birthday", "emails", "org", "phones", "urls"]);
    let name = c.req_obj(r, "name")?;
    spelling.only(&name, r, &["formattedName", "firstName", "lastName", "middleName", "suffix", "prefix"]);
    let formatted_name = name.req_str(r, key("formattedName", "formatted_name"))?;
    let list = |key: &str, r: &mut Report| c.objects(r, key, false).unwrap_or_default();
    Some(Contact {
        name: ContactName {
            formatted_name,
            first_name: name.str(r, key("firstName", "first_name")),
            last_name: name.str(r, key("lastName", "last_name")),
            middle_name: name.str(r, key("middleName", "middle_name")),
            suffix: name.str(r, "suffix"),
            prefix: name.str(r, "prefix"),
        },
        addresses: list("addresses", r)
            .iter()
            .map(|a| {
                spelling.only(a, r, &["street", "city", "state", "zip", "country", "countryCode", "type"]);
                ContactAddress {
                    street: a.str(r, "street"),
                    city: a.str(r, "city"),
                    state: a.str(r, "state"),
                    zip: a.str(r, "zip"),
                    country: a.str(r, "country"),
                    country_code: a.str(r, key("countryCode", "country_code")),
                    r#type: a.str(r, "type"),
                }
            })
            .collect(),
        birthday: c.str(r, "birthday"),
        emails: list("emails", r)
            .iter()
            .map(|e| {
                spelling.only(e, r, &["email", "type"]);
                ContactEmail { email: e.str(r, "email"), r#type: e.str(r, "type") }
            })
            .collect(),
        org: c.obj(r, "org").map(|o| {
            spelling.only(&o, r, &["company", "department", "title"]);
            ContactOrg { company: o.str(r, "company"), department: o.str(r, "department"), title: o.str(r, "title") }
        }),
        phones: list("phones", r)
            .iter()
            .map(|p| {
                spelling.only(p, r, &["phone", "type", "waId"]);
                ContactPhone {
                    phone: p.str(r, "phone"),
                    r#type: p.str(r, "type"),
                    wa_id: p.str(r, key("waId", "wa_id")),
                }
            })
            .collect(),
        urls: list("urls", r)
            .iter()
            .map(|u| {
                spelling.only(u, r, &["url", "type"]);
                ContactUrl { url: u.str(r, "url"), r#type: u.str(r, "type") }
            })
            .collect(),
    })
}

fn reply_buttons(buttons: &[Obj<'_>], r: &mut Report) -> Vec<ReplyButton> {
    buttons
        .iter()
        .filter_map(|b| {
            b.only(r, &["id", "title"]);
            let id = b.req_str(r, "id");
            let title = b.req_str(r, "title");
            Some(ReplyButton { id: id?, title: title? })
        })
        .collect()
}

fn product_sections(sections: &[Obj<'_>], r: &mut Report) -> Vec<ProductSection> {
    sections
        .iter()
        .map(|s| {
            s.only(r, &["title", "productRetailerIds"]);
            ProductSection {
                title: s.str(r, "title"),
                product_retailer_ids: s.strings(r, "productRetailerIds").unwrap_or_default(),
            }
        })
        .collect()
}

/// A flow in the model's spelling, which 1MSG's sendFlow shares (its header aside).
pub(crate) fn flow(f: &Obj<'_>, header: Option<Header>, r: &mut Report) -> Option<Flow> {
    let body = f.req_str(r, "body");
    let flow_cta = f.req_str(r, "flowCta");
    let mode = flow_mode(f, r, "mode");
    let flow_action = flow_action(f, r, "flowAction");
    let payload = f.obj(r, "flowActionPayload").map(|p| {
        p.only(r, &["screen", "data"]);
        FlowActionPayload { screen: p.str(r, "screen"), data: p.map(r, "data") }
    });
    Some(Flow {
        header,
        body: body?,
        footer: f.str(r, "footer"),
        flow_id: f.str(r, "flowId"),
        flow_name: f.str(r, "flowName"),
        flow_cta: flow_cta?,
        mode,
        flow_token: f.str(r, "flowToken"),
        flow_action,
        flow_action_payload: payload,
        flow_message_version: f.str(r, "flowMessageVersion"),
    })
}

/// A flow's `mode` (the same values in the model and on Meta's wire).
pub(crate) fn flow_mode(o: &Obj<'_>, r: &mut Report, key: &str) -> Option<FlowMode> {
    match o.str(r, key).as_deref() {
        None => None,
        Some("draft") => Some(FlowMode::Draft),
        Some("published") => Some(FlowMode::Published),
        Some(other) => {
            o.invalid(r, key, format!("{key} is \"draft\" or \"published\" (got {other:?})"));
            None
        }
    }
}

/// A flow's action, `navigate` or `data_exchange` (the same values in the model and on Meta's wire).
pub(crate) fn flow_action(o: &Obj<'_>, r: &mut Report, key: &str) -> Option<FlowAction> {
    match o.str(r, key).as_deref() {
        None => None,
        Some("navigate") => Some(FlowAction::Navigate),
        Some("data_exchange") => Some(FlowAction::DataExchange),
        Some(other) => {
            o.invalid(r, key, format!("{key} is \"navigate\" or \"data_exchange\" (got {other:?})"));
            None
        }
    }
}

fn carousel_card(card: &Obj<'_>, r: &mut Report) -> Option<CarouselCard> {
    card.only(r, &["header", "body", "buttons", "ctaUrl"]);
    let header = card.req_obj(r, "header").and_then(|h| header(&h, r));
    let buttons = card.objects(r, "buttons", false).map(|b| reply_buttons(&b, r));
    let cta_url = card.obj(r, "ctaUrl").and_then(|cta| {
        cta.only(r, &["displayText", "url"]);
        let display_text = cta.req_str(r, "displayText");
        let url = cta.req_str(r, "url");
        Some(CardCtaUrl { display_text: display_text?, url: url? })
    });
    Some(CarouselCard { header: header?, body: card.str(r, "body"), buttons, cta_url })
}

fn template(t: &Obj<'_>, r: &mut Report) -> Option<Template> {
    let name = t.str(r, "name");
    let language = t.req_obj(r, "language").and_then(|l| {
        l.only(r, &["code", "policy"]);
        let code = l.req_str(r, "code")?;
        Some(TemplateLanguage { code, policy: l.str(r, "policy") })
    });
    let components =
        t.objects(r, "components", false).map(|list| list.iter().filter_map(|c| component(c, r)).collect());
    let (namespace, project_id, project_version) =
        (t.str(r, "namespace"), t.str(r, "projectId"), t.str(r, "projectVersion"));
    Some(Template { name, language: language?, namespace, project_id, project_version, components })
}

fn component(c: &Obj<'_>, r: &mut Report) -> Option<TemplateComponent> {
    let kind = tag(c, r, "template component", &["header", "body", "button", "limitedTimeOffer", "carousel"])?;
    c.only(
        r,
        match kind.as_str() {
            "header" | "body" => &["type", "parameters"],
            "button" => &["type", "subType", "index", "parameters"],
            "limitedTimeOffer" => &["type", "expirationTimeMs"],
            _ => &["type", "cards"],
        },
    );
    let parameters = |r: &mut Report| c.objects(r, "parameters", false).unwrap_or_default();
    Some(match kind.as_str() {
        "header" => TemplateComponent::Header(ComponentParameters {
            parameters: parameters(r).iter().filter_map(|p| parameter(p, r)).collect(),
        }),
        "body" => TemplateComponent::Body(ComponentParameters {
            parameters: parameters(r).iter().filter_map(|p| parameter(p, r)).collect(),
        }),
        "button" => {
            let sub_type = c.req_str(r, "subType").and_then(|s| {
                let found = ButtonSubType::ALL.into_iter().find(|t| t.as_str() == s);
                if found.is_none() {
                    c.invalid(
                        r,
                        "subType",
                        format!("subType is one of quick_reply, url, copy_code, flow, catalog, mpm (got {s:?})"),
                    );
                }
                found
            });
            let index = c.int::<u32>(r, "index", true);
            let parameters = parameters(r).iter().filter_map(|p| button_parameter(p, r)).collect();
            TemplateComponent::Button(TemplateButton { sub_type: sub_type?, index: index?, parameters })
        }
        "limitedTimeOffer" => TemplateComponent::LimitedTimeOffer(LimitedTimeOffer {
            expiration_time_ms: c.int(r, "expirationTimeMs", true)?,
        }),
        _ => {
            let cards = c.objects(r, "cards", true)?;
            let cards = cards
                .iter()
                .filter_map(|card| {
                    card.only(r, &["cardIndex", "components"]);
                    let card_index = card.int::<u32>(r, "cardIndex", true);
                    let components = card
                        .objects(r, "components", true)
                        .map(|list| list.iter().filter_map(|x| component(x, r)).collect());
                    Some(TemplateCard { card_index: card_index?, components: components? })
                })
                .collect();
            TemplateComponent::Carousel(TemplateCarousel { cards })
        }
    })
}

fn parameter(p: &Obj<'_>, r: &mut Report) -> Option<TemplateParameter> {
    let kind = tag(
        p,
        r,
        "template parameter",
        &["text", "currency", "dateTime", "image", "video", "document", "location", "product"],
    )?;
    let parameter_name = p.str(r, "parameterName");
    p.only(
        r,
        match kind.as_str() {
            "text" => &["type", "text", "parameterName"],
            "currency" => &["type", "fallbackValue", "code", "amount1000", "parameterName"],
            "dateTime" => &[
                "type",
                "fallbackValue",
                "dayOfWeek",
                "year",
                "month",
                "dayOfMonth",
                "hour",
                "minute",
                "calendar",
                "parameterName",
            ],
            "location" => LOCATION_FIELDS,
            "product" => &["type", "catalogId", "productRetailerId"],
            _ => MEDIA_FIELDS,
        },
    );
    Some(match kind.as_str() {
        "text" => TemplateParameter::Text(TextParameter { text: p.req_str(r, "text")?, parameter_name }),
        "currency" => {
            let fallback_value = p.req_str(r, "fallbackValue");
            let code = p.req_str(r, "code");
            let amount = p.int::<i64>(r, "amount1000", true);
            TemplateParameter::Currency(CurrencyParameter {
                fallback_value: fallback_value?,
                code: code?,
                amount1000: amount?,
                parameter_name,
            })
        }
        "dateTime" => TemplateParameter::DateTime(DateTimeParameter {
            fallback_value: p.req_str(r, "fallbackValue")?,
            day_of_week: p.int(r, "dayOfWeek", false),
            year: p.int(r, "year", false),
            month: p.int(r, "month", false),
            day_of_month: p.int(r, "dayOfMonth", false),
            hour: p.int(r, "hour", false),
            minute: p.int(r, "minute", false),
            calendar: p.str(r, "calendar"),
            parameter_name,
        }),
        "image" => TemplateParameter::Image(media(p, r)),
        "video" => TemplateParameter::Video(media(p, r)),
        "document" => TemplateParameter::Document(media(p, r)),
        "product" => {
            let catalog_id = p.req_str(r, "catalogId");
            let product_retailer_id = p.req_str(r, "productRetailerId");
            TemplateParameter::Product(crate::message::ProductParameter {
                catalog_id: catalog_id?,
                product_retailer_id: product_retailer_id?,
            })
        }
        _ => TemplateParameter::Location(location(p, r)?),
    })
}

fn button_parameter(p: &Obj<'_>, r: &mut Report) -> Option<ButtonParameter> {
    let kind = tag(p, r, "button parameter", &["payload", "text", "couponCode", "action"])?;
    p.only(r, &["type", &kind]);
    Some(match kind.as_str() {
        "payload" => ButtonParameter::Payload(PayloadParameter { payload: p.req_str(r, "payload")? }),
        "text" => ButtonParameter::Text(ButtonText { text: p.req_str(r, "text")? }),
        "couponCode" => ButtonParameter::CouponCode(CouponCode { coupon_code: p.req_str(r, "couponCode")? }),
        _ => {
            let a = p.req_obj(r, "action")?;
            a.only(r, &["flowToken", "flowActionData", "thumbnailProductRetailerId", "sections"]);
            let sections = a.objects(r, "sections", false).map(|s| product_sections(&s, r));
            ButtonParameter::Action(ActionParameter {
                action: ButtonAction {
                    flow_token: a.str(r, "flowToken"),
                    flow_action_data: a.map(r, "flowActionData"),
                    thumbnail_product_retailer_id: a.str(r, "thumbnailProductRetailerId"),
                    sections,
                },
            })
        }
    })
}

/// Reads a neutral document: a message, or `{"markRead": {...}}`; reports structural
/// violations (including fields the model does not know), not limits. A request is given
/// whatever was reported: the caller decides whether it was read whole (`Request::read_whole`).
pub(crate) fn request<'v>(value: &'v Json<'v>, r: &mut Report) -> Option<Request> {
    let root = Obj::root(value, r)?;
    if root.has("markRead") {
        root.only(r, &["markRead"]);
    }
    if root.has("markRead") {
        root.req_obj(r, "markRead").and_then(|m| mark_read(&m, r)).map(Request::MarkRead)
    } else {
        message(&root, r).map(Request::Message)
    }
}

#[cfg(test)]
mod tests {
    use crate::message::Message;
    use crate::validate::ViolationCode;

    fn errors(json: &str) -> Vec<(String, ViolationCode)> {
        Message::from_json(json).unwrap_err().into_iter().map(|v| (v.path, v.code)).collect()
    }

    #[test]
    fn every_structural_error_at_its_pointer_whatever_the_key_order() {
        let type_first = r#"{"to":"1","content":{"type":"replyButtons","body":"x","buttons":[{"id":"a","title":5}]}}"#;
        assert_eq!(errors(type_first), [("/content/buttons/0/title".into(), ViolationCode::InvalidValue)]);
        let type_last = r#"{"to":"1","content":{"body":"x","buttons":[{"id":"a","title":5}],"type":"replyButtons"}}"#;
        assert_eq!(errors(type_last), [("/content/buttons/0/title".into(), ViolationCode::InvalidValue)]);
        let nested = r#"{"to":"1","content":{"type":"ctaUrl","header":{"text":7,"type":"text"},"body":"b","displayText":"d","url":"https://x.y"}}"#;
        assert_eq!(errors(nested), [("/content/header/text".into(), ViolationCode::InvalidValue)]);
        assert_eq!(
            errors(r#"{"to":"1","content":{"type":"fax"}}"#),
            [("/content/type".into(), ViolationCode::InvalidValue)]
        );
        assert_eq!(errors(r#"{"to":"1","content":{"body":"x"}}"#), [("/content/type".into(), ViolationCode::Required)]);
        // A field the model does not know leaves the message whole: its values are judged too.
        assert_eq!(
            errors(r#"{"to":"1","content":{"type":"text","body":"","extra":1}}"#),
            [
                ("/content/extra".into(), ViolationCode::UnknownField),
                ("/to".into(), ViolationCode::TooShort),
                ("/content/body".into(), ViolationCode::Required)
            ]
        );
        assert!(Message::from_json(r#"{"content":{"body":"x","type":"text"},"to":"1"}"#).is_ok());
    }

    #[test]
    fn several_structural_errors_at_once() {
        let json = r#"{"to":5,"recipientType":"channel","content":{"type":"list","body":1,"sections":[{"rows":[{"id":"a"}]}]}}"#;
        assert_eq!(
            errors(json),
            [
                ("/to".into(), ViolationCode::InvalidValue),
                ("/recipientType".into(), ViolationCode::InvalidValue),
                ("/content/body".into(), ViolationCode::InvalidValue),
                ("/content/button".into(), ViolationCode::Required),
                ("/content/sections/0/rows/0/title".into(), ViolationCode::Required),
            ]
        );
    }
}
