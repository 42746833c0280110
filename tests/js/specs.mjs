// The three providers' machine-readable specs, compiled once with ajv, for every test that
// checks a body against its provider's own contract: Meta's OpenAPI (allOf-patched, v23.0),
// Bird's Channels OpenAPI (CreateMessage) and 1MSG's OpenAPI 2.39. Each place where a spec
// contradicts its provider's documentation, or cannot be compiled as written, is a named,
// commented allowance below — never validation switched off. The spec tests
// (meta-spec, bird-spec, onemsg-spec) prove the allowances necessary and no wider than needed.
//
//   specErrors.meta(body)            → ajv errors ([] = Meta's spec accepts the body)
//   specErrors.bird(body)            → ajv errors ([] = Bird's spec accepts the body)
//   specErrors["1msg"](body, method) → ajv errors ([] = 2.39 accepts it, or has no schema
//                                      for the method: see hasSpec)
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const readJson = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

// ---------------------------------------------------------------------------------------------
// Meta: the Cloud API's OpenAPI spec (allOf-patched), JSON Schema 2020-12.
// ---------------------------------------------------------------------------------------------

const metaSpec = readJson("../fixtures/meta/spec/business-messaging-api_v23.0.allof-patched.json");

/**
 * The spec's known defects (../shared/specs/README.md and the Meta docs), each corrected
 * where the spec contradicts Meta's documentation. Every allowance widens exactly one rule.
 */
export const META_ALLOWANCES = {
  // Docs document cta_url, location_request_message, carousel and address_message interactive
  // messages; the spec's enum lacks them, and its ActionObject has no shape for their actions.
  // The shapes added here are the documented ones, as strict as the spec's own branches.
  interactiveTypes(schemas) {
    schemas.InteractiveObject.properties.type.enum.push("cta_url", "location_request_message", "carousel", "address_message");
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
      // Address messages: the form's country (IN), its prefilled values, saved addresses and errors.
      strict({
        name: { enum: ["address_message"] },
        parameters: strict({
          country: { enum: ["IN", "SG"] },
          values: { type: "object", additionalProperties: { type: "string" } },
          saved_addresses: { type: "array", items: strict({ id: text, value: { type: "object", additionalProperties: { type: "string" } } }, ["id", "value"]) },
          validation_errors: { type: "object", additionalProperties: { type: "string" } },
        }, ["country"]),
      }, ["name", "parameters"]),
      strict({ cards: { type: "array", minItems: 2, maxItems: 10, items: card } }, ["cards"]),
    );
  },
  // Meta's contacts reference documents phone types CELL, MAIN and IPHONE besides HOME and
  // WORK; the spec allows only the last two.
  phoneTypes(schemas) {
    schemas.PhoneObject.properties.type.enum.push("CELL", "MAIN", "IPHONE");
  },
  // Button index is the button's 0-based position; the spec's pattern "^[2-6, 11-14]$" is a
  // one-character class that rejects "0" (Meta's own examples send "0" and 0).
  buttonIndex(schemas) {
    for (const schema of [schemas.TemplateComponent.properties.index, schemas.ButtonComponent.allOf[1].properties.index]) {
      schema.pattern = "^[0-9]$";
    }
  },
  // language.policy is optional in the docs (only one of Meta's nine template examples sends it).
  optionalPolicy(schemas) {
    schemas.LanguageObject.required = ["code"];
  },
  // Docs document copy_code, flow and mpm button sub types; the spec lists three.
  buttonSubTypes(schemas) {
    for (const schema of [schemas.TemplateComponent.properties.sub_type, schemas.ButtonComponent.allOf[1].properties.sub_type]) {
      schema.enum.push("copy_code", "flow", "mpm");
    }
  },
  // Latitude and longitude are numbers in Meta's examples and webhooks; the spec types them as strings.
  numericCoordinates(schemas) {
    const location = schemas.LocationMessage.allOf[1].properties.location.properties;
    location.latitude.type = location.longitude.type = ["string", "number"];
  },
  // biz_opaque_callback_data (an arbitrary string of at most 512 characters, echoed in the
  // message's status webhooks) is a documented field of every message; the spec does not
  // declare it, so its unevaluatedProperties:false rejects it (docs/research/meta-kinds.md,
  // "Spec vs docs at a glance", 1). Declared here as the docs give it.
  callbackData(schemas) {
    schemas.BaseMessageProperties.properties.biz_opaque_callback_data = { type: "string", maxLength: 512 };
  },
  // recipient_type defaults to individual (docs); Meta's own examples leave it out.
  optionalRecipientType(schemas) {
    schemas.BaseMessageProperties.required = schemas.BaseMessageProperties.required.filter((f) => f !== "recipient_type");
  },
};
for (const allow of Object.values(META_ALLOWANCES)) allow(metaSpec.components.schemas);

