//! Writing JSON text straight from the model: what providers' serializers use instead of
//! cloning the model into derived-`Serialize` wire structs (which cost a copy of every string
//! and, in the wasm, a serializer per struct). Keys are the writer's own literals (ASCII,
//! nothing to escape); values are escaped as RFC 8259 asks and serde_json does.

use super::Json;
use serde_json::{Map, Value};

pub struct JsonWriter {
    out: String,
    /// Whether the container being written already has a member (a comma comes next).
    needs_comma: bool,
}

impl Default for JsonWriter {
    fn default() -> Self {
        Self::new()
    }
}

// `push_str("x")` rather than `push('x')`: at opt-level "z" pushing a char calls the UTF-8
// encoder for every structural byte, measurably slower on every message.
#[allow(clippy::single_char_add_str)]
impl JsonWriter {
    pub fn new() -> Self {
        JsonWriter { out: String::with_capacity(256), needs_comma: false }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// How many bytes are written so far.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    pub fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    fn separate(&mut self) {
        if self.needs_comma {
            self.out.push_str(",");
        }
        self.needs_comma = true;
    }

    fn key(&mut self, key: &str) {
        self.separate();
        self.out.push_str("\"");
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    fn open(&mut self, open: &str, close: &str, members: impl FnOnce(&mut Self)) {
        self.out.push_str(open);
        let outer = std::mem::replace(&mut self.needs_comma, false);
        members(self);
        self.out.push_str(close);
        self.needs_comma = outer;
    }

    /// A JSON string value, escaped. Runs that need no escape (nearly all of any text) are
    /// found a word at a time and copied whole.
    fn string(&mut self, value: &str) {
        self.out.reserve(value.len() + 2);
        self.out.push_str("\"");
        let bytes = value.as_bytes();
        let mut run = 0;
        loop {
            let i = run + super::plain_prefix(&bytes[run..]);
            if i == bytes.len() {
                break;
            }
            // `i` is at an ASCII byte, so both slices end on character boundaries.
            self.out.push_str(&value[run..i]);
            let b = bytes[i];
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                _ => "",
            };
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(HEX[usize::from(b >> 4)] as char);
                self.out.push(HEX[usize::from(b & 0xf)] as char);
            } else {
                self.out.push_str(escape);
            }
            run = i + 1;
        }
        self.out.push_str(&value[run..]);
        self.out.push_str("\"");
    }

    fn integer(&mut self, value: i64) {
        if value < 0 {
            self.out.push_str("-");
        }
        let mut digits = [0u8; 20];
        let mut n = value.unsigned_abs();
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // ASCII digits: always valid UTF-8.
        self.out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
    }

    /// `"key": "value"`.
    pub fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    /// `"key": "value"` when there is a value.
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.str(key, value);
        }
    }

    pub fn bool(&mut self, key: &str, value: bool) {
        self.key(key);
        self.out.push_str(if value { "true" } else { "false" });
    }

    pub fn opt_bool(&mut self, key: &str, value: Option<bool>) {
        if let Some(value) = value {
            self.bool(key, value);
        }
    }

    pub fn int(&mut self, key: &str, value: i64) {
        self.key(key);
        self.integer(value);
    }

    pub fn opt_int(&mut self, key: &str, value: Option<impl Into<i64>>) {
        if let Some(value) = value {
            self.int(key, value.into());
        }
    }

    /// A finite number (validated coordinates), in the shortest form that reads back the same,
    /// as serde_json writes it (`52.0`, not `52`: a float stays a float). serde_json's own
    /// formatter, so that the wasm carries one float printer, not two.
    pub fn float(&mut self, key: &str, value: f64) {
        self.key(key);
        match serde_json::to_string(&value) {
            Ok(text) if value.is_finite() => self.out.push_str(&text),
            _ => self.out.push_str("null"),
        }
    }

    /// `"key": {…}`.
    pub fn obj(&mut self, key: &str, members: impl FnOnce(&mut Self)) {
        self.key(key);
        self.open("{", "}", members);
    }

    /// `{…}` as a value: the document itself, or an item of an array.
    pub fn item_obj(&mut self, members: impl FnOnce(&mut Self)) {
        self.separate();
        self.open("{", "}", members);
    }

    /// A string as an item of an array.
    pub fn item_str(&mut self, value: &str) {
        self.separate();
        self.string(value);
    }

    /// `"key": <json>`: text that is JSON already (a body written earlier), as it is.
    pub fn raw(&mut self, key: &str, json: &str) {
        self.key(key);
        self.out.push_str(json);
    }

    /// Text that is JSON already, as an item of an array.
    pub fn item_raw(&mut self, json: &str) {
        self.separate();
        self.out.push_str(json);
    }

    /// `[…]` as a value: the document itself, each item written by `item`.
    pub fn item_arr<T>(&mut self, items: impl IntoIterator<Item = T>, mut item: impl FnMut(&mut Self, T)) {
        self.separate();
        self.open("[", "]", |w| items.into_iter().for_each(|i| item(w, i)));
    }

    /// `"key": […]`, each item written by `item`.
    pub fn arr<T>(&mut self, key: &str, items: impl IntoIterator<Item = T>, mut item: impl FnMut(&mut Self, T)) {
        self.key(key);
        self.open("[", "]", |w| items.into_iter().for_each(|i| item(w, i)));
    }

    /// A tree read earlier, written back as it was read (a body validated in place): keys
    /// escaped like values, as they come from the document.
    pub fn item_tree(&mut self, value: &Json<'_>) {
        self.tree_as(value, Keys::AsRead);
    }

    /// `"key": <tree>`, written back as it was read.
    pub fn tree(&mut self, key: &str, value: &Json<'_>) {
        self.key(key);
        self.needs_comma = false;
        self.tree_as(value, Keys::AsRead);
    }

    /// `"key": <tree>` with its snake_case keys in camelCase (`pricing_model` → `pricingModel`):
    /// a provider's object given to JS in JS's spelling.
    pub fn camel_tree(&mut self, key: &str, value: &Json<'_>) {
        self.key(key);
        self.needs_comma = false;
        self.tree_as(value, Keys::Camel);
    }

    fn tree_as(&mut self, value: &Json<'_>, keys: Keys) {
        self.separate();
        match value {
            Json::Null => self.out.push_str("null"),
            Json::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => self.integer(*n),
            Json::UInt(n) => self.out.push_str(&serde_json::to_string(n).unwrap_or_default()),
            Json::Float(f) => match serde_json::to_string(f) {
                Ok(text) if f.is_finite() => self.out.push_str(&text),
                _ => self.out.push_str("null"),
            },
            Json::Str(s) => self.string(s),
            Json::Array(items) => self.open("[", "]", |w| items.iter().for_each(|item| w.tree_as(item, keys))),
            Json::Object(members) => self.open("{", "}", |w| {
                for (key, member) in members {
                    w.separate();
                    match keys {
                        Keys::Camel if key.contains('_') => w.string(&camel_case(key)),
                        _ => w.string(key),
                    }
                    w.out.push_str(":");
                    // The member is written without a separator of its own.
                    w.needs_comma = false;
                    w.tree_as(member, keys);
                }
            }),
        }
    }

    /// `"key": {…}` copied from free-form data (a flow's payload).
    pub fn map(&mut self, key: &str, value: &Map<String, Value>) {
        self.key(key);
        self.map_value(value);
    }

    /// A free-form object as an item of an array.
    pub fn item_map(&mut self, value: &Map<String, Value>) {
        self.separate();
        self.map_value(value);
    }

    fn map_value(&mut self, value: &Map<String, Value>) {
        // A map of JSON values always serializes; "{}" is the only fallback it could need.
        self.out.push_str(&serde_json::to_string(value).unwrap_or_else(|_| "{}".into()));
    }
}

