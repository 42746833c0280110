// For projects without @types/node: the README's Node snippet reads process.env.
declare const process: { env: Record<string, string | undefined> };
// …and its server-bundle snippet reads the .wasm with node:fs.
declare module "node:fs" {
  export function readFileSync(path: string): Uint8Array;
}
