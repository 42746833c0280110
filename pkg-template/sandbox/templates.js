// Message templates as WhatsApp keeps them (Meta's format: name, language, category, status,
// components with `{{1}}` or `{{name}}` placeholders), and the checks WhatsApp makes before
// it sends one: the template exists in that language, it can be sent (approved, not paused or
// disabled), and the message's parameters fit its placeholders and its header's format. Meta
// answers these with error codes 132000–132016; 1MSG passes Meta's templates on.

import { LIMITS } from "wabridge";

/** The templates the sandbox's Meta number starts with: Meta's own `hello_world` (every new
 *  WhatsApp Business Account has it) and the `order_update` that examples/messages.mjs sends. */
export const META_SEED_TEMPLATES = deepFreeze([
  {
    name: "hello_world",
    language: "en_US",
    category: "UTILITY",
    components: [
      { type: "HEADER", format: "TEXT", text: "Hello World" },
      { type: "BODY", text: "Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us." },
      { type: "FOOTER", text: "WhatsApp Business Platform sample message" },
    ],
  },
  {
    name: "order_update",
    language: "en_US",
    category: "UTILITY",
    components: [
      { type: "HEADER", format: "IMAGE" },
      { type: "BODY", text: "Hi {{1}}, your order of {{2}} arrives {{3}}." },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Track it" },
          { type: "URL", text: "Details", url: "https://example.com/orders/{{1}}" },
        ],
      },
    ],
  },
]);

function deepFreeze(value) {
  if (value && typeof value === "object") for (const item of Object.values(value)) deepFreeze(item);
  return Object.freeze(value);
}

/** The distinct placeholders (`1`, `first_name`) of a template text. */
function placeholderNames(text) {
  return new Set([...String(text ?? "").matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1]));
}

/** How many distinct placeholders (`{{1}}`, `{{first_name}}`) a template text has. */
function placeholders(text) {
  return placeholderNames(text).size;
}

/** The button types a message's `sub_type` may address: an authentication template's one-time
 *  password button is sent as a `url` button. Unlisted types are not checked. */
const SUB_TYPES = { QUICK_REPLY: ["QUICK_REPLY"], URL: ["URL", "OTP"], COPY_CODE: ["COPY_CODE"], FLOW: ["FLOW"], CATALOG: ["CATALOG"], MPM: ["MPM"] };

/** Meta's refusals, by code: `{ code, title, details }`. */
const refusal = (code, title, details) => ({ code, title, details });
const countMismatch = (where, given, expected) =>
  refusal(132000, "Number of parameters does not match the expected number of params", `${where}: number of localizable_params (${given}) does not match the expected number of params (${expected})`);
const formatMismatch = (where, expected, received) =>
  refusal(132012, "Parameter format does not match format in the created template", `${where}: Format mismatch, expected ${expected}, received ${received}`);

/** The component types a template has (Meta's message_templates reference). */
const COMPONENT_TYPES = ["HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL", "LIMITED_TIME_OFFER", "CALL_PERMISSION_REQUEST"];

