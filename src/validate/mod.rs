//! Violations and the rule helpers every validator is built from.
//!
//! A validator walks a value and reports *every* violation it finds, each at the JSON
//! pointer of the offending field, instead of stopping at the first. Paths are built
//! lazily ([`Path`] is a chain of borrowed segments), so a valid message allocates nothing.
//! Documents are read the same way: [`parse_tree`] then [`Obj`], field by field.

mod emoji;
pub mod grapheme;
mod path;
mod read;
mod rules;
pub mod schema;

pub use crate::json::Json;
pub use emoji::is_single_emoji;

/// Parses JSON text into a borrowed tree; text that is not JSON is a violation at the
/// pointer of the value it fails in (the root for a document that is not JSON at all).
/// A leading byte-order mark is read past ([`crate::json::parse`]).
pub fn parse_tree(json: &str) -> Result<Json<'_>, Violation> {
    parse_tree_from(crate::json::without_mark(json), crate::json::Position::START)
}

/// [`parse_tree`] of a text that starts at `origin` in a larger file (an item of JSON lines):
/// a syntax error names its line and column in the file.
pub fn parse_tree_from(json: &str, origin: crate::json::Position) -> Result<Json<'_>, Violation> {
    crate::json::parse_from(json, origin).map_err(|error| Violation {
        // Half a surrogate pair is a fault of the string at the pointer, whether the caller
        // gave JSON text or an object (whose text the caller never saw: no line or column).
        message: if error.what == crate::json::LONE_SURROGATE {
            "holds half of a character (a lone surrogate, as when a string is cut with slice or \
             substring inside an emoji): it cannot be sent as it is"
                .to_owned()
        } else {
            format!("the document is not valid JSON: {}", error.message)
        },
        path: error.pointer,
        code: ViolationCode::InvalidFormat,
        limit: None,
    })
}
pub use path::{Path, Segment, push_index, push_key, unescape};
pub use read::{Obj, locate, locate_all};
pub use rules::*;

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of rule a value broke. Serialized in snake_case; stable across releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ViolationCode {
    /// A required field is missing or empty.
    Required,
    /// A string is longer than `limit` characters.
    TooLong,
    /// A string is shorter than `limit` characters.
    TooShort,
    /// A list has more than `limit` items.
    TooMany,
    /// A list has fewer than `limit` items.
    TooFew,
    /// A number lies outside its documented range.
    OutOfRange,
    /// A string does not have the documented format (phone number, URL, date, …).
    InvalidFormat,
    /// A value has the wrong JSON type, or is not one of the allowed values.
    InvalidValue,
    /// A field the provider does not know.
    UnknownField,
    /// A value must be unique within its list and is not.
    Duplicate,
    /// The message uses something the target provider cannot express.
    Unsupported,
}

impl ViolationCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::TooLong => "too_long",
            Self::TooShort => "too_short",
            Self::TooMany => "too_many",
            Self::TooFew => "too_few",
            Self::OutOfRange => "out_of_range",
            Self::InvalidFormat => "invalid_format",
            Self::InvalidValue => "invalid_value",
            Self::UnknownField => "unknown_field",
            Self::Duplicate => "duplicate",
            Self::Unsupported => "unsupported",
        }
    }
}

/// One broken rule: where, which rule, a sentence for humans, and the limit if there is one.
/// A report lists at most 100: past them, one last entry at the root (`path` `""`, `code`
/// `"too_many"`, `limit` 100) counts those not listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Violation {
    /// JSON pointer (RFC 6901) of the offending field in the validated document.
    pub path: String,
    pub code: ViolationCode,
    /// A sentence naming the field, what is wrong and the limit.
    pub message: String,
    /// The documented limit that was exceeded, when the rule has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub limit: Option<f64>,
}

impl fmt::Display for Violation {
    /// `path: message`, the path cut as a message is (a pointer through a megabyte-long key
    /// would otherwise be quoted whole into every error message that lists the violation; the
    /// `path` field itself stays whole, to be followed).
    /// A violation of the whole document (the pointer "") is its message alone: "/" would be
    /// a pointer to a key "" of the root.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            return f.write_str(&self.message);
        }
        write!(f, "{}: {}", capped(self.path.clone()), self.message)
    }
}

/// The most violations a report lists. Past it they are counted, not listed: a document with
/// tens of thousands of faults would otherwise cost time and memory for nobody's benefit
/// (finding each fault's pointer walks the document).
pub const MAX_VIOLATIONS: usize = 100;

/// The longest violation message, in bytes: a message quotes what it refuses, and a 5 MB
/// recipient would otherwise be quoted whole, into every log and admin panel that shows it.
pub const MAX_MESSAGE_BYTES: usize = 1000;

