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
            out.push('/');
            match segment {
                Segment::Key(key) => push_escaped(&mut out, key),
                Segment::Index(index) => {
                    let _ = write!(out, "{index}");
                }
            }
        }
        out
    }
}

fn push_escaped(out: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
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
