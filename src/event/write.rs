//! Events as JSON, in JS's spelling: `type` discriminates (`message`, `status`, `error`,
//! `other`), optional fields are left out, provider objects passed through get camelCase
//! keys — except a Flow's answer and `raw`, which are the sender's and the provider's as sent.

use super::*;
use crate::json::JsonWriter;

/// How an event's `raw` object is written.
#[derive(Debug, Clone, Copy)]
pub enum Raw<'r> {
    /// The object itself, as read (the CLI, Rust callers).
    Value,
    /// `rawPointer`: where it is in `body`, the whole document the events were read from. JS
    /// reads the body itself when `raw` is asked for, rather than every event paying for a copy.
    Pointer { body: &'r Json<'r> },
}

/// The events as a JSON array.
pub fn write_events(events: &[Event<'_>], raw: Raw<'_>) -> String {
    let pointers = match raw {
        Raw::Value => Vec::new(),
        Raw::Pointer { body } => crate::validate::locate_all(body, &events.iter().map(|e| e.raw).collect::<Vec<_>>()),
    };
    let mut w = JsonWriter::new();
    w.item_arr(events.iter().enumerate(), |w, (i, event)| {
        let pointer = pointers.get(i).map(|p| p.as_deref().unwrap_or_default());
        w.item_obj(|w| event_members(w, event, pointer))
    });
    w.finish()
}

/// `raw_pointer`: where the event's raw object is in the body (`rawPointer`), or `None` to
/// write the object itself.
fn event_members(w: &mut JsonWriter, e: &Event<'_>, raw_pointer: Option<&str>) {
    w.str("provider", e.provider.name());
    let kind = match &e.detail {
        Detail::Message(_) => "message",
        Detail::Status(_) => "status",
        Detail::Errors(_) => "error",
        Detail::Other { .. } => "other",
    };
    w.str("type", kind);
    if let Some(key) = dedupe_key(e) {
        w.str("key", &key);
    }
    w.opt_str("id", e.id);
    if let Some(ms) = e.timestamp_ms {
        w.int("timestamp", ms as i64);
    }
    party(w, "channel", &e.channel);
    match &e.detail {
        Detail::Message(m) => inbound(w, m),
        Detail::Status(s) => status(w, s),
        Detail::Errors(errors) => faults(w, errors),
        Detail::Other { name } => w.str("name", name),
    }
    match raw_pointer {
        None => w.tree("raw", e.raw),
        Some(pointer) => w.str("rawPointer", pointer),
    }
}

/// What a duplicate delivery of the same event shares: providers redeliver until answered
/// 2xx, and a status may come more than once. Only an event with an id of the provider's has
/// one: a notification without (Meta's account, template and group updates and value-level
/// errors, 1MSG's channel status) may come again, the same to the byte, as a new event — a
/// template approved a second time, a channel connected again — and keyed by its content the
/// second would be dropped as a duplicate: lost.
pub fn dedupe_key(e: &Event<'_>) -> Option<String> {
    let id = e.id?;
    let provider = e.provider.name();
    Some(match &e.detail {
        Detail::Message(_) => format!("{provider}:message:{id}"),
        // A group's members each report the same status of the same message.
        Detail::Status(s) => match s.participant.id {
            Some(member) => format!("{provider}:status:{id}:{}:{member}", s.provider_status),
            None => format!("{provider}:status:{id}:{}", s.provider_status),
        },
        // Bird's interactions (a click, a read) have ids of their own; another notification's
        // id is its subject's (a channel's, a conversation's), the same in its next update.
        Detail::Other { name } if name.ends_with(".interaction") => format!("{provider}:{name}:{id}"),
        Detail::Other { .. } => return None,
        Detail::Errors(_) => format!("{provider}:error:{id}"),
    })
}

fn party(w: &mut JsonWriter, key: &str, p: &Party<'_>) {
    if *p == Party::default() {
        return;
    }
    w.obj(key, |w| {
        w.opt_str("id", p.id);
        w.opt_str("phone", p.phone.as_deref());
        w.opt_str("name", p.name);
        w.opt_str("userId", p.user_id);
        w.opt_str("username", p.username);
    });
}

fn inbound(w: &mut JsonWriter, m: &Inbound<'_>) {
    party(w, "from", &m.from);
    w.str("kind", &m.kind);
    w.opt_str("text", m.text.as_deref());
    if let Some(content) = &m.content {
        w.obj("content", |w| crate::message::write::content(w, content));
    }
    if let Some(media) = &m.media {
        w.obj("media", |w| {
            w.opt_str("id", media.id);
            w.opt_str("url", media.url);
            w.opt_str("mimeType", media.mime_type);
            w.opt_str("sha256", media.sha256);
            w.opt_str("caption", media.caption);
            w.opt_str("filename", media.filename);
            if media.voice {
                w.bool("voice", true);
            }
            if media.animated {
                w.bool("animated", true);
            }
        });
    }
    if let Some(reply) = &m.reply {
        w.obj("reply", |w| {
            w.opt_str("id", reply.id);
            w.opt_str("title", reply.title);
            w.opt_str("description", reply.description);
        });
    }
    if let Some(c) = &m.context {
        w.obj("context", |w| {
            w.opt_str("messageId", c.message_id);
            w.opt_str("from", c.from);
            w.opt_str("type", c.kind);
            if c.forwarded {
                w.bool("forwarded", true);
            }
            if c.frequently_forwarded {
                w.bool("frequentlyForwarded", true);
            }
            if let Some(product) = c.referred_product {
                w.camel_tree("referredProduct", product);
            }
        });
    }
    if let Some(response) = &m.flow_response {
        w.tree("flowResponse", response);
    }
    for (key, value) in [("referral", m.referral), ("order", m.order), ("system", m.system)] {
        if let Some(value) = value {
            w.camel_tree(key, value);
        }
    }
    if !m.errors.is_empty() {
        faults(w, &m.errors);
    }
    // Always said, true or false: whether this is an echo of your own message decides whether
    // to answer it, and an absent flag would read as "not an echo" by accident.
    w.bool("fromMe", m.from_me);
    w.opt_str("chatId", m.chat_id);
    w.opt_str("group", m.group);
    w.opt_str("whatsappId", m.whatsapp_id);
}

fn status(w: &mut JsonWriter, s: &StatusUpdate<'_>) {
    party(w, "recipient", &s.recipient);
    party(w, "participant", &s.participant);
    w.str("status", s.status.name());
    w.str("providerStatus", s.provider_status);
    if !s.errors.is_empty() {
        faults(w, &s.errors);
    }
    for (key, value) in [("pricing", s.pricing), ("conversation", s.conversation)] {
        if let Some(value) = value {
            w.camel_tree(key, value);
        }
    }
    w.opt_str("callbackData", s.callback_data);
    w.opt_str("reason", s.reason);
    w.opt_str("whatsappId", s.whatsapp_id);
}

fn faults(w: &mut JsonWriter, errors: &[Fault<'_>]) {
    w.arr("errors", errors, |w, f| {
        w.item_obj(|w| {
            w.opt_int("code", f.code);
            w.opt_str("title", f.title);
            w.opt_str("message", f.message);
            w.opt_str("details", f.details);
            if let Some(source) = f.source {
                w.camel_tree("source", source);
            }
            w.opt_str("href", f.href);
        })
    });
}
