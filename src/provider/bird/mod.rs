//! Bird's Channels API (WhatsApp channel): the neutral model to and from Bird's wire JSON,
//! request building and response decoding for `BirdClient`.
//!
//! Reference: https://docs.bird.com/api/channels-api/supported-channels/programmable-whatsapp/sending-whatsapp-messages
//! and ../shared/specs/bird. This version speaks text messages; the other content kinds are
//! refused with `unsupported` until Bird's own issue adds them.

mod client;

pub use client::{BirdConfig, BirdSendResult, DEFAULT_BASE_URL};

use super::codec::{Codec, KindEntry, Operation, kinds};
use super::{Provider, validated_from_wire};
use crate::error::{BodyError, Unsupported};
use crate::json::JsonWriter;
use crate::limits::BIRD_REQUEST_BODY_MAX_BYTES;
use crate::message::{Content, Message, RecipientType, Request, Text};
use crate::validate::{Obj, Report, Violation, ViolationCode, parse_tree};
use std::borrow::Cow;

pub const PROVIDER: Provider = Provider::Bird;

/// Bird's codec: every body goes to `messages`. What Bird's page says it cannot carry
/// (reactions, contacts, products, multi-product; flows and catalogs are not on it) is
/// `Never`; the body types its page documents that this version does not speak yet, `NotYet`.
pub struct BirdCodec;

impl Codec for BirdCodec {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn kinds(&self) -> &'static [KindEntry] {
        kinds![Operation::Messages;
            "text" => Yes, "image" => NotYet, "video" => NotYet, "audio" => NotYet, "document" => NotYet,
            "sticker" => NotYet, "location" => NotYet, "locationRequest" => NotYet, "contacts" => Never,
            "reaction" => Never, "replyButtons" => NotYet, "list" => NotYet, "ctaUrl" => NotYet,
            "product" => Never, "productList" => Never, "catalog" => Never, "flow" => Never,
            "carousel" => NotYet, "productCarousel" => Never, "template" => NotYet,
        ]
    }

    fn operations(&self) -> &'static [Operation] {
        &[Operation::Messages]
    }

    fn write_message(&self, message: &Message) -> Result<String, BodyError> {
        write(message)
    }

    fn read(&self, body: &str, _: Operation) -> Result<Request, BodyError> {
        read_body(body).map(Request::Message)
    }
}

/// Bird identifies WhatsApp recipients by phone number in E.164 form, `+` included.
fn e164(to: &str) -> Cow<'_, str> {
    if to.starts_with('+') { Cow::Borrowed(to) } else { Cow::Owned(format!("+{to}")) }
}

/// Validates `message` and serializes it to the body of `POST …/channels/{channelId}/messages`.
pub fn serialize(message: &Message) -> Result<String, BodyError> {
    super::serialize(PROVIDER, message)
}

