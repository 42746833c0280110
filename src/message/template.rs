//! Template messages: a pre-approved template by name and language, with the values of its
//! variables (parameters) per component.

use super::Validate;
use super::interactive::ProductSection;
use super::location::Location;
use super::media::{Media, MediaKind};
use crate::limits::*;
use crate::validate::{
    Path, Report, ViolationCode, chars_fault, check_chars, check_count, check_identifier, check_range, check_required,
    uuid_fault,
};
use serde::Serialize;

macro_rules! template_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[serde(rename_all = "camelCase")]
        pub struct $name { $($body)* }
    };
}

template_struct! {
    /// A template message. Each provider names a template its own way: Meta by `name` (and
    /// language), 1MSG by `namespace` and `name`, Bird by its Studio `projectId` (and
    /// `projectVersion`). A message may give those of every provider it goes to: each provider
    /// needs its own and refuses the others (`convert` leaves them out, each a `lossy` change).
    pub struct Template {
        /// The template's name (at most 512 characters): what Meta and 1MSG name it by.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub name: Option<String>,
        /// Its language; for Bird its locale (`en_US` is sent as the BCP 47 tag `en-US`).
        pub language: TemplateLanguage,
        /// The message-template namespace of the WhatsApp Business Account, which 1MSG's
        /// sendTemplate requires; Meta's Cloud API takes none (a conversion to Meta leaves it out).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub namespace: Option<String>,
        /// The id (a UUID) of the Bird Studio project the template was made in: what Bird
        /// sends a template by.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub project_id: Option<String>,
        /// The Bird project's version: a version's UUID; absent, the latest (Bird's `"latest"`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub project_version: Option<String>,
        /// Values for the template's variables, per component.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub components: Option<Vec<TemplateComponent>>,
    }
}

template_struct! {
    /// The template's language: `code` such as `en_US`; `policy` is `deterministic` if given.
    pub struct TemplateLanguage {
        pub code: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "\"deterministic\""))]
        pub policy: Option<String>,
    }
}

/// A component of the template, discriminated by `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum TemplateComponent {
    /// Header variables: one text, or the header's image, video, document or location.
    Header(ComponentParameters),
    /// Body variables.
    Body(ComponentParameters),
    /// A button's variable (its payload, URL suffix, coupon code, or flow/catalog action).
    Button(TemplateButton),
    /// The expiry of a limited-time offer.
    LimitedTimeOffer(LimitedTimeOffer),
    /// The cards of a media card carousel template.
    Carousel(TemplateCarousel),
}

impl TemplateComponent {
    /// Its `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            TemplateComponent::Header(_) => "header",
            TemplateComponent::Body(_) => "body",
            TemplateComponent::Button(_) => "button",
            TemplateComponent::LimitedTimeOffer(_) => "limitedTimeOffer",
            TemplateComponent::Carousel(_) => "carousel",
        }
    }
}

template_struct! {
    /// The parameters of a header or body.
    pub struct ComponentParameters {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub parameters: Vec<TemplateParameter>,
    }
}

/// A variable's value, discriminated by `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum TemplateParameter {
    /// Text: at most 1024 characters (32768 when the body is the only component; 60 in a header).
    Text(TextParameter),
    Currency(CurrencyParameter),
    DateTime(DateTimeParameter),
    Image(Media),
    Video(Media),
    Document(Media),
    Location(Location),
    /// A product of a catalog, as the header of a single-product template or of a product
    /// card carousel's card.
    Product(ProductParameter),
}

impl TemplateParameter {
    /// Its `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            TemplateParameter::Text(_) => "text",
            TemplateParameter::Currency(_) => "currency",
            TemplateParameter::DateTime(_) => "dateTime",
            TemplateParameter::Image(_) => "image",
            TemplateParameter::Video(_) => "video",
            TemplateParameter::Document(_) => "document",
            TemplateParameter::Location(_) => "location",
            TemplateParameter::Product(_) => "product",
        }
    }
}

