//! Fitting a neutral message to one provider: what `convert` and the opt-in fit modes do.
//!
//! The provider's own codec says what it refuses; the rules here are the same for every
//! provider and only react to those refusals:
//! - a field the provider cannot carry is dropped with a `lossy` change, when the message
//!   still says its main thing without it ([`DROPPABLE`]: a footer, a header, a preview
//!   switch…); a recipient, a media id or the content itself is never dropped;
//! - `truncate`: text over a limit is shortened at a grapheme boundary (never inside an
//!   emoji, a ZWJ sequence or a letter with its combining marks) and ends with `…`;
//! - `adapt`: also reshapes content the provider cannot take as it is (more than 3 reply
//!   buttons or a title over 20 → a list; a list without lists → numbered text; a carousel
//!   the provider cannot carry, or whose cards it cannot take → one message per card; a CTA URL
//!   without one → text with the link).
//!
//! Every change is reported with its pointer into the message it was made in; nothing changes
//! silently, and in `strict` mode only what the caller allowed as lossy changes at all.

use super::{Provider, check_supported, serialize};
use crate::error::{BodyError, Unsupported};
use crate::limits::LIST_ROWS_MAX;
use crate::message::{Content, Header, List, ListRow, ListSection, Media, Message, ReplyButtons, Text};
use crate::validate::{Json, Violation, ViolationCode, char_count};
use std::str::FromStr;

/// How far a message may be changed to fit a provider.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FitMode {
    /// Violations are errors (the default).
    #[default]
    Strict,
    /// Over-long text is shortened at grapheme boundaries, with an ellipsis.
    Truncate,
    /// Also reshapes content the provider cannot take as it is.
    Adapt,
}

impl FitMode {
    pub fn name(self) -> &'static str {
        match self {
            FitMode::Strict => "strict",
            FitMode::Truncate => "truncate",
            FitMode::Adapt => "adapt",
        }
    }
}

impl FromStr for FitMode {
    type Err = BodyError;

    fn from_str(name: &str) -> Result<Self, BodyError> {
        [FitMode::Strict, FitMode::Truncate, FitMode::Adapt].into_iter().find(|mode| mode.name() == name).ok_or_else(
            || BodyError::argument(format!("fit must be \"strict\", \"truncate\" or \"adapt\" (got {name:?})")),
        )
    }
}

/// What kind of change a fit made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A field the provider cannot carry was left out.
    Lossy,
    /// Text was shortened to its limit.
    Truncated,
    /// The content was reshaped into content the provider takes.
    Reshaped,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Lossy => "lossy",
            ChangeKind::Truncated => "truncated",
            ChangeKind::Reshaped => "reshaped",
        }
    }
}

/// One change a fit made.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    /// Where: a JSON pointer into the message the change was made in (the input, or the
    /// reshaped message for changes after a reshape; `part` says which message of a split).
    pub pointer: String,
    /// What changed, and why.
    pub message: String,
    /// The limit a truncation kept to, in characters.
    pub limit: Option<f64>,
    /// The index of the message it belongs to, when a reshape split one message into several.
    pub part: usize,
}

/// A message fitted to a provider: one or more messages (a split carousel), each with its
/// wire body, and every change made.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub parts: Vec<(Message, String)>,
    pub changes: Vec<Change>,
    /// For each change, the pointer of its field in the message given: its own pointer, or
    /// after a reshape the field the reshape carried it over from; `None` for content the
    /// message given does not have (a split's further parts, text a reshape composed).
    inputs: Vec<Option<String>>,
}

impl Fitted {
    /// Where the change at `index` lies in the message given, if it does.
    pub fn input_pointer(&self, index: usize) -> Option<&str> {
        self.inputs.get(index)?.as_deref()
    }
}

/// The fields of a message outside its content, which every reshape keeps (`with_content`).
const MESSAGE_FIELDS: &[(&str, &str)] = &[
    ("/to", "/to"),
    ("/recipientType", "/recipientType"),
    ("/replyTo", "/replyTo"),
    ("/callbackData", "/callbackData"),
];

