// Browsers and unknown runtimes: call `await init()` once before anything else. It fetches
// wasm/wabridge_bg.wasm next to this file (bundlers such as Vite rewrite that URL) or takes
// the module, bytes, URL or Response you pass.
export * from "./lib.js";
