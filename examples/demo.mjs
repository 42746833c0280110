// The demo (`npm run demo`): starts the sandbox on loopback, opens a conversation with a
// customer on each provider, marks it read, uploads media, sends one message of every kind
// wabridge supports through MetaClient, BirdClient and OneMsgClient — and, through
// BirdClient.sendBody, one Bird request body of every body type and template form Bird
// documents; through OneMsgClient.sendBody, 1MSG's own templates (added first), carousels,
// flows and products, so that every 1MSG send method has a row —, receives the status
// webhooks on a local endpoint (handleWebhook: signatures checked, events read), downloads a
// photo the customer sends on each provider, reads Bird's service
// window and a few of 1MSG's endpoints, and prints what happened. No credentials, no network.
//
// To send for real, build the same clients with real credentials and no baseUrl:
//   new MetaClient({ token: process.env.WHATSAPP_TOKEN, phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID })
//   new BirdClient({ accessKey, workspaceId, channelId })
//   new OneMsgClient({ token, instanceId })
import { createServer } from "node:http";
import { BirdClient, MetaClient, OneMsgClient, convert, createMessenger, isServiceWindowOpen, isStatusAfter, nodeWebhookListener } from "../pkg/node.mjs";
import { createSandbox, serveSandbox } from "../pkg/sandbox/node.mjs"; // wabridge/sandbox
import { BIRD_HELLO_WORLD, BIRD_TEMPLATES, birdBodies } from "./bird-bodies.mjs";
import { birdMessages, oneMsgMessages, sampleMessages } from "./messages.mjs";
import { oneMsgBodies, oneMsgTemplates } from "./onemsg-bodies.mjs";

const CUSTOMER = "+16505551234";
const STRANGER = "+442071838750"; // never wrote to us: free-form messages to them fail (24-hour window)

// 1. A webhook endpoint, as your application would have one: handleWebhook checks each
//    delivery's signature (Meta, Bird) or shared token (1MSG) over the raw bytes, reads it into
//    events, drops the ones it handled before (providers deliver some twice) and calls the
//    handlers; the final-status column below is what it read. Statuses come out of order too:
//    a message keeps its furthest one.
const SECRETS = { meta: "demo-app-secret", bird: "demo-signing-key", "1msg": "demo-1msg-token" };
const finalStatus = new Map();
const furthest = new Map();
const handledTwice = [];
const handled = new Set();
const once = (key) => (handled.has(key) ? handledTwice.push(key) : handled.add(key));
const received = [];
const echoes = new Set();
const customerFiles = [];
const hiddenNumbers = [];
const handlers = {
  message: (event) => {
    once(`${event.provider} message ${event.id}`);
    received.push(`${event.provider} ${event.kind} "${event.text}" from ${event.from?.phone ?? `${event.from?.username} (${event.from?.userId})`}`);
    if (event.media) customerFiles.push(event);
    // A customer whose number is hidden behind a username: only their business-scoped user id.
    if (!event.from?.phone && event.from?.userId) hiddenNumbers.push(event);
  },
  // 1MSG posts your own messages back too (fromMe): never a `message`, so answering cannot loop.
  echo: (event) => echoes.add(event.id),
  status: (event) => {
    once(`${event.provider} ${event.id} ${event.providerStatus}`);
    if (furthest.has(event.id) && !isStatusAfter(event.status, furthest.get(event.id))) return;
    furthest.set(event.id, event.status);
    const [error] = event.errors ?? [];
    // Bird names where a failure came from (`source`: WhatsApp's code, or its own template service).
    const code = error?.source?.code ?? error?.code ?? error?.source?.name;
    const why = error ? ` (${[code, error.title ?? event.reason ?? error.message].filter((part) => part !== undefined).join(" ")})` : "";
    finalStatus.set(event.id, `${event.providerStatus}${why}`);
  },
};
const listeners = Object.fromEntries(
  Object.keys(SECRETS).map((provider) => [provider, nodeWebhookListener({ provider, secret: SECRETS[provider], on: handlers })]),
);
const hooks = createServer((request, response) => listeners[new URL(request.url, "http://x").pathname.slice(1)](request, response));
await new Promise((resolve) => hooks.listen(0, "127.0.0.1", resolve));
const hookUrl = `http://127.0.0.1:${hooks.address().port}`;

