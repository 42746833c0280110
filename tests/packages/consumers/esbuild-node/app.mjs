// A Node server bundled as one file (esbuild --bundle --platform=node), as for a Lambda or a
// container, loading the package through `import` (node.mjs): harness.cjs's checks.
import { readFileSync } from "node:fs";
import * as wabridge from "wabridge";
import harness from "./harness.cjs";

harness.run(wabridge, readFileSync);
