// Node `require()`: the same wasm, with lib.js bundled to CommonJS at build time.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const lib = require("./lib.cjs");

lib.initSync({ module: readFileSync(join(__dirname, "wasm", "wabridge_bg.wasm")) });

module.exports = lib;
