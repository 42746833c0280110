// The CLI contract of DESIGN.md, run against the built package (pkg/bin/wabridge.mjs).
import test, { after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
    // "+1 650 555": +1 numbers have 7 or 10 national digits (libphonenumber's metadata).
    [["/to", "too_short"], ["/context/message_id", "required"], ["/text/body", "required"]],
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

test("usage errors exit 2 with their one line and a hint, not the whole help", () => {
  for (const args of [
    ["validate", "--provider", "twilio", fixture("meta/text.json")],
    ["validate", "--provider", "meta", "--bogus", fixture("meta/text.json")],
    ["validate", fixture("meta/text.json")],
    ["frobnicate"],
    ["validate", "--provider", "meta", "/no/such/file.json"],
    ["convert", "--from", "meta", "--to", "telegram", fixture("meta/text.json")],
    ["convert", "--from", "neutral", "--to", "meta", "--fit", "bogus", fixture("neutral/text.json")],
    // An ArgumentError of the core (an unknown 1MSG method) is a usage error too.
    ["validate", "--provider", "1msg", "--op", "sendTelegram", fixture("meta/text.json")],
  ]) {
    const { code, stdout, stderr } = cli(args, "");
    assert.equal(code, 2, `${args.join(" ")}: ${stderr}`);
    const lines = stderr.trimEnd().split("\n");
    assert.equal(lines.length, 2, `${args.join(" ")}: ${stderr}`);
    assert.match(lines[0], /^wabridge: \S/, args.join(" "));
    assert.equal(lines[1], "run `wabridge --help` for usage", args.join(" "));
    assert.doesNotMatch(stderr, /usage:/, args.join(" "));
    assert.equal(stdout, "", args.join(" "));
  }
  assert.match(cli(["convert", "--from", "neutral", "--to", "meta", "--fit", "bogus", "-"], "{}").stderr, /^wabridge: --fit must be one of strict, truncate, adapt \(got "bogus"\)\n/);
});

test("the whole help: on --help (also after a command) and help (stdout, exit 0), and with no arguments (stderr, exit 2)", () => {
  for (const args of [["--help"], ["-h"], ["help"], ["validate", "--help"], ["convert", "--from", "meta", "-h"]]) {
    const { code, stdout, stderr } = cli(args);
    assert.equal(code, 0, args.join(" "));
    assert.match(stdout, /^usage:\n/, args.join(" "));
    assert.match(stdout, /wabridge download --provider/, args.join(" "));
    assert.equal(stderr, "", args.join(" "));
  }
  const none = cli([], "");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^usage:\n/);
  assert.equal(none.stdout, "");
  // After "--", "--help" is a FILE, not a request for help.
  assert.equal(cli(["validate", "--provider", "meta", "--", "--help"]).code, 2);
});

/** The CLI with its standard input written only after `delayMs`, as a slow producer writes it
 *  (`(sleep 1; cat body.json) | wabridge …`): a synchronous read of the pipe fails with EAGAIN. */
