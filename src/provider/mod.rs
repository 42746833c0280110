//! One module per provider: its wire types, serializer and parser, request building and
//! response decoding. This module names the providers and dispatches to them.

pub mod meta;

use crate::error::Error;
use crate::message::Message;
use crate::validate::Violation;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A provider API wabridge speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Provider {
    /// Meta's WhatsApp Cloud API (graph.facebook.com).
    #[serde(rename = "meta")]
    Meta,
    /// Bird's Channels API (api.bird.com).
    #[serde(rename = "bird")]
    Bird,
    /// 1MSG.IO's WhatsApp Business API (api.1msg.io).
    #[serde(rename = "1msg")]
    OneMsg,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Provider::Meta, Provider::Bird, Provider::OneMsg];

    /// The name used on the CLI, in JS and in errors.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Meta => "meta",
            Provider::Bird => "bird",
            Provider::OneMsg => "1msg",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Provider {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        Provider::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| Error::argument(format!("unknown provider {name:?}: expected one of meta, bird, 1msg")))
    }
}

/// Refusal for the providers whose codecs are not written yet: an argument error that says
/// so plainly, rather than an `unsupported` that would claim the provider lacks the feature.
fn not_yet(provider: Provider) -> Error {
    Error::argument(format!("the {provider} provider is not implemented in this version of wabridge yet"))
}

/// Validates `message` for `provider` and serializes it to the provider's request body (JSON).
pub fn serialize(provider: Provider, message: &Message) -> Result<String, Error> {
    match provider {
        Provider::Meta => meta::serialize(message),
        other => Err(not_yet(other)),
    }
}

/// Parses and validates a provider-native request body into the neutral model. Violations
/// point into the provider's body. `operation` names the endpoint where the body depends on it.
pub fn parse(provider: Provider, body: &str, operation: Option<&str>) -> Result<Message, Error> {
    match provider {
        Provider::Meta => meta::parse(body, operation),
        other => Err(not_yet(other)),
    }
}

/// Every violation of a provider-native request body (empty when it is valid).
pub fn validate_body(provider: Provider, body: &str, operation: Option<&str>) -> Result<Vec<Violation>, Error> {
    match parse(provider, body, operation) {
        Ok(_) => Ok(Vec::new()),
        Err(Error::Invalid(violations)) => Ok(violations),
        Err(other) => Err(other),
    }
}

/// Rewrites a JSON pointer into the neutral model to the pointer of the same field in a
/// provider's body, using a table of `(neutral prefix, wire prefix)` patterns in which `*`
/// stands for one segment (an index). The first pattern that is a segment-wise prefix of
/// `pointer` wins; captured segments fill the `*`s of its replacement, in order, and the
/// rest of the pointer is kept. Pointers no pattern matches are returned unchanged.
pub(crate) fn rewrite_pointer(pointer: &str, table: &[(&str, &str)]) -> String {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    for (from, to) in table {
        let pattern: Vec<&str> = from.split('/').skip(1).collect();
        if pattern.len() > segments.len() {
            continue;
        }
        let mut captures = Vec::new();
        let matched = pattern.iter().zip(&segments).all(|(p, s)| {
            if *p == "*" {
                captures.push(*s);
                true
            } else {
                p == s
            }
        });
        if !matched {
            continue;
        }
        let mut captures = captures.into_iter();
        let mut out = String::new();
        for part in to.split('/').skip(1) {
            out.push('/');
            out.push_str(if part == "*" { captures.next().unwrap_or("*") } else { part });
        }
        for rest in &segments[pattern.len()..] {
            out.push('/');
            out.push_str(rest);
        }
        return out;
    }
    pointer.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_round_trip() {
        for provider in Provider::ALL {
            assert_eq!(provider.name().parse::<Provider>().unwrap(), provider);
        }
        assert_eq!("twilio".parse::<Provider>().unwrap_err().code(), "ERR_ARGUMENT");
    }

    #[test]
    fn rewrites_pointers_by_pattern() {
        let table = [("/content/buttons/*/title", "/interactive/action/buttons/*/reply/title"), ("/content", "/text")];
        assert_eq!(rewrite_pointer("/content/buttons/2/title", &table), "/interactive/action/buttons/2/reply/title");
        assert_eq!(rewrite_pointer("/content/body", &table), "/text/body");
        assert_eq!(rewrite_pointer("/content", &table), "/text");
        assert_eq!(rewrite_pointer("/contents", &table), "/contents");
        assert_eq!(rewrite_pointer("/to", &table), "/to");
    }
}
