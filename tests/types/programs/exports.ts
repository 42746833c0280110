// Only what the package exports at run time is importable: the clients' base class is a
// declaration helper, so importing it is an error (it compiled, then was undefined).
// @ts-expect-error Client is not exported
import { Client } from "wabridge";
// @ts-expect-error the wasm core is internal
import { ClientCore } from "wabridge";
import { MetaClient } from "wabridge";

export const names = [typeof Client, typeof ClientCore, typeof MetaClient];
