//! The wasm-bindgen-test suite in Node: `cargo test --target wasm32-unknown-unknown --test wasm_node`.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

mod wasm_common;
