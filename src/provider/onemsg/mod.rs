//! 1MSG.IO's WhatsApp Business API: the neutral model to and from 1MSG's method bodies
//! (`read`, `write`), request building and response decoding for `OneMsgClient` (`client`).
//!
//! Reference: ../shared/specs/1msg and docs/1msg-reference.md. Each content kind has its own
//! method (`sendMessage`, `sendFile`, `sendButton`, …): the kinds marked `Yes` below are read
//! into and written from the neutral model; 1MSG's other bodies (templates, carousels, flows,
//! products, and the channel, template and media methods) are checked by tables (`schema`)
//! and reproduced as given, until issue 12 maps templates and the rest to neutral content.

mod client;
mod events;
mod read;
mod schema;
mod template;
mod webhook;
mod write;

pub use client::{DEFAULT_BASE_URL, OneMsgConfig, OneMsgMedia, OneMsgSendResult, webhook_url_secrets};

use super::codec::{Codec, KindEntry, Operation, TemplateNaming, kinds};
use super::{Provider, validated_from_wire};
use crate::error::{BodyError, Unsupported};
use crate::json::JsonWriter;
use crate::message::{Content, MarkRead, MediaKind, Message, Request};
use crate::validate::{Json, Obj, Path, Report, Violation, ViolationCode, parse_tree};
use std::borrow::Cow;
use write::BeyondTheModel;

pub const PROVIDER: Provider = Provider::OneMsg;

/// 1MSG's codec: one method per content kind.
pub struct OneMsgCodec;

