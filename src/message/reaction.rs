use super::Validate;
use crate::validate::{Path, Report, ViolationCode, check_identifier, is_single_emoji};
use serde::Serialize;

/// An emoji reaction to a message; an empty `emoji` removes the reaction.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Reaction {
    /// The provider id of the message reacted to.
    pub message_id: String,
    /// Exactly one emoji (skin tones, ZWJ sequences, flags and keycaps count as one), or `""`
    /// to remove the reaction.
    pub emoji: String,
}

impl Validate for Reaction {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_identifier(report, &path.key("messageId"), "reaction messageId", &self.message_id);
        if !self.emoji.is_empty() && !is_single_emoji(&self.emoji) {
            report.add(
                &path.key("emoji"),
                ViolationCode::InvalidValue,
                format!("a reaction is exactly one emoji, or \"\" to remove it (got {:?})", self.emoji),
                Some(1.0),
            );
        }
    }
}
