#!/usr/bin/env node
// The TypeScript declarations, as a new user meets them: the README's ```js/```ts snippets
// (extracted from README.md) and typical programs (programs/*.ts) compile under `strict`,
// `skipLibCheck: false`, with TypeScript 5 and with the current major, in the setups users
// have — a browser project (lib es2020 + dom, no @types/node), a Node project (@types/node,
// no dom), both, and lib esnext — against the built package installed as node_modules/wabridge
// (so imports resolve through its exports map). Every "@ts-expect-error" line must fail to
// compile (tsc reports an unused directive), so invalid shapes stay invalid.
//   node tests/types/run.mjs        (after `node scripts/build.mjs`)
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const log = (line) => console.log(`[types] ${line}`);

const COMPILERS = {
  "TypeScript 5": join(root, "node_modules", "typescript5", "bin", "tsc"),
  "TypeScript (current)": join(root, "node_modules", "typescript", "bin", "tsc"),
};
for (const [name, path] of Object.entries(COMPILERS)) if (!existsSync(path)) throw new Error(`${name} is not installed (${path}): run scripts/setup.sh`);
if (!existsSync(join(root, "pkg", "index.d.ts"))) throw new Error("pkg/ is not built: run node scripts/build.mjs");

// 1. A throwaway project: the package and @types/node linked into node_modules.
const work = mkdtempSync(join(tmpdir(), "wabridge-types-"));
mkdirSync(join(work, "node_modules", "@types"), { recursive: true });
symlinkSync(join(root, "pkg"), join(work, "node_modules", "wabridge"), "dir");
symlinkSync(join(root, "node_modules", "@types", "node"), join(work, "node_modules", "@types", "node"), "dir");
writeFileSync(join(work, "package.json"), JSON.stringify({ name: "types-consumer", private: true, type: "module" }));
cpSync(join(here, "programs"), join(work, "programs"), { recursive: true });
cpSync(join(here, "ambient"), join(work, "ambient"), { recursive: true });
cpSync(join(here, "messages.test.ts"), join(work, "messages.test.ts"));

// 2. The README's snippets, one module each, named after their line in README.md.
const readme = readFileSync(join(root, "README.md"), "utf8").split("\n");
const snippets = [];
for (let i = 0; i < readme.length; i++) {
  const open = /^```(js|ts)\s*$/.exec(readme[i]);
  if (!open) continue;
  const start = i + 1;
  while (i + 1 < readme.length && readme[i + 1] !== "```") i++;
  const name = `readme/line-${start}.ts`;
  mkdirSync(join(work, "readme"), { recursive: true });
  // `export {}` makes each snippet a module, so its top-level names are its own.
  writeFileSync(join(work, name), `${readme.slice(start, i + 1).join("\n")}\nexport {};\n`);
  snippets.push(name);
  i++;
}
if (snippets.length < 5) throw new Error(`found only ${snippets.length} js/ts snippets in README.md`);
log(`${snippets.length} README snippets: ${snippets.join(", ")}`);

// 3. The setups. Files that need the DOM or Node are compiled only where a project has them.
const common = [...snippets, "ambient/readme.d.ts", "ambient/deno.d.ts", "programs/api.test.ts", "programs/bird.ts", "programs/onemsg.ts", "programs/webhooks.ts", "programs/messenger.ts", "programs/worker.ts", "programs/deno-sandbox.ts", "messages.test.ts"];
const SETUPS = {
  "browser: lib es2020 + dom, no @types/node, bundler resolution": {
    options: { lib: ["es2020", "dom"], types: [], target: "es2020", module: "esnext", moduleResolution: "bundler" },
    files: [...common, "ambient/process.d.ts", "programs/browser-admin.ts"],
  },
  "Node: lib es2020 + @types/node, no dom, nodenext resolution": {
    options: { lib: ["es2020"], types: ["node"], target: "es2020", module: "nodenext", moduleResolution: "nodenext" },
    files: [...common, "programs/node-service.ts"],
  },
  "Node + dom: lib es2022 + dom + @types/node, nodenext resolution": {
    options: { lib: ["es2022", "dom"], types: ["node"], target: "es2022", module: "nodenext", moduleResolution: "nodenext" },
    files: [...common, "programs/node-service.ts", "programs/browser-admin.ts"],
  },
  "esnext: lib esnext + dom, no @types/node (using declarations)": {
    options: { lib: ["esnext", "dom"], types: [], target: "es2022", module: "esnext", moduleResolution: "bundler" },
    files: [...common, "ambient/process.d.ts", "programs/browser-admin.ts", "programs/dispose.ts"],
  },
};

// 4. Every setup under every compiler.
const failures = [];
let n = 0;
for (const [setup, { options, files }] of Object.entries(SETUPS)) {
  const config = `tsconfig.${n++}.json`;
  const compilerOptions = { strict: true, noEmit: true, skipLibCheck: false, noUnusedLocals: false, ...options };
  writeFileSync(join(work, config), JSON.stringify({ compilerOptions, files }, null, 2));
  for (const [compiler, tsc] of Object.entries(COMPILERS)) {
    try {
      execFileSync(process.execPath, [tsc, "-p", config, "--pretty", "false"], { cwd: work, encoding: "utf8", stdio: "pipe" });
      log(`ok    ${compiler.padEnd(20)} ${setup}`);
    } catch (error) {
      const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
      // Point README errors at README.md's own lines.
      const readable = output.replace(/readme\/line-(\d+)\.ts\((\d+),(\d+)\)/g, (_, start, line, col) => `README.md(${Number(start) + Number(line)},${col})`);
      log(`FAIL  ${compiler.padEnd(20)} ${setup}\n${readable}`);
      failures.push(`${compiler}, ${setup}`);
    }
  }
}
if (!process.env.KEEP_WORK) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
if (failures.length) {
  console.error(`[types] ${failures.length} failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
