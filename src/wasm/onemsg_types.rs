//! TypeScript declarations of 1MSG's endpoints beyond sending (`OneMsgClient.me()`,
//! `templates()`, …): written by hand from docs/1msg-reference.md, because their answers
//! cross as 1MSG wrote them (JSON) and their bodies are checked by tables, not Rust types.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ONEMSG: &str = r#"
/** The channel's state (GET /status): "connected" and "connecting" are fine; a state 1MSG adds later (`loading`) comes through as it spells it. */
export type OneMsgChannelStatus = "connected" | "connecting" | "disconnected" | "uninitialized" | "unregistered" | (string & {});

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
export type OneMsgFileFields = { caption?: string; filename?: string; quotedMsgId?: string } &
  ({ phone: string | number; chatId?: never } | { chatId: string; phone?: never });

/** Webhook settings (GET/POST /settings): `webhookUrl: null` clears it. */
export interface OneMsgSettings {
  webhookUrl?: string | string[] | null; ackNotificationsOn?: boolean; guaranteedHooks?: boolean; rawHooks?: boolean;
}

/** Catalog and cart visibility (POST /commerce). */
export interface OneMsgCommerceParams { is_cart_enabled: boolean; is_catalog_visible: boolean }

/** A message's delivery status (GET /hookInfo): `read` and `viewed` both occur; another (`played`) comes through as 1MSG spells it. */
export type OneMsgAckStatus = "sent" | "delivered" | "read" | "viewed" | "failed" | (string & {});

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

/**
 * One period of GET /extendedStatistics (1MSG's spec 2.39, `channelExtendedStatistics`):
 * conversations and their prices. Prices and `quantity` are numbers (fractions of the account's
 * currency), the other counts integers.
 */
export interface OneMsgPeriodStatistics {
  /** The period's start, ISO 8601, e.g. "2022-11-01T00:00:00Z". */
  period_date: string;
  /** Conversations in the period. */
  quantity: number;
  paid_quantity: number;
  free_quantity: number;
  free_tier: number;
  free_entry_point: number;
  business_initiated_quantity: number;
  business_initiated_paid_quantity: number;
  business_initiated_price: number;
  user_initiated_quantity: number;
  user_initiated_paid_quantity: number;
  user_initiated_price: number;
  total_price: number;
}

/** The send methods whose bodies `OneMsgClient.sendBody` takes as 1MSG's own. */
export type OneMsgSendMethod =
  | "sendMessage" | "sendFile" | "sendButton" | "sendList" | "sendTemplate" | "sendContact" | "sendLocation"
  | "sendReaction" | "sendLocationRequest" | "sendAddressMessage" | "sendCarousel" | "sendCtaUrl" | "sendSticker" | "sendFlow"
  | "sendProduct";

/**
 * Who a send goes to: exactly one of `phone` (digits with the country code, no "+": a number,
 * as the current API has it, or a string, as 2.39) and `chatId` (`<digits>@c.us`, or
 * `<id>@g.us` for a group).
 */
export type OneMsgRecipient =
  | { phone: number | string; chatId?: never }
  | { chatId: `${string}@c.us` | `${string}@g.us`; phone?: never };

/** The message a send replies to (a reaction's `quotedMsgId` is the message reacted to, and required). */
export interface OneMsgQuote { quotedMsgId?: string }

/** The template languages 1MSG's spec (2.39) lists: addTemplate's `language`, and the usual sendTemplate `language.code` (which takes any, as Meta adds languages). */
export type OneMsgLanguage =
  | "af" | "sq" | "ar" | "az" | "bn" | "bg" | "ca" | "zh_CN" | "zh_HK" | "zh_TW" | "hr" | "cs" | "da" | "nl" | "en" | "en_GB"
  | "en_US" | "et" | "fil" | "fi" | "fr" | "de" | "el" | "gu" | "he" | "hi" | "hu" | "id" | "ga" | "it" | "ja" | "kn" | "kk" | "ko"
  | "lo" | "lv" | "lt" | "mk" | "ms" | "mr" | "nb" | "fa" | "pl" | "pt_BR" | "pt_PT" | "pa" | "ro" | "ru" | "sr" | "sk" | "sl" | "es"
  | "es_AR" | "es_ES" | "es_MX" | "sw" | "sv" | "ta" | "te" | "th" | "tr" | "uk" | "ur" | "uz" | "vi";

/** A file by its uploaded `id` or its `link`, exactly one; `filename` names a document. */
export type OneMsgMediaRef =
  | { link: string; id?: never; filename?: string }
  | { id: string; link?: never; filename?: string };

/** sendButton's and sendCtaUrl's header: the Cloud API's interactive header. */
export type OneMsgInteractiveHeader =
  | { type: "text"; text: string }
  | { type: "image"; image: OneMsgMediaRef }
  | { type: "video"; video: OneMsgMediaRef }
  | { type: "document"; document: OneMsgMediaRef };

