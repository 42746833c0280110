// app.mjs's checks from a CommonJS program, bundled by esbuild as CommonJS (its default for
// --platform=node): `require("wabridge")` takes node.cjs.
const { readFileSync } = require("node:fs");
const { ArgumentError, initSync, toProvider } = require("wabridge");

const { checks, check, attempt } = require("./harness.cjs");

const message = { to: "+16505551234", content: { type: "text", body: "Hi" } };

if (process.env.WASM_COPIED === "1") {
  const { value, error } = attempt(() => toProvider("meta", message));
  check("with wasm/ copied next to the bundle, it is initialised at require", value?.text?.body === "Hi", error);
} else {
  const before = attempt(() => toProvider("meta", message));
  check("without wasm/ the bundle still loads; a call says how to initialise", before.error instanceof ArgumentError && /initSync/.test(before.error.message), before.error ?? "no error");
  initSync({ module: readFileSync(process.env.WASM_PATH) });
  const after = attempt(() => toProvider("meta", message));
  check("initSync with the file's bytes initialises it", after.value?.text?.body === "Hi", after.error);
}
console.log(JSON.stringify(checks));
