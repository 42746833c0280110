// 1MSG's pointers point into the body as the caller gave it, in the cases a fuzzer found them
// not to: an item dropped while reading (later indices shifted), a read receipt reported in
// neutral terms, a body without a message, a missing parent.
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const paths = (fn) => {
  try {
    const result = fn();
    return Array.isArray(result) ? result.map((v) => v.path) : { ok: result };
  } catch (error) {
    return error.violations?.map((v) => v.path) ?? [error.name, error.path ?? error.pointer];
  }
};

test("an item that is not an object: faults after it are not reported at the wrong index", () => {
  const body = { phone: "12020721369", body: "b", sections: [10, { type: "reply", reply: { id: "a", title: "x".repeat(30) } }] };
  for (const fn of [() => wabridge.validateProvider("1msg", body, { operation: "sendButton" }), () => wabridge.fromProvider("1msg", body, { operation: "sendButton" })]) {
    const found = paths(fn);
    assert.ok(found.includes("/sections/0"), JSON.stringify(found));
    assert.ok(!found.includes("/sections/0/reply/title"), `the second button's title reported at the first's: ${JSON.stringify(found)}`);
  }
  // With nothing dropped, the title is reported where it is.
  const clean = { ...body, sections: [{ type: "reply", reply: { id: "b", title: "ok" } }, body.sections[1]] };
  assert.deepEqual(paths(() => wabridge.validateProvider("1msg", clean, { operation: "sendButton" })), ["/sections/1/reply/title"]);
});

test("readMessage: an id with padding is refused at /messageId, by validateProvider as by a conversion", () => {
  const body = { messageId: "wamid.X " };
  assert.deepEqual(paths(() => wabridge.validateProvider("1msg", body, { operation: "readMessage" })), ["/messageId"]);
  assert.deepEqual(paths(() => wabridge.convert("1msg", "meta", body, { operation: "readMessage" })), ["/messageId"]);
  assert.equal(wabridge.convert("1msg", "meta", { messageId: "wamid.X" }, { operation: "readMessage" }).body.message_id, "wamid.X");
});

test("a body that carries no message is unsupported as a whole (pointer \"\"), not at a /content it lacks", () => {
  for (const [operation, body] of [["me", { about: "x" }], ["settings", { webhookUrl: null }], ["removeTemplate", { name: "t" }]]) {
    let error;
    try {
      wabridge.fromProvider("1msg", body, { operation });
    } catch (e) {
      error = e;
    }
    assert.equal(error?.name, "UnsupportedError", operation);
    assert.equal(error.path, "", `${operation}: ${error.path}`);
  }
});

test("sendFlow navigating with no flowActionPayload: the missing payload is reported, not a screen under it", () => {
  const body = { phone: "12020721369", body: "b", flowId: "1", flowCta: "Go", flowToken: "t", flowAction: "navigate" };
  assert.deepEqual(paths(() => wabridge.validateProvider("1msg", body, { operation: "sendFlow" })), ["/flowActionPayload"]);
  const partial = { ...body, flowActionPayload: { data: { product: "1" } } };
  assert.deepEqual(paths(() => wabridge.validateProvider("1msg", partial, { operation: "sendFlow" })), ["/flowActionPayload/screen"]);
});
