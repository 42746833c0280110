import test from "node:test";
import assert from "node:assert/strict";
import * as wabridge from "wabridge";
import * as sandbox from "wabridge/sandbox";
import { conformance } from "./conformance.mjs";

test("the exports map sends Node ESM to node.mjs", () => {
  assert.match(import.meta.resolve("wabridge"), /\/node_modules\/wabridge\/node\.mjs$/);
  assert.match(import.meta.resolve("wabridge/sandbox"), /\/node_modules\/wabridge\/sandbox\/node\.mjs$/);
  assert.equal(typeof sandbox.serveSandbox, "function", "Node's wabridge/sandbox has the HTTP server");
});

for (const check of await conformance(wabridge, { baseUrl: process.env.BASE_URL, sandbox })) {
  test(check.name, () => assert.ok(check.ok, check.error));
}

test("the package installs the wabridge command", async () => {
  const { spawnSync } = await import("node:child_process");
  const body = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "x".repeat(5000) } });
  const result = spawnSync("node_modules/.bin/wabridge", ["validate", "--provider", "meta", "--json"], { input: body, encoding: "utf8" });
  assert.equal(result.status, 1, result.stderr);
  assert.equal(JSON.parse(result.stdout).errors[0].path, "/text/body");
});