impl Codec for OneMsgCodec {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn kinds(&self) -> &'static [KindEntry] {
        use Operation::*;
        // A catalog message (the Cloud API's `catalog_message`) is in none of 1MSG's documents:
        // sendProduct takes one product or a product list, by catalog id.
        kinds![SendMessage;
            "text" => Yes, "image" => Yes(SendFile), "video" => Yes(SendFile), "audio" => Yes(SendFile),
            "document" => Yes(SendFile), "sticker" => Yes(SendSticker), "location" => Yes(SendLocation),
            "locationRequest" => Yes(SendLocationRequest), "addressRequest" => Yes(SendAddressMessage),
            "contacts" => Yes(SendContact),
            "reaction" => Yes(SendReaction), "replyButtons" => Yes(SendButton), "list" => Yes(SendList),
            "ctaUrl" => Yes(SendCtaUrl), "product" => Yes(SendProduct), "productList" => Yes(SendProduct),
            "catalog" => Never, "flow" => Yes(SendFlow), "carousel" => Yes(SendCarousel),
            "productCarousel" => Yes(SendCarousel), "template" => Yes(SendTemplate),
        ]
    }

    /// Every 1MSG method that takes a body: the send methods, then the profile, settings,
    /// commerce, webhook, read-receipt, template and upload methods.
    fn operations(&self) -> &'static [Operation] {
        &Operation::ALL[1..]
    }

    /// 1MSG takes no MIME type: it types a file by its file name's extension (a sticker by its
    /// link's). Where neither the message's link nor its filename names the file's type, the
    /// mimeType gives that extension (`write::sent_file_name`): said as a `reshaped` change at
    /// the field the name was made from (the body names the file as the message did not).
    /// Otherwise a mimeType is left out (`lossy`): the body does not carry it, so it does not
    /// read back, even where the file name says the same type.
    fn approximations(&self, message: &Message) -> Vec<super::codec::Approximation> {
        let Some((kind, media)) = message.content.media() else {
            // A header's, a card's or a template parameter's type, which no 1MSG method takes.
            return super::codec::unsent_mime_types(PROVIDER, message, |_| false);
        };
        let by_link = media.id.is_none();
        let sent = match kind {
            MediaKind::Sticker => None,
            _ if by_link => write::sent_file_name(kind, media),
            _ => None,
        };
        // 1MSG types a file by its name's extension: a document named as a photo arrives as one.
        if let (MediaKind::Document, Some((name, given))) = (kind, &sent)
            && let Some(becomes) = crate::message::media::kind_of_file_name(name)
        {
            let why = format!(
                "1msg types a file by its name's extension, and takes no MIME type: this document, sent as {name}, arrives as {} {}",
                if becomes == MediaKind::Image { "an" } else { "a" },
                becomes.name()
            );
            let pointer = given.unwrap_or(if media.filename.is_some() { "/content/filename" } else { "/content/link" });
            return vec![super::codec::Approximation { pointer: pointer.to_string(), reshaped: true, why }];
        }
        if let Some((name, Some(pointer))) = &sent {
            let why = format!(
                "1msg names a file sent by link by its filename, extension included, and takes no MIME type: sent as {name}, its extension named by content.{}",
                match *pointer {
                    "/content/link" => "link (the type of its data URI)",
                    "/content/filename" if media.mime_type.is_none() => "link",
                    _ => "mimeType",
                }
            );
            return vec![super::codec::Approximation { pointer: pointer.to_string(), reshaped: true, why }];
        }
        super::codec::unsent_mime_types(PROVIDER, message, |_| false)
    }

    fn recipients(&self) -> &'static [crate::message::RecipientKind] {
        use crate::message::RecipientKind;
        &[RecipientKind::Phone, RecipientKind::Group, RecipientKind::GroupChat, RecipientKind::UserId]
    }

    fn template_naming(&self) -> TemplateNaming {
        TemplateNaming {
            uses: &["namespace", "name"],
            needs: &["namespace", "name"],
            how: "1MSG's sendTemplate names a template by its WhatsApp Business Account's namespace, its name and its language",
        }
    }

    fn write_message(&self, message: &Message) -> Result<String, BodyError> {
        write::message(message)
    }

    fn write_mark_read(&self, read: &MarkRead) -> Result<String, BodyError> {
        let mut w = JsonWriter::new();
        w.item_obj(|w| {
            w.str("messageId", &read.message_id);
            if read.typing_indicator {
                w.bool("typingIndicator", true);
            }
        });
        Ok(w.finish())
    }

    fn mark_read_operation(&self) -> Option<Operation> {
        Some(Operation::ReadMessage)
    }

    fn wire_pointer(&self, pointer: &str, _: &Message, body: &Json<'_>, operation: Operation) -> String {
        // The content's kind is the method, not a field: the body as a whole. (Reading maps a
        // content-type rule to the recipient instead: groups take some kinds only.)
        if pointer == "/content/type" {
            return String::new();
        }
        let (table, snake) = pointer_table(body, operation);
        super::rewrite_pointer(pointer, &borrowed(&table), snake, Some(body))
    }

    fn read(&self, body: &str, operation: Operation) -> Result<Request, BodyError> {
        read(body, operation, Report::new, false).map(|(request, _)| request)
    }

    /// Leaves out sendTemplate's sending options and a sendList buttonText other than its
    /// `action` (see `read`), each reported at its pointer.
    fn read_lossy(&self, body: &str, operation: Operation) -> Result<(Request, Vec<(String, String)>), BodyError> {
        read(body, operation, Report::new, true)
    }

    fn read_to_fit(&self, body: &str, operation: Operation) -> Result<(Request, Vec<(String, String)>), BodyError> {
        read(body, operation, Report::to_fit, true)
    }

    /// A method with a table of its own is checked against it; one the model also speaks
    /// (sendTemplate, sendCarousel, sendFlow, sendProduct) is then read as well, so that it is
    /// held to the rules reading applies — the Cloud API's, which 1MSG passes the content on
    /// to. What only the neutral model lacks (`beyond_the_model`, a date as unix_epoch) is
    /// 1MSG's to take, not a fault. Every fault at once: where the table finds some, the
    /// limits reading holds the other values to (a card body's length, a button title's) are
    /// reported beside them.
    fn check(&self, body: &str, operation: Operation) -> Result<(), BodyError> {
        if schema::fields(operation).is_none() {
            return read_body(body, operation, Report::new).map(drop);
        }
        let tree = parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
        let table = checked(body, operation, Report::new).map(drop);
        if !speaks(operation) || beyond_the_model(&tree, operation).is_some() {
            return table;
        }
        match table {
            Ok(()) => match read_body(body, operation, Report::new) {
                Err(BodyError::Invalid(violations)) => Err(BodyError::Invalid(violations)),
                _ => Ok(()),
            },
            Err(BodyError::Invalid(mut violations)) => {
                // The same field, or one inside the other (segment-wise: /cards/1 is not in /cards/10).
                let under = |a: &str, b: &str| a.strip_prefix(b).is_some_and(|r| r.is_empty() || r.starts_with('/'));
                let related = |a: &str, b: &str| under(a, b) || under(b, a);
                let more: Vec<_> = model_faults(body, operation)
                    .into_iter()
                    .filter(|v| !violations.iter().any(|w| related(&v.path, &w.path)))
                    .collect();
                violations.extend(more);
                Err(BodyError::Invalid(violations))
            }
            other => other,
        }
    }

    fn verify_webhook(
        &self,
        delivery: &super::webhook::Delivery<'_>,
        options: &super::webhook::Verify<'_>,
    ) -> Result<(), crate::error::SignatureError> {
        webhook::verify(delivery, options)
    }

    fn events<'a>(&self, body: &'a crate::json::Json<'a>) -> Result<Vec<crate::event::Event<'a>>, String> {
        events::events(body)
    }
}

