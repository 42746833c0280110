//! The neutral model to Meta's wire structs (serialization). `to_wire` cannot fail for a
//! valid message. Reading Meta bodies back is `read.rs`.

use super::read::{ButtonSpelling, MetaSpelling};
use super::wire::*;
use crate::message::*;

// ---------------------------------------------------------------- neutral → Meta

/// The wire form of `message`, spelt as `spelling` says (the default for a message that did
/// not come from a Meta body).
pub fn to_wire(message: &Message, spelling: &MetaSpelling) -> MetaMessage {
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
            wire.template = Some(template_to_wire(t, &mut spelling.buttons.iter().copied()));
            "template"
        }
        interactive => {
            wire.interactive = Some(interactive_to_wire(interactive));
            "interactive"
        }
    };
    if !spelling.type_omitted {
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

/// Buttons' spellings, consumed in document order by the components that are buttons.
type Buttons<'a> = dyn Iterator<Item = ButtonSpelling> + 'a;

fn template_to_wire(t: &Template, buttons: &mut Buttons<'_>) -> MetaTemplate {
    MetaTemplate {
        name: Some(t.name.clone()),
        language: Some(MetaLanguage { code: Some(t.language.code.clone()), policy: t.language.policy.clone() }),
        components: t.components.as_ref().map(|c| c.iter().map(|c| component_to_wire(c, buttons)).collect()),
    }
}

fn component_to_wire(component: &TemplateComponent, buttons: &mut Buttons<'_>) -> MetaComponent {
    let with_parameters = |kind: &str, parameters: &[TemplateParameter]| MetaComponent {
        kind: Some(kind.to_string()),
        parameters: non_empty(parameters).map(|p| p.iter().map(parameter_to_wire).collect()),
        ..MetaComponent::default()
    };
    match component {
        TemplateComponent::Header(c) => with_parameters("header", &c.parameters),
        TemplateComponent::Body(c) => with_parameters("body", &c.parameters),
        TemplateComponent::Button(b) => {
            let spelling = buttons.next().unwrap_or_default();
            let sub_type = b.sub_type.as_str();
            MetaComponent {
                kind: Some("button".into()),
                sub_type: Some(if spelling.sub_type_upper_case {
                    sub_type.to_ascii_uppercase()
                } else {
                    sub_type.to_string()
                }),
                index: Some(if spelling.index_as_number {
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
                        components: Some(card.components.iter().map(|c| component_to_wire(c, buttons)).collect()),
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
