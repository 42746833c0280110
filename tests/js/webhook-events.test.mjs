// Webhooks read into events by the package: every fixture (bodies from the providers' docs and
// specs, tests/fixtures/webhooks) gives its events; the signature vectors computed with Python
// verify as expected; handleWebhook answers HTTP as providers expect (challenge, 401, 400, 500
// so that they redeliver, duplicates filtered); and the sandbox's own deliveries, POSTed over
// real HTTP to the node:http and Express adapters, are verified, read and answered.
import test from "node:test";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import express from "express";
import { createSandbox, wabridge } from "./helpers.mjs";

const FIXTURES = new URL("../fixtures/webhooks/", import.meta.url);
const PROVIDERS = { meta: "meta", bird: "bird", "1msg": "1msg" };

/** `actual` holds everything `expected` says (objects member by member, arrays item by item). */
function holds(actual, expected, at = "") {
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    for (const [key, value] of Object.entries(expected)) {
      // A member expected null must be absent.
      if (value === null) {
        assert.ok(actual && !(key in actual), `${at}/${key} is ${JSON.stringify(actual?.[key])}, expected absent`);
        continue;
      }
      assert.ok(actual && key in actual, `${at}/${key} is missing`);
      holds(actual[key], value, `${at}/${key}`);
    }
  } else if (Array.isArray(expected)) {
    assert.equal(actual?.length, expected.length, `${at}: ${JSON.stringify(actual)}`);
    expected.forEach((item, i) => holds(actual[i], item, `${at}/${i}`));
  } else {
    assert.deepEqual(actual, expected, at);
  }
}

test("every fixture from the providers' documentation reads into its events, each keeping its raw object", () => {
  let count = 0;
  for (const folder of Object.keys(PROVIDERS)) {
    for (const file of readdirSync(new URL(`${folder}/`, FIXTURES)).sort()) {
      const fixture = JSON.parse(readFileSync(new URL(`${folder}/${file}`, FIXTURES), "utf8"));
      const body = JSON.stringify(fixture.body);
      for (const input of [body, new TextEncoder().encode(body)]) {
        const events = wabridge.readWebhook(folder, input);
        assert.equal(events.length, fixture.expect.length, `${folder}/${file}`);
        events.forEach((event, i) => {
          holds(event, fixture.expect[i], `${folder}/${file}#${i}`);
          assert.equal(event.provider, folder);
          assert.equal(typeof event.raw, "object");
        });
      }
      count++;
    }
  }
  assert.ok(count >= 50, `${count} fixtures`);
});

test("a body that is not the provider's webhook is a WebhookError that says why", () => {
  const meta = JSON.stringify({ object: "whatsapp_business_account", entry: [] });
  for (const [provider, body, why] of [
    ["bird", meta, /event/],
    ["1msg", meta, /messages/],
    ["meta", "{not json", /not JSON/],
    ["meta", JSON.stringify({ object: "page", entry: [] }), /"page"/],
  ]) {
    assert.throws(() => wabridge.readWebhook(provider, body), (e) => {
      assert.ok(e instanceof wabridge.WebhookError, String(e));
      assert.equal(e.code, "ERR_WEBHOOK");
      assert.equal(e.provider, provider);
      assert.match(e.message, why);
      return true;
    });
  }
});

test("signature vectors computed with Python's hmac verify as expected, through the package", () => {
  const { vectors } = JSON.parse(readFileSync(new URL("signatures.json", FIXTURES), "utf8"));
  for (const v of vectors) {
    let outcome = "accepted";
    try {
      const events = wabridge.receiveWebhook(v.provider, v, { secret: v.secret, toleranceSeconds: v.toleranceSeconds });
      assert.ok(Array.isArray(events), v.name);
    } catch (error) {
      assert.ok(error instanceof wabridge.SignatureError, `${v.name}: ${error}`);
      outcome = error.reason;
    }
    assert.equal(outcome, v.expect, v.name);
  }
});

const SECRETS = { meta: "meta-app-s3cret", bird: "bird-signing-key", "1msg": "shared token/+" };
const metaBody = (id, text) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" }, contacts: [{ profile: { name: "Ana" }, wa_id: "16505551234" }], messages: [{ from: "16505551234", id, timestamp: "1750100000", type: "text", text: { body: text } }] } }] }],
  });

