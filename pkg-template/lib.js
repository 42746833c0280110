// Everything the main entry exports, whatever the runtime; the entry next to this file loads
// the wasm module first (or, in browsers, `init()` does). The sandbox is not here: it is its
// own subpath, `wabridge/sandbox`, so that `import "wabridge"` stays small.
export * from "./wasm/index.js";
export { LIMITS, MEDIA_RULES } from "./limits.js";
export { CAPABILITIES } from "./capabilities.js";
export { MetaClient, BirdClient, OneMsgClient, isServiceWindowOpen } from "./clients.js";
export { createMessenger } from "./messenger.js";
export {
  answerMetaChallenge, expressWebhook, handleWebhook, MemoryDedupeStore, nodeWebhookListener, readWebhook,
  receiveWebhook, verifyRequest, verifyWebhook,
} from "./webhooks.js";
