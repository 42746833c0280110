//! Every documented limit, at the limit and one past it, counted the way WhatsApp counts
//! (characters; an emoji reaction is one grapheme whatever it is made of), plus a payload
//! with several faults reporting each at its pointer — on the neutral model and on Meta's body.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use wabridge::limits::*;
use wabridge::provider::meta;
use wabridge::{BodyError, Message, ViolationCode};

fn message(content: Value) -> Message {
    serde_json::from_value(json!({"to": "+16505551234", "content": content})).expect("a structurally valid message")
}

/// The violations of `content` as (pointer, code, limit).
fn violations(content: Value) -> Vec<(String, ViolationCode, Option<f64>)> {
    message(content).validate().err().unwrap_or_default().into_iter().map(|v| (v.path, v.code, v.limit)).collect()
}

/// Asserts `at(limit)` is valid and `at(limit + 1)` reports `code` at `pointer` with the limit.
fn at_and_past(limit: usize, pointer: &str, code: ViolationCode, at: impl Fn(usize) -> Value) {
    assert_eq!(violations(at(limit)), vec![], "{pointer} at {limit}");
    let past = violations(at(limit + 1));
    assert!(
        past.iter().any(|(p, c, l)| p == pointer && *c == code && *l == Some(limit as f64)),
        "{pointer} at {}: {past:?}",
        limit + 1
    );
}

/// Text of `n` characters, each one a character made of several UTF-16 units or bytes.
fn chars(n: usize) -> String {
    // Alternate a 4-byte emoji (2 UTF-16 units), a CJK character and an accented Latin letter.
    ["😀", "字", "é"].iter().cycle().take(n).copied().collect()
}

#[test]
fn text_body() {
    at_and_past(
        TEXT_BODY_MAX_CHARS,
        "/content/body",
        ViolationCode::TooLong,
        |n| json!({"type": "text", "body": chars(n)}),
    );
    // A combining mark is a character of its own: "e" + U+0301 is two.
    let combining = "e\u{301}".repeat(TEXT_BODY_MAX_CHARS / 2);
    assert_eq!(violations(json!({"type": "text", "body": combining})), vec![]);
    let combining = format!("{}e", "e\u{301}".repeat(TEXT_BODY_MAX_CHARS / 2));
    assert_eq!(violations(json!({"type": "text", "body": combining}))[0].1, ViolationCode::TooLong);
}

#[test]
fn media_caption_and_sources() {
    at_and_past(
        MEDIA_CAPTION_MAX_CHARS,
        "/content/caption",
        ViolationCode::TooLong,
        |n| json!({"type": "image", "id": "123", "caption": chars(n)}),
    );
    assert_eq!(violations(json!({"type": "audio", "id": "1", "caption": "x"}))[0].0, "/content/caption");
    assert_eq!(violations(json!({"type": "sticker", "id": "1", "caption": "x"}))[0].0, "/content/caption");
    assert_eq!(violations(json!({"type": "image", "id": "1", "filename": "a.jpg"}))[0].0, "/content/filename");
    assert_eq!(violations(json!({"type": "video"}))[0], ("/content/id".into(), ViolationCode::Required, None));
    assert_eq!(violations(json!({"type": "video", "id": "1", "link": "https://x.y/v.mp4"}))[0].0, "/content/link");
    assert_eq!(violations(json!({"type": "document", "link": "ftp://x.y/a.pdf"}))[0].1, ViolationCode::InvalidFormat);
    assert_eq!(violations(json!({"type": "document", "link": "http://x.y/a.pdf", "filename": "a.pdf"})), vec![]);
}

#[test]
fn location_ranges() {
    let at = |lat: f64, lng: f64| violations(json!({"type": "location", "latitude": lat, "longitude": lng}));
    assert_eq!(at(LATITUDE_MAX, LONGITUDE_MIN), vec![]);
    assert_eq!(at(LATITUDE_MIN, LONGITUDE_MAX), vec![]);
    assert_eq!(at(90.000001, 0.0)[0].0, "/content/latitude");
    assert_eq!(at(0.0, -180.000001)[0].0, "/content/longitude");
    at_and_past(
        INTERACTIVE_BODY_MAX_CHARS,
        "/content/body",
        ViolationCode::TooLong,
        |n| json!({"type": "locationRequest", "body": chars(n)}),
    );
}

