//! Meta's WhatsApp Cloud API: the neutral model to and from Meta's wire JSON, request
//! building and response decoding for `MetaClient`.
//!
//! Reference: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
//! and the OpenAPI spec in ../shared/specs/meta (evidence, not gospel: where the spec and
//! the docs disagree, the docs win and the code says why).

mod client;
mod error;
pub mod wire;

pub use client::{DEFAULT_API_VERSION, DEFAULT_BASE_URL, MetaConfig, MetaContact, MetaMessageStatus, MetaSendResult};
pub use error::decode_error;

use super::{Provider, to_json, validated_from_wire};
use crate::error::Error;
use crate::message::{Content, Message, Text};
use crate::validate::{Path, Report, ViolationCode, decode_json};
use std::borrow::Cow;
use wire::{MessagingProduct, MetaContext, MetaMessage, MetaText};

/// Validates `message` and serializes it to the body of `POST /{version}/{phone-number-id}/messages`.
pub fn serialize(message: &Message) -> Result<String, Error> {
    message.validate()?;
    to_json(&to_wire(message)?)
}

/// The wire form of a (validated) message.
pub fn to_wire(message: &Message) -> Result<MetaMessage<'_>, Error> {
    let mut wire = MetaMessage {
        messaging_product: MessagingProduct::WhatsApp,
        recipient_type: message.recipient_type,
        to: Cow::Borrowed(&message.to),
        context: message.reply_to.as_deref().map(|id| MetaContext { message_id: Cow::Borrowed(id) }),
        kind: Some(Cow::Borrowed(message.content.kind())),
        text: None,
    };
    match &message.content {
        Content::Text(text) => {
            wire.text = Some(MetaText { body: Cow::Borrowed(&text.body), preview_url: text.preview_url });
        }
    }
    Ok(wire)
}

/// The Meta message types (`type`) the Cloud API documents for `POST …/messages`.
const META_TYPES: [&str; 11] = [
    "text",
    "audio",
    "document",
    "image",
    "location",
    "video",
    "sticker",
    "reaction",
    "interactive",
    "template",
    "contacts",
];

/// Parses and validates a Meta request body into the neutral model. Every violation points
/// into the Meta body. `operation` is the endpoint; only `messages` (the default) exists.
pub fn parse(body: &str, operation: Option<&str>) -> Result<Message, Error> {
    match operation.unwrap_or("messages") {
        "messages" => {}
        other => return Err(Error::argument(format!("unknown Meta operation {other:?}: expected messages"))),
    }
    let wire: MetaMessage<'_> = decode_json(body).map_err(|v| Error::Invalid(vec![v]))?;
    let message = from_wire(wire)?;
    let table = pointer_table(&message.content);
    validated_from_wire(message, table)
}

/// The neutral form of a structurally valid Meta body (limits are not checked here).
pub fn from_wire(mut wire: MetaMessage<'_>) -> Result<Message, Error> {
    let root = Path::root();
    let mut report = Report::new();
    // Meta's docs: `type` is optional and defaults to `text`.
    let kind = wire.kind.as_deref().unwrap_or("text");
    // A content object other than the one `type` names would be ignored by Meta: refuse it.
    if kind != "text" && META_TYPES.contains(&kind) && wire.text.is_some() {
        report.add(
            &root.key("text"),
            ViolationCode::InvalidValue,
            format!("a text object in a message of type {kind:?}"),
            None,
        );
    }
    let content = match kind {
        "text" => match wire.text.take() {
            Some(text) => Some(Content::Text(Text { body: text.body.into_owned(), preview_url: text.preview_url })),
            None => {
                report.add(&root.key("text"), ViolationCode::Required, "a text message needs a text object", None);
                None
            }
        },
        known if META_TYPES.contains(&known) => {
            report.add(
                &root.key("type"),
                ViolationCode::Unsupported,
                format!("Meta message type {known:?} is not supported by this version of wabridge"),
                None,
            );
            None
        }
        unknown => {
            report.add(
                &root.key("type"),
                ViolationCode::InvalidValue,
                format!("unknown Meta message type {unknown:?}; expected one of {}", META_TYPES.join(", ")),
                None,
            );
            None
        }
    };
    match content {
        Some(content) if report.is_empty() => Ok(Message {
            to: wire.to.into_owned(),
            recipient_type: wire.recipient_type,
            reply_to: wire.context.map(|c| c.message_id.into_owned()),
            content,
        }),
        _ => Err(Error::Invalid(report.into_violations())),
    }
}

