// The sandbox judges a message's media as WhatsApp does, after accepting the send: a link its
// servers cannot fetch (a name that never resolves, localhost, a private address) or a media id
// never uploaded fails the message with 131053 — on every provider, read back through each
// provider's webhooks into the same status event.
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

const CUSTOMER = "+16505551234";
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
const CLIENTS = { meta: wabridge.MetaClient, bird: wabridge.BirdClient, "1msg": wabridge.OneMsgClient };

/** The last status event of each message, from the provider's webhooks as sent. */
function lastStatuses(sandbox, provider) {
  const last = new Map();
  for (const hook of sandbox.webhooks(provider)) {
    for (const event of wabridge.readWebhook(provider, hook.body)) if (event.type === "status") last.set(event.messageId ?? event.id, event);
  }
  return last;
}

function setup(provider) {
  const sandbox = createSandbox({ seed: 21 });
  sandbox.receive({ provider, from: CUSTOMER, text: "hi" });
  return { sandbox, client: new CLIENTS[provider](sandbox.clientOptions(provider)) };
}

for (const provider of Object.keys(CLIENTS)) {
  test(`${provider}: a media link WhatsApp cannot fetch is accepted, then fails with 131053; a public one is delivered`, async () => {
    const { sandbox, client } = setup(provider);
    const links = {
      unresolvable: "https://cdn.nonexistent.invalid/a.png",
      // (https: 1MSG's sendFile takes no plain http link.)
      localhost: "https://localhost:3000/a.png",
      private: "https://192.168.1.20/a.png",
      mappedLoopback: "https://[::ffff:127.0.0.1]/a.png",
      public: "https://cdn.example.com/a.png",
      // A name that only starts like a private address is a name.
      named: "https://10.cdn.example.com/a.png",
    };
    const sent = {};
    for (const [name, link] of Object.entries(links)) sent[name] = (await client.send({ to: CUSTOMER, content: { type: "image", link, caption: name } })).messageId;
    await sandbox.settle();
    const statuses = lastStatuses(sandbox, provider);
    for (const name of ["unresolvable", "localhost", "private", "mappedLoopback"]) {
      const status = statuses.get(sent[name]);
      assert.equal(status?.status, "failed", `${name}: ${JSON.stringify(status)}`);
      // 1MSG's ack says failed; its stored ack (hookInfo) gives the code.
      const code = provider === "bird" ? Number(status.errors[0].source.code) : provider === "1msg" ? (await client.hookInfo(sent[name])).at?.(-1)?.errors?.[0]?.code ?? JSON.stringify(await client.hookInfo(sent[name])).match(/131053/)?.[0] * 1 : status.errors[0].code;
      assert.equal(code, 131053, name);
    }
    for (const name of ["public", "named"]) assert.ok(["delivered", "read"].includes(statuses.get(sent[name])?.status), `${name}: ${statuses.get(sent[name])?.status}`);
  });
}

test("Meta: media by the id of an upload is delivered; an id never uploaded, or deleted, fails with 131053", async () => {
  const { sandbox, client } = setup("meta");
  const { id: mediaId } = await client.uploadMedia(new Blob([PNG], { type: "image/png" }));
  const { id: deleted } = await client.uploadMedia(new Blob([PNG], { type: "image/png" }));
  await client.deleteMedia(deleted);
  const ok = await client.send({ to: CUSTOMER, content: { type: "image", id: mediaId } });
  const unknown = await client.send({ to: CUSTOMER, content: { type: "image", id: "999999999999" } });
  const gone = await client.send({ to: CUSTOMER, content: { type: "image", id: deleted } });
  await sandbox.settle();
  const statuses = lastStatuses(sandbox, "meta");
  assert.equal(statuses.get(ok.messageId).status, "read");
  for (const { messageId } of [unknown, gone]) {
    assert.equal(statuses.get(messageId).status, "failed");
    assert.equal(statuses.get(messageId).errors[0].code, 131053);
    assert.match(statuses.get(messageId).errors[0].details ?? statuses.get(messageId).errors[0].message, /media/i);
  }
});

test("1MSG: a mediaId never uploaded fails its ack; a customer's file sent back by its sandbox link is delivered", async () => {
  const { sandbox, client } = setup("1msg");
  const unknown = await client.sendBody("sendFile", { phone: 16505551234, mediaId: "777777", mediaType: "image" });
  // The Cloud API's media objects in 1MSG's interactive bodies are judged too.
  const header = await client.send({ to: CUSTOMER, content: { type: "replyButtons", header: { type: "image", id: "999999" }, body: "Pick", buttons: [{ id: "a", title: "A" }] } });
  const received = sandbox.receive({ provider: "1msg", from: CUSTOMER, media: { type: "image", data: PNG, mimeType: "image/png" } });
  await sandbox.settle();
  const event = sandbox.webhooks("1msg").flatMap((hook) => wabridge.readWebhook("1msg", hook.body)).find((e) => e.id === received.id);
  const back = await client.send({ to: CUSTOMER, content: { type: "image", link: event.media.url } });
  await sandbox.settle();
  const statuses = lastStatuses(sandbox, "1msg");
  assert.ok(received.id);
  assert.equal(statuses.get(unknown.messageId).status, "failed");
  assert.equal(statuses.get(header.messageId).status, "failed");
  assert.notEqual(statuses.get(back.messageId).status, "failed", "the sandbox's own files are reachable");
});

test("only media is judged: a flow's payload, Bird's meta or a link-named field elsewhere in a body is the caller's, not a file to fetch", async () => {
  const { sandbox, client } = setup("meta");
  const flow = await client.send({ to: CUSTOMER, content: { type: "flow", body: "Book", flowId: "1234567890", flowToken: "t", flowCta: "Book", flowAction: "navigate", flowActionPayload: { screen: "START", data: { link: "see-more", image: { id: "banner" } } } } });
  const bird = setup("bird");
  const { messageId } = await bird.client.sendBody({ receiver: { contacts: [{ identifierValue: CUSTOMER }] }, body: { type: "text", text: { text: "Hi" } }, meta: { extraInformation: { mediaUrl: "n/a" } } });
  await sandbox.settle();
  await bird.sandbox.settle();
  assert.equal(lastStatuses(sandbox, "meta").get(flow.messageId).status, "read");
  assert.ok(["delivered", "read"].includes(lastStatuses(bird.sandbox, "bird").get(messageId)?.status));
});

test("hosts that resolve only inside a network, and link-local, shared and multicast addresses, are unreachable too", async () => {
  const { sandbox, client } = setup("meta");
  const links = ["https://intranet/a.png", "https://files.local/a.png", "https://cdn.internal/a.png", "https://nas.home.arpa/a.png", "https://cdn.test/a.png", "http://[febf::1]/a.png", "http://100.64.0.1/a.png", "http://224.0.0.1/a.png"];
  const sent = [];
  for (const link of links) sent.push((await client.send({ to: CUSTOMER, content: { type: "image", link } })).messageId);
  await sandbox.settle();
  const statuses = lastStatuses(sandbox, "meta");
  sent.forEach((id, i) => assert.equal(statuses.get(id)?.status, "failed", links[i]));
});