template_struct! {
    /// A product by its catalog's id and its retailer id (SKU).
    pub struct ProductParameter {
        pub catalog_id: String,
        pub product_retailer_id: String,
    }
}

template_struct! {
    pub struct TextParameter {
        pub text: String,
        /// The variable's name, for templates with named parameters (`{{first_name}}`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub parameter_name: Option<String>,
    }
}

template_struct! {
    /// An amount of money: `amount1000` is the amount times 1000; `code` ISO 4217.
    pub struct CurrencyParameter {
        pub fallback_value: String,
        pub code: String,
        pub amount1000: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub parameter_name: Option<String>,
    }
}

template_struct! {
    /// A date and time, shown as `fallbackValue`; the component fields are optional.
    pub struct DateTimeParameter {
        pub fallback_value: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub day_of_week: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub year: Option<u16>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub month: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub day_of_month: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub hour: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub minute: Option<u8>,
        /// `GREGORIAN` or `SOLAR_HIJRI`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "\"GREGORIAN\" | \"SOLAR_HIJRI\""))]
        pub calendar: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub parameter_name: Option<String>,
    }
}

/// Which kind of template button a component fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ButtonSubType {
    QuickReply,
    /// A URL button (its variable is the URL suffix); also the one-time-password button of
    /// authentication templates.
    Url,
    CopyCode,
    Flow,
    Catalog,
    Mpm,
}

impl ButtonSubType {
    pub const ALL: [ButtonSubType; 6] =
        [Self::QuickReply, Self::Url, Self::CopyCode, Self::Flow, Self::Catalog, Self::Mpm];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::QuickReply => "quick_reply",
            Self::Url => "url",
            Self::CopyCode => "copy_code",
            Self::Flow => "flow",
            Self::Catalog => "catalog",
            Self::Mpm => "mpm",
        }
    }
}

template_struct! {
    /// The variable of the template button at `index` (0-based).
    pub struct TemplateButton {
        pub sub_type: ButtonSubType,
        /// 0–9: the button's position in the template.
        pub index: u32,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub parameters: Vec<ButtonParameter>,
    }
}

/// A button variable's value, discriminated by `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ButtonParameter {
    /// What a quick-reply button sends back.
    Payload(PayloadParameter),
    /// A URL button's suffix, or an authentication template's one-time password.
    Text(ButtonText),
    /// A copy-code button's code (at most 15 characters).
    CouponCode(CouponCode),
    /// A flow, catalog or multi-product button's action.
    Action(ActionParameter),
}

template_struct! {
    pub struct PayloadParameter { pub payload: String }
}

template_struct! {
    pub struct ButtonText { pub text: String }
}

template_struct! {
    pub struct CouponCode { pub coupon_code: String }
}

template_struct! {
    pub struct ActionParameter { pub action: ButtonAction }
}

template_struct! {
    /// The action of a flow, catalog or multi-product (mpm) button.
    pub struct ButtonAction {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub flow_token: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional, type = "Record<string, unknown>"))]
        pub flow_action_data: Option<serde_json::Map<String, serde_json::Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub thumbnail_product_retailer_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "wasm", tsify(optional))]
        pub sections: Option<Vec<ProductSection>>,
    }
}

template_struct! {
    /// When a limited-time offer expires, in milliseconds since the epoch.
    pub struct LimitedTimeOffer {
        pub expiration_time_ms: i64,
    }
}

template_struct! {
    /// The cards of a media card carousel template: 2–10, as many as the approved template.
    pub struct TemplateCarousel {
        pub cards: Vec<TemplateCard>,
    }
}

template_struct! {
    /// One card: its header, body and button variables.
    pub struct TemplateCard {
        pub card_index: u32,
        pub components: Vec<TemplateComponent>,
    }
}

