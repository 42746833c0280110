//! Interactive messages: reply buttons, list, CTA URL, product, product list, catalog,
//! flow, and the media and product carousels.

use super::Validate;
use super::media::{Media, MediaKind};
use crate::limits::*;
use crate::validate::{
    Path, Report, Unique, ViolationCode, check_chars, check_count, check_http_url, check_identifier, check_no_padding,
    check_optional_chars, check_required,
};
use serde::Serialize;

macro_rules! interactive_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[serde(rename_all = "camelCase")]
        pub struct $name { $($body)* }
    };
}

/// The header above an interactive message: text, or an image, video or document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Header {
    Text(HeaderText),
    Image(Media),
    Video(Media),
    Document(Media),
}

interactive_struct! {
    /// A text header: at most 60 characters.
    pub struct HeaderText {
        pub text: String,
    }
}

impl Header {
    /// A media header's kind and media; `None` for a text header.
    pub fn media(&self) -> Option<(MediaKind, &Media)> {
        match self {
            Header::Text(_) => None,
            Header::Image(media) => Some((MediaKind::Image, media)),
            Header::Video(media) => Some((MediaKind::Video, media)),
            Header::Document(media) => Some((MediaKind::Document, media)),
        }
    }

    fn validate(&self, report: &mut Report, path: &Path<'_>, allow_media: bool) {
        let Some(media) = self.media() else {
            if let Header::Text(HeaderText { text }) = self {
                check_chars(report, &path.key("text"), "header text", text, 1, INTERACTIVE_HEADER_TEXT_MAX_CHARS);
            }
            return;
        };
        if allow_media {
            media.1.validate_as(media.0, true, report, path);
        } else {
            report.add(&path.key("type"), ViolationCode::InvalidValue, "this message's header can only be text", None);
        }
    }
}

fn check_body(report: &mut Report, path: &Path<'_>, body: &str) {
    check_chars(report, &path.key("body"), "body", body, 1, INTERACTIVE_BODY_MAX_CHARS);
}

fn check_footer(report: &mut Report, path: &Path<'_>, footer: Option<&str>) {
    check_optional_chars(report, &path.key("footer"), "footer", footer, 1, INTERACTIVE_FOOTER_MAX_CHARS);
}

fn check_header(report: &mut Report, path: &Path<'_>, header: Option<&Header>, allow_media: bool) {
    if let Some(header) = header {
        header.validate(report, &path.key("header"), allow_media);
    }
}

interactive_struct! {
    /// A reply button: `id` comes back when the customer taps `title`.
    pub struct ReplyButton {
        /// At most 256 characters, unique, no leading or trailing spaces.
        pub id: String,
        /// At most 20 characters, unique.
        pub title: String,
    }
}

interactive_struct! {
    /// Up to three reply buttons under a body.
    pub struct ReplyButtons {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub header: Option<Header>,
        /// 1–1024 characters.
        pub body: String,
        /// At most 60 characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        /// 1–3 buttons.
        pub buttons: Vec<ReplyButton>,
    }
}

/// Why a carousel card's body has too many line breaks for WhatsApp, if it has (in any
/// provider's spelling of the card's text: Bird's card `title`).
pub fn card_body_breaks_fault(body: &str) -> Option<String> {
    let breaks = body.matches('\n').count();
    (breaks > CAROUSEL_CARD_BODY_MAX_LINE_BREAKS).then(|| {
        format!("a card body has at most {CAROUSEL_CARD_BODY_MAX_LINE_BREAKS} line breaks (this one {breaks})")
    })
}

/// Checks reply buttons (also the quick replies of carousel cards): ids and titles unique.
fn check_reply_buttons(report: &mut Report, path: &Path<'_>, buttons: &[ReplyButton], max: usize) {
    check_count(report, path, "buttons", buttons.len(), 1, max);
    let (mut ids, mut titles) = (Unique::default(), Unique::default());
    for (i, button) in buttons.iter().enumerate() {
        let at = path.index(i);
        let (id, title) = (at.key("id"), at.key("title"));
        check_chars(report, &id, "button id", &button.id, 1, REPLY_BUTTON_ID_MAX_CHARS);
        check_no_padding(report, &id, "button id", &button.id);
        ids.check(report, &id, "button id", &button.id);
        check_chars(report, &title, "button title", &button.title, 1, REPLY_BUTTON_TITLE_MAX_CHARS);
        titles.check(report, &title, "button title", &button.title);
    }
}

