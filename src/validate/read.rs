//! Reading a provider's JSON body field by field, reporting every missing field and wrong
//! type at its JSON pointer (all of them, not only the first, unlike serde's derive), without
//! compiling a derived deserializer per wire type.

use super::path::{Segment, push_index, push_key};
use super::{Report, Violation, ViolationCode};
use crate::json::Json;
use serde_json::{Map, Value};
use std::borrow::Cow;

fn type_name(value: &Json<'_>) -> &'static str {
    value.type_name()
}

/// A JSON object being read. Its pointer is not built as it is read (that would cost an
/// allocation per object on every valid document): it is found when a violation needs it,
/// by looking for the object in the document it belongs to.
#[derive(Clone, Copy)]
pub struct Obj<'v> {
    fields: &'v [(Cow<'v, str>, Json<'v>)],
    /// The object itself: its address identifies it in the document (two empty objects' field
    /// slices can share an address; the nodes cannot).
    node: &'v Json<'v>,
    root: &'v Json<'v>,
}

impl<'v> Obj<'v> {
    /// The document's root, which must be an object.
    pub fn root(value: &'v Json<'v>, report: &mut Report) -> Option<Obj<'v>> {
        Self::of(value, value, report)
    }

    fn of(value: &'v Json<'v>, root: &'v Json<'v>, report: &mut Report) -> Option<Obj<'v>> {
        match value {
            Json::Object(fields) => Some(Obj { fields, node: value, root }),
            _ if report.is_full() => {
                report.count_more();
                None
            }
            other => {
                let at = locate(root, value).unwrap_or_default();
                let message = format!(
                    "{} must be an object, not {}",
                    if at.is_empty() { "the body" } else { &at },
                    type_name(other)
                );
                report.push(Violation { path: at, code: ViolationCode::InvalidValue, message, limit: None });
                None
            }
        }
    }

    /// The object as a JSON value.
    pub fn json(&self) -> &'v Json<'v> {
        self.node
    }

    /// The pointer of this object in its document.
    fn at(&self) -> String {
        locate(self.root, self.node).unwrap_or_default()
    }

    /// The pointer of `key` in this object.
    pub fn pointer(&self, key: &str) -> String {
        let mut at = self.at();
        push_key(&mut at, key);
        at
    }

    fn get(&self, key: &str) -> Option<&'v Json<'v>> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Records a violation at `key`, its pointer and message built only if the report lists it.
    fn report_at(&self, report: &mut Report, key: &str, code: ViolationCode, message: impl FnOnce() -> String) {
        self.report_limit(report, key, code, None, message);
    }

    fn report_limit(
        &self,
        report: &mut Report,
        key: &str,
        code: ViolationCode,
        limit: Option<f64>,
        message: impl FnOnce() -> String,
    ) {
        if report.is_full() {
            return report.count_more();
        }
        report.push(Violation { path: self.pointer(key), code, message: message(), limit });
    }

    fn wrong(&self, report: &mut Report, key: &str, expected: &str, got: &Json<'_>) {
        self.report_at(report, key, ViolationCode::InvalidValue, || {
            // JSON has no NaN or Infinity: `JSON.stringify` writes them as null, which is then
            // all there is to see of a number computed wrong.
            let hint = if matches!(got, Json::Null) && expected.contains("number") {
                " (a NaN or an Infinity is null once in JSON)"
            } else {
                ""
            };
            format!("{key} must be {expected}, not {}{hint}", type_name(got))
        });
    }

    fn missing(&self, report: &mut Report, key: &str) {
        self.report_at(report, key, ViolationCode::Required, || format!("{key} is required"));
    }

    /// `key`'s value, reporting it missing when `required`.
    fn value(&self, report: &mut Report, key: &str, required: bool) -> Option<&'v Json<'v>> {
        let value = self.get(key);
        if value.is_none() && required {
            self.missing(report, key);
        }
        value
    }

    fn typed<T>(
        &self,
        report: &mut Report,
        key: &str,
        required: bool,
        expected: &str,
        read: impl Fn(&'v Json<'v>) -> Option<T>,
    ) -> Option<T> {
        let value = self.value(report, key, required)?;
        let read = read(value);
        if read.is_none() {
            self.wrong(report, key, expected, value);
        }
        read
    }

    pub fn str(&self, report: &mut Report, key: &str) -> Option<String> {
        self.typed(report, key, false, "a string", |v| v.as_str().map(str::to_string))
    }

    pub fn req_str(&self, report: &mut Report, key: &str) -> Option<String> {
        self.typed(report, key, true, "a string", |v| v.as_str().map(str::to_string))
    }

    pub fn bool(&self, report: &mut Report, key: &str) -> Option<bool> {
        self.typed(report, key, false, "a boolean", |v| match v {
            Json::Bool(b) => Some(*b),
            _ => None,
        })
    }

    /// An integer that fits `T`, optional or required. A number that is not whole, or is
    /// outside what `T` holds, is refused with what was given (and 0, the limit, where a
    /// negative number was given for an unsigned field).
    pub fn int<T: TryFrom<i64>>(&self, report: &mut Report, key: &str, required: bool) -> Option<T> {
        let value = self.value(report, key, required)?;
        let (n, fits) = match (value.as_whole(), value) {
            (Some(n), _) => (n, T::try_from(n).ok()),
            (None, Json::Float(f)) if f.fract() == 0.0 => {
                let message = || format!("{key} is out of range (got {})", super::number(*f));
                self.report_at(report, key, ViolationCode::OutOfRange, message);
                return None;
            }
            (None, Json::Float(f)) => {
                let message = || format!("{key} must be a whole number (got {})", super::number(*f));
                self.report_at(report, key, ViolationCode::InvalidValue, message);
                return None;
            }
            (None, Json::UInt(n)) => {
                self.report_at(report, key, ViolationCode::OutOfRange, || format!("{key} is out of range (got {n})"));
                return None;
            }
            (None, other) => {
                self.wrong(report, key, "a whole number", other);
                return None;
            }
        };
        if fits.is_none() {
            if n < 0 && T::try_from(0).is_ok() {
                let message = || format!("{key} must be 0 or more (got {n})");
                self.report_limit(report, key, ViolationCode::OutOfRange, Some(0.0), message);
            } else {
                self.report_at(report, key, ViolationCode::OutOfRange, || format!("{key} is out of range (got {n})"));
            }
        }
        fits
    }

    /// A number, or a string holding one (coordinates: Meta's page types them as strings).
    pub fn number(&self, report: &mut Report, key: &str, required: bool) -> Option<f64> {
        self.typed(report, key, required, "a number", |v| match v {
            Json::Str(s) => crate::json::parse_decimal(s.trim()),
            number => number.as_f64(),
        })
    }

    pub fn obj(&self, report: &mut Report, key: &str) -> Option<Obj<'v>> {
        Obj::of(self.value(report, key, false)?, self.root, report)
    }

    pub fn req_obj(&self, report: &mut Report, key: &str) -> Option<Obj<'v>> {
        Obj::of(self.value(report, key, true)?, self.root, report)
    }

    /// An object copied as it is (free-form data such as a flow's payload).
    pub fn map(&self, report: &mut Report, key: &str) -> Option<Map<String, Value>> {
        self.typed(report, key, false, "an object", |v| match v.to_value() {
            Value::Object(map) if matches!(v, Json::Object(_)) => Some(map),
            _ => None,
        })
    }

    /// An optional array of objects, each taken as it is (free-form data).
    pub fn maps(&self, report: &mut Report, key: &str) -> Option<Vec<Map<String, Value>>> {
        let items = self.objects(report, key, false)?;
        Some(
            items
                .iter()
                .filter_map(|o| if let Value::Object(map) = o.json().to_value() { Some(map) } else { None })
                .collect(),
        )
    }

    /// An array of objects (optional or required), each with its pointer.
    pub fn objects(&self, report: &mut Report, key: &str, required: bool) -> Option<Vec<Obj<'v>>> {
        let items = self.typed(report, key, required, "an array", as_array)?;
        Some(items.iter().filter_map(|item| Obj::of(item, self.root, report)).collect())
    }

    /// An array of strings.
    pub fn strings(&self, report: &mut Report, key: &str) -> Option<Vec<String>> {
        let items = self.typed(report, key, false, "an array", as_array)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.as_str() {
                Some(s) => out.push(s.to_string()),
                None if report.is_full() => report.count_more(),
                None => report.push(Violation {
                    path: {
                        let mut path = self.pointer(key);
                        push_index(&mut path, i);
                        path
                    },
                    code: ViolationCode::InvalidValue,
                    message: format!("{key} items must be strings, not {}", type_name(item)),
                    limit: None,
                }),
            }
        }
        Some(out)
    }

    /// The raw value of `key` (for fields whose type varies, such as a button index).
    pub fn raw(&self, key: &str) -> Option<&'v Json<'v>> {
        self.get(key)
    }

    /// Reports a value that is present but not acceptable.
    pub fn invalid(&self, report: &mut Report, key: &str, message: String) {
        self.violation(report, key, ViolationCode::InvalidValue, message, None);
    }

    /// Reports any violation at `key`.
    pub fn violation(&self, report: &mut Report, key: &str, code: ViolationCode, message: String, limit: Option<f64>) {
        if report.is_full() {
            return report.count_more();
        }
        report.push(Violation { path: self.pointer(key), code, message, limit });
    }

    /// Reports a violation at item `index` of the array at `key`.
    pub fn item_violation(
        &self,
        report: &mut Report,
        key: &str,
        index: usize,
        code: ViolationCode,
        message: String,
        limit: Option<f64>,
    ) {
        if report.is_full() {
            return report.count_more();
        }
        let mut path = self.pointer(key);
        push_index(&mut path, index);
        report.push(Violation { path, code, message, limit });
    }

    /// Reports every key of this object that is not in `known` (a field the model does not
    /// carry would otherwise be dropped silently).
    pub fn only(&self, report: &mut Report, known: &[&str]) {
        // This object's pointer, found once for all its unknown fields.
        let mut at: Option<String> = None;
        for (key, _) in self.fields {
            if known.contains(&key.as_ref()) {
                continue;
            }
            if report.is_full() {
                report.count_more();
                continue;
            }
            let mut path = at.get_or_insert_with(|| self.at()).clone();
            push_key(&mut path, key);
            let message = format!("unknown field {key:?}; expected one of {}", known.join(", "));
            report.push(Violation { path, code: ViolationCode::UnknownField, message, limit: None });
        }
    }

    /// A field whose value, when present, is fixed by the document's type (an interactive
    /// action's `name`, a reply button's `type`): anything else is reported.
    pub fn constant(&self, report: &mut Report, key: &str, expected: &str) {
        if self.str(report, key).is_some_and(|value| value != expected) {
            self.invalid(report, key, format!("{key} is {expected:?} here"));
        }
    }

    /// [`Obj::constant`], and required: a field the provider needs though the document's
    /// type says what it must be (Meta's interactive `action.name`, a reply button's `type`).
    pub fn fixed(&self, report: &mut Report, key: &str, expected: &str) {
        self.require(report, key);
        self.constant(report, key, expected);
    }

    pub fn require(&self, report: &mut Report, key: &str) {
        if !self.has(key) {
            self.missing(report, key);
        }
    }
}

