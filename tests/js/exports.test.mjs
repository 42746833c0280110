// Every entry of the package exports at run time exactly the values its declarations
// (index.d.ts, read by the TypeScript compiler) say it does: nothing declared is undefined at
// run time (`import { Client }` compiled, then was undefined), and no internal is exported.
import test from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { wabridge } from "./helpers.mjs";

const require = createRequire(import.meta.url);
// TypeScript 5's compiler API (the current major, TypeScript 7, is a native binary without one);
// installed by scripts/setup.sh for tests/types.
const ts = require("typescript5");
const pkg = (file) => fileURLToPath(new URL(`../../pkg/${file}`, import.meta.url));

/** The value exports (functions, classes, constants) a declaration file gives its importers. */
function declaredValues(file) {
  const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, lib: ["lib.esnext.d.ts", "lib.dom.d.ts"] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file));
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => ((symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol).flags & ts.SymbolFlags.Value) !== 0)
    .map((symbol) => symbol.name)
    .sort();
}

test("the main entry (ESM and CommonJS) exports exactly the values index.d.ts declares", () => {
  const declared = declaredValues(pkg("index.d.ts"));
  assert.ok(declared.includes("MetaClient") && declared.includes("init"), declared.join(", "));
  assert.ok(!declared.includes("Client"), "the clients' base class is not declared as an export");
  assert.deepEqual(Object.keys(wabridge).sort(), declared);
  assert.deepEqual(Object.keys(require(pkg("node.cjs"))).filter((name) => name !== "default" && name !== "__esModule").sort(), declared);
  for (const internal of ["Client", "ClientCore", "checkDelivery", "makeError", "webhookEvents"]) assert.equal(wabridge[internal], undefined, internal);
});

test("wabridge/sandbox exports exactly the values sandbox.d.ts declares", async () => {
  const sandbox = await import("../../pkg/sandbox/node.mjs");
  assert.deepEqual(Object.keys(sandbox).sort(), declaredValues(pkg("sandbox.d.ts")));
});

test("Node's init once loaded reads nothing, whatever it is given (a file: URL to no file too), and resolves to the module", async () => {
  const exports = await wabridge.init(new URL("file:///nonexistent/wabridge_bg.wasm"));
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  assert.equal(await wabridge.init({ module_or_path: "https://example.invalid/x.wasm" }), exports);
});
