// Node `require()`: the same wasm, with lib.js bundled to CommonJS at build time.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const lib = require("./lib.cjs");

// A server bundle that left wasm/ behind: required all the same; every call throws an
// ArgumentError saying how to initialise (`initSync({ module: bytes })`), as node.mjs does.
let bytes;
try {
  bytes = readFileSync(join(__dirname, "wasm", "wabridge_bg.wasm"));
} catch (error) {
  if (error?.code !== "ENOENT") throw error;
}
if (bytes) lib.initSync({ module: bytes });

module.exports = lib;
