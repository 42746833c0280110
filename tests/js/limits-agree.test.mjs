// A limit is one limit wherever it is met: the neutral check (`validate`, `toProvider`) and
// each provider's own (`validateProvider`) report it with the same code and `limit`, each at
// its field in the body as given. The cases are those an audit found reported differently.
import test from "node:test";
import assert from "node:assert/strict";
import { CUSTOMER, wabridge } from "./helpers.mjs";

const { LIMITS } = wabridge;
const found = (violations) => violations.map((v) => [v.path, v.code, v.limit]);
const birdTo = (to, body) => ({ receiver: { contacts: [{ identifierKey: "phonenumber", identifierValue: to }] }, body });

test("a number of 16 digits is too long (limit 15) for the neutral model and every provider's body", () => {
  const to = "+4930123456789012";
  const text = { type: "text", text: { text: "x" } };
  assert.deepEqual(found(wabridge.validate({ to, content: { type: "text", body: "x" } })), [["/to", "too_long", 15]]);
  assert.deepEqual(found(wabridge.validateProvider("meta", { messaging_product: "whatsapp", to: to.slice(1), type: "text", text: { body: "x" } })), [["/to", "too_long", 15]]);
  assert.deepEqual(found(wabridge.validateProvider("1msg", { phone: to.slice(1), body: "x" })), [["/phone", "too_long", 15]]);
  assert.deepEqual(found(wabridge.validateProvider("bird", birdTo(to, text))), [["/receiver/contacts/0/identifierValue", "too_long", 15]]);
  assert.deepEqual(found(wabridge.validateProvider("bird", birdTo("+1 650", text))), [["/receiver/contacts/0/identifierValue", "invalid_format", undefined]], "not digits: a format");
});

test("a coordinate out of range names the bound it passed, in every entry point", () => {
  const at = (latitude, longitude) => ({ to: CUSTOMER, content: { type: "location", latitude, longitude } });
  assert.deepEqual(found(wabridge.validate(at(90.5, -180.5))), [["/content/latitude", "out_of_range", 90], ["/content/longitude", "out_of_range", -180]]);
  const meta = { messaging_product: "whatsapp", to: "16505551234", type: "location", location: { latitude: -91, longitude: 181 } };
  assert.deepEqual(found(wabridge.validateProvider("meta", meta)), [["/location/latitude", "out_of_range", -90], ["/location/longitude", "out_of_range", 180]]);
  const bird = birdTo(CUSTOMER, { type: "location", location: { coordinates: { latitude: 91, longitude: 0 } } });
  assert.deepEqual(found(wabridge.validateProvider("bird", bird)), [["/body/location/coordinates/latitude", "out_of_range", 90]]);
});

test("inline media is held to its kind's size, as an upload of the same bytes is", () => {
  const dataUri = (type, bytes) => `data:${type};base64,${"A".repeat(Math.ceil((bytes * 4) / 3))}`;
  const image = (bytes) => ({ to: CUSTOMER, content: { type: "image", link: dataUri("image/png", bytes) } });
  const max = LIMITS.IMAGE_MAX_BYTES;
  for (const provider of ["1msg", "bird"]) {
    const past = found(wabridge.validate(image(max + 3), provider));
    assert.deepEqual(past.filter(([path]) => path === "/content/link"), [["/content/link", "too_long", max]], provider);
  }
  assert.deepEqual(wabridge.validate(image(max - 2), "1msg"), [], "at the limit");
  assert.throws(() => wabridge.toProvider("1msg", image(max + 3)), (e) => e instanceof wabridge.ValidationError && e.violations[0].limit === max);
  const sendFile = { phone: "16505551234", body: dataUri("image/png", max + 3), filename: "photo.png" };
  assert.deepEqual(found(wabridge.validateProvider("1msg", sendFile, { operation: "sendFile" })), [["/body", "too_long", max]]);
  const sticker = { phone: "16505551234", link: dataUri("image/webp", LIMITS.STICKER_ANIMATED_MAX_BYTES + 3) };
  assert.deepEqual(found(wabridge.validateProvider("1msg", sticker, { operation: "sendSticker" })), [["/link", "too_long", LIMITS.STICKER_ANIMATED_MAX_BYTES]]);
});

