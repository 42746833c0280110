// A test that reads the sandbox's configuration as a tool outside the process would (GET
// /__sandbox/config, typed `SandboxConfig`) and verifies the sandbox's webhooks with the
// secrets it publishes. No DOM or Node API: compiled in every setup. Lines marked
// "@ts-expect-error" must fail to compile.
import { MetaClient, receiveWebhook, verifyWebhook } from "wabridge";
import { SANDBOX_WEBHOOK_SECRETS, createSandbox, type SandboxConfig } from "wabridge/sandbox";

const sandbox = createSandbox({ seed: 4 });
const config: SandboxConfig = sandbox.config();
const client = new MetaClient({ ...config.meta, fetch: sandbox.fetch });
const metaSecret: string = config.webhookSecrets.meta ?? SANDBOX_WEBHOOK_SECRETS.meta;
const literal: "sandbox-bird-signing-key" = SANDBOX_WEBHOOK_SECRETS.bird;

sandbox.receive({ provider: "meta", from: "+16505551234", text: "hi" });
await sandbox.settle();
for (const hook of sandbox.webhooks("meta")) {
  verifyWebhook("meta", { body: hook.body, headers: hook.headers ?? {} }, { secret: metaSecret });
}
const [bird] = sandbox.webhooks("bird");
if (bird && config.webhookSecrets.bird !== null) {
  receiveWebhook("bird", { body: bird.body, headers: bird.headers ?? {}, url: bird.url ?? "" }, { secret: config.webhookSecrets.bird });
}

// @ts-expect-error a secret given to createSandbox is reported as null: not a string for sure
const unchecked: string = config.webhookSecrets.meta;
// @ts-expect-error the published secrets are read-only
SANDBOX_WEBHOOK_SECRETS.meta = "other";

export { client, literal, unchecked };
