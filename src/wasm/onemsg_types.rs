//! TypeScript declarations of 1MSG's endpoints beyond sending (`OneMsgClient.me()`,
//! `templates()`, …): written by hand from docs/1msg-reference.md, because their answers
//! cross as 1MSG wrote them (JSON) and their bodies are checked by tables, not Rust types.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ONEMSG: &str = r#"
/** The channel's state (GET /status): "connected" and "connecting" are fine. */
export type OneMsgChannelStatus = "connected" | "connecting" | "disconnected" | "uninitialized" | "unregistered";

/** The business profile's verticals (POST /me). */
export type OneMsgVertical =
  | "" | "Automotive" | "Beauty, Spa and Salon" | "Clothing and Apparel" | "Education" | "Entertainment"
  | "Event Planning and Service" | "Finance and Banking" | "Food and Grocery" | "Public Service"
  | "Hotel and Lodging" | "Medical and Health" | "Non-profit" | "Professional Services" | "Shopping and Retail"
  | "Travel and Transportation" | "Restaurant" | "Other";

/** The business profile (GET /me). */
export interface OneMsgProfile {
  about?: string; address?: string; description?: string; email?: string; phone?: string;
  vertical?: OneMsgVertical; photo?: string; websites?: string[];
}

/**
 * A profile update (POST /me): `description` ≤ 256 characters, `photo` an https URL, a data URI,
 * or the image itself (Blob, File, bytes: sent as a multipart form).
 */
export interface OneMsgProfileUpdate {
  about?: string; address?: string; description?: string; email?: string; vertical?: OneMsgVertical;
  photo?: string | Blob | Uint8Array | ArrayBuffer; websites?: string[];
}

/** sendFile's fields beside the file itself (`OneMsgClient.sendFile`): the recipient, exactly one of `phone` and `chatId`. */
export interface OneMsgFileFields {
  phone?: string | number; chatId?: string; caption?: string; filename?: string; quotedMsgId?: string;
}

/** Webhook settings (GET/POST /settings): `webhookUrl: null` clears it. */
export interface OneMsgSettings {
  webhookUrl?: string | string[] | null; ackNotificationsOn?: boolean; guaranteedHooks?: boolean; rawHooks?: boolean;
}

/** Catalog and cart visibility (POST /commerce). */
export interface OneMsgCommerceParams { is_cart_enabled: boolean; is_catalog_visible: boolean }

/** A message's delivery status (GET /hookInfo): `read` and `viewed` both occur. */
export type OneMsgAckStatus = "sent" | "delivered" | "read" | "viewed" | "failed";

/** GET /hookInfo: the status webhooks of one message. */
export interface OneMsgHookInfo {
  hooks: { id: string; type?: string; status: OneMsgAckStatus; timestamp?: string; recipient_id?: string; [field: string]: unknown }[];
}

/** GET /messages: which messages (`limit: 0` means all). */
export interface OneMsgMessagesQuery {
  last?: boolean; lastMessageNumber?: number; firstMessageNumber?: number; limit?: number; chatId?: string;
  min_time?: number; max_time?: number; msgId?: string;
}

/** GET /messages. */
export interface OneMsgMessages {
  messages: {
    messageNumber: number; id: string; body: string; fromMe: boolean; author: string; time: number; chatId: string;
    type: string; senderName?: string; caption?: string | null; quotedMsgId?: string | null; [field: string]: unknown;
  }[];
}

/** A template to create (POST /addTemplate): name in lower-case letters, digits and underscores. */
export interface OneMsgNewTemplate {
  name: string;
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  language: string;
  components: { type: "HEADER" | "BODY" | "FOOTER" | "BUTTONS" | "CAROUSEL"; [field: string]: unknown }[];
  allow_category_change?: boolean;
}

/** GET /templates. */
export interface OneMsgTemplates {
  total?: number;
  templates: { name: string; namespace: string; language: string; category: string; status: string; rejected_reason?: string; components: unknown[] }[];
}

/** The send methods whose bodies `OneMsgClient.sendBody` takes as 1MSG's own. */
export type OneMsgSendMethod =
  | "sendMessage" | "sendFile" | "sendButton" | "sendList" | "sendTemplate" | "sendContact" | "sendLocation"
  | "sendReaction" | "sendLocationRequest" | "sendCarousel" | "sendCtaUrl" | "sendSticker" | "sendFlow" | "sendProduct";
"#;
