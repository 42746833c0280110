//! The provider-neutral message model: who receives it, what it replies to, and its content.
//!
//! These types are plain data with serde derives (camelCase on the JS side), so a message is
//! the same value whether it is built in Rust, written as a JS object literal, or read from
//! JSON. Builders are small constructors and `with_*` methods; nothing here knows a provider.

mod contacts;
pub mod interactive;
mod location;
pub mod media;
mod reaction;
pub(crate) mod read;
pub mod template;
mod text;
pub(crate) mod write;

pub use contacts::{
    Contact, ContactAddress, ContactEmail, ContactName, ContactOrg, ContactPhone, ContactUrl, Contacts,
};
pub use interactive::{
    AddressRequest, CardCtaUrl, Carousel, CarouselCard, Catalog, CtaUrl, Flow, FlowAction, FlowActionPayload, FlowMode,
    Header, HeaderText, List, ListRow, ListSection, Product, ProductCard, ProductCarousel, ProductList, ProductSection,
    ReplyButton, ReplyButtons,
};
pub use location::{Location, LocationRequest};
pub use media::{Media, MediaKind};
pub use reaction::Reaction;
pub use template::{
    ActionParameter, ButtonAction, ButtonParameter, ButtonSubType, ButtonText, ComponentParameters, CouponCode,
    CurrencyParameter, DateTimeParameter, LimitedTimeOffer, PayloadParameter, ProductParameter, Template,
    TemplateButton, TemplateCard, TemplateCarousel, TemplateComponent, TemplateLanguage, TemplateParameter,
    TextParameter,
};
pub use text::Text;

use crate::limits::CALLBACK_DATA_MAX_CHARS;
use crate::validate::{
    Json, Path, Report, Violation, ViolationCode, check_chars, check_identifier, check_phone_number, parse_tree,
};
use serde::{Deserialize, Serialize};

/// A WhatsApp message in provider-neutral form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Message {
    /// The recipient: a phone number in international format (`+` optional, 7–15 digits,
    /// country code first), a WhatsApp user's business-scoped user id (a BSUID,
    /// `US.13491208655302741918`), a Bird contact id, or a group id when
    /// `recipientType` is `"group"`.
    pub to: String,
    /// `"individual"` (the default when absent) or `"group"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub recipient_type: Option<RecipientType>,
    /// The provider's id of the message this one replies to (shown quoted above it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub reply_to: Option<String>,
    /// Your own reference, echoed in the message's status webhooks (Meta
    /// `biz_opaque_callback_data`): at most 512 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub callback_data: Option<String>,
    /// What the message says.
    pub content: Content,
}

/// Marks an inbound message (and the ones before it) as read, optionally showing a typing
/// indicator until the reply or for 25 seconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MarkRead {
    /// The provider id of the inbound message.
    pub message_id: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub typing_indicator: bool,
}

impl Validate for MarkRead {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_identifier(report, &path.key("messageId"), "messageId", &self.message_id);
    }
}

/// What a provider's messages endpoint takes: a message, or a read receipt (Meta sends both
/// to `POST …/messages`). In neutral JSON a read receipt is `{"markRead": {…}}`.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)] // one per send, never in bulk: boxing would only add noise
pub enum Request {
    Message(Message),
    MarkRead(MarkRead),
}

impl Request {
    pub fn validate(&self) -> Result<(), Vec<Violation>> {
        match self {
            Request::Message(message) => message.validate(),
            Request::MarkRead(read) => {
                let mut report = Report::new();
                read.validate_into(&mut report, &Path::root().key("markRead"));
                report.into_result()
            }
        }
    }
}

/// Whether a message goes to one person or to a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum RecipientType {
    Individual,
    Group,
}

