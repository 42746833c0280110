//! Bird's webhook bodies read into events: `{service: "channels", event, payload}` with Bird's
//! message object as the payload — `whatsapp.inbound` a customer's message, `whatsapp.outbound`
//! a status change of yours. Bird's statuses have no `read`: a read receipt is an interaction
//! (`whatsapp.interaction`, `type: "read"`, about `messageId`), read here as a `read` status.
//! Any other event (other interactions, channel updates) is kept as `other`.

use crate::clock::parse_rfc3339;
use crate::event::{
    Context, Detail, Event, Fault, Inbound, InboundMedia, Party, Reply, Status, StatusUpdate, e164, str_at,
};
use crate::json::Json;
use crate::message::{Content, Location, Text};
use crate::provider_id::Provider;
use std::borrow::Cow;

pub(super) fn events<'a>(root: &'a Json<'a>) -> Result<Vec<Event<'a>>, String> {
    let (Some(name), Some(payload @ Json::Object(_))) = (root.get("event").and_then(Json::as_str), root.get("payload"))
    else {
        return Err("it has no \"event\" and \"payload\" (Bird's envelope is {service, event, payload})".into());
    };
    let channel = |connector: Option<&'a Json<'a>>| Party {
        id: str_at(payload, "channelId"),
        phone: connector.and_then(|c| str_at(c, "identifierValue")).and_then(e164),
        ..Party::default()
    };
    let connector = |side: &str| payload.get(side).and_then(|s| s.get("connector"));
    let whatsapp_id = payload.items("parts").iter().find_map(|p| str_at(p, "platformReference"));
    let event = match name {
        "whatsapp.inbound" => Event {
            provider: Provider::Bird,
            id: str_at(payload, "id"),
            timestamp_ms: time(payload, "createdAt"),
            channel: channel(connector("receiver")),
            detail: Detail::Message(Box::new(inbound(payload, whatsapp_id))),
            raw: payload,
        },
        "whatsapp.outbound" => Event {
            provider: Provider::Bird,
            id: str_at(payload, "id"),
            timestamp_ms: time(payload, "lastStatusAt").or_else(|| time(payload, "updatedAt")),
            channel: channel(connector("sender")),
            detail: Detail::Status(Box::new(status(payload, whatsapp_id))),
            raw: payload,
        },
        "whatsapp.interaction" if str_at(payload, "type") == Some("read") => Event {
            provider: Provider::Bird,
            id: str_at(payload, "messageId"),
            timestamp_ms: time(payload, "createdAt"),
            channel: channel(None),
            detail: Detail::Status(Box::new(StatusUpdate {
                status: Status::Read,
                provider_status: "read",
                recipient: party(payload.get("receiver").and_then(|r| r.items("contacts").first())),
                participant: Party::default(),
                errors: Vec::new(),
                pricing: None,
                conversation: None,
                callback_data: str_at(payload, "messageReference").filter(|r| !r.is_empty()),
                reason: None,
                whatsapp_id: None,
            })),
            raw: payload,
        },
        _ => Event {
            provider: Provider::Bird,
            id: str_at(payload, "id"),
            timestamp_ms: time(payload, "updatedAt").or_else(|| time(payload, "createdAt")),
            channel: channel(None),
            detail: Detail::Other { name },
            raw: payload,
        },
    };
    Ok(vec![event])
}

fn time(payload: &Json<'_>, key: &str) -> Option<f64> {
    str_at(payload, key).and_then(parse_rfc3339)
}

/// A contact as Bird names one: its id, and what it is identified by — a phone number, or
/// for a customer whose number is hidden, their username or business-scoped user id.
fn party<'a>(contact: Option<&'a Json<'a>>) -> Party<'a> {
    let Some(c) = contact else { return Party::default() };
    let value = str_at(c, "identifierValue");
    let key = str_at(c, "identifierKey");
    Party {
        id: str_at(c, "id"),
        phone: if matches!(key, None | Some("phonenumber")) { value.and_then(e164) } else { None },
        name: c.get("annotations").and_then(|a| str_at(a, "name")),
        user_id: value.filter(|v| key == Some("whatsappbsuid") && crate::validate::is_bsuid(v)),
        username: value.filter(|_| key == Some("whatsappusername")),
    }
}

/// The sender of an inbound message, with the business-scoped user id and username Bird gives
/// in `meta.extraInformation` (`whatsappbsuid`, `whatsappusername`).
fn sender<'a>(p: &'a Json<'a>) -> Party<'a> {
    let party = party(p.get("sender").and_then(|s| s.get("contact")));
    let extra = p.get("meta").and_then(|m| m.get("extraInformation"));
    let extra = |key| extra.and_then(|e| str_at(e, key)).filter(|v| !v.is_empty());
    Party {
        user_id: party.user_id.or(extra("whatsappbsuid").filter(|id| crate::validate::is_bsuid(id))),
        username: party.username.or(extra("whatsappusername")),
        ..party
    }
}

