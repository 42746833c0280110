// Bird against Bird's own contract: every fixture body (tests/fixtures/bird) and what the Bird
// serializer emits for every neutral kind Bird carries validate against Bird's OpenAPI spec
// (schema CreateMessage; tests/fixtures/specs has a copy of ../shared/specs/bird, so that the
// test runs from a clone of the repository alone) with ajv — each place where the spec cannot be
// used as written is a named, commented allowance (in specs.mjs), never validation switched
// off — and are accepted, reproduced and read back by wabridge itself. Then what Bird cannot
// carry, and the limits Bird's page (and WhatsApp) document but the spec does not encode, each
// at the limit and one past it, with the violation's pointer and code.
import test from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { wabridge } from "./helpers.mjs";
// Bird's spec (schema CreateMessage), compiled with ajv with its allowances (each commented
// there): BIRD_ALLOWANCES in specs.mjs.
import { validateBirdCreateMessage as validateCreateMessage } from "./specs.mjs";

const fixtureDir = new URL("../fixtures/bird/", import.meta.url);

function assertSpecAccepts(body) {
  const valid = validateCreateMessage(body);
  assert.ok(valid, `Bird's spec rejects ${JSON.stringify(body).slice(0, 600)}\n${JSON.stringify(validateCreateMessage.errors?.slice(0, 5), null, 1)}`);
}

const specAccepts = (body) => validateCreateMessage(body);
const faults = (body) => wabridge.validateProvider("bird", body).map((v) => [v.path, v.code]);
const DAY_MS = 86_400_000;

/** A fixture body, its `scheduledFor` moved to 15 days from now (the 35-day rule is relative). */
function fixture(name) {
  const body = JSON.parse(readFileSync(new URL(name, fixtureDir), "utf8"));
  if (body.scheduledFor) body.scheduledFor = new Date(Date.now() + 15 * DAY_MS).toISOString();
  return body;
}
const fixtureNames = readdirSync(fixtureDir).filter((f) => f.endsWith(".json")).sort();

test("the fixtures cover every body type and template form", () => {
  assert.ok(fixtureNames.length >= 34, `${fixtureNames.length} fixtures`);
  const types = new Set(fixtureNames.map((name) => fixture(name)).map((b) => (b.template ? "template" : b.body.type)));
  assert.deepEqual([...types].sort(), ["carousel", "file", "image", "list", "location", "template", "text"]);
});

// (a) Bird → Bird: accepted by the spec and by wabridge, and reproduced exactly.
for (const name of fixtureNames) {
  test(`fixture ${name}: the spec accepts it, and convert(bird → bird) reproduces it exactly`, () => {
    const body = fixture(name);
    assertSpecAccepts(body);
    assert.deepEqual(wabridge.validateProvider("bird", body), []);
    const reproduced = wabridge.convert("bird", "bird", body).body;
    assert.deepEqual(reproduced, body);
    assertSpecAccepts(reproduced);
    // JSON text in, the same object out.
    assert.deepEqual(wabridge.convert("bird", "bird", JSON.stringify(body)).body, body);
  });
}

// (b) Neutral → Bird, for every kind Bird carries: the body Bird's page maps it to (asserted
// in full), accepted by the spec and by wabridge's Bird reader, and read back to the same
// neutral message.
const CUSTOMER = "+31612345678";
const REPLY_TO = "1e7b70ab-3dcc-48f4-a6f6-63a493f6134c";
const receiver = { contacts: [{ identifierKey: "phonenumber", identifierValue: CUSTOMER }] };
const img = (n) => `https://media.example.com/images/card${n}.jpg`;
const vid = (n) => `https://media.example.com/videos/card${n}.mp4`;
const card = (header, n) => ({ header, body: `Card ${n}`, ctaUrl: { displayText: "Visit Bird", url: "https://www.bird.com" } });
const birdCard = (mediaUrl, n) => ({ title: `Card ${n}`, mediaUrl, actions: [{ type: "link", link: { text: "Visit Bird", url: "https://www.bird.com" } }] });