/// What a fit may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    pub mode: FitMode,
    /// Drop fields the provider cannot carry (reporting each as `lossy`) rather than refuse.
    pub drop_lossy: bool,
}

/// Fields whose loss leaves a message saying its main thing, as patterns of neutral pointers
/// (`*` is one segment). A refusal at or under one of them drops that field.
const DROPPABLE: &[&str] = &[
    "/callbackData",
    "/replyTo",
    "/content/header",
    "/content/footer",
    "/content/caption",
    "/content/previewUrl",
    "/content/voice",
    "/content/filename",
    "/content/sections/*/title",
    "/content/namespace",
];

/// Human text that `truncate` may shorten, by its field name: never an id, a URL or a code.
const TEXT_FIELDS: &[&str] = &[
    "body",
    "text",
    "title",
    "description",
    "footer",
    "caption",
    "button",
    "displayText",
    "name",
    "address",
    "flowCta",
];

/// The most changes one message can take before the fit gives up (a loop guard: each step
/// removes or shortens something, so real messages need a handful).
const MAX_STEPS: usize = 64;

/// Fits `message` to `provider` as `fit` allows, returning the messages to send and their
/// bodies, or the first refusal it may not work around.
pub fn fit(provider: Provider, message: Message, fit: Fit) -> Result<Fitted, BodyError> {
    let mut changes = Vec::new();
    let mut inputs = Vec::new();
    // Messages still to fit, front first: a split puts its further messages here.
    let mut queue = std::collections::VecDeque::from([message]);
    let mut parts = Vec::new();
    while let Some(mut message) = queue.pop_front() {
        let part = parts.len();
        let mut steps = 0;
        // The fields each reshape of this part carried over, newest last: a change's pointer
        // is followed back through them to the message given (part 0 only: a split's further
        // parts are content the message given does not have as such).
        let mut reshapes: Vec<&'static [(&'static str, &'static str)]> = Vec::new();
        let mut record = |made: Vec<Change>, reshapes: &[&[(&str, &str)]]| {
            for change in made {
                let back = reshapes.iter().rev().try_fold(change.pointer.clone(), |at, kept| {
                    super::matched_pointer(&at, kept, false, None)
                        .or_else(|| super::matched_pointer(&at, MESSAGE_FIELDS, false, None))
                });
                inputs.push(back.filter(|_| part == 0));
                changes.push(change);
            }
        };
        let body = loop {
            let error = match serialize(provider, &message) {
                Ok(body) => {
                    // What the provider's body leaves out or changes by design is reported too.
                    let approximations = super::codec(provider).approximations(&message).into_iter().map(|a| Change {
                        kind: if a.reshaped { ChangeKind::Reshaped } else { ChangeKind::Lossy },
                        pointer: a.pointer.to_string(),
                        message: a.why,
                        limit: None,
                        part,
                    });
                    record(approximations.collect(), &reshapes);
                    break body;
                }
                Err(error) => error,
            };
            steps += 1;
            let Some(Step { replace, changes: made, kept }) =
                step(provider, &message, &error, fit, part).filter(|_| steps <= MAX_STEPS)
            else {
                return Err(error);
            };
            let mut replace = replace.into_iter();
            let Some(first) = replace.next() else { return Err(error) };
            // A step's changes are of the message before it (a reshape's too).
            record(made, &reshapes);
            reshapes.extend(kept);
            message = first;
            for (offset, extra) in replace.enumerate() {
                queue.insert(offset, extra);
            }
        };
        parts.push((message, body));
    }
    Ok(Fitted { parts, changes, inputs })
}

/// `message`'s recipient and references with other content (not a clone of the message: the
/// model's `Clone` costs the wasm several KB).
fn with_content(message: &Message, content: Content) -> Message {
    Message {
        to: message.to.clone(),
        recipient_type: message.recipient_type,
        reply_to: message.reply_to.clone(),
        callback_data: message.callback_data.clone(),
        content,
    }
}

