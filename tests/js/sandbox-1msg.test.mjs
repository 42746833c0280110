// Contract tests of the sandbox's 1MSG routes: every request body of tests/fixtures/1msg
// accepted through OneMsgClient with answers in the shapes of the `.response.json` fixtures,
// bodies refused at their pointers before sending, the 24-hour session window (`sent: false`),
// the template lifecycle, acks (webhooks and GET /hookInfo), GET /messages, the channel's
// endpoints, token errors (redacted by the client), form and multipart bodies.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { CUSTOMER, createSandbox, manualClock, text, wabridge } from "./helpers.mjs";

const DAY = 24 * 60 * 60 * 1000;
const FIXTURES = new URL("../fixtures/1msg/", import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8"));
const NAMESPACE = "ca300906_cfbc_410b_99fb_dcee8e13d578";
const FIXTURE_PHONE = "12020721369"; // the fixtures' recipient

/** The request bodies of the fixtures: `<method>[-variant].json`. */
const BODIES = readdirSync(FIXTURES).filter((f) => f.endsWith(".json") && !f.includes(".response.") && !f.endsWith(".query.json")).sort();
const methodOf = (file) => file.replace(/\.json$/, "").replace(/-.*$/, "");

/** Fixtures the core does not take yet (reported, not hidden: these subtests are `todo`). */
const CORE_GAPS = {};

function setup(options = {}) {
  const sandbox = createSandbox(options);
  const call = (method, body, { token = "sandbox-1msg-token", type = "application/json", httpMethod = "POST" } = {}) =>
    sandbox.fetch(`${sandbox.baseUrl}/100001/${method}?token=${encodeURIComponent(token)}`, {
      method: httpMethod,
      headers: { "content-type": type },
      body: httpMethod === "GET" ? undefined : type === "application/json" ? JSON.stringify(body) : body instanceof FormData ? body : new URLSearchParams(body).toString(),
    });
  return { sandbox, call, client: new wabridge.OneMsgClient(sandbox.clientOptions("1msg")) };
}

/** Whether `actual` has `expected`'s shape: its keys with values of the same JSON types
 *  (a `null` in the fixture takes anything); each array item matches some fixture item. */
function assertShape(actual, expected, where = "") {
  if (expected === null) return;
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: an array (got ${JSON.stringify(actual)})`);
    actual.forEach((item, i) => {
      const errors = expected.map((e) => {
        try {
          assertShape(item, e, `${where}/${i}`);
          return null;
        } catch (error) {
          return error;
        }
      });
      if (expected.length && errors.every(Boolean)) throw errors[0];
    });
    return;
  }
  if (typeof expected === "object") {
    assert.ok(actual && typeof actual === "object" && !Array.isArray(actual), `${where}: an object (got ${JSON.stringify(actual)})`);
    for (const [key, value] of Object.entries(expected)) {
      assert.ok(key in actual, `${where}/${key}: missing from ${JSON.stringify(actual)}`);
      assertShape(actual[key], value, `${where}/${key}`);
    }
    return;
  }
  assert.equal(typeof actual, typeof expected, `${where}: a ${typeof expected} (got ${JSON.stringify(actual)})`);
}

const rejection = (promise) => promise.then(() => assert.fail("resolved"), (e) => e);
const template = (name, language = "en", category = "MARKETING") => ({ name, category, language, components: [{ type: "BODY", text: "Hello {{1}}", example: { body_text: [["John"]] } }] });

/** A template that a sendTemplate body's parameters fit (WhatsApp checks them against it):
 *  a header of the parameter's format, as many body placeholders as it gives, its buttons. */
function templateFitting(body) {
  const placeholders = (n) => Array.from({ length: n }, (_, i) => `{{${i + 1}}}`).join(" ");
  const components = [];
  const buttons = [];
  for (const part of body.params ?? []) {
    const params = part.parameters ?? [];
    if (part.type === "header") components.push(params[0]?.type === "text" ? { type: "HEADER", format: "TEXT", text: `Order ${placeholders(params.length)}` } : { type: "HEADER", format: String(params[0]?.type).toUpperCase() });
    if (part.type === "body") components.push({ type: "BODY", text: `Hello ${placeholders(params.length)}` });
    if (part.type === "button") buttons[Number(part.index)] = part.sub_type === "url" ? { type: "URL", text: "Open", url: `https://example.com/${placeholders(params.length)}` } : { type: String(part.sub_type).toUpperCase(), text: "Tap" };
  }
  if (!components.some((c) => c.type === "BODY")) components.push({ type: "BODY", text: "Hello" });
  if (buttons.length) components.push({ type: "BUTTONS", buttons: Array.from(buttons, (b) => b ?? { type: "QUICK_REPLY", text: "Tap" }) });
  return { name: body.template, category: "MARKETING", language: body.language.code, components };
}

