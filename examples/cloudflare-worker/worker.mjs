// A Cloudflare Worker that validates a neutral message and sends it through Meta.
//   POST /send  {"to": "+16505551234", "content": {"type": "text", "body": "Hi"}}
// answers 200 with Meta's result, 422 with every violation, 502 with the provider's error.
// Without WHATSAPP_TOKEN it sends to wabridge's sandbox (in the Worker, no network), so the
// example runs anywhere; with WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID it sends for real.
import { MetaClient, ValidationError, WabridgeError } from "wabridge";
import { createSandbox } from "wabridge/sandbox";

function client(env) {
  if (env.WHATSAPP_TOKEN) return new MetaClient({ token: env.WHATSAPP_TOKEN, phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID });
  const sandbox = createSandbox({ enforceWindow: false });
  return new MetaClient(sandbox.clientOptions("meta"));
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method !== "POST" || url.pathname !== "/send") return new Response("POST /send", { status: 404 });
    let message;
    try {
      message = await request.json();
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    try {
      return Response.json(await client(env).send(message));
    } catch (error) {
      if (error instanceof ValidationError) return Response.json({ violations: error.violations }, { status: 422 });
      if (error instanceof WabridgeError) return Response.json({ code: error.code, message: error.message, retryable: error.retryable }, { status: 502 });
      throw error;
    }
  },
};
