//! JSON text in and out, below everything else: a parser into a tree borrowed from the text
//! (`tree`), and a writer that writes straight from Rust values (`writer`). Reading a document
//! field by field, with violations, is `validate::Obj`'s business.

mod items;
mod number;
mod tree;
mod writer;

pub use items::{Item, Items, MAX_ITEMS, items};
pub use number::parse_decimal;
pub use tree::{Json, LONE_SURROGATE, Position, SyntaxError, parse, parse_from, without_mark};
pub use writer::JsonWriter;

/// How many bytes at the start of `bytes` a JSON string holds as they are: up to the first
/// `"`, `\\` or control character. The parser skips these runs and the writer copies them whole;
/// most of a webhook body or a message is such a run (a customer's text), so this looks at
/// eight bytes at a time, with the word tricks that find a byte below a bound or equal to one.
pub(crate) fn plain_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte of `word` below `bound` (≤ 128): exact as to whether there is one.
    let below = |word: u64, bound: u8| word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGHS;
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk).map(u64::from_le_bytes) else { break };
        let special =
            below(word ^ (ONES * u64::from(b'"')), 1) | below(word ^ (ONES * u64::from(b'\\')), 1) | below(word, 0x20);
        if special != 0 {
            break;
        }
        at += 8;
    }
    let rest = &bytes[at..];
    at + rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len())
}

#[cfg(test)]
mod tests {
    use super::plain_prefix;

    #[test]
    fn plain_prefix_stops_at_the_first_byte_a_string_escapes() {
        let text = "Olá, this is plain text of some length 😀 and more";
        for (i, stop) in [(0, "\""), (7, "\\"), (8, "\n"), (15, "\u{1f}"), (16, "\""), (33, "\u{0}")] {
            let s = format!("{}{stop}{text}", &"x".repeat(i));
            assert_eq!(plain_prefix(s.as_bytes()), i, "{s:?}");
        }
        assert_eq!(plain_prefix(text.as_bytes()), text.len());
        assert_eq!(plain_prefix(b""), 0);
        // Bytes 0x7f..=0xff and 0x20 itself are plain.
        let high: Vec<u8> = (0x20..=0xff).filter(|&b| b != b'"' && b != b'\\').collect();
        assert_eq!(plain_prefix(&high), high.len());
    }
}
