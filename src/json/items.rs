//! A file of many JSON documents cut into its items, each to be read alone: JSON lines (one
//! document per line), or one JSON array. Only the cut is made here, not the reading: what
//! one item gets wrong (a line's syntax error, a duplicate key, bytes that are not UTF-8) is
//! then that item's, not the whole file's. An array is cut only where its structure says
//! for sure where each element ends.

use super::Position;
use super::tree::{ends_line, is_continuation};
use std::ops::Range;

/// One item of a file: where its bytes lie, and the line and column they start at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub span: Range<usize>,
    pub start: Position,
}

/// The most items one file is cut into: their list is held whole (16 bytes an item), and a
/// file of short lines under the input's size limit would otherwise make it gigabytes (the
/// wasm's memory is 4 GiB, and never shrinks). Far more messages than one answer can hold.
pub const MAX_ITEMS: usize = 1_000_000;

/// How a file cuts into items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Items {
    /// More than [`MAX_ITEMS`]: not cut.
    TooMany,
    /// The lines that are not blank.
    Lines(Vec<Item>),
    /// The elements of the one array the file is.
    Array(Vec<Item>),
    /// The file opens a JSON array but is not one: the array never closes, its brackets do
    /// not match, or more follows it past its first line. Which parts are messages is not
    /// known, so none is read as one (reading it as lines would send the lines that happen to
    /// be whole messages).
    NotOneArray,
}

/// The items of `file` (UTF-8, or what should be): the elements of the JSON array it is, when
/// it is one array; else its lines that are not blank (a line ends at `\n`, `\r\n` or a lone
/// `\r`). A file of JSON lines whose first line is an array (a CSV header written as one) is
/// still lines: an array that closes on its first line with more after it is that line.
pub fn items(file: &[u8]) -> Items {
    let lines = || lines(file).map_or(Items::TooMany, Items::Lines);
    match file.iter().position(|&b| !is_space(b)) {
        Some(open) if file[open] == b'[' => match array_elements(file, open) {
            Array::Whole(elements) => Items::Array(elements),
            Array::FirstLine => lines(),
            Array::Not => Items::NotOneArray,
            Array::TooMany => Items::TooMany,
        },
        _ => lines(),
    }
}

/// JSON's white space (RFC 8259: no form feed, unlike `u8::is_ascii_whitespace`).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The lines that are not blank; `None` past [`MAX_ITEMS`].
fn lines(file: &[u8]) -> Option<Vec<Item>> {
    // Blank: only white space, Unicode's too (a vertical tab, a no-break space); decided at the
    // first byte that is not ASCII white space, which for a message's line is its `{`.
    let blank = |bytes: &[u8]| match bytes.iter().position(|&b| !(b.is_ascii_whitespace() || b == 0x0b)) {
        None => true,
        Some(at) if bytes[at].is_ascii() => false,
        Some(at) => std::str::from_utf8(&bytes[at..]).is_ok_and(|text| text.trim().is_empty()),
    };
    let mut items = Vec::new();
    let (mut line, mut start) = (1, 0);
    while start <= file.len() {
        // The line's end: its `\n`, `\r\n` or lone `\r`, or the file's.
        let rest = file.get(start..).unwrap_or_default();
        let end = start + rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
        if !blank(&file[start..end]) {
            if items.len() == MAX_ITEMS {
                return None;
            }
            items.push(Item { span: start..end, start: Position { line, column: 1 } });
        }
        let crlf = file.get(end) == Some(&b'\r') && file.get(end + 1) == Some(&b'\n');
        line += 1;
        start = end + if crlf { 2 } else { 1 };
    }
    Some(items)
}

/// What the array opening a file turned out to be.
enum Array {
    /// The whole file: its elements.
    Whole(Vec<Item>),
    /// A first line of JSON lines: the array closes on it, and more follows.
    FirstLine,
    /// Neither: it never closes, its brackets do not match, or more follows it past its
    /// first line.
    Not,
    /// More than [`MAX_ITEMS`] elements.
    TooMany,
}

