//! Finds a credential in text however it was spelled on the way: raw, percent-encoded as a
//! URL carries it (1MSG's token is a query parameter: `+` → `%2B`, `é` → `%C3%A9`, hex in
//! either case, `+` for a space as forms encode it), escaped as JSON carries it (`\/`,
//! `\"`, `\u00e9`, surrogate pairs) or as HTML does (`&#43;`, `&#x2B;`, `&amp;`) — a
//! provider's error body, a proxy's HTML page or a fetch error message may quote the URL or
//! echo the token in any of these spellings, and mixed — or encoded whole: base64 (standard
//! or URL-safe, as Basic credentials and tokens inside tokens are) and hex.

use crate::signature::encode_base64;

/// `text` with every spelling of `secret` replaced by `[redacted]`; `None` when there is none.
pub fn redact_secret(text: &str, secret: &str) -> Option<String> {
    let (text, secret) = (text.as_bytes(), secret.as_bytes());
    let first = *secret.first()?;
    let mut out = Vec::new();
    let (mut copied, mut at, mut found) = (0, 0, false);
    while at < text.len() {
        let candidate = text.get(at).is_some_and(|&b| b == first || matches!(b, b'%' | b'+' | b'\\' | b'&'));
        match candidate.then(|| spelled_at(text, at, secret)).flatten() {
            Some(end) => {
                out.extend_from_slice(text.get(copied..at).unwrap_or_default());
                out.extend_from_slice(b"[redacted]");
                (copied, at, found) = (end, end, true);
            }
            None => at += 1,
        }
    }
    out.extend_from_slice(text.get(copied..).unwrap_or_default());
    // A match starts and ends on character boundaries (its first and last units are ASCII
    // escapes or the secret's own complete characters), so this is lossless.
    let mut clean = String::from_utf8_lossy(&out).into_owned();
    for form in whole_encodings(secret) {
        if clean.contains(&form) {
            clean = clean.replace(&form, "[redacted]");
            found = true;
        }
    }
    found.then_some(clean)
}

/// Below this many bytes a secret's base64 and hex spellings are too short to tell from
/// ordinary text; credentials are far longer.
const ENCODED_SECRET_MIN_BYTES: usize = 6;

/// The secret's bytes encoded whole: hex (either case), and base64 in both alphabets at each of
/// the three alignments it can have inside a longer encoded value (`user:token` in Basic
/// credentials) — only the characters that its bytes alone decide.
fn whole_encodings(secret: &[u8]) -> Vec<String> {
    if secret.len() < ENCODED_SECRET_MIN_BYTES {
        return Vec::new();
    }
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    let mut forms = vec![hex.to_ascii_uppercase(), hex];
    for shift in 0..3 {
        let mut bytes = vec![0; shift];
        bytes.extend_from_slice(secret);
        // Characters are 6 bits: the first fully inside the secret starts at or after bit
        // 8 × shift, the last ends by its end.
        let (first, end) = ((8 * shift).div_ceil(6), 8 * bytes.len() / 6);
        let encoded = encode_base64(&bytes);
        let Some(core) = encoded.get(first..end) else { continue };
        forms.push(core.replace('+', "-").replace('/', "_"));
        forms.push(core.to_owned());
    }
    forms.dedup();
    forms
}

/// How much of a secret cut off by the end of a text is still redacted: error messages quote
/// answers in snippets (200 characters), and a cut can fall inside the secret. Shorter tails
/// are left, so that ordinary text ending in a letter or two of the secret stays as it is.
const CUT_SECRET_MIN_BYTES: usize = 4;

/// The shortest secret whose start alone, quoted in the middle of a text (`token EAAG…
/// (truncated)`), is redacted: credentials are far longer, while a shorter value may be a word
/// (a webhook URL's `?env=production-eu` is redacted as a secret too).
const PARTIAL_SECRET_MIN_BYTES: usize = 16;

/// How much of a secret's start is redacted (a secret of [`PARTIAL_SECRET_MIN_BYTES`] or more):
/// half of it, at least 12 bytes (no word of ordinary text spells that much of a random
/// credential by chance), at most 16 (a long token's start is already too much to show).
fn partial_min_bytes(secret: &[u8]) -> usize {
    if secret.len() < PARTIAL_SECRET_MIN_BYTES { usize::MAX } else { (secret.len() / 2).clamp(12, 16) }
}

