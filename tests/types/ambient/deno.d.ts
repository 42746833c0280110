// The part of Deno's global the Deno-style program uses (Deno's own types are not installed).
declare namespace Deno {
  const env: { get(name: string): string | undefined };
}
