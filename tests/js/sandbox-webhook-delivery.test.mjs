// How the sandbox delivers its webhooks, as providers do: a receiver that fails is delivered
// to again; one that hangs fails its attempt without holding the sandbox; signatures verify
// whether the webhook was POSTed or handed to a callback.
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

const BIRD_KEY = "bird-signing-key";

test("a webhook the receiver does not take (no 2xx) is delivered again, as providers redeliver: the receiver must take an event twice", async () => {
  const answers = [500, 503, 200];
  const posts = [];
  const sandbox = createSandbox({
    webhooks: { url: "https://hooks.example.com/in", fetch: async (url, init) => (posts.push(init.body), new Response("", { status: answers[posts.length - 1] ?? 200 })) },
  });
  sandbox.receive({ provider: "meta", from: "+16505551234", text: "hi" });
  await sandbox.settle();
  const [delivery] = sandbox.webhooks("meta");
  assert.deepEqual([delivery.status, delivery.attempts, delivery.responseStatus, delivery.error], ["delivered", 3, 200, null]);
  assert.equal(new Set(posts).size, 1, "the same bytes each time");
  // Never taken: failed, after every attempt, saying why.
  const refusing = createSandbox({ webhooks: { url: "https://hooks.example.com/in", fetch: async () => new Response("", { status: 500 }), retryDelaysMs: [1] } });
  refusing.receive({ provider: "1msg", from: "+16505551234", text: "hi" });
  await refusing.settle();
  const [failed] = refusing.webhooks("1msg");
  assert.deepEqual([failed.status, failed.attempts, failed.error], ["failed", 2, "the receiver answered HTTP 500"]);
});

test("a receiver that never answers fails its attempt at the timeout; the sandbox goes on (settle, the status chain)", async () => {
  let posts = 0;
  const sandbox = createSandbox({
    webhooks: { url: "https://hooks.example.com/in", fetch: () => (posts++, new Promise(() => {})), timeoutMs: 20, retryDelaysMs: [] },
  });
  const client = new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), fetch: sandbox.fetch });
  sandbox.receive({ provider: "meta", from: "+16505551234", text: "hi" });
  await client.send({ to: "+16505551234", content: { type: "text", body: "hello" } });
  await sandbox.settle();
  const webhooks = sandbox.webhooks("meta");
  assert.ok(webhooks.length >= 3, `the statuses played on: ${webhooks.length}`);
  for (const hook of webhooks) assert.deepEqual([hook.status, hook.error], ["failed", "the receiver did not answer within 20 ms"]);
  assert.equal(posts, webhooks.length);
  client.free();
});

test("without a URL: handed to the callback (delivered, with the URL Bird's signature covers), or only recorded", async () => {
  const handed = [];
  const sandbox = createSandbox({ bird: { signingKey: BIRD_KEY }, webhooks: { onWebhook: (hook) => handed.push(hook) } });
  sandbox.receive({ provider: "bird", from: "+16505551234", text: "hi" });
  await sandbox.settle();
  const [hook] = handed;
  assert.equal(hook.url, "https://sandbox.wabridge.invalid/webhooks/bird");
  assert.equal(wabridge.verifyWebhook("bird", { body: hook.body, headers: hook.headers, url: hook.url }, { secret: BIRD_KEY }), true);
  assert.deepEqual([sandbox.webhooks("bird")[0].status, sandbox.webhooks("bird")[0].attempts], ["delivered", 0]);
  const silent = createSandbox();
  silent.receive({ provider: "bird", from: "+16505551234", text: "hi" });
  await silent.settle();
  assert.equal(silent.webhooks("bird")[0].status, "recorded");
});

test("a receiver that keeps failing holds each status no longer than one attempt; settle() waits for the redeliveries", async () => {
  let posts = 0;
  const sandbox = createSandbox({ webhooks: { url: "https://hooks.example.com/in", fetch: async () => (posts++, new Response("", { status: 500 })), retryDelaysMs: [150, 150] } });
  const client = new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), fetch: sandbox.fetch });
  sandbox.receive({ provider: "meta", from: "+16505551234", text: "hi" });
  const { messageId } = await client.send({ to: "+16505551234", content: { type: "text", body: "hello" } });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const record = sandbox.messages("meta").find((m) => m.id === messageId);
  assert.deepEqual(record.statuses, ["sent", "delivered", "read"], "the statuses went on while the receiver failed");
  await sandbox.settle();
  assert.ok(sandbox.webhooks("meta").every((hook) => hook.attempts === 3 && hook.status === "failed"));
  assert.equal(posts, sandbox.webhooks("meta").length * 3);
  client.free();
});
