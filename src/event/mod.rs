//! Webhooks read: what each provider's codec makes of a delivery's body — one normalized event
//! per inbound message, status update, error notice or other notification, the same shape for
//! every provider, each keeping the provider's own object (`raw`). Events borrow from the parsed
//! body: reading one copies no more than the neutral content it builds.
//!
//! Like the neutral model, this module knows no provider beyond its name; the providers fill
//! it in (`Codec::events`), and `write` gives it to JS and the CLI as JSON.

mod write;

use crate::json::Json;
use crate::message::Content;
use crate::provider_id::Provider;
use std::borrow::Cow;

pub use write::{Raw, write_events};

/// One thing a webhook delivery tells.
#[derive(Debug, Clone, PartialEq)]
pub struct Event<'a> {
    pub provider: Provider,
    /// The provider's id of the message: the inbound one, or the one a status is about.
    pub id: Option<&'a str>,
    /// When it happened, in milliseconds since the Unix epoch.
    pub timestamp_ms: Option<f64>,
    /// Your side: Meta's phone number id and display number, Bird's channel and connector
    /// number, 1MSG's instance.
    pub channel: Party<'a>,
    pub detail: Detail<'a>,
    /// The provider's own object for this event, as it arrived.
    pub raw: &'a Json<'a>,
}

/// What kind of event, with what only that kind has.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail<'a> {
    /// A message from a customer (or, on 1MSG, an echo of yours: `from_me`).
    Message(Box<Inbound<'a>>),
    /// A change in the status of a message you sent.
    Status(Box<StatusUpdate<'a>>),
    /// Errors the provider reports outside any message (Meta's value-level `errors`).
    Errors(Vec<Fault<'a>>),
    /// A notification this library does not read (Meta's group updates, Bird's other events):
    /// kept, never rejected. `name` is the provider's: Meta's change `field`, Bird's `event`,
    /// the top-level key on 1MSG.
    Other { name: &'a str },
}

/// A customer, a recipient, or your own number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Party<'a> {
    /// The provider's id: Meta's WhatsApp id (`wa_id`), Bird's contact or channel id, 1MSG's
    /// chat id (`…@c.us`) or instance id.
    pub id: Option<&'a str>,
    /// The phone number in E.164, `+` first: what a neutral message's `to` takes to answer.
    pub phone: Option<String>,
    /// The profile name, when the provider gives one.
    pub name: Option<&'a str>,
    /// WhatsApp's business-scoped user id (BSUID, `US.13491208655302741918`): a customer's id
    /// for your business that stays when their number is hidden behind a username — Meta's
    /// `user_id`, Bird's `whatsappbsuid`, 1MSG's `authorBsuid`.
    pub user_id: Option<&'a str>,
    /// The customer's WhatsApp username, when they adopted one (it may change: not an id).
    pub username: Option<&'a str>,
}

/// A message a customer sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inbound<'a> {
    /// The customer: who sent it, or on an echo of yours (`from_me`) whom it was sent to (the
    /// chat) — in both cases whom an answer goes to.
    pub from: Party<'a>,
    /// The message's kind: `text`, `image`, `video`, `audio`, `document`, `sticker`,
    /// `location`, `contacts`, `reaction`, `buttonReply`, `listReply`, `flowReply`,
    /// `addressReply` (the address form's answer, in `flow_response`), `button`
    /// (a template's quick reply), `postback` (Bird), `interactive` (1MSG), `order`,
    /// `system`, `unsupported`, `requestWelcome` — or the provider's own name for a kind
    /// this library does not know.
    pub kind: Cow<'a, str>,
    /// The words of it: the text, a caption, the title of the button or row tapped.
    pub text: Option<Cow<'a, str>>,
    /// The message as neutral content, where it maps: send it back as it is, or answer it.
    pub content: Option<Content>,
    pub media: Option<InboundMedia<'a>>,
    /// The button, row or postback the customer tapped.
    pub reply: Option<Reply<'a>>,
    pub context: Option<Context<'a>>,
    /// A Flow's or the address form's answer (`nfm_reply.response_json`), parsed.
    pub flow_response: Option<Json<'a>>,
    /// Meta's click-to-WhatsApp ad the conversation started from.
    pub referral: Option<&'a Json<'a>>,
    /// Meta's order (the cart sent from a catalog).
    pub order: Option<&'a Json<'a>>,
    /// Meta's system message (a customer changed number, …).
    pub system: Option<&'a Json<'a>>,
    /// Errors the provider attached (Meta's unsupported messages).
    pub errors: Vec<Fault<'a>>,
    /// An echo: a message your business sent (1MSG reports both directions, `fromMe`), not a
    /// customer's. Never answer one: the answer would be echoed too.
    pub from_me: bool,
    /// 1MSG's chat the message is in (`…@c.us`, or `…@g.us` for a group).
    pub chat_id: Option<&'a str>,
    /// The group the message was sent in — Meta's `group_id`, 1MSG's group chat (`…@g.us`) —
    /// where an answer goes (`recipientType: "group"`) rather than to `from`, the member.
    pub group: Option<&'a str>,
    /// WhatsApp's own message id where the provider's differs (Bird's `parts[].platformReference`).
    pub whatsapp_id: Option<&'a str>,
}

/// Media a customer sent: an id to download (Meta) or a URL (Bird, 1MSG).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InboundMedia<'a> {
    pub id: Option<&'a str>,
    pub url: Option<&'a str>,
    pub mime_type: Option<&'a str>,
    pub sha256: Option<&'a str>,
    pub caption: Option<&'a str>,
    pub filename: Option<&'a str>,
    /// A voice note (Meta `audio.voice`, 1MSG `voice`).
    pub voice: bool,
    /// An animated sticker.
    pub animated: bool,
}

