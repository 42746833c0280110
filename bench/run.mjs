#!/usr/bin/env node
// `npm run bench`: every speed and size figure of issue 8, in one Node process, each printed
// next to its target as a ratio against whatsapp-api-js or the floor measured in the same run.
// Figures only: nothing is asserted here (timings flake; the size budget is a test,
// tests/js/size.test.mjs). Method: 2000 warm-up calls, then batches for one second.
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAIN_ENTRY_BUDGET_BYTES, mainEntrySize } from "../scripts/entry-size.mjs";
import { mix, waMix, TO } from "./messages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = join(root, "pkg");

// Import + init: the first import reads, compiles and instantiates the wasm synchronously.
const importStart = performance.now();
const wabridge = await import(join(pkg, "node.mjs"));
const importMs = performance.now() - importStart;
const { WhatsAppAPI } = await import("whatsapp-api-js");

function measure(fn, ms = 1000) {
  for (let i = 0; i < 2000; i++) fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 200; i++) fn();
    calls += 200;
    now = performance.now();
  }
  return calls / ((now - start) / 1000);
}

async function measureAsync(fn, ms = 1000) {
  for (let i = 0; i < 2000; i++) await fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) await fn();
    calls += 100;
    now = performance.now();
  }
  return calls / ((now - start) / 1000);
}

const rows = [];
const rate = (n) => `${Math.round(n).toLocaleString("en-US")}/s`;
function report(name, ours, theirs, against, target) {
  const ratio = ours / theirs;
  rows.push([name, rate(ours), `${against} ${rate(theirs)}`, `${ratio.toFixed(2)}×`, `≥ ${target}×`, ratio >= target ? "met" : "NOT met"]);
}

// The request body whatsapp-api-js's sendMessage builds, as JSON text.
const waBody = (message) =>
  JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: TO, type: message._type, [message._type]: message });

// Every wabridge output must equal the expected Meta body before anything is timed.
const expected = mix.map((m) => wabridge.toProvider("meta", m));
mix.forEach((m, i) => {
  const out = JSON.parse(wabridge.toProviderJson("meta", JSON.stringify(m)));
  if (JSON.stringify(out) !== JSON.stringify(expected[i])) throw new Error(`mix[${i}]: ${JSON.stringify(out)}`);
});

// 1. One message at a time, validated and serialized (JSON text in, wire JSON text out).
const text = mix[0];
const waText = () => waBody(waMix[0]());
report("text: toProviderJson(JSON.stringify(msg))", measure(() => wabridge.toProviderJson("meta", JSON.stringify(text))), measure(waText), "whatsapp-api-js", 0.5);
let cursor = 0;
const next = () => (cursor = (cursor + 1) % mix.length);
const waOne = () => waBody(waMix[next()]());
report("mix: toProviderJson(JSON.stringify(msg))", measure(() => wabridge.toProviderJson("meta", JSON.stringify(mix[next()]))), measure(waOne), "whatsapp-api-js", 0.5);

// 2. The bulk path: 1000 messages of the mix per call; rates are per message.
const batch = Array.from({ length: 1000 }, (_, i) => mix[i % mix.length]);
const lines = batch.map((m) => JSON.stringify(m)).join("\n");
const perMessage = (fn) => measure(fn, 1000) * batch.length;
const waBatch = () => batch.map((_, i) => waBody(waMix[i % waMix.length]()));
const bulkCheck = wabridge.toProviderMany("meta", batch);
if (bulkCheck.some((r, i) => JSON.stringify(r.body) !== JSON.stringify(expected[i % mix.length]))) throw new Error("bulk output differs");
const waBulk = perMessage(waBatch);
report("bulk, mix: toProviderMany(array of 1000)", perMessage(() => wabridge.toProviderMany("meta", batch)), waBulk, "whatsapp-api-js", 2);
report("bulk, mix: toProviderMany(1000 JSON lines)", perMessage(() => wabridge.toProviderMany("meta", lines)), waBulk, "whatsapp-api-js", 2);

// 3. A send through MetaClient with an instant in-process fetch answering a canned success,
// against the floor: JSON.stringify the body, new Response, json().
const canned = JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: TO, wa_id: TO }], messages: [{ id: "wamid.BENCH" }] });
const answer = () => new Response(canned, { status: 200, headers: { "content-type": "application/json" } });
const instantFetch = async () => answer();
const client = new wabridge.MetaClient({ token: "BENCH-TOKEN", phoneNumberId: "1234567890", fetch: instantFetch });
if ((await client.send(text)).messageId !== "wamid.BENCH") throw new Error("send did not decode the canned answer");
const floor = await measureAsync(async () => (await instantFetch("https://graph.facebook.com", { method: "POST", body: JSON.stringify(expected[0]) })).json());
report("MetaClient.send(text), instant fetch", await measureAsync(() => client.send(text)), floor, "floor", 0.8);
const wa = new WhatsAppAPI({ token: "BENCH-TOKEN", secure: false, ponyfill: { fetch: instantFetch } });
const waSend = await measureAsync(() => wa.sendMessage("1234567890", TO, waMix[0]()));
rows.push(["(whatsapp-api-js sendMessage, same fetch)", rate(waSend), `floor ${rate(floor)}`, `${(waSend / floor).toFixed(2)}×`, "", ""]);

