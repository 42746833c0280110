import * as wabridge from "wabridge";
import { conformance } from "./conformance.mjs";

Deno.test("the exports map sends Deno to deno.mjs", () => {
  const resolved = import.meta.resolve("wabridge");
  if (!/\/wabridge\/deno\.mjs$/.test(resolved)) throw new Error(`resolved to ${resolved}`);
});

const checks = await conformance(wabridge, { baseUrl: Deno.env.get("BASE_URL") });
for (const check of checks) {
  Deno.test(check.name, () => {
    if (!check.ok) throw new Error(check.error);
  });
}
