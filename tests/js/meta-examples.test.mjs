// The 48 request examples embedded in Meta's OpenAPI spec, through the CLI: each is accepted
// by `wabridge validate --provider meta`, and `wabridge convert --from meta --to meta`
// reproduces it exactly — except the ones wrong per Meta's docs, refused at their pointer
// (the list, with the reasons, is shared with tests/meta_examples.rs).
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = `${root}tests/fixtures/meta/spec-examples/`;
const cli = (...args) => spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, ...args], { encoding: "utf8" });

const WRONG_PER_DOCS = {
  "send_sample_issue_resolution_template.json": "/template/components/1/parameters/0/text",
  "send_reply_to_list_message.json": "/type",
};

const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("there are 48 examples", () => assert.equal(files.length, 48));

for (const file of files) {
  test(file, () => {
    const validated = cli("validate", "--provider", "meta", "--json", dir + file);
    const report = JSON.parse(validated.stdout);
    if (WRONG_PER_DOCS[file]) {
      assert.equal(validated.status, 1);
      assert.ok(report.errors.some((e) => e.path === WRONG_PER_DOCS[file]), JSON.stringify(report.errors));
      return;
    }
    assert.equal(validated.status, 0, JSON.stringify(report.errors));
    const converted = cli("convert", "--from", "meta", "--to", "meta", dir + file);
    assert.equal(converted.status, 0, converted.stderr);
    assert.deepEqual(JSON.parse(converted.stdout), JSON.parse(readFileSync(dir + file, "utf8")));
  });
}