/// Writes a valid message as Bird's body, refusing one over Bird's size limit.
fn write(message: &Message) -> Result<String, BodyError> {
    if message.recipient_type == Some(RecipientType::Group) {
        return Err(BodyError::from(Unsupported::cannot(PROVIDER, "group recipient")));
    }
    if message.callback_data.is_some() {
        return Err(BodyError::from(Unsupported::cannot(PROVIDER, "callbackData")));
    }
    let Content::Text(text) = &message.content else {
        // Bird's other body types come with Bird's own issue; the kind table refuses them first.
        return Err(BodyError::from(Unsupported::not_yet(PROVIDER, message.content.kind())));
    };
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        w.obj("receiver", |w| {
            w.arr("contacts", [&message.to], |w, to| {
                w.item_obj(|w| {
                    w.str("identifierKey", "phonenumber");
                    w.str("identifierValue", &e164(to));
                })
            })
        });
        w.obj("body", |w| {
            w.str("type", "text");
            w.obj("text", |w| {
                w.str("text", &text.body);
                if let Some(preview) = text.preview_url {
                    w.obj("metadata", |w| w.obj("whatsapp", |w| w.bool("previewUrl", preview)));
                }
            });
        });
        if let Some(id) = &message.reply_to {
            w.obj("replyTo", |w| {
                w.str("id", id);
                w.str("type", "message");
            });
        }
    });
    let body = w.finish();
    if body.len() > BIRD_REQUEST_BODY_MAX_BYTES {
        return Err(BodyError::Invalid(vec![Violation {
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

/// Parses and validates a Bird request body. `operation` is the endpoint; only `messages`
/// (the default) exists.
pub fn parse(body: &str, operation: Option<&str>) -> Result<Message, BodyError> {
    super::parse(PROVIDER, body, operation)
}

fn read_body(body: &str) -> Result<Message, BodyError> {
    if body.len() > BIRD_REQUEST_BODY_MAX_BYTES {
        return Err(BodyError::Invalid(vec![Violation {
            path: String::new(),
            code: ViolationCode::TooLong,
            message: format!(
                "the request body is {} bytes; Bird accepts at most {BIRD_REQUEST_BODY_MAX_BYTES}",
                body.len()
            ),
            limit: Some(BIRD_REQUEST_BODY_MAX_BYTES as f64),
        }]));
    }
    let tree = parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
    let mut report = Report::new();
    let message = Obj::root(&tree, &mut report).and_then(|root| read(&root, &mut report));
    match message.filter(|_| report.is_empty()) {
        Some(message) => validated_from_wire(message, POINTERS),
        None => Err(BodyError::Invalid(report.into_violations())),
    }
}

/// Where each neutral field lives in Bird's body.
const POINTERS: &[(&str, &str)] = &[
    ("/to", "/receiver/contacts/0/identifierValue"),
    ("/replyTo", "/replyTo/id"),
    ("/content/previewUrl", "/body/text/metadata/whatsapp/previewUrl"),
    ("/content/body", "/body/text/text"),
    ("/content", "/body"),
];

/// The fields of Bird's `CreateMessage` (the schema refuses others).
const MESSAGE_FIELDS: &[&str] = &[
    "receiver",
    "body",
    "replyTo",
    "sender",
    "reference",
    "template",
    "meta",
    "notification",
    "capFrequency",
    "enableLinkTracking",
    "ignoreQuietHours",
    "ignoreGlobalHoldout",
    "tags",
    "shortLinks",
    "scheduledFor",
    "validity",
];

/// Reads a Bird body into the neutral model, reporting what it lacks or what wabridge cannot
/// carry yet (limits are checked afterwards).
fn read(root: &Obj<'_>, r: &mut Report) -> Option<Message> {
    root.only(r, MESSAGE_FIELDS);
    for field in MESSAGE_FIELDS.iter().skip(3).filter(|f| root.has(f)) {
        root.violation(
            r,
            field,
            ViolationCode::Unsupported,
            format!("{field} is not supported by this version of wabridge"),
            None,
        );
    }
    let receiver = root.req_obj(r, "receiver")?;
    receiver.only(r, &["contacts"]);
    let contacts = receiver.objects(r, "contacts", true)?;
    let to = match contacts.as_slice() {
        [] => {
            receiver.violation(
                r,
                "contacts",
                ViolationCode::TooFew,
                "receiver.contacts needs one contact".into(),
                Some(1.0),
            );
            None
        }
        [contact] => {
            contact.only(
                r,
                &[
                    "id",
                    "identifierKey",
                    "identifierValue",
                    "type",
                    "identifiers",
                    "platformAddress",
                    "platformAddressSelector",
                ],
            );
            match contact.str(r, "identifierKey") {
                Some(key) if key != "phonenumber" => {
                    let message = format!("WhatsApp recipients are identified by phonenumber (got {key:?})");
                    contact.violation(r, "identifierKey", ViolationCode::Unsupported, message, None);
                    None
                }
                _ if contact.has("identifierValue") => contact.str(r, "identifierValue"),
                _ if contact.has("id") => {
                    let message =
                        "wabridge addresses recipients by phone number (identifierValue), not by Bird contact id";
                    contact.violation(r, "id", ViolationCode::Unsupported, message.into(), None);
                    None
                }
                _ => contact.req_str(r, "identifierValue"),
            }
        }
        _ => {
            let message = "a wabridge message has one recipient; send one message per contact".to_string();
            receiver.violation(r, "contacts", ViolationCode::Unsupported, message, Some(1.0));
            None
        }
    };
    let content = if root.has("body") {
        root.req_obj(r, "body").and_then(|body| {
            body.only(
                r,
                &[
                    "type",
                    "text",
                    "html",
                    "image",
                    "file",
                    "gif",
                    "location",
                    "carousel",
                    "list",
                    "section",
                    "authentication",
                    "template",
                    "action",
                ],
            );
            match body.req_str(r, "type")?.as_str() {
                "text" => {
                    let text = body.req_obj(r, "text")?;
                    text.only(r, &["text", "attachments", "actions", "metadata"]);
                    let preview_url = text.obj(r, "metadata").and_then(|m| {
                        m.only(r, &["whatsapp"]);
                        m.obj(r, "whatsapp")
                    });
                    let preview_url = preview_url.and_then(|w| {
                        w.only(r, &["previewUrl"]);
                        w.bool(r, "previewUrl")
                    });
                    Some(Content::Text(Text { body: text.req_str(r, "text")?, preview_url }))
                }
                other => {
                    let message = format!("Bird body type {other:?} is not supported by this version of wabridge");
                    body.violation(r, "type", ViolationCode::Unsupported, message, None);
                    None
                }
            }
        })
    } else {
        root.violation(
            r,
            "body",
            ViolationCode::Required,
            "a message body is required (templates are not supported yet)".into(),
            None,
        );
        None
    };
    let reply_to = root.obj(r, "replyTo").and_then(|reply| {
        reply.only(r, &["id", "type", "order"]);
        let id = reply.req_str(r, "id");
        match reply.req_str(r, "type")?.as_str() {
            "message" => id,
            other => {
                let message = format!("only replies to messages are supported (got {other:?})");
                reply.violation(r, "type", ViolationCode::Unsupported, message, None);
                None
            }
        }
    });
    let mut message = Message::new(to?, content?);
    message.reply_to = reply_to;
    Some(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn violations(body: Value) -> Vec<(String, ViolationCode)> {
        match parse(&body.to_string(), None) {
            Ok(_) => Vec::new(),
            Err(BodyError::Invalid(v)) => v.into_iter().map(|v| (v.path, v.code)).collect(),
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
        let Err(BodyError::Invalid(v)) = parse(&big, None) else { panic!() };
        assert_eq!((v[0].path.as_str(), v[0].code), ("", ViolationCode::TooLong));
    }
}
