// Values that throw when read — a BigInt or a cycle for JSON.stringify, a getter, a Proxy —
// are refused with an ArgumentError every time, and leave nothing behind in the wasm: an
// exception caught there (wasm-bindgen's `catch`) kept a slot of its reference table for
// good, and once ~8 M calls had filled it every call trapped ("RuntimeError: unreachable").
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const cyclic = {};
cyclic.self = cyclic;
const throwing = { get to() { throw new Error("getter"); } };
const proxy = new Proxy({}, { get() { throw new Error("trap"); } });
const TEXT = { to: "+16505551234", content: { type: "text", body: "x" } };
const keysThrow = new Proxy({}, { ownKeys() { throw new Error("ownKeys"); } });
const detached = () => {
  const bytes = new Uint8Array(8);
  structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
  return bytes;
};
class LengthThrows extends Uint8Array {
  get length() {
    throw new Error("length");
  }
}
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
};

const CALLS = {
  "validate(BigInt)": () => wabridge.validate({ to: "+16505551234", n: 1n }),
  "toProvider(cycle)": () => wabridge.toProvider("meta", cyclic),
  "toProvider(getter)": () => wabridge.toProvider("meta", throwing),
  "convert(neutral, BigInt)": () => wabridge.convert("neutral", "meta", { n: 1n }),
  "convert(options getter)": () => wabridge.convert("meta", "bird", {}, { get operation() { throw new Error("option"); } }),
  "validateProvider(options proxy)": () => wabridge.validateProvider("1msg", {}, proxy),
  "new MetaClient(options getter)": () => new wabridge.MetaClient({ token: "t", get phoneNumberId() { throw new Error("option"); } }),
  // Read by the wasm without errors.js before: each throw unwound through its frames and
  // leaked stack, and after ~1 000–2 700 of them every call failed ("memory access out of bounds").
  "validateProvider(options whose keys throw)": () => wabridge.validateProvider("meta", "{}", keysThrow),
  "new MetaClient(options whose keys throw)": () => new wabridge.MetaClient(keysThrow),
  "validateProvider(now: a Date that cannot be read)": () => wabridge.validateProvider("bird", "{}", { now: new Proxy(new Date(), {}) }),
  "toProviderMany(a detached byte array)": () => wabridge.toProviderMany("meta", detached()),
  "toProviderMany(bytes whose length throws)": () => wabridge.toProviderMany("meta", new LengthThrows(4)),
  "toProviderMany(a revoked Proxy)": () => wabridge.toProviderMany("meta", revoked()),
  "readWebhook(a detached byte array)": () => wabridge.readWebhook("meta", detached()),
};

test("values that throw when read are ArgumentErrors, and leave the wasm's reference table as it was", async () => {
  const exports = await wabridge.init();
  const table = Object.values(exports).find((value) => value instanceof WebAssembly.Table);
  assert.ok(table, "the wasm's reference table");
  for (const [name, call] of Object.entries(CALLS)) {
    assert.throws(call, (e) => e instanceof wabridge.ArgumentError && e.code === "ERR_ARGUMENT", name);
    for (let i = 0; i < 2_000; i++) assert.throws(call);
    const before = table.length;
    for (let i = 0; i < 20_000; i++) assert.throws(call);
    assert.equal(table.length, before, `${name}: the table grew by ${table.length - before} over 20 000 calls`);
  }
  assert.equal(wabridge.toProvider("meta", TEXT).text.body, "x", "and the instance still works");
});

test("a bulk call's items that throw when read are their own errors, and leave the reference table as it was", async () => {
  const exports = await wabridge.init();
  const table = Object.values(exports).find((value) => value instanceof WebAssembly.Table);
  const items = [TEXT, { n: 1n }, undefined, throwing, cyclic, new Proxy(TEXT, { get() { throw new Error("trap"); } }), { toJSON: () => undefined }];
  const call = () => wabridge.toProviderMany("meta", items);
  const results = call();
  assert.deepEqual(results.map((r) => Object.keys(r)[1]), ["body", "error", "error", "error", "error", "error", "violations"]);
  assert.match(results[1].error.message, /BigInt/);
  assert.match(results[3].error.message, /getter/);
  assert.match(results[5].error.message, /trap/);
  for (let i = 0; i < 2_000; i++) call();
  const before = table.length;
  for (let i = 0; i < 20_000; i++) call();
  assert.equal(table.length, before, `the table grew by ${table.length - before} over 20 000 calls`);
});

test("an upload of a byte array whose length getter throws is sent as its bytes, and the wasm goes on working", async () => {
  let received;
  const fetch = async (url, init) => {
    received = init.body;
    return new Response(JSON.stringify({ id: "1" }), { headers: { "content-type": "application/json" } });
  };
  const meta = new wabridge.MetaClient({ token: "t", phoneNumberId: "1", fetch, retry: false });
  for (let i = 0; i < 2_000; i++) assert.equal((await meta.uploadMedia(new LengthThrows([0x89, 0x50, 0x4e, 0x47]), { type: "image/png" })).id, "1");
  assert.ok(received instanceof FormData || received?.byteLength > 0, "the upload was sent");
  const sentinel = new Uint8Array(8);
  structuredClone(sentinel.buffer, { transfer: [sentinel.buffer] });
  // A detached buffer reads as no bytes: an empty file, refused as one.
  await assert.rejects(meta.uploadMedia(sentinel, { type: "image/png" }), (e) => e instanceof wabridge.ValidationError && /empty/.test(e.message));
  assert.equal(wabridge.toProvider("meta", TEXT).text.body, "x", "and the instance still works");
});

test("a BigInt or a Symbol where a number goes is an ArgumentError naming it (the glue's `+value` threw a bare TypeError)", () => {
  const refused = (call, name) =>
    assert.throws(call, (e) => e instanceof wabridge.ArgumentError && e.code === "ERR_ARGUMENT" && e.message === `${name} must be a number (got bigint)`);
  refused(() => wabridge.checkMediaUpload("image/png", 10n), "size");
  refused(() => wabridge.receiveWebhook("meta", { body: "{}", headers: {} }, { secret: "s", toleranceSeconds: 10n }), "toleranceSeconds");
  assert.throws(() => wabridge.checkMediaUpload("image/png", Symbol("n")), /size must be a number \(got symbol\)/);
  assert.equal(wabridge.checkMediaUpload("image/png", 10), "image", "a number still goes through");
});
