export * from "./wasm/wabridge.js";
export * from "./errors.js";
export * from "./clients.js";
export * from "./webhooks.js";
export * from "./messenger.js";
export { LIMITS, MEDIA_RULES } from "./limits.js";
export * from "./capabilities.js";

import type { InitInput, SyncInitInput } from "./wasm/wabridge.js";

/**
 * Loads the WebAssembly module. Browsers (and runtimes without a dedicated entry) must
 * `await init()` once before any other call; in Node, Deno, Bun and Workers the module is
 * loaded at import and this resolves at once. With no argument the `.wasm` is fetched from
 * beside the package's module; give its URL, bytes or a compiled `WebAssembly.Module` where
 * a bundler moved it (`{ module_or_path: url }`). Resolves to the instance's internals: not
 * for use. A module that cannot be loaded (a 404, a page served in its place, a
 * Content-Security-Policy without `'wasm-unsafe-eval'`) rejects with an `ArgumentError` that
 * says what to do, the loader's error as its `cause`; `init()` may be called again.
 */
export declare function init(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<unknown>;

/**
 * Loads the WebAssembly module synchronously from its bytes or a compiled
 * `WebAssembly.Module` (`{ module }`): what Node, Deno and Bun do at import. Returns the
 * instance's internals: not for use. Throws an `ArgumentError` (its `cause` the loader's
 * error) for bytes that are not the module.
 */
export declare function initSync(module: { module: SyncInitInput } | SyncInitInput): unknown;
