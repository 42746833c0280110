// Conversions a user migrating between providers meets (found by trying the package as one):
// 1MSG's own file names, documents' names, media by id to Bird, and group ids that are not.
import test from "node:test";
import assert from "node:assert/strict";
import { wabridge } from "./helpers.mjs";

const { convert, toProvider, validateProvider, ValidationError, UnsupportedError } = wabridge;
const P = "16505551234";

test("1MSG: an image's own filename is left out and reported when converted, not a refusal of the whole file", () => {
  const body = { phone: P, body: "https://cdn.example.com/u/8f3a9c?sig=abc", filename: "photo.jpg" };
  for (const to of ["neutral", "meta", "bird"]) {
    const { body: converted, changes } = convert("1msg", to, body, { operation: "sendFile" });
    assert.deepEqual(changes.map((c) => [c.kind, c.source]), [["lossy", "/filename"]], to);
    assert.match(JSON.stringify(converted), /8f3a9c\?sig=abc/, to);
  }
  // Same provider: reproduced as given, the name kept.
  assert.deepEqual(convert("1msg", "1msg", body, { operation: "sendFile" }).body, body);
});

test("1MSG: a document's filename goes with it, even when it is its link's last segment (Meta shows no name it is not given)", () => {
  const body = { phone: P, body: "https://example.com/media/invoice.pdf", filename: "invoice.pdf" };
  const meta = convert("1msg", "meta", body, { operation: "sendFile" });
  assert.deepEqual([meta.body.document, meta.changes], [{ link: "https://example.com/media/invoice.pdf", filename: "invoice.pdf" }, []]);
  const bird = convert("1msg", "bird", body, { operation: "sendFile" });
  assert.equal(bird.body.body.file.files[0].filename, "invoice.pdf");
  assert.equal(convert("1msg", "neutral", body, { operation: "sendFile" }).body.content.filename, "invoice.pdf");
});

test("Bird: media by id is refused as such at once, not first asked for a MIME type it would still refuse", () => {
  for (const type of ["video", "audio", "document", "image"]) {
    assert.throws(
      () => toProvider("bird", { to: `+${P}`, content: { type, id: "1037543291543636" } }),
      (e) => e instanceof UnsupportedError && e.path === "/content/id" && /by media id/.test(e.kind),
      type,
    );
  }
});

