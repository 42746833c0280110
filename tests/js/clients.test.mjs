// The clients' I/O half (pkg-template/clients.js and transport.js) with fetch doubles written
// as users write theirs: what reaches fetch, how answers of every shape are read, retries,
// timeouts and failures — the wasm core's half is tested in tests/wasm_common.
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const TOKEN = "SECRET-T";
const message = { to: "16505551234", content: { type: "text", body: "hi" } };
const success = JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: "16505551234", wa_id: "16505551234" }], messages: [{ id: "wamid.W", message_status: "accepted" }] });
const failure = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);

function client(fetch, extra = {}) {
  return new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "123456", fetch, retry: { baseDelayMs: 1 }, ...extra });
}

test("send: the request fetch gets, and a success read from a minimal double (status + text())", async () => {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return { status: 200, text: async () => success };
  };
  const result = await client(fetch).send(message);
  assert.equal(result.messageId, "wamid.W");
  assert.equal(result.messageStatus, "accepted");
  const [{ url, init }] = calls;
  assert.equal(url, "https://graph.facebook.com/v23.0/123456/messages");
  assert.equal(init.method, "POST");
  assert.equal(init.headers.Authorization, `Bearer ${TOKEN}`);
  assert.equal(init.headers["Content-Type"], "application/json");
  assert.equal(typeof init.body, "string", "JSON goes as text");
  assert.deepEqual(JSON.parse(init.body), wabridge.toProvider("meta", message));
  assert.ok(init.signal && typeof init.signal.aborted === "boolean", "a signal, to abort on timeout");
});

test("answers read through arrayBuffer() and plain-object headers too", async () => {
  const fetch = async () => ({ status: 200, headers: {}, arrayBuffer: async () => new TextEncoder().encode(success).buffer });
  assert.equal((await client(fetch).send(message)).messageId, "wamid.W");
});

test("a refusal rejects with a ProviderError carrying the redacted request and the attempts, never the token", async () => {
  const fetch = async () => new Response(JSON.stringify({ error: { message: "Invalid OAuth access token", type: "OAuthException", code: 190, fbtrace_id: "T" } }), { status: 401 });
  const error = await failure(client(fetch).send(message));
  assert.ok(error instanceof wabridge.ProviderError);
  assert.equal(error.reason, "invalid_token");
  assert.equal(error.providerCode, 190);
  assert.equal(error.retryable, false);
  assert.equal(error.attempts, 1);
  assert.equal(error.request.url, "https://graph.facebook.com/v23.0/123456/messages");
  assert.deepEqual(JSON.parse(error.request.body), wabridge.toProvider("meta", message), "enough to send it again");
  const everything = `${JSON.stringify(error)} ${String(error)} ${error.stack}`;
  assert.ok(!everything.includes(TOKEN), everything);
});

test("a rate limit is retried after the wait Meta asks for (Retry-After), then succeeds", async () => {
  let calls = 0;
  const fetch = async () => {
    calls += 1;
    return calls === 1
      ? new Response(JSON.stringify({ error: { message: "rate", code: 130429 } }), { status: 429, headers: { "retry-after": "0" } })
      : new Response(success, { status: 200 });
  };
  assert.equal((await client(fetch).send(message)).messageId, "wamid.W");
  assert.equal(calls, 2);
});

test("retries stop when used up: the last error says how many attempts were made", async () => {
  let calls = 0;
  const fetch = async () => {
    calls += 1;
    return new Response(JSON.stringify({ error: { message: "rate", code: 130429 } }), { status: 429 });
  };
  const error = await failure(client(fetch, { retry: { maxRetries: 2, baseDelayMs: 1 } }).send(message));
  assert.equal(error.code, "ERR_PROVIDER");
  assert.equal(error.attempts, 3);
  assert.equal(calls, 3);
});

test("a hanging fetch times out with a TimeoutError, its signal aborted", async () => {
  let signal;
  const fetch = (url, init) => {
    signal = init.signal;
    return new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(new Error("aborted"))));
  };
  const error = await failure(client(fetch, { timeoutMs: 20 }).send(message));
  assert.ok(error instanceof wabridge.TimeoutError);
  assert.equal(error.code, "ERR_TIMEOUT");
  assert.equal(error.retryable, true);
  assert.equal(error.attempts, 1, "a timeout may have delivered: not retried by default");
  assert.ok(signal.aborted);
});

test("a fetch that throws is a TransportError whose message never shows the token, even in the URL", async () => {
  const onemsg = new wabridge.OneMsgClient({ token: TOKEN, instanceId: "123456", fetch: async (url) => { throw new TypeError(`failed to fetch ${url}`); } });
  const error = await failure(onemsg.send(message));
  assert.ok(error instanceof wabridge.TransportError);
  assert.ok(!`${error.message} ${JSON.stringify(error)}`.includes(TOKEN), error.message);
  assert.match(error.message, /failed to fetch/);
});