impl Template {
    /// The fields that name a template to one provider or another, by their JSON names:
    /// Meta's and 1MSG's name, 1MSG's namespace, Bird's Studio project and its version.
    pub const NAMES: [&'static str; 4] = ["name", "namespace", "projectId", "projectVersion"];

    fn name_slots(&mut self) -> [&mut Option<String>; 4] {
        [&mut self.name, &mut self.namespace, &mut self.project_id, &mut self.project_version]
    }

    /// Its naming fields' values, in the order of [`Template::NAMES`].
    fn name_values(&self) -> [Option<&str>; 4] {
        [self.name.as_deref(), self.namespace.as_deref(), self.project_id.as_deref(), self.project_version.as_deref()]
    }

    /// Whether it gives the naming field `field` (one of [`Template::NAMES`]).
    pub fn gives(&self, field: &str) -> bool {
        Template::NAMES.into_iter().zip(self.name_values()).any(|(name, value)| name == field && value.is_some())
    }

    /// What is wrong with `value` as the naming field `field` (one of [`Template::NAMES`]), as
    /// the model judges it — code, message, limit — or `None`: the name's length, the Bird
    /// ids' UUID form (Bird's own `"latest"` version is absence here, what a Bird body's
    /// "latest" is read as).
    pub fn name_fault(field: &str, value: &str) -> Option<(ViolationCode, String, Option<f64>)> {
        let uuid =
            |what: &str| uuid_fault(field, what, value).map(|message| (ViolationCode::InvalidFormat, message, None));
        match field {
            "name" => chars_fault("template name", value, 1, TEMPLATE_NAME_MAX_CHARS)
                .map(|(code, message, limit)| (code, message, Some(limit))),
            "projectId" => uuid("the Bird Studio project's id"),
            "projectVersion" if value != "latest" => uuid("the project version's id"),
            _ => None,
        }
    }

    /// Sets the naming field `field` (one of [`Template::NAMES`]) to `value` where it has none.
    pub fn give_name(&mut self, field: &str, value: &str) {
        for (name, slot) in Template::NAMES.into_iter().zip(self.name_slots()) {
            if name == field && slot.is_none() {
                *slot = Some(value.to_string());
            }
        }
    }

    /// Takes out the naming fields named in `fields`.
    pub fn forget_names(&mut self, fields: &[&str]) {
        for (name, slot) in Template::NAMES.into_iter().zip(self.name_slots()) {
            if fields.contains(&name) {
                *slot = None;
            }
        }
    }
}

impl Validate for Template {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        // Which name depends on the provider (`codec::TemplateNaming`): with neither, the
        // template as a whole lacks one.
        if self.name.is_none() && self.project_id.is_none() {
            report.add(
                path,
                ViolationCode::Required,
                "a template needs a name: its name for Meta and 1MSG, its Studio projectId for Bird",
                None,
            );
        }
        for (field, value) in Template::NAMES.into_iter().zip(self.name_values()) {
            if let Some((code, message, limit)) = value.and_then(|value| Template::name_fault(field, value)) {
                report.add(&path.key(field), code, message, limit);
            }
        }
        let language = path.key("language");
        check_identifier(report, &language.key("code"), "template language code", &self.language.code);
        if let Some(policy) = &self.language.policy
            && policy != "deterministic"
        {
            report.add(
                &language.key("policy"),
                ViolationCode::InvalidValue,
                format!("language policy must be \"deterministic\" (got {policy:?})"),
                None,
            );
        }
        if let Some(namespace) = &self.namespace {
            check_identifier(report, &path.key("namespace"), "template namespace", namespace);
        }
        let Some(components) = &self.components else { return };
        // The body may carry 32768 characters per parameter when it is the only component.
        let body_only = matches!(components.as_slice(), [TemplateComponent::Body(_)]);
        check_components(report, &path.key("components"), components, body_only, false);
    }
}