/// The content of a message, discriminated by `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Content {
    /// A text message.
    Text(Text),
    /// An image (image/jpeg, image/png; at most 5 MB), with an optional caption.
    Image(Media),
    /// A video (video/mp4, video/3gpp; at most 16 MB), with an optional caption.
    Video(Media),
    /// An audio file or voice note (at most 16 MB); no caption.
    Audio(Media),
    /// A document (at most 100 MB), with an optional caption and filename.
    Document(Media),
    /// A sticker (image/webp; 100 KB static, 500 KB animated); no caption.
    Sticker(Media),
    /// A location pin.
    Location(Location),
    /// A request for the customer's location.
    LocationRequest(LocationRequest),
    /// A request for the customer's delivery address (India, Singapore).
    AddressRequest(AddressRequest),
    /// Contact cards.
    Contacts(Contacts),
    /// An emoji reaction to a message (or its removal).
    Reaction(Reaction),
    /// Up to three reply buttons.
    ReplyButtons(ReplyButtons),
    /// A list of options behind a button.
    List(List),
    /// A button that opens a URL.
    CtaUrl(CtaUrl),
    /// One product of a catalog.
    Product(Product),
    /// Several products of a catalog, in sections.
    ProductList(ProductList),
    /// The business's catalog.
    Catalog(Catalog),
    /// A WhatsApp Flow.
    Flow(Flow),
    /// A carousel of media cards.
    Carousel(Carousel),
    /// A carousel of product cards.
    ProductCarousel(ProductCarousel),
    /// A pre-approved template with its variables.
    Template(Template),
}

impl Content {
    /// Every content kind, as named in the neutral model's `type` field.
    pub const KINDS: [&'static str; 21] = [
        "text",
        "image",
        "video",
        "audio",
        "document",
        "sticker",
        "location",
        "locationRequest",
        "addressRequest",
        "contacts",
        "reaction",
        "replyButtons",
        "list",
        "ctaUrl",
        "product",
        "productList",
        "catalog",
        "flow",
        "carousel",
        "productCarousel",
        "template",
    ];

    /// The content kind as named in the neutral model's `type` field.
    pub fn kind(&self) -> &'static str {
        match self {
            Content::Text(_) => "text",
            Content::Image(_) => "image",
            Content::Video(_) => "video",
            Content::Audio(_) => "audio",
            Content::Document(_) => "document",
            Content::Sticker(_) => "sticker",
            Content::Location(_) => "location",
            Content::LocationRequest(_) => "locationRequest",
            Content::AddressRequest(_) => "addressRequest",
            Content::Contacts(_) => "contacts",
            Content::Reaction(_) => "reaction",
            Content::ReplyButtons(_) => "replyButtons",
            Content::List(_) => "list",
            Content::CtaUrl(_) => "ctaUrl",
            Content::Product(_) => "product",
            Content::ProductList(_) => "productList",
            Content::Catalog(_) => "catalog",
            Content::Flow(_) => "flow",
            Content::Carousel(_) => "carousel",
            Content::ProductCarousel(_) => "productCarousel",
            Content::Template(_) => "template",
        }
    }

    /// The media kind and media of the media contents.
    pub fn media(&self) -> Option<(MediaKind, &Media)> {
        match self {
            Content::Image(m) => Some((MediaKind::Image, m)),
            Content::Video(m) => Some((MediaKind::Video, m)),
            Content::Audio(m) => Some((MediaKind::Audio, m)),
            Content::Document(m) => Some((MediaKind::Document, m)),
            Content::Sticker(m) => Some((MediaKind::Sticker, m)),
            _ => None,
        }
    }
}

impl From<Text> for Content {
    fn from(text: Text) -> Self {
        Content::Text(text)
    }
}

/// Content validation: every violation of the value, reported at paths below `path`.
pub trait Validate {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>);
}

impl Validate for Content {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        if let Some((kind, media)) = self.media() {
            return media.validate_as(kind, false, report, path);
        }
        match self {
            Content::Text(c) => c.validate_into(report, path),
            Content::Location(c) => c.validate_into(report, path),
            Content::LocationRequest(c) => c.validate_into(report, path),
            Content::AddressRequest(c) => c.validate_into(report, path),
            Content::Contacts(c) => c.validate_into(report, path),
            Content::Reaction(c) => c.validate_into(report, path),
            Content::ReplyButtons(c) => c.validate_into(report, path),
            Content::List(c) => c.validate_into(report, path),
            Content::CtaUrl(c) => c.validate_into(report, path),
            Content::Product(c) => c.validate_into(report, path),
            Content::ProductList(c) => c.validate_into(report, path),
            Content::Catalog(c) => c.validate_into(report, path),
            Content::Flow(c) => c.validate_into(report, path),
            Content::Carousel(c) => c.validate_into(report, path),
            Content::ProductCarousel(c) => c.validate_into(report, path),
            Content::Template(c) => c.validate_into(report, path),
            Content::Image(_) | Content::Video(_) | Content::Audio(_) | Content::Document(_) | Content::Sticker(_) => {}
        }
    }
}

