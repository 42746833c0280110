#!/usr/bin/env node
// The wabridge command line. Exit codes: 0 ok, 1 invalid or rejected, 2 usage,
// 3 unsupported by the provider, 4 transport or provider error.
import { accessSync, constants, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import * as wabridge from "../node.mjs";

const PROVIDERS = ["meta", "bird", "1msg"];
const FORMATS = ["neutral", ...PROVIDERS];
const USAGE = `usage:
  wabridge validate --provider meta|bird|1msg [--op OPERATION] [--json] [FILE|-]
  wabridge convert --from neutral|meta|bird|1msg --to neutral|meta|bird|1msg [--op OPERATION] [--fit strict|truncate|adapt]
                   [--template-name NAME] [--namespace NS] [--project-id UUID [--project-version UUID]] [FILE|-]
  wabridge send --provider meta|bird|1msg [--native [--op METHOD]] [--options JSON] [--file PATH [--type MIME]] [FILE|-]
  wabridge call --provider meta|1msg --op METHOD [ID|FILE|-]
  wabridge contact-window --provider bird --contact CONTACT_ID [--identifier +E164]
  wabridge download --provider meta|bird|1msg (--url URL | --media-id ID) --out PATH|-
  wabridge webhook --provider meta|bird|1msg [--secret S --signature SIG [--timestamp T --url U] [--tolerance-seconds N|Infinity]] [FILE|-]
  wabridge sandbox [--port N] [--host 127.0.0.1] [--seed N] [--webhook-url URL] [--webhook-disorder duplicate=P,reorder=P,batch=P] [--status-delay-ms N] [--json]
  wabridge --version
  wabridge help

FILE is a JSON document (a provider-native request body, or a neutral message for
--from neutral and for send); "-" or no FILE reads standard input.
convert leaves out what the target cannot carry and says so on standard error, one line per
change with its pointer in FILE; --fit truncate shortens over-long text at grapheme boundaries,
--fit adapt also reshapes (buttons → list, carousel → one message per card: then a JSON array).
--template-name, --namespace, --project-id and --project-version name a template for the
target where FILE does not: Meta names it by name, 1MSG by namespace and name, Bird by its
Studio project (a Meta template has no namespace or project, a Bird template no name).
Content of a kind the target cannot carry exits 3.
send --native sends FILE as the provider's own body (Bird: templates by project, several
images, postbacks…; 1MSG: the body of --op METHOD, sendMessage by default — sendTemplate,
sendCarousel, sendProduct…); --options gives Bird's delivery options (scheduledFor, tags,
useCase…); --file PATH sends that file itself to 1MSG's sendFile (a multipart form), FILE
giving its other fields (phone or chatId, caption; filename defaults to PATH's name), --type
its MIME type where the name's extension does not say it.
call calls a client method other than a send, and prints its answer as JSON. 1MSG: status,
me, settings, commerce, outputIP, templates, extendedStatistics (no argument); statistics
[MM.YYYY], hookInfo MESSAGE_ID, removeTemplate NAME, deleteMedia MEDIA_ID, markRead
MESSAGE_ID; updateMe, updateSettings, updateCommerce, addTemplate, setWebhook FILE|- (its
JSON: the body; setWebhook's is the URL or a list of them), messages [FILE|-] (the query;
none without it). Meta: getMedia, deleteMedia MEDIA_ID, markRead MESSAGE_ID. Bird's other
call is contact-window.
contact-window says whether a Bird contact's customer-care window is open (exit 0) or only a
template may be sent (exit 1).
download saves the media of a customer's message to PATH ("-": standard output): a webhook's
media URL (Bird's mediaUrl, 1MSG's body link, Meta's URL from getMedia) or, for Meta, its
media id. Credentials go only to the provider's own media hosts or its BASE_URL (exit 2
otherwise, before any request); Bird's redirect to the file's storage is followed without them.
1MSG's media links are public: download --provider 1msg needs no credentials.
webhook reads a delivery's raw body into events (JSON on standard output). With --secret (or
WABRIDGE_WEBHOOK_SECRET) it first checks the delivery: Meta's X-Hub-Signature-256 (--signature);
Bird's messagebird-signature (--signature) with its timestamp (--timestamp) and the URL called
(--url); 1MSG signs nothing: --url is the webhook URL with its shared token. Exit 1 on a bad
signature or a body that is not the provider's webhook.
sandbox serves the three providers' emulation on loopback; --webhook-disorder makes each
webhook come twice, later than the provider's next one, or in one body with it (Meta, 1MSG)
with the given probability, as real deliveries do: a receiver must take all three.
send, call, contact-window and download (but for 1MSG's) take credentials from the environment: WABRIDGE_META_TOKEN, WABRIDGE_META_PHONE_NUMBER_ID;
WABRIDGE_BIRD_ACCESS_KEY, WABRIDGE_BIRD_WORKSPACE_ID, WABRIDGE_BIRD_CHANNEL_ID;
WABRIDGE_1MSG_TOKEN, WABRIDGE_1MSG_INSTANCE_ID; and WABRIDGE_<PROVIDER>_BASE_URL to point
at the sandbox or a proxy.`;

const EXIT = { ok: 0, invalid: 1, usage: 2, unsupported: 3, failed: 4 };

class UsageError extends Error {}

/** Input that is not what the command reads (not UTF-8 text, not JSON): exit 1, invalid. */
class InvalidInput extends Error {}

/** The raw bytes of FILE (or standard input): signatures are over the bytes as they came. */
async function readBytes(file) {
  if (file === undefined || file === "-") {
    if (process.stdin.isTTY) throw new UsageError("no input: pass a FILE or pipe the input to standard input");
    // Streamed, never readFileSync(0): touching process.stdin (isTTY above) makes a pipe
    // non-blocking, and a synchronous read of a pipe whose writer is still slow to write
    // (`(sleep 1; cat body.json) | wabridge …`) then fails with EAGAIN.
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return new Uint8Array(Buffer.concat(chunks));
  }
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  }
}

