//! Meta's WhatsApp Cloud API: the neutral model to and from Meta's wire JSON, request
//! building and response decoding for `MetaClient`.
//!
//! Reference: https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages
//! and the OpenAPI spec in ../shared/specs/meta (evidence, not gospel: where the spec and
//! the docs disagree, the docs win and the code says why).

mod client;
mod error;
mod events;
// 1MSG's raw hooks are the Cloud API's change values, forwarded as they are.
pub(crate) use events::{events as cloud_api_events, number as cloud_api_number, value_events};
mod read;
// 1MSG forwards a template's `params` and a product list's sections to the Cloud API as they
// are: Meta's objects, read and written by Meta's codec for both.
pub(crate) use read::{
    product_sections, read_header as read_interactive_header, template_components as read_template_components,
};
pub(crate) use write::{
    header as write_interactive_header, product_section, template_components as write_template_components,
};
mod webhook;
mod write;

pub use client::{
    DEFAULT_API_VERSION, DEFAULT_BASE_URL, MetaConfig, MetaContact, MetaMedia, MetaMediaUpload, MetaMessageStatus,
    MetaSendResult, MetaSuccess,
};
pub use error::decode_error;
pub use webhook::challenge;
pub use write::ButtonSpelling;

use super::codec::{Codec, KindEntry, Operation, TemplateNaming, kinds, operation_named};
use super::{Provider, rewrite_pointer};
use crate::error::BodyError;
use crate::message::{Content, MarkRead, Message, Request, Validate};
use crate::validate::{Obj, Path, Report, parse_tree};

/// The provider this module speaks, for errors.
pub const PROVIDER: Provider = Provider::Meta;

/// Meta's codec: every content kind of the neutral model, and read receipts, on `messages`.
pub struct MetaCodec;

impl Codec for MetaCodec {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn kinds(&self) -> &'static [KindEntry] {
        kinds![Operation::Messages;
            "text" => Yes, "image" => Yes, "video" => Yes, "audio" => Yes, "document" => Yes,
            "sticker" => Yes, "location" => Yes, "locationRequest" => Yes, "addressRequest" => Yes, "contacts" => Yes,
            "reaction" => Yes, "replyButtons" => Yes, "list" => Yes, "ctaUrl" => Yes, "product" => Yes,
            "productList" => Yes, "catalog" => Yes, "flow" => Yes, "carousel" => Yes,
            "productCarousel" => Yes, "template" => Yes,
        ]
    }

    fn operations(&self) -> &'static [Operation] {
        &[Operation::Messages]
    }

    fn approximations(&self, message: &Message) -> Vec<super::codec::Approximation> {
        super::codec::unsent_mime_types(PROVIDER, message, |_| false)
    }

    fn recipients(&self) -> &'static [crate::message::RecipientKind] {
        use crate::message::RecipientKind;
        &[RecipientKind::Phone, RecipientKind::Group, RecipientKind::UserId]
    }

    fn template_naming(&self) -> TemplateNaming {
        TemplateNaming {
            uses: &["name"],
            needs: &["name"],
            how: "the Cloud API names a template by its name and language",
        }
    }

    fn write_message(&self, message: &Message) -> Result<String, BodyError> {
        refuse(message)?;
        Ok(write::message(message))
    }

    fn write_mark_read(&self, read: &MarkRead) -> Result<String, BodyError> {
        Ok(write::mark_read(read))
    }

    fn mark_read_operation(&self) -> Option<Operation> {
        Some(Operation::Messages)
    }

    fn wire_pointer(&self, pointer: &str, message: &Message, body: &crate::json::Json<'_>, _: Operation) -> String {
        // A business-scoped user id is Meta's `recipient`, where no `to` was given.
        if pointer == "/to" && body.get("to").is_none() && body.get("recipient").is_some() {
            return "/recipient".into();
        }
        rewrite_pointer(pointer, pointer_table(&message.content), true, Some(body))
    }

    fn read(&self, body: &str, _: Operation) -> Result<Request, BodyError> {
        parse_checked(body, Report::new)
    }

    fn read_lossy(&self, body: &str, _: Operation) -> Result<(Request, Vec<(String, String)>), BodyError> {
        parse_checked(body, Report::new).map(|request| (request, recipient_beside_to(body)))
    }

    fn read_to_fit(&self, body: &str, _: Operation) -> Result<(Request, Vec<(String, String)>), BodyError> {
        parse_checked(body, Report::to_fit).map(|request| (request, recipient_beside_to(body)))
    }

    fn verify_webhook(
        &self,
        delivery: &super::webhook::Delivery<'_>,
        options: &super::webhook::Verify<'_>,
    ) -> Result<(), crate::error::SignatureError> {
        webhook::verify(delivery, options)
    }

    fn events<'a>(&self, body: &'a crate::json::Json<'a>) -> Result<Vec<crate::event::Event<'a>>, String> {
        events::events(PROVIDER, body)
    }
}

