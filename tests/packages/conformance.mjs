// The checks every runtime runs against the installed, packed package. Runtime-agnostic:
// only the wabridge API (`wabridge`, the main entry, and `sandbox`, the `wabridge/sandbox`
// subpath), fetch and a loopback Meta stand-in at `baseUrl` (started by the harness,
// tests/packages/run.mjs). The messages, Bird bodies and 1MSG bodies are the examples'
// (messages.mjs, bird-bodies.mjs, onemsg-bodies.mjs, copied in by the harness). Returns one
// { name, ok, error? } per check.

import { birdBodies } from "./bird-bodies.mjs";
import { check, checkList, holds, rejection, same, sameValue, thrown } from "./checks.mjs";
import { PHONE_REENGAGEMENT, PHONE_SUCCESS, TOKEN } from "./constants.mjs";
import { birdMessages, oneMsgMessages, sampleMessages } from "./messages.mjs";
import { oneMsgBodies, oneMsgTemplates } from "./onemsg-bodies.mjs";
import { signatureVectors, webhookFixtures } from "./webhook-fixtures.mjs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BIRD_CUSTOMER = "+31612345678";
const ONEMSG_CUSTOMER = "+5511987654321";
const WAMID = /^wamid\./;
/** Every send method of 1MSG's API: the demo's and these checks' messages and bodies use each. */
const ONEMSG_SEND_METHODS = [
  "sendAddressMessage", "sendButton", "sendCarousel", "sendContact", "sendCtaUrl", "sendFile", "sendFlow", "sendList", "sendLocation",
  "sendLocationRequest", "sendMessage", "sendProduct", "sendReaction", "sendSticker", "sendTemplate",
];


