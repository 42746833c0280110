const test = require("node:test");
const assert = require("node:assert/strict");
const wabridge = require("wabridge");
const sandbox = require("wabridge/sandbox");

test("the exports map sends require() to node.cjs", () => {
  assert.match(require.resolve("wabridge"), /\/node_modules\/wabridge\/node\.cjs$/);
  assert.match(require.resolve("wabridge/sandbox"), /\/node_modules\/wabridge\/sandbox\.cjs$/);
  assert.equal(typeof sandbox.serveSandbox, "function", "Node's wabridge/sandbox has the HTTP server");
});

test("conformance", async (t) => {
  const { conformance } = await import("./conformance.mjs");
  for (const check of await conformance(wabridge, { baseUrl: process.env.BASE_URL, sandbox })) {
    await t.test(check.name, () => assert.ok(check.ok, check.error));
  }
});
