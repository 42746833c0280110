//! JSON pointers (RFC 6901), built lazily while walking a value.

use std::fmt::Write;

/// One step from a value into a child.
#[derive(Debug, Clone, Copy)]
pub enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// The location of a value: a chain of segments borrowed from the walker's stack frames.
/// Rendering to a pointer string happens only when a violation is recorded.
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Option<Segment<'a>>,
}

impl<'a> Path<'a> {
    /// The document root, rendered as the empty pointer `""`.
    pub const fn root() -> Path<'static> {
        Path { parent: None, segment: None }
    }

    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path { parent: Some(self), segment: Some(Segment::Key(key)) }
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path { parent: Some(self), segment: Some(Segment::Index(index)) }
    }

    /// The key this path ends in, if it ends in a key (what a message calls the value).
    pub fn last_key(&self) -> Option<&'a str> {
        match self.segment {
            Some(Segment::Key(key)) => Some(key),
            _ => None,
        }
    }

    /// Renders the pointer, escaping `~` as `~0` and `/` as `~1`.
    pub fn to_pointer(&self) -> String {
        let mut segments = Vec::new();
        let mut at = Some(self);
        while let Some(path) = at {
            if let Some(segment) = path.segment {
                segments.push(segment);
            }
            at = path.parent;
        }
        let mut out = String::new();
        for segment in segments.iter().rev() {
            match segment {
                Segment::Key(key) => push_key(&mut out, key),
                Segment::Index(index) => push_index(&mut out, *index),
            }
        }
        out
    }
}

/// Appends `/key` to a JSON pointer, escaping `~` and `/` (RFC 6901). Every pointer wabridge
/// reports is built with this and [`push_index`].
pub fn push_key(pointer: &mut String, key: &str) {
    pointer.push('/');
    for c in key.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Appends `/index` to a JSON pointer.
pub fn push_index(pointer: &mut String, index: usize) {
    let _ = write!(pointer, "/{index}");
}

/// The key a pointer segment names (RFC 6901: `~1` is `/`, `~0` is `~`, in that order).
pub fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_nested_pointers_with_escapes() {
        let root = Path::root();
        assert_eq!(root.to_pointer(), "");
        let content = root.key("content");
        let buttons = content.key("buttons");
        let first = buttons.index(0);
        assert_eq!(first.key("title").to_pointer(), "/content/buttons/0/title");
        assert_eq!(root.key("a/b~c").to_pointer(), "/a~1b~0c");
    }
}
