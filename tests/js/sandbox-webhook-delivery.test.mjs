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

// Deliveries astray (webhooks.disorder): a receiver on handleWebhook, each provider's messages
// and statuses, every delivery twice, held back or batched.
async function disorderedRun(disorder, { seed = 7, settleEach = false } = {}) {
  const secrets = { meta: "meta-app-secret", bird: BIRD_KEY, "1msg": "shared-token" };
  const handled = [];
  const stores = { meta: new wabridge.MemoryDedupeStore(), bird: new wabridge.MemoryDedupeStore(), "1msg": new wabridge.MemoryDedupeStore() };
  const receiver = async (url, init) => {
    const provider = new URL(url).pathname.slice(1);
    const request = new Request(url, { method: "POST", headers: init.headers, body: init.body });
    return wabridge.handleWebhook(request, {
      provider, secret: secrets[provider], dedupe: { store: stores[provider] },
      on: { event: (event) => handled.push(`${event.provider} ${event.type} ${event.id} ${event.providerStatus ?? ""}`) },
    });
  };
  const sandbox = createSandbox({
    seed,
    meta: { appSecret: secrets.meta },
    bird: { signingKey: secrets.bird },
    webhooks: { url: { meta: "https://hooks.example.com/meta", bird: "https://hooks.example.com/bird", "1msg": "https://hooks.example.com/1msg?secret=shared-token" }, fetch: receiver, disorder },
  });
  const clients = {
    meta: new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), fetch: sandbox.fetch }),
    bird: new wabridge.BirdClient({ ...sandbox.clientOptions("bird"), fetch: sandbox.fetch }),
    "1msg": new wabridge.OneMsgClient({ ...sandbox.clientOptions("1msg"), fetch: sandbox.fetch }),
  };
  for (const [provider, client] of Object.entries(clients)) {
    sandbox.receive({ provider, from: "+16505551234", text: "hi" });
    for (let i = 0; i < 4; i++) {
      await client.send({ to: "+16505551234", content: { type: "text", body: `hello ${i}` } });
      // One message's statuses at a time: which delivery comes next is then that message's own.
      if (settleEach) await sandbox.settle();
    }
  }
  await sandbox.settle();
  return { sandbox, handled };
}

/** What was handled, without ids (disorder changes the order ids are drawn in): provider, type, status. */
const kinds = (handled) => handled.map((h) => h.split(" ").filter((_, i) => i !== 2).join(" ")).sort();

test("webhooks.disorder: duplicates come with the same bytes and headers, and the receiver's filter handles each event once", async () => {
  const plain = await disorderedRun(undefined);
  const { sandbox, handled } = await disorderedRun({ duplicate: 1 });
  const deliveries = sandbox.webhooks();
  const twice = deliveries.filter((d) => d.duplicate);
  assert.equal(twice.length, deliveries.length / 2, "every delivery came a second time");
  for (const again of twice) {
    const original = deliveries.find((d) => !d.duplicate && d.body === again.body);
    assert.ok(original, "a duplicate repeats an earlier delivery's bytes");
    assert.deepEqual(again.headers, original.headers, "and its headers: signature, Bird's timestamp and request id");
    assert.equal(again.responseStatus, 200, "taken: a duplicate is not an error");
  }
  assert.ok(deliveries.every((d) => d.status === "delivered"));
  assert.deepEqual(kinds(handled), kinds(plain.handled), "the events handled once each, as without duplicates");
  assert.equal(new Set(handled).size, handled.length);
});

test("webhooks.disorder: a delivery held back comes after the provider's next one (a read before its delivered); isStatusAfter keeps the furthest", async () => {
  const plain = await disorderedRun(undefined);
  const { sandbox, handled } = await disorderedRun({ reorder: 1 }, { settleEach: true });
  const reordered = sandbox.webhooks().filter((d) => d.reordered);
  assert.ok(reordered.length > 0, "some deliveries were held back");
  const statuses = handled.filter((h) => h.startsWith("meta status")).map((h) => h.split(" "));
  // Somewhere a message's later status arrived before an earlier one…
  const progress = { sent: 0, delivered: 1, read: 2 };
  const seen = new Map();
  let outOfOrder = 0;
  const furthest = new Map();
  for (const [, , id, status] of statuses) {
    if (seen.has(id) && progress[status] < progress[seen.get(id)]) outOfOrder++;
    seen.set(id, status);
    if (!furthest.has(id) || wabridge.isStatusAfter(status, furthest.get(id))) furthest.set(id, status);
  }
  assert.ok(outOfOrder > 0, "a status came after a later one");
  // …and keeping only statuses after the one kept ends every message at its last.
  assert.deepEqual(new Set(furthest.values()), new Set(["read"]));
  assert.equal(new Set(handled).size, handled.length, "nothing handled twice");
  assert.deepEqual(kinds(handled), kinds(plain.handled), "every event handled, none lost");
});

test("webhooks.disorder: Meta and 1MSG batch two deliveries into one body, read into both events; Bird never batches", async () => {
  const plain = await disorderedRun(undefined);
  const { sandbox, handled } = await disorderedRun({ batch: 1 });
  const batched = sandbox.webhooks().filter((d) => d.batched);
  assert.deepEqual([...new Set(batched.map((d) => d.provider))].sort(), ["1msg", "meta"]);
  for (const delivery of batched) assert.equal(delivery.events.length, 2);
  const metaBatch = batched.find((d) => d.provider === "meta").payload;
  assert.equal(metaBatch.entry.length, 1, "one account's changes share its entry");
  assert.equal(metaBatch.entry[0].changes.length, 2);
  assert.deepEqual(kinds(handled), kinds(plain.handled), "every event of a batch handled");
  assert.equal(new Set(handled).size, handled.length);
});

test("webhooks.disorder is checked: unknown ways and probabilities outside 0..1 are refused", () => {
  assert.throws(() => createSandbox({ webhooks: { disorder: { lost: 0.1 } } }), /unknown webhooks.disorder "lost"; known: duplicate, reorder, batch/);
  assert.throws(() => createSandbox({ webhooks: { disorder: { duplicate: 2 } } }), /webhooks.disorder.duplicate is a probability, within 0..1/);
  assert.throws(() => createSandbox({ webhooks: { disorder: "often" } }), /webhooks.disorder must be an object/);
});

test("webhooks.disorder: settle() waits for a delivery held back while it waited; reset() drops what was due from before it", async () => {
  // A callback that makes the customer write again (a bot's conversation): its webhook is held.
  const handed = [];
  let again = true;
  const sandbox = createSandbox({
    webhooks: {
      disorder: { reorder: 1 },
      onWebhook: (hook) => {
        handed.push(hook.event);
        if (again) {
          again = false;
          sandbox.receive({ provider: "meta", from: "+16505551234", text: "me again" });
        }
      },
    },
  });
  sandbox.receive({ provider: "meta", from: "+16505551234", text: "hi" });
  await sandbox.settle();
  assert.equal(handed.length, 2, "both messages handed over before settle() resolved");
  // A duplicate due when reset() runs is not delivered into the new session.
  const calls = [];
  const fresh = createSandbox({ webhooks: { disorder: { duplicate: 1 }, onWebhook: (hook) => void calls.push(hook.payload) } });
  fresh.receive({ provider: "1msg", from: "+16505551234", text: "before reset" });
  fresh.reset();
  await fresh.settle();
  assert.deepEqual(fresh.webhooks(), []);
  assert.ok(calls.length <= 1, `delivered ${calls.length} times`);
});
