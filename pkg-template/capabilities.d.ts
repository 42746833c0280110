import type { Content, Provider } from "./wasm/wabridge.js";

/** Whether a provider carries a content kind: `yes`; `notYet` (the provider documents it, this version of wabridge does not send it there yet: `UnsupportedError`); `never` (the provider cannot express it: `UnsupportedError`). */
export type Support = "yes" | "notYet" | "never";

/** What each provider carries, per content kind of the neutral model, and the endpoint it goes to (1MSG: the method): each provider's codec table, as data. */
export declare const CAPABILITIES: {
  readonly [P in Provider]: { readonly [K in Content["type"]]: { readonly support: Support; readonly endpoint: string } };
};