function cliSlowInput(args, input, delayMs = 400, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}pkg/bin/wabridge.mjs`, ...args], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    // Half now, half later: the CLI must wait for the end of the input, not take what is there.
    const half = Math.floor(input.length / 2);
    setTimeout(() => child.stdin.write(input.slice(0, half)), delayMs);
    setTimeout(() => child.stdin.end(input.slice(half)), 2 * delayMs);
  });
}

test("standard input written late (a slow pipe) is read whole by validate, convert and webhook", async () => {
  const body = readFileSync(fixture("meta/text.json"), "utf8");
  const valid = await cliSlowInput(["validate", "--provider", "meta", "--json"], body);
  assert.equal(valid.code, 0, valid.stderr);
  assert.equal(valid.stdout.trim(), '{"valid":true,"errors":[]}');
  assert.equal(valid.stderr, "");
  const invalid = await cliSlowInput(["validate", "--provider", "meta", "-"], readFileSync(fixture("meta/text-5000-chars.json"), "utf8"));
  assert.equal(invalid.code, 1, invalid.stderr);
  assert.match(invalid.stdout, /\/text\/body\s+too_long/);
  const converted = await cliSlowInput(["convert", "--from", "meta", "--to", "neutral", "-"], body);
  assert.equal(converted.code, 0, converted.stderr);
  assert.equal(JSON.parse(converted.stdout).content.body, "Hello from wabridge 👋 — héllo");
  const hook = JSON.stringify(JSON.parse(readFileSync(fixture("webhooks/meta/status-failed.json"), "utf8")).body);
  const events = await cliSlowInput(["webhook", "--provider", "meta"], hook);
  assert.equal(events.code, 0, events.stderr);
  assert.equal(JSON.parse(events.stdout)[0].status, "failed");
});

test("convert: neutral to Meta", () => {
  const { code, stdout } = cli(["convert", "--from", "neutral", "--to", "meta", fixture("neutral/text.json")]);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), {
    messaging_product: "whatsapp",
    to: "16505551234", // the digits of "+16505551234": Meta's normal form (issue 12)
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

// Bird: every body type of tests/fixtures/bird, through the CLI.
const birdFixtures = readdirSync(fixture("bird")).filter((f) => f.endsWith(".json")).sort();
const scratch = mkdtempSync(join(tmpdir(), "wabridge-cli-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fixture's path; scheduled.json rewritten to 15 days from now (Bird schedules ≤35 days ahead). */
function birdFixture(name) {
  const body = JSON.parse(readFileSync(fixture(`bird/${name}`), "utf8"));
  if (!body.scheduledFor) return { path: fixture(`bird/${name}`), body };
  body.scheduledFor = new Date(Date.now() + 15 * 86_400_000).toISOString();
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(body, null, 2));
  return { path, body };
}

test("validate --provider bird accepts every Bird fixture (every body type and template form)", () => {
  assert.ok(birdFixtures.length >= 34, `${birdFixtures.length} fixtures`);
  assert.ok(birdFixtures.includes("scheduled.json"));
  for (const name of birdFixtures) {
    const { code, stdout, stderr } = cli(["validate", "--provider", "bird", birdFixture(name).path]);
    assert.equal(code, 0, `${name}: ${stdout}${stderr}`);
    assert.match(stdout, /^valid bird messages body/, name);
  }
});

test("convert --from bird --to bird reproduces every Bird fixture exactly", () => {
  for (const name of birdFixtures) {
    const { path, body } = birdFixture(name);
    const { code, stdout, stderr } = cli(["convert", "--from", "bird", "--to", "bird", path]);
    assert.equal(code, 0, `${name}: ${stderr}`);
    assert.deepEqual(JSON.parse(stdout), body, name);
  }
});

test("validate --provider bird: a body with several faults reports every one at its pointer (exit 1)", () => {
  const body = JSON.stringify({
    receiver: { contacts: [{ identifierKey: "email", identifierValue: "31612345678" }] },
    body: { type: "text", text: { text: "x".repeat(1025), actions: [
      { type: "postback", postback: { text: "a title that is far too long", payload: "1" } },
      { type: "reply", reply: { text: "B" } }, { type: "reply", reply: { text: "C" } }, { type: "reply", reply: { text: "D" } },
    ] } },
    tags: ["Summer!"],
    capFrequency: true,
    scheduledFor: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    validity: -1,
    replyTo: { id: "1e7b70ab-3dcc-48f4-a6f6-63a493f6134c", type: "forward" },
  });
  const expected = [
    ["/body/text/actions", "too_many"],
    ["/body/text/actions/0/postback/text", "too_long"],
    ["/body/text/text", "too_long"],
    ["/capFrequency", "invalid_value"],
    ["/receiver/contacts/0/identifierKey", "invalid_value"],
    ["/receiver/contacts/0/identifierValue", "invalid_format"],
    ["/replyTo/type", "invalid_value"],
    ["/scheduledFor", "out_of_range"],
    ["/tags/0", "invalid_format"],
    ["/validity", "out_of_range"],
  ];
  const json = cli(["validate", "--provider", "bird", "--json", "-"], body);
  assert.equal(json.code, 1);
  const report = JSON.parse(json.stdout);
  assert.equal(report.valid, false);
  assert.deepEqual(report.errors.map((e) => [e.path, e.code]).sort(), expected);
  const text = cli(["validate", "--provider", "bird", "-"], body);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^invalid bird body: 10 violations\n/);
  for (const [path, code] of expected) assert.match(text.stdout, new RegExp(`^  ${path}  ${code}`, "m"), path);
  // convert reads the body the same way: exit 1, every violation on standard error.
  const converted = cli(["convert", "--from", "bird", "--to", "bird", "-"], body);
  assert.equal(converted.code, 1);
  assert.equal(converted.stdout, "");
  assert.match(converted.stderr, /invalid: 10 violations/);
  for (const [path, code] of expected) assert.match(converted.stderr, new RegExp(`^  ${path}  ${code}`, "m"), path);
});

test("convert --from neutral --to bird: a text is Bird's text body; a reaction is unsupported (exit 3)", () => {
  const text = cli(["convert", "--from", "neutral", "--to", "bird", "-"], JSON.stringify({ to: "+31612345678", content: { type: "text", body: "Single text message" } }));
  assert.equal(text.code, 0, text.stderr);
  assert.deepEqual(JSON.parse(text.stdout), JSON.parse(readFileSync(fixture("bird/text.json"), "utf8")));
  const reaction = JSON.stringify({ to: "+31612345678", content: { type: "reaction", messageId: "1e7b70ab-3dcc-48f4-a6f6-63a493f6134c", emoji: "👍" } });
  const { code, stdout, stderr } = cli(["convert", "--from", "neutral", "--to", "bird", "-"], reaction);
  assert.equal(code, 3, stderr);
  assert.equal(stdout, "");
  assert.match(stderr, /bird/);
  assert.match(stderr, /reaction/);
});

test("convert --from bird --to neutral: a template reads as its Studio project; what the neutral model lacks (a number variable) is unsupported (exit 3)", () => {
  const read = cli(["convert", "--from", "bird", "--to", "neutral", fixture("bird/template-text.json")]);
  assert.equal(read.code, 0, read.stderr);
  const message = JSON.parse(read.stdout);
  assert.deepEqual(message.content, {
    type: "template", language: { code: "en" }, projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318",
    components: [{ type: "body", parameters: [{ type: "text", text: "Robert", parameterName: "name" }] }],
  });
  // And back: the same template.
  const back = cli(["convert", "--from", "neutral", "--to", "bird", "-"], read.stdout);
  assert.equal(back.code, 0, back.stderr);
  assert.deepEqual(JSON.parse(back.stdout).template, JSON.parse(readFileSync(fixture("bird/template-text.json"), "utf8")).template);
  const body = JSON.parse(readFileSync(fixture("bird/template-text.json"), "utf8"));
  body.template.parameters = [{ type: "number", key: "count", value: 3 }];
  const { code, stdout, stderr } = cli(["convert", "--from", "bird", "--to", "neutral", "-"], JSON.stringify(body));
  assert.equal(code, 3, stderr);
  assert.equal(stdout, "");
  assert.match(stderr, /bird/);
  assert.match(stderr, /template number variable/);
});

// 1MSG: every method with a body (tests/fixtures/1msg), named with --op.
const oneMsgFixtures = readdirSync(fixture("1msg")).filter((f) => f.endsWith(".json") && !f.includes(".response") && !f.includes(".query")).sort();
/** A body fixture's method: its name up to the first "-" (`sendList-sections.json` → sendList). */
const oneMsgMethod = (name) => name.replace(/\.json$/, "").split("-")[0];

test("validate --provider 1msg --op METHOD accepts every 1MSG body fixture, every method with a body", () => {
  assert.ok(oneMsgFixtures.length >= 49, `${oneMsgFixtures.length} fixtures`);
  assert.equal(new Set(oneMsgFixtures.map(oneMsgMethod)).size, 22, "every method with a body");
  for (const name of oneMsgFixtures) {
    const method = oneMsgMethod(name);
    const { code, stdout, stderr } = cli(["validate", "--provider", "1msg", "--op", method, fixture(`1msg/${name}`)]);
    assert.equal(code, 0, `${name}: ${stdout}${stderr}`);
    assert.equal(stdout, `valid 1msg ${method} body\n`, name);
  }
  // Without --op: checked as sendMessage, and said so.
  const text = cli(["validate", "--provider", "1msg", fixture("1msg/sendMessage-group.json")]);
  assert.equal(text.stdout, "valid 1msg sendMessage body\n", text.stderr);
});

test("convert --from 1msg --to 1msg --op METHOD reproduces every 1MSG body fixture exactly", () => {
  for (const name of oneMsgFixtures) {
    const method = oneMsgMethod(name);
    const { code, stdout, stderr } = cli(["convert", "--from", "1msg", "--to", "1msg", "--op", method, fixture(`1msg/${name}`)]);
    assert.equal(code, 0, `${name}: ${stderr}`);
    assert.deepEqual(JSON.parse(stdout), JSON.parse(readFileSync(fixture(`1msg/${name}`), "utf8")), name);
  }
});

test("validate --provider 1msg: a body with several faults reports every one at its pointer (exit 1), for a message method and a table method", () => {
  const cases = [
    ["sendList", {
      phone: "1650555123x",
      header: "h".repeat(61),
      body: "x".repeat(1025),
      footer: "f".repeat(61),
      action: "é".repeat(21),
      sections: [
        { rows: [{ id: "a".repeat(201), title: "t".repeat(25), description: "d".repeat(73) }] },
        { title: "é".repeat(25), rows: [{ id: "b", title: "B" }] },
      ],
    }, [
      ["/action", "too_long"],
      ["/body", "too_long"],
      ["/footer", "too_long"],
      ["/header", "too_long"],
      ["/phone", "invalid_format"],
      ["/sections/0/rows/0/description", "too_long"],
      ["/sections/0/rows/0/id", "too_long"],
      ["/sections/0/rows/0/title", "too_long"],
      ["/sections/0/title", "required"],
      ["/sections/1/title", "too_long"],
    ]],
    ["addTemplate", { name: "Order-Update", category: "TRANSACTIONAL", language: "pt-BR", components: [], colour: "red" }, [
      ["/category", "invalid_value"],
      ["/colour", "unknown_field"],
      ["/components", "too_few"],
      ["/language", "invalid_value"],
      ["/name", "invalid_value"],
    ]],
  ];
  for (const [method, value, expected] of cases) {
    const body = JSON.stringify(value);
    const json = cli(["validate", "--provider", "1msg", "--op", method, "--json", "-"], body);
    assert.equal(json.code, 1, method);
    const report = JSON.parse(json.stdout);
    assert.equal(report.valid, false);
    assert.deepEqual(report.errors.map((e) => [e.path, e.code]).sort(), expected, method);
    const text = cli(["validate", "--provider", "1msg", "--op", method, "-"], body);
    assert.equal(text.code, 1);
    assert.match(text.stdout, new RegExp(`^invalid 1msg body: ${expected.length} violations\n`));
    for (const [path, code] of expected) assert.match(text.stdout, new RegExp(`^  ${path}  ${code}`, "m"), `${method} ${path}`);
    // convert reads the body the same way: exit 1, every violation on standard error.
    const converted = cli(["convert", "--from", "1msg", "--to", "1msg", "--op", method, "-"], body);
    assert.equal(converted.code, 1);
    assert.equal(converted.stdout, "");
    assert.match(converted.stderr, new RegExp(`invalid: ${expected.length} violations`));
    for (const [path, code] of expected) assert.match(converted.stderr, new RegExp(`^  ${path}  ${code}`, "m"), `${method} ${path}`);
  }
});

test("--op: an unknown 1MSG method is a usage error (exit 2); a body of a method with no neutral form is unsupported (exit 3)", () => {
  const unknown = cli(["validate", "--provider", "1msg", "--op", "sendFax", fixture("1msg/sendMessage-group.json")]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /sendFax/);
  // Product cards with buttons, and a date given as unix_epoch, have no neutral field.
  for (const [op, file] of [["sendCarousel", "1msg/sendCarousel-products.json"], ["sendTemplate", "1msg/sendTemplate-date-time-unix-epoch.json"]]) {
    const refused = cli(["convert", "--from", "1msg", "--to", "neutral", "--op", op, fixture(file)]);
    assert.equal(refused.code, 3, refused.stderr);
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /1msg/);
  }
});

test("convert --from 1msg --to meta: a template, its namespace reported as left out (exit 0)", () => {
  const { code, stdout, stderr } = cli(["convert", "--from", "1msg", "--to", "meta", "--op", "sendTemplate", fixture("1msg/sendTemplate-text.json")]);
  assert.equal(code, 0, stderr);
  assert.equal(JSON.parse(stdout).type, "template");
  assert.match(stderr, /lossy: \/namespace: .*namespace/);
});

test("convert --fit adapt splits a carousel Bird cannot carry (quick-reply cards) into a JSON array, every change on stderr", () => {
  const card = (n) => ({ header: { type: "image", link: `https://media.example.com/cards/${n}.jpg` }, body: `Card ${n}`, buttons: [{ id: `pick-${n}`, title: "Pick" }] });
  const message = JSON.stringify({ to: "+16505551234", content: { type: "carousel", body: "Picks", cards: [card(1), card(2)] } });
  const strict = cli(["convert", "--from", "neutral", "--to", "bird", "-"], message);
  assert.equal(strict.code, 3, strict.stderr);
  const { code, stdout, stderr } = cli(["convert", "--from", "neutral", "--to", "bird", "--fit", "adapt", "-"], message);
  assert.equal(code, 0, stderr);
  const bodies = JSON.parse(stdout);
  assert.deepEqual(bodies.map((b) => b.body.type), ["text", "image", "image"]);
  assert.equal(bodies[2].body.image.text, "Card 2");
  assert.match(stderr, /reshaped: \/content: .*one message per card/);
  assert.match(stderr, /lossy: \/content\/cards\/0\/buttons: .*left out/);
  assert.equal(cli(["convert", "--from", "neutral", "--to", "bird", "--fit", "sideways", "-"], message).code, 2);
});

