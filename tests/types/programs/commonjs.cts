// A CommonJS project (a .cts file: `import` compiles to `require`) on node16 resolution: the
// package's `require` types (index.d.cts) are CommonJS too, so it imports without TS1479.
import { MetaClient, ValidationError, toProvider, type Message } from "wabridge";
import { createSandbox } from "wabridge/sandbox";

const message: Message = { to: "+16505551234", content: { type: "text", body: "Hi" } };
export async function send(): Promise<string> {
  const sandbox = createSandbox();
  const client = new MetaClient(sandbox.clientOptions("meta"));
  try {
    const body: Record<string, unknown> = toProvider("meta", message);
    console.log(body);
    return (await client.send(message)).messageId;
  } catch (error) {
    if (error instanceof ValidationError) return error.violations.map((v) => v.path).join();
    throw error;
  } finally {
    client.free();
  }
}
