// Node and Bun: the module is read from disk and compiled synchronously at import, so
// nothing needs awaiting (`init()` is a no-op kept for code shared with browsers).
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/index.js";

initSync({ module: readFileSync(new URL("./wasm/wabridge_bg.wasm", import.meta.url)) });

export * from "./lib.js";
