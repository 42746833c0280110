//! TypeScript declarations of webhook events (`readWebhook`, `handleWebhook`'s handlers):
//! written by hand, as `event::write` spells them, because events cross as JSON text.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_WEBHOOK_EVENTS: &str = r#"
/** A customer, a recipient, or your own number on the provider. */
export interface WebhookParty {
  /** The provider's id: Meta's WhatsApp id (`wa_id`, or the BSUID when the number is hidden), Bird's contact or channel id, 1MSG's chat id (`…@c.us`, `<BSUID>@lid`; Meta's `wa_id` when 1MSG forwards the Cloud API's bodies, its `rawHooks` setting: `phone` is the same in both) or instance id. */
  id?: string;
  /** The phone number in E.164, `+` first: what a message's `to` takes to answer. Absent when the customer hides it behind a username. */
  phone?: string;
  name?: string;
  /** WhatsApp's business-scoped user id (BSUID, `US.13491208655302741918`): the customer's id for your business, given even when their number is hidden (Meta `user_id`, Bird `whatsappbsuid`, 1MSG `authorBsuid`). */
  userId?: string;
  /** The customer's WhatsApp username, when they adopted one: for display (it can change), not an id. */
  username?: string;
}

interface WebhookEventBase {
  provider: Provider;
  /** The same for every delivery of the same event (providers redeliver): what `handleWebhook`'s duplicate filter keys on. Absent where the provider gives the event no id (Meta's account, template and group updates and value-level errors, 1MSG's channel notifications): such a notification can recur the same to the byte as a new one, so its handler runs on every delivery. */
  key?: string;
  /** The provider's id of the message: the inbound one, or the one a status is about. */
  id?: string;
  /** When it happened, in milliseconds since the Unix epoch. */
  timestamp?: number;
  /** Your side: Meta's phone number id and display number, Bird's channel id and number, 1MSG's instance id. */
  channel?: WebhookParty;
  /** The provider's own object for this event, exactly as it arrived. */
  raw: Record<string, unknown>;
}

/** What kind of message a customer sent; a provider's own name for a kind this library does not know passes through. */
export type InboundKind =
  | "text" | "image" | "video" | "audio" | "document" | "sticker" | "location" | "contacts" | "reaction"
  | "buttonReply" | "listReply" | "flowReply" | "addressReply" | "button" | "postback" | "reply" | "interactive" | "order" | "system"
  | "unsupported" | "requestWelcome" | (string & {});

/** Media a customer sent: an id (Meta) or a URL (Bird, 1MSG); `messenger.downloadMedia(media)` fetches it (or a client's `downloadMedia`). */
export interface InboundMedia {
  id?: string;
  url?: string;
  mimeType?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  /** A voice note. */
  voice?: true;
  animated?: true;
}

/** An error a provider reports about a message, or outside one. */
export interface WebhookFault {
  code?: number;
  title?: string;
  message?: string;
  details?: string;
  /** Bird: the step that failed. */
  source?: { code?: string; name?: string };
  href?: string;
}

