// Every fault mode, what the clients make of it, and determinism under a seed.
import test from "node:test";
import assert from "node:assert/strict";
import { CUSTOMER, createSandbox, text, wabridge } from "./helpers.mjs";

function metaSetup(faults, clientOptions = {}) {
  const sandbox = createSandbox({ enforceWindow: false, faults });
  const client = new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), retry: { baseDelayMs: 1 }, ...clientOptions });
  return { sandbox, client };
}

const failure = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);

test("rate_limit: 429 with Retry-After; the client waits and retries by itself", async () => {
  const { sandbox, client } = metaSetup([{ mode: "rate_limit", route: "messages", sequence: [1], retryAfterSeconds: 0 }]);
  const result = await client.send(text());
  assert.match(result.messageId, /^wamid\./);
  assert.equal(sandbox.requests.length, 2);
  const direct = createSandbox({ faults: [{ mode: "rate_limit", retryAfterSeconds: 7 }] });
  const response = await direct.fetch(`${direct.baseUrl}/v23.0/100000000000001/messages`, { method: "POST", body: "{}" });
  assert.deepEqual([response.status, response.headers.get("retry-after"), (await response.json()).error.code], [429, "7", 4]);
});

test("rate limits that outlast the retries are thrown with retryAfterMs", async () => {
  const { client } = metaSetup([{ mode: "rate_limit", retryAfterSeconds: 0 }], { retry: { maxRetries: 1, baseDelayMs: 1 } });
  const error = await failure(client.send(text()));
  assert.deepEqual([error.reason, error.httpStatus, error.retryable, error.retryAfterMs, error.attempts], ["rate_limited", 429, true, 0, 2]);
});

test("server_error and unavailable: retryable, not retried by default, retried with retryUnsafe", async () => {
  for (const [mode, status] of [["server_error", 500], ["unavailable", 503]]) {
    const { sandbox, client } = metaSetup([{ mode, sequence: [1] }]);
    const error = await failure(client.send(text()));
    assert.deepEqual([error.code, error.httpStatus, error.retryable, error.attempts], ["ERR_PROVIDER", status, true, 1]);
    assert.equal(sandbox.messages().length, 0, "nothing was sent");
    assert.ok(error.request.body.includes("Hello from the tests"), "the request is there to resend");
    const eager = metaSetup([{ mode, sequence: [1] }], { retry: { baseDelayMs: 1, retryUnsafe: true } });
    assert.match((await eager.client.send(text())).messageId, /^wamid\./);
  }
});

test("delay longer than the client's timeout: TimeoutError, and the sandbox never stored it", async () => {
  const { sandbox, client } = metaSetup([{ mode: "delay", delayMs: 5_000 }], { timeoutMs: 50 });
  const started = Date.now();
  const error = await failure(client.send(text()));
  assert.ok(error instanceof wabridge.TimeoutError);
  assert.equal(error.code, "ERR_TIMEOUT");
  assert.ok(Date.now() - started < 2_000, "aborted, not waited out");
  assert.equal(sandbox.messages().length, 0);
  const slowButFine = metaSetup([{ mode: "delay", delayMs: 20 }], { timeoutMs: 5_000 });
  assert.match((await slowButFine.client.send(text())).messageId, /^wamid\./);
});

test("reset: the connection drops and the client throws a TransportError", async () => {
  const { client } = metaSetup([{ mode: "reset" }]);
  const error = await failure(client.send(text()));
  assert.ok(error instanceof wabridge.TransportError);
  assert.deepEqual([error.code, error.retryable], ["ERR_TRANSPORT", true]);
  assert.match(error.message, /ECONNRESET|fetch failed/);
});

