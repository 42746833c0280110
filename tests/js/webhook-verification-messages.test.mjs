// What verification says and takes: a stale Bird signature says how long ago it was signed;
// `toleranceSeconds: Infinity` checks no freshness (the signature still is) and a tolerance
// that is no number of seconds is an ArgumentError, not a silent day; a wrong 1MSG URL token
// is said to be the token, not a signature; a body under 1MSG's keys that is not 1MSG's arrays
// is a WebhookError, not an empty list of events.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { wabridge } from "./helpers.mjs";

const { vectors } = JSON.parse(readFileSync(new URL("../fixtures/webhooks/signatures.json", import.meta.url), "utf8"));
const vector = (name) => vectors.find((v) => v.name === name);

test("a stale Bird signature says it was signed so long ago; Infinity checks no freshness", () => {
  const stale = vector("bird: outside the freshness window");
  assert.throws(
    () => wabridge.verifyWebhook("bird", stale, { secret: stale.secret, toleranceSeconds: 3600 }),
    (e) => e instanceof wabridge.SignatureError && e.reason === "stale" && / s ago; the window is 3600 s$/.test(e.message) && !/from now/.test(e.message),
  );
  assert.equal(wabridge.verifyWebhook("bird", stale, { secret: stale.secret, toleranceSeconds: Infinity }), true);
  const forged = vector("bird: wrong signing key");
  assert.throws(() => wabridge.verifyWebhook("bird", forged, { secret: forged.secret, toleranceSeconds: Infinity }), (e) => e.reason === "mismatch");
});

test("a toleranceSeconds that is no number of seconds is an ArgumentError", () => {
  const valid = vector("bird: valid, raw UTF-8 and escapes");
  for (const toleranceSeconds of [NaN, -1, -Infinity]) {
    assert.throws(
      () => wabridge.verifyWebhook("bird", valid, { secret: valid.secret, toleranceSeconds }),
      (e) => e instanceof wabridge.ArgumentError && e.code === "ERR_ARGUMENT" && /toleranceSeconds/.test(e.message),
      String(toleranceSeconds),
    );
  }
});

test("a wrong 1MSG URL token is said to be the token, and is never echoed", () => {
  const wrong = vector("1msg: a wrong token");
  assert.throws(
    () => wabridge.verifyWebhook("1msg", wrong, { secret: wrong.secret }),
    (e) => {
      assert.ok(e instanceof wabridge.SignatureError);
      assert.equal(e.reason, "mismatch");
      assert.match(e.message, /token/);
      assert.doesNotMatch(e.message, /signature|body/);
      const given = new URL(wrong.url).searchParams.get("secret");
      assert.ok(!e.message.includes(given) && !e.message.includes(wrong.secret));
      return true;
    },
  );
});

test("1MSG's keys holding something other than its arrays are not a 1MSG webhook", () => {
  for (const body of ['{"messages":"oops"}', '{"instanceId":"VID1","ack":{"id":"x"}}', '{"messages":[1]}']) {
    assert.throws(() => wabridge.readWebhook("1msg", body), (e) => e instanceof wabridge.WebhookError && e.code === "ERR_WEBHOOK" && /not a 1msg webhook/i.test(e.message), body);
  }
});