// 4. Webhooks in: a 2 KB Meta delivery (a customer's text, escaped as Meta escapes it),
// verified (X-Hub-Signature-256 over the raw bytes) and read into events, against
// whatsapp-api-js's post() of the same body (WebCrypto verification, its own JSON.parse).
const appSecret = "bench-app-secret";
const customerText = "Olá! Is the blue one still available in size M? I would like two of them, delivered to Lisbon by Friday if possible — thanks! ".repeat(12).slice(0, 1400);
const hookBody = JSON.stringify({
  object: "whatsapp_business_account",
  entry: [{ id: "102290129340398", changes: [{ field: "messages", value: {
    messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
    contacts: [{ profile: { name: "Sheena Nelson" }, wa_id: "16505551234" }],
    messages: [{ from: "16505551234", id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", timestamp: "1749416383", type: "text", text: { body: customerText } }],
  } }] }],
}).replace(/\//g, "\\/").replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
const { createHmac } = await import("node:crypto");
const hookHeaders = { "x-hub-signature-256": `sha256=${createHmac("sha256", appSecret).update(hookBody).digest("hex")}` };
const hookBytes = new TextEncoder().encode(hookBody);
const receive = () => wabridge.receiveWebhook("meta", { body: hookBytes, headers: hookHeaders }, { secret: appSecret });
if (receive()[0]?.text !== customerText) throw new Error("the webhook did not read back");
const waHooks = new WhatsAppAPI({ token: "BENCH-TOKEN", appSecret, ponyfill: { fetch: instantFetch } });
let waRead = 0;
waHooks.on.message = ({ message }) => void (waRead += message.text.body.length);
await waHooks.post(JSON.parse(hookBody), hookBody, hookHeaders["x-hub-signature-256"]);
if (waRead !== customerText.length) throw new Error("whatsapp-api-js did not read the webhook");
const ourHooks = measure(receive);
const theirHooks = await measureAsync(() => waHooks.post(JSON.parse(hookBody), hookBody, hookHeaders["x-hub-signature-256"]));
// The floor: what the least a Node handler can do costs — node:crypto's native HMAC and V8's
// JSON.parse, no events built at all.
const hooksFloor = measure(() => {
  const mac = createHmac("sha256", appSecret).update(hookBytes).digest("hex");
  if (`sha256=${mac}` !== hookHeaders["x-hub-signature-256"]) throw new Error("floor: signature");
  return JSON.parse(hookBody);
});
const HOOKS_TARGET = 200_000;
rows.push([`webhook: verify + read a ${(hookBytes.length / 1024).toFixed(1)} KB Meta body`, rate(ourHooks), `whatsapp-api-js post() ${rate(theirHooks)}`, `${(ourHooks / theirHooks).toFixed(2)}×`, `≥ ${rate(HOOKS_TARGET)}`, ourHooks >= HOOKS_TARGET ? "met" : "NOT met"]);
rows.push(["(floor: node:crypto HMAC + JSON.parse)", rate(hooksFloor), "", "", "", ""]);

// 5. Memory: the wasm heap over 1 M calls (the mix, one message at a time). node.mjs is one
// bundled file that keeps its instance to itself; the browser entry's module graph (the same
// glue and wasm) hands its instance's exports back from init(), memory included.
const browserEntry = await import(join(pkg, "browser.mjs"));
const { memory } = await browserEntry.init({ module_or_path: readFileSync(join(pkg, "wasm", "wabridge_bg.wasm")) });
const before = memory.buffer.byteLength;
for (let i = 0; i < 1_000_000; i++) browserEntry.toProviderJson("meta", JSON.stringify(mix[i % mix.length]));
const grown = memory.buffer.byteLength - before;

// 6. Size: what `import "wabridge"` downloads in a browser (tests/js/size.test.mjs guards it).
const entry = await mainEntrySize(pkg);

const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(`wabridge benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(width[c]) : cell.padStart(width[c]))).join("  "));
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
console.log();
console.log(`import + init (node.mjs: read, compile, instantiate): ${importMs.toFixed(1)} ms, target ≤ 10 ms: ${importMs <= 10 ? "met" : "NOT met"}`);
console.log(`wasm memory over 1 M calls: +${grown} bytes (${before} → ${memory.buffer.byteLength}), target within one 64 KiB page: ${grown <= 65536 ? "met" : "NOT met"}`);
console.log(`main entry (import "wabridge" in a browser, ${entry.files.length} files, gzip -9): ${kb(entry.gzip)}, target ≤ ${kb(MAIN_ENTRY_BUDGET_BYTES)}: ${entry.gzip <= MAIN_ENTRY_BUDGET_BYTES ? "met" : "NOT met"}`);
for (const file of entry.files) console.log(`  ${file.path.padEnd(40)} ${kb(file.gzip).padStart(9)}`);