/// A body with both `to` and `recipient` goes to `to` ("`to` (phone number) will take
/// precedence"): converted, its business-scoped user id is left out, and said so.
fn recipient_beside_to(body: &str) -> Vec<(String, String)> {
    let both = body.contains("\"recipient\"")
        && crate::validate::parse_tree(body)
            .is_ok_and(|tree| tree.get("to").is_some() && tree.get("recipient").is_some());
    let why = "Meta sends a body with both to and recipient to its phone number (to): the business-scoped user id is left out";
    if both { vec![("/recipient".into(), why.into())] } else { Vec::new() }
}

/// Validates `message` and serializes it to the body of `POST /{version}/{phone-number-id}/messages`.
pub fn serialize(message: &Message) -> Result<String, BodyError> {
    super::serialize(PROVIDER, message)
}

/// The media kind of a message whose media is given inline (a `data:` URI), which the
/// neutral model allows for providers that take it: Meta takes a link or an uploaded id.
fn inline_media(message: &Message) -> Option<&'static str> {
    let (kind, media) = message.content.media()?;
    media.link.as_deref().is_some_and(|l| l.starts_with("data:")).then(|| kind.name())
}

/// What Meta's body has no place for: media given inline.
fn refuse(message: &Message) -> Result<(), BodyError> {
    let cannot = |what: String, at: &str| Err(crate::error::Unsupported::cannot(PROVIDER, what).at(at).into());
    if let Some(kind) = inline_media(message) {
        return cannot(
            format!("{kind} given inline as a data: URI (Meta takes a link or an uploaded media id)"),
            "/content/link",
        );
    }
    Ok(())
}

/// Validates a read receipt and serializes it (same endpoint as messages).
pub fn serialize_mark_read(read: &MarkRead) -> Result<String, BodyError> {
    Request::MarkRead(read.clone()).validate()?;
    Ok(write::mark_read(read))
}

/// Serializes a request: a message or a read receipt.
pub fn serialize_request(request: &Request) -> Result<String, BodyError> {
    match request {
        Request::Message(message) => serialize(message),
        Request::MarkRead(read) => serialize_mark_read(read),
    }
}

/// Converts a Meta body to Meta: validated, and given back as it was.
pub fn reproduce(body: &str) -> Result<String, BodyError> {
    MetaCodec.reproduce(body, Operation::Messages)
}

/// Parses and validates a Meta message body into the neutral model. Every violation points
/// into the Meta body. `operation` is the endpoint; only `messages` (the default) exists.
pub fn parse(body: &str, operation: Option<&str>) -> Result<Message, BodyError> {
    match parse_request(body, operation)? {
        Request::Message(message) => Ok(message),
        Request::MarkRead(_) => Err(BodyError::argument("this body marks a message as read; it is not a message")),
    }
}

/// Parses and validates what `POST …/messages` takes: a message, or a read receipt with an
/// optional typing indicator. Violations point into the Meta body; a field the neutral model
/// could not carry back is reported rather than dropped.
pub fn parse_request(body: &str, operation: Option<&str>) -> Result<Request, BodyError> {
    operation_named(PROVIDER, operation)?;
    parse_checked(body, Report::new)
}

