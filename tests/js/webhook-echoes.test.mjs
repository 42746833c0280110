// 1MSG reports the business's own messages too (`fromMe: true`): such an echo is marked
// `fromMe`, names the customer (the chat) as `from` rather than the business that wrote it, and
// goes to `on.echo`, never to `on.message` — so that a handler that answers messages does not
// answer its own answers, in a loop.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { wabridge } from "./helpers.mjs";

const TOKEN = "shared-token";
const URL_1MSG = `https://hooks.example.com/1msg?secret=${TOKEN}`;
const fixture = JSON.parse(readFileSync(new URL("../fixtures/webhooks/1msg/messages-echo.json", import.meta.url), "utf8"));
const body = JSON.stringify(fixture.body);
const request = () => new Request(URL_1MSG, { method: "POST", headers: { "content-type": "application/json" }, body });

test("an echo is marked fromMe and names the customer, not the business, as from", () => {
  const [echo, answer] = wabridge.readWebhook("1msg", body);
  assert.equal(echo.fromMe, true);
  assert.deepEqual(echo.from, { id: "16505551234@c.us", phone: "+16505551234" });
  assert.equal(answer.fromMe, false, "a customer's message says so too");
  assert.equal(answer.from.name, "Ana");
});

test("handleWebhook gives echoes to on.echo, never to on.message; on.event sees both", async () => {
  const messages = [];
  const echoes = [];
  const all = [];
  const response = await wabridge.handleWebhook(request(), {
    provider: "1msg",
    secret: TOKEN,
    dedupe: false,
    on: { message: (e) => messages.push(e.id), echo: (e) => echoes.push(e.id), event: (e) => all.push(e.id) },
  });
  assert.equal(response.status, 200);
  assert.deepEqual(messages, ["MSG-answer"]);
  assert.deepEqual(echoes, ["MSG-echo"]);
  assert.deepEqual(all, ["MSG-echo", "MSG-answer"]);
  // Without on.echo, an echo is simply not a message.
  const only = [];
  await wabridge.handleWebhook(request(), { provider: "1msg", secret: TOKEN, dedupe: false, on: { message: (e) => only.push(e.id) } });
  assert.deepEqual(only, ["MSG-answer"]);
});

test("createMessenger: replying to every message never answers the echo of its own reply", async () => {
  const sent = [];
  const messenger = wabridge.createMessenger({
    provider: "1msg",
    token: "t0ken",
    instanceId: "123456",
    webhookSecret: TOKEN,
    fetch: async (url, init) => {
      sent.push(JSON.parse(init.body));
      return Response.json({ sent: true, id: `MSG-sent-${sent.length}`, message: "ok" });
    },
  });
  const on = { message: (event) => messenger.reply(event, { type: "text", body: `You said: ${event.text}` }) };
  assert.equal((await messenger.handleWebhook(request(), { on })).status, 200);
  assert.equal(sent.length, 1, "the customer's message is answered; the echo is not");
  assert.equal(sent[0].body, "You said: You're welcome");
  assert.equal(String(sent[0].phone ?? sent[0].chatId?.replace("@c.us", "")), "16505551234", "to the customer");
});