impl Validate for ReplyButtons {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_header(report, path, self.header.as_ref(), true);
        check_body(report, path, &self.body);
        check_footer(report, path, self.footer.as_deref());
        check_reply_buttons(report, &path.key("buttons"), &self.buttons, REPLY_BUTTONS_MAX);
    }
}

interactive_struct! {
    /// A row of a list: `id` comes back when the customer picks it.
    pub struct ListRow {
        /// At most 200 characters, unique across the list.
        pub id: String,
        /// At most 24 characters.
        pub title: String,
        /// At most 72 characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub description: Option<String>,
    }
}

interactive_struct! {
    /// A section of a list.
    pub struct ListSection {
        /// At most 24 characters; required when the list has more than one section.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub title: Option<String>,
        pub rows: Vec<ListRow>,
    }
}

interactive_struct! {
    /// A list of options behind a button.
    pub struct List {
        /// Text only, at most 60 characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "{ type: \"text\" } & HeaderText"))]
        pub header: Option<Header>,
        pub body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        /// The button that opens the list: at most 20 characters.
        pub button: String,
        /// 1–10 sections, 1–10 rows in all.
        pub sections: Vec<ListSection>,
    }
}

/// Section rules shared by lists and product lists: 1–10 sections, titled when several.
fn check_sections<'a>(report: &mut Report, path: &Path<'_>, titles: impl ExactSizeIterator<Item = Option<&'a str>>) {
    let count = titles.len();
    check_count(report, path, "sections", count, 1, LIST_SECTIONS_MAX);
    for (i, title) in titles.enumerate() {
        let at = path.index(i);
        match title {
            Some(title) => {
                check_chars(report, &at.key("title"), "section title", title, 1, LIST_SECTION_TITLE_MAX_CHARS)
            }
            None if count > 1 => report.add(
                &at.key("title"),
                ViolationCode::Required,
                "section title is required when there is more than one section",
                None,
            ),
            None => {}
        }
    }
}

impl Validate for List {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_header(report, path, self.header.as_ref(), false);
        check_body(report, path, &self.body);
        check_footer(report, path, self.footer.as_deref());
        check_chars(report, &path.key("button"), "list button", &self.button, 1, LIST_BUTTON_MAX_CHARS);
        let sections = path.key("sections");
        check_sections(report, &sections, self.sections.iter().map(|s| s.title.as_deref()));
        let total: usize = self.sections.iter().map(|s| s.rows.len()).sum();
        // Not where one section is over the maximum alone: its own violation says it.
        if total > LIST_ROWS_MAX && self.sections.iter().all(|s| s.rows.len() <= LIST_ROWS_MAX) {
            report.add(
                &sections,
                ViolationCode::TooMany,
                format!("a list has at most {LIST_ROWS_MAX} rows in all sections together; this one has {total}"),
                Some(LIST_ROWS_MAX as f64),
            );
        }
        let mut ids = Unique::default();
        for (i, section) in self.sections.iter().enumerate() {
            let rows = sections.index(i);
            let rows = rows.key("rows");
            check_count(report, &rows, "rows", section.rows.len(), 1, LIST_ROWS_MAX);
            for (j, row) in section.rows.iter().enumerate() {
                let at = rows.index(j);
                check_chars(report, &at.key("id"), "row id", &row.id, 1, LIST_ROW_ID_MAX_CHARS);
                ids.check(report, &at.key("id"), "row id", &row.id);
                check_chars(report, &at.key("title"), "row title", &row.title, 1, LIST_ROW_TITLE_MAX_CHARS);
                let description = row.description.as_deref();
                check_optional_chars(
                    report,
                    &at.key("description"),
                    "row description",
                    description,
                    1,
                    LIST_ROW_DESCRIPTION_MAX_CHARS,
                );
            }
        }
    }
}

interactive_struct! {
    /// A button that opens a URL.
    pub struct CtaUrl {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub header: Option<Header>,
        pub body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        /// The button text: at most 20 characters.
        pub display_text: String,
        /// http(s) URL.
        pub url: String,
    }
}

fn check_cta(report: &mut Report, path: &Path<'_>, display_text: &str, url: &str) {
    check_chars(report, &path.key("displayText"), "CTA displayText", display_text, 1, CTA_DISPLAY_TEXT_MAX_CHARS);
    check_http_url(report, &path.key("url"), "CTA url", url);
}

