// For projects without @types/node: the README's Node snippet reads process.env.
declare const process: { env: Record<string, string | undefined> };
