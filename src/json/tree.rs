//! A JSON document borrowed from its text: strings and keys point into the input where it
//! has no escapes, objects are small vectors. Reading a message builds one of these instead
//! of a `serde_json::Value` (which allocates every key and string and a map per object):
//! in wasm, those allocations were most of the time spent reading.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Text that is not JSON: what is wrong, and where: the line and column in `message`, and
/// the JSON pointer of the value it happened in (`""` for the document itself), which is
/// what a caller who gave an object rather than text can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub pointer: String,
    /// What is wrong, without where ([`DUPLICATE_KEY`], …).
    pub what: &'static str,
}

/// A key given twice in an object (checked as a small object grows, or a large one once, at
/// its end): the syntax errors that leave the text's structure — where each value begins and
/// ends — as it is.
const DUPLICATE_KEY: &str = "duplicate key";
const DUPLICATE_KEY_IN_OBJECT: &str = "duplicate key in this object";

impl SyntaxError {
    /// Whether the text is all there as JSON, structurally, and only a key is given twice.
    pub fn keeps_structure(&self) -> bool {
        self.what == DUPLICATE_KEY || self.what == DUPLICATE_KEY_IN_OBJECT
    }
}

/// Parses JSON text (RFC 8259) into a tree borrowed from it; a syntax error names the line and
/// column. Hand-written rather than serde_json's deserializer driving a visitor: every
/// request goes through here, and this is both faster and a fraction of the code in the wasm.
/// Nesting is limited (as serde_json limits it) so that no document can exhaust the stack.
/// A leading byte-order mark, which editors write and RFC 8259 lets a reader ignore, is read
/// past (serde_json refuses it), by every entry point alike: a file read as text keeps it.
pub fn parse(json: &str) -> Result<Json<'_>, SyntaxError> {
    parse_from(without_mark(json), Position::START)
}

/// `text` without the byte-order mark it may start with: a document's, not a part's (a second
/// mark, or one inside a file, is text out of place).
pub fn without_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Where a text starts in the file it was taken from: 1-based line and column (in characters,
/// as an editor counts them: a UTF-8 continuation byte adds none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position after `bytes`, read from this one.
    pub fn after(self, bytes: &[u8]) -> Position {
        let mut position = self;
        for i in 0..bytes.len() {
            if ends_line(bytes, i) {
                position = Position { line: position.line + 1, column: 1 };
            } else if !is_continuation(bytes[i]) {
                position.column += 1;
            }
        }
        position
    }
}

/// Whether `b` continues a UTF-8 character (10xxxxxx) rather than starting one.
pub fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// Whether the byte at `i` ends a line: a line ends at `\n`, `\r\n` (at its `\n`) or a lone
/// `\r`, as editors count lines.
pub fn ends_line(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'\n') => true,
        Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
        _ => false,
    }
}

/// [`parse`] of a text that is one part of a file (an item of JSON lines or of an array),
/// starting at `origin` there: a syntax error names its line and column in the file.
pub fn parse_from(json: &str, origin: Position) -> Result<Json<'_>, SyntaxError> {
    let mut parser = Parser { text: json, bytes: json.as_bytes(), at: 0, depth: 0, failed_in: Vec::new() };
    let parsed = parser.value().and_then(|value| {
        parser.skip_space();
        if parser.at < parser.bytes.len() { Err("trailing characters") } else { Ok(value) }
    });
    parsed.map_err(|what| {
        let Position { line, column } = origin.after(&json.as_bytes()[..parser.at.min(json.len())]);
        // The segments were collected on the way out of the nesting, innermost first.
        let pointer = parser.failed_in.iter().rev().fold(String::new(), |mut pointer, segment| {
            pointer.push('/');
            pointer.push_str(&segment.replace('~', "~0").replace('/', "~1"));
            pointer
        });
        SyntaxError { message: format!("{what} at line {line} column {column}"), pointer, what }
    })
}

/// What a `\u` escape of half a surrogate pair is refused with. JS strings cut with
/// `slice` or `substring` inside an emoji hold one; the rest of the text is not lost,
/// but the text cannot be sent as it is.
pub const LONE_SURROGATE: &str =
    "a lone surrogate \\u escape (half of a character such as an emoji: was the text cut inside one?)";

/// The deepest nesting a document may have (serde_json's limit too).
const MAX_DEPTH: usize = 128;

/// Objects up to this many keys are checked for duplicates key by key; larger ones by sorting.
const SMALL_OBJECT: usize = 16;

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// Where a failure happened, filled in only as it propagates (keys and indexes,
    /// innermost first): nothing is tracked while a document parses well.
    failed_in: Vec<String>,
}