async function signedMetaRequest(body, secret = SECRETS.meta) {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
  const signature = `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  return new Request("https://hooks.example.com/meta", { method: "POST", headers: { "x-hub-signature-256": signature }, body });
}

test("handleWebhook: typed handlers, duplicates filtered, a failed handler answered 500 and only it run again", async () => {
  const store = new wabridge.MemoryDedupeStore();
  const seen = [];
  let failOnce = true;
  const options = {
    provider: "meta",
    secret: SECRETS.meta,
    dedupe: { store },
    on: {
      message: async (event) => {
        if (event.text === "flaky" && failOnce) {
          failOnce = false;
          throw new Error("database down");
        }
        seen.push(event.text);
      },
    },
  };
  const first = await wabridge.handleWebhook(await signedMetaRequest(metaBody("wamid.A", "hello")), options);
  assert.equal(first.status, 200);
  const again = await wabridge.handleWebhook(await signedMetaRequest(metaBody("wamid.A", "hello")), options);
  assert.equal(again.status, 200, "a redelivery is answered 200");
  assert.deepEqual(seen, ["hello"], "and not handled twice");
  const failed = await wabridge.handleWebhook(await signedMetaRequest(metaBody("wamid.B", "flaky")), options);
  assert.equal(failed.status, 500, "a handler that throws makes the provider redeliver");
  const redelivered = await wabridge.handleWebhook(await signedMetaRequest(metaBody("wamid.B", "flaky")), options);
  assert.equal(redelivered.status, 200);
  assert.deepEqual(seen, ["hello", "flaky"]);
  assert.equal(store.size, 2);
  const without = { ...options, dedupe: false };
  await wabridge.handleWebhook(await signedMetaRequest(metaBody("wamid.A", "hello")), without);
  assert.deepEqual(seen, ["hello", "flaky", "hello"], "dedupe: false handles every delivery");
});

test("handleWebhook: a KV-shaped asynchronous store, and the TTL it is given", async () => {
  const kv = new Map();
  const puts = [];
  const store = { get: async (key) => kv.get(key) ?? null, put: async (key, value, options) => (puts.push(options), kv.set(key, value)) };
  const handled = [];
  const options = { provider: "meta", secret: SECRETS.meta, dedupe: { store, ttlSeconds: 3600 }, on: { event: (e) => handled.push(e.id) } };
  for (let i = 0; i < 2; i++) await wabridge.handleWebhook(await signedMetaRequest(metaBody("wamid.KV", "x")), options);
  assert.deepEqual(handled, ["wamid.KV"]);
  assert.deepEqual(puts, [{ expirationTtl: 3600 }]);
  assert.deepEqual([...kv.keys()], ["meta:message:wamid.KV"]);
});

test("handleWebhook answers 401 to a bad signature, 400 to a body that is not a webhook, and Meta's verification", async () => {
  const options = { provider: "meta", secret: SECRETS.meta, verifyToken: "v-token", on: { message: () => assert.fail("not called") } };
  const forged = await signedMetaRequest(metaBody("wamid.F", "forged"), "another secret");
  assert.equal((await wabridge.handleWebhook(forged, options)).status, 401);
  assert.equal((await wabridge.handleWebhook(await signedMetaRequest('{"object":"page"}'), options)).status, 400);
  const challenge = new Request("https://hooks.example.com/meta?hub.mode=subscribe&hub.verify_token=v-token&hub.challenge=42");
  const answer = await wabridge.handleWebhook(challenge, options);
  assert.deepEqual([answer.status, await answer.text()], [200, "42"]);
  const wrong = new Request("https://hooks.example.com/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=42");
  assert.equal((await wabridge.handleWebhook(wrong, options)).status, 403);
  assert.equal((await wabridge.handleWebhook(new Request("https://hooks.example.com/meta", { method: "PUT", body: "x" }), options)).status, 405);
  await assert.rejects(wabridge.handleWebhook(await signedMetaRequest("{}"), { provider: "meta" }), /secret/);
});

/** An HTTP server on a free port; resolves to its base URL and a closer. */
async function listen(handler) {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

test("end to end: the sandbox's signed deliveries over HTTP to nodeWebhookListener, read, and answered through each client", async () => {
  const received = { meta: [], bird: [], "1msg": [] };
  const options = (provider) => ({
    provider,
    secret: SECRETS[provider],
    on: {
      // Answering is one line: the sender's phone and the content, as they came.
      message: async (event) => {
        received[provider].push(event);
        if (event.text === "echo me") await clients[provider].send({ to: event.from.phone, replyTo: event.id, content: event.content });
      },
      status: (event) => received[provider].push(event),
    },
  });
  const listeners = Object.fromEntries(Object.keys(PROVIDERS).map((p) => [p, wabridge.nodeWebhookListener(options(p))]));
  const server = await listen((req, res) => listeners[new URL(req.url, "http://x").pathname.slice(1)](req, res));
  const sandbox = createSandbox({
    seed: 5,
    meta: { appSecret: SECRETS.meta },
    bird: { signingKey: SECRETS.bird },
    webhooks: { url: { meta: `${server.base}/meta`, bird: `${server.base}/bird`, "1msg": `${server.base}/1msg?secret=${encodeURIComponent(SECRETS["1msg"])}` } },
  });
  const clients = {
    meta: new wabridge.MetaClient(sandbox.clientOptions("meta")),
    bird: new wabridge.BirdClient(sandbox.clientOptions("bird")),
    "1msg": new wabridge.OneMsgClient(sandbox.clientOptions("1msg")),
  };
  try {
    for (const provider of Object.keys(PROVIDERS)) sandbox.receive({ provider, from: "+16505551234", name: "Ana", text: "echo me" });
    await sandbox.settle();
    await sandbox.settle();
    for (const provider of Object.keys(PROVIDERS)) {
      const deliveries = sandbox.webhooks(provider);
      assert.ok(deliveries.length >= 3, provider);
      assert.deepEqual([...new Set(deliveries.map((d) => d.responseStatus))], [200], `${provider}: every delivery answered 200`);
      const [message, ...statuses] = received[provider];
      assert.equal(message.type, "message");
      assert.equal(message.kind, "text");
      assert.equal(message.from.phone, "+16505551234");
      assert.deepEqual(message.content, { type: "text", body: "echo me" });
      const echoed = sandbox.messages(provider).at(-1);
      assert.ok(echoed, `${provider}: the echo was sent`);
      assert.ok(statuses.length >= 2, `${provider}: ${JSON.stringify(received[provider].map((e) => e.type))}`);
      assert.deepEqual(statuses.slice(0, 2).map((s) => s.status), ["sent", "delivered"], provider);
      for (const status of statuses) assert.equal(status.type, "status");
    }
  } finally {
    await server.close();
  }
});

test("Express: the middleware reads the raw stream, takes express.raw's Buffer, and refuses a body express.json parsed", async () => {
  const handled = [];
  const app = express();
  const options = { provider: "meta", secret: SECRETS.meta, on: { message: (e) => handled.push(e.text) } };
  app.post("/raw-stream", wabridge.expressWebhook(options));
  app.post("/raw-buffer", express.raw({ type: "*/*" }), wabridge.expressWebhook(options));
  app.post("/parsed", express.json(), wabridge.expressWebhook(options));
  app.use((error, req, res, next) => res.status(418).send(error.message));
  const server = await listen(app);
  try {
    for (const [path, text] of [["/raw-stream", "über \\/ 1"], ["/raw-buffer", "über \\/ 2"]]) {
      const request = await signedMetaRequest(metaBody(`wamid.${path}`, text));
      const response = await fetch(server.base + path, { method: "POST", headers: request.headers, body: await request.text() });
      assert.equal(response.status, 200, await response.text());
    }
    assert.deepEqual(handled, ["über \\/ 1", "über \\/ 2"]);
    const request = await signedMetaRequest(metaBody("wamid.parsed", "x"));
    const response = await fetch(server.base + "/parsed", { method: "POST", headers: { ...Object.fromEntries(request.headers), "content-type": "application/json" }, body: await request.text() });
    assert.equal(response.status, 418);
    assert.match(await response.text(), /express\.json/);
  } finally {
    await server.close();
  }
});

test("keys: Bird's interactions are known by their ids and filtered when redelivered; a notification without an id of the provider's has no key and runs on every delivery", async () => {
  const fixture = (name) => JSON.stringify(JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")).body);
  const [clicked] = wabridge.readWebhook("bird", fixture("bird/interaction-clicked.json"));
  assert.equal(clicked.key, "bird:whatsapp.interaction:d0d0d0d0-0000-4000-8000-000000000002");
  const [read] = wabridge.readWebhook("bird", fixture("bird/interaction-read.json"));
  assert.ok(read.key && read.key !== clicked.key);
  for (const name of ["meta/group-settings-update.json", "meta/value-errors.json", "meta/change-without-value.json"]) {
    for (const event of wabridge.readWebhook("meta", fixture(name)).filter((e) => e.type === "other" || e.type === "error")) {
      assert.equal(event.key, undefined, `${name}: ${event.type}`);
    }
  }
  // Delivered twice through handleWebhook: Bird's interaction handled once; Meta's group
  // update each time (the same bytes may be a new notification).
  const store = new wabridge.MemoryDedupeStore();
  const others = [];
  const url = "https://hooks.example.com/in";
  const signed = {
    meta: (body) => ({ "x-hub-signature-256": `sha256=${createHmac("sha256", "app-secret").update(body).digest("hex")}` }),
    bird: (body) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const digest = createHash("sha256").update(body).digest();
      const signature = createHmac("sha256", "signing-key").update(Buffer.concat([Buffer.from(`${timestamp}\n${url}\n`), digest])).digest("base64");
      return { "messagebird-request-timestamp": timestamp, "messagebird-signature": signature };
    },
  };
  const secrets = { meta: "app-secret", bird: "signing-key" };
  const deliver = async (provider, body) => {
    const request = new Request(url, { method: "POST", body, headers: signed[provider](body) });
    const answer = await wabridge.handleWebhook(request, { provider, secret: secrets[provider], dedupe: { store }, on: { other: (e) => others.push(e.provider) } });
    assert.equal(answer.status, 200);
  };
  for (let i = 0; i < 2; i++) {
    await deliver("bird", fixture("bird/interaction-clicked.json"));
    await deliver("meta", fixture("meta/group-settings-update.json"));
  }
  assert.deepEqual(others.sort(), ["bird", "meta", "meta"]);
});

test("readWebhook keeps its own copy of a Node Buffer's bytes: `raw` reads right after the caller reused the buffer", () => {
  const body = readFileSync(new URL("meta/text-message.json", FIXTURES));
  const buffer = Buffer.from(JSON.stringify(JSON.parse(body.toString()).body));
  const [event] = wabridge.readWebhook("meta", buffer);
  const expected = JSON.parse(buffer.toString()).entry[0].changes[0].value.messages[0];
  buffer.fill(0x20);
  assert.deepEqual(event.raw, expected);
});

test("keys: a Bird notification other than an interaction has no key (its payload id is its subject's: the channel's next update shares it)", () => {
  const update = (status) => JSON.stringify({ service: "channels", event: "channel.updated", payload: { id: "5b3a0000-0000-4000-8000-000000000001", status } });
  const [active] = wabridge.readWebhook("bird", update("active"));
  const [inactive] = wabridge.readWebhook("bird", update("inactive"));
  assert.equal(active.type, "other");
  assert.equal(active.key, undefined);
  assert.equal(inactive.key, undefined);
});

test("a Meta change whose messages or statuses hold something other than objects: its objects are read, the rest is one error event; times past a Date's range are none", () => {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: {
      messaging_product: "whatsapp", metadata: { phone_number_id: "2" },
      messages: [5, { from: "16505551234", id: "wamid.A", timestamp: "9223372036854776", type: "text", text: { body: "x" } }, "x"],
      statuses: [null],
    } }] }],
  });
  const events = wabridge.readWebhook("meta", body);
  assert.deepEqual(events.map((e) => e.type), ["message", "error"]);
  assert.equal(events[0].id, "wamid.A");
  assert.equal(events[0].timestamp, undefined, "9223372036854776 s is past what a Date holds");
  assert.equal(events[1].errors.length, 2);
  assert.match(events[1].errors[0].message, /messages hold something that is not a message object/);
  assert.equal(typeof events[1].raw, "object");
  const [late] = wabridge.readWebhook("1msg", JSON.stringify({ messages: [{ id: "a", body: "x", type: "chat", chatId: "16505551234@c.us", time: 9_000_000_000_000 }] }));
  assert.equal(late.timestamp, undefined);
});
