use super::Validate;
use crate::limits::{TEXT_BODY_MAX_CHARS, TEXT_BODY_MIN_CHARS};
use crate::validate::{Path, Report, check_chars};
use serde::Serialize;

/// A text message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Text {
    /// The text: 1–4096 characters (`LIMITS.TEXT_BODY_MAX_CHARS`); URLs may be previewed.
    pub body: String,
    /// Render a preview of the first URL in `body`. Absent means the provider's default (no preview).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub preview_url: Option<bool>,
}

impl Text {
    pub fn new(body: impl Into<String>) -> Self {
        Text { body: body.into(), preview_url: None }
    }

    pub fn with_preview_url(mut self, preview: bool) -> Self {
        self.preview_url = Some(preview);
        self
    }
}

impl Validate for Text {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_chars(report, &path.key("body"), "text body", &self.body, TEXT_BODY_MIN_CHARS, TEXT_BODY_MAX_CHARS);
    }
}

#[cfg(test)]
mod tests {
    use crate::message::Message;
    use crate::validate::ViolationCode;

    fn body_violation(body: &str) -> Option<(String, ViolationCode, Option<f64>)> {
        Message::text("16505551234", body).validate().err().map(|v| (v[0].path.clone(), v[0].code, v[0].limit))
    }

    #[test]
    fn body_limit_counts_characters() {
        assert_eq!(body_violation(&"a".repeat(4096)), None);
        assert_eq!(
            body_violation(&"a".repeat(4097)),
            Some(("/content/body".into(), ViolationCode::TooLong, Some(4096.0)))
        );
        // 4096 emoji are 8192 UTF-16 units and 16384 bytes: still within the limit.
        assert_eq!(body_violation(&"😀".repeat(4096)), None);
        assert_eq!(body_violation(&"😀".repeat(4097)).unwrap().1, ViolationCode::TooLong);
        // A combining mark is a character of its own.
        assert_eq!(body_violation(&"e\u{301}".repeat(2048)), None);
        assert_eq!(body_violation(&format!("{}e", "e\u{301}".repeat(2048))).unwrap().1, ViolationCode::TooLong);
    }
}
