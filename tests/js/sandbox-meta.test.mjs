// Contract tests of the sandbox's Meta routes: answers, error formats and codes, the
// 24-hour window, mark-as-read, media, and webhooks (format and signature).
import test from "node:test";
import assert from "node:assert/strict";
import { CUSTOMER, SANDBOX_META_TEMPLATES, createSandbox, manualClock, text, verifyMetaSignature, wabridge } from "./helpers.mjs";

const DAY = 24 * 60 * 60 * 1000;

function setup(options = {}) {
  const sandbox = createSandbox(options);
  const client = new wabridge.MetaClient(sandbox.clientOptions("meta"));
  const raw = (path, init = {}) =>
    sandbox.fetch(`${sandbox.baseUrl}${path}`, { ...init, headers: { authorization: "Bearer sandbox-meta-token", "content-type": "application/json", ...init.headers } });
  const post = (body, headers) => raw("/v23.0/100000000000001/messages", { method: "POST", body: JSON.stringify(body), headers });
  return { sandbox, client, raw, post };
}

const statuses = (sandbox) =>
  sandbox.webhooks("meta").filter((w) => w.event === "status").map((w) => w.payload.entry[0].changes[0].value.statuses[0]);

test("a Mexican mobile is one WhatsApp id with or without the 1 Mexico dropped (wa_id 521…): its window, its wa_id, its statuses", async () => {
  const { sandbox, post } = setup();
  sandbox.receive({ provider: "meta", from: "+52 55 1234 5678", text: "hola" });
  await sandbox.settle();
  const inbound = sandbox.webhooks("meta").find((w) => w.event === "message").payload.entry[0].changes[0].value;
  assert.deepEqual([inbound.contacts[0].wa_id, inbound.messages[0].from], ["5215512345678", "5215512345678"]);
  for (const to of ["+525512345678", "+5215512345678", "5215512345678"]) {
    const response = await post({ messaging_product: "whatsapp", to, type: "text", text: { body: "Hola" } });
    assert.equal(response.status, 200, `${to}: inside the window the customer opened`);
    assert.deepEqual((await response.json()).contacts, [{ input: to, wa_id: "5215512345678" }]);
  }
  await sandbox.settle();
  assert.ok(statuses(sandbox).every((s) => s.recipient_id === "5215512345678"));
  // Listed as undeliverable however written, it fails however sent to.
  const { sandbox: listed, client } = setup({ undeliverable: ["+52 55 1234 5678"] });
  for (const to of ["+525512345678", "+5215512345678"]) {
    const { messageId } = await client.send({ to, content: { type: "template", name: "hello_world", language: { code: "en_US" } } });
    await listed.settle();
    assert.equal(statuses(listed).filter((s) => s.id === messageId).at(-1)?.status, "failed", to);
  }
});

test("accepts a valid message with Meta's success body", async () => {
  const { sandbox, post } = setup();
  sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hi" });
  const response = await post({ messaging_product: "whatsapp", to: CUSTOMER, type: "text", text: { body: "Hello" } });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.deepEqual(body.contacts, [{ input: CUSTOMER, wa_id: "16505551234" }]);
  assert.match(body.messages[0].id, /^wamid\./);
  assert.equal(sandbox.messages("meta")[0].id, body.messages[0].id);
});

test("rejects what Meta rejects: error 100 with error_data.details naming the field", async () => {
  const { post } = setup();
  const response = await post({ messaging_product: "whatsapp", to: CUSTOMER, type: "text", text: { body: "x".repeat(4097) } });
  assert.equal(response.status, 400);
  const { error } = await response.json();
  assert.equal(error.code, 100);
  assert.equal(error.type, "OAuthException");
  assert.match(error.error_data.details, /text\['body'\]/);
  assert.match(error.error_data.details, /4096/);
  assert.equal(typeof error.fbtrace_id, "string");
  const unknown = await (await post({ messaging_product: "whatsapp", to: CUSTOMER, type: "text", text: { body: "x" }, colour: "red" })).json();
  assert.match(unknown.error.error_data.details, /colour/);
  const notJson = await post("{oops");
  assert.equal(notJson.status, 400);
});

