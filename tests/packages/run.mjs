#!/usr/bin/env node
// Tests the packed package the way users get it: `npm pack ./pkg`, the tarball installed
// into one throwaway consumer project per runtime, and the same conformance checks
// (conformance.mjs) run inside Node ESM, Node CJS, Deno, Bun, workerd (Miniflare) and
// headless Chromium (playwright-core + Debian's chromium), each talking to a loopback
// Meta stand-in through the runtime's own fetch.
// The examples (examples/cloudflare-worker, examples/browser-admin) run the same way, as
// consumer projects of their own; esbuild-browser bundles a tiny page the way the README
// tells esbuild users to, and runs it in Chromium.
//   node tests/packages/run.mjs [runtime…]     (default: all)
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startLoopback } from "./meta-loopback.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const ALL = ["node-esm", "node-cjs", "deno", "bun", "workerd", "chromium", "esbuild-browser", "example-deno", "example-worker", "example-browser-admin"];
// The examples run as their own consumer projects, from examples/.
const EXAMPLES = { "example-deno": "deno", "example-worker": "cloudflare-worker", "example-browser-admin": "browser-admin" };
const selected = process.argv.slice(2).length ? process.argv.slice(2) : ALL;

const log = (line) => console.log(`[packages] ${line}`);

function which(command) {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

// 1. Pack.
const work = mkdtempSync(join(tmpdir(), "wabridge-packages-"));
const packed = JSON.parse(execFileSync("npm", ["pack", join(root, "pkg"), "--json", "--pack-destination", work], { encoding: "utf8" }));
const tarball = join(work, packed[0].filename);
log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${packed[0].size} bytes`);

// 2. One consumer project per runtime, with the tarball installed.
function consumer(name) {
  const dir = join(work, name);
  const source = EXAMPLES[name] ? join(root, "examples", EXAMPLES[name]) : join(here, "consumers", name);
  cpSync(source, dir, { recursive: true });
  for (const shared of ["checks.mjs", "conformance.mjs", "constants.mjs", "secrets.mjs"]) cpSync(join(here, shared), join(dir, shared));
  for (const example of ["messages.mjs", "bird-bodies.mjs", "onemsg-bodies.mjs"]) cpSync(join(root, "examples", example), join(dir, example));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${name}`, private: true, type: "module", dependencies: { wabridge: `file:${tarball}` } }, null, 2));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
  return dir;
}