fn inbound<'a>(p: &'a Json<'a>, whatsapp_id: Option<&'a str>) -> Inbound<'a> {
    let body = p.get("body");
    let kind = body.and_then(|b| str_at(b, "type")).unwrap_or("unknown");
    let mut message = Inbound {
        from: sender(p),
        kind: Cow::Borrowed(kind),
        context: p.get("replyTo").map(|r| Context {
            message_id: str_at(r, "id"),
            kind: str_at(r, "type"),
            ..Context::default()
        }),
        whatsapp_id,
        ..Inbound::default()
    };
    let Some(o) = body.and_then(|b| b.get(kind)) else { return message };
    match kind {
        "text" => {
            message.text = str_at(o, "text").map(Cow::Borrowed);
            // A tap on a button or list row arrives as text carrying the action tapped.
            if let Some((action, tapped)) = o.items("actions").iter().find_map(|a| {
                let action = str_at(a, "type")?;
                Some((action, a.get(action)?))
            }) {
                message.kind = Cow::Borrowed(if action == "postback" { "postback" } else { action });
                message.reply =
                    Some(Reply { id: str_at(tapped, "payload"), title: str_at(tapped, "text"), description: None });
            } else {
                message.content = message.text.as_deref().map(|t| Content::Text(Text::new(t)));
            }
        }
        "image" => {
            let media = media(o, "images", None);
            message.text = media.caption.map(Cow::Borrowed);
            message.content = media.content("image");
            message.media = Some(media);
        }
        "file" => {
            let file = o.items("files").first();
            let content_type = file.and_then(|f| str_at(f, "contentType"));
            // WhatsApp's audio, video, documents and stickers all travel as Bird files.
            let kind = match content_type.and_then(|t| t.split('/').next()) {
                Some("audio") => "audio",
                Some("video") => "video",
                Some("image") if content_type == Some("image/webp") => "sticker",
                Some("image") => "image",
                _ => "document",
            };
            let media = media(o, "files", file);
            message.kind = Cow::Borrowed(kind);
            message.text = media.caption.map(Cow::Borrowed);
            message.content = media.content(kind);
            message.media = Some(media);
        }
        "location" => {
            let place = o.get("location");
            message.text = place.and_then(|l| str_at(l, "label")).map(Cow::Borrowed);
            message.content = o.get("coordinates").and_then(|c| {
                Some(Content::Location(Location {
                    latitude: c.get("latitude")?.as_f64()?,
                    longitude: c.get("longitude")?.as_f64()?,
                    name: place.and_then(|l| l.string("label")),
                    address: place.and_then(|l| l.string("address")),
                }))
            });
        }
        _ => message.text = str_at(o, "text").map(Cow::Borrowed),
    }
    message
}

/// The first image or file of a body, with the body's text as its caption.
fn media<'a>(o: &'a Json<'a>, list: &str, first: Option<&'a Json<'a>>) -> InboundMedia<'a> {
    let item = first.or_else(|| o.items(list).first());
    InboundMedia {
        url: item.and_then(|i| str_at(i, "mediaUrl")),
        mime_type: item.and_then(|i| str_at(i, "contentType")),
        filename: item.and_then(|i| str_at(i, "filename")),
        caption: str_at(o, "text"),
        animated: item.and_then(|i| i.get("metadata")).and_then(|m| m.get("isAnimated")).and_then(Json::as_bool)
            == Some(true),
        ..InboundMedia::default()
    }
}

fn status<'a>(p: &'a Json<'a>, whatsapp_id: Option<&'a str>) -> StatusUpdate<'a> {
    let word = str_at(p, "status").unwrap_or("");
    let status = Status::from_word(word);
    let reason = str_at(p, "reason").filter(|r| !r.is_empty());
    // Bird's failure sources: `reason` the title, `details` (`unknown_subscriber`, …) beside it,
    // and `failure` (`{code, description, source}`) where the channel gave one. A failed message
    // has its error whichever of them came; the message is the most specific one given.
    let details = str_at(p, "details").filter(|d| !d.is_empty());
    let failure = p.get("failure").filter(|f| matches!(f, Json::Object(_)));
    let errors = if failure.is_some() || (status == Status::Failed && (reason.is_some() || details.is_some())) {
        let description = failure.and_then(|f| str_at(f, "description")).filter(|d| !d.is_empty());
        vec![Fault {
            code: failure.and_then(|f| f.get("code")).and_then(Json::as_i64),
            title: reason,
            message: description.or(reason).or(details),
            details,
            source: failure.and_then(|f| f.get("source")),
            href: None,
        }]
    } else {
        Vec::new()
    };
    StatusUpdate {
        status,
        provider_status: word,
        recipient: party(p.get("receiver").and_then(|r| r.items("contacts").first())),
        participant: Party::default(),
        errors,
        pricing: None,
        conversation: None,
        callback_data: str_at(p, "reference").filter(|r| !r.is_empty()),
        reason,
        whatsapp_id,
    }
}
