// The sandbox's Bird Channels API: POST …/channels/{channelId}/messages with AccessKey auth,
// 202 with the created message, Bird's 400/404/409/413/422 bodies, contacts, and the
// whatsapp.outbound / whatsapp.inbound webhooks signed as Bird signs them.
// The wasm functions come through the package's own name (a self-reference), so they are the
// instance the runtime's entry of "wabridge" initialised: node.mjs in Node, deno.mjs in Deno,
// workerd.mjs in Workers, browser.mjs (after `init()`) in browsers.
import { LIMITS, validateProvider } from "wabridge";
import { digits, json, randomUuid } from "./support.js";

/** Bird's 422 details name fields as `.receiver.contacts[0].identifierValue`. */
export function birdPath(pointer) {
  return pointer.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join("") || ".";
}

export function createBird(sandbox, options = {}) {
  const config = {
    accessKey: options.accessKey ?? "sandbox-bird-access-key",
    workspaceId: options.workspaceId ?? "7a9f1c2e-0000-4000-a000-000000000001",
    channelId: options.channelId ?? "8e046034-0000-4000-a000-000000000002",
    connectorId: "4128432e-0000-4000-a000-000000000003",
    senderNumber: options.senderNumber ?? "+15550001234",
    signingKey: options.signingKey ?? "sandbox-bird-signing-key",
    channelActive: options.channelActive ?? true,
  };
  const contacts = new Map(); // contact id → contact
  const byPhone = new Map(); // +E.164 → contact id

  const error = (status, code, message, details) => json(status, details ? { code, message, details } : { code, message });
  const now = () => new Date(sandbox.clock()).toISOString();

  function contactFor(phone, name) {
    const e164 = `+${digits(phone)}`;
    let id = byPhone.get(e164);
    if (!id) {
      id = randomUuid(sandbox.random);
      byPhone.set(e164, id);
      contacts.set(id, {
        id, computedDisplayName: name ?? e164, createdAt: now(), updatedAt: now(), workspaceId: config.workspaceId,
        featuredIdentifiers: [{ key: "phonenumber", value: e164 }], attributes: { phonenumber: [e164] }, identifierCount: 1, accountIds: [], listIds: [],
      });
    }
    return contacts.get(id);
  }

  function messageObject(record) {
    return {
      id: record.id, channelId: config.channelId,
      sender: { connector: { id: config.connectorId, identifierValue: config.senderNumber } },
      receiver: { contacts: [{ id: record.contactId, identifierKey: "phonenumber", identifierValue: record.to, type: "to" }] },
      body: record.body.body, ...(record.body.replyTo ? { replyTo: record.body.replyTo } : {}),
      status: record.status, reason: "", direction: "outgoing",
      parts: [{ platformReference: record.platformReference }],
      lastStatusAt: record.lastStatusAt, createdAt: record.createdAt, updatedAt: record.lastStatusAt,
    };
  }

  return {
    name: "bird",
    config,
    contacts,
    clientOptions: (baseUrl) => ({ accessKey: config.accessKey, workspaceId: config.workspaceId, channelId: config.channelId, baseUrl }),
    owns: (url) => url.pathname.startsWith("/workspaces/"),

    describe(ctx) {
      const parts = ctx.url.pathname.split("/").slice(1);
      // workspaces/{ws}/channels/{ch}/messages | workspaces/{ws}/channels/{ch}/contacts/{id} | workspaces/{ws}/contacts/{id}
      if (ctx.method === "POST" && parts[2] === "channels" && parts[4] === "messages" && parts.length === 5) return { route: "messages", workspace: parts[1], channel: parts[3] };
      if (ctx.method === "GET" && parts[2] === "channels" && parts[4] === "contacts") return { route: "contacts.get", workspace: parts[1], channel: parts[3], id: parts[5] };
      if (ctx.method === "GET" && parts[2] === "contacts") return { route: "contacts.get", workspace: parts[1], id: parts[3] };
      return { route: "unknown", workspace: parts[1] };
    },

    async handle(ctx, call) {
      if (ctx.headers.get("authorization") !== `AccessKey ${config.accessKey}`) {
        return error(401, "Unauthorized", "The access key is missing or invalid");
      }
      if (call.workspace !== config.workspaceId) return error(404, "NotFound", "The requested resource does not exist: workspace not found");
      if (call.channel !== undefined && call.channel !== config.channelId) return error(404, "NotFound", "The requested resource does not exist: channel not found");
      if (call.route === "contacts.get") {
        const contact = contacts.get(call.id);
        return contact ? json(200, contact) : error(404, "NotFound", "The requested resource does not exist: contact not found");
      }
      if (call.route !== "messages") return error(404, "NotFound", `The requested resource does not exist: ${ctx.method} ${ctx.url.pathname}`);
      if (ctx.body.byteLength > LIMITS.BIRD_REQUEST_BODY_MAX_BYTES) {
        return error(413, "PayloadTooLarge", `The request body is ${ctx.body.byteLength} bytes; the maximum is ${LIMITS.BIRD_REQUEST_BODY_MAX_BYTES}`);
      }
      if (!config.channelActive) return error(409, "Conflict", "The channel is not active and cannot send messages");
      let body;
      try {
        body = JSON.parse(ctx.text());
      } catch {
        return error(400, "InvalidRequest", "The request body is not valid JSON");
      }
      const violations = validateProvider("bird", ctx.text());
      if (violations.length) {
        const details = {};
        for (const v of violations) (details[birdPath(v.path)] ??= []).push(v.message);
        return error(422, "InvalidPayload", "One or more fields provided in the request body are malformed", details);
      }
      const to = `+${digits(body.receiver.contacts[0].identifierValue)}`;
      const record = {
        provider: "bird", id: randomUuid(sandbox.random), to, contact: digits(to), contactId: contactFor(to).id,
        kind: body.body?.type ?? "template", body, template: body.template !== undefined,
        status: "accepted", createdAt: now(), lastStatusAt: now(), platformReference: `wamid.${randomUuid(sandbox.random).replace(/-/g, "")}`,
      };
      sandbox.accept(record);
      return json(202, messageObject(record));
    },

    receive(input) {
      const from = `+${digits(input.from)}`;
      const contact = contactFor(from, input.name);
      const id = randomUuid(sandbox.random);
      const payload = {
        id, channelId: config.channelId,
        sender: { contact: { id: contact.id, identifierKey: "phonenumber", identifierValue: from, annotations: { name: input.name ?? "Sandbox Customer" } } },
        receiver: { connector: { id: config.connectorId, identifierValue: config.senderNumber } },
        body: input.message ?? { type: "text", text: { text: String(input.text ?? "") } },
        ...(input.replyTo ? { replyTo: { id: input.replyTo, type: "message" } } : {}),
        parts: [{ platformReference: `wamid.${randomUuid(sandbox.random).replace(/-/g, "")}` }],
        status: "delivered", reason: "", direction: "incoming", lastStatusAt: now(), createdAt: now(), updatedAt: now(),
      };
      sandbox.emit("bird", "message", { service: "channels", event: "whatsapp.inbound", payload });
      return { provider: "bird", id, from, contact: digits(from) };
    },

    // Bird's message statuses have no `read`.
    statusSteps: () => ["sent", "delivered"],

    statusWebhook(record, status, failure) {
      record.status = failure ? "delivery_failed" : status;
      record.lastStatusAt = now();
      const payload = messageObject(record);
      if (failure) {
        payload.reason = failure.title;
        payload.failure = { code: failure.code, description: failure.details, source: { code: String(failure.code), name: "whatsapp" } };
      }
      return { service: "channels", event: "whatsapp.outbound", payload };
    },

    faultBody(mode) {
      const bodies = {
        rate_limit: { code: "TooManyRequests", message: "Too many requests: slow down and retry after the Retry-After delay" },
        server_error: { code: "InternalServerError", message: "An unexpected error occurred" },
        unavailable: { code: "ServiceUnavailable", message: "The service is temporarily unavailable" },
      };
      return bodies[mode] ?? bodies.server_error;
    },
  };
}
