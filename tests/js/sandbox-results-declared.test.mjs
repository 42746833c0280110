// What the sandbox returns matches sandbox.d.ts (tests/types/programs/sandbox-results.ts
// compiles against the same shapes): receive()'s `contact`, media()'s hashes, and 1MSG's
// GET /messages answer holding only what 1MSG documents.
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

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
