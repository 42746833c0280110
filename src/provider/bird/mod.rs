//! Bird's Channels API (WhatsApp channel): the neutral model to and from Bird's wire JSON,
//! request building and response decoding for `BirdClient`.
//!
//! Reference: https://docs.bird.com/api/channels-api/supported-channels/programmable-whatsapp/sending-whatsapp-messages
//! and ../shared/specs/bird. This version speaks text messages; the other content kinds are
//! refused with `unsupported` until Bird's own issue adds them.

mod client;
pub mod wire;

pub use client::{BirdConfig, BirdSendResult, DEFAULT_BASE_URL};

use super::{Provider, to_json, validated_from_wire};
use crate::error::Error;
use crate::limits::BIRD_REQUEST_BODY_MAX_BYTES;
use crate::message::{Content, Message, RecipientType, Text};
use crate::validate::{Path, Report, Violation, ViolationCode, decode_json};
use std::borrow::Cow;
use wire::{
    BirdBody, BirdContact, BirdMessage, BirdReceiver, BirdReplyTo, BirdText, BirdTextMetadata, BirdWhatsAppMetadata,
};

pub const PROVIDER: Provider = Provider::Bird;

/// Bird identifies WhatsApp recipients by phone number in E.164 form, `+` included.
fn e164(to: &str) -> Cow<'_, str> {
    if to.starts_with('+') { Cow::Borrowed(to) } else { Cow::Owned(format!("+{to}")) }
}

/// Validates `message` and serializes it to the body of `POST …/channels/{channelId}/messages`.
pub fn serialize(message: &Message) -> Result<String, Error> {
    message.validate()?;
    let body = to_json(&to_wire(message)?)?;
    if body.len() > BIRD_REQUEST_BODY_MAX_BYTES {
        return Err(Error::Invalid(vec![Violation {
            path: String::new(),
            code: ViolationCode::TooLong,
            message: format!(
                "the Bird request body is {} bytes; Bird accepts at most {BIRD_REQUEST_BODY_MAX_BYTES}",
                body.len()
            ),
            limit: Some(BIRD_REQUEST_BODY_MAX_BYTES as f64),
        }]));
    }
    Ok(body)
}

/// The wire form of a (validated) message.
pub fn to_wire(message: &Message) -> Result<BirdMessage<'_>, Error> {
    if message.recipient_type == Some(RecipientType::Group) {
        return Err(Error::Unsupported { provider: PROVIDER, kind: "group recipient".into() });
    }
    let body = match &message.content {
        Content::Text(text) => BirdBody {
            kind: Cow::Borrowed("text"),
            text: Some(BirdText {
                text: Cow::Borrowed(&text.body),
                metadata: text.preview_url.map(|preview| BirdTextMetadata {
                    whatsapp: Some(BirdWhatsAppMetadata { preview_url: Some(preview) }),
                }),
            }),
        },
        // Bird's other body types come with Bird's own issue; until then, say so.
        other => return Err(Error::NotImplemented { provider: PROVIDER, kind: other.kind().into() }),
    };
    if message.callback_data.is_some() {
        return Err(Error::Unsupported { provider: PROVIDER, kind: "callbackData".into() });
    }
    Ok(BirdMessage {
        receiver: BirdReceiver {
            contacts: vec![BirdContact {
                id: None,
                identifier_key: Some(Cow::Borrowed("phonenumber")),
                identifier_value: Some(e164(&message.to)),
                kind: None,
            }],
        },
        body: Some(body),
        reply_to: message.reply_to.as_deref().map(|id| BirdReplyTo {
            id: Cow::Borrowed(id),
            kind: Cow::Borrowed("message"),
            order: None,
        }),
    })
}

/// Parses and validates a Bird request body. `operation` is the endpoint; only `messages`
/// (the default) exists.
pub fn parse(body: &str, operation: Option<&str>) -> Result<Message, Error> {
    match operation.unwrap_or("messages") {
        "messages" => {}
        other => return Err(Error::argument(format!("unknown Bird operation {other:?}: expected messages"))),
    }
    if body.len() > BIRD_REQUEST_BODY_MAX_BYTES {
        return Err(Error::Invalid(vec![Violation {
            path: String::new(),
            code: ViolationCode::TooLong,
            message: format!(
                "the request body is {} bytes; Bird accepts at most {BIRD_REQUEST_BODY_MAX_BYTES}",
                body.len()
            ),
            limit: Some(BIRD_REQUEST_BODY_MAX_BYTES as f64),
        }]));
    }
    let wire: BirdMessage<'_> = decode_json(body).map_err(|v| Error::Invalid(vec![v]))?;
    let message = from_wire(wire)?;
    validated_from_wire(message, POINTERS)
}

/// Where each neutral field lives in Bird's body.
const POINTERS: &[(&str, &str)] = &[
    ("/to", "/receiver/contacts/0/identifierValue"),
    ("/replyTo", "/replyTo/id"),
    ("/content/previewUrl", "/body/text/metadata/whatsapp/previewUrl"),
    ("/content/body", "/body/text/text"),
    ("/content", "/body"),
];

