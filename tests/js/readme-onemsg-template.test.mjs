// The README's 1MSG example adds a template and sends it: run as written against the sandbox,
// whose own seed templates it must not collide with (it named the sandbox's `order_update`,
// and both calls failed for a user trying it).
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createSandbox, wabridge } from "./helpers.mjs";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

test("the README's 1MSG addTemplate + sendTemplate, run as written against the sandbox, sends", async () => {
  const calls = /^await onemsg\.addTemplate\([\s\S]*?^\}\);\nawait onemsg\.sendBody\("sendTemplate",[\s\S]*?^\}\);$/m.exec(readme)?.[0];
  assert.ok(calls, "the README's 1MSG template example");
  const sandbox = createSandbox({ seed: 5 });
  const onemsg = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
  const AsyncFunction = (async () => {}).constructor;
  await new AsyncFunction("onemsg", calls)(onemsg);
  const [sent] = sandbox.messages("1msg");
  assert.equal(sent.body.template, "shipping_update");
  assert.deepEqual(sent.body.params[0].parameters, [{ type: "text", text: "#1234" }]);
});
