// The README's Bird example schedules a message, and Bird refuses a `scheduledFor` more than 35
// days ahead: a date written into the README would make its example fail outside the 35 days
// before it. Its `bird.send(…)` is run here, as written, against the sandbox (which judges the
// options with Bird's rules), so it keeps working on whatever day it is run.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createSandbox, wabridge } from "./helpers.mjs";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const snippets = [...readme.matchAll(/^```(?:js|ts)\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

test("no README snippet schedules for a fixed date (it would be refused outside the 35 days before it)", () => {
  const fixed = snippets.flatMap((code) => code.split("\n").filter((line) => /scheduledFor:\s*["'`]\d{4}-/.test(line)));
  assert.deepEqual(fixed, []);
});

test("the README's Bird example, run as written against the sandbox, is scheduled without warnings", async () => {
  const snippet = snippets.find((code) => code.includes("await bird.send("));
  assert.ok(snippet, "the README has a Bird send example");
  // From `const sent = await bird.send(` to the `);` that closes it, as written.
  const call = /^const sent = await bird\.send\([\s\S]*?^\);$/m.exec(snippet)?.[0];
  assert.ok(call, "the example's bird.send(…) call");
  assert.match(call, /scheduledFor:/);
  const sandbox = createSandbox({ seed: 11 });
  const bird = new wabridge.BirdClient(sandbox.clientOptions("bird"));
  const AsyncFunction = (async () => {}).constructor;
  const sent = await new AsyncFunction("bird", `${call}\nreturn sent;`)(bird);
  assert.equal(sent.status, "scheduled");
  assert.deepEqual(sent.warnings ?? [], []);
  const record = sandbox.messages("bird").at(-1);
  const ahead = Date.parse(record.body.scheduledFor) - Date.now();
  assert.ok(ahead > 10 * 60_000 && ahead <= 35 * 86_400_000, `scheduled ${ahead} ms ahead`);
});
