//! Bird's Channels API (WhatsApp channel): Bird's request in its own terms (`model`), read
//! and validated (`read`) and written back (`write`), mapped to and from the neutral model
//! where the two say the same thing (`neutral`), and the sans-IO client (`client`).
//!
//! Reference: https://docs.bird.com/api/channels-api/supported-channels/programmable-whatsapp/sending-whatsapp-messages
//! and ../shared/specs/bird (docs/bird-reference.md sums both up, with where they disagree).

mod client;
mod events;
pub mod model;
mod neutral;
mod read;
mod webhook;
mod write;

pub use client::{BirdConfig, BirdSendResult, ContactChannel, DEFAULT_BASE_URL};
pub use model::BirdRequest;
pub use read::schedule_warning;

use super::codec::{Codec, KindEntry, Operation, TemplateNaming, kinds};
use super::{Provider, validated_from_wire};
use crate::error::BodyError;
use crate::limits::BIRD_REQUEST_BODY_MAX_BYTES;
use crate::message::{Message, Request};
use crate::validate::{Obj, Report, Violation, ViolationCode, parse_tree};

pub const PROVIDER: Provider = Provider::Bird;

/// Bird's codec: every body goes to `messages`. What Bird's page says it cannot carry
/// (reactions, contacts, products, multi-product) is `Never`, and so are flows and catalogs,
/// which its page does not have. A template goes by its Studio project and version (the
/// neutral template's `projectId` and `projectVersion`), its named text variables by name
/// (`neutral::template`).
pub struct BirdCodec;

impl Codec for BirdCodec {
    fn provider(&self) -> Provider {
        PROVIDER
    }

    fn kinds(&self) -> &'static [KindEntry] {
        kinds![Operation::Messages;
            "text" => Yes, "image" => Yes, "video" => Yes, "audio" => Yes, "document" => Yes,
            "sticker" => Yes, "location" => Yes, "locationRequest" => Yes, "addressRequest" => Never, "contacts" => Never,
            "reaction" => Never, "replyButtons" => Yes, "list" => Yes, "ctaUrl" => Yes,
            "product" => Never, "productList" => Never, "catalog" => Never, "flow" => Never,
            "carousel" => Yes, "productCarousel" => Never, "template" => Yes,
        ]
    }

    fn operations(&self) -> &'static [Operation] {
        &[Operation::Messages]
    }

    /// Bird's page maps stickers to its image body: a sticker arrives as an image; an image
    /// body takes no MIME type (its files do); and a file's type, where the message gives none,
    /// is the one its link's or filename's extension names (reported as a `reshaped` change at
    /// that field: the body says something the message did not).
    fn approximations(&self, message: &Message) -> Vec<super::codec::Approximation> {
        use crate::message::Content;
        let mut out = Vec::new();
        if let Content::Sticker(_) = message.content {
            let why = "bird has no sticker body: sent as an image".into();
            out.push(super::codec::Approximation { pointer: "/content/type".into(), reshaped: true, why });
        }
        out.extend(neutral::respelled_urls(message));
        // A file body names its type; an image body (an image, a sticker, an image header) and a
        // carousel card do not.
        let file = neutral::file_media(&message.content);
        out.extend(super::codec::unsent_mime_types(PROVIDER, message, |at| {
            file.is_some_and(|(_, _, sent)| sent == at)
        }));
        // A file's type Bird needs, named by its link's or filename's extension: sent, and said.
        if let Some((kind, media, at)) = file
            && let Some((field, mime)) = neutral::inferred_mime_type(kind, media)
        {
            let header = if at == "/content" { "" } else { "a header's file " };
            let why = format!(
                "bird needs a file's MIME type and {}.mimeType is not given: {header}sent as {mime}, the type the {field} names by its extension",
                at[1..].replace('/', ".")
            );
            out.push(super::codec::Approximation { pointer: format!("{at}/{field}"), reshaped: true, why });
        }
        out
    }

    fn recipients(&self) -> &'static [crate::message::RecipientKind] {
        use crate::message::RecipientKind;
        &[RecipientKind::Phone, RecipientKind::Contact, RecipientKind::UserId]
    }

    fn template_naming(&self) -> TemplateNaming {
        TemplateNaming {
            uses: &["projectId", "projectVersion"],
            needs: &["projectId"],
            how: "Bird sends a template by its Studio project's id and version, the latest unless projectVersion names one",
        }
    }

    fn write_message(&self, message: &Message) -> Result<String, BodyError> {
        write_request(&neutral::to_bird(message)?)
    }

    fn read(&self, body: &str, _: Operation) -> Result<Request, BodyError> {
        to_neutral(&read_request(body)?, Report::new())
    }

    fn read_lossy(&self, body: &str, _: Operation) -> Result<(Request, Vec<(String, String)>), BodyError> {
        read_lossy(body, Report::new)
    }

    fn read_to_fit(&self, body: &str, _: Operation) -> Result<(Request, Vec<(String, String)>), BodyError> {
        read_lossy(body, Report::to_fit)
    }

    fn wire_pointer(&self, pointer: &str, message: &Message, _: &crate::json::Json<'_>, _: Operation) -> String {
        super::rewrite_pointer(pointer, &pointers(message), false, None)
    }

    fn check(&self, body: &str, _: Operation) -> Result<(), BodyError> {
        read_request(body).map(drop)
    }

    fn check_at(&self, body: &str, _: Operation, now_ms: f64) -> Result<(), BodyError> {
        read_request_at(body, Some(now_ms)).map(drop)
    }

    fn verify_webhook(
        &self,
        delivery: &super::webhook::Delivery<'_>,
        options: &super::webhook::Verify<'_>,
    ) -> Result<(), crate::error::SignatureError> {
        webhook::verify(delivery, options)
    }

    fn events<'a>(&self, body: &'a crate::json::Json<'a>) -> Result<Vec<crate::event::Event<'a>>, String> {
        events::events(body)
    }
}

/// Validates `message` and serializes it to the body of `POST …/channels/{channelId}/messages`.
pub fn serialize(message: &Message) -> Result<String, BodyError> {
    super::serialize(PROVIDER, message)
}

/// Parses and validates a Bird request body into the neutral model. `operation` is the
/// endpoint; only `messages` (the default) exists.
pub fn parse(body: &str, operation: Option<&str>) -> Result<Message, BodyError> {
    super::parse(PROVIDER, body, operation)
}

/// Reads and validates a Bird request body in Bird's terms: every violation, each at its
/// pointer into the body.
pub fn read_request(body: &str) -> Result<BirdRequest, BodyError> {
    read_request_at(body, crate::clock::now_ms())
}

/// [`read_request`], with `scheduledFor` measured from `now_ms`.
pub fn read_request_at(body: &str, now_ms: Option<f64>) -> Result<BirdRequest, BodyError> {
    read_request_into(body, now_ms, Report::new())
}

/// [`read_request_at`], reporting into `report` (a new one, or [`Report::to_fit`]'s).
fn read_request_into(body: &str, now_ms: Option<f64>, mut report: Report) -> Result<BirdRequest, BodyError> {
    if body.len() > BIRD_REQUEST_BODY_MAX_BYTES {
        return Err(too_large(body.len()));
    }
    let tree = parse_tree(body).map_err(|v| BodyError::Invalid(vec![v]))?;
    let request = Obj::root(&tree, &mut report).and_then(|root| read::request(&root, &mut report, now_ms));
    match request.filter(|_| report.is_empty()) {
        Some(request) => Ok(request),
        None => Err(BodyError::Invalid(report.into_violations())),
    }
}