test("malformed_json and html: UnexpectedResponseError with the raw body", async () => {
  // The send was carried out (the message is the sandbox's), its 2xx answer cut short: not
  // retried, since sending again would deliver it twice.
  const garbled = metaSetup([{ mode: "malformed_json" }]);
  const malformed = await failure(garbled.client.send(text()));
  assert.deepEqual([malformed.code, malformed.httpStatus, malformed.retryable], ["ERR_UNEXPECTED_RESPONSE", 200, false]);
  assert.match(malformed.raw, /^\{"messaging_product":"whatsapp"/);
  assert.equal(garbled.sandbox.messages("meta").length, 1, "the message was sent");
  assert.equal(garbled.sandbox.requests.length, 1, "and not sent again");
  // Each provider's own answer, cut.
  for (const provider of ["bird", "1msg"]) {
    const sandbox = createSandbox({ enforceWindow: false, faults: [{ mode: "malformed_json", provider }] });
    const Client = { bird: wabridge.BirdClient, "1msg": wabridge.OneMsgClient }[provider];
    const error = await failure(new Client({ ...sandbox.clientOptions(provider), retry: false }).send(text()));
    assert.equal(error.code, "ERR_UNEXPECTED_RESPONSE", provider);
    assert.ok(!error.raw.includes("messaging_product"), `${provider}: ${error.raw}`);
    assert.equal(sandbox.messages(provider).length, 1, provider);
  }
  // A provider's own answer fires on that provider only.
  assert.throws(() => createSandbox({ faults: [{ mode: "onemsg_not_sent", provider: "meta" }] }), /onemsg_not_sent is 1msg's answer/);
  const pinned = createSandbox({ enforceWindow: false, faults: [{ mode: "meta_130429" }] });
  pinned.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
  assert.equal((await new wabridge.OneMsgClient(pinned.clientOptions("1msg")).send(text())).sent, true, "meta_130429 left 1MSG alone");
  const html = await failure(metaSetup([{ mode: "html" }]).client.send(text()));
  assert.deepEqual([html.code, html.httpStatus, html.retryable], ["ERR_UNEXPECTED_RESPONSE", 502, true]);
  assert.match(html.raw, /<h1>502 Bad Gateway<\/h1>/);
});

test("meta_130429: Meta's throughput error, rate_limited and retried", async () => {
  const { sandbox, client } = metaSetup([{ mode: "meta_130429", sequence: [1, 2] }]);
  await client.send(text());
  assert.equal(sandbox.requests.length, 3);
  const error = await failure(metaSetup([{ mode: "meta_130429" }], { retry: false }).client.send(text()));
  assert.deepEqual([error.providerCode, error.reason, error.httpStatus], [130429, "rate_limited", 400]);
});

test("meta_131056: Meta's pair rate limit, pair_rate_limited, retried after Meta's six seconds unless told otherwise", async () => {
  const error = await failure(metaSetup([{ mode: "meta_131056" }], { retry: false }).client.send(text()));
  assert.deepEqual([error.providerCode, error.reason, error.httpStatus, error.retryable], [131056, "pair_rate_limited", 400, true]);
  assert.equal(error.retryAfterMs, 6000);
  assert.throws(() => createSandbox({ faults: [{ mode: "meta_131056", provider: "bird" }] }), /meta_131056 is meta's answer/);
});

test("onemsg_not_sent: HTTP 200 with sent: false", async () => {
  const sandbox = createSandbox({ faults: [{ mode: "onemsg_not_sent", provider: "1msg" }] });
  sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
  const error = await failure(new wabridge.OneMsgClient(sandbox.clientOptions("1msg")).send(text()));
  assert.deepEqual([error.httpStatus, error.reason], [200, "not_sent"]);
});

test("rules match by provider, route and method; `times` fails the first N calls", async () => {
  const sandbox = createSandbox({ enforceWindow: false, faults: [{ mode: "server_error", provider: "bird" }, { mode: "server_error", provider: "meta", route: "media.upload" }] });
  const meta = new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), retry: false });
  assert.match((await meta.send(text())).messageId, /^wamid\./);
  const counted = createSandbox({ enforceWindow: false, faults: [{ mode: "unavailable", times: 2 }] });
  const client = new wabridge.MetaClient({ ...counted.clientOptions("meta"), retry: false });
  for (const expected of [true, true, false]) {
    const failed = await client.send(text()).then(() => false, () => true);
    assert.equal(failed, expected);
  }
  assert.throws(() => createSandbox({ faults: [{ mode: "explode" }] }), /unknown fault mode/);
});

test("probabilistic faults are deterministic under a seed", async () => {
  const outcomes = async (seed) => {
    const sandbox = createSandbox({ seed, enforceWindow: false, faults: [{ mode: "server_error", probability: 0.5 }] });
    const client = new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), retry: false });
    const results = [];
    for (let i = 0; i < 16; i++) results.push(await client.send(text()).then(() => "ok", () => "fault"));
    return results.join(",");
  };
  const first = await outcomes(42);
  assert.equal(await outcomes(42), first);
  assert.ok(first.includes("ok") && first.includes("fault"), first);
  assert.notEqual(await outcomes(7), first);
});
