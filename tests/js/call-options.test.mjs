// Every method's options object is checked as client options are: an unknown key, or a value
// of the wrong type, is an ArgumentError naming it, before any I/O; ids must be strings.
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const WORKSPACE = "00000000-0000-4000-8000-000000000000";
const CHANNEL = "00000000-0000-4000-8000-000000000001";
const message = { to: "16505551234", content: { type: "text", body: "hi" } };
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

/** A fetch that records each call and answers `body`. */
function recorder(body = "{}") {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return new Response(body, { status: 200 });
  };
  return { calls, fetch };
}

const clients = (fetch) => ({
  meta: new wabridge.MetaClient({ token: "T", phoneNumberId: "123456", fetch, retry: false }),
  bird: new wabridge.BirdClient({ accessKey: "K", workspaceId: WORKSPACE, channelId: CHANNEL, fetch, retry: false }),
  onemsg: new wabridge.OneMsgClient({ token: "T", instanceId: "I", fetch, retry: false }),
});

/** Asserts that `call` rejects with an ArgumentError matching `pattern` and fetched nothing. */
async function refused(name, call, pattern) {
  const { calls, fetch } = recorder();
  const error = await call(clients(fetch)).then(() => assert.fail(`${name} resolved`), (e) => e);
  assert.equal(error.name, "ArgumentError", `${name}: ${error.message}`);
  assert.equal(error.code, "ERR_ARGUMENT");
  assert.equal(error.retryable, false);
  assert.match(error.message, pattern, name);
  assert.equal(calls.length, 0, `${name}: no request`);
}

test("an unknown option is an ArgumentError naming it and the known ones", async () => {
  await refused("meta.markRead", (c) => c.meta.markRead("wamid.1", { foo: 1 }), /unknown option "foo" in markRead options; known: typing$/);
  await refused("meta.uploadMedia", (c) => c.meta.uploadMedia(png, { type: "image/png", filenme: "x.png" }), /unknown option "filenme" in uploadMedia options; known: type, filename$/);
  await refused("bird.getContactChannel", (c) => c.bird.getContactChannel("contact-1", { contactIdentifier: "+31612345678" }), /unknown option "contactIdentifier" in getContactChannel options; known: contactIdentifierValue$/);
  await refused("onemsg.markRead", (c) => c.onemsg.markRead("msg-1", { typng: true }), /unknown option "typng" in markRead options; known: typing$/);
  await refused("onemsg.uploadMedia (a file)", (c) => c.onemsg.uploadMedia(png, { type: "image/png", name: "x.png" }), /unknown option "name" in uploadMedia options/);
  await refused("onemsg.uploadMedia (a URL)", (c) => c.onemsg.uploadMedia("https://example.com/x.png", { typ: "image/png" }), /unknown option "typ" in uploadMedia options/);
  await refused("onemsg.sendFile", (c) => c.onemsg.sendFile(png, { phone: "16505551234" }, { mime: "image/png" }), /unknown option "mime" in sendFile options/);
  await refused("onemsg.updateMe (a file)", (c) => c.onemsg.updateMe({ photo: png }, { type: "image/png", fields: {} }), /unknown option "fields" in updateMe options/);
  await refused("onemsg.updateMe (no file)", (c) => c.onemsg.updateMe({ about: "hi" }, { foo: 1 }), /unknown option "foo" in updateMe options/);
  // Checked by the core already, here so that every method with options is covered.
  await refused("bird.send", (c) => c.bird.send(message, { foo: 1 }), /unknown Bird send option "foo"/);
  await refused("OneMsgClient.downloadMedia", () => wabridge.OneMsgClient.downloadMedia("https://example.com/x", { foo: 1 }), /unknown option "foo"/);
});