/// The elements of the array opening at `open`, told apart by their commas at its top level
/// (outside strings and nested values). An element left empty (`[1,,2]`, `[1,]`) is an item
/// too, whose reading says what is missing.
fn array_elements(file: &[u8], open: usize) -> Array {
    let before = Position::START.after(&file[..open]);
    // The position of the next byte, kept as the scan goes (columns count characters).
    let mut next = Position { line: before.line, column: before.column + 1 };
    // The brackets open around the scan: a closer that matches none, or a `:` outside any
    // object, means the elements cannot be told apart (a message with its `{` missing would
    // otherwise be cut at its own commas, and every later index shifted).
    let mut open_brackets: Vec<u8> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    let mut elements = Vec::new();
    let mut element: Option<(usize, Position)> = None;
    let push = |element: Option<(usize, Position)>, end: usize, at: Position, elements: &mut Vec<Item>| {
        let (start, position) = element.unwrap_or((end, at));
        let end = start + file[start..end].iter().rposition(|&b| !is_space(b)).map_or(0, |last| last + 1);
        elements.push(Item { span: start..end, start: position });
    };
    for i in open + 1..file.len() {
        let (b, at) = (file[i], next);
        if ends_line(file, i) {
            next = Position { line: at.line + 1, column: 1 };
        } else if !is_continuation(b) {
            next.column += 1;
        }
        if in_string {
            (escaped, in_string) = match (escaped, b) {
                (true, _) => (false, true),
                (false, b'\\') => (true, true),
                (false, b'"') => (false, false),
                _ => (false, true),
            };
            continue;
        }
        let depth = open_brackets.len();
        if elements.len() == MAX_ITEMS {
            return Array::TooMany;
        }
        match b {
            b',' if depth == 0 => push(element.take(), i, at, &mut elements),
            b':' if depth == 0 => return Array::Not,
            b']' if depth == 0 => {
                if element.is_some() || !elements.is_empty() {
                    push(element.take(), i, at, &mut elements);
                }
                return if file[i + 1..].iter().all(|&b| is_space(b)) {
                    Array::Whole(elements)
                } else if at.line == before.line {
                    Array::FirstLine
                } else {
                    Array::Not
                };
            }
            _ if is_space(b) => {}
            _ => {
                element.get_or_insert((i, at));
                match b {
                    b'"' => in_string = true,
                    b'{' => open_brackets.push(b'}'),
                    b'[' => open_brackets.push(b']'),
                    b'}' | b']' if open_brackets.pop() != Some(b) => return Array::Not,
                    _ => {}
                }
            }
        }
    }
    Array::Not
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(file: &str) -> Vec<(&str, usize, usize)> {
        let (Items::Lines(items) | Items::Array(items)) = items(file.as_bytes()) else { panic!("{file:?} has items") };
        items.iter().map(|item| (&file[item.span.clone()], item.start.line, item.start.column)).collect()
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        assert_eq!(
            texts("{\"a\":1}\r\n{\"b\":2}\r{\"c\":3}\n\n  \u{a0}\n{\"d\":4}"),
            [("{\"a\":1}", 1, 1), ("{\"b\":2}", 2, 1), ("{\"c\":3}", 3, 1), ("{\"d\":4}", 6, 1)]
        );
        assert_eq!(texts(""), []);
        assert_eq!(texts("x\n"), [("x", 1, 1)]);
    }

    #[test]
    fn an_array_is_cut_at_its_top_level_commas() {
        let file = "[\n  {\"a\": [1, 2], \"s\": \"x,]\\\"\"},\n  {\"b\": {\"c\": 3}} ,\"t\"]\n";
        assert_eq!(
            texts(file),
            [("{\"a\": [1, 2], \"s\": \"x,]\\\"\"}", 2, 3), ("{\"b\": {\"c\": 3}}", 3, 3), ("\"t\"", 3, 20)]
        );
        assert_eq!(texts(" [ ] "), []);
        assert_eq!(texts("[1,,2,]"), [("1", 1, 2), ("", 1, 4), ("2", 1, 5), ("", 1, 7)]);
    }

    #[test]
    fn an_array_followed_by_more_is_lines_and_one_never_closed_is_neither() {
        assert_eq!(texts("[\"to\",\"body\"]\n{\"to\":1}"), [("[\"to\",\"body\"]", 1, 1), ("{\"to\":1}", 2, 1)]);
        assert_eq!(items(b"[\n{\"a\":1}\n"), Items::NotOneArray);
        assert_eq!(items(b"[\"a]"), Items::NotOneArray);
        // Closed past its first line with more after it: a broken file, not lines (its lines
        // that happen to be whole messages would be sent).
        assert_eq!(items(b"[\n{\"a\":1},\n{\"b\":2}\n]\n]"), Items::NotOneArray);
        let two = vec![
            Item { span: 0..9, start: Position { line: 1, column: 1 } },
            Item { span: 10..19, start: Position { line: 2, column: 1 } },
        ];
        assert_eq!(items(b"[{\"a\":1}]\n[{\"b\":2}]"), Items::Lines(two));
        // Brackets that do not match (a message with its `{` missing): its commas would cut
        // it in two and shift every later index, so the file is not read as an array.
        assert_eq!(items(b"[\n{\"a\":1},\n\"b\":2},\n{\"c\":3}\n]"), Items::NotOneArray);
        assert_eq!(items(b"[{\"a\":[1}]"), Items::NotOneArray);
        // Columns count characters, not bytes.
        let Items::Array(found) = items("[\"é\", \"x\"]".as_bytes()) else { panic!() };
        assert_eq!(found[1].start, Position { line: 1, column: 7 });
        // A form feed is not JSON's white space: no array opens the file.
        assert!(matches!(items(b"\x0c[1]"), Items::Lines(found) if found.len() == 1 && found[0].span == (0..4)));
    }
}
