//! Grapheme cluster boundaries (UAX #29 extended clusters), so that text shortened to a limit
//! is never cut inside what a person sees as one character: an emoji with its skin tone or
//! ZWJ sequence, a flag, a letter and its combining marks, a Hangul syllable in jamo, CR LF.
//!
//! Hand-written with range tables (Extend and SpacingMark, Control with the format characters,
//! and GB9c's Indic conjunct consonants and viramas, generated from the unicode-segmentation
//! crate by scripts/grapheme-table.mjs) rather than that crate: its full tables cost ~40 KB of
//! the main entry. Left out: GB9b (Prepend, a handful of Arabic and Indic signs that join the next
//! character), where this splits where the crate would not; tests compare the two on every
//! code point and on generated text.

#[path = "grapheme_table.rs"]
mod table;

use super::emoji::pictographic;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    Control,
    /// Never begins a cluster (GB9).
    Extend,
    /// Never begins a cluster either (GB9a), but ends an emoji sequence (GB11).
    SpacingMark,
    Zwj,
    RegionalIndicator,
    Pictographic,
    L,
    V,
    T,
    Lv,
    Lvt,
    Other,
}

fn class(c: char) -> Class {
    let n = c as u32;
    match c {
        '\r' => Class::Cr,
        '\n' => Class::Lf,
        '\u{200D}' => Class::Zwj,
        '\u{1F1E6}'..='\u{1F1FF}' => Class::RegionalIndicator,
        '\u{1100}'..='\u{115F}' | '\u{A960}'..='\u{A97C}' => Class::L,
        '\u{1160}'..='\u{11A7}' | '\u{D7B0}'..='\u{D7C6}' => Class::V,
        '\u{11A8}'..='\u{11FF}' | '\u{D7CB}'..='\u{D7FB}' => Class::T,
        '\u{AC00}'..='\u{D7A3}' if (n - 0xAC00) % 28 == 0 => Class::Lv,
        '\u{AC00}'..='\u{D7A3}' => Class::Lvt,
        _ if let Some(spacing) = extending(n) => {
            if spacing {
                Class::SpacingMark
            } else {
                Class::Extend
            }
        }
        _ if in_ranges(table::CONTROL, n) => Class::Control,
        _ if pictographic(c) => Class::Pictographic,
        _ => Class::Other,
    }
}

