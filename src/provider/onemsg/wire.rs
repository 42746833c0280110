//! 1MSG.IO request bodies (`POST /{instanceId}/{method}?token=…`), from 1MSG's generated SDK
//! (../shared/specs/1msg/1msg-public-api-1.0.0.operations.json) and its OpenAPI spec.

use serde::Serialize;
use std::borrow::Cow;

/// The recipient's phone number: the current API types it as an integer, v2.39 of the spec
/// as a string; both are read (`mod.rs`), and integers are sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum OneMsgPhone<'a> {
    Number(u64),
    Text(Cow<'a, str>),
}

/// The body of `/sendMessage` (serialized only: bodies are read by walking the JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OneMsgSendMessage<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<OneMsgPhone<'a>>,
    pub body: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_msg_id: Option<Cow<'a, str>>,
}