/// A body of a method described by a table (`schema`), checked: every violation at its
/// pointer, and for a send, exactly one recipient.
/// Reads a body sent to `operation`, reporting into `new_report()`'s reports (a fit's read:
/// [`Report::to_fit`]). A method the model speaks is read into it; one with a table of its
/// own (sendTemplate, sendCarousel, sendFlow, sendProduct) is checked against that table first.
/// What the body says beside its message that the neutral model has no field for (`lossy`:
/// left out, each as its pointer and why; else refused as unsupported at it): sendTemplate's
/// sending options, a sendList buttonText other than its `action`.
fn read(
    body: &str,
    operation: Operation,
    new_report: fn() -> Report,
    lossy: bool,
) -> Result<(Request, Vec<(String, String)>), BodyError> {
    let mut left_out = Vec::new();
    let mut leave_out = |at: String, what: &str| {
        if lossy {
            left_out.push((at, format!("the neutral model has no place for 1MSG's {what}: left out")));
            Ok(())
        } else {
            Err(BodyError::from(Unsupported::neutral_lacks(PROVIDER, what).at(at)))
        }
    };
    if schema::fields(operation).is_none() || speaks(operation) {
        if schema::fields(operation).is_some() {
            let tree = checked(body, operation, new_report)?;
            if let Some((what, at)) = beyond_the_model(&tree, operation) {
                return Err(Unsupported::neutral_lacks(PROVIDER, what).at(at).into());
            }
            // sendTemplate's sending options (MM Lite, click tracking, time to live) are 1MSG's
            // own: no other provider's template has them, nor does the neutral one.
            for option in ["useMMlite", "messageActivitySharing", "messageSendTtlSeconds"] {
                if tree.get(option).is_some() {
                    leave_out(format!("/{option}"), &format!("sendTemplate sending option {option}"))?;
                }
            }
        }
        let (message, beyond) = read_body(body, operation, new_report)?;
        if beyond.filename.is_some() {
            leave_out("/filename".into(), "filename of an image, video or audio (only documents keep theirs)")?;
        }
        // The neutral list has one text for the button that opens it: a buttonText that is not
        // `action`'s is a second one, and which of the two 1MSG shows is undocumented.
        if let (Some(text), Content::List(list)) = (&beyond.button_text, &message.content)
            && *text != list.button
        {
            leave_out("/buttonText".into(), "sendList buttonText beside a different action (the list's button text)")?;
        }
        return Ok((Request::Message(message), left_out));
    }
    let tree = checked(body, operation, new_report)?;
    let request = match operation {
        Operation::ReadMessage => Ok(Request::MarkRead(MarkRead {
            message_id: tree.string("messageId").unwrap_or_default(),
            typing_indicator: matches!(tree.get("typingIndicator"), Some(Json::Bool(true))),
        })),
        // A send method whose content the model does not have yet.
        // The whole body is what has no equivalent: its pointer is the root's, "".
        op if schema::is_send(op) => Err(Unsupported::not_yet(PROVIDER, format!("{op} to neutral")).at("").into()),
        op => Err(Unsupported::neutral_lacks(PROVIDER, format!("{op} body (it carries no message)")).at("").into()),
    };
    request.map(|request| (request, left_out))
}

