//! Structural decoding of JSON text into typed values, with a failure reported as a
//! [`Violation`] at the JSON pointer where the document stopped making sense.
//!
//! serde stops at the first structural error (wrong type, unknown or missing field), so a
//! document reports one structural violation; limits are checked on the decoded value,
//! where every violation is reported.
//!
//! The pointer is recovered from serde_json's error position by re-scanning the text up to
//! it ([`pointer_at`]), rather than by wrapping every deserializer in a path tracker: that
//! would instantiate each type's deserialization twice and more than double the wasm.

use super::{Violation, ViolationCode};
use serde::Deserialize;

/// Decodes `json` into `T`, rejecting trailing characters.
pub fn decode_json<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, Violation> {
    serde_json::from_str(json).map_err(|e| structural_violation(json, &e))
}

/// Parses `json` into a borrowed tree (a syntax error is a violation at the root).
pub fn parse_tree(json: &str) -> Result<super::Json<'_>, Violation> {
    serde_json::from_str(json).map_err(|e| syntax_violation(&e))
}

fn syntax_violation(error: &serde_json::Error) -> Violation {
    Violation {
        path: String::new(),
        code: ViolationCode::InvalidFormat,
        message: format!("the document is not valid JSON: {error}"),
        limit: None,
    }
}

/// The end (exclusive) of the last byte serde_json consumed, from its 1-based line and
/// column (the column is that of the last byte read).
fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let line_start = json.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum::<usize>();
    (line_start + column).min(json.len())
}

/// The error of a structural failure in `json`, as a violation at its pointer.
fn structural_violation(json: &str, error: &serde_json::Error) -> Violation {
    if error.is_syntax() || error.is_eof() || error.is_io() {
        return syntax_violation(error);
    }
    let full = error.to_string();
    // serde_json appends " at line L column C"; the pointer says where more precisely.
    let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m).to_string();
    let offset = offset_of(json, error.line(), error.column());
    let mut path = pointer_at(json, offset);
    let field = |prefix: &str| message.strip_prefix(prefix).and_then(|rest| rest.split('`').next()).map(str::to_string);
    let code = if let Some(name) = field("missing field `") {
        path.push('/');
        path.push_str(&name);
        ViolationCode::Required
    } else if let Some(name) = field("unknown field `") {
        if !path.ends_with(&format!("/{name}")) {
            path.push('/');
            path.push_str(&name);
        }
        ViolationCode::UnknownField
    } else {
        ViolationCode::InvalidValue
    };
    // Name the field in the sentence too: the last segment of the pointer.
    let message = match path.rsplit('/').next().filter(|field| !field.is_empty()) {
        Some(field) if code == ViolationCode::InvalidValue => format!("{field}: {message}"),
        _ => message,
    };
    Violation { path, code, message, limit: None }
}

enum Frame {
    /// An object, with the key whose value is being read (if one was read).
    Object(Option<String>),
    /// An array, with the index of the element being read.
    Array(usize),
}

/// The JSON pointer of the value being read at byte `offset` of `json`: the keys and indices
/// of the containers open at that point (the key of an object counts once it is read).
pub fn pointer_at(json: &str, offset: usize) -> String {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key && let Some(Frame::Object(key)) = stack.last_mut() {
                    let raw = &json[start..i.min(json.len())];
                    *key =
                        Some(serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string()));
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut pointer = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Frame::Array(index) => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Frame::Object(None) => {}
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Inner,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        name: String,
        list: Option<Vec<u8>>,
    }

    fn fail(json: &str) -> (String, ViolationCode) {
        let v = decode_json::<Outer>(json).unwrap_err();
        (v.path, v.code)
    }

    #[test]
    fn points_at_the_structural_error() {
        assert_eq!(fail(r#"{"inner":{}}"#), ("/inner/name".into(), ViolationCode::Required));
        assert_eq!(fail(r#"{"inner":{"name":"a","nmae":1}}"#), ("/inner/nmae".into(), ViolationCode::UnknownField));
        assert_eq!(fail(r#"{"inner":{"name":5}}"#), ("/inner/name".into(), ViolationCode::InvalidValue));
        assert_eq!(
            fail(r#"{"inner":{"name":"a","list":[1,"x"]}}"#),
            ("/inner/list/1".into(), ViolationCode::InvalidValue)
        );
        assert_eq!(
            fail("{\n  \"inner\": {\n    \"name\": \"a\",\n    \"list\": [1, 2, -3]\n  }\n}"),
            ("/inner/list/2".into(), ViolationCode::InvalidValue)
        );
        assert_eq!(fail(r#"{"inner":"#), ("".into(), ViolationCode::InvalidFormat));
        assert_eq!(fail(r#"{"inner":{"name":"a"}} x"#), ("".into(), ViolationCode::InvalidFormat));
        assert_eq!(fail(r#"{"inner":{"name":"a \"quoted\" {[,","list":[1,"x"]}}"#).0, "/inner/list/1");
        assert_eq!(fail(r#"{"inner":{"list":[1]}}"#), ("/inner/name".into(), ViolationCode::Required));
        assert!(decode_json::<Outer>(r#"{"inner":{"name":"a"}}"#).is_ok());
    }

    #[test]
    fn scans_pointers() {
        let json = r#"{"a":[{"b~/":1},{"c":[true,null]}]}"#;
        assert_eq!(pointer_at(json, json.find("true").unwrap() + 4), "/a/1/c/0");
        assert_eq!(pointer_at(json, json.find('1').unwrap() + 1), "/a/0/b~0~1");
        assert_eq!(pointer_at(json, json.find(']').unwrap() + 1), "/a/1/c");
        assert_eq!(pointer_at(json, 0), "");
    }
}