/** FILE (or standard input) as text: the JSON documents of validate, convert and send. Bytes
 *  that are not UTF-8 are refused, never read as U+FFFD (a send would deliver "Caf\uFFFD");
 *  a leading byte-order mark, which editors write and JSON does not read, is dropped. */
async function readInput(file) {
  const bytes = await readBytes(file);
  const name = file === undefined || file === "-" ? "standard input" : file;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    // Past the engine's longest string (~512 MiB in V8) the decoder fails too: not a matter of encoding.
    if (error instanceof RangeError || error?.code === "ERR_STRING_TOO_LONG") throw new InvalidInput(`${name} is too large to read as one document (${bytes.length} bytes)`);
    throw new InvalidInput(`${name} is not UTF-8 text`);
  }
}

/** The MIME type of a file WhatsApp takes, by its name's extension (`--file` without `--type`). */
const MIME_TYPES_BY_EXTENSION = Object.freeze({
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp",
  mp4: "video/mp4", "3gp": "video/3gpp",
  aac: "audio/aac", amr: "audio/amr", m4a: "audio/mp4", mp3: "audio/mpeg", ogg: "audio/ogg", opus: "audio/ogg",
  pdf: "application/pdf", txt: "text/plain",
  doc: "application/msword", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint", pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
});

/** A file's bytes, for an option that names one (`--file`). */
function readFileOf(option, path) {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${path}: ${error.code ?? error.message}`);
  }
}

/** A file's name with the extension of its type where it has none (1MSG types a file by it). */
function namedWithExtension(name, type) {
  if (extensionOf(name)) return name;
  const extension = Object.keys(MIME_TYPES_BY_EXTENSION).find((key) => MIME_TYPES_BY_EXTENSION[key] === type);
  return extension ? `${name}.${extension}` : name;
}

/** A file name's extension (`pdf` of `report.pdf`), if it has one. */
const extensionOf = (name) => /\.([^./\\]+)$/.exec(name)?.[1];

function mimeTypeOf(path) {
  const extension = extensionOf(path)?.toLowerCase();
  const type = extension && MIME_TYPES_BY_EXTENSION[extension];
  if (!type) throw new UsageError(`--file ${path}: its extension does not say a type WhatsApp takes; give --type`);
  return type;
}

function oneOf(name, value, allowed) {
  if (value === undefined) throw new UsageError(`--${name} is required`);
  if (!allowed.includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
  return value;
}

function printViolations(violations, stream = process.stdout) {
  for (const v of violations) {
    stream.write(`  ${v.path || "(the whole document)"}  ${v.code}${v.limit === undefined ? "" : ` (limit ${v.limit})`}: ${v.message}\n`);
  }
}

async function validate(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { provider: { type: "string" }, op: { type: "string" }, json: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const provider = oneOf("provider", values.provider, PROVIDERS);
  if (positionals.length > 1) throw new UsageError("validate takes one FILE");
  let body;
  try {
    body = await readInput(positionals[0]);
  } catch (error) {
    // `--json` promises one JSON document on standard output, whatever the input is.
    if (!(values.json && error instanceof InvalidInput)) throw error;
    process.stdout.write(`${JSON.stringify({ valid: false, errors: [{ path: "", code: "invalid_format", message: error.message }] })}\n`);
    return EXIT.invalid;
  }
  const violations = wabridge.validateProvider(provider, body, { operation: values.op });
  const valid = violations.length === 0;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ valid, errors: violations })}\n`);
  } else if (valid) {
    // The endpoint it was checked for: 1MSG's default method is sendMessage.
    process.stdout.write(`valid ${provider} ${values.op ?? (provider === "1msg" ? "sendMessage" : "messages")} body\n`);
  } else {
    process.stdout.write(`invalid ${provider} body: ${violations.length} violation${violations.length === 1 ? "" : "s"}\n`);
    printViolations(violations);
  }
  return valid ? EXIT.ok : EXIT.invalid;
}