/// The JSON pointer of `target`, a node of the document `root` (found by address). Only
/// violations call it, so valid documents never pay for the walk.
pub fn locate(root: &Json<'_>, target: &Json<'_>) -> Option<String> {
    locate_all(root, &[target]).pop().flatten()
}

/// The pointers of several nodes of `root` (found by address), in one walk: a webhook body
/// locates every event's raw object, and a search for each made a body of n events cost n².
pub fn locate_all(root: &Json<'_>, targets: &[&Json<'_>]) -> Vec<Option<String>> {
    let address = |node: &Json<'_>| node as *const Json<'_> as usize;
    let mut wanted: Vec<(usize, usize)> = targets.iter().enumerate().map(|(i, t)| (address(t), i)).collect();
    wanted.sort_unstable();
    let mut found = vec![None; targets.len()];
    let mut left = targets.len();
    let mut path = String::new();
    // Iterative (a document may nest deeper than the stack): each node with the length of its
    // parent's path and its own segment.
    let mut stack: Vec<(&Json<'_>, usize, Option<Segment<'_>>)> = vec![(root, 0, None)];
    while let Some((node, depth, segment)) = stack.pop() {
        if left == 0 {
            break;
        }
        path.truncate(depth);
        match segment {
            Some(Segment::Key(key)) => push_key(&mut path, key),
            Some(Segment::Index(index)) => push_index(&mut path, index),
            None => {}
        }
        let at = address(node);
        let from = wanted.partition_point(|&(a, _)| a < at);
        for &(_, i) in wanted.get(from..).unwrap_or_default().iter().take_while(|&&(a, _)| a == at) {
            if let Some(slot) = found.get_mut(i).filter(|slot| slot.is_none()) {
                *slot = Some(path.clone());
                left -= 1;
            }
        }
        let depth = path.len();
        match node {
            Json::Object(fields) => {
                stack.extend(fields.iter().rev().map(|(key, value)| (value, depth, Some(Segment::Key(key.as_ref())))))
            }
            Json::Array(items) => {
                stack.extend(items.iter().enumerate().rev().map(|(i, value)| (value, depth, Some(Segment::Index(i)))))
            }
            _ => {}
        }
    }
    found
}

