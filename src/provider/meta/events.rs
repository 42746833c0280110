//! Meta's webhook bodies read into events: `object: "whatsapp_business_account"`, entries of
//! changes, each change's `value` carrying `messages` (with the senders' `contacts`),
//! `statuses`, value-level `errors`, or something else (group updates, …) kept as `other`.
//! Several entries, changes, messages and statuses in one body give one event each, in order.

use crate::event::{
    Context, Detail, Event, Fault, Inbound, InboundMedia, Party, Reply, Status, StatusUpdate, e164, seconds_to_ms,
    str_at,
};
use crate::json::Json;
use crate::message::read::{Spelling, contact, location};
use crate::message::{Contacts, Content, Reaction, Text};
use crate::provider_id::Provider;
use crate::validate::{Obj, Report};
use std::borrow::Cow;

const CHANGE_WITHOUT_VALUE: &str =
    "Meta sent a change with no \"value\": there is nothing in it to read (see the event's raw change)";

/// A body of the Cloud API's webhooks, read as `provider`'s: Meta's, or 1MSG's when it
/// forwards Meta's as they are (its `rawHooks` setting).
pub(crate) fn events<'a>(provider: Provider, root: &'a Json<'a>) -> Result<Vec<Event<'a>>, String> {
    match root.get("object").and_then(Json::as_str) {
        Some("whatsapp_business_account") => {}
        Some(other) => return Err(format!("its object is {other:?}, not \"whatsapp_business_account\"")),
        None => return Err("it has no \"object\": \"whatsapp_business_account\"".into()),
    }
    let Some(Json::Array(entries)) = root.get("entry") else {
        return Err("it has no \"entry\" array".into());
    };
    let mut events = Vec::new();
    for change in entries.iter().flat_map(|entry| entry.items("changes")) {
        let Some(value) = change.get("value") else {
            // A change without `value` has nothing to read, but the body is Meta's: refusing it
            // whole (a 400) would lose the other changes it carries and make Meta redeliver it
            // for days, and skipping it would hide that Meta sent something this library could
            // not read. So it is an `error` event, with the change as its raw object: the
            // `error` handler sees it, the rest of the body is handled, and the answer is 200.
            events.push(Event {
                provider,
                id: None,
                timestamp_ms: None,
                channel: Party::default(),
                detail: Detail::Errors(vec![Fault {
                    title: Some("change without value"),
                    message: Some(CHANGE_WITHOUT_VALUE),
                    ..Fault::default()
                }]),
                raw: change,
            });
            continue;
        };
        let channel = Party { id: value.get("metadata").and_then(|m| str_at(m, "phone_number_id")), ..number(value) };
        let field = str_at(change, "field").unwrap_or("");
        let before = events.len();
        // `smb_message_echoes`: what the business sent from the WhatsApp Business app
        // (coexistence), in `message_echoes` as `messages` come.
        if matches!(field, "messages" | "smb_message_echoes" | "") {
            value_events(provider, value, &channel, &mut events);
        }
        if events.len() == before {
            let name = if field.is_empty() { "unknown" } else { field };
            let timestamp_ms = value.items("groups").first().and_then(|g| seconds_to_ms(g.get("timestamp")));
            events.push(Event {
                provider,
                id: None,
                timestamp_ms,
                channel,
                detail: Detail::Other { name },
                raw: change,
            });
        }
    }
    Ok(events)
}

/// What an `error` event says of a `messages`, `message_echoes` or `statuses` list holding
/// something other than objects.
fn stray_message(key: &str) -> &'static str {
    match key {
        "messages" => "the change's messages hold something that is not a message object: left out",
        "message_echoes" => "the change's message_echoes hold something that is not a message object: left out",
        _ => "the change's statuses hold something that is not a status object: left out",
    }
}

/// Your number as a change's `value` names it (`metadata.display_phone_number`).
pub(crate) fn number<'a>(value: &'a Json<'a>) -> Party<'a> {
    let phone = value.get("metadata").and_then(|m| str_at(m, "display_phone_number")).and_then(e164);
    Party { phone, ..Party::default() }
}