/// [`parse_request`], its violations reported into `new_report()`'s reports (a fit's read:
/// [`Report::to_fit`]).
fn parse_checked(body: &str, new_report: fn() -> Report) -> Result<Request, BodyError> {
    let original = parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
    let root = Path::root();
    let mut report = new_report();
    let request = Obj::root(&original, &mut report).and_then(|body| read::request(&body, &mut report));
    // Fields the model does not know leave the request whole: its limits are checked too
    // (all violations at once). After other faults the reader may have left items out.
    let Some(request) = request.filter(|_| report.only_unknown_fields()) else {
        return Err(BodyError::Invalid(report.into_violations()));
    };
    // Limits, checked on the neutral model and reported at Meta's pointers.
    let mut limits = new_report();
    match &request {
        Request::Message(message) => message.validate_into(&mut limits, &root),
        Request::MarkRead(read) => read.validate_into(&mut limits, &root),
    }
    let table = match &request {
        Request::Message(message) => pointer_table(&message.content),
        Request::MarkRead(_) => &[("/messageId", "/message_id")][..],
    };
    for violation in limits.into_violations() {
        let path = rewrite_pointer(&violation.path, table, true, Some(&original));
        report.push(crate::validate::Violation { path, ..violation });
    }
    if let Request::Message(message) = &request
        && let Some(kind) = inline_media(message)
    {
        let message = "Meta takes media by an http(s) link or an uploaded media id, not a data: URI";
        report.add(&root.key(kind).key("link"), crate::validate::ViolationCode::InvalidFormat, message, None);
    }
    report.into_result().map(|_| request).map_err(BodyError::Invalid)
}

