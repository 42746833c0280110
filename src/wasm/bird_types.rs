//! TypeScript declarations of Bird's own request body (`BirdClient.sendBody`,
//! `validateProvider("bird", …)`): written by hand, as Bird's page spells its fields, because
//! the Rust model (`provider::bird::model`) is read from JSON text and never crosses as a value.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_BIRD_REQUEST: &str = r#"
/**
 * A receiver: a phone number in +E.164 (`identifierKey` "phonenumber" may be left out), a
 * customer's business-scoped user id (`identifierKey` "whatsappbsuid"), or a Bird contact id (UUID).
 */
export type BirdContact =
  | { identifierKey?: "phonenumber"; identifierValue: string; id?: never }
  | { identifierKey: "whatsappbsuid"; identifierValue: string; id?: never }
  | { id: string; identifierKey?: never; identifierValue?: never };

/** A button or list row of a Bird body. */
export type BirdAction =
  | { type: "link"; link: { text: string; url: string } }
  | { type: "reply"; reply: { text: string; metadata?: { description?: { label: string } } } }
  | { type: "postback"; postback: { text: string; payload?: string; metadata?: { description?: { label: string } } } }
  | { type: "locationRequest"; locationRequest?: { text?: string } | null };

/** Bird's body types on WhatsApp. */
export type BirdBody =
  | { type: "text"; text: { text: string; actions?: BirdAction[]; metadata?: { whatsapp?: { previewUrl?: boolean } } } }
  | { type: "image"; image: { text?: string; images: { mediaUrl: string; altText?: string }[]; actions?: BirdAction[] } }
  | {
      type: "file";
      file: { text?: string; files: { mediaUrl: string; contentType: string; filename?: string; altText?: string }[]; actions?: BirdAction[] };
    }
  | {
      type: "location";
      location: { coordinates: { latitude: number; longitude: number }; location?: { address?: string; label?: string } };
    }
  | {
      type: "list";
      list: {
        title?: string;
        text: string;
        altText?: string;
        /** The sections: one item without a title for a list without sections. */
        items: { title?: string; actions: BirdAction[] }[];
        metadata?: { button?: { label: string } };
      };
    }
  | {
      type: "carousel";
      carousel: {
        text: string;
        /** 2–10 cards, all images (jpeg, png) or all videos (mp4, 3gpp), each with one link action. */
        items: { title: string; description?: string; mediaUrl: string; altText?: string; actions: BirdAction[] }[];
      };
    };

/** A template made in Bird Studio. */
export interface BirdTemplate {
  /** The Studio project's id (UUID). */
  projectId: string;
  /** `"latest"` or a version's UUID. */
  version: string;
  /** BCP 47, e.g. `"en"` or `"pt-BR"`. */
  locale: string;
  /** The template's variables, an image's URL and a button's URL suffix included. */
  parameters?: (
    | { type: "string"; key: string; value?: string }
    | { type: "number"; key: string; value?: number }
    | { type: "boolean"; key: string; value?: boolean }
  )[];
  /** A marketing template sent without Meta's MM Lite API (`disallowMmLite`; MM Lite disabled for the WABA). */
  settings?: { disallowMmLite?: boolean };
}

/** The options a Bird request carries at its top level (see `BirdSendOptions`). */
export interface BirdDeliveryFields {
  reference?: string;
  meta?: { extraInformation?: { useCase?: string; [key: string]: unknown } };
  capFrequency?: boolean;
  enableLinkTracking?: boolean;
  ignoreQuietHours?: boolean;
  ignoreGlobalHoldout?: boolean;
  tags?: string[];
  shortLinks?: { domain: string };
  scheduledFor?: string;
  validity?: number;
}

/** The body of Bird's `POST /workspaces/{ws}/channels/{ch}/messages`: exactly one of `body` and `template`. */
export type BirdRequestBody = BirdDeliveryFields & {
  receiver: { contacts: BirdContact[] };
  replyTo?: { id: string; type: "message" | "click" | "referrals"; order?: number };
} & ({ body: BirdBody; template?: never } | { template: BirdTemplate; body?: never });
"#;