test("every request body of tests/fixtures/1msg is accepted through OneMsgClient, answered in 1MSG's shapes", async (t) => {
  const { sandbox, client } = setup();
  const readFixture = fixture("readMessage.json");
  // The customer writes first (opening the window), as the message the readMessage fixtures mark as read.
  sandbox.receive({ provider: "1msg", from: `+${FIXTURE_PHONE}`, text: "Hi, where is my order?", name: "John", message: { id: readFixture.messageId } });
  // The fixtures' templates, in English (order_update is the channel's own; addTemplate fixtures
  // create theirs). Each other one is added, before its body is sent, as a template the body's
  // parameters fit (two of 1MSG's examples send summer_sale with different parameters).
  const own = new Set((await client.templates()).templates.map((tpl) => tpl.name));
  for (const file of BODIES.filter((f) => methodOf(f) === "addTemplate")) own.add(fixture(file).name);
  const fitTemplate = async (body) => {
    if (own.has(body.template)) return;
    if ((await client.templates()).templates.some((tpl) => tpl.name === body.template)) await client.removeTemplate(body.template);
    await client.addTemplate(templateFitting(body));
  };
  // addTemplate first, removeTemplate last: a template is sent between them.
  const order = (f) => ({ addTemplate: 0, removeTemplate: 2 })[methodOf(f)] ?? 1;
  const calls = {
    me: (body) => [client.updateMe(body), "me.post.response.json"],
    settings: (body, file) => [client.updateSettings(body), file.replace(".json", ".post.response.json")],
    commerce: (body) => [client.updateCommerce(body.params), "commerce.post.response.json"],
    webhook: (body) => [client.setWebhook(body.webhookUrl), "webhook.response.json"],
    readMessage: (body) => [client.markRead(body.messageId, { typing: body.typingIndicator === true }), "readMessage.response.json"],
    addTemplate: (body) => [client.addTemplate(body), "addTemplate.response.json"],
    removeTemplate: (body) => [client.removeTemplate(body.name), "removeTemplate.response.json"],
    uploadMedia: (body) => [client.uploadMedia(body.body), "uploadMedia.response.json"],
  };
  const sent = [];
  for (const file of [...BODIES].sort((a, b) => order(a) - order(b))) {
    await t.test(file, { todo: CORE_GAPS[file] }, async () => {
      const method = methodOf(file);
      const body = fixture(file);
      if (method === "sendTemplate") await fitTemplate(body);
      const [promise, answerFile] = method.startsWith("send")
        ? [client.sendBody(method, body), readdirSync(FIXTURES).includes(file.replace(".json", ".response.json")) ? file.replace(".json", ".response.json") : `${method}.response.json`]
        : calls[method](body, file);
      const answer = await promise;
      if (method.startsWith("send")) {
        assert.match(answer.messageId, /^wamid\./);
        // 1MSG's `sent`, as it answered it: a result always has `sent: true`.
        assert.equal(answer.sent, true);
        const record = sandbox.messages("1msg").find((m) => m.id === answer.messageId);
        assert.deepEqual([record.kind, record.body], [method, body], "the sandbox got the body as written");
        sent.push(answer.messageId);
        // The raw answer, as 1MSG writes it.
        const raw = await (await sandbox.fetch(`${sandbox.baseUrl}/100001/messages?token=sandbox-1msg-token&msgId=${answer.messageId}`)).json();
        assert.equal(raw.messages.length, 1);
      } else {
        assertShape(answer, fixture(answerFile), answerFile);
      }
    });
  }
  // The send answers as 1MSG writes them (the client gives them camel-cased).
  const raw = await (await sandbox.fetch(`${sandbox.baseUrl}/100001/sendMessage?token=sandbox-1msg-token`, { method: "POST", body: JSON.stringify(fixture("sendMessage.json")) })).json();
  assertShape(raw, fixture("sendMessage.response.json"), "sendMessage.response.json");
  const sends = BODIES.filter((f) => f.startsWith("send") && !CORE_GAPS[f]);
  assert.equal(sent.length, sends.length, `${sent.length} of the ${sends.length} send fixtures sent`);
  assert.deepEqual((await client.templates()).templates.filter((tpl) => tpl.name === "summer_sale_2024"), [], "removeTemplate removed it");
});

test("the GET endpoints answer in the shapes of 1MSG's fixtures; the query fixtures are taken", async () => {
  const { sandbox, client } = setup();
  const { id } = sandbox.receive({ provider: "1msg", from: `+${FIXTURE_PHONE}`, text: "Hi", name: "John" });
  const { messageId } = await client.sendBody("sendMessage", fixture("sendMessage.json"));
  await client.sendBody("sendTemplate", fixture("sendTemplate-text.json"));
  await client.markRead(id);
  await client.updateSettings(fixture("settings.json"));
  await sandbox.settle();
  const answers = {
    "me.response.json": await client.updateMe(fixture("me.json")).then(() => client.me()),
    "statistics.response.json": await client.statistics(fixture("statistics.query.json").date),
    "extendedStatistics.response.json": await client.extendedStatistics(),
    "status.response.json": await client.status(),
    "settings.response.json": await client.settings(),
    "commerce.response.json": await client.commerce(),
    "outputIP.response.json": await client.outputIP(),
    "hookInfo.response.json": await client.hookInfo(messageId),
    "messages.response.json": await client.messages({ limit: 0 }),
    "templates.response.json": await client.templates(),
  };
  for (const [file, answer] of Object.entries(answers)) assertShape(answer, fixture(file), file);
  assert.deepEqual(answers["status.response.json"], { status: "connected" });
  assert.deepEqual(answers["me.response.json"], { ...fixture("me.json"), phone: "15550001234" });
  assert.equal(answers["messages.response.json"].messages.length, 3);
  assert.deepEqual(answers["statistics.response.json"], { date: "03.2022", templates_cost: 0 }, "nothing was sent in March 2022");
  const [month] = answers["extendedStatistics.response.json"];
  assert.deepEqual([month.quantity, month.business_initiated_quantity, month.user_initiated_quantity, month.total_price], [2, 1, 1, 0.0691]);
  const thisMonth = new Date();
  const date = `${String(thisMonth.getUTCMonth() + 1).padStart(2, "0")}.${thisMonth.getUTCFullYear()}`;
  assert.deepEqual(await client.statistics(date), { date, templates_cost: 0.0691 }, "one template this month");
  assert.deepEqual(await client.statistics(), { date, templates_cost: 0.0691 }, "the current month by default");
  for (const file of ["hookInfo.query.json", "messages.query.json", "messages-last.query.json", "messages-msgid.query.json", "messages-paging.query.json"]) {
    const query = fixture(file);
    const answer = file.startsWith("hookInfo") ? await client.hookInfo(query.messageId) : await client.messages(query);
    assert.ok(Array.isArray(answer.hooks ?? answer.messages), file);
  }
  // The channel's other states are typed 1MSG values.
  const unregistered = setup({ onemsg: { status: "unregistered" } });
  assert.deepEqual(await unregistered.client.status(), fixture("status-unregistered.response.json"));
  assert.throws(() => createSandbox({ onemsg: { status: "asleep" } }), /onemsg.status/);
});

