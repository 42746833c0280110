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
  // An item dropped for a field missing inside it shifts the indices too.
  const missing = { ...body, sections: [{ type: "reply", reply: { title: "no id" } }, body.sections[1]] };
  assert.deepEqual(paths(() => wabridge.validateProvider("1msg", missing, { operation: "sendButton" })), ["/sections/0/reply/id"]);
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

test("what the neutral model takes converts to a 1MSG body 1MSG's validator takes: empty flow token, screen and file name refused at their neutral fields", () => {
  const flow = { to: "+16505551234", content: { type: "flow", body: "Book", flowId: "1", flowCta: "Book", flowToken: "t", flowAction: "navigate", flowActionPayload: { screen: "START" } } };
  const document = { to: "+16505551234", content: { type: "document", link: "https://example.com/a.pdf", filename: "a.pdf", mimeType: "application/pdf" } };
  for (const [message, field, value] of [[flow, "flowToken", ""], [flow, "flowActionPayload", { screen: "" }], [document, "filename", ""]]) {
    assert.deepEqual(wabridge.validate(message), [], "the message as given is valid");
    const broken = { ...message, content: { ...message.content, [field]: value } };
    const pointer = field === "flowActionPayload" ? "/content/flowActionPayload/screen" : `/content/${field}`;
    assert.deepEqual(wabridge.validate(broken).map((v) => [v.path, v.code]), [[pointer, "required"]]);
    // And what converts, 1MSG takes.
    const { body, operation } = wabridge.convert("neutral", "1msg", message);
    assert.deepEqual(wabridge.validateProvider("1msg", body, { operation }), []);
  }
});

test("a template component's parameters are as many as its template's placeholders: no cap that the neutral model lacks (a 101-parameter body converted, then 1MSG's validator refused it)", () => {
  const parameters = Array.from({ length: 101 }, (_, i) => ({ type: "text", text: `p${i}` }));
  const message = { to: "+16505551234", content: { type: "template", name: "order_update", language: { code: "en" }, namespace: "ca300906_cfbc_410b_99fb_dcee8e13d578", components: [{ type: "body", parameters }] } };
  assert.deepEqual(wabridge.validate(message), []);
  const { body, operation } = wabridge.convert("neutral", "1msg", message);
  assert.equal(operation, "sendTemplate");
  assert.deepEqual(wabridge.validateProvider("1msg", body, { operation }), []);
});

test("sendFile takes a file by an https URL, a data: URI or a form file, not a plain http URL (issue 10), from its body or a neutral message", () => {
  const body = { phone: "16505551234", body: "http://files.example.com/a.pdf", filename: "a.pdf" };
  assert.deepEqual(wabridge.validateProvider("1msg", body, { operation: "sendFile" }).map((v) => [v.path, v.code]), [["/body", "invalid_format"]]);
  assert.deepEqual(wabridge.validateProvider("1msg", { ...body, body: "https://files.example.com/a.pdf" }, { operation: "sendFile" }), []);
  const neutral = { to: "+16505551234", content: { type: "document", link: "http://files.example.com/a.pdf" } };
  assert.throws(() => wabridge.toProvider("1msg", neutral), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "/content/link" && /https/.test(e.violations[0].message));
  assert.doesNotThrow(() => wabridge.toProvider("meta", neutral), "Meta takes http links");
});
