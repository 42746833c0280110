// The README's esbuild recipe in a Node bundle: esbuild's file loader copies the .wasm next to
// the bundle and `init` is given its `file:` URL, which Node's `fetch` cannot read (Node's
// `init` reads it from disk). Printed as JSON checks for tests/packages/run.mjs.
import { init, toProvider } from "wabridge";
import wasmUrl from "wabridge/wasm";

const checks = [];
const name = "the README's esbuild recipe (file loader, init with the .wasm's URL) works in a Node bundle";
try {
  await init({ module_or_path: new URL(wasmUrl, import.meta.url) });
  const body = toProvider("meta", { to: "+16505551234", content: { type: "text", body: "Hi" } });
  checks.push({ name, ok: body.text.body === "Hi", error: JSON.stringify(body) });
} catch (error) {
  checks.push({ name, ok: false, error: String(error?.stack ?? error) });
}
console.log(JSON.stringify(checks));
