// Deno: validate and send a message, to the in-process sandbox unless WHATSAPP_TOKEN is set.
//   deno run --allow-env=WHATSAPP_TOKEN,WHATSAPP_PHONE_NUMBER_ID --allow-net=graph.facebook.com main.ts
// (with the package from npm: import from "npm:wabridge"; this folder uses node_modules.)
import { MetaClient, type Message, validate } from "wabridge";
import { createSandbox } from "wabridge/sandbox";

const token = Deno.env.get("WHATSAPP_TOKEN");
const sandbox = token ? null : createSandbox({ enforceWindow: false });
const client = sandbox
  ? new MetaClient(sandbox.clientOptions("meta"))
  : new MetaClient({ token: token!, phoneNumberId: Deno.env.get("WHATSAPP_PHONE_NUMBER_ID")! });

const message: Message = {
  to: "+16505551234",
  content: { type: "list", body: "Choose a slot", button: "Slots", sections: [{ rows: [{ id: "am", title: "Morning" }, { id: "pm", title: "Afternoon" }] }] },
};

const violations = validate(message, "meta");
if (violations.length) {
  console.error(violations);
  Deno.exit(1);
}
const { messageId } = await client.send(message);
await sandbox?.settle();
console.log(JSON.stringify({ messageId, statuses: sandbox?.messages()[0]?.statuses ?? null }));