test("a body with several faults is refused by the client at each pointer; nothing is sent", async () => {
  const { sandbox, client } = setup();
  const list = fixture("sendList-sections.json");
  list.sections[0].title = "x".repeat(25);
  delete list.sections[1].title;
  list.sections[0].rows[0].id = "r".repeat(201);
  list.sections[1].rows[1].description = "d".repeat(73);
  const error = await rejection(client.sendBody("sendList", list));
  assert.ok(error instanceof wabridge.ValidationError, String(error));
  assert.deepEqual(
    error.violations.map((v) => [v.path, v.code, v.limit]),
    [
      ["/sections/0/title", "too_long", 24],
      ["/sections/1/title", "required", undefined],
      ["/sections/0/rows/0/id", "too_long", 200],
      ["/sections/1/rows/1/description", "too_long", 72],
    ],
  );
  const tpl = { ...fixture("sendTemplate-text.json"), namespace: "", language: { policy: "fuzzy", code: "" } };
  const templateError = await rejection(client.sendBody("sendTemplate", tpl));
  assert.deepEqual(templateError.violations.map((v) => v.path), ["/namespace", "/language/policy", "/language/code"]);
  const me = await rejection(client.updateMe({ description: "x".repeat(257), vertical: "Spaceships" }));
  assert.deepEqual(me.violations.map((v) => v.path), ["/description", "/vertical"]);
  assert.equal(sandbox.requests.length, 0, "nothing reached the sandbox");
});

test("the sandbox refuses invalid bodies itself: 400 {error} naming every violation; unknown methods 404", async () => {
  const { call } = setup();
  const invalid = await call("sendMessage", { phone: "12", body: "" });
  assert.equal(invalid.status, 400);
  const { error } = await invalid.json();
  assert.match(error, /\/phone: .*; \/body: /);
  const button = await call("sendButton", { phone: 16505551234, body: "x" });
  assert.equal(button.status, 400);
  assert.match((await button.json()).error, /sections/);
  const tpl = await call("addTemplate", { name: "Bad Name", category: "PROMO", language: "en", components: [] });
  assert.equal(tpl.status, 400);
  assert.match((await tpl.json()).error, /\/name: .*\/category: .*\/components: /);
  assert.equal((await call("sendMessage", "{oops", { type: "text/plain" })).status, 400);
  assert.equal((await call("sendFax", {})).status, 404);
  assert.equal((await call("sendMessage", null, { httpMethod: "GET" })).status, 404);
  assert.equal((await call("sendOrderDetails", {})).status, 501);
  assert.equal((await call("sendAddressMessage", {})).status, 400, "validated, as every send method wabridge speaks");
});

test("the session window: free-form is HTTP 200 sent:false outside it (typed as reengagement_required), a template is still sent", async () => {
  const clock = manualClock();
  const { sandbox, client, call } = setup({ now: clock.now });
  const error = await rejection(client.send(text()));
  assert.deepEqual([error.httpStatus, error.reason, error.retryable], [200, "reengagement_required", false]);
  assert.match(error.raw, /"sent":false/);
  assertShape(JSON.parse(error.raw), fixture("sendMessage-not-sent.response.json"));
  sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
  clock.advance(DAY);
  const inWindow = await client.send(text());
  assert.match(inWindow.messageId, /^wamid\./);
  clock.advance(1);
  const closed = await (await call("sendButton", { ...fixture("sendButton.json"), phone: "16505551234" })).json();
  assert.deepEqual([closed.sent, closed.id], [false, undefined]);
  assert.match(closed.message, /24 hours/);
  const tpl = { ...fixture("sendTemplate-text.json"), phone: "16505551234" };
  const { messageId } = await client.sendBody("sendTemplate", tpl);
  assert.match(messageId, /^wamid\./);
  // A group has no per-customer window.
  assert.match((await client.sendBody("sendMessage", fixture("sendMessage-group.json"))).messageId, /^wamid\./);
  assert.deepEqual(sandbox.messages("1msg").map((m) => m.kind), ["sendMessage", "sendTemplate", "sendMessage"], "refused messages are not stored");
});

