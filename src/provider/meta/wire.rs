//! Meta's request body for `POST /{version}/{phone-number-id}/messages`, field for field.
//! https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
//!
//! These types serialize only: reading Meta bodies walks the JSON (`read.rs`), which reports
//! every structural error and keeps a derived deserializer per type out of the wasm.
//! Objects whose shape several message types share (interactive actions, template components
//! and parameters) are one struct with every field optional, as Meta's reference describes
//! them. Media and location objects have the same field names on the wire as in the neutral
//! model and are reused.

use crate::message::{Location, Media, RecipientType};
use serde::Serialize;
use serde_json::{Map, Value};

/// The constant `messaging_product` every Cloud API request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MessagingProduct {
    #[serde(rename = "whatsapp")]
    WhatsApp,
}

/// Wire structs: every field optional and left out when absent, unknown fields refused.
macro_rules! wire {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }
    };
}

wire! {
    pub struct MetaMessage {
        messaging_product: MessagingProduct,
        /// Absent means `individual` (Meta's default); kept absent on a round trip.
        recipient_type: RecipientType,
        to: String,
        context: MetaContext,
        /// The message type. Meta's docs: optional, defaults to `text`.
        #[serde(rename = "type")]
        kind: String,
        biz_opaque_callback_data: String,
        text: MetaText,
        image: Media,
        video: Media,
        audio: Media,
        document: Media,
        sticker: Media,
        location: Location,
        contacts: Vec<MetaContact>,
        reaction: MetaReaction,
        interactive: MetaInteractive,
        template: MetaTemplate,
        // Mark as read and the typing indicator are sent to the same endpoint.
        status: String,
        message_id: String,
        typing_indicator: MetaTyped,
    }
}

wire! {
    pub struct MetaContext { message_id: String }
}

wire! {
    pub struct MetaText { body: String, preview_url: bool }
}

wire! {
    /// `{"type": …}`: the typing indicator, and the type of a header.
    pub struct MetaTyped {
        #[serde(rename = "type")]
        kind: String,
    }
}

wire! {
    pub struct MetaReaction { message_id: String, emoji: String }
}

wire! {
    pub struct MetaContact {
        name: MetaContactName,
        addresses: Vec<MetaContactAddress>,
        birthday: String,
        emails: Vec<MetaContactEmail>,
        org: MetaContactOrg,
        phones: Vec<MetaContactPhone>,
        urls: Vec<MetaContactUrl>,
    }
}

wire! {
    pub struct MetaContactName {
        formatted_name: String,
        first_name: String,
        last_name: String,
        middle_name: String,
        suffix: String,
        prefix: String,
    }
}

wire! {
    pub struct MetaContactAddress {
        street: String,
        city: String,
        state: String,
        zip: String,
        country: String,
        country_code: String,
        #[serde(rename = "type")]
        kind: String,
    }
}

wire! {
    pub struct MetaContactEmail {
        email: String,
        #[serde(rename = "type")]
        kind: String,
    }
}

wire! {
    pub struct MetaContactOrg { company: String, department: String, title: String }
}

wire! {
    pub struct MetaContactPhone {
        phone: String,
        #[serde(rename = "type")]
        kind: String,
        wa_id: String,
    }
}

wire! {
    pub struct MetaContactUrl {
        url: String,
        #[serde(rename = "type")]
        kind: String,
    }
}

wire! {
    pub struct MetaInteractive {
        /// button, list, cta_url, product, product_list, catalog_message, flow, carousel,
        /// location_request_message.
        #[serde(rename = "type")]
        kind: String,
        header: MetaHeader,
        body: MetaBodyText,
        footer: MetaBodyText,
        action: MetaAction,
    }
}

wire! {
    pub struct MetaHeader {
        #[serde(rename = "type")]
        kind: String,
        text: String,
        image: Media,
        video: Media,
        document: Media,
    }
}

wire! {
    /// `{"text": …}`: an interactive body or footer.
    pub struct MetaBodyText { text: String }
}