fn as_array<'v>(value: &'v Json<'v>) -> Option<&'v Vec<Json<'v>>> {
    match value {
        Json::Array(items) => Some(items),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_all_finds_every_node_in_one_walk() {
        let text = r#"{"a/b": [1, {"~k": [true, null, {"x": "y"}]}, [[]]], "c": {"d": {}}, "e": 1}"#;
        let root = crate::json::parse(text).unwrap();
        let mut nodes = Vec::new();
        let mut todo = vec![&root];
        while let Some(node) = todo.pop() {
            nodes.push(node);
            match node {
                Json::Object(fields) => todo.extend(fields.iter().map(|(_, v)| v)),
                Json::Array(items) => todo.extend(items.iter()),
                _ => {}
            }
        }
        // Every node, twice (two events may share a raw object), and one from elsewhere.
        let other = crate::json::parse("{}").unwrap();
        let mut targets: Vec<&Json<'_>> = nodes.iter().chain(nodes.iter()).copied().collect();
        targets.push(&other);
        let found = locate_all(&root, &targets);
        // Each pointer leads back to its node, resolved segment by segment.
        for (target, pointer) in targets.iter().zip(&found).take(2 * nodes.len()) {
            let pointer = pointer.as_deref().expect("every node of the document is found");
            let mut node = &root;
            for segment in pointer.split('/').skip(1) {
                let segment = crate::validate::unescape(segment);
                node = match node {
                    Json::Array(items) => &items[segment.parse::<usize>().unwrap()],
                    _ => node.get(&segment).unwrap(),
                };
            }
            assert!(std::ptr::eq(node, *target), "{pointer}");
        }
        assert!(found.contains(&Some("/a~1b/1/~0k/2/x".into())));
        assert_eq!(found.last(), Some(&None));
        assert_eq!(locate(&root, nodes[3]), found[3]);
    }

    #[test]
    fn reports_every_missing_field_and_wrong_type() {
        let text = r#"{"a": 1, "b": {"c": [{"d": "x"}, 5]}, "n": "2.5", "i": 300}"#;
        let value: Json<'_> = serde_json::from_str(text).unwrap();
        let mut report = Report::new();
        let root = Obj::root(&value, &mut report).unwrap();
        assert_eq!(root.str(&mut report, "a"), None);
        assert_eq!(root.req_str(&mut report, "missing"), None);
        let b = root.req_obj(&mut report, "b").unwrap();
        let items = b.objects(&mut report, "c", true).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].req_str(&mut report, "d").as_deref(), Some("x"));
        assert_eq!(root.number(&mut report, "n", true), Some(2.5));
        assert_eq!(root.int::<u8>(&mut report, "i", true), None);
        let found: Vec<_> = report.violations().iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(
            found,
            [
                ("/a", ViolationCode::InvalidValue),
                ("/missing", ViolationCode::Required),
                ("/b/c/1", ViolationCode::InvalidValue),
                ("/i", ViolationCode::OutOfRange)
            ]
        );
    }

    #[test]
    fn a_whole_number_is_refused_with_what_was_given() {
        let text = r#"{"neg": -1, "frac": 1.5, "huge": 1e300, "big": 18446744073709551615, "s": "3", "nan": null}"#;
        let value: Json<'_> = crate::json::parse(text).unwrap();
        let mut report = Report::new();
        let root = Obj::root(&value, &mut report).unwrap();
        for key in ["neg", "frac", "huge", "big", "s"] {
            assert_eq!(root.int::<u64>(&mut report, key, false), None, "{key}");
        }
        assert_eq!(root.number(&mut report, "nan", true), None);
        let found: Vec<_> =
            report.violations().iter().map(|v| (v.path.as_str(), v.message.as_str(), v.limit)).collect();
        assert_eq!(
            found,
            [
                ("/neg", "neg must be 0 or more (got -1)", Some(0.0)),
                ("/frac", "frac must be a whole number (got 1.5)", None),
                ("/huge", "huge is out of range (got 1e+300)", None),
                ("/big", "big is out of range (got 18446744073709551615)", None),
                ("/s", "s must be a whole number, not a string", None),
                ("/nan", "nan must be a number, not null (a NaN or an Infinity is null once in JSON)", None),
            ]
        );
    }

    #[test]
    fn a_whole_number_written_with_a_fraction_or_an_exponent_is_that_number() {
        let text = r#"{"a": 100990.0, "b": 1e5, "c": -2.0e0, "d": 9007199254740993.0, "e": 1.5e0}"#;
        let value: Json<'_> = crate::json::parse(text).unwrap();
        let mut report = Report::new();
        let root = Obj::root(&value, &mut report).unwrap();
        assert_eq!(root.int::<u64>(&mut report, "a", true), Some(100_990));
        assert_eq!(root.int::<u32>(&mut report, "b", true), Some(100_000));
        assert_eq!(root.int::<i64>(&mut report, "c", true), Some(-2));
        assert_eq!(root.int::<i64>(&mut report, "d", true), None, "past 2^53 a float is not exact");
        assert_eq!(root.int::<i64>(&mut report, "e", true), None);
        let codes: Vec<_> = report.violations().iter().map(|v| (v.path.as_str(), v.code)).collect();
        assert_eq!(codes, [("/d", ViolationCode::OutOfRange), ("/e", ViolationCode::InvalidValue)]);
    }

    /// A document with thousands of faults lists the first hundred and counts the rest (each
    /// listed fault walks the document for its pointer; all of them would be quadratic).
    #[test]
    fn thousands_of_faults_are_counted_past_a_hundred() {
        let keys: Vec<String> = (0..20_000).map(|i| format!("\"k{i}\":{{}}")).collect();
        let text = format!("{{\"a\":[{}],\"o\":{{{}}}}}", vec!["{}"; 20_000].join(","), keys.join(","));
        let value = crate::validate::parse_tree(&text).unwrap();
        let mut report = Report::new();
        let root = Obj::root(&value, &mut report).unwrap();
        root.req_obj(&mut report, "o").unwrap().only(&mut report, &["known"]);
        for item in root.objects(&mut report, "a", true).unwrap() {
            item.req_str(&mut report, "x");
        }
        let violations = report.into_violations();
        assert_eq!(violations.len(), crate::validate::MAX_VIOLATIONS + 1);
        assert_eq!(violations[0].path, "/o/k0");
        let last = violations.last().unwrap();
        assert_eq!((last.path.as_str(), last.code), ("", ViolationCode::TooMany));
        assert!(last.message.starts_with("39900 more"), "{}", last.message);
    }

    /// Pointers are found by address: two empty objects are told apart.
    #[test]
    fn empty_objects_have_their_own_pointers() {
        let value = crate::validate::parse_tree(r#"{"a": {}, "b": [{}, {}]}"#).unwrap();
        let mut report = Report::new();
        let root = Obj::root(&value, &mut report).unwrap();
        let b = root.objects(&mut report, "b", true).unwrap();
        b[1].req_str(&mut report, "x");
        root.req_obj(&mut report, "a").unwrap().req_str(&mut report, "y");
        let paths: Vec<_> = report.violations().iter().map(|v| v.path.as_str()).collect();
        assert_eq!(paths, ["/b/1/x", "/a/y"]);
    }
}
