//! 1MSG's webhook bodies read into events: `{"messages": […]}` — every message of the channel,
//! the customers' and (`fromMe`) your own — and `{"ack": […]}`, status changes of yours, each
//! with the channel's `instanceId` beside. 1MSG's statuses are Meta's (its spec says `viewed`
//! for read; traffic shows `read`: both are read). docs/research/webhooks-events.md §1.

use crate::event::{
    Context, Detail, Event, Fault, Inbound, InboundMedia, Party, Reply, Status, StatusUpdate, e164, seconds_to_ms,
    str_at,
};
use crate::json::{Json, parse_decimal};
use crate::message::{Content, Location, Text};
use crate::provider_id::Provider;
use std::borrow::Cow;

pub(super) fn events<'a>(root: &'a Json<'a>) -> Result<Vec<Event<'a>>, String> {
    let Json::Object(members) = root else { return Err("it is not a JSON object".into()) };
    let channel = Party { id: str_at(root, "instanceId"), ..Party::default() };
    let mut events = Vec::new();
    // With its `rawHooks` setting on, 1MSG forwards the Cloud API's change `value` as it is
    // (`messages`, `message_echoes`, `statuses`), the channel's `instanceId` beside: Meta's
    // objects, read as Meta's are. (A whole Cloud API body beside an `instanceId` is read as
    // one too: which of the two a channel sends is not documented, and neither is lost.)
    if channel.id.is_some() && root.get("object").is_some() && root.get("entry").is_some() {
        // The channel is 1MSG's (its instanceId), not Meta's phone number id.
        let mut events = crate::provider::meta::cloud_api_events(Provider::OneMsg, root)?;
        for event in &mut events {
            event.channel.id = channel.id;
        }
        return Ok(events);
    }
    if root.get("messaging_product").and_then(Json::as_str) == Some("whatsapp") {
        let numbered = Party { id: channel.id, ..crate::provider::meta::cloud_api_number(root) };
        crate::provider::meta::value_events(Provider::OneMsg, root, &numbered, &mut events);
        if events.is_empty() {
            events.push(Event {
                provider: Provider::OneMsg,
                id: None,
                timestamp_ms: None,
                channel,
                detail: Detail::Other { name: "unknown" },
                raw: root,
            });
        }
        return Ok(events);
    }
    let mut known = false;
    for (key, value) in members {
        let items = match (key.as_ref(), value) {
            (_, Json::Array(items)) => items.as_slice(),
            // 1MSG's two bodies are arrays of objects: anything else under their keys is not a
            // 1MSG webhook (read as an empty list, it would be answered 200 and lost).
            ("messages" | "ack", Json::Null) => &[],
            ("messages" | "ack", _) => return Err(format!("its {key:?} is not an array of 1MSG's {key} objects")),
            _ => &[],
        };
        if matches!(key.as_ref(), "messages" | "ack") && items.iter().any(|item| !matches!(item, Json::Object(_))) {
            return Err(format!("its {key:?} holds something other than 1MSG's {key} objects"));
        }
        match key.as_ref() {
            "messages" => {
                known = true;
                events.extend(items.iter().map(|m| message(m, &channel)));
            }
            "ack" => {
                known = true;
                events.extend(items.iter().map(|a| ack(a, &channel)));
            }
            "instanceId" => {}
            name => events.push(Event {
                provider: Provider::OneMsg,
                id: None,
                timestamp_ms: None,
                channel: channel.clone(),
                detail: Detail::Other { name },
                raw: value,
            }),
        }
    }
    if !known && channel.id.is_none() {
        return Err("it has neither \"messages\" nor \"ack\" (1MSG's two webhook bodies)".into());
    }
    Ok(events)
}

/// A customer's business-scoped user id: the one 1MSG gives (`authorBsuid`, an ack's `bsuid`),
/// or the one their `<BSUID>@lid` chat is named by — a BSUID only (a numeric `…@lid` is a
/// WhatsApp LID, no id to send to).
fn user_id<'a>(given: Option<&'a str>, chat: Option<&'a str>) -> Option<&'a str> {
    let bsuid = |id: &&str| crate::validate::is_bsuid(id);
    given.filter(bsuid).or_else(|| chat?.strip_suffix("@lid").filter(bsuid))
}

