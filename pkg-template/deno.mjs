// Deno: the module comes in through a source phase import (a compiled
// WebAssembly.Module, no file-system permission needed) and is instantiated synchronously.
import source wasmModule from "./wasm/wabridge_bg.wasm";
import { initSync } from "./wasm/index.js";

initSync({ module: wasmModule });

export * from "./lib.js";
