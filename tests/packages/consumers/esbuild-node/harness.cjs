// The checks app.mjs (through `import`) and app.cjs (through `require`) run on the package
// they loaded, printed as JSON for tests/packages/run.mjs: once without wasm/ next to the
// bundle, once with it copied there (WASM_COPIED=1). node:fs comes from the app: a bundle to
// ES modules cannot `require` it from here.

const message = { to: "+16505551234", content: { type: "text", body: "Hi" } };

/** A call's value, or what it threw. */
const attempt = (call) => {
  try {
    return { value: call() };
  } catch (error) {
    return { error };
  }
};

function run({ ArgumentError, MetaClient, initSync, toProvider }, readFileSync) {
  const checks = [];
  const check = (name, ok, error) => checks.push({ name, ok: Boolean(ok), error: String(error ?? "") });
  if (process.env.WASM_COPIED === "1") {
    const { value, error } = attempt(() => toProvider("meta", message));
    check("with wasm/ copied next to the bundle, it is initialised when loaded", value?.text?.body === "Hi", error);
  } else {
    const before = attempt(() => toProvider("meta", message));
    check(
      "without wasm/ the bundle still loads; a call says how to initialise, as an ArgumentError",
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
}

module.exports = { run };
