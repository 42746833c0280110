// A Node service: an HTTP endpoint that validates a neutral message and sends it through
// MetaClient, credentials from environment variables. Compiled with @types/node only.
import { createServer } from "node:http";
import { MetaClient, ProviderError, ValidationError, validate, type Message } from "wabridge";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const client = new MetaClient({
  token: env("WHATSAPP_TOKEN"),
  phoneNumberId: env("WHATSAPP_PHONE_NUMBER_ID"),
  timeoutMs: 10_000,
  retry: { maxRetries: 3, retryUnsafe: false },
});

createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const message = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Message;
  const violations = validate(message, "meta");
  if (violations.length) {
    response.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify(violations));
    return;
  }
  try {
    const { messageId, messageStatus, warnings } = await client.send(message);
    // What Meta's body left out of the message (a mimeType), if anything.
    const leftOut: string[] = warnings ?? [];
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ messageId, messageStatus, leftOut }));
  } catch (error) {
    if (error instanceof ValidationError) response.writeHead(422).end(JSON.stringify(error.violations));
    else if (error instanceof ProviderError) response.writeHead(error.retryable ? 503 : 502).end(error.message);
    else throw error;
  }
}).listen(Number(process.env.PORT ?? 8080));

// Read receipts and media, with their optional arguments left out.
export async function receipts(inbound: string, pdf: Uint8Array) {
  await client.markRead(inbound);
  await client.markRead(inbound, { typing: true });
  const { id } = await client.uploadMedia(new Blob([new Uint8Array(pdf)], { type: "application/pdf" }));
  await client.uploadMedia(pdf, { type: "application/pdf", filename: "invoice.pdf" });
  return client.getMedia(id);
}