// Asynchronous, so that the loopback server in this process keeps answering meanwhile.
function runCommand(command, args, options) {
  log(`$ ${[command, ...args].join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", timeout: 300_000, ...options });
    child.on("error", reject);
    child.on("exit", (status, signal) => (status === 0 ? resolve() : reject(new Error(`${command} exited with ${status ?? signal}`))));
  });
}

function assertChecks(checks) {
  for (const check of checks) log(`  ${check.ok ? "ok  " : "FAIL"} ${check.name}${check.ok ? "" : `\n${check.error}`}`);
  const failed = checks.filter((c) => !c.ok);
  if (checks.length === 0 || failed.length) throw new Error(`${failed.length} of ${checks.length} checks failed`);
}

const server = await startLoopback({ staticRoot: work });
const env = { ...process.env, BASE_URL: server.baseUrl };

/** Bundles `entry` as wrangler does (the "workerd" export condition, the .wasm kept as its own
 *  module), runs it in workerd through Miniflare, and hands Miniflare to `check`. */
async function inWorkerd(dir, entry, check) {
  const esbuild = await import("esbuild");
  const built = await esbuild.build({
    entryPoints: [join(dir, entry)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker"],
    mainFields: ["module", "main"],
    loader: { ".wasm": "copy" },
    outdir: join(dir, "dist"),
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.keys(built.metafile.inputs);
  if (!inputs.some((p) => p.endsWith("node_modules/wabridge/workerd.mjs"))) throw new Error(`the bundle did not use workerd.mjs: ${inputs.join(", ")}`);
  // wabridge/sandbox reaches the wasm through the package's own name: it must get the same
  // workerd entry, never a second copy of the glue through another entry.
  const otherEntries = inputs.filter((p) => /node_modules\/wabridge\/(browser|node|deno)\.mjs$/.test(p));
  if (otherEntries.length) throw new Error(`the bundle pulled other entries in: ${otherEntries.join(", ")}`);
  const { Miniflare } = await import("miniflare");
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, "dist", entry.replace(/\.mjs$/, ".js")),
    modulesRoot: join(dir, "dist"),
    modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
    compatibilityDate: "2026-01-01",
  });
  try {
    await check(mf);
  } finally {
    await mf.dispose();
  }
}

/** Opens `page` (under the loopback server's static root) in headless Chromium. */
async function inChromium(dir, page, check) {
  const executablePath = which("chromium");
  if (!executablePath) throw new Error("chromium is not installed: run scripts/setup.sh --browser");
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const tab = await browser.newPage();
    tab.on("console", (message) => log(`  [chromium console] ${message.text()}`));
    tab.on("pageerror", (error) => log(`  [chromium error] ${error.message}`));
    await tab.goto(`${server.baseUrl}/${page}`);
    await check(tab);
  } finally {
    await browser.close();
  }
}

const runners = {
  "node-esm": (dir) => runCommand(process.execPath, ["--test", "test.mjs"], { cwd: dir, env }),
  "node-cjs": (dir) => runCommand(process.execPath, ["--test", "test.cjs"], { cwd: dir, env }),
  deno: (dir) => {
    const host = new URL(server.baseUrl).host;
    return runCommand(bin("deno"), ["test", `--allow-net=${host}`, "--allow-env=BASE_URL", "--no-prompt", "test.ts"], { cwd: dir, env: { ...env, DENO_NO_UPDATE_CHECK: "1" } });
  },
  bun: (dir) => {
    if (!existsSync(bin("bun"))) throw new Error("bun is not installed (optional npm dependency): the Bun runtime cannot be tested");
    return runCommand(bin("bun"), ["test", "./test.mjs"], { cwd: dir, env });
  },
  workerd: (dir) => inWorkerd(dir, "worker.mjs", async (mf) => {
    const response = await mf.dispatchFetch(`http://worker.test/?base=${encodeURIComponent(server.baseUrl)}`);
    const text = await response.text();
    if (!response.ok) throw new Error(`worker answered ${response.status}: ${text}`);
    assertChecks(JSON.parse(text));
  }),
  "example-deno": async (dir) => {
    const run = spawnSync(bin("deno"), ["run", "--allow-env=WHATSAPP_TOKEN,WHATSAPP_PHONE_NUMBER_ID", "--no-prompt", "main.ts"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", WHATSAPP_TOKEN: "" },
      timeout: 120_000,
    });
    let output = null;
    try {
      output = JSON.parse(run.stdout);
    } catch {}
    assertChecks([
      { name: "main.ts sends a list message to the sandbox", ok: run.status === 0 && /^wamid\./.test(output?.messageId ?? ""), error: run.stdout + run.stderr },
      { name: "and its statuses play out", ok: output?.statuses?.join(">") === "sent>delivered>read", error: run.stdout },
    ]);
  },
  "example-worker": (dir) => inWorkerd(dir, "worker.mjs", async (mf) => {
    const send = (body) => mf.dispatchFetch("http://worker.test/send", { method: "POST", body: JSON.stringify(body) });
    const sent = await send({ to: "+16505551234", content: { type: "text", body: "Hello from the example" } });
    const result = await sent.json();
    const invalid = await send({ to: "+16505551234", content: { type: "replyButtons", body: "b", buttons: [{ id: "a", title: "x".repeat(21) }] } });
    const { violations } = await invalid.json();
    assertChecks([
      { name: "POST /send answers Meta's result (from the in-Worker sandbox)", ok: sent.status === 200 && /^wamid\./.test(result.messageId), error: JSON.stringify(result) },
      { name: "an invalid message answers 422 with its violations", ok: invalid.status === 422 && violations?.[0]?.path === "/content/buttons/0/title", error: JSON.stringify(violations) },
    ]);
  }),
  "example-browser-admin": (dir) => inChromium(dir, "example-browser-admin/index.html", async (tab) => {
    await tab.waitForFunction(() => document.readyState === "complete");
    await tab.click("#check");
    const invalid = await tab.textContent("#result");
    await tab.fill("#input", JSON.stringify({ to: "+16505551234", content: { type: "text", body: "Fine" } }));
    await tab.click("#check");
    const valid = await tab.textContent("#result");
    assertChecks([
      { name: "the sample campaign message is refused, naming the field", ok: invalid.includes("/content/buttons/0/title") && invalid.includes("limit 20"), error: invalid },
      { name: "a valid message shows the Meta body", ok: valid.startsWith("Valid.") && valid.includes("messaging_product"), error: valid },
    ]);
  }),
  "esbuild-browser": async (dir) => {
    // Exactly the README's command, plus a metafile to see which entries were bundled.
    await runCommand(bin("esbuild"), ["app.mjs", "--bundle", "--format=esm", "--loader:.wasm=file", "--outdir=dist", "--metafile=dist/meta.json", "--log-level=warning"], { cwd: dir });
    const meta = JSON.parse(readFileSync(join(dir, "dist", "meta.json"), "utf8"));
    const inputs = Object.keys(meta.inputs);
    const entries = inputs.filter((p) => /node_modules\/wabridge\/[a-z]+\.mjs$/.test(p));
    if (entries.length !== 1 || !entries[0].endsWith("/browser.mjs")) throw new Error(`expected only browser.mjs among the entries, got ${entries.join(", ")}`);
    const copied = readdirSync(join(dir, "dist")).filter((f) => f.endsWith(".wasm"));
    if (copied.length !== 1) throw new Error(`expected esbuild to copy one .wasm into dist/, found ${copied.join(", ") || "none"}`);
    return inChromium(dir, "esbuild-browser/index.html", async (tab) => {
      const handle = await tab.waitForFunction(() => window.__results, null, { timeout: 60_000 });
      assertChecks(await handle.jsonValue());
    });
  },
  chromium: (dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, "node_modules", "wabridge", "package.json"), "utf8"));
    const entry = (path) => `/chromium/node_modules/wabridge/${manifest.exports[path].browser.replace(/^\.\//, "")}`;
    const importMap = JSON.stringify({ imports: { wabridge: entry("."), "wabridge/sandbox": entry("./sandbox") } });
    const page = join(dir, "index.html");
    writeFileSync(page, readFileSync(page, "utf8").replace("IMPORT_MAP", importMap));
    return inChromium(dir, "chromium/index.html", async (tab) => {
      const handle = await tab.waitForFunction(() => window.__results, null, { timeout: 60_000 });
      assertChecks(await handle.jsonValue());
    });
  },
};

const outcomes = [];
for (const name of selected) {
  if (!runners[name]) throw new Error(`unknown runtime ${name}; known: ${ALL.join(", ")}`);
  log(`=== ${name}`);
  try {
    await runners[name](consumer(name));
    outcomes.push([name, "passed"]);
  } catch (error) {
    log(`${name} FAILED: ${error.message}`);
    outcomes.push([name, "FAILED"]);
  }
}
await server.close();
log("summary:");
for (const [name, outcome] of outcomes) log(`  ${name.padEnd(9)} ${outcome}`);
if (!process.env.KEEP_WORK) rmSync(work, { recursive: true, force: true });
process.exitCode = outcomes.every(([, o]) => o === "passed") ? 0 : 1;