async function convert(args) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      from: { type: "string" }, to: { type: "string" }, op: { type: "string" }, fit: { type: "string" },
      "template-name": { type: "string" }, namespace: { type: "string" }, "project-id": { type: "string" }, "project-version": { type: "string" },
    },
    allowPositionals: true,
  });
  const from = oneOf("from", values.from, FORMATS);
  const to = oneOf("to", values.to, FORMATS);
  const fit = values.fit === undefined ? undefined : oneOf("fit", values.fit, ["strict", "truncate", "adapt"]);
  if (positionals.length > 1) throw new UsageError("convert takes one FILE");
  const input = await readInput(positionals[0]);
  const template = { name: values["template-name"], namespace: values.namespace, projectId: values["project-id"], projectVersion: values["project-version"] };
  const { body, operation, changes, more } = wabridge.convert(from, to, input, { operation: values.op, fit, template });
  // A split (fit adapt: a carousel card by card) gives the bodies as one JSON array, in order.
  const output = more.length === 0 ? body : [body, ...more.map((part) => part.body)];
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  // 1MSG has a method per kind of content: say which one each body is for.
  if (to === "1msg" && from !== "1msg") {
    const methods = [operation, ...more.map((part) => part.operation)];
    process.stderr.write(`wabridge: 1msg method: ${methods.join(", ")}\n`);
  }
  // Nothing is changed silently: every field left out, text shortened or content reshaped.
  for (const change of changes) {
    const where = change.source ?? `${change.pointer} (of message ${change.part + 1})`;
    process.stderr.write(`wabridge: ${change.kind}: ${where || "/"}: ${change.message}\n`);
  }
  return EXIT.ok;
}

// Client options from the environment, per provider: [option, variable, required].
const CREDENTIALS = {
  meta: [["token", "WABRIDGE_META_TOKEN", true], ["phoneNumberId", "WABRIDGE_META_PHONE_NUMBER_ID", true], ["baseUrl", "WABRIDGE_META_BASE_URL", false]],
  bird: [["accessKey", "WABRIDGE_BIRD_ACCESS_KEY", true], ["workspaceId", "WABRIDGE_BIRD_WORKSPACE_ID", true], ["channelId", "WABRIDGE_BIRD_CHANNEL_ID", true], ["baseUrl", "WABRIDGE_BIRD_BASE_URL", false]],
  "1msg": [["token", "WABRIDGE_1MSG_TOKEN", true], ["instanceId", "WABRIDGE_1MSG_INSTANCE_ID", true], ["baseUrl", "WABRIDGE_1MSG_BASE_URL", false]],
};
const CLIENTS = { meta: wabridge.MetaClient, bird: wabridge.BirdClient, "1msg": wabridge.OneMsgClient };

