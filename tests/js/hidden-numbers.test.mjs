// Customers whose number is hidden behind a WhatsApp username (Meta's business-scoped user ids,
// 2026): they write with a BSUID and no number; a message goes back to the BSUID — Meta's
// `recipient`, Bird's `whatsappbsuid` identifier, 1MSG's `phone` (as production traffic shows
// 1MSG answering a `<BSUID>@lid` chat: docs/research/webhooks-events.md §1.3).
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

const USER = "US.13491208655302741918";
const PARENT = "US.ENT.11815799212886844830";
const text = (body) => ({ type: "text", body });

test("a neutral message to a business-scoped user id: Meta's recipient, Bird's whatsappbsuid receiver, 1MSG's phone", () => {
  const message = { to: USER, content: text("Hi") };
  assert.deepEqual(wabridge.validate(message), []);
  const meta = wabridge.toProvider("meta", message);
  assert.equal(meta.recipient, USER);
  assert.equal("to" in meta, false, "no phone number to send");
  const bird = wabridge.toProvider("bird", message);
  assert.deepEqual(bird.receiver.contacts, [{ identifierKey: "whatsappbsuid", identifierValue: USER }]);
  const onemsg = wabridge.toProvider("1msg", message);
  assert.equal(onemsg.phone, USER);
  // A <BSUID>@lid chat is refused as a chatId, saying how 1MSG takes it.
  assert.match(wabridge.validateProvider("1msg", { chatId: `${USER}@lid`, body: "Hi" })[0].message, /phone set to its business-scoped user id/);
  assert.deepEqual(wabridge.validate({ to: PARENT, content: text("Hi") }, "meta"), [], "a parent BSUID too");
  // Read back: each provider's body gives the same neutral message.
  for (const [provider, body] of [["meta", meta], ["bird", bird], ["1msg", onemsg]]) {
    assert.equal(wabridge.fromProvider(provider, body).to, USER, provider);
    assert.deepEqual(wabridge.validateProvider(provider, body), [], provider);
  }
  // Meta: given both, `to` is whom Meta sends to; a recipient that is no BSUID is refused at it.
  assert.equal(wabridge.fromProvider("meta", { ...meta, to: "16505551234" }).to, "16505551234");
  const wrong = wabridge.validateProvider("meta", { ...meta, recipient: "not-a-bsuid" });
  assert.deepEqual(wrong.map((v) => [v.path, v.code]), [["/recipient", "invalid_format"]]);
  assert.deepEqual(wabridge.validateProvider("bird", { ...bird, receiver: { contacts: [{ identifierKey: "whatsappbsuid", identifierValue: "+16505551234" }] } }).map((v) => v.path), ["/receiver/contacts/0/identifierValue"]);
  // Meta: a BSUID goes in recipient, never in to (Meta: "Use to to send to a phone number").
  assert.deepEqual(wabridge.validateProvider("meta", { ...meta, recipient: undefined, to: USER }).map((v) => [v.path, v.code]), [["/to", "invalid_value"]]);
  // A person's BSUID is no group's id.
  assert.equal(wabridge.validate({ to: USER, recipientType: "group", content: text("Hi") })[0].path, "/to");
  // Both given: Meta sends to `to`; converted, the user id is left out and said so.
  const both = wabridge.convert("meta", "neutral", { ...meta, to: "16505551234" });
  assert.deepEqual(both.changes.map((c) => [c.kind, c.source]), [["lossy", "/recipient"]]);
  // Written as a BSUID but not quite one: the refusal says what a BSUID is.
  for (const to of ["us.13491208655302741918", `US.${"1".repeat(129)}`, "US.1349 0", `${USER}@lid`]) {
    const [violation] = wabridge.validate({ to, content: text("Hi") });
    assert.match(violation.message, /business-scoped user id/, to);
  }
  // A phone number with letters in it keeps the phone parser's own reason.
  assert.doesNotMatch(wabridge.validate({ to: "+44 20 7946 0958 ext 5", content: text("Hi") })[0].message, /business-scoped/);
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
  for (const event of inbound) {
    const sent = await messengers[event.provider].reply(event, text("Thanks!"));
    assert.match(sent.id, /./, event.provider);
    assert.equal(sandbox.messages(event.provider)[0].contact, USER, event.provider);
  }
  const [metaSent] = sandbox.messages("meta");
  assert.equal(metaSent.body.recipient, USER);
  assert.equal(sandbox.messages("bird")[0].body.receiver.contacts[0].identifierKey, "whatsappbsuid");
  assert.equal(sandbox.messages("1msg")[0].body.phone, USER);
  // Meta's statuses name the user id; delivered, not failed for a closed window.
  await sandbox.settle();
  const statuses = read("meta").filter((e) => e.type === "status" && e.id === metaSent.id);
  assert.deepEqual(statuses.map((s) => [s.status, s.recipient?.userId]), [["sent", USER], ["delivered", USER], ["read", USER]]);
  const birdStatuses = read("bird").filter((e) => e.type === "status" && e.id === sandbox.messages("bird")[0].id);
  assert.ok(birdStatuses.some((s) => s.status === "delivered"), JSON.stringify(birdStatuses.map((s) => s.status)));
  const acks = read("1msg").filter((e) => e.type === "status" && e.id === sandbox.messages("1msg")[0].id);
  assert.ok(acks.length > 0 && acks.every((a) => a.recipient.userId === USER && a.status !== "failed"), JSON.stringify(acks));
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

test("a 1MSG chat named by a numeric LID is no user id: not answered as a phone number", async () => {
  const sandbox = createSandbox();
  const messenger = wabridge.createMessenger({ provider: "1msg", ...sandbox.clientOptions("1msg") });
  const [event] = wabridge.readWebhook("1msg", JSON.stringify({ messages: [{ id: "m1", type: "chat", body: "hi", chatId: "447911123456@lid", author: "447911123456@lid", fromMe: false, time: 1 }] }));
  assert.equal(event.from.userId, undefined);
  assert.equal(event.from.phone, undefined);
  await assert.rejects(messenger.reply(event, text("x")), wabridge.ArgumentError);
  assert.equal(sandbox.messages("1msg").length, 0, "nothing sent to a stranger's number");
});

test("one customer, two ids: a number and a user id seen together share the window in the sandbox", async () => {
  const sandbox = createSandbox({ statusDelayMs: 0 });
  const client = new wabridge.MetaClient(sandbox.clientOptions("meta"));
  sandbox.receive({ provider: "meta", from: "+16505551234", userId: USER, text: "first" });
  sandbox.advanceClock(23 * 3600_000);
  sandbox.receive({ provider: "meta", userId: USER, text: "later, by user id only" });
  sandbox.advanceClock(2 * 3600_000);
  await client.send({ to: "+16505551234", content: text("by number") });
  await sandbox.settle();
  const [record] = sandbox.messages("meta");
  assert.equal(record.failure, null, "within the window the later message opened");
});

test("Bird: a customer known by username alone is answered through their contact; a malformed whatsappbsuid is no user id", async () => {
  const sandbox = createSandbox({ statusDelayMs: 0 });
  const messenger = wabridge.createMessenger({ provider: "bird", ...sandbox.clientOptions("bird") });
  const body = (extra) => JSON.stringify({ service: "channels", event: "whatsapp.inbound", payload: {
    id: "f1d7b2a0-0000-4000-a000-0000000000ac", channelId: sandbox.clientOptions("bird").channelId,
    sender: { contact: { id: "6134ace9-615f-4da9-8587-e4a74e7e3fb4", identifierKey: "whatsappusername", identifierValue: "ana.b" } },
    ...extra, body: { type: "text", text: { text: "hi" } }, createdAt: "2026-07-01T10:00:00.000Z" } });
  const [event] = wabridge.readWebhook("bird", body({ meta: { extraInformation: { whatsappbsuid: "garbage value", whatsappusername: "ana.b" } } }));
  assert.equal(event.from.userId, undefined);
  assert.equal(event.from.username, "ana.b");
  assert.equal(event.from.id, "6134ace9-615f-4da9-8587-e4a74e7e3fb4");
  // The sandbox's contact of that id: a reply goes to it by contact id.
  const received = sandbox.receive({ provider: "bird", userId: USER, username: "ana.b", text: "hi" });
  const [live] = wabridge.readWebhook("bird", sandbox.webhooks("bird").at(-1)?.body ?? "{}");
  assert.equal(live.from.id, received.contactId);
  await messenger.reply({ ...live, from: { id: live.from.id, username: "ana.b" } }, text("Thanks!"));
  assert.equal(sandbox.messages("bird")[0].body.receiver.contacts[0].id, received.contactId);
});

test("the sandbox's Meta group statuses are Meta's: recipient_type group, the group as recipient, no member made of it", async () => {
  const sandbox = createSandbox({ statusDelayMs: 0, enforceWindow: false });
  const group = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";
  const client = new wabridge.MetaClient(sandbox.clientOptions("meta"));
  const { messageId } = await client.send({ to: group, recipientType: "group", content: text("Hello all") });
  await sandbox.settle();
  const statuses = sandbox.webhooks("meta").flatMap((w) => wabridge.readWebhook("meta", w.body)).filter((e) => e.type === "status" && e.id === messageId);
  assert.ok(statuses.length > 0);
  for (const status of statuses) {
    assert.equal(status.raw.recipient_type, "group");
    assert.equal(status.recipient.id, group);
    assert.equal(status.participant, undefined, "the group is not its own member");
  }
});

test("recipients: one number however written, at most 15 digits, and no other provider's id taken for a Meta recipient", () => {
  const digits = (to, provider) => {
    const body = wabridge.toProvider(provider, { to, content: text("Hi") });
    return String({ meta: body.to, bird: body.receiver?.contacts[0].identifierValue, "1msg": body.phone }[provider]).replace("+", "");
  };
  for (const [written, sent] of [["+330612345678", "33612345678"], ["+33 06 12 34 56 78", "33612345678"], ["+4402079460958", "442079460958"], ["+116505551234", "16505551234"], ["+390612345678", "390612345678"]]) {
    for (const provider of ["meta", "bird", "1msg"]) assert.equal(digits(written, provider), sent, `${written} to ${provider}`);
  }
  // More than E.164's 15 digits is refused, not rounded or sent.
  const [long] = wabridge.validate({ to: "+23480312345673761", content: text("Hi") });
  assert.deepEqual([long.path, long.code, long.limit], ["/to", "too_long", 15]);
  // Meta's to: a Bird contact id, a 1MSG chat, a BSUID beside a group are refused at their field.
  const meta = (fields) => wabridge.validateProvider("meta", { messaging_product: "whatsapp", type: "text", text: { body: "hi" }, ...fields }).map((v) => [v.path, v.code]);
  assert.deepEqual(meta({ to: "00000000-0000-4000-8000-000000000000" }), [["/to", "invalid_value"]]);
  assert.deepEqual(meta({ recipient_type: "group", to: "7@g.us" }), [["/to", "invalid_value"]]);
  assert.deepEqual(meta({ recipient_type: "group", recipient: USER }), [["/recipient", "invalid_format"]]);
});

test("toProvider refuses with every violation validate(message, provider) finds, the provider's too", () => {
  const message = { to: "16505551234@g.us", content: { type: "template", name: "hello_world", language: { code: "en_US" } } };
  const expected = wabridge.validate(message, "1msg").map((v) => v.path).sort();
  assert.ok(expected.includes("/content/namespace") && expected.includes("/to"), JSON.stringify(expected));
  assert.throws(() => wabridge.toProvider("1msg", message), (e) => {
    assert.deepEqual(e.violations.map((v) => v.path).sort(), expected);
    return true;
  });
});
