//! 1MSG's bodies that carry no neutral message, or more than the neutral model says — its
//! templates, carousels, flows and products, its profile, settings, commerce and webhook
//! settings, read receipts, template management and uploads — as tables for the schema
//! walker (`validate::schema`). Sources: docs/1msg-reference.md (1MSG's spec 2.39, the 1.0.0
//! operations summary and its help pages; where they disagree, what is followed and why).

use crate::json::Json;
use crate::limits::*;
use crate::message::media::data_uri_type;
use crate::provider::Operation;
use crate::validate::schema::{Fault, Field, Shape};
use crate::validate::{Path, Report, ViolationCode, is_bsuid, is_email};

use Shape::*;

/// addTemplate's `language`: the codes 1MSG's spec (2.39) lists. A sent template's
/// `language.code` is any code: the current contract (SendTemplateRequestLanguage) types it as
/// a string, and Meta, which 1MSG hands templates to, has added languages since (`ml`, `ka`, …).
/// A component's parameters: as many as its template has placeholders, which only the
/// template says (the sandbox checks them against it). Neither 1MSG nor Meta documents a
/// maximum, and the neutral model has none: a cap here (it was 100) refused what converted.
const PARAMETERS_MAX: usize = usize::MAX;

const LANGUAGES: &[&str] = &[
    "af", "sq", "ar", "az", "bn", "bg", "ca", "zh_CN", "zh_HK", "zh_TW", "hr", "cs", "da", "nl", "en", "en_GB",
    "en_US", "et", "fil", "fi", "fr", "de", "el", "gu", "he", "hi", "hu", "id", "ga", "it", "ja", "kn", "kk", "ko",
    "lo", "lv", "lt", "mk", "ms", "mr", "nb", "fa", "pl", "pt_BR", "pt_PT", "pa", "ro", "ru", "sr", "sk", "sl", "es",
    "es_AR", "es_ES", "es_MX", "sw", "sv", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi",
];

/// POST /me `vertical` (1MSG's spec; `""` clears it).
const VERTICALS: &[&str] = &[
    "",
    "Automotive",
    "Beauty, Spa and Salon",
    "Clothing and Apparel",
    "Education",
    "Entertainment",
    "Event Planning and Service",
    "Finance and Banking",
    "Food and Grocery",
    "Public Service",
    "Hotel and Lodging",
    "Medical and Health",
    "Non-profit",
    "Professional Services",
    "Shopping and Retail",
    "Travel and Transportation",
    "Restaurant",
    "Other",
];

const TEXT: Shape = Str(1, usize::MAX);

/// The most `params` (a template's components) 1MSG's sendTemplate takes (2.39).
pub(super) const TEMPLATE_PARAMS_MAX: usize = 20;

pub(super) fn chat_id(value: &Json<'_>) -> Result<(), Fault> {
    chat_id_fault(value.as_str().ok_or("chatId is a string")?).map_or(Ok(()), |fault| Err(fault.into()))
}

/// What is wrong with a chatId, if anything: it is `<digits>@c.us` or `<digits>@g.us` (an
/// older group's id has a `-`).
pub(super) fn chat_id_fault(chat: &str) -> Option<String> {
    let digits = |id: &str, dash: bool| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit() || (dash && b == b'-'));
    match chat.split_once('@') {
        Some((id, "c.us")) if digits(id, false) => None,
        Some((id, "g.us")) if digits(id, true) => None,
        // A customer whose number is hidden writes from `<BSUID>@lid`; a send to that chat
        // fails, the BSUID as `phone` goes (docs/research/webhooks-events.md §1.3, [EB]).
        Some((id, "lid")) if is_bsuid(id) => {
            Some(format!("a <BSUID>@lid chat is sent to with phone set to its business-scoped user id ({id:?})"))
        }
        _ => Some(format!("chatId must be <digits>@c.us or <digits>@g.us (got {chat:?})")),
    }
}

/// Why a file's link is refused by sendFile, if it is: 1MSG takes a file by an https URL, a
/// `data:` URI or a form file (issue 10, from 1MSG's sendFile documentation), not plain http.
pub(super) fn plain_http_fault(link: &str) -> Option<String> {
    link.get(..7).is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://")).then(|| {
        "1MSG's sendFile takes a file by an https URL, a data: URI or a form file, not an http URL".to_string()
    })
}

