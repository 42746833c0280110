//! Media kinds and the rules for uploading media: which MIME types each kind takes and how
//! large a file may be (constants in `crate::limits`).

use crate::limits::*;
use crate::validate::{Path, Report, Violation, ViolationCode};
use serde::{Deserialize, Serialize};

/// The media kinds WhatsApp sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    Image,
    Video,
    Audio,
    Document,
    Sticker,
}

/// What one media kind accepts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaRule {
    pub kind: MediaKind,
    pub mime_types: &'static [&'static str],
    pub max_bytes: usize,
}

pub const MEDIA_RULES: [MediaRule; 5] = [
    MediaRule { kind: MediaKind::Image, mime_types: IMAGE_MIME_TYPES, max_bytes: IMAGE_MAX_BYTES },
    MediaRule { kind: MediaKind::Video, mime_types: VIDEO_MIME_TYPES, max_bytes: VIDEO_MAX_BYTES },
    MediaRule { kind: MediaKind::Audio, mime_types: AUDIO_MIME_TYPES, max_bytes: AUDIO_MAX_BYTES },
    MediaRule { kind: MediaKind::Document, mime_types: DOCUMENT_MIME_TYPES, max_bytes: DOCUMENT_MAX_BYTES },
    MediaRule { kind: MediaKind::Sticker, mime_types: STICKER_MIME_TYPES, max_bytes: STICKER_ANIMATED_MAX_BYTES },
];

/// The rule of the kind that takes `mime_type` (compared without parameters and case).
pub fn rule_for_mime(mime_type: &str) -> Option<&'static MediaRule> {
    let essence = mime_type.split(';').next().unwrap_or("").trim();
    MEDIA_RULES.iter().find(|rule| rule.mime_types.iter().any(|m| m.eq_ignore_ascii_case(essence)))
}

/// Checks an upload before it is sent: a supported MIME type, a non-empty file within the
/// kind's size limit. Violations point at the form fields `/type` and `/file`.
pub fn check_upload(mime_type: &str, size: usize) -> Result<MediaKind, Vec<Violation>> {
    let root = Path::root();
    let mut report = Report::new();
    let Some(rule) = rule_for_mime(mime_type) else {
        let supported: Vec<&str> = MEDIA_RULES.iter().flat_map(|r| r.mime_types.iter().copied()).collect();
        report.add(
            &root.key("type"),
            ViolationCode::InvalidValue,
            format!("media type {mime_type:?} is not supported; supported: {}", supported.join(", ")),
            None,
        );
        return Err(report.into_violations());
    };
    if size == 0 {
        report.add(&root.key("file"), ViolationCode::Required, "the file is empty", None);
    } else if size > rule.max_bytes {
        report.add(
            &root.key("file"),
            ViolationCode::TooLong,
            format!("{mime_type} files are at most {} bytes; this one is {size}", rule.max_bytes),
            Some(rule.max_bytes as f64),
        );
    }
    report.into_result().map(|_| rule.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_mime_types_to_kinds_and_sizes() {
        assert_eq!(check_upload("image/jpeg", 10), Ok(MediaKind::Image));
        assert_eq!(check_upload("Audio/OGG; codecs=opus", 10), Ok(MediaKind::Audio));
        assert_eq!(check_upload("image/webp", STICKER_ANIMATED_MAX_BYTES), Ok(MediaKind::Sticker));
        let too_big = check_upload("image/webp", STICKER_ANIMATED_MAX_BYTES + 1).unwrap_err();
        assert_eq!((too_big[0].path.as_str(), too_big[0].code), ("/file", ViolationCode::TooLong));
        assert_eq!(check_upload("image/gif", 10).unwrap_err()[0].path, "/type");
        assert_eq!(check_upload("application/pdf", 0).unwrap_err()[0].code, ViolationCode::Required);
        assert_eq!(check_upload("application/pdf", DOCUMENT_MAX_BYTES), Ok(MediaKind::Document));
    }
}
