// CAPABILITIES is each provider's codec table as data: the README's table is rendered from it
// (and must not drift), and it says what the package does — every kind a provider carries is
// sent to the endpoint it names, every kind it does not is refused with UnsupportedError.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { capabilitiesTable, withTable } from "../../scripts/capabilities-table.mjs";
import { birdMessages, oneMsgMessages, sampleMessages } from "../../examples/messages.mjs";
import { wabridge } from "./helpers.mjs";

const { CAPABILITIES } = wabridge;
const TO = "+16505551234";

test("README.md's capabilities table is the one CAPABILITIES renders (node scripts/capabilities-table.mjs --write)", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  assert.equal(withTable(readme, CAPABILITIES), readme);
  assert.ok(readme.includes(capabilitiesTable(CAPABILITIES)));
});

test("CAPABILITIES is frozen data: every provider, every content kind, a support and an endpoint", () => {
  assert.deepEqual(Object.keys(CAPABILITIES), ["meta", "bird", "1msg"]);
  assert.ok(Object.isFrozen(CAPABILITIES) && Object.isFrozen(CAPABILITIES.meta) && Object.isFrozen(CAPABILITIES.meta.text));
  const kinds = Object.keys(CAPABILITIES.meta);
  assert.equal(kinds.length, 20);
  for (const provider of Object.keys(CAPABILITIES)) {
    assert.deepEqual(Object.keys(CAPABILITIES[provider]), kinds, provider);
    for (const { support, endpoint } of Object.values(CAPABILITIES[provider])) {
      assert.ok(["yes", "notYet", "never"].includes(support));
      assert.equal(typeof endpoint, "string");
    }
  }
});

test("what CAPABILITIES says a provider carries is what it does: sent to its endpoint, or refused with UnsupportedError", () => {
  const carried = { meta: sampleMessages(TO), bird: birdMessages(TO), "1msg": oneMsgMessages(TO, { mediaId: "1001" }) };
  for (const [provider, messages] of Object.entries(carried)) {
    for (const [name, message] of messages) {
      const entry = CAPABILITIES[provider][message.content.type];
      assert.equal(entry.support, "yes", `${provider} ${name}`);
      assert.equal(wabridge.endpointOf(provider, message), entry.endpoint, `${provider} ${name}`);
      assert.doesNotThrow(() => wabridge.toProvider(provider, message), `${provider} ${name}`);
    }
  }
  let refused = 0;
  for (const provider of Object.keys(CAPABILITIES)) {
    for (const [name, message] of sampleMessages(TO)) {
      if (CAPABILITIES[provider][message.content.type].support === "yes") continue;
      assert.throws(() => wabridge.toProvider(provider, message), (e) => e instanceof wabridge.UnsupportedError && e.provider === provider && e.kind === message.content.type, `${provider} ${name}`);
      refused++;
    }
  }
  assert.ok(refused >= 10, `${refused} refusals checked`);
});
