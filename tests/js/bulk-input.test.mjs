// toProviderMany's inputs as they come from files and admin panels: each message is judged
// alone whatever is wrong with it (bytes that are not UTF-8, bad JSON, a duplicate key, an
// item of a JS array that cannot be read), and answered at its index and at the line and
// column of the file where it stands. Found by an audit of the packed package.
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const OK = { to: "+16505551234", content: { type: "text", body: "hi" } };
const ok = JSON.stringify(OK);
const outcome = (result) => ("body" in result ? "body" : "violations" in result ? "violations" : "error");

test("an array's item that cannot be read or written as JSON is its own error; the others are converted", () => {
  const cyclic = structuredClone(OK);
  cyclic.content.self = cyclic;
  const items = [OK, { to: "+16505551234", get content() { throw new Error("boom"); } }, { to: 16505551234n }, cyclic, ok];
  const results = wabridge.toProviderMany("meta", items);
  assert.deepEqual(results.map(outcome), ["body", "error", "error", "error", "body"], "a JSON text item is read as toProvider reads one");
  assert.deepEqual(results.map((r) => r.index), [0, 1, 2, 3, 4]);
  for (const result of results.slice(1, 4)) assert.equal(result.error.code, "ERR_ARGUMENT");
  assert.match(results[1].error.message, /boom/);
  // No message at all, or bytes: each refused as toProvider refuses it, at its index.
  const odd = [undefined, () => 1, Symbol("s"), , new TextEncoder().encode(ok)];
  const refusals = wabridge.toProviderMany("meta", odd);
  assert.equal(refusals.length, 5);
  refusals.forEach((result, i) => {
    assert.equal(result.error?.code, "ERR_ARGUMENT", `item ${i}`);
    assert.throws(() => wabridge.toProvider("meta", odd[i]), (e) => e.message === result.error.message, `item ${i}: the same error as toProvider`);
  });
  const proxy = new Proxy([OK, OK], { get: (target, key) => (key === "1" ? (() => { throw new Error("trap"); })() : target[key]) });
  assert.deepEqual(wabridge.toProviderMany("meta", proxy).map(outcome), ["body", "error"]);
});

test("bytes that are not UTF-8 refuse their own line, at its line and column", () => {
  const line = (body) => JSON.stringify({ to: "+16505551234", content: { type: "text", body } });
  const bytes = new TextEncoder().encode([line("one"), line("Caf_"), line("three")].join("\n"));
  const at = bytes.indexOf(0x5f);
  bytes[at] = 0xe9; // Latin-1 é
  const results = wabridge.toProviderMany("meta", bytes);
  assert.deepEqual(results.map(outcome), ["body", "violations", "body"]);
  const column = at - (line("one").length + 1) + 1;
  assert.deepEqual(results[1].violations, [{ path: "", code: "invalid_format", message: `the text is not UTF-8 at line 2 column ${column}` }]);
  assert.equal(results[1].line, 2);
});

test("half an emoji in JSON text is refused at its field, as in an object, never sent as U+FFFD", () => {
  const cut = "Café ☕😀".slice(0, -1);
  const neutral = `{"to":"+16505551234","content":{"type":"text","body":"${cut}"}}`;
  const meta = `{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"${cut}"}}`;
  // The fault is the string's, not the document's: an object's caller never saw its text, so
  // the message names neither JSON nor a line and column.
  const atBody = (violations, path) => violations.length === 1 && violations[0].path === path && /lone surrogate/.test(violations[0].message) && !/JSON|line|column/.test(violations[0].message);
  assert.ok(atBody(wabridge.validate(JSON.parse(neutral)), "/content/body"), "the object form");
  assert.ok(atBody(wabridge.toProviderMany("meta", neutral)[0].violations, "/content/body"));
  assert.ok(atBody(wabridge.toProviderMany("meta", [neutral])[0].violations, "/content/body"));
  assert.ok(atBody(wabridge.validateProvider("meta", meta), "/text/body"));
  for (const call of [() => wabridge.toProviderJson("meta", neutral), () => wabridge.fromProvider("meta", meta), () => wabridge.convert("meta", "bird", meta), () => wabridge.toProvider("meta", neutral)]) {
    assert.throws(call, (e) => e instanceof wabridge.ValidationError && /lone surrogate/.test(e.violations[0].message));
  }
  // Half an emoji right after a backslash (what the backslash escapes: invalid JSON) is
  // refused too, not turned into the text "\\ud83d" and sent.
  const escaped = `{"to":"+16505551234","content":{"type":"text","body":"a\\${"😀".slice(0, 1)}"}}`;
  assert.throws(() => wabridge.toProviderJson("meta", escaped), (e) => e instanceof wabridge.ValidationError);
  assert.ok("violations" in wabridge.toProviderMany("meta", escaped)[0]);
  // Whole emoji still go through.
  assert.equal(wabridge.toProviderJson("meta", neutral.replace(cut, "Café ☕😀")).includes("😀"), true);
});

