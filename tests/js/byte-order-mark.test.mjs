// A leading byte-order mark (what editors and some exports write; RFC 8259 lets a reader
// ignore it) is read past by every entry point that reads a document, as toProviderMany did:
// one rule for all. A webhook's signature is still over the raw bytes, the mark included.
import test from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { CUSTOMER, wabridge } from "./helpers.mjs";

const BOM = "\uFEFF";
const message = { to: CUSTOMER, content: { type: "text", body: "hi" } };

test("a leading byte-order mark is read past by toProviderJson, validate, validateProvider, fromProvider and convert", () => {
  const neutral = BOM + JSON.stringify(message);
  const meta = BOM + JSON.stringify(wabridge.toProvider("meta", message));
  assert.deepEqual(JSON.parse(wabridge.toProviderJson("meta", neutral)), wabridge.toProvider("meta", message));
  assert.deepEqual(wabridge.validate(neutral), []);
  assert.deepEqual(wabridge.validateProvider("meta", meta), []);
  assert.deepEqual(wabridge.fromProvider("meta", meta), wabridge.fromProvider("meta", meta.slice(1)));
  assert.deepEqual(wabridge.convert("meta", "bird", meta).body, wabridge.convert("meta", "bird", meta.slice(1)).body);
  // Only one, at the start: anywhere else it is text out of place, refused at its line and column.
  assert.throws(() => wabridge.toProviderJson("meta", BOM + neutral), (e) => e instanceof wabridge.ValidationError && /line 1 column 1/.test(e.message));
  // toProviderMany alike: one mark read past, a second refused in the first item.
  const lines = `${JSON.stringify(message)}\n${JSON.stringify(message)}`;
  assert.deepEqual(wabridge.toProviderMany("meta", BOM + lines).map((item) => "body" in item), [true, true]);
  const [first, second] = wabridge.toProviderMany("meta", BOM + BOM + lines);
  assert.equal(first.violations?.[0]?.code, "invalid_format", JSON.stringify(first));
  assert.ok("body" in second);
});

test("a webhook body with a leading byte-order mark is verified over its raw bytes, then read past it, text or bytes, event raw included", async () => {
  const secret = "bom-app-secret";
  const inbound = { object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: {
    messaging_product: "whatsapp", metadata: { display_phone_number: "15550001111", phone_number_id: "1" },
    contacts: [{ profile: { name: "Ana" }, wa_id: "16505551234" }],
    messages: [{ from: "16505551234", id: "wamid.bom1", timestamp: "1767225600", type: "text", text: { body: "hello" } }],
  } }] }] };
  const text = BOM + JSON.stringify(inbound);
  const bytes = new TextEncoder().encode(text);
  const signature = `sha256=${createHmac("sha256", secret).update(bytes).digest("hex")}`;
  for (const body of [text, bytes]) {
    const [event] = wabridge.receiveWebhook("meta", { body, headers: { "x-hub-signature-256": signature } }, { secret });
    assert.equal(event.text, "hello");
    assert.equal(event.raw.id, "wamid.bom1");
    assert.equal(wabridge.readWebhook("meta", body)[0].raw.text.body, "hello");
  }
  // Signed without the mark, delivered with it: the bytes differ, so the signature does not hold.
  const withoutMark = `sha256=${createHmac("sha256", secret).update(text.slice(1)).digest("hex")}`;
  assert.throws(() => wabridge.verifyWebhook("meta", { body: bytes, headers: { "x-hub-signature-256": withoutMark } }, { secret }), (e) => e.reason === "mismatch");
  const answer = await wabridge.handleWebhook(new Request("https://hooks.example/meta", { method: "POST", body: bytes, headers: { "x-hub-signature-256": signature } }), { provider: "meta", secret, dedupe: false, on: { message: () => {} } });
  assert.equal(answer.status, 200, await answer.clone().text());
});

test("a webhook body longer than any message can be is refused before it is copied into the wasm, which keeps working", () => {
  const huge = JSON.stringify({ messages: [{ id: "a", body: "x".repeat(141_000_000), type: "chat", chatId: "1@c.us", author: "1@c.us", fromMe: false, time: 1 }] });
  assert.throws(() => wabridge.readWebhook("1msg", huge), (e) => e instanceof wabridge.WebhookError && e.reason === "too_large" && /the webhook body cannot be taken: .*more than any message can be/.test(e.message));
  assert.deepEqual(wabridge.validate(message), []);
});

test("a webhook body larger than any delivery is a WebhookError too_large, as handleWebhook's over maxBodyBytes", () => {
  const huge = "x".repeat(141_000_000);
  for (const call of [() => wabridge.readWebhook("meta", huge), () => wabridge.verifyWebhook("meta", { body: huge, headers: {} }, { secret: "s" })]) {
    assert.throws(call, (e) => e instanceof wabridge.WebhookError && e.reason === "too_large" && e.code === "ERR_WEBHOOK");
  }
});
