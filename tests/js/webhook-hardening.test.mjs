// What a webhook endpoint on the internet meets beyond the providers' own deliveries (found by
// trying the package as a new user would): forged 1MSG calls behind a proxy, uploads far larger
// than any delivery, handlers that reject with nothing, a store's error with a password in it,
// headers that make no URL, a caller reusing its buffer, and group statuses one per member;
// and, on the clients' side of the same wire, an error answer whose body is huge.
import test from "node:test";
import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, request as httpRequest } from "node:http";
import { wabridge } from "./helpers.mjs";

const { handleWebhook, nodeWebhookListener, readWebhook, receiveWebhook, createMessenger, SignatureError, WebhookError, ArgumentError } = wabridge;
const META_SECRET = "meta-app-s3cret";
const TOKEN = "shared token/+";

const metaBody = (id, text) =>
  JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" }, contacts: [{ profile: { name: "Ana" }, wa_id: "16505551234" }], messages: [{ from: "16505551234", id, timestamp: "1750100000", type: "text", text: { body: text } }] } }] }],
  });
const oneMsgBody = JSON.stringify({ instanceId: "7", messages: [{ id: "false_16505551234@c.us_3EB0X", body: "forged by anyone", fromMe: false, author: "16505551234@c.us", time: 1750100000, chatId: "16505551234@c.us", type: "chat", senderName: "Ana" }] });

