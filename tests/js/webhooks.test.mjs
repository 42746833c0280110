// Webhook signatures, checked by the package over the raw bytes: what the sandbox emits (signed
// as each provider signs) verifies; a tampered body, a wrong secret, a missing or malformed
// header, a stale Bird timestamp do not; re-serialized JSON (Meta escapes "/" and non-ASCII)
// does not — the way other libraries broke verification.
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

const { verifyWebhook, verifyRequest, answerMetaChallenge, SignatureError } = wabridge;
const SECRETS = { meta: "meta-app-s3cret", bird: "bird-signing-key", "1msg": "shared token/+" };
const URLS = {
  meta: "https://hooks.example.com/meta",
  bird: "https://hooks.example.com/bird",
  "1msg": `https://hooks.example.com/1msg?secret=${encodeURIComponent(SECRETS["1msg"])}`,
};

/** Each provider's inbound-message webhook, as the sandbox emits it; `now` is its clock. */
async function deliveries(now) {
  const sandbox = createSandbox({
    seed: 3,
    ...(now ? { now } : {}),
    meta: { appSecret: SECRETS.meta },
    bird: { signingKey: SECRETS.bird },
    webhooks: { url: URLS, fetch: async () => new Response("ok") },
  });
  for (const provider of ["meta", "bird", "1msg"]) {
    sandbox.receive({ provider, from: "+16505551234", text: "Olá / 😀 \u2028 done" });
  }
  await sandbox.settle();
  return sandbox.webhooks();
}

const refused = (fn, reason) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof SignatureError, String(e));
    assert.equal(e.code, "ERR_SIGNATURE");
    assert.equal(e.reason, reason, e.message);
    return true;
  });

test("what the sandbox emits verifies for each provider; tampering, another secret or no header does not", async () => {
  const hooks = await deliveries();
  for (const provider of ["meta", "bird", "1msg"]) {
    const hook = hooks.find((h) => h.provider === provider);
    assert.ok(hook, provider);
    const delivery = { body: hook.body, headers: hook.headers, url: hook.url };
    assert.equal(verifyWebhook(provider, delivery, { secret: SECRETS[provider] }), true, provider);
    assert.equal(verifyWebhook(provider, { ...delivery, body: new TextEncoder().encode(hook.body) }, { secret: SECRETS[provider] }), true);
    if (provider !== "1msg") {
      refused(() => verifyWebhook(provider, { ...delivery, body: hook.body.replace("Ol", "0l") }, { secret: SECRETS[provider] }), "mismatch");
    }
    refused(() => verifyWebhook(provider, delivery, { secret: "not the secret" }), "mismatch");
  }
});

test("1MSG signs nothing: the shared token in the webhook URL is the check", async () => {
  const hook = (await deliveries()).find((h) => h.provider === "1msg");
  // The body is not signed: a changed body with the right token passes; the token is what counts.
  assert.equal(verifyWebhook("1msg", { body: "{}", url: hook.url }, { secret: SECRETS["1msg"] }), true);
  refused(() => verifyWebhook("1msg", { body: "{}", url: "https://hooks.example.com/1msg" }, { secret: SECRETS["1msg"] }), "missing");
  refused(() => verifyWebhook("1msg", { body: "{}", url: hook.url }, { secret: "guess" }), "mismatch");
  const named = `https://hooks.example.com/1msg?k=${encodeURIComponent(SECRETS["1msg"])}`;
  assert.equal(verifyWebhook("1msg", { body: "{}", url: named }, { secret: SECRETS["1msg"], tokenParameter: "k" }), true);
});

