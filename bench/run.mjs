#!/usr/bin/env node
// `npm run bench`: throughput of building + validating + serializing messages, in one Node
// process, against whatsapp-api-js and against the floor (JSON.stringify of a prebuilt
// payload); both wasm boundary strategies; package size (gzip) and import + init time.
// Prints figures and ratios; targets are compared, never asserted (timings flake).
import { performance } from "node:perf_hooks";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { MAIN_ENTRY_BUDGET_BYTES, kb as siKb, mainEntrySize } from "../scripts/entry-size.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = join(root, "pkg");

// Import + init: the first import compiles and instantiates the wasm synchronously.
const importStart = performance.now();
const wabridge = await import(join(pkg, "node.mjs"));
const importMs = performance.now() - importStart;
const wa = await import("whatsapp-api-js/messages");

// The serde-wasm-bindgen boundary is not in the published package (JSON text won; see
// BENCHMARKS.md); a build with feature bench-serde-boundary provides it for the comparison.
async function serdeBoundaryBuild() {
  const out = join(root, "target", "bench-pkg");
  const wasm = join(root, "target", "bench", "wasm32-unknown-unknown", "release", "wabridge.wasm");
  const log = (line) => console.error(`[bench] ${line}`);
  log("building the serde-wasm-bindgen variant (feature bench-serde-boundary)");
  execFileSync("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "--features", "bench-serde-boundary", "--target-dir", join(root, "target", "bench")], { cwd: root, stdio: "inherit" });
  execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", out, wasm], { cwd: root, stdio: "inherit" });
  const glue = await import(join(out, "wabridge.js"));
  glue.initSync({ module: readFileSync(join(out, "wabridge_bg.wasm")) });
  return glue;
}
const variant = await serdeBoundaryBuild();
const { Text } = wa;

const TO = "16505551234";
const BODY = "Hello! Your order #4512 has shipped and will arrive on Thursday. Track it at https://example.com/t/4512 👋";

const neutral = { to: TO, content: { type: "text", body: BODY, previewUrl: true } };
const prebuilt = { messaging_product: "whatsapp", to: TO, type: "text", text: { body: BODY, preview_url: true } };

// whatsapp-api-js builds the request object as its sendMessage does, then JSON.stringify.
function whatsappApiJs() {
  const message = new Text(BODY, true);
  const request = { messaging_product: "whatsapp", recipient_type: "individual", to: TO, type: message._type, [message._type]: message };
  return JSON.stringify(request);
}

const cases = [
  ["floor: JSON.stringify(prebuilt payload)", () => JSON.stringify(prebuilt)],
  ["whatsapp-api-js: new Text + JSON.stringify", whatsappApiJs],
  ["wabridge, JSON text boundary: toProviderJson(JSON.stringify(msg))", () => wabridge.toProviderJson("meta", JSON.stringify(neutral))],
  ["wabridge, object boundary via JSON: JSON.stringify(toProvider(msg))", () => JSON.stringify(wabridge.toProvider("meta", neutral))],
  ["wabridge, serde-wasm-bindgen boundary: JSON.stringify(toProviderViaSerde(msg))", () => JSON.stringify(variant.toProviderViaSerde("meta", neutral))],
  ["(same build as the line above) JSON text boundary", () => variant.toProviderJson("meta", JSON.stringify(neutral))],
];

// Outputs must agree before anything is timed.
const expected = JSON.parse(JSON.stringify(prebuilt));
for (const [name, fn] of cases.slice(2, 4)) {
  const out = JSON.parse(fn());
  if (JSON.stringify(out) !== JSON.stringify(expected)) throw new Error(`${name} produced ${JSON.stringify(out)}`);
}

function measure(fn, ms = 1000) {
  for (let i = 0; i < 2000; i++) fn(); // warm up (JIT, wasm tiering)
  let iterations = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 500; i++) fn();
    iterations += 500;
    now = performance.now();
  }
  return iterations / ((now - start) / 1000);
}

function table(title, rates) {
  console.log(title);
  const baseline = rates[1][1];
  const floor = rates[0][1];
  const width = Math.max(...rates.map(([n]) => n.length));
  console.log(`${"case".padEnd(width)}  ${"msgs/s".padStart(11)}  vs whatsapp-api-js  vs floor`);
  for (const [name, rate] of rates) {
    console.log(`${name.padEnd(width)}  ${Math.round(rate).toLocaleString("en-US").padStart(11)}  ${(rate / baseline).toFixed(2).padStart(16)}×  ${(rate / floor).toFixed(2).padStart(7)}×`);
  }
  return { baseline, rates };
}

console.log(`wabridge benchmark — Node ${process.version}\n`);
const text = table(`text messages (${BODY.length} UTF-16 units)`, cases.map(([name, fn]) => [name, measure(fn)]));
const [jsonRate, , serdeRate, jsonSameBuild] = text.rates.slice(2).map(([, r]) => r);
console.log(`\nboundary strategies (same build): JSON text ${(jsonSameBuild / serdeRate).toFixed(2)}× serde-wasm-bindgen (default: ${jsonSameBuild >= serdeRate ? "JSON text" : "serde-wasm-bindgen"})`);

