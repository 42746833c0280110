// The sandbox's 1MSG.IO API: /{instanceId}/{method}?token=… for every method of 1MSG's API
// documentation (docs/1msg-reference.md). The send methods answer {sent, id, message,
// description} — HTTP 200 with `sent: false` for a free-form message outside the 24-hour
// session window or a template the channel does not have —; the channel's profile, status,
// statistics, settings, commerce and webhook; the messages it sent and received (GET
// /messages) and the acks of each (GET /hookInfo); read receipts; templates (approved as
// soon as they are added); media uploads and deletion. Bodies are validated by wabridge's
// 1MSG tables; a wrong token is 401 with 1MSG's text, echoing the token as 1MSG does.
// The wasm functions come through the package's own name (a self-reference), so they are the
// instance the runtime's entry of "wabridge" initialised: node.mjs in Node, deno.mjs in Deno,
// workerd.mjs in Workers, browser.mjs (after `init()`) in browsers.
import { validateProvider } from "wabridge";
import { BSUID, MEDIA_KEYS, REACTION_TARGET_FAILURE, SANDBOX_CREDENTIALS, bytesToBase64, digits, json, mediaIn, randomHex, randomToken, unixSeconds } from "./support.js";
import { TemplateRegistry } from "./templates.js";

/** The send methods of 1MSG's API that wabridge validates. */
const SEND_METHODS = new Set([
  "sendMessage", "sendFile", "sendButton", "sendList", "sendTemplate", "sendContact", "sendLocation", "sendReaction",
  "sendLocationRequest", "sendAddressMessage", "sendCarousel", "sendCtaUrl", "sendSticker", "sendFlow", "sendProduct",
]);
/** Send methods of 1MSG's API the sandbox does not emulate (wabridge does not validate them). */
const NOT_EMULATED = new Set(["sendOrderDetails", "sendPaymentRequest"]);

/** The namespace of the sandbox channel's templates (the one 1MSG's examples use). */
const NAMESPACE = "ca300906_cfbc_410b_99fb_dcee8e13d578";

/** What the sandbox charges per template sent, in GET /statistics and /extendedStatistics. */
const TEMPLATE_PRICE = 0.0691;

/** The template every sandbox channel starts with (1MSG's GET /templates example). */
const SEED_TEMPLATES = [
  {
    name: "order_update",
    language: "en",
    category: "UTILITY",
    components: [
      { type: "HEADER", format: "TEXT", text: "Order {{1}}" },
      { type: "BODY", text: "Hi {{1}}, your order will arrive on {{2}}." },
      { type: "FOOTER", text: "Outdoor Shop" },
    ],
  },
];

/** Fields 1MSG documents as booleans: a form-encoded body spells them "true" / "false". */
const BOOLEAN_FIELDS = new Set(["typingIndicator", "voice", "useMMlite", "messageActivitySharing", "ackNotificationsOn", "guaranteedHooks", "rawHooks", "allow_category_change"]);

/** The channel's states (GET /status). */
const STATUSES = ["connected", "connecting", "disconnected", "uninitialized", "unregistered"];