/** The client of `provider`, its credentials from the environment. */
function clientFromEnvironment(command, provider) {
  const options = {};
  for (const [option, variable, required] of CREDENTIALS[provider]) {
    const value = process.env[variable];
    if (value) options[option] = value;
    else if (required) throw new UsageError(`${command} --provider ${provider} needs ${variable} in the environment`);
  }
  return new CLIENTS[provider](options);
}

function parseJson(what, text, Refusal = InvalidInput) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refusal(`${what} is not JSON: ${error.message}`);
  }
}

async function send(args) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      provider: { type: "string" }, native: { type: "boolean", default: false }, options: { type: "string" },
      op: { type: "string" }, file: { type: "string" }, type: { type: "string" },
    },
    allowPositionals: true,
  });
  const provider = oneOf("provider", values.provider, PROVIDERS);
  if (positionals.length > 1) throw new UsageError("send takes one FILE");
  if (values.native && provider === "meta") throw new UsageError("--native is for --provider bird and 1msg");
  if (values.options !== undefined && provider !== "bird") throw new UsageError("--options is for --provider bird");
  if (values.options !== undefined && values.native) {
    throw new UsageError("--options go with a neutral message; a --native Bird body carries its own (scheduledFor, tags, … in the body)");
  }
  if ((values.op ?? values.file ?? values.type) !== undefined && provider !== "1msg") {
    throw new UsageError("--op, --file and --type are for --provider 1msg");
  }
  if (values.type !== undefined && values.file === undefined) throw new UsageError("--type is the MIME type of --file");
  if (values.op !== undefined && !values.native && values.file === undefined) {
    throw new UsageError("--op names the 1MSG method of a --native body");
  }
  if (values.file !== undefined && (values.op ?? "sendFile") !== "sendFile") {
    throw new UsageError("--file goes to 1MSG's sendFile (--op sendFile or no --op)");
  }
  // Read before any request, so that a missing file is a usage error, not half a send.
  const file = values.file === undefined ? undefined : readFileOf("--file", values.file);
  const client = clientFromEnvironment("send", provider);
  const document = parseJson(values.native || file ? `the ${provider} body` : "the message", await readInput(positionals[0]));
  const options = values.options === undefined ? undefined : parseJson("--options", values.options, UsageError);
  let result;
  if (file) {
    // sendFile with the file itself (multipart): FILE gives the other fields; the file's
    // name is its own unless FILE names it.
    const type = values.type ?? mimeTypeOf(values.file);
    result = await client.sendFile(file, { filename: namedWithExtension(basename(values.file), type), ...document }, { type });
  } else if (values.native) {
    result = provider === "1msg" ? await client.sendBody(values.op ?? "sendMessage", document) : await client.sendBody(document);
  } else {
    result = await client.send(document, options);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  for (const warning of result.warnings ?? []) process.stderr.write(`wabridge: warning: ${warning}\n`);
  return EXIT.ok;
}

/**
 * The methods `call` reaches, per provider, by what each takes: nothing, an id (or name, or
 * date) given on the command line, or a JSON document (FILE, or standard input) — `optional`
 * where the method takes it or not.
 */
const CALLS = {
  meta: { getMedia: "id", deleteMedia: "id", markRead: "id" },
  "1msg": {
    status: "none", me: "none", settings: "none", commerce: "none", outputIP: "none", templates: "none", extendedStatistics: "none",
    statistics: "optional id", hookInfo: "id", removeTemplate: "id", deleteMedia: "id", markRead: "id",
    updateMe: "json", updateSettings: "json", updateCommerce: "json", addTemplate: "json", setWebhook: "json", messages: "optional json",
  },
};