/// The events of one change's `value` — its `messages`, `message_echoes`, `statuses` and
/// value-level `errors` — as `provider`'s: Meta's, or 1MSG's when it forwards Meta's value as
/// it is (its `rawHooks` setting).
pub(crate) fn value_events<'a>(
    provider: Provider,
    value: &'a Json<'a>,
    channel: &Party<'a>,
    events: &mut Vec<Event<'a>>,
) {
    let contacts = value.items("contacts");
    let objects = |key| value.items(key).iter().filter(|item| matches!(item, Json::Object(_)));
    for message in objects("messages") {
        events.push(inbound(provider, message, contacts, channel, false));
    }
    for echo in objects("message_echoes") {
        events.push(inbound(provider, echo, contacts, channel, true));
    }
    for status in objects("statuses") {
        events.push(status_update(provider, status, contacts, channel));
    }
    // An item that is no object is no message or status: an `error` event with the value as
    // its raw object (as a change without value is), not an event with nothing to key it by.
    let strays = ["messages", "message_echoes", "statuses"]
        .into_iter()
        .filter(|key| objects(key).count() < value.items(key).len());
    let faults: Vec<Fault<'a>> = strays
        .map(|key| Fault { title: Some("not an object"), message: Some(stray_message(key)), ..Fault::default() })
        .collect();
    if !faults.is_empty() {
        events.push(Event {
            provider,
            id: None,
            timestamp_ms: None,
            channel: channel.clone(),
            detail: Detail::Errors(faults),
            raw: value,
        });
    }
    if let Some(Json::Array(errors)) = value.get("errors") {
        let errors = errors.iter().map(Fault::from_meta).collect();
        events.push(Event {
            provider,
            id: None,
            timestamp_ms: None,
            channel: channel.clone(),
            detail: Detail::Errors(errors),
            raw: value,
        });
    }
}