const NEUTRAL = [
  ["text", { type: "text", body: "Hello from wabridge 👋 — héllo" }, { type: "text", text: { text: "Hello from wabridge 👋 — héllo" } }],
  ["text with previewUrl", { type: "text", body: "Our spring catalogue: https://shop.example.com/spring", previewUrl: true },
    { type: "text", text: { text: "Our spring catalogue: https://shop.example.com/spring", metadata: { whatsapp: { previewUrl: true } } } }],
  ["image", { type: "image", link: img(1), caption: "Tulips" }, { type: "image", image: { text: "Tulips", images: [{ mediaUrl: img(1) }] } }],
  ["sticker", { type: "sticker", link: "https://media.example.com/stickers/thanks.webp" },
    { type: "image", image: { images: [{ mediaUrl: "https://media.example.com/stickers/thanks.webp" }] } }],
  ["video", { type: "video", link: vid(1), caption: "The tour", mimeType: "video/mp4" },
    { type: "file", file: { text: "The tour", files: [{ mediaUrl: vid(1), contentType: "video/mp4" }] } }],
  ["audio", { type: "audio", link: "https://media.example.com/audio/greeting.mp3", mimeType: "audio/mpeg" },
    { type: "file", file: { files: [{ mediaUrl: "https://media.example.com/audio/greeting.mp3", contentType: "audio/mpeg" }] } }],
  // A type with parameters or in another case (Meta names a voice note's type `audio/ogg; codecs=opus`): Bird is sent the bare type.
  ["audio with a parameterised type", { type: "audio", link: "https://media.example.com/audio/note.ogg", mimeType: "Audio/OGG; codecs=opus" },
    { type: "file", file: { files: [{ mediaUrl: "https://media.example.com/audio/note.ogg", contentType: "audio/ogg" }] } }],
  ["document", { type: "document", link: "https://media.example.com/docs/passport.pdf", caption: "Your passport", filename: "passport.pdf", mimeType: "application/pdf" },
    { type: "file", file: { text: "Your passport", files: [{ mediaUrl: "https://media.example.com/docs/passport.pdf", contentType: "application/pdf", filename: "passport.pdf" }] } }],
  ["location", { type: "location", latitude: 52.3435942, longitude: 4.9091077, name: "MessageBird Amsterdam office", address: "Trompenburgstraat 2C, 1079 TX Amsterdam" },
    { type: "location", location: { coordinates: { latitude: 52.3435942, longitude: 4.9091077 }, location: { address: "Trompenburgstraat 2C, 1079 TX Amsterdam", label: "MessageBird Amsterdam office" } } }],
  ["locationRequest", { type: "locationRequest", body: "Where should we deliver?" },
    { type: "text", text: { text: "Where should we deliver?", actions: [{ type: "locationRequest" }] } }],
  ["replyButtons", { type: "replyButtons", body: "When should we deliver?", buttons: [{ id: "today", title: "Today" }, { id: "tomorrow", title: "Tomorrow" }, { id: "later", title: "Pick a day" }] },
    { type: "text", text: { text: "When should we deliver?", actions: [
      { type: "postback", postback: { text: "Today", payload: "today" } },
      { type: "postback", postback: { text: "Tomorrow", payload: "tomorrow" } },
      { type: "postback", postback: { text: "Pick a day", payload: "later" } },
    ] } }],
  ["list without sections", { type: "list", body: "Choose how fast", button: "Options", sections: [{ rows: [{ id: "express", title: "Express", description: "Next day" }, { id: "ground", title: "Ground" }] }] },
    { type: "list", list: { text: "Choose how fast", items: [{ actions: [
      { type: "postback", postback: { text: "Express", payload: "express", metadata: { description: { label: "Next day" } } } },
      { type: "postback", postback: { text: "Ground", payload: "ground" } },
    ] }], metadata: { button: { label: "Options" } } } }],
  ["list with sections and a text header", {
    type: "list", header: { type: "text", text: "Shipping options" }, body: "Choose how fast", button: "Options",
    sections: [{ title: "Fast", rows: [{ id: "express", title: "Express", description: "Next day" }] }, { title: "Cheap", rows: [{ id: "ground", title: "Ground", description: "3–5 days" }, { id: "pickup", title: "Pick up" }] }],
  }, { type: "list", list: { title: "Shipping options", text: "Choose how fast", items: [
    { title: "Fast", actions: [{ type: "postback", postback: { text: "Express", payload: "express", metadata: { description: { label: "Next day" } } } }] },
    { title: "Cheap", actions: [
      { type: "postback", postback: { text: "Ground", payload: "ground", metadata: { description: { label: "3–5 days" } } } },
      { type: "postback", postback: { text: "Pick up", payload: "pickup" } },
    ] },
  ], metadata: { button: { label: "Options" } } } }],
  // Bird's table: quick-reply buttons → "text/image + actions"; under a document, its file
  // body with actions (the page's "Single file message with postback and reply actions").
  ["replyButtons under an image header", {
    type: "replyButtons", header: { type: "image", link: img(1) }, body: "Do you like this shirt?", buttons: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }],
  }, { type: "image", image: { text: "Do you like this shirt?", images: [{ mediaUrl: img(1) }], actions: [
    { type: "postback", postback: { text: "Yes", payload: "yes" } }, { type: "postback", postback: { text: "No", payload: "no" } },
  ] } }],
  ["replyButtons under a document header", {
    type: "replyButtons", header: { type: "document", link: "https://media.example.com/docs/terms.pdf", mimeType: "application/pdf", filename: "terms.pdf" }, body: "Do you accept?", buttons: [{ id: "yes", title: "Yes" }],
  }, { type: "file", file: { text: "Do you accept?", files: [{ mediaUrl: "https://media.example.com/docs/terms.pdf", contentType: "application/pdf", filename: "terms.pdf" }], actions: [
    { type: "postback", postback: { text: "Yes", payload: "yes" } },
  ] } }],
  ["ctaUrl", { type: "ctaUrl", body: "Your order has shipped.", displayText: "Track order", url: "https://shop.example.com/orders/48213/track" },
    { type: "text", text: { text: "Your order has shipped.", actions: [{ type: "link", link: { text: "Track order", url: "https://shop.example.com/orders/48213/track" } }] } }],
  ["carousel of images", { type: "carousel", body: "Here is a media carousel", cards: [1, 2, 3].map((n) => card({ type: "image", link: img(n) }, n)) },
    { type: "carousel", carousel: { text: "Here is a media carousel", items: [1, 2, 3].map((n) => birdCard(img(n), n)) } }],
  ["carousel of videos", { type: "carousel", body: "Here is a video carousel", cards: [1, 2].map((n) => card({ type: "video", link: vid(n) }, n)) },
    { type: "carousel", carousel: { text: "Here is a video carousel", items: [1, 2].map((n) => birdCard(vid(n), n)) } }],
];