impl Request {
    /// Reads a neutral document — a message, or `{"markRead": {...}}` — reporting every
    /// structural violation (missing fields, wrong types, unknown fields) at its pointer; with
    /// unknown fields alone, its values' violations too (see [`Request::read_whole`]).
    pub fn from_json(json: &str) -> Result<Request, Vec<Violation>> {
        let tree = parse_tree(json).map_err(|v| vec![v])?;
        Self::from_tree(&tree)
    }

    fn from_tree<'v>(tree: &'v Json<'v>) -> Result<Request, Vec<Violation>> {
        match Self::read_whole(tree)? {
            (request, unknown) if unknown.is_empty() => Ok(request),
            // Its values are judged too, so that removing the unknown fields does not reveal more.
            (request, unknown) => {
                Err(crate::validate::one_list(unknown.into_iter().chain(request.validate().err().unwrap_or_default())))
            }
        }
    }

    /// A neutral document read whole despite fields the model does not know (the reader passes
    /// them by), with those fields' violations, for a caller to judge its values too; `Err`
    /// with every structural violation after any other fault (a reader leaves out what it
    /// could not read, an item of a list, and the rest's pointers would not be the caller's).
    pub fn read_whole<'v>(tree: &'v Json<'v>) -> Result<(Request, Vec<Violation>), Vec<Violation>> {
        let mut report = Report::new();
        match read::request(tree, &mut report) {
            Some(request) if report.only_unknown_fields() => Ok((request, report.into_violations())),
            _ => Err(report.into_violations()),
        }
    }
}

impl Message {
    /// Reads a message from neutral JSON, reporting every structural violation at its
    /// pointer (limits are checked by [`Message::validate`], but with unknown fields alone:
    /// see [`Request::from_json`]).
    pub fn from_json(json: &str) -> Result<Message, Vec<Violation>> {
        let tree = parse_tree(json).map_err(|v| vec![v])?;
        Self::from_tree(&tree)
    }

    /// Reads a message from a parsed JSON value (one item of a bulk input, say).
    pub fn from_tree<'v>(tree: &'v Json<'v>) -> Result<Message, Vec<Violation>> {
        if tree.get("markRead").is_some() {
            return Err(vec![Self::not_a_read_receipt()]);
        }
        match Request::from_tree(tree)? {
            Request::Message(message) => Ok(message),
            Request::MarkRead(_) => unreachable_read_receipt(),
        }
    }

    /// [`Request::read_whole`] of a message: a read receipt is refused.
    pub fn read_whole<'v>(tree: &'v Json<'v>) -> Result<(Message, Vec<Violation>), Vec<Violation>> {
        if tree.get("markRead").is_some() {
            return Err(vec![Self::not_a_read_receipt()]);
        }
        match Request::read_whole(tree)? {
            (Request::Message(message), unknown) => Ok((message, unknown)),
            (Request::MarkRead(_), _) => unreachable_read_receipt(),
        }
    }

    fn not_a_read_receipt() -> Violation {
        let message = "a read receipt is not a message".to_string();
        Violation { path: "/markRead".into(), code: ViolationCode::UnknownField, message, limit: None }
    }

    /// A message to `to` (phone number in international format) with `content`.
    pub fn new(to: impl Into<String>, content: impl Into<Content>) -> Self {
        Message { to: to.into(), recipient_type: None, reply_to: None, callback_data: None, content: content.into() }
    }

    /// A text message: `Message::text("+16505551234", "Hello")`.
    pub fn text(to: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(to, Text::new(body))
    }

    /// Marks the message as a reply to the provider message `message_id`.
    pub fn with_reply_to(mut self, message_id: impl Into<String>) -> Self {
        self.reply_to = Some(message_id.into());
        self
    }

    /// Sends the message to a group; `to` is then the group id.
    pub fn to_group(mut self) -> Self {
        self.recipient_type = Some(RecipientType::Group);
        self
    }

    /// Checks every documented limit; returns all violations, not only the first.
    pub fn validate(&self) -> Result<(), Vec<Violation>> {
        let mut report = Report::new();
        self.validate_into(&mut report, &Path::root());
        report.into_result()
    }
}