/// Where each neutral field lives in Meta's body, for reporting violations of a Meta body
/// at Meta's pointers. Envelope fields first, then the content kind's own.
fn pointer_table(content: &Content) -> &'static [(&'static str, &'static str)] {
    match content {
        Content::Text(_) => &[
            ("/recipientType", "/recipient_type"),
            ("/replyTo", "/context/message_id"),
            ("/content/previewUrl", "/text/preview_url"),
            ("/content", "/text"),
        ],
    }
}

/// The provider this module speaks, for errors.
pub const PROVIDER: Provider = Provider::Meta;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn violations(body: Value) -> Vec<(String, ViolationCode)> {
        match parse(&body.to_string(), None) {
            Ok(_) => Vec::new(),
            Err(Error::Invalid(v)) => v.into_iter().map(|v| (v.path, v.code)).collect(),
            Err(other) => panic!("unexpected error {other:?}"),
        }
    }

    #[test]
    fn serializes_a_text_reply() {
        let message = Message::text("16505551234", "Hello").with_reply_to("wamid.X");
        let body: Value = serde_json::from_str(&serialize(&message).unwrap()).unwrap();
        assert_eq!(
            body,
            json!({
                "messaging_product": "whatsapp",
                "to": "16505551234",
                "context": {"message_id": "wamid.X"},
                "type": "text",
                "text": {"body": "Hello"}
            })
        );
    }

    #[test]
    fn serialize_refuses_invalid_messages_with_neutral_pointers() {
        let Err(Error::Invalid(v)) = serialize(&Message::text("16505551234", "x".repeat(4097))) else { panic!() };
        assert_eq!(v[0].path, "/content/body");
    }

    #[test]
    fn parses_back_what_it_serializes() {
        let mut message = Message::text("+16505551234", "Visit https://example.com");
        message.content = Text::new("Visit https://example.com").with_preview_url(true).into();
        message.recipient_type = Some(crate::message::RecipientType::Individual);
        let back = parse(&serialize(&message).unwrap(), None).unwrap();
        assert_eq!(back, message);
    }

    #[test]
    fn reports_violations_at_meta_pointers() {
        let body = json!({"messaging_product": "whatsapp", "to": "12", "context": {"message_id": ""}, "type": "text", "text": {"body": "é".repeat(5000)}});
        assert_eq!(
            violations(body),
            vec![
                ("/to".into(), ViolationCode::TooShort),
                ("/context/message_id".into(), ViolationCode::Required),
                ("/text/body".into(), ViolationCode::TooLong)
            ]
        );
    }

    #[test]
    fn structural_errors_point_into_the_body() {
        let base =
            json!({"messaging_product": "whatsapp", "to": "16505551234", "type": "text", "text": {"body": "hi"}});
        let with = |pointer: &str, value: Value| {
            let mut body = base.clone();
            *body.pointer_mut(pointer).unwrap() = value;
            violations(body)
        };
        assert_eq!(
            with("/messaging_product", json!("sms")),
            vec![("/messaging_product".into(), ViolationCode::InvalidValue)]
        );
        assert_eq!(with("/text/body", json!(5)), vec![("/text/body".into(), ViolationCode::InvalidValue)]);
        assert_eq!(with("/text", json!({"bdy": "x"})), vec![("/text/bdy".into(), ViolationCode::UnknownField)]);
        assert_eq!(with("/type", json!("telegram")), vec![("/type".into(), ViolationCode::InvalidValue)]);
        let mut missing = base.clone();
        missing.as_object_mut().unwrap().remove("text");
        assert_eq!(violations(missing), vec![("/text".into(), ViolationCode::Required)]);
    }

    #[test]
    fn type_defaults_to_text_as_meta_documents() {
        let body =
            json!({"messaging_product": "whatsapp", "to": "16505551234", "text": {"body": "hi", "preview_url": true}});
        assert!(violations(body).is_empty());
    }
}