const metaAjv = new Ajv2020({ strict: false, allErrors: true });
addFormats(metaAjv);
metaAjv.addSchema({ ...metaSpec, $id: "meta-spec" });
/** Meta's `Message` schema (with the allowances): an ajv validator (`.errors` after a call). */
export const validateMetaMessage = metaAjv.compile({ $ref: "meta-spec#/components/schemas/Message" });

// ---------------------------------------------------------------------------------------------
// Bird: the Channels API's OpenAPI 3.0.3 spec, schema CreateMessage (tests/fixtures/specs has a
// copy of ../shared/specs/bird, so that the tests run from a clone of the repository alone).
// ---------------------------------------------------------------------------------------------

const birdSpec = readJson("../fixtures/specs/bird-channels-send-message.openapi.json");

/**
 * Where the spec cannot be compiled or read as written (docs/bird-reference.md, "Spec vs docs
 * disagreements"). None widens a rule of the schema: what wabridge emits validates against the
 * spec's own shapes. The spec's other defects are gaps (it accepts what Bird's docs forbid):
 * those are checked in bird-spec.test.mjs, in "the spec's gaps", against validateProvider.
 */
export const BIRD_ALLOWANCES = {
  // Defect 7: ActionLink.url's pattern "{{[^{}]+}}" is not a valid Unicode-mode regex (a
  // lone "{" is a syntax error with the u flag); ajv compiles it only with unicodeRegExp:false
  // (an option of the Ajv instance below). The pattern's meaning is unchanged.
  nonUnicodePattern: { unicodeRegExp: false },
  // Template.locale names the format "locale-bcp47", which neither JSON Schema nor OpenAPI
  // defines. Defined here as BCP 47's shape: a 2–3 letter language, then subtags of 2–8
  // letters or digits joined by "-" (e.g. "en", "pt-BR", "zh-Hant-TW").
  localeFormat(ajv) {
    ajv.addFormat("locale-bcp47", /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
  },
  // TypeLocation's coordinates use OpenAPI's "float" format, which JSON Schema does not define:
  // any finite number (the spec's own minimum/maximum still apply).
  floatFormat(ajv) {
    ajv.addFormat("float", { type: "number", validate: Number.isFinite });
  },
};

// OpenAPI 3.0.3 schemas are draft-04/07 style (`nullable`, which ajv supports): the default Ajv.
// strict:false because the spec carries OpenAPI-only keywords (discriminator with a mapping,
// example, readOnly); `discriminator` is ignored and the oneOf branches decide on their own.
const birdAjv = new Ajv({ strict: false, allErrors: true, ...BIRD_ALLOWANCES.nonUnicodePattern });
addFormats(birdAjv);
BIRD_ALLOWANCES.localeFormat(birdAjv);
BIRD_ALLOWANCES.floatFormat(birdAjv);
birdAjv.addSchema({ ...birdSpec, $id: "bird-spec" });
/** Bird's `CreateMessage` schema: an ajv validator (`.errors` after a call). */
export const validateBirdCreateMessage = birdAjv.compile({ $ref: "bird-spec#/components/schemas/CreateMessage" });

// ---------------------------------------------------------------------------------------------
// 1MSG: OpenAPI 2.39 (swagger.waba.json; tests/fixtures/specs has a copy of ../shared/specs/1msg).
// ---------------------------------------------------------------------------------------------

/** 1MSG's OpenAPI 2.39, as written (no allowances). */
export const onemsgRawSpec = readJson("../fixtures/specs/1msg-swagger.waba.json");

/** Where 2.39 has each method's request body, or null where it has none (the 1.0.0 summary only). */
export const ONEMSG_SPEC_PATH = {
  sendMessage: "/sendMessage", sendFile: "/sendFile", sendList: "/sendList", sendLocation: "/sendLocation", sendContact: "/sendContact",
  sendTemplate: "/sendTemplate", sendProduct: "/sendProduct", me: "/me", settings: "/settings", commerce: "/commerce",
  webhook: "/webhook", readMessage: "/readMessage", addTemplate: "/addTemplate", removeTemplate: "/removeTemplate",
  uploadMedia: "/uploadMedia",
  sendButton: null, sendLocationRequest: null, sendAddressMessage: null, sendReaction: null, sendSticker: null, sendCtaUrl: null, sendCarousel: null, sendFlow: null,
};

/**
 * Where 2.39 is wrong or outdated (docs/1msg-reference.md, "Disagreements and choices" and
 * "Validation against 2.39"). Each patches one rule of a copy of the spec, to what 1MSG's
 * current API (the 1.0.0 operations summary, [O]) and help pages document; DEFECTS in
 * onemsg-spec.test.mjs proves each is needed. Everything else in the spec applies as written.
 */
export const ONEMSG_ALLOWANCES = {
  // PhoneProp.phone is a string in 2.39; the current API ([O]) types it as an integer on
  // sendMessage, sendFile, sendLocation, sendCarousel, sendCtaUrl, sendSticker and sendFlow,
  // and the fixtures follow [O] per method (wabridge writes a number). Both are accepted.
  phoneAsInteger(spec) {
    spec.components.schemas.PhoneProp.properties.phone.type = ["string", "integer"];
  },
  // SendFileRequest requires body and filename: 2.39 predates sending an uploaded file by
  // mediaId + mediaType ([O]), which needs neither.
  sendFileByMediaId(spec) {
    const own = spec.components.schemas.SendFileRequest.allOf[0];
    delete own.required;
    Object.assign(own.properties, {
      mediaId: { type: "string" },
      mediaType: { type: "string", enum: ["image", "video", "audio", "document"] },
      voice: { type: "boolean" },
    });
    own.oneOf = [{ required: ["body", "filename"] }, { required: ["mediaId", "mediaType"] }];
  },
  // SendContactRequest requires `body`, a field sendContact does not have (a copy-paste bug
  // of 2.39); its own description, and [O], make `contacts` the required field.
  sendContactBogusBody(spec) {
    spec.components.schemas.SendContactRequest.allOf[0].required = ["contacts"];
  },
  // TemplateCategoryProp lists MARKETING, TRANSACTIONAL, OTP: Meta's categories before 2023.
  // 1MSG's template help ([H-add]) and the current API take MARKETING, UTILITY, AUTHENTICATION.
  templateCategories(spec) {
    spec.components.schemas.TemplateCategoryProp.enum = ["MARKETING", "UTILITY", "AUTHENTICATION"];
  },
  // TemplateComponentsProp has no CAROUSEL component ([H-car], [H-send]) and no OTP button
  // (AUTHENTICATION templates, [M]).
  templateComponentTypes(spec) {
    const component = spec.components.schemas.TemplateComponentsProp.items.properties;
    component.type.enum.push("CAROUSEL");
    component.buttons.items.properties.type.enum.push("OTP");
  },
  // GetMessages' caption and quotedMsgId are plain strings, yet 2.39's own example has them
  // null (as do production captures, [OBS]): nullable.
  nullableMessageFields(spec) {
    const message = spec.components.schemas.GetMessages.properties.messages.items.properties;
    message.caption.nullable = true;
    message.quotedMsgId.nullable = true;
  },
};
// Not allowances, because nothing of ours meets them: 2.39's sendTemplate `params.items`
// models parameter-level fields (currency, date_time) rather than the component objects its
// own description and example use — the schema allows other keys, so components validate
// against nothing; and day_of_week mixes integers 1–7 into a `type: string` enum (they can
// never validate; the fixtures send "FRIDAY").

/**
 * Ajv over OpenAPI 3.0 schemas (draft-04/07 style; ajv honours `nullable`). strict:false
 * because the spec carries OpenAPI-only keywords (example, and examples of the wrong type).
 */
function onemsgValidators(spec) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...spec, $id: "1msg" });
  const cache = new Map();
  const at = (pointer) => {
    if (!cache.has(pointer)) cache.set(pointer, ajv.compile({ $ref: `1msg#${pointer}` }));
    return cache.get(pointer);
  };
  /** The pointer of `ref`'s target's JSON schema (`…/content/application~1json/schema`). */
  const content = (ref) => `${ref.slice(1)}/content/application~1json/schema`;
  return {
    /** The validator of the request body of POST `path`, or null where 2.39 has none. */
    request(path) {
      const ref = spec.paths[path]?.post?.requestBody?.$ref;
      return ref ? at(content(ref)) : null;
    },
    /** The validator of the HTTP 200 answer of `method path`, or null. */
    response(path, method) {
      const ref = spec.paths[path]?.[method]?.responses?.["200"]?.$ref;
      return ref ? at(content(ref)) : null;
    },
    unauthorized: at("/components/responses/Unauthorized/content/application~1json/schema"),
    /** The declared query parameters of GET `path`, by name, each with a validator. */
    parameters(path) {
      const declared = spec.paths[path]?.get?.parameters;
      if (!declared) return null;
      return Object.fromEntries(declared.map(({ $ref }) => {
        const parameter = $ref.slice(2).split("/").reduce((o, k) => o[k], spec);
        return [parameter.name, { required: parameter.required === true, validate: at(`${$ref.slice(1)}/schema`) }];
      }));
    },
  };
}