// The mix: text, list, reply buttons, template and media, the same five for both libraries.
const TO_MIX = "+16505551234";
const mix = [
  { to: TO_MIX, content: { type: "text", body: BODY } },
  {
    to: TO_MIX,
    content: {
      type: "list", header: { type: "text", text: "Shipping options" }, body: "Choose how fast", button: "Options",
      sections: [
        { title: "Fast", rows: [{ id: "express", title: "Express", description: "Next day" }] },
        { title: "Cheap", rows: [{ id: "ground", title: "Ground", description: "3-5 days" }, { id: "pickup", title: "Pick up" }] },
      ],
    },
  },
  {
    to: TO_MIX,
    content: {
      type: "replyButtons", header: { type: "text", text: "Delivery" }, body: "When should we deliver?", footer: "Reply to choose",
      buttons: [{ id: "today", title: "Today" }, { id: "tomorrow", title: "Tomorrow" }, { id: "later", title: "Pick a day" }],
    },
  },
  {
    to: TO_MIX,
    content: {
      type: "template", name: "order_update", language: { code: "en_US", policy: "deterministic" },
      components: [
        { type: "header", parameters: [{ type: "image", link: "https://example.com/media/p.jpg" }] },
        { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "currency", fallbackValue: "$100.99", code: "USD", amount1000: 100990 }, { type: "dateTime", fallbackValue: "Thursday" }] },
        { type: "button", subType: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "TRACK" }] },
      ],
    },
  },
  { to: TO_MIX, content: { type: "image", link: "https://example.com/media/receipt.jpg", caption: "Your receipt" } },
];
const waMix = [
  () => new Text(BODY),
  () => new wa.Interactive(
    new wa.ActionList("Options", new wa.ListSection("Fast", new wa.Row("express", "Express", "Next day")), new wa.ListSection("Cheap", new wa.Row("ground", "Ground", "3-5 days"), new wa.Row("pickup", "Pick up"))),
    new wa.Body("Choose how fast"), new wa.Header("Shipping options"),
  ),
  () => new wa.Interactive(
    new wa.ActionButtons(new wa.Button("today", "Today"), new wa.Button("tomorrow", "Tomorrow"), new wa.Button("later", "Pick a day")),
    new wa.Body("When should we deliver?"), new wa.Header("Delivery"), new wa.Footer("Reply to choose"),
  ),
  () => new wa.Template(
    "order_update", new wa.Language("en_US"),
    new wa.HeaderComponent(new wa.HeaderParameter(new wa.Image("https://example.com/media/p.jpg"))),
    new wa.BodyComponent(new wa.BodyParameter("Ana"), new wa.BodyParameter(new wa.Currency(100990, "USD", "$100.99")), new wa.BodyParameter(new wa.DateTime("Thursday"))),
    new wa.PayloadComponent("TRACK"),
  ),
  () => new wa.Image("https://example.com/media/receipt.jpg", false, "Your receipt"),
];
const prebuiltMix = mix.map((m) => wabridge.toProvider("meta", m));
let cursor = 0;
const next = () => (cursor = (cursor + 1) % mix.length);
const mixCases = [
  ["floor: JSON.stringify(prebuilt payloads)", () => JSON.stringify(prebuiltMix[next()])],
  ["whatsapp-api-js: build + JSON.stringify", () => {
    const message = waMix[next()]();
    return JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: TO_MIX, type: message._type, [message._type]: message });
  }],
  ["wabridge, JSON text boundary: toProviderJson(JSON.stringify(msg))", () => wabridge.toProviderJson("meta", JSON.stringify(mix[next()]))],
  ["wabridge, object API: JSON.stringify(toProvider(msg))", () => JSON.stringify(wabridge.toProvider("meta", mix[next()]))],
];
console.log();
const mixed = table("the mix: text, list, reply buttons, template, image (one each, in turn)", mixCases.map(([name, fn]) => [name, measure(fn)]));
console.log(`\ntarget ≥ 1.0× whatsapp-api-js with full validation: text ${(jsonRate / text.baseline).toFixed(2)}×, mix ${(mixed.rates[2][1] / mixed.baseline).toFixed(2)}×`);

// Size: what an app downloads, gzip level 9 — the wasm plus the JS of one entry point.
function files(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const wasmGz = gz(join(pkg, "wasm", "wabridge_bg.wasm"));
const runtimeJs = ["browser.mjs", "limits.js", "wasm/index.js", "wasm/wabridge.js", ...files(join(pkg, "wasm", "snippets")).map((p) => p.slice(pkg.length + 1))];
const jsGz = runtimeJs.reduce((sum, path) => sum + gz(join(pkg, path)), 0);
const wholeGz = files(pkg).reduce((sum, path) => sum + gz(path), 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`\nsize (gzip -9): wasm ${kb(wasmGz)} + browser JS ${kb(jsGz)} = ${kb(wasmGz + jsGz)}; every file of the package ${kb(wholeGz)} (raw wasm ${kb(statSync(join(pkg, "wasm", "wabridge_bg.wasm")).size)})`);
console.log(`target ≤ 80 KB gzip for the whole package: ${(wholeGz / (80 * 1024)).toFixed(2)}× the budget`);
// The main entry alone (the sandbox is its own subpath, wabridge/sandbox): what
// `import "wabridge"` downloads in a browser. tests/js/size.test.mjs guards the same figure.
const mainEntry = await mainEntrySize(pkg);
console.log(`main entry (import "wabridge" in a browser, ${mainEntry.files.length} files): ${siKb(mainEntry.gzip)} gzip, target ≤ ${siKb(MAIN_ENTRY_BUDGET_BYTES)}: ${(mainEntry.gzip / MAIN_ENTRY_BUDGET_BYTES).toFixed(2)}× the budget`);
console.log(`import + init (node.mjs, compile + instantiate): ${importMs.toFixed(1)} ms`);
