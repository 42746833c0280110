//! Meta's request body for `POST /{version}/{phone-number-id}/messages`, field for field.
//! https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
//!
//! Strings are `Cow`s: serializing borrows from the neutral message (no copies on the hot
//! path) and parsing borrows from the input where JSON escapes allow.

use crate::message::RecipientType;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The constant `messaging_product` every Cloud API request carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MessagingProduct {
    #[serde(rename = "whatsapp")]
    WhatsApp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaMessage<'a> {
    pub messaging_product: MessagingProduct,
    /// Absent means `individual` (Meta's default); kept absent on a round trip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<RecipientType>,
    #[serde(borrow)]
    pub to: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    pub context: Option<MetaContext<'a>>,
    /// The message type. Meta's docs: optional, defaults to `text`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none", borrow)]
    pub kind: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none", borrow)]
    pub text: Option<MetaText<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaContext<'a> {
    #[serde(borrow)]
    pub message_id: Cow<'a, str>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaText<'a> {
    #[serde(borrow)]
    pub body: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_url: Option<bool>,
}

/// The success body of `POST …/messages`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MetaSendResponse {
    #[serde(default)]
    pub contacts: Vec<MetaResponseContact>,
    #[serde(default)]
    pub messages: Vec<MetaResponseMessage>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MetaResponseContact {
    #[serde(default)]
    pub input: String,
    #[serde(default)]
    pub wa_id: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MetaResponseMessage {
    pub id: String,
    #[serde(default)]
    pub message_status: Option<String>,
}

/// Graph API error body: `{"error": {...}}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GraphErrorBody {
    pub error: GraphError,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GraphError {
    #[serde(default)]
    pub message: String,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    pub code: i64,
    #[serde(default)]
    pub error_subcode: Option<i64>,
    #[serde(default)]
    pub fbtrace_id: Option<String>,
    #[serde(default)]
    pub is_transient: Option<bool>,
    #[serde(default)]
    pub error_user_title: Option<String>,
    #[serde(default)]
    pub error_user_msg: Option<String>,
    #[serde(default)]
    pub error_data: Option<GraphErrorData>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GraphErrorData {
    #[serde(default)]
    pub messaging_product: Option<String>,
    #[serde(default)]
    pub details: Option<String>,
}