fn checked(body: &str, operation: Operation, new_report: fn() -> Report) -> Result<Json<'_>, BodyError> {
    let tree = parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
    let mut report = new_report();
    let fields = schema::fields(operation).unwrap_or_default();
    crate::validate::schema::check(&tree, &crate::validate::schema::Shape::Obj(fields), &Path::root(), &mut report);
    schema::rules(operation, &tree, &mut report);
    if schema::is_send(operation) && matches!(tree, Json::Object(_)) {
        match (tree.get("chatId").is_some(), tree.get("phone").is_some()) {
            (true, true) => report.add(
                &Path::root().key("chatId"),
                ViolationCode::InvalidValue,
                "give either phone or chatId, not both",
                None,
            ),
            (false, false) => report.add(
                &Path::root().key("phone"),
                ViolationCode::Required,
                "one of phone or chatId is required",
                None,
            ),
            _ => {}
        }
    }
    report.into_result().map_err(BodyError::Invalid)?;
    Ok(tree)
}

/// Whether the neutral model has content that 1MSG sends to `operation`.
fn speaks(operation: Operation) -> bool {
    OneMsgCodec.kinds().iter().any(|e| e.operation == operation && e.support == super::Support::Yes)
}

/// Whether a sendCarousel's cards show products (a product carousel) rather than media.
/// Whether a sendCarousel card is a product card: its header's parameter is a product.
fn is_product_card(card: &Json<'_>) -> bool {
    let mut parameters = card.items("components").iter().flat_map(|c| c.items("parameters"));
    parameters.any(|p| p.get("type").and_then(Json::as_str) == Some("product"))
}

/// What a valid body of a method the model speaks has that the neutral model has no field
/// for, and where: a product card's body or buttons (1MSG lets a product card carry them, the
/// neutral product card — Meta's — does not); a carousel without its text (optional on 1MSG,
/// required by Meta).
fn beyond_the_model(tree: &Json<'_>, operation: Operation) -> Option<(&'static str, String)> {
    if operation != Operation::SendCarousel {
        return None;
    }
    if tree.get("body").is_none() {
        return Some(("carousel without its body text (the neutral carousel, as Meta's, has one)", "/body".into()));
    }
    let cards = tree.items("params").first().map(|carousel| carousel.items("cards")).unwrap_or_default();
    cards.iter().enumerate().filter(|(_, card)| is_product_card(card)).find_map(|(i, card)| {
        let components = card.items("components");
        let extra = components.iter().position(|c| c.get("type").and_then(Json::as_str) != Some("header"))?;
        let what = "body or button on a product card (the neutral product card is the product alone)";
        Some((what, format!("/params/0/cards/{i}/components/{extra}")))
    })
}

/// A pointer table's entries, fixed or computed from the body (a carousel's cards).
type PointerTable = Vec<(Cow<'static, str>, Cow<'static, str>)>;

