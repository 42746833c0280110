//! The neutral model to Meta's wire structs and back. `to_wire` cannot fail for a valid
//! message; `from_wire` reports what a Meta body lacks (a missing object, a field of the
//! wrong message type) at Meta's pointers. Limits are checked on the neutral model.

use super::wire::*;
use crate::message::*;
use crate::validate::{Path, Report, ViolationCode};

// ---------------------------------------------------------------- neutral → Meta

pub fn to_wire(message: &Message) -> MetaMessage {
    let mut wire = MetaMessage {
        messaging_product: Some(MessagingProduct::WhatsApp),
        recipient_type: message.recipient_type,
        to: Some(message.to.clone()),
        context: message.reply_to.clone().map(|id| MetaContext { message_id: Some(id) }),
        kind: None,
        biz_opaque_callback_data: message.callback_data.clone(),
        ..MetaMessage::default()
    };
    let kind = match &message.content {
        Content::Text(text) => {
            wire.text = Some(MetaText { body: Some(text.body.clone()), preview_url: text.preview_url });
            "text"
        }
        Content::Image(m) => set(&mut wire.image, m, "image"),
        Content::Video(m) => set(&mut wire.video, m, "video"),
        Content::Audio(m) => set(&mut wire.audio, m, "audio"),
        Content::Document(m) => set(&mut wire.document, m, "document"),
        Content::Sticker(m) => set(&mut wire.sticker, m, "sticker"),
        Content::Location(l) => set(&mut wire.location, l, "location"),
        Content::Contacts(c) => {
            wire.contacts = Some(c.contacts.iter().map(contact_to_wire).collect());
            "contacts"
        }
        Content::Reaction(r) => {
            wire.reaction = Some(MetaReaction { message_id: Some(r.message_id.clone()), emoji: Some(r.emoji.clone()) });
            "reaction"
        }
        Content::Template(t) => {
            wire.template = Some(template_to_wire(t));
            "template"
        }
        interactive => {
            wire.interactive = Some(interactive_to_wire(interactive));
            "interactive"
        }
    };
    if !message.meta_type_omitted.0 {
        wire.kind = Some(kind.to_string());
    }
    wire
}

