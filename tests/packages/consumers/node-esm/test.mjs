import test from "node:test";
import assert from "node:assert/strict";
import * as wabridge from "wabridge";
import { conformance } from "./conformance.mjs";

test("the exports map sends Node ESM to node.mjs", () => {
  assert.match(import.meta.resolve("wabridge"), /\/node_modules\/wabridge\/node\.mjs$/);
});

for (const check of await conformance(wabridge, { baseUrl: process.env.BASE_URL })) {
  test(check.name, () => assert.ok(check.ok, check.error));
}