impl Validate for CtaUrl {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_header(report, path, self.header.as_ref(), true);
        check_body(report, path, &self.body);
        check_footer(report, path, self.footer.as_deref());
        check_cta(report, path, &self.display_text, &self.url);
    }
}

interactive_struct! {
    /// Asks the customer for a delivery address in WhatsApp's address form (Meta's
    /// `address_message`: businesses and customers in India; 1MSG's sendAddressMessage also
    /// takes Singapore). `values` prefills the form's fields (`name`, `phone_number`,
    /// `in_pin_code`, `house_number`, `floor_number`, `tower_number`, `building_name`,
    /// `address`, `landmark_area`, `city`, `state`; Singapore: `sg_post_code`, `unit_number`);
    /// `savedAddresses` offers earlier ones (`{ id, value: { …fields } }`); `validationErrors`
    /// (field → message) asks again after a wrong answer.
    pub struct AddressRequest {
        /// Text only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "{ type: \"text\" } & HeaderText"))]
        pub header: Option<Header>,
        pub body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        /// ISO 3166 alpha-2: `IN` (or `SG`).
        #[cfg_attr(feature = "wasm", tsify(type = "\"IN\" | \"SG\""))]
        pub country: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "Record<string, string>"))]
        pub values: Option<serde_json::Map<String, serde_json::Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "{ id: string; value: Record<string, string> }[]"))]
        pub saved_addresses: Option<Vec<serde_json::Map<String, serde_json::Value>>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "Record<string, string>"))]
        pub validation_errors: Option<serde_json::Map<String, serde_json::Value>>,
    }
}

/// The countries WhatsApp's address form serves.
pub const ADDRESS_COUNTRIES: [&str; 2] = ["IN", "SG"];

/// An address's fields: strings (a pin code at most 6 characters, as the form takes it).
fn check_address_fields(report: &mut Report, path: &Path<'_>, fields: &serde_json::Map<String, serde_json::Value>) {
    for (key, value) in fields {
        let at = path.key(key);
        match value.as_str() {
            None => report.add(&at, ViolationCode::InvalidValue, format!("address field {key} must be a string"), None),
            Some(text) if ["in_pin_code", "sg_post_code"].contains(&key.as_str()) => {
                check_chars(report, &at, key, text, 1, ADDRESS_POST_CODE_MAX_CHARS)
            }
            Some(_) => {}
        }
    }
}

impl Validate for AddressRequest {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_header(report, path, self.header.as_ref(), false);
        check_body(report, path, &self.body);
        check_footer(report, path, self.footer.as_deref());
        if !ADDRESS_COUNTRIES.contains(&self.country.as_str()) {
            let message =
                format!("country {:?}: WhatsApp's address form serves IN (India) and SG (Singapore)", self.country);
            report.add(&path.key("country"), ViolationCode::InvalidValue, message, None);
        }
        if let Some(values) = &self.values {
            check_address_fields(report, &path.key("values"), values);
        }
        let saved_at = path.key("savedAddresses");
        for (i, saved) in self.saved_addresses.iter().flatten().enumerate() {
            let at = saved_at.index(i);
            match (saved.get("id").and_then(|v| v.as_str()), saved.get("value").and_then(|v| v.as_object())) {
                (Some(id), Some(value)) if !id.is_empty() => check_address_fields(report, &at.key("value"), value),
                _ => {
                    report.add(&at, ViolationCode::InvalidValue, "a saved address is { id, value: { …fields } }", None)
                }
            }
        }
        let errors_at = path.key("validationErrors");
        for (key, value) in self.validation_errors.iter().flatten() {
            if !value.is_string() {
                let at = errors_at.key(key);
                report.add(&at, ViolationCode::InvalidValue, format!("the error for {key} must be a string"), None);
            }
        }
    }
}

interactive_struct! {
    /// One product from a catalog.
    pub struct Product {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub body: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        pub catalog_id: String,
        pub product_retailer_id: String,
    }
}

impl Validate for Product {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_optional_chars(report, &path.key("body"), "body", self.body.as_deref(), 1, INTERACTIVE_BODY_MAX_CHARS);
        check_footer(report, path, self.footer.as_deref());
        check_identifier(report, &path.key("catalogId"), "catalogId", &self.catalog_id);
        check_identifier(report, &path.key("productRetailerId"), "productRetailerId", &self.product_retailer_id);
    }
}