fn check_components(
    report: &mut Report,
    path: &Path<'_>,
    components: &[TemplateComponent],
    body_only: bool,
    in_card: bool,
) {
    for (i, component) in components.iter().enumerate() {
        let at = path.index(i);
        match component {
            TemplateComponent::Header(header) => {
                let parameters = at.key("parameters");
                check_count(report, &parameters, "header parameters", header.parameters.len(), 0, 1);
                for (j, parameter) in header.parameters.iter().enumerate() {
                    check_parameter(
                        report,
                        &parameters.index(j),
                        parameter,
                        TEMPLATE_HEADER_TEXT_PARAMETER_MAX_CHARS,
                        true,
                    );
                }
            }
            TemplateComponent::Body(body) => {
                let max = if body_only {
                    TEMPLATE_BODY_ONLY_TEXT_PARAMETER_MAX_CHARS
                } else {
                    TEMPLATE_TEXT_PARAMETER_MAX_CHARS
                };
                let parameters = at.key("parameters");
                for (j, parameter) in body.parameters.iter().enumerate() {
                    check_parameter(report, &parameters.index(j), parameter, max, false);
                }
            }
            TemplateComponent::Button(button) => check_button(report, &at, button),
            TemplateComponent::LimitedTimeOffer(offer) if !in_card => {
                if offer.expiration_time_ms <= 0 {
                    report.add(
                        &at.key("expirationTimeMs"),
                        ViolationCode::OutOfRange,
                        "expirationTimeMs is a positive UNIX time in milliseconds",
                        None,
                    );
                }
            }
            TemplateComponent::Carousel(carousel) if !in_card => {
                let cards = at.key("cards");
                check_count(
                    report,
                    &cards,
                    "carousel cards",
                    carousel.cards.len(),
                    CAROUSEL_CARDS_MIN,
                    CAROUSEL_CARDS_MAX,
                );
                for (j, card) in carousel.cards.iter().enumerate() {
                    let card_path = cards.index(j);
                    if card.card_index as usize != j {
                        report.add(
                            &card_path.key("cardIndex"),
                            ViolationCode::InvalidValue,
                            format!("cardIndex of the card at position {j} must be {j}"),
                            None,
                        );
                    }
                    check_components(report, &card_path.key("components"), &card.components, false, true);
                }
            }
            _ => report.add(
                &at.key("type"),
                ViolationCode::InvalidValue,
                "a carousel card holds header, body and button components only",
                None,
            ),
        }
    }
}

fn check_parameter(
    report: &mut Report,
    path: &Path<'_>,
    parameter: &TemplateParameter,
    text_max: usize,
    in_header: bool,
) {
    match parameter {
        TemplateParameter::Text(text) => {
            check_chars(report, &path.key("text"), "text parameter", &text.text, 1, text_max);
            if let Some(name) = &text.parameter_name {
                check_required(report, &path.key("parameterName"), "a variable's name", name);
            }
        }
        TemplateParameter::Currency(currency) => {
            if let Some(name) = &currency.parameter_name {
                check_required(report, &path.key("parameterName"), "a variable's name", name);
            }
            check_required(report, &path.key("fallbackValue"), "currency fallbackValue", &currency.fallback_value);
            let code = &currency.code;
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                report.add(
                    &path.key("code"),
                    ViolationCode::InvalidFormat,
                    format!("currency code is an ISO 4217 code such as USD (got {code:?})"),
                    None,
                );
            }
        }
        TemplateParameter::DateTime(date) => {
            check_required(report, &path.key("fallbackValue"), "date_time fallbackValue", &date.fallback_value);
            // The components' ranges in Meta's date_time object (day_of_week 1 for Monday to 7).
            let parts = [
                ("dayOfWeek", date.day_of_week, 1.0, 7.0),
                ("month", date.month, 1.0, 12.0),
                ("dayOfMonth", date.day_of_month, 1.0, 31.0),
                ("hour", date.hour, 0.0, 23.0),
                ("minute", date.minute, 0.0, 59.0),
            ];
            for (key, value, min, max) in parts {
                if let Some(value) = value {
                    check_range(report, &path.key(key), &format!("date_time {key}"), f64::from(value), min, max);
                }
            }
            if let Some(calendar) = date.calendar.as_deref().filter(|c| !["GREGORIAN", "SOLAR_HIJRI"].contains(c)) {
                let shown: String = calendar.chars().take(40).collect();
                let message = format!("date_time calendar is GREGORIAN or SOLAR_HIJRI (got {shown:?})");
                report.add(&path.key("calendar"), ViolationCode::InvalidValue, message, None);
            }
        }
        TemplateParameter::Image(media) => check_media_parameter(report, path, MediaKind::Image, media, in_header),
        TemplateParameter::Video(media) => check_media_parameter(report, path, MediaKind::Video, media, in_header),
        TemplateParameter::Document(media) => {
            check_media_parameter(report, path, MediaKind::Document, media, in_header)
        }
        TemplateParameter::Location(location) => {
            header_only(report, path, in_header, "a location");
            location.validate_into(report, path);
        }
        TemplateParameter::Product(product) => {
            header_only(report, path, in_header, "a product");
            check_identifier(report, &path.key("catalogId"), "catalogId", &product.catalog_id);
            check_identifier(report, &path.key("productRetailerId"), "productRetailerId", &product.product_retailer_id);
        }
    }
}