async function call(args) {
  const { values, positionals } = parseArgs({ args, options: { provider: { type: "string" }, op: { type: "string" } }, allowPositionals: true });
  const provider = oneOf("provider", values.provider, Object.keys(CALLS));
  const method = oneOf("op", values.op, Object.keys(CALLS[provider]));
  const takes = CALLS[provider][method];
  if (positionals.length > 1) throw new UsageError(`call --op ${method} takes one argument`);
  const [given] = positionals;
  let argument;
  if (takes === "none") {
    if (given !== undefined) throw new UsageError(`call --op ${method} takes no argument`);
  } else if (takes.endsWith("id")) {
    if (given === undefined && takes === "id") throw new UsageError(`call --op ${method} takes the id (or name) to act on`);
    argument = given;
  } else if (given !== undefined || takes === "json") {
    argument = parseJson(`the ${method} document`, await readInput(given));
  }
  const client = clientFromEnvironment("call", provider);
  const result = await (argument === undefined ? client[method]() : client[method](argument)).catch((error) => {
    // A document of the wrong shape (an array where the method takes an object) is bad
    // input, as a document the method's own checks refuse is: exit 1, not a usage error.
    throw takes.endsWith("json") && error instanceof wabridge.ArgumentError ? new InvalidInput(`the ${method} document: ${error.message}`) : error;
  });
  process.stdout.write(`${JSON.stringify(result ?? null)}\n`);
  return EXIT.ok;
}

async function contactWindow(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { provider: { type: "string" }, contact: { type: "string" }, identifier: { type: "string" } },
    allowPositionals: true,
  });
  oneOf("provider", values.provider, ["bird"]);
  if (positionals.length) throw new UsageError("contact-window takes no FILE");
  if (values.contact === undefined) throw new UsageError("--contact is required");
  const client = clientFromEnvironment("contact-window", "bird");
  const channel = await client.getContactChannel(values.contact, { contactIdentifierValue: values.identifier });
  process.stdout.write(`${JSON.stringify(channel)}\n`);
  return channel.serviceWindowOpen ? EXIT.ok : EXIT.invalid;
}