/** Why a template to create is malformed (a field and what is wrong with it), or null. */
export function templateFault(body) {
  if (typeof body?.name !== "string" || !/^[a-z0-9_]{1,512}$/.test(body.name)) return "name must be at most 512 lowercase letters, digits and underscores";
  if (typeof body.language !== "string" || !body.language) return "language must be a language code such as en_US";
  if (!["MARKETING", "UTILITY", "AUTHENTICATION"].includes(String(body.category).toUpperCase())) return "category must be one of {MARKETING, UTILITY, AUTHENTICATION}";
  if (!Array.isArray(body.components) || !body.components.length) return "components must be a non-empty array";
  // Meta's template components reference: the lengths and counts a template is created within
  // (characters, as WhatsApp counts them; 1MSG's addTemplate passes Meta's on).
  const longer = (text, max) => typeof text === "string" && [...text].length > max;
  for (const [i, c] of body.components.entries()) {
    if (!c || typeof c !== "object" || !COMPONENT_TYPES.includes(String(c.type).toUpperCase())) return `components[${i}] must be an object whose type is one of {${COMPONENT_TYPES.join(", ")}}`;
    const type = String(c.type).toUpperCase();
    if (type === "BUTTONS" && (!Array.isArray(c.buttons) || c.buttons.some((b) => !b || typeof b !== "object"))) return `components[${i}]['buttons'] must be an array of buttons`;
    if (type === "BODY" && longer(c.text, LIMITS.ONEMSG_TEMPLATE_BODY_MAX_CHARS)) return `components[${i}]['text'] must be at most ${LIMITS.ONEMSG_TEMPLATE_BODY_MAX_CHARS} characters`;
    if ((type === "HEADER" || type === "FOOTER") && longer(c.text, LIMITS.ONEMSG_TEMPLATE_HEADER_FOOTER_MAX_CHARS)) return `components[${i}]['text'] must be at most ${LIMITS.ONEMSG_TEMPLATE_HEADER_FOOTER_MAX_CHARS} characters`;
    if (type === "BUTTONS" && c.buttons.length > LIMITS.ONEMSG_TEMPLATE_BUTTONS_MAX) return `components[${i}]['buttons'] must have at most ${LIMITS.ONEMSG_TEMPLATE_BUTTONS_MAX} buttons`;
    const long = type === "BUTTONS" ? c.buttons.findIndex((b) => longer(b.text, LIMITS.ONEMSG_TEMPLATE_BUTTON_TEXT_MAX_CHARS)) : -1;
    if (long >= 0) return `components[${i}]['buttons'][${long}]['text'] must be at most ${LIMITS.ONEMSG_TEMPLATE_BUTTON_TEXT_MAX_CHARS} characters`;
  }
  if (!body.components.some((c) => String(c.type).toUpperCase() === "BODY")) return "components must have a BODY";
  return null;
}

/** A registry of templates by name and language, starting with `seeds`. */
export class TemplateRegistry {
  constructor(seeds, newId) {
    this.seeds = seeds;
    this.newId = newId;
    this.reset();
  }

  reset() {
    this.byKey = new Map();
    for (const seed of this.seeds) this.add(seed);
  }

  /** Adds a template (approved unless it says otherwise); returns it with its id. */
  add(template) {
    const copy = structuredClone(template);
    const stored = { id: this.newId(), ...copy, status: copy.status ?? "APPROVED", category: copy.category ?? "UTILITY" };
    this.byKey.set(`${stored.name}:${stored.language}`, stored);
    return stored;
  }

  get(name, language) {
    return this.byKey.get(`${name}:${language}`);
  }

  has(name, language) {
    return this.byKey.has(`${name}:${language}`);
  }

  /** Removes every language of `name` (Meta's DELETE by name); how many were removed. */
  remove(name) {
    const keys = [...this.byKey.values()].filter((t) => t.name === name).map((t) => `${t.name}:${t.language}`);
    for (const key of keys) this.byKey.delete(key);
    return keys.length;
  }

  list() {
    return [...this.byKey.values()];
  }

  /**
   * Why WhatsApp would not send template `name` in `language` with `components` (the
   * message's components, Meta's spelling): `{ code, title, details }`, or null when it would.
   */
  refusal(name, language, components) {
    const template = this.get(name, language);
    if (!template) return refusal(132001, "Template name does not exist in the translation", `template name (${name}) does not exist in ${language}`);
    switch (String(template.status).toUpperCase()) {
      case "APPROVED":
        return parameterRefusal(template, Array.isArray(components) ? components : []);
      case "PAUSED":
        return refusal(132015, "Template is paused", `Template ${name} is paused due to low quality so it cannot be sent in a template message`);
      case "DISABLED":
        return refusal(132016, "Template is disabled", `Template ${name} has been disabled due to low quality so it cannot be sent in a template message`);
      default:
        return refusal(132001, "Template name does not exist in the translation", `template ${name} (${language}) is ${template.status}, not approved`);
    }
  }
}