type Parsed<T> = Result<T, &'static str>;

impl<'a> Parser<'a> {
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.at).copied()
    }

    fn literal(&mut self, word: &str, value: Json<'a>) -> Parsed<Json<'a>> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err("expected a value")
        }
    }

    fn value(&mut self) -> Parsed<Json<'a>> {
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err("expected a value"),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Parsed<Json<'a>>) -> Parsed<Json<'a>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("recursion limit exceeded");
        }
        self.at += 1; // the opening bracket
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Parsed<Json<'a>> {
        let mut fields = Vec::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err("expected a key (a string)");
            }
            let key_at = self.at;
            let key = self.string()?;
            // A key given twice is refused: readers would take one value and `JSON.parse` (and
            // the provider) the other, so what was validated would not be what is sent.
            // Small objects are checked as they grow; large ones once, sorted, at their end.
            // Either way the violation points at the key given twice.
            if fields.len() < SMALL_OBJECT && fields.iter().any(|(k, _)| *k == key) {
                self.at = key_at;
                self.failed_in.push(key.into_owned());
                return Err(DUPLICATE_KEY);
            }
            if self.peek() != Some(b':') {
                return Err("expected ':'");
            }
            self.at += 1;
            match self.value() {
                Ok(value) => fields.push((key, value)),
                Err(what) => {
                    self.failed_in.push(key.into_owned());
                    return Err(what);
                }
            }
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    if fields.len() > SMALL_OBJECT {
                        let mut keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_ref()).collect();
                        keys.sort_unstable();
                        if let Some(pair) = keys.windows(2).find(|pair| pair[0] == pair[1]) {
                            self.failed_in.push(pair[0].to_owned());
                            return Err(DUPLICATE_KEY_IN_OBJECT);
                        }
                    }
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err("expected ',' or '}'"),
            }
        }
    }

    fn array(&mut self) -> Parsed<Json<'a>> {
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            match self.value() {
                Ok(value) => items.push(value),
                Err(what) => {
                    self.failed_in.push(items.len().to_string());
                    return Err(what);
                }
            }
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err("expected ',' or ']'"),
            }
        }
    }

    /// A string at the opening quote: borrowed when it has no escapes.
    fn string(&mut self) -> Parsed<Cow<'a, str>> {
        self.at += 1;
        let start = self.at;
        self.skip_plain();
        match self.bytes.get(self.at) {
            None => return Err("EOF while parsing a string"),
            Some(b'"') => {
                let text = self.text.get(start..self.at).ok_or("invalid UTF-8")?;
                self.at += 1;
                return Ok(Cow::Borrowed(text));
            }
            Some(b'\\') => {}
            Some(_) => return Err("control character in a string"),
        }
        // Escapes: copy what came before, then decode the rest.
        let mut out = String::with_capacity(self.at - start + 16);
        out.push_str(self.text.get(start..self.at).ok_or("invalid UTF-8")?);
        loop {
            let run = self.at;
            self.skip_plain();
            out.push_str(self.text.get(run..self.at).ok_or("invalid UTF-8")?);
            match self.bytes.get(self.at) {
                None => return Err("EOF while parsing a string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    let backslash = self.at;
                    match self.escaped() {
                        Ok(c) => out.push(c),
                        Err(what) => {
                            // Reported at the escape's backslash, not past what it consumed.
                            self.at = backslash;
                            return Err(what);
                        }
                    }
                }
                Some(_) => return Err("control character in a string"),
            }
        }
    }

    /// The character an escape at the backslash stands for, moving past it.
    fn escaped(&mut self) -> Parsed<char> {
        self.at += 1;
        let escape = *self.bytes.get(self.at).ok_or("EOF while parsing a string")?;
        self.at += 1;
        Ok(match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err("invalid escape"),
        })
    }

    /// Moves past the bytes a string holds as they are: up to its end, an escape or a control
    /// character. One comparison per byte: most of a webhook body is a customer's text.
    fn skip_plain(&mut self) {
        self.at += super::plain_prefix(self.bytes.get(self.at..).unwrap_or_default());
    }

    fn hex4(&mut self) -> Parsed<u32> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or("EOF while parsing a string")?;
        let mut value = 0;
        for &d in digits {
            let nibble = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err("invalid \\u escape"),
            };
            value = value << 4 | u32::from(nibble);
        }
        self.at += 4;
        Ok(value)
    }

    /// `\uXXXX`, a surrogate pair as two of them. Half a pair alone is refused: text cannot
    /// hold it (JS strings can, and `JSON.stringify` writes it as an escape).
    fn unicode_escape(&mut self) -> Parsed<char> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.at..].starts_with(b"\\u") {
                return Err(LONE_SURROGATE);
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(LONE_SURROGATE);
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or(LONE_SURROGATE)
    }

    /// A number: an integer when it has no fraction or exponent and fits, else a float.
    fn number(&mut self) -> Parsed<Json<'a>> {
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.bytes.get(p.at) {
                p.at += 1;
            }
            p.at - from
        };
        let int_start = self.at;
        match digits(self) {
            0 => return Err("invalid number"),
            n if n > 1 && self.bytes[int_start] == b'0' => return Err("invalid number (leading zero)"),
            _ => {}
        }
        let mut integer = true;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            integer = false;
            if digits(self) == 0 {
                return Err("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err("invalid number");
            }
        }
        let text = &self.text[start..self.at];
        // "-0" is the float -0.0, as serde_json reads it.
        if integer && text != "-0" {
            if let Ok(n) = text.parse::<i64>() {
                return Ok(Json::Int(n));
            }
            if let Ok(n) = text.parse::<u64>() {
                return Ok(Json::UInt(n));
            }
        }
        match super::parse_decimal(text) {
            Some(n) if n.is_finite() => Ok(Json::Float(n)),
            _ => Err("number out of range"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// An integer that fits `i64`.
    Int(i64),
    /// A larger non-negative integer.
    UInt(u64),
    Float(f64),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value at a JSON pointer (RFC 6901), to change it in place.
    pub fn at_mut(&mut self, pointer: &str) -> Option<&mut Json<'a>> {
        pointer.split('/').skip(1).try_fold(self, |at, segment| match at {
            Json::Array(items) => items.get_mut(segment.parse::<usize>().ok()?),
            Json::Object(fields) => {
                let key = segment.replace("~1", "/").replace("~0", "~");
                fields.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v)
            }
            _ => None,
        })
    }

    /// Removes the object member at a JSON pointer; false when there is none.
    pub fn remove_at(&mut self, pointer: &str) -> bool {
        let Some((parent, key)) = pointer.rsplit_once('/') else { return false };
        let key = key.replace("~1", "/").replace("~0", "~");
        match self.at_mut(parent) {
            Some(Json::Object(fields)) => {
                let before = fields.len();
                fields.retain(|(k, _)| *k != key);
                fields.len() < before
            }
            _ => false,
        }
    }

    /// The string at `key`, owned (how answers' fields end up in results).
    pub fn string(&self, key: &str) -> Option<String> {
        self.get(key)?.as_str().map(str::to_string)
    }

    /// The items of the array at `key`; none when it is missing or not an array.
    pub fn items(&self, key: &str) -> &[Json<'a>] {
        match self.get(key) {
            Some(Json::Array(items)) => items,
            _ => &[],
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Int(n) => Some(*n),
            Json::UInt(n) => i64::try_from(*n).ok(),
            _ => None,
        }
    }

    /// A whole number however it is written: an integer, or a number with a zero fraction or
    /// an exponent below 2^53 (`100990.0`, `1e5`: a spreadsheet's float column), where every
    /// whole number is exact — the same value a JS object gives.
    pub fn as_whole(&self) -> Option<i64> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        match self {
            Json::Int(n) => Some(*n),
            Json::Float(f) if f.fract() == 0.0 && f.abs() < EXACT => Some(*f as i64),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Int(n) => Some(*n as f64),
            Json::UInt(n) => Some(*n as f64),
            Json::Float(n) => Some(*n),
            _ => None,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) | Json::UInt(_) | Json::Float(_) => "a number",
            Json::Str(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The same document as a `serde_json::Value` (for free-form data the model keeps as is).
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Int(n) => Value::from(*n),
            Json::UInt(n) => Value::from(*n),
            Json::Float(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
            Json::Str(s) => Value::String(s.to_string()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(fields) => Value::Object(fields.iter().map(|(k, v)| (k.to_string(), v.to_value())).collect()),
        }
    }
}