// 2. The sandbox, served over HTTP like the real APIs; its webhooks go astray as real ones do:
//    some come twice, after the next one, or batched with it.
const sandbox = createSandbox({
  meta: { appSecret: "demo-app-secret" },
  bird: { signingKey: "demo-signing-key", templates: BIRD_TEMPLATES },
  webhooks: {
    url: { meta: `${hookUrl}/meta`, bird: `${hookUrl}/bird`, "1msg": `${hookUrl}/1msg?secret=${SECRETS["1msg"]}` },
    disorder: { duplicate: 0.1, reorder: 0.1, batch: 0.1 },
  },
});
const server = await serveSandbox(sandbox);
console.log(`sandbox on ${server.url}, webhooks to ${hookUrl}\n`);

// 3. Clients that only know a base URL and credentials, as they would in production.
const clients = {
  meta: new MetaClient(sandbox.clientOptions("meta", { viaFetch: false })),
  bird: new BirdClient(sandbox.clientOptions("bird", { viaFetch: false })),
  "1msg": new OneMsgClient(sandbox.clientOptions("1msg", { viaFetch: false })),
};

// The customer writes first on each provider, which opens the 24-hour window.
const inbound = {};
for (const provider of Object.keys(clients)) {
  inbound[provider] = (await fetch(`${server.url}/__sandbox/receive`, {
    method: "POST",
    body: JSON.stringify({ provider, from: CUSTOMER, text: "Hi! Is my order on its way?", name: "Ana" }),
  }).then((r) => r.json())).id;
}

// 4. Meta and 1MSG: mark the customer's message as read (with a typing indicator); Meta:
//    upload an image to send by id; every provider: download a photo the customer sent.
await clients.meta.markRead(inbound.meta, { typing: true });
await clients["1msg"].markRead(inbound["1msg"], { typing: true });
const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
const { id: mediaId } = await clients.meta.uploadMedia(new Blob([png], { type: "image/png" }), { filename: "receipt.png" });
const media = await clients.meta.getMedia(mediaId);
const downloaded = await clients.meta.downloadMedia(media.url);
console.log(`uploaded ${media.mimeType} (${media.fileSize} bytes) as media ${mediaId}; downloaded ${downloaded.bytes.length} bytes back`);

// The customer sends a photo on each provider; the webhook handler keeps its event, and a
// messenger downloads it from `event.media`: Meta's by id (getMedia, then the URL, with the
// token), Bird's from its media host (with the access key; its redirect to the storage link
// followed without it), 1MSG's public link (no token).
for (const provider of Object.keys(clients)) {
  const media = { type: "image", dataBase64: btoa(String.fromCharCode(...png)), mimeType: "image/png", caption: "my receipt" };
  await fetch(`${server.url}/__sandbox/receive`, { method: "POST", body: JSON.stringify({ provider, from: CUSTOMER, name: "Ana", media }) });
}
await fetch(`${server.url}/__sandbox/settle`, { method: "POST" });
const fetched = [];
for (const event of customerFiles) {
  const messenger = createMessenger({ provider: event.provider, ...sandbox.clientOptions(event.provider, { viaFetch: false }) });
  const file = await messenger.downloadMedia(event.media);
  if (file.bytes.length !== png.length || file.bytes.some((byte, i) => byte !== png[i])) throw new Error(`${event.provider}: the downloaded photo differs from the one sent`);
  fetched.push(`${event.provider} ${file.mimeType} ${file.bytes.length} bytes`);
  messenger.free();
}
if (fetched.length !== Object.keys(clients).length) throw new Error(`expected a customer photo from each provider, got ${fetched.length}`);
console.log(`customers' photos, downloaded with messenger.downloadMedia(event.media): ${fetched.join("; ")}\n`);

