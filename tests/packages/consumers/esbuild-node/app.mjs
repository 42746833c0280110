// A Node server bundled as one file (esbuild --bundle --platform=node), as for a Lambda or a
// container: run once without wasm/ next to the bundle, once with it copied there. Prints its
// checks as JSON for tests/packages/run.mjs.
import { readFileSync } from "node:fs";
import { ArgumentError, MetaClient, initSync, toProvider } from "wabridge";
import harness from "./harness.cjs";

const { checks, check, attempt } = harness;
const message = { to: "+16505551234", content: { type: "text", body: "Hi" } };

if (process.env.WASM_COPIED === "1") {
  const { value, error } = attempt(() => toProvider("meta", message));
  check("with wasm/ copied next to the bundle, it is initialised at import", value?.text?.body === "Hi", error);
} else {
  const before = attempt(() => toProvider("meta", message));
  check(
    "without wasm/ the bundle still imports; a call says how to initialise, as an ArgumentError",
    before.error instanceof ArgumentError && before.error.code === "ERR_ARGUMENT" && /initSync\(\{ module: bytes \}\)/.test(before.error.message),
    before.error ?? "no error",
  );
  const client = attempt(() => new MetaClient({ token: "T0KEN", phoneNumberId: "1" }));
  check("a client made before init says the same", client.error instanceof ArgumentError, client.error ?? "no error");
  initSync({ module: readFileSync(process.env.WASM_PATH) });
  const after = attempt(() => toProvider("meta", message));
  check("initSync with the file's bytes initialises it", after.value?.text?.body === "Hi", after.error);
}
console.log(JSON.stringify(checks));