/// Digits with the country code, no `+`: a number (the current API) or a string (v2.39); or,
/// for a customer whose number is hidden, their business-scoped user id (a string).
fn phone(value: &Json<'_>) -> Result<(), Fault> {
    let digits = match (value.as_whole(), value) {
        (Some(n), _) if n > 0 => n.to_string(),
        (_, Json::Str(s)) if is_bsuid(s) => return Ok(()),
        (_, Json::Str(s)) => s.to_string(),
        _ => return Err("phone is digits with the country code, as a number or a string".into()),
    };
    let count = digits.len();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return Err(format!("phone is digits with the country code, no '+' or spaces (got {digits:?})").into());
    }
    if !(PHONE_NUMBER_MIN_DIGITS..=PHONE_NUMBER_MAX_DIGITS).contains(&count) {
        let message =
            format!("phone has {count} digits; {PHONE_NUMBER_MIN_DIGITS} to {PHONE_NUMBER_MAX_DIGITS} are allowed");
        return Err(if count < PHONE_NUMBER_MIN_DIGITS {
            Fault::limit(ViolationCode::TooShort, message, PHONE_NUMBER_MIN_DIGITS)
        } else {
            Fault::limit(ViolationCode::TooLong, message, PHONE_NUMBER_MAX_DIGITS)
        });
    }
    // A number the numbering plans allow, whether or not the method's body also reads into a
    // neutral message (whose `to` is judged so): the same phone is refused the same everywhere.
    crate::phone::parse(&format!("+{digits}"), None).map(drop).map_err(|error| Fault {
        code: crate::validate::phone_fault(&error),
        message: format!("phone: {error} (got {digits:?})"),
        limit: error.limit(),
    })
}

/// A file given by URL or inline (uploadMedia's `body`): an http(s) URL, or a `data:` URI held
/// to the media rules a file given as bytes is (a type WhatsApp takes, within its size).
fn url_or_data(value: &Json<'_>) -> Result<(), Fault> {
    match value.as_str() {
        Some(s) if s.starts_with("data:") => inline_file(s).map(drop),
        Some(s) if crate::validate::is_http_url(s) => Ok(()),
        _ => Err("must be an http(s) URL or a data: URI".into()),
    }
}

/// The profile photo (POST /me's `photo`): an https URL, or an image as a `data:` URI.
fn photo(value: &Json<'_>) -> Result<(), Fault> {
    match value.as_str() {
        Some(s) if s.starts_with("data:") => match inline_file(s)? {
            crate::message::MediaKind::Image => Ok(()),
            _ => Err(format!(
                "the profile photo is an image, image/jpeg or image/png (got {:?})",
                data_uri_type(s).unwrap_or("no type")
            )
            .into()),
        },
        Some(s) if s.starts_with("https://") && crate::validate::is_http_url(s) => Ok(()),
        _ => Err("the profile photo is an https URL or a data: URI of an image".into()),
    }
}

/// The kind of a `data:` URI's file, checked as an upload of its bytes would be.
fn inline_file(uri: &str) -> Result<crate::message::MediaKind, Fault> {
    use crate::message::media::{check_upload, data_uri_bytes};
    let (Some(mime_type), Some(size)) = (data_uri_type(uri), data_uri_bytes(uri)) else {
        return Err("a data: URI names its MIME type: data:<type>;base64,<data>".into());
    };
    if let Some(fault) = crate::message::media::data_uri_fault(uri) {
        return Err(format!("the data: URI's {}", fault.trim_start_matches("its ")).into());
    }
    // One violation at most: a type not taken, or a file too large (with its limit).
    check_upload(mime_type, size).map_err(|faults| {
        let fault = faults.into_iter().next();
        fault.map_or_else(
            || "the data: URI's file is not taken".into(),
            |v| Fault { code: v.code, message: v.message, limit: v.limit },
        )
    })
}

/// A template button's index: a number, or its digits as a string.
fn button_index(value: &Json<'_>) -> Result<(), Fault> {
    let index = match (value.as_whole(), value) {
        (Some(n), _) => n,
        (_, Json::Str(s)) => s.parse().map_err(|_| format!("index {s:?} is not a number"))?,
        _ => return Err("index is a number".into()),
    };
    match usize::try_from(index) {
        Ok(i) if i <= TEMPLATE_BUTTON_INDEX_MAX => Ok(()),
        _ => Err(Fault::limit(
            ViolationCode::OutOfRange,
            format!("index {index} is out of range: 0 to {TEMPLATE_BUTTON_INDEX_MAX}"),
            // The bound passed.
            if index < 0 { 0 } else { TEMPLATE_BUTTON_INDEX_MAX },
        )),
    }
}