/// A string (key or value), borrowed from the input when it can be.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct JsonVisitor;
        impl<'de> Visitor<'de> for JsonVisitor {
            type Value = Json<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Json<'de>, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json<'de>, E> {
                Ok(Json::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json<'de>, E> {
                Ok(Json::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json<'de>, E> {
                Ok(i64::try_from(v).map_or(Json::UInt(v), Json::Int))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json<'de>, E> {
                Ok(Json::Float(v))
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Json<'de>, E> {
                Ok(Json::Str(Cow::Owned(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
                let mut fields = Vec::new();
                while let Some(Text(key)) = map.next_key()? {
                    fields.push((key, map.next_value()?));
                }
                Ok(Json::Object(fields))
            }
        }
        deserializer.deserialize_any(JsonVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_say_where() {
        for bad in ["{", "{\"a\":1} x", "nope", ""] {
            assert!(parse(bad).unwrap_err().message.contains("line 1 column"), "{bad:?}");
        }
    }

    #[test]
    fn syntax_errors_point_at_the_value_they_are_in() {
        let cut = r#"{"to":"+1","content":{"type":"text","body":"Hi \ud83d"}}"#;
        let error = parse(cut).unwrap_err();
        assert_eq!(error.pointer, "/content/body");
        assert!(error.message.contains("lone surrogate"), "{}", error.message);
        for (text, pointer) in [
            (r#"[{"a":1},{"b":[0,"\udc00"]}]"#, "/1/b/1"),
            (r#"{"a/b":{"c~d":"\ud800\u0041"}}"#, "/a~1b/c~0d"),
            (r#"{"a":[1,tru]}"#, "/a/1"),
            (r#"{"a":1,}"#, ""),
            ("nope", ""),
        ] {
            assert_eq!(parse(text).unwrap_err().pointer, pointer, "{text}");
        }
        // A pair written as two escapes is one character.
        assert_eq!(parse(r#""\ud83d\ude00""#).unwrap(), Json::Str("😀".into()));
    }

    #[test]
    fn borrows_what_has_no_escapes_and_keeps_big_integers() {
        let text = r#"{"a":"plain","b":"esc\"aped","n":[1,-2,18446744073709551615,1.5,null,true]}"#;
        let json = parse(text).unwrap();
        assert!(matches!(json.get("a"), Some(Json::Str(Cow::Borrowed("plain")))));
        assert!(matches!(json.get("b"), Some(Json::Str(Cow::Owned(s))) if s == "esc\"aped"));
        let Some(Json::Array(n)) = json.get("n") else { panic!() };
        assert_eq!(
            n,
            &[Json::Int(1), Json::Int(-2), Json::UInt(u64::MAX), Json::Float(1.5), Json::Null, Json::Bool(true)]
        );
        assert_eq!(json.to_value(), serde_json::from_str::<serde_json::Value>(text).unwrap());
        assert_eq!(json, serde_json::from_str::<Json<'_>>(text).unwrap());
    }

    /// The hand-written parser agrees with serde_json on what is JSON and what it means.
    #[test]
    fn agrees_with_serde_json() {
        let documents = [
            r#"{"a":[1,2,{"b":null}],"c":"\u00e9\ud83d\ude00\n\"\\\/","d":-0.5e-3,"e":1E2,"f":false}"#,
            r#"  [ ]  "#,
            r#"{}"#,
            r#""x""#,
            r#"-9223372036854775808"#,
            r#"18446744073709551616"#,
            r#"[0,-0,0.0,1e308,"é","😀"]"#,
            "[1,]",
            "[01]",
            "[1.]",
            "[.5]",
            "[-]",
            "[1e]",
            "[1e999]",
            r#"["\ud800"]"#,
            r#"["\udc00x"]"#,
            r#"["\u12"]"#,
            r#"["\u+123"]"#,
            r#"["\x"]"#,
            "[\"a\u{1}\"]",
            r#"{"a" 1}"#,
            r#"{"a":1,}"#,
            r#"{1:1}"#,
            "tru",
            "nul",
            "[true false]",
        ];
        for text in documents {
            let ours = parse(text);
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: {ours:?} vs {theirs:?}");
            if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
                assert_eq!(ours.to_value(), theirs, "{text:?}");
            }
        }
        // The differences, on purpose: serde_json keeps the last of duplicate keys, and refuses
        // a leading byte-order mark; a second one is no mark but text out of place.
        assert!(parse(r#"{"a":1,"a":2}"#).is_err());
        assert_eq!(parse("\u{feff}{\"a\":1}").unwrap().to_value(), serde_json::json!({"a": 1}));
        assert!(parse("\u{feff}\u{feff}{}").is_err());
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":1")).collect();
        assert!(parse(&format!("{{{}}}", many.join(","))).is_ok());
        assert!(parse(&format!("{{{},\"k3\":2}}", many.join(","))).is_err());
        assert!(parse(r#"{"a\u0062":1,"ab":2}"#).is_err(), "keys compare as decoded");
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).is_err());
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let error = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert!(error.message.contains("line 2 column 8"), "{}", error.message);
    }
}
