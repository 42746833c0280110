//! Many messages in one call (a campaign file, an admin panel's CSV import): each judged alone,
//! so that a bad one does not stop the others, and each answered where it stands in the input.

use super::{Provider, serialize};
use crate::error::BodyError;
use crate::json::{Item, Items, Json, Position};
use crate::message::Message;
use crate::validate::{Violation, ViolationCode, parse_tree, parse_tree_from};

/// What a bulk conversion gives for one message: its wire body (JSON text), or why not.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkItem {
    Body(String),
    Refused(BodyError),
}

/// Validates and serializes the messages of a file: JSON lines (one message per line; blank
/// lines skipped; a line ends at `\n`, `\r\n` or a lone `\r`) or one JSON array of messages,
/// as UTF-8 bytes. Each item is read alone: its duplicate key, bytes that are not UTF-8 or (a
/// line's) syntax error are its own violation (at its line and column in the file), and its
/// violations point into it. Gives, in file order and one at a time (a caller may stop when the answer
/// grows too large), the 1-based line each item starts on and its outcome.
/// Fails as a whole only for a file that opens an array and is not one (it never closes, its
/// brackets do not match, text follows it past its first line, or an element is not JSON):
/// which of its parts are messages is not known.
pub fn serialize_many(
    provider: Provider,
    file: &[u8],
) -> Result<impl Iterator<Item = (usize, BulkItem)> + '_, BodyError> {
    // A file saved with a byte-order mark starts with U+FEFF, which is not JSON (one: a second
    // is text out of place, refused in the first item).
    let file = file.strip_prefix("\u{feff}".as_bytes()).unwrap_or(file);
    let items = match crate::json::items(file) {
        Items::Lines(lines) => lines,
        Items::Array(elements) => {
            // An element that is not JSON may hide where the next one begins (a `}` missing
            // here and one too many there merge two messages, and shift every index after):
            // the file is refused whole, at that element, rather than answered out of step.
            if let Some(error) = elements.iter().find_map(|element| broken(file, element)) {
                return Err(BodyError::Invalid(vec![error]));
            }
            elements
        }
        Items::NotOneArray => return Err(not_one_array(file)),
        Items::TooMany => return Err(too_many()),
    };
    Ok(items.into_iter().map(move |item| (item.start.line, item_of(provider, file, &item))))
}

/// A bulk call of more than [`crate::json::MAX_ITEMS`] messages.
pub fn too_many() -> BodyError {
    BodyError::argument(format!(
        "toProviderMany takes at most {} messages a call: give them in parts",
        crate::json::MAX_ITEMS
    ))
}

/// One message given as its own JSON text (an item of a JS array, written alone), or that
/// could not be had as one (a getter that throws, a cycle): its outcome, as in a file.
pub fn serialize_text(provider: Provider, text: Result<&str, &BodyError>) -> BulkItem {
    match text {
        Ok(text) => bulk_item(provider, parse_tree(text).as_ref()),
        Err(error) => BulkItem::Refused(error.clone()),
    }
}

fn item_of(provider: Provider, file: &[u8], item: &Item) -> BulkItem {
    let bytes = file.get(item.span.clone()).unwrap_or_default();
    match std::str::from_utf8(bytes) {
        Ok(text) => bulk_item(provider, parse_tree_from(text, item.start).as_ref()),
        Err(error) => {
            let at = item.start.after(&bytes[..error.valid_up_to()]);
            BulkItem::Refused(BodyError::Invalid(vec![not_utf8(at)]))
        }
    }
}

/// The syntax error of an array's element that may have moved its bounds (any but a key
/// given twice), as the violation that refuses the file.
fn broken(file: &[u8], element: &Item) -> Option<Violation> {
    let text = std::str::from_utf8(file.get(element.span.clone())?).ok()?;
    match crate::json::parse_from(text, element.start) {
        Err(error) if !error.keeps_structure() => parse_tree_from(text, element.start).err(),
        _ => None,
    }
}

fn not_utf8(Position { line, column }: Position) -> Violation {
    Violation {
        path: String::new(),
        code: ViolationCode::InvalidFormat,
        message: format!("the text is not UTF-8 at line {line} column {column}"),
        limit: None,
    }
}

