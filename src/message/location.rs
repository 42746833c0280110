use super::Validate;
use crate::limits::*;
use crate::validate::{Path, Report, check_chars, check_range};
use serde::{Deserialize, Serialize};

/// A location pin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Location {
    /// Decimal degrees, −90 to 90.
    #[serde(deserialize_with = "number_or_string")]
    pub latitude: f64,
    /// Decimal degrees, −180 to 180.
    #[serde(deserialize_with = "number_or_string")]
    pub longitude: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub address: Option<String>,
}

/// Accepts a coordinate as a JSON number or a numeric string: Meta's current page types them
/// as strings, its OpenAPI examples and inbound webhooks use numbers. Written back as numbers.
fn number_or_string<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Coordinate {
        Number(f64),
        Text(String),
    }
    match Coordinate::deserialize(deserializer)? {
        Coordinate::Number(n) => Ok(n),
        Coordinate::Text(text) => {
            text.trim().parse().map_err(|_| serde::de::Error::custom(format!("{text:?} is not a number")))
        }
    }
}

impl Location {
    pub fn new(latitude: f64, longitude: f64) -> Self {
        Location { latitude, longitude, name: None, address: None }
    }
}

impl Validate for Location {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_range(report, &path.key("latitude"), "latitude", self.latitude, LATITUDE_MIN, LATITUDE_MAX);
        check_range(report, &path.key("longitude"), "longitude", self.longitude, LONGITUDE_MIN, LONGITUDE_MAX);
    }
}

/// Asks the customer to share their location (a "Send location" button under `body`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LocationRequest {
    /// 1–1024 characters.
    pub body: String,
}

impl Validate for LocationRequest {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_chars(report, &path.key("body"), "location request body", &self.body, 1, INTERACTIVE_BODY_MAX_CHARS);
    }
}
