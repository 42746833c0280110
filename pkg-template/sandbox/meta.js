// The sandbox's Meta WhatsApp Cloud API: POST …/messages (every kind wabridge validates,
// mark-as-read and typing; a template only as the account has it: templates.js),
// media upload/get/delete/download, the account's message templates (GET, POST and DELETE
// …/{waba-id}/message_templates), tokens (a Bearer header or `access_token`), the 24-hour
// customer-care window, and status and inbound-message webhooks in Meta's format.
// The wasm functions come through the package's own name (a self-reference), so they are the
// instance the runtime's entry of "wabridge" initialised: node.mjs in Node, deno.mjs in Deno,
// workerd.mjs in Workers, browser.mjs (after `init()`) in browsers.
import { checkMediaUpload, validateProvider } from "wabridge";
import { MEDIA_KEYS, REACTION_TARGET_FAILURE, SANDBOX_CREDENTIALS, SANDBOX_WEBHOOK_SECRETS, json, mediaIn, randomToken, sha256, bytesToHex, bytesToBase64, unixSeconds, whatsAppId } from "./support.js";
import { META_SEED_TEMPLATES, TemplateRegistry, templateFault } from "./templates.js";

/** Meta names fields as `interactive['action']['buttons'][0]['reply']['title']`. */
export function metaParam(pointer) {
  const [first, ...rest] = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (first === undefined) return "body";
  return first + rest.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `['${s}']`)).join("");
}