/// Who a send goes to, and what it quotes: on every send method.
macro_rules! send_fields {
    ($($field:expr),* $(,)?) => {
        &[
            Field("chatId", Rule(chat_id), false),
            Field("phone", Rule(phone), false),
            Field("quotedMsgId", TEXT, false),
            $($field),*
        ]
    };
}

const MEDIA: &[Field] = &[Field("link", Url, false), Field("id", TEXT, false), Field("filename", TEXT, false)];
const CURRENCY: &[Field] = &[
    Field("currency_code", Str(3, 3), true),
    Field("amount_1000", Int(i64::MIN, i64::MAX), true),
    Field("fallback_value", TEXT, true),
];
/// A date's day of the week: its name, MONDAY to SUNDAY, or its number, 1 to 7 (2.39's enum
/// mixes both). Checked here, in the body as given: the reader sees it moved out of
/// `component` (`template::to_cloud`), where its pointer would not be the caller's.
fn day_of_week(value: &Json<'_>) -> Result<(), Fault> {
    match value {
        day if day.as_whole().is_some_and(|n| (1..=7).contains(&n)) => Ok(()),
        Json::Str(name) if super::template::DAYS.iter().any(|d| d.eq_ignore_ascii_case(name)) => Ok(()),
        _ => Err("day_of_week is a day's name, MONDAY to SUNDAY, or its number, 1 to 7".into()),
    }
}
const DATE_COMPONENT: &[Field] = &[
    Field("day_of_week", Rule(day_of_week), false),
    Field("year", Int(1, 9999), false),
    Field("month", Int(1, 12), false),
    Field("day_of_month", Int(1, 31), false),
    Field("hour", Int(0, 23), false),
    Field("minute", Int(0, 59), false),
    Field("calendar", Enum(&["GREGORIAN", "SOLAR_HIJRI"]), false),
];
const DATE_TIME: &[Field] = &[
    Field("fallback_value", TEXT, true),
    Field("component", Obj(DATE_COMPONENT), false),
    Field("unix_epoch", Obj(&[Field("timestamp", Int(0, i64::MAX), true)]), false),
];
const PRODUCT: &[Field] = &[Field("catalog_id", TEXT, true), Field("product_retailer_id", TEXT, true)];
/// A location header's value. Its coordinates are numbers, or strings holding them (Meta's
/// reference types them as strings): the reader judges them and their ranges.
const LOCATION: &[Field] = &[
    Field("latitude", Any, true),
    Field("longitude", Any, true),
    Field("name", TEXT, false),
    Field("address", TEXT, false),
];
/// A limited-time offer's expiry, in milliseconds since the epoch.
const OFFER: &[Field] = &[Field("expiration_time_ms", Int(1, i64::MAX), true)];
/// A Cloud API parameter, which 1MSG passes on (its `type` names the field holding it); on a
/// sendCarousel card's quick-reply button, `{id, text}` without a type. 2.39 lists text,
/// currency, date_time, image, document and video only; the current contract (the 1.0.0
/// operations summary, sendTemplate) adds the button sub types copy_code, catalog, flow,
/// limited_time_offer and order_details, whose parameters are the Cloud API's (coupon_code,
/// action, limited_time_offer), and 1MSG's MCP server says `params` "MUST be Cloud API
/// component objects": the Cloud API's other parameter, a location header's, is taken too,
/// as addTemplate takes a LOCATION header to fill (docs/1msg-reference.md, sendTemplate).
const PARAMETER: &[Field] = &[
    Field("id", Str(1, REPLY_BUTTON_ID_MAX_CHARS), false),
    Field(
        "type",
        Enum(&[
            "text",
            "currency",
            "date_time",
            "image",
            "document",
            "video",
            "payload",
            "action",
            "coupon_code",
            "product",
            "limited_time_offer",
            "location",
        ]),
        false,
    ),
    Field("text", Str(1, TEMPLATE_BODY_ONLY_TEXT_PARAMETER_MAX_CHARS), false),
    Field("parameter_name", TEXT, false),
    Field("currency", Obj(CURRENCY), false),
    Field("date_time", Obj(DATE_TIME), false),
    Field("image", Obj(MEDIA), false),
    Field("document", Obj(MEDIA), false),
    Field("video", Obj(MEDIA), false),
    Field("payload", TEXT, false),
    Field("action", Any, false),
    Field("coupon_code", Str(1, COUPON_CODE_MAX_CHARS), false),
    Field("product", Obj(PRODUCT), false),
    Field("limited_time_offer", Obj(OFFER), false),
    Field("location", Obj(LOCATION), false),
];
/// A URL button's parameters on a carousel card: `{text, url}` rather than a list.
const CARD_LINK: &[Field] = &[Field("text", TEXT, true), Field("url", Url, true)];
const COMPONENT: &[Field] = &[
    Field("type", Enum(&["header", "body", "button", "footer"]), true),
    Field(
        "sub_type",
        Enum(&[
            "url",
            "quick_reply",
            "copy_code",
            "coupon_code",
            "catalog",
            "CATALOG",
            "flow",
            "FLOW",
            "limited_time_offer",
            "order_details",
            "mpm",
        ]),
        false,
    ),
    Field("index", Rule(button_index), false),
    Field("parameters", Either(&Obj(CARD_LINK), &Arr(&Obj(PARAMETER), 0, PARAMETERS_MAX)), false),
];
const CARD: &[Field] = &[
    Field("card_index", Int(0, CAROUSEL_CARDS_MAX as i64 - 1), false),
    Field("components", Arr(&Obj(COMPONENT), 1, 10), true),
];
/// A `params` item: a component, the expiry of a limited-time offer (the Cloud API's
/// `limited_time_offer` component, see PARAMETER), or the carousel of a carousel template.
const PARAM: &[Field] = &[
    Field("type", Enum(&["header", "body", "button", "footer", "limited_time_offer", "CAROUSEL", "carousel"]), true),
    Field("sub_type", Any, false),
    Field("index", Rule(button_index), false),
    Field("parameters", Either(&Obj(CARD_LINK), &Arr(&Obj(PARAMETER), 0, PARAMETERS_MAX)), false),
    Field("cards", Arr(&Obj(CARD), CAROUSEL_CARDS_MIN, CAROUSEL_CARDS_MAX), false),
];