fn message<'a>(m: &'a Json<'a>, channel: &Party<'a>) -> Event<'a> {
    let chat_id = str_at(m, "chatId");
    let flag = |key: &str| m.get(key).is_some_and(|v| v.as_bool() == Some(true) || v.as_i64() == Some(1));
    let from_me = flag("fromMe");
    // `from` is the customer, whom an answer goes to. On an echo of your own message the author
    // is your business number (and senderName your business): the customer is the chat. In a
    // customer's group message the author is the sender; elsewhere the chat is.
    let sender = if from_me { chat_id } else { str_at(m, "author").filter(|a| !a.is_empty()).or(chat_id) };
    let kind = str_at(m, "type").unwrap_or("unknown");
    let body = str_at(m, "body");
    let caption = str_at(m, "caption").filter(|c| !c.is_empty());
    let mut message = Inbound {
        from: Party {
            id: sender,
            phone: sender.and_then(e164),
            name: str_at(m, "senderName").filter(|_| !from_me),
            // A customer whose number is hidden writes from `<BSUID>@lid`; 1MSG also gives the
            // BSUID (`authorBsuid`) and username (`authorUserName`) of a customer's message.
            user_id: user_id(str_at(m, "authorBsuid").filter(|_| !from_me), sender),
            username: str_at(m, "authorUserName").filter(|u| !from_me && !u.is_empty()),
        },
        kind: Cow::Borrowed(kind),
        from_me,
        chat_id,
        group: chat_id.filter(|c| c.ends_with("@g.us")),
        ..Inbound::default()
    };
    let quoted = str_at(m, "quotedMsgId").filter(|q| !q.is_empty());
    if quoted.is_some() || flag("isForwarded") {
        message.context = Some(Context { message_id: quoted, forwarded: flag("isForwarded"), ..Context::default() });
    }
    match kind {
        "chat" => {
            message.kind = Cow::Borrowed("text");
            message.text = body.map(Cow::Borrowed);
            message.content = body.map(|b| Content::Text(Text::new(b)));
        }
        "image" | "video" | "document" | "audio" | "voice" | "ptt" | "sticker" => {
            // The body of a media message is the link to download it.
            let voice = matches!(kind, "voice" | "ptt");
            let kind = if voice { "audio" } else { kind };
            let filename = str_at(m, "filename").filter(|f| !f.is_empty());
            let media = InboundMedia {
                url: body,
                caption,
                filename: filename
                    .or_else(|| if kind == "document" { caption_as_filename(caption, body) } else { None }),
                mime_type: str_at(m, "mimetype").or_else(|| str_at(m, "mimeType")),
                voice,
                ..InboundMedia::default()
            };
            message.kind = Cow::Borrowed(kind);
            message.text = caption.map(Cow::Borrowed);
            message.content = media.content(kind);
            message.media = Some(media);
        }
        "location" => {
            // "latitude;longitude" in the body; its name, and on a second line its address,
            // in the caption (1MSG has no other field for them: see `location_names`).
            let (name, address) = location_names(caption);
            message.content = body.and_then(|b| {
                let (lat, lng) = b.split_once([';', ','])?;
                let mut location = Location::new(parse_decimal(lat.trim())?, parse_decimal(lng.trim())?);
                location.name = name.map(str::to_string);
                location.address = address.map(str::to_string);
                Some(Content::Location(location))
            });
            message.text = caption.map(Cow::Borrowed);
        }
        // The echo of your own interactive message (buttons, a list, …): 1MSG's Message has
        // no field for its buttons or rows, only the body text. Nothing was tapped: no
        // `reply`; its text is the body, as what the message said.
        "interactive" if from_me => {
            let text = body.filter(|b| !b.is_empty());
            message.text = text.map(Cow::Borrowed);
            message.content = text.map(|t| Content::Text(Text::new(t)));
        }
        "interactive" => {
            // A reply button or list row tapped: 1MSG gives the title tapped as the body, and no
            // id nor which of the two it was (its Message schema has neither, nor does any
            // traffic seen: docs/research/webhooks-events.md §1.4). The title is what the
            // customer said, so it is also the neutral text to answer or echo.
            let title = body.filter(|b| !b.is_empty());
            message.reply = title.map(|t| Reply { id: None, title: Some(t), description: None });
            message.text = title.map(Cow::Borrowed);
            message.content = title.map(|t| Content::Text(Text::new(t)));
        }
        "request_welcome" => message.kind = Cow::Borrowed("requestWelcome"),
        _ => message.text = body.filter(|b| !b.is_empty()).map(Cow::Borrowed),
    }
    Event {
        provider: Provider::OneMsg,
        id: str_at(m, "id"),
        timestamp_ms: seconds_to_ms(m.get("time")),
        channel: channel.clone(),
        detail: Detail::Message(Box::new(message)),
        raw: m,
    }
}

