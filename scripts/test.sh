#!/usr/bin/env bash
# The whole test suite (the README's test command, `npm test`, and what CI runs):
# lint, native Rust tests, wasm-bindgen-test in Node and headless Chromium, the built
# package's JS tests, and the packed tarball in every runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

step() { printf '\n=== %s\n' "$*"; }

step "rustfmt and clippy"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features wasm --all-targets -- -D warnings

step "native Rust tests"
cargo test

step "wasm-bindgen-test in Node"
cargo test --target wasm32-unknown-unknown --features wasm --test wasm_node

step "wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --features wasm --test wasm_browser

step "build pkg/"
node scripts/build.mjs

step "JS tests of the built package"
node --test tests/js/

step "TypeScript declarations: the README's snippets and typical programs compile (TypeScript 5 and current; dom / @types/node / both / esnext), invalid shapes do not"
node tests/types/run.mjs

step "the packed tarball in Node ESM, Node CJS, Deno, Bun, workerd and Chromium, and the examples"
node tests/packages/run.mjs
