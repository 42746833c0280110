// Customers whose number is hidden behind a WhatsApp username (Meta's business-scoped user ids,
// 2026): they write with a BSUID and no number; a message goes back to the BSUID — Meta's
// `recipient`, Bird's `whatsappbsuid` identifier — and 1MSG, which documents no such
// recipient, refuses it before any request.
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

const USER = "US.13491208655302741918";
const PARENT = "US.ENT.11815799212886844830";
const text = (body) => ({ type: "text", body });

test("a neutral message to a business-scoped user id: Meta's recipient, Bird's whatsappbsuid receiver, refused by 1MSG", () => {
  const message = { to: USER, content: text("Hi") };
  assert.deepEqual(wabridge.validate(message), []);
  const meta = wabridge.toProvider("meta", message);
  assert.equal(meta.recipient, USER);
  assert.equal("to" in meta, false, "no phone number to send");
  const bird = wabridge.toProvider("bird", message);
  assert.deepEqual(bird.receiver.contacts, [{ identifierKey: "whatsappbsuid", identifierValue: USER }]);
  assert.throws(() => wabridge.toProvider("1msg", message), (e) => e instanceof wabridge.UnsupportedError && e.provider === "1msg" && e.path === "/to");
  assert.deepEqual(wabridge.validate({ to: PARENT, content: text("Hi") }, "meta"), [], "a parent BSUID too");
  // Read back: each provider's body gives the same neutral message.
  for (const [provider, body] of [["meta", meta], ["bird", bird]]) {
    assert.equal(wabridge.fromProvider(provider, body).to, USER, provider);
    assert.deepEqual(wabridge.validateProvider(provider, body), [], provider);
  }
  // Meta: given both, `to` is whom Meta sends to; a recipient that is no BSUID is refused at it.
  assert.equal(wabridge.fromProvider("meta", { ...meta, to: "16505551234" }).to, "16505551234");
  const wrong = wabridge.validateProvider("meta", { ...meta, recipient: "not-a-bsuid" });
  assert.deepEqual(wrong.map((v) => [v.path, v.code]), [["/recipient", "invalid_format"]]);
  assert.deepEqual(wabridge.validateProvider("bird", { ...bird, receiver: { contacts: [{ identifierKey: "whatsappbsuid", identifierValue: "+16505551234" }] } }).map((v) => v.path), ["/receiver/contacts/0/identifierValue"]);
  // Converted from Meta to 1MSG, the refusal points at Meta's field.
  assert.throws(() => wabridge.convert("meta", "1msg", meta), (e) => e instanceof wabridge.UnsupportedError && e.path === "/recipient");
});

test("a hidden-number customer writes (Meta, Bird, 1MSG) and is answered by their user id where the provider takes one", async () => {
  const sandbox = createSandbox({ statusDelayMs: 0 });
  const messengers = Object.fromEntries(["meta", "bird", "1msg"].map((p) => [p, wabridge.createMessenger({ provider: p, ...sandbox.clientOptions(p) })]));
  for (const provider of ["meta", "bird", "1msg"]) {
    const received = sandbox.receive({ provider, userId: USER, username: "realsheenanelson", text: "hello, no number here" });
    assert.equal(received.userId, USER);
    assert.equal(received.from, undefined);
  }
  await sandbox.settle();
  const read = (provider) => sandbox.webhooks(provider).flatMap((w) => wabridge.readWebhook(provider, w.body));
  const inbound = ["meta", "bird", "1msg"].map((p) => read(p).find((e) => e.type === "message"));
  for (const event of inbound) {
    assert.equal(event.from.userId, USER, event.provider);
    assert.equal(event.from.phone, undefined, event.provider);
    assert.equal(event.text, "hello, no number here");
    assert.equal(event.from.username, "realsheenanelson", event.provider);
  }
  // The answer goes to the user id, within the window the customer's message opened.
  for (const event of inbound.slice(0, 2)) {
    const sent = await messengers[event.provider].reply(event, text("Thanks!"));
    assert.match(sent.id, /./, event.provider);
    assert.equal(sandbox.messages(event.provider)[0].contact, USER, event.provider);
  }
  const [metaSent] = sandbox.messages("meta");
  assert.equal(metaSent.body.recipient, USER);
  assert.equal(sandbox.messages("bird")[0].body.receiver.contacts[0].identifierKey, "whatsappbsuid");
  await assert.rejects(messengers["1msg"].reply(inbound[2], text("Thanks!")), wabridge.UnsupportedError);
  // Meta's statuses name the user id; delivered, not failed for a closed window.
  await sandbox.settle();
  const statuses = read("meta").filter((e) => e.type === "status" && e.id === metaSent.id);
  assert.deepEqual(statuses.map((s) => [s.status, s.recipient?.userId]), [["sent", USER], ["delivered", USER], ["read", USER]]);
  const birdStatuses = read("bird").filter((e) => e.type === "status" && e.id === sandbox.messages("bird")[0].id);
  assert.ok(birdStatuses.some((s) => s.status === "delivered"), JSON.stringify(birdStatuses.map((s) => s.status)));
  // Meta's send answer names the user id, not a number it does not know.
  const direct = await new wabridge.MetaClient(sandbox.clientOptions("meta")).send({ to: USER, content: text("Again") });
  assert.deepEqual(direct.contacts, [{ input: USER, userId: USER }]);
});

test("Meta refuses an authentication template to a business-scoped user id (131062), in the sandbox as at Meta", async () => {
  const otp = { name: "login_code", language: "en_US", category: "AUTHENTICATION", components: [{ type: "BODY", text: "{{1}} is your code." }] };
  const sandbox = createSandbox({ meta: { templates: [otp] } });
  const client = new wabridge.MetaClient(sandbox.clientOptions("meta"));
  const template = { type: "template", name: "login_code", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "123456" }] }] };
  await assert.rejects(client.send({ to: USER, content: template }), (e) => e instanceof wabridge.ProviderError && e.providerCode === 131062 && e.reason === "unsupported_type" && e.safeToResend === true);
  assert.match((await client.send({ to: "+16505551234", content: template })).messageId, /^wamid\./, "to a number, it goes");
});