test("checks the Bearer token (190) and the phone number id (100, subcode 33)", async () => {
  const { raw } = setup();
  const body = JSON.stringify({ messaging_product: "whatsapp", to: CUSTOMER, type: "text", text: { body: "x" } });
  const wrong = await raw("/v23.0/100000000000001/messages", { method: "POST", body, headers: { authorization: "Bearer nope" } });
  assert.equal(wrong.status, 401);
  assert.equal((await wrong.json()).error.code, 190);
  const other = await raw("/v23.0/999/messages", { method: "POST", body });
  const { error } = await other.json();
  assert.deepEqual([other.status, error.code, error.error_subcode], [400, 100, 33]);
});

test("the client decodes sandbox errors like Meta's: 190 is invalid_token, never retried", async () => {
  const sandbox = createSandbox();
  const client = new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), token: "wrong-SECRET" });
  const error = await client.send(text()).then(() => assert.fail("resolved"), (e) => e);
  assert.ok(error instanceof wabridge.ProviderError);
  assert.deepEqual([error.reason, error.providerCode, error.httpStatus, error.attempts], ["invalid_token", 190, 401, 1]);
  assert.ok(!JSON.stringify(error).includes("wrong-SECRET"));
});

test("the 24-hour window: free-form fails with 131047 until the customer writes, and again a day later", async () => {
  const clock = manualClock();
  const { sandbox, client } = setup({ now: clock.now });
  await client.send(text("too early"));
  await sandbox.settle();
  let [status] = statuses(sandbox);
  assert.equal(status.status, "failed");
  assert.equal(status.errors[0].code, 131047);
  assert.match(status.errors[0].error_data.details, /24 hours/);

  sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hello?" });
  clock.advance(DAY);
  const inside = await client.send(text("just in time"));
  await sandbox.settle();
  assert.deepEqual(sandbox.messages("meta").find((m) => m.id === inside.messageId).statuses, ["sent", "delivered", "read"]);

  clock.advance(1);
  const late = await client.send(text("a millisecond late"));
  await sandbox.settle();
  const record = sandbox.messages("meta").find((m) => m.id === late.messageId);
  assert.deepEqual([record.status, record.failure.code], ["failed", 131047]);
});

test("undeliverable numbers fail with 131026", async () => {
  const { sandbox, client } = setup({ undeliverable: [CUSTOMER], enforceWindow: false });
  await client.send(text());
  await sandbox.settle();
  assert.equal(statuses(sandbox)[0].errors[0].code, 131026);
});

test("status webhooks: sent → delivered → read in Meta's format, signed with the app secret", async () => {
  const { sandbox, client } = setup({ meta: { appSecret: "s3cret" } });
  sandbox.receive({ provider: "meta", from: CUSTOMER, text: "Olá, tudo bem? 👋 https://example.com/x" });
  const { messageId } = await client.send(text());
  await sandbox.settle();
  const hooks = sandbox.webhooks("meta");
  assert.deepEqual(statuses(sandbox).map((s) => [s.id, s.status]), [[messageId, "sent"], [messageId, "delivered"], [messageId, "read"]]);
  for (const hook of hooks) {
    assert.ok(await verifyMetaSignature("s3cret", hook.body, hook.headers["x-hub-signature-256"]), "signature verifies");
    assert.ok(!(await verifyMetaSignature("other", hook.body, hook.headers["x-hub-signature-256"])));
    assert.equal(hook.payload.object, "whatsapp_business_account");
    assert.equal(hook.payload.entry[0].changes[0].field, "messages");
  }
  const inbound = hooks.find((h) => h.event === "message");
  // Like Meta, non-ASCII and "/" are escaped in the raw bytes: re-serialized JSON would not verify.
  assert.match(inbound.body, /\\u00e1/);
  assert.match(inbound.body, /https:\\\/\\\/example\.com/);
  assert.ok(!(await verifyMetaSignature("s3cret", JSON.stringify(JSON.parse(inbound.body)), inbound.headers["x-hub-signature-256"])));
  const value = inbound.payload.entry[0].changes[0].value;
  assert.deepEqual(value.contacts[0], { profile: { name: "Sandbox Customer" }, wa_id: "16505551234" });
  assert.equal(value.messages[0].text.body, "Olá, tudo bem? 👋 https://example.com/x");
  assert.match(value.messages[0].timestamp, /^\d+$/);
});

