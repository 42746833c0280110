/**
 * `wabridge/wasm` is the package's .wasm file, for bundlers that do not follow
 * `new URL("…wasm", import.meta.url)`. With esbuild's `--loader:.wasm=file` the import is the
 * path of the copy esbuild writes next to the bundle, relative to the bundle:
 * `init({ module_or_path: new URL(wasmUrl, import.meta.url) })`.
 */
declare const wasmUrl: string;
export default wasmUrl;