/// `from_value` refuses read receipts before reading, so this cannot happen; an error rather
/// than a panic all the same (a panic would poison the wasm instance).
fn unreachable_read_receipt<T>() -> Result<T, Vec<Violation>> {
    Err(vec![Violation {
        path: String::new(),
        code: ViolationCode::InvalidValue,
        message: "not a message".into(),
        limit: None,
    }])
}

/// Messages deserialize through the same reader as [`Message::from_json`], so that serde
/// users get the same checks (and an error naming the first violation's pointer).
impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tree = Json::deserialize(deserializer)?;
        Message::from_tree(&tree).map_err(|violations| {
            let first = violations.first().map(ToString::to_string).unwrap_or_default();
            serde::de::Error::custom(format!("invalid message: {first}"))
        })
    }
}

/// What is wrong with a group's id, if anything: a chat (`<id>@g.us`, 1MSG's) is digits (an
/// older group's with a `-`); another id (Meta's groups) is letters, digits and `-_=.` —
/// never a person's chat, a phone number or words.
pub fn group_id_fault(to: &str) -> Option<String> {
    let (id, chat) = match to.strip_suffix("@g.us") {
        Some(id) => (id, true),
        None => (to, false),
    };
    let allowed =
        |b: u8| b.is_ascii_digit() || b == b'-' || (!chat && (b.is_ascii_alphanumeric() || b"_=.".contains(&b)));
    if crate::validate::is_bsuid(id) {
        return Some(format!("{to:?} is a person's business-scoped user id, not a group's id"));
    }
    if id.is_empty() || id.bytes().all(allowed) {
        return None;
    }
    Some(if chat {
        format!("a group chat is <digits>@g.us (got {to:?})")
    } else if to.ends_with("@c.us") || to.starts_with('+') || to.contains(' ') {
        format!(
            "a group is named by its id (<digits>@g.us on 1MSG), not a person's number or chat, nor words (got {to:?})"
        )
    } else {
        format!("a group id is letters, digits and -_=. (got {to:?})")
    })
}

/// Who a message goes to, as `to` and `recipientType` say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient<'a> {
    /// A phone number (E.164 with or without `+`, as people write it, or a 1MSG individual
    /// chat `<digits>@c.us`), normalised.
    Phone(crate::phone::PhoneNumber),
    /// A Bird contact id (a UUID).
    Contact(&'a str),
    /// A group by its id (`recipientType: "group"`): Meta's group id, or 1MSG's group chat.
    Group(&'a str),
    /// A 1MSG group chat named as such (`<id>@g.us`; the suffix taken off).
    GroupChat(&'a str),
    /// A WhatsApp user by their business-scoped user id (BSUID, `US.13491208655302741918`):
    /// the id a customer whose number is hidden behind a username has.
    UserId(&'a str),
}

/// The kinds of [`Recipient`], for what each provider takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientKind {
    Phone,
    Contact,
    Group,
    GroupChat,
    UserId,
}

impl RecipientKind {
    /// What the recipient is, for messages that refuse it.
    pub fn describe(self) -> &'static str {
        match self {
            RecipientKind::Phone => "phone number recipient",
            RecipientKind::Contact => "Bird contact id recipient",
            RecipientKind::Group => "group recipient",
            RecipientKind::GroupChat => "1MSG group chat recipient (<id>@g.us)",
            RecipientKind::UserId => "business-scoped user id recipient (BSUID)",
        }
    }

    /// Where a refusal of it points.
    pub fn pointer(self) -> &'static str {
        if self == RecipientKind::Group { "/recipientType" } else { "/to" }
    }
}

