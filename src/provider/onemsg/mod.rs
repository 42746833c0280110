//! 1MSG.IO's WhatsApp Business API: the neutral model to and from 1MSG's method bodies,
//! request building and response decoding for `OneMsgClient`.
//!
//! Reference: ../shared/specs/1msg. Each content kind has its own method (`sendMessage`,
//! `sendFile`, `sendButton`, …); this version speaks `sendMessage` (text), and refuses the
//! other methods' bodies with `unsupported` until 1MSG's own issue adds them.

mod client;

pub use client::{DEFAULT_BASE_URL, OneMsgConfig, OneMsgSendResult};

use super::codec::{Codec, KindEntry, Operation, kinds};
use super::{Provider, validated_from_wire};
use crate::error::{BodyError, Unsupported};
use crate::json::JsonWriter;
use crate::message::{Content, Message, RecipientType, Request, Text};
use crate::validate::{Json, Obj, Report, ViolationCode, parse_tree};

pub const PROVIDER: Provider = Provider::OneMsg;

/// 1MSG's codec: one method per content kind. This version speaks `sendMessage` (text); the
/// other methods are 1MSG's own issue.
pub struct OneMsgCodec;

impl Codec for OneMsgCodec {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn kinds(&self) -> &'static [KindEntry] {
        use Operation::*;
        kinds![SendMessage;
            "text" => Yes, "image" => NotYet(SendFile), "video" => NotYet(SendFile), "audio" => NotYet(SendFile),
            "document" => NotYet(SendFile), "sticker" => NotYet(SendSticker), "location" => NotYet(SendLocation),
            "locationRequest" => NotYet(SendLocationRequest), "contacts" => NotYet(SendContact),
            "reaction" => NotYet(SendReaction), "replyButtons" => NotYet(SendButton), "list" => NotYet(SendList),
            "ctaUrl" => NotYet(SendCtaUrl), "product" => NotYet(SendProduct), "productList" => NotYet(SendProduct),
            "catalog" => NotYet(SendProduct), "flow" => NotYet(SendFlow), "carousel" => NotYet(SendCarousel),
            "productCarousel" => NotYet(SendCarousel), "template" => NotYet(SendTemplate),
        ]
    }

    /// The send methods of 1MSG's public API (the 1MSG seed).
    fn operations(&self) -> &'static [Operation] {
        &Operation::ALL[1..]
    }

    fn write_message(&self, message: &Message) -> Result<String, BodyError> {
        write(message)
    }

    fn read(&self, body: &str, operation: Operation) -> Result<Request, BodyError> {
        match operation {
            Operation::SendMessage => read_send_message(body).map(Request::Message),
            other => Err(Unsupported::not_yet(PROVIDER, other.name()).into()),
        }
    }
}

/// Validates `message` and serializes it to the body of its 1MSG method; returns the method too.
pub fn serialize(message: &Message) -> Result<(Operation, String), BodyError> {
    let body = super::serialize(PROVIDER, message)?;
    let operation = super::operation(PROVIDER, message).unwrap_or(Operation::SendMessage);
    Ok((operation, body))
}

/// Writes a valid message whose kind this version speaks.
fn write(message: &Message) -> Result<String, BodyError> {
    if message.callback_data.is_some() {
        return Err(BodyError::from(Unsupported::cannot(PROVIDER, "callbackData")));
    }
    let Content::Text(text) = &message.content else {
        // 1MSG's other methods come with 1MSG's own issue; the kind table refuses them first.
        return Err(BodyError::from(Unsupported::not_yet(PROVIDER, message.content.kind())));
    };
    if text.preview_url.is_some() {
        // sendMessage has no preview switch; dropping it silently would change the message.
        return Err(BodyError::from(Unsupported::cannot(PROVIDER, "text previewUrl")));
    }
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        recipient(w, message);
        w.str("body", &text.body);
        w.opt_str("quotedMsgId", message.reply_to.as_deref());
    });
    Ok(w.finish())
}

/// `chatId` for groups (`<id>@g.us`), `phone` for individuals: digits, no `+`, as a number
/// (the current API types it as an integer, v2.39 of the spec as a string; both are read).
fn recipient(w: &mut JsonWriter, message: &Message) {
    if message.recipient_type == Some(RecipientType::Group) {
        let id = message.to.as_str();
        if id.ends_with("@g.us") {
            w.str("chatId", id);
        } else {
            w.str("chatId", &format!("{id}@g.us"));
        }
        return;
    }
    let digits = message.to.trim_start_matches('+');
    // Validated phone numbers are at most 15 digits: they fit an i64 exactly.
    match digits.parse::<i64>() {
        Ok(number) => w.int("phone", number),
        Err(_) => w.str("phone", digits),
    }
}

