// Retry-After as senders write it — seconds or an HTTP date — and whatever the answer's body
// is: a provider's error, or a proxy's or an edge's page. Meta's pair rate limit waits its
// documented 6 seconds; its spam rate limit is not sent again.
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const message = { to: "16505551234", content: { type: "text", body: "hi" } };
const failure = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);
const answering = (status, body, headers = {}) => {
  const calls = [];
  const fetch = async (url) => (calls.push(url), new Response(body, { status, headers }));
  return { fetch, calls };
};
const clients = {
  meta: (fetch) => new wabridge.MetaClient({ token: "T0KEN-META", phoneNumberId: "123456", fetch, retry: false }),
  bird: (fetch) => new wabridge.BirdClient({ accessKey: "K3Y-BIRD", workspaceId: "0a1b2c3d-0000-4000-8000-000000000001", channelId: "0a1b2c3d-0000-4000-8000-000000000002", fetch, retry: false }),
  "1msg": (fetch) => new wabridge.OneMsgClient({ token: "T0KEN-1MSG", instanceId: "123456", fetch, retry: false }),
};

test("every client takes Retry-After from a 429 that is not the provider's error body, in seconds or as an HTTP date", async () => {
  for (const [provider, make] of Object.entries(clients)) {
    for (const [retryAfter, low, high] of [["2", 2000, 2000], [new Date(Date.now() + 5000).toUTCString(), 3000, 5000]]) {
      const { fetch } = answering(429, "<html>Too many requests</html>", { "content-type": "text/html", "retry-after": retryAfter });
      const error = await failure(make(fetch).send(message));
      assert.ok(error instanceof wabridge.UnexpectedResponseError, `${provider}: ${error}`);
      assert.equal(error.retryable, true);
      assert.ok(error.retryAfterMs >= low && error.retryAfterMs <= high, `${provider} ${retryAfter}: ${error.retryAfterMs}`);
    }
  }
});

test("Meta: a pair rate limit (131056) waits 6 seconds unless told otherwise; a spam rate limit (131048) is not retryable", async () => {
  const graph = (code) => JSON.stringify({ error: { message: `(#${code}) limit hit`, type: "OAuthException", code } });
  const pair = await failure(clients.meta(answering(400, graph(131056)).fetch).send(message));
  assert.deepEqual([pair.reason, pair.retryable, pair.retryAfterMs], ["pair_rate_limited", true, 6000]);
  const spam = answering(400, graph(131048));
  const client = new wabridge.MetaClient({ token: "T0KEN-META", phoneNumberId: "123456", fetch: spam.fetch, retry: { maxRetries: 3, baseDelayMs: 1 } });
  const error = await failure(client.send(message));
  assert.deepEqual([error.reason, error.retryable, spam.calls.length], ["rate_limited", false, 1]);
});

test("retry and timeout options are refused with their range, as whole numbers where they count", () => {
  const make = (extra) => () => new wabridge.MetaClient({ token: "T0KEN-META", phoneNumberId: "123456", ...extra });
  assert.throws(make({ retry: { maxRetries: 1.5 } }), (e) => e instanceof wabridge.ArgumentError && /retry options\.maxRetries must be a whole number from 0 to 10$/.test(e.message));
  assert.throws(make({ timeoutMs: 0 }), (e) => e instanceof wabridge.ArgumentError && /timeoutMs must be a number from 1 to 600000$/.test(e.message));
  assert.doesNotThrow(make({ retry: { maxRetries: 3, baseDelayMs: 2.5 }, timeoutMs: 1500.5 }));
});
