// A failed call's `request` carries its JSON body, so that it can be sent again; a multipart
// upload's does not (README "Errors", errors.d.ts SentRequest): the file is the caller's,
// and calling again with it rebuilds the form.
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const failure = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);
const serverError = async () => new Response("{}", { status: 500 });

const meta = () => new wabridge.MetaClient({ token: "T", phoneNumberId: "123456", fetch: serverError, retry: false });
const onemsg = () => new wabridge.OneMsgClient({ token: "T", instanceId: "I", fetch: serverError, retry: false });

test("a multipart upload's failed request has no body, and the same call sends the form again", async () => {
  for (const [name, call] of [
    ["meta.uploadMedia", () => meta().uploadMedia(png, { type: "image/png" })],
    ["1msg.sendFile", () => onemsg().sendFile(png, { phone: "16505551234", filename: "x.png" }, { type: "image/png" })],
    ["1msg.uploadMedia (a file)", () => onemsg().uploadMedia(png, { type: "image/png", filename: "x.png" })],
    ["1msg.updateMe (a photo file)", () => onemsg().updateMe({ photo: png }, { type: "image/png", filename: "x.png" })],
  ]) {
    const error = await failure(call());
    assert.equal(error.httpStatus, 500, `${name}: ${error.message}`);
    assert.equal(error.request.method, "POST", name);
    assert.equal(error.request.body, undefined, `${name}: no body`);
  }
});

test("a JSON request's failed request carries its body (1MSG's uploadMedia by URL, a send)", async () => {
  const byUrl = await failure(onemsg().uploadMedia("https://example.com/x.png"));
  assert.deepEqual(JSON.parse(byUrl.request.body), { body: "https://example.com/x.png" });
  const sent = await failure(meta().send({ to: "16505551234", content: { type: "text", body: "hi" } }));
  assert.equal(JSON.parse(sent.request.body).text.body, "hi");
});