test("a carousel card's text has at most 2 line breaks in Bird's body too (its card title)", () => {
  const card = (title) => ({ title, mediaUrl: "https://cdn.example.com/a.jpg", actions: [{ type: "link", link: { text: "Open", url: "https://shop.example.com/a" } }] });
  const body = (title) => birdTo(CUSTOMER, { type: "carousel", carousel: { text: "Our picks", items: [card(title), card("b")] } });
  assert.deepEqual(wabridge.validateProvider("bird", body("a\nb\nc")), []);
  assert.deepEqual(found(wabridge.validateProvider("bird", body("a\nb\nc\nd"))), [["/body/carousel/items/0/title", "invalid_value", LIMITS.CAROUSEL_CARD_BODY_MAX_LINE_BREAKS]]);
});

test("one list section over the rows limit points at its rows in every provider's body", () => {
  const rows = (n) => Array.from({ length: n }, (_, i) => ({ type: "postback", postback: { text: `Row ${i}`, payload: `r${i}` } }));
  const bird = birdTo(CUSTOMER, { type: "list", list: { text: "Pick", items: [{ title: "All", actions: rows(11) }] } });
  assert.deepEqual(found(wabridge.validateProvider("bird", bird)), [["/body/list/items/0/actions", "too_many", 10]]);
  const meta = { messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: { type: "list", body: { text: "Pick" }, action: { button: "Menu", sections: [{ title: "All", rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })) }] } } };
  assert.deepEqual(found(wabridge.validateProvider("meta", meta)), [["/interactive/action/sections/0/rows", "too_many", 10]]);
});

test("1MSG's own checks name their limits: a template button's index, a template's name", () => {
  const template = { phone: "16505551234", template: "order_update", namespace: "ns_1", language: { policy: "deterministic", code: "en" }, params: [{ type: "button", sub_type: "url", index: 10, parameters: [{ type: "text", text: "a" }] }] };
  assert.deepEqual(found(wabridge.validateProvider("1msg", template, { operation: "sendTemplate" })), [["/params/0/index", "out_of_range", LIMITS.TEMPLATE_BUTTON_INDEX_MAX]]);
  const added = { name: "a".repeat(513), category: "UTILITY", language: "en", components: [{ type: "BODY", text: "Hi" }] };
  assert.deepEqual(found(wabridge.validateProvider("1msg", added, { operation: "addTemplate" })), [["/name", "too_long", LIMITS.TEMPLATE_NAME_MAX_CHARS]]);
});

test("a field the model does not know does not hide the limits of the rest, in a neutral message or a Meta body", () => {
  const neutral = { to: "1", content: { type: "text", body: "", extra: 1 } };
  assert.deepEqual(found(wabridge.validate(neutral)).map(([p, c]) => [p, c]), [["/content/extra", "unknown_field"], ["/to", "too_short"], ["/content/body", "required"]]);
  assert.throws(() => wabridge.toProvider("meta", neutral), (e) => e instanceof wabridge.ValidationError && e.violations.length === 3);
  const meta = { messaging_product: "whatsapp", to: "1", type: "text", text: { body: "" }, extra: 1 };
  assert.deepEqual(found(wabridge.validateProvider("meta", meta)).map(([p, c]) => [p, c]).sort(), [["/extra", "unknown_field"], ["/text/body", "required"], ["/to", "too_short"]]);
  // After a wrong type, the reader may have left items out: limits wait for the structure.
  assert.deepEqual(found(wabridge.validate({ to: "1", content: { type: "text", body: 5 } })).map(([p, c]) => [p, c]), [["/content/body", "invalid_value"]]);
});

test("validate(message, provider) with a field the model does not know still lists what the provider refuses", () => {
  const reaction = { to: "+16505551234", content: { type: "reaction", messageId: "wamid.1", emoji: "👍" }, extra: 1 };
  assert.deepEqual(found(wabridge.validate(reaction, "bird")).map(([p, c]) => [p, c]), [["/extra", "unknown_field"], ["/content/type", "unsupported"]]);
  const buttons = { to: "+16505551234", extra: 1, content: { type: "replyButtons", body: "Pick", buttons: [{ id: "b".repeat(250), title: "Yes" }] } };
  assert.deepEqual(found(wabridge.validate(buttons, "1msg")).map(([p, c]) => [p, c]), [["/extra", "unknown_field"], ["/content/buttons/0/id", "too_long"]]);
});

test("a 1MSG template button index below 0 names the bound it passed, 0", () => {
  const template = { phone: "16505551234", template: "order_update", namespace: "ns_1", language: { policy: "deterministic", code: "en" }, params: [{ type: "button", sub_type: "url", index: -1, parameters: [{ type: "text", text: "a" }] }] };
  assert.deepEqual(found(wabridge.validateProvider("1msg", template, { operation: "sendTemplate" })), [["/params/0/index", "out_of_range", 0]]);
});
