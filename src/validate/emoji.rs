//! Whether a string is exactly one emoji, as WhatsApp reactions require: one emoji sequence
//! of UTS #51 (basic emoji, with an optional variation selector or skin tone, keycaps,
//! flags, tag sequences, and ZWJ sequences of those) — counted as one, like a person sees it.
//!
//! Hand-written rather than a grapheme-segmentation crate: segmentation alone does not say
//! whether a grapheme is an emoji, and this grammar with a range table of
//! Extended_Pictographic is a fraction of the size of full segmentation tables.

const ZWJ: char = '\u{200D}';
const VS16: char = '\u{FE0F}';
const KEYCAP: char = '\u{20E3}';
const CANCEL_TAG: char = '\u{E007F}';

/// Extended_Pictographic (Unicode emoji-data), as ranges; the supplementary block
/// U+1F000..U+1FFFD is pictographic apart from the regional indicators and modifiers,
/// which are handled by the grammar.
const PICTOGRAPHIC: &[(u32, u32)] = &[
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x2199),
    (0x21A9, 0x21AA),
    (0x231A, 0x231B),
    (0x2328, 0x2328),
    (0x2388, 0x2388),
    (0x23CF, 0x23CF),
    (0x23E9, 0x23F3),
    (0x23F8, 0x23FA),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25AB),
    (0x25B6, 0x25B6),
    (0x25C0, 0x25C0),
    (0x25FB, 0x25FE),
    (0x2600, 0x2605),
    (0x2607, 0x2612),
    (0x2614, 0x2685),
    (0x2690, 0x2705),
    (0x2708, 0x2712),
    (0x2714, 0x2714),
    (0x2716, 0x2716),
    (0x271D, 0x271D),
    (0x2721, 0x2721),
    (0x2728, 0x2728),
    (0x2733, 0x2734),
    (0x2744, 0x2744),
    (0x2747, 0x2747),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2763, 0x2767),
    (0x2795, 0x2797),
    (0x27A1, 0x27A1),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F000, 0x1F1E5),
    (0x1F201, 0x1F3FA),
    (0x1F400, 0x1FFFD),
];

pub(super) fn pictographic(c: char) -> bool {
    let c = c as u32;
    PICTOGRAPHIC.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

fn regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

fn skin_tone(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

fn tag(c: char) -> bool {
    ('\u{E0020}'..='\u{E007E}').contains(&c)
}

/// Consumes one element of a ZWJ sequence; false if `chars` does not start with one.
fn element(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let Some(first) = chars.next() else { return false };
    if regional_indicator(first) {
        return chars.next().is_some_and(regional_indicator);
    }
    if first.is_ascii_digit() || first == '#' || first == '*' {
        chars.next_if_eq(&VS16);
        return chars.next() == Some(KEYCAP);
    }
    if !pictographic(first) && !skin_tone(first) {
        return false;
    }
    if chars.next_if_eq(&VS16).is_none() {
        chars.next_if(|&c| skin_tone(c));
    }
    if chars.peek().is_some_and(|&c| tag(c)) {
        while chars.next_if(|&c| tag(c)).is_some() {}
        return chars.next() == Some(CANCEL_TAG);
    }
    true
}

/// True when `value` is exactly one emoji (sequence).
pub fn is_single_emoji(value: &str) -> bool {
    let mut chars = value.chars().peekable();
    loop {
        if !element(&mut chars) {
            return false;
        }
        match chars.next() {
            None => return true,
            Some(ZWJ) => continue,
            Some(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_single_emoji;

    #[test]
    fn one_emoji_however_it_is_built() {
        for one in ["👍", "😀", "❤️", "❤", "👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🧑🏾‍🚀", "🏳️‍🌈", "🇧🇷", "1️⃣", "#️⃣", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "©️", "☀️"]
        {
            assert!(is_single_emoji(one), "{one:?} is one emoji");
        }
    }

    #[test]
    fn anything_else_is_not() {
        for not in ["", "a", "👍👍", "👍 ", " 👍", "🇧", "1", "👍a", "e\u{301}", "\u{200D}", "👩\u{200D}", ":)"]
        {
            assert!(!is_single_emoji(not), "{not:?} is not one emoji");
        }
    }
}
