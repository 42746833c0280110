//! Deserialization of the model's `type`-tagged unions (content, headers, template
//! components and parameters) without serde's buffering of internally tagged enums.
//!
//! serde's derive buffers the whole object to find the tag, which costs an allocation per
//! string and loses the location of errors inside the object (every error would point at
//! the enum itself). When `type` comes first — as in objects written `{ type: …, … }` —
//! the rest of the object is deserialized straight into the variant, so errors keep their
//! full JSON pointer. Otherwise the object is buffered, and the pointer inside it is carried
//! in the error message (see `validate::decode`), so it is not lost either.

/// Separates a pointer inside a buffered object from the error message (see `decode.rs`).
pub const INNER_POINTER_MARK: char = '\u{1}';

macro_rules! tagged_deserialize {
    ($enum:ident, $what:literal, { $($tag:literal => $variant:ident($ty:ty)),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $enum {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
                use std::fmt;

                const TAGS: &[&str] = &[$($tag),+];

                /// Reads the tag's value, refusing unknown tags (so the error points at `type`).
                struct Tag;
                impl<'de> DeserializeSeed<'de> for Tag {
                    type Value = usize;
                    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
                        let tag = String::deserialize(d)?;
                        TAGS.iter().position(|t| *t == tag).ok_or_else(|| {
                            // Reported at this object's `type` (see validate::decode).
                            de::Error::custom($crate::validate::encode_inner(&$crate::validate::Violation {
                                path: "/type".into(),
                                code: $crate::validate::ViolationCode::InvalidValue,
                                message: format!("type: unknown {} type {tag:?}; expected one of {}", $what, TAGS.join(", ")),
                                limit: None,
                            }))
                        })
                    }
                }

                fn variant<'de, D: serde::Deserializer<'de>>(index: usize, rest: D) -> Result<$enum, D::Error> {
                    let mut i = 0;
                    $(
                        if index == i {
                            return <$ty as serde::Deserialize>::deserialize(rest).map($enum::$variant);
                        }
                        i += 1;
                    )+
                    let _ = i;
                    Err(de::Error::custom("unreachable tag"))
                }

                struct TaggedVisitor;
                impl<'de> Visitor<'de> for TaggedVisitor {
                    type Value = $enum;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "{} object with a \"type\"", $what)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$enum, A::Error> {
                        let first: Option<String> = map.next_key()?;
                        if first.as_deref() == Some("type") {
                            let index = map.next_value_seed(Tag)?;
                            return variant(index, de::value::MapAccessDeserializer::new(map));
                        }
                        // `type` is not first: buffer the object and read it again from JSON
                        // text with `type` moved first (through the same serde_json code as
                        // the fast path, so no second deserializer is compiled in).
                        let mut object = serde_json::Map::new();
                        if let Some(key) = first {
                            object.insert(key, map.next_value()?);
                        }
                        while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                            object.insert(key, value);
                        }
                        let Some(tag) = object.remove("type") else { return Err(de::Error::missing_field("type")) };
                        let mut text = format!("{{\"type\":{tag}");
                        for (key, value) in &object {
                            text.push(',');
                            text.push_str(&serde_json::Value::String(key.clone()).to_string());
                            text.push(':');
                            text.push_str(&value.to_string());
                        }
                        text.push('}');
                        serde_json::from_str::<$enum>(&text)
                            .map_err(|e| de::Error::custom($crate::validate::encode_inner(&$crate::validate::structural_violation(&text, &e))))
                    }
                }

                deserializer.deserialize_map(TaggedVisitor)
            }
        }
    };
}

pub(crate) use tagged_deserialize;

#[cfg(test)]
mod tests {
    use crate::message::Message;
    use crate::validate::{ViolationCode, decode_json};

    fn error(json: &str) -> (String, ViolationCode) {
        let v = decode_json::<Message>(json).unwrap_err();
        (v.path, v.code)
    }

    #[test]
    fn errors_inside_tagged_objects_keep_their_pointer_whatever_the_key_order() {
        let type_first = r#"{"to":"1","content":{"type":"replyButtons","body":"x","buttons":[{"id":"a","title":5}]}}"#;
        assert_eq!(error(type_first), ("/content/buttons/0/title".into(), ViolationCode::InvalidValue));
        let type_last = r#"{"to":"1","content":{"body":"x","buttons":[{"id":"a","title":5}],"type":"replyButtons"}}"#;
        assert_eq!(error(type_last), ("/content/buttons/0/title".into(), ViolationCode::InvalidValue));
        let nested = r#"{"to":"1","content":{"type":"ctaUrl","header":{"text":7,"type":"text"},"body":"b","displayText":"d","url":"https://x.y"}}"#;
        assert_eq!(error(nested), ("/content/header/text".into(), ViolationCode::InvalidValue));
        assert_eq!(
            error(r#"{"to":"1","content":{"type":"fax"}}"#),
            ("/content/type".into(), ViolationCode::InvalidValue)
        );
        assert_eq!(error(r#"{"to":"1","content":{"body":"x"}}"#), ("/content/type".into(), ViolationCode::Required));
        assert_eq!(
            error(r#"{"to":"1","content":{"type":"text","body":"x","extra":1}}"#),
            ("/content/extra".into(), ViolationCode::UnknownField)
        );
        assert!(decode_json::<Message>(r#"{"content":{"body":"x","type":"text"},"to":"1"}"#).is_ok());
    }
}