async function metaSignature(body, secret = META_SECRET) {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

async function listen(handler) {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

/** A raw HTTP POST (node:http, so that any header, even a malformed one, goes as written). */
function post(port, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

test("1MSG: the token is read from the request's own URL, never from the `url` option (a configured URL would carry it for anyone)", async () => {
  const seen = [];
  const options = { provider: "1msg", secret: TOKEN, url: `https://public.example/hooks/1msg?secret=${encodeURIComponent(TOKEN)}`, on: { message: (e) => seen.push(e.text) } };
  const forged = new Request("http://internal:8080/hooks/1msg?secret=WRONG", { method: "POST", body: oneMsgBody });
  assert.equal((await handleWebhook(forged, options)).status, 401);
  const noToken = new Request("http://internal:8080/hooks/1msg", { method: "POST", body: oneMsgBody });
  assert.equal((await handleWebhook(noToken, options)).status, 401);
  const genuine = new Request(`http://internal:8080/hooks/1msg?secret=${encodeURIComponent(TOKEN)}`, { method: "POST", body: oneMsgBody });
  assert.equal((await handleWebhook(genuine, { ...options, dedupe: false })).status, 200);
  assert.deepEqual(seen, ["forged by anyone"], "only the request with the token was handled");

  // The Node adapter too: the URL option does not stand in for the request's.
  const server = await listen(nodeWebhookListener({ ...options, dedupe: false }));
  try {
    assert.equal((await post(server.port, "/hooks/1msg?secret=WRONG", { "content-type": "application/json" }, oneMsgBody)).status, 401);
    assert.equal((await post(server.port, `/hooks/1msg?secret=${encodeURIComponent(TOKEN)}`, {}, oneMsgBody)).status, 200);
    // A token written with `+` for its space, as URLSearchParams writes it, is the same token.
    const plus = `/hooks/1msg?${new URLSearchParams({ secret: TOKEN })}`;
    assert.match(plus, /secret=shared\+token/);
    assert.equal((await post(server.port, plus, {}, oneMsgBody)).status, 200);
  } finally {
    await server.close();
  }
  assert.equal(seen.length, 3);
});

test("a body over maxBodyBytes is refused 413 before it is buffered or checked: declared, streamed, or through the Node adapter", async () => {
  const body = metaBody("wamid.BIG", "x".repeat(2000));
  const headers = { "x-hub-signature-256": await metaSignature(body) };
  const options = { provider: "meta", secret: META_SECRET, maxBodyBytes: 1000, dedupe: false };
  const declared = await handleWebhook(new Request("https://hooks.example.com/meta", { method: "POST", headers, body }), options);
  assert.equal(declared.status, 413);
  assert.match(await declared.text(), /over 1000 bytes \(maxBodyBytes\)/);
  // A stream with no length: refused as soon as it passes the limit, the rest not read.
  let pulled = 0;
  const endless = new ReadableStream({ pull: (controller) => (pulled++ < 1000 ? controller.enqueue(new Uint8Array(512)) : controller.close()) });
  const streamed = new Request("https://hooks.example.com/meta", { method: "POST", headers, body: endless, duplex: "half" });
  assert.equal((await handleWebhook(streamed, options)).status, 413);
  assert.ok(pulled < 10, `read ${pulled} chunks of an endless body`);
  await assert.rejects(
    wabridge.verifyRequest("meta", new Request("https://hooks.example.com/meta", { method: "POST", headers, body }), options),
    (e) => e instanceof WebhookError && e.reason === "too_large" && e.code === "ERR_WEBHOOK",
  );
  // Within the limit (the default, 4 MiB, here) it is read as ever.
  assert.equal((await handleWebhook(new Request("https://hooks.example.com/meta", { method: "POST", headers, body }), { ...options, maxBodyBytes: undefined })).status, 200);
  for (const bad of [0, -1, 1.5, Number.NaN, "1mb"]) {
    await assert.rejects(handleWebhook(new Request("https://hooks.example.com/meta", { method: "POST", headers, body }), { ...options, maxBodyBytes: bad }), ArgumentError);
  }

  const server = await listen(nodeWebhookListener(options));
  try {
    const big = await post(server.port, "/meta", headers, body);
    assert.equal(big.status, 413);
    assert.match(big.text, /maxBodyBytes/);
    const small = metaBody("wamid.SMALL", "hi");
    assert.equal((await post(server.port, "/meta", { "x-hub-signature-256": await metaSignature(small) }, small)).status, 200);
  } finally {
    await server.close();
  }
});

test("a handler that rejects with nothing (a bare Promise.reject(), throw undefined, null, 0) still answers 500", async () => {
  for (const thrown of [undefined, null, 0, ""]) {
    const body = metaBody(`wamid.FALSY${String(thrown)}`, "hello");
    const request = new Request("https://hooks.example.com/meta", { method: "POST", headers: { "x-hub-signature-256": await metaSignature(body) }, body });
    const failures = [];
    const response = await handleWebhook(request, {
      provider: "meta",
      secret: META_SECRET,
      dedupe: { store: new wabridge.MemoryDedupeStore() },
      on: { message: () => Promise.reject(thrown) },
      onError: (error) => failures.push(error),
    });
    assert.equal(response.status, 500, `thrown: ${String(thrown)}`);
    assert.deepEqual(failures, [thrown]);
  }
});

test("dedupe.ttlSeconds is a whole number of seconds, at least 60 (a KV namespace refuses less, after the handler ran)", async () => {
  const body = metaBody("wamid.TTL", "hello");
  const request = async () => new Request("https://hooks.example.com/meta", { method: "POST", headers: { "x-hub-signature-256": await metaSignature(body) }, body });
  let handled = 0;
  for (const ttlSeconds of [30, 0, -5, Number.NaN, "1h", 90.5]) {
    await assert.rejects(
      handleWebhook(await request(), { provider: "meta", secret: META_SECRET, dedupe: { ttlSeconds }, on: { message: () => handled++ } }),
      (e) => e instanceof ArgumentError && /ttlSeconds/.test(e.message),
      String(ttlSeconds),
    );
  }
  assert.equal(handled, 0, "refused before any handler ran");
  const ok = await handleWebhook(await request(), { provider: "meta", secret: META_SECRET, dedupe: { store: new wabridge.MemoryDedupeStore(), ttlSeconds: 60 }, on: { message: () => handled++ } });
  assert.deepEqual([ok.status, handled], [200, 1]);
});

test("the Node adapter answers its own failures 500 without detail (onError has it) and rebuilds no URL from headers that make none", async () => {
  const body = metaBody("wamid.STORE", "hello");
  const headers = { "x-hub-signature-256": await metaSignature(body) };
  const told = [];
  const failing = { get() { throw new Error("connect ECONNREFUSED redis://default:Sup3rS3cretPw@10.0.0.5:6379"); }, put() {} };
  const server = await listen(nodeWebhookListener({ provider: "meta", secret: META_SECRET, dedupe: { store: failing }, onError: (e) => told.push(e.message) }));
  try {
    const answer = await post(server.port, "/meta", headers, body);
    assert.equal(answer.status, 500);
    assert.doesNotMatch(answer.text, /Sup3rS3cretPw|redis|ECONNREFUSED/);
    assert.match(told[0], /ECONNREFUSED/, "onError is told what failed");
  } finally {
    await server.close();
  }
  // Anyone can send X-Forwarded-Host; one that makes no URL is not a server failure.
  const quiet = [];
  const plain = await listen(nodeWebhookListener({ provider: "meta", secret: META_SECRET, dedupe: false, onError: (e) => quiet.push(e) }));
  try {
    assert.equal((await post(plain.port, "/meta", { ...headers, "x-forwarded-host": "a b" }, body)).status, 200);
    // Nor is one with a user name, which no Request takes (its URL carried a 1MSG token to the log).
    assert.equal((await post(plain.port, "/meta", { ...headers, "x-forwarded-host": "user:pw@example.com" }, body)).status, 200);
    assert.deepEqual(quiet, []);
  } finally {
    await plain.close();
  }
});

test("an error answer's body is read into the error up to 64 KiB: a hostile host's huge body does not fill the wasm's memory", async () => {
  const exports = await wabridge.init();
  const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
  const huge = "x".repeat(32 * 1024 * 1024);
  const before = memory.buffer.byteLength;
  const error = await wabridge.OneMsgClient.downloadMedia("https://files.example.net/p.jpg", { retry: false, fetch: async () => new Response(huge, { status: 404 }) }).catch((e) => e);
  assert.ok(error instanceof wabridge.WabridgeError && error.code, String(error));
  assert.ok(memory.buffer.byteLength - before < 4 * 1024 * 1024, `the wasm memory grew by ${memory.buffer.byteLength - before} bytes`);
  const sent = await new wabridge.MetaClient({ token: "t", phoneNumberId: "1", retry: false, fetch: async () => new Response(huge, { status: 500 }) })
    .send({ to: "+16505551234", content: { type: "text", body: "x" } })
    .catch((e) => e);
  assert.equal(sent.code, "ERR_UNEXPECTED_RESPONSE");
  assert.ok(memory.buffer.byteLength - before < 4 * 1024 * 1024);
});

test("an error answer's body is not pulled past its first 64 KiB: the stream is cancelled", async () => {
  let pulled = 0;
  let cancelled = false;
  const endless = () =>
    new Response(
      new ReadableStream({
        pull(controller) {
          if (pulled >= 50 << 20) return controller.close();
          pulled += 65536;
          controller.enqueue(new Uint8Array(65536).fill(0x78));
        },
        cancel() {
          cancelled = true;
        },
      }),
      { status: 502 },
    );
  const error = await new wabridge.MetaClient({ token: "t", phoneNumberId: "1", retry: false, fetch: async () => endless() })
    .send({ to: "+16505551234", content: { type: "text", body: "x" } })
    .catch((e) => e);
  assert.equal(error.code, "ERR_UNEXPECTED_RESPONSE");
  assert.equal(error.raw.length, 65536);
  assert.ok(pulled <= 4 * 65536, `${pulled} bytes pulled of a 50 MB answer`);
  assert.ok(cancelled, "the rest of the answer is cancelled, not left hanging");
  // A short error answer is read whole, through its stream, as before.
  const short = await new wabridge.MetaClient({ token: "EAAG-sentinel-token", phoneNumberId: "1", retry: false, fetch: async () => Response.json({ error: { message: "Invalid parameter", code: 100, type: "OAuthException" } }, { status: 400 }) })
    .send({ to: "+16505551234", content: { type: "text", body: "x" } })
    .catch((e) => e);
  assert.equal(short.code, "ERR_PROVIDER");
  assert.match(short.message, /Invalid parameter/);
});

test("Bird: a signature that does not match says which URL it was checked against (Bird signs the URL), without its query", () => {
  const delivery = { body: "{}", headers: { "messagebird-signature": btoa("x".repeat(32)), "messagebird-request-timestamp": String(Math.floor(Date.now() / 1000)) }, url: "http://10.0.0.7:8080/hooks/bird?tenant=acme" };
  assert.throws(
    () => wabridge.verifyWebhook("bird", delivery, { secret: "bird-signing-key" }),
    (e) => e instanceof SignatureError && e.reason === "mismatch" && e.message.includes("http://10.0.0.7:8080/hooks/bird") && !e.message.includes("acme") && /`url`/.test(e.message),
  );
});

test("an event's raw object is read from the body as it was given, even when the caller reuses its buffer", async () => {
  const body = metaBody("wamid.RAW", "hello");
  const buffer = new TextEncoder().encode(body);
  const [read] = readWebhook("meta", buffer);
  const [received] = receiveWebhook("meta", { body: buffer, headers: { "x-hub-signature-256": await metaSignature(body) } }, { secret: META_SECRET });
  buffer.fill(0x20);
  for (const event of [read, received]) assert.equal(event.raw.text.body, "hello");
});

test("Meta's statuses of a message sent to a group: one event per member, each with its own key, none filtered as a duplicate", async () => {
  const status = (member) => ({ id: "wamid.GROUP1", status: "read", timestamp: "1750025400", recipient_id: "120363025246125486", recipient_type: "group", recipient_participant_id: member });
  const delivery = (member) =>
    JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" }, statuses: [status(member)] } }] }] });
  const seen = [];
  const options = { provider: "meta", secret: META_SECRET, dedupe: { store: new wabridge.MemoryDedupeStore() }, on: { status: (e) => seen.push([e.recipient.id, e.participant.phone, e.key]) } };
  for (const member of ["16505551111", "16505552222", "16505551111"]) {
    const body = delivery(member);
    const response = await handleWebhook(new Request("https://hooks.example.com/meta", { method: "POST", headers: { "x-hub-signature-256": await metaSignature(body) }, body }), options);
    assert.equal(response.status, 200);
  }
  assert.deepEqual(seen, [
    ["120363025246125486", "+16505551111", "meta:status:wamid.GROUP1:read:16505551111"],
    ["120363025246125486", "+16505552222", "meta:status:wamid.GROUP1:read:16505552222"],
  ]);
});

test("a messenger without webhookSecret says so by that name on a delivery, and still answers Meta's verification", async () => {
  const messenger = createMessenger({ provider: "meta", token: "T", phoneNumberId: "1", verifyToken: "v", fetch: async () => new Response("{}") });
  const challenge = await messenger.handleWebhook(new Request("https://hooks.example.com/meta?hub.mode=subscribe&hub.verify_token=v&hub.challenge=42"));
  assert.deepEqual([challenge.status, await challenge.text()], [200, "42"]);
  assert.throws(() => messenger.receiveWebhook({ body: "{}" }), (e) => e instanceof ArgumentError && /webhookSecret/.test(e.message));
  await assert.rejects(
    messenger.handleWebhook(new Request("https://hooks.example.com/meta", { method: "POST", body: "{}" })),
    (e) => e instanceof ArgumentError && /`webhookSecret`/.test(e.message),
  );
  messenger.free();
});

test("a webhook call given null or no Request says what it takes (ArgumentError), never a TypeError", async () => {
  const isArgument = (e) => e instanceof ArgumentError && e.code === "ERR_ARGUMENT";
  assert.throws(() => wabridge.verifyWebhook("meta", null, { secret: "s" }), isArgument);
  assert.throws(() => wabridge.verifyWebhook("meta", { body: "{}" }, null), (e) => isArgument(e) && /needs the secret/.test(e.message));
  assert.throws(() => receiveWebhook("meta", null, null), isArgument);
  await assert.rejects(handleWebhook(undefined, { provider: "meta", secret: "s" }), isArgument);
  await assert.rejects(handleWebhook(new Request("https://hooks.example.com/meta", { method: "POST", body: "{}" }), null), isArgument);
  await assert.rejects(wabridge.verifyRequest("meta", null, { secret: "s" }), isArgument);
  assert.equal(new wabridge.MemoryDedupeStore(null).size, 0);
  assert.throws(() => new wabridge.MemoryDedupeStore({ maxEntries: 0 }), isArgument);
});

test("a handler's failure is heard of without onError: console.error with the event's type and key, not its words", async (t) => {
  const logged = [];
  t.mock.method(console, "error", (...args) => logged.push(args));
  const body = metaBody("wamid.LOUD", "my card number is 4111");
  const request = async () => new Request("https://hooks.example.com/meta", { method: "POST", headers: { "x-hub-signature-256": await metaSignature(body) }, body });
  const options = { provider: "meta", secret: META_SECRET, dedupe: false, on: { message: () => { throw new Error("bug in my handler"); } } };
  assert.equal((await handleWebhook(await request(), options)).status, 500);
  assert.equal(logged.length, 1);
  assert.deepEqual(logged[0].length, 1, "one line of text, not the error object with its fields");
  assert.match(logged[0][0], /the message handler failed \(event .*wamid\.LOUD.*\).*Error: bug in my handler/s);
  assert.ok(!logged[0][0].includes("4111"), "the customer's text is not logged");
  // A failed reply's error carries its request (recipient, text): only its name, code and message are logged.
  logged.length = 0;
  const client = new wabridge.MetaClient({ token: "EAAG-sentinel-token", phoneNumberId: "1", retry: false, fetch: async () => Response.json({ error: { message: "Invalid parameter", code: 100, type: "OAuthException" } }, { status: 400 }) });
  const replying = { ...options, on: { message: () => client.send({ to: "+16505551234", content: { type: "text", body: "Your one-time code is 482913" } }) } };
  assert.equal((await handleWebhook(await request(), replying)).status, 500);
  assert.equal(logged.length, 1);
  assert.match(logged[0][0], /\[ERR_PROVIDER\].*Invalid parameter/s);
  assert.ok(!/482913|16505551234/.test(logged[0].join(" ")), logged[0][0]);
  const heard = [];
  assert.equal((await handleWebhook(await request(), { ...options, onError: (error, event) => heard.push([error.message, event.id]) })).status, 500);
  assert.deepEqual(heard, [["bug in my handler", "wamid.LOUD"]]);
  assert.equal(logged.length, 1, "onError given: nothing on the console");
});

test("handleWebhook refuses a misspelt handler, a handler that is no function and a store without get/put, before any event is lost", async () => {
  const body = metaBody("wamid.TYPO", "hi");
  const request = async () => new Request("https://hooks.example.com/meta", { method: "POST", headers: { "x-hub-signature-256": await metaSignature(body) }, body });
  const base = { provider: "meta", secret: META_SECRET, dedupe: { store: new wabridge.MemoryDedupeStore() } };
  await assert.rejects(handleWebhook(await request(), { ...base, on: { mesage() {} } }), (e) => e instanceof ArgumentError && /unknown handler on\.mesage; known: message, echo/.test(e.message));
  await assert.rejects(handleWebhook(await request(), { ...base, on: { message: "reply" } }), (e) => e instanceof ArgumentError && /on\.message is a function \(got string\)/.test(e.message));
  await assert.rejects(handleWebhook(await request(), { ...base, dedupe: { store: {} } }), (e) => e instanceof ArgumentError && /dedupe\.store needs get\(key\) and put/.test(e.message));
  await assert.rejects(handleWebhook(await request(), { ...base, dedupe: { ttlSeconds: "100" } }), (e) => e instanceof ArgumentError && e.message.endsWith('(got "100")'));
  await assert.rejects(handleWebhook(await request(), { ...base, maxBodyByte: 10 }), (e) => e instanceof ArgumentError && /unknown option "maxBodyByte" in handleWebhook options; known: .*maxBodyBytes/.test(e.message));
  await assert.rejects(handleWebhook(await request(), { ...base, dedupe: { ttl: 60 } }), (e) => e instanceof ArgumentError && /unknown option "ttl" in dedupe; known: store, ttlSeconds, claimSeconds/.test(e.message));
  // Nothing was stored as handled meanwhile: the right spelling handles it.
  const handled = [];
  assert.equal((await handleWebhook(await request(), { ...base, on: { message: (event) => handled.push(event.id) } })).status, 200);
  assert.deepEqual(handled, ["wamid.TYPO"]);
});

test("Meta's verification GET at an endpoint without verifyToken is refused 403, not thrown into the server", async () => {
  const answer = await handleWebhook(new Request("https://hooks.example.com/meta?hub.mode=subscribe&hub.verify_token=a&hub.challenge=1"), { provider: "meta", secret: META_SECRET });
  assert.equal(answer.status, 403);
  assert.match(await answer.text(), /no verifyToken/);
});

test("a secret of the wrong type is refused without being shown: not as a number, a String object, a Buffer's bytes or an array", () => {
  const digits = 92837465019283;
  const text = "0123456789abcdefSENTINEL";
  for (const secret of [digits, new String(text), new TextEncoder().encode(text), [text], { value: text }]) {
    const error = (() => {
      try {
        wabridge.verifyWebhook("meta", { body: "{}", headers: {} }, { secret });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof wabridge.ArgumentError, String(error));
    assert.match(error.message, /^secret must be a string \(got /);
    const shown = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
    for (const part of [String(digits), text, "48,49,50", "SENTINEL"]) assert.ok(!shown.includes(part), `${part} in ${error.message}`);
  }
});

test("an error answer's body from a custom fetch whose stream yields text, not bytes, is cut at 64 KiB too", async () => {
  let reads = 0;
  const fetch = async () => ({
    status: 500,
    headers: {},
    body: { getReader: () => ({ read: async () => (reads++ > 10_000 ? { done: true } : { done: false, value: "x".repeat(1000) }), cancel: async () => {} }) },
  });
  const error = await new wabridge.MetaClient({ token: "t", phoneNumberId: "1", retry: false, fetch })
    .send({ to: "+16505551234", content: { type: "text", body: "x" } })
    .catch((e) => e);
  assert.equal(error.code, "ERR_UNEXPECTED_RESPONSE");
  assert.equal(error.raw.length, 65536);
  assert.ok(reads < 100, `${reads} reads`);
});

test("an error answer's body whose stream yields another realm's byte arrays (a test runner's, an iframe's) is read as bytes", async () => {
  const { runInNewContext } = await import("node:vm");
  const Foreign = runInNewContext("Uint8Array");
  const text = JSON.stringify({ error: { message: "(#130429) Rate limit hit", type: "OAuthException", code: 130429 } });
  const bytes = new TextEncoder().encode(text);
  const chunks = [Foreign.from(bytes.subarray(0, 10)), Foreign.from(bytes.subarray(10)).buffer];
  const fetch = async () => ({ status: 400, headers: {}, body: { getReader: () => ({ read: async () => (chunks.length ? { done: false, value: chunks.shift() } : { done: true }), cancel: async () => {} }) } });
  const error = await new wabridge.MetaClient({ token: "t", phoneNumberId: "1", retry: false, fetch })
    .send({ to: "+16505551234", content: { type: "text", body: "x" } })
    .catch((e) => e);
  assert.equal(error.code, "ERR_PROVIDER", error.message);
  assert.deepEqual([error.providerCode, error.reason], [130429, "rate_limited"]);
});

test("headers or a challenge's arguments that have no string form are an ArgumentError, not a bare TypeError", () => {
  const odd = Object.create(null);
  const throwing = new Proxy({}, { ownKeys() { throw new Error("trap"); } });
  for (const headers of [{ "x-hub-signature-256": odd }, throwing, [[odd, "x"]]]) {
    assert.throws(() => wabridge.verifyWebhook("meta", { body: "{}", headers }, { secret: "s" }), (e) => e instanceof wabridge.ArgumentError && /headers cannot be read/.test(e.message));
  }
  assert.throws(() => wabridge.answerMetaChallenge("https://x/?hub.mode=subscribe", odd), (e) => e instanceof wabridge.ArgumentError);
});
