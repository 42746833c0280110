// Node `require()`: the same wasm, with the glue bundled to CommonJS at build time.
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const glue = require("./wasm/index.cjs");

glue.initSync({ module: readFileSync(join(__dirname, "wasm", "wabridge_bg.wasm")) });

module.exports = { ...glue, LIMITS: require("./limits.cjs").LIMITS };
