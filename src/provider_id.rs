//! The names of the providers wabridge speaks. A leaf: it imports nothing of the crate, so
//! errors, the HTTP layer and the providers can all name a provider without importing each
//! other.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A provider API wabridge speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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

/// A name that is not one of [`Provider::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProvider(pub String);

impl fmt::Display for UnknownProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown provider {:?}: expected one of meta, bird, 1msg", self.0)
    }
}

impl FromStr for Provider {
    type Err = UnknownProvider;

    fn from_str(name: &str) -> Result<Self, UnknownProvider> {
        Provider::ALL.into_iter().find(|p| p.name() == name).ok_or_else(|| UnknownProvider(name.to_string()))
    }
}