async function download(args) {
  const { values, positionals } = parseArgs({
    args,
    options: { provider: { type: "string" }, url: { type: "string" }, "media-id": { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
  });
  const provider = oneOf("provider", values.provider, PROVIDERS);
  if (positionals.length) throw new UsageError("download takes no FILE");
  if ((values.url === undefined) === (values["media-id"] === undefined)) throw new UsageError("download takes one of --url and --media-id");
  if (values["media-id"] !== undefined && provider !== "meta") throw new UsageError("--media-id is for --provider meta (Bird and 1MSG give media by URL)");
  if (values.out === undefined) throw new UsageError("--out PATH is required (\"-\" for standard output)");
  // 1MSG's links are public and fetched without the token: no client, so no credentials needed.
  const client = provider === "1msg" ? undefined : clientFromEnvironment("download", provider);
  // A path that cannot be written is a usage error before anything is downloaded; nothing at
  // PATH is touched until the file is here.
  const out = values.out === "-" ? undefined : values.out;
  if (out !== undefined) writable(out);
  const url = values.url ?? (await client.getMedia(values["media-id"])).url;
  const file = client ? await client.downloadMedia(url) : await wabridge.OneMsgClient.downloadMedia(url);
  if (out !== undefined) writeWhole(out, file.bytes);
  if (out === undefined) process.stdout.write(file.bytes);
  else process.stdout.write(`${JSON.stringify({ mimeType: file.mimeType, size: file.bytes.length, out: values.out })}\n`);
  return EXIT.ok;
}

/** Refuses a --out PATH that cannot be written, without creating or truncating it. */
function writable(path) {
  const existing = statSync(path, { throwIfNoEntry: false });
  try {
    if (existing?.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
    accessSync(existing ? path : dirname(resolve(path)), constants.W_OK);
  } catch (error) {
    throw new UsageError(`--out ${path}: ${error.code ?? error.message} (cannot write there)`);
  }
}

/** Writes `bytes` to PATH whole or not at all: a regular file through a file beside it, renamed
 *  over it once written (what was there stays if anything fails); a device or a pipe is
 *  written into, never replaced. */
function writeWhole(path, bytes) {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    writeFileSync(path, bytes);
    return;
  }
  const part = `${path}.${process.pid}.part`;
  try {
    writeFileSync(part, bytes, { flag: "wx" });
    renameSync(part, path);
  } catch (error) {
    try {
      unlinkSync(part);
    } catch {}
    throw error;
  }
}

async function sandbox(args) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "8787" }, host: { type: "string", default: "127.0.0.1" }, seed: { type: "string" },
      "webhook-url": { type: "string" }, "webhook-disorder": { type: "string" }, "status-delay-ms": { type: "string" }, json: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError("sandbox takes no FILE");
  // Decimal digits only: Number() also reads "" (0), "1e3" and "0x1F90".
  const number = (name, value) => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`--${name} must be a whole number (got ${JSON.stringify(value)})`);
    return Number(value);
  };
  // An empty host (an unset "$HOST") would listen on every interface, and the sandbox hands
  // out its webhook secrets at /__sandbox/config: never by accident.
  if (!values.host.trim()) throw new UsageError('--host is empty: give the address to listen on (127.0.0.1, or 0.0.0.0 for every interface)');
  // "duplicate=0.2,reorder=0.1": how often a webhook comes twice, out of order or batched.
  const disorder = (value) => {
    if (value === undefined) return undefined;
    return Object.fromEntries(value.split(",").map((pair) => {
      const [name, probability, ...extra] = pair.split("=");
      const p = Number(probability);
      if (!name || !probability?.trim() || extra.length || !(p >= 0 && p <= 1)) throw new UsageError(`--webhook-disorder takes name=probability pairs (duplicate, reorder, batch; 0 to 1), got ${JSON.stringify(pair)}`);
      return [name.trim(), p];
    }));
  };
  // Loaded here, not at the top: the sandbox is its own subpath (wabridge/sandbox), and the
  // other commands do not need it.
  const { createSandbox, serveSandbox } = await import("../sandbox/node.mjs");
  let sandboxed;
  try {
    sandboxed = createSandbox({
      seed: number("seed", values.seed),
      statusDelayMs: number("status-delay-ms", values["status-delay-ms"]),
      webhooks: { url: values["webhook-url"], disorder: disorder(values["webhook-disorder"]) },
    });
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new UsageError(error.message);
  }
  const port = number("port", values.port);
  if (port > 65535) throw new UsageError(`--port must be 0 to 65535 (got ${port})`);
  let server;
  try {
    server = await serveSandbox(sandboxed, { port, host: values.host });
  } catch (error) {
    // The address is the operator's to change: one line, not a stack.
    const why = { EADDRINUSE: "is in use (give another --port)", EADDRNOTAVAIL: "is not this machine's (check --host)", EACCES: "needs privileges (give a --port above 1023)", ENOTFOUND: "is not a host (check --host)" }[error?.code];
    if (!why) throw error;
    throw new UsageError(`${values.host}:${port} ${why}`);
  }
  // What GET /__sandbox/config answers: the clients' options, and the sandbox's own test
  // secrets its webhooks are signed with (never one from the environment: it reads none).
  const { webhookSecrets, ...config } = sandboxed.config(server.url);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: server.url, ...config, webhookSecrets })}\n`);
  } else {
    process.stdout.write(`wabridge sandbox listening on ${server.url}\n`);
    for (const [provider, options] of Object.entries(config)) process.stdout.write(`  ${provider.padEnd(5)} ${JSON.stringify(options)}\n`);
    process.stdout.write(
      `  webhooks signed with (sandbox test secrets): meta app secret ${JSON.stringify(webhookSecrets.meta)} (X-Hub-Signature-256), ` +
        `bird signing key ${JSON.stringify(webhookSecrets.bird)} (messagebird-signature); 1msg signs none\n`,
    );
    process.stdout.write(`  inspect: GET ${server.url}/__sandbox/messages | /webhooks | /media | /config; POST /__sandbox/receive | /faults\n`);
  }
  await new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return EXIT.ok;
}

/** The headers each provider signs with, from --signature and --timestamp. */
const SIGNATURE_HEADERS = {
  meta: (v) => ({ "x-hub-signature-256": v.signature }),
  bird: (v) => ({ "messagebird-signature": v.signature, "messagebird-request-timestamp": v.timestamp }),
  "1msg": () => ({}),
};

async function webhook(args) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      provider: { type: "string" }, secret: { type: "string" }, signature: { type: "string" }, timestamp: { type: "string" },
      url: { type: "string" }, "tolerance-seconds": { type: "string" },
    },
    allowPositionals: true,
  });
  const provider = oneOf("provider", values.provider, PROVIDERS);
  if (positionals.length > 1) throw new UsageError("webhook takes one FILE");
  const secret = values.secret ?? process.env.WABRIDGE_WEBHOOK_SECRET;
  const verifying = ["signature", "timestamp", "url", "tolerance-seconds"].filter((name) => values[name] !== undefined);
  if (!secret && verifying.length > 0) throw new UsageError(`--${verifying[0]} checks a delivery: give --secret (or WABRIDGE_WEBHOOK_SECRET) too`);
  // Each provider's check takes its own flags: one given to another is a mistake, not ignored.
  const takes = { meta: ["signature"], bird: ["signature", "timestamp", "url", "tolerance-seconds"], "1msg": ["url"] }[provider];
  const foreign = verifying.find((name) => !takes.includes(name));
  if (foreign) throw new UsageError(`--${foreign} is not part of ${provider}'s check (it takes ${takes.map((name) => `--${name}`).join(", ")})`);
  const tolerance = values["tolerance-seconds"];
  // "Infinity" checks the signature whatever its age (a delivery replayed from a log).
  if (tolerance !== undefined && !/^(\d+|Infinity)$/.test(tolerance)) throw new UsageError("--tolerance-seconds is a whole number of seconds, or Infinity");
  const body = await readBytes(positionals[0]);
  let events;
  try {
    if (secret) {
      const headers = Object.fromEntries(Object.entries(SIGNATURE_HEADERS[provider](values)).filter(([, v]) => v !== undefined));
      events = wabridge.receiveWebhook(provider, { body, headers, url: values.url }, { secret, toleranceSeconds: tolerance === undefined ? undefined : Number(tolerance) });
    } else {
      events = wabridge.readWebhook(provider, body);
    }
  } catch (error) {
    if (!(error instanceof wabridge.SignatureError || error instanceof wabridge.WebhookError)) throw error;
    // Something missing that a flag gives: the first of the check's flags not given (the core
    // checks them in that order).
    const absent = error.reason === "missing" ? takes.find((name) => name !== "tolerance-seconds" && values[name] === undefined) : undefined;
    const hint = absent ? ` (--${absent})` : "";
    process.stderr.write(`wabridge: ${error.message}${hint}\n`);
    return EXIT.invalid;
  }
  process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
  return EXIT.ok;
}

