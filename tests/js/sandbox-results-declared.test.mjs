// What the sandbox returns matches sandbox.d.ts (tests/types/programs/sandbox-results.ts
// compiles against the same shapes): receive()'s `contact`, media()'s hashes, and 1MSG's
// GET /messages answer holding only what 1MSG documents.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { CUSTOMER, createSandbox, text, wabridge } from "./helpers.mjs";

test("receive() returns provider, id, from, contact (and Bird's contactId)", () => {
  const sandbox = createSandbox({ seed: 1 });
  for (const provider of ["meta", "bird", "1msg"]) {
    const received = sandbox.receive({ provider, from: "+16505551234", text: "hi" });
    assert.deepEqual(Object.keys(received).sort(), ["contact", "from", "id", "provider", ...(provider === "bird" ? ["contactId"] : [])].sort(), provider);
    assert.equal(received.contact, "16505551234", provider);
  }
});

test("media(): a customer's file has null hashes until settle(), then SHA-256 in hex and base64", async () => {
  const sandbox = createSandbox({ seed: 1 });
  sandbox.receive({ provider: "meta", from: "+16505551234", media: { type: "image", data: "png bytes", mimeType: "image/png" } });
  const [before] = sandbox.media();
  assert.deepEqual(Object.keys(before).sort(), ["fileSize", "filename", "id", "mimeType", "sha256", "sha256Base64", "uploadedAt"]);
  assert.equal(before.sha256, null);
  assert.equal(before.sha256Base64, null);
  await sandbox.settle();
  const [after] = sandbox.media();
  assert.match(after.sha256, /^[0-9a-f]{64}$/);
  assert.equal(Buffer.from(after.sha256Base64, "base64").toString("hex"), after.sha256);
});

test("1MSG GET /messages answers { messages } only: no undocumented lastMessageNumber", async () => {
  const sandbox = createSandbox({ seed: 1 });
  sandbox.receive({ provider: "1msg", from: "+16505551234", text: "hi" });
  const client = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
  const answer = await client.messages({ last: true });
  assert.deepEqual(Object.keys(answer), ["messages"]);
  assert.equal(answer.messages.length, 1);
});

test("messages(): every field a record holds is declared in SandboxMessage, as the type it is declared", async () => {
  const declared = readFileSync(new URL("../../pkg/sandbox.d.ts", import.meta.url), "utf8");
  const body = /export interface SandboxMessage \{\n([\s\S]*?)\n\}/.exec(declared)[1];
  const fields = new Map([...body.matchAll(/^  (\w+)(\?)?: (.+);$/gm)].map(([, name, optional, type]) => [name, { optional: !!optional, type }]));
  // What the sandbox keeps for itself: where the client reached it and the media it must fetch.
  const internal = new Set(["origin", "media"]);
  const sandbox = createSandbox({ seed: 3, enforceWindow: false });
  const meta = new wabridge.MetaClient(sandbox.clientOptions("meta"));
  await meta.send({ ...text(), callbackData: "order-7" });
  await meta.send({ to: CUSTOMER, content: { type: "template", name: "hello_world", language: { code: "en_US" } } });
  const bird = new wabridge.BirdClient(sandbox.clientOptions("bird"));
  await bird.sendBody({ receiver: { contacts: [{ identifierValue: CUSTOMER }, { identifierValue: "+16505550000" }] }, body: { type: "text", text: { text: "hi" } } });
  await bird.send(text(), { scheduledFor: new Date(Date.now() + 3_600_000).toISOString() });
  await new wabridge.OneMsgClient(sandbox.clientOptions("1msg")).send(text());
  await sandbox.settle();
  const typeOf = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
  const accepts = (declaredType, value) => {
    const type = declaredType.replace(/ \| undefined$/, "");
    const kind = typeOf(value);
    if (/\| null$/.test(type) && kind === "null") return true;
    if (type === "unknown") return true;
    if (/\[\]$/.test(type)) return kind === "array";
    if (/^\{/.test(type)) return kind === "object";
    if (type === "Provider") return ["meta", "bird", "1msg"].includes(value);
    return kind === type;
  };
  const seen = new Set();
  for (const record of sandbox.messages()) {
    for (const [key, value] of Object.entries(record)) {
      if (internal.has(key) || (value === undefined && fields.get(key)?.optional)) continue;
      const field = fields.get(key);
      assert.ok(field, `${record.provider} record field ${key} is not declared in SandboxMessage`);
      assert.ok(accepts(field.type, value), `${record.provider}.${key}: ${JSON.stringify(value)} is not ${field.type}`);
      seen.add(key);
    }
    for (const [key, field] of fields) if (!field.optional) assert.ok(key in record, `${record.provider} record lacks ${key}`);
  }
  // The new fields were each seen at least once.
  for (const key of ["callbackData", "templateCategory", "conversationId", "receivers", "createdAt", "lastStatusAt", "platformReference", "group", "scheduledAt"]) {
    assert.ok(seen.has(key), key);
  }
  const [twoReceivers] = sandbox.messages("bird");
  assert.deepEqual(twoReceivers.receivers.map((r) => r.phone), ["+16505551234", "+16505550000"]);
});
