//! Fitting a neutral message to one provider: what `convert` and the opt-in fit modes do.
//!
//! The provider's own codec says what it refuses; the rules here are the same for every
//! provider and only react to those refusals:
//! - a field the provider cannot carry is dropped with a `lossy` change, when the message
//!   still says its main thing without it ([`DROPPABLE`]: a footer, a header, a preview
//!   switch…); a recipient, a media id or the content itself is never dropped;
//! - `truncate`: text over a limit is shortened at a grapheme boundary (never inside an
//!   emoji, a ZWJ sequence or a letter with its combining marks) and ends with `…`; titles the
//!   provider wants unique that the cut made alike are numbered apart (`… 2`);
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

impl Change {
    /// What writing a message does by design (a codec's approximation), as a change of `part`.
    pub fn approximated(approximation: super::codec::Approximation, part: usize) -> Change {
        let kind = if approximation.reshaped { ChangeKind::Reshaped } else { ChangeKind::Lossy };
        Change { kind, pointer: approximation.pointer, message: approximation.why, limit: None, part }
    }
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
    // A template's names for the providers other than the one it is sent to.
    "/content/name",
    "/content/namespace",
    "/content/projectId",
    "/content/projectVersion",
    // Bird's locale has no policy ("deterministic", the only one, is what every provider does).
    "/content/language/policy",
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

/// What a message is fitted to: a provider's body, or the neutral model's own limits (a
/// message converted to neutral JSON, from a provider's body or neutral JSON over them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Provider(Provider),
    Neutral,
}

impl Target {
    /// The body of a message that fits: the provider's, or the neutral JSON of a valid message.
    fn write(self, message: &Message) -> Result<String, BodyError> {
        match self {
            Target::Provider(provider) => serialize(provider, message),
            Target::Neutral => message.validate().map(|()| message.to_json()).map_err(BodyError::Invalid),
        }
    }

    /// Whether content of `kind` can be sent as it is (the neutral model holds every kind).
    fn has(self, kind: &'static str) -> bool {
        match self {
            Target::Provider(provider) => check_supported(provider, kind).is_ok(),
            Target::Neutral => true,
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Provider(provider) => provider.fmt(f),
            Target::Neutral => f.write_str("the neutral model"),
        }
    }
}

/// Fits `message` to `provider` as `fit` allows, returning the messages to send and their
/// bodies, or the first refusal it may not work around.
pub fn fit(provider: Provider, message: Message, fit: Fit) -> Result<Fitted, BodyError> {
    fit_to(Target::Provider(provider), message, fit)
}

/// [`fit`] to a provider or to the neutral model.
pub fn fit_to(target: Target, message: Message, fit: Fit) -> Result<Fitted, BodyError> {
    let mut changes = Vec::new();
    let mut inputs = Vec::new();
    // Messages still to fit, front first: a split puts its further messages here.
    // Each with the carousel card it was made of, for a split's further messages.
    let mut queue = std::collections::VecDeque::from([(message, None)]);
    let mut parts = Vec::new();
    while let Some((mut message, card)) = queue.pop_front() {
        let part = parts.len();
        let mut steps = 0;
        // The fields each reshape of this part carried over, newest last: a change's pointer
        // is followed back through them to the message given (a split's further parts: to the
        // card each was made of).
        let mut reshapes: Vec<&'static [(&'static str, &'static str)]> = Vec::new();
        let mut record = |made: Vec<Change>, reshapes: &[&[(&str, &str)]]| {
            for change in made {
                let at = carried_back(&change.pointer, reshapes);
                inputs.push(match card {
                    Some(card) => at.map(|at| in_card(&at, card)),
                    None => at.filter(|_| part == 0),
                });
                changes.push(change);
            }
        };
        let body = loop {
            let error = match target.write(&message) {
                Ok(body) => {
                    // What the provider's body leaves out or changes by design is reported too.
                    let approximations = match target {
                        Target::Provider(provider) => super::approximations(provider, &message),
                        Target::Neutral => Vec::new(),
                    };
                    record(approximations.into_iter().map(|a| Change::approximated(a, part)).collect(), &reshapes);
                    break body;
                }
                Err(error) => error,
            };
            steps += 1;
            let Some(Step { replace, changes: made, kept, cards }) =
                step(target, &message, &error, fit, part).filter(|_| steps <= MAX_STEPS)
            else {
                let error = in_message_given(error, &reshapes);
                return Err(match card {
                    Some(card) => at_card(error, card),
                    None => error,
                });
            };
            let mut replace = replace.into_iter();
            let Some(first) = replace.next() else { return Err(error) };
            // A step's changes are of the message before it (a reshape's too).
            record(made, &reshapes);
            reshapes.extend(kept);
            message = first;
            for (offset, extra) in replace.enumerate() {
                queue.insert(offset, (extra, cards.get(offset).copied().flatten()));
            }
        };
        parts.push((message, body));
    }
    Ok(Fitted { parts, changes, inputs })
}

