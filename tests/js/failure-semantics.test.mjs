// What a failed call says about the request it made, where a queue must decide to resend or to
// check: an abort after the provider answered, a split send stopped by any abort reason, a Bird
// message refused in its 202, a read whose answer came garbled, Meta's business use case wait.
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

const message = { to: "+16505551234", content: { type: "text", body: "hi" } };
const WORKSPACE = "00000000-0000-4000-8000-000000000000";
const CHANNEL = "00000000-0000-4000-8000-000000000001";

/** A 2xx whose body starts and never ends: the caller aborts while it is read. */
const acceptedThenStalled = async () =>
  new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"messages":[')); } }), { status: 200 });

test("an abort after the provider answered 2xx is the lost answer's error (the message probably went), with the abort as its cause", async () => {
  for (const reason of [undefined, "shutdown"]) {
    const controller = new AbortController();
    const client = new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", signal: controller.signal, fetch: acceptedThenStalled });
    setTimeout(() => controller.abort(reason), 30);
    await assert.rejects(client.send(message), (e) => {
      assert.ok(e instanceof wabridge.UnexpectedResponseError, `${reason}: ${e}`);
      assert.equal(e.httpStatus, 200);
      assert.equal(e.safeToResend, false, "the provider accepted it: resending may deliver it twice");
      assert.equal(e.retryable, false);
      assert.match(e.request.body, /"to":"16505551234"/);
      assert.equal(e.cause, controller.signal.reason);
      return true;
    });
  }
  // Before any answer, an abort is still the signal's reason, as fetch rejects.
  const controller = new AbortController();
  controller.abort("early");
  const client = new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", signal: controller.signal, fetch: acceptedThenStalled });
  await assert.rejects(client.send(message), (e) => e === "early");
});

test("a split send stopped by any abort reason keeps what was sent and what was not", async () => {
  const card = (n) => ({ header: { type: "image", id: `10${n}` }, body: `card ${n}`, buttons: [{ id: `b${n}`, title: "Buy" }] });
  const carousel = { to: "+16505551234", content: { type: "carousel", body: "Pick one", cards: [card(1), card(2)] } };
  const frozen = Object.freeze(new Error("frozen"));
  for (const reason of ["shutdown", null, frozen, undefined]) {
    const sandbox = createSandbox({ enforceWindow: false });
    const controller = new AbortController();
    let sends = 0;
    const fetch = async (url, init) => {
      if (++sends === 2) controller.abort(reason);
      return sandbox.fetch(url, init);
    };
    const messenger = wabridge.createMessenger({ provider: "1msg", ...sandbox.clientOptions("1msg"), fetch, signal: controller.signal });
    const fitted = wabridge.fitMessage("1msg", carousel, "adapt");
    assert.ok(fitted.messages.length >= 2, "the carousel is split on 1MSG");
    await assert.rejects(messenger.send(carousel, { fit: "adapt" }), (e) => {
      const carrier = e;
      assert.ok(carrier && typeof carrier === "object", `${String(reason)}: ${e}`);
      assert.equal(carrier.sent?.length, 1, `${String(reason)}: the first part was sent`);
      // Aborted while its request was out (the sandbox did take it): uncertain, not unsent.
      assert.deepEqual(carrier.uncertain, fitted.messages[1], String(reason));
      assert.equal(carrier.unsent?.length, fitted.messages.length - 2);
      // The reason is the signal's, not this call's: a wrapper carries the parts.
      assert.ok(carrier instanceof wabridge.WabridgeError);
      assert.equal(carrier.code, "ERR_PARTIAL_SEND");
      if (reason === undefined) assert.equal(carrier.cause?.name, "AbortError");
      else assert.equal(carrier.cause, reason);
      return true;
    });
  }
});

test("split sends stopped by one signal each keep their own parts (the shared abort reason is not written on)", async () => {
  const card = (n, call) => ({ header: { type: "image", id: `10${n}` }, body: `call ${call} card ${n}`, buttons: [{ id: `b${n}`, title: "Buy" }] });
  const carousel = (call) => ({ to: "+16505551234", content: { type: "carousel", body: `call ${call}`, cards: [card(1, call), card(2, call)] } });
  const sandbox = createSandbox({ enforceWindow: false });
  const controller = new AbortController();
  const reason = new Error("shutting down");
  let sends = 0;
  // Every call's first part goes out; the abort comes while the second parts are out.
  const fetch = async (url, init) => {
    if (++sends === 4) controller.abort(reason);
    return sandbox.fetch(url, init);
  };
  const messenger = wabridge.createMessenger({ provider: "1msg", ...sandbox.clientOptions("1msg"), fetch, signal: controller.signal });
  const calls = [0, 1, 2].map((call) => messenger.send(carousel(call), { fit: "adapt" }).then(() => null, (e) => e));
  const errors = await Promise.all(calls);
  for (const [call, error] of errors.entries()) {
    assert.ok(error instanceof wabridge.WabridgeError && error.code === "ERR_PARTIAL_SEND", `call ${call}: ${error}`);
    assert.equal(error.cause, reason);
    assert.equal(error.sent.length, 1, `call ${call}: its first part was sent`);
    assert.ok(JSON.stringify([error.uncertain, error.unsent]).includes(`call ${call}`), `call ${call} carries its own parts`);
    assert.ok(!JSON.stringify([error.uncertain, error.unsent]).includes(`call ${(call + 1) % 3}`), `call ${call} carries no other call's parts`);
  }
  assert.equal(Object.hasOwn(reason, "sent"), false, "the shared reason is left as it was");
});

test("a Bird message refused in its 202 is a ProviderError, and a status Bird did not give is never made up", async () => {
  const bird = (answer) =>
    new wabridge.BirdClient({ accessKey: "bird-access-key-123", workspaceId: WORKSPACE, channelId: CHANNEL, fetch: async () => new Response(JSON.stringify(answer), { status: 202 }) });
  await assert.rejects(bird({ id: "a825", status: "rejected", reason: "blocked by the receiver" }).send(message), (e) => {
    assert.ok(e instanceof wabridge.ProviderError, String(e));
    assert.equal(e.reason, "not_sent");
    assert.equal(e.httpStatus, 202);
    assert.match(e.message, /rejected: blocked by the receiver/);
    assert.equal(e.safeToResend, true, "nothing was sent");
    return true;
  });
  // Failed or skipped (a frequency cap) at once: not sent either, said in words.
  for (const [status, said] of [["sending_failed", /not sent \(sending failed\): no route/], ["delivery_failed", /not delivered \(delivery failed\): no route/], ["skipped", /skipped, not sent: no route/]]) {
    await assert.rejects(bird({ id: "a825", status, reason: "no route" }).send(message), (e) => e instanceof wabridge.ProviderError && e.reason === "not_sent" && said.test(e.message), status);
  }
  for (const answer of [{ id: "a825" }, { id: "a825", status: null }, { id: "a825", status: 5 }]) {
    await assert.rejects(bird(answer).send(message), wabridge.UnexpectedResponseError, JSON.stringify(answer));
  }
  assert.equal((await bird({ id: "a825", status: "brand_new" }).send(message)).status, "brand_new", "a status Bird adds later passes through");
  // The messenger does not take a refused message for a sent one either.
  const messenger = wabridge.createMessenger({ provider: "bird", accessKey: "bird-access-key-123", workspaceId: WORKSPACE, channelId: CHANNEL, fetch: async () => new Response(JSON.stringify({ id: "a", status: "sending_failed" }), { status: 202 }) });
  await assert.rejects(messenger.send(message), wabridge.ProviderError);
});

test("a read whose 2xx comes garbled is asked again by itself (a GET does nothing twice); a send's is not", async () => {
  let calls = 0;
  const garbledOnce = async () => (++calls === 1 ? new Response('{"url":"https://lookaside.fbsbx.com/x', { status: 200 }) : Response.json({ url: "https://lookaside.fbsbx.com/x", mime_type: "image/png", sha256: "ab", file_size: 4, id: "1" }));
  const client = new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", fetch: garbledOnce, retry: { baseDelayMs: 1 } });
  const media = await client.getMedia("1");
  assert.equal(calls, 2, "retried once");
  assert.equal(media.mimeType, "image/png");
  // With retries off, the error says it may be asked again.
  calls = 0;
  const once = new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", fetch: garbledOnce, retry: false });
  await assert.rejects(once.getMedia("1"), (e) => e instanceof wabridge.UnexpectedResponseError && e.retryable === true && e.safeToResend === true);
  // A GET's server error is retried by itself too; a send's is not (it may have gone).
  let failures = 0;
  const flaky = async () => (++failures === 1 ? new Response("{}", { status: 503 }) : Response.json({ url: "https://lookaside.fbsbx.com/x", mime_type: "image/png", sha256: "ab", file_size: 4, id: "1" }));
  await new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", fetch: flaky, retry: { baseDelayMs: 1 } }).getMedia("1");
  assert.equal(failures, 2);
  // A DELETE's is not: asked again after a lost answer it would get a 404 for what it deleted.
  let deletes = 0;
  const deleteFails = async () => (++deletes, new Response("{}", { status: 503 }));
  await assert.rejects(new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", fetch: deleteFails, retry: { baseDelayMs: 1 } }).deleteMedia("1"), (e) => e.retryable === true && e.safeToResend === true);
  assert.equal(deletes, 1, "a DELETE is left to the caller");
  let sends = 0;
  const sendFails = async () => (++sends, new Response('{"messages":[', { status: 200 }));
  await assert.rejects(new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", fetch: sendFails, retry: { baseDelayMs: 1 } }).send(message), (e) => e.retryable === false && e.safeToResend === false);
  assert.equal(sends, 1, "a send's garbled 2xx is never retried");
});

test("Meta's business use case wait (X-Business-Use-Case-Usage, minutes) is the rate limit's retryAfterMs, and is not waited out early", async () => {
  let calls = 0;
  const throttled = async () => {
    calls++;
    return new Response(JSON.stringify({ error: { message: "(#80007) Rate limit issues", type: "OAuthException", code: 80007 } }), {
      status: 400,
      headers: { "x-business-use-case-usage": JSON.stringify({ "102290129340398": [{ type: "whatsapp_business_management", estimated_time_to_regain_access: 15 }] }) },
    });
  };
  const client = new wabridge.MetaClient({ token: "tok-123456", phoneNumberId: "106540352242922", fetch: throttled, retry: { baseDelayMs: 1 } });
  await assert.rejects(client.send(message), (e) => e instanceof wabridge.ProviderError && e.reason === "rate_limited" && e.retryAfterMs === 15 * 60_000);
  assert.equal(calls, 1, "a 15-minute wait is longer than the policy waits: not retried early");
});

test("a split part the provider may have taken (its 2xx answer lost) is uncertain, neither sent nor unsent", async () => {
  const card = (n) => ({ header: { type: "image", id: `10${n}` }, body: `card ${n}`, buttons: [{ id: `b${n}`, title: "Buy" }] });
  const carousel = { to: "+16505551234", content: { type: "carousel", body: "Pick one", cards: [card(1), card(2)] } };
  const sandbox = createSandbox({ enforceWindow: false });
  const controller = new AbortController();
  let sends = 0;
  const fetch = async (url, init) => {
    if (++sends !== 2) return sandbox.fetch(url, init);
    // The provider takes part 2 (it is recorded), then its answer stalls and the caller aborts.
    await sandbox.fetch(url, init);
    setTimeout(() => controller.abort("shutdown"), 10);
    return new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"sent":true')); } }), { status: 200 });
  };
  const messenger = wabridge.createMessenger({ provider: "1msg", ...sandbox.clientOptions("1msg"), fetch, signal: controller.signal });
  const parts = wabridge.fitMessage("1msg", carousel, "adapt").messages;
  await assert.rejects(messenger.send(carousel, { fit: "adapt" }), (e) => {
    assert.equal(e.safeToResend, false);
    assert.equal(e.sent.length, 1);
    assert.deepEqual(e.uncertain, parts[1], "the part that may have gone");
    assert.deepEqual(e.unsent, parts.slice(2), "only what surely did not go");
    return true;
  });
  assert.equal(sandbox.messages("1msg").length, 2, "the provider did take the uncertain part");
});

test("a file that cannot be read (a Blob whose source changed) is an ArgumentError with its reason as cause, on every upload", async () => {
  const sandbox = createSandbox({ enforceWindow: false });
  const unreadable = new DOMException("The blob could not be read", "NotReadableError");
  const file = { type: "image/png", size: 3, arrayBuffer: async () => Promise.reject(unreadable) };
  const meta = new wabridge.MetaClient(sandbox.clientOptions("meta"));
  const onemsg = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
  const calls = {
    "MetaClient.uploadMedia": () => meta.uploadMedia(file, { type: "image/png", filename: "a.png" }),
    "OneMsgClient.sendFile": () => onemsg.sendFile(file, { phone: "16505551234", filename: "a.png" }),
  };
  for (const [name, call] of Object.entries(calls)) {
    await assert.rejects(call(), (e) => {
      assert.ok(e instanceof wabridge.ArgumentError, `${name}: ${e}`);
      assert.match(e.message, /cannot be read \(The blob could not be read\)/, name);
      assert.equal(e.cause, unreadable, name);
      return true;
    });
  }
  assert.equal(sandbox.requests.length, 0, "nothing was sent");
});

test("a value larger than any message can be is an ArgumentError before it is copied into the wasm, which keeps working", async () => {
  // Past the largest inline file (a 100 MiB document, base64) and the rest: a huge `to` once
  // ran the wasm out of memory (an untyped trap) and left it grown for good.
  const huge = { to: "1".repeat(141_000_000), content: { type: "text", body: "hi" } };
  assert.throws(() => wabridge.toProvider("meta", huge), (e) => e instanceof wabridge.ArgumentError && /more than any message can be/.test(e.message));
  const sandbox = createSandbox({ enforceWindow: false });
  const client = new wabridge.MetaClient(sandbox.clientOptions("meta"));
  await assert.rejects(client.send(huge), wabridge.ArgumentError);
  assert.equal(sandbox.requests.length, 0, "nothing was sent");
  const sent = await client.send({ to: "+16505551234", content: { type: "text", body: "still works" } });
  assert.match(sent.messageId, /^wamid\./);
});

test("JSON text larger than any message can be is refused as such by every entry point that reads one document; JSON lines have their own bound", () => {
  // Each of these once copied the whole text into the wasm, which grew to several times it.
  const text = JSON.stringify({ to: "+16505551234", content: { type: "text", body: "x".repeat(141_000_000) } });
  const refused = (e) => e instanceof wabridge.ArgumentError && /the JSON text cannot be taken: its JSON is \d+ characters, more than any message can be/.test(e.message);
  assert.throws(() => wabridge.toProviderJson("meta", text), refused, "toProviderJson");
  assert.throws(() => wabridge.validate(text), refused, "validate");
  assert.throws(() => wabridge.validateProvider("meta", text), refused, "validateProvider");
  assert.throws(() => wabridge.fromProvider("meta", text), refused, "fromProvider");
  assert.throws(() => wabridge.convert("meta", "bird", text), refused, "convert");
  // A bulk call's string item is one document too; the call goes on with the others.
  const [item, next] = wabridge.toProviderMany("meta", [text, { to: "+16505551234", content: { type: "text", body: "hi" } }]);
  assert.equal(item.error?.code, "ERR_ARGUMENT", JSON.stringify(item).slice(0, 300));
  assert.match(item.error.message, /more than any message can be/);
  assert.equal(next.body?.text?.body, "hi", JSON.stringify(next));
  // The wasm still works after the refusals.
  assert.equal(wabridge.toProvider("meta", { to: "+16505551234", content: { type: "text", body: "hi" } }).text.body, "hi");
});

test("an error made with `new` (a test double's) has its class's code, retryable false and its fields, as its type says", () => {
  const limited = new wabridge.ProviderError("rate limited", { provider: "meta", httpStatus: 429, retryable: true, retryAfterMs: 1000 });
  assert.deepEqual([limited.code, limited.retryable, limited.provider, limited.httpStatus, limited.retryAfterMs], ["ERR_PROVIDER", true, "meta", 429, 1000]);
  assert.ok(limited instanceof wabridge.WabridgeError && limited instanceof Error);
  const bare = new wabridge.ValidationError("bad");
  assert.deepEqual([bare.code, bare.retryable, bare.violations, bare.name, bare.message], ["ERR_VALIDATION", false, [], "ValidationError", "bad"]);
  const cause = new Error("timer");
  const timeout = new wabridge.TimeoutError("slow", { cause });
  assert.deepEqual([timeout.code, timeout.cause, timeout instanceof wabridge.TransportError], ["ERR_TIMEOUT", cause, true]);
  for (const [cls, code] of [["UnsupportedError", "ERR_UNSUPPORTED"], ["TransportError", "ERR_TRANSPORT"], ["UnexpectedResponseError", "ERR_UNEXPECTED_RESPONSE"], ["ArgumentError", "ERR_ARGUMENT"], ["SignatureError", "ERR_SIGNATURE"], ["WebhookError", "ERR_WEBHOOK"]]) {
    assert.equal(new wabridge[cls]("x").code, code, cls);
  }
  // A caller's subclass has its parent's code (and a ValidationError's, its violations).
  class RateLimited extends wabridge.ProviderError {}
  class Refused extends wabridge.ValidationError {}
  assert.deepEqual([new RateLimited("x").code, new Refused("x").code, new Refused("x").violations], ["ERR_PROVIDER", "ERR_VALIDATION", []]);
  assert.deepEqual(JSON.parse(JSON.stringify(limited)), { name: "ProviderError", message: "rate limited", code: "ERR_PROVIDER", retryable: true, provider: "meta", httpStatus: 429, retryAfterMs: 1000 });
  // The library's own errors are unchanged: their fields as the core made them.
  const thrown = (() => { try { wabridge.toProvider("meta", { to: "", content: { type: "text", body: "" } }); } catch (e) { return e; } })();
  assert.equal(thrown.code, "ERR_VALIDATION");
  assert.ok(thrown.violations.length > 0);
});

test("a report lists 100 violations, then one at the root counting the rest, as README and Violation's type say", () => {
  const rows = Array.from({ length: 2000 }, () => ({ id: "", title: "" }));
  const violations = wabridge.validate({ to: "+16505551234", content: { type: "list", body: "", button: "", sections: [{ rows }] } });
  assert.equal(violations.length, 101);
  const last = violations.at(-1);
  assert.deepEqual([last.path, last.code, last.limit], ["", "too_many", 100]);
  const [, counted] = /^(\d+) more violations are not listed/.exec(last.message);
  assert.ok(Number(counted) > 1000, last.message);
  assert.ok(violations.slice(0, 100).every((v) => v.path.startsWith("/content")), "the first hundred each at their field");
});

test("the 100-violation cap holds however the violations were gathered: unknown fields beside limits, a neutral message or a provider's body", () => {
  const unknown = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, 1]));
  const summaryOf = (violations) => {
    const last = violations.at(-1);
    assert.deepEqual([last.path, last.code], ["", "too_many"], JSON.stringify(last));
    assert.equal(violations.filter((v) => v.code === "too_many" && v.path === "").length, 1, "one summary, last");
    return Number(/^(\d+) more/.exec(last.message)[1]);
  };
  // 100 unknown fields and a text too long: 101 faults, 100 listed and 1 counted.
  const a = wabridge.validate({ to: "+16505551234", content: { type: "text", body: "y".repeat(5000), ...unknown(100) } });
  assert.equal(a.length, 101);
  assert.equal(summaryOf(a), 1);
  // 120 unknown fields and a bad number: 121, 100 listed and 21 counted.
  const b = wabridge.validate({ to: "1", content: { type: "text", body: "x" }, ...unknown(120) });
  assert.equal(b.length, 101);
  assert.equal(summaryOf(b), 21);
  const thrown = (() => { try { wabridge.toProvider("meta", { to: "1", content: { type: "text", body: "x" }, ...unknown(120) }); } catch (e) { return e; } })();
  assert.equal(thrown.violations.length, 101);
  assert.match(thrown.message, /^121 violations: /);
  // 60 bad rows, as a neutral list and as Meta's body: counted alike.
  const rows = Array.from({ length: 60 }, () => ({ id: "", title: "" }));
  const neutral = wabridge.validate({ to: "+16505551234", content: { type: "list", body: "x", button: "b", sections: [{ title: "s", rows }] } });
  const meta = wabridge.validateProvider("meta", { messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: { type: "list", body: { text: "x" }, action: { button: "b", sections: [{ title: "s", rows }] } } });
  assert.equal(neutral.length, 101);
  assert.equal(meta.length, 101);
  assert.equal(summaryOf(meta), summaryOf(neutral));
});
