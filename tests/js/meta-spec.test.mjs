// What the Meta serializer emits, for every kind, validates against Meta's (allOf-patched)
// OpenAPI spec with ajv — with each documented defect of the spec handled by a named,
// commented allowance (tests/js/specs.mjs), never by switching validation off.
import test from "node:test";
import assert from "node:assert/strict";
import { sampleMessages } from "../../examples/messages.mjs";
import { wabridge } from "./helpers.mjs";
// The spec, compiled with ajv with its allowances (each a documented defect of the spec,
// commented there): META_ALLOWANCES in specs.mjs.
import { validateMetaMessage as validateMessage } from "./specs.mjs";

for (const [kind, message] of sampleMessages("+16505551234", { replyTo: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=" })) {
  test(`${kind}: the Meta body validates against Meta's spec`, () => {
    const body = wabridge.toProvider("meta", message);
    const valid = validateMessage(body);
    assert.ok(valid, `${JSON.stringify(body)}\n${JSON.stringify(validateMessage.errors?.slice(0, 5), null, 1)}`);
  });
}

test("the allowances still reject what the spec rightly rejects", () => {
  const body = wabridge.toProvider("meta", { to: "+16505551234", content: { type: "text", body: "hi" } });
  assert.equal(validateMessage({ ...body, colour: "red" }), false);
  assert.equal(validateMessage({ ...body, type: "interactive", interactive: { type: "telegram" } }), false);
});
