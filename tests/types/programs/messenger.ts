// One messenger, any provider: the provider picked by configuration, the same send / reply /
// markRead / webhook calls, the send result narrowed to the provider's own answer. No DOM or
// Node API beyond Request/Response. Lines marked "@ts-expect-error" must fail to compile.
import { CAPABILITIES, UnsupportedError, createMessenger, parsePhoneNumber, type Messenger, type MessengerOptions, type SentMessage, type Support } from "wabridge";

const configured: MessengerOptions =
  Math.random() < 0.5
    ? { provider: "meta", token: "token", phoneNumberId: "106540352242922", webhookSecret: "app-secret", verifyToken: "v" }
    : { provider: "1msg", token: "token", instanceId: "123456", webhookSecret: "url-token" };
const messenger: Messenger = createMessenger(configured);

export async function fetchHandler(request: Request): Promise<Response> {
  return messenger.handleWebhook(request, {
    on: {
      message: async (event) => {
        const sent: SentMessage = await messenger.reply(event, { type: "text", body: `Thanks, ${event.from?.name ?? "there"}!` });
        console.log(sent.id, sent.provider);
        await messenger.markRead(event.id ?? "").catch((error: unknown) => {
          if (error instanceof UnsupportedError) console.log(error.provider, error.kind);
        });
      },
    },
  });
}

// The provider's type follows the options given: its client and its send answer.
const bird = createMessenger({ provider: "bird", accessKey: "k", workspaceId: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6", channelId: "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52" });
export async function birdSend(): Promise<string> {
  const sent = await bird.send({ to: "+31612345678", content: { type: "text", body: "Hi" } }, { tags: ["welcome"] });
  const status: string = sent.result.status;
  await bird.client.getContactChannel("6134ace9-615f-4da9-8587-e4a74e7e3fb3");
  return `${sent.id} ${status}`;
}
// @ts-expect-error Meta's client has no getContactChannel
createMessenger({ provider: "meta", token: "t", phoneNumberId: "1" }).client.getContactChannel("x");
// @ts-expect-error Bird's options need a channel
createMessenger({ provider: "bird", accessKey: "k", workspaceId: "w" });
// What each provider carries, before sending: per kind, its support and endpoint.
const listOn1msg: Support = CAPABILITIES["1msg"].list.support;
const endpoint: string = CAPABILITIES.bird.carousel.endpoint;
console.log(listOn1msg, endpoint);
// @ts-expect-error not a content kind
console.log(CAPABILITIES.meta.fax);
// Fitting while sending: every change, and a split's further messages.
export async function fitted(messenger: Messenger): Promise<string[]> {
  const sent = await messenger.send({ to: "+44 20 7946 0958", content: { type: "text", body: "Hi" } }, { fit: "truncate" });
  const more: string[] = (sent.more ?? []).map((part) => part.id);
  const where: Array<string | undefined> = sent.changes.map((change) => change.source);
  // @ts-expect-error not a fit mode
  await messenger.send({ to: "+16505551234", content: { type: "text", body: "Hi" } }, { fit: "squeeze" });
  return [...more, ...where.filter((w): w is string => w !== undefined)];
}
// Phone numbers, and what each provider leaves out of a kind.
const number: { countryCode: number; e164: string } = parsePhoneNumber("020 7946 0958", "GB");
const footerOnBird: boolean = CAPABILITIES.bird.list.fields["footer"]?.carried ?? true;
const whyMimeType: string | undefined = CAPABILITIES.bird.document.required["mimeType"];
console.log(number, footerOnBird, whyMimeType);
// A provider known only at run time: the result and the messenger narrow by `provider`.
export async function narrowed(options: MessengerOptions): Promise<string> {
  const m = createMessenger(options);
  const sent = await m.send({ to: "+16505551234", content: { type: "text", body: "Hi" } });
  if (sent.provider === "bird") return sent.result.status;
  if (m.provider === "bird") await m.client.getContactChannel("6134ace9-615f-4da9-8587-e4a74e7e3fb3");
  if (m.provider === "meta") {
    const read: { success: boolean } = await m.markRead("wamid.1");
    console.log(read.success);
  }
  return sent.id;
}
// Bird's delivery options are Bird's: a Meta messenger takes { fit } alone.
const metaMessenger = createMessenger({ provider: "meta", token: "t", phoneNumberId: "1" });
// @ts-expect-error scheduling is Bird's
void metaMessenger.send({ to: "+16505551234", content: { type: "text", body: "later" } }, { scheduledFor: "2026-12-24T09:00:00Z" });
void metaMessenger.send({ to: "+16505551234", content: { type: "text", body: "now" } }, { fit: "adapt" });
// A reaction through reply goes on the event's message.
export const reacted = (m: Messenger, event: Parameters<Messenger["reply"]>[0]) => m.reply(event, { type: "reaction", emoji: "👍" });
// A split send that failed part-way carries what was sent and what was not.
export function resend(error: unknown): number {
  if (error instanceof UnsupportedError || !(error instanceof Error)) return 0;
  const failed = error as import("wabridge").WabridgeError;
  return (failed.sent?.length ?? 0) + (failed.unsent?.length ?? 0);
}

// An address form (India): its answer comes back as an `addressReply` event.
export async function askAddress(event: { kind: string; flowResponse?: unknown }): Promise<string> {
  if (event.kind === "addressReply") return JSON.stringify(event.flowResponse);
  const sent = await messenger.send({
    to: "+919876543210",
    content: { type: "addressRequest", body: "Where should we deliver?", country: "IN", values: { name: "Asha Rao" }, savedAddresses: [{ id: "home", value: { city: "Mumbai" } }] },
  });
  return sent.id;
}
// @ts-expect-error the address form serves IN and SG only
messenger.send({ to: "+919876543210", content: { type: "addressRequest", body: "Where?", country: "US" } });