const SEND_TEMPLATE: &[Field] = send_fields![
    Field("namespace", TEXT, true),
    Field("template", Str(1, TEMPLATE_NAME_MAX_CHARS), true),
    // `policy` is optional: 2.39 lists no required member of `language` (only the enum
    // "deterministic"), nor does the current contract (SendTemplateRequestLanguage); the help
    // page's "policy: write deterministic" says what to write when it is given.
    Field("language", Obj(&[Field("policy", Enum(&["deterministic"]), false), Field("code", TEXT, true)]), true),
    Field("params", Arr(&Obj(PARAM), 0, TEMPLATE_PARAMS_MAX), false),
    // The current contract's sending options (SendTemplateRequest): MM Lite, click tracking,
    // and the time to live, whose ranges (per category) `rules` checks.
    Field("useMMlite", Bool, false),
    Field("messageActivitySharing", Bool, false),
    Field("messageSendTtlSeconds", Int(-1, ONEMSG_TEMPLATE_TTL_MAX_SECONDS), false),
];

const SEND_CAROUSEL: &[Field] = send_fields![
    Field("body", Str(1, INTERACTIVE_BODY_MAX_CHARS), false),
    Field("params", Arr(&Obj(PARAM), 1, 1), true),
];

const FLOW_PAYLOAD: &[Field] = &[Field("screen", TEXT, false), Field("data", Any, false)];
const HEADER: &[Field] = &[
    Field("type", Enum(&["text", "image", "video", "document"]), true),
    Field("text", Str(1, INTERACTIVE_HEADER_TEXT_MAX_CHARS), false),
    Field("image", Obj(MEDIA), false),
    Field("video", Obj(MEDIA), false),
    Field("document", Obj(MEDIA), false),
];
const SEND_FLOW: &[Field] = send_fields![
    Field("header", Either(&Str(1, INTERACTIVE_HEADER_TEXT_MAX_CHARS), &Obj(HEADER)), false),
    Field("body", Str(1, INTERACTIVE_BODY_MAX_CHARS), true),
    Field("footer", Str(1, INTERACTIVE_FOOTER_MAX_CHARS), false),
    Field("flowId", TEXT, true),
    Field("flowToken", TEXT, true),
    Field("flowCta", Str(1, FLOW_CTA_MAX_CHARS), true),
    Field("flowAction", Enum(&["navigate", "data_exchange"]), false),
    Field("flowActionPayload", Obj(FLOW_PAYLOAD), false),
    Field("flowActionData", Any, false),
    Field("flowActionScreen", TEXT, false),
    Field("flowMessageVersion", Enum(&["3"]), false),
    Field("mode", Enum(&["draft", "published"]), false),
];

