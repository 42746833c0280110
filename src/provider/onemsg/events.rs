//! 1MSG's webhook bodies read into events: `{"messages": […]}` — every message of the channel,
//! the customers' and (`fromMe`) your own — and `{"ack": […]}`, status changes of yours, each
//! with the channel's `instanceId` beside. 1MSG's statuses are Meta's (its spec says `viewed`
//! for read; traffic shows `read`: both are read). docs/research/webhooks-events.md §1.

use crate::event::{
    Context, Detail, Event, Fault, Inbound, InboundMedia, Party, Status, StatusUpdate, e164, seconds_to_ms, str_at,
};
use crate::json::Json;
use crate::message::{Content, Location, Text};
use crate::provider_id::Provider;
use std::borrow::Cow;

pub(super) fn events<'a>(root: &'a Json<'a>) -> Result<Vec<Event<'a>>, String> {
    let Json::Object(members) = root else { return Err("it is not a JSON object".into()) };
    let channel = Party { id: str_at(root, "instanceId"), phone: None, name: None };
    let mut events = Vec::new();
    let mut known = false;
    for (key, value) in members {
        let items = match value {
            Json::Array(items) => items.as_slice(),
            _ => &[],
        };
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

fn message<'a>(m: &'a Json<'a>, channel: &Party<'a>) -> Event<'a> {
    let chat_id = str_at(m, "chatId");
    // In a group chat the author is the sender; elsewhere the chat is.
    let sender = str_at(m, "author").filter(|a| !a.is_empty()).or(chat_id);
    let kind = str_at(m, "type").unwrap_or("unknown");
    let body = str_at(m, "body");
    let caption = str_at(m, "caption").filter(|c| !c.is_empty());
    let flag = |key: &str| m.get(key).is_some_and(|v| v.as_bool() == Some(true) || v.as_i64() == Some(1));
    let from_me = flag("fromMe");
    let mut message = Inbound {
        // On your own messages' echoes, senderName is your business, not a customer.
        from: Party { id: sender, phone: sender.and_then(e164), name: str_at(m, "senderName").filter(|_| !from_me) },
        kind: Cow::Borrowed(kind),
        from_me,
        chat_id,
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
            let media = InboundMedia {
                url: body,
                caption,
                filename: str_at(m, "filename"),
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
            // "latitude;longitude" in the body.
            message.content = body.and_then(|b| {
                let (lat, lng) = b.split_once([';', ','])?;
                Some(Content::Location(Location::new(lat.trim().parse().ok()?, lng.trim().parse().ok()?)))
            });
            message.text = caption.map(Cow::Borrowed);
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
            recipient: Party { id: chat_id, phone, name: str_at(a, "userName") },
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