test("a group is named by a group's id: not a person's chat, a phone number or words (1MSG would get `…@c.us@g.us`)", () => {
  const group = (to) => ({ to, recipientType: "group", content: { type: "text", body: "x" } });
  for (const to of ["16505551234@c.us", "+16505551234", "Friends group", "abc@g.us"]) {
    for (const provider of ["meta", "1msg"]) {
      assert.throws(() => toProvider(provider, group(to)), (e) => e instanceof ValidationError && e.violations[0].path === "/to" && e.violations[0].code === "invalid_format", `${provider} ${to}`);
    }
  }
  assert.equal(toProvider("1msg", group("120363025246125486")).chatId, "120363025246125486@g.us");
  assert.equal(toProvider("1msg", group("16505551234-1592501234@g.us")).chatId, "16505551234-1592501234@g.us");
  // Meta's group ids are not 1MSG chats: Meta takes one, 1MSG says why not.
  const metaGroup = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjMzOTQzMjAwMzc5NjMZD";
  assert.equal(toProvider("meta", group(metaGroup)).to, metaGroup);
  assert.throws(() => toProvider("1msg", group(metaGroup)), (e) => e instanceof ValidationError && /1MSG's groups are chats/.test(e.violations[0].message));
  assert.deepEqual(validateProvider("1msg", { chatId: "abc@g.us", body: "x" }).map((v) => v.path), ["/chatId"]);
  assert.deepEqual(validateProvider("1msg", { chatId: "120363025246125486@g.us", body: "x" }), []);
});

test("an operation given for a neutral message is refused (it names a provider body's endpoint), not silently ignored", () => {
  const message = { to: `+${P}`, content: { type: "text", body: "Hi" } };
  for (const operation of ["sendList", "bogus"]) {
    assert.throws(() => convert("neutral", "1msg", message, { operation }), (e) => e instanceof wabridge.ArgumentError && /neutral message has none/.test(e.message));
  }
  assert.equal(convert("neutral", "1msg", message).operation, "sendMessage");
});

test("what a provider's body says that the neutral model cannot is refused at its own field in that body", () => {
  const receiver = { receiver: { contacts: [{ identifierValue: `+${P}` }] } };
  const cases = [
    ["bird", { ...receiver, body: { type: "image", image: { images: [{ mediaUrl: "https://e.com/a.jpg" }, { mediaUrl: "https://e.com/b.jpg" }] } } }, "/body/image/images"],
    ["bird", { receiver: { contacts: [{ identifierValue: `+${P}` }, { identifierValue: "+16505551235" }] }, body: { type: "text", text: { text: "x" } } }, "/receiver/contacts"],
    ["bird", { ...receiver, body: { type: "file", file: { files: [{ mediaUrl: "https://e.com/a.pdf", contentType: "application/pdf" }, { mediaUrl: "https://e.com/b.pdf", contentType: "application/pdf" }] } } }, "/body/file/files"],
  ];
  for (const [from, body, path] of cases) {
    for (const to of ["neutral", "meta", "1msg"]) {
      assert.throws(() => convert(from, to, body), (e) => e instanceof UnsupportedError && e.path === path, `${from} → ${to} at ${path}`);
    }
  }
  // A 1MSG method that is its kind: the whole body, said without an empty "(at )".
  assert.throws(
    () => convert("1msg", "bird", { phone: P, body: "👍", quotedMsgId: "wamid.1" }, { operation: "sendReaction" }),
    (e) => e instanceof UnsupportedError && e.path === "" && e.message === "bird cannot carry the reaction",
  );
  // A MIME type read from 1MSG's filename is that field's, not a path under the body's string.
  const typed = convert("1msg", "meta", { phone: P, body: "https://cdn.example.com/8f3a9c", filename: "8f3a9c.jpg" }, { operation: "sendFile" });
  assert.deepEqual(typed.changes.map((c) => c.source), ["/filename"]);
});

test("nothing changes unsaid: a card header's MIME type left out, and 1MSG's name for an inline file, are changes", () => {
  const card = (n) => ({ header: { type: "video", link: `https://media.example.com/c${n}.mp4`, mimeType: "video/mp4" }, body: `Card ${n}`, ctaUrl: { displayText: "Open", url: `https://shop.example.com/${n}` } });
  const carousel = { to: `+${P}`, content: { type: "carousel", body: "Pick one", cards: [card(1), card(2)] } };
  for (const to of ["meta", "bird", "1msg"]) {
    const { changes } = convert("neutral", to, carousel);
    assert.deepEqual(changes.filter((c) => /mimeType$/.test(c.pointer)).map((c) => [c.kind, c.pointer]), [["lossy", "/content/cards/0/header/mimeType"], ["lossy", "/content/cards/1/header/mimeType"]], to);
  }
  const inline = { to: `+${P}`, content: { type: "image", link: "data:image/png;base64,iVBORw0KGgo=" } };
  const { body, changes } = convert("neutral", "1msg", inline);
  assert.equal(body.filename, "image.png");
  assert.deepEqual(changes.map((c) => [c.kind, c.pointer]), [["reshaped", "/content/link"]]);
  assert.match(changes[0].message, /sent as image\.png/);
  // Read back, the name is the data URI's own: the same message.
  assert.deepEqual(convert("1msg", "neutral", body, { operation: "sendFile" }).body, { ...inline, to: P });
});

test("an inline file whose data is not base64 is refused at its field by every reader, not sent broken", () => {
  const bad = "data:image/png;base64,@@@@";
  const at = (violations) => violations.map((v) => [v.path, v.code]);
  assert.deepEqual(at(wabridge.validate({ to: `+${P}`, content: { type: "image", link: bad } })), [["/content/link", "invalid_format"]]);
  assert.deepEqual(at(validateProvider("1msg", { phone: P, body: bad, filename: "a.png" }, { operation: "sendFile" })), [["/body", "invalid_format"]]);
  assert.deepEqual(at(validateProvider("bird", { receiver: { contacts: [{ identifierValue: `+${P}` }] }, body: { type: "image", image: { images: [{ mediaUrl: bad }] } } })), [["/body/image/images/0/mediaUrl", "invalid_format"]]);
  assert.deepEqual(at(validateProvider("1msg", { body: bad }, { operation: "uploadMedia" })), [["/body", "invalid_value"]]);
  // Padding may be left out, as atob takes it; a stray "=" inside may not.
  assert.deepEqual(wabridge.validate({ to: `+${P}`, content: { type: "image", link: "data:image/png;base64,iVBORw0KGgo" } }), []);
  assert.equal(wabridge.validate({ to: `+${P}`, content: { type: "image", link: "data:image/png;base64,iVBO=w0KGgo=" } }).length, 1);
});

test("1MSG: a template of more components than sendTemplate's 20 params is refused before any request, as reading its body is", () => {
  const message = { to: `+${P}`, content: { type: "template", name: "order_update", namespace: "ns", language: { code: "en_US" }, components: Array.from({ length: 21 }, () => ({ type: "body", parameters: [{ type: "text", text: "x" }] })) } };
  const [violation] = wabridge.validate(message, "1msg");
  assert.deepEqual([violation.path, violation.code, violation.limit], ["/content/components", "too_many", 20]);
  assert.throws(() => toProvider("1msg", message), ValidationError);
  assert.deepEqual(wabridge.validate({ ...message, content: { ...message.content, components: message.content.components.slice(0, 20) } }, "1msg"), []);
});

test("a read receipt to a provider without them (Bird) is refused as a whole body, whatever spells it", () => {
  const receipts = [
    ["neutral", { markRead: { messageId: "wamid.1" } }],
    ["meta", { messaging_product: "whatsapp", status: "read", message_id: "wamid.1" }],
    ["1msg", { messageId: "wamid.1" }, { operation: "readMessage" }],
  ];
  for (const [from, body, options] of receipts) {
    assert.throws(
      () => convert(from, "bird", body, options),
      (e) => e instanceof UnsupportedError && e.provider === "bird" && e.path === "" && e.message === "bird cannot carry the read receipt",
      from,
    );
  }
});

test("validate(message, provider) reports the model's violations and the provider's refusals in one list (an admin panel fixes both at once)", () => {
  const list = { type: "list", body: "b", footer: "f", button: "B", sections: [{ rows: [{ id: "a", title: "A" }] }] };
  const found = (message, provider) => wabridge.validate(message, provider).map((v) => [v.path, v.code]);
  assert.deepEqual(found({ to: "bad", content: list }, "bird"), [["/to", "invalid_format"], ["/content/footer", "unsupported"]]);
  assert.deepEqual(found({ to: "+16505550000", content: list }, "bird"), [["/content/footer", "unsupported"]]);
  assert.deepEqual(found({ to: "+16505550000", content: { type: "text", body: "", previewUrl: true } }, "1msg"), [["/content/body", "required"], ["/content/previewUrl", "unsupported"]]);
  // A kind the provider cannot carry, beside the model's own fault.
  assert.deepEqual(found({ to: "bad", content: { type: "reaction", messageId: "wamid.X", emoji: "👍" } }, "bird"), [["/to", "invalid_format"], ["/content/type", "unsupported"]]);
  // A field both find fault with is said once, as the model says it.
  const long = found({ to: "+16505550000", content: { type: "text", body: "x".repeat(5000) } }, "bird");
  assert.equal(long.filter(([path]) => path === "/content/body").length, 1, JSON.stringify(long));
});

test("Meta's media carousel: a card body of at most 2 line breaks; each card at its own card_index, 0 up (media and product cards)", async () => {
  const { sampleMessages } = await import("../../examples/messages.mjs");
  const MESSAGES = sampleMessages("+16505551234");
  const carousel = structuredClone(MESSAGES.find(([name]) => name === "carousel")[1]);
  carousel.content.cards[0].body = "a\nb\nc";
  assert.deepEqual(wabridge.validate(carousel, "meta"), []);
  carousel.content.cards[0].body = "a\nb\nc\nd";
  assert.deepEqual(wabridge.validate(carousel).map((v) => [v.path, v.code, v.limit]), [["/content/cards/0/body", "invalid_value", 2]]);
  assert.equal(wabridge.LIMITS.CAROUSEL_CARD_BODY_MAX_LINE_BREAKS, 2);
  for (const name of ["carousel", "product carousel"]) {
    const body = wabridge.toProvider("meta", MESSAGES.find(([n]) => n === name)[1]);
    assert.deepEqual(body.interactive.action.cards.map((c) => c.card_index), [0, 1], name);
    assert.deepEqual(wabridge.validateProvider("meta", body), [], name);
    body.interactive.action.cards[1].card_index = 0;
    assert.deepEqual(wabridge.validateProvider("meta", body).map((v) => [v.path, v.code]), [["/interactive/action/cards/1/card_index", "invalid_value"]], name);
  }
});

test("Meta's multi-product (mpm) template button holds its products as a product list does: 1–10 sections, at most 30 products, at Meta's pointers", () => {
  const sections = (n, per) => Array.from({ length: n }, (_, i) => ({ title: `S${i}`, product_items: Array.from({ length: per }, (_, j) => ({ product_retailer_id: `p${i}-${j}` })) }));
  const body = (secs) => ({ messaging_product: "whatsapp", to: "16505551234", type: "template", template: { name: "t", language: { code: "en" }, components: [{ type: "button", sub_type: "mpm", index: 0, parameters: [{ type: "action", action: { thumbnail_product_retailer_id: "p0-0", sections: secs } }] }] } });
  const found = (secs) => wabridge.validateProvider("meta", body(secs)).map((v) => [v.path, v.code, v.limit]);
  const at = "/template/components/0/parameters/0/action/sections";
  assert.deepEqual(found(sections(10, 3)), []);
  assert.deepEqual(wabridge.convert("meta", "meta", body(sections(10, 3))).body, body(sections(10, 3)));
  assert.deepEqual(found(sections(11, 2)), [[at, "too_many", 10]]);
  assert.deepEqual(found(sections(4, 8)), [[at, "too_many", 30]]);
  assert.deepEqual(found(undefined), [[at, "required", undefined]]);
  const odd = [{ title: "x".repeat(25), product_items: [{ product_retailer_id: "" }] }, { product_items: [] }];
  assert.deepEqual(found(odd), [
    [`${at}/0/title`, "too_long", 24],
    [`${at}/1/title`, "required", undefined],
    [`${at}/0/product_items/0/product_retailer_id`, "required", undefined],
    [`${at}/1/product_items`, "required", 1],
  ]);
  // 1MSG's sendTemplate params are the Cloud API's components: the same rules at its pointers.
  const onemsg = { phone: 16505551234, namespace: "ns", template: "t", language: { policy: "deterministic", code: "en" }, params: body(sections(11, 1)).template.components };
  assert.deepEqual(wabridge.validateProvider("1msg", onemsg, { operation: "sendTemplate" }).map((v) => [v.path, v.code]), [["/params/0/parameters/0/action/sections", "too_many"]]);
});

test("a product header in a template (a single-product template, a product card carousel): written, read back and refused where it does not belong, Meta and 1MSG alike", () => {
  const header = (sku) => ({ type: "header", parameters: [{ type: "product", catalogId: "194836987003835", productRetailerId: sku }] });
  const single = { to: "+16505551234", content: { type: "template", name: "product_offer", language: { code: "en_US" }, components: [header("sku-1"), { type: "body", parameters: [{ type: "text", text: "Ana" }] }] } };
  const carousel = { to: "+16505551234", content: { type: "template", name: "picks", language: { code: "en_US" }, components: [{ type: "carousel", cards: [0, 1].map((cardIndex) => ({ cardIndex, components: [header(`sku-${cardIndex}`)] })) }] } };
  for (const message of [single, carousel]) {
    assert.deepEqual(wabridge.validate(message), []);
    const meta = wabridge.toProvider("meta", message);
    assert.deepEqual(wabridge.validateProvider("meta", meta), []);
    assert.deepEqual(wabridge.fromProvider("meta", meta).content, message.content);
    const onemsg = wabridge.toProvider("1msg", { ...message, content: { ...message.content, namespace: "ns_1" } });
    assert.deepEqual(wabridge.validateProvider("1msg", onemsg, { operation: "sendTemplate" }), []);
  }
  const meta = wabridge.toProvider("meta", single);
  assert.deepEqual(meta.template.components[0].parameters[0], { type: "product", product: { product_retailer_id: "sku-1", catalog_id: "194836987003835" } });
  meta.template.components[0].parameters[0].product.catalog_id = "";
  assert.deepEqual(wabridge.validateProvider("meta", meta).map((v) => [v.path, v.code]), [["/template/components/0/parameters/0/product/catalog_id", "required"]]);
  const inBody = structuredClone(single);
  inBody.content.components[1].parameters.push(header("sku-2").parameters[0]);
  assert.deepEqual(wabridge.validate(inBody).map((v) => [v.path, v.code]), [["/content/components/1/parameters/1/type", "invalid_value"]]);
  // …at the parameter's own type in Meta's body (was …/product/type).
  const metaInBody = wabridge.toProvider("meta", single);
  metaInBody.template.components[1].parameters.push(metaInBody.template.components[0].parameters[0]);
  assert.deepEqual(wabridge.validateProvider("meta", metaInBody).map((v) => [v.path, v.code]), [["/template/components/1/parameters/1/type", "invalid_value"]]);
});

test("a date_time parameter's parts are held to their ranges (day_of_week 1–7, month 1–12, …) at each provider's pointer", () => {
  const message = { to: "+16505551234", content: { type: "template", name: "t", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "dateTime", fallbackValue: "Monday", dayOfWeek: 8, month: 13, hour: 24, calendar: "JULIAN" }] }] } };
  assert.deepEqual(wabridge.validate(message).map((v) => [v.path, v.code]), [
    ["/content/components/0/parameters/0/dayOfWeek", "out_of_range"],
    ["/content/components/0/parameters/0/month", "out_of_range"],
    ["/content/components/0/parameters/0/hour", "out_of_range"],
    ["/content/components/0/parameters/0/calendar", "invalid_value"],
  ]);
  const meta = { messaging_product: "whatsapp", to: "16505551234", type: "template", template: { name: "t", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "date_time", date_time: { fallback_value: "Monday", day_of_week: 8 } }] }] } };
  assert.deepEqual(wabridge.validateProvider("meta", meta).map((v) => v.path), ["/template/components/0/parameters/0/date_time/day_of_week"]);
  const valid = structuredClone(message);
  Object.assign(valid.content.components[0].parameters[0], { dayOfWeek: 7, month: 12, hour: 23, calendar: "GREGORIAN" });
  assert.deepEqual(wabridge.validate(valid), []);
  // 1MSG (2.39's date_time) keeps the parts in `component`, in a carousel card's parameters too.
  const dateTime = (component) => ({ type: "date_time", date_time: { fallback_value: "Mon", component } });
  const card = (i, component) => ({ card_index: i, components: [{ type: "header", parameters: [{ type: "image", image: { link: `https://media.example.com/${i}.jpg` } }] }, { type: "body", parameters: [dateTime(component)] }] });
  const sendTemplate = (params) => ({ phone: 16505551234, namespace: "ns", template: "t", language: { policy: "deterministic", code: "en" }, params });
  const paths = (body) => wabridge.validateProvider("1msg", body, { operation: "sendTemplate" }).map((v) => v.path);
  assert.deepEqual(paths(sendTemplate([{ type: "body", parameters: [dateTime({ month: 13 })] }])), ["/params/0/parameters/0/date_time/component/month"]);
  assert.deepEqual(paths(sendTemplate([{ type: "carousel", cards: [card(0, { hour: 1 }), card(1, { hour: 24 })] }])), ["/params/0/cards/1/components/1/parameters/0/date_time/component/hour"]);
});