#[test]
fn contacts_count_name_and_birthday() {
    let contact = json!({"name": {"formattedName": "Ana"}});
    at_and_past(
        CONTACTS_MAX,
        "/content/contacts",
        ViolationCode::TooMany,
        |n| json!({"type": "contacts", "contacts": vec![contact.clone(); n]}),
    );
    assert_eq!(violations(json!({"type": "contacts", "contacts": []}))[0].1, ViolationCode::Required);
    let bad = json!({"type": "contacts", "contacts": [{"name": {"formattedName": " "}, "birthday": "12/08/1990"}]});
    let found: Vec<_> = violations(bad).into_iter().map(|v| v.0).collect();
    assert_eq!(found, ["/content/contacts/0/name/formattedName", "/content/contacts/0/birthday"]);
}

#[test]
fn reaction_is_one_emoji_grapheme() {
    let reaction = |emoji: &str| violations(json!({"type": "reaction", "messageId": "wamid.X", "emoji": emoji}));
    // Skin tones, ZWJ sequences, variation selectors, flags and keycaps: one emoji each.
    for one in ["👍", "👍🏿", "👩‍👩‍👧‍👦", "❤️", "🏳️‍⚧️", "🇯🇵", "#️⃣", ""]
    {
        assert_eq!(reaction(one), vec![], "{one:?}");
    }
    for not in ["👍👍", "a", "👍 ", "❤️❤️"] {
        assert_eq!(reaction(not)[0].0, "/content/emoji", "{not:?}");
    }
    let mut replying = message(json!({"type": "reaction", "messageId": "wamid.X", "emoji": "👍"}));
    replying.reply_to = Some("wamid.Y".into());
    assert_eq!(replying.validate().unwrap_err()[0].path, "/replyTo");
}

fn buttons(n: usize, title: impl Fn(usize) -> String, id: impl Fn(usize) -> String) -> Value {
    let buttons: Vec<Value> = (0..n).map(|i| json!({"id": id(i), "title": title(i)})).collect();
    json!({"type": "replyButtons", "body": "Pick one", "buttons": buttons})
}

#[test]
fn reply_buttons() {
    at_and_past(REPLY_BUTTONS_MAX, "/content/buttons", ViolationCode::TooMany, |n| {
        buttons(n, |i| format!("B{i}"), |i| format!("b{i}"))
    });
    at_and_past(REPLY_BUTTON_TITLE_MAX_CHARS, "/content/buttons/0/title", ViolationCode::TooLong, |n| {
        buttons(1, |_| chars(n), |_| "id".into())
    });
    at_and_past(REPLY_BUTTON_ID_MAX_CHARS, "/content/buttons/0/id", ViolationCode::TooLong, |n| {
        buttons(1, |_| "T".into(), |_| chars(n))
    });
    let duplicate = violations(buttons(2, |_| "Same".into(), |_| "same".into()));
    assert_eq!(
        duplicate.iter().map(|v| (v.0.as_str(), v.1)).collect::<Vec<_>>(),
        [("/content/buttons/1/id", ViolationCode::Duplicate), ("/content/buttons/1/title", ViolationCode::Duplicate)]
    );
    assert_eq!(
        violations(buttons(1, |_| "T".into(), |_| " padded".into()))[0],
        ("/content/buttons/0/id".into(), ViolationCode::InvalidFormat, None)
    );
    let header = |n| json!({"type": "replyButtons", "header": {"type": "text", "text": chars(n)}, "body": "b", "buttons": [{"id": "a", "title": "A"}]});
    at_and_past(INTERACTIVE_HEADER_TEXT_MAX_CHARS, "/content/header/text", ViolationCode::TooLong, header);
    let footer =
        |n| json!({"type": "replyButtons", "footer": chars(n), "body": "b", "buttons": [{"id": "a", "title": "A"}]});
    at_and_past(INTERACTIVE_FOOTER_MAX_CHARS, "/content/footer", ViolationCode::TooLong, footer);
    let body = |n| json!({"type": "replyButtons", "body": chars(n), "buttons": [{"id": "a", "title": "A"}]});
    at_and_past(INTERACTIVE_BODY_MAX_CHARS, "/content/body", ViolationCode::TooLong, body);
}