const PRODUCT_SECTION: &[Field] = &[
    Field("title", Str(1, LIST_SECTION_TITLE_MAX_CHARS), false),
    Field("product_items", Arr(&Obj(&[Field("product_retailer_id", TEXT, true)]), 1, PRODUCT_LIST_ITEMS_MAX), true),
];
const PRODUCT_ACTION: &[Field] = &[
    Field("catalog_id", TEXT, true),
    Field("product_retailer_id", TEXT, false),
    Field("sections", Arr(&Obj(PRODUCT_SECTION), 1, LIST_SECTIONS_MAX), false),
];
const SEND_PRODUCT: &[Field] = send_fields![
    Field("header", Str(1, INTERACTIVE_HEADER_TEXT_MAX_CHARS), false),
    Field("body", Str(1, INTERACTIVE_BODY_MAX_CHARS), false),
    Field("footer", Str(1, INTERACTIVE_FOOTER_MAX_CHARS), false),
    Field("action", Obj(PRODUCT_ACTION), true),
];

const ME: &[Field] = &[
    Field("about", Str(1, ONEMSG_ABOUT_MAX_CHARS), false),
    Field("address", Str(0, ONEMSG_ADDRESS_MAX_CHARS), false),
    Field("description", Str(0, ONEMSG_DESCRIPTION_MAX_CHARS), false),
    // Its format is checked by `rules` (an email address, or "" to clear it).
    Field("email", Str(0, ONEMSG_EMAIL_MAX_CHARS), false),
    Field("vertical", Enum(VERTICALS), false),
    Field("photo", Rule(photo), false),
    Field("websites", Arr(&Url, 0, 2), false),
];
const HOOK_URLS: Shape = Either(&Url, &Arr(&Url, 1, 5));
const SETTINGS: &[Field] = &[
    Field("webhookUrl", Nullable(&HOOK_URLS), false),
    Field("ackNotificationsOn", Bool, false),
    Field("guaranteedHooks", Bool, false),
    Field("rawHooks", Bool, false),
];
const COMMERCE: &[Field] =
    &[Field("params", Obj(&[Field("is_cart_enabled", Bool, true), Field("is_catalog_visible", Bool, true)]), true)];
const WEBHOOK: &[Field] = &[Field("webhookUrl", HOOK_URLS, true)];
const READ_MESSAGE: &[Field] =
    &[Field("messageId", TEXT, true), Field("msgId", TEXT, false), Field("typingIndicator", Bool, false)];