interactive_struct! {
    /// A section of a product list: a title and the products' retailer ids.
    pub struct ProductSection {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub title: Option<String>,
        pub product_retailer_ids: Vec<String>,
    }
}

interactive_struct! {
    /// Several products from a catalog, in sections; the header is required (text).
    pub struct ProductList {
        #[cfg_attr(feature = "wasm", tsify(type = "{ type: \"text\" } & HeaderText"))]
        pub header: Header,
        pub body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        pub catalog_id: String,
        /// 1–10 sections, at most 30 products in all.
        pub sections: Vec<ProductSection>,
    }
}

impl Validate for ProductList {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_header(report, path, Some(&self.header), false);
        check_body(report, path, &self.body);
        check_footer(report, path, self.footer.as_deref());
        check_identifier(report, &path.key("catalogId"), "catalogId", &self.catalog_id);
        check_product_sections(report, &path.key("sections"), &self.sections);
    }
}

/// The sections of products a product list and a multi-product (mpm) template button show:
/// 1–10 sections, titled when several, at most 30 products in all.
pub(crate) fn check_product_sections(report: &mut Report, sections: &Path<'_>, given: &[ProductSection]) {
    check_sections(report, sections, given.iter().map(|s| s.title.as_deref()));
    let total: usize = given.iter().map(|s| s.product_retailer_ids.len()).sum();
    // Not where one section is over the maximum alone: its own violation says it.
    let each_within = given.iter().all(|s| s.product_retailer_ids.len() <= PRODUCT_LIST_ITEMS_MAX);
    if total > PRODUCT_LIST_ITEMS_MAX && each_within {
        report.add(
            sections,
            ViolationCode::TooMany,
            format!("a product list has at most {PRODUCT_LIST_ITEMS_MAX} products in all; this one has {total}"),
            Some(PRODUCT_LIST_ITEMS_MAX as f64),
        );
    }
    for (i, section) in given.iter().enumerate() {
        let at = sections.index(i);
        let items = at.key("productRetailerIds");
        check_count(report, &items, "products", section.product_retailer_ids.len(), 1, PRODUCT_LIST_ITEMS_MAX);
        for (j, id) in section.product_retailer_ids.iter().enumerate() {
            check_identifier(report, &items.index(j), "productRetailerId", id);
        }
    }
}

interactive_struct! {
    /// The business's catalog, behind a "View catalog" button.
    pub struct Catalog {
        pub body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        /// The product whose image is the thumbnail (default: the first item's).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub thumbnail_product_retailer_id: Option<String>,
    }
}

impl Validate for Catalog {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_body(report, path, &self.body);
        check_footer(report, path, self.footer.as_deref());
        if let Some(id) = &self.thumbnail_product_retailer_id {
            check_identifier(report, &path.key("thumbnailProductRetailerId"), "thumbnailProductRetailerId", id);
        }
    }
}

/// Whether a flow is the draft being tested or the published version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum FlowMode {
    Draft,
    Published,
}

/// What the flow does when opened: show a screen, or ask the business's endpoint first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum FlowAction {
    Navigate,
    DataExchange,
}

impl FlowMode {
    /// As the model and every provider's wire spell it.
    pub fn name(self) -> &'static str {
        match self {
            FlowMode::Draft => "draft",
            FlowMode::Published => "published",
        }
    }
}

impl FlowAction {
    /// As the model and every provider's wire spell it.
    pub fn name(self) -> &'static str {
        match self {
            FlowAction::Navigate => "navigate",
            FlowAction::DataExchange => "data_exchange",
        }
    }
}

interactive_struct! {
    /// The first screen of a `navigate` flow, and the data it starts with.
    pub struct FlowActionPayload {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub screen: Option<String>,
        /// A non-empty object when present.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "Record<string, unknown>"))]
        pub data: Option<serde_json::Map<String, serde_json::Value>>,
    }
}