// 5. One message of every kind, per provider (what a provider cannot express yet is shown
//    with the reason wabridge gives, never sent half-way), and one outside the 24-hour window.
//    Bird gets each neutral kind in the form it carries (media by link with a MIME type, no
//    media headers or footers, carousel cards with a URL button), and the kinds it cannot
//    carry at all are refused by name; so does 1MSG (no link preview switch).
const rows = [];
const stranger = ["text, no 24h window", { to: STRANGER, content: { type: "text", body: "Hello stranger" } }];
// A template the account does not have (a typo): valid, so only Meta can refuse it (132001).
const unknownTemplate = ["template, not on the account", { to: CUSTOMER, content: { type: "template", name: "order_updat", language: { code: "en_US" } } }];
// Media by id is an upload of the provider's own (an id it does not know fails the message, 131053).
const { mediaId: oneMsgImage } = await clients["1msg"].uploadMedia(new Blob([png], { type: "image/png" }), { filename: "receipt.png" });
function neutralMessages(provider) {
  if (provider === "meta") return [...sampleMessages(CUSTOMER, { mediaId, replyTo: inbound[provider] }), unknownTemplate, stranger];
  const carried = provider === "bird" ? birdMessages(CUSTOMER, { replyTo: inbound.bird }) : oneMsgMessages(CUSTOMER, { mediaId: oneMsgImage, replyTo: inbound["1msg"] });
  const labels = new Set(carried.flatMap(([kind]) => [kind, kind.replace(/ \(.*\)$/, "")]));
  const refused = sampleMessages(CUSTOMER).filter(([kind]) => !labels.has(kind));
  return [...carried, ...refused, stranger];
}
async function attempt(provider, kind, send) {
  try {
    const result = await send();
    const scheduled = result.status === "scheduled" ? result.scheduledFor : undefined;
    // A send's warnings say what went out differently from the message given (a sticker as an
    // image, a mimeType left out, a schedule sent at once).
    const warned = result.warnings?.length ? ` (warning: ${result.warnings.join("; ")})` : "";
    const said = (scheduled ? `scheduled for ${scheduled}` : "accepted") + warned;
    rows.push({ provider, kind, result: said.slice(0, 52), id: result.messageId, scheduled });
  } catch (error) {
    const notYet = error.code === "ERR_UNSUPPORTED" && error.message.includes("does not send");
    const never = error.code === "ERR_UNSUPPORTED" && !notYet && error.kind;
    const byProvider = error.code === "ERR_PROVIDER";
    rows.push({ provider, kind, result: `${error.code} ${error.reason ?? ""} ${error.message}`.replace(/\s+/g, " ").slice(0, 52), id: "", notYet, never, byProvider });
  }
}
for (const [provider, client] of Object.entries(clients)) {
  for (const [kind, message] of neutralMessages(provider)) await attempt(provider, kind, () => client.send(message));
  if (provider === "1msg") {
    // 1MSG's own bodies (OneMsgClient.sendBody): its templates — added first, in the channel's
    // namespace, one with a document header uploaded by URL —, carousels, flows and products;
    // and a template to the stranger, which needs no session window.
    const { templates } = await client.templates();
    const namespace = templates[0].namespace;
    for (const template of oneMsgTemplates()) await client.addTemplate(template);
    // A file and a profile photo sent as the files themselves (multipart forms).
    await attempt("1msg", "sendFile (the file itself, multipart)", () =>
      client.sendFile(new Blob([png], { type: "image/png" }), { phone: CUSTOMER.slice(1), filename: "receipt.png", caption: "Your receipt" }));
    await client.updateMe({ about: "Open 24/7", photo: new Blob([png], { type: "image/png" }) });
    // A neutral template goes to 1MSG's sendTemplate with the channel's namespace.
    await attempt("1msg", "template (neutral, with its namespace)", () => client.send({
      to: CUSTOMER,
      content: {
        type: "template", name: "payment_due", language: { code: "en" }, namespace,
        components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "currency", fallbackValue: "$100.99", code: "USD", amount1000: 100990 }, { type: "dateTime", fallbackValue: "April 13" }] }],
      },
    }));
    const { mediaId: oneMsgMedia } = await client.uploadMedia("https://example.com/media/invoice-4512.pdf");
    for (const [form, method, body] of oneMsgBodies(CUSTOMER, { namespace, mediaId: oneMsgMedia, replyTo: inbound["1msg"] })) {
      await attempt("1msg", `body: ${form}`, () => client.sendBody(method, body));
    }
    const [, , strangerTemplate] = oneMsgBodies(STRANGER, { namespace })[0];
    await attempt("1msg", "body: template, no 24h window", () => client.sendBody("sendTemplate", strangerTemplate));
    continue;
  }
  if (provider !== "bird") continue;
  // Bird's own request bodies (BirdClient.sendBody): every body type, template form, reply
  // and scheduling option of Bird's page, validated as Bird reads them; and a template to
  // the stranger, which needs no window.
  for (const [form, body] of birdBodies(CUSTOMER, { replyTo: inbound.bird })) {
    await attempt("bird", `body: ${form}`, () => client.sendBody(body));
  }
  const [, strangerTemplate] = birdBodies(STRANGER).find(([form]) => form === "template-text");
  await attempt("bird", "body: template-text, no 24h window", () => client.sendBody(strangerTemplate));
  // A translation the template does not have: accepted, then failed by Bird's template service.
  await attempt("bird", "body: template-text, not in German", () => client.sendBody({ ...strangerTemplate, template: { ...strangerTemplate.template, locale: "de" } }));
}

