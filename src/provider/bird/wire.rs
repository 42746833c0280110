//! Bird's request body for `POST /workspaces/{workspaceId}/channels/{channelId}/messages`
//! (the OpenAPI block of Bird's "Sending WhatsApp messages" page, ../shared/specs/bird).
//! The request types serialize only: bodies are read by walking the JSON (`mod.rs`).

use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BirdMessage<'a> {
    pub receiver: BirdReceiver<'a>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<BirdBody<'a>>,
    /// At the top level of the request, as the envelope on Bird's page shows (some snippets
    /// on the same page put it inside `body`, which the schema refuses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<BirdReplyTo<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BirdReceiver<'a> {
    pub contacts: Vec<BirdContact<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BirdContact<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_key: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_value: Option<Cow<'a, str>>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Cow<'a, str>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BirdBody<'a> {
    #[serde(rename = "type")]
    pub kind: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<BirdText<'a>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BirdText<'a> {
    pub text: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BirdTextMetadata>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BirdTextMetadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<BirdWhatsAppMetadata>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BirdWhatsAppMetadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_url: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BirdReplyTo<'a> {
    pub id: Cow<'a, str>,
    #[serde(rename = "type")]
    pub kind: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
}
