// Everything the main entry exports, whatever the runtime; the entry next to this file loads
// the wasm module first (or, in browsers, `init()` does). The sandbox is not here: it is its
// own subpath, `wabridge/sandbox`, so that `import "wabridge"` stays small.
// The wasm module's public functions and the error classes, by name: not `export *`, which
// also exported the core's internals (ClientCore, checkDelivery, webhookEvents, makeError),
// used by clients.js and webhooks.js only and declared nowhere. tests/js/exports.test.mjs
// checks that every entry exports exactly what index.d.ts declares.
export {
  checkMediaUpload, convert, endpointOf, fitMessage, fromProvider, init, initSync, metaChallenge, parsePhoneNumber,
  toProvider, toProviderJson, toProviderMany, validate, validateProvider,
} from "./wasm/index.js";
export {
  ArgumentError, ProviderError, SignatureError, TimeoutError, TransportError, UnexpectedResponseError, UnsupportedError,
  ValidationError, WabridgeError, WebhookError,
} from "./wasm/index.js";
export { LIMITS, MEDIA_RULES } from "./limits.js";
export { CAPABILITIES } from "./capabilities.js";
export { MetaClient, BirdClient, OneMsgClient, isServiceWindowOpen } from "./clients.js";
export { createMessenger } from "./messenger.js";
export {
  answerMetaChallenge, expressWebhook, handleWebhook, isStatusAfter, MemoryDedupeStore, nodeWebhookListener, readWebhook,
  receiveWebhook, verifyRequest, verifyWebhook,
} from "./webhooks.js";
