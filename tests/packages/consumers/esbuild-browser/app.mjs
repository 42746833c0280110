// A tiny browser program bundled with esbuild the way the README documents it:
//   esbuild app.mjs --bundle --format=esm --loader:.wasm=file --outdir=dist
// `wabridge/wasm` becomes the URL of the .wasm esbuild copies next to the bundle.
import { MetaClient, init, toProvider, validate } from "wabridge";
import { createSandbox } from "wabridge/sandbox";
import wasmUrl from "wabridge/wasm";

const results = [];
const check = async (name, fn) => {
  try {
    await fn();
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, error: String(error?.stack ?? error) });
  }
};
const message = { to: "+16505551234", content: { type: "text", body: "Hello from an esbuild bundle" } };

await check("before init(), a call throws the clear Error", () => {
  let error;
  try {
    validate(message);
  } catch (e) {
    error = e;
  }
  if (!/^wabridge is not initialised/.test(error?.message)) throw new Error(`got ${error}`);
});
await check("init({ module_or_path: wasmUrl }) loads the copied .wasm", async () => {
  if (!/\.wasm$/.test(wasmUrl)) throw new Error(`wasmUrl is ${wasmUrl}`);
  // esbuild's path is relative to the bundle (not to the page): resolved against it.
  await init({ module_or_path: new URL(wasmUrl, import.meta.url) });
});
await check("validate and toProvider", () => {
  if (validate(message).length !== 0) throw new Error("violations of a valid message");
  if (toProvider("meta", message).text.body !== message.content.body) throw new Error("Meta body");
});
await check("wabridge/sandbox in the same bundle shares the initialised wasm", async () => {
  const sandbox = createSandbox();
  sandbox.receive({ provider: "meta", from: message.to, text: "hi" });
  const { messageId } = await new MetaClient(sandbox.clientOptions("meta")).send(message);
  if (!/^wamid\./.test(messageId)) throw new Error(`message id ${messageId}`);
});
window.__results = results;