test("an option of the wrong type is an ArgumentError naming the field and the type", async () => {
  await refused("meta.markRead typing", (c) => c.meta.markRead("wamid.1", { typing: "yes" }), /^markRead options\.typing must be a boolean$/);
  await refused("onemsg.markRead typing", (c) => c.onemsg.markRead("msg-1", { typing: 1 }), /^markRead options\.typing must be a boolean$/);
  await refused("meta.uploadMedia type", (c) => c.meta.uploadMedia(png, { type: 5 }), /^uploadMedia options\.type must be a string$/);
  await refused("meta.uploadMedia filename", (c) => c.meta.uploadMedia(png, { type: "image/png", filename: ["x"] }), /^uploadMedia options\.filename must be a string$/);
  await refused("bird.getContactChannel", (c) => c.bird.getContactChannel("contact-1", { contactIdentifierValue: 31612345678 }), /^getContactChannel options\.contactIdentifierValue must be a string$/);
  await refused("onemsg.sendFile filename", (c) => c.onemsg.sendFile(png, { phone: "16505551234" }, { type: "image/png", filename: 1 }), /^sendFile options\.filename must be a string$/);
  await refused("options not an object", (c) => c.meta.markRead("wamid.1", true), /^markRead options must be an object$/);
  await refused("options an array", (c) => c.meta.uploadMedia(png, ["image/png"]), /^uploadMedia options must be an object$/);
});

test("ids must be strings", async () => {
  await refused("onemsg.deleteMedia", (c) => c.onemsg.deleteMedia(5), /deleteMedia takes the mediaId \(a string\), not number/);
  await refused("onemsg.markRead", (c) => c.onemsg.markRead(5), /markRead takes the messageId \(a string\), not number/);
  await refused("meta.getMedia", (c) => c.meta.getMedia(5), /string/);
  await refused("meta.deleteMedia", (c) => c.meta.deleteMedia(5), /string/);
  await refused("meta.markRead", (c) => c.meta.markRead(5), /string/);
  await refused("bird.getContactChannel", (c) => c.bird.getContactChannel(5), /string/);
});

test("valid options reach the request; absent options (undefined, null, {}) are fine", async () => {
  const { calls, fetch } = recorder(JSON.stringify({ success: true }));
  const { meta, onemsg } = clients(fetch);
  await meta.markRead("wamid.1", { typing: true });
  assert.deepEqual(JSON.parse(calls.at(-1).init.body).typing_indicator, { type: "text" });
  for (const options of [undefined, null, {}, { typing: false }, { typing: undefined }]) {
    await meta.markRead("wamid.1", options);
    assert.equal(JSON.parse(calls.at(-1).init.body).typing_indicator, undefined);
  }
  await onemsg.markRead("msg-1", { typing: true });
  assert.equal(JSON.parse(calls.at(-1).init.body).typingIndicator, true);
  await onemsg.deleteMedia("media-1");
  assert.equal(calls.at(-1).init.method, "DELETE");
});

test("a misspelt option of convert, fromProvider or validateProvider is an ArgumentError, not silently the default", () => {
  const meta = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } };
  const refused = (call, pattern) => assert.throws(call, (e) => e instanceof wabridge.ArgumentError && pattern.test(e.message));
  refused(() => wabridge.convert("meta", "bird", meta, { fitt: "adapt" }), /unknown option "fitt" in convert options; known: operation, fit/);
  refused(() => wabridge.fromProvider("meta", meta, { operaton: "messages" }), /unknown option "operaton" in fromProvider options/);
  refused(() => wabridge.validateProvider("bird", {}, { nowMs: 1 }), /unknown option "nowMs" in validateProvider options; known: operation, now/);
  refused(() => wabridge.validateProvider("bird", {}, { now: "tomorrow" }), /validateProvider options\.now must be a time/);
  // The right spellings, and no options at all, still work.
  assert.equal(wabridge.convert("meta", "bird", meta, { fit: "strict", operation: undefined }).body.body.text.text, "hi");
  assert.equal(wabridge.fromProvider("meta", meta, null).content.body, "hi");
  assert.deepEqual(wabridge.validateProvider("meta", meta, undefined), []);
});
