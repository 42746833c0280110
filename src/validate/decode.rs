//! Structural decoding of JSON documents into typed values, with a failure reported as a
//! [`Violation`] at the JSON pointer where the document stopped making sense.
//!
//! serde stops at the first structural error (wrong type, unknown or missing field), so a
//! document reports one structural violation; limits are checked on the decoded value,
//! where every violation is reported.

use super::{Violation, ViolationCode, pointer_from_serde_path};
use serde::Deserialize;

/// Decodes `json` into `T`, rejecting trailing characters.
pub fn decode_json<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, Violation> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(structural_violation)?;
    deserializer.end().map_err(|e| syntax_violation(&e))?;
    Ok(value)
}

/// Parses `json` into a JSON value (a syntax error is a violation at the root).
pub fn parse_json(json: &str) -> Result<serde_json::Value, Violation> {
    serde_json::from_str(json).map_err(|e| syntax_violation(&e))
}

/// Decodes an already parsed JSON value into `T`.
pub fn decode_value<'de, T: Deserialize<'de>>(value: &'de serde_json::Value) -> Result<T, Violation> {
    serde_path_to_error::deserialize(value).map_err(structural_violation)
}

fn syntax_violation(error: &serde_json::Error) -> Violation {
    Violation {
        path: String::new(),
        code: ViolationCode::InvalidFormat,
        message: format!("the document is not valid JSON: {error}"),
        limit: None,
    }
}

fn structural_violation(error: serde_path_to_error::Error<serde_json::Error>) -> Violation {
    let inner = error.inner();
    if inner.is_syntax() || inner.is_eof() || inner.is_io() {
        return syntax_violation(inner);
    }
    let mut path = pointer_from_serde_path(error.path());
    let full = inner.to_string();
    // serde_json appends " at line L column C"; the pointer says where more precisely.
    let mut message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m).to_string();
    // An error inside a buffered tagged object carries its inner pointer (message/tagged.rs).
    let mark = crate::message::tagged::INNER_POINTER_MARK;
    if let Some((_, rest)) = message.split_once(mark)
        && let Some((inner, text)) = rest.split_once(mark)
    {
        path.push_str(inner);
        message = text.to_string();
    }
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
        assert_eq!(fail(r#"{"inner":"#), ("".into(), ViolationCode::InvalidFormat));
        assert_eq!(fail(r#"{"inner":{"name":"a"}} x"#), ("".into(), ViolationCode::InvalidFormat));
        assert!(decode_json::<Outer>(r#"{"inner":{"name":"a"}}"#).is_ok());
    }
}