// send and contact-window against the sandbox served over HTTP, credentials from the
// environment as a user gives them. The CLI runs as a child process while this process
// serves, so it is spawned asynchronously.
const { createSandbox, serveSandbox } = await import(`${root}pkg/sandbox/node.mjs`);
const wabridge = await import(`${root}pkg/node.mjs`);

/** The WABRIDGE_* variables that point the CLI at `provider` in `sandbox` served on `url`, as a
 *  user sets them: each client option in upper snake case (`phoneNumberId` → `…_PHONE_NUMBER_ID`). */
function environmentFor(sandbox, provider, url) {
  const prefix = `WABRIDGE_${provider.toUpperCase()}_`;
  const options = sandbox.clientOptions(provider, { baseUrl: url, viaFetch: false });
  return Object.fromEntries(Object.entries(options).map(([name, value]) => [prefix + name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), value]));
}

function cliAsync(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}pkg/bin/wabridge.mjs`, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

test("send --provider bird: a neutral message with --options, a Bird body with --native, and the contact window", async () => {
  const sandbox = createSandbox({ seed: 7 });
  const server = await serveSandbox(sandbox, { port: 0 });
  try {
    const env = environmentFor(sandbox, "bird", server.url);
    const received = sandbox.receive({ provider: "bird", from: "+31612345678", text: "Hi" });
    const window = await cliAsync(["contact-window", "--provider", "bird", "--contact", received.contactId, "--identifier", "+31612345678"], env);
    assert.equal(window.code, 0, window.stderr);
    assert.equal(JSON.parse(window.stdout).serviceWindowOpen, true);

    const dir = mkdtempSync(join(tmpdir(), "wabridge-cli-"));
    const message = join(dir, "message.json");
    writeFileSync(message, JSON.stringify({ to: "+31612345678", content: { type: "text", body: "Sale" } }));
    const sent = await cliAsync(["send", "--provider", "bird", "--options", '{"useCase":"marketing","tags":["sale"]}', message], env);
    assert.equal(sent.code, 0, sent.stderr);
    assert.equal(JSON.parse(sent.stdout).status, "accepted");
    const record = sandbox.messages().at(-1);
    assert.deepEqual([record.body.tags, record.body.meta.extraInformation.useCase], [["sale"], "marketing"]);

    const native = await cliAsync(["send", "--provider", "bird", "--native", fixture("bird/list-sections.json")], env);
    assert.equal(native.code, 0, native.stderr);
    assert.match(JSON.parse(native.stdout).messageId, /^[0-9a-f-]{36}$/);
    assert.equal(sandbox.messages().at(-1).kind, "list");

    const refused = await cliAsync(["send", "--provider", "bird", "--options", '{"tags":["Sale!"]}', message], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\/tags\/0\s+invalid_format/);
    const wrong = await cliAsync(["send", "--provider", "meta", "--native", message], env);
    assert.equal(wrong.code, 2);
    rmSync(dir, { recursive: true });

    // The message from a pipe its writer fills late.
    const late = await cliSlowInput(["send", "--provider", "bird"], JSON.stringify({ to: "+31612345678", content: { type: "text", body: "Late" } }), 400, env);
    assert.equal(late.code, 0, late.stderr);
    assert.equal(sandbox.messages().at(-1).body.body.text.text, "Late");

    const unknown = await cliAsync(["contact-window", "--provider", "bird", "--contact", "3f2a1b4c-0000-4000-a000-00000000000a"], env);
    assert.equal(unknown.code, 4, "an unknown contact is Bird's 404: a provider error");
  } finally {
    await server.close();
  }
});

test("call: every 1MSG method that is not a send, and Meta's media and read calls, against the sandbox", async () => {
  const sandbox = createSandbox({ seed: 9 });
  const server = await serveSandbox(sandbox, { port: 0 });
  const dir = mkdtempSync(join(tmpdir(), "wabridge-cli-call-"));
  try {
    const env = environmentFor(sandbox, "1msg", server.url);
    const call = async (args, expected = 0) => {
      const result = await cliAsync(["call", "--provider", "1msg", ...args], env);
      assert.equal(result.code, expected, `${args.join(" ")}: ${result.stderr}`);
      return expected === 0 ? JSON.parse(result.stdout) : result;
    };
    assert.equal((await call(["--op", "status"])).status, "connected");
    assert.equal(typeof (await call(["--op", "me"])), "object");
    const templates = await call(["--op", "templates"]);
    assert.ok(Array.isArray(templates.templates) && templates.templates.length > 0);
    const template = join(dir, "template.json");
    writeFileSync(template, JSON.stringify({ name: "cli_added", category: "UTILITY", language: "en", components: [{ type: "BODY", text: "Your code is ready" }] }));
    await call(["--op", "addTemplate", template]);
    assert.ok((await call(["--op", "templates"])).templates.some((t) => t.name === "cli_added"));
    await call(["--op", "removeTemplate", "cli_added"]);
    assert.ok(!(await call(["--op", "templates"])).templates.some((t) => t.name === "cli_added"));
    const settings = join(dir, "settings.json");
    writeFileSync(settings, JSON.stringify({ ackNotificationsOn: true }));
    await call(["--op", "updateSettings", settings]);
    assert.equal((await call(["--op", "settings"])).ackNotificationsOn, true);
    const query = join(dir, "query.json");
    writeFileSync(query, JSON.stringify({ limit: 1 }));
    assert.ok(Array.isArray((await call(["--op", "messages", query])).messages));
    // The method's own checks, before any request: exit 1 at the pointer; a wrong call, exit 2.
    writeFileSync(template, JSON.stringify({ name: "Bad Name", category: "UTILITY", language: "en", components: [] }));
    assert.match((await call(["--op", "addTemplate", template], 1)).stderr, /\/name/);
    for (const op of ["addTemplate", "updateSettings", "messages"]) {
      writeFileSync(template, JSON.stringify([{ limit: 1 }]));
      assert.match((await call(["--op", op, template], 1)).stderr, /^wabridge: invalid: .*\n?.*object/, `${op}: a document of the wrong type is bad input`);
    }
    assert.equal((await call(["--op", "sendMessage"], 2)).code, 2, "a send is send's");
    assert.equal((await call(["--op", "hookInfo"], 2)).code, 2, "hookInfo needs its message id");
    assert.equal((await call(["--op", "status", "extra"], 2)).code, 2);
    sandbox.receive({ provider: "1msg", from: "+12020721369", text: "Hi" });
    const { messageId } = await new wabridge.OneMsgClient(sandbox.clientOptions("1msg", { baseUrl: server.url, viaFetch: false })).send({ to: "+12020721369", content: { type: "text", body: "Hello" } });
    await sandbox.settle();
    const info = await call(["--op", "hookInfo", messageId]);
    assert.ok(JSON.stringify(info).includes(messageId), JSON.stringify(info));
    const wrongToken = await cliAsync(["call", "--provider", "1msg", "--op", "status"], { ...env, WABRIDGE_1MSG_TOKEN: "not-the-token-SENTINEL" });
    assert.equal(wrongToken.code, 4, "a provider's refusal");
    assert.ok(!wrongToken.stderr.includes("not-the-token-SENTINEL"), wrongToken.stderr);

    const metaEnv = environmentFor(sandbox, "meta", server.url);
    const received = sandbox.receive({ provider: "meta", from: "+16505551234", text: "hi" });
    const read = await cliAsync(["call", "--provider", "meta", "--op", "markRead", received.id], metaEnv);
    assert.equal(read.code, 0, read.stderr);
    assert.deepEqual(JSON.parse(read.stdout), { success: true });
  } finally {
    rmSync(dir, { recursive: true });
    await server.close();
  }
});

test("send --provider 1msg: a method's own body with --native --op, and a file itself with --file (multipart)", async () => {
  const sandbox = createSandbox({ seed: 8 });
  const server = await serveSandbox(sandbox, { port: 0 });
  const dir = mkdtempSync(join(tmpdir(), "wabridge-cli-1msg-"));
  try {
    const env = environmentFor(sandbox, "1msg", server.url);
    sandbox.receive({ provider: "1msg", from: "+12020721369", text: "Hi" });

    // A carousel of product cards with quick replies: 1MSG's own form, sent as given.
    const native = await cliAsync(["send", "--provider", "1msg", "--native", "--op", "sendCarousel", fixture("1msg/sendCarousel-products.json")], env);
    assert.equal(native.code, 0, native.stderr);
    const carousel = sandbox.messages().at(-1);
    assert.equal(JSON.parse(native.stdout).messageId, carousel.id);
    assert.deepEqual(carousel.body, JSON.parse(readFileSync(fixture("1msg/sendCarousel-products.json"), "utf8")));
    // Refused by the method's own rules before any request (exit 1), at the pointer.
    const before = sandbox.messages().length;
    const fields = join(dir, "fields.json");
    writeFileSync(fields, JSON.stringify({ phone: "12020721369", body: "x".repeat(5000) }));
    const invalid = await cliAsync(["send", "--provider", "1msg", "--native", "--op", "sendButton", fields], env);
    assert.equal(invalid.code, 1, invalid.stderr);
    assert.match(invalid.stderr, /\/sections\s+required/);
    assert.equal(sandbox.messages().length, before);

    // The file itself: its MIME type from its extension, its name from its path.
    const pdf = join(dir, "invoice-4512.pdf");
    writeFileSync(pdf, "%PDF-1.4\n%%EOF\n");
    writeFileSync(fields, JSON.stringify({ phone: "12020721369", caption: "Your invoice" }));
    const file = await cliAsync(["send", "--provider", "1msg", "--file", pdf, fields], env);
    assert.equal(file.code, 0, file.stderr);
    const record = sandbox.messages().at(-1);
    assert.deepEqual([record.kind, record.body.filename, record.body.caption], ["sendFile", "invoice-4512.pdf", "Your invoice"]);
    assert.equal(record.body.body, `data:application/pdf;base64,${Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64")}`);
    // An extension that says no type WhatsApp takes needs --type; a file refused by the media rules exits 1.
    const odd = join(dir, "notes.bin");
    writeFileSync(odd, "hello");
    assert.equal((await cliAsync(["send", "--provider", "1msg", "--file", odd, fields], env)).code, 2);
    const typed = await cliAsync(["send", "--provider", "1msg", "--file", odd, "--type", "text/plain", fields], env);
    assert.equal(typed.code, 0, typed.stderr);
    assert.equal(sandbox.messages().at(-1).body.filename, "notes.bin");
    const refused = await cliAsync(["send", "--provider", "1msg", "--file", odd, "--type", "image/gif", fields], env);
    assert.equal(refused.code, 1, refused.stderr);
    // A file whose name has no extension is named with its type's (1MSG types a file by it);
    // one named in FILE without an extension is refused at /filename, before any request.
    const bare = join(dir, "scan");
    writeFileSync(bare, "%PDF-1.4\n%%EOF\n");
    const named = await cliAsync(["send", "--provider", "1msg", "--file", bare, "--type", "application/pdf", fields], env);
    assert.equal(named.code, 0, named.stderr);
    assert.equal(sandbox.messages().at(-1).body.filename, "scan.pdf");
    const unnamed = join(dir, "unnamed.json");
    writeFileSync(unnamed, JSON.stringify({ phone: "12020721369", filename: "scan" }));
    const noExtension = await cliAsync(["send", "--provider", "1msg", "--file", pdf, unnamed], env);
    assert.equal(noExtension.code, 1, noExtension.stderr);
    assert.match(noExtension.stderr, /\/filename\s+invalid_format: 1MSG types a file by its name's extension/);
    // Usage: --op without --native, --file with another method or provider, a missing file.
    for (const args of [["--op", "sendButton", fields], ["--file", pdf, "--op", "sendButton", fields], ["--file", join(dir, "missing.pdf"), fields]]) {
      assert.equal((await cliAsync(["send", "--provider", "1msg", ...args], env)).code, 2, args.join(" "));
    }
    assert.equal((await cliAsync(["send", "--provider", "meta", "--file", pdf, fields], env)).code, 2);
  } finally {
    rmSync(dir, { recursive: true });
    await server.close();
  }
});