/// `Some(spacing mark?)` when `n` is Extend or SpacingMark.
fn extending(n: u32) -> Option<bool> {
    let end = |hi: u32| hi & !table::SPACING_MARK;
    let at = table::EXTENDING
        .binary_search_by(|&(lo, hi)| {
            if end(hi) < n {
                std::cmp::Ordering::Less
            } else if lo > n {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()?;
    table::EXTENDING.get(at).map(|&(_, hi)| hi & table::SPACING_MARK != 0)
}

/// Indic_Conjunct_Break=Consonant (GB9c).
fn consonant(c: char) -> bool {
    let n = c as u32;
    n >= 0x0915 && in_ranges(table::INCB_CONSONANT, n)
}

/// Whether `n` is in one of `ranges` (sorted, inclusive).
fn in_ranges(ranges: &[(u32, u32)], n: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < n {
                Less
            } else if lo > n {
                Greater
            } else {
                Equal
            }
        })
        .is_ok()
}

use std::cmp::Ordering::{Equal, Greater, Less};

/// The byte offsets in `text` where a grapheme cluster ends (the last is `text.len()`;
/// none for empty text).
pub fn cluster_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut chars = text.char_indices().peekable();
    // Regional indicators in a row so far (flags are pairs), whether the cluster so far is a
    // pictograph, its extenders and a ZWJ (which joins the next pictograph: GB11), and whether
    // it ends in a consonant and its marks, with a virama among them (which joins the next
    // consonant: GB9c).
    let mut indicators = 0usize;
    let mut emoji = Emoji::None;
    let mut conjunct = Conjunct::None;
    std::iter::from_fn(move || {
        loop {
            let (at, c) = chars.next()?;
            let now = class(c);
            indicators = if now == Class::RegionalIndicator { indicators + 1 } else { 0 };
            emoji = match (now, emoji) {
                (Class::Pictographic, _) => Emoji::Pictograph,
                (Class::Extend, Emoji::Pictograph) => Emoji::Pictograph,
                (Class::Zwj, Emoji::Pictograph) => Emoji::Joiner,
                _ => Emoji::None,
            };
            conjunct = match conjunct {
                _ if now == Class::Other && consonant(c) => Conjunct::Consonant,
                Conjunct::None => Conjunct::None,
                _ if table::INCB_LINKER.binary_search(&(c as u32)).is_ok() => Conjunct::Linked,
                // InCB=Extend: every Extend but the linkers and ZWNJ, and ZWJ.
                seen if matches!(now, Class::Extend | Class::Zwj) && c != '\u{200C}' => seen,
                _ => Conjunct::None,
            };
            let end = at + c.len_utf8();
            let next_joins = chars.peek().is_some_and(|&(_, next)| {
                joins(now, class(next), indicators, emoji) || (conjunct == Conjunct::Linked && consonant(next))
            });
            if !next_joins {
                return Some(end);
            }
        }
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Conjunct {
    None,
    /// A consonant and marks (InCB=Extend) so far.
    Consonant,
    /// …with a virama (InCB=Linker) among them.
    Linked,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Emoji {
    None,
    /// A pictograph and its extenders so far.
    Pictograph,
    /// …then a ZWJ.
    Joiner,
}

/// Whether `after` continues the cluster that ends with `before` (no boundary between them).
fn joins(before: Class, after: Class, indicators: usize, emoji: Emoji) -> bool {
    use Class::*;
    match (before, after) {
        (Cr, Lf) => true,
        (Cr | Lf | Control, _) | (_, Cr | Lf | Control) => false,
        (L, L | V | Lv | Lvt) | (Lv | V, V | T) | (Lvt | T, T) => true,
        (_, Extend | SpacingMark | Zwj) => true,
        (Zwj, Pictographic) => emoji == Emoji::Joiner,
        (RegionalIndicator, RegionalIndicator) => indicators % 2 == 1,
        _ => false,
    }
}

/// The grapheme clusters of `text`, in order.
pub fn graphemes(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    cluster_ends(text).map(move |end| {
        let cluster = &text[start..end];
        start = end;
        cluster
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn every_code_point_extends_a_letter_exactly_when_the_reference_says_so() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = format!("a{c}");
            let ours = graphemes(&text).count();
            let reference = text.graphemes(true).count();
            assert_eq!(ours, reference, "a + U+{:04X}", c as u32);
        }
    }

    #[test]
    fn every_code_point_joins_an_indic_conjunct_exactly_when_the_reference_says_so() {
        // As a consonant after a virama, as a mark between a virama and a consonant, and as a
        // virama between two consonants (GB9c).
        // (Prepend, which joins what follows it, is left out: see the module.)
        let prepend = |c: char| format!("{c}a").graphemes(true).count() == 1;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| !prepend(c)) {
            for text in
                [format!("\u{0915}\u{094D}{c}"), format!("\u{0915}\u{094D}{c}\u{0937}"), format!("\u{0915}{c}\u{0937}")]
            {
                let ours: Vec<_> = graphemes(&text).collect();
                let reference: Vec<_> = text.graphemes(true).collect();
                assert_eq!(ours, reference, "{text:?} (U+{:04X})", c as u32);
            }
        }
    }

    #[test]
    fn every_code_point_stands_alone_or_takes_a_mark_exactly_when_the_reference_says_so() {
        // A control or format character is a cluster of its own: no mark joins it (GB4, GB5).
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = format!("{c}\u{301}");
            let ours: Vec<_> = graphemes(&text).collect();
            let reference: Vec<_> = text.graphemes(true).collect();
            assert_eq!(ours, reference, "U+{:04X} + U+0301", c as u32);
        }
    }

    #[test]
    fn generated_text_splits_as_the_reference_does() {
        // A palette of what makes boundaries interesting (no Prepend: see the module), Indic
        // conjuncts among them (consonants, viramas, a nukta, ZWNJ).
        let palette: Vec<char> = "aZ 1\r\n\t\u{300}\u{301}\u{36F}\u{200D}\u{FE0F}\u{FE0E}👍👨👩👧🏽🏿❤🇳🇱🇧🇷\u{E0067}\u{E007F}🏴\u{20E3}#\u{1100}\u{1161}\u{11A8}가각\u{0915}\u{093E}é\u{0937}\u{094D}\u{093F}\u{093C}\u{200C}\u{0995}\u{09CD}\u{1780}\u{17D2}"
            .chars()
            .collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let len = (seed % 12) as usize + 1;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    palette[(seed % palette.len() as u64) as usize]
                })
                .collect();
            let ours: Vec<_> = graphemes(&text).collect();
            let reference: Vec<_> = text.graphemes(true).collect();
            assert_eq!(ours, reference, "{text:?}");
        }
    }

    #[test]
    fn known_clusters() {
        let clusters = |t: &str| graphemes(t).count();
        assert_eq!(clusters("👨\u{200d}👩\u{200d}👧\u{200d}👦"), 1);
        assert_eq!(clusters("👍🏽👍"), 2);
        assert_eq!(clusters("🇳🇱🇧🇷🇯"), 3);
        assert_eq!(clusters("e\u{301}\u{302}x"), 2);
        assert_eq!(clusters("\r\n\n"), 2);
        assert_eq!(clusters("\u{1100}\u{1161}\u{11A8}"), 1);
        assert_eq!(clusters("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"), 1);
        assert_eq!(clusters(""), 0);
        // Indic conjuncts: क्षि is one, and a ZWNJ keeps the halves apart.
        assert_eq!(clusters("\u{0915}\u{094D}\u{0937}\u{093F}"), 1);
        assert_eq!(clusters("\u{0915}\u{094D}\u{200C}\u{0937}"), 2);
        // A format character (a right-to-left mark) takes no mark.
        assert_eq!(clusters("\u{200F}\u{301}"), 2);
    }
}
