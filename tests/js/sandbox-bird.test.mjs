// Contract tests of the sandbox's Bird routes: 202, the documented error bodies, contacts,
// and whatsapp.outbound / whatsapp.inbound webhooks signed as Bird signs them.
import test from "node:test";
import assert from "node:assert/strict";
import { CUSTOMER, createSandbox, text, verifyBirdSignature, wabridge } from "./helpers.mjs";

function setup(options = {}) {
  const sandbox = createSandbox({ enforceWindow: false, ...options });
  const { workspaceId, channelId } = sandbox.clientOptions("bird");
  const post = (body, { key = "sandbox-bird-access-key", channel = channelId } = {}) =>
    sandbox.fetch(`${sandbox.baseUrl}/workspaces/${workspaceId}/channels/${channel}/messages`, {
      method: "POST",
      headers: { authorization: `AccessKey ${key}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { sandbox, post, workspaceId, client: new wabridge.BirdClient(sandbox.clientOptions("bird")) };
}

const valid = { receiver: { contacts: [{ identifierKey: "phonenumber", identifierValue: CUSTOMER }] }, body: { type: "text", text: { text: "Hello" } } };

test("202 Accepted with the created message", async () => {
  const { post } = setup();
  const response = await post(valid);
  assert.equal(response.status, 202);
  const message = await response.json();
  assert.match(message.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4/);
  assert.equal(message.status, "accepted");
  assert.equal(message.receiver.contacts[0].identifierValue, CUSTOMER);
  assert.deepEqual(message.body, valid.body);
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

test("BirdClient decodes 422 details and 404s", async () => {
  const { sandbox } = setup();
  const client = new wabridge.BirdClient({ ...sandbox.clientOptions("bird"), channelId: "00000000-0000-4000-a000-00000000dead" });
  const error = await client.send(text()).then(() => assert.fail("resolved"), (e) => e);
  assert.deepEqual([error.code, error.reason, error.httpStatus, error.providerCode], ["ERR_PROVIDER", "not_found", 404, "NotFound"]);
});

test("contacts: the recipient of a message can be read back", async () => {
  const { sandbox, post, workspaceId } = setup();
  const created = await (await post(valid)).json();
  const contactId = created.receiver.contacts[0].id;
  const headers = { authorization: "AccessKey sandbox-bird-access-key" };
  const { channelId } = sandbox.clientOptions("bird");
  const contact = await (await sandbox.fetch(`${sandbox.baseUrl}/workspaces/${workspaceId}/channels/${channelId}/contacts/${contactId}`, { headers })).json();
  assert.equal(contact.id, contactId);
  assert.deepEqual(contact.featuredIdentifiers, [{ key: "phonenumber", value: CUSTOMER }]);
  const missing = await sandbox.fetch(`${sandbox.baseUrl}/workspaces/${workspaceId}/contacts/nobody`, { headers });
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
