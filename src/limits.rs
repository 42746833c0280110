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

    /// Maximum size in bytes of a Bird Channels API request body (200 KB).
    /// Bird: https://docs.bird.com/api/channels-api/supported-channels/programmable-whatsapp/sending-whatsapp-messages
    BIRD_REQUEST_BODY_MAX_BYTES: usize = 200 * 1024;
}

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