interactive_struct! {
    /// A WhatsApp Flow behind a button: by `flowId` or `flowName`, exactly one.
    pub struct Flow {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub header: Option<Header>,
        pub body: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub footer: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub flow_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub flow_name: Option<String>,
        /// The button text: at most 30 characters.
        pub flow_cta: String,
        /// Default `published`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub mode: Option<FlowMode>,
        /// Identifies this flow session to the business's endpoint.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub flow_token: Option<String>,
        /// Default `navigate`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub flow_action: Option<FlowAction>,
        /// Only with `navigate`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub flow_action_payload: Option<FlowActionPayload>,
        /// The flow message version: `"3"` (the only one Meta accepts). Default `"3"`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "\"3\""))]
        pub flow_message_version: Option<String>,
    }
}

/// The one flow message version Meta accepts.
pub const FLOW_MESSAGE_VERSION: &str = "3";

impl Validate for Flow {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_header(report, path, self.header.as_ref(), true);
        check_body(report, path, &self.body);
        check_footer(report, path, self.footer.as_deref());
        match (&self.flow_id, &self.flow_name) {
            (Some(id), None) => check_identifier(report, &path.key("flowId"), "flowId", id),
            (None, Some(name)) => check_required(report, &path.key("flowName"), "flowName", name),
            (Some(_), Some(_)) => report.add(
                &path.key("flowName"),
                ViolationCode::InvalidValue,
                "give either flowId or flowName, not both",
                None,
            ),
            (None, None) => {
                report.add(&path.key("flowId"), ViolationCode::Required, "a flowId or a flowName is required", None)
            }
        }
        check_chars(report, &path.key("flowCta"), "flowCta", &self.flow_cta, 1, FLOW_CTA_MAX_CHARS);
        if let Some(version) = &self.flow_message_version
            && version != FLOW_MESSAGE_VERSION
        {
            report.add(
                &path.key("flowMessageVersion"),
                ViolationCode::InvalidValue,
                format!("flowMessageVersion must be \"3\" (got {version:?})"),
                None,
            );
        }
        // Given, a token and a screen say something: empty, 1MSG refuses them and Meta has
        // nothing to open or echo.
        if let Some(token) = &self.flow_token {
            check_chars(report, &path.key("flowToken"), "flowToken", token, 1, usize::MAX);
        }
        if let Some(screen) = self.flow_action_payload.as_ref().and_then(|p| p.screen.as_ref()) {
            let payload = path.key("flowActionPayload");
            check_chars(report, &payload.key("screen"), "flowActionPayload.screen", screen, 1, usize::MAX);
        }
        // Meta's flow reference: a payload, with the first screen, is required when the action
        // is `navigate`; left out, the action is Meta's to choose and the payload may be too.
        let at = path.key("flowActionPayload");
        match &self.flow_action_payload {
            None if self.flow_action == Some(FlowAction::Navigate) => report.add(
                &at,
                ViolationCode::Required,
                "a navigate flow opens a screen: give flowActionPayload.screen",
                None,
            ),
            Some(payload) if payload.screen.is_none() && self.flow_action != Some(FlowAction::DataExchange) => report
                .add(
                    &at.key("screen"),
                    ViolationCode::Required,
                    "a navigate flow opens a screen: give flowActionPayload.screen",
                    None,
                ),
            _ => {}
        }
        if let Some(payload) = &self.flow_action_payload {
            if self.flow_action == Some(FlowAction::DataExchange) {
                report.add(
                    &at,
                    ViolationCode::InvalidValue,
                    "flowActionPayload goes with the navigate action only",
                    None,
                );
            }
            if payload.data.as_ref().is_some_and(|d| d.is_empty()) {
                report.add(
                    &at.key("data"),
                    ViolationCode::Required,
                    "flowActionPayload.data must be a non-empty object when present",
                    None,
                );
            }
        }
    }
}

interactive_struct! {
    /// A card of a media carousel: an image or video header, an optional body, and either
    /// quick-reply buttons or one URL button.
    pub struct CarouselCard {
        /// An image or a video.
        #[cfg_attr(feature = "wasm", tsify(type = "({ type: \"image\" } & HeaderMediaOf<\"image\">) | ({ type: \"video\" } & HeaderMediaOf<\"video\">)"))]
        pub header: Header,
        /// At most 160 characters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub body: Option<String>,
        /// Quick-reply buttons (instead of `ctaUrl`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub buttons: Option<Vec<ReplyButton>>,
        /// A URL button (instead of `buttons`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub cta_url: Option<CardCtaUrl>,
    }
}