/** A contact card (sendContact): the Cloud API's, in its snake_case. */
export interface OneMsgContact {
  name: { formatted_name: string; first_name?: string; last_name?: string; middle_name?: string; suffix?: string; prefix?: string };
  addresses?: { street?: string; city?: string; state?: string; zip?: string; country?: string; country_code?: string; type?: string }[];
  /** YYYY-MM-DD. */
  birthday?: string;
  emails?: { email?: string; type?: string }[];
  org?: { company?: string; department?: string; title?: string };
  phones?: { phone?: string; type?: string; wa_id?: string }[];
  urls?: { url?: string; type?: string }[];
}

/**
 * A template's date-time parameter as 1MSG spells it: the calendar fields inside `component`
 * (the day of the week by name or 1–7 from Monday), or the moment as `unix_epoch`.
 */
export type OneMsgDateTime = { fallback_value: string } & (
  | {
      component?: {
        day_of_week?: "MONDAY" | "TUESDAY" | "WEDNESDAY" | "THURSDAY" | "FRIDAY" | "SATURDAY" | "SUNDAY" | number;
        year?: number; month?: number; day_of_month?: number; hour?: number; minute?: number;
        calendar?: "GREGORIAN" | "SOLAR_HIJRI";
      };
      unix_epoch?: never;
    }
  | { unix_epoch: { timestamp: number }; component?: never }
);

/** A header's or body's parameter of sendTemplate (`text` ≤ 1024 characters in a body). */
export type OneMsgTemplateParameter =
  | { type: "text"; text: string; parameter_name?: string }
  | {
      type: "currency";
      /** `amount_1000`: the amount times 1000 (100990 is 100.99); `fallback_value` is shown where the currency cannot be formatted. */
      currency: { currency_code: string; amount_1000: number; fallback_value: string };
      parameter_name?: string;
    }
  | { type: "date_time"; date_time: OneMsgDateTime; parameter_name?: string }
  | { type: "image"; image: OneMsgMediaRef }
  | { type: "video"; video: OneMsgMediaRef }
  | { type: "document"; document: OneMsgMediaRef }
  /** A location header's place (the Cloud API's parameter, which 1MSG forwards); coordinates as numbers or decimal strings. */
  | {
      type: "location";
      location: { latitude: number | string; longitude: number | string; name?: string; address?: string };
    }
  /** A product as a header (a single-product template, a product card's header). */
  | { type: "product"; product: { product_retailer_id: string; catalog_id: string } };

/** The expiry of a limited-time offer template, in milliseconds since the epoch (the Cloud API's component, which 1MSG forwards). */
export interface OneMsgTemplateLimitedTimeOffer {
  type: "limited_time_offer";
  parameters: [{ type: "limited_time_offer"; limited_time_offer: { expiration_time_ms: number } }];
}

/** A template button's parameters, by its `sub_type`; `index` is its position (0–9), a number or its digits. */
export type OneMsgTemplateButton = { type: "button"; index: number | `${number}` } & (
  | { sub_type: "quick_reply"; parameters: { type: "payload"; payload: string }[] }
  | { sub_type: "url"; parameters: { type: "text"; text: string }[] }
  | { sub_type: "copy_code"; parameters: { type: "coupon_code"; coupon_code: string }[] }
  | {
      sub_type: "flow" | "FLOW";
      parameters: { type: "action"; action: { flow_token?: string; flow_action_data?: Record<string, unknown> } }[];
    }
  | {
      sub_type: "catalog" | "CATALOG" | "mpm";
      parameters: {
        type: "action";
        action: {
          thumbnail_product_retailer_id?: string;
          sections?: { title?: string; product_items: { product_retailer_id: string }[] }[];
        };
      }[];
    }
);

/** A component of sendTemplate's `params`, or of one of its carousel's cards. */
export type OneMsgTemplateComponent =
  | { type: "header"; parameters: OneMsgTemplateParameter[] }
  | { type: "body"; parameters: OneMsgTemplateParameter[] }
  | OneMsgTemplateButton;

/** A carousel template's cards (2–10), each with its own components. */
export interface OneMsgTemplateCarousel {
  type: "CAROUSEL" | "carousel";
  cards: { card_index: number; components: OneMsgTemplateComponent[] }[];
}

/** A card component of sendCarousel: a media or product header, a body text, a URL button or quick replies. */
export type OneMsgCarouselCardComponent =
  | {
      type: "header";
      parameters: [
        | { type: "image"; image: { link: string } }
        | { type: "video"; video: { link: string } }
        | { type: "product"; product: { catalog_id: string; product_retailer_id: string } },
      ];
    }
  | { type: "body"; parameters: [{ type: "text"; text: string }] }
  | { type: "button"; sub_type: "url"; index?: number | `${number}`; parameters: { text: string; url: string } }
  | { type: "button"; sub_type: "quick_reply"; index?: number | `${number}`; parameters: { id: string; text: string }[] };

/** sendProduct's `action` for one product of a catalog. */
export interface OneMsgProductAction { catalog_id: string; product_retailer_id: string; sections?: never }