/// Why a file that opens an array and is not one cannot be read at all (the parser's
/// syntax error: the array never closes, or text follows it).
fn not_one_array(file: &[u8]) -> BodyError {
    match std::str::from_utf8(file) {
        Ok(text) => match parse_tree(text) {
            Err(violation) => BodyError::Invalid(vec![violation]),
            Ok(_) => BodyError::argument("the file opens an array of messages and is not one"),
        },
        Err(error) => BodyError::Invalid(vec![not_utf8(Position::START.after(&file[..error.valid_up_to()]))]),
    }
}

/// One message of a bulk call, parsed (or not).
fn bulk_item(provider: Provider, tree: Result<&Json<'_>, &Violation>) -> BulkItem {
    let message = tree.map_err(|violation| vec![violation.clone()]).and_then(Message::from_tree);
    match message.map_err(BodyError::Invalid) {
        Ok(message) => serialize(provider, &message).map_or_else(BulkItem::Refused, BulkItem::Body),
        Err(error) => BulkItem::Refused(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"to":"+16505551234","content":{"type":"text","body":"Hi"}}"#;
    const BAD: &str = r#"{"to":"12","content":{"type":"text","body":""}}"#;

    fn violations(item: &BulkItem) -> Vec<(&str, &str)> {
        let BulkItem::Refused(BodyError::Invalid(violations)) = item else { panic!("{item:?} is refused") };
        violations.iter().map(|v| (v.path.as_str(), v.message.as_str())).collect()
    }

    #[test]
    fn serializes_many_messages_each_on_its_own() {
        let lines = format!("{GOOD}\n\n{BAD}\r\nnot json\r{GOOD}");
        let items: Vec<_> = serialize_many(Provider::Meta, lines.as_bytes()).unwrap().collect();
        assert_eq!(items.iter().map(|(line, _)| *line).collect::<Vec<_>>(), [1, 3, 4, 5]);
        assert!(matches!(&items[0].1, BulkItem::Body(body) if body.contains(r#""body":"Hi""#)));
        let paths: Vec<_> = violations(&items[1].1).into_iter().map(|(path, _)| path).collect();
        assert_eq!(paths, ["/to", "/content/body"]);
        let [("", message)] = violations(&items[2].1)[..] else { panic!() };
        assert!(message.ends_with("at line 4 column 1"), "the line in the file, not in the item: {message}");
        assert!(matches!(&items[3].1, BulkItem::Body(_)));
        let reaction = r#"{"to":"+16505551234","content":{"type":"reaction","messageId":"wamid.1","emoji":"👍"}}"#;
        let items: Vec<_> = serialize_many(Provider::Bird, reaction.as_bytes()).unwrap().collect();
        assert!(matches!(&items[0].1, BulkItem::Refused(BodyError::Unsupported(_))));
        assert_eq!(serialize_many(Provider::Meta, b"").unwrap().count(), 0);
    }

    #[test]
    fn an_array_s_items_are_judged_alone_too() {
        let array = format!("\u{feff}[{GOOD},\n {{\"to\":\"+1\",\"to\":\"+2\"}}, {BAD}]");
        let items: Vec<_> = serialize_many(Provider::Meta, array.as_bytes()).unwrap().collect();
        assert_eq!(items.len(), 3);
        assert!(matches!(&items[0], (1, BulkItem::Body(_))));
        // A duplicate key is refused at the key given twice.
        let [("/to", message)] = violations(&items[1].1)[..] else { panic!("{items:?}") };
        assert!(message.contains("duplicate key") && message.ends_with("line 2 column 13"), "{message}");
        assert_eq!(items[2].0, 2);
        assert_eq!(violations(&items[2].1).len(), 2);
        let Err(BodyError::Invalid(whole)) =
            serialize_many(Provider::Meta, format!("[{GOOD},\n").as_bytes()).map(|_| ())
        else {
            panic!("an array that never closes has no items")
        };
        assert!(whole[0].message.contains("line 2"), "{whole:?}");
    }

    #[test]
    fn bytes_that_are_not_utf8_refuse_their_own_line() {
        let mut file = format!("{GOOD}\n{}\n{GOOD}", GOOD.replace("Hi", "Caf_")).into_bytes();
        let at = file.iter().position(|&b| b == b'_').unwrap();
        file[at] = 0xe9; // Latin-1 é
        let items: Vec<_> = serialize_many(Provider::Meta, &file).unwrap().collect();
        assert!(matches!((&items[0].1, &items[2].1), (BulkItem::Body(_), BulkItem::Body(_))));
        let column = at - GOOD.len(); // 1-based: the byte after the first line's `\n`
        assert_eq!(violations(&items[1].1), [("", &*format!("the text is not UTF-8 at line 2 column {column}"))]);
    }
}
