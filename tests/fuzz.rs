//! "No panic on any input" (a panic poisons the wasm instance): mutation fuzzing of every
//! entry point that reads untrusted input — neutral messages, Meta, Bird and 1MSG bodies and
//! answers, conversions, media checks, emoji checks, webhook signatures and bodies, 1MSG's
//! methods, endpoints and answers — seeded with real documents (Meta's 48 spec examples and the
//! neutral forms of each, one neutral message per content kind, every Bird body type and
//! template form, every 1MSG fixture: each method's bodies, answers and GET queries; every
//! webhook fixture's body).
//! Deterministic (a fixed seed); about half a minute unoptimized (`--release`: a few seconds).
//! `FUZZ_ITERATIONS=1000000 cargo test --release --test fuzz` runs longer.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};
use wabridge::http::HttpResponse;
use wabridge::provider::bird::BirdConfig;
use wabridge::provider::fit::FitMode;
use wabridge::provider::meta::MetaConfig;
use wabridge::provider::onemsg::OneMsgConfig;
use wabridge::provider::{self, Format, Operation, Provider, ProviderClient};
use wabridge::{Message, message::media};

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const STRINGS: &[&str] = &[
    "",
    " ",
    "👍",
    "👍🏽",
    "👩‍👩‍👧‍👦",
    "e\u{301}",
    "\u{0}",
    "\u{FFFF}",
    "💩💩💩",
    "%s",
    "../",
    "~/",
    "1",
    "-1",
    "0",
    "wamid.X",
    "https://example.com/x",
    "ftp://x",
    "+16505551234",
    "16505551234@c.us",
    "x@g.us",
    "text",
    "image",
    "interactive",
    "template",
    "button",
    "list",
    "carousel",
    "product",
    "quick_reply",
    "QUICK_REPLY",
    "url",
    "9",
    "10",
    "draft",
    "data_exchange",
    "CATALOG",
];

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 2 { 7 } else { 9 }) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(rng.next() as i64),
        3 => json!((rng.next() as f64) / 1e9 - 9e9),
        4 => json!(STRINGS[rng.below(STRINGS.len())]),
        5 => json!(STRINGS[rng.below(STRINGS.len())].repeat(rng.below(5000))),
        6 => json!(rng.below(10)),
        7 => Value::Array((0..rng.below(12)).map(|_| random_value(rng, depth + 1)).collect()),
        _ => {
            let mut object = serde_json::Map::new();
            for _ in 0..rng.below(4) {
                object.insert(STRINGS[rng.below(STRINGS.len())].to_string(), random_value(rng, depth + 1));
            }
            Value::Object(object)
        }
    }
}

/// How many nodes `value` has, itself included.
fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th node of `value` in document order (0 is `value` itself); `n < count(value)`.
fn nth(value: &mut Value, n: usize) -> &mut Value {
    if n == 0 {
        return value;
    }
    let mut rest = n - 1;
    let children: Box<dyn Iterator<Item = &mut Value>> = match value {
        Value::Array(items) => Box::new(items.iter_mut()),
        Value::Object(map) => Box::new(map.values_mut()),
        _ => Box::new(std::iter::empty()),
    };
    for child in children {
        let size = count(child);
        if rest < size {
            return nth(child, rest);
        }
        rest -= size;
    }
    unreachable!("node index beyond the tree")
}

fn mutate(rng: &mut Rng, seed: &Value) -> String {
    let mut value = seed.clone();
    for _ in 0..1 + rng.below(3) {
        let index = rng.below(count(&value));
        let node = nth(&mut value, index);
        match rng.below(6) {
            0 => *node = random_value(rng, 0),
            1 => {
                if let Value::Object(map) = node
                    && !map.is_empty()
                {
                    let key = map.keys().nth(rng.below(map.len())).cloned().unwrap_or_default();
                    map.remove(&key);
                }
            }
            2 => {
                if let Value::Array(items) = node
                    && let Some(first) = items.first().cloned()
                {
                    items.extend(std::iter::repeat_n(first, rng.below(300)));
                }
            }
            3 => {
                if let Value::Object(map) = node {
                    map.insert(STRINGS[rng.below(STRINGS.len())].to_string(), random_value(rng, 0));
                }
            }
            4 => {
                if let Value::String(s) = node {
                    *s = s.repeat(1 + rng.below(40));
                }
            }
            _ => *node = json!(STRINGS[rng.below(STRINGS.len())]),
        }
    }
    let mut text = value.to_string();
    // Sometimes break the JSON text itself.
    if rng.below(10) == 0 && !text.is_empty() {
        let cut = rng.below(text.len());
        text = text.chars().take(cut).collect();
    }
    text
}

/// Every `OneMsgClient` endpoint besides the send methods (`OneMsgConfig::call_request`).
const ONEMSG_ENDPOINTS: &[&str] = &[
    "me",
    "updateMe",
    "statistics",
    "extendedStatistics",
    "status",
    "settings",
    "updateSettings",
    "commerce",
    "updateCommerce",
    "outputIP",
    "setWebhook",
    "hookInfo",
    "messages",
    "markRead",
    "templates",
    "addTemplate",
    "removeTemplate",
    "uploadMedia",
    "deleteMedia",
];