const commands = { validate, convert, send, call, "contact-window": contactWindow, download, webhook, sandbox };

/** What a usage error prints after its own line: the help is long, and the error is what the
 *  reader needs to see; the help is one command away. */
const USAGE_HINT = "run `wabridge --help` for usage";

async function main(argv) {
  const [command, ...rest] = argv;
  // `wabridge validate --help` asks for help too (options after a bare `--` are FILE names).
  const options = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (command === "help" || command === "--help" || command === "-h" || (commands[command] && (options.includes("--help") || options.includes("-h")))) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  // No command at all: the full help, as a usage error (exit 2) on standard error.
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT.usage;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    // The version of the installed package (build.mjs writes Cargo.toml's version there).
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    process.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  const handler = commands[command];
  if (!handler) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  return handler(rest);
}

let code;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || String(error?.code).startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`wabridge: ${error.message}\n${USAGE_HINT}\n`);
    code = EXIT.usage;
  } else if (error instanceof InvalidInput) {
    process.stderr.write(`wabridge: invalid: ${error.message}\n`);
    code = EXIT.invalid;
  } else if (error instanceof wabridge.ValidationError) {
    process.stderr.write(`wabridge: invalid: ${error.violations.length} violation${error.violations.length === 1 ? "" : "s"}\n`);
    printViolations(error.violations, process.stderr);
    code = EXIT.invalid;
  } else if (error instanceof wabridge.UnsupportedError) {
    process.stderr.write(`wabridge: ${error.message}\n`);
    code = EXIT.unsupported;
  } else if (error instanceof wabridge.ArgumentError) {
    process.stderr.write(`wabridge: ${error.message}\n${USAGE_HINT}\n`);
    code = EXIT.usage;
  } else if (error instanceof wabridge.ProviderError || error instanceof wabridge.TransportError || error instanceof wabridge.UnexpectedResponseError) {
    process.stderr.write(`wabridge: ${error.message}\n`);
    code = EXIT.failed;
  } else {
    throw error;
  }
}
process.exitCode = code;