/// A WhatsApp user as Meta names one: by number (`wa_id`), by business-scoped user id (a
/// BSUID: the only id of a user whose number is hidden behind a username), or both — with
/// the profile of the `contacts` entry that is theirs.
fn person<'a>(wa_id: Option<&'a str>, user_id: Option<&'a str>, contacts: &'a [Json<'a>]) -> Party<'a> {
    let theirs_by_number = |c: &&Json<'_>| wa_id.is_some() && str_at(c, "wa_id") == wa_id;
    let theirs = |c: &&Json<'_>| theirs_by_number(c) || (user_id.is_some() && str_at(c, "user_id") == user_id);
    // A single contact is theirs though it names them otherwise (Meta's `wa_id` and `from`
    // differ for some countries' numbers, Mexico's), unless its user id is someone else's.
    let not_someone_else = |c: &&Json<'_>| user_id.is_none() || str_at(c, "user_id").is_none();
    let single = if contacts.len() == 1 { contacts.first().filter(not_someone_else) } else { None };
    let contact = contacts.iter().find(theirs).or(single);
    let profile = contact.and_then(|c| c.get("profile"));
    // A message may name its sender by number alone while their contact also has a user id.
    let user_id = user_id.or_else(|| contact.filter(theirs_by_number).and_then(|c| str_at(c, "user_id")));
    Party {
        id: wa_id.or(user_id),
        phone: wa_id.and_then(e164),
        name: profile.and_then(|p| str_at(p, "name")),
        user_id,
        username: profile.and_then(|p| str_at(p, "username")),
    }
}

/// A customer's message, or (`echo`) one the business sent from its WhatsApp Business app,
/// whose customer is the one it went `to`.
fn inbound<'a>(
    provider: Provider,
    m: &'a Json<'a>,
    contacts: &'a [Json<'a>],
    channel: &Party<'a>,
    echo: bool,
) -> Event<'a> {
    let (number, user) = if echo { ("to", "to_user_id") } else { ("from", "from_user_id") };
    let kind = str_at(m, "type").unwrap_or("unknown");
    let mut message = Inbound {
        from: person(str_at(m, number), str_at(m, user), contacts),
        kind: Cow::Borrowed(kind),
        from_me: echo,
        // A message in a group: the answer goes to the group (Meta's group messaging).
        group: str_at(m, "group_id"),
        context: m.get("context").map(context),
        referral: m.get("referral"),
        errors: m.items("errors").iter().map(Fault::from_meta).collect(),
        ..Inbound::default()
    };
    let body = m.get(kind);
    match (kind, body) {
        ("text", Some(t)) => {
            message.text = str_at(t, "body").map(Cow::Borrowed);
            message.content = message.text.as_deref().map(|body| Content::Text(Text::new(body)));
        }
        ("image" | "video" | "audio" | "document" | "sticker", Some(o)) => {
            let media = InboundMedia {
                id: str_at(o, "id"),
                url: str_at(o, "url"),
                mime_type: str_at(o, "mime_type"),
                sha256: str_at(o, "sha256"),
                caption: str_at(o, "caption"),
                filename: str_at(o, "filename"),
                voice: o.get("voice").and_then(Json::as_bool).unwrap_or(false),
                animated: o.get("animated").and_then(Json::as_bool).unwrap_or(false),
            };
            message.text = media.caption.map(Cow::Borrowed);
            message.content = media.content(kind);
            message.media = Some(media);
        }
        ("location", Some(l)) => {
            message.text = str_at(l, "name").map(Cow::Borrowed);
            message.content = leniently(l, location).map(Content::Location);
        }
        ("contacts", _) => {
            let cards: Vec<_> = m
                .items("contacts")
                .iter()
                .filter_map(|c| leniently(c, |c, r| contact(c, r, Spelling::SnakeCase)))
                .collect();
            message.text = m
                .items("contacts")
                .first()
                .and_then(|c| c.get("name"))
                .and_then(|n| str_at(n, "formatted_name"))
                .map(Cow::Borrowed);
            message.content = (!cards.is_empty()).then_some(Content::Contacts(Contacts { contacts: cards }));
        }
        ("reaction", Some(r)) => {
            // An emptied emoji is the reaction taken back.
            let emoji = str_at(r, "emoji").unwrap_or("");
            message.text = Some(Cow::Borrowed(emoji));
            message.content = str_at(r, "message_id")
                .map(|id| Content::Reaction(Reaction { message_id: id.to_string(), emoji: emoji.to_string() }));
        }
        ("interactive", Some(i)) => interactive(i, &mut message),
        ("button", Some(b)) => {
            // A template's quick-reply button: its payload, and the text it showed.
            message.reply = Some(Reply { id: str_at(b, "payload"), title: str_at(b, "text"), description: None });
            message.text = str_at(b, "text").map(Cow::Borrowed);
        }
        ("order", Some(o)) => {
            message.text = str_at(o, "text").filter(|t| !t.is_empty()).map(Cow::Borrowed);
            message.order = Some(o);
        }
        ("system", Some(s)) => {
            message.text = str_at(s, "body").map(Cow::Borrowed);
            message.system = Some(s);
        }
        ("request_welcome", _) => message.kind = Cow::Borrowed("requestWelcome"),
        _ => {}
    }
    Event {
        provider,
        id: str_at(m, "id"),
        timestamp_ms: seconds_to_ms(m.get("timestamp")),
        channel: channel.clone(),
        detail: Detail::Message(Box::new(message)),
        raw: m,
    }
}