const TEMPLATE_BUTTON: &[Field] = &[
    Field("type", Enum(&["QUICK_REPLY", "URL", "PHONE_NUMBER", "OTP", "COPY_CODE", "FLOW", "CATALOG", "MPM"]), true),
    Field("text", Str(1, ONEMSG_TEMPLATE_BUTTON_TEXT_MAX_CHARS), false),
    Field("url", TEXT, false),
    Field("phone_number", TEXT, false),
    Field("otp_type", Enum(&["COPY_CODE", "ONE_TAP", "ZERO_TAP"]), false),
    Field("example", Any, false),
];
/// A component of a carousel template's card: a media header, a body, its buttons.
const TEMPLATE_CARD_COMPONENT: &[Field] = &[
    Field("type", Enum(&["HEADER", "BODY", "BUTTONS"]), true),
    Field("format", Enum(&["IMAGE", "VIDEO"]), false),
    // Its length is the body's rule (`template_components`), as a bubble's is.
    Field("text", TEXT, false),
    Field("example", Any, false),
    Field("buttons", Arr(&Obj(TEMPLATE_BUTTON), 1, ONEMSG_TEMPLATE_CARD_BUTTONS_MAX), false),
];
const TEMPLATE_CARD: &[Field] = &[Field("components", Arr(&Obj(TEMPLATE_CARD_COMPONENT), 1, 3), true)];
const TEMPLATE_COMPONENT: &[Field] = &[
    Field("type", Enum(&["HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL"]), true),
    Field("format", Enum(&["TEXT", "IMAGE", "DOCUMENT", "VIDEO", "LOCATION"]), false),
    Field("text", TEXT, false),
    Field("example", Any, false),
    Field("buttons", Arr(&Obj(TEMPLATE_BUTTON), 1, ONEMSG_TEMPLATE_BUTTONS_MAX), false),
    Field("cards", Arr(&Obj(TEMPLATE_CARD), CAROUSEL_CARDS_MIN, CAROUSEL_CARDS_MAX), false),
    Field("add_security_recommendation", Bool, false),
    Field("code_expiration_minutes", Int(1, 90), false),
];
/// Template names: lower-case letters, digits and underscores.
fn template_name(value: &Json<'_>) -> Result<(), Fault> {
    let name = value.as_str().ok_or("name is a string")?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return Err(format!("a template name is lower-case letters, digits and underscores (got {name:?})").into());
    }
    if name.len() > TEMPLATE_NAME_MAX_CHARS {
        let message = format!("a template name is at most {TEMPLATE_NAME_MAX_CHARS} characters");
        return Err(Fault::limit(ViolationCode::TooLong, message, TEMPLATE_NAME_MAX_CHARS));
    }
    Ok(())
}
const ADD_TEMPLATE: &[Field] = &[
    Field("name", Rule(template_name), true),
    Field("category", Enum(&["MARKETING", "UTILITY", "AUTHENTICATION"]), true),
    Field("language", Enum(LANGUAGES), true),
    Field("components", Arr(&Obj(TEMPLATE_COMPONENT), 1, 10), true),
    Field("allow_category_change", Bool, false),
];
const REMOVE_TEMPLATE: &[Field] = &[Field("name", Rule(template_name), true)];
const UPLOAD_MEDIA: &[Field] = &[Field("body", Rule(url_or_data), true)];

/// The table of a method whose body this module describes.
pub(super) fn fields(operation: Operation) -> Option<&'static [Field]> {
    Some(match operation {
        Operation::SendTemplate => SEND_TEMPLATE,
        Operation::SendCarousel => SEND_CAROUSEL,
        Operation::SendFlow => SEND_FLOW,
        Operation::SendProduct => SEND_PRODUCT,
        Operation::SetMe => ME,
        Operation::SetSettings => SETTINGS,
        Operation::SetCommerce => COMMERCE,
        Operation::SetWebhook => WEBHOOK,
        Operation::ReadMessage => READ_MESSAGE,
        Operation::AddTemplate => ADD_TEMPLATE,
        Operation::RemoveTemplate => REMOVE_TEMPLATE,
        Operation::UploadMedia => UPLOAD_MEDIA,
        _ => return None,
    })
}

