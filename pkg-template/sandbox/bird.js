// The sandbox's Bird Channels API: POST …/channels/{channelId}/messages with AccessKey auth
// (every body type and template, validated strictly by wabridge's Bird reader), 202 with the
// created message (status "scheduled" for a message scheduled ahead), Bird's
// 400/404/409/413/422 bodies, the contact channel's service window
// (GET …/channels/{channelId}/contacts/{contactId}), workspace contacts, and the
// whatsapp.outbound / whatsapp.inbound webhooks signed as Bird signs them.
// The wasm functions come through the package's own name (a self-reference), so they are the
// instance the runtime's entry of "wabridge" initialised: node.mjs in Node, deno.mjs in Deno,
// workerd.mjs in Workers, browser.mjs (after `init()`) in browsers.
import { LIMITS, validateProvider } from "wabridge";
import { DAY_MS, SANDBOX_CREDENTIALS, SANDBOX_WEBHOOK_SECRETS, digits, json, mediaIn, randomHex, randomUuid } from "./support.js";

/** Bird sends a message scheduled less than this far ahead (or in the past) at once. */
const SCHEDULE_MIN_AHEAD_MS = 10 * 60 * 1000;

/** The templates given to the sandbox (`bird.templates`), checked once when it is made. */
function checkedTemplates(templates) {
  const refused = () => new TypeError("bird.templates is a list of { projectId, versions?, locales?, variables? } (strings, lists of strings)");
  if (!Array.isArray(templates)) throw refused();
  const strings = (list) => Array.isArray(list) && Array.from(list).every((item) => typeof item === "string");
  // Array.from: a hole is an undefined item, refused, not skipped.
  return Array.from(templates, (template) => {
    const { projectId, versions = [], locales = ["en"], variables = [] } = template ?? {};
    if (typeof projectId !== "string" || ![versions, locales, variables].every(strings)) throw refused();
    // Ids are UUIDs, whatever their case.
    return { projectId: projectId.toLowerCase(), versions: versions.map((v) => v.toLowerCase()), locales, variables };
  });
}

/** Why a template message cannot be sent with the workspace's `templates`, or null. */
function templateFailure(templates, sent) {
  const fail = (title, details) => ({ source: "touchpoint", title, details });
  const template = templates.find((t) => t.projectId === sent.projectId.toLowerCase());
  if (!template) return fail("template not found", `No template project ${sent.projectId} in this workspace.`);
  if (sent.version !== "latest" && !template.versions.includes(sent.version.toLowerCase())) return fail("template version not found", `The template has no version ${sent.version}.`);
  if (!template.locales.includes(sent.locale)) return fail("template locale not found", `The template has no ${sent.locale} translation (it has ${template.locales.join(", ")}).`);
  const given = new Set((sent.parameters ?? []).map((p) => p.key));
  const missing = template.variables.filter((v) => !given.has(v));
  if (missing.length) return fail("missing template variables", `The template's variables ${missing.join(", ")} have no parameter.`);
  return null;
}

/** Bird's 422 details name fields as `.receiver.contacts[0].identifierValue`. */
export function birdPath(pointer) {
  return (
    pointer
      .split("/")
      .slice(1)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
      .join("") || "."
  );
}

/** The core reports an inline (data:) attachment over 100 KB as `too_long` at a `…/mediaUrl`:
 *  Bird refuses those with 413, as it does a body over 200 KB, not with 422. */
const tooLargeInline = (v) => v.code === "too_long" && /\/mediaUrl$/.test(v.path);