test("fit adapt: a fault the reshape could not fix is reported where the caller wrote it, not in the reshaped message", () => {
  const buttons = { to: "+16505551234", content: { type: "replyButtons", body: "b", buttons: ["a", "b", "c", "a"].map((id) => ({ id, title: id.toUpperCase() + id })) } };
  const faults = (fn) => {
    try {
      fn();
      return [];
    } catch (error) {
      return error.violations.map((v) => v.path);
    }
  };
  assert.deepEqual(faults(() => wabridge.fitMessage("meta", buttons, "adapt")), ["/content/buttons/3/id"]);
  const actions = [1, 2, 3, 4].map((i) => ({ type: "postback", postback: { text: `t${i}`, payload: i === 4 ? "p".repeat(250) : `p${i}` } }));
  const bird = { receiver: { contacts: [{ identifierValue: "+16505551234" }] }, body: { type: "text", text: { text: "x", actions } } };
  assert.deepEqual(faults(() => wabridge.convert("bird", "meta", bird, { fit: "adapt" })), ["/body/text/actions/3/postback/payload"]);
});

test("a carousel card's refusal points at that card as given: split card by card (adapt), or read from Meta's body", () => {
  const to = "+16505551234";
  const byId = (n) => ({ header: { type: "image", id: `10${n}` }, body: `card ${n}`, buttons: [{ id: `b${n}`, title: "Buy" }] });
  const pointerOf = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof ValidationError || e instanceof UnsupportedError, String(e));
      return e.path ?? e.violations.map((v) => v.path);
    }
    assert.fail("not refused");
  };
  const carousel = { to, content: { type: "carousel", body: "Pick one", cards: [byId(1), byId(2)] } };
  // Bird takes media by URL: the split's first card, sent on its own, is refused at its header.
  assert.equal(pointerOf(() => convert("neutral", "bird", carousel, { fit: "adapt" })), "/content/cards/0/header/id");
  // The second card's link has no extension to tell 1MSG its MIME type: that card, not the first.
  const mixed = { to, content: { type: "carousel", body: "b", cards: [
    { header: { type: "image", id: "101" }, body: "c1", ctaUrl: { displayText: "Buy", url: "https://e.com/1" } },
    { header: { type: "image", link: "https://e.com/img" }, body: "c2", ctaUrl: { displayText: "Buy", url: "https://e.com/2" } },
  ] } };
  assert.deepEqual(pointerOf(() => convert("neutral", "1msg", mixed, { fit: "adapt" })), ["/content/cards/1/header/mimeType"]);
  // From Meta's body: the header's media object is in the pointer (`header/image/id`).
  const metaCarousel = { messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: { type: "carousel", body: { text: "b" }, action: { cards: [0, 1].map((i) => ({
    card_index: i, type: "cta_url", header: { type: "image", image: { id: `10${i}` } }, body: { text: `c${i}` }, action: { name: "cta_url", parameters: { display_text: "Buy", url: `https://e.com/${i}` } },
  })) } } };
  for (const [target, fit] of [["bird", "strict"], ["1msg", "strict"], ["bird", "adapt"]]) {
    assert.equal(pointerOf(() => convert("meta", target, metaCarousel, { fit })), "/interactive/action/cards/0/header/image/id", `${target} ${fit}`);
  }
});