const round4 = (n) => Math.round(n * 10_000) / 10_000;
const month = (ms) => {
  const d = new Date(ms);
  return { key: `${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`, start: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-01T00:00:00Z` };
};

/** The body of a request as an object and as the JSON text wabridge validates: JSON, a
 *  form-encoded body, or multipart/form-data (a file field becomes a data: URI, as 1MSG
 *  takes a file inline). */
async function readBody(ctx, method) {
  const type = (ctx.headers.get("content-type") ?? "").toLowerCase();
  let body;
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    const form = type.includes("multipart/form-data")
      ? await new Request(ctx.url, { method: "POST", headers: ctx.headers, body: ctx.body }).formData()
      : new URLSearchParams(ctx.text());
    body = {};
    for (const [key, value] of form) {
      if (typeof value !== "string") {
        body[key] = `data:${value.type || "application/octet-stream"};base64,${bytesToBase64(new Uint8Array(await value.arrayBuffer()))}`;
        // sendFile names the file: a form file brings its name.
        if (method === "sendFile" && key === "body" && value.name && body.filename === undefined) body.filename = value.name;
      } else {
        body[key] = BOOLEAN_FIELDS.has(key) && (value === "true" || value === "false") ? value === "true" : value;
      }
    }
    return { body, text: JSON.stringify(body) };
  }
  const text = ctx.text();
  body = text ? JSON.parse(text) : {};
  return { body, text: text || "{}" };
}

/** The media a send names, for the sandbox to judge whether WhatsApp could fetch it: a file's
 *  link (not a data URI, sent inline) or upload (`mediaId`), and the Cloud API's media objects
 *  (interactive and template headers, cards), by link or id. */
function mediaOf(method, body, uploads) {
  const refs = mediaIn(body, { mediaKeys: MEDIA_KEYS, skip: ["flowActionPayload", "flowActionData"], uploads });
  if (method === "sendFile" && typeof body.body === "string" && !body.body.startsWith("data:")) refs.push({ link: body.body });
  if (method === "sendSticker" && typeof body.link === "string") refs.push({ link: body.link });
  if (body.mediaId !== undefined) refs.push({ id: String(body.mediaId), known: uploads.has(String(body.mediaId)) });
  return refs;
}

/** What GET /messages shows for a sent message: its type, body and caption, as 1MSG's
 *  message objects have them (body: the text, a file's link, "lat;lng" for a location). */
function summary(method, body) {
  switch (method) {
    case "sendMessage":
      return { type: "chat", body: body.body };
    case "sendFile": {
      const kind = body.mediaType ?? fileKind(body.filename ?? body.body);
      return { type: body.voice ? "voice" : kind, body: body.body ?? body.mediaId, caption: body.caption ?? body.filename ?? null };
    }
    case "sendSticker":
      return { type: "sticker", body: body.link ?? body.mediaId };
    // 1MSG's Message has only `caption` beside the "lat;lng" body: the name, and on a second
    // line the address (how 1MSG passes them is undocumented; wabridge reads them back so).
    case "sendLocation":
      return { type: "location", body: `${body.lat};${body.lng}`, caption: [body.name, body.address].filter(Boolean).join("\n") || null };
    case "sendContact":
      return { type: "contacts", body: (body.contacts ?? []).map((c) => c?.name?.formatted_name).filter(Boolean).join(", ") };
    case "sendReaction":
      return { type: "reaction", body: body.body };
    case "sendTemplate":
      return { type: "template", body: body.template };
    // sendButton, sendList, sendCtaUrl, sendFlow, sendProduct, sendCarousel, sendLocationRequest, sendAddressMessage:
    // 1MSG's Message types are chat, interactive, image, video, document, audio, sticker and voice
    // ([S] Message.type); its echo of an interactive message is "interactive" with the body text
    // (it has no field for buttons or rows). A customer's tap has the same type: `fromMe` tells them apart.
    default:
      return { type: "interactive", body: typeof body.body === "string" ? body.body : "" };
  }
}

function fileKind(name) {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(String(name ?? ""))?.[1]?.toLowerCase();
  const mime = /^data:([a-z]+)\//i.exec(String(name ?? ""))?.[1]?.toLowerCase();
  if (mime === "image" || ["jpg", "jpeg", "png", "webp", "gif"].includes(extension)) return "image";
  if (mime === "video" || ["mp4", "3gp", "mov"].includes(extension)) return "video";
  if (mime === "audio" || ["mp3", "ogg", "aac", "amr", "m4a", "opus"].includes(extension)) return "audio";
  return "document";
}

/** The extension 1MSG's media links end in, by MIME type: as in its webhooks (`…/media/ABG….jpeg`,
 *  a voice note's `…/voice.oga`: tests/fixtures), else the type's usual one. */
const LINK_EXTENSIONS = {
  "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp", "video/mp4": "mp4", "video/3gpp": "3gp", "video/3gp": "3gp",
  "audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/aac": "aac", "audio/amr": "amr", "audio/mp4": "m4a", "text/plain": "txt",
  "application/pdf": "pdf", "application/msword": "doc", "application/vnd.ms-excel": "xls", "application/vnd.ms-powerpoint": "ppt",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
};

/** A customer's file as 1MSG links it: its path ends in the extension of its type (1MSG's
 *  sendFile names a file by such a name, so a reply with the received content can send it back);
 *  the sandbox serves the file at that path too. */
function fileLink(file) {
  const essence = file.mimeType.split(";")[0].trim().toLowerCase();
  const own = /\.([a-z0-9]+)$/i.exec(file.filename ?? "")?.[1]?.toLowerCase();
  const extension = file.voice && essence === "audio/ogg" ? "oga" : LINK_EXTENSIONS[essence] ?? own ?? "bin";
  return `${file.url}.${extension}`;
}

export function createOneMsg(sandbox, options = {}) {
  const config = {
    token: options.token ?? SANDBOX_CREDENTIALS["1msg"],
    instanceId: options.instanceId ?? "100001",
    namespace: options.namespace ?? NAMESPACE,
    phone: digits(options.phone ?? "15550001234"),
    name: options.name ?? "wabridge sandbox",
    status: options.status ?? "connected",
    catalogId: options.catalogId ?? "407921857496983",
    outputIP: options.outputIP ?? "203.0.113.10",
  };
  if (!STATUSES.includes(config.status)) throw new TypeError(`onemsg.status must be one of ${STATUSES.join(", ")}`);
  const self = `${config.phone}@c.us`;
  const seeds = options.templates ?? SEED_TEMPLATES;

  // The channel's state; `reset()` brings it back.
  let inbound; // id → the inbound message object
  let history; // GET /messages: every message sent or received, numbered
  let acks; // message id → the acks played out (GET /hookInfo)
  let templates; // a TemplateRegistry, in 1MSG's listing shape (namespace, lower-case status)
  let media; // mediaId → upload
  let names; // chatId → the customer's name
  let profile;
  let settings;
  let commerce;
  function init() {
    inbound = new Map();
    history = [];
    acks = new Map();
    templates = new TemplateRegistry(seeds.map(listed), numericId);
    media = new Map();
    names = new Map();
    profile = { about: "Hey there! I am using WhatsApp.", phone: config.phone, vertical: "Other", websites: [] };
    settings = null; // read from the sandbox's webhooks option on first use (the outbox is made after the providers)
    commerce = { is_cart_enabled: true, is_catalog_visible: true };
  }

  const error = (status, message) => json(status, { error: message });
  // A customer whose number is hidden is sent to by business-scoped user id (`phone`): their chat is `<BSUID>@lid`.
  const chatIdOf = (to) => (String(to).includes("@") ? String(to) : BSUID.test(String(to)) ? `${to}@lid` : `${digits(to)}@c.us`);
  const numericId = () => String(1e15 + Math.floor(sandbox.random() * 9e14));
  const wamid = () => `wamid.HBgL${randomToken(sandbox.random, 44)}`;
  const now = () => sandbox.clock();
  const currentSettings = () =>
    (settings ??= { webhookUrl: sandbox.outbox?.url("1msg") ?? null, ackNotificationsOn: true, guaranteedHooks: false, rawHooks: false });

  /** A template as GET /templates lists it (the registry adds its id). */
  function listed(template) {
    return {
      name: template.name,
      namespace: config.namespace,
      language: template.language,
      category: template.category,
      status: template.status ?? "approved",
      rejected_reason: template.rejected_reason ?? "NONE",
      components: template.components,
    };
  }

  function remember(message) {
    const entry = { messageNumber: history.length + 1, ...message };
    history.push(entry);
    return entry;
  }

  /** Why sendTemplate cannot send `body`'s template (WhatsApp's checks, templates.js), or null. */
  function templateRefusal(body) {
    const code = body.language?.code;
    if (body.namespace !== config.namespace) {
      return { message: `template name (${body.template}) does not exist in ${code} of namespace ${body.namespace}`, description: "Template name does not exist in the translation" };
    }
    const refused = templates.refusal(body.template, code, body.params);
    return refused && { message: refused.details, description: refused.title };
  }

  function send(method, body, origin) {
    const to = body.chatId ?? String(body.phone);
    const chatId = chatIdOf(to);
    const record = {
      provider: "1msg", id: wamid(), to: chatId, contact: BSUID.test(to) ? to : digits(to), group: chatId.endsWith("@g.us"), kind: method, body,
      template: method === "sendTemplate", origin, media: mediaOf(method, body, media),
    };
    if (record.template) {
      const refusal = templateRefusal(body);
      if (refusal) return json(200, { sent: false, ...refusal });
      record.templateCategory = templates.get(body.template, body.language.code).category.toLowerCase();
    }
    const failure = sandbox.failureFor(record);
    if (failure) {
      // 1MSG refuses synchronously, with HTTP 200 and sent: false.
      return json(200, { sent: false, message: failure.details, description: failure.title });
    }
    sandbox.accept(record, { checked: true });
    const { type, body: text, caption = null } = summary(method, body);
    const echo = {
      id: record.id, body: text ?? "", fromMe: true, self: 1, isForwarded: false, author: self, time: Number(unixSeconds(now())), chatId, type,
      senderName: config.name, caption, quotedMsgId: body.quotedMsgId ?? null,
    };
    remember({ ...echo, isForwarded: 0, metadata: {}, chatName: names.get(chatId) ?? record.contact });
    // 1MSG posts "every new incoming or outgoing message" to the webhook: the echo of yours too,
    // authored by your number, which a receiver must not take for a customer's message.
    sandbox.emit("1msg", "message", { instanceId: config.instanceId, messages: [echo] });
    return json(200, { sent: true, id: record.id, message: `Sent to ${chatId}`, description: "Message has been sent to the provider" });
  }

  /** GET /messages: filters, then `limit` (default 100, 0 = all) from the start, or from the
   *  end with `last`. `lastMessageNumber` keeps the later messages (ignored with `last`),
   *  `firstMessageNumber` the earlier ones: the numbers of an answer page on from it. The
   *  answer is 1MSG's documented `{ messages }` only: a `lastMessageNumber` answer field is
   *  implied by its parameter's description but undocumented (docs/1msg-reference.md), so
   *  the next page starts from the last message's `messageNumber`. */
  function listMessages(query) {
    const numbers = {};
    for (const name of ["lastMessageNumber", "firstMessageNumber", "limit", "min_time", "max_time"]) {
      if (!query.has(name)) continue;
      const value = Number(query.get(name));
      if (!Number.isInteger(value) || value < 0) return error(400, `${name} must be a whole number (got ${JSON.stringify(query.get(name))})`);
      numbers[name] = value;
    }
    const last = ["true", "1"].includes(query.get("last") ?? "");
    let list = history.filter(
      (m) =>
        (!query.has("chatId") || m.chatId === query.get("chatId")) &&
        (!query.has("msgId") || m.id === query.get("msgId")) &&
        (numbers.min_time === undefined || m.time >= numbers.min_time) &&
        (numbers.max_time === undefined || m.time <= numbers.max_time) &&
        (last || numbers.lastMessageNumber === undefined || m.messageNumber > numbers.lastMessageNumber) &&
        (numbers.firstMessageNumber === undefined || m.messageNumber < numbers.firstMessageNumber),
    );
    const limit = numbers.limit ?? 100;
    if (limit > 0) list = last ? list.slice(-limit) : list.slice(0, limit);
    return json(200, { messages: list });
  }

  function statistics(query) {
    const date = query.get("date") ?? month(now()).key;
    if (!/^(0[1-9]|1[0-2])\.\d{4}$/.test(date)) return error(400, `date must be a month as mm.YYYY (got ${JSON.stringify(date)})`);
    const sent = sandbox.messages("1msg").filter((m) => m.template && month(m.acceptedAt).key === date).length;
    return json(200, { date, templates_cost: round4(sent * TEMPLATE_PRICE) });
  }

  function extendedStatistics() {
    const months = new Map();
    for (const m of sandbox.messages("1msg")) {
      const { start } = month(m.acceptedAt);
      const row = months.get(start) ?? { business: 0, user: 0 };
      row[m.template ? "business" : "user"] += 1;
      months.set(start, row);
    }
    return json(200, [...months].map(([period, { business, user }]) => ({
      period_date: period,
      quantity: business + user,
      paid_quantity: business,
      free_quantity: user,
      free_tier: user,
      free_entry_point: 0,
      business_initiated_quantity: business,
      business_initiated_paid_quantity: business,
      business_initiated_price: round4(business * TEMPLATE_PRICE),
      user_initiated_quantity: user,
      user_initiated_paid_quantity: 0,
      user_initiated_price: 0,
      total_price: round4(business * TEMPLATE_PRICE),
    })));
  }

  /** The routes besides the send methods: `${HTTP method} ${1MSG method}` → handler, and the
   *  operation wabridge validates the body as (POST). */
  const routes = {
    "GET me": () => json(200, profile),
    "POST me": {
      operation: "me",
      // 1MSG answers an empty update with 422, before any other check.
      precheck: (body) => (Object.keys(body).length === 0 ? error(422, "Nothing to update: give at least one field of the profile") : null),
      handle(body) {
        const update = { ...body };
        // A photo given inline is stored by WhatsApp and shown by URL.
        if (typeof update.photo === "string" && update.photo.startsWith("data:")) update.photo = `https://pps.whatsapp.net/v/sandbox/${randomToken(sandbox.random, 16)}.jpg`;
        Object.assign(profile, update);
        return json(200, { result: "success" });
      },
    },
    "GET statistics": (query) => statistics(query),
    "GET extendedStatistics": () => extendedStatistics(),
    "GET status": () => json(200, { status: config.status }),
    "GET settings": () => json(200, currentSettings()),
    "POST settings": {
      operation: "settings",
      handle(body) {
        Object.assign(currentSettings(), body);
        return json(200, { ...currentSettings(), update: body });
      },
    },
    "GET commerce": () => json(200, [{ id: config.catalogId, ...commerce }]),
    "POST commerce": {
      operation: "commerce",
      handle(body) {
        Object.assign(commerce, { is_cart_enabled: body.params.is_cart_enabled, is_catalog_visible: body.params.is_catalog_visible });
        return json(200, { success: true });
      },
    },
    "GET outputIP": () => json(200, { result: config.outputIP }),
    "GET webhook": () => json(200, { webhookUrl: currentSettings().webhookUrl }),
    "POST webhook": {
      operation: "webhook",
      handle(body) {
        currentSettings().webhookUrl = body.webhookUrl;
        return json(200, { set: true, message: [body.webhookUrl].flat().join(", ") });
      },
    },
    "GET hookInfo": (query) => {
      const id = query.get("messageId");
      if (!id) return error(400, "messageId is required");
      return json(200, { hooks: acks.get(id) ?? [] });
    },
    "GET messages": (query) => listMessages(query),
    "POST readMessage": {
      operation: "readMessage",
      handle(body) {
        const id = body.messageId ?? body.msgId;
        if (!inbound.has(id)) return error(400, `Message ${id} not found`);
        sandbox.reads.push({ provider: "1msg", messageId: id, typing: body.typingIndicator === true, at: now() });
        return json(200, { result: "success" });
      },
    },
    "GET templates": () => {
      const list = templates.list().map(({ id, ...template }) => template);
      return json(200, { total: list.length, templates: list });
    },
    "POST addTemplate": {
      operation: "addTemplate",
      handle(body) {
        if (templates.has(body.name, body.language)) return error(400, `Template ${body.name} already exists in language ${body.language}`);
        // The sandbox approves a template at once (1MSG and Meta review it first).
        const stored = templates.add(listed(body));
        return json(200, { id: stored.id, status: "APPROVED", category: stored.category });
      },
    },
    "POST removeTemplate": {
      operation: "removeTemplate",
      handle(body) {
        if (!templates.remove(body.name)) return error(400, `Template ${body.name} not found`);
        return json(200, { result: "success" });
      },
    },
    "POST uploadMedia": {
      operation: "uploadMedia",
      handle(body) {
        const mediaId = numericId();
        const inline = body.body.startsWith("data:");
        media.set(mediaId, { mediaId, source: inline ? "data" : "url", mimeType: inline ? body.body.slice(5).split(/[;,]/)[0] : null, uploadedAt: now() });
        return json(200, { mediaId });
      },
    },
    "DELETE deleteMedia": (query, call) => {
      if (!media.delete(call.id)) return error(400, `Media ${call.id} not found`);
      return json(200, { result: "success" });
    },
    // The deprecated alias of DELETE /media/{mediaId}.
    "POST deleteMedia": {
      handle(body) {
        if (!media.delete(String(body.mediaId))) return error(400, `Media ${body.mediaId} not found`);
        return json(200, { result: "success" });
      },
    },
  };

  init();

  return {
    name: "1msg",
    config,
    clientOptions: (baseUrl) => ({ token: config.token, instanceId: config.instanceId, baseUrl }),
    owns: (url) => /^\/[^/]+\/[A-Za-z]+$/.test(url.pathname) || /^\/[^/]+\/media\/[^/]+$/.test(url.pathname),

    describe(ctx) {
      const [, instance, method, id] = ctx.url.pathname.split("/");
      if (method === "media" && id !== undefined) return { route: "deleteMedia", instance, id: decodeURIComponent(id) };
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
      const sending = ctx.method === "POST" && SEND_METHODS.has(method);
      const route = routes[`${ctx.method} ${method}`];
      if (!sending && !route) {
        if (ctx.method === "POST" && NOT_EMULATED.has(method)) return error(501, `The wabridge sandbox does not emulate /${method}`);
        return error(404, `Unknown method ${ctx.method} /${method}`);
      }
      if (typeof route === "function") return route(ctx.url.searchParams, call);
      let body;
      let text;
      try {
        ({ body, text } = await readBody(ctx, method));
      } catch {
        return error(400, "The request body is not valid JSON");
      }
      if (!body || typeof body !== "object" || Array.isArray(body)) return error(400, "The request body must be a JSON object");
      const early = route?.precheck?.(body);
      if (early) return early;
      const operation = sending ? method : route.operation;
      if (operation) {
        let violations;
        try {
          violations = validateProvider("1msg", text, { operation });
        } catch (e) {
          return error(400, String(e?.message ?? e));
        }
        if (violations.length) return error(400, violations.map((v) => (v.path ? `${v.path}: ${v.message}` : v.message)).join("; "));
      }
      return sending ? send(method, body, ctx.url.origin) : route.handle(body);
    },

    receive(input, file) {
      // A customer whose number is hidden writes from `<BSUID>@lid` (docs/research/webhooks-events.md §1.3).
      const chatId = input.from ? chatIdOf(input.from) : `${input.userId}@lid`;
      const id = typeof input.message?.id === "string" ? input.message.id : wamid();
      const senderName = input.name ?? "Sandbox Customer";
      const message = {
        id, body: String(input.text ?? ""), fromMe: false, self: 0, isForwarded: false, author: chatId,
        time: Number(unixSeconds(now())), chatId, type: "chat", senderName, caption: null, quotedMsgId: input.replyTo ?? null,
        ...(input.userId ? { authorBsuid: input.userId } : {}),
        ...(input.username ? { authorUserName: input.username } : {}),
        // A customer's file: its public link in `body`; a voice note is "voice"; a document's
        // caption is its file name when it has no caption ("File caption or filename").
        ...(file ? { type: file.type === "audio" && file.voice ? "voice" : file.type, body: fileLink(file), caption: file.caption ?? (file.type === "document" ? file.filename : null) } : {}),
        ...(input.message ?? {}),
      };
      inbound.set(id, message);
      names.set(chatId, message.senderName);
      remember({ ...message, isForwarded: message.isForwarded ? 1 : 0, metadata: {}, chatName: message.senderName });
      sandbox.emit("1msg", "message", { instanceId: config.instanceId, messages: [message] });
      // The customer as a send to them is recorded: their number's digits, or their BSUID.
      const contact = input.from ? digits(input.from) : input.userId;
      return { provider: "1msg", id, from: input.from ? digits(input.from) : undefined, contact, ...(input.userId ? { userId: input.userId } : {}) };
    },

    // 1MSG reports a read as "viewed"; a reaction has only its sent status (WhatsApp's, which 1MSG passes on).
    statusSteps: (autoRead, record) => (record.kind === "sendReaction" ? ["sent"] : autoRead ? ["sent", "delivered", "viewed"] : ["sent", "delivered"]),

    /** A reaction to a message that is not in the chat, or that is a reaction, fails as
     *  WhatsApp fails it (131009), the failed ack 1MSG passes on. */
    contentFailure(record) {
      if (record.kind !== "sendReaction") return null;
      const target = history.find((m) => m.id === record.body.quotedMsgId);
      return target && target.chatId === record.to && target.type !== "reaction" ? null : REACTION_TARGET_FAILURE;
    },

    /** Records the ack for GET /hookInfo (Meta's status object, which 1MSG passes through)
     *  and gives the ack webhook — none when `ackNotificationsOn` was turned off. */
    statusWebhook(record, step, failure) {
      const status = failure ? "failed" : step;
      const hook = { id: record.id, type: "message", status, timestamp: unixSeconds(now()), recipient_id: record.contact };
      if (status === "sent" || status === "delivered") {
        const category = record.template ? record.templateCategory ?? "utility" : "service";
        record.conversationId ??= randomHex(sandbox.random, 32);
        hook.pricing = { billable: record.template, category, pricing_model: "PMP" };
        hook.conversation = { id: record.conversationId, origin: { type: category }, expiration_timestamp: Math.floor(record.acceptedAt / 1000) + 86_400 };
      }
      if (failure) hook.errors = [{ code: failure.code, title: failure.title }];
      acks.set(record.id, [...(acks.get(record.id) ?? []), hook]);
      if (!currentSettings().ackNotificationsOn) return null;
      return { instanceId: config.instanceId, ack: [{ id: record.id, chatId: record.to, status, ...(record.to.endsWith("@lid") ? { bsuid: record.contact } : {}) }] };
    },

    reset: init,

    faultBody(mode) {
      if (mode === "onemsg_not_sent") return { sent: false, message: "Message has not been sent", description: "The provider refused the message" };
      return { error: { rate_limit: "Too many requests", unavailable: "Service temporarily unavailable" }[mode] ?? "Internal server error" };
    },
  };
}