/// Writes a valid request as Bird's JSON, refusing one over Bird's size limit.
pub fn write_request(request: &BirdRequest) -> Result<String, BodyError> {
    let body = write::request(request);
    if body.len() > BIRD_REQUEST_BODY_MAX_BYTES {
        return Err(too_large(body.len()));
    }
    Ok(body)
}

/// Bird answers 413 to a request body over 200 KB.
fn too_large(bytes: usize) -> BodyError {
    BodyError::Invalid(vec![Violation {
        path: String::new(),
        code: ViolationCode::TooLong,
        message: format!("the Bird request body is {bytes} bytes; Bird accepts at most {BIRD_REQUEST_BODY_MAX_BYTES}"),
        limit: Some(BIRD_REQUEST_BODY_MAX_BYTES as f64),
    }])
}

/// A Bird body read as the neutral message, leaving out what the model has no field for
/// (each as its pointer and why), violations reported into `new_report()`'s reports.
fn read_lossy(body: &str, new_report: fn() -> Report) -> Result<(Request, Vec<(String, String)>), BodyError> {
    let mut request = read_request_into(body, crate::clock::now_ms(), new_report())?;
    let left_out = neutral::leave_out_unmapped(&mut request);
    to_neutral(&request, new_report()).map(|request| (request, left_out))
}

/// A Bird request read as the neutral message, held to the neutral model's rules, each
/// violation at its field in Bird's body.
fn to_neutral(request: &BirdRequest, report: Report) -> Result<Request, BodyError> {
    let message = neutral::from_bird(request)?;
    let table = pointers(&message);
    validated_from_wire(message, &table, false, None, report).map(Request::Message)
}

