//! Bodies described as data: a [`Shape`] per field (strings with their character limits,
//! enums, URLs, numbers, objects with their fields, arrays with their counts), checked by one
//! walker that reports every violation at its pointer. For a provider's bodies that carry no
//! message (1MSG's profile, settings, templates), where a table says everything a reader
//! would, and costs data rather than code.

use super::{Json, Path, Report, ViolationCode, chars_fault, is_http_url};

/// What a value must be.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// A string of `min`–`max` characters.
    Str(usize, usize),
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// An http(s) URL.
    Url,
    Bool,
    /// A whole number from `min` to `max`.
    Int(i64, i64),
    /// Any number.
    Num,
    Obj(&'static [Field]),
    /// `min`–`max` items of one shape.
    Arr(&'static Shape, usize, usize),
    /// The shape, or `null`.
    Nullable(&'static Shape),
    /// The first of these shapes whose JSON type matches (a string or an array of strings).
    Either(&'static Shape, &'static Shape),
    /// Anything (free-form data the provider passes on).
    Any,
    /// A rule of its own: `Err(fault)` for a value that breaks it.
    Rule(fn(&Json<'_>) -> Result<(), Fault>),
}

/// Why a value breaks a [`Shape::Rule`]: an invalid value (from a message alone), or a
/// limit passed, with its code and the limit, as a [`Shape::Str`] or [`Shape::Int`] reports it.
#[derive(Debug)]
pub struct Fault {
    pub code: ViolationCode,
    pub message: String,
    pub limit: Option<f64>,
}

impl Fault {
    pub fn limit(code: ViolationCode, message: String, limit: usize) -> Self {
        Fault { code, message, limit: Some(limit as f64) }
    }
}

impl From<String> for Fault {
    fn from(message: String) -> Self {
        Fault { code: ViolationCode::InvalidValue, message, limit: None }
    }
}

impl From<&str> for Fault {
    fn from(message: &str) -> Self {
        message.to_owned().into()
    }
}

/// A field of an object: its name, shape, and whether it is required.
#[derive(Debug, Clone, Copy)]
pub struct Field(pub &'static str, pub Shape, pub bool);

/// Checks `value` against `shape`, reporting at `path`.
pub fn check(value: &Json<'_>, shape: &Shape, path: &Path<'_>, r: &mut Report) {
    let wrong = |r: &mut Report, expected: &str| {
        r.add(path, ViolationCode::InvalidValue, format!("must be {expected}, not {}", value.type_name()), None)
    };
    match (shape, value) {
        (Shape::Nullable(_), Json::Null) | (Shape::Any, _) => {}
        (Shape::Nullable(inner), _) => check(value, inner, path, r),
        (Shape::Either(a, b), _) => match [a, b].into_iter().find(|shape| same_type(shape, value)) {
            Some(shape) => check(value, shape, path, r),
            None => wrong(r, &format!("{} or {}", expected(a), expected(b))),
        },
        (Shape::Str(min, max), Json::Str(s)) => {
            if let Some((code, message, limit)) = chars_fault(path.last_key().unwrap_or("the item"), s, *min, *max) {
                r.add(path, code, message, Some(limit));
            }
        }
        (Shape::Enum(values), Json::Str(s)) => {
            if !values.contains(&s.as_ref()) {
                let message = format!("{s:?} is not one of {}", values.join(", "));
                r.add(path, ViolationCode::InvalidValue, message, None);
            }
        }
        (Shape::Url, Json::Str(s)) => {
            if !is_http_url(s) {
                // Quoted without its query, which may carry a secret (a webhook URL's token).
                let message = match s.split_once('?') {
                    Some((before, _)) => format!("must be an http(s) URL (got {before:?} and a query, not shown)"),
                    None => format!("must be an http(s) URL (got {s:?})"),
                };
                r.add(path, ViolationCode::InvalidFormat, message, None);
            }
        }
        (Shape::Bool, Json::Bool(_)) | (Shape::Num, Json::Int(_) | Json::UInt(_) | Json::Float(_)) => {}
        (Shape::Int(min, max), whole) if whole.as_whole().is_some() => {
            let n = &whole.as_whole().unwrap_or_default();
            if n < min || n > max {
                let message = format!("{n} is out of range: {min} to {max}");
                let limit = if n < min { *min } else { *max };
                r.add(path, ViolationCode::OutOfRange, message, Some(limit as f64));
            }
        }
        (Shape::Obj(fields), Json::Object(members)) => object(members, fields, path, r),
        (Shape::Arr(item, min, max), Json::Array(items)) => {
            if items.len() < *min || items.len() > *max {
                let (code, limit) =
                    if items.len() < *min { (ViolationCode::TooFew, *min) } else { (ViolationCode::TooMany, *max) };
                let message = format!("{} items; {min} to {max} are allowed", items.len());
                r.add(path, code, message, Some(limit as f64));
            }
            for (i, element) in items.iter().enumerate() {
                check(element, item, &path.index(i), r);
            }
        }
        (Shape::Rule(rule), _) => {
            if let Err(Fault { code, message, limit }) = rule(value) {
                r.add(path, code, message, limit);
            }
        }
        (Shape::Str(..) | Shape::Enum(_) | Shape::Url | Shape::Bool | Shape::Int(..) | Shape::Num, _)
        | (Shape::Obj(_) | Shape::Arr(..), _) => wrong(r, expected(shape)),
    }
}

/// What a value of `shape` is, in a sentence ("must be …").
fn expected(shape: &Shape) -> &'static str {
    match shape {
        Shape::Str(..) | Shape::Enum(_) => "a string",
        Shape::Url => "a URL string",
        Shape::Bool => "a boolean",
        Shape::Int(..) => "a whole number",
        Shape::Num => "a number",
        Shape::Obj(_) => "an object",
        Shape::Arr(..) => "an array",
        Shape::Nullable(_) | Shape::Either(..) | Shape::Any | Shape::Rule(_) => "a value",
    }
}

/// Whether `value` has the JSON type `shape` expects (for [`Shape::Either`]).
fn same_type(shape: &Shape, value: &Json<'_>) -> bool {
    matches!(
        (shape, value),
        (Shape::Str(..) | Shape::Enum(_) | Shape::Url, Json::Str(_))
            | (Shape::Arr(..), Json::Array(_))
            | (Shape::Obj(_), Json::Object(_))
            | (Shape::Bool, Json::Bool(_))
            | (Shape::Int(..) | Shape::Num, Json::Int(_) | Json::UInt(_) | Json::Float(_))
    )
}

/// An object's members against its fields: unknown ones, missing required ones, each shape.
pub fn object(members: &[(std::borrow::Cow<'_, str>, Json<'_>)], fields: &[Field], path: &Path<'_>, r: &mut Report) {
    for (key, value) in members {
        match fields.iter().find(|f| f.0 == key) {
            Some(field) => check(value, &field.1, &path.key(key), r),
            None => {
                let known: Vec<_> = fields.iter().map(|f| f.0).collect();
                let message = format!("unknown field {key:?}; expected one of {}", known.join(", "));
                r.add(&path.key(key), ViolationCode::UnknownField, message, None);
            }
        }
    }
    for field in fields.iter().filter(|f| f.2 && !members.iter().any(|(k, _)| k == f.0)) {
        r.add(&path.key(field.0), ViolationCode::Required, format!("{} is required", field.0), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::parse_tree;

    const ROW: &[Field] = &[Field("id", Shape::Str(1, 4), true), Field("n", Shape::Int(0, 9), false)];
    const BODY: &[Field] = &[
        Field("kind", Shape::Enum(&["a", "b"]), true),
        Field("url", Shape::Nullable(&Shape::Url), false),
        Field("rows", Shape::Arr(&Shape::Obj(ROW), 1, 2), true),
        Field("hooks", Shape::Either(&Shape::Url, &Shape::Arr(&Shape::Url, 1, 5)), false),
    ];

    fn faults(json: &str) -> Vec<(String, ViolationCode)> {
        let tree = parse_tree(json).unwrap();
        let mut r = Report::new();
        check(&tree, &Shape::Obj(BODY), &Path::root(), &mut r);
        r.into_violations().into_iter().map(|v| (v.path, v.code)).collect()
    }

    #[test]
    fn every_fault_at_its_pointer() {
        assert!(faults(r#"{"kind":"a","url":null,"rows":[{"id":"x"}],"hooks":["https://a.b/c"]}"#).is_empty());
        assert_eq!(
            faults(r#"{"kind":"c","url":"ftp://x","rows":[{"id":"toolong","n":10},{"z":1},{"id":"y"}],"hooks":"x"}"#),
            vec![
                ("/kind".into(), ViolationCode::InvalidValue),
                ("/url".into(), ViolationCode::InvalidFormat),
                ("/rows".into(), ViolationCode::TooMany),
                ("/rows/0/id".into(), ViolationCode::TooLong),
                ("/rows/0/n".into(), ViolationCode::OutOfRange),
                ("/rows/1/z".into(), ViolationCode::UnknownField),
                ("/rows/1/id".into(), ViolationCode::Required),
                ("/hooks".into(), ViolationCode::InvalidFormat),
            ]
        );
        assert_eq!(
            faults(r#"{"rows":[]}"#),
            vec![("/rows".into(), ViolationCode::TooFew), ("/kind".into(), ViolationCode::Required)]
        );
    }

    #[test]
    fn a_value_of_neither_shape_is_told_both() {
        let tree = parse_tree(r#"{"kind":"a","rows":[{"id":"x"}],"hooks":5}"#).unwrap();
        let mut r = Report::new();
        check(&tree, &Shape::Obj(BODY), &Path::root(), &mut r);
        let messages: Vec<_> = r.into_violations().into_iter().map(|v| (v.path, v.message)).collect();
        assert_eq!(messages, [("/hooks".to_string(), "must be a URL string or an array, not a number".to_string())]);
    }
}