wire! {
    pub struct MetaAction {
        /// Reply buttons.
        buttons: Vec<MetaButton>,
        /// List: the button that opens it.
        button: String,
        /// List and product list.
        sections: Vec<MetaSection>,
        /// cta_url, catalog_message, flow, send_location.
        name: String,
        parameters: MetaActionParameters,
        /// Product and product list.
        catalog_id: String,
        product_retailer_id: String,
        /// Carousels.
        cards: Vec<MetaCard>,
    }
}

wire! {
    /// A reply button (`type: reply`) or a carousel card's quick reply (`type: quick_reply`).
    pub struct MetaButton {
        #[serde(rename = "type")]
        kind: String,
        reply: MetaReply,
        quick_reply: MetaReply,
    }
}

wire! {
    pub struct MetaReply { id: String, title: String }
}

wire! {
    pub struct MetaSection {
        title: String,
        rows: Vec<MetaRow>,
        product_items: Vec<MetaProductItem>,
    }
}

wire! {
    pub struct MetaRow { id: String, title: String, description: String }
}

wire! {
    pub struct MetaProductItem { product_retailer_id: String }
}

wire! {
    pub struct MetaActionParameters {
        // cta_url
        display_text: String,
        url: String,
        // catalog_message
        thumbnail_product_retailer_id: String,
        // flow
        flow_message_version: String,
        flow_token: String,
        flow_id: String,
        flow_name: String,
        flow_cta: String,
        mode: String,
        flow_action: String,
        flow_action_payload: MetaFlowActionPayload,
    }
}

wire! {
    pub struct MetaFlowActionPayload { screen: String, data: Map<String, Value> }
}

wire! {
    pub struct MetaCard {
        card_index: u32,
        /// `cta_url` or `product` (quick-reply cards may leave it out).
        #[serde(rename = "type")]
        kind: String,
        header: MetaHeader,
        body: MetaBodyText,
        action: MetaCardAction,
    }
}

wire! {
    pub struct MetaCardAction {
        name: String,
        parameters: MetaActionParameters,
        buttons: Vec<MetaButton>,
        product_retailer_id: String,
        catalog_id: String,
    }
}

wire! {
    pub struct MetaTemplate {
        name: String,
        language: MetaLanguage,
        components: Vec<MetaComponent>,
    }
}

wire! {
    pub struct MetaLanguage { code: String, policy: String }
}

/// A template button index: Meta's reference types it as a string, its own examples send
/// integers too; both are accepted and written back as they came.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum MetaIndex {
    Number(u32),
    Text(String),
}

wire! {
    pub struct MetaComponent {
        /// header, body, button, limited_time_offer, carousel.
        #[serde(rename = "type")]
        kind: String,
        sub_type: String,
        index: MetaIndex,
        parameters: Vec<MetaParameter>,
        cards: Vec<MetaTemplateCard>,
    }
}

wire! {
    pub struct MetaTemplateCard { card_index: u32, components: Vec<MetaComponent> }
}

wire! {
    pub struct MetaParameter {
        /// text, currency, date_time, image, video, document, location, payload,
        /// coupon_code, action, limited_time_offer.
        #[serde(rename = "type")]
        kind: String,
        text: String,
        parameter_name: String,
        payload: String,
        currency: MetaCurrency,
        date_time: MetaDateTime,
        image: Media,
        video: Media,
        document: Media,
        location: Location,
        coupon_code: String,
        action: MetaButtonAction,
        limited_time_offer: MetaLimitedTimeOffer,
    }
}

wire! {
    pub struct MetaCurrency { fallback_value: String, code: String, amount_1000: i64 }
}

wire! {
    pub struct MetaDateTime {
        fallback_value: String,
        day_of_week: u8,
        year: u16,
        month: u8,
        day_of_month: u8,
        hour: u8,
        minute: u8,
        calendar: String,
    }
}

wire! {
    pub struct MetaButtonAction {
        flow_token: String,
        flow_action_data: Map<String, Value>,
        thumbnail_product_retailer_id: String,
        sections: Vec<MetaSection>,
    }
}

wire! {
    pub struct MetaLimitedTimeOffer { expiration_time_ms: i64 }
}
