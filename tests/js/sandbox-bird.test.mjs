// Contract tests of the sandbox's Bird routes: 202 (every body type and template form),
// scheduling, the documented error bodies (413 and 422 with details included), the contact
// channel's service window, workspace contacts, and whatsapp.outbound / whatsapp.inbound
// webhooks signed as Bird signs them.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { birdBodies } from "../../examples/bird-bodies.mjs";
import { birdMessages } from "../../examples/messages.mjs";
import { CUSTOMER, createSandbox, text, verifyBirdSignature, wabridge } from "./helpers.mjs";

const FIXTURES = new URL("../fixtures/bird/", import.meta.url);
const FIXTURE_RECEIVER = "+31612345678";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const rfc3339 = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Every fixture, by name; scheduled.json's `scheduledFor` moved to 15 days from now (Bird
 *  refuses more than 35 days ahead, so a fixed date would expire). */
function fixtures() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const body = JSON.parse(readFileSync(new URL(f, FIXTURES), "utf8"));
      if (body.scheduledFor !== undefined) body.scheduledFor = rfc3339(Date.now() + 15 * DAY_MS);
      return [f.replace(/\.json$/, ""), body];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

function setup(options = {}) {
  const sandbox = createSandbox({ enforceWindow: false, ...options });
  const { workspaceId, channelId } = sandbox.clientOptions("bird");
  const post = (body, { key = "sandbox-bird-access-key", channel = channelId } = {}) =>
    sandbox.fetch(`${sandbox.baseUrl}/workspaces/${workspaceId}/channels/${channel}/messages`, {
      method: "POST",
      headers: { authorization: `AccessKey ${key}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const get = (path) => sandbox.fetch(`${sandbox.baseUrl}/workspaces/${workspaceId}${path}`, { headers: { authorization: "AccessKey sandbox-bird-access-key" } });
  return { sandbox, post, get, workspaceId, channelId, client: new wabridge.BirdClient(sandbox.clientOptions("bird")) };
}

const valid = { receiver: { contacts: [{ identifierKey: "phonenumber", identifierValue: CUSTOMER }] }, body: { type: "text", text: { text: "Hello" } } };
const template = { receiver: { contacts: [{ identifierValue: CUSTOMER }] }, template: { projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", version: "latest", locale: "en" } };

/** The status webhooks' final status of each message id. */
function finalStatuses(sandbox) {
  const last = new Map();
  for (const hook of sandbox.webhooks("bird").filter((h) => h.payload.event === "whatsapp.outbound")) last.set(hook.payload.payload.id, hook.payload.payload);
  return last;
}

test("202 Accepted with the created message", async () => {
  const { post } = setup();
  const response = await post(valid);
  assert.equal(response.status, 202);
  const message = await response.json();
  assert.match(message.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4/);
  assert.equal(message.status, "accepted");
  assert.equal(message.receiver.contacts[0].identifierValue, CUSTOMER);
  assert.deepEqual(message.body, valid.body);
  assert.equal(message.template, undefined);
});

test("every body type and template form of Bird's page (tests/fixtures/bird) is accepted through BirdClient.sendBody", async () => {
  const { sandbox, client } = setup({ enforceWindow: true });
  sandbox.receive({ provider: "bird", from: FIXTURE_RECEIVER, text: "Hi" }); // opens the window
  const all = fixtures();
  assert.ok(all.length >= 34, `${all.length} fixtures`);
  const sent = [];
  for (const [name, body] of all) {
    const result = await client.sendBody(body);
    assert.match(result.messageId, UUID, name);
    assert.equal(result.status, body.scheduledFor ? "scheduled" : "accepted", name);
    assert.equal(result.scheduledFor, body.scheduledFor, name);
    assert.deepEqual(result.warnings ?? [], [], name);
    sent.push([name, body, result.messageId]);
  }
  // A string body is taken as it is.
  const [, first] = all[0];
  assert.equal((await client.sendBody(JSON.stringify(first))).status, "accepted");
  await sandbox.settle();
  const records = new Map(sandbox.messages("bird").map((m) => [m.id, m]));
  const statuses = finalStatuses(sandbox);
  for (const [name, body, id] of sent) {
    const record = records.get(id);
    assert.equal(record.kind, body.body?.type ?? "template", name);
    assert.equal(record.template, body.template !== undefined, name);
    assert.deepEqual(record.body, body, `${name}: stored as sent`);
    if (body.scheduledFor) {
      assert.equal(record.status, "scheduled", name);
      assert.deepEqual(record.statuses, [], `${name}: nothing played out before its time`);
      continue;
    }
    // A read is an interaction on Bird, kept in the store as the others' reads are.
    assert.deepEqual(record.statuses, ["sent", "delivered", "read"], name);
    // The message object of the webhooks echoes the body or the template, and the replyTo.
    const payload = statuses.get(id);
    assert.equal(payload.status, "delivered", name);
    assert.deepEqual(payload.body, body.body, `${name}: body echoed`);
    assert.deepEqual(payload.template, body.template, `${name}: template echoed`);
    assert.deepEqual(payload.replyTo, body.replyTo, `${name}: replyTo echoed`);
  }
});

test("the demo's Bird bodies (examples/bird-bodies.mjs) have the forms of the fixtures, one each, and are accepted", async () => {
  /** The fields of a body (array items by index), with the discriminators' values. */
  const shape = (value, path = "", out = []) => {
    if (Array.isArray(value)) value.forEach((item, i) => shape(item, `${path}/${i}`, out));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) shape(item, `${path}/${key}`, out);
    else out.push(`${path}: ${/\/(type|identifierKey)$/.test(path) ? JSON.stringify(value) : typeof value}`);
    return out.sort();
  };
  const demo = birdBodies(FIXTURE_RECEIVER);
  assert.deepEqual(demo.map(([name]) => name).sort(), fixtures().map(([name]) => name));
  const byName = new Map(demo);
  for (const [name, body] of fixtures()) assert.deepEqual(shape(byName.get(name)), shape(body), name);
  const { client } = setup();
  for (const [name, body] of demo) assert.equal((await client.sendBody(body)).status, name === "scheduled" ? "scheduled" : "accepted", name);
});

test("the neutral kinds Bird carries are accepted through BirdClient.send, with Bird's options", async () => {
  const { sandbox, client } = setup();
  const { id } = sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Hi" });
  for (const [kind, message] of birdMessages(CUSTOMER, { replyTo: id })) {
    const result = await client.send(message);
    assert.match(result.messageId, UUID, kind);
    assert.equal(result.status, "accepted", kind);
  }
  const kinds = sandbox.messages("bird").map((m) => m.kind);
  assert.deepEqual([...new Set(kinds)].sort(), ["carousel", "file", "image", "list", "location", "template", "text"]);
  const result = await client.send(text(), { reference: "order-4512", tags: ["orders"], useCase: "marketing", capFrequency: true });
  assert.equal(result.status, "accepted");
  const { body } = sandbox.messages("bird").find((m) => m.id === result.messageId);
  assert.deepEqual([body.reference, body.tags, body.meta, body.capFrequency], ["order-4512", ["orders"], { extraInformation: { useCase: "marketing" } }, true]);
});

test("the message object echoes the template, reference, tags and scheduledFor", async () => {
  const { post } = setup();
  const scheduledFor = rfc3339(Date.now() + 3 * DAY_MS);
  const answer = await post({ ...template, reference: "ref-1", tags: ["welcome", "q4 promo"], scheduledFor });
  assert.equal(answer.status, 202);
  const message = await answer.json();
  assert.deepEqual(message.template, template.template);
  assert.equal(message.body, undefined);
  assert.deepEqual([message.status, message.reference, message.tags, message.scheduledFor], ["scheduled", "ref-1", ["welcome", "q4 promo"], scheduledFor]);
});

test("scheduledFor: a message 10 minutes or more ahead is scheduled and goes out (judged then) when its time comes", async () => {
  let now = Date.UTC(2026, 0, 1, 9, 0);
  const { sandbox, post } = setup({ enforceWindow: true, now: () => now });
  sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Hi" });
  const at = (minutes) => new Date(now + minutes * 60_000).toISOString();
  const soon = await (await post({ ...valid, scheduledFor: at(9) })).json();
  const later = await (await post({ ...valid, scheduledFor: at(10) })).json();
  const tomorrow = await (await post({ ...valid, scheduledFor: at(25 * 60) })).json();
  const templateTomorrow = await (await post({ ...template, scheduledFor: at(25 * 60) })).json();
  assert.deepEqual([soon.status, later.status, tomorrow.status, templateTomorrow.status], ["accepted", "scheduled", "scheduled", "scheduled"]);
  assert.equal(soon.scheduledFor, at(9), "scheduledFor is echoed even when sent at once");
  await sandbox.settle();
  const status = () => Object.fromEntries(sandbox.messages("bird").map((m) => [m.id, m.status]));
  assert.deepEqual(Object.values(status()), ["read", "scheduled", "scheduled", "scheduled"]);
  now += 10 * 60_000;
  await sandbox.settle();
  assert.equal(status()[later.id], "read");
  assert.equal(status()[tomorrow.id], "scheduled");
  // 25 hours on, the window the inbound message opened has closed: the free-form message
  // fails as it goes out, the template is delivered.
  now += 25 * 60 * 60_000;
  await sandbox.settle();
  assert.equal(status()[tomorrow.id], "delivery_failed");
  assert.equal(status()[templateTomorrow.id], "read");
});

test("BirdClient: a message scheduled less than 10 minutes ahead is sent at once, with a warning", async () => {
  const { client } = setup();
  const scheduledFor = rfc3339(Date.now() + 2 * 60_000);
  const result = await client.sendBody({ ...valid, scheduledFor });
  assert.equal(result.status, "accepted");
  assert.equal(result.scheduledFor, scheduledFor);
  assert.equal(result.warnings?.length, 1, JSON.stringify(result));
});

test("the documented error bodies: 401, 404, 409, 413, 422 and 400", async () => {
  const bodyOf = async (response) => [response.status, (await response.json()).code];
  assert.deepEqual(await bodyOf(await setup().post(valid, { key: "wrong" })), [401, "Unauthorized"]);
  assert.deepEqual(await bodyOf(await setup().post(valid, { channel: "00000000-no-such-channel" })), [404, "NotFound"]);
  assert.deepEqual(await bodyOf(await setup({ bird: { channelActive: false } }).post(valid)), [409, "Conflict"]);
  const huge = { ...valid, body: { type: "text", text: { text: "x".repeat(210 * 1024) } } };
  assert.deepEqual(await bodyOf(await setup().post(huge)), [413, "PayloadTooLarge"]);
  assert.deepEqual(await bodyOf(await setup().post("{oops")), [400, "InvalidRequest"]);
  const invalid = await setup().post({ receiver: { contacts: [{ identifierKey: "phonenumber", identifierValue: "+12" }] }, body: { type: "text", text: { text: "x".repeat(4097) } } });
  const error = await invalid.json();
  assert.equal(invalid.status, 422);
  assert.equal(error.code, "InvalidPayload");
  assert.deepEqual(Object.keys(error.details).sort(), [".body.text.text", ".receiver.contacts[0].identifierValue"]);
});

test("422: a body with several faults has a detail for each, at Bird's paths; the client refuses it before sending, at the same pointers", async () => {
  const faulty = {
    receiver: { contacts: [{ identifierValue: "0612345678" }] },
    body: {
      type: "carousel",
      carousel: {
        text: "Cards",
        items: [
          { title: "One", mediaUrl: "https://example.com/1.jpg", actions: [{ type: "link", link: { text: "Go", url: "not a url" } }] },
          { title: "Two", mediaUrl: "https://example.com/2.jpg", actions: [{ type: "link", link: { text: "Go", url: "https://example.com/2" } }] },
        ],
      },
    },
    capFrequency: true,
    tags: ["Upper!"],
    scheduledFor: "tomorrow",
    replyTo: { id: "1e7b70ab-3dcc-48f4-a6f6-63a493f6134c", type: "forward" },
  };
  const expected = ["/receiver/contacts/0/identifierValue", "/body/carousel/items/0/actions/0/link/url", "/capFrequency", "/tags/0", "/scheduledFor", "/replyTo/type"];
  const { post, client, sandbox } = setup();
  const answer = await post(faulty);
  assert.equal(answer.status, 422);
  const { code, details } = await answer.json();
  assert.equal(code, "InvalidPayload");
  const birdPaths = expected.map((p) => p.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join(""));
  assert.deepEqual(Object.keys(details).sort(), [...birdPaths].sort());
  for (const messages of Object.values(details)) assert.ok(messages.length >= 1 && messages.every((m) => typeof m === "string" && m.length > 0));
  const refused = await client.sendBody(faulty).then(() => assert.fail("resolved"), (e) => e);
  assert.equal(refused.code, "ERR_VALIDATION");
  assert.deepEqual(refused.violations.map((v) => v.path).sort(), [...expected].sort());
  assert.deepEqual(wabridge.validateProvider("bird", faulty).map((v) => v.path).sort(), [...expected].sort());
  assert.equal(sandbox.requests.length, 1, "only the raw POST reached the sandbox");
});

test("422 the client cannot foresee (a receiver by unknown contact id) is decoded into ProviderError.fields at JSON pointers", async () => {
  const { client, sandbox, post } = setup();
  const unknown = "0b6f4f5e-0000-4000-a000-00000000beef";
  const error = await client.sendBody({ ...valid, receiver: { contacts: [{ id: unknown }] } }).then(() => assert.fail("resolved"), (e) => e);
  assert.ok(error instanceof wabridge.ProviderError, String(error));
  assert.equal(error.httpStatus, 422);
  assert.equal(error.providerCode, "InvalidPayload");
  assert.deepEqual(error.fields.map((f) => f.path), ["/receiver/contacts/0/id"]);
  assert.match(error.fields[0].messages[0], /not found/);
  // A known contact id is a receiver like its phone number.
  const { contactId } = sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Hi" });
  const byId = await client.sendBody({ ...valid, receiver: { contacts: [{ id: contactId }] } });
  assert.equal(byId.status, "accepted");
  const message = await (await post({ ...valid, receiver: { contacts: [{ id: contactId }] } })).json();
  assert.deepEqual(message.receiver.contacts[0], { id: contactId, identifierKey: "phonenumber", identifierValue: CUSTOMER, type: "to" });
});

test("413 for an inline (data:) attachment over 100 KB, as for a body over 200 KB; 100 KB is accepted", async () => {
  const inline = (bytes) => ({
    ...valid,
    body: { type: "image", image: { images: [{ mediaUrl: `data:image/png;base64,${Buffer.alloc(bytes, 7).toString("base64")}` }] } },
  });
  const { post, client } = setup();
  const atLimit = await post(inline(100 * 1024));
  assert.equal(atLimit.status, 202, await atLimit.clone().text());
  const over = await post(inline(100 * 1024 + 1));
  assert.equal(over.status, 413);
  const error = await over.json();
  assert.equal(error.code, "PayloadTooLarge");
  assert.match(error.message, /102400/);
  assert.equal(error.details, undefined);
  // Inline attachments travel in files and carousel cards too.
  const file = { ...valid, body: { type: "file", file: { files: [{ contentType: "application/pdf", mediaUrl: `data:application/pdf;base64,${Buffer.alloc(120 * 1024).toString("base64")}` }] } } };
  assert.equal((await post(file)).status, 413);
  // The client refuses it before sending, at the attachment's pointer.
  const refused = await client.sendBody(inline(100 * 1024 + 1)).then(() => assert.fail("resolved"), (e) => e);
  assert.deepEqual(refused.violations.map((v) => [v.path, v.code]), [["/body/image/images/0/mediaUrl", "too_long"]]);
});

test("getContactChannel: the window is closed before the customer writes, open for 24 hours after", async () => {
  const { sandbox, client, get } = setup({ enforceWindow: true });
  // A template reaches a customer who never wrote, and makes them a contact.
  const { messageId } = await client.sendBody(template);
  const { contactId } = sandbox.messages("bird").find((m) => m.id === messageId);
  assert.match(contactId, UUID);
  const before = await client.getContactChannel(contactId, { contactIdentifierValue: CUSTOMER });
  assert.equal(before.serviceWindowExpireAt ?? null, null);
  assert.deepEqual([before.serviceWindowOpen, before.templateRequired, before.isPermanentSession], [false, true, false]);
  const raw = await (await get(`/channels/${sandbox.clientOptions("bird").channelId}/contacts/${contactId}`)).json();
  assert.deepEqual(raw, { serviceWindowExpireAt: null, isPermanentSession: false, metadata: {} });
  // Free-form outside the window: accepted (202), then delivery_failed with WhatsApp's 131047.
  const outside = await client.send(text("Are you there?"));
  assert.equal(outside.status, "accepted");
  const received = sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Hi!" });
  assert.equal(received.contactId, contactId, "the inbound message comes from the same contact");
  const after = await client.getContactChannel(contactId, { contactIdentifierValue: CUSTOMER });
  assert.deepEqual([after.serviceWindowOpen, after.templateRequired], [true, false]);
  const expires = Date.parse(after.serviceWindowExpireAt);
  assert.ok(Math.abs(expires - (Date.now() + DAY_MS)) < 60_000, after.serviceWindowExpireAt);
  const inside = await client.send(text("Welcome back"));
  await sandbox.settle();
  const statuses = finalStatuses(sandbox);
  assert.equal(statuses.get(messageId).status, "delivered", "a template is delivered outside the window");
  assert.equal(statuses.get(outside.messageId).status, "delivery_failed");
  // WhatsApp's code is the source's; Bird's own grouping code is not invented.
  assert.deepEqual(statuses.get(outside.messageId).failure, {
    description: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
    source: { code: "131047", name: "whatsapp" },
  });
  assert.equal(statuses.get(outside.messageId).reason, "Re-engagement message");
  assert.equal(statuses.get(inside.messageId).status, "delivered");
});

test("the window closes 24 hours after the customer's last message: free-form fails, a template is delivered", async () => {
  // The sandbox's own clock, moved; the window judged by it with isServiceWindowOpen (the
  // decoded serviceWindowOpen is judged by the runtime's clock, which is not moved).
  let now = Date.now() + 400 * DAY_MS;
  const { sandbox, client } = setup({ enforceWindow: true, now: () => now });
  const { contactId } = sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Hi!" });
  const open = await client.getContactChannel(contactId);
  assert.equal(Date.parse(open.serviceWindowExpireAt), now + DAY_MS, "the expiry by the sandbox's clock");
  assert.equal(wabridge.isServiceWindowOpen(open, now), true);
  now += DAY_MS + 60_000;
  const closed = await client.getContactChannel(contactId);
  assert.deepEqual(closed.serviceWindowExpireAt, open.serviceWindowExpireAt, "the expiry stays, in the past");
  assert.equal(wabridge.isServiceWindowOpen(closed, now), false);
  assert.equal(wabridge.isServiceWindowOpen(closed.serviceWindowExpireAt, new Date(now - 2 * 60_000)), true, "open two minutes before");
  const fixtureBodies = new Map(fixtures());
  const at = (body) => ({ ...body, receiver: { contacts: [{ identifierValue: CUSTOMER }] } });
  const freeForm = await Promise.all(["text", "image", "file", "list", "carousel-image"].map((name) => client.sendBody(at(fixtureBodies.get(name)))));
  const templates = await Promise.all(["template-text", "template-image", "template-button-variable"].map((name) => client.sendBody(at(fixtureBodies.get(name)))));
  assert.ok([...freeForm, ...templates].every((r) => r.status === "accepted"), "all accepted with 202");
  await sandbox.settle();
  const statuses = finalStatuses(sandbox);
  assert.deepEqual(freeForm.map((r) => statuses.get(r.messageId).status), Array(5).fill("delivery_failed"));
  assert.deepEqual(templates.map((r) => statuses.get(r.messageId).status), Array(3).fill("delivered"));
  // The customer writes again: the window reopens.
  sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Still there?" });
  assert.equal(wabridge.isServiceWindowOpen(await client.getContactChannel(contactId), now), true);
});

test("isServiceWindowOpen: an expiry, null (no window), a permanent session; a bad time is an ArgumentError", () => {
  const at = Date.UTC(2026, 5, 1, 12);
  const expiry = new Date(at + 1000).toISOString();
  assert.equal(wabridge.isServiceWindowOpen({ serviceWindowExpireAt: expiry }, at), true);
  assert.equal(wabridge.isServiceWindowOpen(expiry, at + 1000), false, "closed at its expiry");
  assert.equal(wabridge.isServiceWindowOpen(null, at), false);
  assert.equal(wabridge.isServiceWindowOpen({ serviceWindowExpireAt: null, isPermanentSession: true }, at), true);
  assert.equal(wabridge.isServiceWindowOpen({ serviceWindowExpireAt: "not a date" }, at), false);
  assert.throws(() => wabridge.isServiceWindowOpen(expiry, "tomorrow"), (e) => e instanceof wabridge.ArgumentError && e.code === "ERR_ARGUMENT");
});

test("scheduledFor is judged by the sandbox's clock: 35 days from its now, not the runtime's", async () => {
  for (const shift of [100 * DAY_MS, -100 * DAY_MS]) {
    const now = Date.now() + shift;
    const { post } = setup({ now: () => now });
    const within = await post({ ...valid, scheduledFor: rfc3339(now + 20 * DAY_MS) });
    const message = await within.json();
    assert.equal(within.status, 202, `${shift}: ${JSON.stringify(message)}`);
    assert.equal(message.status, "scheduled");
    const beyond = await post({ ...valid, scheduledFor: rfc3339(now + 40 * DAY_MS) });
    assert.equal(beyond.status, 422, `${shift}: 40 days ahead of the sandbox's clock`);
    assert.deepEqual(Object.keys((await beyond.json()).details), [".scheduledFor"]);
  }
  // validateProvider's own option, as the sandbox uses it.
  const body = { ...valid, scheduledFor: "2020-03-01T00:00:00Z" };
  assert.deepEqual(wabridge.validateProvider("bird", body, { now: new Date("2020-02-01T00:00:00Z") }), []);
  assert.deepEqual(wabridge.validateProvider("bird", body, { now: Date.UTC(2020, 0, 1) }).map((v) => v.path), ["/scheduledFor"]);
  assert.throws(() => wabridge.validateProvider("bird", body, { now: "soon" }), wabridge.ArgumentError);
});

test("contact channel: 404 RequestError for an unknown contact or a contactIdentifierValue that is not theirs", async () => {
  const { sandbox, client, get, channelId } = setup();
  const { contactId } = sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Hi" });
  const missing = await get(`/channels/${channelId}/contacts/0b6f4f5e-0000-4000-a000-00000000beef`);
  assert.equal(missing.status, 404);
  assert.deepEqual(Object.keys(await missing.json()).sort(), ["code", "message"]);
  const error = await client.getContactChannel("0b6f4f5e-0000-4000-a000-00000000beef").then(() => assert.fail("resolved"), (e) => e);
  assert.deepEqual([error.code, error.httpStatus, error.providerCode], ["ERR_PROVIDER", 404, "NotFound"]);
  const notTheirs = await client.getContactChannel(contactId, { contactIdentifierValue: "+442071838750" }).then(() => assert.fail("resolved"), (e) => e);
  assert.equal(notTheirs.httpStatus, 404);
  assert.equal((await client.getContactChannel(contactId, { contactIdentifierValue: CUSTOMER })).serviceWindowOpen, true);
});

test("BirdClient decodes 422 details and 404s", async () => {
  const { sandbox } = setup();
  const client = new wabridge.BirdClient({ ...sandbox.clientOptions("bird"), channelId: "00000000-0000-4000-a000-00000000dead" });
  const error = await client.send(text()).then(() => assert.fail("resolved"), (e) => e);
  assert.deepEqual([error.code, error.reason, error.httpStatus, error.providerCode], ["ERR_PROVIDER", "not_found", 404, "NotFound"]);
});

test("workspace contacts: the recipient of a message can be read back", async () => {
  const { post, get } = setup();
  const created = await (await post(valid)).json();
  const contactId = created.receiver.contacts[0].id;
  const contact = await (await get(`/contacts/${contactId}`)).json();
  assert.equal(contact.id, contactId);
  assert.deepEqual(contact.featuredIdentifiers, [{ key: "phonenumber", value: CUSTOMER }]);
  const missing = await get("/contacts/nobody");
  assert.equal(missing.status, 404);
});

test("webhooks: whatsapp.outbound sent → delivered (Bird has no read), whatsapp.inbound, Bird's signature", async () => {
  const url = "https://hooks.example/bird";
  const { sandbox, client } = setup({ webhooks: { url, fetch: async () => new Response("ok") }, bird: { signingKey: "bird-key" } });
  const { messageId } = await client.send(text());
  sandbox.receive({ provider: "bird", from: CUSTOMER, text: "Thanks!", name: "Ana" });
  await sandbox.settle();
  const hooks = sandbox.webhooks("bird");
  const outbound = hooks.filter((h) => h.payload.event === "whatsapp.outbound");
  assert.deepEqual(outbound.map((h) => [h.payload.payload.id, h.payload.payload.status]), [[messageId, "sent"], [messageId, "delivered"]]);
  const inbound = hooks.find((h) => h.payload.event === "whatsapp.inbound");
  assert.equal(inbound.payload.payload.body.text.text, "Thanks!");
  assert.equal(inbound.payload.payload.sender.contact.identifierValue, CUSTOMER);
  for (const hook of hooks) {
    assert.ok(await verifyBirdSignature("bird-key", url, hook.body, hook.headers), "signature verifies");
    assert.ok(!(await verifyBirdSignature("bird-key", "https://elsewhere.example/", hook.body, hook.headers)));
  }
});

test("a failed delivery is delivery_failed with WhatsApp's code", async () => {
  const { sandbox, client } = setup({ enforceWindow: true });
  await client.send(text());
  await sandbox.settle();
  const [hook] = sandbox.webhooks("bird");
  assert.equal(hook.payload.payload.status, "delivery_failed");
  assert.deepEqual(hook.payload.payload.failure.source, { code: "131047", name: "whatsapp" });
});

test("templates given to the sandbox are checked as Bird's template service does: unknown project, version or locale, or a variable without its parameter, goes sending_failed from the touchpoint source", async () => {
  const projectId = "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318";
  const version = "0b8f5e0c-0000-4000-a000-0000000000aa";
  const { sandbox, client } = setup({ bird: { templates: [{ projectId, versions: [version], locales: ["en", "pt-BR"], variables: ["name"] }] } });
  const receiver = { contacts: [{ identifierValue: CUSTOMER }] };
  const send = (template) => client.sendBody({ receiver, template: { projectId, version: "latest", locale: "en", parameters: [{ type: "string", key: "name", value: "Ana" }], ...template } });
  const sent = {
    ok: await send({}),
    byVersion: await send({ version, locale: "pt-BR" }),
    unknown: await send({ projectId: "3f2a1b4c-0000-4000-a000-00000000000a" }),
    version: await send({ version: "3f2a1b4c-0000-4000-a000-00000000000b" }),
    locale: await send({ locale: "de" }),
    variable: await send({ parameters: [] }),
  };
  await sandbox.settle();
  const statuses = finalStatuses(sandbox);
  assert.equal(statuses.get(sent.ok.messageId).status, "delivered");
  assert.equal(statuses.get(sent.byVersion.messageId).status, "delivered");
  for (const [name, reason] of [["unknown", /template not found/], ["version", /version not found/], ["locale", /locale not found/], ["variable", /missing template variables/]]) {
    const status = statuses.get(sent[name].messageId);
    assert.equal(status.status, "sending_failed", name);
    assert.match(status.reason, reason, name);
    assert.deepEqual(status.failure.source, { name: "touchpoint" }, name);
  }
  // Read through the package: a failed status whose error names the touchpoint source.
  const events = sandbox.webhooks("bird").flatMap((hook) => wabridge.readWebhook("bird", hook.body)).filter((e) => e.type === "status" && e.status === "failed");
  assert.equal(events.length, 4);
  assert.ok(events.every((e) => e.errors[0].source.name === "touchpoint"));
  // Without templates given, the sandbox knows none of the workspace's: any template passes.
  const open = setup();
  const { messageId } = await open.client.sendBody({ receiver, template: { projectId: "3f2a1b4c-0000-4000-a000-00000000000a", version: "latest", locale: "de" } });
  await open.sandbox.settle();
  assert.equal(finalStatuses(open.sandbox).get(messageId).status, "delivered");
  for (const templates of [[{ projectId: 1 }], [, { projectId }], null, {}, [{ projectId, locales: [, "en"] }]]) {
    assert.throws(() => createSandbox({ bird: { templates } }), /bird\.templates/, JSON.stringify(templates));
  }
  // A project id is a UUID, whatever its case.
  const upper = setup({ bird: { templates: [{ projectId: projectId.toUpperCase() }] } });
  const sentUpper = await upper.client.sendBody({ receiver, template: { projectId, version: "latest", locale: "en" } });
  await upper.sandbox.settle();
  assert.equal(finalStatuses(upper.sandbox).get(sentUpper.messageId).status, "delivered");
});