test("a fetch that resolves to something that is not a Response is a TransportError, not a crash", async () => {
  for (const answer of [undefined, null, 42, { status: "200" }, { status: 99 }]) {
    const error = await failure(client(async () => answer).send(message));
    assert.ok(error instanceof wabridge.TransportError, String(answer));
  }
});

test("bad arguments reject before any I/O", async () => {
  let called = false;
  const meta = client(async () => { called = true; });
  assert.equal((await failure(meta.send({ to: "1" }))).code, "ERR_VALIDATION");
  assert.equal((await failure(meta.markRead(42))).code, "ERR_ARGUMENT");
  assert.equal((await failure(meta.uploadMedia("not a file", { type: "image/png" }))).code, "ERR_ARGUMENT");
  assert.equal((await failure(meta.uploadMedia(new Uint8Array(3)))).code, "ERR_ARGUMENT", "no MIME type");
  assert.equal((await failure(meta.uploadMedia(new Uint8Array(3), { type: "text/x-unknown" }))).code, "ERR_VALIDATION");
  assert.equal(called, false);
  assert.throws(() => new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "1", timeoutMs: 0 }), wabridge.ArgumentError);
  assert.throws(() => new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "1", fetch: "nope" }), wabridge.ArgumentError);
  assert.throws(() => new wabridge.BirdClient(undefined), wabridge.ArgumentError);
});

test("uploadMedia reads a Blob's bytes, type and name; downloadMedia returns bytes and their type", async () => {
  const seen = [];
  const fetch = async (url, init) => {
    seen.push({ url, init });
    if (init.method === "POST") return new Response(JSON.stringify({ id: "4490709327384033" }), { status: 200 });
    return new Response(new Uint8Array([1, 2, 255]), { status: 200, headers: { "content-type": "image/png" } });
  };
  const meta = client(fetch);
  const blob = new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" });
  assert.equal((await meta.uploadMedia(blob)).id, "4490709327384033");
  assert.ok(seen[0].init.body instanceof Uint8Array, "a multipart body goes as bytes");
  assert.match(seen[0].init.headers["Content-Type"], /^multipart\/form-data; boundary=/);
  const downloaded = await meta.downloadMedia("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1");
  assert.deepEqual([...downloaded.bytes], [1, 2, 255]);
  assert.equal(downloaded.mimeType, "image/png");
});

test("OneMsgClient.downloadMedia(url) needs no client: 1MSG's links are public, fetched without any token", async () => {
  const seen = [];
  const fetch = async (url, init) => {
    seen.push({ url, init });
    return new Response(new Uint8Array([37, 80, 68, 70]), { status: 200, headers: { "content-type": "application/pdf" } });
  };
  const file = await wabridge.OneMsgClient.downloadMedia("https://files.example/abc/invoice.pdf", { fetch });
  assert.deepEqual([...file.bytes], [37, 80, 68, 70]);
  assert.equal(file.mimeType, "application/pdf");
  assert.deepEqual(seen.map((s) => [s.init.method, s.url, s.init.headers]), [["GET", "https://files.example/abc/invoice.pdf", {}]]);
  // Its options are those every client takes; credentials are not among them.
  await assert.rejects(wabridge.OneMsgClient.downloadMedia("https://files.example/a", { token: "t", fetch }), (e) => e instanceof wabridge.ArgumentError && /unknown option "token"/.test(e.message));
  await assert.rejects(wabridge.OneMsgClient.downloadMedia("ftp://files.example/a", { fetch }), wabridge.ArgumentError);
  // It downloads only: a failed answer is the usual typed error.
  const missing = async () => new Response("no such file", { status: 404 });
  await assert.rejects(wabridge.OneMsgClient.downloadMedia("https://files.example/gone", { fetch: missing, retry: false }), (e) => e instanceof wabridge.UnexpectedResponseError && e.httpStatus === 404);
});

test("the timeout holds even when fetch, or the answer's body, ignores the abort signal", async () => {
  const never = new Promise(() => {});
  const hanging = client(async () => never, { timeoutMs: 20 });
  assert.ok((await failure(hanging.send(message))) instanceof wabridge.TimeoutError, "fetch never settles");
  // The status came: the provider has the request. Its body never arriving is not a timeout
  // to resend after (below).
  const slowBody = client(async () => ({ status: 200, text: () => never }), { timeoutMs: 20 });
  const lost = await failure(slowBody.send(message));
  assert.ok(lost instanceof wabridge.UnexpectedResponseError, "the body never arrives");
  assert.equal(lost.retryable, false);
});

