// Cloudflare Workers (workerd): Workers refuse to compile wasm from bytes, so the .wasm is
// imported as a module (wrangler and esbuild-based bundlers treat .wasm imports as
// CompiledWasm) and instantiated synchronously. No I/O or randomness at the top level.
import wasmModule from "./wasm/wabridge_bg.wasm";
import { initSync } from "./wasm/index.js";

initSync({ module: wasmModule });

export * from "./lib.js";