// webhook: the signature vectors (computed with Python) through the CLI, as a user would pass
// a delivery's headers; the raw bytes from a file and from standard input.
test("webhook: reads a delivery into events; with --secret checks it first (exit 1 when it does not verify)", () => {
  const dir = mkdtempSync(join(tmpdir(), "wabridge-webhook-"));
  try {
    const { vectors } = JSON.parse(readFileSync(fixture("webhooks/signatures.json"), "utf8"));
    const headerOf = (v, name) => Object.entries(v.headers).find(([n]) => n.toLowerCase() === name)?.[1];
    for (const v of vectors) {
      const file = join(dir, "body.json");
      writeFileSync(file, v.body);
      const args = ["webhook", "--provider", v.provider, "--secret", v.secret];
      const signature = headerOf(v, v.provider === "meta" ? "x-hub-signature-256" : "messagebird-signature");
      if (signature !== undefined && v.provider !== "1msg") args.push("--signature", signature);
      const timestamp = headerOf(v, "messagebird-request-timestamp");
      if (timestamp !== undefined) args.push("--timestamp", timestamp);
      if (v.url) args.push("--url", v.url);
      if (v.toleranceSeconds !== undefined) args.push("--tolerance-seconds", String(v.toleranceSeconds));
      const { code, stdout, stderr } = cli([...args, file]);
      if (v.expect === "accepted") {
        assert.equal(code, 0, `${v.name}: ${stderr}`);
        assert.ok(Array.isArray(JSON.parse(stdout)), v.name);
      } else {
        assert.equal(code, 1, `${v.name}: ${stdout}`);
        assert.match(stderr, /^wabridge: the webhook/, v.name);
      }
      // Bird's signatures, whatever their age (a delivery replayed from a log): only a stale one changes.
      if (v.provider === "bird" && v.toleranceSeconds !== undefined) {
        const always = cli([...args.slice(0, args.indexOf("--tolerance-seconds")), "--tolerance-seconds", "Infinity", file]);
        assert.equal(always.code, v.expect === "accepted" || v.expect === "stale" ? 0 : 1, `${v.name} with Infinity: ${always.stderr}`);
      }
    }
    assert.equal(cli(["webhook", "--provider", "bird", "--secret", "k", "--tolerance-seconds", "-1", "-"], "{}").code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("webhook: events from standard input; a body that is not the provider's exits 1; usage errors exit 2", () => {
  const body = JSON.stringify(JSON.parse(readFileSync(fixture("webhooks/meta/status-failed.json"), "utf8")).body);
  const { code, stdout } = cli(["webhook", "--provider", "meta", "-"], body);
  assert.equal(code, 0);
  const [event] = JSON.parse(stdout);
  assert.deepEqual([event.type, event.status, event.errors[0].code], ["status", "failed", 131047]);
  const notMeta = cli(["webhook", "--provider", "meta"], JSON.stringify({ messages: [] }));
  assert.equal(notMeta.code, 1);
  assert.match(notMeta.stderr, /not a meta webhook/);
  assert.equal(cli(["webhook", "--provider", "meta", "--signature", "sha256=00"], body).code, 2, "--signature without a secret");
  assert.equal(cli(["webhook", "--provider", "telegram"], body).code, 2);
  const env = { ...process.env, WABRIDGE_WEBHOOK_SECRET: "meta-app-s3cret" };
  const fromEnv = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "webhook", "--provider", "meta"], { input: body, encoding: "utf8", env });
  assert.equal(fromEnv.status, 1, "the secret from the environment checks the delivery: no signature header given");
  assert.match(fromEnv.stderr, /no X-Hub-Signature-256/);
});

/** The environment's WABRIDGE_* variables emptied, whatever the shell running the tests has. */
const NO_CREDENTIALS = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith("WABRIDGE_")).map((name) => [name, ""]));