// Bird's service window per contact, as BirdClient.getContactChannel reads it.
const birdRecords = await fetch(`${server.url}/__sandbox/messages?provider=bird`).then((r) => r.json());
const windows = [];
for (const phone of [CUSTOMER, STRANGER]) {
  const contactId = birdRecords.find((m) => m.to === phone)?.contactId;
  const window = await clients.bird.getContactChannel(contactId, { contactIdentifierValue: phone });
  // Judged by the sandbox's clock (isServiceWindowOpen), not only when Bird answered.
  windows.push(`${phone}: ${isServiceWindowOpen(window, sandbox.clock()) ? `open until ${window.serviceWindowExpireAt}` : "closed, a template is required"}`);
}

// 6. Wait for the sandbox to play every status out, then print. 1MSG's rows name the method
//    each message went to.
await fetch(`${server.url}/__sandbox/settle`, { method: "POST" });
const oneMsgMethod = new Map((await fetch(`${server.url}/__sandbox/messages?provider=1msg`).then((r) => r.json())).map((m) => [m.id, m.kind]));
for (const row of rows) if (row.provider === "1msg" && oneMsgMethod.has(row.id)) row.result = `${row.result} (${oneMsgMethod.get(row.id)})`;
// Kinds a provider does not take (yet, or at all) are listed once per provider rather than row by row.
const listed = rows.filter((row) => !row.notYet && !row.never);
const widths = [8, Math.max(...listed.map((row) => row.kind.length)), 52, Math.max(...listed.map((row) => String(row.id).length))];
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
console.log(line(["provider", "kind", "result", "message id"]) + "  final status");
console.log(line(widths.map((w) => "-".repeat(w))) + "  " + "-".repeat(12));
const final = (row) => (!row.id ? "-" : row.scheduled ? "(goes out at its time)" : finalStatus.get(row.id) ?? "(no status)");
for (const row of listed) console.log(line([row.provider, row.kind, row.result, row.id]) + `  ${final(row)}`);
for (const provider of new Set(rows.filter((row) => row.never).map((row) => row.provider))) {
  const kinds = rows.filter((row) => row.provider === provider && row.never).map((row) => row.never);
  console.log(`\n${provider}: cannot carry (ERR_UNSUPPORTED, refused before any request, never approximated): ${kinds.join(", ")}`);
}
for (const provider of new Set(rows.filter((row) => row.notYet).map((row) => row.provider))) {
  const kinds = rows.filter((row) => row.provider === provider && row.notYet).map((row) => row.kind);
  console.log(`\n${provider}: not sent by this version of wabridge yet (ERR_UNSUPPORTED, refused before any request): ${kinds.join(", ")}`);
}
console.log(`\nbird service window (getContactChannel): ${windows.join("; ")}`);