for (const [kind, content, expected] of NEUTRAL) {
  test(`neutral ${kind} → Bird: the documented body, accepted by the spec and by validateProvider, read back`, () => {
    const message = { to: CUSTOMER, content };
    const body = wabridge.toProvider("bird", message);
    assert.deepEqual(body, { receiver, body: expected });
    assertSpecAccepts(body);
    assert.deepEqual(wabridge.validateProvider("bird", body), []);
    assert.deepEqual(wabridge.validate(message, "bird"), []);
    const back = wabridge.fromProvider("bird", body);
    if (content.type === "sticker") {
      // Documented lossy: Bird's page maps WhatsApp stickers to its image body, which has no
      // sticker flag, so a sticker comes back as an image of the same link.
      assert.deepEqual(back, { to: CUSTOMER, content: { type: "image", link: content.link } });
    } else if (content.mimeType?.includes(";")) {
      // The bare type is what Bird was sent, and what comes back.
      assert.deepEqual(back, { to: CUSTOMER, content: { ...content, mimeType: "audio/ogg" } });
    } else {
      assert.deepEqual(back, message);
    }
    assert.deepEqual(wabridge.convert("neutral", "bird", message).body, body);
  });
}

test("neutral → Bird: replyTo and callbackData travel as replyTo (a message) and reference", () => {
  const message = { to: CUSTOMER, replyTo: REPLY_TO, callbackData: "spring-sale-000123", content: { type: "text", body: "Thanks!" } };
  const body = wabridge.toProvider("bird", message);
  assert.deepEqual(body, { receiver, body: { type: "text", text: { text: "Thanks!" } }, replyTo: { id: REPLY_TO, type: "message" }, reference: "spring-sale-000123" });
  assertSpecAccepts(body);
  assert.deepEqual(wabridge.validateProvider("bird", body), []);
  assert.deepEqual(wabridge.fromProvider("bird", body), message);
});

test("neutral → Bird: a number without + is sent in E.164 (with +)", () => {
  const body = wabridge.toProvider("bird", { to: "31612345678", content: { type: "text", body: "x" } });
  assert.equal(body.receiver.contacts[0].identifierValue, CUSTOMER);
  assertSpecAccepts(body);
});

test("neutral → Bird: audio, video and documents without a mimeType are a violation at /content/mimeType", () => {
  for (const type of ["audio", "video", "document"]) {
    const message = { to: CUSTOMER, content: { type, link: "https://media.example.com/file.bin" } };
    assert.throws(() => wabridge.toProvider("bird", message), (e) => {
      assert.ok(e instanceof wabridge.ValidationError, `${type}: ${e}`);
      assert.deepEqual(e.violations.map((v) => [v.path, v.code]), [["/content/mimeType", "required"]]);
      return true;
    });
  }
});

test("neutral → Bird: a carousel card without a body (Bird's required card title) is a violation at its pointer", () => {
  const cards = [1, 2].map((n) => ({ header: { type: "image", link: img(n) }, ctaUrl: { displayText: "Go", url: "https://www.bird.com" } }));
  cards[0].body = "Card 1";
  const message = { to: CUSTOMER, content: { type: "carousel", body: "Cards", cards } };
  assert.deepEqual(wabridge.validate(message, "bird").map((v) => [v.path, v.code]), [["/content/cards/1/body", "required"]]);
});

// Bird → neutral: a fixture the neutral model can say reads into it and is written back to the
// same body; any other is refused with UnsupportedError naming bird (never read in part).
const READABLE = new Set([
  "carousel-image.json", "carousel-video.json", "file.json", "location.json", "reply-to-postback-actions.json", "reply-to.json",
  "template-button-variable.json", "template-image.json", "template-text.json",
  "text-link-action.json", "text-link-preview.json", "text-location-request.json", "text-postback-actions.json", "text.json",
]);
for (const name of fixtureNames) {
  test(`fixture ${name} → neutral: ${READABLE.has(name) ? "read and written back to the same body" : "UnsupportedError naming bird"}`, () => {
    const body = fixture(name);
    if (!READABLE.has(name)) {
      assert.throws(() => wabridge.fromProvider("bird", body), (e) => e instanceof wabridge.UnsupportedError && e.provider === "bird" && e.kind.length > 0);
      return;
    }
    const message = wabridge.fromProvider("bird", body);
    // The serializer always names the identifier key ("phonenumber"); some fixtures leave it out.
    assert.deepEqual(wabridge.toProvider("bird", message), { ...body, receiver });
  });
}

// Bird has no card media type: the reader tells an image card from a video card by the URL's
// extension (or a data: URL's type), so the serializer refuses a card whose link does not say
// the header's kind, at the link, rather than write a body that reads back differently.
test("neutral carousel → Bird: a card's link must tell its header's media type", () => {
  for (const link of ["https://media.example.com/cards/1", "https://media.example.com/cards/1.mp4"]) {
    const cards = [1, 2].map((n) => card({ type: "image", link: link.replace("1", String(n)) }, n));
    const message = { to: CUSTOMER, content: { type: "carousel", body: "Cards", cards } };
    assert.throws(() => wabridge.toProvider("bird", message), (e) => {
      assert.ok(e instanceof wabridge.ValidationError, String(e));
      assert.deepEqual(e.violations.map((v) => [v.path, v.code]), [["/content/cards/0/header/link", "invalid_format"]]);
      return true;
    });
  }
  const cards = [1, 2].map((n) => card({ type: "video", link: `https://media.example.com/cards/${n}.mp4` }, n));
  const message = { to: CUSTOMER, content: { type: "carousel", body: "Cards", cards } };
  assert.deepEqual(wabridge.fromProvider("bird", wabridge.toProvider("bird", message)), message);
});