interactive_struct! {
    /// The URL button of a carousel card.
    pub struct CardCtaUrl {
        pub display_text: String,
        pub url: String,
    }
}

interactive_struct! {
    /// Media cards the customer scrolls sideways: 2–10 cards, all image or all video.
    pub struct Carousel {
        pub body: String,
        pub cards: Vec<CarouselCard>,
    }
}

impl Validate for Carousel {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_body(report, path, &self.body);
        let cards = path.key("cards");
        check_count(report, &cards, "carousel cards", self.cards.len(), CAROUSEL_CARDS_MIN, CAROUSEL_CARDS_MAX);
        let first_kind = self.cards.first().map(|c| std::mem::discriminant(&c.header));
        for (i, card) in self.cards.iter().enumerate() {
            let at = cards.index(i);
            let header = at.key("header");
            match &card.header {
                Header::Image(media) => media.validate_as(MediaKind::Image, true, report, &header),
                Header::Video(media) => media.validate_as(MediaKind::Video, true, report, &header),
                _ => report.add(
                    &header.key("type"),
                    ViolationCode::InvalidValue,
                    "a carousel card header is an image or a video",
                    None,
                ),
            }
            if first_kind != Some(std::mem::discriminant(&card.header)) {
                report.add(
                    &header.key("type"),
                    ViolationCode::InvalidValue,
                    "all cards of a carousel have the same header type (all image or all video)",
                    None,
                );
            }
            check_optional_chars(
                report,
                &at.key("body"),
                "card body",
                card.body.as_deref(),
                1,
                CAROUSEL_CARD_BODY_MAX_CHARS,
            );
            if let Some(message) = card.body.as_deref().and_then(card_body_breaks_fault) {
                report.add(
                    &at.key("body"),
                    ViolationCode::InvalidValue,
                    message,
                    Some(CAROUSEL_CARD_BODY_MAX_LINE_BREAKS as f64),
                );
            }
            match (&card.buttons, &card.cta_url) {
                (Some(buttons), None) => check_reply_buttons(report, &at.key("buttons"), buttons, REPLY_BUTTONS_MAX),
                (None, Some(cta)) => check_cta(report, &at.key("ctaUrl"), &cta.display_text, &cta.url),
                (Some(_), Some(_)) => report.add(
                    &at.key("ctaUrl"),
                    ViolationCode::InvalidValue,
                    "a card has either quick-reply buttons or a URL button, not both",
                    None,
                ),
                (None, None) => report.add(
                    &at.key("buttons"),
                    ViolationCode::Required,
                    "a card needs quick-reply buttons or a URL button",
                    None,
                ),
            }
        }
        // Cards must match: the same kind of button, and as many quick replies, on every card.
        let shape = |card: &CarouselCard| (card.cta_url.is_some(), card.buttons.as_ref().map_or(0, Vec::len));
        if let Some(first) = self.cards.first().map(shape)
            && let Some(i) = self.cards.iter().position(|c| shape(c) != first)
        {
            report.add(
                &cards.index(i),
                ViolationCode::InvalidValue,
                "every card of a carousel has the same buttons: the same type and number",
                None,
            );
        }
    }
}

interactive_struct! {
    /// A product card of a product carousel.
    pub struct ProductCard {
        pub catalog_id: String,
        pub product_retailer_id: String,
    }
}

interactive_struct! {
    /// Product cards the customer scrolls sideways: 2–10 products of one catalog.
    pub struct ProductCarousel {
        pub body: String,
        pub cards: Vec<ProductCard>,
    }
}

impl Validate for ProductCarousel {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        check_body(report, path, &self.body);
        let cards = path.key("cards");
        check_count(report, &cards, "carousel cards", self.cards.len(), CAROUSEL_CARDS_MIN, CAROUSEL_CARDS_MAX);
        for (i, card) in self.cards.iter().enumerate() {
            let at = cards.index(i);
            check_identifier(report, &at.key("catalogId"), "catalogId", &card.catalog_id);
            check_identifier(report, &at.key("productRetailerId"), "productRetailerId", &card.product_retailer_id);
            if self.cards.first().is_some_and(|first| first.catalog_id != card.catalog_id) {
                report.add(
                    &at.key("catalogId"),
                    ViolationCode::InvalidValue,
                    "all cards of a product carousel come from one catalog",
                    None,
                );
            }
        }
    }
}
