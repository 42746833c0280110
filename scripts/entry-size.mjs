// What `import "wabridge"` makes a browser download: the module graph of the package's
// "browser" entry (followed by esbuild, as a browser or bundler follows the imports) plus the
// .wasm the glue fetches, each file gzip -9 as a server would compress it. Shared by the size
// test (tests/js/size.test.mjs) and `npm run bench`.
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The main entry's budget, gzip bytes (issue 8): 100 KB, in SI kilobytes. */
export const MAIN_ENTRY_BUDGET_BYTES = 100 * 1000;

export async function mainEntrySize(pkgDir) {
  const pkg = resolve(pkgDir);
  const { build } = await import("esbuild");
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  const entry = join(pkg, manifest.exports["."].browser);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    metafile: true,
    logLevel: "silent",
    absWorkingDir: pkg,
  });
  // The glue loads the .wasm with fetch(new URL("wabridge_bg.wasm", import.meta.url)), which
  // is not an import: counted explicitly.
  const paths = [...Object.keys(result.metafile.inputs).map((p) => join(pkg, p)), join(pkg, "wasm", "wabridge_bg.wasm")];
  const files = paths.map((path) => {
    const bytes = readFileSync(path);
    return { path: relative(pkg, path), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

/** "123.4 KB" in SI kilobytes, as the budget is written. */
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
