use super::Validate;
use crate::limits::*;
use crate::validate::{Path, Report, check_chars, check_range};
use serde::Serialize;

/// A location pin.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// Decimal degrees, −90 to 90.
    pub latitude: f64,
    /// Decimal degrees, −180 to 180.
    pub longitude: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub address: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LocationRequest {
    /// 1–1024 characters.
    pub body: String,
}

impl Validate for LocationRequest {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_chars(report, &path.key("body"), "location request body", &self.body, 1, INTERACTIVE_BODY_MAX_CHARS);
    }
}