/// Where a field of the reshaped message came from in the message given, following each
/// reshape's carried-over fields back, newest first; `None` for one a reshape composed.
fn carried_back(pointer: &str, reshapes: &[&[(&str, &str)]]) -> Option<String> {
    reshapes.iter().rev().try_fold(pointer.to_string(), |at, kept| {
        super::matched_pointer(&at, kept, false, None)
            .or_else(|| super::matched_pointer(&at, MESSAGE_FIELDS, false, None))
    })
}

/// The fields of a carousel card sent as a media message of its own, where they were in the
/// card: its media is the card's header; its caption, made of the card's link and body, is the
/// card's as a whole.
const CARD_FIELDS: &[(&str, &str)] = &[
    ("/content/id", "/header/id"),
    ("/content/link", "/header/link"),
    ("/content/mimeType", "/header/mimeType"),
    ("/content/caption", ""),
    ("/content", "/header"),
];

/// A pointer into a card's own message, at the card in the message given
/// (`/content/cards/{card}`): the recipient's fields are the message's own.
fn in_card(pointer: &str, card: usize) -> String {
    super::matched_pointer(pointer, MESSAGE_FIELDS, false, None).unwrap_or_else(|| {
        let field = super::matched_pointer(pointer, CARD_FIELDS, false, None).unwrap_or_default();
        format!("/content/cards/{card}{field}")
    })
}

/// A refusal of a card's own message, at the card in the message given.
fn at_card(error: BodyError, card: usize) -> BodyError {
    match error {
        BodyError::Invalid(violations) => BodyError::Invalid(
            violations.into_iter().map(|v| Violation { path: in_card(&v.path, card), ..v }).collect(),
        ),
        BodyError::Unsupported(refused) => {
            let at = in_card(refused.pointer(), card);
            BodyError::Unsupported(refused.at(at))
        }
        other => other,
    }
}