/// `message`, cut at [`MAX_MESSAGE_BYTES`] (on a character boundary) with how much was left out.
fn capped(mut message: String) -> String {
    if message.len() <= MAX_MESSAGE_BYTES {
        return message;
    }
    let cut = (0..=MAX_MESSAGE_BYTES).rev().find(|&i| message.is_char_boundary(i)).unwrap_or(0);
    let left_out = message.len() - cut;
    message.truncate(cut);
    message.push_str("… (");
    message.push_str(&left_out.to_string());
    message.push_str(" more bytes)");
    message
}

/// The last violation of a full report: how many more there were.
fn unlisted_summary(more: usize) -> Violation {
    Violation {
        path: String::new(),
        code: ViolationCode::TooMany,
        message: format!("{more} more violations are not listed (a report lists {MAX_VIOLATIONS})"),
        limit: Some(MAX_VIOLATIONS as f64),
    }
}

/// How many violations `violation` counts, when it is a report's summary of those not listed.
pub fn unlisted(violation: &Violation) -> Option<usize> {
    if violation.code != ViolationCode::TooMany || !violation.path.is_empty() {
        return None;
    }
    let (count, rest) = violation.message.split_once(' ')?;
    rest.starts_with("more violations are not listed").then(|| count.parse().ok()).flatten()
}

/// Violations gathered from several reports, as one report lists them: at most
/// [`MAX_VIOLATIONS`], then one at the root counting the rest (the reports' own counts too).
pub fn one_list(violations: impl IntoIterator<Item = Violation>) -> Vec<Violation> {
    let mut report = Report::new();
    violations.into_iter().for_each(|violation| report.push(violation));
    report.into_violations()
}

/// Collects violations while a validator walks a value.
#[derive(Debug, Default)]
pub struct Report {
    violations: Vec<Violation>,
    /// Violations found past [`MAX_VIOLATIONS`].
    more: usize,
    /// Whether lengths and counts over their maximum go unrecorded ([`Report::to_fit`]).
    over_maximum_allowed: bool,
}

impl Report {
    pub fn new() -> Self {
        Self::default()
    }

    /// A report for reading a body that a fit will shorten or reshape: lengths and counts over
    /// their maximum (`too_long`, `too_many`) are not recorded, as the fit judges them at its
    /// target (shortening a text, making a list of too many buttons, or refusing them there).
    pub fn to_fit() -> Self {
        Report { over_maximum_allowed: true, ..Self::default() }
    }

    /// Whether every violation reported is a field the reader does not know, which it passes
    /// by: what it read is whole, its values can be judged too (none reported: whole as well).
    pub fn only_unknown_fields(&self) -> bool {
        self.violations.iter().all(|v| v.code == ViolationCode::UnknownField)
    }

    /// Whether a violation of `code` is one a fit may remedy (over a maximum).
    pub fn is_over_maximum(code: ViolationCode) -> bool {
        matches!(code, ViolationCode::TooLong | ViolationCode::TooMany)
    }

    /// Whether this report records a violation of `code`.
    fn records(&self, code: ViolationCode) -> bool {
        !(self.over_maximum_allowed && Self::is_over_maximum(code))
    }

    /// Whether the report lists as many violations as it will: further ones are only counted,
    /// so callers skip building their pointers and messages.
    pub fn is_full(&self) -> bool {
        self.violations.len() >= MAX_VIOLATIONS
    }

    /// Counts a violation that is not listed (the report is full).
    pub fn count_more(&mut self) {
        self.more += 1;
    }

    /// Records a violation at `path`.
    pub fn add(&mut self, path: &Path<'_>, code: ViolationCode, message: impl Into<String>, limit: Option<f64>) {
        if !self.records(code) {
            return;
        }
        if self.is_full() {
            return self.count_more();
        }
        self.violations.push(Violation { path: path.to_pointer(), code, message: capped(message.into()), limit });
    }

    /// Records a violation built elsewhere (translated from another document, say); another
    /// report's count of those it did not list adds to this one's.
    pub fn push(&mut self, violation: Violation) {
        if let Some(more) = unlisted(&violation) {
            self.more += more;
            return;
        }
        if !self.records(violation.code) {
            return;
        }
        if self.is_full() {
            return self.count_more();
        }
        self.violations.push(Violation { message: capped(violation.message), ..violation });
    }

    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Every violation listed, and a last one at the root counting those that were not.
    pub fn into_violations(mut self) -> Vec<Violation> {
        if self.more > 0 {
            self.violations.push(unlisted_summary(self.more));
        }
        self.violations
    }

    /// `Ok(())` when nothing was reported, else every violation.
    pub fn into_result(self) -> Result<(), Vec<Violation>> {
        if self.violations.is_empty() { Ok(()) } else { Err(self.into_violations()) }
    }
}