/// The end of the longest spelling of `secret` that starts at `start` in `text`, if any; the
/// end of the text when it ends inside such a spelling (see [`CUT_SECRET_MIN_BYTES`]); or the
/// end of a spelling of the secret's start long enough to tell ([`partial_min_bytes`]).
/// Reachable text offsets are tracked per matched secret prefix (a JSON `\u` escape matches
/// a whole multi-byte character at once), so the work stays polynomial whatever the secret.
fn spelled_at(text: &[u8], start: usize, secret: &[u8]) -> Option<usize> {
    // Most candidates (every `%`, `&` or `\` of a long body) spell not even the first byte:
    // nothing to allocate for them.
    if unit(text, start, *secret.first()?, secret).is_empty() {
        return None;
    }
    // Grown as prefixes are matched, not sized to the secret: most starts match a byte or two.
    let mut reach: Vec<Vec<usize>> = vec![vec![start]];
    let mut cut = false;
    let mut partial = None;
    // The longest prefix some offset still spells: past it, nothing can be reached.
    let mut furthest = 0;
    for matched in 0..secret.len() {
        if matched > furthest {
            break;
        }
        let offsets = std::mem::take(reach.get_mut(matched)?);
        let want = *secret.get(matched)?;
        cut |= matched >= CUT_SECRET_MIN_BYTES && offsets.iter().any(|&at| cut_at(text, at));
        if matched >= partial_min_bytes(secret) {
            partial = offsets.iter().copied().max().max(partial);
        }
        for at in offsets {
            for (consumed, end) in unit(text, at, want, secret.get(matched..).unwrap_or_default()) {
                let reached = matched + consumed;
                if reach.len() <= reached {
                    reach.resize_with(reached + 1, Vec::new);
                }
                // A set: at most a few offsets each (one per spelling of the prefix).
                if let Some(next) = reach.get_mut(reached).filter(|next| !next.contains(&end)) {
                    next.push(end);
                    furthest = furthest.max(reached);
                }
            }
        }
    }
    let whole = reach.get(secret.len()).and_then(|ends| ends.iter().copied().max());
    whole.or(cut.then_some(text.len())).or(partial)
}

/// Whether the text ends at `at`, or inside an escape (`%2`, `\u00`, `&#4`) that starts there.
fn cut_at(text: &[u8], at: usize) -> bool {
    let rest = text.get(at..).unwrap_or_default();
    match rest.split_first() {
        None => true,
        Some((b'%' | b'\\', tail)) => {
            rest.len() < 12 && tail.iter().all(|b| b.is_ascii_hexdigit() || b"uU\\".contains(b))
        }
        // An HTML character reference cut before its `;` (`&#4`, `&#x2`, `&am`).
        Some((b'&', tail)) => rest.len() < 12 && tail.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'#'),
        Some(_) => false,
    }
}

/// Ways the text at `at` spells the start of `rest` (whose first byte is `want`): how many
/// secret bytes each consumes, and where it ends in the text.
fn unit(text: &[u8], at: usize, want: u8, rest: &[u8]) -> Vec<(usize, usize)> {
    let byte = |i: usize| text.get(i).copied();
    let mut ways = Vec::new();
    if byte(at) == Some(want) {
        ways.push((1, at + 1));
    }
    match byte(at) {
        Some(b'%') => {
            let decoded = |from: usize| Some((byte(from).and_then(hex)? << 4 | byte(from + 1).and_then(hex)?) as u8);
            if decoded(at + 1) == Some(want) {
                ways.push((1, at + 3));
            }
            // Encoded twice (`%252B`), as a URL quoted in another URL's query is
            // (`?next=https%3A…%3Ftoken%3D…%252B`).
            if decoded(at + 1) == Some(b'%') && decoded(at + 3) == Some(want) {
                ways.push((1, at + 5));
            }
        }
        Some(b'+') if want == b' ' => ways.push((1, at + 1)),
        Some(b'&') => {
            if let Some((c, end)) = html_entity(text, at) {
                let mut buffer = [0; 4];
                if rest.starts_with(c.encode_utf8(&mut buffer).as_bytes()) {
                    ways.push((c.len_utf8(), end));
                }
            }
        }
        Some(b'\\') => match byte(at + 1) {
            Some(escaped @ (b'"' | b'\\' | b'/')) if escaped == want => ways.push((1, at + 2)),
            Some(b'n') if want == b'\n' => ways.push((1, at + 2)),
            Some(b't') if want == b'\t' => ways.push((1, at + 2)),
            Some(b'r') if want == b'\r' => ways.push((1, at + 2)),
            Some(b'u') => {
                if let Some((c, end)) = json_unicode_escape(text, at) {
                    let mut buffer = [0; 4];
                    let encoded = c.encode_utf8(&mut buffer).as_bytes();
                    if rest.starts_with(encoded) {
                        ways.push((encoded.len(), end));
                    }
                }
            }
            _ => {}
        },
        _ => {}
    }
    ways
}

/// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, at `at`: the character and where it ends.
fn json_unicode_escape(text: &[u8], at: usize) -> Option<(char, usize)> {
    let code = |from: usize| -> Option<u32> {
        if text.get(from..from + 2)? != b"\\u" {
            return None;
        }
        text.get(from + 2..from + 6)?.iter().try_fold(0, |n, &b| Some(n << 4 | hex(b)?))
    };
    let high = code(at)?;
    if (0xD800..0xDC00).contains(&high) {
        let low = code(at + 6).filter(|low| (0xDC00..0xE000).contains(low))?;
        let c = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
        return Some((c, at + 12));
    }
    Some((char::from_u32(high)?, at + 6))
}

/// An HTML character reference at `at`: `&#43;`, `&#x2B;`, or one of the names every HTML
/// escaper uses (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`); the character and where it ends.
fn html_entity(text: &[u8], at: usize) -> Option<(char, usize)> {
    let rest = text.get(at + 1..)?;
    let end = rest.iter().take(10).position(|&b| b == b';')?;
    let name = rest.get(..end)?;
    let c = match name {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        [b'#', b'x' | b'X', digits @ ..] if !digits.is_empty() => {
            char::from_u32(digits.iter().try_fold(0u32, |n, &b| Some(n.checked_mul(16)? + hex(b)?))?)?
        }
        [b'#', digits @ ..] if !digits.is_empty() => {
            char::from_u32(digits.iter().try_fold(0u32, |n, &b| Some(n.checked_mul(10)? + (b as char).to_digit(10)?))?)?
        }
        _ => return None,
    };
    Some((c, at + end + 2))
}

