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

    /// Lowest latitude, in decimal degrees.
    LATITUDE_MIN: f64 = -90.0;

    /// Highest latitude.
    LATITUDE_MAX: f64 = 90.0;

    /// Lowest longitude.
    LONGITUDE_MIN: f64 = -180.0;

    /// Highest longitude.
    LONGITUDE_MAX: f64 = 180.0;

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

    /// The letters and digits of a business-scoped user id after its country code (Meta:
    /// "up to 128 alphanumeric characters", reduced from 256 on 2026-02-06).
    BSUID_MAX_CHARS: usize = 128;

    /// Maximum characters of `biz_opaque_callback_data` (Meta echoes it in status webhooks).
    /// Meta messages reference (Message object); read via third-party copies, see research notes.
    CALLBACK_DATA_MAX_CHARS: usize = 512;

    /// Contacts per contacts message. Meta's docs: "Each message can include information for up
    /// to 257 contacts" (https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/contacts-messages/).
    /// Meta's spec says 5 (`maxItems: 5`); the docs win.
    CONTACTS_MAX: usize = 257;

    /// Header text of interactive messages (reply buttons, list, CTA URL, flow, product list).
    /// Meta: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages#header-object
    INTERACTIVE_HEADER_TEXT_MAX_CHARS: usize = 60;

    /// Body text of interactive messages. Meta's interactive object reference and the spec say 1024
    /// (the list page alone says 4096; the stricter, widely documented 1024 is used).
    INTERACTIVE_BODY_MAX_CHARS: usize = 1024;

    /// Footer text of interactive messages. Meta: interactive object reference.
    INTERACTIVE_FOOTER_MAX_CHARS: usize = 60;

    /// An address form's pin code (India) or post code (Singapore). Meta: address messages
    /// ("Max length: 6").
    ADDRESS_POST_CODE_MAX_CHARS: usize = 6;

    /// Reply buttons per message. https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages
    REPLY_BUTTONS_MAX: usize = 3;

    /// Reply button title (unique within the message). Same page.
    REPLY_BUTTON_TITLE_MAX_CHARS: usize = 20;

    /// Reply button id (unique, no leading or trailing spaces). Same page.
    REPLY_BUTTON_ID_MAX_CHARS: usize = 256;

    /// List message button text. https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
    LIST_BUTTON_MAX_CHARS: usize = 20;

    /// Sections of a list message (and of a product list). Same page.
    LIST_SECTIONS_MAX: usize = 10;

    /// Rows of a list message, across all sections (the spec counts per section; the docs in total).
    LIST_ROWS_MAX: usize = 10;

    /// List row id. Same page.
    LIST_ROW_ID_MAX_CHARS: usize = 200;

    /// List row title. Same page.
    LIST_ROW_TITLE_MAX_CHARS: usize = 24;

    /// List row description. Same page.
    LIST_ROW_DESCRIPTION_MAX_CHARS: usize = 72;

    /// List and product-list section title (required when there is more than one section).
    LIST_SECTION_TITLE_MAX_CHARS: usize = 24;

    /// CTA URL button text. https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-cta-url-messages
    CTA_DISPLAY_TEXT_MAX_CHARS: usize = 20;

    /// Products in a product list, across all sections. https://developers.facebook.com/docs/whatsapp/cloud-api/guides/sell-products-and-services/share-products
    PRODUCT_LIST_ITEMS_MAX: usize = 30;

    /// Flow button text: "advised 30 characters or less" (the spec's maxLength 30; an older page said 20).
    /// https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-flow-messages
    FLOW_CTA_MAX_CHARS: usize = 30;

    /// Fewest cards of a carousel (media, product, or template carousel).
    /// https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-media-carousel-messages
    CAROUSEL_CARDS_MIN: usize = 2;

    /// Most cards of a carousel. Same page.
    CAROUSEL_CARDS_MAX: usize = 10;

    /// Body text of a media carousel card. Same page.
    CAROUSEL_CARD_BODY_MAX_CHARS: usize = 160;

    /// Line breaks in a media carousel card's body ("Max 160 characters, and up to 2 line
    /// breaks"). Same page.
    CAROUSEL_CARD_BODY_MAX_LINE_BREAKS: usize = 2;

    /// Template name. https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview
    TEMPLATE_NAME_MAX_CHARS: usize = 512;

    /// A template text parameter. Meta's messages reference: 1024, or 32768 when the body is the
    /// template's only component (TEMPLATE_BODY_ONLY_TEXT_PARAMETER_MAX_CHARS).
    TEMPLATE_TEXT_PARAMETER_MAX_CHARS: usize = 1024;

    /// A body text parameter of a template whose only component is its body. Same reference.
    TEMPLATE_BODY_ONLY_TEXT_PARAMETER_MAX_CHARS: usize = 32768;

    /// A header text parameter of a template (the whole header text is at most 60).
    /// https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
    TEMPLATE_HEADER_TEXT_PARAMETER_MAX_CHARS: usize = 60;

    /// Highest template button index (buttons are numbered from 0). Meta's messages reference.
    TEMPLATE_BUTTON_INDEX_MAX: usize = 9;

    /// Coupon code of a copy-code button: 20, as Meta's coupon code templates page says since its
    /// update of December 2025 ("Code to be copied to device clipboard when tapped. Maximum 20
    /// characters"); its older copies, the limited-time-offer page and 360dialog said 15. The
    /// current documentation wins: 15 refused codes Meta takes.
    COUPON_CODE_MAX_CHARS: usize = 20;

    /// Maximum size in bytes of a Bird Channels API request body (200 KB).
    /// Bird: https://docs.bird.com/api/channels-api/supported-channels/programmable-whatsapp/sending-whatsapp-messages
    BIRD_REQUEST_BODY_MAX_BYTES: usize = 200 * 1024;

    /// Maximum size in bytes of an attachment given inline (a `data:` URL) in a Bird request
    /// (Bird answers 413 past it). Same page.
    BIRD_INLINE_ATTACHMENT_MAX_BYTES: usize = 100 * 1024;

    /// Most tags on one Bird message. Bird's spec (`Tags`: maxItems 10) and page.
    BIRD_TAGS_MAX: usize = 10;

    /// Longest Bird tag, in characters (letters, digits, `-`, `_` and space). Bird's spec (`Name`).
    BIRD_TAG_MAX_CHARS: usize = 50;

    /// Longest Bird short-link domain. Bird's spec (`ShortLinks.domain`: maxLength 128).
    BIRD_SHORT_LINK_DOMAIN_MAX_CHARS: usize = 128;

    /// How far ahead a Bird message may be scheduled (`scheduledFor`), in days. Bird's page.
    BIRD_SCHEDULE_MAX_DAYS: u64 = 35;

    /// A Bird message scheduled less than this many minutes ahead (or in the past) is sent at
    /// once: wabridge warns rather than refuses. Bird's page.
    BIRD_SCHEDULE_IMMEDIATE_MINUTES: u64 = 10;

    /// Bird list: the button label (`metadata.button.label`). Bird's spec (maxLength 20),
    /// the same as WhatsApp's list button.
    BIRD_LIST_BUTTON_LABEL_MAX_CHARS: usize = 20;

    /// Bird carousel text. Bird's spec (`carousel.text`: maxLength 1024).
    BIRD_CAROUSEL_TEXT_MAX_CHARS: usize = 1024;

    /// A 1MSG reply button's id (sendButton): 200 characters (issue 10, after 1MSG's list row
    /// ids; Meta allows 256).
    ONEMSG_BUTTON_ID_MAX_CHARS: usize = 200;

    /// 1MSG profile `about` (POST /me): WhatsApp's business profile "about" text, 1–139
    /// characters (Meta's business profile reference; 1MSG passes it on).
    ONEMSG_ABOUT_MAX_CHARS: usize = 139;

    /// 1MSG profile `description` (POST /me): "up to 256 symbols" (1MSG's spec 2.39 and 1.0.0 summary).
    ONEMSG_DESCRIPTION_MAX_CHARS: usize = 256;

    /// 1MSG profile `address` (POST /me): 256 characters (Meta's business profile reference).
    ONEMSG_ADDRESS_MAX_CHARS: usize = 256;

    /// 1MSG profile `email` (POST /me): 128 characters (Meta's business profile reference).
    ONEMSG_EMAIL_MAX_CHARS: usize = 128;

    /// A template button's text in addTemplate: 25 characters (Meta's template components
    /// reference; 1MSG's help page on carousel templates says the same of quick replies).
    ONEMSG_TEMPLATE_BUTTON_TEXT_MAX_CHARS: usize = 25;

    /// A template's body text when it is created (addTemplate): 1024 characters.
    /// https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
    ONEMSG_TEMPLATE_BODY_MAX_CHARS: usize = 1024;

    /// A template's text header and its footer when it is created: 60 characters each. Same page.
    ONEMSG_TEMPLATE_HEADER_FOOTER_MAX_CHARS: usize = 60;

    /// Buttons of a template when it is created: at most 10. Same page.
    ONEMSG_TEMPLATE_BUTTONS_MAX: usize = 10;

    /// Buttons of a carousel template's card: 1 or 2 (1MSG's help page on carousel templates,
    /// and Meta's carousel templates page).
    ONEMSG_TEMPLATE_CARD_BUTTONS_MAX: usize = 2;

    /// A template message's time to live (sendTemplate `messageSendTtlSeconds`), shortest:
    /// 30 seconds, for AUTHENTICATION and UTILITY templates; `-1` (30 days) is also taken.
    /// 1MSG's current contract, SendTemplateRequest.message_send_ttl_seconds ("MARKETING via
    /// MM Lite: 43200–2592000. AUTHENTICATION: 30–900. UTILITY: 30–43200. AUTH/UTILITY also
    /// accept -1"); the body does not name its template's category, so the widest range holds.
    ONEMSG_TEMPLATE_TTL_MIN_SECONDS: i64 = 30;

    /// A template message's time to live, longest: 2592000 seconds (30 days), for MARKETING
    /// templates sent through MM Lite. Same field.
    ONEMSG_TEMPLATE_TTL_MAX_SECONDS: i64 = 2_592_000;
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