export async function conformance(wabridge, { baseUrl, sandbox: sandboxModule }) {
  const { checks, run } = checkList();
  const message = { to: "+16505551234", replyTo: "wamid.PREVIOUS", content: { type: "text", body: "Hello from wabridge 👋", previewUrl: false } };

  await run("import + init", async () => {
    await wabridge.init();
    await wabridge.init(); // idempotent
    check(wabridge.LIMITS.TEXT_BODY_MAX_CHARS === 4096, "LIMITS.TEXT_BODY_MAX_CHARS is 4096");
    check(Object.isFrozen(wabridge.LIMITS), "LIMITS is frozen");
    same([wabridge.CAPABILITIES.bird.reaction.support, wabridge.CAPABILITIES["1msg"].list.endpoint], ["never", "sendList"], "CAPABILITIES");
  });

  await run("the sandbox is its own subpath, wabridge/sandbox", async () => {
    for (const name of ["createSandbox", "serveSandbox", "FAULT_MODES"]) check(!(name in wabridge), `the main entry does not export ${name}`);
    check(typeof sandboxModule?.createSandbox === "function", "wabridge/sandbox exports createSandbox");
    check(sandboxModule.FAULT_MODES.includes("rate_limit"), "and FAULT_MODES");
  });

  await run("build + validate + serialize a text message", async () => {
    same(wabridge.validate(message), [], "violations of a valid message");
    const expected = {
      messaging_product: "whatsapp",
      to: "16505551234", // Meta is sent the digits
      context: { message_id: "wamid.PREVIOUS" },
      type: "text",
      text: { body: "Hello from wabridge 👋", preview_url: false },
    };
    same(wabridge.toProvider("meta", message), expected, "Meta body");
    same(JSON.parse(wabridge.toProviderJson("meta", JSON.stringify(message))), expected, "Meta body from JSON");
    same(wabridge.fromProvider("meta", expected), { ...message, to: "16505551234" }, "parsed back");
    // 4096 emoji are 8192 UTF-16 units: still within the limit, counted as characters.
    same(wabridge.validate({ ...message, content: { type: "text", body: "😀".repeat(4096) } }), [], "4096 emoji");
  });

  await run("coordinates: read by the JS engine and written back as the same numbers (Meta numbers, 1MSG decimal strings)", async () => {
    for (const latitude of [52.520008, -33.86881999999999, 0.1 + 0.2, 1e-7, 0, 90]) {
      const location = { to: "+16505551234", content: { type: "location", latitude, longitude: -13.404954 } };
      const meta = wabridge.toProvider("meta", location).location;
      check(Object.is(meta.latitude, latitude) && meta.longitude === -13.404954, `Meta ${latitude} (got ${meta.latitude})`);
      const fromText = JSON.parse(wabridge.toProviderJson("meta", JSON.stringify(location))).location;
      check(Object.is(fromText.latitude, latitude), `Meta from JSON text ${latitude} (got ${fromText.latitude})`);
      const onemsg = wabridge.toProvider("1msg", location);
      check(!/e/i.test(onemsg.lat) && Number(onemsg.lat) === latitude, `1MSG's decimal ${onemsg.lat} for ${latitude}`);
      same(wabridge.fromProvider("1msg", onemsg, { operation: "sendLocation" }).content.latitude, latitude, "1MSG read back");
    }
    same(wabridge.validate({ to: "+16505551234", content: { type: "location", latitude: "52.5x", longitude: 1 } }).map((v) => v.path), ["/content/latitude"], "not a number");
  });

  await run("a validation failure is an Error with code and the violation's path", async () => {
    const tooLong = { to: "+16505551234", content: { type: "text", body: "x".repeat(4097) } };
    const error = thrown(() => wabridge.toProvider("meta", tooLong));
    check(error instanceof Error, "is an Error");
    check(error instanceof wabridge.ValidationError, "is a ValidationError");
    check(error.name === "ValidationError", `name is ValidationError (got ${error.name})`);
    check(error.code === "ERR_VALIDATION", `code is ERR_VALIDATION (got ${error.code})`);
    same(error.violations.map((v) => [v.path, v.code, v.limit]), [["/content/body", "too_long", 4096]], "violations");
    const wire = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "y".repeat(5000) } };
    same(wabridge.validateProvider("meta", wire).map((v) => v.path), ["/text/body"], "Meta body violation path");
    const several = wabridge.validate({ to: "12", replyTo: "", content: { type: "text", body: "" } });
    same(several.map((v) => v.path), ["/to", "/replyTo", "/content/body"], "every violation at once");
  });

  await run("a number, null or an object where a string goes is an ArgumentError naming it, and the wasm goes on working", async () => {
    const calls = [
      [() => wabridge.parsePhoneNumber(16505551234), "text"],
      [() => wabridge.parsePhoneNumber("(650) 555-1234", 1), "region"],
      [() => wabridge.parsePhoneNumber(null), "text"],
      [() => wabridge.convert(1, "meta", {}), "from"],
      [() => wabridge.validateProvider({}, {}), "provider"],
      [() => wabridge.checkMediaUpload(1, 1), "mimeType"],
      [() => wabridge.readWebhook(true, "{}"), "provider"],
    ];
    for (let round = 0; round < 50; round++) {
      for (const [call, name] of calls) {
        const error = thrown(call);
        check(error instanceof wabridge.ArgumentError && error.code === "ERR_ARGUMENT" && error.message.startsWith(`${name} must be a string`), `${name}: ${error}`);
      }
    }
    same(wabridge.parsePhoneNumber("+44 20 7946 0958").e164, "+442079460958", "a call after them");
  });

  await run("validate(message, provider): a kind the provider does not carry is a violation, not an exception", async () => {
    // Bird's page: reactions, contacts and products have no Channels API equivalent.
    const reaction = { to: "+16505551234", content: { type: "reaction", messageId: "wamid.PREVIOUS", emoji: "👍" } };
    same(wabridge.validate(reaction, "meta"), [], "Meta carries reactions");
    const [violation, ...more] = wabridge.validate(reaction, "bird");
    same([violation?.path, violation?.code, more.length], ["/content/type", "unsupported", 0], "one unsupported violation at /content/type");
    check(/bird/.test(violation.message) && /reaction/.test(violation.message), `the message names provider and kind (got ${violation.message})`);
    const error = thrown(() => wabridge.toProvider("bird", reaction));
    check(error instanceof wabridge.UnsupportedError && error.kind === "reaction", "toProvider still throws UnsupportedError");
  });

  await run("toProviderMany: an array, JSON lines and UTF-8 bytes in one call each, every item judged alone", async () => {
    const bad = { to: "12", content: { type: "text", body: "" } };
    const reaction = { to: "+16505551234", content: { type: "reaction", messageId: "wamid.PREVIOUS", emoji: "👍" } };
    const results = wabridge.toProviderMany("meta", [message, bad, reaction]);
    same(results.map((r) => r.index), [0, 1, 2], "one result per message, in order");
    same(results[0].body, wabridge.toProvider("meta", message), "a valid message's body");
    same(results[1].violations.map((v) => v.path), ["/to", "/content/body"], "an invalid one's violations, pointing into it");
    check(results[2].body?.type === "reaction", "a reaction for Meta");
    const lines = [message, bad, reaction].map((m) => JSON.stringify(m)).join("\n") + "\n\n";
    const fromText = wabridge.toProviderMany("bird", lines);
    same(fromText.map((r) => r.line), [1, 2, 3], "JSON lines give each result its line");
    check(fromText[0].body?.body?.type === "text", "Bird's body for the text");
    same([fromText[2].error?.code, fromText[2].error?.provider, fromText[2].error?.kind], ["ERR_UNSUPPORTED", "bird", "reaction"], "what Bird cannot carry is an error item");
    same(wabridge.toProviderMany("meta", new TextEncoder().encode(lines)), wabridge.toProviderMany("meta", lines), "bytes read as UTF-8 text");
    // Text cut inside an emoji holds half of it (a lone surrogate), which JSON text cannot:
    // that message is refused at its field, the others still converted.
    const cut = { to: "+16505551234", content: { type: "text", body: "Hello 😀".slice(0, 7) } };
    const mixed = wabridge.toProviderMany("meta", [message, cut, undefined, reaction]);
    same(mixed.map((r) => Boolean(r.body)), [true, false, false, true], "only the cut message and the hole are refused");
    same(mixed[1].violations?.map((v) => v.path), ["/content/body"], "the cut text's pointer");
    check(/lone surrogate/.test(mixed[1].violations?.[0]?.message), `says what is wrong (${mixed[1].violations?.[0]?.message})`);
    same(mixed[2].error?.code, "ERR_ARGUMENT", "an undefined item is refused alone, as toProvider refuses it");
    same(mixed[2].error?.message, thrown(() => wabridge.toProvider("meta", undefined))?.message, "with toProvider's own words");
    same(wabridge.validate(cut).map((v) => v.path), ["/content/body"], "validate points at the cut text too");
    const notInput = thrown(() => wabridge.toProviderMany("meta", 42));
    check(notInput instanceof wabridge.ArgumentError, "anything else is an ArgumentError");
  });

  await run("a client in a `using` scope, disposed while its send is in flight, still resolves the send", async () => {
    let scoped = null;
    try {
      scoped = new Function("MetaClient", "options", "message", "return (async () => { using client = new MetaClient(options); return client.send(message); })();");
    } catch {
      // No `using` in this runtime (Node 20), or no eval (workerd): the same steps written out.
    }
    const written = async (MetaClient, options, message) => {
      const client = new MetaClient(options);
      try {
        return client.send(message);
      } finally {
        client[Symbol.dispose]();
      }
    };
    const result = await (scoped ?? written)(wabridge.MetaClient, { token: TOKEN, phoneNumberId: PHONE_SUCCESS, baseUrl }, message);
    check(WAMID.test(result.messageId), `the send resolved (${scoped ? "using" : "written out"}: ${result.messageId})`);
  });

  await run("send through fetch: a Meta success body", async () => {
    const client = new wabridge.MetaClient({ token: TOKEN, phoneNumberId: PHONE_SUCCESS, baseUrl });
    const result = await client.send(message);
    check(result.messageId.startsWith("wamid.LOOPBACK."), `message id (got ${result.messageId})`);
    same(result.messageStatus, "accepted", "message status");
    same(result.contacts, [{ input: "16505551234", waId: "16505551234" }], "contacts (Meta echoes the digits it was sent)");
  });

  await run("send through fetch: a Meta error body", async () => {
    const client = new wabridge.MetaClient({ token: TOKEN, phoneNumberId: PHONE_REENGAGEMENT, baseUrl });
    const error = await rejection(client.send(message));
    check(error instanceof wabridge.ProviderError, `is a ProviderError (got ${error?.name}: ${error?.message})`);
    check(error.code === "ERR_PROVIDER", "code");
    same([error.provider, error.httpStatus, error.reason, error.providerCode, error.retryable], ["meta", 400, "reengagement_required", 131047, false], "decoded error");
    check(typeof error.traceId === "string" && error.raw.includes("131047"), "trace id and raw body kept");
    check(error.request.body.includes("Hello from wabridge"), "the request is attached for a retry");
    const leaked = [error.message, error.stack, JSON.stringify(error)].some((text) => String(text).includes("SECRET"));
    check(!leaked, "the token appears nowhere in the error");
  });

  await run("the sandbox's fetch handler: send, status webhooks, signature (WebCrypto)", async () => {
    const sandbox = sandboxModule.createSandbox({ meta: { appSecret: "conformance-secret" } });
    sandbox.receive({ provider: "meta", from: "+16505551234", text: "Olá 👋" });
    const client = new wabridge.MetaClient(sandbox.clientOptions("meta"));
    const { messageId } = await client.send(message);
    await sandbox.settle();
    same(sandbox.messages("meta").map((m) => [m.id, m.statuses.join(">")]), [[messageId, "sent>delivered>read"]], "statuses");
    const hook = sandbox.webhooks("meta").at(-1);
    const encoder = new TextEncoder();
    const key = await crypto.subtle.importKey("raw", encoder.encode("conformance-secret"), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    const signature = Uint8Array.from(hook.headers["x-hub-signature-256"].slice(7).match(/../g), (h) => parseInt(h, 16));
    check(await crypto.subtle.verify("HMAC", key, signature, encoder.encode(hook.body)), "X-Hub-Signature-256 verifies");
    const tooLong = await sandbox.fetch(`${sandbox.baseUrl}/v23.0/100000000000001/messages`, {
      method: "POST",
      headers: { authorization: "Bearer sandbox-meta-token" },
      body: JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "x".repeat(4097) } }),
    });
    same([tooLong.status, (await tooLong.json()).error.code], [400, 100], "Meta's error 100");
  });

  await run("every content kind: validate, serialize to Meta, parse back", async () => {
    for (const [kind, sample] of sampleMessages("+16505551234", { replyTo: "wamid.PREVIOUS" })) {
      same(wabridge.validate(sample, "meta"), [], `${kind}: violations`);
      const body = wabridge.toProvider("meta", sample);
      check(body.messaging_product === "whatsapp", `${kind}: a Meta body`);
      same(wabridge.validateProvider("meta", body), [], `${kind}: the Meta body is valid`);
      const back = wabridge.fromProvider("meta", body);
      same(wabridge.toProvider("meta", back), body, `${kind}: round trip`);
      same(wabridge.convert("meta", "meta", JSON.stringify(body)).body, body, `${kind}: convert meta→meta`);
    }
    const button = { to: "+16505551234", content: { type: "replyButtons", body: "b", buttons: [{ id: "a", title: "x".repeat(21) }] } };
    same(wabridge.validate(button).map((v) => [v.path, v.code, v.limit]), [["/content/buttons/0/title", "too_long", 20]], "a 21-character title");
  });

  await run("Meta media upload, download and read receipts through the sandbox", async () => {
    const sandbox = sandboxModule.createSandbox();
    const client = new wabridge.MetaClient(sandbox.clientOptions("meta"));
    const { id } = sandbox.receive({ provider: "meta", from: "+16505551234", text: "hi" });
    same(await client.markRead(id, { typing: true }), { success: true }, "mark as read");
    const bytes = new TextEncoder().encode("%PDF-1.4 conformance");
    const uploaded = await client.uploadMedia(new Blob([bytes], { type: "application/pdf" }), { filename: "c.pdf" });
    const media = await client.getMedia(uploaded.id);
    same([media.mimeType, media.fileSize], ["application/pdf", bytes.length], "media object");
    const downloaded = await client.downloadMedia(media.url);
    same(Array.from(downloaded.bytes), Array.from(bytes), "downloaded bytes");
    const { messageId } = await client.send({ to: "+16505551234", content: { type: "document", id: uploaded.id, filename: "c.pdf" } });
    check(messageId.startsWith("wamid."), "sent by media id");
  });

  await run("Bird through the sandbox: every body type and template form (sendBody), validated, reproduced, accepted and delivered", async () => {
    const sandbox = sandboxModule.createSandbox();
    const { id: replyTo, contactId } = sandbox.receive({ provider: "bird", from: BIRD_CUSTOMER, text: "Hi" }); // opens the window
    const client = new wabridge.BirdClient(sandbox.clientOptions("bird"));
    const bodies = birdBodies(BIRD_CUSTOMER, { replyTo });
    check(bodies.length >= 34, `${bodies.length} bodies`);
    const sent = [];
    for (const [form, body] of bodies) {
      same(wabridge.validateProvider("bird", body), [], `${form}: violations`);
      sameValue(wabridge.convert("bird", "bird", JSON.stringify(body)).body, body, `${form}: convert bird→bird reproduces it`);
      const result = await client.sendBody(body);
      check(UUID.test(result.messageId), `${form}: messageId is a UUID (got ${result.messageId})`);
      same(result.status, body.scheduledFor ? "scheduled" : "accepted", `${form}: status`);
      same(result.scheduledFor, body.scheduledFor, `${form}: scheduledFor echoed`);
      same(result.warnings ?? [], [], `${form}: warnings`);
      sent.push([form, body, result.messageId]);
    }
    await sandbox.settle();
    const records = new Map(sandbox.messages("bird").map((m) => [m.id, m]));
    for (const [form, body, id] of sent) {
      const record = records.get(id);
      same([record?.kind, record?.contactId], [body.body?.type ?? "template", contactId], `${form}: kind and contact`);
      same(record.statuses.join(">"), body.scheduledFor ? "" : "sent>delivered>read", `${form}: statuses (a read: an interaction on Bird)`);
    }
    const window = await client.getContactChannel(contactId, { contactIdentifierValue: BIRD_CUSTOMER });
    same([window.serviceWindowOpen, window.templateRequired], [true, false], "the inbound message opened the service window");
    check(Date.parse(window.serviceWindowExpireAt) > Date.now(), `serviceWindowExpireAt ahead (got ${window.serviceWindowExpireAt})`);
  });

  await run("Bird through the sandbox: the neutral kinds Bird carries (send), with Bird's options", async () => {
    const sandbox = sandboxModule.createSandbox();
    const { id: replyTo } = sandbox.receive({ provider: "bird", from: BIRD_CUSTOMER, text: "Hi" });
    const client = new wabridge.BirdClient(sandbox.clientOptions("bird"));
    for (const [kind, message] of birdMessages(BIRD_CUSTOMER, { replyTo })) {
      same(wabridge.validate(message, "bird"), [], `${kind}: violations`);
      const body = wabridge.toProvider("bird", message);
      same(wabridge.validateProvider("bird", body), [], `${kind}: the Bird body is valid`);
      const result = await client.send(message);
      check(UUID.test(result.messageId), `${kind}: messageId is a UUID (got ${result.messageId})`);
      same(result.status, "accepted", `${kind}: status`);
    }
    const scheduledFor = new Date(Date.now() + 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const scheduled = await client.send(birdMessages(BIRD_CUSTOMER)[0][1], { reference: "order-4512", tags: ["orders"], scheduledFor });
    same([scheduled.status, scheduled.scheduledFor], ["scheduled", scheduledFor], "scheduled with options");
    await sandbox.settle();
    const kinds = new Set(sandbox.messages("bird").map((m) => m.kind));
    same([...kinds].sort(), ["carousel", "file", "image", "list", "location", "template", "text"], "Bird body types used");
    const unsupported = await rejection(client.send({ to: BIRD_CUSTOMER, content: { type: "reaction", messageId: replyTo, emoji: "👍" } }));
    check(unsupported instanceof wabridge.UnsupportedError && unsupported.provider === "bird" && unsupported.kind === "reaction", `a reaction is UnsupportedError naming bird and reaction (got ${unsupported})`);
  });

  await run("Bird: refused bodies — a validation error at the right pointer before sending; the sandbox's 422 decoded at a pointer", async () => {
    const sandbox = sandboxModule.createSandbox();
    const client = new wabridge.BirdClient(sandbox.clientOptions("bird"));
    const [, list] = birdBodies(BIRD_CUSTOMER).find(([form]) => form === "list-button-label");
    const faulty = structuredClone(list);
    faulty.body.list.metadata.button.label = "x".repeat(21);
    faulty.tags = ["Orders!"];
    const error = await rejection(client.sendBody(faulty));
    check(error instanceof wabridge.ValidationError, `is a ValidationError (got ${error?.name}: ${error?.message})`);
    same(error.violations.map((v) => [v.path, v.code]), [["/body/list/metadata/button/label", "too_long"], ["/tags/0", "invalid_format"]], "violations");
    same(error.violations[0].limit, 20, "the button label's limit");
    same(sandbox.requests.length, 0, "nothing was sent");
    // A receiver by a contact id the workspace does not have: only Bird can tell (422).
    const unknown = await rejection(client.sendBody({ ...list, receiver: { contacts: [{ id: "0b6f4f5e-0000-4000-a000-00000000beef" }] } }));
    check(unknown instanceof wabridge.ProviderError, `is a ProviderError (got ${unknown?.name}: ${unknown?.message})`);
    same([unknown.httpStatus, unknown.providerCode], [422, "InvalidPayload"], "Bird's 422");
    same(unknown.fields?.map((f) => f.path), ["/receiver/contacts/0/id"], "the field, at its JSON pointer");
  });

  await run("1MSG through the sandbox: every send method — the neutral kinds (send) and 1MSG's own bodies (sendBody), validated, reproduced, sent and acked; markRead", async () => {
    const sandbox = sandboxModule.createSandbox();
    const { id: inbound } = sandbox.receive({ provider: "1msg", from: ONEMSG_CUSTOMER, text: "Oi 👋", name: "Ana" }); // opens the session window
    const client = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
    const sent = [];
    // Media by id is an upload of 1MSG's own (one it does not know fails the message, 131053).
    const { mediaId: image } = await client.uploadMedia("https://example.com/media/receipt.png");
    for (const [kind, message] of oneMsgMessages(ONEMSG_CUSTOMER, { mediaId: image, replyTo: inbound })) {
      same(wabridge.validate(message, "1msg"), [], `${kind}: violations`);
      const method = wabridge.endpointOf("1msg", message);
      const body = wabridge.toProvider("1msg", message);
      same(wabridge.validateProvider("1msg", body, { operation: method }), [], `${kind}: the ${method} body is valid`);
      const result = await client.send(message);
      check(WAMID.test(result.messageId), `${kind}: messageId (got ${result.messageId})`);
      same([result.message, result.description], [`Sent to ${ONEMSG_CUSTOMER.slice(1)}@c.us`, "Message has been sent to the provider"], `${kind}: 1MSG's answer`);
      sent.push([kind, method, result.messageId]);
    }
    const { templates } = await client.templates();
    const namespace = templates[0].namespace;
    for (const template of oneMsgTemplates()) {
      const created = await client.addTemplate(template);
      same([created.status, created.category], ["APPROVED", template.category], `addTemplate ${template.name}`);
    }
    const { mediaId } = await client.uploadMedia("https://example.com/media/invoice-4512.pdf");
    check(/^\d+$/.test(mediaId), `uploadMedia gives a numeric mediaId (got ${mediaId})`);
    for (const [form, method, body] of oneMsgBodies(ONEMSG_CUSTOMER, { namespace, mediaId, replyTo: inbound })) {
      same(wabridge.validateProvider("1msg", body, { operation: method }), [], `${form}: violations`);
      sameValue(wabridge.convert("1msg", "1msg", JSON.stringify(body), { operation: method }).body, body, `${form}: convert 1msg→1msg reproduces it`);
      const result = await client.sendBody(method, body);
      check(WAMID.test(result.messageId), `${form}: messageId (got ${result.messageId})`);
      sent.push([form, method, result.messageId]);
    }
    same(await client.markRead(inbound, { typing: true }), { result: "success" }, "markRead");
    same(sandbox.reads.map((r) => [r.provider, r.messageId, r.typing]), [["1msg", inbound, true]], "the read receipt, with typing");
    await sandbox.settle();
    const records = new Map(sandbox.messages("1msg").map((m) => [m.id, m]));
    // A reaction has only its sent status (WhatsApp's, which 1MSG passes on).
    const statusesOf = (method) => (method === "sendReaction" ? ["sent"] : ["sent", "delivered", "viewed"]);
    for (const [what, method, id] of sent) {
      same([records.get(id)?.kind, records.get(id)?.statuses.join(">")], [method, statusesOf(method).join(">")], `${what}: method and acks`);
    }
    same([...new Set(sent.map(([, method]) => method))].sort(), ONEMSG_SEND_METHODS, "every send method used");
    const acks = sandbox.webhooks("1msg").filter((w) => w.event === "status");
    same(acks.length, sent.reduce((n, [, method]) => n + statusesOf(method).length, 0), "one ack webhook per status");
    same(acks[0].payload.ack[0], { id: sent[0][2], chatId: `${ONEMSG_CUSTOMER.slice(1)}@c.us`, status: "sent" }, "1MSG's ack webhook");
  });

  await run("1MSG through the sandbox: each endpoint — profile, statistics, status, settings, webhook, commerce, outputIP, hookInfo, messages, templates, media — and the session window", async () => {
    const sandbox = sandboxModule.createSandbox();
    const client = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
    const { id: inbound } = sandbox.receive({ provider: "1msg", from: ONEMSG_CUSTOMER, text: "Oi", name: "Ana" });
    const { messageId } = await client.send(sampleMessages(ONEMSG_CUSTOMER)[0][1]);
    await sandbox.settle();
    same((await client.me()).phone, "15550001234", "me: the channel's number");
    same(await client.updateMe({ about: "Open 9-18", vertical: "Shopping and Retail" }), { result: "success" }, "updateMe");
    const profile = await client.me();
    same([profile.about, profile.vertical], ["Open 9-18", "Shopping and Retail"], "me after updateMe");
    const statistics = await client.statistics("03.2022");
    same(statistics, { date: "03.2022", templates_cost: 0 }, "statistics of a month without templates");
    const [month, ...more] = await client.extendedStatistics();
    same([month?.quantity, month?.user_initiated_quantity, month?.total_price, more.length], [1, 1, 0, 0], "extendedStatistics: this month's free-form message");
    check(/^\d{4}-\d{2}-01T00:00:00Z$/.test(month.period_date), `period_date (got ${month.period_date})`);
    same(await client.status(), { status: "connected" }, "status");
    same((await client.settings()).webhookUrl, null, "no webhook URL at first");
    const updated = await client.updateSettings({ webhookUrl: "https://hooks.example.com/1msg", ackNotificationsOn: true });
    same([updated.webhookUrl, updated.update], ["https://hooks.example.com/1msg", { webhookUrl: "https://hooks.example.com/1msg", ackNotificationsOn: true }], "updateSettings");
    same(await client.setWebhook("https://hooks.example.com/other"), { set: true, message: "https://hooks.example.com/other" }, "setWebhook");
    same((await client.updateSettings({ webhookUrl: null })).webhookUrl, null, "webhookUrl: null clears it");
    same(await client.updateCommerce({ is_cart_enabled: false, is_catalog_visible: true }), { success: true }, "updateCommerce");
    same(await client.commerce(), [{ id: "407921857496983", is_cart_enabled: false, is_catalog_visible: true }], "commerce");
    same(await client.outputIP(), { result: "203.0.113.10" }, "outputIP");
    const { hooks } = await client.hookInfo(messageId);
    same(hooks.map((h) => [h.id, h.type, h.status]), ["sent", "delivered", "viewed"].map((status) => [messageId, "message", status]), "hookInfo");
    same(hooks[0].pricing, { billable: false, category: "service", pricing_model: "PMP" }, "hookInfo pricing");
    const history = await client.messages({ limit: 0 });
    same(history.messages.map((m) => [m.messageNumber, m.id, m.fromMe]), [[1, inbound, false], [2, messageId, true]], "messages");
    same((await client.messages({ msgId: messageId, chatId: `${ONEMSG_CUSTOMER.slice(1)}@c.us` })).messages.length, 1, "messages by msgId and chatId");
    same((await client.messages({ last: true, limit: 1 })).messages[0].id, messageId, "the last message");
    const before = (await client.templates()).total;
    const template = oneMsgTemplates().find((t) => t.name === "payment_due");
    await client.addTemplate(template);
    same((await client.templates()).templates.find((t) => t.name === "payment_due")?.status, "approved", "templates lists the new template, approved");
    same(await client.removeTemplate("payment_due"), { result: "success" }, "removeTemplate");
    same((await client.templates()).total, before, "templates after removeTemplate");
    const [, , removed] = oneMsgBodies(ONEMSG_CUSTOMER, { namespace: (await client.templates()).templates[0].namespace }).find(([, , body]) => body.template === "payment_due");
    const gone = await rejection(client.sendBody("sendTemplate", removed));
    check(gone instanceof wabridge.ProviderError, `a removed template is a ProviderError (got ${gone?.name}: ${gone?.message})`);
    same([gone.httpStatus, gone.reason, gone.retryable], [200, "template", false], "HTTP 200 with sent: false");
    const { mediaId } = await client.uploadMedia("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    same(await client.deleteMedia(mediaId), { result: "success" }, "deleteMedia");
    same(sandbox.requests.at(-1).method, "DELETE", "DELETE /media/{mediaId}");
    // Outside the 24-hour session window: free-form is refused with sent: false, a template goes.
    const stranger = "+442071838750";
    const closed = await rejection(client.send(sampleMessages(stranger)[0][1]));
    same([closed.httpStatus, closed.reason], [200, "reengagement_required"], "free-form outside the window");
    check(/24 hours/.test(closed.message), `the provider's text (got ${closed.message})`);
    const [, , order] = oneMsgBodies(stranger, { namespace: "ca300906_cfbc_410b_99fb_dcee8e13d578" })[0];
    for (const t of oneMsgTemplates().filter((t) => t.name === order.template)) await client.addTemplate(t);
    check(WAMID.test((await client.sendBody("sendTemplate", order)).messageId), "a template outside the window is sent");
  });

  await run("1MSG: a refused body — a ValidationError at each pointer before sending; a wrong token redacted", async () => {
    const sandbox = sandboxModule.createSandbox();
    const client = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
    const [, , flow] = oneMsgBodies(ONEMSG_CUSTOMER, { namespace: "ns" }).find(([form]) => form === "flow (navigate)");
    const faulty = { ...flow, flowAction: "open", flowMessageVersion: "2", phone: "+5511987654321" };
    const error = await rejection(client.sendBody("sendFlow", faulty));
    check(error instanceof wabridge.ValidationError, `is a ValidationError (got ${error?.name}: ${error?.message})`);
    same(
      error.violations.map((v) => [v.path, v.code]).sort(),
      [["/chatId", "invalid_value"], ["/flowAction", "invalid_value"], ["/flowMessageVersion", "invalid_value"], ["/phone", "invalid_value"]],
      "violations (a \"+\" in phone, and both phone and chatId)",
    );
    const updateMe = await rejection(client.updateMe({ description: "x".repeat(257) }));
    same(updateMe.violations?.map((v) => [v.path, v.code, v.limit]), [["/description", "too_long", 256]], "updateMe: the description's limit");
    same(sandbox.requests.length, 0, "nothing was sent");
    const wrong = new wabridge.OneMsgClient({ ...sandbox.clientOptions("1msg"), token: "wrong-SECRET-token" });
    const refused = await rejection(wrong.status());
    same([refused.httpStatus, refused.reason], [401, "invalid_token"], "a wrong token");
    check(/Wrong token/.test(refused.message), `1MSG's text (got ${refused.message})`);
    const leaked = [refused.message, refused.raw, refused.request?.url, JSON.stringify(refused)].some((text) => String(text).includes("SECRET"));
    check(!leaked, "the token appears nowhere in the error");
  });

  await run("webhook signatures, verified by the package over the raw bytes: the sandbox's deliveries pass; tampered, another secret, no header, re-serialized JSON fail", async () => {
    const secrets = { meta: "meta-app-s3cret", bird: "bird-signing-key", "1msg": "shared token/+" };
    const urls = { meta: "https://hooks.example.com/meta", bird: "https://hooks.example.com/bird", "1msg": `https://hooks.example.com/1msg?secret=${encodeURIComponent(secrets["1msg"])}` };
    const sandbox = sandboxModule.createSandbox({
      meta: { appSecret: secrets.meta }, bird: { signingKey: secrets.bird }, webhooks: { url: urls, fetch: async () => new Response("ok") },
    });
    for (const provider of ["meta", "bird", "1msg"]) sandbox.receive({ provider, from: "+16505551234", text: "Olá / 😀" });
    await sandbox.settle();
    const reason = (fn) => {
      try {
        fn();
        return "accepted";
      } catch (error) {
        return error instanceof wabridge.SignatureError ? error.reason : `${error?.name}: ${error?.message}`;
      }
    };
    for (const provider of ["meta", "bird", "1msg"]) {
      const hook = sandbox.webhooks(provider).at(-1);
      const delivery = { body: hook.body, headers: hook.headers, url: hook.url };
      same(reason(() => wabridge.verifyWebhook(provider, delivery, { secret: secrets[provider] })), "accepted", `${provider}: the delivery`);
      same(reason(() => wabridge.verifyWebhook(provider, delivery, { secret: "another" })), "mismatch", `${provider}: another secret`);
      if (provider !== "1msg") {
        same(reason(() => wabridge.verifyWebhook(provider, { ...delivery, body: hook.body.replace("Ol", "0l") }, { secret: secrets[provider] })), "mismatch", `${provider}: tampered`);
        same(reason(() => wabridge.verifyWebhook(provider, { ...delivery, headers: {} }, { secret: secrets[provider] })), "missing", `${provider}: no header`);
      }
    }
    const meta = sandbox.webhooks("meta").at(-1);
    check(/\\u00e1/.test(meta.body) && /\\\//.test(meta.body), "Meta's body escapes non-ASCII and /");
    same(reason(() => wabridge.verifyWebhook("meta", { body: JSON.stringify(JSON.parse(meta.body)), headers: meta.headers }, { secret: secrets.meta })), "mismatch", "re-serialized JSON");
    same(wabridge.answerMetaChallenge("https://h.example/?hub.mode=subscribe&hub.verify_token=t&hub.challenge=7", "t"), { status: 200, body: "7" }, "Meta's challenge");
  });

  await run("webhook events: every fixture from the providers' docs reads into its events; the signature vectors computed with Python verify as expected", async () => {
    check(webhookFixtures.length >= 60, `${webhookFixtures.length} fixtures`);
    for (const fixture of webhookFixtures) {
      const events = wabridge.readWebhook(fixture.provider, JSON.stringify(fixture.body));
      holds(events, fixture.expect, fixture.name);
    }
    for (const vector of signatureVectors) {
      let outcome = "accepted";
      try {
        wabridge.receiveWebhook(vector.provider, vector, { secret: vector.secret, toleranceSeconds: vector.toleranceSeconds });
      } catch (error) {
        outcome = error instanceof wabridge.SignatureError ? error.reason : `${error?.name}: ${error?.message}`;
      }
      same(outcome, vector.expect, vector.name);
    }
    const notMeta = thrown(() => wabridge.readWebhook("meta", JSON.stringify({ service: "channels", event: "whatsapp.inbound", payload: {} })));
    check(notMeta instanceof wabridge.WebhookError && notMeta.code === "ERR_WEBHOOK", `a Bird body read as Meta's: ${notMeta}`);
  });

  await run("handleWebhook: the sandbox's signed deliveries of each provider, as standard Requests, verified, read, deduplicated and answered", async () => {
    const secrets = { meta: "meta-app-s3cret", bird: "bird-signing-key", "1msg": "shared token/+" };
    const urls = { meta: "https://hooks.example.com/meta", bird: "https://hooks.example.com/bird", "1msg": `https://hooks.example.com/1msg?secret=${encodeURIComponent(secrets["1msg"])}` };
    const received = [];
    const handle = (request) => {
      const provider = new URL(request.url).pathname.slice(1);
      return wabridge.handleWebhook(request, { provider, secret: secrets[provider], on: { message: (e) => received.push(e), status: (e) => received.push(e) } });
    };
    const sandbox = sandboxModule.createSandbox({
      meta: { appSecret: secrets.meta }, bird: { signingKey: secrets.bird },
      webhooks: { url: urls, fetch: (url, init) => handle(new Request(url, init)) },
    });
    for (const provider of ["meta", "bird", "1msg"]) sandbox.receive({ provider, from: "+16505551234", text: "Olá / 😀" });
    await sandbox.settle();
    for (const provider of ["meta", "bird", "1msg"]) {
      const hooks = sandbox.webhooks(provider);
      same(hooks.map((h) => h.responseStatus), [200], `${provider}: answered 200`);
      const event = received.find((e) => e.provider === provider);
      holds(event, { type: "message", kind: "text", text: "Olá / 😀", from: { phone: "+16505551234" }, content: { type: "text", body: "Olá / 😀" } }, provider);
      const again = await handle(new Request(hooks[0].url, { method: "POST", headers: hooks[0].headers, body: hooks[0].body }));
      same(again.status, 200, `${provider}: a redelivery`);
    }
    same(received.length, 3, "each message handled once, redeliveries filtered");
  });

  await run("webhooks astray (the sandbox's disorder: duplicates, reordered, batched): handleWebhook handles each event once, isStatusAfter keeps each message's last status", async () => {
    const secrets = { meta: "meta-app-s3cret", bird: "bird-signing-key", "1msg": "shared-token" };
    const urls = { meta: "https://hooks.example.com/meta", bird: "https://hooks.example.com/bird", "1msg": "https://hooks.example.com/1msg?secret=shared-token" };
    const handled = [];
    const last = new Map();
    const store = new wabridge.MemoryDedupeStore();
    const on = {
      status: (e) => {
        handled.push(`${e.id} ${e.providerStatus}`);
        if (!last.has(e.id) || wabridge.isStatusAfter(e.status, last.get(e.id))) last.set(e.id, e.status);
      },
    };
    const sandbox = sandboxModule.createSandbox({
      seed: 3, meta: { appSecret: secrets.meta }, bird: { signingKey: secrets.bird },
      webhooks: {
        url: urls, disorder: { duplicate: 0.5, reorder: 0.3, batch: 0.3 },
        fetch: (url, init) => wabridge.handleWebhook(new Request(url, init), { provider: new URL(url).pathname.slice(1), secret: secrets[new URL(url).pathname.slice(1)], dedupe: { store }, on }),
      },
    });
    const clients = [
      new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), fetch: sandbox.fetch }),
      new wabridge.BirdClient({ ...sandbox.clientOptions("bird"), fetch: sandbox.fetch }),
      new wabridge.OneMsgClient({ ...sandbox.clientOptions("1msg"), fetch: sandbox.fetch }),
    ];
    const sent = [];
    for (const [i, provider] of ["meta", "bird", "1msg"].entries()) {
      sandbox.receive({ provider, from: "+16505551234", text: "hi" });
      for (let n = 0; n < 3; n++) sent.push((await clients[i].send({ to: "+16505551234", content: { type: "text", body: `n${n}` } })).messageId);
    }
    await sandbox.settle();
    const deliveries = sandbox.webhooks();
    check(["duplicate", "reordered", "batched"].every((flag) => deliveries.some((d) => d[flag])), "some deliveries came twice, late and batched");
    same(deliveries.filter((d) => d.responseStatus !== 200).length, 0, "every delivery taken");
    same(new Set(handled).size, handled.length, "no status handled twice");
    same(sent.map((id) => last.get(id)), sent.map(() => "read"), "each message ends at its last status, read");
  });

  await run("createMessenger: one messenger per provider, the same calls — a message in through its handleWebhook, answered with reply(), statuses back; Bird's missing markRead an UnsupportedError", async () => {
    const secrets = { meta: "meta-app-s3cret", bird: "bird-signing-key", "1msg": "shared-token" };
    const urls = { meta: "https://hooks.example.com/meta", bird: "https://hooks.example.com/bird", "1msg": `https://hooks.example.com/1msg?secret=${secrets["1msg"]}` };
    const messengers = {};
    const events = [];
    const sandbox = sandboxModule.createSandbox({
      meta: { appSecret: secrets.meta }, bird: { signingKey: secrets.bird },
      webhooks: {
        url: urls,
        fetch: (url, init) => {
          const provider = new URL(url).pathname.slice(1);
          return messengers[provider].handleWebhook(new Request(url, init), {
            on: {
              message: (event) => (events.push(event), messengers[provider].reply(event, { type: "text", body: `Echo: ${event.text}` })),
              status: (event) => void events.push(event),
            },
          });
        },
      },
    });
    for (const provider of ["meta", "bird", "1msg"]) {
      messengers[provider] = wabridge.createMessenger({ provider, ...sandbox.clientOptions(provider), webhookSecret: secrets[provider] });
      sandbox.receive({ provider, from: "+16505551234", text: "hello" });
    }
    await sandbox.settle();
    await sandbox.settle();
    for (const provider of ["meta", "bird", "1msg"]) {
      const [reply] = sandbox.messages(provider);
      check(reply, `${provider}: the reply was sent`);
      const statuses = events.filter((e) => e.provider === provider && e.type === "status" && e.id === reply.id).map((e) => e.status);
      same(statuses, ["sent", "delivered", "read"], `${provider}: the reply's statuses`);
    }
    const refused = await rejection(messengers.bird.markRead("x"));
    check(refused instanceof wabridge.UnsupportedError && refused.provider === "bird", `Bird's markRead: ${refused}`);
  });

  await run("a customer whose number is hidden (a username): read by business-scoped user id, answered by it — Meta recipient, Bird whatsappbsuid, 1MSG phone; a group message answered in its group", async () => {
    const USER = "US.13491208655302741918";
    const sandbox = sandboxModule.createSandbox({ statusDelayMs: 0 });
    for (const provider of ["meta", "bird", "1msg"]) {
      sandbox.receive({ provider, userId: USER, username: "ana.b", text: "hidden" });
    }
    const group = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";
    sandbox.receive({ provider: "meta", from: "+16505551234", message: { group_id: group, type: "text", text: { body: "hi all" } } });
    await sandbox.settle();
    const inbound = sandbox.webhooks().flatMap((w) => wabridge.readWebhook(w.provider, w.body)).filter((e) => e.type === "message");
    const wire = { meta: (b) => b.recipient, bird: (b) => b.receiver.contacts[0].identifierKey === "whatsappbsuid" && b.receiver.contacts[0].identifierValue, "1msg": (b) => b.phone };
    for (const provider of ["meta", "bird", "1msg"]) {
      const event = inbound.find((e) => e.provider === provider && e.from?.userId);
      check(event && event.from.userId === USER && event.from.phone === undefined && event.from.username === "ana.b", `${provider}: the hidden customer's event ${JSON.stringify(event?.from)}`);
      const messenger = wabridge.createMessenger({ provider, ...sandbox.clientOptions(provider) });
      await messenger.reply(event, { type: "text", body: "answered" });
      same(wire[provider](sandbox.messages(provider).at(-1).body), USER, `${provider}: sent to the user id`);
      messenger.free();
    }
    const inGroup = inbound.find((e) => e.provider === "meta" && e.group === group);
    check(inGroup, "Meta's group message carries its group");
    const meta = wabridge.createMessenger({ provider: "meta", ...sandbox.clientOptions("meta") });
    await meta.reply(inGroup, { type: "text", body: "to the group" });
    const sent = sandbox.messages("meta").at(-1).body;
    same([sent.recipient_type, sent.to], ["group", group], "answered in the group");
  });

  await run("createMessenger: a customer's file downloaded with downloadMedia(event.media) from each provider (Meta by id, Bird through its media host's redirect, 1MSG by link)", async () => {
    const sandbox = sandboxModule.createSandbox({ seed: 9 });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 7]);
    for (const provider of ["meta", "bird", "1msg"]) {
      const messenger = wabridge.createMessenger({ provider, ...sandbox.clientOptions(provider) });
      sandbox.receive({ provider, from: "+16505551234", media: { type: "image", data: bytes, mimeType: "image/png", caption: "a photo" } });
      await sandbox.settle();
      const [event] = messenger.readWebhook(sandbox.webhooks(provider).at(-1).body);
      same([event.kind, event.text], ["image", "a photo"], `${provider}: the event`);
      const file = await messenger.downloadMedia(event.media);
      same([...file.bytes], [...bytes], `${provider}: the bytes`);
      same(file.mimeType, "image/png", `${provider}: the MIME type`);
      messenger.free();
    }
  });

  await run("one message, any provider: convert reports what it leaves out at its pointer; fit truncates at graphemes and adapts; phone numbers normalised per provider; messenger.send with fit", async () => {
    // A Meta list with a footer → Bird: converted, the footer left out at Meta's pointer.
    const metaList = { messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: { type: "list", body: { text: "Pick" }, footer: { text: "Thanks" }, action: { button: "Menu", sections: [{ rows: [{ id: "a", title: "A" }] }] } } };
    const toBird = wabridge.convert("meta", "bird", metaList);
    same(toBird.changes.map((c) => [c.kind, c.source]), [["lossy", "/interactive/footer/text"]], "meta → bird: the footer reported");
    same(toBird.body.body.type, "list", "meta → bird: a Bird list");
    // Truncation keeps a ZWJ family whole.
    const family = "👨\u200d👩\u200d👧\u200d👦";
    const long = { to: "+16505551234", content: { type: "text", body: "a".repeat(4090) + family + "b" } };
    const fitted = wabridge.fitMessage("meta", long, "truncate");
    check(fitted.messages[0].content.body === "a".repeat(4090) + "…", `truncated before the family: ${fitted.messages[0].content.body.slice(-12)}`);
    same(fitted.changes.map((c) => [c.kind, c.pointer, c.limit]), [["truncated", "/content/body", 4096]], "the truncation reported");
    // A carousel Bird cannot carry (quick-reply cards): one message per card.
    const card = (n) => ({ header: { type: "image", link: `https://media.example.com/c/${n}.jpg` }, body: `Card ${n}`, buttons: [{ id: `b${n}`, title: "Pick" }] });
    const split = wabridge.convert("neutral", "bird", { to: "+16505551234", content: { type: "carousel", body: "Picks", cards: [card(1), card(2)] } }, { fit: "adapt" });
    same([split.body.body.type, ...split.more.map((m) => m.body.body.type)], ["text", "image", "image"], "carousel → Bird, card by card");
    // One `to`, each provider's form.
    const to = "+44 20 7946 0958";
    const text = { to, content: { type: "text", body: "Hi" } };
    same(
      [wabridge.toProvider("meta", text).to, wabridge.toProvider("bird", text).receiver.contacts[0].identifierValue, wabridge.toProvider("1msg", text).phone],
      ["442079460958", "+442079460958", 442079460958],
      "a number as written → Meta digits, Bird +E.164, 1MSG phone",
    );
    same(wabridge.parsePhoneNumber("020 7946 0958", "GB").e164, "+442079460958", "a national number with its region");
    const national = thrown(() => wabridge.parsePhoneNumber("020 7946 0958"));
    check(national instanceof wabridge.ValidationError && /region/.test(national.message), `a national number without a region: ${national}`);
    const bogus = thrown(() => wabridge.toProvider("meta", { to: "+1 050 555 1234", content: { type: "text", body: "Hi" } }));
    check(bogus instanceof wabridge.ValidationError && bogus.violations[0].path === "/to", `+1 numbers never start with 0: ${bogus}`);
    // A messenger sends the adapted message through the sandbox.
    const sandbox = sandboxModule.createSandbox();
    for (const provider of ["meta", "bird", "1msg"]) {
      sandbox.receive({ provider, from: "+16505551234", text: "hello" }); // the 24-hour window opens
      const messenger = wabridge.createMessenger({ provider, ...sandbox.clientOptions(provider) });
      const buttons = ["XS", "S", "M", "L", "XL"].map((size) => ({ id: size, title: size }));
      const sent = await messenger.send({ to: "+16505551234", content: { type: "replyButtons", body: "Size?", buttons } }, { fit: "adapt" });
      check(typeof sent.id === "string" && sent.changes[0]?.kind === "reshaped", `${provider}: sent as a list (${JSON.stringify(sent.changes)})`);
      messenger.free();
    }
    // 1MSG takes a file itself as a multipart form (Blob and FormData-free, in every runtime).
    const onemsg = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
    const pdf = new Blob([new TextEncoder().encode("%PDF-1.4")], { type: "application/pdf" });
    const filed = await onemsg.sendFile(pdf, { phone: "16505551234", filename: "invoice.pdf", caption: "Invoice" });
    check(/^wamid\./.test(filed.messageId), `1MSG sendFile with the file itself: ${JSON.stringify(filed)}`);
    onemsg.free();
  });

  // Credentials never leave through errors; the Meta token reaches only Meta (secrets.mjs).
  const { secrets } = await import("./secrets.mjs");
  checks.push(...(await secrets(wabridge, { baseUrl })));
  return checks;
}
