export * from "./wasm/wabridge.js";
export * from "./errors.js";
export * from "./clients.js";
export * from "./webhooks.js";
export * from "./messenger.js";
export { LIMITS, MEDIA_RULES } from "./limits.js";
export * from "./capabilities.js";

/**
 * Loads the WebAssembly module. Browsers (and runtimes without a dedicated entry) must
 * `await init()` once before any other call; in Node, Deno, Bun and Workers the module is
 * loaded at import and this resolves at once.
 */
export { default as init } from "./wasm/wabridge.js";