fn list(sections: Vec<Value>) -> Value {
    json!({"type": "list", "body": "b", "button": "Open", "sections": sections})
}

fn rows(n: usize, from: usize) -> Vec<Value> {
    (from..from + n).map(|i| json!({"id": format!("r{i}"), "title": format!("Row {i}")})).collect()
}

#[test]
fn list_message() {
    // 10 rows in total across sections (the spec counts per section; the docs in total).
    let split = |n: usize| {
        list(vec![json!({"title": "A", "rows": rows(n / 2, 0)}), json!({"title": "B", "rows": rows(n - n / 2, 100)})])
    };
    at_and_past(LIST_ROWS_MAX, "/content/sections", ViolationCode::TooMany, split);
    // One section over the maximum alone: said once, at its rows.
    let one = |n: usize| list(vec![json!({"title": "A", "rows": rows(n, 0)})]);
    assert_eq!(
        violations(one(LIST_ROWS_MAX + 1)).iter().map(|v| v.0.as_str()).collect::<Vec<_>>(),
        ["/content/sections/0/rows"]
    );
    let sections = |n: usize| list((0..n).map(|i| json!({"title": format!("S{i}"), "rows": rows(1, i)})).collect());
    at_and_past(LIST_SECTIONS_MAX, "/content/sections", ViolationCode::TooMany, sections);
    let row = |field: &str, n: usize| {
        let mut row = json!({"id": "r", "title": "t", "description": "d"});
        row[field] = json!(chars(n));
        list(vec![json!({"rows": [row]})])
    };
    at_and_past(LIST_ROW_ID_MAX_CHARS, "/content/sections/0/rows/0/id", ViolationCode::TooLong, |n| row("id", n));
    at_and_past(LIST_ROW_TITLE_MAX_CHARS, "/content/sections/0/rows/0/title", ViolationCode::TooLong, |n| {
        row("title", n)
    });
    at_and_past(
        LIST_ROW_DESCRIPTION_MAX_CHARS,
        "/content/sections/0/rows/0/description",
        ViolationCode::TooLong,
        |n| row("description", n),
    );
    let button =
        |n: usize| json!({"type": "list", "body": "b", "button": chars(n), "sections": [{"rows": rows(1, 0)}]});
    at_and_past(LIST_BUTTON_MAX_CHARS, "/content/button", ViolationCode::TooLong, button);
    let titled = |n: usize| list(vec![json!({"title": chars(n), "rows": rows(1, 0)})]);
    at_and_past(LIST_SECTION_TITLE_MAX_CHARS, "/content/sections/0/title", ViolationCode::TooLong, titled);
    let untitled = list(vec![json!({"rows": rows(1, 0)}), json!({"title": "B", "rows": rows(1, 5)})]);
    assert_eq!(violations(untitled)[0], ("/content/sections/0/title".into(), ViolationCode::Required, None));
    let duplicate_rows =
        list(vec![json!({"title": "A", "rows": rows(1, 0)}), json!({"title": "B", "rows": rows(1, 0)})]);
    assert_eq!(violations(duplicate_rows)[0].0, "/content/sections/1/rows/0/id");
    let header_image = json!({"type": "list", "header": {"type": "image", "id": "1"}, "body": "b", "button": "Open", "sections": [{"rows": rows(1, 0)}]});
    assert_eq!(violations(header_image)[0].0, "/content/header/type");
}

