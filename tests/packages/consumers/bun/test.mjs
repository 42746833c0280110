import { expect, test } from "bun:test";
import * as wabridge from "wabridge";
import * as sandbox from "wabridge/sandbox";
import { conformance } from "./conformance.mjs";

test("the exports map sends Bun to node.mjs", () => {
  expect(import.meta.resolve("wabridge")).toMatch(/\/wabridge\/node\.mjs$/);
  expect(import.meta.resolve("wabridge/sandbox")).toMatch(/\/wabridge\/sandbox\/node\.mjs$/);
});

const checks = await conformance(wabridge, { baseUrl: process.env.BASE_URL, sandbox });
for (const check of checks) {
  test(check.name, () => {
    if (!check.ok) throw new Error(check.error);
  });
}