// (c) What Bird cannot carry: UnsupportedError naming provider and kind — never dropped.
// Each with the pointer of what Bird cannot carry: the content's type for a whole kind, the
// field otherwise.
/** A neutral template Bird can send: by its Studio project (Bird's spec and page examples' id). */
const TEMPLATE = { type: "template", language: { code: "en" }, projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318" };

test("neutral template → Bird: by Studio project and version, named text variables by key, read back the same", () => {
  const version = "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52";
  const message = {
    to: CUSTOMER,
    content: { ...TEMPLATE, language: { code: "en_US" }, projectVersion: version, components: [
      { type: "body", parameters: [{ type: "text", text: "Robert", parameterName: "name" }, { type: "text", text: "?campaignid=123456", parameterName: "url" }] },
    ] },
  };
  const body = wabridge.toProvider("bird", message);
  assert.deepEqual(body.template, { projectId: TEMPLATE.projectId, version, locale: "en-US", parameters: [
    { type: "string", key: "name", value: "Robert" }, { type: "string", key: "url", value: "?campaignid=123456" },
  ] });
  assert.equal(body.body, undefined);
  assert.equal(specAccepts(body), true, JSON.stringify(validateCreateMessage.errors));
  assert.deepEqual(faults(body), []);
  assert.deepEqual(wabridge.fromProvider("bird", body), message);
  // Without a version: Bird's latest, read back as none.
  const latest = { to: CUSTOMER, content: TEMPLATE };
  assert.equal(wabridge.toProvider("bird", latest).template.version, "latest");
  assert.deepEqual(wabridge.fromProvider("bird", wabridge.toProvider("bird", latest)), latest);
  // A variable with no name, one name twice: every fault at its field.
  const unnamed = { to: CUSTOMER, content: { ...TEMPLATE, components: [{ type: "body", parameters: [
    { type: "text", text: "Robert" }, { type: "text", text: "A", parameterName: "a" }, { type: "text", text: "B", parameterName: "a" },
  ] }] } };
  assert.deepEqual(wabridge.validate(unnamed, "bird").map((v) => [v.path, v.code]), [
    ["/content/components/0/parameters/0/parameterName", "required"], ["/content/components/0/parameters/2/parameterName", "duplicate"],
  ]);
  // A Meta or 1MSG template has no Studio project, a Bird template no name: converted between
  // them, the name is required, given as convert's template option.
  const meta = { messaging_product: "whatsapp", to: "31612345678", type: "template", template: { name: "order_update", language: { code: "en_US" } } };
  const nameless = (field) => (e) => e instanceof wabridge.ValidationError && e.violations.some((v) => v.code === "required" && v.message.includes(`convert's \`template.${field}\` option`));
  assert.throws(() => wabridge.convert("meta", "bird", meta), nameless("projectId"));
  const oneMsg = { phone: "31612345678", namespace: "ns_1", template: "order_update", language: { policy: "deterministic", code: "en_US" } };
  assert.throws(() => wabridge.convert("1msg", "bird", oneMsg, { operation: "sendTemplate" }), nameless("projectId"));
  assert.throws(() => wabridge.convert("bird", "meta", fixture("template-text.json")), nameless("name"));
  assert.throws(() => wabridge.convert("bird", "1msg", fixture("template-text.json"), { namespace: "ns_1" }), nameless("name"));
  const { body: fromOneMsg } = wabridge.convert("1msg", "bird", oneMsg, { operation: "sendTemplate", template: { projectId: TEMPLATE.projectId } });
  assert.deepEqual(fromOneMsg.template, { projectId: TEMPLATE.projectId, version: "latest", locale: "en-US" });
  // An empty name is none (every provider's rule), before anything is sent.
  const empty = { to: CUSTOMER, content: { ...TEMPLATE, components: [{ type: "body", parameters: [{ type: "text", text: "a", parameterName: "" }] }] } };
  assert.deepEqual(wabridge.validate(empty).map((v) => [v.path, v.code]), [["/content/components/0/parameters/0/parameterName", "required"]]);
});

const UNSUPPORTED = [
  ["contacts", { to: CUSTOMER, content: { type: "contacts", contacts: [{ name: { formattedName: "Ana Souza" }, phones: [{ phone: "+5511987654321" }] }] } }, "/content/type"],
  ["reaction", { to: CUSTOMER, content: { type: "reaction", messageId: REPLY_TO, emoji: "👍" } }, "/content/type"],
  ["product", { to: CUSTOMER, content: { type: "product", catalogId: "194836987003835", productRetailerId: "sku-4512" } }, "/content/type"],
  ["productList", { to: CUSTOMER, content: { type: "productList", header: { type: "text", text: "Our picks" }, body: "Back in stock", catalogId: "194836987003835", sections: [{ title: "Shoes", productRetailerIds: ["sku-1", "sku-2"] }] } }, "/content/type"],
  ["catalog", { to: CUSTOMER, content: { type: "catalog", body: "Browse our catalog" } }, "/content/type"],
  ["flow", { to: CUSTOMER, content: { type: "flow", body: "Book a table", flowId: "1234567890", flowCta: "Book" } }, "/content/type"],
  ["productCarousel", { to: CUSTOMER, content: { type: "productCarousel", body: "New in", cards: [{ catalogId: "194836987003835", productRetailerId: "sku-1" }, { catalogId: "194836987003835", productRetailerId: "sku-2" }] } }, "/content/type"],
  ["group recipient", { to: "120363025246125486", recipientType: "group", content: { type: "text", body: "Hello, group" } }, "/recipientType"],
  [/^image by media id/, { to: CUSTOMER, content: { type: "image", id: "1001001001001001", caption: "Receipt" } }, "/content/id"],
  [/^document by media id/, { to: CUSTOMER, content: { type: "document", id: "1001001001001001", mimeType: "application/pdf" } }, "/content/id"],
  ["audio voice note", { to: CUSTOMER, content: { type: "audio", link: "https://media.example.com/audio/note.ogg", mimeType: "audio/ogg", voice: true } }, "/content/voice"],
  ["replyButtons text header", { to: CUSTOMER, content: { type: "replyButtons", header: { type: "text", text: "Delivery" }, body: "When?", buttons: [{ id: "today", title: "Today" }] } }, "/content/header"],
  ["replyButtons footer", { to: CUSTOMER, content: { type: "replyButtons", body: "When?", footer: "Reply to choose", buttons: [{ id: "today", title: "Today" }] } }, "/content/footer"],
  ["ctaUrl header", { to: CUSTOMER, content: { type: "ctaUrl", header: { type: "image", link: img(1) }, body: "Track it", displayText: "Track", url: "https://example.com/t/1" } }, "/content/header"],
  ["ctaUrl footer", { to: CUSTOMER, content: { type: "ctaUrl", body: "Track it", footer: "Thanks", displayText: "Track", url: "https://example.com/t/1" } }, "/content/footer"],
  ["list footer", { to: CUSTOMER, content: { type: "list", body: "Choose", footer: "Thanks", button: "Options", sections: [{ rows: [{ id: "a", title: "A" }] }] } }, "/content/footer"],
  [/^carousel card quick-reply buttons/, { to: CUSTOMER, content: { type: "carousel", body: "Cards", cards: [1, 2].map((n) => ({ header: { type: "image", link: img(n) }, body: `Card ${n}`, buttons: [{ id: `b${n}`, title: "Pick" }] })) } }, "/content/cards/0/buttons"],
  // Bird sends a template by its Studio project, its variables by name: another provider's
  // name for it is left out; a variable Bird keys by a name the template gives (media,
  // amounts, dates, a button's) is refused.
  [/^template name/, { to: CUSTOMER, content: { ...TEMPLATE, name: "order_update" } }, "/content/name"],
  [/^template currency variable/, { to: CUSTOMER, content: { ...TEMPLATE, components: [{ type: "body", parameters: [{ type: "currency", fallbackValue: "$1.00", code: "USD", amount1000: 1000 }] }] } }, "/content/components/0/parameters/0"],
  [/^template image variable/, { to: CUSTOMER, content: { ...TEMPLATE, components: [{ type: "header", parameters: [{ type: "image", link: img(1) }] }] } }, "/content/components/0/parameters/0"],
  [/^template button component/, { to: CUSTOMER, content: { ...TEMPLATE, components: [{ type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "4512" }] }] } }, "/content/components/0"],
];

