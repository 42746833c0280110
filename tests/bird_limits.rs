//! Every limit Bird's reader enforces, on Bird's own request bodies, at the limit and one past
//! it: lengths counted the way WhatsApp counts (characters, with characters of several bytes
//! and UTF-16 units), sizes in bytes, each violation at its pointer into Bird's body with its
//! code and limit. Bodies start from tests/fixtures/bird and are judged as `validateBody`
//! judges them (Bird's reader alone), with `scheduledFor` measured from a fixed now.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use wabridge::limits::*;
use wabridge::provider::{self, Provider};
use wabridge::{BodyError, ViolationCode};

/// 2026-12-01T00:00:00Z, in milliseconds since the epoch.
const NOW: f64 = 1_796_083_200_000.0;

type Found = Vec<(String, ViolationCode, Option<f64>)>;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/bird/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("a fixture is JSON")
}

/// `body` with `value` at `pointer` (an existing member or item, or a new member of an
/// existing object).
fn set(mut body: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    match body.pointer_mut(parent).unwrap_or_else(|| panic!("{parent} is not in the body")) {
        Value::Object(members) => {
            members.insert(key.to_string(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().expect("an index")] = value,
        other => panic!("{parent} is {other}"),
    }
    body
}

/// Every violation of a Bird body given as text, as (pointer, code, limit).
fn violations_of(text: &str) -> Found {
    let found = provider::validate_body_at(Provider::Bird, text, None, Some(NOW)).expect("read as a Bird body");
    found.into_iter().map(|v| (v.path, v.code, v.limit)).collect()
}

fn violations(body: &Value) -> Found {
    violations_of(&body.to_string())
}

/// Asserts `at(limit)` is valid and `at(limit + 1)` is refused with exactly one violation:
/// `code` at `pointer`, with the limit.
fn at_and_past(limit: usize, pointer: &str, code: ViolationCode, at: impl Fn(usize) -> Value) {
    assert_eq!(violations(&at(limit)), vec![], "{pointer} at {limit}");
    assert_eq!(violations(&at(limit + 1)), vec![(pointer.to_string(), code, Some(limit as f64))], "{pointer} past");
}

/// Text of `n` characters, each one a character made of several UTF-16 units or bytes.
fn chars(n: usize) -> String {
    // Alternate a 4-byte emoji (2 UTF-16 units), a CJK character and an accented Latin letter.
    ["😀", "字", "é"].iter().cycle().take(n).copied().collect()
}

/// `n` postback actions with distinct titles and payloads.
fn postbacks(n: usize, from: usize) -> Value {
    (from..from + n)
        .map(|i| json!({"type": "postback", "postback": {"text": format!("Option {i}"), "payload": format!("p{i}")}}))
        .collect()
}

#[test]
fn receiver_needs_a_contact() {
    let contacts = |n: usize| {
        set(fixture("text"), "/receiver/contacts", json!(vec![json!({"identifierValue": "+31612345678"}); n]))
    };
    assert_eq!(violations(&contacts(1)), vec![]);
    assert_eq!(violations(&contacts(0)), vec![("/receiver/contacts".into(), ViolationCode::TooFew, Some(1.0))]);
}

#[test]
fn text_body() {
    let text = |n: usize| set(fixture("text"), "/body/text/text", json!(chars(n)));
    at_and_past(TEXT_BODY_MAX_CHARS, "/body/text/text", ViolationCode::TooLong, text);
    assert_eq!(
        violations(&text(0)),
        vec![("/body/text/text".into(), ViolationCode::Required, Some(TEXT_BODY_MIN_CHARS as f64))]
    );
    // With buttons a text is WhatsApp's interactive body: 1024 characters.
    for fixture_name in ["text-postback-actions", "text-reply-actions", "text-link-action", "text-location-request"] {
        at_and_past(INTERACTIVE_BODY_MAX_CHARS, "/body/text/text", ViolationCode::TooLong, |n| {
            set(fixture(fixture_name), "/body/text/text", json!(chars(n)))
        });
    }
}

#[test]
fn buttons() {
    let buttons = |n: usize| set(fixture("text-postback-actions"), "/body/text/actions", postbacks(n, 0));
    at_and_past(REPLY_BUTTONS_MAX, "/body/text/actions", ViolationCode::TooMany, buttons);
    let image_buttons = |n: usize| set(fixture("image-actions"), "/body/image/actions", postbacks(n, 0));
    at_and_past(REPLY_BUTTONS_MAX, "/body/image/actions", ViolationCode::TooMany, image_buttons);
    at_and_past(REPLY_BUTTON_TITLE_MAX_CHARS, "/body/text/actions/0/postback/text", ViolationCode::TooLong, |n| {
        set(fixture("text-postback-actions"), "/body/text/actions/0/postback/text", json!(chars(n)))
    });
    at_and_past(REPLY_BUTTON_TITLE_MAX_CHARS, "/body/text/actions/1/reply/text", ViolationCode::TooLong, |n| {
        set(fixture("text-reply-actions"), "/body/text/actions/1/reply/text", json!(chars(n)))
    });
    at_and_past(REPLY_BUTTON_TITLE_MAX_CHARS, "/body/image/actions/0/postback/text", ViolationCode::TooLong, |n| {
        set(fixture("image-actions"), "/body/image/actions/0/postback/text", json!(chars(n)))
    });
    // A button's payload is its id.
    at_and_past(REPLY_BUTTON_ID_MAX_CHARS, "/body/text/actions/1/postback/payload", ViolationCode::TooLong, |n| {
        set(fixture("text-postback-actions"), "/body/text/actions/1/postback/payload", json!(chars(n)))
    });
    assert_eq!(
        violations(&set(fixture("text-reply-actions"), "/body/text/actions/0/reply/text", json!(""))),
        vec![("/body/text/actions/0/reply/text".into(), ViolationCode::Required, Some(1.0))]
    );
    at_and_past(CTA_DISPLAY_TEXT_MAX_CHARS, "/body/text/actions/0/link/text", ViolationCode::TooLong, |n| {
        set(fixture("text-link-action"), "/body/text/actions/0/link/text", json!(chars(n)))
    });
    at_and_past(
        REPLY_BUTTON_TITLE_MAX_CHARS,
        "/body/text/actions/0/locationRequest/text",
        ViolationCode::TooLong,
        |n| set(fixture("text-location-request"), "/body/text/actions/0/locationRequest", json!({"text": chars(n)})),
    );
}

#[test]
fn media_bodies() {
    at_and_past(MEDIA_CAPTION_MAX_CHARS, "/body/image/text", ViolationCode::TooLong, |n| {
        set(fixture("image-text"), "/body/image/text", json!(chars(n)))
    });
    // With buttons the caption is the interactive body, held to the same 1024.
    at_and_past(MEDIA_CAPTION_MAX_CHARS, "/body/image/text", ViolationCode::TooLong, |n| {
        set(fixture("image-actions"), "/body/image/text", json!(chars(n)))
    });
    at_and_past(MEDIA_CAPTION_MAX_CHARS, "/body/file/text", ViolationCode::TooLong, |n| {
        set(fixture("file"), "/body/file/text", json!(chars(n)))
    });
    let no_images = set(fixture("image"), "/body/image/images", json!([]));
    assert_eq!(violations(&no_images), vec![("/body/image/images".into(), ViolationCode::TooFew, Some(1.0))]);
    let no_files = set(fixture("file"), "/body/file/files", json!([]));
    assert_eq!(violations(&no_files), vec![("/body/file/files".into(), ViolationCode::TooFew, Some(1.0))]);
}

/// A `data:` URL of `bytes` zero bytes in base64 (three zero bytes are "AAAA").
fn inline(mime: &str, bytes: usize) -> String {
    let tail = ["", "AA==", "AAA="][bytes % 3];
    format!("data:{mime};base64,{}{tail}", "AAAA".repeat(bytes / 3))
}

#[test]
fn inline_attachments() {
    let limit = BIRD_INLINE_ATTACHMENT_MAX_BYTES;
    let code = ViolationCode::TooLong;
    at_and_past(limit, "/body/image/images/0/mediaUrl", code, |n| {
        set(fixture("image"), "/body/image/images/0/mediaUrl", json!(inline("image/png", n)))
    });
    at_and_past(limit, "/body/file/files/0/mediaUrl", code, |n| {
        let file = json!({"contentType": "application/pdf", "mediaUrl": inline("application/pdf", n)});
        set(fixture("file"), "/body/file/files/0", file)
    });
    at_and_past(limit, "/body/carousel/items/1/mediaUrl", code, |n| {
        set(fixture("carousel-image"), "/body/carousel/items/1/mediaUrl", json!(inline("image/jpeg", n)))
    });
    // Without base64 the data is percent-encoded: each %XX is one byte of the file.
    at_and_past(limit, "/body/file/files/0/mediaUrl", code, |n| {
        let url = format!("data:text/plain,{}{}", "a".repeat(n - 100), "%20".repeat(100));
        set(fixture("file"), "/body/file/files/0", json!({"contentType": "text/plain", "mediaUrl": url}))
    });
}

/// The text fixture padded to exactly `size` bytes with a note in `meta.extraInformation`
/// (free-form), mostly 4-byte emoji: far fewer characters than bytes.
fn padded(size: usize) -> String {
    let body = set(fixture("text"), "/meta", json!({"extraInformation": {"note": ""}}));
    let pad = size - body.to_string().len();
    let note = format!("{}{}", "😀".repeat(pad / 4), "a".repeat(pad % 4));
    let text = set(body, "/meta/extraInformation/note", json!(note)).to_string();
    assert_eq!(text.len(), size);
    assert!(text.chars().count() < size / 2);
    text
}

#[test]
fn whole_request_size_in_bytes() {
    let limit = BIRD_REQUEST_BODY_MAX_BYTES;
    assert_eq!(violations_of(&padded(limit)), vec![]);
    assert_eq!(violations_of(&padded(limit + 1)), vec![(String::new(), ViolationCode::TooLong, Some(limit as f64))]);
    // Whitespace is part of the body Bird receives.
    let spaced = format!("{}{}", padded(limit - 1), " ");
    assert_eq!(violations_of(&spaced), vec![]);
    assert_eq!(violations_of(&format!("{spaced} ")).len(), 1);
}

#[test]
fn location_ranges() {
    let at = |lat: f64, lng: f64| {
        violations(&set(fixture("location"), "/body/location/coordinates", json!({"latitude": lat, "longitude": lng})))
    };
    assert_eq!(at(LATITUDE_MAX, LONGITUDE_MIN), vec![]);
    assert_eq!(at(LATITUDE_MIN, LONGITUDE_MAX), vec![]);
    let latitude = "/body/location/coordinates/latitude".to_string();
    let longitude = "/body/location/coordinates/longitude".to_string();
    assert_eq!(at(90.000001, 0.0), vec![(latitude.clone(), ViolationCode::OutOfRange, Some(LATITUDE_MAX))]);
    assert_eq!(at(-90.000001, 0.0), vec![(latitude, ViolationCode::OutOfRange, Some(LATITUDE_MIN))]);
    assert_eq!(at(0.0, 180.000001), vec![(longitude.clone(), ViolationCode::OutOfRange, Some(LONGITUDE_MAX))]);
    assert_eq!(at(0.0, -180.000001), vec![(longitude, ViolationCode::OutOfRange, Some(LONGITUDE_MIN))]);
}

/// A list of `sections` sections of `rows` rows each, every row id distinct.
fn list(sections: usize, rows: usize) -> Value {
    let items: Vec<Value> =
        (0..sections).map(|s| json!({"title": format!("Section {s}"), "actions": postbacks(rows, s * 100)})).collect();
    set(fixture("list-button-label"), "/body/list/items", json!(items))
}

#[test]
fn list_message() {
    let code = ViolationCode::TooLong;
    at_and_past(INTERACTIVE_HEADER_TEXT_MAX_CHARS, "/body/list/title", code, |n| {
        set(fixture("list"), "/body/list/title", json!(chars(n)))
    });
    at_and_past(INTERACTIVE_BODY_MAX_CHARS, "/body/list/text", code, |n| {
        set(fixture("list"), "/body/list/text", json!(chars(n)))
    });
    assert_eq!(
        violations(&set(fixture("list"), "/body/list/text", json!(""))),
        vec![("/body/list/text".into(), ViolationCode::Required, Some(1.0))]
    );
    at_and_past(BIRD_LIST_BUTTON_LABEL_MAX_CHARS, "/body/list/metadata/button/label", code, |n| {
        set(fixture("list-button-label"), "/body/list/metadata/button/label", json!(chars(n)))
    });
    at_and_past(LIST_SECTION_TITLE_MAX_CHARS, "/body/list/items/1/title", code, |n| {
        set(fixture("list-sections"), "/body/list/items/1/title", json!(chars(n)))
    });
    // One section may go untitled; of several, each needs a title.
    assert_eq!(violations(&fixture("list")), vec![]);
    let untitled = set(fixture("list-sections"), "/body/list/items/0/title", json!(""));
    assert_eq!(violations(&untitled), vec![("/body/list/items/0/title".into(), ViolationCode::Required, Some(1.0))]);
    let row = "/body/list/items/1/actions/0/postback";
    at_and_past(LIST_ROW_TITLE_MAX_CHARS, &format!("{row}/text"), code, |n| {
        set(fixture("list-button-label"), &format!("{row}/text"), json!(chars(n)))
    });
    // A row's payload is its id: 200, where a button's is 256.
    at_and_past(LIST_ROW_ID_MAX_CHARS, &format!("{row}/payload"), code, |n| {
        set(fixture("list-button-label"), &format!("{row}/payload"), json!(chars(n)))
    });
    at_and_past(LIST_ROW_DESCRIPTION_MAX_CHARS, &format!("{row}/metadata/description/label"), code, |n| {
        set(fixture("list-button-label"), &format!("{row}/metadata/description/label"), json!(chars(n)))
    });
    // A reply action as a row is held to the row's limits too.
    at_and_past(LIST_ROW_TITLE_MAX_CHARS, "/body/list/items/0/actions/0/reply/text", code, |n| {
        set(fixture("list"), "/body/list/items/0/actions/0", json!({"type": "reply", "reply": {"text": chars(n)}}))
    });
}

#[test]
fn list_sections_and_rows() {
    let items = "/body/list/items".to_string();
    // Rows: at most 10 in all, however they are split into sections; one section over it
    // is that section's rows to cut (as Meta's and 1MSG's readers point).
    at_and_past(LIST_ROWS_MAX, "/body/list/items/0/actions", ViolationCode::TooMany, |n| list(1, n));
    assert_eq!(violations(&list(2, LIST_ROWS_MAX / 2)), vec![]);
    let split = |n: usize| {
        let items = json!([{"title": "A", "actions": postbacks(n / 2, 0)}, {"title": "B", "actions": postbacks(n - n / 2, 100)}]);
        set(fixture("list-button-label"), "/body/list/items", items)
    };
    at_and_past(LIST_ROWS_MAX, &items, ViolationCode::TooMany, split);
    // Sections: at most 10 (11 sections of one row are 11 rows too).
    assert_eq!(violations(&list(LIST_SECTIONS_MAX, 1)), vec![]);
    let past = violations(&list(LIST_SECTIONS_MAX + 1, 1));
    assert_eq!(
        past,
        vec![
            (items.clone(), ViolationCode::TooMany, Some(LIST_SECTIONS_MAX as f64)),
            (items.clone(), ViolationCode::TooMany, Some(LIST_ROWS_MAX as f64)),
        ]
    );
    assert_eq!(violations(&list(0, 1)), vec![(items, ViolationCode::TooFew, Some(1.0))]);
    assert_eq!(violations(&list(1, 0)), vec![("/body/list/items/0/actions".into(), ViolationCode::TooFew, Some(1.0))]);
}

#[test]
fn carousel() {
    let code = ViolationCode::TooLong;
    at_and_past(BIRD_CAROUSEL_TEXT_MAX_CHARS, "/body/carousel/text", code, |n| {
        set(fixture("carousel-image"), "/body/carousel/text", json!(chars(n)))
    });
    let cards = |n: usize| {
        let card = fixture("carousel-image")["body"]["carousel"]["items"][0].clone();
        set(fixture("carousel-image"), "/body/carousel/items", json!(vec![card; n]))
    };
    at_and_past(CAROUSEL_CARDS_MAX, "/body/carousel/items", ViolationCode::TooMany, cards);
    assert_eq!(violations(&cards(CAROUSEL_CARDS_MIN)), vec![]);
    assert_eq!(
        violations(&cards(CAROUSEL_CARDS_MIN - 1)),
        vec![("/body/carousel/items".into(), ViolationCode::TooFew, Some(CAROUSEL_CARDS_MIN as f64))]
    );
    // A card's title is its text on WhatsApp (a card body).
    at_and_past(CAROUSEL_CARD_BODY_MAX_CHARS, "/body/carousel/items/1/title", code, |n| {
        set(fixture("carousel-image"), "/body/carousel/items/1/title", json!(chars(n)))
    });
    at_and_past(CAROUSEL_CARD_BODY_MAX_CHARS, "/body/carousel/items/0/description", code, |n| {
        set(fixture("carousel-image"), "/body/carousel/items/0/description", json!(chars(n)))
    });
    at_and_past(CTA_DISPLAY_TEXT_MAX_CHARS, "/body/carousel/items/0/actions/0/link/text", code, |n| {
        set(fixture("carousel-image"), "/body/carousel/items/0/actions/0/link/text", json!(chars(n)))
    });
    // Exactly one link action per card.
    let link = fixture("carousel-image")["body"]["carousel"]["items"][0]["actions"][0].clone();
    let actions = |n: usize| {
        violations(&set(fixture("carousel-image"), "/body/carousel/items/0/actions", json!(vec![link.clone(); n])))
    };
    let one = vec![("/body/carousel/items/0/actions".to_string(), ViolationCode::InvalidValue, Some(1.0))];
    assert_eq!(actions(1), vec![]);
    assert_eq!(actions(0), one);
    assert_eq!(actions(2), one);
}

#[test]
fn tags() {
    let tags = |n: usize| set(fixture("scheduled"), "/tags", (0..n).map(|i| json!(format!("tag {i}"))).collect());
    at_and_past(BIRD_TAGS_MAX, "/tags", ViolationCode::TooMany, tags);
    // Tags are ASCII (Bird's pattern), so their characters are bytes.
    let tag = |tag: String| set(fixture("scheduled"), "/tags/1", json!(tag));
    at_and_past(BIRD_TAG_MAX_CHARS, "/tags/1", ViolationCode::TooLong, |n| tag("a".repeat(n)));
    assert_eq!(violations(&tag(String::new())), vec![("/tags/1".into(), ViolationCode::Required, Some(1.0))]);
    // Upper case is in Bird's pattern (it stores tags lower-cased); punctuation is not.
    assert_eq!(violations(&tag("Spring Sale".into())), vec![]);
    assert_eq!(violations(&tag("spring!".into())), vec![("/tags/1".into(), ViolationCode::InvalidFormat, None)]);
    assert_eq!(violations(&tag(chars(3))), vec![("/tags/1".into(), ViolationCode::InvalidFormat, None)]);
}

#[test]
fn short_links_domain() {
    at_and_past(BIRD_SHORT_LINK_DOMAIN_MAX_CHARS, "/shortLinks/domain", ViolationCode::TooLong, |n| {
        set(fixture("scheduled"), "/shortLinks/domain", json!(chars(n)))
    });
    assert_eq!(
        violations(&set(fixture("scheduled"), "/shortLinks/domain", json!(""))),
        vec![("/shortLinks/domain".into(), ViolationCode::Required, Some(1.0))]
    );
}

#[test]
fn scheduled_for_at_most_35_days_ahead() {
    assert_eq!(BIRD_SCHEDULE_MAX_DAYS, 35, "the dates below are 35 days after NOW");
    let at = |when: &str| violations(&set(fixture("scheduled"), "/scheduledFor", json!(when)));
    let past = vec![("/scheduledFor".to_string(), ViolationCode::OutOfRange, Some(BIRD_SCHEDULE_MAX_DAYS as f64))];
    assert_eq!(at("2027-01-05T00:00:00Z"), vec![]);
    assert_eq!(at("2027-01-05T01:00:00+01:00"), vec![], "the same instant in another offset");
    assert_eq!(at("2027-01-05T00:00:00.001Z"), past);
    assert_eq!(at("2027-01-05T00:00:01Z"), past);
    assert_eq!(at("2027-01-04T23:00:01-01:00"), past);
    // In the past Bird sends at once (a warning when sent, not a violation).
    assert_eq!(at("2020-01-01T00:00:00Z"), vec![]);
}

#[test]
fn validity_is_not_negative() {
    let validity = |v: i64| violations(&set(fixture("scheduled"), "/validity", json!(v)));
    assert_eq!(validity(0), vec![]);
    let found = validity(-1);
    assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["/validity"]);
}

#[test]
fn template_parameter_keys_are_not_empty() {
    let key = |k: &str| violations(&set(fixture("template-text"), "/template/parameters/0/key", json!(k)));
    assert_eq!(key("n"), vec![]);
    assert_eq!(key(""), vec![("/template/parameters/0/key".into(), ViolationCode::Required, Some(1.0))]);
}

/// Bird documents no limit on `reference`, and its reader sets none; read into the neutral
/// model it is `callbackData`, held to Meta's 512 characters, at Bird's pointer.
#[test]
fn reference() {
    let body = |n: usize| set(fixture("text"), "/reference", json!(chars(n))).to_string();
    assert_eq!(violations_of(&body(CALLBACK_DATA_MAX_CHARS + 1)), vec![]);
    assert!(provider::parse(Provider::Bird, &body(CALLBACK_DATA_MAX_CHARS), None).is_ok());
    let Err(BodyError::Invalid(v)) = provider::parse(Provider::Bird, &body(CALLBACK_DATA_MAX_CHARS + 1), None) else {
        panic!("a reference past 512 characters is refused as callbackData")
    };
    let found: Found = v.into_iter().map(|v| (v.path, v.code, v.limit)).collect();
    assert_eq!(found, vec![("/reference".into(), ViolationCode::TooLong, Some(CALLBACK_DATA_MAX_CHARS as f64))]);
}