fn hex(byte: u8) -> Option<u32> {
    (byte as char).to_digit(16)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "tok+/=% é😀\"\\";

    #[test]
    fn every_spelling_is_redacted() {
        for spelled in [
            SECRET,
            // wabridge's own query encoding (upper-case hex), lower-case hex, and forms' `+`.
            "tok%2B%2F%3D%25%20%C3%A9%F0%9F%98%80%22%5C",
            "tok%2b%2f%3d%25%20%c3%a9%f0%9f%98%80%22%5c",
            "tok%2B%2F%3D%25+%C3%A9%F0%9F%98%80%22%5C",
            // JSON, with and without `\/` and `\u` escapes, and a mix of everything.
            r#"tok+/=% é😀\"\\"#,
            r#"tok+\/=% \u00e9\ud83d\ude00\"\\"#,
            r#"tok%2B\/=%25+\u00E9😀%22\\"#,
            // Encoded twice, as a URL quoted in another URL's query.
            "tok%252B%252F%253D%2525%2520%25C3%25A9%25F0%259F%2598%2580%2522%255C",
            // HTML character references, decimal, hex and named, mixed with the rest.
            "tok&#43;&#x2F;&#61;&#37;&#32;&#233;&#128512;&quot;&#92;",
            "tok&#x2b;/=%25 &#xE9;😀&quot;\\",
        ] {
            let text = format!("before {spelled} after, again:{spelled}");
            assert_eq!(
                redact_secret(&text, SECRET).as_deref(),
                Some("before [redacted] after, again:[redacted]"),
                "{spelled}"
            );
        }
    }

    /// Texts built from the secret's spellings, cut and spliced at every position: no panic,
    /// and the output stays free of the whole raw secret.
    #[test]
    fn never_panics_on_cut_and_spliced_spellings() {
        let spellings = ["tok%2B%2F%3D%25+%C3%A9%F0%9F%98%80%22%5C", r#"tok+\/=% \u00e9\ud83d\ude00\"\\"#, SECRET];
        for spelled in spellings {
            let cuts: Vec<usize> = (0..=spelled.len()).filter(|&i| spelled.is_char_boundary(i)).collect();
            for &a in &cuts {
                for &b in &cuts {
                    let text = format!("{}{}{SECRET}{}", &spelled[..a], &spelled[b..], &spelled[..a]);
                    let clean = redact_secret(&text, SECRET).unwrap();
                    assert!(!clean.contains(SECRET), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn whole_encodings_are_redacted_at_every_alignment() {
        let secret = "tok+en/with=Sl@sh%20é x";
        let encode = |bytes: &[u8]| encode_base64(bytes).trim_end_matches('=').to_string();
        for prefix in ["", "u:", "us:", "user:"] {
            let basic = encode(format!("{prefix}{secret}").as_bytes());
            let url_safe = basic.replace('+', "-").replace('/', "_");
            for spelled in [basic, url_safe] {
                let clean = redact_secret(&format!("Authorization: Basic {spelled}=="), secret).unwrap();
                assert!(clean.contains("[redacted]"), "{prefix:?}: {clean}");
                // What is left around it: the prefix's own characters, and at most one each
                // side that the secret shares with its neighbours (and the padding).
                let (before, after) = clean.split_once("[redacted]").unwrap();
                assert!(before.len() <= "Authorization: Basic ".len() + encode(prefix.as_bytes()).len(), "{clean}");
                assert!(after.len() <= 1 + "==".len(), "{clean}");
            }
        }
        let hex: String = secret.bytes().map(|b| format!("{b:02X}")).collect();
        assert_eq!(redact_secret(&format!("x {hex} y"), secret).as_deref(), Some("x [redacted] y"));
        assert_eq!(redact_secret(&format!("x {} y", hex.to_lowercase()), secret).as_deref(), Some("x [redacted] y"));
        // Short secrets have no whole-encoded forms: `abc` is YWJj, common enough in text.
        assert_eq!(redact_secret("YWJj", "abc"), None);
    }

    #[test]
    fn other_text_is_left_alone() {
        assert_eq!(redact_secret("nothing to see", SECRET), None);
        // Less of the secret's start than tells it from ordinary text (12 bytes of its 16).
        assert_eq!(redact_secret("tok+/=% é and more", SECRET), None);
        assert_eq!(redact_secret("tok%2 and more", "tok%2B"), None);
        assert_eq!(redact_secret("%", "%"), Some("[redacted]".into()));
        assert_eq!(redact_secret("a\\u12", "a\u{1234}"), None);
        assert_eq!(redact_secret("x\\ud83d", "x\u{1f600}"), None);
        assert_eq!(redact_secret("a&amp b &#; c &#xZZ; d &#99999999999;", "a&b"), None);
        assert_eq!(redact_secret("é %C3%A9 é", "é").as_deref(), Some("[redacted] [redacted] [redacted]"));
        assert_eq!(redact_secret("anything", ""), None);
        // A snippet cut inside the secret: the tail is redacted from 4 bytes of secret on.
        assert_eq!(redact_secret("quoted: tok+/", SECRET).as_deref(), Some("quoted: [redacted]"));
        assert_eq!(redact_secret("quoted: tok%2B%2", SECRET).as_deref(), Some("quoted: [redacted]"));
        assert_eq!(redact_secret("quoted: tok&#43;&#4", SECRET).as_deref(), Some("quoted: [redacted]"));
        assert_eq!(redact_secret("tokens: tok", SECRET), None);
        assert_eq!(redact_secret("tok+ in the middle", SECRET), None);
        // A start long enough to tell, cut in the middle of a text (a provider's "(truncated)").
        assert_eq!(
            redact_secret("token tok+/=% é😀... (truncated)", SECRET).as_deref(),
            Some("token [redacted]... (truncated)")
        );
        assert_eq!(
            redact_secret("token tok%2B%2F%3D%25+%C3%A9%F0%9F%98%80, (truncated)", SECRET).as_deref(),
            Some("token [redacted], (truncated)")
        );
        let token = "EAAGm0PX4ZCpsBAKZCqTP0vX3ZBZCvQ2dE7ZAZCrlnQWZBZC8ZAl4ZBBEZBZCq";
        assert_eq!(
            redact_secret("(#190) Malformed access token EAAGm0PX4ZCpsBAKZCq...", token).as_deref(),
            Some("(#190) Malformed access token [redacted]...")
        );
        // A short value (a webhook URL's query word) is redacted whole only, never by its start.
        assert_eq!(redact_secret("the production server", "production-eu"), None);
        // Overlapping ambiguity (`%25` is `%`, or `%`, `2`, `5`) stays polynomial.
        let secret = "%25".repeat(40);
        let text = "%25".repeat(200);
        assert!(redact_secret(&text, &secret).is_some());
    }
}
