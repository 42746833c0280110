// Contract tests of the sandbox's 1MSG routes: {sent, id, …}, token errors, sent: false,
// form bodies, the methods of the seed, and ack / messages webhooks.
import test from "node:test";
import assert from "node:assert/strict";
import { CUSTOMER, createSandbox, text, wabridge } from "./helpers.mjs";

function setup(options = {}) {
  const sandbox = createSandbox(options);
  const call = (method, body, { token = "sandbox-1msg-token", type = "application/json" } = {}) =>
    sandbox.fetch(`${sandbox.baseUrl}/100001/${method}?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": type },
      body: type === "application/json" ? JSON.stringify(body) : new URLSearchParams(body).toString(),
    });
  return { sandbox, call, client: new wabridge.OneMsgClient(sandbox.clientOptions("1msg")) };
}

test("sendMessage answers {sent, id, message, description}", async () => {
  const { sandbox, call } = setup();
  sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
  const answer = await (await call("sendMessage", { phone: 16505551234, body: "Hello" })).json();
  assert.equal(answer.sent, true);
  assert.equal(answer.message, "Sent to 16505551234@c.us");
  assert.equal(sandbox.messages("1msg")[0].id, answer.id);
  const form = await (await call("sendMessage", { chatId: "16505551234@c.us", body: "Hello" }, { type: "application/x-www-form-urlencoded" })).json();
  assert.equal(form.sent, true);
});

test("a wrong token is 401 with 1MSG's message; the client redacts the token", async () => {
  const { sandbox, call } = setup();
  const response = await call("sendMessage", { phone: 16505551234, body: "x" }, { token: "typo-SECRET" });
  assert.equal(response.status, 401);
  assert.match((await response.json()).error, /^Wrong token "typo-SECRET" for channel "100001"/);
  const client = new wabridge.OneMsgClient({ ...sandbox.clientOptions("1msg"), token: "typo-SECRET" });
  const error = await client.send(text()).then(() => assert.fail("resolved"), (e) => e);
  assert.equal(error.reason, "invalid_token");
  const everything = [error.message, error.raw, error.request.url, JSON.stringify(error)].join(" ");
  assert.ok(!everything.includes("typo-SECRET"), everything);
});

test("outside the 24-hour session: HTTP 200 with sent: false", async () => {
  const { client } = setup();
  const error = await client.send(text()).then(() => assert.fail("resolved"), (e) => e);
  assert.deepEqual([error.httpStatus, error.reason, error.retryable], [200, "not_sent", false]);
  assert.match(error.raw, /"sent":false/);
});

test("invalid bodies are 400; methods of the seed wabridge does not speak yet are 501; unknown ones 404", async () => {
  const { call } = setup();
  const invalid = await call("sendMessage", { phone: "12", body: "" });
  assert.equal(invalid.status, 400);
  assert.match((await invalid.json()).error, /phone/);
  assert.equal((await call("sendTemplate", { phone: 16505551234, template: "x" })).status, 501);
  const button = await call("sendButton", { phone: 16505551234, body: "x" });
  assert.equal(button.status, 400, "sendButton is validated: its sections are missing");
  assert.match((await button.json()).error, /sections/);
  assert.equal((await call("sendFax", {})).status, 404);
});

test("acks sent → delivered → viewed, and inbound messages, in 1MSG's webhook format", async () => {
  const { sandbox, client } = setup();
  sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hello", name: "Ana" });
  const { messageId } = await client.send(text());
  await sandbox.settle();
  const hooks = sandbox.webhooks("1msg");
  assert.deepEqual(hooks[0].payload.messages[0].body, "hello");
  assert.equal(hooks[0].payload.messages[0].chatId, "16505551234@c.us");
  assert.deepEqual(hooks.slice(1).map((h) => h.payload.ack[0].status), ["sent", "delivered", "viewed"]);
  assert.ok(hooks.slice(1).every((h) => h.payload.ack[0].id === messageId));
});