test("a 2xx whose body is lost (the connection drops, the time runs out) is never sent again, even with retryUnsafe: the provider probably has it", async () => {
  for (const text of [() => Promise.reject(new TypeError("terminated")), () => new Promise(() => {})]) {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return { status: 200, headers: new Headers(), text };
    };
    const error = await failure(client(fetch, { timeoutMs: 20, retry: { retryUnsafe: true, baseDelayMs: 1 } }).send(message));
    assert.ok(error instanceof wabridge.UnexpectedResponseError, String(error));
    assert.deepEqual([error.code, error.retryable, error.httpStatus, calls], ["ERR_UNEXPECTED_RESPONSE", false, 200, 1]);
    assert.match(error.message, /HTTP 200, but its body could not be read: the request was probably carried out/);
    assert.match(error.request?.body ?? "", /"body":"hi"/, "the request travels with it, to check and resend");
  }
  // An error status whose body is lost is still that status: a 503 is retryable, as it says.
  let calls = 0;
  const fetch = async () => (calls++, { status: 503, headers: new Headers(), text: () => Promise.reject(new TypeError("terminated")) });
  const error = await failure(client(fetch, { retry: { retryUnsafe: true, baseDelayMs: 1 } }).send(message));
  assert.deepEqual([error.httpStatus, error.retryable, calls], [503, true, 3]);
});

test("whatever a fetch rejects with is a TransportError, never mistaken for a timeout", async () => {
  for (const reason of [[true, "x"], "plain string", 42, null, { message: "object" }]) {
    const error = await failure(client(async () => { throw reason; }).send(message));
    assert.ok(error instanceof wabridge.TransportError && !(error instanceof wabridge.TimeoutError), JSON.stringify(reason));
  }
});

test("no fetch anywhere is an ArgumentError (not retried), found when sending", async () => {
  const saved = globalThis.fetch;
  globalThis.fetch = undefined;
  try {
    const meta = new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "123456", retry: { retryUnsafe: true } });
    const error = await failure(meta.send(message));
    assert.ok(error instanceof wabridge.ArgumentError, String(error));
    assert.equal(error.retryable, false);
  } finally {
    globalThis.fetch = saved;
  }
});

test("free() may be called twice; a freed client refuses calls with an ArgumentError", async () => {
  const meta = client(async () => new Response(success, { status: 200 }));
  meta.free();
  meta.free();
  assert.equal((await failure(meta.send(message))).code, "ERR_ARGUMENT");
});

test("an upload is checked before the file is read, and a failed upload's request leaves the file out", async () => {
  let read = false;
  const huge = { type: "application/pdf", size: 500 * 1024 * 1024, name: "big.pdf", arrayBuffer: async () => { read = true; return new ArrayBuffer(1); } };
  const meta = client(async () => new Response("{}", { status: 500 }));
  const tooBig = await failure(meta.uploadMedia(huge));
  assert.equal(tooBig.code, "ERR_VALIDATION");
  assert.equal(read, false, "a refused file is never read");
  const refused = await failure(meta.uploadMedia(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0x00])], { type: "image/jpeg" })));
  assert.equal(refused.httpStatus, 500);
  assert.equal(refused.request.body, undefined, "the multipart bytes are not carried in the error");
});

// BirdClient's error answers through a fetch double: Bird's JSON bodies, and the same
// statuses without one (an empty answer, or a proxy's HTML page).
const BIRD_KEY = "BIRD-SECRET-KEY";
function birdClient(fetch) {
  return new wabridge.BirdClient({
    accessKey: BIRD_KEY,
    workspaceId: "7a9f1c2e-0000-4000-a000-000000000001",
    channelId: "8e046034-0000-4000-a000-000000000002",
    fetch,
    retry: false,
  });
}
const birdMessage = { to: "+31612345678", content: { type: "text", body: "hi" } };

test("BirdClient decodes Bird's 400 and 401 error bodies into ProviderErrors", async () => {
  for (const [status, code, reason] of [[400, "InvalidRequest", "invalid_parameter"], [401, "Unauthorized", "invalid_token"]]) {
    const fetch = async () => new Response(JSON.stringify({ code, message: "refused" }), { status });
    const error = await failure(birdClient(fetch).send(birdMessage));
    assert.ok(error instanceof wabridge.ProviderError, `${status}: ${error}`);
    assert.equal(error.reason, reason);
    assert.equal(error.httpStatus, status);
    assert.equal(error.providerCode, code);
    assert.equal(error.retryable, false);
    assert.ok(!`${JSON.stringify(error)} ${error.stack}`.includes(BIRD_KEY));
  }
});

