// A typical 1MSG program: OneMsgClient sending neutral messages and 1MSG's own template body
// (sendBody("sendTemplate", …)), reading the channel's status before a campaign, managing
// templates, clearing the webhook, reading a message's acks and the message history, and
// telling a `sent: false` refusal from other errors. No DOM or Node API: compiled in every
// setup. Lines marked "@ts-expect-error" must fail to compile.
import {
  OneMsgClient,
  ProviderError,
  UnsupportedError,
  ValidationError,
  WabridgeError,
  type Message,
  type OneMsgAckStatus,
  type OneMsgChannelStatus,
  type OneMsgHookInfo,
  type OneMsgMessages,
  type OneMsgMessagesQuery,
  type OneMsgNewTemplate,
  type OneMsgProfileUpdate,
  type OneMsgSendBody,
  type OneMsgSendMethod,
  type OneMsgSendResult,
  type OneMsgSettings,
  type OneMsgTemplates,
} from "wabridge";

const client = new OneMsgClient({
  token: "1msg-channel-token",
  instanceId: "123456",
  timeoutMs: 15_000,
  retry: { maxRetries: 2, baseDelayMs: 250 },
});

const customer = "16505551234";

/** Whether the channel can send now: "connected" and "connecting" are fine. */
function canSend(status: OneMsgChannelStatus): boolean {
  switch (status) {
    case "connected":
    case "connecting":
      return true;
    case "disconnected":
    case "uninitialized":
    case "unregistered":
      return false;
    default:
      // A state 1MSG adds later comes through as it spells it: not known to be sendable.
      return false;
  }
}

// 1MSG's own template body: namespace, template, language {policy, code}, params as components.
// Annotated as the method's body: an unannotated object widens "deterministic" to string.
const orderShipped: OneMsgSendBody<"sendTemplate"> = {
  phone: 16505551234,
  namespace: "ca300906_cfbc_410b_99fb_dcee8e13d578",
  template: "order_shipped",
  language: { policy: "deterministic", code: "en_US" },
  params: [
    { type: "header", parameters: [{ type: "image", image: { link: "https://media.example.com/images/box.jpg" } }] },
    { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "currency", currency: { currency_code: "USD", amount_1000: 100990, fallback_value: "$100.99" } }] },
    { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "48213" }] },
  ],
};

export async function campaign(): Promise<string[]> {
  const { status } = await client.status();
  if (!canSend(status)) return [`channel ${status}`];
  const method: OneMsgSendMethod = "sendTemplate";
  const results: OneMsgSendResult[] = [
    await client.sendBody(method, orderShipped),
    await client.sendBody("sendTemplate", JSON.stringify(orderShipped)),
    await client.sendBody("sendProduct", { phone: 16505551234, action: { catalog_id: "194836987003835", product_retailer_id: "sku-4512" } }),
  ];
  return results.map(({ messageId, message, description, warnings }) => `${messageId} ${message ?? ""} ${description ?? ""} ${(warnings ?? []).join("; ")}`);
}

/** A reply inside the 24-hour session: marked read first, with a typing indicator. */
export async function reply(inbound: string, message: Message): Promise<OneMsgSendResult | string[]> {
  const read: { result?: string } = await client.markRead(inbound, { typing: true });
  await client.markRead(inbound);
  void read;
  try {
    return await client.send({ ...message, replyTo: inbound });
  } catch (error) {
    // HTTP 200 with `sent: false`: 1MSG took the request and refused the message.
    if (error instanceof ProviderError && error.provider === "1msg" && error.reason === "not_sent") {
      return [`not sent: ${error.message}${error.details ? ` (${error.details})` : ""}`];
    }
    if (error instanceof ProviderError) return [`${error.httpStatus} ${error.reason}${error.retryable ? " (retryable)" : ""}`];
    if (error instanceof UnsupportedError) return [`${error.provider} cannot send ${error.kind} (${error.path})`];
    if (error instanceof ValidationError) return error.violations.map((v) => `${v.path} ${v.code}${v.limit === undefined ? "" : ` (limit ${v.limit})`}`);
    if (error instanceof WabridgeError) return [error.code];
    throw error;
  }
}