/// Where each neutral field of `message` lives in the Bird body it was read from (for the
/// neutral rules Bird's reader does not check first, and for a conversion's refusals). Bird's
/// body types are not the neutral kinds (reply buttons are a text with postbacks, a CTA URL a
/// text with a link), so the table is the content kind's; every pointer it gives is one the
/// body has.
fn pointers(message: &Message) -> Vec<(&'static str, &'static str)> {
    use crate::message::{Content, Header, Recipient, ReplyButtons};
    let to = match message.recipient() {
        Some(Recipient::Contact(_)) => "/receiver/contacts/0/id",
        _ => "/receiver/contacts/0/identifierValue",
    };
    // The content's kind is the body's type (reply buttons: a text with postbacks), or a
    // template instead of a body.
    let kind = message.content.kind();
    let content_type = if kind == "template" { "/template" } else { "/body/type" };
    let common =
        [("/to", to), ("/replyTo", "/replyTo/id"), ("/callbackData", "/reference"), ("/content/type", content_type)];
    let kind: &[(&str, &str)] = match kind {
        "text" => &[
            ("/content/previewUrl", "/body/text/metadata/whatsapp/previewUrl"),
            ("/content/body", "/body/text/text"),
            ("/content", "/body/text"),
        ],
        "image" | "sticker" => &[
            ("/content/caption", "/body/image/text"),
            ("/content/link", "/body/image/images/0/mediaUrl"),
            ("/content", "/body/image"),
        ],
        "video" | "audio" | "document" => &[
            ("/content/caption", "/body/file/text"),
            ("/content/link", "/body/file/files/0/mediaUrl"),
            ("/content/mimeType", "/body/file/files/0/contentType"),
            ("/content/filename", "/body/file/files/0/filename"),
            ("/content", "/body/file"),
        ],
        "location" => &[
            ("/content/latitude", "/body/location/coordinates/latitude"),
            ("/content/longitude", "/body/location/coordinates/longitude"),
            ("/content/name", "/body/location/location/label"),
            ("/content/address", "/body/location/location/address"),
            ("/content", "/body/location"),
        ],
        "locationRequest" => &[("/content/body", "/body/text/text"), ("/content", "/body/text")],
        // Under a media header, Bird's image or file body (see `neutral`).
        "replyButtons" => match &message.content {
            Content::ReplyButtons(ReplyButtons { header: Some(Header::Image(_)), .. }) => &[
                ("/content/body", "/body/image/text"),
                ("/content/header/link", "/body/image/images/0/mediaUrl"),
                ("/content/header", "/body/image/images/0"),
                ("/content/buttons/*/id", "/body/image/actions/*/postback/payload"),
                ("/content/buttons/*/title", "/body/image/actions/*/postback/text"),
                ("/content/buttons", "/body/image/actions"),
                ("/content", "/body/image"),
            ],
            Content::ReplyButtons(ReplyButtons { header: Some(Header::Video(_) | Header::Document(_)), .. }) => &[
                ("/content/body", "/body/file/text"),
                ("/content/header/link", "/body/file/files/0/mediaUrl"),
                ("/content/header/mimeType", "/body/file/files/0/contentType"),
                ("/content/header/filename", "/body/file/files/0/filename"),
                ("/content/header", "/body/file/files/0"),
                ("/content/buttons/*/id", "/body/file/actions/*/postback/payload"),
                ("/content/buttons/*/title", "/body/file/actions/*/postback/text"),
                ("/content/buttons", "/body/file/actions"),
                ("/content", "/body/file"),
            ],
            _ => &[
                ("/content/body", "/body/text/text"),
                ("/content/buttons/*/id", "/body/text/actions/*/postback/payload"),
                ("/content/buttons/*/title", "/body/text/actions/*/postback/text"),
                ("/content/buttons", "/body/text/actions"),
                ("/content", "/body/text"),
            ],
        },
        "ctaUrl" => &[
            ("/content/body", "/body/text/text"),
            ("/content/displayText", "/body/text/actions/0/link/text"),
            ("/content/url", "/body/text/actions/0/link/url"),
            ("/content", "/body/text"),
        ],
        "list" => &[
            ("/content/header/text", "/body/list/title"),
            ("/content/header", "/body/list/title"),
            ("/content/body", "/body/list/text"),
            ("/content/button", "/body/list/metadata/button/label"),
            ("/content/sections/*/rows/*/id", "/body/list/items/*/actions/*/postback/payload"),
            ("/content/sections/*/rows/*/title", "/body/list/items/*/actions/*/postback/text"),
            (
                "/content/sections/*/rows/*/description",
                "/body/list/items/*/actions/*/postback/metadata/description/label",
            ),
            ("/content/sections/*/rows", "/body/list/items/*/actions"),
            ("/content/sections", "/body/list/items"),
            ("/content", "/body/list"),
        ],
        "carousel" => &[
            ("/content/body", "/body/carousel/text"),
            ("/content/cards/*/body", "/body/carousel/items/*/title"),
            ("/content/cards/*/header/link", "/body/carousel/items/*/mediaUrl"),
            ("/content/cards/*/header", "/body/carousel/items/*/mediaUrl"),
            ("/content/cards/*/ctaUrl/displayText", "/body/carousel/items/*/actions/0/link/text"),
            ("/content/cards/*/ctaUrl/url", "/body/carousel/items/*/actions/0/link/url"),
            ("/content/cards/*/ctaUrl", "/body/carousel/items/*/actions/0"),
            ("/content/cards", "/body/carousel/items"),
            ("/content", "/body/carousel"),
        ],
        // Read from a Bird template: its variables are the body's, in their order.
        "template" => &[
            ("/content/projectId", "/template/projectId"),
            ("/content/projectVersion", "/template/version"),
            ("/content/language/code", "/template/locale"),
            ("/content/language", "/template/locale"),
            ("/content/components/0/parameters/*/text", "/template/parameters/*/value"),
            ("/content/components/0/parameters/*/parameterName", "/template/parameters/*/key"),
            ("/content/components/0/parameters/*", "/template/parameters/*"),
            ("/content/components", "/template/parameters"),
            ("/content", "/template"),
        ],
        // Bird carries no other kind: nothing of it was read from a Bird body.
        _ => &[("/content", "/body")],
    };
    common.into_iter().chain(kind.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::BodyError;
    use crate::message::{Content, Media, Text};
    use serde_json::{Value, json};

    /// 2026-12-01T00:00:00Z: the fixtures' `scheduledFor` is two weeks after it.
    const NOW: Option<f64> = Some(1_796_083_200_000.0);

    fn faults(body: &Value) -> Vec<(String, ViolationCode)> {
        match read_request_at(&body.to_string(), NOW) {
            Ok(_) => Vec::new(),
            Err(BodyError::Invalid(v)) => v.into_iter().map(|v| (v.path, v.code)).collect(),
            Err(other) => panic!("{other:?}"),
        }
    }

    fn text_body(body: Value) -> Value {
        json!({"receiver": {"contacts": [{"identifierValue": "+31612345678"}]}, "body": body})
    }

    #[test]
    fn every_fixture_is_read_and_reproduced_exactly() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bird");
        let mut count = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let request = read_request_at(&text, NOW).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            let written: Value = serde_json::from_str(&write_request(&request).unwrap()).unwrap();
            let given: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(written, given, "{}", path.display());
            count += 1;
        }
        assert!(count >= 30, "{count} fixtures");
    }

    #[test]
    fn serializes_a_text_reply_in_birds_shape() {
        let message = Message::text("16505551234", "Hello").with_reply_to("0bb03f70-fcc2-4795-9b5a-ff02e257c653");
        let body: Value = serde_json::from_str(&serialize(&message).unwrap()).unwrap();
        assert_eq!(
            body,
            json!({
                "receiver": {"contacts": [{"identifierKey": "phonenumber", "identifierValue": "+16505551234"}]},
                "body": {"type": "text", "text": {"text": "Hello"}},
                "replyTo": {"id": "0bb03f70-fcc2-4795-9b5a-ff02e257c653", "type": "message"}
            })
        );
    }

    #[test]
    fn neutral_messages_round_trip_through_bird() {
        let mut text = Message::text("+31612345678", "https://example.com");
        text.content = Text::new("https://example.com").with_preview_url(true).into();
        let video = Message::new(
            "+31612345678",
            Content::Video(
                Media::by_link("https://cdn.example.com/a.mp4").with_caption("Look").with_mime_type("video/mp4"),
            ),
        );
        for message in [text, video] {
            assert_eq!(parse(&serialize(&message).unwrap(), None).unwrap(), message);
        }
        // Inline files: within Bird's 100 KB, their type from the data: URI.
        let inline = |bytes: usize| {
            let data = "A".repeat(bytes / 3 * 4);
            Message::new(
                "+31612345678",
                Content::Document(Media::by_link(format!("data:application/pdf;base64,{data}"))),
            )
        };
        let body: Value = serde_json::from_str(&serialize(&inline(3_000)).unwrap()).unwrap();
        assert_eq!(body["body"]["file"]["files"][0]["contentType"], "application/pdf");
        let Err(BodyError::Invalid(v)) = serialize(&inline(102_402)) else { panic!() };
        assert_eq!((v[0].path.as_str(), v[0].code), ("/content/link", ViolationCode::TooLong));
        let no_type = Message::new("+31612345678", Content::Document(Media::by_link("https://cdn.example.com/a")));
        let Err(BodyError::Invalid(v)) = serialize(&no_type) else { panic!() };
        assert_eq!(v[0].path, "/content/mimeType");
        let by_id = Message::new("+31612345678", Content::Image(Media::by_id("1234")));
        assert_eq!(serialize(&by_id).unwrap_err().code(), "ERR_UNSUPPORTED");
    }

    /// A neutral template by its Studio project goes to Bird as its `template`, named text
    /// variables by key, and comes back the same; what Bird has no explicit place for is
    /// refused at its field, what names the template to another provider too, and a variable
    /// without a name is required one.
    #[test]
    fn neutral_templates_go_by_studio_project_and_named_variables() {
        fn faults_at(violations: &[Violation]) -> Vec<(&str, ViolationCode)> {
            violations.iter().map(|v| (v.path.as_str(), v.code)).collect()
        }
        const PROJECT: &str = "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318";
        let template = |extra: Value| {
            let mut content = json!({"type": "template", "language": {"code": "en_US"}, "projectId": PROJECT,
                "components": [{"type": "body", "parameters": [
                    {"type": "text", "text": "Robert", "parameterName": "name"},
                    {"type": "text", "text": "?campaignid=123456", "parameterName": "url"}]}]});
            content.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            Message::from_json(&json!({"to": "+31612345678", "content": content}).to_string()).unwrap()
        };
        let message = template(json!({}));
        let body: Value = serde_json::from_str(&serialize(&message).unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"receiver": {"contacts": [{"identifierKey": "phonenumber", "identifierValue": "+31612345678"}]},
                "template": {"projectId": PROJECT, "version": "latest", "locale": "en-US", "parameters": [
                    {"type": "string", "key": "name", "value": "Robert"},
                    {"type": "string", "key": "url", "value": "?campaignid=123456"}]}})
        );
        assert!(faults(&body).is_empty(), "{:?}", faults(&body));
        assert_eq!(parse(&body.to_string(), None).unwrap(), message);
        let version = "0d1e7c52-2c61-4b5c-9a3e-1f2b3c4d5e6f";
        let pinned = template(json!({"projectVersion": version}));
        let body: Value = serde_json::from_str(&serialize(&pinned).unwrap()).unwrap();
        assert_eq!(body["template"]["version"], version);
        assert_eq!(parse(&body.to_string(), None).unwrap(), pinned);

        // Names for the other providers are refused (convert leaves them out as lossy)...
        for (extra, at) in
            [(json!({"name": "order_update"}), "/content/name"), (json!({"namespace": "ns_1"}), "/content/namespace")]
        {
            let Err(BodyError::Unsupported(u)) = serialize(&template(extra)) else { panic!("{at}") };
            assert_eq!(u.pointer(), at);
        }
        // ... and Bird's own is needed: a Meta template has no Studio project, which convert
        // takes as an option (its `template.projectId`), used in place of Meta's name.
        let meta = json!({"messaging_product": "whatsapp", "to": "31612345678", "type": "template",
            "template": {"name": "order_update", "language": {"code": "en_US"}}});
        let convert = |names: &[(&str, &str)]| {
            crate::provider::convert_given(
                crate::provider::Format::Provider(Provider::Meta),
                crate::provider::Format::Provider(PROVIDER),
                &meta.to_string(),
                None,
                crate::provider::fit::FitMode::Strict,
                names,
            )
        };
        let Err(BodyError::Invalid(lacking)) = convert(&[]) else { panic!() };
        // At the template (Meta's body has no place for it); Meta's name beside it is no fault
        // here: convert leaves it out once the template is named.
        assert_eq!(faults_at(&lacking), [("/template", ViolationCode::Required)]);
        assert!(lacking[0].message.contains("convert's `template.projectId` option"), "{}", lacking[0].message);
        let converted = convert(&[("projectId", PROJECT), ("namespace", "ns_1")]).unwrap();
        let body: Value = serde_json::from_str(&converted.parts[0].1).unwrap();
        assert_eq!((&body["template"]["projectId"], &body["template"]["version"]), (&json!(PROJECT), &json!("latest")));
        // Meta's name, which Bird does not take, is left out as lossy; 1MSG's namespace given to
        // a conversion to Bird says nothing.
        let lossy: Vec<_> =
            converted.changes.iter().map(|c| (c.change.pointer.as_str(), c.source.as_deref())).collect();
        assert_eq!(lossy, [("/content/name", Some("/template/name"))]);
        // A neutral one with neither name: every fault at once (the model's, Bird's).
        let nameless = Message::from_json(
            &json!({"to": "+31612345678", "content": {"type": "template", "language": {"code": "en"}, "namespace": "ns_1"}})
                .to_string(),
        )
        .unwrap();
        let found = crate::provider::violations_for(PROVIDER, &nameless).unwrap();
        assert_eq!(
            faults_at(&found),
            [
                ("/content", ViolationCode::Required),
                ("/content/namespace", ViolationCode::Unsupported),
                ("/content/projectId", ViolationCode::Required)
            ]
        );

        // Variables: by name only, each name once; no media, amounts, dates or buttons.
        let with = |parameters: Value, more: Value| {
            let mut components = vec![json!({"type": "body", "parameters": parameters})];
            if !more.is_null() {
                components.push(more);
            }
            template(json!({"components": components}))
        };
        let unnamed = with(
            json!([{"type": "text", "text": "Robert"}, {"type": "text", "text": "A", "parameterName": "a"},
            {"type": "text", "text": "B", "parameterName": "a"}]),
            Value::Null,
        );
        let Err(BodyError::Invalid(v)) = serialize(&unnamed) else { panic!() };
        assert_eq!(
            faults_at(&v),
            [
                ("/content/components/0/parameters/0/parameterName", ViolationCode::Required),
                ("/content/components/0/parameters/2/parameterName", ViolationCode::Duplicate)
            ]
        );
        let refused = [
            (
                with(
                    json!([{"type": "currency", "fallbackValue": "$1", "code": "USD", "amount1000": 1000}]),
                    Value::Null,
                ),
                "/content/components/0/parameters/0",
            ),
            (
                with(
                    json!([]),
                    json!({"type": "header", "parameters": [{"type": "image", "link": "https://a.example/o.jpg"}]}),
                ),
                "/content/components/1/parameters/0",
            ),
            (
                with(
                    json!([]),
                    json!({"type": "button", "subType": "url", "index": 0, "parameters": [{"type": "text", "text": "4512"}]}),
                ),
                "/content/components/1",
            ),
        ];
        for (message, at) in refused {
            let Err(BodyError::Unsupported(u)) = serialize(&message) else { panic!("{at}") };
            assert_eq!(u.pointer(), at);
        }
        // A header's named text variable is sent by its name too (read back as the body's).
        let header = with(
            json!([]),
            json!({"type": "header", "parameters": [{"type": "text", "text": "4512", "parameterName": "order"}]}),
        );
        let body: Value = serde_json::from_str(&serialize(&header).unwrap()).unwrap();
        assert_eq!(body["template"]["parameters"], json!([{"type": "string", "key": "order", "value": "4512"}]));
        // Every fault at once, another provider's name for the template among them (judged
        // beside the rest, not instead of it).
        let mut named = with(
            json!([{"type": "text", "text": "Robert"}, {"type": "currency", "fallbackValue": "$1", "code": "USD", "amount1000": 1000}]),
            Value::Null,
        );
        if let crate::message::Content::Template(t) = &mut named.content {
            t.name = Some("order_update".into());
        }
        let found = crate::provider::violations_for(PROVIDER, &named).unwrap();
        assert_eq!(
            faults_at(&found),
            [
                ("/content/name", ViolationCode::Unsupported),
                ("/content/components/0/parameters/0/parameterName", ViolationCode::Required),
                ("/content/components/0/parameters/1", ViolationCode::Unsupported)
            ]
        );
        // Every fault at once: a locale Bird cannot spell, a variable without a name, a currency.
        let faulty = with(
            json!([{"type": "text", "text": "Robert"}, {"type": "currency", "fallbackValue": "$1", "code": "USD", "amount1000": 1000}]),
            Value::Null,
        );
        let crate::message::Content::Template(mut t) = faulty.content.clone() else { unreachable!() };
        t.language.code = "english_US".into();
        let faulty = Message::new("+31612345678", crate::message::Content::Template(t));
        let Err(BodyError::Invalid(v)) = serialize(&faulty) else { panic!() };
        assert_eq!(
            faults_at(&v),
            [
                ("/content/language/code", ViolationCode::InvalidFormat),
                ("/content/components/0/parameters/0/parameterName", ViolationCode::Required),
                ("/content/components/0/parameters/1", ViolationCode::Unsupported)
            ]
        );
        // Bird's locale has no policy: refused (convert leaves it out), never dropped unsaid.
        let policy = template(json!({"language": {"code": "en", "policy": "deterministic"}}));
        let Err(BodyError::Unsupported(u)) = serialize(&policy) else { panic!() };
        assert_eq!(u.pointer(), "/content/language/policy");
        // No variables at all are none, both ways.
        let none = template(json!({"components": []}));
        let body = serialize(&none).unwrap();
        assert!(body.contains(r#""parameters":[]"#), "{body}");
        assert_eq!(parse(&body, None).unwrap(), none);

        let Err(BodyError::Invalid(v)) = serialize(&template(json!({"language": {"code": "english_US"}}))) else {
            panic!()
        };
        assert_eq!(v[0].path, "/content/language/code");

        // From Bird: what the neutral model has no place for is refused at its pointer in
        // Bird's body, and a neutral rule lands there too.
        let bird = |parameters: Value| {
            json!({"receiver": {"contacts": [{"identifierValue": "+31612345678"}]},
                "template": {"projectId": PROJECT, "version": "latest", "locale": "en", "parameters": parameters}})
        };
        let number = bird(json!([{"type": "number", "key": "n", "value": 3}]));
        let Err(BodyError::Unsupported(u)) = parse(&number.to_string(), None) else { panic!() };
        assert_eq!(u.pointer(), "/template/parameters/0/type");
        let empty = bird(json!([{"type": "string", "key": "n", "value": ""}]));
        let Err(BodyError::Invalid(v)) = parse(&empty.to_string(), None) else { panic!() };
        assert_eq!(v[0].path, "/template/parameters/0/value");
        let valueless = bird(json!([{"type": "string", "key": "n"}]));
        let Err(BodyError::Unsupported(u)) = parse(&valueless.to_string(), None) else { panic!() };
        assert_eq!(u.pointer(), "/template/parameters/0");
        let mut settings = bird(json!([]));
        settings["template"]["settings"] = json!({"disallowMmLite": true});
        let Err(BodyError::Unsupported(u)) = parse(&settings.to_string(), None) else { panic!() };
        assert_eq!(u.pointer(), "/template/settings");
        // convert() leaves the settings out, said at their pointer in Bird's body.
        let converted = crate::provider::convert_reporting(
            crate::provider::Format::Provider(PROVIDER),
            crate::provider::Format::Neutral,
            &settings.to_string(),
            None,
            crate::provider::fit::FitMode::Strict,
        )
        .unwrap();
        let changes: Vec<_> = converted.changes.iter().map(|c| c.source.as_deref()).collect();
        assert_eq!(changes, [Some("/template/settings")]);
    }

    /// Bird's page: reply buttons under an image are its image body with postbacks, under a
    /// video or document its file body with them. Both ways, with every pointer in the body.
    #[test]
    fn reply_buttons_under_a_media_header_are_birds_media_body_with_postbacks() {
        use crate::provider::{Format, convert_reporting, fit::FitMode};
        let meta = |header: Value| {
            json!({"messaging_product": "whatsapp", "to": "31612345678", "type": "interactive", "interactive": {
                "type": "button", "header": header, "body": {"text": "Like it?"},
                "action": {"buttons": [{"type": "reply", "reply": {"id": "yes", "title": "Yes"}},
                                       {"type": "reply", "reply": {"id": "no", "title": "No"}}]}}})
            .to_string()
        };
        let postbacks = json!([{"type": "postback", "postback": {"text": "Yes", "payload": "yes"}},
                               {"type": "postback", "postback": {"text": "No", "payload": "no"}}]);
        let (from, to) = (Format::Provider(Provider::Meta), Format::Provider(Provider::Bird));
        let cases = [
            (
                json!({"type": "image", "image": {"link": "https://cdn.example.com/shirt.jpg"}}),
                json!({"type": "image", "image": {"text": "Like it?", "images": [{"mediaUrl": "https://cdn.example.com/shirt.jpg"}], "actions": postbacks}}),
                0,
            ),
            (
                json!({"type": "video", "video": {"link": "https://cdn.example.com/tour.mp4"}}),
                json!({"type": "file", "file": {"text": "Like it?", "files": [{"mediaUrl": "https://cdn.example.com/tour.mp4", "contentType": "video/mp4"}], "actions": postbacks}}),
                1,
            ),
            (
                json!({"type": "document", "document": {"link": "https://cdn.example.com/get?id=7", "filename": "terms.pdf"}}),
                json!({"type": "file", "file": {"text": "Like it?", "files": [{"mediaUrl": "https://cdn.example.com/get?id=7", "contentType": "application/pdf", "filename": "terms.pdf"}], "actions": postbacks}}),
                1,
            ),
        ];
        for (header, bird, inferred) in cases {
            let conversion = convert_reporting(from, to, &meta(header.clone()), None, FitMode::Strict).unwrap();
            let written: Value = serde_json::from_str(&conversion.parts[0].1).unwrap();
            assert_eq!(written["body"], bird, "{header}");
            // A file's type named by its link's or filename's extension is said, at its field.
            assert_eq!(conversion.changes.len(), inferred, "{:?}", conversion.changes);
            // And back: the same neutral reply buttons, their media header included.
            let message = parse(&conversion.parts[0].1, None).unwrap();
            let Content::ReplyButtons(b) = &message.content else { panic!("{message:?}") };
            assert_eq!((b.body.as_str(), b.buttons.len()), ("Like it?", 2));
            let kind = b.header.as_ref().and_then(crate::message::Header::media).map(|(k, _)| k.name());
            assert_eq!(kind, header["type"].as_str());
        }
        // A header's MIME type is said where it is not sent: Bird's image body has none, and
        // Meta takes none (read from a Bird file's contentType, it is reported there).
        let typed = json!({"to": "+31612345678", "content": {"type": "replyButtons", "body": "Like it?",
            "header": {"type": "image", "link": "https://cdn.example.com/a.png", "mimeType": "image/png"},
            "buttons": [{"id": "yes", "title": "Yes"}]}});
        let conversion = convert_reporting(Format::Neutral, to, &typed.to_string(), None, FitMode::Strict).unwrap();
        let lossy: Vec<_> = conversion.changes.iter().map(|c| c.change.pointer.as_str()).collect();
        assert_eq!(lossy, ["/content/header/mimeType"]);
        let file = text_body(
            json!({"type": "file", "file": {"text": "Ok?", "files": [{"mediaUrl": "https://cdn.example.com/t.pdf", "contentType": "application/pdf"}],
            "actions": [{"type": "postback", "postback": {"text": "Yes", "payload": "yes"}}]}}),
        );
        let conversion = convert_reporting(to, from, &file.to_string(), None, FitMode::Strict).unwrap();
        let sources: Vec<_> = conversion.changes.iter().map(|c| c.source.as_deref()).collect();
        assert_eq!(sources, [Some("/body/file/files/0/contentType")]);
        // The neutral model's rules land at Bird's fields of each body.
        let image =
            text_body(json!({"type": "image", "image": {"images": [{"mediaUrl": "https://cdn.example.com/a.jpg"}],
            "actions": [{"type": "postback", "postback": {"text": "Yes", "payload": "yes"}}]}}));
        let Err(BodyError::Invalid(v)) = parse(&image.to_string(), None) else { panic!("a body text is needed") };
        assert_eq!(v[0].path, "/body/image/text");
        let file = text_body(
            json!({"type": "file", "file": {"text": "Pick", "files": [{"mediaUrl": "https://cdn.example.com/a.pdf", "contentType": "application/pdf"}],
            "actions": [{"type": "postback", "postback": {"text": "Yes", "payload": "yes"}}]}}),
        );
        let file = file.to_string();
        let message = neutral::from_bird(&read_request_at(&file, NOW).unwrap()).unwrap();
        let tree = parse_tree(&file).unwrap();
        for (pointer, wire) in [
            ("/content/body", "/body/file/text"),
            ("/content/header/link", "/body/file/files/0/mediaUrl"),
            ("/content/header/mimeType", "/body/file/files/0/contentType"),
            ("/content/buttons/0/title", "/body/file/actions/0/postback/text"),
            ("/content/buttons/0/id", "/body/file/actions/0/postback/payload"),
        ] {
            assert_eq!(BirdCodec.wire_pointer(pointer, &message, &tree, Operation::Messages), wire);
            assert!(crate::provider::json_at(&tree, wire).is_some(), "{wire}");
        }
        // Buttons under audio, and a text header or a footer, have no place on Bird.
        let audio = text_body(
            json!({"type": "file", "file": {"files": [{"mediaUrl": "https://cdn.example.com/a.mp3", "contentType": "audio/mpeg"}],
            "actions": [{"type": "postback", "postback": {"text": "Yes", "payload": "yes"}}]}}),
        );
        let Err(BodyError::Unsupported(u)) = parse(&audio.to_string(), None) else { panic!() };
        assert_eq!(u.pointer(), "/body/file/actions");
        let with = |header: Option<crate::message::Header>, footer: Option<&str>| {
            Message::new(
                "+31612345678",
                Content::ReplyButtons(crate::message::ReplyButtons {
                    header,
                    body: "Like it?".into(),
                    footer: footer.map(Into::into),
                    buttons: vec![crate::message::ReplyButton { id: "yes".into(), title: "Yes".into() }],
                }),
            )
        };
        let text = crate::message::Header::Text(crate::message::HeaderText { text: "Shirts".into() });
        let image = crate::message::Header::Image(Media::by_link("https://cdn.example.com/a.jpg"));
        for (message, at) in
            [(with(Some(text), None), "/content/header"), (with(Some(image), Some("Thanks")), "/content/footer")]
        {
            let Err(BodyError::Unsupported(u)) = serialize(&message) else { panic!() };
            assert_eq!(u.pointer(), at);
        }
        // A document header without a type its link or filename names is asked for its type.
        let document = crate::message::Header::Document(Media::by_link("https://cdn.example.com/get"));
        let Err(BodyError::Invalid(v)) = serialize(&with(Some(document), None)) else { panic!() };
        assert_eq!(v[0].path, "/content/header/mimeType");
        assert!(v[0].message.contains("content.header.mimeType"), "{}", v[0].message);
    }

    #[test]
    fn an_inline_webp_sticker_is_refused_not_sent_as_an_image_it_is_not() {
        let webp = "data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";
        let message = Message::new("+16505551234", Content::Sticker(Media::by_link(webp)));
        let Err(BodyError::Unsupported(refused)) = crate::provider::serialize(Provider::Bird, &message) else {
            panic!()
        };
        assert_eq!(refused.pointer(), "/content/link");
        let linked = Message::new("+16505551234", Content::Sticker(Media::by_link("https://example.com/s.webp")));
        assert!(crate::provider::serialize(Provider::Bird, &linked).is_ok());
    }

    #[test]
    fn reports_every_fault_at_its_pointer() {
        let body = json!({
            "receiver": {"contacts": [{"identifierKey": "email", "identifierValue": "31612345678"}]},
            "body": {"type": "text", "text": {"text": "x".repeat(1025), "actions": [
                {"type": "postback", "postback": {"text": "a title that is far too long", "payload": "1"}},
                {"type": "postback", "postback": {"text": "B"}},
                {"type": "postback", "postback": {"text": "C"}},
                {"type": "postback", "postback": {"text": "D"}}
            ]}},
            "tags": ["Summer Sale", "50%"],
            "capFrequency": true,
            "scheduledFor": "2027-02-01T00:00:00Z",
            "validity": -1,
            "replyTo": {"id": "x", "type": "forward"}
        });
        assert_eq!(
            faults(&body),
            vec![
                ("/receiver/contacts/0/identifierKey".into(), ViolationCode::InvalidValue),
                ("/receiver/contacts/0/identifierValue".into(), ViolationCode::InvalidFormat),
                ("/body/text/actions/0/postback/text".into(), ViolationCode::TooLong),
                ("/body/text/text".into(), ViolationCode::TooLong),
                ("/body/text/actions".into(), ViolationCode::TooMany),
                ("/replyTo/type".into(), ViolationCode::InvalidValue),
                ("/capFrequency".into(), ViolationCode::InvalidValue),
                ("/tags/1".into(), ViolationCode::InvalidFormat),
                ("/scheduledFor".into(), ViolationCode::OutOfRange),
                ("/validity".into(), ViolationCode::OutOfRange),
            ]
        );
    }

    #[test]
    fn limits_hold_at_the_limit_and_fail_one_past_it() {
        let text = |n: usize| text_body(json!({"type": "text", "text": {"text": "é".repeat(n)}}));
        assert!(faults(&text(4096)).is_empty());
        assert_eq!(faults(&text(4097)), [("/body/text/text".into(), ViolationCode::TooLong)]);
        let tags = |n: usize, len: usize| {
            let mut body = text(1);
            body["tags"] = json!(vec!["a".repeat(len); n]);
            body
        };
        assert!(faults(&tags(10, 50)).is_empty());
        assert_eq!(faults(&tags(11, 1)), [("/tags".into(), ViolationCode::TooMany)]);
        assert_eq!(faults(&tags(1, 51)), [("/tags/0".into(), ViolationCode::TooLong)]);
        let cards = |n: usize, video_at: Option<usize>| {
            let items: Vec<Value> = (0..n)
                .map(|i| {
                    let ext = if Some(i) == video_at { "mp4" } else { "jpg" };
                    json!({"title": "Card", "mediaUrl": format!("https://cdn.example.com/{i}.{ext}"),
                           "actions": [{"type": "link", "link": {"text": "Open", "url": "https://example.com"}}]})
                })
                .collect();
            text_body(json!({"type": "carousel", "carousel": {"text": "Pick", "items": items}}))
        };
        assert!(faults(&cards(2, None)).is_empty());
        assert!(faults(&cards(10, None)).is_empty());
        assert_eq!(faults(&cards(1, None)), [("/body/carousel/items".into(), ViolationCode::TooFew)]);
        assert_eq!(faults(&cards(11, None)), [("/body/carousel/items".into(), ViolationCode::TooMany)]);
        assert_eq!(
            faults(&cards(3, Some(2))),
            [("/body/carousel/items/2/mediaUrl".into(), ViolationCode::InvalidValue)]
        );
        // The text above the cards: required on WhatsApp, and not empty.
        for carousel in [json!({"text": ""}), json!({})] {
            let mut body = cards(2, None);
            body["body"]["carousel"]["text"] = carousel["text"].clone();
            if carousel.get("text").is_none() {
                body["body"]["carousel"].as_object_mut().unwrap().remove("text");
            }
            assert_eq!(faults(&body), [("/body/carousel/text".into(), ViolationCode::Required)], "{carousel}");
        }
        let inline = |bytes: usize| {
            let data = "A".repeat(bytes / 3 * 4);
            text_body(
                json!({"type": "image", "image": {"images": [{"mediaUrl": format!("data:image/png;base64,{data}")}]}}),
            )
        };
        assert!(faults(&inline(102_399)).is_empty());
        assert_eq!(faults(&inline(102_402)), [("/body/image/images/0/mediaUrl".into(), ViolationCode::TooLong)]);
        let big = format!(
            r#"{{"receiver":{{"contacts":[]}},"body":{{"type":"text","text":{{"text":"{}"}}}}}}"#,
            "x".repeat(205_000)
        );
        let Err(BodyError::Invalid(v)) = read_request(&big) else { panic!() };
        assert_eq!((v[0].path.as_str(), v[0].code), ("", ViolationCode::TooLong));
    }

    #[test]
    fn scheduling_soon_warns_and_far_ahead_fails() {
        let at = |iso: &str| model::Delivery { scheduled_for: Some(iso.into()), ..Default::default() };
        assert!(schedule_warning(&at("2026-12-01T00:09:59Z"), NOW).is_some());
        assert!(schedule_warning(&at("2026-11-30T00:00:00Z"), NOW).is_some());
        assert!(schedule_warning(&at("2026-12-01T00:10:00Z"), NOW).is_none());
        let mut body = text_body(json!({"type": "text", "text": {"text": "x"}}));
        body["scheduledFor"] = json!("2027-01-05T00:00:00Z");
        assert!(faults(&body).is_empty());
        body["scheduledFor"] = json!("2027-01-05T00:00:01Z");
        assert_eq!(faults(&body), [("/scheduledFor".into(), ViolationCode::OutOfRange)]);
    }

    /// Bird's reader refuses what the neutral model (and WhatsApp) refuse: two buttons with one
    /// title or payload, two list rows with one payload, at their fields in Bird's body.
    #[test]
    fn duplicate_buttons_and_rows_are_refused_at_birds_pointers() {
        let postback =
            |text: &str, payload: &str| json!({"type": "postback", "postback": {"text": text, "payload": payload}});
        let buttons =
            |actions: Vec<Value>| text_body(json!({"type": "text", "text": {"text": "Pick", "actions": actions}}));
        assert!(faults(&buttons(vec![postback("A", "1"), postback("B", "2")])).is_empty());
        assert_eq!(
            faults(&buttons(vec![postback("A", "1"), postback("B", "1")])),
            [("/body/text/actions/1/postback/payload".into(), ViolationCode::Duplicate)]
        );
        assert_eq!(
            faults(&buttons(vec![postback("A", "1"), postback("A", "2")])),
            [("/body/text/actions/1/postback/text".into(), ViolationCode::Duplicate)]
        );
        let reply = json!({"type": "reply", "reply": {"text": "A"}});
        assert_eq!(
            faults(&buttons(vec![postback("A", "1"), reply])),
            [("/body/text/actions/1/reply/text".into(), ViolationCode::Duplicate)]
        );
        let list = |second: &str| {
            text_body(json!({"type": "list", "list": {"text": "Menu", "items": [
                {"title": "One", "actions": [postback("A", "a")]},
                {"title": "Two", "actions": [postback("A", "b"), postback("C", second)]}
            ], "metadata": {"button": {"label": "Open"}}}}))
        };
        assert!(faults(&list("c")).is_empty(), "row titles may repeat across sections");
        assert_eq!(
            faults(&list("a")),
            [("/body/list/items/1/actions/1/postback/payload".into(), ViolationCode::Duplicate)]
        );
    }

    /// A neutral rule Bird's reader does not check lands at the field of the Bird body it was
    /// read from, and every pointer of the table is one that body has.
    #[test]
    fn neutral_violations_land_at_real_bird_pointers() {
        let padded = text_body(json!({"type": "text", "text": {"text": "Pick", "actions": [
            {"type": "postback", "postback": {"text": "A", "payload": " 1"}},
            {"type": "postback", "postback": {"text": "B", "payload": "2"}}
        ]}}));
        let Err(BodyError::Invalid(v)) = parse(&padded.to_string(), None) else { panic!("a padded id is refused") };
        assert_eq!(v[0].path, "/body/text/actions/0/postback/payload");
        let list = text_body(json!({"type": "list", "list": {"title": "T", "text": "Menu", "items": [
            {"title": "One", "actions": [{"type": "postback", "postback": {"text": "A", "payload": "a", "metadata": {"description": {"label": "d"}}}}]},
            {"title": "Two", "actions": [{"type": "postback", "postback": {"text": "B", "payload": "b"}}]}
        ], "metadata": {"button": {"label": "Open"}}}}));
        let cases = [
            (
                padded.clone(),
                vec!["/to", "/content/body", "/content/buttons/1/id", "/content/buttons/1/title", "/content/buttons"],
            ),
            (
                list,
                vec![
                    "/content/header/text",
                    "/content/body",
                    "/content/button",
                    "/content/sections/1/title",
                    "/content/sections/1/rows/0/id",
                    "/content/sections/0/rows/0/title",
                    "/content/sections/0/rows/0/description",
                    "/content/sections/1/rows",
                    "/content/sections",
                ],
            ),
        ];
        for (body, neutral) in cases {
            let text = body.to_string();
            // The message as read, before the neutral rules judge it.
            let message = neutral::from_bird(&read_request_at(&text, NOW).unwrap()).unwrap();
            let tree = parse_tree(&text).unwrap();
            for pointer in neutral {
                let wire = BirdCodec.wire_pointer(pointer, &message, &tree, Operation::Messages);
                assert!(crate::provider::json_at(&tree, &wire).is_some(), "{pointer} → {wire}: not in the body");
            }
        }
    }

    #[test]
    fn refuses_what_bird_cannot_carry() {
        for message in [
            Message::text("1203630", "x").to_group(),
            Message::new(
                "+31612345678",
                Content::Reaction(crate::message::Reaction { message_id: "wamid.1".into(), emoji: "👍".into() }),
            ),
        ] {
            assert_eq!(serialize(&message).unwrap_err().code(), "ERR_UNSUPPORTED");
        }
        let two = json!({"receiver": {"contacts": [{"identifierValue": "+31612345678"}]},
                         "body": {"type": "image", "image": {"images": [{"mediaUrl": "https://a.example/1.jpg"}, {"mediaUrl": "https://a.example/2.jpg"}]}}});
        assert!(faults(&two).is_empty());
        assert_eq!(parse(&two.to_string(), None).unwrap_err().code(), "ERR_UNSUPPORTED");
        let voice =
            Message::new("+31612345678", Content::Audio(Media::by_link("https://a.example/v.ogg").as_voice_note()));
        let Err(BodyError::Unsupported(u)) = serialize(&voice) else { panic!() };
        assert_eq!((u.kind.as_str(), u.pointer()), ("audio voice note", "/content/voice"));
        let list = Message::new(
            "+31612345678",
            Content::List(crate::message::List {
                header: Some(crate::message::Header::Text(crate::message::HeaderText { text: "Menu".into() })),
                body: "Choose".into(),
                footer: Some("Thanks".into()),
                button: "Options".into(),
                sections: vec![crate::message::ListSection {
                    title: None,
                    rows: vec![crate::message::ListRow { id: "a".into(), title: "A".into(), description: None }],
                }],
            }),
        );
        let Err(BodyError::Unsupported(u)) = serialize(&list) else { panic!("a footer must not be dropped") };
        assert_eq!(u.pointer(), "/content/footer");
        let Err(BodyError::Unsupported(u)) = serialize(&voice) else { panic!() };
        assert_eq!((u.kind.as_str(), u.pointer()), ("audio voice note", "/content/voice"));
        let html = text_body(json!({"type": "html", "html": {}}));
        assert_eq!(faults(&html), [("/body/type".into(), ViolationCode::Unsupported)]);
    }

    /// What the neutral model has no field for, in a Bird body converted with `convert`'s
    /// reporting: each a `lossy` change at its pointer in Bird's body, not a refusal; the strict
    /// conversion still refuses.
    #[test]
    fn delivery_options_and_alt_texts_are_lossy_when_converted_from_bird() {
        use crate::provider::{Format, convert, convert_reporting, fit::FitMode};
        let mut body = text_body(json!({"type": "image", "image": {"images": [
            {"mediaUrl": "https://cdn.example.com/a.jpg", "altText": "A red bike"}
        ]}}));
        for (key, value) in [
            ("tags", json!(["spring"])),
            ("validity", json!(3600)),
            ("scheduledFor", json!("2020-01-01T00:00:00Z")),
            ("enableLinkTracking", json!(true)),
            ("ignoreQuietHours", json!(true)),
            ("shortLinks", json!({"domain": "go.example.com"})),
            ("meta", json!({"extraInformation": {"useCase": "marketing"}})),
            ("capFrequency", json!(true)),
            ("ignoreGlobalHoldout", json!(false)),
            ("reference", json!("order-1")),
        ] {
            body[key] = value;
        }
        let text = body.to_string();
        let expected = [
            "/meta/extraInformation",
            "/capFrequency",
            "/enableLinkTracking",
            "/ignoreQuietHours",
            "/ignoreGlobalHoldout",
            "/tags",
            "/shortLinks",
            "/scheduledFor",
            "/validity",
            "/body/image/images/0/altText",
        ];
        for to in [Format::Neutral, Format::Provider(Provider::Meta), Format::Provider(Provider::OneMsg)] {
            let Ok(conversion) = convert_reporting(Format::Provider(Provider::Bird), to, &text, None, FitMode::Strict)
            else {
                panic!("{to:?}: refused")
            };
            let lossy: Vec<_> = conversion
                .changes
                .iter()
                .filter(|c| c.change.pointer != "/callbackData")
                .map(|c| (c.change.kind, c.change.pointer.as_str(), c.source.as_deref()))
                .collect();
            let want: Vec<_> =
                expected.iter().map(|&at| (crate::provider::fit::ChangeKind::Lossy, at, Some(at))).collect();
            assert_eq!(lossy, want, "{to:?}");
            assert!(conversion.parts[0].1.contains("cdn.example.com/a.jpg"));
        }
        let strict = convert(Format::Provider(Provider::Bird), Format::Provider(Provider::Meta), &text, None);
        assert_eq!(strict.unwrap_err().code(), "ERR_UNSUPPORTED");
        // A video's filename (WhatsApp shows one on documents only) and a file's alt text.
        let video = text_body(json!({"type": "file", "file": {"files": [{"mediaUrl": "https://a.example/c.mp4",
            "contentType": "video/mp4", "filename": "c.mp4", "altText": "A clip"}]}}))
        .to_string();
        let to_meta = Format::Provider(Provider::Meta);
        let changes = convert_reporting(Format::Provider(Provider::Bird), to_meta, &video, None, FitMode::Strict)
            .unwrap()
            .changes;
        let at: Vec<_> = changes.iter().map(|c| c.source.as_deref().unwrap_or("")).collect();
        assert_eq!(at, ["/body/file/files/0/altText", "/body/file/files/0/filename", "/body/file/files/0/contentType"]);
    }

    /// WhatsApp audio has no caption: Bird's reader refuses a text on a file body that sends
    /// audio, at Bird's own field, as converting it does.
    #[test]
    fn an_audio_file_with_text_is_refused_at_its_text() {
        let audio = |text: Option<&str>| {
            let mut file = json!({"files": [{"mediaUrl": "https://a.example/a.mp3", "contentType": "audio/mpeg"}]});
            if let Some(text) = text {
                file["text"] = json!(text);
            }
            text_body(json!({"type": "file", "file": file}))
        };
        assert!(faults(&audio(None)).is_empty());
        assert_eq!(faults(&audio(Some("Listen"))), [("/body/file/text".into(), ViolationCode::InvalidValue)]);
        let Err(BodyError::Invalid(v)) = parse(&audio(Some("Listen")).to_string(), None) else { panic!() };
        assert_eq!(v[0].path, "/body/file/text");
    }

    /// Bird's reader refuses what the neutral model refuses: inline media of another type than
    /// the body says, and receivers that cannot be phone numbers; each at Bird's pointer.
    #[test]
    fn inline_types_and_receivers_are_judged_as_the_neutral_model_judges_them() {
        let pdf = "data:application/pdf;base64,JVBERi0xLjQK";
        let png = "data:image/png;base64,iVBORw0KGgo=";
        let image = |url: &str| text_body(json!({"type": "image", "image": {"images": [{"mediaUrl": url}]}}));
        assert!(faults(&image(png)).is_empty());
        assert_eq!(faults(&image(pdf)), [("/body/image/images/0/mediaUrl".into(), ViolationCode::InvalidFormat)]);
        let file = |url: &str| {
            text_body(json!({"type": "file", "file": {"files": [{"mediaUrl": url, "contentType": "application/pdf"}]}}))
        };
        assert!(faults(&file(pdf)).is_empty());
        assert_eq!(faults(&file(png)), [("/body/file/files/0/mediaUrl".into(), ViolationCode::InvalidFormat)]);
        let to = |number: &str| {
            json!({"receiver": {"contacts": [{"identifierValue": number}]},
                   "body": {"type": "text", "text": {"text": "Hi"}}})
        };
        assert!(faults(&to("+31612345678")).is_empty());
        let at = "/receiver/contacts/0/identifierValue".to_string();
        assert_eq!(faults(&to("+9991234567")), [(at.clone(), ViolationCode::InvalidFormat)]);
        assert_eq!(faults(&to("+1234567")), [(at, ViolationCode::TooShort)]);
    }

    /// A linked file without a MIME type goes to Bird with the type its extension names,
    /// reported; without a usable extension it is still refused.
    #[test]
    fn a_files_type_is_inferred_from_its_extension_and_reported() {
        use crate::provider::{Format, convert_reporting, fit::FitMode};
        let meta = |kind: &str, media: Value| {
            json!({"messaging_product": "whatsapp", "to": "16505551234", "type": kind, kind: media}).to_string()
        };
        let cases = [
            ("document", json!({"link": "https://cdn.example.com/a.pdf"}), "application/pdf", "/document/link"),
            ("video", json!({"link": "https://cdn.example.com/clip.mp4?v=2"}), "video/mp4", "/video/link"),
            ("audio", json!({"link": "https://cdn.example.com/a.mp3"}), "audio/mpeg", "/audio/link"),
            (
                "document",
                json!({"link": "https://cdn.example.com/download", "filename": "report.pdf"}),
                "application/pdf",
                "/document/filename",
            ),
        ];
        let (from, to) = (Format::Provider(Provider::Meta), Format::Provider(Provider::Bird));
        for (kind, media, mime, source) in cases {
            let conversion = convert_reporting(from, to, &meta(kind, media), None, FitMode::Strict).unwrap();
            let body: Value = serde_json::from_str(&conversion.parts[0].1).unwrap();
            assert_eq!(body["body"]["file"]["files"][0]["contentType"], mime, "{kind}");
            let [change] = conversion.changes.as_slice() else { panic!("{:?}", conversion.changes) };
            assert_eq!(change.change.kind, crate::provider::fit::ChangeKind::Reshaped);
            assert_eq!(change.source.as_deref(), Some(source));
            assert!(change.change.message.contains(mime), "{}", change.change.message);
        }
        for media in [
            json!({"link": "https://cdn.example.com/download"}),
            json!({"link": "https://cdn.example.com/a.mp4"}),
            json!({"link": "https://cdn.example.com/a.pdf", "filename": "a.docx"}),
        ] {
            let Err(BodyError::Invalid(v)) =
                convert_reporting(from, to, &meta("document", media), None, FitMode::Strict)
            else {
                panic!("a document without a usable extension is refused")
            };
            // At the field's place in the Meta body converted (Meta reads the type from the file).
            assert_eq!(v[0].path, "/document/mime_type");
        }
    }
}
