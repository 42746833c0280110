// Deno: the module is read and compiled synchronously at import (no top-level await).
import { initSync } from "./wasm/index.js";

initSync({ module: Deno.readFileSync(new URL("./wasm/wabridge_bg.wasm", import.meta.url)) });

export * from "./wasm/index.js";
export { default as init } from "./wasm/wabridge.js";
export { LIMITS } from "./limits.js";