for (const [kind, message, path] of UNSUPPORTED) {
  test(`neutral ${kind} → Bird: UnsupportedError naming bird and the kind`, () => {
    assert.throws(() => wabridge.toProvider("bird", message), (e) => {
      assert.ok(e instanceof wabridge.UnsupportedError, String(e));
      assert.equal(e.code, "ERR_UNSUPPORTED");
      assert.equal(e.provider, "bird");
      if (kind instanceof RegExp) assert.match(e.kind, kind);
      else assert.equal(e.kind, kind);
      assert.match(e.message, /bird/);
      assert.equal(e.path, path);
      return true;
    });
    // convert() refuses the content itself, the recipient, media by id and a card's only
    // buttons, and leaves out any other field with a `lossy` change at its pointer.
    if (["/content/type", "/recipientType", "/content/id", "/content/cards/0/buttons"].includes(path) || path.startsWith("/content/components")) {
      assert.throws(() => wabridge.convert("neutral", "bird", message), wabridge.UnsupportedError);
    } else {
      const { body, changes } = wabridge.convert("neutral", "bird", message);
      assert.deepEqual(changes.map((c) => [c.kind, c.pointer, c.source]), [["lossy", path, path]]);
      assert.match(changes[0].message, /left out/);
      assert.deepEqual(wabridge.validateProvider("bird", body), []);
    }
    // validate() reports it as one violation, so that a form can show it with the others.
    assert.deepEqual(wabridge.validate(message, "bird").map((v) => [v.path, v.code]), [[path, "unsupported"]]);
  });
}

// (d) Limits Bird's page and WhatsApp document, at the limit and one past it, counted in
// characters (not UTF-16 units, not bytes). `spec` says whether Bird's spec encodes the limit
// too (then ajv must reject the body past it) or lacks it (then ajv accepts it: a gap).
const text = (t, extra = {}) => ({ receiver, body: { type: "text", text: { text: t, ...extra } } });
const reply = (t) => ({ type: "reply", reply: { text: t } });
const postback = (t, payload, label) => ({ type: "postback", postback: { text: t, payload, ...(label === undefined ? {} : { metadata: { description: { label } } }) } });
const rows = (n, from = 0) => Array.from({ length: n }, (_, i) => postback(`Row ${from + i + 1}`, `row-${from + i + 1}`));
const list = (items, extra = {}) => ({ receiver, body: { type: "list", list: { text: "Choose", items, ...extra } } });
const link = (t = "Visit Bird") => ({ type: "link", link: { text: t, url: "https://www.bird.com" } });
const carousel = (urls, edit = () => {}) => {
  const items = urls.map((mediaUrl, i) => ({ title: `Card ${i + 1}`, mediaUrl, actions: [link()] }));
  edit(items);
  return { receiver, body: { type: "carousel", carousel: { text: "Pick one", items } } };
};
const images = (n) => Array.from({ length: n }, (_, i) => img(i + 1));
const withTop = (fields) => ({ ...text("Spring sale"), ...fields });
const inDays = (days, extraMs = 0) => new Date(Date.now() + days * DAY_MS + extraMs).toISOString();
const dataUrl = (bytes) => `data:image/png;base64,${Buffer.alloc(bytes, 7).toString("base64")}`;