/// The choice a customer made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply<'a> {
    /// The id (or payload) you gave the button or row.
    pub id: Option<&'a str>,
    pub title: Option<&'a str>,
    pub description: Option<&'a str>,
}

/// What a message answers or comes from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context<'a> {
    /// The id of the message it replies to (quotes, taps, reactions' targets excepted).
    pub message_id: Option<&'a str>,
    /// Who sent that message (Meta: your number).
    pub from: Option<&'a str>,
    /// Bird's `replyTo.type`: `message`, `click` or `referrals`.
    pub kind: Option<&'a str>,
    pub forwarded: bool,
    pub frequently_forwarded: bool,
    /// Meta: the product the customer asks about.
    pub referred_product: Option<&'a Json<'a>>,
}

/// A status update of a message you sent.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusUpdate<'a> {
    pub status: Status,
    /// The provider's word for it (`viewed`, `delivery_failed`, …).
    pub provider_status: &'a str,
    pub recipient: Party<'a>,
    /// Meta, a message sent to a group: the member this status is from (`recipient` is the
    /// group). Each member's status comes alone, with the same message id and status.
    pub participant: Party<'a>,
    pub errors: Vec<Fault<'a>>,
    /// Meta's `pricing` (passed through by 1MSG's hookInfo).
    pub pricing: Option<&'a Json<'a>>,
    /// Meta's `conversation`.
    pub conversation: Option<&'a Json<'a>>,
    /// Your reference, echoed: Meta's `biz_opaque_callback_data`, Bird's `reference`.
    pub callback_data: Option<&'a str>,
    /// Bird's `reason`.
    pub reason: Option<&'a str>,
    /// WhatsApp's own message id where the provider's differs (Bird's `parts[].platformReference`).
    pub whatsapp_id: Option<&'a str>,
}

