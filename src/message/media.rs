//! Media kinds and the rules for uploading media: which MIME types each kind takes and how
//! large a file may be (constants in `crate::limits`).

use crate::limits::*;
use crate::validate::{Path, Report, Violation, ViolationCode, check_chars, check_http_url, check_identifier};
use serde::Serialize;

/// An image, video, audio file, document or sticker: by the provider's media `id` (uploaded
/// earlier) or by `link` (http/https), exactly one of the two.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Media {
    /// A media id from an upload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// An http(s) URL the provider downloads the file from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Images, videos and documents only; at most 1024 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Documents only: the file name shown (its extension picks the icon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// The file's MIME type (one of its kind's, as `MEDIA_RULES` lists them). Bird needs it
    /// for audio, video and documents (its file body names the type); Meta and 1MSG read the
    /// type from the file itself and take no such field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Audio only: play it as a voice note (a microphone icon, transcribable). Meta's audio
    /// docs: voice notes must be Ogg files encoded with the OPUS codec (`audio/ogg`); other
    /// audio is sent as a plain audio file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<bool>,
}

impl Media {
    pub fn by_id(id: impl Into<String>) -> Self {
        Media { id: Some(id.into()), ..Media::default() }
    }

    pub fn by_link(link: impl Into<String>) -> Self {
        Media { link: Some(link.into()), ..Media::default() }
    }

    pub fn with_caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    pub fn with_filename(mut self, filename: impl Into<String>) -> Self {
        self.filename = Some(filename.into());
        self
    }

    pub fn with_mime_type(mut self, mime_type: impl Into<String>) -> Self {
        self.mime_type = Some(mime_type.into());
        self
    }

    /// Sends an audio as a voice note (Ogg/OPUS).
    pub fn as_voice_note(mut self) -> Self {
        self.voice = Some(true);
        self
    }

    /// Checks the media for `kind`. `in_header` refuses captions (headers have none).
    pub fn validate_as(&self, kind: MediaKind, in_header: bool, report: &mut Report, path: &Path<'_>) {
        let name = kind.name();
        match (&self.id, &self.link) {
            (Some(id), None) => check_identifier(report, &path.key("id"), &format!("{name} id"), id),
            // A message's own media may be inline (Bird and 1MSG take data: URIs; Meta does
            // not, and says so when asked to send one); a header's is a URL.
            (None, Some(link)) if !in_header && link.starts_with("data:") => {
                let mime = data_uri_type(link);
                let rule = MEDIA_RULES.iter().find(|rule| rule.kind == kind);
                let accepted = rule.map_or(&[][..], |rule| rule.mime_types);
                let size = data_uri_bytes(link).unwrap_or(0);
                if let Some(fault) = data_uri_fault(link) {
                    report.add(&path.key("link"), ViolationCode::InvalidFormat, format!("{name} link: {fault}"), None);
                } else if !mime.is_some_and(|m| accepted.iter().any(|a| a.eq_ignore_ascii_case(m))) {
                    report.add(
                        &path.key("link"),
                        ViolationCode::InvalidFormat,
                        format!(
                            "{name} link is a data: URI of a {name} type (data:<type>;base64,<data>; {}) or an http(s) URL",
                            accepted.join(", ")
                        ),
                        None,
                    );
                } else if let Some(max) = rule.map(|rule| rule.max_bytes).filter(|max| size > *max) {
                    // Inline, a file is held to the size an upload of its bytes is.
                    report.add(
                        &path.key("link"),
                        ViolationCode::TooLong,
                        format!("{name} link's data is {size} bytes; {name} files are at most {max}"),
                        Some(max as f64),
                    );
                }
            }
            (None, Some(link)) => check_http_url(report, &path.key("link"), &format!("{name} link"), link),
            (Some(_), Some(_)) => report.add(
                &path.key("link"),
                ViolationCode::InvalidValue,
                format!("{name}: give either id or link, not both"),
                None,
            ),
            (None, None) => report.add(
                &path.key("id"),
                ViolationCode::Required,
                format!("{name}: an id or a link is required"),
                None,
            ),
        }
        if let Some(caption) = &self.caption {
            if in_header || matches!(kind, MediaKind::Audio | MediaKind::Sticker) {
                let place = if in_header { "a header" } else { name };
                report.add(
                    &path.key("caption"),
                    ViolationCode::InvalidValue,
                    format!("{place} cannot have a caption"),
                    None,
                );
            } else {
                check_chars(
                    report,
                    &path.key("caption"),
                    &format!("{name} caption"),
                    caption,
                    1,
                    MEDIA_CAPTION_MAX_CHARS,
                );
            }
        }
        if self.voice.is_some() && (in_header || kind != MediaKind::Audio) {
            report.add(
                &path.key("voice"),
                ViolationCode::InvalidValue,
                format!("only audio can be a voice note, not {name}s"),
                None,
            );
        }
        if let Some(mime_type) = &self.mime_type
            && rule_for_mime(mime_type).is_none_or(|rule| rule.kind != kind)
        {
            let accepted = MEDIA_RULES.iter().find(|rule| rule.kind == kind).map_or(&[][..], |rule| rule.mime_types);
            report.add(
                &path.key("mimeType"),
                ViolationCode::InvalidValue,
                format!("{mime_type:?} is not {} {name} type: {name}s are {}", article(name), accepted.join(", ")),
                None,
            );
        }
        // WhatsApp plays only Ogg files encoded with OPUS as voice notes (Meta's audio.voice;
        // 1MSG's sendFile takes `voice` for audio/ogg only). Where the message says which type
        // its file is — its mimeType, its data: URI, its link's extension — that is audio/ogg.
        if self.voice == Some(true) && kind == MediaKind::Audio && !in_header {
            let link = self.link.as_deref();
            let given = (self.mime_type.as_deref())
                .or_else(|| link.and_then(data_uri_type))
                .or_else(|| link.and_then(|link| mime_for_extension(kind, link)));
            if let Some(given) = given.filter(|t| !essence(t).eq_ignore_ascii_case("audio/ogg")) {
                report.add(
                    &path.key("voice"),
                    ViolationCode::InvalidValue,
                    format!("a voice note is an Ogg file encoded with OPUS (audio/ogg); this audio is {given}"),
                    None,
                );
            }
        }
        // A document's name is what the customer saves it as: empty, there is none (and 1MSG,
        // which names files by their extension, would get a bare ".pdf").
        if let Some(filename) = self.filename.as_deref().filter(|_| kind == MediaKind::Document) {
            check_chars(report, &path.key("filename"), "filename", filename, 1, usize::MAX);
        }
        if self.filename.is_some() && kind != MediaKind::Document {
            report.add(
                &path.key("filename"),
                ViolationCode::InvalidValue,
                format!("only documents have a filename, not {name}s"),
                None,
            );
        }
    }
}