const WS: &str = "7a9f1c2e-0000-4000-a000-000000000001";
const CH: &str = "8e046034-0000-4000-a000-000000000002";

/// Runs `input` through every entry point; returns how many accepted it, so the test can tell
/// that mutations still reach the paths behind validation.
fn exercise(input: &str) -> usize {
    let mut accepted = 0;
    let formats = [
        Format::Neutral,
        Format::Provider(Provider::Meta),
        Format::Provider(Provider::Bird),
        Format::Provider(Provider::OneMsg),
    ];
    for from in formats {
        for to in formats {
            accepted += usize::from(provider::convert(from, to, input, None).is_ok());
        }
    }
    for provider in Provider::ALL {
        accepted +=
            usize::from(provider::validate_body(provider, input, None).is_ok_and(|violations| violations.is_empty()));
    }
    // Conversions that fit: every mode, from every format to every provider (truncation and
    // reshapes run on whatever the mutations make of the seeds).
    for from in formats {
        for to in Provider::ALL {
            for mode in [FitMode::Strict, FitMode::Truncate, FitMode::Adapt] {
                accepted +=
                    usize::from(provider::convert_reporting(from, Format::Provider(to), input, None, mode).is_ok());
            }
        }
    }
    let _ = (wabridge::phone::parse(input, None), wabridge::phone::parse(input, Some("GB")));
    if let Ok(message) = Message::from_json(input) {
        accepted += usize::from(message.validate().is_ok());
        for provider in Provider::ALL {
            // Writers run on invalid messages too: `validate(message, provider)` reports what
            // the provider refuses beside the model's own violations.
            let _ = provider::violations_for(provider, &message);
            if let Ok(body) = provider::serialize(provider, &message) {
                let _ = provider::parse(provider, &body, provider::operation(provider, &message).map(|o| o.name()));
            }
        }
    }
    // Providers' answers are untrusted input too: as success bodies and as error bodies.
    let meta = MetaConfig::new("t".into(), "1".into(), None, None).unwrap();
    let bird = BirdConfig::new("k".into(), WS.into(), CH.into(), None).unwrap();
    let _ = (bird.send_body_request(input), bird.send_with_options(&Message::text("+31612345678", "x"), Some(input)));
    let onemsg = OneMsgConfig::new("t".into(), "i".into(), None).unwrap();
    for status in [200, 400, 503] {
        let answer = HttpResponse::new(status, input);
        accepted += usize::from(meta.decode_send(&answer).is_ok());
        let _ = (meta.decode_media(&answer), meta.decode_success(&answer), meta.decode_upload(&answer));
        accepted += usize::from(bird.decode_send(&answer).is_ok());
        let _ = bird.decode_contact_channel(&answer, Some(0.0));
        accepted += usize::from(onemsg.decode_send(&answer).is_ok());
        accepted += usize::from(onemsg.decode_call(&answer).is_ok());
    }
    // 1MSG: the body of every method, as that method (validated, reproduced, read into the
    // neutral model); every endpoint's argument; every send method's own body.
    for operation in Operation::ALL {
        let method = Some(operation.name());
        accepted += usize::from(
            provider::validate_body(Provider::OneMsg, input, method).is_ok_and(|violations| violations.is_empty()),
        );
        let one_msg = Format::Provider(Provider::OneMsg);
        accepted += usize::from(provider::convert(one_msg, one_msg, input, method).is_ok());
        let _ = provider::convert(one_msg, Format::Neutral, input, method);
        // Not a send method (or not 1MSG's) is an ArgumentError, never a panic.
        accepted += usize::from(onemsg.send_body_request(operation.name(), input).is_ok());
    }
    // The fields of a file sent as a multipart form.
    for method in ["sendFile", "me", "sendMessage"] {
        accepted += usize::from(
            onemsg
                .form_request(method, input, &wabridge::http::FilePart::Bytes(b"%PDF"), "application/pdf", "a.pdf")
                .is_ok(),
        );
    }
    for endpoint in ONEMSG_ENDPOINTS {
        accepted += usize::from(onemsg.call_request(endpoint, Some(input)).is_ok());
    }
    // Webhooks: the input as a body, as each signature header, as the URL; Meta's challenge.
    let headers: Vec<(String, String)> =
        ["x-hub-signature-256", "messagebird-signature", "messagebird-request-timestamp"]
            .iter()
            .map(|name| (name.to_string(), input.to_string()))
            .collect();
    for provider in Provider::ALL {
        for (body, url) in [(input.as_bytes(), Some(input)), (b"{}".as_slice(), None)] {
            let delivery = provider::webhook::Delivery { body, headers: &headers, url };
            let options = provider::webhook::Verify { now_ms: Some(0.0), ..provider::webhook::Verify::new(input) };
            accepted += usize::from(provider::webhook::verify(provider, &delivery, &options).is_ok());
        }
    }
    // The input as each provider's webhook body, read into events.
    for provider in Provider::ALL {
        accepted += usize::from(provider::webhook::events_json(provider, input.as_bytes()).is_ok());
    }
    let _ = provider::meta::challenge(input, input);
    let _ = (wabridge::signature::decode_base64(input), wabridge::signature::decode_hex(input));
    let _ = media::check_upload(input, input.len());
    let _ = wabridge::validate::is_single_emoji(input);
    accepted
}