#[test]
fn cta_url_product_list_catalog() {
    let cta = |n: usize| json!({"type": "ctaUrl", "body": "b", "displayText": chars(n), "url": "https://example.com"});
    at_and_past(CTA_DISPLAY_TEXT_MAX_CHARS, "/content/displayText", ViolationCode::TooLong, cta);
    assert_eq!(
        violations(json!({"type": "ctaUrl", "body": "b", "displayText": "Go", "url": "example.com"}))[0].0,
        "/content/url"
    );
    // 30 products in all, across sections; one section over it alone is reported there only.
    let section = |title: &str, n: usize, from: usize| {
        let ids: Vec<String> = (from..from + n).map(|i| format!("sku-{i}")).collect();
        json!({"title": title, "productRetailerIds": ids})
    };
    let products = |sections: Vec<serde_json::Value>| json!({"type": "productList", "header": {"type": "text", "text": "H"}, "body": "b", "catalogId": "c", "sections": sections});
    let split = |n: usize| products(vec![section("A", n / 2, 0), section("B", n - n / 2, 100)]);
    at_and_past(PRODUCT_LIST_ITEMS_MAX, "/content/sections", ViolationCode::TooMany, split);
    let one = |n: usize| products(vec![section("A", n, 0)]);
    at_and_past(PRODUCT_LIST_ITEMS_MAX, "/content/sections/0/productRetailerIds", ViolationCode::TooMany, one);
    assert_eq!(violations(one(PRODUCT_LIST_ITEMS_MAX + 1)).len(), 1, "said once, at the section");
    let no_header = json!({"type": "productList", "header": {"type": "image", "id": "1"}, "body": "b", "catalogId": "c", "sections": [{"productRetailerIds": ["a"]}]});
    assert_eq!(violations(no_header)[0].0, "/content/header/type");
    assert_eq!(violations(json!({"type": "catalog", "body": ""}))[0].0, "/content/body");
}

#[test]
fn flow_message() {
    let flow = |n: usize| json!({"type": "flow", "body": "b", "flowId": "1", "flowCta": chars(n)});
    at_and_past(FLOW_CTA_MAX_CHARS, "/content/flowCta", ViolationCode::TooLong, flow);
    let both = json!({"type": "flow", "body": "b", "flowId": "1", "flowName": "n", "flowCta": "Go"});
    assert_eq!(violations(both)[0].0, "/content/flowName");
    let neither = json!({"type": "flow", "body": "b", "flowCta": "Go"});
    assert_eq!(violations(neither)[0], ("/content/flowId".into(), ViolationCode::Required, None));
    let version = json!({"type": "flow", "body": "b", "flowId": "1", "flowCta": "Go", "flowMessageVersion": "2"});
    assert_eq!(violations(version)[0].0, "/content/flowMessageVersion");
    let payload = json!({"type": "flow", "body": "b", "flowId": "1", "flowCta": "Go", "flowAction": "data_exchange", "flowActionPayload": {"screen": "A", "data": {}}});
    let found: Vec<_> = violations(payload).into_iter().map(|v| v.0).collect();
    assert_eq!(found, ["/content/flowActionPayload", "/content/flowActionPayload/data"]);
}

fn card(header: &str, buttons: usize) -> Value {
    let buttons: Vec<Value> = (0..buttons).map(|i| json!({"id": format!("b{i}"), "title": format!("B{i}")})).collect();
    json!({"header": {"type": header, "link": "https://example.com/m"}, "body": "card", "buttons": buttons})
}

#[test]
fn carousels() {
    let media = |n: usize| json!({"type": "carousel", "body": "b", "cards": vec![card("image", 1); n]});
    at_and_past(CAROUSEL_CARDS_MAX, "/content/cards", ViolationCode::TooMany, media);
    assert_eq!(
        violations(media(CAROUSEL_CARDS_MIN - 1))[0],
        ("/content/cards".into(), ViolationCode::TooFew, Some(CAROUSEL_CARDS_MIN as f64))
    );
    let mixed = json!({"type": "carousel", "body": "b", "cards": [card("image", 1), card("video", 1)]});
    assert_eq!(violations(mixed)[0].0, "/content/cards/1/header/type");
    let uneven = json!({"type": "carousel", "body": "b", "cards": [card("image", 1), card("image", 2)]});
    assert_eq!(violations(uneven)[0].0, "/content/cards/1");
    let mut long = card("image", 1);
    long["body"] = json!(chars(CAROUSEL_CARD_BODY_MAX_CHARS + 1));
    let long = json!({"type": "carousel", "body": "b", "cards": [long, card("image", 1)]});
    assert_eq!(
        violations(long)[0],
        ("/content/cards/0/body".into(), ViolationCode::TooLong, Some(CAROUSEL_CARD_BODY_MAX_CHARS as f64))
    );
    let product = |catalog: &str| json!({"catalogId": catalog, "productRetailerId": "sku"});
    let other_catalog = json!({"type": "productCarousel", "body": "b", "cards": [product("a"), product("b")]});
    assert_eq!(violations(other_catalog)[0].0, "/content/cards/1/catalogId");
}

