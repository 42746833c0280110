// A client freed while a call is in flight (`using client = …; return client.send(m)`, or
// `send(); free()`): the call finishes with its answer, since the request may have been
// delivered; new calls are refused; the wasm core is released once the last call settles.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { wabridge } from "./helpers.mjs";

const message = { to: "16505551234", content: { type: "text", body: "hi" } };
const success = JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: "16505551234", wa_id: "16505551234" }], messages: [{ id: "wamid.W", message_status: "accepted" }] });
const failure = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);
const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fetch that answers `answer` after `ms`. */
const slowFetch = (ms, answer = () => new Response(success, { status: 200 })) => async () => {
  await later(ms);
  return answer();
};

function meta(fetch, Client = wabridge.MetaClient) {
  return new Client({ token: "T", phoneNumberId: "123456", fetch, retry: { baseDelayMs: 1 } });
}

/** What `async function notify() { using client = new MetaClient(…); return client.send(m); }` compiles to. */
async function notify(fetch) {
  const client = meta(fetch);
  try {
    return client.send(message);
  } finally {
    client[Symbol.dispose]();
  }
}

test("the `using` pattern: disposed while the send is in flight, the send still resolves with its result", async () => {
  assert.equal((await notify(slowFetch(10))).messageId, "wamid.W");
});

// The `using` syntax itself runs in the package test of every runtime that has it
// (tests/packages/conformance.mjs), against the sandbox.

test("send(); free() 10 ms later: the send resolves; a call after free() is refused with an ArgumentError", async () => {
  const client = meta(slowFetch(30));
  const sending = client.send(message);
  await later(10);
  client.free();
  const refused = await failure(client.send(message));
  assert.equal(refused.name, "ArgumentError");
  assert.equal(refused.code, "ERR_ARGUMENT");
  assert.match(refused.message, /freed/);
  assert.equal((await sending).messageId, "wamid.W");
  assert.equal((await failure(client.send(message))).code, "ERR_ARGUMENT", "still refused after the last call settled");
  client.free();
});

test("a call freed in flight that fails still fails as itself (a provider error, a timeout), not as a freed client", async () => {
  const refusing = meta(slowFetch(10, () => new Response(JSON.stringify({ error: { message: "bad", type: "OAuthException", code: 100 } }), { status: 400 })));
  const refused = refusing.send(message);
  refusing.free();
  const error = await failure(refused);
  assert.equal(error.name, "ProviderError");
  assert.equal(error.httpStatus, 400);

  const hanging = new wabridge.MetaClient({ token: "T", phoneNumberId: "123456", timeoutMs: 20, retry: false, fetch: (_, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason))) });
  const timingOut = hanging.send(message);
  hanging.free();
  assert.equal((await failure(timingOut)).name, "TimeoutError");
});

test("retries of a call freed in flight go on (the core stays until the call settles)", async () => {
  let calls = 0;
  const client = meta(async () => (++calls === 1 ? new Response(JSON.stringify({ error: { message: "rate", code: 130429 } }), { status: 429, headers: { "retry-after": "0" } }) : new Response(success, { status: 200 })));
  const sending = client.send(message);
  client.free();
  assert.equal((await sending).messageId, "wamid.W");
  assert.equal(calls, 2);
});

test("an upload whose file is still being read when the client is freed is sent", async () => {
  const client = meta(async () => new Response(JSON.stringify({ id: "M1" }), { status: 200 }));
  const file = { type: "image/png", size: 4, name: "x.png", arrayBuffer: async () => { await later(10); return new Uint8Array([1, 2, 3, 4]).buffer; } };
  const uploading = client.uploadMedia(file);
  client.free();
  assert.equal((await uploading).id, "M1");
});

// The package's entry is one bundle; the unbundled modules it is built from show the core's
// free() being called: the real clients.js over the real wasm core, initialised here.
test("the wasm core is freed once, when the last call in flight settles (not at free(), not again)", async () => {
  const core = await import("../../pkg/wasm/index.js");
  core.initSync({ module: readFileSync(new URL("../../pkg/wasm/wabridge_bg.wasm", import.meta.url)) });
  const { MetaClient } = await import("../../pkg/clients.js");
  let frees = 0;
  const free = core.ClientCore.prototype.free;
  core.ClientCore.prototype.free = function () {
    frees++;
    return free.call(this);
  };
  try {
    const client = meta(slowFetch(20), MetaClient);
    const first = client.send(message);
    const second = client.send(message);
    client.free();
    assert.equal(frees, 0, "not while calls are in flight");
    await first;
    assert.equal(frees, 0, "not while one is still in flight");
    await second;
    assert.equal(frees, 1, "when the last settles");
    client.free();
    client[Symbol.dispose]();
    assert.equal(frees, 1, "a second free is a no-op");
    const idle = meta(slowFetch(1), MetaClient);
    idle.free();
    assert.equal(frees, 2, "a client with nothing in flight is freed at once");
  } finally {
    core.ClientCore.prototype.free = free;
  }
});