const LIMITS = [
  ...["é", "👋"].map((c) => ({
    name: `text body: 4096 characters (${c === "é" ? "2 UTF-8 bytes each" : "2 UTF-16 units each"})`,
    at: text(c.repeat(4096)), past: text(c.repeat(4097)), fault: ["/body/text/text", "too_long", 4096], spec: false,
  })),
  { name: "text with buttons: 1024 characters", at: text("👋".repeat(1024), { actions: [reply("Yes")] }), past: text("👋".repeat(1025), { actions: [reply("Yes")] }),
    fault: ["/body/text/text", "too_long", 1024], spec: false },
  { name: "reply button text: 20 characters", at: text("Pick", { actions: [reply("é".repeat(20))] }), past: text("Pick", { actions: [reply("é".repeat(21))] }),
    fault: ["/body/text/actions/0/reply/text", "too_long", 20], spec: false },
  { name: "postback button text: 20 characters", at: text("Pick", { actions: [postback("👍".repeat(20), "p")] }), past: text("Pick", { actions: [postback("👍".repeat(21), "p")] }),
    fault: ["/body/text/actions/0/postback/text", "too_long", 20], spec: false },
  { name: "buttons: at most 3", at: text("Pick", { actions: [reply("A"), reply("B"), postback("C", "c")] }), past: text("Pick", { actions: [reply("A"), reply("B"), reply("C"), reply("D")] }),
    fault: ["/body/text/actions", "too_many", 3], spec: false },
  { name: "list row title: 24 characters", at: list([{ actions: [postback("é".repeat(24), "r")] }]), past: list([{ actions: [postback("é".repeat(25), "r")] }]),
    fault: ["/body/list/items/0/actions/0/postback/text", "too_long", 24], spec: false },
  { name: "list row description: 72 characters", at: list([{ actions: [postback("Row", "r", "👋".repeat(72))] }]), past: list([{ actions: [postback("Row", "r", "👋".repeat(73))] }]),
    fault: ["/body/list/items/0/actions/0/postback/metadata/description/label", "too_long", 72], spec: true },
  { name: "list rows: at most 10 in all sections", at: list([{ title: "A", actions: rows(5) }, { title: "B", actions: rows(5, 5) }]), past: list([{ title: "A", actions: rows(5) }, { title: "B", actions: rows(6, 5) }]),
    fault: ["/body/list/items", "too_many", 10], spec: false },
  { name: "list section title: 24 characters", at: list([{ title: "é".repeat(24), actions: rows(1) }, { title: "B", actions: rows(1, 1) }]), past: list([{ title: "é".repeat(25), actions: rows(1) }, { title: "B", actions: rows(1, 1) }]),
    fault: ["/body/list/items/0/title", "too_long", 24], spec: false },
  { name: "list button label: 20 characters", at: list([{ actions: rows(1) }], { metadata: { button: { label: "👋".repeat(20) } } }), past: list([{ actions: rows(1) }], { metadata: { button: { label: "👋".repeat(21) } } }),
    fault: ["/body/list/metadata/button/label", "too_long", 20], spec: true },
  { name: "carousel: at least 2 cards", at: carousel(images(2)), past: carousel(images(1)), fault: ["/body/carousel/items", "too_few", 2], spec: false },
  { name: "carousel: at most 10 cards", at: carousel(images(10)), past: carousel(images(11)), fault: ["/body/carousel/items", "too_many", 10], spec: false },
  { name: "carousel: all image or all video", at: carousel([vid(1), vid(2), vid(3)]), past: carousel([img(1), img(2), vid(3)]),
    fault: ["/body/carousel/items/2/mediaUrl", "invalid_value", undefined], spec: false },
  { name: "carousel card title: 160 characters", at: carousel(images(2), (c) => (c[0].title = "é".repeat(160))), past: carousel(images(2), (c) => (c[0].title = "é".repeat(161))),
    fault: ["/body/carousel/items/0/title", "too_long", 160], spec: false },
  { name: "carousel card link text: 20 characters", at: carousel(images(2), (c) => (c[1].actions = [link("👋".repeat(20))])), past: carousel(images(2), (c) => (c[1].actions = [link("👋".repeat(21))])),
    fault: ["/body/carousel/items/1/actions/0/link/text", "too_long", 20], spec: false },
  { name: "text link action text: 20 characters", at: text("Track it", { actions: [link("é".repeat(20))] }), past: text("Track it", { actions: [link("é".repeat(21))] }),
    fault: ["/body/text/actions/0/link/text", "too_long", 20], spec: false },
  { name: "tags: at most 10", at: withTop({ tags: Array.from({ length: 10 }, (_, i) => `tag-${i}`) }), past: withTop({ tags: Array.from({ length: 11 }, (_, i) => `tag-${i}`) }),
    fault: ["/tags", "too_many", 10], spec: true },
  { name: "tag: at most 50 characters", at: withTop({ tags: ["spring", "a".repeat(50)] }), past: withTop({ tags: ["spring", "a".repeat(51)] }),
    fault: ["/tags/1", "too_long", 50], spec: true },
  { name: "tag: at least 1 character", at: withTop({ tags: ["a"] }), past: withTop({ tags: [""] }), fault: ["/tags/0", "required", 1], spec: true },
  { name: "scheduledFor: at most 35 days ahead", at: withTop({ scheduledFor: inDays(35, -60_000) }), past: withTop({ scheduledFor: inDays(35, 60_000) }),
    fault: ["/scheduledFor", "out_of_range", 35], spec: false },
  { name: "capFrequency: only with useCase marketing", at: withTop({ capFrequency: true, meta: { extraInformation: { useCase: "marketing" } } }),
    past: withTop({ capFrequency: true, meta: { extraInformation: { useCase: "transactional" } } }), fault: ["/capFrequency", "invalid_value", undefined], spec: false },
  { name: "capFrequency: not without a use case", at: withTop({ capFrequency: false }), past: withTop({ capFrequency: true }),
    fault: ["/capFrequency", "invalid_value", undefined], spec: false },
  { name: "inline (data:) attachment: 100 KB decoded",
    at: { receiver, body: { type: "image", image: { images: [{ mediaUrl: dataUrl(100 * 1024) }] } } },
    past: { receiver, body: { type: "image", image: { images: [{ mediaUrl: dataUrl(100 * 1024 + 1) }] } } },
    fault: ["/body/image/images/0/mediaUrl", "too_long", 102400], spec: false },
];

