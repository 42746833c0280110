// Everything the package exports, whatever the runtime; the entry next to this file loads
// the wasm module first (or, in browsers, `init()` does).
export * from "./wasm/index.js";
export { LIMITS, MEDIA_RULES } from "./limits.js";
export { createSandbox } from "./sandbox/index.js";
export { FAULT_MODES } from "./sandbox/faults.js";
