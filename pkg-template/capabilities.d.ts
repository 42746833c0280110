import type { Content, Provider } from "./wasm/wabridge.js";

/** Whether a provider carries a content kind: `yes`; `notYet` (the provider documents it, this version of wabridge does not send it there yet: `UnsupportedError`); `never` (the provider cannot express it: `UnsupportedError`). */
export type Support = "yes" | "notYet" | "never";

/**
 * A field of the neutral model that a provider does not carry as it is given. Its name (the
 * key of `fields`) is its JSON pointer below `/content` (`"footer"`, `"header"`,
 * `"previewUrl"`; an array index written as `*`), or from the root, leading `/` included,
 * for the message's own fields (`"/callbackData"`).
 */
export interface FieldSupport {
  readonly carried: false;
  /** Why, in the codec's words. */
  readonly why: string;
  /**
   * What `convert` does with a message that has it: `lossy`, sends it without the field (a
   * `lossy` change at its pointer); `reshaped`, sends it as something else (a `reshaped`
   * change there: Bird's sticker, an image); `refused`, refuses the message (`UnsupportedError`
   * at the field's pointer). `toProvider`, which changes nothing, refuses most `lossy` fields
   * too, but not a hint the provider reads from the file itself (`mimeType`).
   */
  readonly change: "lossy" | "reshaped" | "refused";
  /**
   * Only in these forms, where the field's other forms are carried: `"image"`, `"video"`,
   * `"document"` (a media header where a text header is carried), `"text"` (a text header
   * where a media header is carried: Bird's reply buttons), `"data: URI"` (media given inline
   * rather than by URL). Absent: in every form.
   */
  readonly when?: readonly string[];
}

/**
 * A limit a provider keeps to that is stricter than the neutral model's (`LIMITS`), by the
 * field's name as in {@link FieldSupport}: the longest string in characters, or with `items`
 * the most items of an array. `toProvider` refuses one more with a `ValidationError` whose
 * violation at that field has this `limit`.
 */
export interface FieldLimit {
  readonly max: number;
  /** The neutral model's own limit; `null` where it has none. */
  readonly neutral: number | null;
  readonly items?: true;
}

/** What a provider does with one content kind. */
export interface KindSupport {
  readonly support: Support;
  /** The endpoint messages of the kind go to (1MSG: the method). */
  readonly endpoint: string;
  /** Every field not carried as it is given (empty when all are, and for kinds not carried); every field not listed is carried. */
  readonly fields: { readonly [field: string]: FieldSupport };
  /** Every limit stricter than the neutral model's (empty when none). */
  readonly limits: { readonly [field: string]: FieldLimit };
  /** Every field the neutral model makes optional that this provider needs, with why (a `ValidationError` at it when missing). */
  readonly required: { readonly [field: string]: string };
}

/**
 * What each provider carries, per content kind of the neutral model, and the endpoint it goes
 * to (1MSG: the method), with the fields it leaves out or refuses and the limits it keeps to
 * that are stricter than the model's. Deeply frozen. Generated from each provider's codec: its
 * kind table, and what it does with a message of each kind that sets every optional field (and
 * a few variants of it: media by id or inline, a media header).
 */
export declare const CAPABILITIES: {
  readonly [P in Provider]: { readonly [K in Content["type"]]: KindSupport };
};