test("template lifecycle: addTemplate → templates() lists it → sendTemplate → removeTemplate → sent:false", async () => {
  const { sandbox, client } = setup();
  const body = fixture("addTemplate-marketing.json");
  const created = await client.addTemplate(body);
  assert.deepEqual([typeof created.id, created.status, created.category], ["string", "APPROVED", "MARKETING"]);
  const listed = (await client.templates()).templates.find((tpl) => tpl.name === body.name);
  assert.deepEqual(listed, { name: body.name, namespace: NAMESPACE, language: "en", category: "MARKETING", status: "approved", rejected_reason: "NONE", components: body.components });
  const duplicate = await rejection(client.addTemplate(body));
  assert.deepEqual([duplicate.httpStatus, duplicate.code], [400, "ERR_PROVIDER"]);
  assert.match(duplicate.message, /already exists/);
  const send = (overrides = {}) =>
    client.sendBody("sendTemplate", {
      phone: FIXTURE_PHONE, namespace: NAMESPACE, template: body.name, language: { policy: "deterministic", code: "en" },
      params: [
        { type: "header", parameters: [{ type: "text", text: "Summer Sale" }] },
        { type: "body", parameters: ["August", "25OFF", "25%"].map((t) => ({ type: "text", text: t })) },
        { type: "button", sub_type: "url", index: 1, parameters: [{ type: "text", text: "summer" }] },
      ],
      ...overrides,
    });
  const { messageId } = await send();
  assert.match(messageId, /^wamid\./);
  // Outside any window (the customer never wrote) and to a new customer: templates open conversations.
  assert.equal(sandbox.lastInbound.size, 0);
  for (const [overrides, why] of [
    [{ language: { policy: "deterministic", code: "es" } }, /does not exist in es/],
    [{ namespace: "another_namespace" }, /namespace another_namespace/],
    // WhatsApp checks the parameters against the template's placeholders (1MSG passes Meta's answer on).
    [{ params: [{ type: "header", parameters: [{ type: "text", text: "Summer Sale" }] }] }, /body: number of localizable_params \(0\) does not match the expected number of params \(3\)/],
    [{ params: [{ type: "header", parameters: [{ type: "image", image: { link: "https://example.com/a.jpg" } }] }] }, /header: Format mismatch, expected TEXT, received IMAGE/],
  ]) {
    const refused = await rejection(send(overrides));
    assert.deepEqual([refused.httpStatus, refused.reason], [200, "template"]);
    assert.match(refused.message, why);
  }
  assert.deepEqual(await client.removeTemplate(body.name), { result: "success" });
  assert.equal((await client.templates()).templates.some((tpl) => tpl.name === body.name), false);
  const gone = await rejection(send());
  assert.deepEqual([gone.httpStatus, gone.reason], [200, "template"]);
  assert.match(gone.message, /summer_sale_2024/);
  const again = await rejection(client.removeTemplate(body.name));
  assert.equal(again.httpStatus, 400);
  // A template the channel has but not approved is refused too.
  const rejected = setup({ onemsg: { templates: [{ ...template("old_offer"), status: "rejected", rejected_reason: "INVALID_FORMAT" }] } });
  const notApproved = await rejection(rejected.client.sendBody("sendTemplate", { phone: FIXTURE_PHONE, namespace: NAMESPACE, template: "old_offer", language: { policy: "deterministic", code: "en" } }));
  assert.match(notApproved.message, /rejected, not approved/);
});

test("acks: webhooks sent → delivered → viewed, the same in GET /hookInfo after settle; inbound messages", async () => {
  const { sandbox, client } = setup();
  sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hello", name: "Ana" });
  const { messageId } = await client.send(text());
  assert.deepEqual(await client.hookInfo(messageId), { hooks: [] }, "nothing played out before the sandbox runs its statuses");
  await sandbox.settle();
  const hooks = sandbox.webhooks("1msg");
  assert.equal(hooks[0].payload.messages[0].body, "hello");
  assert.equal(hooks[0].payload.messages[0].chatId, "16505551234@c.us");
  // 1MSG posts outgoing messages too: the echo of ours, authored by our number, to the customer's chat.
  const [echo] = hooks[1].payload.messages;
  assert.deepEqual([echo.id, echo.fromMe, echo.self, echo.chatId], [messageId, true, 1, "16505551234@c.us"]);
  assert.notEqual(echo.author, echo.chatId);
  assert.deepEqual(hooks.slice(2).map((h) => h.payload.ack[0].status), ["sent", "delivered", "viewed"]);
  assert.ok(hooks.slice(2).every((h) => h.payload.ack[0].id === messageId && h.payload.ack[0].chatId === "16505551234@c.us"));
  const info = await client.hookInfo(messageId);
  assert.deepEqual(info.hooks.map((h) => [h.id, h.type, h.status, h.recipient_id]), [
    [messageId, "message", "sent", "16505551234"],
    [messageId, "message", "delivered", "16505551234"],
    [messageId, "message", "viewed", "16505551234"],
  ]);
  assert.deepEqual(info.hooks[0].pricing, { billable: false, category: "service", pricing_model: "PMP" });
  assertShape(info, fixture("hookInfo.response.json"));
  assert.deepEqual(await client.hookInfo("wamid.UNKNOWN"), { hooks: [] });
  // A template is billable, in its category.
  const tpl = await client.sendBody("sendTemplate", { ...fixture("sendTemplate-text.json"), phone: "16505551234" });
  await sandbox.settle();
  assert.deepEqual((await client.hookInfo(tpl.messageId)).hooks[0].pricing, { billable: true, category: "utility", pricing_model: "PMP" });
  // With ack notifications off, no ack webhooks; hookInfo still has them.
  await client.updateSettings({ ackNotificationsOn: false });
  const before = sandbox.webhooks("1msg").length;
  const quiet = await client.send(text("quiet"));
  await sandbox.settle();
  assert.equal(sandbox.webhooks("1msg").length, before + 1, "the echo only");
  assert.equal(sandbox.webhooks("1msg").at(-1).payload.messages[0].fromMe, true);
  assert.equal((await client.hookInfo(quiet.messageId)).hooks.length, 3);
});

