// What the Meta serializer emits, for every kind, validates against Meta's (allOf-patched)
// OpenAPI spec with ajv — with each documented defect of the spec handled by a named,
// commented allowance below, never by switching validation off.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { sampleMessages } from "../../examples/messages.mjs";
import { wabridge } from "./helpers.mjs";

const spec = JSON.parse(readFileSync(new URL("../fixtures/meta/spec/business-messaging-api_v23.0.allof-patched.json", import.meta.url), "utf8"));
const schemas = spec.components.schemas;

/**
 * The spec's known defects (../shared/specs/README.md and the Meta docs), each corrected
 * where the spec contradicts Meta's documentation. Every allowance widens exactly one rule.
 */
const ALLOWANCES = {
  // Docs document cta_url, location_request_message and carousel interactive messages; the
  // spec's enum lacks them, and its ActionObject has no shape for their actions. The shapes
  // added here are the documented ones, as strict as the spec's own branches.
  interactiveTypes() {
    schemas.InteractiveObject.properties.type.enum.push("cta_url", "location_request_message", "carousel");
    const strict = (properties, required) => ({ type: "object", additionalProperties: false, required, properties });
    const text = { type: "string" };
    const media = { type: "object", properties: { id: text, link: text } };
    const ctaParameters = strict({ display_text: { type: "string", maxLength: 20 }, url: { type: "string", format: "uri" } }, ["display_text", "url"]);
    const reply = strict({ type: { enum: ["quick_reply"] }, quick_reply: strict({ id: text, title: { type: "string", maxLength: 20 } }, ["id", "title"]) }, ["type", "quick_reply"]);
    const card = strict({
      card_index: { type: "integer", minimum: 0, maximum: 9 },
      type: { enum: ["cta_url", "product"] },
      header: strict({ type: { enum: ["image", "video"] }, image: media, video: media }, ["type"]),
      body: strict({ text: { type: "string", maxLength: 160 } }, ["text"]),
      action: strict({ name: { enum: ["cta_url"] }, parameters: ctaParameters, buttons: { type: "array", items: reply }, product_retailer_id: text, catalog_id: text }, []),
    }, ["card_index", "action"]);
    schemas.ActionObject.oneOf.push(
      strict({ name: { enum: ["cta_url"] }, parameters: ctaParameters }, ["name", "parameters"]),
      strict({ name: { enum: ["send_location"] } }, ["name"]),
      strict({ cards: { type: "array", minItems: 2, maxItems: 10, items: card } }, ["cards"]),
    );
  },
  // Meta's contacts reference documents phone types CELL, MAIN and IPHONE besides HOME and
  // WORK; the spec allows only the last two.
  phoneTypes() {
    schemas.PhoneObject.properties.type.enum.push("CELL", "MAIN", "IPHONE");
  },
  // Button index is the button's 0-based position; the spec's pattern "^[2-6, 11-14]$" is a
  // one-character class that rejects "0" (Meta's own examples send "0" and 0).
  buttonIndex() {
    for (const schema of [schemas.TemplateComponent.properties.index, schemas.ButtonComponent.allOf[1].properties.index]) {
      schema.pattern = "^[0-9]$";
    }
  },
  // language.policy is optional in the docs (only one of Meta's nine template examples sends it).
  optionalPolicy() {
    schemas.LanguageObject.required = ["code"];
  },
  // Docs document copy_code, flow and mpm button sub types; the spec lists three.
  buttonSubTypes() {
    for (const schema of [schemas.TemplateComponent.properties.sub_type, schemas.ButtonComponent.allOf[1].properties.sub_type]) {
      schema.enum.push("copy_code", "flow", "mpm");
    }
  },
  // Latitude and longitude are numbers in Meta's examples and webhooks; the spec types them as strings.
  numericCoordinates() {
    const location = schemas.LocationMessage.allOf[1].properties.location.properties;
    location.latitude.type = location.longitude.type = ["string", "number"];
  },
  // recipient_type defaults to individual (docs); Meta's own examples leave it out.
  optionalRecipientType() {
    schemas.BaseMessageProperties.required = schemas.BaseMessageProperties.required.filter((f) => f !== "recipient_type");
  },
};
for (const allow of Object.values(ALLOWANCES)) allow();

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...spec, $id: "meta-spec" });
const validateMessage = ajv.compile({ $ref: "meta-spec#/components/schemas/Message" });

for (const [kind, message] of sampleMessages("+16505551234", { replyTo: "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=" })) {
  test(`${kind}: the Meta body validates against Meta's spec`, () => {
    const body = wabridge.toProvider("meta", message);
    const valid = validateMessage(body);
    assert.ok(valid, `${JSON.stringify(body)}\n${JSON.stringify(validateMessage.errors?.slice(0, 5), null, 1)}`);
  });
}

test("the allowances still reject what the spec rightly rejects", () => {
  const body = wabridge.toProvider("meta", { to: "+16505551234", content: { type: "text", body: "hi" } });
  assert.equal(validateMessage({ ...body, colour: "red" }), false);
  assert.equal(validateMessage({ ...body, type: "interactive", interactive: { type: "telegram" } }), false);
});
