//! Bird's own request, as its Channels API spells it: what `read` checks a body into and
//! `write` writes back, field for field. Bird's bodies say more than the neutral model
//! (several images in one message, postback actions, templates by project, scheduling,
//! tags), so a Bird body is validated in Bird's terms, and mapped to the
//! neutral model (`neutral.rs`) only where the two say the same thing.

use crate::json::Json;
use serde_json::{Map, Value};

/// `POST /workspaces/{workspaceId}/channels/{channelId}/messages`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BirdRequest {
    /// `receiver.contacts`: at least one.
    pub contacts: Vec<Contact>,
    pub payload: Payload,
    pub reply_to: Option<ReplyTo>,
    pub delivery: Delivery,
}

/// A receiver: Bird's contact `id`, or an identifier (for WhatsApp a phone number in +E.164).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contact {
    pub id: Option<String>,
    /// `"phonenumber"` when given; Bird takes it as the default for a WhatsApp channel.
    pub identifier_key: Option<String>,
    pub identifier_value: Option<String>,
}

/// What is sent: a body, or a template (exactly one).
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Body(Body),
    Template(Template),
}

impl Default for Payload {
    fn default() -> Self {
        Payload::Body(Body::Text(Text::default()))
    }
}

/// A message body, by Bird's `body.type`.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Text(Text),
    Image(Images),
    File(Files),
    Location(Location),
    List(List),
    Carousel(Carousel),
}

impl Body {
    /// Bird's name of the body type (`body.type`).
    pub fn kind(&self) -> &'static str {
        match self {
            Body::Text(_) => "text",
            Body::Image(_) => "image",
            Body::File(_) => "file",
            Body::Location(_) => "location",
            Body::List(_) => "list",
            Body::Carousel(_) => "carousel",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    pub text: String,
    pub actions: Option<Vec<Action>>,
    /// `metadata.whatsapp.previewUrl`: show a preview of the first link.
    pub preview_url: Option<bool>,
}

/// One or more images (WhatsApp images and stickers), with an optional text and actions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Images {
    pub text: Option<String>,
    pub images: Vec<Image>,
    pub actions: Option<Vec<Action>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    pub media_url: String,
    pub alt_text: Option<String>,
}

/// One or more files (WhatsApp audio, documents and videos), with an optional text and actions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Files {
    pub text: Option<String>,
    pub files: Vec<File>,
    pub actions: Option<Vec<Action>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct File {
    pub media_url: String,
    pub content_type: String,
    pub filename: Option<String>,
    pub alt_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Location {
    pub latitude: f64,
    pub longitude: f64,
    /// `location.location`: the place's label (WhatsApp's name) and address.
    pub label: Option<String>,
    pub address: Option<String>,
}

/// A list message: a text and the rows behind its button, in `items`: one item without a
/// title for a list without sections, or one titled item per section.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct List {
    pub title: Option<String>,
    pub text: String,
    pub alt_text: Option<String>,
    /// `items`: the sections, each a title and its rows (postback or reply actions).
    pub sections: Vec<Section>,
    /// `metadata.button.label`: the button that opens the list.
    pub button_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    /// Required when a list has more than one section.
    pub title: Option<String>,
    pub actions: Vec<Action>,
}

/// Cards side by side: all images or all videos, each with exactly one link action.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Carousel {
    /// The bubble shown before the cards.
    pub text: String,
    pub items: Vec<Card>,
}

/// A carousel card. Bird's card has no media type: the media URL's extension (or a data
/// URL's type) tells an image card from a video card.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Card {
    pub title: String,
    pub description: Option<String>,
    pub media_url: String,
    pub alt_text: Option<String>,
    pub actions: Vec<Action>,
}

/// A button or choice.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Opens `url`.
    Link { text: String, url: String },
    /// A quick reply: the customer's answer is `text`. `description` (`metadata.description.label`)
    /// shows under a list row's title.
    Reply { text: String, description: Option<String> },
    /// A quick reply whose answer carries `payload` back to you (a button's or row's id).
    Postback { text: String, payload: Option<String>, description: Option<String> },
    /// Asks for the customer's location; `None` when the action has no `locationRequest` object.
    LocationRequest { text: Option<Option<String>> },
}

impl Action {
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Link { .. } => "link",
            Action::Reply { .. } => "reply",
            Action::Postback { .. } => "postback",
            Action::LocationRequest { .. } => "locationRequest",
        }
    }

    /// The label the customer sees (a locationRequest's is WhatsApp's own when absent).
    pub fn text(&self) -> Option<&str> {
        match self {
            Action::Link { text, .. } | Action::Reply { text, .. } | Action::Postback { text, .. } => Some(text),
            Action::LocationRequest { text } => text.as_ref().and_then(Option::as_deref),
        }
    }
}

/// A template made in Bird Studio, by project and version, with its variables.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Template {
    pub project_id: String,
    /// `"latest"` or a version's UUID.
    pub version: String,
    pub locale: String,
    pub parameters: Option<Vec<TemplateParameter>>,
    /// `settings.disallowMmLite`: a marketing template sent without Meta's MM Lite API (Bird's
    /// spec: "specific for WhatsApp marketing templates").
    pub disallow_mm_lite: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TemplateParameter {
    /// The variable's name in the template (`{{key}}`); a button's or an image's too.
    pub key: String,
    pub value: ParameterValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ParameterValue {
    String(Option<String>),
    Number(Option<f64>),
    Boolean(Option<bool>),
}

impl ParameterValue {
    pub fn kind(&self) -> &'static str {
        match self {
            ParameterValue::String(_) => "string",
            ParameterValue::Number(_) => "number",
            ParameterValue::Boolean(_) => "boolean",
        }
    }
}

/// `replyTo`: the message, click or referral this one answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyTo {
    pub id: String,
    pub kind: ReplyKind,
    pub order: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyKind {
    Message,
    Click,
    Referrals,
}

impl ReplyKind {
    pub const ALL: [ReplyKind; 3] = [ReplyKind::Message, ReplyKind::Click, ReplyKind::Referrals];

    pub fn name(self) -> &'static str {
        match self {
            ReplyKind::Message => "message",
            ReplyKind::Click => "click",
            ReplyKind::Referrals => "referrals",
        }
    }
}

/// How and when Bird delivers the message: the request's top-level options.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Delivery {
    /// Your reference, echoed in status webhooks.
    pub reference: Option<String>,
    /// `meta.extraInformation`, kept as given (its `useCase` is checked).
    pub extra_information: Option<Map<String, Value>>,
    pub cap_frequency: Option<bool>,
    pub enable_link_tracking: Option<bool>,
    pub ignore_quiet_hours: Option<bool>,
    pub ignore_global_holdout: Option<bool>,
    pub tags: Option<Vec<String>>,
    /// `shortLinks.domain`.
    pub short_links_domain: Option<String>,
    /// RFC 3339.
    pub scheduled_for: Option<String>,
    /// Seconds Bird keeps trying to deliver.
    pub validity: Option<u64>,
}

impl Delivery {
    /// `meta.extraInformation.useCase`.
    pub fn use_case(&self) -> Option<&str> {
        self.extra_information.as_ref()?.get("useCase")?.as_str()
    }
}

/// A free-form object read from the tree (`meta.extraInformation`), kept for reproduction.
pub(super) fn to_map(value: &Json<'_>) -> Option<Map<String, Value>> {
    match value.to_value() {
        Value::Object(map) => Some(map),
        _ => None,
    }
}
