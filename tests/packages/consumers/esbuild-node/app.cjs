// app.mjs's checks from a CommonJS program, bundled by esbuild as CommonJS (its default for
// --platform=node): `require("wabridge")` takes node.cjs.
require("./harness.cjs").run(require("wabridge"), require("node:fs").readFileSync);
