#!/usr/bin/env bash
# Installs what building, running and testing wabridge needs; skips what is already there,
# so it is safe to run before every command.
#   scripts/setup.sh            Rust wasm target, wasm-bindgen CLI, npm dev dependencies
#   scripts/setup.sh --browser  also Debian's chromium + chromedriver (browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "[setup] $*"; }

if ! command -v cargo >/dev/null; then
  # rustup's default location, for shells that did not source ~/.cargo/env.
  export PATH="$HOME/.cargo/bin:$PATH"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The build compiles the standard library for wasm32 with the core (scripts/build.mjs, step 1).
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

# The CLI must match the pinned wasm-bindgen crate exactly.
want=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}; takes a few minutes)"
  # Not --locked: the registry mirror lacks one transitive version the CLI's lockfile pins.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  # `npm install`, not `npm ci`: the registry mirror's lockfile omits other platforms' optional
  # binaries (deno, bun), which `npm ci` then reports as out of sync.
  npm install --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver
  fi
fi