const onemsgPatchedSpec = structuredClone(onemsgRawSpec);
for (const allow of Object.values(ONEMSG_ALLOWANCES)) allow(onemsgPatchedSpec);
/** 2.39 with the allowances: request, response, unauthorized and parameters validators. */
export const onemsgPatched = onemsgValidators(onemsgPatchedSpec);
/** 2.39 as written, to prove each allowance needed. */
export const onemsgAsWritten = onemsgValidators(onemsgRawSpec);

/** The validator of `method`'s request body in 2.39 (with the allowances), or null where it has none. */
export const onemsgRequestValidator = (method) => (ONEMSG_SPEC_PATH[method] ? onemsgPatched.request(ONEMSG_SPEC_PATH[method]) : null);

// ---------------------------------------------------------------------------------------------

const errorsAfter = (validate, body) => (validate(body) ? [] : [...(validate.errors ?? [])]);

/** What each provider's spec says of a request body: its ajv errors, [] when it accepts it. */
export const specErrors = {
  meta: (body) => errorsAfter(validateMetaMessage, body),
  bird: (body) => errorsAfter(validateBirdCreateMessage, body),
  /** 1MSG's body of `method` (the operation); [] where 2.39 has no schema for the method (hasSpec). */
  "1msg": (body, method) => {
    const validate = onemsgRequestValidator(method);
    return validate ? errorsAfter(validate, body) : [];
  },
};

/** Whether the provider's spec has a schema for the operation's body (1MSG's 2.39 lacks some methods). */
export const hasSpec = (provider, operation) => (provider === "1msg" ? onemsgRequestValidator(operation) !== null : true);