test("webhooks are POSTed to the configured URL through the given fetch", async () => {
  const received = [];
  const receiver = async (url, init) => {
    received.push({ url, signature: init.headers["x-hub-signature-256"], body: init.body });
    return new Response("ok");
  };
  const { sandbox, client } = setup({ webhooks: { url: "https://hooks.example/whatsapp", fetch: receiver }, enforceWindow: false });
  await client.send(text());
  await sandbox.settle();
  assert.equal(received.length, 3);
  assert.ok(received.every((r) => r.url === "https://hooks.example/whatsapp"));
  assert.ok(await verifyMetaSignature("sandbox-meta-app-secret", received[0].body, received[0].signature));
  assert.ok(sandbox.webhooks().every((w) => w.status === "delivered" && w.responseStatus === 200));
});

test("mark as read and the typing indicator", async () => {
  const { sandbox, post } = setup();
  const { id } = sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hi" });
  const ok = await post({ messaging_product: "whatsapp", status: "read", message_id: id, typing_indicator: { type: "text" } });
  assert.deepEqual([ok.status, await ok.json()], [200, { success: true }]);
  assert.deepEqual(sandbox.reads.map((r) => [r.messageId, r.typing]), [[id, true]]);
  const unknown = await post({ messaging_product: "whatsapp", status: "read", message_id: "wamid.nope" });
  assert.equal((await unknown.json()).error.code, 100);
  const badTyping = await post({ messaging_product: "whatsapp", status: "read", message_id: id, typing_indicator: { type: "audio" } });
  assert.equal(badTyping.status, 400);
});

test("media: upload (multipart), get, download with the token, delete", async () => {
  const { sandbox, raw } = setup();
  const bytes = new TextEncoder().encode("%PDF-1.4 sandbox");
  const form = new FormData();
  form.set("messaging_product", "whatsapp");
  form.set("type", "application/pdf");
  form.set("file", new Blob([bytes], { type: "application/pdf" }), "invoice.pdf");
  const upload = await sandbox.fetch(`${sandbox.baseUrl}/v23.0/100000000000001/media`, { method: "POST", body: form, headers: { authorization: "Bearer sandbox-meta-token" } });
  assert.equal(upload.status, 200);
  const { id } = await upload.json();
  const info = await (await raw(`/v23.0/${id}`)).json();
  const digest = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
  assert.deepEqual([info.id, info.mime_type, info.sha256, info.file_size], [id, "application/pdf", digest, String(bytes.length)]);
  const download = await sandbox.fetch(info.url, { headers: { authorization: "Bearer sandbox-meta-token" } });
  assert.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
  assert.equal((await sandbox.fetch(info.url)).status, 401);
  assert.equal(sandbox.media()[0].filename, "invoice.pdf");
  assert.deepEqual(await (await raw(`/v23.0/${id}`, { method: "DELETE" })).json(), { success: true });
  const gone = await (await raw(`/v23.0/${id}`)).json();
  assert.equal(gone.error.error_subcode, 33);
});

