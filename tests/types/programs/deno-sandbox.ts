// A Deno-style script: sends to the in-process sandbox unless a token is set, and checks
// the statuses it played out. `Deno` is declared in ambient/deno.d.ts.
import { MetaClient, type Message } from "wabridge";
import { createSandbox, type SandboxWebhook } from "wabridge/sandbox";

const token = Deno.env.get("WHATSAPP_TOKEN");
const sandbox = token ? null : createSandbox({ enforceWindow: false, seed: 7, webhooks: { onWebhook: (w) => console.log(w.event, w.payload) } });
const client = sandbox
  ? new MetaClient(sandbox.clientOptions("meta"))
  : new MetaClient({ token: token!, phoneNumberId: Deno.env.get("WHATSAPP_PHONE_NUMBER_ID")! });

const message = {
  to: "+16505551234",
  content: { type: "list", body: "Choose a slot", button: "Slots", sections: [{ rows: [{ id: "am", title: "Morning" }] }] },
} satisfies Message;

const { messageId } = await client.send(message);
await sandbox?.settle();
const hooks: SandboxWebhook[] = sandbox?.webhooks("meta") ?? [];
console.log(messageId, sandbox?.messages()[0]?.statuses.join(">"), hooks.length);