test("download --provider 1msg needs no credentials: 1MSG's media links are public", async () => {
  const sandbox = createSandbox({ seed: 9 });
  const server = await serveSandbox(sandbox, { port: 0 });
  const dir = mkdtempSync(join(tmpdir(), "wabridge-cli-"));
  try {
    // Not one WABRIDGE_1MSG_* variable, even if the shell running the tests has some.
    const env = NO_CREDENTIALS;
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    sandbox.receive({ provider: "1msg", from: "+16505551234", media: { type: "image", data: bytes, mimeType: "image/png" } });
    await sandbox.settle();
    const [event] = wabridge.readWebhook("1msg", sandbox.webhooks("1msg").at(-1).body);
    const out = join(dir, "photo.png");
    const saved = await cliAsync(["download", "--provider", "1msg", "--url", event.media.url, "--out", out], env);
    assert.equal(saved.code, 0, saved.stderr);
    assert.deepEqual(JSON.parse(saved.stdout), { mimeType: "image/png", size: bytes.length, out });
    assert.deepEqual(new Uint8Array(readFileSync(out)), bytes);
    // The other providers' downloads still need theirs (usage, exit 2, naming the variable).
    const meta = await cliAsync(["download", "--provider", "meta", "--media-id", "1", "--out", "-"], env);
    assert.equal(meta.code, 2);
    assert.match(meta.stderr, /needs WABRIDGE_META_TOKEN/);
    // A file that is not there is still the provider's failure (exit 4), not a usage error.
    const gone = await cliAsync(["download", "--provider", "1msg", "--url", `${server.url}/sandbox-files/nothing-here`, "--out", "-"], env);
    assert.equal(gone.code, 4, gone.stderr);
    assert.equal(cli(["help"]).stdout.includes("download --provider 1msg needs no credentials"), true);
  } finally {
    rmSync(dir, { recursive: true });
    await server.close();
  }
});

