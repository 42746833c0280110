//! Every documented limit, one named constant each, with where it is documented.
//!
//! Validators read these constants and nothing else; JS sees the same table as `LIMITS`
//! (generated into the package at build time from [`ALL`]), so a limit is written once.
//! Lengths are in Unicode characters (scalar values), as WhatsApp counts them, not in
//! UTF-16 code units or bytes.

/// One entry of the limits table, as exported to JS.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    pub name: &'static str,
    pub value: f64,
    pub doc: &'static str,
}

macro_rules! limits {
    ($( $(#[doc = $doc:expr])+ $name:ident : $ty:ty = $value:expr; )+) => {
        $( $(#[doc = $doc])+ pub const $name: $ty = $value; )+

        /// Every limit by name, in declaration order.
        pub const ALL: &[Limit] = &[
            $( Limit { name: stringify!($name), value: $value as f64, doc: concat!($($doc, "\n"),+) }, )+
        ];
    };
}

limits! {
    /// Maximum characters of a text message body.
    /// Meta: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#text-object
    /// ("body: Required. The text of the message… Maximum length: 4096 characters").
    TEXT_BODY_MAX_CHARS: usize = 4096;

    /// Minimum characters of a text message body: WhatsApp rejects an empty body.
    TEXT_BODY_MIN_CHARS: usize = 1;

    /// Minimum digits of a recipient phone number in international format (country code
    /// included). The shortest numbering plans (e.g. Niue, +683) have 7 digits in all.
    PHONE_NUMBER_MIN_DIGITS: usize = 7;

    /// Maximum digits of a phone number: ITU-T E.164 allows at most 15, country code included.
    PHONE_NUMBER_MAX_DIGITS: usize = 15;

    /// Maximum characters of a media caption (image, video, document; audio and stickers have none).
    /// Meta: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#media-object
    MEDIA_CAPTION_MAX_CHARS: usize = 1024;

    /// Maximum bytes of an image (image/jpeg, image/png).
    /// Meta: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types
    IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;

    /// Maximum bytes of a video (video/mp4, video/3gpp). Meta: supported media types (see IMAGE_MAX_BYTES).
    VIDEO_MAX_BYTES: usize = 16 * 1024 * 1024;

    /// Maximum bytes of an audio file. Meta: supported media types (see IMAGE_MAX_BYTES).
    AUDIO_MAX_BYTES: usize = 16 * 1024 * 1024;

    /// Maximum bytes of a document. Meta: supported media types (see IMAGE_MAX_BYTES).
    DOCUMENT_MAX_BYTES: usize = 100 * 1024 * 1024;

    /// Maximum bytes of a static sticker (image/webp). Meta: supported media types.
    STICKER_STATIC_MAX_BYTES: usize = 100 * 1024;

    /// Maximum bytes of an animated sticker (image/webp). An upload only carries the MIME type,
    /// so uploads of image/webp are held to this, the larger sticker limit.
    STICKER_ANIMATED_MAX_BYTES: usize = 500 * 1024;

    /// Maximum size in bytes of a Bird Channels API request body (200 KB).
    /// Bird: https://docs.bird.com/api/channels-api/supported-channels/programmable-whatsapp/sending-whatsapp-messages
    BIRD_REQUEST_BODY_MAX_BYTES: usize = 200 * 1024;
}

/// MIME types Meta accepts per media kind, in the order its docs list them.
/// https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types
/// WebP is a sticker only: the current Media page says "WebP images can only be sent in
/// sticker messages" (an older image page listed it as an image type).
pub const IMAGE_MIME_TYPES: &[&str] = &["image/jpeg", "image/png"];
/// Video: H.264 video and AAC audio. The docs write `video/3gp` on older pages, `video/3gpp` on newer.
pub const VIDEO_MIME_TYPES: &[&str] = &["video/mp4", "video/3gpp", "video/3gp"];
pub const AUDIO_MIME_TYPES: &[&str] = &["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"];
pub const DOCUMENT_MIME_TYPES: &[&str] = &[
    "text/plain",
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
];
pub const STICKER_MIME_TYPES: &[&str] = &["image/webp"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limit_is_listed_once_with_a_source() {
        let mut names: Vec<_> = ALL.iter().map(|l| l.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len(), "duplicate limit names");
        for limit in ALL {
            assert!(!limit.doc.trim().is_empty(), "{} has no doc", limit.name);
        }
        assert_eq!(ALL[0].name, "TEXT_BODY_MAX_CHARS");
        assert_eq!(ALL[0].value, TEXT_BODY_MAX_CHARS as f64);
    }
}