/// The rules that tie fields together, which a table of fields cannot say.
pub(super) fn rules(operation: Operation, body: &Json<'_>, r: &mut Report) {
    let root = Path::root();
    let has = |value: &Json<'_>, key: &str| value.get(key).is_some();
    let group = body.get("chatId").and_then(Json::as_str).is_some_and(|c| c.len() > 5 && c.ends_with("@g.us"));
    if group && matches!(operation, Operation::SendProduct | Operation::SendFlow | Operation::SendCarousel) {
        let message = format!("groups take text, media and template messages, not {}", operation.name());
        r.add(&root.key("chatId"), ViolationCode::Unsupported, message, None);
    }
    match operation {
        Operation::SendProduct => {
            // (An action that is no object was refused as one already: nothing inside it to name.)
            let Some(action) = body.get("action").filter(|a| matches!(a, Json::Object(_))) else { return };
            let at = root.key("action");
            match (has(action, "product_retailer_id"), has(action, "sections")) {
                (true, true) => r.add(
                    &at.key("sections"),
                    ViolationCode::InvalidValue,
                    "give either product_retailer_id (one product) or sections (a list), not both",
                    None,
                ),
                (false, false) => r.add(
                    &at.key("product_retailer_id"),
                    ViolationCode::Required,
                    "one product (product_retailer_id) or sections of products is required",
                    None,
                ),
                (false, true) if !has(body, "header") => r.add(
                    &root.key("header"),
                    ViolationCode::Required,
                    "a product list (sections) needs a header",
                    None,
                ),
                _ => {}
            }
        }
        // "Required for flowAction=navigate (screen is required)"; flowActionScreen is its
        // shortcut. Without flowAction, 1MSG (and Meta after it) chooses, and the payload may go.
        Operation::SendFlow => {
            let action = body.get("flowAction").and_then(Json::as_str);
            let payload = body.get("flowActionPayload");
            if payload.is_some_and(|p| !matches!(p, Json::Object(_))) {
                return; // refused as no object already
            }
            let screened = has(body, "flowActionScreen") || payload.is_some_and(|p| has(p, "screen"));
            let navigate = action == Some("navigate") || (action.is_none() && payload.is_some());
            if navigate && !screened {
                let message = "a navigate flow opens a screen: give flowActionPayload.screen (or flowActionScreen)";
                let payload_at = root.key("flowActionPayload");
                let at = if payload.is_some() { payload_at.key("screen") } else { payload_at };
                r.add(&at, ViolationCode::Required, message, None);
            }
        }
        // The model's rule for ids (what a conversion would refuse later, refused here).
        Operation::ReadMessage => {
            if let Some(id) = body.get("messageId").and_then(Json::as_str) {
                crate::validate::check_no_padding(r, &root.key("messageId"), "messageId", id);
            }
        }
        Operation::AddTemplate => {
            let auth = body.get("category").and_then(Json::as_str) == Some("AUTHENTICATION");
            template_components(body.items("components"), &root.key("components"), auth, false, r);
        }
        Operation::SetMe if matches!(body, Json::Object(fields) if fields.is_empty()) => {
            r.add(&root, ViolationCode::Required, "a profile update changes at least one field", Some(1.0));
        }
        // "Business email" (2.39 MeComponents, example john@neverland.play); Meta's business
        // profile, which 1MSG passes it on to, takes "a valid email format". "" clears it.
        Operation::SetMe => {
            if let Some(email) = body.get("email").and_then(Json::as_str).filter(|e| !e.is_empty() && !is_email(e)) {
                let message = format!("email must be an email address such as info@example.com (got {email:?})");
                r.add(&root.key("email"), ViolationCode::InvalidFormat, message, None);
            }
        }
        // The time to live: -1 (30 days, for AUTHENTICATION and UTILITY), or 30 seconds (the
        // shortest, AUTHENTICATION's and UTILITY's) to 30 days. The table refuses what lies
        // outside -1 to 30 days; 0 to 29 seconds is no category's either.
        Operation::SendTemplate => {
            let ttl = body.get("messageSendTtlSeconds").and_then(Json::as_i64);
            if let Some(ttl) = ttl.filter(|t| (0..ONEMSG_TEMPLATE_TTL_MIN_SECONDS).contains(t)) {
                let message = format!(
                    "messageSendTtlSeconds is -1 or {ONEMSG_TEMPLATE_TTL_MIN_SECONDS} to \
                     {ONEMSG_TEMPLATE_TTL_MAX_SECONDS} seconds (got {ttl})"
                );
                let limit = Some(ONEMSG_TEMPLATE_TTL_MIN_SECONDS as f64);
                r.add(&root.key("messageSendTtlSeconds"), ViolationCode::OutOfRange, message, limit);
            }
        }
        _ => {}
    }
}