impl MediaKind {
    pub fn name(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Document => "document",
            MediaKind::Sticker => "sticker",
        }
    }
}

/// The media kinds WhatsApp sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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

/// The MIME type of a `data:` URI (`data:image/png;base64,…` → `image/png`), when it has one.
pub fn data_uri_type(link: &str) -> Option<&str> {
    let (meta, _) = link.strip_prefix("data:")?.split_once(',')?;
    let mime = meta.split(';').next()?;
    mime.contains('/').then_some(mime)
}

/// What is wrong with a base64 `data:` URI's data, if anything: base64's alphabet, at most
/// two `=` at its end, and a length a whole number of bytes decodes to (padding may be left
/// out, as `atob` takes it). A provider would otherwise refuse the file, or send a broken one.
pub fn data_uri_fault(link: &str) -> Option<&'static str> {
    let (meta, payload) = link.strip_prefix("data:")?.split_once(',')?;
    if !meta.ends_with(";base64") {
        return None;
    }
    let data = payload.trim_end_matches('=');
    let alphabet = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    if payload.len() - data.len() > 2 || !data.bytes().all(alphabet) || data.len() % 4 == 1 {
        return Some("its data is not base64 (A–Z, a–z, 0–9, + and /, then at most two =)");
    }
    None
}

/// The decoded size of a `data:` URI's payload, in bytes.
pub fn data_uri_bytes(link: &str) -> Option<usize> {
    let (meta, payload) = link.strip_prefix("data:")?.split_once(',')?;
    Some(if meta.ends_with(";base64") {
        payload.trim_end_matches('=').len() * 3 / 4
    } else {
        // Percent-encoded (RFC 2397): each `%XX` escape is one byte of the data.
        let escape = |w: &[u8]| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit();
        payload.len() - 2 * payload.as_bytes().windows(3).filter(|w| escape(w)).count()
    })
}

/// The media kind a file name's extension says (images, videos, audio); `None` for others.
pub fn kind_of_file_name(name: &str) -> Option<MediaKind> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "jpg" | "jpeg" | "png" => MediaKind::Image,
        "mp4" | "3gp" | "3gpp" => MediaKind::Video,
        // `.oga`: Ogg audio, as 1MSG links its voice notes (`…/media/voice.oga`).
        "aac" | "amr" | "mp3" | "m4a" | "ogg" | "oga" | "opus" => MediaKind::Audio,
        _ => return None,
    })
}

