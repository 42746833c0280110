// Node and Bun: the module is read from disk and compiled synchronously at import, so
// nothing needs awaiting (`init()` is a no-op kept for code shared with browsers).
import { createRequire } from "node:module";
import { initSync } from "./wasm/index.js";

// node:fs through require, not `import`: the ES facade of node:fs reads every export, and its
// lazy ReadStream getter loads node:stream and its graph, ~1.5–2 ms of a 10 ms import budget.
const { readFileSync } = createRequire(import.meta.url)("node:fs");

let bytes;
try {
  bytes = readFileSync(new URL("./wasm/wabridge_bg.wasm", import.meta.url));
} catch (error) {
  // A server bundle (esbuild, `bun build`) that did not copy wasm/ next to itself: the import
  // still succeeds, and every call throws an ArgumentError saying how to initialise, which
  // `initSync({ module: bytes })` with the file's bytes does.
  if (error?.code !== "ENOENT") throw error;
}
if (bytes) initSync({ module: bytes });

export * from "./lib.js";