/// Where each neutral field lives in a 1MSG body sent to `operation`, and whether the rest of
/// a pointer is snake_case (contact cards keep the Cloud API's field names on 1MSG).
fn pointer_table(tree: &Json<'_>, operation: Operation) -> (PointerTable, bool) {
    let to = if tree.get("phone").is_some() { "/phone" } else { "/chatId" };
    // A 1MSG body names no content type (the method does): a content-type rule broken there
    // is the recipient's (groups take text, media and templates only).
    let fixed = [("/to", to), ("/recipientType", to), ("/content/type", to), ("/replyTo", "/quotedMsgId")];
    let mut table: PointerTable = fixed.into_iter().map(|(a, b)| (a.into(), b.into())).collect();
    if operation == Operation::SendCarousel {
        table.extend(read::card_pointers(tree));
    }
    table.extend(read::pointers(operation).iter().map(|&(a, b)| (a.into(), b.into())));
    (table, matches!(operation, Operation::SendContact | Operation::SendTemplate | Operation::SendProduct))
}

/// A pointer table as `rewrite_pointer` takes it.
fn borrowed(table: &PointerTable) -> Vec<(&str, &str)> {
    table.iter().map(|(a, b)| (a.as_ref(), b.as_ref())).collect()
}

/// Reads the body of `operation` into the neutral model as far as it can, each fault found
/// reading into `report`; the model's own limits are not checked yet. With the tree read (a
/// template's `params` in the Cloud API's spelling, see `template`).
fn read_tree<'a>(
    body: &'a str,
    operation: Operation,
    report: &mut Report,
) -> Result<(Json<'a>, Option<Message>), BodyError> {
    if !speaks(operation) {
        return Err(Unsupported::not_yet(PROVIDER, operation.name()).into());
    }
    let mut tree = parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
    if let Some(params) = tree.at_mut("/params").filter(|_| operation == Operation::SendTemplate) {
        template::to_cloud(params)?;
    }
    let read = Obj::root(&tree, report).and_then(|root| read::message(&root, report, operation));
    Ok((tree, read))
}

/// The neutral model's faults in a body whose reading found none, at their pointers in the
/// body; none when reading found some (an item it could not read is left out, and the
/// items after it would be reported at the wrong index).
fn model_faults(body: &str, operation: Operation) -> Vec<Violation> {
    let mut report = Report::new();
    let Ok((tree, Some(message))) = read_tree(body, operation, &mut report) else { return Vec::new() };
    if !report.is_empty() {
        return Vec::new();
    }
    let (table, snake) = pointer_table(&tree, operation);
    match validated_from_wire(message, &borrowed(&table), snake, Some(&tree), Report::new()) {
        Err(BodyError::Invalid(violations)) => violations,
        _ => Vec::new(),
    }
}

/// Reads the body of `operation` into the neutral model, with how it spelled what the model
/// holds as values. Every fault is reported: what reading finds, and the model's limits on
/// what could be read.
fn read_body(
    body: &str,
    operation: Operation,
    new_report: fn() -> Report,
) -> Result<(Message, BeyondTheModel), BodyError> {
    let mut report = new_report();
    let (tree, read) = read_tree(body, operation, &mut report)?;
    let (table, snake) = pointer_table(&tree, operation);
    let Some(message) = read else { return Err(BodyError::Invalid(report.into_violations())) };
    let message = match validated_from_wire(message, &borrowed(&table), snake, Some(&tree), new_report()) {
        Ok(message) if report.is_empty() => message,
        Ok(_) => return Err(BodyError::Invalid(report.into_violations())),
        Err(BodyError::Invalid(limits)) => {
            // With faults found while reading, the model's own faults are reported beside them,
            // but not what may only follow from an item the reading dropped (a count too low,
            // a value missing, next to a fault in the same object): limits of values read (a
            // length, an empty text, a count too high, a range) always are.
            let mut violations = report.into_violations();
            // Arrays an item may have been dropped from: any with a fault inside that leaves a
            // value unread (an item not an object, a field missing or of the wrong type; not a
            // length, a count or a range, which are read). The model's indices after a dropped
            // item are one lower than the body's, so nothing under such an array is reported
            // from it.
            let mut shifted: Vec<&str> = Vec::new();
            let unread = |code: ViolationCode| matches!(code, ViolationCode::Required | ViolationCode::InvalidValue);
            for fault in violations.iter().filter(|v| unread(v.code)) {
                let mut at = fault.path.as_str();
                while let Some((parent, _)) = at.rsplit_once('/') {
                    if matches!(super::json_at(&tree, parent), Some(Json::Array(_))) && !shifted.contains(&parent) {
                        shifted.push(parent);
                    }
                    at = parent;
                }
            }
            let independent = |v: &Violation| {
                use ViolationCode::*;
                let parent = v.path.rsplit_once('/').map_or("", |(parent, _)| parent);
                let under_shifted = shifted.iter().any(|array| v.path.starts_with(&format!("{array}/")));
                !under_shifted
                    && (matches!(v.code, TooLong | TooShort | TooMany | OutOfRange)
                        || matches!(super::json_at(&tree, &v.path), Some(Json::Str(_)))
                        || !violations.iter().any(|w| w.path == parent || w.path.starts_with(&format!("{parent}/"))))
            };
            let new: Vec<_> =
                limits.into_iter().filter(|v| independent(v) && !violations.iter().any(|w| w.path == v.path)).collect();
            violations.extend(new);
            return Err(BodyError::Invalid(crate::validate::one_list(violations)));
        }
        Err(other) => return Err(other),
    };
    let filename = read::own_file_name(&tree, &message);
    let button_text = tree.get("buttonText").and_then(Json::as_str).map(str::to_string);
    Ok((message, BeyondTheModel { filename, button_text }))
}

