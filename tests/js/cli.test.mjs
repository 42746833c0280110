// The CLI contract of DESIGN.md, run against the built package (pkg/bin/wabridge.mjs).
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = (name) => `${root}tests/fixtures/${name}`;

function cli(args, input) {
  const result = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, ...args], { input, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("validate: a valid Meta text body exits 0", () => {
  const { code, stdout } = cli(["validate", "--provider", "meta", fixture("meta/text.json")]);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^valid meta messages body/);
});

test("validate: 4096 characters is at the limit, 5000 is past it", () => {
  assert.equal(cli(["validate", "--provider", "meta", fixture("meta/text-4096-chars.json")]).code, 0);
  const { code, stdout } = cli(["validate", "--provider", "meta", fixture("meta/text-5000-chars.json")]);
  assert.equal(code, 1);
  assert.match(stdout, /\/text\/body\s+too_long \(limit 4096\)/);
});

test("validate --json prints every violation with its pointer", () => {
  const { code, stdout } = cli(["validate", "--provider", "meta", "--json", fixture("meta/text-several-faults.json")]);
  assert.equal(code, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.valid, false);
  assert.deepEqual(
    report.errors.map((e) => [e.path, e.code]),
    [["/to", "invalid_format"], ["/context/message_id", "required"], ["/text/body", "required"]],
  );
});

test("validate reads standard input for - and for no FILE", () => {
  const body = readFileSync(fixture("meta/text.json"), "utf8");
  assert.equal(cli(["validate", "--provider", "meta", "-"], body).code, 0);
  assert.equal(cli(["validate", "--provider", "meta", "--json"], body).stdout.trim(), '{"valid":true,"errors":[]}');
});

test("validate: a body that is not JSON is invalid at the root", () => {
  const { code, stdout } = cli(["validate", "--provider", "meta", "--json", "-"], "{ not json");
  assert.equal(code, 1);
  assert.deepEqual(JSON.parse(stdout).errors.map((e) => [e.path, e.code]), [["", "invalid_format"]]);
});

test("usage errors exit 2 with a usage line", () => {
  for (const args of [
    ["validate", "--provider", "twilio", fixture("meta/text.json")],
    ["validate", "--provider", "meta", "--bogus", fixture("meta/text.json")],
    ["validate", fixture("meta/text.json")],
    ["frobnicate"],
    [],
    ["validate", "--provider", "meta", "/no/such/file.json"],
    ["convert", "--from", "meta", "--to", "telegram", fixture("meta/text.json")],
  ]) {
    const { code, stderr } = cli(args, "");
    assert.equal(code, 2, `${args.join(" ")}: ${stderr}`);
    assert.match(stderr, /usage:/, args.join(" "));
  }
});

test("convert: neutral to Meta", () => {
  const { code, stdout } = cli(["convert", "--from", "neutral", "--to", "meta", fixture("neutral/text.json")]);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), {
    messaging_product: "whatsapp",
    to: "+16505551234",
    context: { message_id: "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA" },
    type: "text",
    text: { body: "Visit https://example.com", preview_url: true },
  });
});

test("convert: Meta to neutral and back to Meta reproduces the body", () => {
  const original = JSON.parse(readFileSync(fixture("meta/text.json"), "utf8"));
  const neutral = cli(["convert", "--from", "meta", "--to", "neutral", fixture("meta/text.json")]);
  assert.equal(neutral.code, 0);
  assert.equal(JSON.parse(neutral.stdout).content.body, "Hello from wabridge 👋 — héllo");
  const back = cli(["convert", "--from", "neutral", "--to", "meta", "-"], neutral.stdout);
  assert.deepEqual(JSON.parse(back.stdout), original);
  assert.deepEqual(JSON.parse(cli(["convert", "--from", "meta", "--to", "meta", fixture("meta/text.json")]).stdout), original);
});

test("convert: invalid input exits 1 and names the field", () => {
  const { code, stderr } = cli(["convert", "--from", "meta", "--to", "neutral", fixture("meta/text-5000-chars.json")]);
  assert.equal(code, 1);
  assert.match(stderr, /\/text\/body/);
  const neutral = cli(["convert", "--from", "neutral", "--to", "neutral", "-"], '{"to":"16505551234","content":{"type":"text","body":""}}');
  assert.equal(neutral.code, 1);
  assert.match(neutral.stderr, /\/content\/body/);
});

test("--version prints the package's version (Cargo.toml's, written by the build)", () => {
  const cargoVersion = readFileSync(`${root}Cargo.toml`, "utf8").match(/^version = "([^"]+)"/m)[1];
  const { version } = JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8"));
  assert.equal(version, cargoVersion);
  for (const flag of ["--version", "-v"]) {
    const { code, stdout } = cli([flag]);
    assert.equal(code, 0);
    assert.equal(stdout, `${version}\n`);
  }
  assert.match(cli(["help"]).stdout, /wabridge --version/);
});