impl Message {
    /// Who the message goes to; `None` when `to` is not a valid recipient (see `validate`).
    pub fn recipient(&self) -> Option<Recipient<'_>> {
        let to = self.to.as_str();
        Some(match self.recipient_kind() {
            RecipientKind::GroupChat => Recipient::GroupChat(to.strip_suffix("@g.us").unwrap_or(to)),
            RecipientKind::Group => Recipient::Group(to),
            RecipientKind::Contact => Recipient::Contact(to),
            RecipientKind::UserId => Recipient::UserId(to),
            RecipientKind::Phone => {
                Recipient::Phone(crate::phone::parse(to.strip_suffix("@c.us").unwrap_or(to), None).ok()?)
            }
        })
    }

    /// What kind of recipient `to` names, without reading a phone number (the send path asks
    /// it of every message; `validate` has checked the number).
    pub fn recipient_kind(&self) -> RecipientKind {
        if self.recipient_type == Some(RecipientType::Group) {
            if self.to.ends_with("@g.us") { RecipientKind::GroupChat } else { RecipientKind::Group }
        } else if crate::validate::is_uuid(&self.to) {
            RecipientKind::Contact
        } else if crate::validate::is_bsuid(&self.to) {
            RecipientKind::UserId
        } else {
            RecipientKind::Phone
        }
    }

    /// The recipient's phone number as a provider that takes digits is sent it: normalised to
    /// the country code and national number however it was written (`+330612345678` and
    /// `+33 6 12 34 56 78` are both `33612345678`: the number validated is the number sent).
    pub fn phone_digits(&self) -> Option<String> {
        if self.recipient_kind() != RecipientKind::Phone {
            return None;
        }
        match self.recipient()? {
            Recipient::Phone(number) => Some(number.digits()),
            _ => None,
        }
    }
}