test("media uploads are checked: MIME type and size per kind", async () => {
  const { sandbox } = setup();
  const upload = (type, size) => {
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", type);
    form.set("file", new Blob([new Uint8Array(size)], { type }), "f");
    return sandbox.fetch(`${sandbox.baseUrl}/v23.0/100000000000001/media`, { method: "POST", body: form, headers: { authorization: "Bearer sandbox-meta-token" } }).then((r) => r.json());
  };
  assert.match((await upload("image/gif", 10)).error.error_data.details, /not supported/);
  const sticker = wabridge.MEDIA_RULES.find((r) => r.kind === "sticker");
  assert.ok((await upload("image/webp", sticker.maxBytes)).id);
  assert.match((await upload("image/webp", sticker.maxBytes + 1)).error.error_data.details, /file/);
});

test("a 21-character button title gets Meta's error 100 naming the field", async () => {
  const { sandbox, post } = setup();
  sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hi" });
  const response = await post({
    messaging_product: "whatsapp",
    to: CUSTOMER,
    type: "interactive",
    interactive: { type: "button", body: { text: "Pick" }, action: { buttons: [{ type: "reply", reply: { id: "a", title: "x".repeat(21) } }] } },
  });
  assert.equal(response.status, 400);
  const { error } = await response.json();
  assert.equal(error.code, 100);
  assert.match(error.error_data.details, /^Param interactive\['action'\]\['buttons'\]\[0\]\['reply'\]\['title'\]: .*20/);
});