export function createBird(sandbox, options = {}) {
  const config = {
    accessKey: options.accessKey ?? SANDBOX_CREDENTIALS.bird,
    workspaceId: options.workspaceId ?? "7a9f1c2e-0000-4000-a000-000000000001",
    channelId: options.channelId ?? "8e046034-0000-4000-a000-000000000002",
    connectorId: "4128432e-0000-4000-a000-000000000003",
    senderNumber: options.senderNumber ?? "+15550001234",
    signingKey: options.signingKey ?? SANDBOX_WEBHOOK_SECRETS.bird,
    channelActive: options.channelActive ?? true,
  };
  // The workspace's Studio templates, when given: a template message is then checked against
  // them as Bird's template service (touchpoints) does before sending; without them any
  // project, version and locale passes, the sandbox knowing none of yours.
  const templates = options.templates === undefined ? undefined : checkedTemplates(options.templates);
  const contacts = new Map(); // contact id → contact
  const byIdentifier = new Map(); // +E.164 (or a BSUID) → contact id

  const error = (status, code, message, details) => json(status, details ? { code, message, details } : { code, message });
  const notFound = (what) => error(404, "NotFound", `The requested resource does not exist: ${what}`);
  const iso = (ms) => new Date(ms).toISOString();
  const now = () => iso(sandbox.clock());

  /** The workspace's contact of a phone number, or (`key` "whatsappbsuid") of a customer
   *  whose number is hidden, by their business-scoped user id. */
  function contactFor(value, name, key = "phonenumber") {
    const identifier = identifierOf(value, key);
    let id = byIdentifier.get(identifier);
    if (!id) {
      id = randomUuid(sandbox.random);
      byIdentifier.set(identifier, id);
      contacts.set(id, {
        id, computedDisplayName: name ?? identifier, createdAt: now(), updatedAt: now(), workspaceId: config.workspaceId,
        featuredIdentifiers: [{ key, value: identifier }], attributes: { [key]: [identifier] }, identifierCount: 1, accountIds: [], listIds: [],
      });
    }
    return contacts.get(id);
  }

  /** An identifier as the workspace keeps it: a phone number in +E.164, else as given. */
  const identifierOf = (value, key) => (key === "phonenumber" ? `+${digits(value)}` : value);
  const phoneOf = (contact) => contact.featuredIdentifiers[0].value;
  const keyOf = (contact) => contact.featuredIdentifiers[0].key;
  /** The customer as the sandbox's window knows them: their number's digits, or their user id. */
  const customerOf = (contact) => (keyOf(contact) === "phonenumber" ? digits(phoneOf(contact)) : phoneOf(contact));

  /** Bird's ChannelContactInformation: the window the contact's last inbound message opened
   *  (24 hours, as the sandbox tracks it for every provider); `null` when they never wrote.
   *  The expiry is reported even once it has passed: a time in the past is a closed window. */
  function channelContact(contact) {
    const last = sandbox.lastInbound.get(`bird:${customerOf(contact)}`);
    return { serviceWindowExpireAt: last === undefined ? null : iso(last + DAY_MS), isPermanentSession: false, metadata: {} };
  }

  function messageObject(record) {
    const { body } = record;
    return {
      id: record.id, channelId: config.channelId,
      sender: { connector: { id: config.connectorId, identifierValue: config.senderNumber } },
      receiver: { contacts: record.receivers.map((r) => ({ id: r.id, identifierKey: r.key, identifierValue: r.phone, type: "to" })) },
      ...(body.template !== undefined ? { template: body.template } : { body: body.body }),
      ...(body.replyTo ? { replyTo: body.replyTo } : {}),
      ...(body.meta !== undefined ? { meta: body.meta } : {}),
      ...(body.reference !== undefined ? { reference: body.reference } : {}),
      ...(body.tags !== undefined ? { tags: body.tags } : {}),
      ...(body.shortLinks !== undefined ? { shortLinks: body.shortLinks } : {}),
      ...(body.scheduledFor !== undefined ? { scheduledFor: body.scheduledFor } : {}),
      // The store says "read" (what the customer did); Bird's message says delivered.
      status: record.status === "read" ? "delivered" : record.status, reason: "", direction: "outgoing",
      parts: [{ platformReference: record.platformReference }],
      lastStatusAt: record.lastStatusAt, createdAt: record.createdAt, updatedAt: record.lastStatusAt,
    };
  }

  async function sendMessage(ctx) {
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
    // Judged by the sandbox's clock (createSandbox({ now })): scheduledFor's 35 days ahead
    // count from the sandbox's now, as its window and its scheduled sends do.
    const violations = validateProvider("bird", ctx.text(), { now: sandbox.clock() });
    const inline = violations.find(tooLargeInline);
    if (inline) return error(413, "PayloadTooLarge", inline.message);
    const details = {};
    for (const v of violations) (details[birdPath(v.path)] ??= []).push(v.message);
    // A receiver given by contact id must be a contact of the workspace.
    (Array.isArray(body?.receiver?.contacts) ? body.receiver.contacts : []).forEach((c, i) => {
      if (typeof c?.id === "string" && !contacts.has(c.id)) (details[`.receiver.contacts[${i}].id`] ??= []).push(`contact ${c.id} not found in the workspace`);
    });
    if (Object.keys(details).length) {
      return error(422, "InvalidPayload", "One or more fields provided in the request body are malformed", details);
    }
    const receivers = body.receiver.contacts.map((c) => {
      const contact = c.id === undefined ? contactFor(c.identifierValue, undefined, c.identifierKey ?? "phonenumber") : contacts.get(c.id);
      return { id: contact.id, phone: phoneOf(contact), key: keyOf(contact), customer: customerOf(contact) };
    });
    // The sandbox's window, undeliverable numbers and statuses follow the first receiver.
    const [first] = receivers;
    const at = body.scheduledFor === undefined ? undefined : Date.parse(body.scheduledFor);
    const record = {
      provider: "bird", id: randomUuid(sandbox.random), to: first.phone, contact: first.customer, contactId: first.id, receivers,
      kind: body.body?.type ?? "template", body, template: body.template !== undefined,
      status: "accepted", createdAt: now(), lastStatusAt: now(), platformReference: `wamid.${randomUuid(sandbox.random).replace(/-/g, "")}`,
      origin: ctx.url.origin, media: mediaIn(body, { linkKeys: ["mediaUrl"], skip: ["meta"] }),
    };
    // A free-form message to a contact whose 24-hour window is closed: as the Meta sandbox
    // does (and as WhatsApp behind Bird does), it is accepted (202) and then fails, its
    // whatsapp.outbound webhook going delivery_failed with WhatsApp's 131047 as `failure.source.code`.
    // Templates are always allowed (sandbox.failureFor). A message scheduled 10 minutes or
    // more ahead answers "scheduled" and is judged and played out when its time comes;
    // one in the past or sooner is sent at once (the client's result warns of it).
    sandbox.accept(record, { at: at - sandbox.clock() >= SCHEDULE_MIN_AHEAD_MS ? at : undefined });
    return json(202, messageObject(record));
  }

  /** A customer's file as Bird gives it: an image, or a file (WhatsApp's audio, video,
   *  documents and stickers), whose `mediaUrl` is on Bird's media host (here, the sandbox). */
  function inboundBody(file, messageId) {
    const mediaUrl = `${file.origin}/workspaces/${config.workspaceId}/messages/${messageId}/media/${file.id}`;
    const text = file.caption !== null ? { text: file.caption } : {};
    if (file.type === "image") return { type: "image", image: { images: [{ mediaUrl }], ...text } };
    return { type: "file", file: { files: [{ mediaUrl, contentType: file.mimeType, ...(file.filename !== null ? { filename: file.filename } : {}) }], ...text } };
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
      if (ctx.method === "GET" && parts[2] === "channels" && parts[4] === "contacts" && parts.length === 6) return { route: "channelContact.get", workspace: parts[1], channel: parts[3], id: parts[5] };
      if (ctx.method === "GET" && parts[2] === "contacts" && parts.length === 4) return { route: "contacts.get", workspace: parts[1], id: parts[3] };
      // workspaces/{ws}/messages/{messageId}/media/{fileId}: a customer's file (media.api.bird.com).
      if (ctx.method === "GET" && parts[2] === "messages" && parts[4] === "media" && parts.length === 6) return { route: "media.get", workspace: parts[1], id: parts[5] };
      return { route: "unknown", workspace: parts[1] };
    },

    async handle(ctx, call) {
      if (ctx.headers.get("authorization") !== `AccessKey ${config.accessKey}`) {
        return error(401, "Unauthorized", "The access key is missing or invalid");
      }
      if (call.workspace !== config.workspaceId) return notFound("workspace not found");
      if (call.channel !== undefined && call.channel !== config.channelId) return notFound("channel not found");
      switch (call.route) {
        case "messages":
          return sendMessage(ctx);
        case "media.get": {
          // As media.api.bird.com does: to the access key, a redirect to the file's storage
          // (a presigned link, which must be fetched without the key).
          const file = sandbox.files.get(call.id);
          if (!file) return notFound("media not found");
          const signature = randomHex(sandbox.random, 32);
          return new Response(null, { status: 302, headers: { location: `${ctx.url.origin}/sandbox-files/${file.id}?X-Amz-Expires=900&X-Amz-Signature=${signature}` } });
        }
        case "contacts.get": {
          const contact = contacts.get(call.id);
          return contact ? json(200, contact) : notFound("contact not found");
        }
        case "channelContact.get": {
          const contact = contacts.get(call.id);
          // contactIdentifierValue, when given, must be the contact's identifier on the channel.
          const value = ctx.url.searchParams.get("contactIdentifierValue");
          if (!contact || (value !== null && identifierOf(value, keyOf(contact)) !== phoneOf(contact))) return notFound("contact not found on this channel");
          return json(200, channelContact(contact));
        }
        default:
          return notFound(`${ctx.method} ${ctx.url.pathname}`);
      }
    },

    receive(input, file) {
      // A customer whose number is hidden is identified by their username, their
      // business-scoped user id and username in meta.extraInformation (Bird's BSUIDs page).
      const hidden = !input.from;
      const from = hidden ? undefined : `+${digits(input.from)}`;
      const contact = hidden ? contactFor(input.userId, input.name, "whatsappbsuid") : contactFor(from, input.name);
      const id = randomUuid(sandbox.random);
      const identifier = !hidden
        ? { identifierKey: "phonenumber", identifierValue: from }
        : input.username
          ? { identifierKey: "whatsappusername", identifierValue: input.username }
          : { identifierKey: "whatsappbsuid", identifierValue: input.userId };
      const extra = { ...(input.userId ? { whatsappbsuid: input.userId } : {}), ...(input.username ? { whatsappusername: input.username } : {}) };
      const payload = {
        id, channelId: config.channelId,
        sender: { contact: { id: contact.id, ...identifier, annotations: { name: input.name ?? "Sandbox Customer" } } },
        ...(Object.keys(extra).length ? { meta: { extraInformation: extra } } : {}),
        receiver: { connector: { id: config.connectorId, identifierValue: config.senderNumber } },
        body: input.message ?? (file ? inboundBody(file, id) : { type: "text", text: { text: String(input.text ?? "") } }),
        ...(input.replyTo ? { replyTo: { id: input.replyTo, type: "message" } } : {}),
        parts: [{ platformReference: `wamid.${randomUuid(sandbox.random).replace(/-/g, "")}` }],
        status: "delivered", reason: "", direction: "incoming", lastStatusAt: now(), createdAt: now(), updatedAt: now(),
      };
      sandbox.emit("bird", "message", { service: "channels", event: "whatsapp.inbound", payload });
      return { provider: "bird", id, from, contact: customerOf(contact), contactId: contact.id, ...(input.userId ? { userId: input.userId } : {}) };
    },

    // Bird's message statuses have no `read`: the customer reading it is an interaction
    // (statusWebhook), kept in the store as the status "read", as the others' reads are.
    statusSteps: (autoRead) => (autoRead ? ["sent", "delivered", "read"] : ["sent", "delivered"]),

    /** Why Bird's template service would not send a template message, given the workspace's templates. */
    contentFailure(record) {
      return templates && record.template ? templateFailure(templates, record.body.template) : null;
    },

    statusWebhook(record, status, failure) {
      if (status === "read") {
        const interaction = {
          id: randomUuid(sandbox.random), messageId: record.id, channelId: config.channelId, platformId: "whatsapp", type: "read",
          ...(record.body?.reference !== undefined ? { messageReference: record.body.reference } : {}),
          receiver: messageObject(record).receiver, createdAt: now(),
        };
        return { service: "channels", event: "whatsapp.interaction", payload: interaction };
      }
      record.status = failure ? (failure.source === "touchpoint" ? "sending_failed" : "delivery_failed") : status;
      record.lastStatusAt = now();
      const payload = messageObject(record);
      if (failure) {
        // Bird's own template service failed it before WhatsApp saw it: source "touchpoint"
        // (Bird's failure sources), no WhatsApp code. Else WhatsApp's own code goes in
        // `failure.source.code` (Bird: "the specific errors returned from the whatsapp
        // platform"); `failure.code` is Bird's channel-agnostic grouping (11xxx–15xxx), whose
        // WhatsApp values Bird does not publish: the sandbox gives none rather than one a
        // receiver would match in tests and never see in production.
        const source = failure.source === "touchpoint" ? { name: "touchpoint" } : { code: String(failure.code), name: "whatsapp" };
        payload.reason = failure.title;
        payload.failure = { description: failure.details, source };
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