/// A message's status, in one vocabulary for every provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Accepted,
    Processing,
    Scheduled,
    Sent,
    Delivered,
    /// Meta `read`, 1MSG `viewed`.
    Read,
    /// Meta: a voice note was played.
    Played,
    /// Meta `failed`, Bird `rejected`, `sending_failed` and `delivery_failed`.
    Failed,
    Deleted,
    Skipped,
    /// A status this library does not know (see `provider_status`).
    Other,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Accepted => "accepted",
            Status::Processing => "processing",
            Status::Scheduled => "scheduled",
            Status::Sent => "sent",
            Status::Delivered => "delivered",
            Status::Read => "read",
            Status::Played => "played",
            Status::Failed => "failed",
            Status::Deleted => "deleted",
            Status::Skipped => "skipped",
            Status::Other => "other",
        }
    }

    /// A provider's status word in this vocabulary.
    pub fn from_word(word: &str) -> Status {
        match word {
            "accepted" => Status::Accepted,
            "processing" | "sending" => Status::Processing,
            "scheduled" => Status::Scheduled,
            "sent" => Status::Sent,
            "delivered" => Status::Delivered,
            "read" | "viewed" => Status::Read,
            "played" => Status::Played,
            "failed" | "rejected" | "sending_failed" | "delivery_failed" | "error" => Status::Failed,
            "deleted" => Status::Deleted,
            "skipped" => Status::Skipped,
            _ => Status::Other,
        }
    }
}

/// An error a provider reports about a message (or outside one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fault<'a> {
    pub code: Option<i64>,
    pub title: Option<&'a str>,
    pub message: Option<&'a str>,
    pub details: Option<&'a str>,
    /// Bird: which step failed (`{code, name}`).
    pub source: Option<&'a Json<'a>>,
    pub href: Option<&'a str>,
}

impl<'a> Fault<'a> {
    /// Meta's error object (`{code, title, message, error_data: {details}, href}`), which
    /// 1MSG passes through.
    pub fn from_meta(e: &'a Json<'a>) -> Fault<'a> {
        Fault {
            code: e.get("code").and_then(Json::as_i64),
            title: str_at(e, "title"),
            message: str_at(e, "message"),
            details: e.get("error_data").and_then(|d| str_at(d, "details")),
            source: None,
            href: str_at(e, "href"),
        }
    }
}

/// The string at `key`, borrowed from the document.
pub fn str_at<'a>(value: &'a Json<'a>, key: &str) -> Option<&'a str> {
    value.get(key)?.as_str()
}

/// A phone number in E.164 from a provider's spelling of it (`16505551234`, `+1650…`,
/// `16505551234@c.us`); none when it is not a number (a 1MSG `…@lid`, a Bird e-mail address).
pub fn e164(value: &str) -> Option<String> {
    let digits = value.strip_suffix("@c.us").unwrap_or(value);
    let digits = digits.strip_prefix('+').unwrap_or(digits);
    crate::validate::is_international_digits(digits).then(|| format!("+{digits}"))
}

/// Unix seconds, as a number or a string of digits (Meta sends strings), in milliseconds.
pub fn seconds_to_ms(value: Option<&Json<'_>>) -> Option<f64> {
    let seconds = match value? {
        Json::Str(s) => s.parse::<i64>().ok()?,
        other => other.as_i64()?,
    };
    // Within the range a JS Date holds (±8.64e15 ms): past it, no time rather than one a
    // handler's `new Date(timestamp)` throws on.
    Some(seconds as f64 * 1000.0).filter(|ms| ms.abs() <= 8.64e15)
}

impl InboundMedia<'_> {
    /// The media as neutral content of `kind` (`image`, `video`, `audio`, `document`,
    /// `sticker`): by id where the provider gave one, else by its URL.
    pub fn content(&self, kind: &str) -> Option<Content> {
        let media = crate::message::Media {
            id: self.id.map(str::to_string),
            link: if self.id.is_none() { self.url.map(str::to_string) } else { None },
            caption: self.caption.map(str::to_string),
            filename: self.filename.map(str::to_string),
            mime_type: self.mime_type.map(str::to_string),
            voice: self.voice.then_some(true),
        };
        if media.id.is_none() && media.link.is_none() {
            return None;
        }
        Some(match kind {
            "image" => Content::Image(media),
            "video" => Content::Video(media),
            "audio" => Content::Audio(media),
            "document" => Content::Document(media),
            "sticker" => Content::Sticker(media),
            _ => return None,
        })
    }
}