test("templates: sent only as the account has them — name and language, status, parameters against placeholders and header format", async () => {
  const paused = { name: "winter_sale", language: "en_US", category: "MARKETING", status: "PAUSED", components: [{ type: "BODY", text: "Sale!" }] };
  const { sandbox, client, raw } = setup({ meta: { templates: [paused, ...SANDBOX_META_TEMPLATES] } });
  const template = (name, components, code = "en_US") => ({ to: CUSTOMER, content: { type: "template", name, language: { code }, ...(components ? { components } : {}) } });
  // Meta's own hello_world takes no parameters.
  assert.match((await client.send(template("hello_world"))).messageId, /^wamid\./);
  const order = (body, header = [{ type: "image", link: "https://example.com/a.jpg" }], buttons = [{ type: "button", subType: "url", index: 1, parameters: [{ type: "text", text: "4512" }] }]) =>
    template("order_update", [{ type: "header", parameters: header }, { type: "body", parameters: body.map((text) => ({ type: "text", text })) }, ...buttons]);
  assert.match((await client.send(order(["Ana", "$10", "Friday"]))).messageId, /^wamid\./);
  const refusals = [
    [template("hello_world", undefined, "pt_BR"), 132001, /template name \(hello_world\) does not exist in pt_BR/],
    [template("helo_world"), 132001, /helo_world/],
    [template("winter_sale"), 132015, /paused/],
    [order(["Ana", "$10"]), 132000, /^body: number of localizable_params \(2\) does not match the expected number of params \(3\)$/],
    [order(["Ana", "$10", "Friday"], [{ type: "video", link: "https://example.com/a.mp4" }]), 132012, /^header: Format mismatch, expected IMAGE, received VIDEO$/],
    [order(["Ana", "$10", "Friday"], [{ type: "image", link: "https://example.com/a.jpg" }], []), 132000, /^button at index 1: /],
    [order(["Ana", "$10", "Friday"], undefined, [{ type: "button", subType: "quick_reply", index: 1, parameters: [{ type: "payload", payload: "X" }] }]), 132012, /expected URL, received QUICK_REPLY/],
  ];
  for (const [message, code, details] of refusals) {
    const error = await client.send(message).then(() => assert.fail(`${message.content.name}: sent`), (e) => e);
    assert.deepEqual([error.reason, error.providerCode, error.httpStatus, error.retryable], ["template", code, 400, false], error.message);
    assert.match(error.providerMessage ?? error.message, new RegExp(`#${code}`));
    const { error: wire } = await (await raw("/v23.0/100000000000001/messages", { method: "POST", body: JSON.stringify(wabridge.toProvider("meta", message)) })).json();
    assert.equal(wire.code, code);
    assert.match(wire.error_data.details, details);
  }
  assert.equal(sandbox.messages("meta").length, 2, "nothing refused was recorded as sent");
  // A button given twice for one index is refused.
  const twice = { type: "button", subType: "url", index: 1, parameters: [{ type: "text", text: "4512" }] };
  assert.equal((await client.send(order(["Ana", "$10", "Friday"], undefined, [twice, twice])).catch((e) => e)).providerCode, 100);
  assert.throws(() => SANDBOX_META_TEMPLATES.push({}), TypeError, "the seeds are frozen: one sandbox cannot change another's");
  // A seed without a category or status is a utility template, approved.
  const bare = setup({ meta: { templates: [{ name: "plain", language: "en", components: [{ type: "BODY", text: "Hello" }] }] } });
  assert.match((await bare.client.send(template("plain", undefined, "en"))).messageId, /^wamid\./);

  // The account's templates: created (approved at once), listed, sent, deleted.
  const created = await raw("/v23.0/200000000000001/message_templates", { method: "POST", body: JSON.stringify({ name: "spring_sale", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "{{1}} off" }] }) });
  const { id, status, category } = await created.json();
  assert.deepEqual([created.status, typeof id, status, category], [200, "string", "APPROVED", "MARKETING"]);
  const duplicate = await raw("/v23.0/200000000000001/message_templates", { method: "POST", body: JSON.stringify({ name: "spring_sale", language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "x" }] }) });
  assert.deepEqual([duplicate.status, (await duplicate.json()).error.error_subcode], [400, 2388024]);
  const listed = await (await raw("/v23.0/200000000000001/message_templates?name=spring_sale")).json();
  assert.deepEqual(listed.data.map((t) => [t.name, t.language, t.status, t.id]), [["spring_sale", "en_US", "APPROVED", id]]);
  const { messageId } = await client.send(template("spring_sale", [{ type: "body", parameters: [{ type: "text", text: "20%" }] }]));
  await sandbox.settle();
  const priced = statuses(sandbox).find((s) => s.id === messageId && s.pricing);
  assert.equal(priced.pricing.category, "marketing", "billed in the template's category");
  assert.deepEqual(await (await raw("/v23.0/200000000000001/message_templates?name=spring_sale", { method: "DELETE" })).json(), { success: true });
  const gone = await client.send(template("spring_sale", [{ type: "body", parameters: [{ type: "text", text: "20%" }] }])).catch((e) => e);
  assert.equal(gone.providerCode, 132001);
  assert.equal((await raw("/v23.0/999/message_templates")).status, 400, "another account's templates");
  // Created within Meta's component limits (characters, not UTF-16 units), as 1MSG's addTemplate checks.
  const { LIMITS } = wabridge;
  const component = (type, text) => ({ name: `sized_${type.toLowerCase()}_${[...text].length}`, language: "en_US", category: "UTILITY", components: [{ type: "BODY", text: "Hi" }, { type, text }].slice(type === "BODY" ? 1 : 0) });
  for (const [type, max] of [["BODY", LIMITS.ONEMSG_TEMPLATE_BODY_MAX_CHARS], ["HEADER", LIMITS.ONEMSG_TEMPLATE_HEADER_FOOTER_MAX_CHARS], ["FOOTER", LIMITS.ONEMSG_TEMPLATE_HEADER_FOOTER_MAX_CHARS]]) {
    const sent = async (n) => (await raw("/v23.0/200000000000001/message_templates", { method: "POST", body: JSON.stringify(component(type, "😀".repeat(n))) })).status;
    assert.deepEqual([await sent(max), await sent(max + 1)], [200, 400], type);
  }
  const buttons = (n, text = "Yes") => ({ name: `buttons_${n}_${text.length}`, language: "en_US", category: "MARKETING", components: [{ type: "BODY", text: "Hi" }, { type: "BUTTONS", buttons: Array.from({ length: n }, () => ({ type: "QUICK_REPLY", text })) }] });
  const made = async (body) => (await raw("/v23.0/200000000000001/message_templates", { method: "POST", body: JSON.stringify(body) })).status;
  assert.deepEqual([await made(buttons(LIMITS.ONEMSG_TEMPLATE_BUTTONS_MAX)), await made(buttons(LIMITS.ONEMSG_TEMPLATE_BUTTONS_MAX + 1))], [200, 400]);
  assert.deepEqual([await made(buttons(1, "b".repeat(LIMITS.ONEMSG_TEMPLATE_BUTTON_TEXT_MAX_CHARS))), await made(buttons(1, "b".repeat(LIMITS.ONEMSG_TEMPLATE_BUTTON_TEXT_MAX_CHARS + 1)))], [200, 400]);
  // An authentication template: WhatsApp's own body around one parameter, the code, and its
  // one-time-password button sent as a url button.
  const create = async (template) => (await raw("/v23.0/200000000000001/message_templates", { method: "POST", body: JSON.stringify(template) })).status;
  assert.equal(await create({ name: "verify_code", language: "en_US", category: "AUTHENTICATION", components: [
    { type: "BODY", add_security_recommendation: true }, { type: "FOOTER", code_expiration_minutes: 10 }, { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE" }] },
  ] }), 200);
  const code = [{ type: "body", parameters: [{ type: "text", text: "123456" }] }, { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "123456" }] }];
  assert.match((await client.send(template("verify_code", code))).messageId, /^wamid\./);
  // A named template's parameters name its placeholders.
  assert.equal(await create({ name: "greeting", language: "en_US", category: "UTILITY", parameter_format: "NAMED", components: [{ type: "BODY", text: "Hi {{first_name}}, order {{order_id}} shipped." }] }), 200);
  const named = (parameters) => template("greeting", [{ type: "body", parameters }]);
  assert.match((await client.send(named([{ type: "text", text: "Ana", parameterName: "first_name" }, { type: "text", text: "4512", parameterName: "order_id" }]))).messageId, /^wamid\./);
  for (const [parameters, providerCode] of [
    [[{ type: "text", text: "Ana" }, { type: "text", text: "4512" }], 100],
    [[{ type: "text", text: "Ana", parameterName: "nope" }, { type: "text", text: "4512", parameterName: "order_id" }], 132000],
  ]) {
    assert.equal((await client.send(named(parameters)).catch((e) => e)).providerCode, providerCode);
  }
  // Malformed templates are refused when created, not when sent.
  for (const components of [[null, { type: "BODY", text: "Hi" }], [{ type: "BODY", text: "Hi" }, { type: "BUTTONS", buttons: "nope" }], [{ type: "HEADER", format: "TEXT", text: "x" }]]) {
    assert.equal(await create({ name: "broken", language: "en_US", category: "UTILITY", components }), 400, JSON.stringify(components));
  }
  assert.equal(await create({ name: "broken", language: { code: "en_US" }, category: "UTILITY", components: [{ type: "BODY", text: "Hi" }] }), 400);
  // reset() brings the account's templates back.
  sandbox.reset();
  assert.equal((await (await raw("/v23.0/200000000000001/message_templates")).json()).data.some((t) => t.name === "spring_sale"), false);
});

