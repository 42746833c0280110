// Concurrent redeliveries of one event through handleWebhook run its handler once: the key is
// claimed before the handler runs, not stored after it. A handler that throws releases the
// claim, so a later redelivery runs it again; the stores handleWebhook takes (its memory store,
// a KV-shaped asynchronous one) keep working.
import test from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { wabridge } from "./helpers.mjs";

const SECRET = "meta-app-s3cret";
const metaBody = (id, text) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" }, contacts: [{ profile: { name: "Ana" }, wa_id: "16505551234" }], messages: [{ from: "16505551234", id, timestamp: "1750100000", type: "text", text: { body: text } }] } }] }],
  });

async function signed(body) {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(SECRET), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
  const signature = `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  return new Request("https://hooks.example.com/meta", { method: "POST", headers: { "x-hub-signature-256": signature }, body });
}

/** The same delivery `n` times, at once. */
async function concurrently(n, body, options) {
  const requests = await Promise.all(Array.from({ length: n }, () => signed(body)));
  return Promise.all(requests.map((request) => wabridge.handleWebhook(request, options)));
}

/** A KV namespace's shape: asynchronous get and put, with a delay as a network would have. */
function kvStore() {
  const kv = new Map();
  return {
    kv,
    get: async (key) => (await sleep(2), kv.get(key) ?? null),
    put: async (key, value, { expirationTtl }) => (await sleep(2), kv.set(key, { value, expirationTtl })),
  };
}

for (const [name, makeStore] of [["MemoryDedupeStore", () => new wabridge.MemoryDedupeStore()], ["a KV-shaped store", kvStore]]) {
  test(`three identical deliveries at once run the handler once (${name})`, async () => {
    const store = makeStore();
    const handled = [];
    const options = {
      provider: "meta",
      secret: SECRET,
      dedupe: { store, ttlSeconds: 600 },
      on: { message: async (event) => (await sleep(20), handled.push(event.id)) },
    };
    const answers = await concurrently(3, metaBody("wamid.C1", "hello"), options);
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200]);
    assert.deepEqual(handled, ["wamid.C1"]);
    // Later redeliveries too.
    assert.equal((await wabridge.handleWebhook(await signed(metaBody("wamid.C1", "hello")), options)).status, 200);
    assert.deepEqual(handled, ["wamid.C1"]);
    if (store.kv) assert.deepEqual([...store.kv.values()], [{ value: "1", expirationTtl: 600 }]);
  });

  test(`a handler that throws releases its claim: the concurrent duplicates answer 500, a redelivery runs it again (${name})`, async () => {
    const store = makeStore();
    let calls = 0;
    const errors = [];
    const options = {
      provider: "meta",
      secret: SECRET,
      dedupe: { store },
      onError: (error) => errors.push(error.message),
      on: {
        message: async () => {
          calls++;
          await sleep(10);
          if (calls === 1) throw new Error("database down");
        },
      },
    };
    const answers = await concurrently(3, metaBody("wamid.C2", "flaky"), options);
    assert.deepEqual(answers.map((a) => a.status), [500, 500, 500], "nobody handled it: every delivery is redelivered");
    assert.equal(calls, 1, "the duplicates waited for the first, they did not run it");
    assert.deepEqual(errors, ["database down"], "onError hears of the handler's failure once");
    const again = await concurrently(2, metaBody("wamid.C2", "flaky"), options);
    assert.deepEqual(again.map((a) => a.status), [200, 200]);
    assert.equal(calls, 2);
  });
}

test("a redelivery after a 500 re-runs only the failed event, with concurrent deliveries of another beside", async () => {
  const store = new wabridge.MemoryDedupeStore();
  const seen = [];
  let fail = true;
  const options = {
    provider: "meta",
    secret: SECRET,
    dedupe: { store },
    on: {
      message: async (event) => {
        await sleep(5);
        if (event.text === "flaky" && fail) {
          fail = false;
          throw new Error("once");
        }
        seen.push(event.text);
      },
    },
  };
  const [a, b] = await Promise.all([concurrently(2, metaBody("wamid.D1", "steady"), options), concurrently(1, metaBody("wamid.D2", "flaky"), options)]);
  assert.deepEqual([...a, ...b].map((r) => r.status), [200, 200, 500]);
  assert.equal((await wabridge.handleWebhook(await signed(metaBody("wamid.D2", "flaky")), options)).status, 200);
  assert.equal((await wabridge.handleWebhook(await signed(metaBody("wamid.D1", "steady")), options)).status, 200);
  assert.deepEqual(seen, ["steady", "flaky"]);
});

test("a handler that never settles holds its event no longer than dedupe.claimSeconds: waiting duplicates answer 500, the next delivery runs it again", async () => {
  const store = new wabridge.MemoryDedupeStore();
  let calls = 0;
  const told = [];
  const options = {
    provider: "meta",
    secret: SECRET,
    dedupe: { store, claimSeconds: 1 },
    onError: (error, event) => told.push([error.message, event.id]),
    on: {
      message: async () => {
        calls++;
        if (calls === 1) await new Promise(() => {}); // hangs for good
      },
    },
  };
  const first = wabridge.handleWebhook(await signed(metaBody("wamid.H1", "hang")), options);
  let firstAnswered = false;
  first.then(() => (firstAnswered = true));
  await sleep(50);
  const waiting = await concurrently(2, metaBody("wamid.H1", "hang"), options);
  assert.deepEqual(waiting.map((a) => a.status), [500, 500], "no 200 for an event nobody has handled");
  assert.match(await waiting[0].text(), /redeliver/);
  assert.equal(calls, 1, "they waited; they did not run it beside the hung one");
  assert.equal(told.length, 2, "the stuck handler is heard of where it is found");
  assert.match(told[0][0], /handler of .*wamid\.H1.* is still running after 1 s \(dedupe\.claimSeconds\)/);
  assert.equal(told[0][1], "wamid.H1");
  const redelivered = await wabridge.handleWebhook(await signed(metaBody("wamid.H1", "hang")), options);
  assert.equal(redelivered.status, 200);
  assert.equal(calls, 2, "past its claim, the event is the next delivery's to handle");
  assert.equal((await wabridge.handleWebhook(await signed(metaBody("wamid.H1", "hang")), options)).status, 200);
  assert.equal(calls, 2, "handled once stored, it is a duplicate");
  assert.equal(firstAnswered, false);
});

test("a claimant outliving its claim does not end the claim of the delivery that took over", async () => {
  const store = new wabridge.MemoryDedupeStore();
  let calls = 0;
  const options = {
    provider: "meta",
    secret: SECRET,
    dedupe: { store, claimSeconds: 1 },
    onError: () => {},
    on: {
      message: async () => {
        const call = ++calls;
        await sleep(call === 1 ? 1400 : 800);
        // The first fails, late: nothing is stored, so only the second's claim can hold off the third.
        if (call === 1) throw new Error("late failure");
      },
    },
  };
  const slow = wabridge.handleWebhook(await signed(metaBody("wamid.H2", "slow")), options);
  await sleep(1100); // the first claim has lapsed
  const takeover = wabridge.handleWebhook(await signed(metaBody("wamid.H2", "slow")), options);
  await sleep(500); // the first settles now, while the second is still handling
  assert.equal((await slow).status, 500);
  const third = await wabridge.handleWebhook(await signed(metaBody("wamid.H2", "slow")), options);
  assert.equal(third.status, 200);
  assert.equal((await takeover).status, 200);
  assert.equal(calls, 2, "the third waited on the second's claim, which the first did not end");
});

test("dedupe.claimSeconds is a whole number of seconds, at least 1", async () => {
  for (const claimSeconds of [0, 0.5, "60", -1, 2_147_484]) {
    await assert.rejects(wabridge.handleWebhook(await signed(metaBody("wamid.H3", "x")), { provider: "meta", secret: SECRET, dedupe: { claimSeconds } }), (error) => error.name === "ArgumentError" && /dedupe\.claimSeconds/.test(error.message));
  }
});