/// Content reshaped into what the provider carries: the message(s) to send instead, how
/// (the reshape's own change, at `/content`), and each field it leaves out, with why (a
/// change of its own at the field's pointer, as a field dropped on its own would be).
struct Reshape {
    parts: Vec<Message>,
    how: String,
    left_out: Vec<(String, &'static str)>,
    /// The fields carried over as they were: (pointer now, pointer before) patterns.
    kept: &'static [(&'static str, &'static str)],
}

impl Reshape {
    fn one(message: Message, how: String) -> Reshape {
        Reshape { parts: vec![message], how, left_out: Vec::new(), kept: &[] }
    }

    /// The step: the fields left out first, then the reshape. Both are of the message as it
    /// was before it (`Fitted::touches_input` counts up to the first reshape).
    fn into_step(self, change: impl Fn(ChangeKind, &str, String) -> Change) -> Step {
        let mut changes: Vec<Change> =
            self.left_out.into_iter().map(|(at, why)| change(ChangeKind::Lossy, &at, why.into())).collect();
        changes.push(change(ChangeKind::Reshaped, "/content", self.how));
        Step { replace: self.parts, changes, kept: Some(self.kept) }
    }
}

/// A way past one refusal: the message(s) to try instead, the changes made, and (a
/// reshape) the fields it carried over; other steps leave every field where it was.
struct Step {
    replace: Vec<Message>,
    changes: Vec<Change>,
    kept: Option<&'static [(&'static str, &'static str)]>,
}

fn step(provider: Provider, message: &Message, error: &BodyError, fit: Fit, part: usize) -> Option<Step> {
    let change = |kind, pointer: &str, text: String, limit| Change {
        kind,
        pointer: pointer.to_string(),
        message: text,
        limit,
        part,
    };
    match error {
        // The content, or a carousel's card, that the provider cannot carry as it is.
        BodyError::Unsupported(refused)
            if is_kind_refusal(refused)
                || (refused.pointer().starts_with("/content/cards/")
                    && matches!(message.content, Content::Carousel(_))) =>
        {
            if fit.mode != FitMode::Adapt {
                return None;
            }
            let reshape = reshape_unsupported(provider, message, refused)?;
            Some(reshape.into_step(|kind, at, text| change(kind, at, text, None)))
        }
        BodyError::Unsupported(refused) => {
            let field = droppable(refused.pointer()).filter(|_| fit.drop_lossy)?;
            let dropped = edit(message, |root| root.remove_at(&field))?;
            let text = format!("{refused}: left out");
            Some(Step {
                replace: vec![dropped],
                changes: vec![change(ChangeKind::Lossy, &field, text, None)],
                kept: None,
            })
        }
        BodyError::Invalid(violations) => {
            if fit.mode == FitMode::Adapt
                && let Some(reshape) = buttons_reshaped(provider, message, violations)
            {
                return Some(reshape.into_step(|kind, at, text| change(kind, at, text, None)));
            }
            if fit.mode == FitMode::Strict {
                return None;
            }
            let mut made = Vec::new();
            let shortened = edit(message, |root| {
                for v in violations.iter().filter(|v| v.code == ViolationCode::TooLong) {
                    let (Some(limit), Some(field)) = (v.limit, v.path.rsplit('/').next()) else { continue };
                    if !TEXT_FIELDS.contains(&field) {
                        continue;
                    }
                    let Some(Json::Str(text)) = root.at_mut(&v.path) else { continue };
                    // Limits are whole numbers: printed as integers (no float formatting in the wasm).
                    let max = limit as usize;
                    let short = shorten(text, max);
                    let what = format!("shortened from {} characters to its limit, {max}", char_count(text));
                    *text = short.into();
                    made.push(change(ChangeKind::Truncated, &v.path, what, Some(limit)));
                }
                !made.is_empty()
            })?;
            Some(Step { replace: vec![shortened], changes: made, kept: None })
        }
        _ => None,
    }
}

/// Whether a refusal is of the content kind itself (rather than one of its fields).
fn is_kind_refusal(refused: &Unsupported) -> bool {
    refused.pointer() == "/content/type"
}

/// The droppable field a refusal at `pointer` is in (its pattern, with the indexes of
/// `pointer`), if any.
fn droppable(pointer: &str) -> Option<String> {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    DROPPABLE.iter().find_map(|pattern| {
        let parts: Vec<&str> = pattern.split('/').skip(1).collect();
        let matched = parts.len() <= segments.len() && parts.iter().zip(&segments).all(|(p, s)| *p == "*" || p == s);
        matched.then(|| segments[..parts.len()].iter().fold(String::new(), |at, s| format!("{at}/{s}")))
    })
}

/// Applies `change` to the message's neutral JSON and reads it back; `None` when the change
/// did nothing or the result is not a message.
fn edit(message: &Message, change: impl FnOnce(&mut Json<'_>) -> bool) -> Option<Message> {
    let text = message.to_json();
    let mut tree = crate::validate::parse_tree(&text).ok()?;
    if !change(&mut tree) {
        return None;
    }
    Message::from_tree(&tree).ok()
}

/// `text` shortened to at most `max` characters, ellipsis included, cut between grapheme
/// clusters (and before any space the cut leaves at the end).
pub fn shorten(text: &str, max: usize) -> String {
    let budget = max.saturating_sub(1);
    let mut end = 0;
    let mut used = 0;
    for grapheme in crate::validate::grapheme::graphemes(text) {
        let chars = grapheme.chars().count();
        if used + chars > budget {
            break;
        }
        used += chars;
        end += grapheme.len();
    }
    format!("{}…", text[..end].trim_end())
}

/// Reply buttons a provider refuses for their count or a title's length, as a list (rows
/// take 10 items and 24-character titles) when the provider has lists and they fit in one,
/// else as numbered text.
fn buttons_reshaped(provider: Provider, message: &Message, violations: &[Violation]) -> Option<Reshape> {
    let Content::ReplyButtons(buttons) = &message.content else { return None };
    let reshapes = violations.iter().any(|v| {
        (v.path == "/content/buttons" && v.code == ViolationCode::TooMany)
            || (v.path.starts_with("/content/buttons/")
                && v.path.ends_with("/title")
                && v.code == ViolationCode::TooLong)
    });
    if !reshapes {
        return None;
    }
    let count = buttons.buttons.len();
    if count > LIST_ROWS_MAX || check_supported(provider, "list").is_err() {
        let why = if count > LIST_ROWS_MAX {
            format!("{count} reply buttons are more than a list's {LIST_ROWS_MAX} rows")
        } else {
            format!("{provider} has no lists for {}", reply_buttons(count))
        };
        return Some(buttons_numbered(message, buttons, why));
    }
    let mut reshape = buttons_listed(message, buttons);
    reshape.how = format!(
        "{} (at most 3, titles of at most 20 characters) sent as a list whose button reads \"{LIST_BUTTON}\"",
        reply_buttons(count)
    );
    Some(reshape)
}

/// "1 reply button", "5 reply buttons".
fn reply_buttons(count: usize) -> String {
    format!("{count} reply button{}", if count == 1 { "" } else { "s" })
}

/// What a list made of reply buttons shows on the button that opens it.
const LIST_BUTTON: &str = "Choose";

/// Reply buttons as a list of one section, a row per button (same id and title). A media
/// header has no place on a list: it is left out.
fn buttons_listed(message: &Message, buttons: &ReplyButtons) -> Reshape {
    let rows = buttons.buttons.iter().map(|b| ListRow { id: b.id.clone(), title: b.title.clone(), description: None });
    let media_header = matches!(buttons.header, Some(Header::Image(_) | Header::Video(_) | Header::Document(_)));
    let list = List {
        header: buttons.header.clone().filter(|_| !media_header),
        body: buttons.body.clone(),
        footer: buttons.footer.clone(),
        button: LIST_BUTTON.into(),
        sections: vec![ListSection { title: None, rows: rows.collect() }],
    };
    let mut reshape = Reshape::one(with_content(message, Content::List(list)), String::new());
    reshape.kept = &[
        ("/content/header", "/content/header"),
        ("/content/body", "/content/body"),
        ("/content/footer", "/content/footer"),
        ("/content/sections/0/rows/*/id", "/content/buttons/*/id"),
        ("/content/sections/0/rows/*/title", "/content/buttons/*/title"),
    ];
    if media_header {
        reshape.left_out.push(("/content/header".into(), "a list has no media header: left out"));
    }
    reshape
}

/// Reply buttons numbered in the text: replies arrive as text, not button ids.
fn buttons_numbered(message: &Message, buttons: &ReplyButtons, why: String) -> Reshape {
    let rows: Vec<_> = buttons.buttons.iter().map(|b| (b.title.as_str(), None)).collect();
    let text =
        numbered(header_text(buttons.header.as_ref()), &buttons.body, &[(None, rows)], buttons.footer.as_deref());
    let how = format!("{why}: the buttons are numbered in the text (replies arrive as text, not button ids)");
    let mut reshape = Reshape::one(with_content(message, text), how);
    if header_text(buttons.header.as_ref()).is_none() && buttons.header.is_some() {
        reshape.left_out.push(("/content/header".into(), "text has no media header: left out"));
    }
    reshape
}

/// Content of a kind the provider cannot take, as content it can: `None` when there is no
/// faithful reshape.
fn reshape_unsupported(provider: Provider, message: &Message, refused: &Unsupported) -> Option<Reshape> {
    let with = |content: Content| with_content(message, content);
    match &message.content {
        Content::ReplyButtons(b) if check_supported(provider, "list").is_ok() && b.buttons.len() <= LIST_ROWS_MAX => {
            let mut reshape = buttons_listed(message, b);
            reshape.how = format!("{provider} has no reply buttons: sent as a list");
            Some(reshape)
        }
        Content::ReplyButtons(b) => {
            Some(buttons_numbered(message, b, format!("{provider} has no reply buttons or lists")))
        }
        Content::List(l) => {
            let sections: Vec<_> = l
                .sections
                .iter()
                .map(|s| {
                    (s.title.as_deref(), s.rows.iter().map(|r| (r.title.as_str(), r.description.as_deref())).collect())
                })
                .collect();
            let text = numbered(header_text(l.header.as_ref()), &l.body, &sections, l.footer.as_deref());
            let how = format!(
                "{provider} has no lists: the rows are numbered in the text (replies arrive as text, not row ids)"
            );
            Some(Reshape::one(with(text), how))
        }
        Content::CtaUrl(c) => {
            let body = [
                header_text(c.header.as_ref()),
                Some(c.body.as_str()),
                Some(&format!("{}: {}", c.display_text, c.url)),
                c.footer.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n\n");
            let text = with(Content::Text(Text { body, preview_url: Some(true) }));
            let mut reshape =
                Reshape::one(text, format!("{provider} has no CTA URL buttons: the link is written in the text"));
            if c.header.is_some() && header_text(c.header.as_ref()).is_none() {
                reshape.left_out.push(("/content/header".into(), "text has no media header: left out"));
            }
            Some(reshape)
        }
        Content::Carousel(c) => {
            let mut parts = vec![with(Content::Text(Text { body: c.body.clone(), preview_url: None }))];
            for card in &c.cards {
                let media: Media = match &card.header {
                    Header::Image(m) | Header::Video(m) => m.clone(),
                    _ => return None,
                };
                let mut caption: Vec<String> = card.body.iter().cloned().collect();
                if let Some(cta) = &card.cta_url {
                    caption.push(format!("{}: {}", cta.display_text, cta.url));
                }
                let media = Media { caption: (!caption.is_empty()).then(|| caption.join("\n\n")), ..media };
                let content = match card.header {
                    Header::Video(_) => Content::Video(media),
                    _ => Content::Image(media),
                };
                parts.push(Message { reply_to: None, ..with(content) });
            }
            let why =
                if is_kind_refusal(refused) { format!("{provider} has no carousels") } else { refused.to_string() };
            let how = format!("{why}: sent as its text and then one message per card ({} cards)", c.cards.len());
            let with_buttons = c.cards.iter().enumerate().filter(|(_, card)| card.buttons.is_some());
            let left_out = with_buttons
                .map(|(i, _)| {
                    (
                        format!("/content/cards/{i}/buttons"),
                        "a card sent as a media message has no quick-reply buttons: left out",
                    )
                })
                .collect();
            Some(Reshape { parts, how, left_out, kept: &[] })
        }
        _ => None,
    }
}

fn header_text(header: Option<&Header>) -> Option<&str> {
    match header {
        Some(Header::Text(h)) => Some(&h.text),
        _ => None,
    }
}

/// A titled group of (title, description) items, for [`numbered`].
type Items<'a> = (Option<&'a str>, Vec<(&'a str, Option<&'a str>)>);

/// A text message listing `sections` of items, numbered from 1.
fn numbered(header: Option<&str>, body: &str, sections: &[Items<'_>], footer: Option<&str>) -> Content {
    let mut blocks: Vec<String> = header.into_iter().chain([body]).map(str::to_string).collect();
    let mut n = 0;
    for (title, rows) in sections {
        let mut block: Vec<String> = title.iter().map(|t| t.to_string()).collect();
        for (row, description) in rows {
            n += 1;
            block.push(match description {
                Some(d) => format!("{n}. {row} — {d}"),
                None => format!("{n}. {row}"),
            });
        }
        blocks.push(block.join("\n"));
    }
    blocks.extend(footer.map(str::to_string));
    Content::Text(Text { body: blocks.join("\n\n"), preview_url: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{ReplyButton, ReplyButtons};

    fn message(content: serde_json::Value) -> Message {
        Message::from_json(&serde_json::json!({"to": "+16505551234", "content": content}).to_string()).unwrap()
    }

    fn fitted(provider: Provider, mode: FitMode, content: serde_json::Value) -> Result<Fitted, BodyError> {
        fit(provider, message(content), Fit { mode, drop_lossy: true })
    }

    #[test]
    fn shortens_between_graphemes() {
        // 7 code points, one grapheme: kept whole or not at all.
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        assert_eq!(shorten(&format!("ab{family}cd"), 10), format!("ab{family}…"));
        assert_eq!(shorten(&format!("ab{family}cd"), 9), "ab…");
        // e + combining acute accent stays together.
        assert_eq!(shorten("cafe\u{301}s", 6), "cafe\u{301}…");
        assert_eq!(shorten("cafe\u{301}s", 5), "caf…");
        // Flags are pairs of regional indicators.
        assert_eq!(shorten("🇳🇱🇧🇷🇯🇵", 6), "🇳🇱🇧🇷…");
        assert_eq!(shorten("🇳🇱🇧🇷🇯🇵", 4), "🇳🇱…");
        // No space before the ellipsis.
        assert_eq!(shorten("hello world", 7), "hello…");
        assert!(char_count(&shorten(&"x".repeat(5000), 4096)) == 4096);
    }

    #[test]
    fn drops_what_the_provider_cannot_carry_and_says_so() {
        let list = serde_json::json!({"type": "list", "body": "Pick", "footer": "Thanks", "button": "Menu",
            "sections": [{"rows": [{"id": "a", "title": "A"}]}]});
        let out = fitted(Provider::Bird, FitMode::Strict, list.clone()).unwrap();
        assert_eq!(out.changes.len(), 1);
        assert_eq!((out.changes[0].kind, out.changes[0].pointer.as_str()), (ChangeKind::Lossy, "/content/footer"));
        assert!(out.changes[0].message.contains("list footer"), "{}", out.changes[0].message);
        assert!(!out.parts[0].1.contains("Thanks"));
        // Not allowed to drop: the refusal stands.
        let strict = fit(Provider::Bird, message(list), Fit { mode: FitMode::Adapt, drop_lossy: false });
        assert!(matches!(strict, Err(BodyError::Unsupported(u)) if u.pointer() == "/content/footer"));
        // A media id is never dropped: Bird takes media by URL.
        let by_id = fitted(Provider::Bird, FitMode::Adapt, serde_json::json!({"type": "image", "id": "123"}));
        assert!(matches!(by_id, Err(BodyError::Unsupported(u)) if u.pointer() == "/content/id"));
    }

    #[test]
    fn truncates_over_long_text_only_when_asked() {
        let text = serde_json::json!({"type": "text", "body": "é".repeat(4100)});
        assert!(matches!(fitted(Provider::Meta, FitMode::Strict, text.clone()), Err(BodyError::Invalid(_))));
        let out = fitted(Provider::Meta, FitMode::Truncate, text).unwrap();
        let change = &out.changes[0];
        assert_eq!(
            (change.kind, change.pointer.as_str(), change.limit),
            (ChangeKind::Truncated, "/content/body", Some(4096.0))
        );
        let Content::Text(t) = &out.parts[0].0.content else { panic!() };
        assert_eq!(char_count(&t.body), 4096);
        assert!(t.body.ends_with('…'));
        // Ids are not text: a button id over its limit stays an error.
        let id = serde_json::json!({"type": "replyButtons", "body": "b", "buttons": [{"id": "x".repeat(300), "title": "t"}]});
        assert!(fitted(Provider::Meta, FitMode::Truncate, id).is_err());
    }

    #[test]
    fn adapt_turns_many_buttons_or_long_titles_into_a_list() {
        let buttons: Vec<_> =
            (1..=5).map(|i| ReplyButton { id: format!("b{i}"), title: format!("Option {i}") }).collect();
        let content =
            Content::ReplyButtons(ReplyButtons { header: None, body: "Pick one".into(), footer: None, buttons });
        let many = Message::new("+16505551234", content);
        let strict = fit(Provider::Meta, many.clone(), Fit { mode: FitMode::Truncate, drop_lossy: true });
        assert!(matches!(strict, Err(BodyError::Invalid(v)) if v[0].path == "/content/buttons"));
        for provider in Provider::ALL {
            let out = fit(provider, many.clone(), Fit { mode: FitMode::Adapt, drop_lossy: true }).unwrap();
            let Content::List(list) = &out.parts[0].0.content else { panic!("{provider}: {out:?}") };
            assert_eq!(list.sections[0].rows.len(), 5);
            assert_eq!(list.sections[0].rows[4].id, "b5");
            assert_eq!(out.changes[0].kind, ChangeKind::Reshaped, "{provider}");
        }
        // A title over 20 characters: a list row takes 24.
        let long = serde_json::json!({"type": "replyButtons", "body": "b", "buttons": [{"id": "a", "title": "A title of 22 letters."}]});
        let out = fitted(Provider::Meta, FitMode::Adapt, long).unwrap();
        assert!(
            matches!(&out.parts[0].0.content, Content::List(l) if l.sections[0].rows[0].title == "A title of 22 letters.")
        );
    }

    #[test]
    fn adapt_splits_a_carousel_the_provider_cannot_carry() {
        // Bird's carousel cards take one link action: quick-reply cards are not Bird's.
        let card = |n: u32| {
            serde_json::json!({"header": {"type": "image", "link": format!("https://example.com/{n}.png")},
            "body": format!("Card {n}"), "buttons": [{"id": format!("b{n}"), "title": "Pick"}]})
        };
        let carousel = serde_json::json!({"type": "carousel", "body": "Our picks", "cards": [card(1), card(2)]});
        assert!(fitted(Provider::Bird, FitMode::Truncate, carousel.clone()).is_err());
        let out = fitted(Provider::Bird, FitMode::Adapt, carousel).unwrap();
        assert_eq!(out.parts.len(), 3);
        assert!(matches!(&out.parts[0].0.content, Content::Text(t) if t.body == "Our picks"));
        let Content::Image(second) = &out.parts[2].0.content else { panic!("{out:?}") };
        assert_eq!(second.caption.as_deref(), Some("Card 2"));
        assert!(out.parts[2].1.contains("2.png"));
        // Each card's quick replies are a change of their own, at their pointer, then the split.
        let changes: Vec<_> = out.changes.iter().map(|c| (c.kind, c.pointer.as_str())).collect();
        assert_eq!(
            changes,
            [
                (ChangeKind::Lossy, "/content/cards/0/buttons"),
                (ChangeKind::Lossy, "/content/cards/1/buttons"),
                (ChangeKind::Reshaped, "/content")
            ]
        );
        // Where there are no carousels at all, the same split (no provider lacks them today).
        let message = message(serde_json::json!({"type": "carousel", "body": "Picks", "cards": [
            {"header": {"type": "video", "link": "https://example.com/1.mp4"}, "ctaUrl": {"displayText": "Buy", "url": "https://example.com/1"}},
            {"header": {"type": "image", "link": "https://example.com/2.png"}, "body": "Two"}]}));
        let refused = Unsupported::cannot(Provider::Meta, "carousel");
        let Reshape { parts, how, left_out, .. } = reshape_unsupported(Provider::Meta, &message, &refused).unwrap();
        assert!(how.starts_with("meta has no carousels"), "{how}");
        assert!(left_out.is_empty());
        assert!(
            matches!(&parts[1].content, Content::Video(m) if m.caption.as_deref() == Some("Buy: https://example.com/1"))
        );
    }

    #[test]
    fn adapt_numbers_a_list_where_there_are_no_lists() {
        // No provider lacks lists today: the reshape itself is what is checked.
        let list =
            message(serde_json::json!({"type": "list", "header": {"type": "text", "text": "Menu"}, "body": "Pick",
            "footer": "Bye", "button": "Open", "sections": [{"title": "Drinks", "rows": [{"id": "t", "title": "Tea",
            "description": "Green"}, {"id": "c", "title": "Coffee"}]}]}));
        let Reshape { parts, how, .. } =
            reshape_unsupported(Provider::Meta, &list, &Unsupported::cannot(Provider::Meta, "list")).unwrap();
        assert!(how.contains("numbered"));
        let Content::Text(t) = &parts[0].content else { panic!() };
        assert_eq!(t.body, "Menu\n\nPick\n\nDrinks\n1. Tea — Green\n2. Coffee\n\nBye");
    }

    #[test]
    fn adapt_reports_a_media_header_left_out_and_numbers_more_buttons_than_a_list_takes() {
        let button = |n: usize| serde_json::json!({"id": format!("b{n}"), "title": format!("Option {n}")});
        let buttons = |count: usize| {
            serde_json::json!({"type": "replyButtons", "header": {"type": "image", "link": "https://example.com/a.png"},
                "body": "Pick", "buttons": (1..=count).map(button).collect::<Vec<_>>()})
        };
        let out = fitted(Provider::Meta, FitMode::Adapt, buttons(4)).unwrap();
        assert!(
            matches!(&out.parts[0].0.content, Content::List(l) if l.header.is_none() && l.sections[0].rows.len() == 4)
        );
        let changes: Vec<_> = out.changes.iter().map(|c| (c.kind, c.pointer.as_str())).collect();
        assert_eq!(changes, [(ChangeKind::Lossy, "/content/header"), (ChangeKind::Reshaped, "/content")]);
        // Eleven buttons fit no list (10 rows): numbered text, the header left out as well.
        let out = fitted(Provider::Meta, FitMode::Adapt, buttons(11)).unwrap();
        let Content::Text(text) = &out.parts[0].0.content else { panic!("{out:?}") };
        assert!(text.body.starts_with("Pick\n\n1. Option 1\n") && text.body.contains("11. Option 11"), "{}", text.body);
        assert_eq!(out.changes[0].pointer, "/content/header");
        assert!(out.changes[1].message.contains("more than a list's 10 rows"), "{}", out.changes[1].message);
    }

    #[test]
    fn truncate_shortens_a_flow_button() {
        let flow = serde_json::json!({"type": "flow", "body": "Book a table", "flowId": "1234567890",
            "flowCta": "Book a table for tonight at our place", "flowToken": "t"});
        let out = fitted(Provider::Meta, FitMode::Truncate, flow).unwrap();
        let Content::Flow(f) = &out.parts[0].0.content else { panic!() };
        assert_eq!(f.flow_cta.chars().count(), 30);
        assert_eq!((out.changes[0].kind, out.changes[0].pointer.as_str()), (ChangeKind::Truncated, "/content/flowCta"));
    }

    #[test]
    fn fit_modes_parse() {
        assert_eq!("adapt".parse::<FitMode>().unwrap(), FitMode::Adapt);
        assert_eq!("lenient".parse::<FitMode>().unwrap_err().code(), "ERR_ARGUMENT");
        assert_eq!(droppable("/content/sections/2/title"), Some("/content/sections/2/title".into()));
        assert_eq!(droppable("/content/header/id"), Some("/content/header".into()));
        assert_eq!(droppable("/content/id"), None);
    }
}
