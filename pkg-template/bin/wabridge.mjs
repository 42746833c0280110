#!/usr/bin/env node
// The wabridge command line. Exit codes: 0 ok, 1 invalid or rejected, 2 usage,
// 3 unsupported by the provider, 4 transport or provider error.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as wabridge from "../node.mjs";

const PROVIDERS = ["meta", "bird", "1msg"];
const FORMATS = ["neutral", ...PROVIDERS];
const USAGE = `usage:
  wabridge validate --provider meta|bird|1msg [--op OPERATION] [--json] [FILE|-]
  wabridge convert --from neutral|meta|bird|1msg --to neutral|meta|bird|1msg [--op OPERATION] [FILE|-]
  wabridge help

FILE is a JSON document (a provider-native request body, or a neutral message for
--from neutral); "-" or no FILE reads standard input.`;

const EXIT = { ok: 0, invalid: 1, usage: 2, unsupported: 3, failed: 4 };

class UsageError extends Error {}

function readInput(file) {
  if (file === undefined || file === "-") {
    if (process.stdin.isTTY) throw new UsageError("no input: pass a FILE or pipe JSON to standard input");
    return readFileSync(0, "utf8");
  }
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  }
}

function oneOf(name, value, allowed) {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
  return value;
}

function printViolations(violations, stream = process.stdout) {
  for (const v of violations) {
    stream.write(`  ${v.path || "/"}  ${v.code}${v.limit === undefined ? "" : ` (limit ${v.limit})`}: ${v.message}\n`);
  }
}

function validate(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { provider: { type: "string" }, op: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const provider = oneOf("provider", values.provider, PROVIDERS);
  if (positionals.length > 1) throw new UsageError("validate takes one FILE");
  const body = readInput(positionals[0]);
  const violations = wabridge.validateProvider(provider, body, { operation: values.op });
  const valid = violations.length === 0;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ valid, errors: violations })}\n`);
  } else if (valid) {
    process.stdout.write(`valid ${provider} ${values.op ?? "messages"} body\n`);
  } else {
    process.stdout.write(`invalid ${provider} body: ${violations.length} violation${violations.length === 1 ? "" : "s"}\n`);
    printViolations(violations);
  }
  return valid ? EXIT.ok : EXIT.invalid;
}

function convert(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { from: { type: "string" }, to: { type: "string" }, op: { type: "string" } },
    allowPositionals: true,
  });
  const from = oneOf("from", values.from, FORMATS);
  const to = oneOf("to", values.to, FORMATS);
  if (positionals.length > 1) throw new UsageError("convert takes one FILE");
  const input = readInput(positionals[0]);
  let message;
  if (from === "neutral") {
    // Validated even when converting neutral to neutral: the output is meant to be sent.
    const violations = wabridge.validate(input);
    if (violations.length) throw new wabridge.ValidationError("invalid message", { code: "ERR_VALIDATION", violations });
    message = JSON.parse(input);
  } else {
    message = wabridge.fromProvider(from, input, { operation: values.op });
  }
  const output = to === "neutral" ? message : wabridge.toProvider(to, message);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return EXIT.ok;
}

const commands = { validate, convert };

function main(argv) {
  const [command, ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const handler = commands[command];
  if (!handler) throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : "no command");
  return handler(rest);
}

let code;
try {
  code = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || String(error?.code).startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`wabridge: ${error.message}\n${USAGE}\n`);
    code = EXIT.usage;
  } else if (error instanceof wabridge.ValidationError) {
    process.stderr.write(`wabridge: invalid: ${error.violations.length} violation${error.violations.length === 1 ? "" : "s"}\n`);
    printViolations(error.violations, process.stderr);
    code = EXIT.invalid;
  } else if (error instanceof wabridge.UnsupportedError) {
    process.stderr.write(`wabridge: ${error.message}\n`);
    code = EXIT.unsupported;
  } else if (error instanceof wabridge.ArgumentError) {
    process.stderr.write(`wabridge: ${error.message}\n${USAGE}\n`);
    code = EXIT.usage;
  } else if (error instanceof wabridge.ProviderError || error instanceof wabridge.TransportError || error instanceof wabridge.UnexpectedResponseError) {
    process.stderr.write(`wabridge: ${error.message}\n`);
    code = EXIT.failed;
  } else {
    throw error;
  }
}
process.exitCode = code;