#[test]
fn no_input_makes_any_entry_point_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meta/spec-examples");
    let mut seeds: Vec<Value> = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Ok(neutral) = provider::convert(Format::Provider(Provider::Meta), Format::Neutral, &text, None) {
                seeds.push(serde_json::from_str(&neutral).unwrap());
            }
            seeds.push(serde_json::from_str(&text).unwrap());
        }
    }
    // One neutral message of each content kind (a template named for all three providers).
    let kinds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/neutral/kinds");
    for entry in std::fs::read_dir(kinds).unwrap() {
        seeds.push(serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap());
    }
    // Every Bird body type and template form.
    let bird = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bird");
    for entry in std::fs::read_dir(bird).unwrap() {
        seeds.push(serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap());
    }
    // Every 1MSG fixture: each method's request bodies, its answers and its GET queries.
    let onemsg = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/1msg");
    let mut onemsg_seeds = 0;
    for entry in std::fs::read_dir(onemsg).unwrap() {
        seeds.push(serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap());
        onemsg_seeds += 1;
    }
    assert!(onemsg_seeds >= 94, "{onemsg_seeds} 1MSG fixtures");
    // Every webhook fixture's body (Meta, Bird and 1MSG deliveries from their docs).
    let webhooks = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/webhooks");
    let mut webhook_seeds = 0;
    for folder in ["meta", "bird", "1msg"] {
        for entry in std::fs::read_dir(webhooks.join(folder)).unwrap() {
            let fixture: Value =
                serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
            seeds.push(fixture["body"].clone());
            webhook_seeds += 1;
        }
    }
    assert!(webhook_seeds >= 60, "{webhook_seeds} webhook fixtures");
    seeds.push(
        json!({"serviceWindowExpireAt": "2026-12-01T10:15:00Z", "isPermanentSession": false, "metadata": {"k": "v"}}),
    );
    seeds.push(json!({"phone": 16505551234u64, "body": "hi", "quotedMsgId": "x"}));
    // Answers: Meta success, media object and Graph error; Bird created and 422; 1MSG sent and error.
    seeds.push(json!({"messaging_product": "whatsapp", "contacts": [{"input": "+1", "wa_id": "1"}], "messages": [{"id": "wamid.X", "message_status": "accepted"}]}));
    seeds.push(json!({"id": "1", "url": "https://lookaside.fbsbx.com/x", "mime_type": "image/jpeg", "sha256": "ab", "file_size": "303833"}));
    seeds.push(json!({"error": {"message": "m", "type": "OAuthException", "code": 131047, "error_subcode": 2494010, "error_data": {"details": "d"}, "fbtrace_id": "A"}}));
    seeds.push(
        json!({"id": "a825", "channelId": "8e04", "status": "accepted", "createdAt": "2025-10-22T23:51:43.352Z"}),
    );
    seeds.push(json!({"code": "InvalidPayload", "message": "m", "details": {".body.type": ["Invalid value"]}}));
    seeds.push(json!({"sent": true, "id": "gBEGkYiEB1VXAglK1ZEqA1YKPrU", "message": "Sent", "description": "d"}));
    seeds.push(json!({"error": "Wrong token"}));
    assert!(seeds.len() > 210, "{} seeds", seeds.len());
    // The endpoints without an argument, and an unknown one.
    let onemsg = OneMsgConfig::new("t".into(), "i".into(), None).unwrap();
    for endpoint in ONEMSG_ENDPOINTS.iter().chain(&["sendMessage", ""]) {
        let _ = onemsg.call_request(endpoint, None);
    }
    let iterations: usize = std::env::var("FUZZ_ITERATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(3000);
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let mut reached_past_validation = 0;
    for i in 0..iterations {
        let input = mutate(&mut rng, &seeds[i % seeds.len()]);
        let outcome = catch_unwind(AssertUnwindSafe(|| exercise(&input)));
        assert!(outcome.is_ok(), "iteration {i} panicked on input:\n{input}");
        reached_past_validation += usize::from(outcome.is_ok_and(|accepted| accepted > 0));
    }
    // Mutants that every reader rejects only test the error paths; make sure enough survive.
    assert!(
        reached_past_validation * 10 >= iterations,
        "only {reached_past_validation} of {iterations} mutants were accepted anywhere"
    );
}