impl Validate for Message {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        let to = path.key("to");
        match self.recipient_kind() {
            RecipientKind::Group | RecipientKind::GroupChat => {
                check_identifier(report, &to, "group id (to)", &self.to);
                if let Some(why) = group_id_fault(&self.to) {
                    report.add(&to, ViolationCode::InvalidFormat, why, None);
                }
            }
            RecipientKind::Contact | RecipientKind::UserId => {}
            RecipientKind::Phone if self.to.ends_with("@g.us") => report.add(
                &to,
                ViolationCode::InvalidValue,
                "a group chat (<id>@g.us) is sent to with recipientType \"group\"",
                None,
            ),
            // Two letters and a period, or a `…@lid` chat: meant as a business-scoped user id.
            RecipientKind::Phone
                if self.to.ends_with("@lid")
                    || self.to.split_once('.').is_some_and(|(country, _)| {
                        country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic())
                    }) =>
            {
                let why = match self.to.strip_suffix("@lid") {
                    Some(id) if crate::validate::is_bsuid(id) => {
                        format!("a <BSUID>@lid chat is sent to by its business-scoped user id: to {id:?}")
                    }
                    _ => format!("to is a phone number, or {} (got {:?})", crate::validate::bsuid_form(), self.to),
                };
                report.add(&to, ViolationCode::InvalidFormat, why, None);
            }
            RecipientKind::Phone => {
                let phone = self.to.strip_suffix("@c.us").unwrap_or(&self.to);
                check_phone_number(report, &to, "recipient (to)", phone)
            }
        }
        if let Some(reply_to) = &self.reply_to {
            check_identifier(report, &path.key("replyTo"), "replyTo message id", reply_to);
            if matches!(self.content, Content::Reaction(_)) {
                // Meta: "a reaction cannot be sent as a contextual reply".
                report.add(
                    &path.key("replyTo"),
                    ViolationCode::InvalidValue,
                    "a reaction cannot be a reply (it names its message in messageId)",
                    None,
                );
            }
        }
        if let Some(data) = &self.callback_data {
            check_chars(report, &path.key("callbackData"), "callbackData", data, 1, CALLBACK_DATA_MAX_CHARS);
        }
        // Meta's groups guide: group messages may be text, media, or text- and media-based templates.
        if self.recipient_type == Some(RecipientType::Group)
            && !matches!(self.content, Content::Text(_) | Content::Template(_))
            && self.content.media().is_none()
        {
            report.add(
                &path.key("content").key("type"),
                ViolationCode::Unsupported,
                format!("groups take text, media and template messages, not {}", self.content.kind()),
                None,
            );
        }
        self.content.validate_into(report, &path.key("content"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ViolationCode;

    #[test]
    fn serializes_camel_case_with_type_tag_and_omits_absent_options() {
        let message = Message::text("+16505551234", "Hi").with_reply_to("wamid.1");
        let json = serde_json::to_value(&message).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"to": "+16505551234", "replyTo": "wamid.1", "content": {"type": "text", "body": "Hi"}})
        );
        let back: Message = serde_json::from_value(json).unwrap();
        assert_eq!(back, message);
    }

    /// What the model reads, its own writer writes: a media header's MIME type too (it was
    /// lost, and with it the type a provider that needs one had been given).
    #[test]
    fn a_media_headers_mime_type_survives_the_models_json() {
        for json in [
            r#"{"to":"1","content":{"type":"replyButtons","header":{"type":"document","link":"https://a.example/t","mimeType":"application/pdf","filename":"t.pdf"},"body":"Ok?","buttons":[{"id":"y","title":"Yes"}]}}"#,
            r#"{"to":"1","content":{"type":"carousel","body":"New","cards":[{"header":{"type":"video","link":"https://a.example/1","mimeType":"video/mp4"},"body":"1","ctaUrl":{"displayText":"Buy","url":"https://a.example/p/1"}},{"header":{"type":"video","link":"https://a.example/2","mimeType":"video/mp4"},"body":"2","ctaUrl":{"displayText":"Buy","url":"https://a.example/p/2"}}]}}"#,
        ] {
            let message = Message::from_json(json).unwrap();
            let written: serde_json::Value = serde_json::from_str(&message.to_json()).unwrap();
            assert_eq!(written, serde_json::from_str::<serde_json::Value>(json).unwrap());
        }
    }

    #[test]
    fn rejects_unknown_fields() {
        let err = serde_json::from_str::<Message>(r#"{"to":"1","content":{"type":"text","body":"x"},"extra":1}"#);
        assert!(err.is_err());
        let err = serde_json::from_str::<Message>(r#"{"to":"1","content":{"type":"text","body":"x","bdy":1}}"#);
        assert!(err.is_err());
    }

    #[test]
    fn reports_every_violation_at_its_pointer() {
        let mut message = Message::text("12", "").with_reply_to(" ");
        message.content = Text::new("").into();
        let violations = message.validate().unwrap_err();
        let found: Vec<_> = violations.iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(
            found,
            vec![
                ("/to", ViolationCode::TooShort),
                ("/replyTo", ViolationCode::Required),
                ("/content/body", ViolationCode::Required),
            ]
        );
    }

    #[test]
    fn group_recipients_take_a_group_id() {
        assert!(Message::text("120363025246125486@g.us", "Hi").to_group().validate().is_ok());
        assert!(Message::text("120363025246125486@g.us", "Hi").validate().is_err());
        // Meta's group ids are letters and digits; an older WhatsApp group's chat has a `-`.
        for ok in ["Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjMzOTQzMjAwMzc5NjMZD", "16505551234-1592501234@g.us"] {
            assert!(Message::text(ok, "Hi").to_group().validate().is_ok(), "{ok}");
        }
        // A person's chat, a phone number, words: not a group (1MSG would get `…@c.us@g.us`).
        for bad in ["16505551234@c.us", "+16505551234", "Friends group", "abc@g.us", "12@c.us@g.us"] {
            let violations = Message::text(bad, "Hi").to_group().validate().unwrap_err();
            assert_eq!(
                (violations[0].path.as_str(), violations[0].code),
                ("/to", ViolationCode::InvalidFormat),
                "{bad}"
            );
        }
    }
}
