import * as wabridge from "wabridge";
import * as sandbox from "wabridge/sandbox";
import { conformance } from "./conformance.mjs";

Deno.test("the exports map sends Deno to deno.mjs", () => {
  const resolved = import.meta.resolve("wabridge");
  if (!/\/wabridge\/deno\.mjs$/.test(resolved)) throw new Error(`resolved to ${resolved}`);
  const sandboxEntry = import.meta.resolve("wabridge/sandbox");
  if (!/\/wabridge\/sandbox\/index\.js$/.test(sandboxEntry)) throw new Error(`wabridge/sandbox resolved to ${sandboxEntry}`);
});

const checks = await conformance(wabridge, { baseUrl: Deno.env.get("BASE_URL"), sandbox });
for (const check of checks) {
  Deno.test(check.name, () => {
    if (!check.ok) throw new Error(check.error);
  });
}
