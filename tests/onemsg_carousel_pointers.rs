//! A sendCarousel card's faults point into the card as the caller gave it: 1MSG's cards hold
//! `components` (a header, a body, button components), not the neutral card's `header`,
//! `body`, `buttons` and `ctaUrl` fields, so a neutral rule broken by a card is reported at
//! the component (or parameter) that carries the field, and a missing field at the card's
//! `components`, where it belongs.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use wabridge::provider::{self, Provider};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/1msg/sendCarousel.json");

/// The documented sendCarousel body: two image cards with a body and a URL button each.
fn carousel() -> Value {
    serde_json::from_str(&std::fs::read_to_string(FIXTURE).unwrap()).unwrap()
}

/// Every violation of `body`: pointer, code and limit.
fn faults(body: &Value) -> Vec<(String, &'static str, Option<f64>)> {
    provider::validate_body(Provider::OneMsg, &body.to_string(), Some("sendCarousel"))
        .unwrap()
        .into_iter()
        .map(|v| (v.path, v.code.as_str(), v.limit))
        .collect()
}

/// What a failed read to the neutral model (`fromProvider`) reports: the same pointers.
fn read_faults(body: &Value) -> Vec<String> {
    match provider::parse(Provider::OneMsg, &body.to_string(), Some("sendCarousel")) {
        Err(wabridge::BodyError::Invalid(v)) => v.into_iter().map(|v| v.path).collect(),
        other => panic!("{other:?}"),
    }
}

/// Every pointer names a member the body has (or the list a missing member belongs in).
fn exists(body: &Value, pointer: &str) -> bool {
    body.pointer(pointer).is_some()
}

#[test]
fn the_documented_carousel_is_valid() {
    assert_eq!(faults(&carousel()), []);
}

#[test]
fn a_card_without_buttons_is_reported_at_its_components() {
    let mut body = carousel();
    // Both cards lose their URL button (the cards stay alike).
    for card in 0..2 {
        body["params"][0]["cards"][card]["components"].as_array_mut().unwrap().pop();
    }
    let found = faults(&body);
    assert_eq!(
        found,
        [
            ("/params/0/cards/0/components".into(), "required", None),
            ("/params/0/cards/1/components".into(), "required", None)
        ],
    );
    assert!(found.iter().all(|(p, ..)| exists(&body, p)));
    assert_eq!(read_faults(&body), ["/params/0/cards/0/components", "/params/0/cards/1/components"]);
}

#[test]
fn a_cards_fields_are_reported_at_the_components_that_carry_them() {
    let mut body = carousel();
    let card = &mut body["params"][0]["cards"][0]["components"];
    card[0]["parameters"][0]["image"]["link"] = json!("ftp://shop.example.com/img/trail-shoe.jpg");
    card[1]["parameters"][0]["text"] = json!("x".repeat(161));
    card[2]["parameters"]["text"] = json!("y".repeat(21));
    body["params"][0]["cards"][1]["components"][2]["parameters"]["url"] = json!("not a url");
    let found = faults(&body);
    let at =
        |pointer: &str| found.iter().find(|(p, ..)| p == pointer).unwrap_or_else(|| panic!("{pointer}: {found:?}"));
    assert_eq!(at("/params/0/cards/0/components/0/parameters/0/image/link").1, "invalid_format");
    assert_eq!(at("/params/0/cards/0/components/1/parameters/0/text").2, Some(160.0));
    assert_eq!(at("/params/0/cards/0/components/2/parameters/text").2, Some(20.0));
    assert_eq!(at("/params/0/cards/1/components/2/parameters/url").1, "invalid_format");
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found.iter().all(|(p, ..)| exists(&body, p)), "{found:?}");
}

#[test]
fn quick_replies_are_reported_at_their_parameters() {
    let mut body = carousel();
    for card in 0..2 {
        let components = body["params"][0]["cards"][card]["components"].as_array_mut().unwrap();
        components.pop();
        // Two quick replies, in two components (1MSG's description: parameters [{id, text}]).
        components.push(json!({"type": "button", "sub_type": "quick_reply", "index": 0,
            "parameters": [{"id": "more", "text": "More like this"}]}));
        components.push(json!({"type": "button", "sub_type": "quick_reply", "index": 1,
            "parameters": [{"id": "stop", "text": "Stop"}]}));
    }
    assert_eq!(faults(&body), []);
    let second = &mut body["params"][0]["cards"][1]["components"];
    second[3]["parameters"][0]["id"] = json!("more"); // the card's first reply's id again
    second[2]["parameters"][0]["text"] = json!("z".repeat(21));
    let found = faults(&body);
    assert_eq!(
        found,
        [
            ("/params/0/cards/1/components/2/parameters/0/text".into(), "too_long", Some(20.0)),
            ("/params/0/cards/1/components/3/parameters/0/id".into(), "duplicate", None),
        ],
    );
}

#[test]
fn a_card_with_quick_replies_and_a_url_button_is_reported_at_its_url_button() {
    let mut body = carousel();
    for card in 0..2 {
        body["params"][0]["cards"][card]["components"].as_array_mut().unwrap().push(json!({"type": "button",
            "sub_type": "quick_reply", "index": 1, "parameters": [{"id": "more", "text": "More like this"}]}));
    }
    let found = faults(&body);
    assert_eq!(
        found,
        [
            ("/params/0/cards/0/components/2".into(), "invalid_value", None),
            ("/params/0/cards/1/components/2".into(), "invalid_value", None),
        ],
    );
}