/** The channel's templates by status; a new template; one removed. */
export async function templates(): Promise<Record<string, string[]>> {
  const list: OneMsgTemplates = await client.templates();
  const byStatus: Record<string, string[]> = {};
  for (const { name, language, status, category, rejected_reason } of list.templates) {
    (byStatus[status] ??= []).push(`${name} (${language}, ${category})${rejected_reason ? `: ${rejected_reason}` : ""}`);
  }
  const reminder: OneMsgNewTemplate = {
    name: "appointment_reminder",
    category: "UTILITY",
    language: "en_US",
    components: [
      { type: "HEADER", format: "TEXT", text: "Your appointment" },
      { type: "BODY", text: "Hi {{1}}, see you on {{2}}.", example: { body_text: [["Ana", "Friday"]] } },
      { type: "FOOTER", text: "Reply STOP to opt out" },
      { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Confirm" }, { type: "QUICK_REPLY", text: "Reschedule" }] },
    ],
    allow_category_change: true,
  };
  const created: Record<string, unknown> = await client.addTemplate(reminder);
  const removed: { result?: string } = await client.removeTemplate("old_reminder");
  void [created, removed];
  return byStatus;
}

/** Profile, webhook settings and the webhook's address. */
export async function configure(): Promise<void> {
  const profile: OneMsgProfileUpdate = { description: "Outdoor gear since 1998", vertical: "Shopping and Retail", websites: ["https://shop.example.com"] };
  await client.updateMe(profile);
  const { about, vertical } = await client.me();
  void [about, vertical];
  const cleared: OneMsgSettings & { update?: Record<string, unknown> } = await client.updateSettings({ webhookUrl: null });
  const url: string | string[] | null | undefined = cleared.webhookUrl;
  void url;
  await client.updateSettings({ webhookUrl: "https://hooks.example.com/1msg", ackNotificationsOn: true });
  const { set } = await client.setWebhook(["https://hooks.example.com/a", "https://hooks.example.com/b"]);
  const { result: ip } = await client.outputIP();
  await client.updateCommerce({ is_cart_enabled: true, is_catalog_visible: false });
  const [commerce] = await client.commerce();
  void [set, ip, commerce?.is_cart_enabled];
  const { templates_cost } = await client.statistics("03.2026");
  const { mediaId } = await client.uploadMedia("https://media.example.com/docs/catalogue.pdf");
  await client.deleteMedia(mediaId);
  void templates_cost;
}

/** Whether a message was delivered, from its acks. */
export async function delivered(messageId: string): Promise<boolean> {
  const info: OneMsgHookInfo = await client.hookInfo(messageId);
  return info.hooks.some(({ status }) => {
    const state: OneMsgAckStatus = status;
    // 1MSG reports "viewed" where the Cloud API says "read".
    return state === "delivered" || state === "read" || state === "viewed";
  });
}

/** The last messages of one chat, oldest first. */
export async function history(chatId: string): Promise<string[]> {
  const query: OneMsgMessagesQuery = { chatId, limit: 0, min_time: 1_700_000_000 };
  const { messages }: OneMsgMessages = await client.messages(query);
  await client.messages({ last: true });
  await client.messages();
  return messages
    .sort((a, b) => a.messageNumber - b.messageNumber)
    .map(({ fromMe, author, body, caption, time }) => `${new Date(time * 1000).toISOString()} ${fromMe ? "me" : author}: ${caption ?? body}`);
}

export const greeting: Message = { to: customer, content: { type: "text", body: "Hello from 1MSG 👋" } };

// Invalid shapes: each must fail to compile.
// @ts-expect-error sendBody takes a 1MSG send method
client.sendBody("sendFax", orderShipped);
// @ts-expect-error 1MSG's template categories are MARKETING, UTILITY and AUTHENTICATION (2.39's TRANSACTIONAL is gone)
const outdated: OneMsgNewTemplate = { name: "x", category: "TRANSACTIONAL", language: "en", components: [] };
// @ts-expect-error a vertical is one of the documented ones
const vertical: OneMsgProfileUpdate = { vertical: "Gardening" };
// @ts-expect-error limit is a number (0 for all)
const everything: OneMsgMessagesQuery = { limit: "all" };
// @ts-expect-error commerce takes both switches
client.updateCommerce({ is_cart_enabled: true });
// @ts-expect-error webhookUrl is a URL, several, or null to clear it
client.updateSettings({ webhookUrl: 42 });
// @ts-expect-error markRead's options are { typing }
client.markRead("wamid.X", { typingIndicator: true });
// @ts-expect-error statistics takes the month as a string (mm.YYYY)
client.statistics(3);

export { outdated, vertical, everything };