for (const { name, at, past, fault, spec } of LIMITS) {
  test(`limit: ${name}`, () => {
    assert.deepEqual(faults(at), [], "at the limit");
    assertSpecAccepts(at);
    const violations = wabridge.validateProvider("bird", past);
    assert.deepEqual(violations.map((v) => [v.path, v.code]), [fault.slice(0, 2)], "one past the limit");
    assert.equal(violations[0].limit, fault[2]);
    assert.equal(specAccepts(past), !spec, spec ? "the spec encodes this limit too" : "the spec lacks this limit (a gap)");
  });
}

test("limit: the whole request is at most 200 KB (204800 bytes of JSON)", () => {
  // Two inline images (each under 100 KB decoded), padded with altText to an exact size.
  const sized = (bytes) => {
    const body = { receiver, body: { type: "image", image: { images: [{ mediaUrl: dataUrl(75_000) }, { mediaUrl: dataUrl(75_000), altText: "" }] } } };
    const pad = bytes - Buffer.byteLength(JSON.stringify(body));
    body.body.image.images[1].altText = "x".repeat(pad);
    const json = JSON.stringify(body);
    assert.equal(Buffer.byteLength(json), bytes);
    return json;
  };
  assert.deepEqual(wabridge.validateProvider("bird", sized(204_800)), []);
  assertSpecAccepts(JSON.parse(sized(204_800)));
  const violations = wabridge.validateProvider("bird", sized(204_801));
  assert.deepEqual(violations.map((v) => [v.path, v.code, v.limit]), [["", "too_long", 204_800]]);
  assert.ok(specAccepts(JSON.parse(sized(204_801))), "the spec has no size limit");
});

test("a Bird body with several faults reports all of them, each at its pointer", () => {
  const body = {
    receiver: { contacts: [{ identifierKey: "email", identifierValue: "31612345678" }] },
    body: { type: "text", text: { text: "x".repeat(1025), actions: [postback("a title that is far too long", "1"), postback("B"), postback("C"), postback("D")] } },
    // Upper case is Bird's pattern too (it lower-cases tags); "%" is not.
    tags: ["Summer Sale", "50%"],
    capFrequency: true,
    scheduledFor: inDays(60),
    validity: -1,
    replyTo: { id: REPLY_TO, type: "forward" },
  };
  assert.deepEqual(faults(body).sort(), [
    ["/body/text/actions", "too_many"],
    ["/body/text/actions/0/postback/text", "too_long"],
    ["/body/text/text", "too_long"],
    ["/capFrequency", "invalid_value"],
    ["/receiver/contacts/0/identifierKey", "invalid_value"],
    ["/receiver/contacts/0/identifierValue", "invalid_format"],
    ["/replyTo/type", "invalid_value"],
    ["/scheduledFor", "out_of_range"],
    ["/tags/1", "invalid_format"],
    ["/validity", "out_of_range"],
  ]);
  assert.throws(() => wabridge.convert("bird", "bird", body), (e) => e instanceof wabridge.ValidationError && e.violations.length === 10);
});

test("a Bird body with both a body and a template reports that, and every fault of each beside it", () => {
  const body = {
    receiver: { contacts: [{ identifierValue: "+31612345678" }] },
    body: { type: "list", list: { text: "x", title: "a".repeat(61) } },
    template: { projectId: "not-a-uuid", version: "latest", locale: "en" },
  };
  assert.deepEqual(faults(body).sort(), [
    ["/body/list/items", "required"],
    ["/body/list/title", "too_long"],
    ["/template", "invalid_value"],
    ["/template/projectId", "invalid_format"],
  ]);
});