/// The neutral form of a structurally valid Bird body (limits are not checked here).
pub fn from_wire(wire: BirdMessage<'_>) -> Result<Message, Error> {
    let root = Path::root();
    let mut report = Report::new();
    let receiver = root.key("receiver");
    let contacts = receiver.key("contacts");
    let mut to = None;
    match wire.receiver.contacts.as_slice() {
        [] => report.add(&contacts, ViolationCode::TooFew, "receiver.contacts needs one contact", Some(1.0)),
        [contact] => {
            let first = contacts.index(0);
            match (&contact.identifier_key, &contact.identifier_value, &contact.id) {
                (Some(key), _, _) if key != "phonenumber" => report.add(
                    &first.key("identifierKey"),
                    ViolationCode::Unsupported,
                    format!("WhatsApp recipients are identified by phonenumber (got {key:?})"),
                    None,
                ),
                (_, Some(value), _) => to = Some(value.clone().into_owned()),
                (_, None, Some(_)) => report.add(
                    &first.key("id"),
                    ViolationCode::Unsupported,
                    "wabridge addresses recipients by phone number (identifierValue), not by Bird contact id",
                    None,
                ),
                (_, None, None) => report.add(
                    &first.key("identifierValue"),
                    ViolationCode::Required,
                    "the recipient's phone number is required",
                    None,
                ),
            }
        }
        _ => report.add(
            &contacts,
            ViolationCode::Unsupported,
            "a wabridge message has one recipient; send one message per contact",
            Some(1.0),
        ),
    }
    let body_path = root.key("body");
    let content = match wire.body {
        None => {
            report.add(
                &body_path,
                ViolationCode::Required,
                "a message body is required (templates are not supported yet)",
                None,
            );
            None
        }
        Some(BirdBody { kind, text }) => match (kind.as_ref(), text) {
            ("text", Some(text)) => Some(Content::Text(Text {
                body: text.text.into_owned(),
                preview_url: text.metadata.and_then(|m| m.whatsapp).and_then(|w| w.preview_url),
            })),
            ("text", None) => {
                report.add(&body_path.key("text"), ViolationCode::Required, "a text body needs a text object", None);
                None
            }
            (other, _) => {
                report.add(
                    &body_path.key("type"),
                    ViolationCode::Unsupported,
                    format!("Bird body type {other:?} is not supported by this version of wabridge"),
                    None,
                );
                None
            }
        },
    };
    let reply_to = match wire.reply_to {
        Some(reply) if reply.kind == "message" => Some(reply.id.into_owned()),
        Some(reply) => {
            let kind = reply.kind;
            report.add(
                &root.key("replyTo").key("type"),
                ViolationCode::Unsupported,
                format!("only replies to messages are supported (got {kind:?})"),
                None,
            );
            None
        }
        None => None,
    };
    match (to, content) {
        (Some(to), Some(content)) if report.is_empty() => {
            let mut message = Message::new(to, content);
            message.reply_to = reply_to;
            Ok(message)
        }
        _ => Err(Error::Invalid(report.into_violations())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn violations(body: Value) -> Vec<(String, ViolationCode)> {
        match parse(&body.to_string(), None) {
            Ok(_) => Vec::new(),
            Err(Error::Invalid(v)) => v.into_iter().map(|v| (v.path, v.code)).collect(),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn serializes_a_text_reply_in_birds_shape() {
        let message = Message::text("16505551234", "Hello").with_reply_to("0bb03f70-fcc2-4795-9b5a-ff02e257c653");
        let body: Value = serde_json::from_str(&serialize(&message).unwrap()).unwrap();
        assert_eq!(
            body,
            json!({
                "receiver": {"contacts": [{"identifierKey": "phonenumber", "identifierValue": "+16505551234"}]},
                "body": {"type": "text", "text": {"text": "Hello"}},
                "replyTo": {"id": "0bb03f70-fcc2-4795-9b5a-ff02e257c653", "type": "message"}
            })
        );
    }

    #[test]
    fn round_trips_preview_url() {
        let mut message = Message::text("+31612345678", "https://example.com");
        message.content = Text::new("https://example.com").with_preview_url(true).into();
        assert_eq!(parse(&serialize(&message).unwrap(), None).unwrap(), message);
    }

    #[test]
    fn reports_violations_at_bird_pointers() {
        let body = json!({
            "receiver": {"contacts": [{"identifierKey": "phonenumber", "identifierValue": "+12"}]},
            "body": {"type": "text", "text": {"text": "x".repeat(4097)}}
        });
        assert_eq!(
            violations(body),
            vec![
                ("/receiver/contacts/0/identifierValue".into(), ViolationCode::TooShort),
                ("/body/text/text".into(), ViolationCode::TooLong)
            ]
        );
    }

    #[test]
    fn refuses_what_one_message_cannot_say() {
        let none = json!({"receiver": {"contacts": []}, "body": {"type": "text", "text": {"text": "x"}}});
        assert_eq!(violations(none), vec![("/receiver/contacts".into(), ViolationCode::TooFew)]);
        let image = json!({"receiver": {"contacts": [{"identifierValue": "+16505551234"}]}, "body": {"type": "image"}});
        assert_eq!(violations(image), vec![("/body/type".into(), ViolationCode::Unsupported)]);
        let unknown = json!({"receiver": {"contacts": [{"identifierValue": "+16505551234"}]}, "body": {"type": "text", "text": {"text": "x"}}, "tagz": []});
        assert_eq!(violations(unknown), vec![("/tagz".into(), ViolationCode::UnknownField)]);
        let group = Message::text("1203630", "x").to_group();
        assert_eq!(serialize(&group).unwrap_err().code(), "ERR_UNSUPPORTED");
    }

    #[test]
    fn refuses_bodies_over_200_kb() {
        let big = format!(
            r#"{{"receiver":{{"contacts":[]}},"body":{{"type":"text","text":{{"text":"{}"}}}}}}"#,
            "x".repeat(205_000)
        );
        let Err(Error::Invalid(v)) = parse(&big, None) else { panic!() };
        assert_eq!((v[0].path.as_str(), v[0].code), ("", ViolationCode::TooLong));
    }
}