/// Media, a location and a product are a header's parameters only.
fn header_only(report: &mut Report, path: &Path<'_>, in_header: bool, what: &str) {
    if !in_header {
        let message = format!("{what} parameter belongs in the header");
        report.add(&path.key("type"), ViolationCode::InvalidValue, message, None);
    }
}

fn check_media_parameter(report: &mut Report, path: &Path<'_>, kind: MediaKind, media: &Media, in_header: bool) {
    header_only(report, path, in_header, &format!("an {}", kind.name()));
    media.validate_as(kind, true, report, path);
}

fn check_button(report: &mut Report, path: &Path<'_>, button: &TemplateButton) {
    if button.index as usize > TEMPLATE_BUTTON_INDEX_MAX {
        report.add(
            &path.key("index"),
            ViolationCode::OutOfRange,
            format!("button index is 0–{TEMPLATE_BUTTON_INDEX_MAX} (got {})", button.index),
            Some(TEMPLATE_BUTTON_INDEX_MAX as f64),
        );
    }
    let parameters = path.key("parameters");
    for (j, parameter) in button.parameters.iter().enumerate() {
        let at = parameters.index(j);
        let fits = match (button.sub_type, parameter) {
            (ButtonSubType::QuickReply, ButtonParameter::Payload(PayloadParameter { payload })) => {
                check_required(report, &at.key("payload"), "quick reply payload", payload);
                true
            }
            (ButtonSubType::Url, ButtonParameter::Text(ButtonText { text })) => {
                check_required(report, &at.key("text"), "URL button text", text);
                true
            }
            (ButtonSubType::CopyCode, ButtonParameter::CouponCode(CouponCode { coupon_code })) => {
                check_chars(report, &at.key("couponCode"), "coupon code", coupon_code, 1, COUPON_CODE_MAX_CHARS);
                true
            }
            // A multi-product button's products, as a product list holds them (Meta's MPM
            // templates: up to 30 products in up to 10 sections).
            (ButtonSubType::Mpm, ButtonParameter::Action(ActionParameter { action })) => {
                let action_at = at.key("action");
                let sections = action_at.key("sections");
                match &action.sections {
                    Some(given) => crate::message::interactive::check_product_sections(report, &sections, given),
                    None => report.add(
                        &sections,
                        ViolationCode::Required,
                        "a multi-product button lists its products in sections",
                        None,
                    ),
                }
                true
            }
            (ButtonSubType::Flow | ButtonSubType::Catalog, ButtonParameter::Action(_)) => true,
            _ => false,
        };
        if !fits {
            report.add(
                &at.key("type"),
                ViolationCode::InvalidValue,
                format!("a {} button does not take this parameter type", button.sub_type.as_str()),
                None,
            );
        }
    }
}