test("download --provider meta|bird|1msg: a customer's file saved from its webhook's URL (or Meta's media id), over HTTP", async () => {
  const sandbox = createSandbox({ seed: 8 });
  const server = await serveSandbox(sandbox, { port: 0 });
  const dir = mkdtempSync(join(tmpdir(), "wabridge-cli-"));
  try {
    const env = { WABRIDGE_META_BASE_URL: server.url, WABRIDGE_BIRD_BASE_URL: server.url, WABRIDGE_1MSG_BASE_URL: server.url };
    const names = { meta: ["token", "phoneNumberId"], bird: ["accessKey", "workspaceId", "channelId"], "1msg": ["token", "instanceId"] };
    const variable = (provider, option) => `WABRIDGE_${provider.toUpperCase()}_${option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    for (const [provider, options] of Object.entries(names)) {
      const given = sandbox.clientOptions(provider);
      for (const option of options) env[variable(provider, option)] = given[option];
    }
    const bytes = new Uint8Array([37, 80, 68, 70, 0, 200, 13, 10]);
    for (const provider of ["meta", "bird", "1msg"]) {
      sandbox.receive({ provider, from: "+16505551234", media: { type: "document", data: bytes, mimeType: "application/pdf", filename: "invoice.pdf" } });
      await sandbox.settle();
      const [event] = wabridge.readWebhook(provider, sandbox.webhooks(provider).at(-1).body);
      const out = join(dir, `${provider}.pdf`);
      const by = event.media.url === undefined ? ["--media-id", event.media.id] : ["--url", event.media.url];
      const saved = await cliAsync(["download", "--provider", provider, ...by, "--out", out], env);
      assert.equal(saved.code, 0, `${provider}: ${saved.stderr}`);
      assert.deepEqual(JSON.parse(saved.stdout), { mimeType: "application/pdf", size: bytes.length, out });
      assert.deepEqual(new Uint8Array(readFileSync(out)), bytes, provider);
    }
    // The access key would go to another host: refused before any request (usage, exit 2).
    const refused = await cliAsync(["download", "--provider", "bird", "--url", "https://evil.example/f", "--out", join(dir, "x")], env);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /refusing to send the credentials to evil\.example/);
    assert.ok(!refused.stderr.includes(env.WABRIDGE_BIRD_ACCESS_KEY));
    assert.equal((await cliAsync(["download", "--provider", "bird", "--media-id", "1", "--out", "-"], env)).code, 2, "--media-id is Meta's");
    // A path that cannot be written: a usage error before any request, one line, no stack.
    const unwritable = await cliAsync(["download", "--provider", "1msg", "--url", "https://files.example/x", "--out", join(dir, "missing", "x")], env);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /^wabridge: --out .*ENOENT \(cannot write there\)/);
    assert.equal(unwritable.stderr, `${unwritable.stderr.split("\n")[0]}\nrun \`wabridge --help\` for usage\n`, "the error and a hint, not the whole help");
    // A failed download leaves no empty file behind.
    const failed = join(dir, "failed.bin");
    const gone = await cliAsync(["download", "--provider", "1msg", "--url", `${server.url}/sandbox-files/nothing-here`, "--out", failed], env);
    assert.equal(gone.code, 4, gone.stderr);
    assert.ok(!readdirSync(dir).includes("failed.bin"));
    // The sandbox's media links follow the address the client reaches it at (localhost here).
    const local = server.url.replace("127.0.0.1", "localhost");
    const localEnv = { ...env, WABRIDGE_BIRD_BASE_URL: local };
    const received = await fetch(`${local}/__sandbox/receive`, { method: "POST", body: JSON.stringify({ provider: "bird", from: "+16505551234", media: { type: "image", dataBase64: btoa("PNG!"), mimeType: "image/png" } }) }).then((r) => r.json());
    await sandbox.settle();
    const [birdEvent] = wabridge.readWebhook("bird", sandbox.webhooks("bird").at(-1).body);
    assert.equal(birdEvent.id, received.id);
    assert.ok(birdEvent.media.url.startsWith(`${local}/`), birdEvent.media.url);
    const viaLocalhost = await cliAsync(["download", "--provider", "bird", "--url", birdEvent.media.url, "--out", "-"], localEnv);
    assert.equal(viaLocalhost.code, 0, viaLocalhost.stderr);
    assert.equal(viaLocalhost.stdout, "PNG!");
  } finally {
    rmSync(dir, { recursive: true });
    await server.close();
  }
});