fn set<T: Clone>(slot: &mut Option<T>, value: &T, kind: &'static str) -> &'static str {
    *slot = Some(value.clone());
    kind
}

fn non_empty<T: Clone>(items: &[T]) -> Option<Vec<T>> {
    (!items.is_empty()).then(|| items.to_vec())
}

fn contact_to_wire(c: &Contact) -> MetaContact {
    let n = &c.name;
    MetaContact {
        name: Some(MetaContactName {
            formatted_name: Some(n.formatted_name.clone()),
            first_name: n.first_name.clone(),
            last_name: n.last_name.clone(),
            middle_name: n.middle_name.clone(),
            suffix: n.suffix.clone(),
            prefix: n.prefix.clone(),
        }),
        addresses: non_empty(&c.addresses).map(|list| {
            list.into_iter()
                .map(|a| MetaContactAddress {
                    street: a.street,
                    city: a.city,
                    state: a.state,
                    zip: a.zip,
                    country: a.country,
                    country_code: a.country_code,
                    kind: a.r#type,
                })
                .collect()
        }),
        birthday: c.birthday.clone(),
        emails: non_empty(&c.emails)
            .map(|l| l.into_iter().map(|e| MetaContactEmail { email: e.email, kind: e.r#type }).collect()),
        org: c.org.clone().map(|o| MetaContactOrg { company: o.company, department: o.department, title: o.title }),
        phones: non_empty(&c.phones).map(|l| {
            l.into_iter().map(|p| MetaContactPhone { phone: p.phone, kind: p.r#type, wa_id: p.wa_id }).collect()
        }),
        urls: non_empty(&c.urls)
            .map(|l| l.into_iter().map(|u| MetaContactUrl { url: u.url, kind: u.r#type }).collect()),
    }
}

fn text_object(text: &str) -> MetaBodyText {
    MetaBodyText { text: Some(text.to_string()) }
}

fn header_to_wire(header: &Header) -> MetaHeader {
    let mut wire = MetaHeader::default();
    wire.kind = Some(
        match header {
            Header::Text(HeaderText { text }) => {
                wire.text = Some(text.clone());
                "text"
            }
            Header::Image(m) => set(&mut wire.image, m, "image"),
            Header::Video(m) => set(&mut wire.video, m, "video"),
            Header::Document(m) => set(&mut wire.document, m, "document"),
        }
        .to_string(),
    );
    wire
}

fn reply(button: &ReplyButton) -> MetaReply {
    MetaReply { id: Some(button.id.clone()), title: Some(button.title.clone()) }
}

fn named_action(name: &str, parameters: Option<MetaActionParameters>) -> MetaAction {
    MetaAction { name: Some(name.to_string()), parameters, ..MetaAction::default() }
}

fn product_section(section: &ProductSection) -> MetaSection {
    MetaSection {
        title: section.title.clone(),
        product_items: Some(
            section
                .product_retailer_ids
                .iter()
                .map(|id| MetaProductItem { product_retailer_id: Some(id.clone()) })
                .collect(),
        ),
        ..MetaSection::default()
    }
}

fn interactive_to_wire(content: &Content) -> MetaInteractive {
    let mut wire = MetaInteractive::default();
    let kind = match content {
        Content::LocationRequest(c) => {
            wire.body = Some(text_object(&c.body));
            wire.action = Some(named_action("send_location", None));
            "location_request_message"
        }
        Content::ReplyButtons(c) => {
            wire.header = c.header.as_ref().map(header_to_wire);
            wire.body = Some(text_object(&c.body));
            wire.footer = c.footer.as_deref().map(text_object);
            let buttons = c
                .buttons
                .iter()
                .map(|b| MetaButton { kind: Some("reply".into()), reply: Some(reply(b)), quick_reply: None })
                .collect();
            wire.action = Some(MetaAction { buttons: Some(buttons), ..MetaAction::default() });
            "button"
        }
        Content::List(c) => {
            wire.header = c.header.as_ref().map(header_to_wire);
            wire.body = Some(text_object(&c.body));
            wire.footer = c.footer.as_deref().map(text_object);
            let sections = c
                .sections
                .iter()
                .map(|s| MetaSection {
                    title: s.title.clone(),
                    rows: Some(
                        s.rows
                            .iter()
                            .map(|r| MetaRow {
                                id: Some(r.id.clone()),
                                title: Some(r.title.clone()),
                                description: r.description.clone(),
                            })
                            .collect(),
                    ),
                    product_items: None,
                })
                .collect();
            wire.action =
                Some(MetaAction { button: Some(c.button.clone()), sections: Some(sections), ..MetaAction::default() });
            "list"
        }
        Content::CtaUrl(c) => {
            wire.header = c.header.as_ref().map(header_to_wire);
            wire.body = Some(text_object(&c.body));
            wire.footer = c.footer.as_deref().map(text_object);
            wire.action = Some(named_action("cta_url", Some(cta_parameters(&c.display_text, &c.url))));
            "cta_url"
        }
        Content::Product(c) => {
            wire.body = c.body.as_deref().map(text_object);
            wire.footer = c.footer.as_deref().map(text_object);
            wire.action = Some(MetaAction {
                catalog_id: Some(c.catalog_id.clone()),
                product_retailer_id: Some(c.product_retailer_id.clone()),
                ..MetaAction::default()
            });
            "product"
        }
        Content::ProductList(c) => {
            wire.header = Some(header_to_wire(&c.header));
            wire.body = Some(text_object(&c.body));
            wire.footer = c.footer.as_deref().map(text_object);
            wire.action = Some(MetaAction {
                catalog_id: Some(c.catalog_id.clone()),
                sections: Some(c.sections.iter().map(product_section).collect()),
                ..MetaAction::default()
            });
            "product_list"
        }
        Content::Catalog(c) => {
            wire.body = Some(text_object(&c.body));
            wire.footer = c.footer.as_deref().map(text_object);
            let parameters = c.thumbnail_product_retailer_id.clone().map(|id| MetaActionParameters {
                thumbnail_product_retailer_id: Some(id),
                ..MetaActionParameters::default()
            });
            wire.action = Some(named_action("catalog_message", parameters));
            "catalog_message"
        }
        Content::Flow(c) => {
            wire.header = c.header.as_ref().map(header_to_wire);
            wire.body = Some(text_object(&c.body));
            wire.footer = c.footer.as_deref().map(text_object);
            let parameters = MetaActionParameters {
                flow_message_version: c.flow_message_version.clone(),
                flow_token: c.flow_token.clone(),
                flow_id: c.flow_id.clone(),
                flow_name: c.flow_name.clone(),
                flow_cta: Some(c.flow_cta.clone()),
                mode: c.mode.map(|m| match m {
                    FlowMode::Draft => "draft".into(),
                    FlowMode::Published => "published".into(),
                }),
                flow_action: c.flow_action.map(|a| match a {
                    FlowAction::Navigate => "navigate".into(),
                    FlowAction::DataExchange => "data_exchange".into(),
                }),
                flow_action_payload: c
                    .flow_action_payload
                    .clone()
                    .map(|p| MetaFlowActionPayload { screen: p.screen, data: p.data }),
                ..MetaActionParameters::default()
            };
            wire.action = Some(named_action("flow", Some(parameters)));
            "flow"
        }
        Content::Carousel(c) => {
            wire.body = Some(text_object(&c.body));
            let cards = c
                .cards
                .iter()
                .enumerate()
                .map(|(i, card)| {
                    let action = match (&card.buttons, &card.cta_url) {
                        (_, Some(cta)) => named_action_card(cta),
                        (buttons, None) => MetaCardAction {
                            buttons: Some(
                                buttons
                                    .iter()
                                    .flatten()
                                    .map(|b| MetaButton {
                                        kind: Some("quick_reply".into()),
                                        reply: None,
                                        quick_reply: Some(reply(b)),
                                    })
                                    .collect(),
                            ),
                            ..MetaCardAction::default()
                        },
                    };
                    MetaCard {
                        card_index: Some(i as u32),
                        kind: card.cta_url.as_ref().map(|_| "cta_url".into()),
                        header: Some(header_to_wire(&card.header)),
                        body: card.body.as_deref().map(text_object),
                        action: Some(action),
                    }
                })
                .collect();
            wire.action = Some(MetaAction { cards: Some(cards), ..MetaAction::default() });
            "carousel"
        }
        Content::ProductCarousel(c) => {
            wire.body = Some(text_object(&c.body));
            let cards = c
                .cards
                .iter()
                .enumerate()
                .map(|(i, card)| MetaCard {
                    card_index: Some(i as u32),
                    kind: Some("product".into()),
                    action: Some(MetaCardAction {
                        product_retailer_id: Some(card.product_retailer_id.clone()),
                        catalog_id: Some(card.catalog_id.clone()),
                        ..MetaCardAction::default()
                    }),
                    ..MetaCard::default()
                })
                .collect();
            wire.action = Some(MetaAction { cards: Some(cards), ..MetaAction::default() });
            "carousel"
        }
        // Not interactive: handled by `to_wire`.
        _ => "",
    };
    wire.kind = Some(kind.to_string());
    wire
}

fn cta_parameters(display_text: &str, url: &str) -> MetaActionParameters {
    MetaActionParameters {
        display_text: Some(display_text.to_string()),
        url: Some(url.to_string()),
        ..MetaActionParameters::default()
    }
}

fn named_action_card(cta: &CardCtaUrl) -> MetaCardAction {
    MetaCardAction {
        name: Some("cta_url".into()),
        parameters: Some(cta_parameters(&cta.display_text, &cta.url)),
        ..MetaCardAction::default()
    }
}

fn template_to_wire(t: &Template) -> MetaTemplate {
    MetaTemplate {
        name: Some(t.name.clone()),
        language: Some(MetaLanguage { code: Some(t.language.code.clone()), policy: t.language.policy.clone() }),
        components: t.components.as_ref().map(|c| c.iter().map(component_to_wire).collect()),
    }
}

fn component_to_wire(component: &TemplateComponent) -> MetaComponent {
    let with_parameters = |kind: &str, parameters: &[TemplateParameter]| MetaComponent {
        kind: Some(kind.to_string()),
        parameters: non_empty(parameters).map(|p| p.iter().map(parameter_to_wire).collect()),
        ..MetaComponent::default()
    };
    match component {
        TemplateComponent::Header(c) => with_parameters("header", &c.parameters),
        TemplateComponent::Body(c) => with_parameters("body", &c.parameters),
        TemplateComponent::Button(b) => {
            let sub_type = b.sub_type.as_str();
            MetaComponent {
                kind: Some("button".into()),
                sub_type: Some(if b.sub_type_upper_case.0 {
                    sub_type.to_ascii_uppercase()
                } else {
                    sub_type.to_string()
                }),
                index: Some(if b.index_as_number.0 {
                    MetaIndex::Number(b.index)
                } else {
                    MetaIndex::Text(b.index.to_string())
                }),
                parameters: non_empty(&b.parameters).map(|p| p.iter().map(button_parameter_to_wire).collect()),
                cards: None,
            }
        }
        TemplateComponent::LimitedTimeOffer(offer) => MetaComponent {
            kind: Some("limited_time_offer".into()),
            parameters: Some(vec![MetaParameter {
                kind: Some("limited_time_offer".into()),
                limited_time_offer: Some(MetaLimitedTimeOffer { expiration_time_ms: Some(offer.expiration_time_ms) }),
                ..MetaParameter::default()
            }]),
            ..MetaComponent::default()
        },
        TemplateComponent::Carousel(carousel) => MetaComponent {
            kind: Some("carousel".into()),
            cards: Some(
                carousel
                    .cards
                    .iter()
                    .map(|card| MetaTemplateCard {
                        card_index: Some(card.card_index),
                        components: Some(card.components.iter().map(component_to_wire).collect()),
                    })
                    .collect(),
            ),
            ..MetaComponent::default()
        },
    }
}

fn parameter_to_wire(parameter: &TemplateParameter) -> MetaParameter {
    let mut wire = MetaParameter::default();
    let kind = match parameter {
        TemplateParameter::Text(t) => {
            wire.text = Some(t.text.clone());
            wire.parameter_name = t.parameter_name.clone();
            "text"
        }
        TemplateParameter::Currency(c) => {
            wire.currency = Some(MetaCurrency {
                fallback_value: Some(c.fallback_value.clone()),
                code: Some(c.code.clone()),
                amount_1000: Some(c.amount1000),
            });
            wire.parameter_name = c.parameter_name.clone();
            "currency"
        }
        TemplateParameter::DateTime(d) => {
            wire.date_time = Some(MetaDateTime {
                fallback_value: Some(d.fallback_value.clone()),
                day_of_week: d.day_of_week,
                year: d.year,
                month: d.month,
                day_of_month: d.day_of_month,
                hour: d.hour,
                minute: d.minute,
                calendar: d.calendar.clone(),
            });
            wire.parameter_name = d.parameter_name.clone();
            "date_time"
        }
        TemplateParameter::Image(m) => set(&mut wire.image, m, "image"),
        TemplateParameter::Video(m) => set(&mut wire.video, m, "video"),
        TemplateParameter::Document(m) => set(&mut wire.document, m, "document"),
        TemplateParameter::Location(l) => set(&mut wire.location, l, "location"),
    };
    wire.kind = Some(kind.to_string());
    wire
}

fn button_parameter_to_wire(parameter: &ButtonParameter) -> MetaParameter {
    let mut wire = MetaParameter::default();
    let kind = match parameter {
        ButtonParameter::Payload(p) => set(&mut wire.payload, &p.payload, "payload"),
        ButtonParameter::Text(t) => set(&mut wire.text, &t.text, "text"),
        ButtonParameter::CouponCode(c) => set(&mut wire.coupon_code, &c.coupon_code, "coupon_code"),
        ButtonParameter::Action(ActionParameter { action }) => {
            wire.action = Some(MetaButtonAction {
                flow_token: action.flow_token.clone(),
                flow_action_data: action.flow_action_data.clone(),
                thumbnail_product_retailer_id: action.thumbnail_product_retailer_id.clone(),
                sections: action.sections.as_ref().map(|s| s.iter().map(product_section).collect()),
            });
            "action"
        }
    };
    wire.kind = Some(kind.to_string());
    wire
}

// ---------------------------------------------------------------- Meta → neutral

/// Takes a required field out of the wire, or reports it missing at `path/name`.
fn need<T>(report: &mut Report, path: &Path<'_>, name: &str, value: Option<T>) -> Option<T> {
    if value.is_none() {
        report.add(&path.key(name), ViolationCode::Required, format!("{name} is required"), None);
    }
    value
}

pub fn from_wire(wire: MetaMessage, report: &mut Report) -> Option<Message> {
    let root = Path::root();
    let to = need(report, &root, "to", wire.to);
    // Meta's docs: `type` is optional and defaults to `text`. A body without `type` and
    // without a text object is not a text message: name the missing `type`, not `text`.
    let omitted = wire.kind.is_none();
    if omitted && wire.text.is_none() {
        let present = [
            ("image", wire.image.is_some()),
            ("video", wire.video.is_some()),
            ("audio", wire.audio.is_some()),
            ("document", wire.document.is_some()),
            ("sticker", wire.sticker.is_some()),
            ("location", wire.location.is_some()),
            ("contacts", wire.contacts.is_some()),
            ("reaction", wire.reaction.is_some()),
            ("interactive", wire.interactive.is_some()),
            ("template", wire.template.is_some()),
        ];
        if let Some((kind, _)) = present.iter().find(|(_, here)| *here) {
            report.add(
                &root.key("type"),
                ViolationCode::Required,
                format!("type is required: without it Meta takes the message for text; this one is {kind:?}"),
                None,
            );
            return None;
        }
    }
    let kind = wire.kind.unwrap_or_else(|| "text".into());
    let content_path = root.key(&kind);
    let content = match kind.as_str() {
        "text" => need(report, &root, "text", wire.text).and_then(|t| {
            let body = need(report, &content_path, "body", t.body)?;
            Some(Content::Text(Text { body, preview_url: t.preview_url }))
        }),
        "image" => need(report, &root, "image", wire.image).map(Content::Image),
        "video" => need(report, &root, "video", wire.video).map(Content::Video),
        "audio" => need(report, &root, "audio", wire.audio).map(Content::Audio),
        "document" => need(report, &root, "document", wire.document).map(Content::Document),
        "sticker" => need(report, &root, "sticker", wire.sticker).map(Content::Sticker),
        "location" => need(report, &root, "location", wire.location).map(Content::Location),
        "contacts" => need(report, &root, "contacts", wire.contacts).map(|list| {
            Content::Contacts(Contacts {
                contacts: list
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, c)| contact_from_wire(c, report, &content_path.index(i)))
                    .collect(),
            })
        }),
        "reaction" => need(report, &root, "reaction", wire.reaction).and_then(|r| {
            let message_id = need(report, &content_path, "message_id", r.message_id);
            let emoji = need(report, &content_path, "emoji", r.emoji);
            Some(Content::Reaction(Reaction { message_id: message_id?, emoji: emoji? }))
        }),
        "interactive" => need(report, &root, "interactive", wire.interactive)
            .and_then(|i| interactive_from_wire(i, report, &content_path)),
        "template" => {
            need(report, &root, "template", wire.template).and_then(|t| template_from_wire(t, report, &content_path))
        }
        other => {
            report.add(
                &root.key("type"),
                ViolationCode::InvalidValue,
                format!("unknown Meta message type {other:?}; expected text, image, video, audio, document, sticker, location, contacts, reaction, interactive or template"),
                None,
            );
            None
        }
    };
    Some(Message {
        to: to?,
        recipient_type: wire.recipient_type,
        reply_to: wire.context.and_then(|c| need(report, &root.key("context"), "message_id", c.message_id)),
        callback_data: wire.biz_opaque_callback_data,
        content: content?,
        meta_type_omitted: WireHint(omitted),
    })
}

fn contact_from_wire(c: MetaContact, report: &mut Report, path: &Path<'_>) -> Option<Contact> {
    let name = need(report, path, "name", c.name)?;
    let formatted_name = need(report, &path.key("name"), "formatted_name", name.formatted_name)?;
    Some(Contact {
        name: ContactName {
            formatted_name,
            first_name: name.first_name,
            last_name: name.last_name,
            middle_name: name.middle_name,
            suffix: name.suffix,
            prefix: name.prefix,
        },
        addresses: c
            .addresses
            .unwrap_or_default()
            .into_iter()
            .map(|a| ContactAddress {
                street: a.street,
                city: a.city,
                state: a.state,
                zip: a.zip,
                country: a.country,
                country_code: a.country_code,
                r#type: a.kind,
            })
            .collect(),
        birthday: c.birthday,
        emails: c
            .emails
            .unwrap_or_default()
            .into_iter()
            .map(|e| ContactEmail { email: e.email, r#type: e.kind })
            .collect(),
        org: c.org.map(|o| ContactOrg { company: o.company, department: o.department, title: o.title }),
        phones: c
            .phones
            .unwrap_or_default()
            .into_iter()
            .map(|p| ContactPhone { phone: p.phone, r#type: p.kind, wa_id: p.wa_id })
            .collect(),
        urls: c.urls.unwrap_or_default().into_iter().map(|u| ContactUrl { url: u.url, r#type: u.kind }).collect(),
    })
}

fn header_from_wire(header: MetaHeader, report: &mut Report, path: &Path<'_>) -> Option<Header> {
    let kind = need(report, path, "type", header.kind)?;
    match kind.as_str() {
        "text" => need(report, path, "text", header.text).map(|text| Header::Text(HeaderText { text })),
        "image" => need(report, path, "image", header.image).map(Header::Image),
        "video" => need(report, path, "video", header.video).map(Header::Video),
        "document" => need(report, path, "document", header.document).map(Header::Document),
        other => {
            report.add(
                &path.key("type"),
                ViolationCode::InvalidValue,
                format!("header type is text, image, video or document (got {other:?})"),
                None,
            );
            None
        }
    }
}

fn text_of(report: &mut Report, path: &Path<'_>, name: &str, object: Option<MetaBodyText>) -> Option<String> {
    need(report, path, name, object).and_then(|o| need(report, &path.key(name), "text", o.text))
}

fn reply_from_wire(reply: Option<MetaReply>, report: &mut Report, path: &Path<'_>, name: &str) -> Option<ReplyButton> {
    let reply = need(report, path, name, reply)?;
    let at = path.key(name);
    let id = need(report, &at, "id", reply.id);
    let title = need(report, &at, "title", reply.title);
    Some(ReplyButton { id: id?, title: title? })
}

fn product_sections_from_wire(sections: Vec<MetaSection>, report: &mut Report, path: &Path<'_>) -> Vec<ProductSection> {
    sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let at = path.index(i);
            let items = need(report, &at, "product_items", s.product_items).unwrap_or_default();
            let items_path = at.key("product_items");
            ProductSection {
                title: s.title,
                product_retailer_ids: items
                    .into_iter()
                    .enumerate()
                    .filter_map(|(j, item)| {
                        need(report, &items_path.index(j), "product_retailer_id", item.product_retailer_id)
                    })
                    .collect(),
            }
        })
        .collect()
}

fn interactive_from_wire(i: MetaInteractive, report: &mut Report, path: &Path<'_>) -> Option<Content> {
    let kind = need(report, path, "type", i.kind)?;
    let header_path = path.key("header");
    let header = match i.header {
        Some(h) => header_from_wire(h, report, &header_path),
        None => None,
    };
    let footer = i.footer.and_then(|f| need(report, &path.key("footer"), "text", f.text));
    let action_path = path.key("action");
    let action = i.action.unwrap_or_default();
    let parameters_path = action_path.key("parameters");
    match kind.as_str() {
        "location_request_message" => {
            Some(Content::LocationRequest(LocationRequest { body: text_of(report, path, "body", i.body)? }))
        }
        "button" => {
            let body = text_of(report, path, "body", i.body);
            let buttons_path = action_path.key("buttons");
            let buttons = need(report, &action_path, "buttons", action.buttons)?
                .into_iter()
                .enumerate()
                .filter_map(|(n, b)| reply_from_wire(b.reply, report, &buttons_path.index(n), "reply"))
                .collect();
            Some(Content::ReplyButtons(ReplyButtons { header, body: body?, footer, buttons }))
        }
        "list" => {
            let body = text_of(report, path, "body", i.body);
            let button = need(report, &action_path, "button", action.button);
            let sections_path = action_path.key("sections");
            let sections = need(report, &action_path, "sections", action.sections)?
                .into_iter()
                .enumerate()
                .map(|(n, s)| {
                    let rows_path = sections_path.index(n);
                    let rows = need(report, &rows_path, "rows", s.rows).unwrap_or_default();
                    let rows_path = rows_path.key("rows");
                    ListSection {
                        title: s.title,
                        rows: rows
                            .into_iter()
                            .enumerate()
                            .filter_map(|(r, row)| {
                                let at = rows_path.index(r);
                                let id = need(report, &at, "id", row.id);
                                let title = need(report, &at, "title", row.title);
                                Some(ListRow { id: id?, title: title?, description: row.description })
                            })
                            .collect(),
                    }
                })
                .collect();
            Some(Content::List(List { header, body: body?, footer, button: button?, sections }))
        }
        "cta_url" => {
            let body = text_of(report, path, "body", i.body);
            let parameters = need(report, &action_path, "parameters", action.parameters)?;
            let display_text = need(report, &parameters_path, "display_text", parameters.display_text);
            let url = need(report, &parameters_path, "url", parameters.url);
            Some(Content::CtaUrl(CtaUrl { header, body: body?, footer, display_text: display_text?, url: url? }))
        }
        "product" => {
            let body = i.body.and_then(|b| need(report, &path.key("body"), "text", b.text));
            let catalog_id = need(report, &action_path, "catalog_id", action.catalog_id);
            let product_retailer_id = need(report, &action_path, "product_retailer_id", action.product_retailer_id);
            Some(Content::Product(Product {
                body,
                footer,
                catalog_id: catalog_id?,
                product_retailer_id: product_retailer_id?,
            }))
        }
        "product_list" => {
            let header = need(report, path, "header", header);
            let body = text_of(report, path, "body", i.body);
            let catalog_id = need(report, &action_path, "catalog_id", action.catalog_id);
            let sections = need(report, &action_path, "sections", action.sections)
                .map(|s| product_sections_from_wire(s, report, &action_path.key("sections")));
            Some(Content::ProductList(ProductList {
                header: header?,
                body: body?,
                footer,
                catalog_id: catalog_id?,
                sections: sections?,
            }))
        }
        "catalog_message" => Some(Content::Catalog(Catalog {
            body: text_of(report, path, "body", i.body)?,
            footer,
            thumbnail_product_retailer_id: action.parameters.and_then(|p| p.thumbnail_product_retailer_id),
        })),
        "flow" => {
            let body = text_of(report, path, "body", i.body);
            let p = need(report, &action_path, "parameters", action.parameters)?;
            let flow_cta = need(report, &parameters_path, "flow_cta", p.flow_cta);
            let mode = match p.mode.as_deref() {
                None => None,
                Some("draft") => Some(FlowMode::Draft),
                Some("published") => Some(FlowMode::Published),
                Some(other) => {
                    report.add(
                        &parameters_path.key("mode"),
                        ViolationCode::InvalidValue,
                        format!("mode is draft or published (got {other:?})"),
                        None,
                    );
                    None
                }
            };
            let flow_action = match p.flow_action.as_deref() {
                None => None,
                Some("navigate") => Some(FlowAction::Navigate),
                Some("data_exchange") => Some(FlowAction::DataExchange),
                Some(other) => {
                    report.add(
                        &parameters_path.key("flow_action"),
                        ViolationCode::InvalidValue,
                        format!("flow_action is navigate or data_exchange (got {other:?})"),
                        None,
                    );
                    None
                }
            };
            Some(Content::Flow(Flow {
                header,
                body: body?,
                footer,
                flow_id: p.flow_id,
                flow_name: p.flow_name,
                flow_cta: flow_cta?,
                mode,
                flow_token: p.flow_token,
                flow_action,
                flow_action_payload: p
                    .flow_action_payload
                    .map(|payload| FlowActionPayload { screen: payload.screen, data: payload.data }),
                flow_message_version: p.flow_message_version,
            }))
        }
        "carousel" => {
            let body = text_of(report, path, "body", i.body);
            let cards_path = action_path.key("cards");
            let cards = need(report, &action_path, "cards", action.cards)?;
            let products = cards.first().and_then(|c| c.kind.as_deref()) == Some("product");
            if products {
                let cards = cards
                    .into_iter()
                    .enumerate()
                    .filter_map(|(n, card)| {
                        let at = cards_path.index(n);
                        let action = need(report, &at, "action", card.action)?;
                        let at = at.key("action");
                        let catalog_id = need(report, &at, "catalog_id", action.catalog_id);
                        let product_retailer_id = need(report, &at, "product_retailer_id", action.product_retailer_id);
                        Some(ProductCard { catalog_id: catalog_id?, product_retailer_id: product_retailer_id? })
                    })
                    .collect();
                return Some(Content::ProductCarousel(ProductCarousel { body: body?, cards }));
            }
            let cards = cards
                .into_iter()
                .enumerate()
                .filter_map(|(n, card)| {
                    let at = cards_path.index(n);
                    let header = need(report, &at, "header", card.header)
                        .and_then(|h| header_from_wire(h, report, &at.key("header")));
                    let body = card.body.and_then(|b| need(report, &at.key("body"), "text", b.text));
                    let action = need(report, &at, "action", card.action)?;
                    let action_at = at.key("action");
                    let (buttons, cta_url) = match action.parameters {
                        Some(p) => {
                            let at = action_at.key("parameters");
                            let display_text = need(report, &at, "display_text", p.display_text);
                            let url = need(report, &at, "url", p.url);
                            (None, Some(CardCtaUrl { display_text: display_text?, url: url? }))
                        }
                        None => {
                            let buttons_at = action_at.key("buttons");
                            let buttons = need(report, &action_at, "buttons", action.buttons)?
                                .into_iter()
                                .enumerate()
                                .filter_map(|(b, button)| {
                                    reply_from_wire(button.quick_reply, report, &buttons_at.index(b), "quick_reply")
                                })
                                .collect();
                            (Some(buttons), None)
                        }
                    };
                    Some(CarouselCard { header: header?, body, buttons, cta_url })
                })
                .collect();
            Some(Content::Carousel(Carousel { body: body?, cards }))
        }
        other => {
            report.add(
                &path.key("type"),
                ViolationCode::InvalidValue,
                format!("unknown interactive type {other:?}; expected button, list, cta_url, product, product_list, catalog_message, flow, carousel or location_request_message"),
                None,
            );
            None
        }
    }
}

fn template_from_wire(t: MetaTemplate, report: &mut Report, path: &Path<'_>) -> Option<Content> {
    let name = need(report, path, "name", t.name);
    let language = need(report, path, "language", t.language)?;
    let code = need(report, &path.key("language"), "code", language.code);
    let components_path = path.key("components");
    let components = t.components.map(|list| components_from_wire(list, report, &components_path));
    Some(Content::Template(Template {
        name: name?,
        language: TemplateLanguage { code: code?, policy: language.policy },
        components,
    }))
}

fn components_from_wire(list: Vec<MetaComponent>, report: &mut Report, path: &Path<'_>) -> Vec<TemplateComponent> {
    list.into_iter().enumerate().filter_map(|(i, c)| component_from_wire(c, report, &path.index(i))).collect()
}

fn component_from_wire(c: MetaComponent, report: &mut Report, path: &Path<'_>) -> Option<TemplateComponent> {
    let kind = need(report, path, "type", c.kind)?;
    let parameters_path = path.key("parameters");
    let parameters = |report: &mut Report, list: Option<Vec<MetaParameter>>| -> Vec<TemplateParameter> {
        list.unwrap_or_default()
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| parameter_from_wire(p, report, &parameters_path.index(i)))
            .collect()
    };
    match kind.as_str() {
        "header" => {
            Some(TemplateComponent::Header(ComponentParameters { parameters: parameters(report, c.parameters) }))
        }
        "body" => Some(TemplateComponent::Body(ComponentParameters { parameters: parameters(report, c.parameters) })),
        "button" => {
            let sub_type = need(report, path, "sub_type", c.sub_type)?;
            // Meta's reference writes sub types in lower case; its own examples also send "CATALOG".
            let parsed = ButtonSubType::ALL.into_iter().find(|s| s.as_str().eq_ignore_ascii_case(&sub_type));
            let Some(parsed) = parsed else {
                report.add(&path.key("sub_type"), ViolationCode::InvalidValue, format!("unknown button sub_type {sub_type:?}; expected quick_reply, url, copy_code, flow, catalog or mpm"), None);
                return None;
            };
            let (index, as_number) = match need(report, path, "index", c.index)? {
                MetaIndex::Number(n) => (n, true),
                MetaIndex::Text(text) => match text.parse::<u32>() {
                    Ok(n) if !text.starts_with('+') => (n, false),
                    _ => {
                        report.add(
                            &path.key("index"),
                            ViolationCode::InvalidFormat,
                            format!("index is a button position such as \"0\" (got {text:?})"),
                            None,
                        );
                        return None;
                    }
                },
            };
            let button_parameters = c
                .parameters
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .filter_map(|(i, p)| button_parameter_from_wire(p, report, &parameters_path.index(i)))
                .collect();
            Some(TemplateComponent::Button(TemplateButton {
                sub_type: parsed,
                index,
                parameters: button_parameters,
                index_as_number: WireHint(as_number),
                sub_type_upper_case: WireHint(sub_type != parsed.as_str()),
            }))
        }
        "limited_time_offer" => {
            let offer = need(report, path, "parameters", c.parameters)?
                .into_iter()
                .next()
                .and_then(|p| p.limited_time_offer)
                .and_then(|o| o.expiration_time_ms);
            let offer = need(report, &parameters_path.index(0).key("limited_time_offer"), "expiration_time_ms", offer)?;
            Some(TemplateComponent::LimitedTimeOffer(LimitedTimeOffer { expiration_time_ms: offer }))
        }
        "carousel" => {
            let cards_path = path.key("cards");
            let cards = need(report, path, "cards", c.cards)?
                .into_iter()
                .enumerate()
                .filter_map(|(i, card)| {
                    let at = cards_path.index(i);
                    let card_index = need(report, &at, "card_index", card.card_index);
                    let components = need(report, &at, "components", card.components)
                        .map(|list| components_from_wire(list, report, &at.key("components")));
                    Some(TemplateCard { card_index: card_index?, components: components? })
                })
                .collect();
            Some(TemplateComponent::Carousel(TemplateCarousel { cards }))
        }
        other => {
            report.add(&path.key("type"), ViolationCode::InvalidValue, format!("unknown template component type {other:?}; expected header, body, button, limited_time_offer or carousel"), None);
            None
        }
    }
}

fn parameter_from_wire(p: MetaParameter, report: &mut Report, path: &Path<'_>) -> Option<TemplateParameter> {
    let kind = need(report, path, "type", p.kind)?;
    let at = path.key(&kind);
    match kind.as_str() {
        "text" => need(report, path, "text", p.text)
            .map(|text| TemplateParameter::Text(TextParameter { text, parameter_name: p.parameter_name })),
        "currency" => need(report, path, "currency", p.currency).and_then(|c| {
            let fallback_value = need(report, &at, "fallback_value", c.fallback_value);
            let code = need(report, &at, "code", c.code);
            let amount = need(report, &at, "amount_1000", c.amount_1000);
            Some(TemplateParameter::Currency(CurrencyParameter {
                fallback_value: fallback_value?,
                code: code?,
                amount1000: amount?,
                parameter_name: p.parameter_name,
            }))
        }),
        "date_time" => need(report, path, "date_time", p.date_time).and_then(|d| {
            Some(TemplateParameter::DateTime(DateTimeParameter {
                fallback_value: need(report, &at, "fallback_value", d.fallback_value)?,
                day_of_week: d.day_of_week,
                year: d.year,
                month: d.month,
                day_of_month: d.day_of_month,
                hour: d.hour,
                minute: d.minute,
                calendar: d.calendar,
                parameter_name: p.parameter_name,
            }))
        }),
        "image" => need(report, path, "image", p.image).map(TemplateParameter::Image),
        "video" => need(report, path, "video", p.video).map(TemplateParameter::Video),
        "document" => need(report, path, "document", p.document).map(TemplateParameter::Document),
        "location" => need(report, path, "location", p.location).map(TemplateParameter::Location),
        other => {
            report.add(&path.key("type"), ViolationCode::InvalidValue, format!("unknown parameter type {other:?}; expected text, currency, date_time, image, video, document or location"), None);
            None
        }
    }
}

fn button_parameter_from_wire(p: MetaParameter, report: &mut Report, path: &Path<'_>) -> Option<ButtonParameter> {
    let kind = need(report, path, "type", p.kind)?;
    match kind.as_str() {
        "payload" => need(report, path, "payload", p.payload)
            .map(|payload| ButtonParameter::Payload(PayloadParameter { payload })),
        "text" => need(report, path, "text", p.text).map(|text| ButtonParameter::Text(ButtonText { text })),
        "coupon_code" => need(report, path, "coupon_code", p.coupon_code)
            .map(|coupon_code| ButtonParameter::CouponCode(CouponCode { coupon_code })),
        "action" => need(report, path, "action", p.action).map(|a| {
            ButtonParameter::Action(ActionParameter {
                action: ButtonAction {
                    flow_token: a.flow_token,
                    flow_action_data: a.flow_action_data,
                    thumbnail_product_retailer_id: a.thumbnail_product_retailer_id,
                    sections: a
                        .sections
                        .map(|s| product_sections_from_wire(s, report, &path.key("action").key("sections"))),
                },
            })
        }),
        other => {
            report.add(
                &path.key("type"),
                ViolationCode::InvalidValue,
                format!("unknown button parameter type {other:?}; expected payload, text, coupon_code or action"),
                None,
            );
            None
        }
    }
}