// 1MSG's other endpoints, as OneMsgClient reads them.
const onemsg = clients["1msg"];
const methods = new Set(oneMsgMethod.values());
const [firstOneMsg] = rows.filter((row) => row.provider === "1msg" && row.id);
const { hooks: acks } = await onemsg.hookInfo(firstOneMsg.id);
const { messages: history } = await onemsg.messages({ limit: 0 });
const profile = await onemsg.me();
console.log(`\n1msg: ${methods.size} send methods used (${[...methods].sort().join(", ")})`);
console.log(`1msg: status ${(await onemsg.status()).status}; me: ${profile.phone}, "${profile.about}" (${profile.vertical}); ${(await onemsg.templates()).total} templates; webhooks from ${(await onemsg.outputIP()).result}`);
console.log(`1msg: hookInfo of ${firstOneMsg.id} (${firstOneMsg.kind}): ${acks.map((h) => h.status).join(" → ")}; messages: ${history.length} in the channel's history; this month's templates cost ${(await onemsg.statistics()).templates_cost}`);
// 7. One message, any provider: the same neutral message converted to each provider's body
//    (what a provider cannot carry is left out and reported at its pointer), then sent
//    through a messenger per provider with fit "adapt" (five reply buttons become a list).
const offer = { to: CUSTOMER, content: { type: "replyButtons", body: "Which size?", footer: "Free returns", buttons: ["XS", "S", "M", "L", "XL"].map((size) => ({ id: size.toLowerCase(), title: size })) } };
console.log("\none message, any provider (5 reply buttons and a footer; fit \"adapt\"):");
for (const provider of Object.keys(clients)) {
  const { body, operation, changes } = convert("neutral", provider, offer, { fit: "adapt" });
  const messenger = createMessenger({ provider, ...sandbox.clientOptions(provider, { viaFetch: false }) });
  const sent = await messenger.send(offer, { fit: "adapt" });
  rows.push({ provider, kind: "replyButtons ×5 (messenger, fit adapt)", result: "accepted", id: sent.id });
  const shape = body.interactive?.type ?? body.body?.type ?? operation;
  console.log(`  ${provider.padEnd(4)} → ${operation} (${shape}), sent as ${sent.id}; ${changes.map((c) => `${c.kind} ${c.source ?? c.pointer}`).join(", ")}`);
  messenger.free();
}
// A template, named as each provider names it: Meta by name, 1MSG by namespace and name, Bird
// by Studio project. Each messenger sends it by its own names and says it left out the others'.
// (Meta's sample hello_world, which the 1MSG channel is given too; Bird's workspace has it.)
await clients["1msg"].addTemplate({ name: "hello_world", category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Welcome and congratulations!!" }] });
const hello = {
  to: CUSTOMER,
  content: { type: "template", name: "hello_world", language: { code: "en_US" }, namespace: (await clients["1msg"].templates()).templates[0].namespace, projectId: BIRD_HELLO_WORLD },
};
console.log("\none template, any provider (named for all three; fit \"adapt\"):");
for (const provider of Object.keys(clients)) {
  const messenger = createMessenger({ provider, ...sandbox.clientOptions(provider, { viaFetch: false }) });
  const sent = await messenger.send(hello, { fit: "adapt" });
  rows.push({ provider, kind: "template for every provider (messenger, fit adapt)", result: "accepted", id: sent.id });
  console.log(`  ${provider.padEnd(4)} → sent as ${sent.id}; left out ${sent.changes.map((c) => c.pointer).join(", ")}`);
  messenger.free();
}
// 8. A customer whose number is hidden behind a WhatsApp username writes with a business-scoped
//    user id, and is answered by it through a messenger: Meta is sent it as `recipient`, Bird as
//    a `whatsappbsuid` receiver, 1MSG as `phone` (its `<BSUID>@lid` chat).
for (const provider of Object.keys(clients)) {
  const hidden = { provider, userId: "US.13491208655302741918", username: "ana.b", name: "Ana", text: "Any news? (number hidden)" };
  await fetch(`${server.url}/__sandbox/receive`, { method: "POST", body: JSON.stringify(hidden) });
}
await fetch(`${server.url}/__sandbox/settle`, { method: "POST" });
console.log("\na customer whose number is hidden (a username; answered by business-scoped user id):");
for (const event of hiddenNumbers) {
  const messenger = createMessenger({ provider: event.provider, ...sandbox.clientOptions(event.provider, { viaFetch: false }) });
  const answered = await messenger.reply(event, { type: "text", body: "It ships today." }).then(
    (sent) => (rows.push({ provider: event.provider, kind: "text to a user id (hidden number)", result: "accepted", id: sent.id }), `sent as ${sent.id}`),
    (error) => `${error.code}: ${error.message}`,
  );
  console.log(`  ${event.provider.padEnd(4)} ${event.from.username} (${event.from.userId}) → ${answered}`);
  messenger.free();
}
if (hiddenNumbers.length !== Object.keys(clients).length) throw new Error(`expected a hidden-number customer's message from each provider, got ${hiddenNumbers.length}`);
await fetch(`${server.url}/__sandbox/settle`, { method: "POST" }); // their status webhooks too
const accepted = rows.filter((row) => row.id).length;
const deliveries = await fetch(`${server.url}/__sandbox/webhooks`).then((r) => r.json());
const refused = deliveries.filter((d) => d.responseStatus !== 200);
console.log(`\ninbound, read from the webhooks: ${received.join("; ")}`);
console.log(`1msg echoes of our own messages (on.echo, not on.message): ${echoes.size}`);
const byProvider = rows.filter((row) => row.byProvider).length;
const astray = (flag) => deliveries.filter((d) => d[flag]).length;
console.log(`webhooks delivered twice: ${astray("duplicate")}, out of order: ${astray("reordered")}, batched: ${astray("batched")}; events handled twice: ${handledTwice.length}`);
console.log(`\n${accepted} messages accepted, ${rows.length - accepted - byProvider} refused before sending, ${byProvider} by the provider; statuses received for ${finalStatus.size}; webhook deliveries verified and read: ${deliveries.length - refused.length}, refused: ${refused.length}`);

await server.close();
hooks.close();
if (refused.length || handledTwice.length || rows.some((row) => row.id && !row.scheduled && !finalStatus.has(row.id))) process.exitCode = 1;
