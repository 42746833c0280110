//! The provider-neutral message model: who receives it, what it replies to, and its content.
//!
//! These types are plain data with serde derives (camelCase on the JS side), so a message is
//! the same value whether it is built in Rust, written as a JS object literal, or read from
//! JSON. Builders are small constructors and `with_*` methods; nothing here knows a provider.

pub mod media;
mod text;

pub use media::MediaKind;
pub use text::Text;

use crate::validate::{Path, Report, Violation, check_identifier, check_phone_number};
use serde::{Deserialize, Serialize};

/// A WhatsApp message in provider-neutral form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Message {
    /// The recipient: a phone number in international format (`+` optional, 7–15 digits,
    /// country code first), or a group id when `recipientType` is `"group"`.
    pub to: String,
    /// `"individual"` (the default when absent) or `"group"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub recipient_type: Option<RecipientType>,
    /// The provider's id of the message this one replies to (shown quoted above it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub reply_to: Option<String>,
    /// What the message says.
    pub content: Content,
}

/// Whether a message goes to one person or to a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum RecipientType {
    Individual,
    Group,
}

/// The content of a message, discriminated by `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Content {
    /// A text message.
    Text(Text),
}

impl Content {
    /// The content kind as named in the neutral model's `type` field.
    pub fn kind(&self) -> &'static str {
        match self {
            Content::Text(_) => "text",
        }
    }
}

impl From<Text> for Content {
    fn from(text: Text) -> Self {
        Content::Text(text)
    }
}

/// Content validation: every violation of the value, reported at paths below `path`.
pub trait Validate {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>);
}

impl Validate for Content {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        match self {
            Content::Text(text) => text.validate_into(report, path),
        }
    }
}

impl Message {
    /// A message to `to` (phone number in international format) with `content`.
    pub fn new(to: impl Into<String>, content: impl Into<Content>) -> Self {
        Message { to: to.into(), recipient_type: None, reply_to: None, content: content.into() }
    }

    /// A text message: `Message::text("+16505551234", "Hello")`.
    pub fn text(to: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(to, Text::new(body))
    }

    /// Marks the message as a reply to the provider message `message_id`.
    pub fn with_reply_to(mut self, message_id: impl Into<String>) -> Self {
        self.reply_to = Some(message_id.into());
        self
    }

    /// Sends the message to a group; `to` is then the group id.
    pub fn to_group(mut self) -> Self {
        self.recipient_type = Some(RecipientType::Group);
        self
    }

    /// Checks every documented limit; returns all violations, not only the first.
    pub fn validate(&self) -> Result<(), Vec<Violation>> {
        let mut report = Report::new();
        self.validate_into(&mut report, &Path::root());
        report.into_result()
    }
}

impl Validate for Message {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        let to = path.key("to");
        match self.recipient_type {
            Some(RecipientType::Group) => check_identifier(report, &to, "group id (to)", &self.to),
            _ => check_phone_number(report, &to, "recipient (to)", &self.to),
        }
        if let Some(reply_to) = &self.reply_to {
            check_identifier(report, &path.key("replyTo"), "replyTo message id", reply_to);
        }
        self.content.validate_into(report, &path.key("content"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::ViolationCode;

    #[test]
    fn serializes_camel_case_with_type_tag_and_omits_absent_options() {
        let message = Message::text("+16505551234", "Hi").with_reply_to("wamid.1");
        let json = serde_json::to_value(&message).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"to": "+16505551234", "replyTo": "wamid.1", "content": {"type": "text", "body": "Hi"}})
        );
        let back: Message = serde_json::from_value(json).unwrap();
        assert_eq!(back, message);
    }

    #[test]
    fn rejects_unknown_fields() {
        let err = serde_json::from_str::<Message>(r#"{"to":"1","content":{"type":"text","body":"x"},"extra":1}"#);
        assert!(err.is_err());
        let err = serde_json::from_str::<Message>(r#"{"to":"1","content":{"type":"text","body":"x","bdy":1}}"#);
        assert!(err.is_err());
    }

    #[test]
    fn reports_every_violation_at_its_pointer() {
        let mut message = Message::text("12", "").with_reply_to(" ");
        message.content = Text::new("").into();
        let violations = message.validate().unwrap_err();
        let found: Vec<_> = violations.iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(
            found,
            vec![
                ("/to", ViolationCode::TooShort),
                ("/replyTo", ViolationCode::Required),
                ("/content/body", ViolationCode::Required),
            ]
        );
    }

    #[test]
    fn group_recipients_take_a_group_id() {
        assert!(Message::text("120363025246125486@g.us", "Hi").to_group().validate().is_ok());
        assert!(Message::text("120363025246125486@g.us", "Hi").validate().is_err());
    }
}