/// Parses and validates a 1MSG method body; `operation` is the method (default `sendMessage`).
pub fn parse(body: &str, operation: Option<&str>) -> Result<Message, BodyError> {
    super::parse(PROVIDER, body, operation)
}

fn read_send_message(body: &str) -> Result<Message, BodyError> {
    let tree = parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
    let mut report = Report::new();
    let read = Obj::root(&tree, &mut report).and_then(|root| {
        root.only(&mut report, &["chatId", "phone", "body", "quotedMsgId"]);
        let text = root.req_str(&mut report, "body");
        let reply_to = root.str(&mut report, "quotedMsgId");
        let recipient = match (root.has("chatId"), root.raw("phone")) {
            (true, None) => {
                let chat = root.req_str(&mut report, "chatId")?;
                match chat.split_once('@') {
                    Some((id, "c.us")) => Some((id.to_string(), None, "/chatId")),
                    Some((_, "g.us")) => Some((chat, Some(RecipientType::Group), "/chatId")),
                    _ => {
                        let message = format!("chatId must be <digits>@c.us or <id>@g.us (got {chat:?})");
                        root.violation(&mut report, "chatId", ViolationCode::InvalidFormat, message, None);
                        None
                    }
                }
            }
            // The current API types phone as an integer, v2.39 of the spec as a string.
            (false, Some(Json::Int(n))) => Some((n.to_string(), None, "/phone")),
            (false, Some(Json::Str(text))) => Some((text.to_string(), None, "/phone")),
            (false, Some(_)) => {
                root.invalid(&mut report, "phone", "phone must be a number or a string of digits".into());
                None
            }
            (false, None) => {
                let message = "one of phone or chatId is required".to_string();
                root.violation(&mut report, "phone", ViolationCode::Required, message, None);
                None
            }
            (true, Some(_)) => {
                root.invalid(&mut report, "chatId", "give either phone or chatId, not both".into());
                None
            }
        };
        Some((recipient?, text?, reply_to))
    });
    let Some(((to, recipient_type, to_pointer), text, reply_to)) = read.filter(|_| report.is_empty()) else {
        return Err(BodyError::Invalid(report.into_violations()));
    };
    let mut message = Message::new(to, Text::new(text));
    message.recipient_type = recipient_type;
    message.reply_to = reply_to;
    let table = [("/to", to_pointer), ("/replyTo", "/quotedMsgId"), ("/content/body", "/body"), ("/content", "")];
    validated_from_wire(message, &table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn serializes_text_to_send_message() {
        let message = Message::text("+16505551234", "Hi").with_reply_to("gBGGeRhGZTEfAgkJCh2wAz4ZH-8");
        let (method, body) = serialize(&message).unwrap();
        assert_eq!(method, Operation::SendMessage);
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(body, json!({"phone": 16505551234u64, "body": "Hi", "quotedMsgId": "gBGGeRhGZTEfAgkJCh2wAz4ZH-8"}));
        let group: Value =
            serde_json::from_str(&serialize(&Message::text("120363025246125486", "Hi").to_group()).unwrap().1).unwrap();
        assert_eq!(group["chatId"], "120363025246125486@g.us");
    }

    #[test]
    fn parses_phone_as_number_or_string_and_chat_ids() {
        for body in [
            r#"{"phone":16505551234,"body":"x"}"#,
            r#"{"phone":"16505551234","body":"x"}"#,
            r#"{"chatId":"16505551234@c.us","body":"x"}"#,
        ] {
            assert_eq!(parse(body, None).unwrap().to, "16505551234", "{body}");
        }
        let group = parse(r#"{"chatId":"120363025246125486@g.us","body":"x"}"#, None).unwrap();
        assert_eq!(group.recipient_type, Some(RecipientType::Group));
    }

    #[test]
    fn reports_violations_at_1msg_pointers() {
        let Err(BodyError::Invalid(v)) = parse(&format!(r#"{{"phone":"12","body":"{}"}}"#, "x".repeat(4097)), None)
        else {
            panic!()
        };
        let found: Vec<_> = v.iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(found, vec![("/phone", ViolationCode::TooShort), ("/body", ViolationCode::TooLong)]);
        let Err(BodyError::Invalid(v)) = parse(r#"{"body":"x"}"#, None) else { panic!() };
        assert_eq!(v[0].path, "/phone");
        assert_eq!(parse(r#"{}"#, Some("sendButton")).unwrap_err().code(), "ERR_UNSUPPORTED");
        assert_eq!(parse(r#"{}"#, Some("sendFax")).unwrap_err().code(), "ERR_ARGUMENT");
    }

    #[test]
    fn a_preview_switch_1msg_cannot_send_is_refused() {
        let mut message = Message::text("16505551234", "https://x.y");
        message.content = Text::new("https://x.y").with_preview_url(true).into();
        assert_eq!(serialize(&message).unwrap_err().code(), "ERR_UNSUPPORTED");
    }
}