/// A location's name and address from its caption: the first line is the name, the rest the
/// address (1MSG shows an address only with a name). 1MSG's Message has `caption` ("File
/// caption or filename") and a body of "latitude and longitude" only; how it passes a
/// location's name and address is undocumented. The sandbox writes them this way.
fn location_names(caption: Option<&str>) -> (Option<&str>, Option<&str>) {
    let Some(caption) = caption.map(str::trim).filter(|c| !c.is_empty()) else { return (None, None) };
    match caption.split_once('\n') {
        Some((name, address)) => {
            let address = address.trim();
            (Some(name.trim()).filter(|n| !n.is_empty()), Some(address).filter(|a| !a.is_empty()))
        }
        None => (Some(caption), None),
    }
}

/// A document's caption taken as its file name, when 1MSG put the name there: its schema says
/// `caption` is "File caption or filename", and sending a document back through 1MSG needs a
/// file name with an extension (`sendFile`'s `filename`) that a link without one cannot give.
/// Taken only when all of these hold, so that a real caption is never mistaken for a name:
/// the link's last path segment has no extension; the caption is one line of at most 255
/// characters with no path separator, no leading or trailing space; and it ends in a dot and
/// an extension of a common file type (`FILE_EXTENSIONS`, any case).
fn caption_as_filename<'a>(caption: Option<&'a str>, url: Option<&str>) -> Option<&'a str> {
    let caption = caption?;
    let segment = url?.split(['?', '#']).next()?.rsplit('/').next()?;
    if has_extension(segment) {
        return None;
    }
    let plain =
        caption.chars().count() <= 255 && caption.trim() == caption && !caption.contains(['/', '\\', '\n', '\r', '\t']);
    let (stem, extension) = caption.rsplit_once('.')?;
    let known = FILE_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(extension));
    (plain && !stem.trim().is_empty() && known).then_some(caption)
}

/// Whether a path segment ends in `.ext` (1 to 5 letters or digits, one letter at least).
fn has_extension(segment: &str) -> bool {
    segment.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.bytes().all(|b| b.is_ascii_alphanumeric())
            && ext.bytes().any(|b| b.is_ascii_alphabetic())
    })
}

/// Extensions of the files people send as WhatsApp documents: what makes a caption a file name.
const FILE_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv", "tsv", "md", "json",
    "xml", "html", "htm", "epub", "pages", "numbers", "key", "zip", "rar", "7z", "gz", "tgz", "tar", "apk", "vcf",
    "ics", "jpg", "jpeg", "png", "gif", "webp", "heic", "svg", "mp3", "m4a", "ogg", "opus", "wav", "aac", "mp4", "mov",
    "avi", "3gp", "mkv",
];

