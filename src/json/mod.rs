//! JSON text in and out, below everything else: a parser into a tree borrowed from the text
//! (`tree`), and a writer that writes straight from Rust values (`writer`). Reading a document
//! field by field, with violations, is `validate::Obj`'s business.

mod tree;
mod writer;

pub use tree::{Json, SyntaxError, parse};
pub use writer::JsonWriter;