/// A refusal of the reshaped message, at the fields of the message given: a duplicate id of
/// four reply buttons made a list is at `/content/buttons/3/id`, where the caller wrote it, not
/// at the list's row. A field the reshape composed is reported at the content it replaced.
fn in_message_given(error: BodyError, reshapes: &[&[(&str, &str)]]) -> BodyError {
    if reshapes.is_empty() {
        return error;
    }
    match error {
        BodyError::Invalid(violations) => BodyError::Invalid(
            violations
                .into_iter()
                .map(|v| Violation { path: carried_back(&v.path, reshapes).unwrap_or_else(|| "/content".into()), ..v })
                .collect(),
        ),
        other => other,
    }
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
/// change of its own at the field's pointer, as a field dropped on its own would be) and
/// which of the messages sent instead it was left out of (a card's buttons: its card's).
struct Reshape {
    parts: Vec<Message>,
    how: String,
    left_out: Vec<(String, &'static str, usize)>,
    /// The fields carried over as they were: (pointer now, pointer before) patterns.
    kept: &'static [(&'static str, &'static str)],
    /// For each message after the first, the carousel card it was made of.
    cards: Vec<Option<usize>>,
}

impl Reshape {
    fn one(message: Message, how: String) -> Reshape {
        Reshape { parts: vec![message], how, left_out: Vec::new(), kept: &[], cards: Vec::new() }
    }

    /// The step: the fields left out first, then the reshape. Both are of the message as it
    /// was before it (`Fitted::touches_input` counts up to the first reshape); `change` is
    /// told which of the messages sent instead each one belongs to.
    fn into_step(self, change: impl Fn(ChangeKind, &str, String, usize) -> Change) -> Step {
        let left_out = self.left_out.into_iter();
        let mut changes: Vec<Change> =
            left_out.map(|(at, why, part)| change(ChangeKind::Lossy, &at, why.into(), part)).collect();
        changes.push(change(ChangeKind::Reshaped, "/content", self.how, 0));
        Step { replace: self.parts, changes, kept: Some(self.kept), cards: self.cards }
    }
}

/// A way past one refusal: the message(s) to try instead, the changes made, and (a
/// reshape) the fields it carried over; other steps leave every field where it was.
struct Step {
    replace: Vec<Message>,
    changes: Vec<Change>,
    kept: Option<&'static [(&'static str, &'static str)]>,
    /// For each message after the first, the carousel card it was made of (a split's).
    cards: Vec<Option<usize>>,
}

fn step(target: Target, message: &Message, error: &BodyError, fit: Fit, part: usize) -> Option<Step> {
    let change = |kind, pointer: &str, text: String, limit| Change {
        kind,
        pointer: pointer.to_string(),
        message: text,
        limit,
        part,
    };
    // A split's further messages are the parts after this one.
    let reshaped = |reshape: Reshape| {
        reshape.into_step(|kind, at, text, offset| Change { part: part + offset, ..change(kind, at, text, None) })
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
            let reshape = reshape_unsupported(target, message, refused)?;
            Some(reshaped(reshape))
        }
        BodyError::Unsupported(refused) => {
            let field = droppable(refused.pointer()).filter(|_| fit.drop_lossy)?;
            let dropped = edit(message, |root| root.remove_at(&field))?;
            // The change has its pointers (`pointer`, and `source` in the input): its words
            // name none, which would be the neutral model's where the input is a provider's.
            let text = format!("{}: left out", refused.clone().at(""));
            Some(Step {
                replace: vec![dropped],
                changes: vec![change(ChangeKind::Lossy, &field, text, None)],
                kept: None,
                cards: Vec::new(),
            })
        }
        BodyError::Invalid(violations) => {
            if fit.mode == FitMode::Adapt
                && let Some(reshape) =
                    buttons_reshaped(target, message, violations).or_else(|| list_reshaped(message, violations))
            {
                return Some(reshaped(reshape));
            }
            if fit.mode == FitMode::Strict {
                return None;
            }
            let mut made = Vec::new();
            let mut cut = Vec::new();
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
                    cut.push(Cut {
                        pointer: v.path.clone(),
                        before: std::mem::replace(text, short.into()).into(),
                        max,
                    });
                    made.push(change(ChangeKind::Truncated, &v.path, what, Some(limit)));
                }
                !made.is_empty()
            })?;
            let shortened = kept_distinct(target, shortened, &cut, violations, &mut made);
            Some(Step { replace: vec![shortened], changes: made, kept: None, cards: Vec::new() })
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

/// A text field `truncate` shortened: where, its text before, and the limit it kept to.
struct Cut {
    pointer: String,
    before: String,
    max: usize,
}

/// The most titles numbered apart in one truncation (a loop guard: a list has at most 10 rows,
/// a message 3 buttons or 10 cards of 3).
const MAX_NUMBERED: usize = 32;

/// `message` after truncation, with each title that the cut made equal to a sibling's
/// (two reply buttons both "Appointment on Mond…") shortened once more and numbered (" 2",
/// " 3", …): a user who asks for truncation expects a sendable message whose choices still
/// tell themselves apart. Where the provider refuses duplicates, the fields are what its own
/// refusal says (a `duplicate` violation), not a list kept here; elsewhere, titles of one
/// list (rows that were buttons, after `adapt`) that read alike only since the cut. Duplicates
/// the message had before the cut (`before`, or texts equal as given) stay as they were. Each
/// number is reported in the field's truncated change (`made`).
fn kept_distinct(
    target: Target,
    mut message: Message,
    cut: &[Cut],
    before: &[Violation],
    made: &mut [Change],
) -> Message {
    for _ in 0..MAX_NUMBERED {
        let now = match target.write(&message) {
            Err(BodyError::Invalid(now)) => now,
            Ok(_) => Vec::new(),
            Err(_) => return message,
        };
        let json = message.to_json();
        let Ok(mut tree) = crate::validate::parse_tree(&json) else { return message };
        // The field to number: the duplicate itself where the cut made it, else the sibling cut
        // to its text (a title given as it reads, even as another's cut, stays as given).
        let numbered = now
            .iter()
            .filter(|v| v.code == ViolationCode::Duplicate)
            .filter(|v| !before.iter().any(|b| b.code == ViolationCode::Duplicate && b.path == v.path))
            .find_map(|v| {
                let value = text_at(&tree, &v.path)?;
                let sibling =
                    || cut.iter().find(|c| siblings(&c.pointer, &v.path) && text_at(&tree, &c.pointer) == Some(value));
                cut.iter().find(|c| c.pointer == v.path).or_else(sibling)
            });
        let refused = numbered.is_some();
        let numbered = numbered.or_else(|| cut.iter().find(|c| made_alike(&tree, c, cut)));
        let Some(numbered) = numbered else { return message };
        let Some(text) = numbered_apart(&tree, numbered) else { return message };
        let Some(Json::Str(field)) = tree.at_mut(&numbered.pointer) else { return message };
        // Said by the text rather than a pointer: a change's pointer may be moved into the
        // provider body it was read from, and this message would not follow.
        let because = if refused {
            format!("{target} refuses a title used twice")
        } else {
            "choices that read alike cannot be told apart".to_string()
        };
        let why = format!(", then numbered: cut alone it read \"{field}\" as another title does, and {because}");
        *field = text.into();
        let Ok(next) = Message::from_tree(&tree) else { return message };
        if let Some(change) = made.iter_mut().find(|c| c.pointer == numbered.pointer) {
            change.message.push_str(&why);
        }
        message = next;
    }
    message
}

/// Whether `c`, a title, reads after the cut as an earlier sibling title does that read
/// otherwise before it (its text as given, or before its own cut): the later of two is the
/// one numbered, as the provider's duplicate refusal names the later.
fn made_alike(tree: &Json<'_>, c: &Cut, cut: &[Cut]) -> bool {
    let Some((array, index, "title")) = item_field(&c.pointer) else { return false };
    let Some(now) = text_at(tree, &c.pointer) else { return false };
    (0..index).map(|i| format!("{array}/{i}/title")).any(|sibling| {
        let given = cut.iter().find(|s| s.pointer == sibling).map(|s| s.before.as_str());
        text_at(tree, &sibling) == Some(now) && given.or_else(|| text_at(tree, &sibling)) != Some(c.before.as_str())
    })
}

/// The text at `pointer` in `tree`, if it is text.
fn text_at<'t>(tree: &'t Json<'_>, pointer: &str) -> Option<&'t str> {
    super::json_at(tree, pointer).and_then(Json::as_str)
}

/// Whether two pointers are the same field of items of one array (`…/buttons/0/title` and
/// `…/buttons/2/title`): the siblings a uniqueness rule compares.
fn siblings(a: &str, b: &str) -> bool {
    let array_and_field = |pointer| item_field(pointer).map(|(array, _, field)| (array, field));
    array_and_field(a).is_some_and(|a| array_and_field(b) == Some(a))
}

/// A pointer to a field of an array's item, split: the array's pointer, the item's index and
/// the field (`/content/buttons/2/title` → `/content/buttons`, 2, `title`).
fn item_field(pointer: &str) -> Option<(&str, usize, &str)> {
    let (rest, field) = pointer.rsplit_once('/')?;
    let (array, index) = rest.rsplit_once('/')?;
    Some((array, index.parse().ok()?, field))
}

/// The text `cut`'s field takes to be told apart from its siblings in `tree`: shortened to
/// leave room for " n" within the limit (between graphemes, as any cut), with the smallest n
/// from 2 that no sibling reads. `None` where the limit leaves no room for the ellipsis and
/// a number.
fn numbered_apart(tree: &Json<'_>, cut: &Cut) -> Option<String> {
    let (array, _, field) = item_field(&cut.pointer)?;
    let Some(Json::Array(items)) = super::json_at(tree, array) else { return None };
    let texts: Vec<Option<&str>> = items.iter().map(|item| item.get(field).and_then(Json::as_str)).collect();
    (2..=texts.len() + 1).find_map(|n| {
        // ASCII: its length in bytes is its length in characters, as providers count.
        let number = format!(" {n}");
        // Room for the ellipsis (and, where the first grapheme fits, text) before the number.
        let room = cut.max.checked_sub(number.len()).filter(|room| *room >= 2)?;
        let text = format!("{}{number}", shorten(&cut.before, room));
        (!texts.contains(&Some(text.as_str()))).then_some(text)
    })
}

/// Reply buttons a provider refuses for their count or a title's length, as a list (rows
/// take 10 items and 24-character titles) when the provider has lists and they fit in one,
/// else as numbered text.
fn buttons_reshaped(target: Target, message: &Message, violations: &[Violation]) -> Option<Reshape> {
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
    if count > LIST_ROWS_MAX || !target.has("list") {
        let why = if count > LIST_ROWS_MAX {
            format!("{count} reply buttons are more than a list's {LIST_ROWS_MAX} rows")
        } else {
            format!("{target} has no lists for {}", reply_buttons(count))
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
        reshape.left_out.push(("/content/header".into(), "a list has no media header: left out", 0));
    }
    reshape
}

/// A list with more rows (or sections) than any list takes, as numbered text.
fn list_reshaped(message: &Message, violations: &[Violation]) -> Option<Reshape> {
    let Content::List(list) = &message.content else { return None };
    let too_many = violations.iter().any(|v| v.path == "/content/sections" && v.code == ViolationCode::TooMany);
    if !too_many {
        return None;
    }
    let rows: usize = list.sections.iter().map(|s| s.rows.len()).sum();
    let why = format!("{rows} rows in {} sections are more than a list's {LIST_ROWS_MAX}", list.sections.len());
    Some(list_numbered(message, list, why))
}

/// A list's rows numbered in the text: replies arrive as text, not row ids.
fn list_numbered(message: &Message, list: &List, why: String) -> Reshape {
    let sections: Vec<_> = list
        .sections
        .iter()
        .map(|s| (s.title.as_deref(), s.rows.iter().map(|r| (r.title.as_str(), r.description.as_deref())).collect()))
        .collect();
    let text = numbered(header_text(list.header.as_ref()), &list.body, &sections, list.footer.as_deref());
    let how = format!("{why}: the rows are numbered in the text (replies arrive as text, not row ids)");
    Reshape::one(with_content(message, text), how)
}

/// Reply buttons numbered in the text: replies arrive as text, not button ids.
fn buttons_numbered(message: &Message, buttons: &ReplyButtons, why: String) -> Reshape {
    let rows: Vec<_> = buttons.buttons.iter().map(|b| (b.title.as_str(), None)).collect();
    let text =
        numbered(header_text(buttons.header.as_ref()), &buttons.body, &[(None, rows)], buttons.footer.as_deref());
    let how = format!("{why}: the buttons are numbered in the text (replies arrive as text, not button ids)");
    let mut reshape = Reshape::one(with_content(message, text), how);
    if header_text(buttons.header.as_ref()).is_none() && buttons.header.is_some() {
        reshape.left_out.push(("/content/header".into(), "text has no media header: left out", 0));
    }
    reshape
}

/// Content of a kind the provider cannot take, as content it can: `None` when there is no
/// faithful reshape.
fn reshape_unsupported(target: Target, message: &Message, refused: &Unsupported) -> Option<Reshape> {
    let with = |content: Content| with_content(message, content);
    match &message.content {
        Content::ReplyButtons(b) if target.has("list") && b.buttons.len() <= LIST_ROWS_MAX => {
            let mut reshape = buttons_listed(message, b);
            reshape.how = format!("{target} has no reply buttons: sent as a list");
            Some(reshape)
        }
        Content::ReplyButtons(b) => {
            Some(buttons_numbered(message, b, format!("{target} has no reply buttons or lists")))
        }
        Content::List(l) => Some(list_numbered(message, l, format!("{target} has no lists"))),
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
                Reshape::one(text, format!("{target} has no CTA URL buttons: the link is written in the text"));
            if c.header.is_some() && header_text(c.header.as_ref()).is_none() {
                reshape.left_out.push(("/content/header".into(), "text has no media header: left out", 0));
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
                // The card's link first: a caption cut to fit loses the end of its text before
                // any of the link (only a link longer than a caption is itself cut).
                let mut caption: Vec<String> =
                    card.cta_url.iter().map(|cta| format!("{}: {}", cta.display_text, cta.url)).collect();
                caption.extend(card.body.iter().cloned());
                let media = Media { caption: (!caption.is_empty()).then(|| caption.join("\n\n")), ..media };
                let content = match card.header {
                    Header::Video(_) => Content::Video(media),
                    _ => Content::Image(media),
                };
                parts.push(Message { reply_to: None, ..with(content) });
            }
            let why = if is_kind_refusal(refused) { format!("{target} has no carousels") } else { refused.to_string() };
            let how = format!("{why}: sent as its text and then one message per card ({} cards)", c.cards.len());
            let with_buttons = c.cards.iter().enumerate().filter(|(_, card)| card.buttons.is_some());
            let left_out = with_buttons
                .map(|(i, _)| {
                    (
                        format!("/content/cards/{i}/buttons"),
                        "a card sent as a media message has no quick-reply buttons: left out",
                        // The text is the first message; card i the one after it.
                        i + 1,
                    )
                })
                .collect();
            // The text sent first is the carousel's body; each message after it, a card.
            let cards = (0..c.cards.len()).map(Some).collect();
            Some(Reshape { parts, how, left_out, kept: &[("/content/body", "/content/body")], cards })
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
        // Each card's quick replies are a change of their own, at their pointer and of the
        // card's own message (the text is part 0), then the split.
        let changes: Vec<_> = out.changes.iter().map(|c| (c.kind, c.pointer.as_str(), c.part)).collect();
        assert_eq!(
            changes,
            [
                (ChangeKind::Lossy, "/content/cards/0/buttons", 1),
                (ChangeKind::Lossy, "/content/cards/1/buttons", 2),
                (ChangeKind::Reshaped, "/content", 0)
            ]
        );
        // Where there are no carousels at all, the same split (no provider lacks them today).
        let message = message(serde_json::json!({"type": "carousel", "body": "Picks", "cards": [
            {"header": {"type": "video", "link": "https://example.com/1.mp4"}, "ctaUrl": {"displayText": "Buy", "url": "https://example.com/1"}},
            {"header": {"type": "image", "link": "https://example.com/2.png"}, "body": "Two"}]}));
        let refused = Unsupported::cannot(Provider::Meta, "carousel");
        let Reshape { parts, how, left_out, .. } =
            reshape_unsupported(Target::Provider(Provider::Meta), &message, &refused).unwrap();
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
            reshape_unsupported(Target::Provider(Provider::Meta), &list, &Unsupported::cannot(Provider::Meta, "list"))
                .unwrap();
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

    /// The reply-button titles of a fitted message, and its truncated changes.
    fn button_titles(out: &Fitted) -> (Vec<String>, Vec<(&str, &str)>) {
        let Content::ReplyButtons(b) = &out.parts[0].0.content else { panic!("{out:?}") };
        let titles = b.buttons.iter().map(|b| b.title.clone()).collect();
        let changes = out
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Truncated)
            .map(|c| (c.pointer.as_str(), c.message.as_str()))
            .collect();
        (titles, changes)
    }

    fn buttons(titles: &[&str]) -> serde_json::Value {
        let buttons: Vec<_> =
            titles.iter().enumerate().map(|(i, t)| serde_json::json!({"id": format!("b{i}"), "title": t})).collect();
        serde_json::json!({"type": "replyButtons", "body": "When?", "buttons": buttons})
    }

    #[test]
    fn truncate_keeps_reply_button_titles_distinct_for_every_provider() {
        // Every provider refuses two reply buttons with one title (the neutral model's rule,
        // and Bird's for its own bodies); cut to 20 characters these three read alike.
        let long =
            buttons(&["Appointment on Monday morning", "Appointment on Monday evening", "Appointment on Monday noon"]);
        for provider in Provider::ALL {
            let out = fitted(provider, FitMode::Truncate, long.clone()).unwrap_or_else(|e| panic!("{provider}: {e:?}"));
            let (titles, changes) = button_titles(&out);
            assert_eq!(titles, ["Appointment on Mond…", "Appointment on Mo… 2", "Appointment on Mo… 3"], "{provider}");
            assert!(titles.iter().all(|t| char_count(t) <= 20), "{provider}: {titles:?}");
            let pointers: Vec<_> = changes.iter().map(|c| c.0).collect();
            assert_eq!(pointers, ["/content/buttons/0/title", "/content/buttons/1/title", "/content/buttons/2/title"]);
            assert!(out.changes.iter().all(|c| c.kind == ChangeKind::Truncated && c.limit == Some(20.0)), "{provider}");
            assert!(!changes[0].1.contains("numbered"), "{}", changes[0].1);
            for change in &changes[1..] {
                let said = format!(
                    ", then numbered: cut alone it read \"Appointment on Mond…\" as another title does, and {provider} refuses a title used twice"
                );
                assert!(change.1.ends_with(&said), "{provider}: {}", change.1);
            }
            // The wire body carries the numbered titles.
            assert!(out.parts[0].1.contains("Appointment on Mo… 3"), "{provider}: {}", out.parts[0].1);
        }
    }

    #[test]
    fn numbered_titles_are_cut_between_graphemes_and_never_repeat_a_title_given() {
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        // 7 + 7 + 7 (+ 2) characters: the second family is cut whole, for the number too.
        let a = format!("Family {family}{family} A");
        let b = format!("Family {family}{family} B");
        // A title given as it reads (not cut) that is the number's first choice: 3 instead.
        let given = format!("Family {family}… 2");
        let out = fitted(Provider::Meta, FitMode::Truncate, buttons(&[&a, &b, &given])).unwrap();
        let (titles, changes) = button_titles(&out);
        assert_eq!(titles, [format!("Family {family}…"), format!("Family {family}… 3"), given.clone()]);
        assert!(titles.iter().all(|t| char_count(t) <= 20));
        assert_eq!(changes.len(), 2);
        // A title given that reads as another's cut stays as given; the cut one is numbered.
        let out = fitted(
            Provider::OneMsg,
            FitMode::Truncate,
            buttons(&["Appointment on Mond…", "Appointment on Monday evening"]),
        )
        .unwrap();
        let (titles, changes) = button_titles(&out);
        assert_eq!(titles, ["Appointment on Mond…", "Appointment on Mo… 2"]);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].0, "/content/buttons/1/title");
        assert!(
            changes[0].1.contains("cut alone it read \"Appointment on Mond…\" as another title does"),
            "{}",
            changes[0].1
        );
    }

    #[test]
    fn duplicates_given_stay_refused_and_titles_that_need_not_be_unique_are_not_numbered() {
        // The same title twice is the message's own fault: truncation does not hide it.
        let twice = buttons(&["Appointment on Monday morning", "Appointment on Monday morning"]);
        let Err(BodyError::Invalid(violations)) = fitted(Provider::Bird, FitMode::Truncate, twice) else { panic!() };
        assert_eq!(
            violations.iter().map(|v| (v.path.as_str(), v.code)).collect::<Vec<_>>(),
            [("/content/buttons/1/title", ViolationCode::Duplicate)]
        );
        // List rows: no provider refuses two titles alike, but a customer could not tell two
        // choices apart: the later one the cut made alike is numbered too; rows alike as
        // given stay as given.
        let row = |id: &str, title: &str| serde_json::json!({"id": id, "title": title});
        let list = serde_json::json!({"type": "list", "body": "Pick", "button": "Open", "sections": [{"rows": [
            row("a", "Appointment on Monday morning at nine"), row("b", "Appointment on Monday morning at ten"),
            row("c", "Same"), row("d", "Same")]}]});
        for provider in Provider::ALL {
            let out = fitted(provider, FitMode::Truncate, list.clone()).unwrap();
            let Content::List(l) = &out.parts[0].0.content else { panic!() };
            let titles: Vec<_> = l.sections[0].rows.iter().map(|r| r.title.as_str()).collect();
            assert_eq!(titles, ["Appointment on Monday m…", "Appointment on Monday… 2", "Same", "Same"], "{provider}");
            let numbered = out.changes.iter().find(|c| c.pointer == "/content/sections/0/rows/1/title").unwrap();
            assert!(numbered.message.ends_with("choices that read alike cannot be told apart"), "{}", numbered.message);
        }
    }

    #[test]
    fn adapt_keeps_buttons_made_rows_distinct() {
        // Long button titles become list rows (24 characters), where two cut alike are numbered.
        let buttons = serde_json::json!({"type": "replyButtons", "body": "When?", "buttons": [
            {"id": "1", "title": "Appointment on Monday 10am"}, {"id": "2", "title": "Appointment on Monday 11am"}]});
        for provider in Provider::ALL {
            let out = fitted(provider, FitMode::Adapt, buttons.clone()).unwrap();
            let Content::List(l) = &out.parts[0].0.content else { panic!("{provider}: {out:?}") };
            let titles: Vec<_> = l.sections[0].rows.iter().map(|r| r.title.as_str()).collect();
            assert_eq!(titles, ["Appointment on Monday 1…", "Appointment on Monday… 2"], "{provider}");
        }
    }

    #[test]
    fn truncate_keeps_a_carousel_card_s_quick_replies_distinct() {
        // Quick replies are unique within their card (Meta and 1MSG carry them; Bird's cards have none).
        let card = |n: u32| {
            serde_json::json!({"header": {"type": "image", "link": format!("https://example.com/{n}.png")},
            "body": format!("Card {n}"), "buttons": [{"id": format!("a{n}"), "title": "Remind me on Monday morning"},
            {"id": format!("b{n}"), "title": "Remind me on Monday evening"}]})
        };
        let carousel = serde_json::json!({"type": "carousel", "body": "Our picks", "cards": [card(1), card(2)]});
        for provider in [Provider::Meta, Provider::OneMsg] {
            let out =
                fitted(provider, FitMode::Truncate, carousel.clone()).unwrap_or_else(|e| panic!("{provider}: {e:?}"));
            let Content::Carousel(c) = &out.parts[0].0.content else { panic!() };
            for card in &c.cards {
                let titles: Vec<_> = card.buttons.iter().flatten().map(|b| b.title.as_str()).collect();
                assert_eq!(titles, ["Remind me on Monday…", "Remind me on Mond… 2"], "{provider}");
            }
            let numbered: Vec<_> =
                out.changes.iter().filter(|c| c.message.contains("numbered")).map(|c| c.pointer.as_str()).collect();
            assert_eq!(
                numbered,
                ["/content/cards/0/buttons/1/title", "/content/cards/1/buttons/1/title"],
                "{provider}"
            );
        }
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