/// An interactive reply: a reply button or list row tapped, or a Flow completed.
fn interactive<'a>(i: &'a Json<'a>, message: &mut Inbound<'a>) {
    let kind = str_at(i, "type").unwrap_or("interactive");
    let body = i.get(kind);
    let reply = |o: &'a Json<'a>| Reply {
        id: str_at(o, "id"),
        title: str_at(o, "title"),
        description: str_at(o, "description"),
    };
    match (kind, body) {
        ("button_reply", Some(b)) => {
            message.kind = Cow::Borrowed("buttonReply");
            message.reply = Some(reply(b));
        }
        ("list_reply", Some(l)) => {
            message.kind = Cow::Borrowed("listReply");
            message.reply = Some(reply(l));
        }
        ("nfm_reply", Some(n)) => {
            // An address form's answer comes as a Flow's does, named address_message.
            let address = n.get("name").and_then(Json::as_str) == Some("address_message");
            message.kind = Cow::Borrowed(if address { "addressReply" } else { "flowReply" });
            message.text = str_at(n, "body").map(Cow::Borrowed);
            // The Flow's answer is JSON in a string; a string that is not JSON stays a string.
            message.flow_response = n.get("response_json").map(|r| match r.as_str().map(crate::json::parse) {
                Some(Ok(parsed)) => parsed,
                _ => r.clone(),
            });
        }
        _ => message.kind = Cow::Borrowed(kind),
    }
    if message.text.is_none() {
        message.text = message.reply.as_ref().and_then(|r| r.title).map(Cow::Borrowed);
    }
}

fn context<'a>(c: &'a Json<'a>) -> Context<'a> {
    Context {
        message_id: str_at(c, "id"),
        from: str_at(c, "from"),
        kind: None,
        forwarded: c.get("forwarded").and_then(Json::as_bool).unwrap_or(false),
        frequently_forwarded: c.get("frequently_forwarded").and_then(Json::as_bool).unwrap_or(false),
        referred_product: c.get("referred_product"),
    }
}

/// Reads `value` with one of the neutral model's readers (Meta's inbound objects are spelled as
/// its outbound ones), leniently: what the reader would refuse in a request is a provider's
/// webhook here, not ours to refuse, so its violations are dropped and whatever it read is kept.
fn leniently<'v, T>(value: &'v Json<'v>, read: impl FnOnce(&Obj<'v>, &mut Report) -> Option<T>) -> Option<T> {
    let mut report = Report::new();
    Obj::root(value, &mut report).and_then(|o| read(&o, &mut report))
}

/// A status of a message you sent, with (delivered and read) the recipient's profile in
/// `contacts`.
fn status_update<'a>(provider: Provider, s: &'a Json<'a>, contacts: &'a [Json<'a>], channel: &Party<'a>) -> Event<'a> {
    let word = str_at(s, "status").unwrap_or("");
    let recipient = (str_at(s, "recipient_id"), str_at(s, "recipient_user_id"));
    let member = (str_at(s, "recipient_participant_id"), str_at(s, "recipient_participant_user_id"));
    // A group send: the group is the recipient (`recipient_type: "group"`, or a `group_id`),
    // and each member's status names the member.
    let (group, participant) = match (str_at(s, "group_id"), str_at(s, "recipient_type")) {
        (Some(group), _) => (Some(group), if member == (None, None) { recipient } else { member }),
        (None, Some("group")) => (recipient.0, member),
        _ => (None, (None, None)),
    };
    Event {
        provider,
        id: str_at(s, "id"),
        timestamp_ms: seconds_to_ms(s.get("timestamp")),
        channel: channel.clone(),
        detail: Detail::Status(Box::new(StatusUpdate {
            status: Status::from_word(word),
            provider_status: word,
            recipient: match group {
                Some(group) => Party { id: Some(group), ..Party::default() },
                None => person(recipient.0, recipient.1, contacts),
            },
            participant: if participant == (None, None) {
                Party::default()
            } else {
                person(participant.0, participant.1, &[])
            },
            errors: s.items("errors").iter().map(Fault::from_meta).collect(),
            pricing: s.get("pricing"),
            conversation: s.get("conversation"),
            callback_data: str_at(s, "biz_opaque_callback_data"),
            reason: None,
            whatsapp_id: None,
        })),
        raw: s,
    }
}