test("a Meta template converts to 1MSG with the namespace given to convert (--namespace in the CLI); without one, the refusal says how to give it", () => {
  const template = { messaging_product: "whatsapp", to: P, type: "template", template: { name: "hello_world", language: { code: "en_US" } } };
  assert.throws(() => convert("meta", "1msg", template), (e) => e instanceof ValidationError && /convert's `template.namespace` option/.test(e.violations[0].message));
  const namespace = "ca300906_cfbc_410b_99fb_dcee8e13d578";
  const { body, operation, changes } = convert("meta", "1msg", template, { namespace });
  assert.deepEqual([operation, body.namespace, body.template, body.language.code, changes], ["sendTemplate", namespace, "hello_world", "en_US", []]);
  assert.deepEqual(validateProvider("1msg", body, { operation: "sendTemplate" }), []);
  // A neutral template's own namespace is kept over the option's.
  const own = convert("neutral", "1msg", { to: `+${P}`, content: { type: "template", name: "t", language: { code: "en" }, namespace: "own_ns" } }, { namespace });
  assert.equal(own.body.namespace, "own_ns");
  // `template.namespace` is the same option; the two differing is an ArgumentError.
  assert.equal(convert("meta", "1msg", template, { template: { namespace } }).body.namespace, namespace);
  assert.throws(() => convert("meta", "1msg", template, { namespace, template: { namespace: "other" } }), (e) => e instanceof wabridge.ArgumentError && /differ/.test(e.message));
});

test("a template converts between any two providers with convert's template option naming it as the target does: Meta → Bird by Studio project, Bird → Meta by name, Bird → 1MSG by namespace and name", () => {
  const projectId = "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318";
  const projectVersion = "0d1e7c52-2c61-4b5c-9a3e-1f2b3c4d5e6f";
  const meta = { messaging_product: "whatsapp", to: P, type: "template", template: { name: "order_update", language: { code: "en_US" }, components: [
    { type: "body", parameters: [{ type: "text", text: "Robert", parameter_name: "name" }] },
  ] } };
  // Without the project: required at the template (Meta's body has no place for it), the one
  // fault (Meta's name is left out once the template is named), saying how to give it.
  assert.throws(() => convert("meta", "bird", meta), (e) => {
    assert.ok(e instanceof ValidationError, String(e));
    assert.deepEqual(e.violations.map((v) => [v.path, v.code]), [["/template", "required"]]);
    assert.match(e.violations[0].message, /convert's `template.projectId` option/);
    return true;
  });
  // The option's values are checked as the model checks them, to any target, neutral too.
  for (const [to, template, field] of [["neutral", { projectId: "not-a-uuid" }, "projectId"], ["bird", { projectId, projectVersion: "zz" }, "projectVersion"], ["neutral", { name: "x".repeat(513) }, "name"]]) {
    assert.throws(() => convert("meta", to, meta, { template }), (e) => e instanceof wabridge.ArgumentError && e.message.startsWith(`convert's template.${field} option: `), `${to} ${field}`);
  }
  assert.equal(convert("meta", "bird", meta, { template: { projectId, projectVersion: "latest" } }).body.template.version, "latest");
  const toBird = convert("meta", "bird", meta, { template: { projectId, projectVersion } });
  assert.deepEqual(toBird.body.template, { projectId, version: projectVersion, locale: "en-US", parameters: [{ type: "string", key: "name", value: "Robert" }] });
  assert.deepEqual(toBird.changes.map((c) => [c.kind, c.source]), [["lossy", "/template/name"]]);
  assert.deepEqual(validateProvider("bird", toBird.body), []);
  // Back: Bird's body has no name.
  assert.throws(() => convert("bird", "meta", toBird.body), (e) => e instanceof ValidationError && e.violations.some((v) => /convert's `template.name` option/.test(v.message)));
  const back = convert("bird", "meta", toBird.body, { template: { name: "order_update" } });
  assert.deepEqual(back.body.template, meta.template);
  assert.deepEqual(back.changes.map((c) => [c.kind, c.pointer]), [["lossy", "/content/projectId"], ["lossy", "/content/projectVersion"]]);
  const toOneMsg = convert("bird", "1msg", toBird.body, { template: { name: "order_update", namespace: "ns_1", projectId: "ignored: not 1MSG's" } });
  assert.deepEqual([toOneMsg.operation, toOneMsg.body.template, toOneMsg.body.namespace], ["sendTemplate", "order_update", "ns_1"]);
  // To neutral, every name given is kept: the message then goes to all three.
  const neutral = convert("meta", "neutral", meta, { template: { projectId, namespace: "ns_1" } }).body;
  assert.deepEqual([neutral.content.name, neutral.content.namespace, neutral.content.projectId], ["order_update", "ns_1", projectId]);
  for (const provider of ["meta", "bird", "1msg"]) {
    const { body, operation } = convert("neutral", provider, neutral, { fit: "adapt" });
    assert.deepEqual(validateProvider(provider, body, { operation }), [], provider);
  }
  // What the option is, checked: an object of those names, each a non-empty string.
  assert.throws(() => convert("meta", "bird", meta, { template: { project: projectId } }), (e) => e instanceof wabridge.ArgumentError && /unknown option "project"/.test(e.message));
  assert.throws(() => convert("meta", "bird", meta, { template: { projectId: " " } }), (e) => e instanceof wabridge.ArgumentError && /template.projectId/.test(e.message));
  assert.throws(() => convert("meta", "bird", meta, { template: { projectId: 7 } }), (e) => e instanceof wabridge.ArgumentError && /must be a string/.test(e.message));
});

test("1MSG sendCarousel: a card_index other than the card's position is refused, not renumbered in silence", () => {
  const card = (index, k) => ({ card_index: index, components: [
    { type: "header", parameters: [{ type: "image", image: { link: `https://e.com/${k}.jpg` } }] },
    { type: "body", parameters: [{ type: "text", text: `card ${k}` }] },
    { type: "button", sub_type: "url", index: 0, parameters: { text: "Go", url: `https://e.com/${k}` } },
  ] });
  const body = (indexes) => ({ phone: 16505551234, body: "Pick one", params: [{ type: "CAROUSEL", cards: indexes.map(card) }] });
  for (const indexes of [[0, 0], [1, 0], [5, 7]]) {
    const violations = validateProvider("1msg", body(indexes), { operation: "sendCarousel" });
    assert.ok(violations.length > 0 && violations.every((v) => /card_index$/.test(v.path) && v.code === "invalid_value"), JSON.stringify(violations));
    assert.throws(() => convert("1msg", "meta", body(indexes), { operation: "sendCarousel" }), ValidationError);
  }
  assert.deepEqual(validateProvider("1msg", body([0, 1]), { operation: "sendCarousel" }), []);
  const cards = convert("1msg", "meta", body([0, 1]), { operation: "sendCarousel" }).body.interactive.action.cards;
  assert.deepEqual(cards.map((c) => [c.card_index, c.body.text]), [[0, "card 0"], [1, "card 1"]]);
});

test("Bird: a URL with characters outside ASCII goes percent-encoded (its fields are format: uri), the same URL", () => {
  const to = `+${P}`;
  const image = convert("neutral", "bird", { to, content: { type: "image", link: "https://example.com/ü.jpg" } });
  assert.equal(image.body.body.image.images[0].mediaUrl, "https://example.com/%C3%BC.jpg");
  const cta = convert("neutral", "bird", { to, content: { type: "ctaUrl", body: "b", displayText: "Go", url: "https://example.com/ü?q=ä" } });
  assert.equal(cta.body.body.text.actions[0].link.url, "https://example.com/%C3%BC?q=%C3%A4");
  for (const converted of [image, cta]) assert.deepEqual(validateProvider("bird", converted.body), []);
  // An ASCII URL is left exactly as given.
  const plain = convert("neutral", "bird", { to, content: { type: "image", link: "https://example.com/a%20b.jpg?x=1" } });
  assert.equal(plain.body.body.image.images[0].mediaUrl, "https://example.com/a%20b.jpg?x=1");
});

test("1MSG: a file name taken from its link is the name the recipient sees, its escapes decoded", () => {
  const to = `+${P}`;
  const name = (link) => convert("neutral", "1msg", { to, content: { type: "document", link } }).body.filename;
  assert.equal(name("https://e.com/Q3%20report.pdf"), "Q3 report.pdf");
  assert.equal(name("https://e.com/r%C3%A9sum%C3%A9.pdf"), "résumé.pdf");
  // An escape that would make no name stays as it is.
  assert.equal(name("https://e.com/a%2Fb.pdf"), "a%2Fb.pdf");
  assert.equal(name("https://e.com/bad%FF.pdf"), "bad%FF.pdf");
  // Read back, an image's name that is its link's is no name of its own (nothing to report).
  const image = { phone: P, body: "https://e.com/my%20photo.jpg", filename: "my photo.jpg" };
  assert.deepEqual(convert("1msg", "neutral", image, { operation: "sendFile" }).changes, []);
});

test("convert's namespace: for 1MSG only (another target reports nothing it was not given), never empty", () => {
  const template = { to: `+${P}`, content: { type: "template", name: "t", language: { code: "en" } } };
  assert.deepEqual(convert("neutral", "meta", template, { namespace: "ns_1" }).changes, []);
  for (const namespace of ["", "   "]) {
    assert.throws(() => convert("neutral", "1msg", template, { namespace }), (e) => e instanceof wabridge.ArgumentError && /namespace/.test(e.message));
  }
});

test("1MSG: a decoded file name that would hide what it is (direction marks, paths, padding) stays escaped", () => {
  const name = (link) => convert("neutral", "1msg", { to: `+${P}`, content: { type: "document", link } }).body.filename;
  assert.equal(name("https://e.com/%E2%80%AEfdp.exe.pdf"), "%E2%80%AEfdp.exe.pdf");
  assert.equal(name("https://e.com/%20report.pdf"), "%20report.pdf");
  assert.equal(name("https://e.com/a%5Cb.pdf"), "a%5Cb.pdf");
  // Written as they are in the link, such characters are escaped too.
  assert.equal(name("https://e.com/\u202Efdp.exe.pdf"), "%E2%80%AEfdp.exe.pdf");
});

test("Bird: a URL whose host is not ASCII is refused at its field (its punycode is the caller's to give)", () => {
  const to = `+${P}`;
  assert.throws(() => convert("neutral", "bird", { to, content: { type: "image", link: "https://bücher.de/a.jpg" } }), (e) => e instanceof ValidationError && e.violations[0].path === "/content/link" && /punycode/.test(e.violations[0].message));
  assert.throws(() => convert("neutral", "bird", { to, content: { type: "ctaUrl", body: "b", displayText: "Go", url: "https://bücher.de/x" } }), (e) => e instanceof ValidationError && e.violations[0].path === "/content/url");
});