/// addTemplate's components (a template's, or a carousel `card`'s), held
/// to the rules of Meta's template components reference that 1MSG passes them on to: each
/// type once; a body with its text (an authentication template's body is Meta's own); a
/// header's format, a text header's text; a footer's text; buttons with the field their type
/// needs; a carousel's cards each with a media header, a body and buttons, all alike.
fn template_components(components: &[Json<'_>], at: &Path<'_>, auth: bool, card: bool, r: &mut Report) {
    let text_of = |c: &Json<'_>| c.get("text").and_then(Json::as_str).map(crate::validate::char_count);
    let mut seen: Vec<&str> = Vec::new();
    for (i, component) in components.iter().enumerate() {
        let here = at.index(i);
        let Some(kind) = component.get("type").and_then(Json::as_str) else { continue };
        if seen.contains(&kind) {
            r.add(&here.key("type"), ViolationCode::InvalidValue, format!("a template has one {kind} component"), None);
        }
        seen.push(kind);
        let text = text_of(component);
        let needs_text = |r: &mut Report, what: &str, max: usize| match text {
            None => r.add(&here.key("text"), ViolationCode::Required, format!("{what} needs its text"), None),
            Some(n) if n > max => r.add(
                &here.key("text"),
                ViolationCode::TooLong,
                format!("{what} is at most {max} characters ({n} given)"),
                Some(max as f64),
            ),
            _ => {}
        };
        match kind {
            "HEADER" => match component.get("format").and_then(Json::as_str) {
                None => r.add(&here.key("format"), ViolationCode::Required, "a header names its format", None),
                Some("TEXT") => needs_text(r, "a text header", ONEMSG_TEMPLATE_HEADER_FOOTER_MAX_CHARS),
                Some(_) => {}
            },
            "BODY" if !auth => {
                let max = if card { CAROUSEL_CARD_BODY_MAX_CHARS } else { ONEMSG_TEMPLATE_BODY_MAX_CHARS };
                needs_text(r, "a template's body", max)
            }
            "FOOTER" if !auth => needs_text(r, "a footer", ONEMSG_TEMPLATE_HEADER_FOOTER_MAX_CHARS),
            "BUTTONS" => {
                if component.get("buttons").is_none() {
                    r.add(&here.key("buttons"), ViolationCode::Required, "a BUTTONS component lists its buttons", None);
                }
                for (j, button) in component.items("buttons").iter().enumerate() {
                    let needs = match button.get("type").and_then(Json::as_str) {
                        Some("URL") => &["text", "url"][..],
                        Some("PHONE_NUMBER") => &["text", "phone_number"],
                        Some("OTP") => &[],
                        Some(_) => &["text"],
                        None => continue,
                    };
                    for field in needs.iter().filter(|field| button.get(field).is_none()) {
                        let message = format!("this button needs its {field}");
                        r.add(&here.key("buttons").index(j).key(field), ViolationCode::Required, message, None);
                    }
                }
            }
            "CAROUSEL" => {
                if component.get("cards").is_none() {
                    r.add(&here.key("cards"), ViolationCode::Required, "a CAROUSEL component lists its cards", None);
                }
                let (cards, cards_at) = (component.items("cards"), here.key("cards"));
                for (j, card) in cards.iter().enumerate() {
                    let card_at = cards_at.index(j);
                    template_components(card.items("components"), &card_at.key("components"), false, true, r);
                    if j > 0 && card_shape(card) != card_shape(&cards[0]) {
                        let message =
                            "every card of a carousel template has the same header format and buttons as the first";
                        r.add(&card_at.key("components"), ViolationCode::InvalidValue, message, None);
                    }
                }
            }
            _ => {}
        }
    }
    // No components at all is the count's fault, reported with the fields' shapes.
    let missing = |kind: &str| !components.is_empty() && !seen.contains(&kind);
    let required: &[&str] = if card { &["HEADER", "BODY", "BUTTONS"] } else { &["BODY"] };
    for kind in required.iter().filter(|kind| missing(kind)) {
        let message =
            if card { format!("a carousel card needs its {kind}") } else { format!("a template needs a {kind}") };
        r.add(at, ViolationCode::Required, message, None);
    }
}

/// A carousel template card's header format and button types, which every card shares.
fn card_shape<'a>(card: &'a Json<'a>) -> Vec<Option<&'a str>> {
    let components = card.items("components");
    let header = components.iter().find(|c| c.get("type").and_then(Json::as_str) == Some("HEADER"));
    let buttons = components.iter().filter(|c| c.get("type").and_then(Json::as_str) == Some("BUTTONS"));
    let types = buttons.flat_map(|c| c.items("buttons")).map(|b| b.get("type").and_then(Json::as_str));
    std::iter::once(header.and_then(|h| h.get("format")).and_then(Json::as_str)).chain(types).collect()
}

/// Whether `operation` sends a message to a recipient (`phone` or `chatId`, exactly one).
pub(super) fn is_send(operation: Operation) -> bool {
    operation.name().starts_with("send")
}
