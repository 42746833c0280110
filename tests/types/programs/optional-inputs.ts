// Inputs whose optional fields are given as values that may be `undefined` (read from an
// event, a form, the environment), as a project on `exactOptionalPropertyTypes` writes them:
// every optional field of every input type takes `undefined` (the setups compile this with and
// without that option). No DOM or Node API: compiled in every setup.
import { OneMsgClient, endpointOf, type BirdRequestBody, type OneMsgSendBody, type WebhookParty } from "wabridge";
import { createSandbox, type FaultRule } from "wabridge/sandbox";

declare const maybe: string | undefined;
declare const flag: boolean | undefined;
declare const count: number | undefined;

const sandbox = createSandbox({ meta: { appSecret: maybe }, seed: count });
const onemsg = new OneMsgClient(sandbox.clientOptions("1msg"));
sandbox.receive({ provider: "meta", from: "+16505551234", text: maybe, replyTo: maybe });
const rule: FaultRule = { mode: "delay", delayMs: count, provider: "bird" };

export async function inputs(file: Blob): Promise<void> {
  await onemsg.sendFile(file, { phone: "16505551234", caption: maybe, filename: maybe, quotedMsgId: maybe });
  await onemsg.updateMe({ about: maybe, description: maybe });
  await onemsg.updateSettings({ ackNotificationsOn: flag, webhookUrl: maybe });
  await onemsg.messages({ min_time: count, chatId: maybe });
  const cta: OneMsgSendBody<"sendCtaUrl"> = { phone: "16505551234", body: "Track it", displayText: "Track", url: "https://example.com/t/1", quotedMsgId: maybe };
  await onemsg.sendBody("sendCtaUrl", cta);
}

const image: BirdRequestBody = {
  receiver: { contacts: [{ identifierValue: "+31612345678" }] },
  body: { type: "image", image: { text: maybe, images: [{ mediaUrl: "https://example.com/a.jpg", altText: maybe }] } },
};
const endpoint: string = endpointOf("meta", { markRead: { messageId: "wamid.1", typingIndicator: flag } });

// Found by the TS audit: nested object types, and fields after a comment with an apostrophe.
const options = sandbox.clientOptions("1msg", { baseUrl: maybe, viaFetch: flag });
const contact: OneMsgSendBody<"sendContact"> = { phone: 1, contacts: [{ name: { formatted_name: "Ann", first_name: maybe }, org: { company: maybe } }] };
const party: WebhookParty = { id: "1", userId: maybe };

export { contact, endpoint, image, options, party, rule };