test("download leaves what was at --out as it was when it fails (a usage error, a refused URL, a file not there)", async () => {
  const sandbox = createSandbox({ seed: 13 });
  const server = await serveSandbox(sandbox, { port: 0 });
  const dir = mkdtempSync(join(tmpdir(), "wabridge-cli-"));
  try {
    const env = NO_CREDENTIALS;
    const keep = join(dir, "keep.txt");
    writeFileSync(keep, "precious");
    const missing = await cliAsync(["download", "--provider", "1msg", "--url", `${server.url}/sandbox-files/nothing-here`, "--out", keep], env);
    assert.equal(missing.code, 4, missing.stderr);
    const refused = await cliAsync(["download", "--provider", "meta", "--url", "https://evil.example.com/x", "--out", keep], { ...env, WABRIDGE_META_TOKEN: "t", WABRIDGE_META_PHONE_NUMBER_ID: "1" });
    assert.equal(refused.code, 2, refused.stderr);
    assert.equal(readFileSync(keep, "utf8"), "precious");
    assert.deepEqual(readdirSync(dir), ["keep.txt"], "and no part file is left");
    // A directory is not a file to write.
    assert.equal((await cliAsync(["download", "--provider", "1msg", "--url", `${server.url}/x`, "--out", dir], env)).code, 2);
  } finally {
    rmSync(dir, { recursive: true });
    await server.close();
  }
});

test("input that is not UTF-8 text is refused (exit 1), never read as U+FFFD; a byte-order mark is read past", () => {
  const latin1 = Buffer.from('{"to":"+16505551234","content":{"type":"text","body":"Caf\xe9"}}', "latin1");
  for (const command of [["validate", "--provider", "meta", "-"], ["convert", "--from", "neutral", "--to", "meta", "-"]]) {
    const result = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, ...command], { input: latin1, encoding: "utf8" });
    assert.equal(result.status, 1, command[0]);
    assert.match(result.stderr, /standard input is not UTF-8 text/);
  }
  // --json keeps its promise of one JSON document on standard output.
  const json = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "validate", "--provider", "meta", "--json", "-"], { input: latin1, encoding: "utf8" });
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout), { valid: false, errors: [{ path: "", code: "invalid_format", message: "standard input is not UTF-8 text" }] });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readFileSync(fixture("meta/text.json")))]);
  const read = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "validate", "--provider", "meta", "-"], { input: bom, encoding: "utf8" });
  assert.equal(read.status, 0, read.stderr);
});

test("send: a body that is not JSON is invalid (exit 1); --options beside a --native Bird body is a usage error, not dropped", () => {
  const env = { ...process.env, WABRIDGE_META_TOKEN: "t", WABRIDGE_META_PHONE_NUMBER_ID: "1", WABRIDGE_BIRD_ACCESS_KEY: "k", WABRIDGE_BIRD_WORKSPACE_ID: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6", WABRIDGE_BIRD_CHANNEL_ID: "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52" };
  const run = (args, input) => spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, ...args], { input, encoding: "utf8", env });
  const notJson = run(["send", "--provider", "meta", "-"], "not json");
  assert.equal(notJson.status, 1, notJson.stderr);
  assert.match(notJson.stderr, /the message is not JSON/);
  const native = run(["send", "--provider", "bird", "--native", "--options", '{"scheduledFor":"2030-01-01T00:00:00Z"}', "-"], "{}");
  assert.equal(native.status, 2);
  assert.match(native.stderr, /--options go with a neutral message/);
});