test("GET /messages: every message sent and received, numbered; last, limit (0 = all), chatId, times, msgId, numbers", async () => {
  const clock = manualClock(Date.UTC(2026, 0, 1));
  const { sandbox, client } = setup({ now: clock.now });
  const other = "+447700900123";
  const ids = [];
  for (let i = 1; i <= 120; i++) {
    clock.advance(1000);
    if (i % 40 === 1) ids.push(sandbox.receive({ provider: "1msg", from: i === 41 ? other : CUSTOMER, text: `inbound ${i}`, name: "Ana" }).id);
    else ids.push((await client.send({ to: i > 41 && i < 81 ? other : CUSTOMER, content: { type: "text", body: `outbound ${i}` } })).messageId);
  }
  const all = await client.messages({ limit: 0 });
  assert.deepEqual(all.messages.map((m) => m.messageNumber), Array.from({ length: 120 }, (_, i) => i + 1));
  assert.deepEqual(all.messages.map((m) => m.id), ids);
  assert.equal("lastMessageNumber" in all, false, "1MSG documents no lastMessageNumber answer field");
  const [first, second] = all.messages;
  assert.deepEqual([first.fromMe, first.self, first.author, first.body, first.type, first.senderName], [false, 0, "16505551234@c.us", "inbound 1", "chat", "Ana"]);
  assert.deepEqual([second.fromMe, second.self, second.author, second.chatName, second.body], [true, 1, "15550001234@c.us", "Ana", "outbound 2"]);
  assert.equal((await client.messages()).messages.length, 100, "limit defaults to 100");
  const last = await client.messages({ last: true, limit: 10 });
  assert.deepEqual(last.messages.map((m) => m.messageNumber), [111, 112, 113, 114, 115, 116, 117, 118, 119, 120]);
  const after = await client.messages({ lastMessageNumber: 100, limit: 0 });
  assert.deepEqual([after.messages[0].messageNumber, after.messages.length, after.messages.at(-1).messageNumber], [101, 20, 120]);
  const page = await client.messages({ lastMessageNumber: 10, limit: 5 });
  assert.deepEqual(page.messages.map((m) => m.messageNumber), [11, 12, 13, 14, 15]);
  const before = await client.messages({ last: true, firstMessageNumber: 11, limit: 3 });
  assert.deepEqual(before.messages.map((m) => m.messageNumber), [8, 9, 10]);
  const chat = await client.messages({ chatId: "447700900123@c.us", limit: 0 });
  assert.equal(chat.messages.length, 40);
  assert.ok(chat.messages.every((m) => m.chatId === "447700900123@c.us"));
  const start = Date.UTC(2026, 0, 1) / 1000;
  const window = await client.messages({ min_time: start + 10, max_time: start + 19 });
  assert.deepEqual(window.messages.map((m) => m.messageNumber), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  const one = await client.messages({ msgId: ids[41] });
  assert.deepEqual(one.messages.map((m) => [m.messageNumber, m.body]), [[42, "outbound 42"]]);
  // Kinds of message: a file's link and type, a location's coordinates.
  sandbox.receive({ provider: "1msg", from: `+${FIXTURE_PHONE}`, text: "hi" });
  const file = await client.sendBody("sendFile", fixture("sendFile-url.json"));
  const place = await client.sendBody("sendLocation", fixture("sendLocation.json"));
  const [fileRow] = (await client.messages({ msgId: file.messageId })).messages;
  const [placeRow] = (await client.messages({ msgId: place.messageId })).messages;
  assert.deepEqual([fileRow.type, fileRow.body, fileRow.caption], ["document", fixture("sendFile-url.json").body, "Here is the file"]);
  assert.deepEqual([placeRow.type, placeRow.body], ["location", `${fixture("sendLocation.json").lat};${fixture("sendLocation.json").lng}`]);
  // The client checks the query's names before sending.
  const unknown = await rejection(client.messages({ page: 2 }));
  assert.deepEqual(unknown.violations.map((v) => v.path), ["/page"]);
});

test("readMessage marks an inbound message read, with a typing indicator; an unknown id is 400", async () => {
  const { sandbox, client } = setup();
  const { id } = sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
  assert.deepEqual(await client.markRead(id, { typing: true }), { result: "success" });
  assert.deepEqual(sandbox.reads.map((r) => [r.provider, r.messageId, r.typing]), [["1msg", id, true]]);
  const unknown = await rejection(client.markRead("wamid.NOPE"));
  assert.deepEqual([unknown.httpStatus, unknown.code], [400, "ERR_PROVIDER"]);
  assert.match(unknown.message, /wamid\.NOPE not found/);
});

test("the channel's settings, webhook, commerce and profile: what POST changes, GET reports", async () => {
  const { client, call } = setup({ webhooks: { onWebhook: () => {}, url: { meta: "http://127.0.0.1:9/meta" } } });
  assert.deepEqual(await client.settings(), { webhookUrl: null, ackNotificationsOn: true, guaranteedHooks: false, rawHooks: false });
  const set = await client.updateSettings(fixture("settings.json"));
  assert.deepEqual([set.webhookUrl, set.update], ["https://hooks.example.com/1msg", { webhookUrl: "https://hooks.example.com/1msg" }]);
  assert.equal((await client.settings()).webhookUrl, "https://hooks.example.com/1msg");
  const cleared = await client.updateSettings(fixture("settings-clear.json"));
  assert.deepEqual([cleared.webhookUrl, cleared.update], [null, { webhookUrl: null }]);
  assert.equal((await client.settings()).webhookUrl, null);
  assert.deepEqual(await client.setWebhook("https://hooks.example.com/other"), { set: true, message: "https://hooks.example.com/other" });
  assert.equal((await client.settings()).webhookUrl, "https://hooks.example.com/other");
  const many = ["https://a.example.com/h", "https://b.example.com/h"];
  assert.deepEqual(await client.setWebhook(many), { set: true, message: many.join(", ") });
  assert.deepEqual((await client.settings()).webhookUrl, many);
  const badUrl = await rejection(client.setWebhook("ftp://hooks.example.com"));
  assert.deepEqual(badUrl.violations.map((v) => v.path), ["/webhookUrl"]);
  assert.deepEqual(await client.updateCommerce({ is_cart_enabled: false, is_catalog_visible: true }), { success: true });
  // What the caller gives goes inside the wire body's `params`: violations point into it.
  const badCommerce = await rejection(client.updateCommerce({ is_catalog_visible: "yes" }));
  assert.deepEqual(badCommerce.violations.map((v) => v.path), ["/is_catalog_visible", "/is_cart_enabled"]);
  assert.match(badCommerce.message, /^2 violations: \/is_catalog_visible: must be a boolean/);
  // A string where an object goes is a mistake, not JSON text to parse.
  for (const [method, argument] of [["messages", "x"], ["updateSettings", '{"rawHooks":true}'], ["addTemplate", "t"]]) {
    const refused = await rejection(client[method](argument));
    assert.deepEqual([refused.name, refused.code, refused.message], ["ArgumentError", "ERR_ARGUMENT", `${method} takes an object, not a string`]);
  }
  const neither = await rejection(client.updateSettings({ webhookUrl: 5 }));
  assert.equal(neither.violations[0].message, "must be a URL string or an array, not a number");
  assert.deepEqual(await client.commerce(), [{ id: "407921857496983", is_cart_enabled: false, is_catalog_visible: true }]);
  assert.deepEqual(await client.updateMe(fixture("me-data-uri.json")), { result: "success" });
  assert.match((await client.me()).photo, /^https:\/\/pps\.whatsapp\.net\//, "an inline photo is shown by URL");
  assert.deepEqual(await client.updateMe({ about: "Open 24/7" }), { result: "success" });
  assert.equal((await client.me()).about, "Open 24/7");
  // An empty update: the client refuses it; the sandbox answers 422, as 1MSG documents.
  const nothing = await rejection(client.updateMe({}));
  assert.deepEqual([nothing.code, nothing.violations?.map((v) => v.path)], ["ERR_VALIDATION", [""]]);
  const empty = await call("me", {});
  assert.equal(empty.status, 422);
  assert.match((await empty.json()).error, /at least one field/);
  assert.deepEqual(await client.outputIP(), { result: "203.0.113.10" });
  // The settings start from the sandbox's webhook URL for 1MSG, where it has one.
  const hooked = setup({ webhooks: { url: { "1msg": "http://127.0.0.1:9/1msg" }, fetch: async () => new Response("ok") } });
  assert.equal((await hooked.client.settings()).webhookUrl, "http://127.0.0.1:9/1msg");
});

test("uploadMedia gives a numeric mediaId; DELETE /media/{mediaId} deletes it once", async () => {
  const { client, sandbox } = setup();
  const { mediaId } = await client.uploadMedia(fixture("uploadMedia.json").body);
  assert.match(mediaId, /^\d{16}$/);
  const inline = await client.uploadMedia(fixture("uploadMedia-data-uri.json").body);
  assert.notEqual(inline.mediaId, mediaId);
  assert.deepEqual(await client.deleteMedia(mediaId), fixture("deleteMedia.response.json"));
  assert.equal(sandbox.requests.at(-1).method, "DELETE");
  assert.equal(sandbox.requests.at(-1).route, "deleteMedia");
  const again = await rejection(client.deleteMedia(mediaId));
  assert.deepEqual([again.httpStatus, again.code], [400, "ERR_PROVIDER"]);
  const bad = await rejection(client.uploadMedia("ftp://example.com/a.pdf"));
  assert.deepEqual(bad.violations.map((v) => v.path), ["/body"]);
  // A file sent by its uploaded id.
  sandbox.receive({ provider: "1msg", from: `+${FIXTURE_PHONE}`, text: "hi" });
  const { messageId } = await client.sendBody("sendFile", { ...fixture("sendFile-media-id.json"), mediaId: inline.mediaId });
  assert.match(messageId, /^wamid\./);
});

test("a wrong token is 401 with 1MSG's message echoing it; the client redacts it from every error, of every method", async () => {
  const { sandbox, call } = setup();
  const response = await call("sendMessage", { phone: 16505551234, body: "x" }, { token: "typo-SECRET" });
  assert.equal(response.status, 401);
  const body = await response.json();
  assert.match(body.error, /^Wrong token "typo-SECRET" for channel "100001"/);
  assertShape(body, fixture("unauthorized.response.json"));
  const client = new wabridge.OneMsgClient({ ...sandbox.clientOptions("1msg"), token: "typo-SECRET" });
  for (const [name, attempt] of [
    ["send", () => client.send(text())],
    ["sendBody", () => client.sendBody("sendTemplate", fixture("sendTemplate-text.json"))],
    ["me", () => client.me()],
    ["messages", () => client.messages({ limit: 5 })],
    ["hookInfo", () => client.hookInfo("wamid.X")],
    ["deleteMedia", () => client.deleteMedia("1037543291543636")],
  ]) {
    const error = await rejection(attempt());
    assert.deepEqual([error.httpStatus, error.reason], [401, "invalid_token"], name);
    assert.match(error.message, /Wrong token/, name);
    const everything = [error.message, error.stack, error.raw, error.request?.url, String(error), JSON.stringify(error)].join(" ");
    assert.ok(!everything.includes("typo-SECRET") && !everything.includes("typo%2DSECRET"), `${name}: ${everything}`);
  }
  assert.equal((await call("me", null, { httpMethod: "GET", token: "" })).status, 401);
  const other = await sandbox.fetch(`${sandbox.baseUrl}/999/me?token=sandbox-1msg-token`);
  assert.equal(other.status, 404);
});

test("form-encoded and multipart bodies are read as 1MSG takes them", async () => {
  const { sandbox, call } = setup();
  const { id } = sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
  const form = await (await call("sendMessage", { chatId: "16505551234@c.us", body: "Hello" }, { type: "application/x-www-form-urlencoded" })).json();
  assert.equal(form.sent, true);
  const read = await call("readMessage", { messageId: id, typingIndicator: "true" }, { type: "application/x-www-form-urlencoded" });
  assert.deepEqual(await read.json(), { result: "success" });
  assert.equal(sandbox.reads.at(-1).typing, true);
  const multipart = new FormData();
  multipart.set("body", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }), "pixel.png");
  const upload = await sandbox.fetch(`${sandbox.baseUrl}/100001/uploadMedia?token=sandbox-1msg-token`, { method: "POST", body: multipart });
  assert.match((await upload.json()).mediaId, /^\d+$/);
});