fn template(components: Value) -> Value {
    json!({"type": "template", "name": "order_update", "language": {"code": "en_US"}, "components": components})
}

#[test]
fn template_parameters() {
    let text = |n: usize| json!({"type": "text", "text": chars(n)});
    // 32768 when the body is the only component, 1024 otherwise, 60 in the header.
    at_and_past(
        TEMPLATE_BODY_ONLY_TEXT_PARAMETER_MAX_CHARS,
        "/content/components/0/parameters/0/text",
        ViolationCode::TooLong,
        |n| template(json!([{"type": "body", "parameters": [text(n)]}])),
    );
    let button = json!({"type": "button", "subType": "quick_reply", "index": 0, "parameters": [{"type": "payload", "payload": "p"}]});
    at_and_past(
        TEMPLATE_TEXT_PARAMETER_MAX_CHARS,
        "/content/components/0/parameters/0/text",
        ViolationCode::TooLong,
        |n| template(json!([{"type": "body", "parameters": [text(n)]}, button.clone()])),
    );
    at_and_past(
        TEMPLATE_HEADER_TEXT_PARAMETER_MAX_CHARS,
        "/content/components/0/parameters/0/text",
        ViolationCode::TooLong,
        |n| template(json!([{"type": "header", "parameters": [text(n)]}])),
    );
    let coupon = |n: usize| {
        template(
            json!([{"type": "button", "subType": "copy_code", "index": 0, "parameters": [{"type": "couponCode", "couponCode": chars(n)}]}]),
        )
    };
    at_and_past(COUPON_CODE_MAX_CHARS, "/content/components/0/parameters/0/couponCode", ViolationCode::TooLong, coupon);
    let index = |i: usize| {
        template(
            json!([{"type": "button", "subType": "url", "index": i, "parameters": [{"type": "text", "text": "x"}]}]),
        )
    };
    assert_eq!(violations(index(TEMPLATE_BUTTON_INDEX_MAX)), vec![]);
    assert_eq!(violations(index(TEMPLATE_BUTTON_INDEX_MAX + 1))[0].0, "/content/components/0/index");
    let wrong = template(
        json!([{"type": "button", "subType": "quick_reply", "index": 0, "parameters": [{"type": "text", "text": "x"}]}]),
    );
    assert_eq!(violations(wrong)[0].0, "/content/components/0/parameters/0/type");
    let currency = template(
        json!([{"type": "body", "parameters": [{"type": "currency", "fallbackValue": "$1", "code": "usd", "amount1000": 1000}]}]),
    );
    assert_eq!(violations(currency)[0].0, "/content/components/0/parameters/0/code");
    let name = |n: usize| json!({"type": "template", "name": chars(n), "language": {"code": "en"}});
    at_and_past(TEMPLATE_NAME_MAX_CHARS, "/content/name", ViolationCode::TooLong, name);
    let cards = |n: usize| {
        let cards: Vec<Value> = (0..n).map(|i| json!({"cardIndex": i, "components": [{"type": "header", "parameters": [{"type": "image", "link": "https://x.y/i.jpg"}]}]})).collect();
        template(json!([{"type": "carousel", "cards": cards}]))
    };
    at_and_past(CAROUSEL_CARDS_MAX, "/content/components/0/cards", ViolationCode::TooMany, cards);
}