/// The usual file extension of a media MIME type (a file name for providers that need one).
pub fn extension_for(mime_type: &str) -> Option<&'static str> {
    Some(match mime_type.to_ascii_lowercase().as_str() {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "video/mp4" => "mp4",
        "video/3gpp" | "video/3gp" => "3gp",
        "audio/aac" => "aac",
        "audio/amr" => "amr",
        "audio/mpeg" => "mp3",
        "audio/mp4" => "m4a",
        "audio/ogg" => "ogg",
        "text/plain" => "txt",
        "application/pdf" => "pdf",
        "application/msword" => "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
        "application/vnd.ms-excel" => "xls",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
        "application/vnd.ms-powerpoint" => "ppt",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => "pptx",
        _ => return None,
    })
}

/// The MIME type of `kind` that a file name's (or URL's) extension names (`clip.mp4` →
/// `video/mp4`, `https://cdn.example.com/a.pdf?sig=1` → `application/pdf`): the query,
/// fragment and any path before the last segment are not read. `None` when there is no
/// extension, or it names no type of `kind`; where it names aliases (`.3gp`: `video/3gpp` and
/// `video/3gp`), the one the kind lists first.
pub fn mime_for_extension(kind: MediaKind, name: &str) -> Option<&'static str> {
    let name = name.split(['?', '#']).next().unwrap_or(name);
    let last = name.rsplit('/').next().unwrap_or(name);
    let (_, extension) = last.rsplit_once('.')?;
    let rule = MEDIA_RULES.iter().find(|rule| rule.kind == kind)?;
    rule.mime_types.iter().copied().find(|m| extension_for(m).is_some_and(|e| e.eq_ignore_ascii_case(extension)))
}

/// `mime_type` as the media rules list it (`Audio/OGG; codecs=opus` → `audio/ogg`): without
/// its parameters, in the listed case. `None` when no kind takes it.
pub fn listed_mime_type(mime_type: &str) -> Option<&'static str> {
    let essence = essence(mime_type);
    MEDIA_RULES.iter().flat_map(|rule| rule.mime_types.iter().copied()).find(|m| m.eq_ignore_ascii_case(essence))
}

/// A MIME type without its parameters (`audio/ogg; codecs=opus` → `audio/ogg`), case as given.
fn essence(mime_type: &str) -> &str {
    mime_type.split(';').next().unwrap_or("").trim()
}

/// The rule of the kind that takes `mime_type` (compared without parameters and case).
pub fn rule_for_mime(mime_type: &str) -> Option<&'static MediaRule> {
    let essence = essence(mime_type);
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

/// "a" or "an" before a media kind's name ("an image", "an audio", "a video").
fn article(name: &str) -> &'static str {
    if name.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
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

    #[test]
    fn an_extension_names_a_type_of_its_kind_only() {
        let pdf = "https://cdn.example.com/files/a.PDF?sig=x.mp4#p.2";
        assert_eq!(mime_for_extension(MediaKind::Document, pdf), Some("application/pdf"));
        assert_eq!(mime_for_extension(MediaKind::Video, pdf), None);
        assert_eq!(mime_for_extension(MediaKind::Video, "clip.3gp"), Some("video/3gpp"));
        assert_eq!(mime_for_extension(MediaKind::Audio, "https://a.example/v.mp3"), Some("audio/mpeg"));
        for none in ["https://example.com", "https://a.example/file", "https://a.example/v1.2/file", "report."] {
            assert_eq!(mime_for_extension(MediaKind::Document, none), None, "{none}");
        }
    }

    #[test]
    fn a_voice_note_is_ogg_where_its_type_is_known() {
        let voice = |media: Media| {
            let mut report = Report::new();
            media.as_voice_note().validate_as(MediaKind::Audio, false, &mut report, &Path::root());
            report.into_violations().into_iter().map(|v| (v.path, v.message)).collect::<Vec<_>>()
        };
        for ok in [
            Media::by_link("https://a.example/v.ogg"),
            Media::by_link("https://a.example/voice"),
            Media::by_link("data:audio/ogg;base64,T2dnUw=="),
            Media::by_id("1234567890"),
            Media { mime_type: Some("audio/ogg; codecs=opus".into()), ..Media::by_link("https://a.example/v") },
        ] {
            assert_eq!(voice(ok), vec![]);
        }
        for (bad, named) in [
            (Media::by_link("https://a.example/a.mp3"), "audio/mpeg"),
            (Media::by_link("data:audio/mpeg;base64,SUQz"), "audio/mpeg"),
            (Media { mime_type: Some("audio/aac".into()), ..Media::by_link("https://a.example/v.ogg") }, "audio/aac"),
        ] {
            let violations = voice(bad);
            assert_eq!(violations.len(), 1, "{violations:?}");
            assert_eq!(violations[0].0, "/voice");
            assert!(violations[0].1.ends_with(named), "{}", violations[0].1);
        }
    }
}