/// How a tree's keys are written.
#[derive(Clone, Copy)]
enum Keys {
    AsRead,
    Camel,
}

/// `snake_case` → `snakeCase` (a leading or doubled `_` is kept as it is).
fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for (i, c) in key.char_indices() {
        if c == '_' && i > 0 && !upper {
            upper = true;
        } else if upper {
            // ASCII only: providers' keys are ASCII, and Unicode's case tables cost the wasm ~14 KB.
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    if upper {
        out.push('_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_serde_json_reads_back() {
        let mut w = JsonWriter::new();
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{7} emoji 😀 slash /";
        w.item_obj(|w| {
            w.str("s", nasty);
            w.opt_str("none", None);
            w.bool("b", true);
            w.int("min", i64::MIN);
            w.int("zero", 0);
            w.float("f", 52.3676);
            w.float("whole", -4.0);
            w.float("negative zero", -0.0);
            w.arr("list", ["a", "b"], |w, s| w.item_str(s));
            w.arr("objects", [1, 2], |w, n| w.item_obj(|w| w.int("n", n)));
            w.arr("empty", std::iter::empty::<u8>(), |_, _| {});
            w.obj("nested", |w| w.obj("deeper", |_| {}));
        });
        let text = w.finish();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"s": nasty, "b": true, "min": i64::MIN, "zero": 0, "f": 52.3676, "whole": -4.0, "negative zero": -0.0,
                "list": ["a", "b"], "objects": [{"n": 1}, {"n": 2}], "empty": [], "nested": {"deeper": {}}})
        );
        assert_eq!(serde_json::to_string(nasty).unwrap(), text[5..text.find(",\"b\"").unwrap()]);
    }
}