/** A message from a customer (also an echo of yours, `fromMe`: 1MSG's, Meta's coexistence echoes). */
export interface WebhookMessage extends WebhookEventBase {
  type: "message";
  /** The customer, whom an answer goes to: the sender, or on an echo (`fromMe`) the chat it was sent to. */
  from?: WebhookParty;
  kind: InboundKind;
  /** The words of it: the text, a caption, the title of the button or row tapped. */
  text?: string;
  /** The message as neutral content, where it maps: send it back, or answer it, in one line. A file's id or link is the provider's own: to send it through another provider, download it first (`downloadMedia`, which also gives its type); 1MSG names no file type, so a video, audio or document from it needs a `mimeType` before Bird or 1MSG take it again. */
  content?: Content;
  media?: InboundMedia;
  /** The button, list row or postback tapped: the id (payload) you gave it and its title (1MSG gives the title only). */
  reply?: { id?: string; title?: string; description?: string };
  context?: {
    /** The message replied to (or tapped in). */
    messageId?: string;
    from?: string;
    /** Bird's `replyTo.type`. */
    type?: "message" | "click" | "referrals" | (string & {});
    forwarded?: true;
    frequentlyForwarded?: true;
    /** Meta: the product asked about. */
    referredProduct?: { catalogId: string; productRetailerId: string };
  };
  /** A Flow's answer, or the address form's (`addressReply`): Meta `nfm_reply.response_json`, parsed. */
  flowResponse?: unknown;
  /** Meta: the click-to-WhatsApp ad the conversation started from. */
  referral?: {
    sourceUrl?: string; sourceId?: string; sourceType?: "ad" | "post" | (string & {}); body?: string; headline?: string;
    mediaType?: "image" | "video" | (string & {}); imageUrl?: string; videoUrl?: string; thumbnailUrl?: string;
    ctwaClid?: string; welcomeMessage?: { text?: string };
  };
  /** Meta: a cart sent from the catalog. */
  order?: {
    catalogId?: string; text?: string;
    productItems?: { productRetailerId: string; quantity: number; itemPrice: number; currency: string }[];
  };
  /** Meta: a system message (a customer changed number: `newWaId` for `customer_changed_number`, `waId` in older versions; a user id changed: `previousUserId`, `userId`). */
  system?: { body?: string; type?: string; waId?: string; newWaId?: string; customer?: string; identity?: string; userId?: string; parentUserId?: string; previousUserId?: string; previousParentUserId?: string };
  errors?: WebhookFault[];
  /** An echo of a message your business sent (1MSG reports both directions; Meta, with coexistence, what was sent from the WhatsApp Business app: `smb_message_echoes`); false for a customer's message. `handleWebhook` gives echoes to `on.echo`, never to `on.message`. */
  fromMe: boolean;
  /** 1MSG: the chat it is in (`…@c.us`, or `…@g.us` for a group). */
  chatId?: string;
  /** The group it was sent in (Meta's `group_id`, 1MSG's `…@g.us` chat; with 1MSG's `rawHooks`, Meta's group id, which 1MSG cannot send to): answer there, `{ to: group, recipientType: "group" }` (what `messenger.reply` does), not to `from`, the member who wrote. */
  group?: string;
  /** WhatsApp's own id where the provider's differs (Bird's `parts[].platformReference`). */
  whatsappId?: string;
}

/** A message's status in one vocabulary: Meta `read` and 1MSG `viewed` are `read`; Bird's `rejected`, `sending_failed` and `delivery_failed` are `failed`. */
export type MessageStatus =
  | "accepted" | "processing" | "scheduled" | "sent" | "delivered" | "read" | "played" | "failed" | "deleted" | "skipped" | "other";

/** A change in the status of a message you sent. */
export interface WebhookStatus extends WebhookEventBase {
  type: "status";
  /** The message the status is about. */
  id?: string;
  recipient?: WebhookParty;
  /** Meta, a message sent to a group: the member this status is from (`recipient_participant_id`, `recipient_participant_user_id`); `recipient` is the group. */
  participant?: WebhookParty;
  status: MessageStatus;
  /** The provider's own word (`viewed`, `delivery_failed`, …). */
  providerStatus: string;
  errors?: WebhookFault[];
  /** Meta's pricing of the message. */
  pricing?: { billable?: boolean; pricingModel?: string; category?: string; type?: string };
  /** Meta's conversation. */
  conversation?: { id?: string; expirationTimestamp?: string | number; origin?: { type?: string } };
  /** Your reference, echoed: a message's `callbackData` (Meta `biz_opaque_callback_data`, Bird `reference`). */
  callbackData?: string;
  /** Bird's reason. */
  reason?: string;
  whatsappId?: string;
}

/** Errors a provider reports outside any message (Meta's value-level `errors`). */
export interface WebhookErrorNotice extends WebhookEventBase {
  type: "error";
  errors: WebhookFault[];
}

/** A notification this library does not read (group updates, Bird interactions, …): kept, never rejected. */
export interface WebhookOther extends Omit<WebhookEventBase, "raw"> {
  type: "other";
  /** Meta's change `field`, Bird's `event`, 1MSG's top-level key. */
  name: string;
  /** The provider's own value for it, exactly as it arrived: an object, or (1MSG's `status`, `chatUpdate`, …) a string, an array or another value. */
  raw: unknown;
}

/** One thing a webhook delivery tells, discriminated by `type`. */
export type WebhookEvent = WebhookMessage | WebhookStatus | WebhookErrorNotice | WebhookOther;
"#;