test("BirdClient: a 401 or 413 without Bird's body (empty, or a proxy's page) is still a typed ProviderError", async () => {
  for (const [status, body, reason] of [
    [401, "", "invalid_token"],
    [401, "<html><body>401 Authorization Required</body></html>", "invalid_token"],
    [413, "", "payload_too_large"],
    [413, "<html><body>413 Request Entity Too Large</body></html>", "payload_too_large"],
  ]) {
    const fetch = async () => new Response(body, { status, headers: { "content-type": body ? "text/html" : "text/plain" } });
    const error = await failure(birdClient(fetch).send(birdMessage));
    assert.ok(error instanceof wabridge.ProviderError, `${status} ${JSON.stringify(body)}: ${error}`);
    assert.equal(error.code, "ERR_PROVIDER");
    assert.equal(error.reason, reason);
    assert.equal(error.httpStatus, status);
    assert.equal(error.retryable, false);
  }
});

// What a send changes or leaves out of the message by design (the codec's approximations,
// which convert reports) is in the send result's warnings, for every client.
test("send results warn of what the provider's body changes or leaves out: a sticker as an image, a mimeType", async () => {
  const image = { type: "image", link: "https://cdn.example.com/a.png", mimeType: "image/png" };
  const bird202 = JSON.stringify({ id: "b1", status: "accepted" });
  const bird = birdClient(async () => new Response(bird202, { status: 202 }));
  const sticker = await bird.send({ to: "+31612345678", content: { type: "sticker", link: "https://cdn.example.com/s.png" } });
  assert.ok(sticker.warnings?.some((w) => w.includes("sent as an image")), JSON.stringify(sticker));
  const birdImage = await bird.send({ to: "+31612345678", content: image });
  assert.ok(birdImage.warnings?.some((w) => w.includes("mimeType")), JSON.stringify(birdImage));
  const meta = await client(async () => new Response(success, { status: 200 })).send({ to: "16505551234", content: image });
  assert.ok(meta.warnings?.some((w) => w.includes("mimeType")), JSON.stringify(meta));
  const oneMsg = new wabridge.OneMsgClient({
    token: "T", instanceId: "123456", retry: false,
    fetch: async () => new Response(JSON.stringify({ sent: true, id: "m1", message: "ok" }), { status: 200 }),
  });
  // 1MSG leaves the mimeType out, or where the link names no type, names the file by its extension: said.
  assert.ok((await oneMsg.send({ to: "16505551234", content: image })).warnings?.some((w) => w.includes("mimeType")));
  const oneMsgImage = await oneMsg.send({ to: "16505551234", content: { ...image, link: "https://cdn.example.com/a" } });
  assert.ok(oneMsgImage.warnings?.some((w) => w.includes("sent as a.png") && w.includes("mimeType")), JSON.stringify(oneMsgImage));
  // Nothing changed: no warnings at all.
  assert.equal((await bird.send(birdMessage)).warnings, undefined);
  assert.equal((await client(async () => new Response(success, { status: 200 })).send(message)).warnings, undefined);
});

test("BirdClient: a schedule Bird's 202 does not echo still warns when it is sent at once", async () => {
  const bird = birdClient(async () => new Response(JSON.stringify({ id: "b1", status: "accepted" }), { status: 202 }));
  const soon = new Date(Date.now() + 2 * 60_000).toISOString();
  const result = await bird.send(birdMessage, { scheduledFor: soon });
  assert.ok(result.warnings?.some((w) => w.includes("at once")), JSON.stringify(result));
  const body = { receiver: { contacts: [{ identifierValue: "+31612345678" }] }, body: { type: "text", text: { text: "x" } }, scheduledFor: soon };
  assert.ok((await bird.sendBody(body)).warnings?.some((w) => w.includes("at once")));
  const later = new Date(Date.now() + 60 * 60_000).toISOString();
  assert.equal((await bird.send(birdMessage, { scheduledFor: later })).warnings, undefined);
});

test("BirdClient: a reference given as callbackData and as an option is one value, or a ValidationError at /reference naming both", async () => {
  const bird = birdClient(async () => new Response(JSON.stringify({ id: "b1", status: "accepted" }), { status: 202 }));
  const error = await failure(bird.send({ ...birdMessage, callbackData: "A" }, { reference: "B" }));
  assert.ok(error instanceof wabridge.ValidationError, String(error));
  assert.deepEqual(error.violations.map((v) => v.path), ["/reference"]);
  assert.match(error.violations[0].message, /"A".*"B"/);
  assert.doesNotMatch(error.message, /not valid JSON/);
  assert.equal((await bird.send({ ...birdMessage, callbackData: "A" }, { reference: "A" })).messageId, "b1");
});