// The spec's gaps (docs/bird-reference.md, "Spec vs docs disagreements"): bodies Bird's spec
// accepts but its docs rule out. wabridge must refuse each, at the field's pointer.
const GAPS = [
  // 6: `minLength` on arrays is a string keyword, so an empty contacts array validates.
  ["6. receiver.contacts may be empty", { ...text("Hi"), receiver: { contacts: [] } }, [["/receiver/contacts", "too_few"]]],
  ["6. image.images may be empty", { receiver, body: { type: "image", image: { images: [] } } }, [["/body/image/images", "too_few"]]],
  // 7: ActionLink.url's pattern is unanchored: any string containing {{x}} passes.
  ["7. a link url that merely contains {{x}}", text("Go", { actions: [{ type: "link", link: { text: "Go", url: "see {{x}} here" } }] }), [["/body/text/actions/0/link/url", "invalid_format"]]],
  // 9: body and template together, and a template without projectId, validate.
  ["9. body and template together", { ...text("Hi"), template: { projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", version: "latest", locale: "en" } }, [["/template", "invalid_value"]]],
  ["9. a template without projectId", { receiver, template: { version: "latest", locale: "en" } }, [["/template/projectId", "required"]]],
  // 4: the carousel's rules are prose only (required carousel.text, card title, one link).
  ["4. a carousel without text", (() => { const b = carousel(images(2)); delete b.body.carousel.text; return b; })(), [["/body/carousel/text", "required"]]],
  ["4. a carousel card without a title", carousel(images(2), (c) => delete c[0].title), [["/body/carousel/items/0/title", "required"]]],
  ["4. a carousel card with two links", carousel(images(2), (c) => c[0].actions.push(link("Again"))), [["/body/carousel/items/0/actions", "invalid_value"]]],
  // Not a numbered defect: the spec types phone numbers as any string.
  ["a receiver that is not E.164", { ...text("Hi"), receiver: { contacts: [{ identifierValue: "0612345678" }] } }, [["/receiver/contacts/0/identifierValue", "invalid_format"]]],
];

for (const [name, body, expected] of GAPS) {
  test(`spec gap ${name}: the spec accepts it, wabridge refuses it at its pointer`, () => {
    assert.ok(specAccepts(body), `the spec now rejects it (update docs/bird-reference.md): ${JSON.stringify(validateCreateMessage.errors?.slice(0, 3))}`);
    assert.deepEqual(faults(body), expected);
  });
}

test("the spec still rejects what it rightly rejects", () => {
  const body = fixture("text.json");
  assert.equal(specAccepts({ ...body, colour: "red" }), false);
  assert.equal(specAccepts({ ...body, body: { type: "telegram", telegram: {} } }), false);
  // 1: replyTo inside the body, as some snippets on Bird's page show it.
  assert.equal(specAccepts({ ...body, body: { ...body.body, replyTo: { id: REPLY_TO, type: "message" } } }), false);
  // 2: the location-request snippet's bare inner text object as a body.
  assert.equal(specAccepts({ ...body, body: { text: "Where?", actions: [{ type: "locationRequest" }] } }), false);
  // 8: the unreachable "template" body type.
  assert.equal(specAccepts({ ...body, body: { type: "template" } }), false);
  assert.equal(specAccepts({ ...body, template: { ...fixture("template-text.json").template, locale: "not a locale" } }), false);
});

// What the neutral model refuses, Bird's reader refuses too, at the same pointer of Bird's body:
// validateProvider("bird") and convert agree (before, these passed validateProvider and failed,
// or would have failed, only when converted).
test("validateProvider and convert agree: inline media of another type, an audio's text, receivers that are no phone number", () => {
  const receiver = (identifierValue) => ({ contacts: [{ identifierValue }] });
  const at = (body, to = "+31612345678") => ({ receiver: receiver(to), body });
  const pdf = "data:application/pdf;base64,JVBERi0xLjQK";
  const png = "data:image/png;base64,iVBORw0KGgo=";
  const cases = [
    [at({ type: "image", image: { images: [{ mediaUrl: pdf }] } }), "/body/image/images/0/mediaUrl", "invalid_format"],
    [at({ type: "file", file: { files: [{ mediaUrl: png, contentType: "application/pdf" }] } }), "/body/file/files/0/mediaUrl", "invalid_format"],
    [at({ type: "file", file: { text: "Listen", files: [{ mediaUrl: "https://cdn.example.com/a.mp3", contentType: "audio/mpeg" }] } }), "/body/file/text", "invalid_value"],
    [at({ type: "text", text: { text: "Hi" } }, "+9991234567"), "/receiver/contacts/0/identifierValue", "invalid_format"],
    [at({ type: "text", text: { text: "Hi" } }, "+1234567"), "/receiver/contacts/0/identifierValue", "too_short"],
  ];
  for (const [body, path, code] of cases) {
    assert.deepEqual(faults(body), [[path, code]], JSON.stringify(body));
    for (const to of ["neutral", "meta"]) {
      assert.throws(() => wabridge.convert("bird", to, body), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === path, `${to}: ${JSON.stringify(body)}`);
    }
  }
  // Their valid neighbours pass both.
  assert.deepEqual(faults(at({ type: "file", file: { files: [{ mediaUrl: pdf, contentType: "application/pdf" }] } })), []);
  assert.deepEqual(faults(at({ type: "image", image: { images: [{ mediaUrl: png }] } })), []);
});

test("a body with an empty actions list reads as the body without actions (it validates, so it converts)", () => {
  const receiver = { contacts: [{ identifierValue: "+16505551234" }] };
  const text = { receiver, body: { type: "text", text: { text: "Hello", actions: [] } } };
  assert.deepEqual(wabridge.validateProvider("bird", text), []);
  assert.deepEqual(wabridge.fromProvider("bird", text).content, { type: "text", body: "Hello" });
  const image = { receiver, body: { type: "image", image: { text: "Look", images: [{ mediaUrl: "https://cdn.example.com/a.jpg" }], actions: [] } } };
  assert.deepEqual(wabridge.validateProvider("bird", image), []);
  assert.equal(wabridge.fromProvider("bird", image).content.type, "image");
  assert.equal(wabridge.convert("bird", "meta", text).body.type, "text");
});

test("a Bird template's settings.disallowMmLite (its spec: for WhatsApp marketing templates) is read, checked and written back", () => {
  const body = {
    receiver: { contacts: [{ identifierValue: "+31612345678" }] },
    template: { projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", version: "latest", locale: "en", settings: { disallowMmLite: true } },
  };
  assert.deepEqual(faults(body), []);
  assert.deepEqual(wabridge.convert("bird", "bird", body).body, body);
  assert.deepEqual(faults({ ...body, template: { ...body.template, settings: { disallowMmLite: "yes", other: 1 } } }).sort(), [
    ["/template/settings/disallowMmLite", "invalid_value"],
    ["/template/settings/other", "unknown_field"],
  ]);
});