test("Meta: the raw bytes, not re-serialized JSON (\\/ and \\uXXXX escapes change the bytes signed)", async () => {
  const hook = (await deliveries()).find((h) => h.provider === "meta");
  assert.match(hook.body, /\\u00e1/, "Meta escapes non-ASCII");
  assert.match(hook.body, /\\\//, "Meta escapes /");
  const reserialized = JSON.stringify(JSON.parse(hook.body));
  assert.notEqual(reserialized, hook.body);
  refused(() => verifyWebhook("meta", { body: reserialized, headers: hook.headers }, { secret: SECRETS.meta }), "mismatch");
  refused(() => verifyWebhook("meta", { body: hook.body, headers: {} }, { secret: SECRETS.meta }), "missing");
  refused(() => verifyWebhook("meta", { body: hook.body, headers: { "x-hub-signature-256": "sha1=abc" } }, { secret: SECRETS.meta }), "malformed");
});

test("Bird: the URL is signed, and the timestamp must be within the freshness window", async () => {
  const hook = (await deliveries()).find((h) => h.provider === "bird");
  // Signed three hours ago, as a Bird retry carries its original timestamp.
  const timestamp = String(Math.floor(Date.now() / 1000) - 3 * 3600);
  const { createHash, createHmac } = await import("node:crypto");
  const signed = Buffer.concat([Buffer.from(`${timestamp}\n${hook.url}\n`), createHash("sha256").update(hook.body).digest()]);
  const signature = createHmac("sha256", SECRETS.bird).update(signed).digest("base64");
  const headers = { ...hook.headers, "messagebird-request-timestamp": timestamp, "messagebird-signature": signature };
  const delivery = { body: hook.body, headers, url: hook.url };
  refused(() => verifyWebhook("bird", { ...delivery, url: "https://hooks.example.com/other" }, { secret: SECRETS.bird }), "mismatch");
  refused(() => verifyWebhook("bird", { ...delivery, url: undefined }, { secret: SECRETS.bird }), "missing");
  assert.equal(verifyWebhook("bird", delivery, { secret: SECRETS.bird }), true, "the default window is a day");
  refused(() => verifyWebhook("bird", delivery, { secret: SECRETS.bird, toleranceSeconds: 3600 }), "stale");
  assert.equal(verifyWebhook("bird", delivery, { secret: SECRETS.bird, toleranceSeconds: 4 * 3600 }), true);
});

test("verifyRequest reads a standard Request; Meta's challenge answers 200 or 403", async () => {
  const hook = (await deliveries()).find((h) => h.provider === "meta");
  const request = new Request("https://hooks.example.com/meta", { method: "POST", headers: hook.headers, body: hook.body });
  const { body, events } = await verifyRequest("meta", request, { secret: SECRETS.meta });
  assert.equal(new TextDecoder().decode(body), hook.body);
  assert.equal(events.length, 1);
  assert.equal(events[0].text, "Olá / 😀 \u2028 done");
  const forged = new Request("https://hooks.example.com/meta", { method: "POST", headers: hook.headers, body: "{}" });
  await assert.rejects(verifyRequest("meta", forged, { secret: SECRETS.meta }), SignatureError);
  const url = "https://hooks.example.com/meta?hub.mode=subscribe&hub.verify_token=v%20t&hub.challenge=1158201444";
  assert.deepEqual(answerMetaChallenge(url, "v t"), { status: 200, body: "1158201444" });
  assert.deepEqual(answerMetaChallenge(url, "other"), { status: 403, body: "" });
  assert.deepEqual(answerMetaChallenge(url.replace("subscribe", "unsubscribe"), "v t"), { status: 403, body: "" });
});

test("the sandbox signs Bird's webhooks by the wall clock, whatever time it plays: a receiver checking freshness takes them", async () => {
  const hook = (await deliveries(() => Date.now() - 30 * 86_400_000)).find((h) => h.provider === "bird");
  assert.equal(verifyWebhook("bird", { body: hook.body, headers: hook.headers, url: hook.url }, { secret: SECRETS.bird }), true);
});

test("isStatusAfter orders a message's statuses as its life goes, final ones last, and refuses what is not a status", () => {
  const { isStatusAfter } = wabridge;
  const life = ["accepted", "scheduled", "processing", "sent", "delivered", "read", "played"];
  for (let i = 0; i < life.length; i++) {
    for (let j = 0; j < life.length; j++) assert.equal(isStatusAfter(life[i], life[j]), i > j, `${life[i]} after ${life[j]}`);
  }
  for (const final of ["failed", "skipped", "deleted"]) {
    assert.equal(isStatusAfter(final, "read"), true);
    assert.equal(isStatusAfter("read", final), false, "nothing after a final status");
    assert.equal(isStatusAfter("failed", final), false);
  }
  assert.equal(isStatusAfter("sent", "other"), true);
  assert.equal(isStatusAfter("other", "sent"), false);
  assert.throws(() => isStatusAfter("viewed", "sent"), /isStatusAfter: status must be a status event's `status` \(other, accepted, .*\), got "viewed"/);
  assert.throws(() => isStatusAfter("sent", undefined), /than must be/);
  // Not the status table's inherited names.
  assert.throws(() => isStatusAfter("constructor", "sent"), /status must be/);
  assert.throws(() => isStatusAfter("sent", "__proto__"), /than must be/);
  // An ArgumentError whatever it was given, the message never failing to be made.
  for (const odd of [1n, Object.create(null), { get x() { throw new Error("getter"); } }, Symbol("s")]) {
    assert.throws(() => isStatusAfter(odd, "sent"), (e) => e instanceof wabridge.ArgumentError && /status must be/.test(e.message));
  }
});
