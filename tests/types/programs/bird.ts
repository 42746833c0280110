// A typical Bird program: BirdClient with Bird's delivery options, Bird's own request bodies
// (a template by Studio project, a list with sections) sent with sendBody, the contact's
// customer-care window before a free-form message, and a 422's fields narrowed. No DOM or Node
// API: compiled in every setup. Lines marked "@ts-expect-error" must fail to compile.
import {
  BirdClient,
  ProviderError,
  UnsupportedError,
  ValidationError,
  WabridgeError,
  type BirdBody,
  type BirdContact,
  type BirdMessageStatus,
  type BirdRequestBody,
  type BirdSendOptions,
  type BirdSendResult,
  type BirdTemplate,
  type ContactChannel,
  type Message,
} from "wabridge";

const client = new BirdClient({
  accessKey: "bird-access-key",
  workspaceId: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6",
  channelId: "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52",
  timeoutMs: 15_000,
  retry: { maxRetries: 2, baseDelayMs: 250 },
});

const customer = "+31612345678";
const receiver: { contacts: BirdContact[] } = { contacts: [{ identifierKey: "phonenumber", identifierValue: customer }] };

// A neutral message with Bird's delivery options.
const sale: Message = { to: customer, callbackData: "spring-sale-000123", content: { type: "text", body: "Spring sale: 20% off at https://shop.example.com/spring", previewUrl: true } };
const options: BirdSendOptions = {
  reference: "spring-sale-000123",
  useCase: "marketing",
  capFrequency: true,
  enableLinkTracking: true,
  ignoreQuietHours: false,
  tags: ["spring-sale", "newsletter_nl"],
  shortLinks: { domain: "default" },
  scheduledFor: "2026-12-15T09:30:00Z",
  validity: 86_400,
};

// Bird's own bodies: a template by Studio project, and a list with sections.
const renewal: BirdTemplate = {
  projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318",
  version: "latest",
  locale: "en",
  parameters: [
    { type: "string", key: "name", value: "Robert" },
    { type: "string", key: "url", value: "?campaignid=123456" },
    { type: "number", key: "discount", value: 20 },
    { type: "boolean", key: "vip", value: true },
  ],
};
const templateRequest: BirdRequestBody = { receiver, template: renewal, tags: ["renewal"], meta: { extraInformation: { useCase: "marketing" } } };

const shipping: BirdBody = {
  type: "list",
  list: {
    title: "Shipping options",
    text: "Choose how fast",
    items: [
      { title: "Fast", actions: [{ type: "postback", postback: { text: "Express", payload: "express", metadata: { description: { label: "Next day" } } } }] },
      { title: "Cheap", actions: [{ type: "postback", postback: { text: "Ground", payload: "ground" } }, { type: "reply", reply: { text: "Pick up" } }] },
    ],
    metadata: { button: { label: "Options" } },
  },
};
const listRequest: BirdRequestBody = {
  receiver: { contacts: [{ id: "0bb03f70-fcc2-4795-9b5a-ff02e257c653" }] },
  body: shipping,
  replyTo: { id: "1e7b70ab-3dcc-48f4-a6f6-63a493f6134c", type: "message" },
  reference: "order-4512",
};
const cards: BirdBody = {
  type: "carousel",
  carousel: {
    text: "New this week",
    items: [1, 2].map((n) => ({ title: `Card ${n}`, mediaUrl: `https://media.example.com/${n}.jpg`, actions: [{ type: "link" as const, link: { text: "Shop", url: "https://shop.example.com" } }] })),
  },
};

/** What each send came back as: scheduled, accepted, or with Bird's warnings. */
function describe({ messageId, status, scheduledFor, warnings, failure }: BirdSendResult): string {
  const state: BirdMessageStatus = status;
  if (state === "scheduled") return `${messageId} scheduled for ${scheduledFor ?? "?"}`;
  if (state === "rejected" || state === "sending_failed") return `${messageId} ${state}: ${failure?.sourceName ?? ""} ${failure?.code ?? ""}`;
  return `${messageId} ${state}${warnings?.length ? ` (${warnings.join("; ")})` : ""}`;
}

export async function campaign(): Promise<string[]> {
  const results: BirdSendResult[] = [
    await client.send(sale, options),
    await client.send(sale),
    await client.sendBody(templateRequest),
    await client.sendBody(listRequest),
    await client.sendBody({ receiver, body: cards }),
    await client.sendBody(JSON.stringify(listRequest)),
  ];
  return results.map(describe);
}

/** A free-form message inside the customer-care window, else the template. */
export async function reply(contactId: string, message: Message): Promise<BirdSendResult | string[]> {
  const channel: ContactChannel = await client.getContactChannel(contactId, { contactIdentifierValue: customer });
  await client.getContactChannel(contactId);
  if (channel.templateRequired || !channel.serviceWindowOpen) return client.sendBody(templateRequest);
  // null when there is no window (Bird's docs), as it comes back at run time.
  const closesAt: string | null = channel.serviceWindowExpireAt;
  const permanent: boolean = channel.isPermanentSession;
  const labels: Record<string, string> = channel.metadata;
  void [closesAt, permanent, labels];
  try {
    return await client.send(message);
  } catch (error) {
    if (error instanceof ProviderError && error.provider === "bird") {
      if (error.fields) return error.fields.map(({ path, messages }) => `${path}: ${messages.join(", ")}`);
      const code: number | string | undefined = error.providerCode;
      return [`${error.httpStatus} ${error.reason} ${code ?? ""}${error.retryable ? " (retryable)" : ""}`];
    }
    if (error instanceof UnsupportedError) return [`${error.provider} cannot send ${error.kind}`];
    if (error instanceof ValidationError) return error.violations.map((v) => `${v.path} ${v.code}`);
    if (error instanceof WabridgeError) return [error.code];
    throw error;
  }
}

// Invalid shapes: each must fail to compile.
// @ts-expect-error a Bird request has a body or a template, not both
const both: BirdRequestBody = { receiver, body: shipping, template: renewal };
// @ts-expect-error a Bird request needs a body or a template
const neither: BirdRequestBody = { receiver };
// @ts-expect-error a carousel card has a title
const untitled: BirdBody = { type: "carousel", carousel: { text: "Pick", items: [{ mediaUrl: "https://media.example.com/1.jpg", actions: [] }] } };
// @ts-expect-error a receiver is a phone number or a contact id, not both
const twice: BirdContact = { id: "0bb03f70-fcc2-4795-9b5a-ff02e257c653", identifierValue: customer };
// @ts-expect-error a number parameter's value is a number
const stringly: BirdTemplate = { ...renewal, parameters: [{ type: "number", key: "discount", value: "20" }] };
// @ts-expect-error replyTo's type is message, click or referrals
const forwarded: BirdRequestBody = { receiver, body: shipping, replyTo: { id: "1e7b70ab-3dcc-48f4-a6f6-63a493f6134c", type: "forward" } };
// @ts-expect-error send options are Bird's delivery options
client.send(sale, { priority: "high" });
// @ts-expect-error tags are strings
client.send(sale, { tags: [1] });

export { both, neither, untitled, twice, stringly, forwarded };
