import { expect, test } from "bun:test";
import * as wabridge from "wabridge";
import { conformance } from "./conformance.mjs";

test("the exports map sends Bun to node.mjs", () => {
  expect(import.meta.resolve("wabridge")).toMatch(/\/wabridge\/node\.mjs$/);
});

const checks = await conformance(wabridge, { baseUrl: process.env.BASE_URL });
for (const check of checks) {
  test(check.name, () => {
    if (!check.ok) throw new Error(check.error);
  });
}
