//! # wabridge
//!
//! Build, validate, serialize, send and receive WhatsApp messages for Meta's WhatsApp Cloud
//! API, Bird's Channels API and 1MSG.IO — one Rust core, compiled to WebAssembly for Node,
//! Deno, Bun, Cloudflare Workers and browsers.
//!
//! ## Module map
//! Imports run one way, down this list: a module uses only the ones below it.
//! - `wasm` (feature `wasm`): the JS bindings — the only module with `#[wasm_bindgen]`: the
//!   exported functions, errors as JS `Error` classes, and the clients' sans-IO core (their
//!   I/O half is JS, in the package). Public so that tests/wasm_*.rs can drive it from Rust.
//! - [`provider`]: the pattern every provider fills in ([`provider::codec`]: a codec, typed
//!   operations, one table per provider with an entry per content kind) and one folder per
//!   provider: read, write, client (request building, answer decoding), errors.
//! - [`event`]: webhooks read — one event shape for every provider (inbound messages with
//!   their neutral content, status updates, errors, others), and its JSON writer.
//! - [`message`]: the provider-neutral model (`Message` = recipient + reply-to + content),
//!   its validators, reader and writer; knows no provider.
//! - [`error`]: one small error type per operation (`BodyError`, `AnswerError`,
//!   `TransportError`, `SendError`).
//! - [`validate`]: violations (`{path, code, message, limit}`), the rule helpers, and `Obj`,
//!   which reads a document field by field with every fault at its pointer.
//! - [`http`]: sans-IO requests and responses, the retry policy (a hint in, a decision out),
//!   URLs read as `fetch` reads them, redaction of secrets; knows no provider or error.
//! - [`json`]: JSON text in and out (a parser into a borrowed tree, a writer).
//! - [`provider_id`], [`limits`]: the provider names; every documented limit as a named
//!   constant (JS: `LIMITS`).
//! - Leaves that import nothing of the crate: [`signature`] (HMAC-SHA256, SHA-256, base64 and
//!   hex, a constant-time comparison), [`phone`] (numbering plans), [`clock`] (RFC 3339).
//!
//! The core has no JS types in its signatures, so `cargo test` exercises it natively.

pub mod clock;
pub mod error;
pub mod event;
pub mod http;
pub mod json;
pub mod limits;
pub mod message;
pub mod phone;
pub mod provider;
pub mod provider_id;
pub mod signature;
pub mod validate;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use error::{AnswerError, BodyError, ErrorReason, ProviderError, SendError, TransportError, Unsupported};
pub use message::{Content, Message, RecipientType, Text};
pub use provider_id::Provider;
pub use validate::{Violation, ViolationCode};