test("Bird: a 422 whose details name a field by the access key says it nowhere, not even as a pointer", async () => {
  for (const accessKey of ["abc.def.ghi", "bk+/=% é~"]) {
    const fetch = async (url, init) =>
      new Response(JSON.stringify({ code: "InvalidPayload", message: "invalid", details: { [init.headers.Authorization]: ["not allowed"] } }), { status: 422 });
    const client = new wabridge.BirdClient({ accessKey, workspaceId: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6", channelId: "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52", fetch, retry: false });
    const error = await client.send({ to: "+16505551234", content: { type: "text", body: "x" } }).catch((e) => e);
    assert.equal(error.code, "ERR_PROVIDER");
    const said = [error.message, JSON.stringify(error.fields), error.details, error.raw].join(" ");
    const forms = [accessKey, encodeURIComponent(accessKey), accessKey.replaceAll(".", "/"), accessKey.replaceAll("/", "~1"), "def", "bk+"];
    for (const form of forms) assert.ok(!said.includes(form), `${accessKey}: "${form}" in ${said}`);
    assert.match(error.message, /AccessKey \/?\[?redacted/);
    client.free();
  }
});

test("a credential no provider issues (a pasted line break, a NUL, whitespace at an end, what a header cannot carry) is refused when the client is made, and never quoted", () => {
  const options = {
    meta: (token) => new wabridge.MetaClient({ token, phoneNumberId: "123456" }),
    bird: (accessKey) => new wabridge.BirdClient({ accessKey, workspaceId: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6", channelId: "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52" }),
    "1msg": (token) => new wabridge.OneMsgClient({ token, instanceId: "123456" }),
  };
  for (const [provider, make] of Object.entries(options)) {
    // A header carries bytes: nothing past U+00FF (1MSG's token goes in the query, encoded).
    const refused = ["SECRET_1\n", "SECRET\r\nX-Evil: 1", "SECRET\u0000", " SECRET", "SECRET\t", ...(provider === "1msg" ? [] : ["SECRET €"])];
    for (const bad of refused) {
      const error = (() => { try { make(bad); } catch (e) { return e; } })();
      assert.ok(error instanceof wabridge.ArgumentError, `${provider} ${JSON.stringify(bad)}: ${error}`);
      assert.match(error.message, /holds (a character no credential has|whitespace at its start or end)/);
      assert.ok(!error.message.includes("SECRET"), error.message);
    }
    make("EAAG.abc-_~+/= x").free();
    if (provider === "1msg") make("SECRET €").free();
  }
});

const BIRD_IDS = { workspaceId: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6", channelId: "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52" };
const clients = {
  meta: (fetch, extra) => new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "123456", fetch, retry: { baseDelayMs: 1 }, ...extra }),
  bird: (fetch, extra) => new wabridge.BirdClient({ accessKey: TOKEN, ...BIRD_IDS, fetch, retry: { baseDelayMs: 1 }, ...extra }),
  "1msg": (fetch, extra) => new wabridge.OneMsgClient({ token: TOKEN, instanceId: "123456", fetch, retry: { baseDelayMs: 1 }, ...extra }),
};
const answering = (status, body, headers) => async () => new Response(body, { status, headers });

test("a 2xx without an id to match statuses by is no success, and no refusal either: UnexpectedResponseError, never retried (every provider)", async () => {
  const answers = {
    meta: ['{"messages":[{"id":""}]}', '{"messages":[]}'],
    bird: ['{"id":""}', "{}"],
    "1msg": ['{"sent":true,"id":""}', '{"sent":true}', '{"sent":"true","id":"x"}', "{}", "[]", "null"],
  };
  for (const [provider, bodies] of Object.entries(answers)) {
    for (const body of bodies) {
      const error = await failure(clients[provider](answering(200, body), { retry: { retryUnsafe: true, baseDelayMs: 1 } }).send({ to: "+16505551234", content: { type: "text", body: "hi" } }));
      assert.ok(error instanceof wabridge.UnexpectedResponseError, `${provider} ${body}: ${error}`);
      assert.deepEqual([error.retryable, error.httpStatus], [false, 200], `${provider} ${body}`);
    }
  }
  // 1MSG's `sent: false` is its refusal, as documented.
  const refused = await failure(clients["1msg"](answering(200, '{"sent":false,"message":"Re-engagement message"}')).send(message));
  assert.ok(refused instanceof wabridge.ProviderError, String(refused));
  // An upload that names no media id has nothing to send by.
  const upload = await failure(clients["1msg"](answering(200, "{}")).uploadMedia("https://media.example.com/a.jpg"));
  assert.ok(upload instanceof wabridge.UnexpectedResponseError, String(upload));
  assert.match(upload.message, /without the documented \{mediaId\}/);
  assert.deepEqual(await clients["1msg"](answering(200, '{"mediaId":"m-1"}')).uploadMedia("https://media.example.com/a.jpg"), { mediaId: "m-1" });
});

test("408 Request Timeout: the server took nothing, so it is retried on its own, like a rate limit (every provider)", async () => {
  for (const [provider, make] of Object.entries(clients)) {
    let calls = 0;
    const fetch = async () => (++calls === 1 ? new Response("", { status: 408 }) : answering(200, { meta: success, bird: '{"id":"6449eb42-dffb-41c2-81a1-7fd956d2e7a7","status":"accepted"}', "1msg": '{"sent":true,"id":"gBGG"}' }[provider])());
    await make(fetch).send({ to: "+16505551234", content: { type: "text", body: "hi" } });
    assert.equal(calls, 2, provider);
  }
});

test("a Retry-After longer than maxDelayMs is not retried early: the error carries the wait asked for", async () => {
  for (const [provider, make] of Object.entries(clients)) {
    let calls = 0;
    const fetch = async () => (calls++, new Response('{"code":"TooManyRequests","message":"slow down"}', { status: 429, headers: { "retry-after": "5" } }));
    const error = await failure(make(fetch, { retry: { maxDelayMs: 200 } }).send({ to: "+16505551234", content: { type: "text", body: "hi" } }));
    assert.deepEqual([calls, error.retryable, error.retryAfterMs], [1, true, 5000], provider);
    // Within the cap it is waited for and retried.
    calls = 0;
    const soon = async () => (calls++, new Response("{}", { status: 429, headers: { "retry-after": "0.01" } }));
    await failure(make(soon, { retry: { maxDelayMs: 200 } }).send({ to: "+16505551234", content: { type: "text", body: "hi" } }));
    assert.equal(calls, 3, provider);
  }
  // A wait beyond reason stays a number JavaScript holds exactly.
  const huge = await failure(client(answering(429, "{}", { "retry-after": "99999999999999999999" })).send(message));
  assert.ok(Number.isSafeInteger(huge.retryAfterMs), String(huge.retryAfterMs));
});

test("an error survives JSON.stringify (a log line, a queue) with its name, message and fields, credentials still out", async () => {
  const error = await failure(client(answering(400, '{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100}}')).send(message));
  const json = JSON.parse(JSON.stringify(error));
  assert.deepEqual([json.name, json.code, json.retryable, json.httpStatus], ["ProviderError", "ERR_PROVIDER", false, 400]);
  assert.equal(json.message, error.message);
  assert.equal(json.request.body, error.request.body);
  assert.ok(!JSON.stringify(error).includes(TOKEN));
  const invalid = (() => { try { wabridge.toProvider("meta", { to: "x", content: { type: "text", body: "" } }); } catch (e) { return e; } })();
  assert.deepEqual(JSON.parse(JSON.stringify(invalid)).violations.map((v) => v.path), ["/to", "/content/body"]);
});

test("every failure of a client names its provider: transport failures, timeouts and unreadable answers too", async () => {
  for (const [provider, make] of Object.entries(clients)) {
    const send = (fetch, extra) => failure(make(fetch, extra).send({ to: "+16505551234", content: { type: "text", body: "hi" } }));
    const errors = [
      await send(async () => { throw new TypeError("fetch failed"); }),
      await send(async () => new Promise(() => {}), { timeoutMs: 10 }),
      await send(answering(502, "<html>Bad gateway</html>")),
      await send(answering(400, "{}")),
    ];
    for (const error of errors) assert.equal(error.provider, provider, `${provider}: ${error.name} ${error.message}`);
    assert.deepEqual(errors.slice(0, 3).map((e) => e.name), ["TransportError", "TimeoutError", "UnexpectedResponseError"], provider);
  }
  // A media host that keeps redirecting: the error says whose download, from what status.
  const redirecting = async (url) => new Response(null, { status: 302, headers: { location: `https://media.api.bird.com/workspaces/x/messages/y/media/${Math.random()}` } });
  const error = await failure(clients.bird(redirecting).downloadMedia("https://media.api.bird.com/workspaces/x/messages/y/media/z"));
  assert.deepEqual([error.name, error.provider, error.httpStatus, error.retryable], ["UnexpectedResponseError", "bird", 302, false], error.message);
});

test("the client's signal stops its calls: in flight, reading the answer, or waiting to retry; the call rejects with the signal's reason and is not retried", async () => {
  // In flight: fetch never answers; the abort ends the call at once with an AbortError.
  const controller = new AbortController();
  let calls = 0;
  const hanging = client(async () => (calls++, new Promise(() => {})), { signal: controller.signal, retry: { retryUnsafe: true, baseDelayMs: 1 } });
  const pending = failure(hanging.send(message));
  setTimeout(() => controller.abort(), 5);
  const inFlight = await pending;
  assert.equal(inFlight.name, "AbortError");
  assert.equal(calls, 1);
  // Waiting between retries (a 429 asking for 5 s): the abort ends the wait, with its reason.
  const waiting = new AbortController();
  calls = 0;
  const limited = client(async () => (calls++, new Response("{}", { status: 429, headers: { "retry-after": "5" } })), { signal: waiting.signal, retry: { maxDelayMs: 10_000 } });
  const started = Date.now();
  const retrying = failure(limited.send(message));
  setTimeout(() => waiting.abort(new Error("shutting down")), 20);
  assert.equal((await retrying).message, "shutting down");
  assert.ok(Date.now() - started < 2000 && calls === 1, `waited ${Date.now() - started} ms, ${calls} calls`);
  // Aborted before the call: nothing is sent.
  calls = 0;
  assert.equal((await failure(client(async () => (calls++, new Response(success)), { signal: AbortSignal.abort() }).send(message))).name, "AbortError");
  assert.equal(calls, 0);
  // A fetch the caller wrapped with a signal of their own: its AbortError is theirs, not retried.
  calls = 0;
  const own = async () => {
    calls++;
    throw new DOMException("The operation was aborted.", "AbortError");
  };
  assert.equal((await failure(client(own, { retry: { retryUnsafe: true, baseDelayMs: 1 } }).send(message))).name, "AbortError");
  assert.equal(calls, 1);
  assert.throws(() => client(fetch, { signal: "soon" }), (e) => e instanceof wabridge.ArgumentError && /signal option must be an AbortSignal/.test(e.message));
});

test("a ProviderError's message says whose error and which status before the provider's words (providerMessage alone)", async () => {
  const error = await failure(client(answering(400, '{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100}}')).send(message));
  assert.equal(error.message, "meta error 400: (#100) Invalid parameter");
  assert.equal(error.providerMessage, "(#100) Invalid parameter");
  const uncoded = await failure(client(answering(400, '{"error":{"message":"Something","code":131009}}')).send(message));
  assert.equal(uncoded.providerMessage, "(#131009) Something");
  const onemsg = await failure(clients["1msg"](answering(200, '{"sent":false,"message":"Re-engagement message"}')).send(message));
  assert.deepEqual([onemsg.message, onemsg.providerMessage], ["1msg error 200: Re-engagement message", "Re-engagement message"]);
});

test("markRead('') is the same ArgumentError for every client that has it (was a violation at a different pointer for each)", async () => {
  for (const provider of ["meta", "1msg"]) {
    const error = await failure(clients[provider](async () => new Response("{}")).markRead(""));
    assert.deepEqual([error.name, error.message], ["ArgumentError", "markRead takes the messageId, not an empty string"], provider);
  }
});

test("sendFile's fields that are not JSON, and a fetch rejecting with a value that cannot be read, are typed errors", async () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const onemsg = clients["1msg"](answering(200, '{"sent":true,"id":"x"}'));
  for (const fields of [{ phone: 10n }, cyclic]) {
    const error = await failure(onemsg.sendFile(new Blob(["%PDF"], { type: "application/pdf" }), fields, { filename: "a.pdf" }));
    assert.deepEqual([error.name, error.message], ["ArgumentError", "sendFile's fields cannot be read as JSON (a BigInt, a cycle or a throwing getter in them?)"]);
  }
  const unreadable = async () => {
    throw { get message() { throw new Error("getter"); } };
  };
  const error = await failure(client(unreadable, { retry: false }).send(message));
  assert.deepEqual([error.name, error.message], ["TransportError", "request failed: fetch failed with a value that cannot be read"]);
});

test("a GET whose 2xx body is lost did nothing twice-able: a transport failure, retried as those are (retryUnsafe)", async () => {
  let calls = 0;
  const fetch = async () => (++calls === 1 ? { status: 200, headers: new Headers(), text: () => Promise.reject(new TypeError("terminated")) } : new Response('{"url":"https://lookaside.fbsbx.com/x","mime_type":"image/png","sha256":"ab","file_size":"3","id":"1"}'));
  const media = await client(fetch, { retry: { retryUnsafe: true, baseDelayMs: 1 } }).getMedia("1");
  assert.deepEqual([media.id, calls], ["1", 2]);
  calls = 0;
  const once = await failure(client(fetch, { retry: false }).getMedia("1"));
  assert.deepEqual([once.name, once.retryable, once.message], ["TransportError", true, "request failed: HTTP 200, but the body was lost on the way"]);
});

test("one signal shared by many calls and clients gathers one listener, not one per call or client (Node warns past 10)", async () => {
  const warnings = [];
  const onWarning = (warning) => warnings.push(warning.name);
  process.on("warning", onWarning);
  try {
    const controller = new AbortController();
    const shared = client(async () => new Response(success), { signal: controller.signal });
    await Promise.all(Array.from({ length: 25 }, () => shared.send(message)));
    const hanging = client(async () => new Promise(() => {}), { signal: controller.signal });
    const pending = Array.from({ length: 25 }, () => failure(hanging.send(message)));
    // Clients of their own, each with a call pending on the one signal.
    const others = Array.from({ length: 15 }, () => client(async () => new Promise(() => {}), { signal: controller.signal }));
    pending.push(...others.map((other) => failure(other.send(message))));
    await new Promise((resolve) => setImmediate(resolve));
    const { getEventListeners } = await import("node:events");
    assert.equal(getEventListeners(controller.signal, "abort").length, 1, "one listener for the signal");
    controller.abort();
    assert.ok((await Promise.all(pending)).every((e) => e.name === "AbortError"));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings.filter((w) => w === "MaxListenersExceededWarning"), []);
  } finally {
    process.off("warning", onWarning);
  }
  // Something that only looks like a signal (no removeEventListener) is refused when the client is made.
  assert.throws(() => client(fetch, { signal: { aborted: false, addEventListener() {} } }), /signal option must be an AbortSignal/);
});

test("a client given a long-lived signal listens to it only while a call is pending, so it is collected like any other", async () => {
  const { getEventListeners } = await import("node:events");
  const { setFlagsFromString } = await import("node:v8");
  const { runInNewContext } = await import("node:vm");
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc");
  const shutdown = new AbortController();
  let answer;
  const slow = client(() => new Promise((resolve) => (answer = resolve)), { signal: shutdown.signal });
  assert.equal(getEventListeners(shutdown.signal, "abort").length, 0, "no call, no listener");
  const sent = slow.send(message);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(getEventListeners(shutdown.signal, "abort").length, 1, "one while the call is pending");
  answer(new Response(success));
  await sent;
  assert.equal(getEventListeners(shutdown.signal, "abort").length, 0, "none once it settled");
  // Made and dropped, a client is collected though the signal lives on (it kept every one before).
  const refs = Array.from({ length: 50 }, () => new WeakRef(client(fetch, { signal: shutdown.signal })));
  for (let i = 0; i < 5 && refs.some((ref) => ref.deref()); i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  assert.equal(refs.filter((ref) => ref.deref()).length, 0, "every dropped client was collected");
});

test("every client error says whether sending the same request again is safe: refusals and rate limits yes, the unknown no, GETs always", async () => {
  const send = (fetch) => failure(client(fetch, { retry: false }).send(message));
  const cases = [
    [answering(400, '{"error":{"message":"(#100) Invalid parameter","code":100}}'), true], // refused
    [answering(429, "{}"), true], // rate limited
    [answering(400, '{"error":{"message":"(#130429) Rate limit hit","code":130429}}'), true],
    [answering(500, '{"error":{"message":"An unknown error occurred","code":1}}'), false], // a server error: unknown
    [answering(400, '{"error":{"message":"Something went wrong","code":131000}}'), false], // "try again", whatever the status: unknown
    [answering(502, "<html>Bad gateway</html>"), false],
    [async () => { throw new TypeError("fetch failed"); }, false], // the network: unknown
    [async () => ({ status: 200, headers: new Headers(), text: () => Promise.reject(new TypeError("terminated")) }), false], // a lost 2xx
  ];
  for (const [fetch, safe] of cases) {
    const error = await send(fetch);
    assert.equal(error.safeToResend, safe, `${error.name}: ${error.message}`);
  }
  // A GET (getMedia) does nothing twice, whatever became of it.
  const get = await failure(client(async () => { throw new TypeError("fetch failed"); }, { retry: false }).getMedia("1"));
  assert.equal(get.safeToResend, true);
  // 1MSG's sent:false is a refusal: nothing sent.
  const notSent = await failure(clients["1msg"](answering(200, '{"sent":false,"message":"Re-engagement message"}')).send(message));
  assert.equal(notSent.safeToResend, true);
});
