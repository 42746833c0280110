//! # wabridge
//!
//! Build, validate, serialize, send and receive WhatsApp messages for Meta's WhatsApp Cloud
//! API, Bird's Channels API and 1MSG.IO — one Rust core, compiled to WebAssembly for Node,
//! Deno, Bun, Cloudflare Workers and browsers.
//!
//! ## Module map
//! - [`message`]: the provider-neutral model (`Message` = recipient + reply-to + content) and builders.
//! - [`limits`]: every documented limit as a named constant (JS: `LIMITS`).
//! - [`validate`]: violations (`{path, code, message, limit}`) and the rule helpers.
//! - [`provider`]: one module per provider — wire types, serialize, parse, request building,
//!   response and error decoding.
//! - [`http`]: sans-IO requests and responses, retry policy. Transports live in `wasm`.
//! - [`error`]: the core's error type.
//! - `wasm` (wasm32 only): the JS bindings — the only module with `#[wasm_bindgen]`. Public so
//!   that the wasm-bindgen-test suites (tests/wasm_*.rs) can drive it from Rust.
//!
//! The core has no JS types in its signatures, so `cargo test` exercises it natively.

pub mod error;
pub mod http;
pub mod json;
pub mod limits;
pub mod message;
pub mod provider;
pub mod provider_id;
pub mod validate;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use error::{AnswerError, BodyError, ErrorReason, ProviderError, SendError, TransportError, Unsupported};
pub use message::{Content, Message, RecipientType, Text};
pub use provider_id::Provider;
pub use validate::{Violation, ViolationCode};