#[test]
fn envelope() {
    let mut m = message(json!({"type": "text", "body": "hi"}));
    m.callback_data = Some(chars(CALLBACK_DATA_MAX_CHARS));
    assert!(m.validate().is_ok());
    m.callback_data = Some(chars(CALLBACK_DATA_MAX_CHARS + 1));
    assert_eq!(m.validate().unwrap_err()[0].path, "/callbackData");
    let mut group = message(json!({"type": "location", "latitude": 1.0, "longitude": 2.0}));
    group.recipient_type = Some(wabridge::RecipientType::Group);
    group.to = "120363025246125486".into();
    assert_eq!(group.validate().unwrap_err()[0].code, ViolationCode::Unsupported);
}

#[test]
fn several_faults_are_all_reported_each_at_its_pointer() {
    let content = json!({
        "type": "replyButtons",
        "header": {"type": "text", "text": chars(61)},
        "body": "",
        "footer": chars(61),
        "buttons": [{"id": "a", "title": chars(21)}, {"id": "a", "title": "B"}, {"id": "c", "title": "C"}, {"id": "d", "title": "D"}]
    });
    let found: Vec<_> = violations(content).into_iter().map(|v| (v.0, v.1)).collect();
    assert_eq!(
        found,
        vec![
            ("/content/header/text".into(), ViolationCode::TooLong),
            ("/content/body".into(), ViolationCode::Required),
            ("/content/footer".into(), ViolationCode::TooLong),
            ("/content/buttons".into(), ViolationCode::TooMany),
            ("/content/buttons/0/title".into(), ViolationCode::TooLong),
            ("/content/buttons/1/id".into(), ViolationCode::Duplicate),
        ]
    );
}

#[test]
fn several_faults_in_a_meta_body_point_into_the_meta_body() {
    let body = json!({
        "messaging_product": "whatsapp",
        "to": "+1 650",
        "type": "interactive",
        "interactive": {
            "type": "button",
            "header": {"type": "image", "image": {"link": "ftp://example.com/i.png"}},
            "body": {"text": chars(1025)},
            "action": {"buttons": [{"type": "reply", "reply": {"id": "a", "title": chars(21)}}, {"type": "reply", "reply": {"id": "a", "title": "B"}}]}
        }
    });
    let Err(BodyError::Invalid(violations)) = meta::parse_request(&body.to_string(), None) else {
        panic!("must be invalid")
    };
    let found: Vec<_> = violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        found,
        [
            "/to",
            "/interactive/header/image/link",
            "/interactive/body/text",
            "/interactive/action/buttons/0/reply/title",
            "/interactive/action/buttons/1/reply/id",
        ]
    );
}

/// Meta's audio docs: `audio.voice: true` plays an Ogg/OPUS audio as a voice note; no other
/// media kind has it.
#[test]
fn voice_notes() {
    let note =
        r#"{"messaging_product":"whatsapp","to":"16505551234","type":"audio","audio":{"id":"1001","voice":true}}"#;
    assert_eq!(meta::reproduce(note).unwrap(), note);
    let neutral =
        Message::new("+16505551234", wabridge::Content::Audio(wabridge::message::Media::by_id("1001").as_voice_note()));
    let wire: serde_json::Value =
        serde_json::from_str(&wabridge::provider::serialize(wabridge::Provider::Meta, &neutral).unwrap()).unwrap();
    assert_eq!(wire["audio"], json!({"id": "1001", "voice": true}));
    let image =
        r#"{"messaging_product":"whatsapp","to":"16505551234","type":"image","image":{"id":"1001","voice":true}}"#;
    let Err(BodyError::Invalid(violations)) = meta::parse_request(image, None) else { panic!("a voice image") };
    assert_eq!((violations[0].path.as_str(), violations[0].code), ("/image/voice", ViolationCode::InvalidValue));
    let voice_text =
        r#"{"messaging_product":"whatsapp","to":"16505551234","type":"audio","audio":{"id":"1001","voice":"yes"}}"#;
    let Err(BodyError::Invalid(violations)) = meta::parse_request(voice_text, None) else { panic!("voice as text") };
    assert_eq!(violations[0].path, "/audio/voice");
}
