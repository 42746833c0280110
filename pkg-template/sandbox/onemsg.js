// The sandbox's 1MSG.IO API: /{instanceId}/{method}?token=… for the methods of 1MSG's public
// API, {sent, id, message, description} answers, 1MSG's token errors and its HTTP 200
// `sent: false` refusals, and the ack / messages webhooks.
// The wasm functions come through the package's own name (a self-reference), so they are the
// instance the runtime's entry of "wabridge" initialised: node.mjs in Node, deno.mjs in Deno,
// workerd.mjs in Workers, browser.mjs (after `init()`) in browsers.
import { validateProvider } from "wabridge";
import { digits, json, randomToken, unixSeconds } from "./support.js";

/** The send methods of 1MSG's public API; those wabridge does not speak yet answer 501. */
const SEND_METHODS = [
  "sendMessage", "sendFile", "sendButton", "sendList", "sendTemplate", "sendContact", "sendLocation", "sendReaction",
  "sendLocationRequest", "sendCarousel", "sendCtaUrl", "sendSticker", "sendFlow", "sendProduct", "sendAddressMessage",
  "sendOrderDetails", "sendPaymentRequest",
];
const SUPPORTED = new Set([
  "sendMessage", "sendFile", "sendSticker", "sendLocation", "sendLocationRequest", "sendReaction", "sendContact",
  "sendButton", "sendList", "sendCtaUrl",
]);

function parseBody(ctx) {
  const text = ctx.text();
  if ((ctx.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text ? JSON.parse(text) : {};
}

export function createOneMsg(sandbox, options = {}) {
  const config = { token: options.token ?? "sandbox-1msg-token", instanceId: options.instanceId ?? "100001" };
  const inbound = new Map();
  const error = (status, message) => json(status, { error: message });
  const chatId = (to) => (String(to).includes("@") ? String(to) : `${digits(to)}@c.us`);

  return {
    name: "1msg",
    config,
    clientOptions: (baseUrl) => ({ token: config.token, instanceId: config.instanceId, baseUrl }),
    owns: (url) => /^\/[^/]+\/[A-Za-z]+$/.test(url.pathname),

    describe(ctx) {
      const [, instance, method] = ctx.url.pathname.split("/");
      return { route: method, instance };
    },

    async handle(ctx, call) {
      if (call.instance !== config.instanceId) return error(404, `Channel ${call.instance} not found`);
      const token = ctx.url.searchParams.get("token");
      if (token !== config.token) {
        // 1MSG echoes the wrong token: wabridge's client redacts it from its errors.
        return error(401, `Wrong token "${token ?? ""}" for channel "${config.instanceId}". Please provide token as a GET parameter.`);
      }
      const method = call.route;
      if (ctx.method === "GET" && method === "me") return json(200, { id: config.instanceId, name: "wabridge sandbox", phone: "15550001234" });
      if (ctx.method === "GET" && method === "status") return json(200, { accountStatus: "authenticated" });
      if (ctx.method !== "POST") return error(404, `Unknown method ${ctx.method} /${method}`);
      let body;
      try {
        body = parseBody(ctx);
      } catch {
        return error(400, "The request body is not valid JSON");
      }
      if (method === "readMessage") {
        const id = body.messageId ?? body.msgId;
        if (!inbound.has(id)) return error(400, `Message ${id} not found`);
        sandbox.reads.push({ provider: "1msg", messageId: id, typing: Boolean(body.typingIndicator), at: sandbox.clock() });
        return json(200, { read: true });
      }
      if (!SEND_METHODS.includes(method)) return error(404, `Unknown method /${method}`);
      if (!SUPPORTED.has(method)) return error(501, `The wabridge sandbox does not emulate /${method} yet`);
      const violations = validateProvider("1msg", JSON.stringify(body), { operation: method });
      if (violations.length) return error(400, violations.map((v) => `${v.path.slice(1) || "body"}: ${v.message}`).join("; "));
      const to = body.chatId ?? String(body.phone);
      const record = { provider: "1msg", id: `gBG${randomToken(sandbox.random, 24)}`, to: chatId(to), contact: digits(to), kind: method, body, template: method === "sendTemplate" };
      const refusal = sandbox.failureFor(record);
      if (refusal) {
        // 1MSG refuses synchronously, with HTTP 200 and sent: false.
        return json(200, { sent: false, message: refusal.title, description: refusal.details });
      }
      sandbox.accept(record, { checked: true });
      return json(200, { sent: true, id: record.id, message: `Sent to ${record.to}`, description: "Message has been sent to the provider" });
    },

    receive(input) {
      const id = `false_${digits(input.from)}@c.us_${randomToken(sandbox.random, 20)}`;
      const message = {
        id, body: String(input.text ?? ""), fromMe: false, self: 0, isForwarded: false, author: chatId(input.from),
        time: Number(unixSeconds(sandbox.clock())), chatId: chatId(input.from), type: "chat", senderName: input.name ?? "Sandbox Customer",
        caption: null, quotedMsgId: input.replyTo ?? null, ...(input.message ?? {}),
      };
      inbound.set(id, message);
      sandbox.emit("1msg", "message", { messages: [message] });
      return { provider: "1msg", id, from: digits(input.from), contact: digits(input.from) };
    },

    // 1MSG reports a read as "viewed".
    statusSteps: (autoRead) => (autoRead ? ["sent", "delivered", "viewed"] : ["sent", "delivered"]),

    statusWebhook: (record, status) => ({ ack: [{ id: record.id, chatId: record.to, status }] }),

    faultBody(mode) {
      if (mode === "onemsg_not_sent") return { sent: false, message: "Message has not been sent", description: "The provider refused the message" };
      return { error: { rate_limit: "Too many requests", unavailable: "Service temporarily unavailable" }[mode] ?? "Internal server error" };
    },
  };
}