test("templates pass outside the 24-hour window; every kind the library supports is accepted", async () => {
  const { sampleMessages } = await import("../../examples/messages.mjs");
  const { sandbox, client } = setup();
  // The image goes by the id of an upload of this number's: an id never uploaded would fail (131053).
  const { id: mediaId } = await client.uploadMedia(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }));
  const [, template] = sampleMessages(CUSTOMER).find(([kind]) => kind === "template");
  const { messageId } = await client.send(template);
  await sandbox.settle();
  assert.deepEqual(sandbox.messages("meta").find((m) => m.id === messageId).statuses, ["sent", "delivered", "read"]);
  // The reaction is to the customer's message (one not in the thread would fail, 131009).
  const { id: replyTo } = sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hi" });
  for (const [kind, message] of sampleMessages(CUSTOMER, { mediaId, replyTo })) {
    const result = await client.send(message).catch((error) => assert.fail(`${kind}: ${error.message}`));
    assert.match(result.messageId, /^wamid\./, kind);
  }
  await sandbox.settle();
  // A reaction has only its sent status, as Meta gives it.
  const unread = sandbox.messages("meta").filter((m) => m.status !== "read");
  assert.deepEqual(unread.map((m) => [m.kind, m.statuses]), [["reaction", ["sent"]]]);
});