/** sendProduct's `action` for a product list: 1–10 sections (a title each when more than one) of products. */
export interface OneMsgProductListAction {
  catalog_id: string;
  sections: { title?: string; product_items: { product_retailer_id: string }[] }[];
  product_retailer_id?: never;
}

/**
 * Each send method's body beside its recipient (`OneMsgSendBody<M>` adds that), as 1MSG's
 * documentation and the validator take them; limits (lengths, counts) are checked at run time.
 */
export interface OneMsgSendBodies {
  sendMessage: OneMsgQuote & { body: string };
  /** A file by URL or data: URI (`body`, with its `filename`, extension included) or by uploaded `mediaId` with its `mediaType`. */
  sendFile: OneMsgQuote & { caption?: string; voice?: boolean } & (
    | { body: string; filename: string; mediaId?: never; mediaType?: never }
    | { mediaId: string; mediaType: "image" | "video" | "audio" | "document"; filename?: string; body?: never }
  );
  sendSticker: OneMsgQuote & ({ mediaId: string; link?: never } | { link: string; mediaId?: never });
  /** Coordinates as decimal strings ("52.3676"); an address is shown only with a name. */
  sendLocation: OneMsgQuote & { lat: string; lng: string } & (
    | { name?: string; address?: never }
    | { name: string; address: string }
  );
  sendLocationRequest: OneMsgQuote & { body: string };
  /** WhatsApp's address form (India, Singapore): `country` defaults to "IN"; `values`
   *  prefills its fields, `saved_addresses` offers earlier ones, `validation_errors` asks again. */
  sendAddressMessage: OneMsgQuote & {
    body: string;
    country?: "IN" | "SG";
    values?: Record<string, string>;
    saved_addresses?: { id: string; value: Record<string, string> }[];
    validation_errors?: Record<string, string>;
  };
  /** One emoji, or "" to remove the reaction, on the message `quotedMsgId`. */
  sendReaction: { body: string; quotedMsgId: string };
  sendContact: OneMsgQuote & { contacts: OneMsgContact[] };
  /** 1–3 reply buttons (id ≤ 200, title ≤ 20 characters). */
  sendButton: OneMsgQuote & {
    header?: OneMsgInteractiveHeader;
    body: string;
    footer?: string;
    sections: { type?: "reply"; reply: { id: string; title: string } }[];
  };
  /** `action` is the list's button label; 1–10 sections (a title each when more than one), rows with id ≤ 200, title ≤ 24, description ≤ 72. */
  sendList: OneMsgQuote & {
    header?: string;
    body: string;
    footer?: string;
    action: string;
    /** The current API's button text (≤ 20 characters) beside `action`; which of the two 1MSG shows is undocumented. */
    buttonText?: string;
    sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
  };
  sendCtaUrl: OneMsgQuote & { header?: OneMsgInteractiveHeader; body: string; footer?: string; displayText: string; url: string };
  /** An approved template by its `namespace` and name; `params` fill its header, body and buttons, or its carousel's cards. */
  sendTemplate: OneMsgQuote & {
    namespace: string;
    template: string;
    language: { policy?: "deterministic"; code: OneMsgLanguage | (string & {}) };
    params?: (OneMsgTemplateComponent | OneMsgTemplateLimitedTimeOffer | OneMsgTemplateCarousel)[];
    /** Send through the Marketing Messages API (MM Lite); by default, MARKETING templates do where the channel has it. */
    useMMlite?: boolean;
    /** Click-tracking webhooks (MM Lite only). */
    messageActivitySharing?: boolean;
    /** Time to live in seconds: -1 (30 days; AUTHENTICATION, UTILITY) or 30–2592000 (AUTHENTICATION 30–900, UTILITY 30–43200, MARKETING via MM Lite 43200–2592000). */
    messageSendTtlSeconds?: number;
  };
  /** `params` is one carousel of 2–10 cards, all media cards or all product cards. */
  sendCarousel: OneMsgQuote & {
    body?: string;
    params: [{ type: "CAROUSEL" | "carousel"; cards: { card_index?: number; components: OneMsgCarouselCardComponent[] }[] }];
  };
  sendFlow: OneMsgQuote & {
    header?: string | { type: "text"; text: string };
    body: string;
    footer?: string;
    flowId: string;
    flowToken: string;
    flowCta: string;
    flowAction?: "navigate" | "data_exchange";
    flowActionPayload?: { screen?: string; data?: Record<string, unknown> };
    flowActionScreen?: string;
    flowActionData?: Record<string, unknown>;
    flowMessageVersion?: "3";
    mode?: "draft" | "published";
  };
  /** One product (no header: its image is the header), or a product list, whose header and body are required. */
  sendProduct: OneMsgQuote & (
    | { header?: never; body?: string; footer?: string; action: OneMsgProductAction }
    | { header: string; body: string; footer?: string; action: OneMsgProductListAction }
  );
}

/** The body of send method `M`: its recipient and its fields. */
export type OneMsgSendBody<M extends OneMsgSendMethod = OneMsgSendMethod> = OneMsgRecipient & OneMsgSendBodies[M];
"#;