test("reset() empties the channel: messages, acks, templates back to the seed", async () => {
  const { sandbox, client } = setup();
  sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
  await client.send(text());
  await client.addTemplate(template("to_forget"));
  sandbox.reset();
  assert.deepEqual((await client.messages()).messages, []);
  assert.deepEqual((await client.templates()).templates.map((tpl) => tpl.name), ["order_update"]);
});

test("sendFile and POST /me take the file itself, as a multipart form: fields checked as the JSON body, the file against the media rules", async () => {
  const { sandbox } = setup();
  // The requests as they leave the client: their content type.
  const types = [];
  const fetch = (url, init) => (types.push(new Headers(init?.headers).get("content-type")), sandbox.fetch(url, init));
  const client = new wabridge.OneMsgClient({ ...sandbox.clientOptions("1msg"), fetch });
  sandbox.receive({ provider: "1msg", from: `+${FIXTURE_PHONE}`, text: "hi" });
  const pdf = new Blob([new TextEncoder().encode("%PDF-1.4 invoice")], { type: "application/pdf" });
  const sent = await client.sendFile(pdf, { phone: FIXTURE_PHONE, filename: "invoice-4512.pdf", caption: "Your invoice" });
  assert.match(sent.messageId, /^wamid\./);
  assert.equal(sandbox.requests.at(-1).route, "sendFile");
  assert.match(types.at(-1), /^multipart\/form-data; boundary=/);
  const [message] = sandbox.messages("1msg").filter((m) => m.id === sent.messageId);
  assert.equal(message?.kind, "sendFile");
  // The same checks as a JSON body: a "+" in phone is refused at /phone, before any request.
  const before = sandbox.requests.length;
  const plus = await rejection(client.sendFile(pdf, { phone: `+${FIXTURE_PHONE}`, filename: "a.pdf" }));
  assert.deepEqual([plus.code, plus.violations?.map((v) => v.path)], ["ERR_VALIDATION", ["/phone"]]);
  // And the file against WhatsApp's media rules.
  const text = await rejection(client.sendFile(new Blob(["hello"], { type: "text/x-python" }), { phone: FIXTURE_PHONE, filename: "a.py" }));
  assert.equal(text.code, "ERR_VALIDATION");
  assert.equal(sandbox.requests.length, before, "nothing refused reached the sandbox");
  // A profile photo as bytes.
  const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
  assert.deepEqual(await client.updateMe({ about: "New photo", photo: png }, { type: "image/png", filename: "logo.png" }), { result: "success" });
  assert.equal((await client.me()).about, "New photo");
  assert.match((await client.me()).photo, /^https:\/\/pps\.whatsapp\.net\//);
  const notImage = await rejection(client.updateMe({ photo: pdf }));
  assert.equal(notImage.code, "ERR_ARGUMENT");
});

test("query parameters are checked as the documentation types them, before any request", async () => {
  const requested = [];
  const client = new wabridge.OneMsgClient({ token: "t", instanceId: "inst1", fetch: async (url) => (requested.push(url), new Response('{"messages":[]}', { status: 200 })) });
  const refused = [
    [{ limit: -1 }, "/limit", "out_of_range"],
    [{ limit: "abc" }, "/limit", "invalid_value"],
    [{ min_time: 1.5 }, "/min_time", "invalid_value"],
    [{ last: "yes" }, "/last", "invalid_value"],
    [{ lastMessageNumber: "x" }, "/lastMessageNumber", "invalid_value"],
    [{ chatId: "garbage" }, "/chatId", "invalid_format"],
    [{ msgId: "" }, "/msgId", "required"],
  ];
  for (const [query, path, code] of refused) {
    await assert.rejects(client.messages(query), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === path && e.violations[0].code === code, JSON.stringify(query));
  }
  await assert.rejects(client.hookInfo(""), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "/messageId");
  await assert.rejects(client.statistics("2026-03"), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "/date");
  assert.deepEqual(requested, []);
  await client.messages({ limit: 0, last: true, chatId: "12020721369@c.us", min_time: "1665396610", msgId: "wamid.A" });
  assert.deepEqual(requested, ["https://api.1msg.io/inst1/messages?token=t&limit=0&last=true&chatId=12020721369%40c.us&min_time=1665396610&msgId=wamid.A"]);
});

test("a file given as a data: URI is held to the media rules a file given as bytes is (uploadMedia, the profile photo)", async () => {
  const requested = [];
  const client = new wabridge.OneMsgClient({ token: "t", instanceId: "inst1", fetch: async (url) => (requested.push(url), new Response('{"mediaId":"m1","result":"success"}', { status: 200 })) });
  const exe = `data:application/x-msdownload;base64,${Buffer.from("MZ").toString("base64")}`;
  const pdf = `data:application/pdf;base64,${Buffer.from("%PDF-1.4").toString("base64")}`;
  const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  await assert.rejects(client.uploadMedia(exe), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "/body" && /not supported/.test(e.violations[0].message));
  await assert.rejects(client.uploadMedia("data:,hello"), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "/body");
  // Over a kind's size: an image of 5 MB + 1 byte.
  const big = `data:image/png;base64,${Buffer.alloc(5 * 1024 * 1024 + 1).toString("base64")}`;
  await assert.rejects(client.uploadMedia(big), (e) => e instanceof wabridge.ValidationError && /at most 5242880 bytes/.test(e.violations[0].message));
  for (const photo of [pdf, "http://shop.example.com/logo.png"]) {
    await assert.rejects(client.updateMe({ photo }), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "/photo", photo.slice(0, 30));
  }
  // The refusal names the type it was given, as the text it is (not a Rust Option).
  await assert.rejects(client.updateMe({ photo: pdf }), (e) => /\(got "application\/pdf"\)$/.test(e.violations[0].message), "names application/pdf");
  assert.deepEqual(requested, []);
  assert.equal((await client.uploadMedia(pdf)).mediaId, "m1");
  await client.updateMe({ photo: png });
  await client.updateMe({ photo: "https://shop.example.com/logo.png" });
  assert.equal(requested.length, 3);
});

test("echoes of your own reply buttons and list are that message (its body), never a tap; a location's echo keeps its name and address", async () => {
  const { sandbox, client } = setup();
  sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hello", name: "Ana" });
  const echoOf = async (content) => {
    const { messageId } = await client.send({ to: CUSTOMER, content });
    await sandbox.settle();
    const delivery = sandbox.webhooks("1msg").find((d) => d.payload.messages?.[0]?.id === messageId);
    return [delivery.payload.messages[0], wabridge.readWebhook("1msg", delivery.body)[0]];
  };
  for (const content of [
    { type: "replyButtons", body: "Pick", buttons: [{ id: "a", title: "Today" }, { id: "b", title: "Tomorrow" }] },
    { type: "list", body: "Pick", button: "Options", sections: [{ rows: [{ id: "a", title: "Express" }] }] },
  ]) {
    const [raw, event] = await echoOf(content);
    // What 1MSG's Message schema has for it: type "interactive", the body text ([S] Message.type).
    assert.deepEqual([raw.type, raw.body, raw.fromMe], ["interactive", "Pick", true], content.type);
    assert.equal(event.fromMe, true);
    assert.equal(event.kind, "interactive");
    assert.equal(event.reply, undefined, `${content.type}: one's own message is not a tap`);
    assert.equal(event.text, "Pick");
    assert.deepEqual(event.content, { type: "text", body: "Pick" });
  }
  const location = { type: "location", latitude: 52.3435942, longitude: 4.9091077, name: "Pick-up point", address: "Trompenburgstraat 2C, Amsterdam" };
  const [raw, event] = await echoOf(location);
  assert.deepEqual([raw.type, raw.body, raw.caption], ["location", "52.3435942;4.9091077", "Pick-up point\nTrompenburgstraat 2C, Amsterdam"]);
  assert.deepEqual(event.content, location);
  const { address, ...nameOnly } = location;
  const [, named] = await echoOf(nameOnly);
  assert.deepEqual(named.content, nameOnly, `without ${address}`);
  // A customer's tap still reads as a reply.
  sandbox.receive({ provider: "1msg", from: CUSTOMER, message: { type: "interactive", body: "Today" } });
  await sandbox.settle();
  const [tap] = wabridge.readWebhook("1msg", sandbox.webhooks("1msg").filter((d) => d.payload.messages?.[0]?.fromMe === false).at(-1).body);
  assert.deepEqual([tap.fromMe, tap.kind, tap.reply?.title], [false, "interactive", "Today"]);
});

test("a reaction has only its sent ack; one to a message not in the chat, or to a reaction, fails (WhatsApp's 131009, passed on)", async () => {
  const sandbox = createSandbox({ seed: 31 });
  const client = new wabridge.OneMsgClient(sandbox.clientOptions("1msg"));
  const { id: theirs } = sandbox.receive({ provider: "1msg", from: "+16505551234", text: "hi" });
  const { id: elsewhere } = sandbox.receive({ provider: "1msg", from: "+16505550000", text: "hello" });
  const react = (messageId) => client.send({ to: "+16505551234", content: { type: "reaction", messageId, emoji: "👍" } });
  const ok = await react(theirs);
  const failed = [await react("wamid.NOPE"), await react(elsewhere), await react(ok.messageId)];
  await sandbox.settle();
  const record = (id) => sandbox.messages("1msg").find((m) => m.id === id);
  assert.deepEqual(record(ok.messageId).statuses, ["sent"]);
  for (const { messageId } of failed) assert.deepEqual([record(messageId).statuses, record(messageId).failure?.code], [["failed"], 131009]);
});