test("MetaClient media and read receipts against the sandbox", async () => {
  const { sandbox, client } = setup();
  const { id } = sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hi" });
  assert.deepEqual(await client.markRead(id, { typing: true }), { success: true });
  assert.deepEqual(sandbox.reads.map((r) => [r.messageId, r.typing]), [[id, true]]);
  const bytes = new TextEncoder().encode("%PDF-1.4 wabridge");
  const { id: mediaId } = await client.uploadMedia(bytes, { type: "application/pdf", filename: "a.pdf" });
  const info = await client.getMedia(mediaId);
  assert.deepEqual([info.id, info.mimeType, info.fileSize], [mediaId, "application/pdf", bytes.length]);
  const downloaded = await client.downloadMedia(info.url);
  assert.deepEqual([Array.from(downloaded.bytes), downloaded.mimeType], [Array.from(bytes), "application/pdf"]);
  assert.deepEqual(await client.deleteMedia(mediaId), { success: true });
  const gone = await client.getMedia(mediaId).then(() => null, (e) => e);
  assert.deepEqual([gone.reason, gone.providerSubcode], ["invalid_parameter", 33]);
  const refused = await client.uploadMedia(new Blob([new Uint8Array(10)], { type: "image/gif" })).then(() => null, (e) => e);
  assert.deepEqual([refused.code, refused.violations[0].path], ["ERR_VALIDATION", "/type"]);
  assert.equal(sandbox.media().length, 0, "nothing uploaded when refused");
  const elsewhere = await client.downloadMedia("https://evil.example/steal").then(() => null, (e) => e);
  assert.equal(elsewhere.code, "ERR_ARGUMENT");
});

test("a reaction has only its sent status; one to a message not in the customer's thread, or to a reaction, fails with 131009", async () => {
  const { sandbox, client } = setup();
  const { id: theirs } = sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hi" });
  const { id: someoneElses } = sandbox.receive({ provider: "meta", from: "+16505550000", text: "hello" });
  const ours = await client.send({ to: CUSTOMER, content: { type: "text", body: "Hello" } });
  const react = (messageId) => client.send({ to: CUSTOMER, content: { type: "reaction", messageId, emoji: "👍" } });
  const sent = { theirs: await react(theirs), ours: await react(ours.messageId), unknown: await react("wamid.NOPE"), elsewhere: await react(someoneElses) };
  sent.onReaction = await react(sent.theirs.messageId);
  await sandbox.settle();
  const record = (name) => sandbox.messages("meta").find((m) => m.id === sent[name].messageId);
  assert.deepEqual(record("theirs").statuses, ["sent"]);
  assert.deepEqual(record("ours").statuses, ["sent"]);
  // A customer whose number is hidden, reacted to by their user id.
  const { id: hidden } = sandbox.receive({ provider: "meta", userId: "US.13491208655302741918", username: "ana.b", text: "hi" });
  const byUserId = await client.send({ to: "US.13491208655302741918", content: { type: "reaction", messageId: hidden, emoji: "👍" } });
  await sandbox.settle();
  assert.deepEqual(sandbox.messages("meta").find((m) => m.id === byUserId.messageId).statuses, ["sent"]);
  for (const name of ["unknown", "elsewhere", "onReaction"]) {
    assert.deepEqual(record(name).statuses, ["failed"], name);
    assert.equal(record(name).failure.code, 131009, name);
  }
});