test("sandbox: a port in use or out of range is one line and exit 2, not a stack", async () => {
  const sandbox = createSandbox({ seed: 14 });
  const server = await serveSandbox(sandbox, { port: 0 });
  try {
    const port = new URL(server.url).port;
    const taken = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--port", port], { encoding: "utf8", timeout: 20_000 });
    assert.equal(taken.status, 2, taken.stderr);
    assert.match(taken.stderr, /^wabridge: 127\.0\.0\.1:\d+ is in use \(give another --port\)\n/);
    assert.doesNotMatch(taken.stderr, /\n\s+at /);
    const range = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--port", "99999"], { encoding: "utf8", timeout: 20_000 });
    assert.equal(range.status, 2);
    assert.match(range.stderr, /--port must be 0 to 65535/);
    // What Number() reads but no one means as a port: decimal digits only.
    for (const port of ["", "1e3", "0x1F90", " 80"]) {
      const odd = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--port", port], { encoding: "utf8", timeout: 20_000 });
      assert.equal(odd.status, 2, `--port ${JSON.stringify(port)}: ${odd.stderr}`);
      assert.match(odd.stderr, /--port must be a whole number/);
    }
    // An empty host (an unset variable) would listen on every interface: refused.
    const everywhere = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--host", "", "--port", "0"], { encoding: "utf8", timeout: 20_000 });
    assert.equal(everywhere.status, 2, everywhere.stderr);
    assert.match(everywhere.stderr, /--host is empty/);
  } finally {
    await server.close();
  }
});

test("webhook: a flag another provider's check takes is refused; a missing header names the flag that gives it", () => {
  const body = JSON.stringify(JSON.parse(readFileSync(fixture("webhooks/meta/status-failed.json"), "utf8")).body);
  const foreign = cli(["webhook", "--provider", "1msg", "--secret", "s", "--signature", "x", "-"], body);
  assert.equal(foreign.code, 2);
  assert.match(foreign.stderr, /--signature is not part of 1msg's check \(it takes --url\)/);
  assert.equal(cli(["webhook", "--provider", "meta", "--secret", "s", "--timestamp", "1", "-"], body).code, 2);
  const missing = cli(["webhook", "--provider", "meta", "--secret", "s", "-"], body);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no X-Hub-Signature-256 header \(--signature\)/);
});

test("sandbox --webhook-disorder: its webhooks come twice as asked; a bad pair is a usage error", async () => {
  const posts = [];
  const hooks = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => (posts.push(body), response.end("ok")));
  });
  await new Promise((resolve) => hooks.listen(0, "127.0.0.1", resolve));
  const child = spawn(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--port", "0", "--json", "--webhook-url", `http://127.0.0.1:${hooks.address().port}/in`, "--webhook-disorder", "duplicate=1"]);
  try {
    const url = await new Promise((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("\n")) resolve(JSON.parse(out).url);
      });
      child.on("exit", (code) => reject(new Error(`the sandbox exited ${code}`)));
    });
    await fetch(`${url}/__sandbox/receive`, { method: "POST", body: JSON.stringify({ provider: "1msg", from: "+16505551234", text: "twice" }) });
    const deliveries = await fetch(`${url}/__sandbox/webhooks`).then((r) => r.json());
    assert.deepEqual(deliveries.map((d) => d.duplicate), [false, true]);
    assert.equal(deliveries[0].url, `http://127.0.0.1:${hooks.address().port}/in`);
    assert.equal(posts.length, 2);
    assert.equal(posts[0], posts[1], "the same bytes twice");
  } finally {
    child.kill();
    hooks.close();
  }
  const bad = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--port", "0", "--webhook-disorder", "duplicate=2"], { encoding: "utf8", timeout: 20_000 });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--webhook-disorder takes name=probability pairs \(duplicate, reorder, batch; 0 to 1\), got "duplicate=2"/);
  for (const pair of ["duplicate=", "duplicate=1=2", "duplicate"]) {
    const refused = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--port", "0", "--webhook-disorder", pair], { encoding: "utf8", timeout: 20_000 });
    assert.equal(refused.status, 2, pair);
  }
  const unknown = spawnSync(process.execPath, [`${root}pkg/bin/wabridge.mjs`, "sandbox", "--port", "0", "--webhook-disorder", "lost=0.5"], { encoding: "utf8", timeout: 20_000 });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown webhooks.disorder "lost"/);
});

test("convert --namespace: a Meta template to 1MSG's sendTemplate, which needs the namespace Meta's body does not carry", () => {
  const template = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "template", template: { name: "hello_world", language: { code: "en_US" } } });
  const without = cli(["convert", "--from", "meta", "--to", "1msg", "-"], template);
  assert.equal(without.code, 1, without.stderr);
  assert.match(without.stderr, /\/template +required: .*template\.namespace/);
  const given = cli(["convert", "--from", "meta", "--to", "1msg", "--namespace", "ca300906_cfbc_410b_99fb_dcee8e13d578", "-"], template);
  assert.equal(given.code, 0, given.stderr);
  assert.equal(JSON.parse(given.stdout).namespace, "ca300906_cfbc_410b_99fb_dcee8e13d578");
});

test("convert --project-id / --template-name: a Meta template to Bird by its Studio project, and back by its name", () => {
  const meta = { messaging_product: "whatsapp", to: "16505551234", type: "template", template: { name: "hello_world", language: { code: "en_US" } } };
  const without = cli(["convert", "--from", "meta", "--to", "bird", "-"], JSON.stringify(meta));
  assert.equal(without.code, 1, without.stderr);
  assert.match(without.stderr, /template\.projectId/);
  const projectId = "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318";
  const toBird = cli(["convert", "--from", "meta", "--to", "bird", "--project-id", projectId, "-"], JSON.stringify(meta));
  assert.equal(toBird.code, 0, toBird.stderr);
  assert.deepEqual(JSON.parse(toBird.stdout).template, { projectId, version: "latest", locale: "en-US" });
  assert.match(toBird.stderr, /lossy: \/template\/name/);
  const back = cli(["convert", "--from", "bird", "--to", "meta", "--template-name", "hello_world", "-"], toBird.stdout);
  assert.equal(back.code, 0, back.stderr);
  assert.deepEqual(JSON.parse(back.stdout).template, meta.template);
});
