const test = require("node:test");
const assert = require("node:assert/strict");
const wabridge = require("wabridge");

test("the exports map sends require() to node.cjs", () => {
  assert.match(require.resolve("wabridge"), /\/node_modules\/wabridge\/node\.cjs$/);
});

test("conformance", async (t) => {
  const { conformance } = await import("./conformance.mjs");
  for (const check of await conformance(wabridge, { baseUrl: process.env.BASE_URL })) {
    await t.test(check.name, () => assert.ok(check.ok, check.error));
  }
});