/** A named template's parameters must each name one of its placeholders, and name them all
 *  (positional ones are counted only). Meta answers a missing name with error 100. */
function namedRefusal(where, text, params, format) {
  const names = placeholderNames(text);
  const isNamed = String(format).toUpperCase() === "NAMED" || [...names].some((n) => !/^\d+$/.test(n));
  if (!isNamed) return null;
  if (params.some((p) => typeof p?.parameter_name !== "string" || !p.parameter_name)) {
    return refusal(100, "Invalid parameter", "Parameter name is missing or empty");
  }
  const unknown = params.find((p) => !names.has(p.parameter_name));
  if (unknown) return countMismatch(`${where}: parameter ${unknown.parameter_name}`, params.length, names.size);
  return null;
}

/** The header, body and buttons of a message checked against its template's. Components the
 *  sandbox does not model (carousel cards, limited-time offers) are not checked. */
function parameterRefusal(template, components) {
  const part = (type) => (Array.isArray(template.components) ? template.components : []).find((c) => String(c?.type).toUpperCase() === type);
  const given = (type) => components.filter((c) => String(c?.type).toLowerCase() === type);
  const params = (component) => (Array.isArray(component?.parameters) ? component.parameters : []);

  const header = part("HEADER");
  const headerParams = params(given("header")[0]);
  const format = String(header?.format ?? "TEXT").toUpperCase();
  if (header && format !== "TEXT") {
    // A media (or location) header is always a parameter of its format.
    const received = String(headerParams[0]?.type ?? "UNKNOWN").toUpperCase();
    if (received !== format) return formatMismatch("header", format, received);
    if (headerParams.length !== 1) return countMismatch("header", headerParams.length, 1);
  } else {
    const other = headerParams.find((p) => String(p?.type).toLowerCase() !== "text");
    if (header && other) return formatMismatch("header", "TEXT", String(other.type).toUpperCase());
    const expected = placeholders(header?.text);
    if (headerParams.length !== expected) return countMismatch("header", headerParams.length, expected);
    const named = namedRefusal("header", header?.text, headerParams, template.parameter_format);
    if (named) return named;
  }

  const body = part("BODY");
  const bodyParams = params(given("body")[0]);
  // An authentication template's body is WhatsApp's own text around one parameter, the code.
  const authentication = String(template.category).toUpperCase() === "AUTHENTICATION" && body?.text === undefined;
  const expected = authentication ? 1 : placeholders(body?.text);
  if (bodyParams.length !== expected) return countMismatch("body", bodyParams.length, expected);
  const named = namedRefusal("body", body?.text, bodyParams, template.parameter_format);
  if (named) return named;

  const buttons = Array.isArray(part("BUTTONS")?.buttons) ? part("BUTTONS").buttons : [];
  const sent = given("button");
  const indexes = sent.map((b) => Number(b.index));
  const repeated = indexes.find((index, i) => indexes.indexOf(index) !== i);
  if (repeated !== undefined) return refusal(100, "Invalid parameter", `button at index ${repeated}: given twice`);
  for (const b of sent) {
    const where = `button at index ${b.index}`;
    const button = buttons[Number(b.index)];
    if (!button) return countMismatch(where, params(b).length, 0);
    const subType = String(b.sub_type).toUpperCase();
    const type = String(button.type).toUpperCase();
    if (SUB_TYPES[subType] && !SUB_TYPES[subType].includes(type)) return formatMismatch(where, type, subType);
    if (type === "URL" && params(b).length !== placeholders(button.url)) return countMismatch(where, params(b).length, placeholders(button.url));
  }
  // A URL button with a placeholder needs its parameter.
  for (const [index, button] of buttons.entries()) {
    const dynamic = String(button.type).toUpperCase() === "URL" && placeholders(button.url) > 0;
    if (dynamic && !sent.some((b) => Number(b.index) === index)) return countMismatch(`button at index ${index}`, 0, placeholders(button.url));
  }
  return null;
}