fn ack<'a>(a: &'a Json<'a>, channel: &Party<'a>) -> Event<'a> {
    let word = str_at(a, "status").unwrap_or("");
    let chat_id = str_at(a, "chatId");
    let phone = chat_id.and_then(e164).or_else(|| str_at(a, "phone").and_then(e164));
    // A failed ack's `error` is text (WhatsApp's title), not a code.
    let error = str_at(a, "error").filter(|e| !e.is_empty());
    Event {
        provider: Provider::OneMsg,
        id: str_at(a, "id"),
        timestamp_ms: seconds_to_ms(a.get("time").or_else(|| a.get("timestamp"))),
        channel: channel.clone(),
        detail: Detail::Status(Box::new(StatusUpdate {
            status: Status::from_word(word),
            provider_status: word,
            recipient: Party {
                id: chat_id,
                phone,
                name: str_at(a, "userName"),
                user_id: user_id(str_at(a, "bsuid"), chat_id),
                ..Party::default()
            },
            participant: Party::default(),
            errors: error.map(|e| Fault { message: Some(e), ..Fault::default() }).into_iter().collect(),
            pricing: None,
            conversation: None,
            callback_data: None,
            reason: None,
            whatsapp_id: None,
        })),
        raw: a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: Option<&str> = Some("https://api.1msg.io/123456/media/file-document?token=x");

    /// The one message of a `{"messages": [m]}` body.
    fn read(m: &str, check: impl FnOnce(&Inbound<'_>)) {
        let body = format!(r#"{{"instanceId":"123456","messages":[{m}]}}"#);
        let json = crate::json::parse(&body).unwrap();
        let events = events(&json).unwrap();
        let Detail::Message(message) = &events[0].detail else { panic!("{:?}", events[0].detail) };
        check(message);
    }

    #[test]
    fn the_echo_of_your_own_buttons_is_that_message_not_a_tap() {
        let echo = r#"{"id":"m1","type":"interactive","body":"Pick a day","fromMe":true,"self":1,"chatId":"16505551234@c.us","author":"15550001111@c.us"}"#;
        read(echo, |m| {
            assert!(m.from_me);
            assert_eq!((m.kind.as_ref(), m.reply.is_none()), ("interactive", true));
            assert_eq!(m.text.as_deref(), Some("Pick a day"));
            assert_eq!(m.content, Some(Content::Text(Text::new("Pick a day"))));
        });
        // A customer's tap is still a reply, by its title.
        read(&echo.replace(r#""fromMe":true"#, r#""fromMe":false"#), |m| {
            assert_eq!(m.reply.as_ref().and_then(|r| r.title), Some("Pick a day"));
        });
    }

    #[test]
    fn a_locations_name_and_address_come_from_its_caption() {
        let at = |caption: &str| {
            format!(
                r#"{{"id":"l1","type":"location","body":"52.34;4.91","caption":{caption},"fromMe":true,"chatId":"1@c.us"}}"#
            )
        };
        let location = |m: &Inbound<'_>| match &m.content {
            Some(Content::Location(l)) => (l.latitude, l.longitude, l.name.clone(), l.address.clone()),
            other => panic!("{other:?}"),
        };
        read(&at(r#""Pick-up point\nTrompenburgstraat 2C""#), |m| {
            let address = Some("Trompenburgstraat 2C".to_string());
            assert_eq!(location(m), (52.34, 4.91, Some("Pick-up point".into()), address));
            assert_eq!(m.text.as_deref(), Some("Pick-up point\nTrompenburgstraat 2C"));
        });
        read(&at(r#""Pick-up point""#), |m| assert_eq!(location(m).2.as_deref(), Some("Pick-up point")));
        read(&at("null"), |m| assert_eq!(location(m), (52.34, 4.91, None, None)));
    }

    #[test]
    fn a_caption_is_a_file_name_only_when_it_looks_like_one_and_the_link_has_none() {
        for name in ["report.pdf", "Invoice 2024-03.PDF", "scan (2).jpeg", "données.xlsx"] {
            assert_eq!(caption_as_filename(Some(name), LINK), Some(name), "{name}");
        }
        for caption in [
            "Here is the invoice",
            "See you tomorrow.",
            "version 2.0",
            "hi.there",
            " report.pdf",
            "a/b.pdf",
            "two\nlines.pdf",
            ".pdf",
            "Price list: see the attached.doc file",
        ] {
            assert_eq!(caption_as_filename(Some(caption), LINK), None, "{caption:?}");
        }
        // A link that names its file already: the caption is left a caption.
        assert_eq!(caption_as_filename(Some("report.pdf"), Some("https://cdn.example/f/abc.pdf?x=1")), None);
        assert_eq!(caption_as_filename(Some("report.pdf"), None), None);
        assert_eq!(caption_as_filename(Some(&format!("{}.pdf", "a".repeat(300))), LINK), None);
    }
}