/// Where each neutral field lives in Meta's body, for reporting violations of a Meta body
/// at Meta's pointers (the rest of a pointer is kept, in snake_case).
fn pointer_table(content: &Content) -> &'static [(&'static str, &'static str)] {
    macro_rules! table {
        ($($from:literal => $to:literal),* $(,)?) => {{
            const TABLE: &[(&str, &str)] = &[
                ("/recipientType", "/recipient_type"),
                ("/replyTo", "/context/message_id"),
                ("/callbackData", "/biz_opaque_callback_data"),
                ("/content/type", "/type"),
                $(($from, $to),)*
            ];
            TABLE
        }};
        (interactive: $($from:literal => $to:literal),* $(,)?) => {{
            const TABLE: &[(&str, &str)] = &[
                ("/recipientType", "/recipient_type"),
                ("/replyTo", "/context/message_id"),
                ("/callbackData", "/biz_opaque_callback_data"),
                ("/content/type", "/type"),
                ("/content/header/text", "/interactive/header/text"),
                ("/content/header/type", "/interactive/header/type"),
                ("/content/header", "/interactive/header/{type}"),
                ("/content/body", "/interactive/body/text"),
                ("/content/footer", "/interactive/footer/text"),
                $(($from, $to),)*
                ("/content", "/interactive"),
            ];
            TABLE
        }};
    }
    match content {
        Content::Text(_) => table!("/content" => "/text"),
        Content::Image(_) => table!("/content" => "/image"),
        Content::Video(_) => table!("/content" => "/video"),
        Content::Audio(_) => table!("/content" => "/audio"),
        Content::Document(_) => table!("/content" => "/document"),
        Content::Sticker(_) => table!("/content" => "/sticker"),
        Content::Location(_) => table!("/content" => "/location"),
        Content::Contacts(_) => table!("/content/contacts" => "/contacts"),
        Content::Reaction(_) => table!("/content" => "/reaction"),
        Content::LocationRequest(_) => table!(interactive:),
        Content::AddressRequest(_) => table!(interactive:
            "/content/country" => "/interactive/action/parameters/country",
            "/content/values" => "/interactive/action/parameters/values",
            "/content/savedAddresses" => "/interactive/action/parameters/saved_addresses",
            "/content/validationErrors" => "/interactive/action/parameters/validation_errors",
        ),
        Content::ReplyButtons(_) => table!(interactive:
            "/content/buttons/*" => "/interactive/action/buttons/*/reply",
            "/content/buttons" => "/interactive/action/buttons",
        ),
        Content::List(_) => table!(interactive:
            "/content/button" => "/interactive/action/button",
            "/content/sections" => "/interactive/action/sections",
        ),
        Content::CtaUrl(_) => table!(interactive:
            "/content/displayText" => "/interactive/action/parameters/display_text",
            "/content/url" => "/interactive/action/parameters/url",
        ),
        Content::Product(_) => table!(interactive:
            "/content/catalogId" => "/interactive/action/catalog_id",
            "/content/productRetailerId" => "/interactive/action/product_retailer_id",
        ),
        Content::ProductList(_) => table!(interactive:
            "/content/catalogId" => "/interactive/action/catalog_id",
            "/content/sections/*/productRetailerIds/*" => "/interactive/action/sections/*/product_items/*/product_retailer_id",
            "/content/sections/*/productRetailerIds" => "/interactive/action/sections/*/product_items",
            "/content/sections" => "/interactive/action/sections",
        ),
        Content::Catalog(_) => table!(interactive:
            "/content/thumbnailProductRetailerId" => "/interactive/action/parameters/thumbnail_product_retailer_id",
        ),
        Content::Flow(_) => table!(interactive:
            "/content/flowId" => "/interactive/action/parameters/flow_id",
            "/content/flowName" => "/interactive/action/parameters/flow_name",
            "/content/flowCta" => "/interactive/action/parameters/flow_cta",
            "/content/mode" => "/interactive/action/parameters/mode",
            "/content/flowToken" => "/interactive/action/parameters/flow_token",
            "/content/flowAction" => "/interactive/action/parameters/flow_action",
            "/content/flowActionPayload" => "/interactive/action/parameters/flow_action_payload",
            "/content/flowMessageVersion" => "/interactive/action/parameters/flow_message_version",
        ),
        Content::Carousel(_) => table!(interactive:
            "/content/cards/*/header/type" => "/interactive/action/cards/*/header/type",
            "/content/cards/*/header" => "/interactive/action/cards/*/header/{type}",
            "/content/cards/*/body" => "/interactive/action/cards/*/body/text",
            "/content/cards/*/buttons/*" => "/interactive/action/cards/*/action/buttons/*/quick_reply",
            "/content/cards/*/buttons" => "/interactive/action/cards/*/action/buttons",
            "/content/cards/*/ctaUrl" => "/interactive/action/cards/*/action/parameters",
            "/content/cards" => "/interactive/action/cards",
        ),
        Content::ProductCarousel(_) => table!(interactive:
            "/content/cards/*" => "/interactive/action/cards/*/action",
            "/content/cards" => "/interactive/action/cards",
        ),
        Content::Template(_) => table!(
            "/content/components/*/expirationTimeMs" => "/template/components/*/parameters/0/limited_time_offer/expiration_time_ms",
            "/content/components/*/cards/*/cardIndex" => "/template/components/*/cards/*/card_index",
            "/content/components/*/cards/*/components/*/parameters/*/type" => "/template/components/*/cards/*/components/*/parameters/*/type",
            "/content/components/*/cards/*/components/*/parameters/*" => "/template/components/*/cards/*/components/*/parameters/*/{type}",
            "/content/components/*/parameters/*/type" => "/template/components/*/parameters/*/type",
            // An action parameter nests its action as Meta's does; an mpm button's sections as a product list's.
            "/content/components/*/parameters/*/action/sections/*/productRetailerIds/*" => "/template/components/*/parameters/*/action/sections/*/product_items/*/product_retailer_id",
            "/content/components/*/parameters/*/action/sections/*/productRetailerIds" => "/template/components/*/parameters/*/action/sections/*/product_items",
            "/content/components/*/parameters/*/action" => "/template/components/*/parameters/*/action",
            "/content/components/*/parameters/*" => "/template/components/*/parameters/*/{type}",
            "/content/components" => "/template/components",
            "/content" => "/template",
        ),
    }
}