/// Validates `message` and serializes it to the body of its 1MSG method; returns the method too.
pub fn serialize(message: &Message) -> Result<(Operation, String), BodyError> {
    let body = super::serialize(PROVIDER, message)?;
    let operation = super::operation(PROVIDER, message).unwrap_or(Operation::SendMessage);
    Ok((operation, body))
}

/// Parses and validates a 1MSG method body; `operation` is the method (default `sendMessage`).
pub fn parse(body: &str, operation: Option<&str>) -> Result<Message, BodyError> {
    super::parse(PROVIDER, body, operation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Content, RecipientType, Text};
    use crate::validate::ViolationCode;
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
        assert_eq!(parse(r#"{}"#, Some("sendTemplate")).unwrap_err().code(), "ERR_VALIDATION");
        assert_eq!(parse(r#"{}"#, Some("sendFax")).unwrap_err().code(), "ERR_ARGUMENT");
    }

    #[test]
    fn inline_files_and_their_names() {
        let pixel = "data:image/png;base64,iVBORw0KGgo=";
        let message = Message::new("16505551234", Content::Image(crate::message::Media::by_link(pixel)));
        let (method, body) = serialize(&message).unwrap();
        assert_eq!(method, Operation::SendFile);
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!((body["body"].as_str(), body["filename"].as_str()), (Some(pixel), Some("image.png")));
        assert_eq!(parse(&body.to_string(), Some("sendFile")).unwrap(), message);
        // A name of its own on an image: valid and reproduced, but not neutral.
        let named = json!({"phone": 16505551234u64, "body": pixel, "filename": "pixel.png"});
        assert!(crate::provider::validate_body(PROVIDER, &named.to_string(), Some("sendFile")).unwrap().is_empty());
        let one_msg = crate::provider::Format::Provider(PROVIDER);
        let again = crate::provider::convert(one_msg, one_msg, &named.to_string(), Some("sendFile")).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&again).unwrap(), named);
        let Err(BodyError::Unsupported(u)) = parse(&named.to_string(), Some("sendFile")) else { panic!() };
        assert_eq!(u.pointer(), "/filename");
        let meta = crate::provider::serialize(crate::provider::Provider::Meta, &message).unwrap_err();
        assert_eq!(meta.code(), "ERR_UNSUPPORTED");
    }

    /// sendFile names a file by link by its `filename`, extension included: where the link's
    /// path has none, the message's mimeType gives it (and says so), and the name reads back as
    /// that type. With none of them naming one, the mimeType is what is missing.
    #[test]
    fn a_file_link_without_extension_is_named_by_its_mime_type() {
        let file = |kind: &str, link: &str, mime: Option<&str>| {
            let mut content = json!({"type": kind, "link": link});
            if let Some(mime) = mime {
                content["mimeType"] = json!(mime);
            }
            Message::from_json(&json!({"to": "16505551234", "content": content}).to_string()).unwrap()
        };
        for (kind, link, mime, name) in [
            ("image", "https://e.com/photo", "image/jpeg", "photo.jpg"),
            ("video", "https://e.com/media/clip?sig=1", "video/mp4", "clip.mp4"),
            ("audio", "https://e.com/v/", "audio/ogg; codecs=opus", "audio.ogg"),
            ("document", "https://e.com/files/report", "application/pdf", "report.pdf"),
            ("image", "https://e.com/get.php", "image/png", "get.php.png"),
        ] {
            let message = file(kind, link, Some(mime));
            let (method, body) = serialize(&message).unwrap();
            assert_eq!(method, Operation::SendFile);
            let body: Value = serde_json::from_str(&body).unwrap();
            assert_eq!((body["body"].as_str(), body["filename"].as_str()), (Some(link), Some(name)), "{kind}");
            let said = OneMsgCodec.approximations(&message);
            assert_eq!((said.len(), said[0].pointer.as_str(), said[0].reshaped), (1, "/content/mimeType", true));
            assert!(said[0].why.contains(name), "{}", said[0].why);
            if kind != "document" && !mime.contains(';') {
                assert_eq!(parse(&body.to_string(), Some("sendFile")).unwrap(), message, "{kind} reads back");
            }
        }
        // A link that names its type keeps its own name; the mimeType is left out (the body
        // does not carry it), as beside a media id.
        let named = file("image", "https://e.com/photo.png", Some("image/png"));
        let body: Value = serde_json::from_str(&serialize(&named).unwrap().1).unwrap();
        assert_eq!(body["filename"], "photo.png");
        assert!(OneMsgCodec.approximations(&named)[0].why.ends_with("left out"));
        let by_id =
            Message::from_json(r#"{"to":"16505551234","content":{"type":"image","id":"1001","mimeType":"image/png"}}"#)
                .unwrap();
        assert!(OneMsgCodec.approximations(&by_id)[0].why.ends_with("left out"));
        // A document's filename without an extension is given its type's, else its link's.
        for (mime, link, name) in [
            (Some("application/pdf"), "https://e.com/get", "invoice.pdf"),
            (None, "https://e.com/files/a.docx", "invoice.docx"),
        ] {
            let mut message = file("document", link, mime);
            let Content::Document(media) = &mut message.content else { panic!() };
            media.filename = Some("invoice".into());
            let body: Value = serde_json::from_str(&serialize(&message).unwrap().1).unwrap();
            assert_eq!(body["filename"], name);
            let said = OneMsgCodec.approximations(&message);
            assert_eq!((said[0].pointer.as_str(), said[0].reshaped), ("/content/filename", true));
        }
        // Neither link, filename nor mimeType names a type: the mimeType is missing.
        for kind in ["image", "video", "audio", "document"] {
            let Err(BodyError::Invalid(v)) = serialize(&file(kind, "https://e.com/photo", None)) else { panic!() };
            assert_eq!((v[0].path.as_str(), v[0].code), ("/content/mimeType", ViolationCode::Required), "{kind}");
            assert!(v[0].message.contains("extension"), "{}", v[0].message);
        }
    }

    #[test]
    fn rules_that_tie_fields_together() {
        let faults = |body: Value, op: &str| -> Vec<(String, ViolationCode)> {
            match crate::provider::validate_body(PROVIDER, &body.to_string(), Some(op)) {
                Ok(v) => v.into_iter().map(|v| (v.path, v.code)).collect(),
                Err(e) => panic!("{e:?}"),
            }
        };
        let list = json!({"phone": "16505551234", "action": {"catalog_id": "1", "sections": [{"title": "A", "product_items": [{"product_retailer_id": "x"}]}]}});
        assert_eq!(faults(list, "sendProduct"), [("/header".to_string(), ViolationCode::Required)]);
        let neither = json!({"chatId": "16505551234@c.us", "action": {"catalog_id": "1"}});
        assert_eq!(
            faults(neither, "sendProduct"),
            [("/action/product_retailer_id".to_string(), ViolationCode::Required)]
        );
        assert_eq!(faults(json!({}), "me"), [(String::new(), ViolationCode::Required)]);
        let both = json!({"phone": "16505551234", "chatId": "16505551234@c.us", "body": "x"});
        assert_eq!(faults(both, "sendMessage"), [("/chatId".to_string(), ViolationCode::InvalidValue)]);
    }

    #[test]
    fn button_ids_hold_at_200_characters_and_fail_at_201() {
        let body = |n: usize| {
            json!({"phone": 16505551234u64, "body": "Pick", "sections": [{"type": "reply", "reply": {"id": "é".repeat(n), "title": "A"}}]})
                .to_string()
        };
        assert!(parse(&body(200), Some("sendButton")).is_ok());
        let Err(BodyError::Invalid(v)) = parse(&body(201), Some("sendButton")) else { panic!() };
        assert_eq!((v[0].path.as_str(), v[0].limit), ("/sections/0/reply/id", Some(200.0)));
        let mut message = parse(&body(200), Some("sendButton")).unwrap();
        let Content::ReplyButtons(buttons) = &mut message.content else { panic!() };
        buttons.buttons[0].id.push('x');
        let Err(BodyError::Invalid(v)) = serialize(&message) else { panic!() };
        assert_eq!(v[0].path, "/content/buttons/0/id");
    }

    #[test]
    fn every_button_id_over_1msgs_limit_is_reported() {
        let long = "x".repeat(201);
        let body = format!(
            r#"{{"to":"16505551234","content":{{"type":"replyButtons","body":"Pick","buttons":[{{"id":"{long}","title":"A"}},{{"id":"ok","title":"B"}},{{"id":"{long}y","title":"C"}}]}}}}"#
        );
        let message = Message::from_json(&body).unwrap();
        let Err(BodyError::Invalid(violations)) = serialize(&message) else { panic!() };
        let paths: Vec<_> = violations.iter().map(|v| (v.path.as_str(), v.limit)).collect();
        assert_eq!(paths, [("/content/buttons/0/id", Some(200.0)), ("/content/buttons/2/id", Some(200.0))]);
    }

    #[test]
    fn a_preview_switch_1msg_cannot_send_is_refused() {
        let mut message = Message::text("16505551234", "https://x.y");
        message.content = Text::new("https://x.y").with_preview_url(true).into();
        assert_eq!(serialize(&message).unwrap_err().code(), "ERR_UNSUPPORTED");
    }
}

#[cfg(test)]
mod fixtures {
    use super::*;
    use crate::provider::{Format, convert};
    use serde_json::Value;

    /// The request bodies of every method (tests/fixtures/1msg), with their method.
    fn bodies() -> Vec<(String, Operation, Value)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/1msg");
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.contains(".response") || name.contains(".query") {
                continue;
            }
            let method = name.trim_end_matches(".json").split('-').next().unwrap().to_string();
            let operation = method.parse::<Operation>().unwrap_or_else(|_| panic!("{name}: no method {method}"));
            found.push((name, operation, serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()));
        }
        found
    }

    #[test]
    fn every_method_fixture_is_valid_and_reproduced_exactly() {
        let fixtures = bodies();
        assert!(fixtures.len() >= 45, "{} fixtures", fixtures.len());
        let mut failures = Vec::new();
        for (name, operation, body) in fixtures {
            match convert(
                Format::Provider(PROVIDER),
                Format::Provider(PROVIDER),
                &body.to_string(),
                Some(operation.name()),
            ) {
                Ok(out) => {
                    let out: Value = serde_json::from_str(&out).unwrap();
                    if out != body {
                        failures.push(format!("{name}: {body}\n  → {out}"));
                    }
                }
                Err(e) => failures.push(format!("{name}: {e:?}")),
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
