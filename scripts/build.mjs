#!/usr/bin/env node
// Builds the publishable package in pkg/:
//   cargo (wasm32, release) → wasm-bindgen --target web → wasm-opt → esbuild (CJS glue)
//   → generated LIMITS → pkg-template/ copied around it.
// Every step is logged. `--if-needed` skips the build when pkg/ is newer than every input.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { optionalTakesUndefined } from "./optional-undefined.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = join(root, "pkg");
const wasmDir = join(pkg, "wasm");
const bin = (name) => join(root, "node_modules", ".bin", name);

function log(step) {
  console.log(`[build] ${step}`);
}

function run(command, args, options = {}) {
  log(`$ ${[relative(root, command) || command, ...args].join(" ")}`);
  execFileSync(command, args, { cwd: root, stdio: "inherit", ...options });
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

// scripts/tables.rs probes the codecs with the kind fixtures for CAPABILITIES.
const inputs = ["src", "pkg-template", "Cargo.toml", "Cargo.lock", "scripts/build.mjs", "scripts/optional-undefined.mjs", "scripts/tables.rs", "tests/fixtures/neutral/kinds"].map((p) => join(root, p));
if (process.argv.includes("--if-needed") && existsSync(join(pkg, "package.json"))) {
  const built = statSync(join(pkg, "package.json")).mtimeMs;
  if (inputs.filter(existsSync).every((input) => newestMtime(input) < built)) {
    log("pkg/ is up to date");
    process.exit(0);
  }
}

// 1. The core, compiled for wasm32 with the size profile of Cargo.toml, and the standard library
//    compiled with it rather than taken prebuilt: std's size-optimized code paths
//    (`optimize_for_size`) and the "immediate-abort" panic strategy, under which a panic is the
//    same trap as under "abort" but without the formatting machinery that would have printed its
//    message (into the void: wasm32-unknown-unknown has no stderr). 12 KB gzip less (BENCHMARKS.md,
//    seventeenth session). Both are unstable options of the stable toolchain (the strategy since
//    Rust 1.92), unlocked for this one build by RUSTC_BOOTSTRAP; they need the rust-src component
//    (scripts/setup.sh). The caller's own RUSTFLAGS are kept.
const wasmEnv = {
  ...process.env,
  RUSTC_BOOTSTRAP: "1",
  RUSTFLAGS: [process.env.RUSTFLAGS, "-Zunstable-options -Cpanic=immediate-abort"].filter(Boolean).join(" "),
};
try {
  execFileSync("rustc", ["-Zunstable-options", "-Cpanic=immediate-abort", "--target", "wasm32-unknown-unknown", "--print", "cfg"], { env: wasmEnv, stdio: "ignore" });
} catch {
  throw new Error(`this rustc (${execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim()}) has no "immediate-abort" panic strategy: the wasm build needs Rust 1.92 or later (rustup update stable)`);
}
run(
  "cargo",
  [
    "build", "--target", "wasm32-unknown-unknown", "--release", "--features", "wasm",
    "-Z", "build-std=std,panic_abort", "-Z", "build-std-features=optimize_for_size",
  ],
  { env: wasmEnv },
);
const compiled = join(root, "target", "wasm32-unknown-unknown", "release", "wabridge.wasm");

// 2. JS glue and declarations. One target (web: ES module + initSync) serves every runtime;
//    the per-runtime entries in pkg-template only differ in how they obtain the module.
rmSync(pkg, { recursive: true, force: true });
mkdirSync(wasmDir, { recursive: true });
run("wasm-bindgen", ["--target", "web", "--out-dir", wasmDir, "--out-name", "wabridge", compiled]);

// 2b. Two corrections to wasm-bindgen's output, each checked so that a glue change fails the
//     build instead of silently dropping the fix.
/** Replaces `from` (which must occur `count` times) in `text`. */
function patch(text, from, to, what, count = 1) {
  const found = text.split(from).length - 1;
  if (found !== count) throw new Error(`${what}: expected ${count} × ${JSON.stringify(from)} in wasm-bindgen's output, found ${found}`);
  return text.replaceAll(from, to);
}
// The glue: until `init()` runs (browsers), every call failed deep inside it with "Cannot
// read properties of undefined (reading '__wbindgen_malloc')". A stand-in for the wasm
// exports says what to do instead; `initSync`/`init` replace it with the real exports.
const gluePath = join(wasmDir, "wabridge.js");
let glueText = readFileSync(gluePath, "utf8");
const NOT_INITIALISED =
  "wabridge is not initialised: call `await init()` once before using it (browsers and runtimes " +
  "without a dedicated entry; Node, Deno, Bun and Workers initialise it at import, from " +
  "wasm/wabridge_bg.wasm next to the entry: a server bundle without that file initialises with " +
  "`initSync({ module: bytes })`, the file's bytes, or with the file copied next to the bundle as wasm/)";
glueText = patch(
  glueText,
  "let wasmModule, wasmInstance, wasm;",
  `// Patched by scripts/build.mjs: the wasm exports are a stand-in that throws a clear Error until init.
` +
    `const __wabridge_uninitialised = new Proxy({}, { get() { throw makeError("ArgumentError", ${JSON.stringify(NOT_INITIALISED)}, { code: "ERR_ARGUMENT", retryable: false }); } });
` +
    `let wasmModule, wasmInstance, wasm = __wabridge_uninitialised;`,
  "uninitialised wasm",
);
glueText = patch(glueText, "if (wasm !== undefined) return wasm;", "if (wasm !== __wabridge_uninitialised) return wasm;", "init guard", 2);
// String arguments: the release glue copies whatever it is given into wasm memory by its
// `length`, so a number where a string goes (`parsePhoneNumber(16505551234)`, a provider
// given as 1) wrote out of bounds ("RuntimeError: memory access out of bounds") and null
// threw a bare TypeError. Each string argument is checked first: an ArgumentError naming it.
// (`ret` is a callback's own return value, a string already.)
let stringArguments = 0;
glueText = glueText.replace(/passStringToWasm0\((\w+), wasm\.__wbindgen_malloc/g, (call, name) => {
  if (name === "ret") return call;
  stringArguments++;
  return `passStringToWasm0(__wabridge_string(${name}, "${name.replace(/_(\w)/g, (_, c) => c.toUpperCase())}"), wasm.__wbindgen_malloc`;
});
if (stringArguments < 10) throw new Error(`string arguments: expected the glue to pass at least 10, found ${stringArguments}`);
// Number arguments: the glue converts them with unary `+`, which throws a bare TypeError for a
// BigInt or a Symbol (`checkMediaUpload(type, 10n)`, `toleranceSeconds: 10n`). Each goes through
// a check first: an ArgumentError naming it.
let numberArguments = 0;
glueText = glueText.replace(/= \+(\w+);|= \+\((isLikeNone\((\w+)\) \? 0 : \3)\);/g, (_, plain, optional, optionalName) => {
  numberArguments++;
  const name = (plain ?? optionalName).replace(/_(\w)/g, (_, c) => c.toUpperCase());
  return `= __wabridge_number(${plain ?? optional}, "${name}");`;
});
if (numberArguments < 5) throw new Error(`number arguments: expected the glue to convert at least 5, found ${numberArguments}`);
glueText +=
  "\n// Added by scripts/build.mjs: a string argument checked before it is copied into wasm memory.\n" +
  // Its value is not shown: the argument may be a secret (a webhook's, given as a number, a
  // Buffer or a String object), and the error may be logged or answered.
  "function __wabridge_string(value, name) {\n" +
  "  if (typeof value === \"string\") return value;\n" +
  "  let kind = value === null ? \"null\" : typeof value;\n" +
  "  try { if (kind === \"object\") kind = Array.isArray(value) ? \"an array\" : `an object (${Object.getPrototypeOf(value)?.constructor?.name ?? \"no prototype\"})`; } catch {}\n" +
  "  throw makeError(\"ArgumentError\", `${name} must be a string (got ${kind})`, { code: \"ERR_ARGUMENT\", retryable: false });\n" +
  "}\n" +
  "\n// Added by scripts/build.mjs: a number argument converted as the glue did (`+value`), or an ArgumentError naming it.\n" +
  "function __wabridge_number(value, name) {\n" +
  "  if (typeof value === \"number\") return value;\n" +
  "  if (typeof value !== \"bigint\" && typeof value !== \"symbol\") {\n" +
  "    try { return +value; } catch {}\n" +
  "  }\n" +
  "  throw makeError(\"ArgumentError\", `${name} must be a number (got ${typeof value})`, { code: \"ERR_ARGUMENT\", retryable: false });\n" +
  "}\n";
writeFileSync(gluePath, glueText);
// The declarations (the clients' `[Symbol.dispose]` is declared in pkg-template/clients.d.ts).
const dtsPath = join(wasmDir, "wabridge.d.ts");
let dts = readFileSync(dtsPath, "utf8");
// The init types name DOM globals (RequestInfo, Response, BufferSource, WebAssembly.*), so
// a Node project with @types/node but without lib "dom" failed to compile them. They are
// looked up on globalThis instead, with stand-ins where the project's libs lack them.
dts = patch(
  dts,
  "export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;",
  "export type InitInput = string | GlobalType<\"Request\", never> | URL | GlobalType<\"Response\", never> | ArrayBuffer | ArrayBufferView | GlobalWasmType<\"Module\", never>;",
  "InitInput",
);
dts = patch(dts, "export type SyncInitInput = BufferSource | WebAssembly.Module;", "export type SyncInitInput = ArrayBuffer | ArrayBufferView | GlobalWasmType<\"Module\", never>;", "SyncInitInput");
// A template is named for some provider: its name (Meta, 1MSG) or its Bird Studio project, as
// the model requires (each optional on its own, as every provider needs one of them only).
dts = patch(dts, "({ type: \"template\" } & Template)", "({ type: \"template\" } & Template & TemplateNamed)", "Content's template");
dts +=
  "\n/** What names a template: its `name` (Meta, 1MSG), its Bird Studio `projectId`, or both. */\n" +
  "export type TemplateNamed = { name: string } | { projectId: string };\n";
// What each kind of media may carry (MediaOf, HeaderMediaOf in src/wasm/mod.rs), in a message's
// content and in an interactive header, as validate requires.
dts = dts.replace(/^export type (Content|Header) = .*$/gm, (line, name) => {
  const typed = line.replace(/\(\{ type: "(image|video|audio|document|sticker)" \} & Media\)/g, (_, kind) => `({ type: "${kind}" } & ${name === "Content" ? "MediaOf" : "HeaderMediaOf"}<"${kind}">)`);
  if (typed === line) throw new Error(`wabridge.d.ts: ${name}'s media kinds not found`);
  return typed;
});
// "Exactly one of" that the model checks, said in the types too: a Flow by its id or its name, a
// carousel card with quick-reply buttons or a URL button. (tsify derives each as one interface
// with both optional: kept as its fields, the type is that and the choice.)
dts = patch(dts, "export interface Flow {", "export interface FlowFields {", "Flow");
dts = patch(dts, "export interface CarouselCard {", "export interface CarouselCardFields {", "CarouselCard");
dts +=
  "\n/** A WhatsApp Flow behind a button: by `flowId` or `flowName`, exactly one. */\n" +
  "export type Flow = FlowFields & ({ flowId: string; flowName?: never } | { flowName: string; flowId?: never });\n" +
  "/** A media carousel's card: quick-reply buttons or one URL button, exactly one of them. */\n" +
  "export type CarouselCard = CarouselCardFields & ({ buttons: ReplyButton[]; ctaUrl?: never } | { ctaUrl: CardCtaUrl; buttons?: never });\n";
dts = dts.replace(/^(    readonly \w+: )WebAssembly\.(\w+);$/gm, (_, field, type) => `${field}GlobalWasmType<"${type}", unknown>;`);
if (/^(?! *\*).*\b(WebAssembly\.|BufferSource\b|RequestInfo\b)/m.test(dts)) throw new Error("wabridge.d.ts still names a DOM-only type outside comments");
// An optional field takes `undefined` too, as JSON.stringify drops it (`{ replyTo: event.id }`
// with no id): said outright, for projects on `exactOptionalPropertyTypes`, where `?:` alone
// refuses it (scripts/optional-undefined.mjs). Not in FetchInit, which goes the other way (to
// the caller's `fetch`, whose RequestInit would not take an `undefined` body).
const fetchInit = /^export interface FetchInit \{\n[\s\S]*?^\}\n/m;
const kept = fetchInit.exec(dts)?.[0];
if (!kept) throw new Error("wabridge.d.ts: FetchInit not found");
dts = dts.replace(fetchInit, "/* FetchInit */\n");
dts = optionalTakesUndefined(dts);
dts = dts.replace("/* FetchInit */\n", kept);
dts +=
  "\n// Added by scripts/build.mjs: a global's instance type where the project's libs declare it\n" +
  "// (lib \"dom\", @types/node, Workers' types), else `Fallback`.\n" +
  "type GlobalType<Name extends string, Fallback> = typeof globalThis extends { [K in Name]: { prototype: infer T } } ? T : Fallback;\n" +
  "type GlobalWasmType<Name extends string, Fallback> = typeof globalThis extends { WebAssembly: infer W } ? (W extends { [K in Name]: { prototype: infer T } } ? T : Fallback) : Fallback;\n" +
  "// Only what is exported above is public: without `export {}` a declaration file exports its\n" +
  "// every declaration, helpers (WebhookEventBase, GlobalType) included.\n" +
  "export {};\n";
writeFileSync(dtsPath, dts);

// 3. Size: a current binaryen, with the features rustc's wasm32 output uses enabled.
const wasmFile = join(wasmDir, "wabridge_bg.wasm");
const before = statSync(wasmFile).size;
run(bin("wasm-opt"), [
  // --converge: passes until nothing shrinks (~20 s more, ~0.8 KB gzip less).
  "-Oz", "--converge", "--strip-debug", "--strip-producers",
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
  wasmFile, "-o", wasmFile,
]);
log(`wasm-opt: ${before} → ${statSync(wasmFile).size} bytes`);

// 4. One module re-exporting the glue (its default export, the async loader, as `init`) and
//    the error classes (a wasm-bindgen snippet whose directory name carries a hash).
const snippets = join(wasmDir, "snippets");
const [snippetDir] = readdirSync(snippets);
const errorsPath = `./snippets/${snippetDir}/src/wasm/errors.js`;
if (!existsSync(join(wasmDir, errorsPath))) throw new Error(`errors snippet not found at ${errorsPath}`);
//    `init` and `initSync` are wrapped: a module that cannot be loaded (a 404, an HTML page where
//    the .wasm should be, a Content-Security-Policy that refuses WebAssembly, a wrong argument)
//    is an ArgumentError with its code that says what to do, the loader's own error its cause.
writeFileSync(
  join(wasmDir, "index.js"),
  `// Generated by scripts/build.mjs.
import load, { initSync as loadSync } from "./wabridge.js";
import { ArgumentError } from "${errorsPath}";
export * from "./wabridge.js";
export * from "${errorsPath}";

function notLoaded(error, fix) {
  const why = String(error?.message ?? error);
  if (/Content.Security.Policy|\\bCSP\\b|wasm-unsafe-eval/i.test(why)) fix = "the page's Content-Security-Policy refuses to compile WebAssembly: add 'wasm-unsafe-eval' to script-src (not 'unsafe-eval')";
  // A fetch that failed on the way (a TypeError, no answer) may work when tried again.
  const retryable = error instanceof TypeError && /fetch|network/i.test(why);
  return new ArgumentError(\`wabridge could not load its WebAssembly module (\${why}): \${fix}\`, { code: "ERR_ARGUMENT", retryable, cause: error });
}

export async function init(options) {
  try {
    return await load(options);
  } catch (error) {
    throw notLoaded(error, "serve wasm/wabridge_bg.wasm next to the module (a bundler: copy it, or esbuild's --loader:.wasm=file; Vite's dev server: optimizeDeps.exclude: ['wabridge']), or give init({ module_or_path }) its URL, bytes, Response or WebAssembly.Module");
  }
}

export function initSync(options) {
  try {
    return loadSync(options);
  } catch (error) {
    throw notLoaded(error, "give initSync({ module }) the bytes of wasm/wabridge_bg.wasm or its WebAssembly.Module");
  }
}
`,
);
// 5. LIMITS, generated from the Rust table so that every limit is written once (a native
// run of scripts/tables.rs: the documentation of each limit stays out of the wasm).
const tables = JSON.parse(execFileSync("cargo", ["run", "--quiet", "--example", "tables"], { cwd: root, encoding: "utf8" }));
const table = tables.limits;
const values = Object.fromEntries(table.map(([name, value]) => [name, value]));
const header = "// Generated by scripts/build.mjs from src/limits.rs. Do not edit.\n";
const literal = JSON.stringify(values, null, 2);
const mediaRules = tables.mediaRules;
writeFileSync(
  join(pkg, "limits.js"),
  `${header}export const LIMITS = Object.freeze(${literal});\n\n` +
    `/** The MIME types and size limit of each media kind. */\n` +
    `export const MEDIA_RULES = Object.freeze(${JSON.stringify(mediaRules, null, 2)}.map((rule) => Object.freeze({ ...rule, mimeTypes: Object.freeze(rule.mimeTypes) })));\n`,
);
const declarations = table
  .map(([name, value, doc]) => {
    const comment = doc.trim().split("\n").map((line) => `   * ${line.trim()}`.trimEnd()).join("\n");
    return `  /**\n${comment}\n   */\n  readonly ${name}: ${value};`;
  })
  .join("\n");
writeFileSync(
  join(pkg, "limits.d.ts"),
  `${header}import type { MediaKind } from "./wasm/wabridge.js";\n\n` +
    `/** Every documented limit, by name (lengths in Unicode characters). */\nexport declare const LIMITS: {\n${declarations}\n};\n\n` +
    `/** The MIME types and size limit (bytes) of each media kind, for uploads. */\n` +
    `export declare const MEDIA_RULES: readonly { readonly kind: MediaKind; readonly mimeTypes: readonly string[]; readonly maxBytes: number }[];\n`,
);
log(`LIMITS: ${table.length} limits`);

// What each provider carries, per content kind: its codec's table, and per field what it
// leaves out, refuses or limits more than the neutral model — all found by scripts/tables.rs
// probing each codec with a maximal message of each kind (and a few variants), as data. The
// probes go beside it (not in the published files: package.json's "files" takes no .json) for
// tests/js/capabilities.test.mjs, which converts them to check that the package does what the
// data says.
const capabilities = Object.fromEntries(
  tables.capabilities.map(([provider, kinds]) => [
    provider,
    Object.fromEntries(kinds.map(([kind, support, endpoint, fields, limits, required]) => [kind, { support, endpoint, fields, limits, required }])),
  ]),
);
writeFileSync(
  join(pkg, "capabilities.js"),
  "// Generated by scripts/build.mjs from each provider's codec (scripts/tables.rs). Do not edit.\n" +
    "const freeze = (value) => {\n" +
    "  if (value && typeof value === \"object\") for (const item of Object.values(Object.freeze(value))) freeze(item);\n" +
    "  return value;\n" +
    "};\n" +
    `export const CAPABILITIES = freeze(${JSON.stringify(capabilities)});\n`,
);
writeFileSync(join(pkg, "capabilities.probes.json"), `${JSON.stringify(Object.fromEntries(tables.probes.map(([kind, probes]) => [kind, probes])), null, 2)}\n`);
const notes = (what) => Object.values(capabilities).reduce((n, kinds) => n + Object.values(kinds).reduce((m, entry) => m + Object.keys(entry[what]).length, 0), 0);
log(`CAPABILITIES: ${Object.keys(capabilities).length} providers × ${Object.keys(capabilities.meta).length} kinds; ${notes("fields")} fields not carried as given, ${notes("limits")} stricter limits`);

// 6. The package around it.
cpSync(join(root, "pkg-template"), pkg, { recursive: true });
// The hand-written declarations' optional fields take `undefined` too, as the generated ones'.
for (const file of readdirSync(pkg).filter((f) => f.endsWith(".d.ts"))) {
  writeFileSync(join(pkg, file), optionalTakesUndefined(readFileSync(join(pkg, file), "utf8")));
}
for (const file of ["README.md", "LICENSE-MIT", "LICENSE-APACHE"]) cpSync(join(root, file), join(pkg, file));
const cargoVersion = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
manifest.version = cargoVersion;
writeFileSync(join(pkg, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
for (const stray of [".gitignore", "wabridge_bg.wasm.d.ts"]) rmSync(join(wasmDir, stray), { force: true });

// 6b. The modules every runtime's `import "wabridge"` loads, minified in place: whitespace,
//     comments and syntax only, so every name stays (stack traces and `error.name` read as
//     written). Their comments are for whoever maintains pkg-template/, where they stay; to a
//     browser they were ~40% of the JS it downloads (~11 KB gzip). Each keeps a source map,
//     the unminified module inside it, for debuggers. Deno's and workerd's own entries (a few
//     lines, and a source phase import esbuild does not read) are left as they are.
const minified = [
  "browser.mjs", "lib.js", "messenger.js", "webhooks.js", "clients.js", "transport.js", "capabilities.js", "limits.js",
  "wasm/index.js", "wasm/wabridge.js", relative(pkg, join(snippets, snippetDir, "src", "wasm", "errors.js")),
];
for (const file of minified) {
  run(bin("esbuild"), [
    "--minify-whitespace", "--minify-syntax", "--sourcemap", "--log-level=warning", "--allow-overwrite",
    `--outfile=${join(pkg, file)}`, join(pkg, file),
  ], { cwd: pkg });
}

// 6c. The declarations again as CommonJS ones (`.d.cts`, imports of `./x.js` as `./x.cjs`),
//     which package.json's `types` gives to `require`: a CommonJS project on TypeScript's
//     node16/node18 resolution (or TypeScript ≤ 5.7) was told the package is ES-only (TS1479)
//     though node.cjs runs. The types are the same; only their module kind differs.
const cjsDeclarations = ["index", "errors", "clients", "webhooks", "messenger", "limits", "capabilities", "sandbox", "wasm/wabridge"];
for (const name of cjsDeclarations) {
  const text = readFileSync(join(pkg, `${name}.d.ts`), "utf8");
  const cjs = text.replace(/(from |import\()"(\.{1,2}\/[^"]+)\.js"/g, '$1"$2.cjs"');
  writeFileSync(join(pkg, `${name}.d.cts`), `// Generated by scripts/build.mjs from ${name}.d.ts for \`require\`.\n${cjs}`);
}

// 7. CommonJS for `require()`: lib.js (glue, errors, limits) bundled into one file that
//    shares the .wasm with the ES modules; and `wabridge/sandbox` (the emulator and its HTTP
//    server) in a file of its own that reaches the wasm through `require("wabridge")`, so that
//    both use the one instance node.cjs initialised.
run(bin("esbuild"), [
  "--bundle", "--format=cjs", "--platform=node", "--log-level=warning",
  // The glue resolves the .wasm next to itself from import.meta.url; CommonJS has __filename.
  "--define:import.meta.url=__wabridge_module_url",
  "--banner:js=const __wabridge_module_url = require(\"node:url\").pathToFileURL(require(\"node:path\").join(__dirname, \"wasm\", \"wabridge.js\")).href;",
  `--outfile=${join(pkg, "lib.cjs")}`,
], { input: 'export * from "./lib.js";\n', stdio: ["pipe", "inherit", "inherit"], cwd: pkg });
run(bin("esbuild"), [
  "--bundle", "--format=cjs", "--platform=node", "--log-level=warning", "--external:wabridge",
  `--outfile=${join(pkg, "sandbox.cjs")}`,
], { input: 'export * from "./sandbox/node.mjs";\n', stdio: ["pipe", "inherit", "inherit"], cwd: pkg });
// 8. Node and Bun's ES module entry as one file: node.mjs with lib.js, the clients, webhooks
//    and the glue bundled in. Each module of a graph costs Node's loader a resolution, a read
//    and a link; as one file the import + init takes about a third less (issue 8's ≤ 10 ms).
//    Nothing else in Node imports lib.js or the glue itself (wabridge/sandbox imports
//    "wabridge", which is this file), so there is one instance of the classes and the wasm.
//    Printed line by line, not minified to one line: Node and Bun print the source line of an
//    uncaught error's throw, which was the whole 64 KB bundle (its comments are gone anyway).
run(bin("esbuild"), [
  "--bundle", "--format=esm", "--platform=node", "--log-level=warning", "--allow-overwrite",
  "--minify-syntax", "--sourcemap",
  "--banner:js=// Generated by scripts/build.mjs: pkg-template/node.mjs and the modules it imports, bundled.",
  `--outfile=${join(pkg, "node.mjs")}`, join(pkg, "node.mjs"),
], { cwd: pkg });
const sandboxCjs = readFileSync(join(pkg, "sandbox.cjs"), "utf8");
if (!sandboxCjs.includes('require("wabridge")') || sandboxCjs.includes("__wbindgen")) {
  throw new Error("sandbox.cjs must take the wasm from require(\"wabridge\"), not bundle a second copy of the glue");
}
log(`pkg/ ready: wabridge ${cargoVersion}`);