export function createMeta(sandbox, options = {}) {
  const config = {
    token: options.token ?? SANDBOX_CREDENTIALS.meta,
    phoneNumberId: options.phoneNumberId ?? "100000000000001",
    displayPhoneNumber: options.displayPhoneNumber ?? "15550001234",
    wabaId: options.wabaId ?? "200000000000001",
    appSecret: options.appSecret ?? SANDBOX_WEBHOOK_SECRETS.meta,
  };
  const media = new Map();
  const inbound = new Map();
  const numericId = () => String(1e15 + Math.floor(sandbox.random() * 9e14));
  const templates = new TemplateRegistry(options.templates ?? META_SEED_TEMPLATES, numericId);
  const trace = () => `A${randomToken(sandbox.random, 22)}`;

  function graphError(status, code, message, { subcode, details, type = "OAuthException", transient } = {}) {
    const error = { message, type, code };
    if (subcode !== undefined) error.error_subcode = subcode;
    if (transient !== undefined) error.is_transient = transient;
    if (details !== undefined) error.error_data = { messaging_product: "whatsapp", details };
    error.fbtrace_id = trace();
    return json(status, { error });
  }

  const invalidParameter = (details) => graphError(400, 100, "(#100) Invalid parameter", { details });
  const noSuchObject = (method, id) =>
    graphError(400, 100, `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33 });

  function envelope(value) {
    return {
      object: "whatsapp_business_account",
      entry: [{ id: config.wabaId, changes: [{ value: { messaging_product: "whatsapp", metadata: { display_phone_number: config.displayPhoneNumber, phone_number_id: config.phoneNumberId }, ...value }, field: "messages" }] }],
    };
  }

  function wamid() {
    return `wamid.${randomToken(sandbox.random, 40)}`;
  }

  async function sendMessage(ctx, body) {
    let violations;
    try {
      violations = validateProvider("meta", ctx.text());
    } catch (error) {
      return invalidParameter(error.message);
    }
    if (violations.length) {
      const first = violations[0];
      return invalidParameter(`Param ${metaParam(first.path)}: ${first.message}`);
    }
    const type = body.type ?? "text";
    if (type === "template") {
      const { name, language, components } = body.template;
      const refused = templates.refusal(name, language.code, components);
      if (refused) return graphError(400, refused.code, `(#${refused.code}) ${refused.title}`, { details: refused.details });
    }
    const id = wamid();
    const group = body.recipient_type === "group";
    // A customer whose number is hidden is sent to by business-scoped user id (`recipient`);
    // given both, Meta sends to `to`.
    const userId = body.to === undefined ? body.recipient : undefined;
    const to = body.to ?? body.recipient;
    const record = { provider: "meta", id, to, contact: group || userId ? to : whatsAppId(to), group, userId, kind: type, body, template: type === "template", callbackData: body.biz_opaque_callback_data };
    // Media by link, or by the id of an upload (this number's: `media`).
    record.origin = ctx.url.origin;
    record.media = mediaIn(body, { mediaKeys: MEDIA_KEYS, skip: ["flow_action_payload"], uploads: media });
    if (record.template) record.templateCategory = String(templates.get(body.template.name, body.template.language.code).category).toLowerCase();
    // Meta: "any type of message except for one-tap, zero-tap, and copy code authentication templates".
    if (userId && record.templateCategory === "authentication") {
      return graphError(400, 131062, "(#131062) Business-scoped User ID (BSUID) recipients are not supported for this message.");
    }
    sandbox.accept(record);
    const message = record.template ? { id, message_status: "accepted" } : { id };
    const contact = userId ? { input: userId, user_id: userId } : { input: body.to, wa_id: record.contact };
    return json(200, { messaging_product: "whatsapp", contacts: group ? [] : [contact], messages: [message] });
  }

  /** GET (filtered by `name`, `language`, `status`, `category`), POST (approved at once: Meta
   *  reviews a template first) and DELETE (`?name=`, every language) of the account's templates. */
  function messageTemplates(ctx) {
    const query = ctx.url.searchParams;
    if (ctx.method === "GET") {
      const wanted = (t) => ["name", "language", "status", "category"].every((key) => !query.has(key) || String(t[key]).toUpperCase() === query.get(key).toUpperCase());
      const data = templates.list().filter(wanted).map(({ id, ...t }) => ({ ...t, id }));
      return json(200, { data, paging: { cursors: { before: "", after: "" } } });
    }
    if (ctx.method === "DELETE") {
      const name = query.get("name");
      if (!name) return graphError(400, 100, "(#100) The parameter name is required");
      if (!templates.remove(name)) return invalidParameter(`Message template "${name}" not found`);
      return json(200, { success: true });
    }
    let body;
    try {
      body = JSON.parse(ctx.text());
    } catch {
      return invalidParameter("The request body is not valid JSON");
    }
    for (const key of ["name", "language", "category", "components"]) {
      if (body?.[key] === undefined) return graphError(400, 100, `(#100) The parameter ${key} is required.`);
    }
    const fault = templateFault(body);
    if (fault) return invalidParameter(`Param ${fault}`);
    if (templates.has(body.name, body.language)) {
      return graphError(400, 100, "Invalid parameter", { subcode: 2388024, details: `Content in this language already exists: ${body.name} (${body.language})` });
    }
    const stored = templates.add({ name: body.name, language: body.language, category: String(body.category).toUpperCase(), components: body.components, ...(body.parameter_format ? { parameter_format: body.parameter_format } : {}) });
    return json(200, { id: stored.id, status: stored.status, category: stored.category });
  }

  function markRead(body) {
    if (typeof body.message_id !== "string" || !inbound.has(body.message_id)) {
      return invalidParameter(`Param message_id: no inbound message ${JSON.stringify(body.message_id)} to mark as read`);
    }
    if (body.typing_indicator !== undefined && body.typing_indicator?.type !== "text") {
      return invalidParameter("Param typing_indicator['type'] must be text");
    }
    inbound.get(body.message_id).read = true;
    sandbox.reads.push({ provider: "meta", messageId: body.message_id, typing: body.typing_indicator !== undefined, at: sandbox.clock() });
    return json(200, { success: true });
  }

  async function upload(ctx) {
    let form;
    try {
      form = await new Request(ctx.url, { method: "POST", headers: ctx.headers, body: ctx.body }).formData();
    } catch {
      return invalidParameter("The request is not multipart/form-data");
    }
    if (form.get("messaging_product") !== "whatsapp") return graphError(400, 100, "(#100) The parameter messaging_product is required.");
    const file = form.get("file");
    const type = form.get("type");
    if (!file || typeof file === "string") return graphError(400, 100, "(#100) The parameter file is required.");
    if (typeof type !== "string") return graphError(400, 100, "(#100) The parameter type is required.");
    try {
      checkMediaUpload(type, file.size);
    } catch (error) {
      const first = error.violations?.[0];
      return invalidParameter(first ? `Param ${metaParam(first.path)}: ${first.message}` : error.message);
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const id = numericId();
    const hash = await sha256(bytes);
    media.set(id, { id, bytes, mimeType: type, sha256: bytesToHex(hash), sha256Base64: bytesToBase64(hash), fileSize: bytes.byteLength, filename: file.name ?? null, uploadedAt: sandbox.clock() });
    return json(200, { id });
  }

  /** A customer's file as Meta gives it: a media id (kept like an upload: `getMedia` and the
   *  download URL serve it, with the token), its MIME type, caption, file name, voice flag. */
  function inboundMedia(file) {
    const id = numericId();
    const item = { id, bytes: file.bytes, mimeType: file.mimeType, sha256: null, sha256Base64: null, fileSize: file.bytes.byteLength, filename: file.filename, uploadedAt: sandbox.clock() };
    item.hashed = sha256(file.bytes).then((hash) => {
      item.sha256 = bytesToHex(hash);
      item.sha256Base64 = bytesToBase64(hash);
      return item.sha256Base64;
    });
    media.set(id, item);
    return {
      id, mime_type: file.mimeType,
      ...(file.caption !== null && file.type !== "audio" && file.type !== "sticker" ? { caption: file.caption } : {}),
      ...(file.filename !== null && file.type === "document" ? { filename: file.filename } : {}),
      ...(file.type === "audio" ? { voice: file.voice } : {}),
    };
  }

  return {
    name: "meta",
    config,
    media,
    inbound,
    clientOptions: (baseUrl) => ({ token: config.token, phoneNumberId: config.phoneNumberId, baseUrl }),
    owns: (url) => /^\/v\d+\.\d+\//.test(url.pathname) || url.pathname.startsWith("/meta-media/"),

    describe(ctx) {
      const [, version, id, edge] = ctx.url.pathname.split("/");
      if (version === "meta-media") return { route: "media.download", id };
      if (ctx.method === "POST" && edge === "messages") return { route: "messages", id };
      if (ctx.method === "POST" && edge === "media") return { route: "media.upload", id };
      if (edge === "message_templates" && ["GET", "POST", "DELETE"].includes(ctx.method)) return { route: `templates.${ctx.method.toLowerCase()}`, id };
      if (ctx.method === "GET" && !edge) return { route: "media.get", id };
      if (ctx.method === "DELETE" && !edge) return { route: "media.delete", id };
      return { route: "unknown", id };
    },

    async handle(ctx, call) {
      const token = accessToken(ctx);
      if (token === undefined) return graphError(401, 190, "An access token is required to request this resource.");
      if (token !== config.token) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
      switch (call.route) {
        case "messages":
        case "media.upload": {
          if (call.id !== config.phoneNumberId) return noSuchObject("post", call.id);
          if (call.route === "media.upload") return upload(ctx);
          let body;
          try {
            body = JSON.parse(ctx.text());
          } catch {
            return invalidParameter("The request body is not valid JSON");
          }
          if (body && typeof body === "object" && body.status === "read") return markRead(body);
          return sendMessage(ctx, body);
        }
        case "media.get": {
          const item = media.get(call.id);
          if (!item) return noSuchObject("get", call.id);
          const url = `${ctx.url.origin}/meta-media/${item.id}?mid=${randomToken(sandbox.random, 16)}`;
          return json(200, { messaging_product: "whatsapp", url, mime_type: item.mimeType, sha256: item.sha256, file_size: String(item.fileSize), id: item.id });
        }
        case "media.delete":
          if (!media.delete(call.id)) return noSuchObject("delete", call.id);
          return json(200, { success: true });
        case "templates.get":
        case "templates.post":
        case "templates.delete":
          if (call.id !== config.wabaId) return noSuchObject(ctx.method.toLowerCase(), call.id);
          return messageTemplates(ctx);
        case "media.download": {
          const item = media.get(call.id);
          if (!item) return new Response("Not Found", { status: 404 });
          return new Response(item.bytes, { status: 200, headers: { "content-type": item.mimeType, "content-length": String(item.fileSize) } });
        }
        default:
          return graphError(400, 100, `Unsupported ${ctx.method.toLowerCase()} request on ${ctx.url.pathname}`, { subcode: 33 });
      }
    },

    /** An inbound message from `from`: a text, or a raw Meta message object in `message`. */
    receive(input, file) {
      // A customer whose number is hidden has only their business-scoped user id (`user_id`,
      // `from_user_id`) and username; one whose number is shared has both ids.
      const from = input.from ? whatsAppId(input.from) : undefined;
      const sender = { ...(from ? { from } : {}), ...(input.userId ? { from_user_id: input.userId } : {}) };
      const id = wamid();
      const timestamp = unixSeconds(sandbox.clock());
      const message = input.message
        ? { ...sender, id, timestamp, ...input.message }
        : file
          ? { ...sender, id, timestamp, type: file.type, [file.type]: inboundMedia(file) }
          : { ...sender, id, timestamp, type: "text", text: { body: String(input.text ?? "") } };
      if (input.replyTo) message.context = { from: config.displayPhoneNumber, id: input.replyTo };
      inbound.set(id, { id, from, userId: input.userId, group: message.group_id, message, read: false });
      const profile = { name: input.name ?? "Sandbox Customer", ...(input.username ? { username: input.username } : {}) };
      const payload = envelope({ contacts: [{ profile, ...(from ? { wa_id: from } : {}), ...(input.userId ? { user_id: input.userId } : {}) }], messages: [message] });
      // A file's webhook goes once its SHA-256 is known (WebCrypto is asynchronous).
      const hashed = file ? media.get(message[file.type].id).hashed : undefined;
      sandbox.track((async () => {
        if (hashed) message[file.type].sha256 = await hashed;
        await sandbox.emit("meta", "message", payload);
      })());
      return { provider: "meta", id, from, contact: from ?? input.userId, ...(input.userId ? { userId: input.userId } : {}) };
    },

    reset: () => templates.reset(),

    // A reaction has only its sent status (Meta: "a reaction triggers only the sent webhook").
    statusSteps: (autoRead, record) => (record.kind === "reaction" ? ["sent"] : autoRead ? ["sent", "delivered", "read"] : ["sent", "delivered"]),

    /** Why Meta fails a message for what it says, after accepting it: a reaction to a message
     *  that is not in this customer's thread, or that is itself a reaction (131009). */
    contentFailure(record) {
      if (record.kind !== "reaction") return null;
      const target = record.body.reaction?.message_id;
      const received = inbound.get(target);
      const sent = sandbox.sent.find((m) => m.provider === "meta" && m.id === target);
      // The thread is the customer's however they are addressed (number, user id), or the group's.
      const theirs = received && [received.from, received.userId, received.group].includes(record.contact);
      const inThread = received ? theirs && received.message.type !== "reaction" : sent?.contact === record.contact && sent.kind !== "reaction";
      return inThread ? null : REACTION_TARGET_FAILURE;
    },

    statusWebhook(record, status, failure) {
      const entry = { id: record.id, status, timestamp: unixSeconds(sandbox.clock()), ...(record.userId ? { recipient_user_id: record.userId } : { recipient_id: record.contact }) };
      // A group send's status names the group (recipient_id) as a group (Meta's group messaging).
      if (record.body?.recipient_type === "group") entry.recipient_type = "group";
      if (record.callbackData !== undefined) entry.biz_opaque_callback_data = record.callbackData;
      if (failure) {
        entry.errors = [{ code: failure.code, title: failure.title, message: failure.title, error_data: { details: failure.details }, href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/" }];
      } else {
        entry.pricing = record.template
          ? { billable: true, pricing_model: "PMP", category: record.templateCategory, type: "regular" }
          : { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" };
      }
      return envelope({ statuses: [entry] });
    },

    faultBody(mode) {
      switch (mode) {
        case "rate_limit":
          return { error: { message: "(#4) Application request limit reached", type: "OAuthException", code: 4, is_transient: true, fbtrace_id: trace() } };
        case "server_error":
          return { error: { message: "An unknown error occurred", type: "OAuthException", code: 1, is_transient: true, fbtrace_id: trace() } };
        case "unavailable":
          return { error: { message: "Service temporarily unavailable", type: "OAuthException", code: 2, is_transient: true, fbtrace_id: trace() } };
        case "meta_131056":
          return { error: { message: "(#131056) (Business Account, Consumer Account) pair rate limit hit", type: "OAuthException", code: 131056, error_data: { messaging_product: "whatsapp", details: "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time." }, fbtrace_id: trace() } };
        default:
          return { error: { message: "(#130429) Rate limit hit", type: "OAuthException", code: 130429, error_data: { messaging_product: "whatsapp", details: "Cloud API message throughput has been reached." }, fbtrace_id: trace() } };
      }
    },
  };
}

/** The token a Graph call carries, as Graph reads it: `Authorization: Bearer …` (or `OAuth …`;
 *  the scheme in any case) or the `access_token` query parameter; `undefined` for none. */
function accessToken(ctx) {
  const [scheme, token] = (ctx.headers.get("authorization") ?? "").trim().split(/\s+/, 2);
  if (token && /^(bearer|oauth)$/i.test(scheme)) return token;
  return ctx.url.searchParams.get("access_token") ?? undefined;
}
