// A Cloudflare Worker that sends and receives WhatsApp messages through Meta.
//   POST /send     {"to": "+16505551234", "content": {"type": "text", "body": "Hi"}}
//                  answers 200 with Meta's result, 422 with every violation, 502 with the provider's error.
//   GET  /webhook  Meta's verification (hub.mode, hub.verify_token = META_VERIFY_TOKEN, hub.challenge).
//   POST /webhook  a delivery: its X-Hub-Signature-256 checked with META_APP_SECRET over the raw
//                  bytes, read into events, each customer message answered through the client;
//                  redeliveries are filtered through the SEEN KV namespace when it is bound.
// Without WHATSAPP_TOKEN it sends to wabridge's sandbox (in the Worker, no network), so the
// example runs anywhere (GET /sent lists what it sent; its webhooks are checked with the
// sandbox's test secret unless META_APP_SECRET is set); with WHATSAPP_TOKEN and
// WHATSAPP_PHONE_NUMBER_ID it sends for real.
import { MetaClient, ValidationError, WabridgeError, handleWebhook } from "wabridge";
import { SANDBOX_WEBHOOK_SECRETS, createSandbox } from "wabridge/sandbox";

/** The in-Worker sandbox, when no token is configured: one per isolate. */
let sandbox;

function client(env) {
  if (env.WHATSAPP_TOKEN) return new MetaClient({ token: env.WHATSAPP_TOKEN, phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID });
  sandbox ??= createSandbox({ enforceWindow: false });
  return new MetaClient(sandbox.clientOptions("meta"));
}

async function send(request, env) {
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
}

function webhook(request, env) {
  // Sending to the sandbox, its webhooks are signed with its own test secret; for real, with
  // your app's. A secret that is not configured is said, not thrown as a stack.
  const sandboxed = !env.WHATSAPP_TOKEN;
  const secret = env.META_APP_SECRET ?? (sandboxed ? SANDBOX_WEBHOOK_SECRETS.meta : undefined);
  const missing = !secret ? "META_APP_SECRET" : request.method === "GET" && !env.META_VERIFY_TOKEN ? "META_VERIFY_TOKEN" : undefined;
  if (missing) return new Response(`configure ${missing}: npx wrangler secret put ${missing}`, { status: 500 });
  return handleWebhook(request, {
    provider: "meta",
    secret,
    verifyToken: env.META_VERIFY_TOKEN,
    // Meta redelivers until it gets a 200; a KV namespace remembers across isolates what was handled.
    dedupe: env.SEEN ? { store: env.SEEN } : undefined,
    on: {
      // Answering is one line: the sender's number, quoting what they sent. (To echo it
      // instead: `content: event.content`, the message as wabridge's neutral content.)
      message: (event) =>
        client(env)
          .send({
            to: event.from.phone,
            replyTo: event.id,
            content: { type: "text", body: event.text ? `You said: ${event.text}` : `Thanks for the ${event.kind}!` },
          })
          .catch((error) => {
            // An answer lost on the way (safeToResend: false): the reply probably went.
            // Thrown, the webhook would answer 500 and Meta redeliver it: a second reply.
            if (error?.safeToResend !== false) throw error;
            console.warn(`reply to ${event.id} may have gone; not sent again:`, error.message);
          }),
      status: (event) => console.log(`${event.id} is ${event.status}`, event.errors ?? ""),
    },
  });
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === "/send" && request.method === "POST") return send(request, env);
    if (pathname === "/webhook") return webhook(request, env);
    if (pathname === "/sent" && !env.WHATSAPP_TOKEN) return Response.json(sandbox?.messages("meta").map((m) => m.body) ?? []);
    return new Response("POST /send, GET|POST /webhook", { status: 404 });
  },
};
