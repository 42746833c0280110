// Node and Bun: the module is read from disk and compiled synchronously at import, so
// nothing needs awaiting (`init()` then does nothing: it is kept for code shared with
// browsers, and for a bundle that left wasm/ behind, below).
import { createRequire } from "node:module";
import { init as initFrom, initSync } from "./wasm/index.js";

// node:fs through require, not `import`: the ES facade of node:fs reads every export, and its
// lazy ReadStream getter loads node:stream and its graph, ~1.5–2 ms of a 10 ms import budget.
// A server bundle (esbuild, `bun build`) may have left wasm/ behind, or (bundled to CommonJS)
// have no import.meta.url: the import still succeeds, and every call throws an ArgumentError
// saying how to initialise, which `initSync({ module: bytes })` with the file's bytes does.
const here = import.meta.url;
const readFileSync = typeof here === "string" ? createRequire(here)("node:fs").readFileSync : undefined;
let bytes;
if (readFileSync) {
  try {
    bytes = readFileSync(new URL("./wasm/wabridge_bg.wasm", here));
  } catch (error) {
    if (error?.code !== "ENOENT") throw error;
  }
}
if (bytes) initSync({ module: bytes });
let initialised = Boolean(bytes);

export * from "./lib.js";

/**
 * `init` as in browsers, but a `file:` URL is read from disk — what a bundle's `.wasm` is when
 * esbuild's file loader copied it next to the bundle (`new URL(wasmUrl, import.meta.url)`):
 * Node's `fetch` reads no files. (This export takes the place of the one in lib.js.)
 */
export async function init(options) {
  const source = options?.module_or_path ?? options;
  const url = source instanceof URL ? source : typeof source === "string" && source.startsWith("file:") ? new URL(source) : undefined;
  // Once loaded, `init` reads nothing (as in browsers): it resolves to the module it has.
  if (initialised || url?.protocol !== "file:" || !readFileSync) return initFrom(options);
  const exports = initSync({ module: readFileSync(url) });
  initialised = true;
  return exports;
}