test("a file whose first line is an array is still JSON lines; one JSON array is read item by item", () => {
  const lines = wabridge.toProviderMany("meta", `["to","body"]\n${ok}\n${ok}`);
  assert.deepEqual(lines.map((r) => [r.line, outcome(r)]), [[1, "violations"], [2, "body"], [3, "body"]]);
  const array = wabridge.toProviderMany("meta", `[\n  ${ok},\n  {"to":"+1","to":"+2"},\n  ${ok}\n]`);
  assert.deepEqual(array.map((r) => [r.index, r.line, outcome(r)]), [[0, 2, "body"], [1, 3, "violations"], [2, 4, "body"]]);
  assert.match(array[1].violations[0].message, /duplicate key at line 3 column 14/);
  assert.equal(array[1].violations[0].path, "/to", "at the key given twice");
  // A file's ArrayBuffer (or a Blob) is not bytes yet: the error says what to pass.
  for (const given of [new ArrayBuffer(4), new DataView(new ArrayBuffer(4)), new Blob(["{}"])]) {
    assert.throws(() => wabridge.toProviderMany("meta", given), (e) => e instanceof wabridge.ArgumentError && /Uint8Array \(a file's: new Uint8Array\(await file\.arrayBuffer\(\)\)\)/.test(e.message));
  }
  const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
  const large = JSON.stringify({ to: "+16505551234", content: { type: "text", body: "Hi", ...many } }).replace('"k7":7', '"k7":7,"k3":3');
  assert.deepEqual(wabridge.toProviderMany("meta", large)[0].violations.map((v) => v.path), ["/content/k3"], "in a large object too");
  // A violation of the whole document reads as its message alone ("/" would be a pointer).
  assert.throws(() => wabridge.toProviderJson("meta", "[1"), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "" && /^1 violation: the document is not valid JSON/.test(e.message));
  assert.throws(() => wabridge.toProviderMany("meta", `[\n${ok},\n${ok}\n`), (e) => e instanceof wabridge.ValidationError && /line 4/.test(e.violations[0].message), "an array that never closes");
});

test("an array whose brackets do not match fails whole, rather than shifting the index of every message after the break", () => {
  const missingBrace = `[\n${ok},\n${ok.slice(1)},\n${ok}\n]`;
  assert.throws(() => wabridge.toProviderMany("meta", missingBrace), (e) => e instanceof wabridge.ValidationError);
  const merged = `[\n${ok.slice(0, -1)},\n${ok},\n}, ${ok}\n]`;
  assert.throws(() => wabridge.toProviderMany("meta", merged), (e) => e instanceof wabridge.ValidationError);
});

test("a syntax error's column counts characters, and an invalid escape is reported at its backslash", () => {
  const [accented] = wabridge.toProviderMany("meta", '{"a":"é" "b":1}');
  assert.match(accented.violations[0].message, /at line 1 column 10$/);
  const [escape] = wabridge.toProviderMany("meta", '{"a":"x\\qy"}');
  assert.match(escape.violations[0].message, /invalid escape at line 1 column 8$/);
});

test("lines end at \\n, \\r\\n or a lone \\r, and a line's syntax error names its line in the file", () => {
  const three = wabridge.toProviderMany("meta", [ok, ok, ok].join("\r"));
  assert.deepEqual(three.map((r) => [r.line, outcome(r)]), [[1, "body"], [2, "body"], [3, "body"]]);
  const mixed = wabridge.toProviderMany("meta", `${ok}\r\n${ok}\r${ok}\n{"to":"+16505551234",}`);
  assert.deepEqual(mixed.map((r) => r.line), [1, 2, 3, 4]);
  assert.match(mixed[3].violations[0].message, /at line 4 column 22$/);
});

test("bytes where a body goes are refused, not read as an object of their indexes", () => {
  const bytes = new TextEncoder().encode('{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"hi"}}');
  for (const call of [() => wabridge.validateProvider("meta", bytes), () => wabridge.fromProvider("meta", bytes.buffer), () => wabridge.toProvider("meta", bytes)]) {
    assert.throws(call, (e) => e instanceof wabridge.ArgumentError && /not bytes/.test(e.message));
  }
});

test("a file over 256 MiB, or one whose answer would be, is an ArgumentError, and the instance keeps working", () => {
  assert.throws(() => wabridge.toProviderMany("meta", new Uint8Array((256 << 20) + 1)), (e) => e instanceof wabridge.ArgumentError && /at most 256 MiB/.test(e.message));
  // 11 MB of lines that are each refused with five violations: an answer of some 300 MB,
  // stopped as it passes 256 MiB rather than trapping the wasm or passing V8's longest string.
  assert.throws(() => wabridge.toProviderMany("meta", '{"a":1,"b":1,"c":1,"d":1}\n'.repeat(420_000)), (e) => e instanceof wabridge.ArgumentError && /answer would be over 256 MiB/.test(e.message));
  assert.equal(wabridge.toProviderMany("meta", ok)[0].body.text.body, "hi");
});

test("more than a million messages in one call is an ArgumentError, before their list is made (it held gigabytes in the wasm, which then trapped)", async () => {
  const { memory } = await wabridge.init();
  const before = memory.buffer.byteLength;
  const tooMany = /at most 1000000 messages a call/;
  // 160 MB of one-character lines, under the 256 MiB input limit: 80 M items.
  assert.throws(() => wabridge.toProviderMany("meta", "{\n".repeat(80_000_000)), (e) => e instanceof wabridge.ArgumentError && tooMany.test(e.message));
  assert.throws(() => wabridge.toProviderMany("meta", `[${"{},".repeat(1_000_000)}{}]`), (e) => e instanceof wabridge.ArgumentError && tooMany.test(e.message));
  assert.throws(() => wabridge.toProviderMany("meta", new Array(1_000_001).fill("{}")), (e) => e instanceof wabridge.ArgumentError && tooMany.test(e.message));
  // What the wasm keeps (its memory never shrinks) is about the input's copy, not 30 times it.
  assert.ok(memory.buffer.byteLength - before < 400e6, `the wasm's memory grew by ${memory.buffer.byteLength - before} bytes`);
  // A million is taken.
  assert.equal(wabridge.toProviderMany("meta", "1\n".repeat(1_000_000)).length, 1_000_000);
  assert.equal(wabridge.toProviderMany("meta", ok)[0].body.text.body, "hi");
});

test("a file that opens an array and is not one fails whole: none of its lines is sent as a message", () => {
  for (const file of [`[\n  ${ok},\n  ${ok}\n]\n]`, `[\n  ${ok}\n]\n[\n  ${ok}\n]`, `[\n${ok},\n${ok}\n`]) {
    assert.throws(() => wabridge.toProviderMany("meta", file), (e) => e instanceof wabridge.ValidationError && /not valid JSON/.test(e.violations[0].message), JSON.stringify(file));
  }
  // An array that closes on its first line, with lines after it, is a first line of JSON lines.
  assert.deepEqual(wabridge.toProviderMany("meta", `[1]\n${ok}`).map(outcome), ["violations", "body"]);
});

test("a whole number written with a fraction or an exponent (a spreadsheet's float column) is that number", () => {
  const template = (amount) => ({ to: "+16505551234", content: { type: "template", name: "order_update", language: { code: "en" }, components: [{ type: "body", parameters: [{ type: "currency", fallbackValue: "$100.99", code: "USD", amount1000: amount }] }] } });
  const text = JSON.stringify(template(1)).replace('"amount1000":1', '"amount1000":100990.0');
  const [written] = wabridge.toProviderMany("meta", text);
  assert.equal(written.body.template.components[0].parameters[0].currency.amount_1000, 100990);
  assert.ok("body" in wabridge.toProviderMany("meta", text.replace("100990.0", "1e5"))[0]);
  const meta = JSON.stringify(written.body).replace('"amount_1000":100990', '"amount_1000":100990.0');
  assert.deepEqual(wabridge.validateProvider("meta", meta), []);
  // 1MSG's phone and day of the week, Meta's button index: the same, where they are read.
  assert.deepEqual(wabridge.validateProvider("1msg", '{"phone":16505551234.0,"body":"hi"}'), []);
  assert.deepEqual(wabridge.validateProvider("1msg", '{"phone":1.6505551234e10,"body":"hi"}'), []);
  assert.equal(wabridge.fromProvider("1msg", '{"phone":16505551234.0,"body":"hi"}').to, wabridge.fromProvider("1msg", { phone: 16505551234, body: "hi" }).to);
  assert.deepEqual(wabridge.validateProvider("1msg", '{"phone":16505551234.5,"body":"hi"}').map((v) => v.path), ["/phone"]);
  assert.throws(() => wabridge.toProvider("meta", template(1e21)), (e) => e.violations?.[0]?.code === "out_of_range");
  assert.throws(() => wabridge.toProvider("meta", template(100990.5)), (e) => e.violations?.[0]?.code === "invalid_value");
});

test("a violation quotes at most 1000 bytes of what it refuses, and says how much it left out", () => {
  const [result] = wabridge.toProviderMany("meta", [{ to: "+1" + "5".repeat(5_000_000), content: { type: "text", body: "hi" } }]);
  const [violation] = result.violations;
  assert.equal(violation.path, "/to");
  assert.ok(violation.message.length < 1100, `${violation.message.length} characters`);
  assert.match(violation.message, /… \(\d+ more bytes\)$/);
  const unknown = wabridge.validate({ to: "+16505551234", content: { type: "text", body: "hi", ["k".repeat(1 << 20)]: 1 } });
  assert.ok(unknown[0].message.length < 1100);
  assert.equal(unknown[0].path.length, "/content/".length + (1 << 20), "the pointer itself stays whole, to be followed");
  // The error's own message lists the violation: its path is cut there as the message is.
  assert.throws(() => wabridge.toProvider("meta", { to: "+16505551234", ["k".repeat(5_000_000)]: 1, content: { type: "text", body: "hi" } }), (e) => e instanceof wabridge.ValidationError && e.message.length < 3000);
});
