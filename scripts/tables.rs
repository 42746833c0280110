//! Prints the tables the package generates its JS constants from, as JSON on stdout:
//! `{ "limits": [[name, value, doc]…], "mediaRules": [{ kind, mimeTypes, maxBytes }…],
//! "capabilities": [[provider, [[kind, support, endpoint, fields, limits]…]]…],
//! "probes": [[kind, [[label, message]…]]…] }` (in the model's order).
//! Run natively by scripts/build.mjs (`cargo run --example tables`), so that every limit is
//! written once (src/limits.rs) and what each provider carries is its codec's table
//! (`Codec::kinds`), none of it travelling in the wasm.
//!
//! What a provider does with each field of a kind it carries is not written anywhere: it is
//! found here by asking its codec. Every kind has a maximal neutral message (every optional
//! field set: tests/fixtures/neutral/kinds/<kind>.json completed with [`builtin`]'s fields),
//! and a few variants of it (media by id, inline media, a media header, a flow by name, other
//! carousel cards):
//! - `fields`: each is fitted to the provider as `convert` fits it (`fit`, strict, dropping
//!   what it cannot carry); every field left out (`lossy`), sent as something else
//!   (`reshaped`) or refused outright (`refused`: taken out, and fitted again) is listed with
//!   the codec's reason, and `when` a variant's form of it only (a media header, say);
//! - `limits`: every string of the maximal message is lengthened (binary search up to
//!   [`PROBE_MAX_CHARS`]) and every array of objects grown (up to [`PROBE_MAX_ITEMS`]) until
//!   the provider refuses it; where that is shorter than the neutral model's own limit
//!   (`Message::validate`), the provider's limit is listed.
//!
//! The probes (each label with its message) are printed too: the package's tests convert them
//! and check that the package does what the data says.

use serde_json::{Value, json};
use wabridge::message::Content;
use wabridge::provider::codec::{Support, codec};
use wabridge::provider::fit::{ChangeKind, Fit, FitMode, fit};
use wabridge::validate::ViolationCode;
use wabridge::{BodyError, Message, Provider};

/// The longest string a limit is looked for under: no documented limit of a message field
/// lies between it and the neutral model's longest (4096).
const PROBE_MAX_CHARS: usize = 5000;
/// The most items an array is grown to (contacts take 257).
const PROBE_MAX_ITEMS: usize = 300;

fn main() {
    let limits: Vec<(&str, f64, &str)> = wabridge::limits::ALL.iter().map(|l| (l.name, l.value, l.doc)).collect();
    let probes: Vec<(&str, Vec<Probe>)> = Content::KINDS.iter().map(|&kind| (kind, probes(kind))).collect();
    let capabilities: Vec<Value> = Provider::ALL
        .iter()
        .map(|&provider| {
            let kinds: Vec<Value> = codec(provider)
                .kinds()
                .iter()
                .map(|entry| {
                    let support = match entry.support {
                        Support::Yes => "yes",
                        Support::NotYet => "notYet",
                        Support::Never => "never",
                    };
                    let (fields, limits, required) = match entry.support {
                        Support::Yes => {
                            let (_, kind_probes) = probes.iter().find(|(kind, _)| *kind == entry.kind).expect("kind");
                            let maximal = &kind_probes[0].message;
                            (
                                fields(provider, kind_probes),
                                field_limits(provider, maximal),
                                required(provider, maximal),
                            )
                        }
                        _ => (json!({}), json!({}), json!({})),
                    };
                    json!([entry.kind, support, entry.operation.name(), fields, limits, required])
                })
                .collect();
            json!([provider.name(), kinds])
        })
        .collect();
    let probes: Vec<Value> = probes
        .iter()
        .map(|(kind, list)| json!([kind, list.iter().map(|p| json!([p.label, p.message])).collect::<Vec<_>>()]))
        .collect();
    let tables = json!({
        "limits": limits,
        "mediaRules": wabridge::message::media::MEDIA_RULES,
        "capabilities": capabilities,
        "probes": probes,
    });
    println!("{tables}");
}

/// A neutral message a kind is probed with: the maximal one (label `""`), or a variant of it.
struct Probe {
    label: &'static str,
    message: Value,
}

// ---------------------------------------------------------------------------------------
// The probes

/// The maximal message of `kind`: its fixture (tests/fixtures/neutral/kinds/<kind>.json)
/// with every optional field of [`builtin`] it leaves out added (each that the neutral model
/// takes there), or [`builtin`] itself.
fn maximal(kind: &str) -> Value {
    let builtin = builtin(kind);
    let path = format!("{}/tests/fixtures/neutral/kinds/{kind}.json", env!("CARGO_MANIFEST_DIR"));
    let Ok(text) = std::fs::read_to_string(&path) else { return builtin };
    let mut fixture: Value = match serde_json::from_str(&text) {
        Ok(value) if valid(&value) => value,
        _ => {
            eprintln!("tables: {path} is not a valid message; probing {kind} with the built-in message");
            return builtin;
        }
    };
    let mut missing = Vec::new();
    additions(&fixture, &builtin, String::new(), &mut missing);
    for (pointer, value) in missing {
        let (parent, key) = pointer.rsplit_once('/').expect("a member");
        let Some(Value::Object(object)) = fixture.pointer_mut(parent) else { continue };
        object.insert(key.to_string(), value);
        if !valid(&fixture) {
            eprintln!("tables: the neutral model refuses {kind}'s {pointer} as tables.rs builds it: not probed");
            remove(&mut fixture, &pointer);
        }
    }
    fixture
}

/// Every member of `with` that `value` lacks, with its pointer: recursively into objects of
/// the same `type`, and into the items of arrays (each item against `with`'s item at its
/// index, or its last).
fn additions(value: &Value, with: &Value, at: String, out: &mut Vec<(String, Value)>) {
    match (value, with) {
        (Value::Object(value), Value::Object(with)) if value.get("type") == with.get("type") => {
            for (key, extra) in with {
                match value.get(key) {
                    Some(existing) => additions(existing, extra, format!("{at}/{key}"), out),
                    None => out.push((format!("{at}/{key}"), extra.clone())),
                }
            }
        }
        (Value::Array(items), Value::Array(with)) if !with.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                additions(item, &with[i.min(with.len() - 1)], format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Whether `value` is a valid neutral message (the neutral model's own rules, no provider's).
fn valid(value: &Value) -> bool {
    valid_message(value).is_some()
}

/// `value` as a message, if it is a valid one.
fn valid_message(value: &Value) -> Option<Message> {
    Message::from_json(&value.to_string()).ok().filter(|m| m.validate().is_ok())
}

/// A message of each kind with every optional field the neutral model has for it.
fn builtin(kind: &str) -> Value {
    let media = "https://media.example.com";
    let text_header = json!({"type": "text", "text": "Order #4512"});
    let content = match kind {
        "text" => {
            json!({"body": "Your order #4512 has shipped: https://shop.example.com/orders/4512", "previewUrl": true})
        }
        "image" => {
            json!({"link": format!("{media}/images/tulips.jpg"), "caption": "Fresh tulips", "mimeType": "image/jpeg"})
        }
        "video" => {
            json!({"link": format!("{media}/videos/unboxing.mp4"), "caption": "Unboxing", "mimeType": "video/mp4"})
        }
        "audio" => json!({"link": format!("{media}/audio/note.ogg"), "mimeType": "audio/ogg", "voice": true}),
        "document" => json!({"link": format!("{media}/docs/invoice.pdf"), "caption": "Your invoice",
            "filename": "invoice-4512.pdf", "mimeType": "application/pdf"}),
        "sticker" => json!({"link": format!("{media}/stickers/thanks.webp"), "mimeType": "image/webp"}),
        "location" => json!({"latitude": 52.3435942, "longitude": 4.9091077, "name": "Pick-up point",
            "address": "Trompenburgstraat 2C, Amsterdam"}),
        "locationRequest" => json!({"body": "Where should we deliver your order?"}),
        "addressRequest" => json!({"header": text_header, "body": "Where should we deliver your order?",
            "footer": "Takes a minute", "country": "IN", "values": {"name": "Asha Rao", "in_pin_code": "400063"},
            "savedAddresses": [{"id": "home", "value": {"name": "Asha Rao", "in_pin_code": "400063"}}],
            "validationErrors": {"in_pin_code": "We do not deliver there yet"}}),
        "contacts" => json!({"contacts": [{
            "name": {"formattedName": "Dr. Ana M. Souza Jr.", "firstName": "Ana", "lastName": "Souza",
                "middleName": "M.", "suffix": "Jr.", "prefix": "Dr."},
            "addresses": [{"street": "Rua Augusta 100", "city": "São Paulo", "state": "SP", "zip": "01304-000",
                "country": "Brazil", "countryCode": "BR", "type": "WORK"}],
            "birthday": "1990-05-17",
            "emails": [{"email": "ana@example.com", "type": "WORK"}],
            "org": {"company": "Exemplo Ltda", "department": "Purchasing", "title": "Buyer"},
            "phones": [{"phone": "+5511987654321", "type": "CELL", "waId": "5511987654321"}],
            "urls": [{"url": "https://example.com/ana", "type": "WORK"}]
        }]}),
        "reaction" => json!({"messageId": "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", "emoji": "👍"}),
        "replyButtons" => json!({"header": text_header, "body": "When should we deliver?", "footer": "Reply to choose",
            "buttons": [{"id": "today", "title": "Today"}, {"id": "tomorrow", "title": "Tomorrow"},
                {"id": "later", "title": "Pick a day"}]}),
        "list" => json!({"header": text_header, "body": "Choose a shipping option", "footer": "Prices include VAT",
            "button": "Options", "sections": [
                {"title": "Fast", "rows": [{"id": "express", "title": "Express", "description": "Next day"}]},
                {"title": "Cheap", "rows": [{"id": "ground", "title": "Ground", "description": "3–5 days"}]}]}),
        "ctaUrl" => json!({"header": text_header, "body": "Your order has shipped.", "footer": "Updated hourly",
            "displayText": "Track order", "url": "https://shop.example.com/orders/4512/track"}),
        "product" => json!({"body": "Back in stock", "footer": "While supplies last", "catalogId": "194836987003835",
            "productRetailerId": "sku-4512"}),
        "productList" => json!({"header": text_header, "body": "Our favourites", "footer": "Free shipping over $50",
            "catalogId": "194836987003835", "sections": [{"title": "Shirts", "productRetailerIds": ["sku-1", "sku-2"]},
                {"title": "Hats", "productRetailerIds": ["sku-3"]}]}),
        "catalog" => json!({"body": "Browse our collection", "footer": "New items every week",
            "thumbnailProductRetailerId": "sku-1"}),
        "flow" => json!({"header": text_header, "body": "Book a return", "footer": "Takes a minute",
            "flowId": "1234567890", "flowCta": "Start", "mode": "published", "flowToken": "return-4512",
            "flowAction": "navigate", "flowActionPayload": {"screen": "RETURN", "data": {"order": "4512"}},
            "flowMessageVersion": "3"}),
        "carousel" => {
            let card = |n: u32| {
                json!({"header": {"type": "image", "link": format!("{media}/images/card{n}.jpg")},
                    "body": format!("Card {n}"), "ctaUrl": {"displayText": "Shop now",
                    "url": format!("https://shop.example.com/p/{n}")}})
            };
            json!({"body": "New arrivals", "cards": [card(1), card(2)]})
        }
        "productCarousel" => json!({"body": "You may also like", "cards": [
            {"catalogId": "194836987003835", "productRetailerId": "sku-1"},
            {"catalogId": "194836987003835", "productRetailerId": "sku-2"}]}),
        "template" => json!({"name": "order_update", "language": {"code": "en_US", "policy": "deterministic"},
            "namespace": "b7d8c3a2_1f4e_4c5d_9e6f_0a1b2c3d4e5f",
            "projectId": "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", "projectVersion": "0d1e7c52-2c61-4b5c-9a3e-1f2b3c4d5e6f",
            "components": [
                {"type": "header", "parameters": [{"type": "image", "link": format!("{media}/images/order.jpg")}]},
                {"type": "body", "parameters": [{"type": "text", "text": "Ana", "parameterName": "first_name"},
                    {"type": "currency", "fallbackValue": "$100.99", "code": "USD", "amount1000": 100990},
                    {"type": "dateTime", "fallbackValue": "Thursday, May 21"}]},
                {"type": "button", "subType": "quick_reply", "index": 0,
                    "parameters": [{"type": "payload", "payload": "TRACK-4512"}]}]}),
        other => panic!("no built-in message for content kind {other:?}"),
    };
    let mut content = content;
    content.as_object_mut().expect("content").insert("type".into(), json!(kind));
    let mut message = json!({"to": "+16505551234", "callbackData": "order-4512", "content": content});
    // A reaction names its message in messageId: it cannot also be a reply.
    if kind != "reaction" {
        message["replyTo"] = json!("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3QTNDQTVCM0Q0Q0Q2RTY3RTcA");
    }
    message
}

/// The maximal message of `kind` and its variants: other values of a field the maximal
/// message sets one way (media by id or inline rather than by link, a media header rather
/// than a text one, video or quick-reply carousel cards). Variants the neutral model
/// refuses for the kind are left out.
fn probes(kind: &'static str) -> Vec<Probe> {
    let maximal = maximal(kind);
    if !valid(&maximal) {
        eprintln!("tables: the maximal {kind} message is not valid: {maximal}");
    }
    let content = &maximal["content"];
    let mut variants: Vec<(&'static str, Value)> = Vec::new();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut value = maximal.clone();
        edit(&mut value);
        value
    };
    if content.get("link").is_some() {
        variants.push(("media id", edited(&|m| swap_link_for_id(&mut m["content"]))));
        if let Some(uri) = data_uri(kind) {
            // Its MIME type, where the message names one, is the data's.
            let mime = uri.trim_start_matches("data:").split(';').next().expect("a type");
            variants.push((
                "data: URI",
                edited(&|m| {
                    m["content"]["link"] = json!(uri);
                    if m["content"].get("mimeType").is_some() {
                        m["content"]["mimeType"] = json!(mime);
                    }
                }),
            ));
        }
    }
    if content["header"]["type"] == "text" {
        for (label, header) in [
            // Each with every optional field (the maximal form of a media header): its MIME type too.
            (
                "image",
                json!({"type": "image", "link": "https://media.example.com/images/header.jpg", "mimeType": "image/jpeg"}),
            ),
            (
                "video",
                json!({"type": "video", "link": "https://media.example.com/videos/header.mp4", "mimeType": "video/mp4"}),
            ),
            (
                "document",
                json!({"type": "document", "link": "https://media.example.com/docs/header.pdf", "mimeType": "application/pdf", "filename": "header.pdf"}),
            ),
        ] {
            variants.push((label, edited(&|m| m["content"]["header"] = header.clone())));
        }
    }
    // A flow is named by its id or by its name (one of the two): 1MSG's sendFlow takes the id only.
    if kind == "flow" && content.get("flowId").is_some() {
        variants.push((
            "flowName",
            edited(&|m| {
                let content = m["content"].as_object_mut().expect("content");
                content.remove("flowId");
                content.insert("flowName".into(), json!("book_return"));
            }),
        ));
    }
    if kind == "carousel" {
        let cards = |edit: &dyn Fn(usize, &mut Value)| {
            edited(&|m| {
                for (i, card) in m["content"]["cards"].as_array_mut().into_iter().flatten().enumerate() {
                    edit(i, card);
                }
            })
        };
        variants.push(("media id", cards(&|_, card| swap_link_for_id(&mut card["header"]))));
        variants.push((
            "video",
            cards(&|i, card| {
                card["header"] =
                    json!({"type": "video", "link": format!("https://media.example.com/videos/card{i}.mp4")})
            }),
        ));
        variants.push((
            "quick replies",
            cards(&|_, card| {
                let card = card.as_object_mut().expect("card");
                card.remove("ctaUrl");
                card.insert(
                    "buttons".into(),
                    json!([{"id": "more", "title": "More like this"}, {"id": "stop", "title": "Stop"}]),
                );
            }),
        ));
    }
    // The variables a provider may key by the template's own names (Bird), each form apart.
    if kind == "template" {
        let media = |kind: &str, file: &str| json!({"type": "header", "parameters": [{"type": kind, "link": format!("https://media.example.com/{file}")}]});
        let card = |i: u32| json!({"cardIndex": i, "components": [media("image", &format!("images/card{i}.jpg"))]});
        for (label, component) in [
            ("image", media("image", "images/order.jpg")),
            ("video", media("video", "videos/order.mp4")),
            ("document", media("document", "docs/order.pdf")),
            (
                "location",
                json!({"type": "header", "parameters": [{"type": "location", "latitude": 52.37, "longitude": 4.9, "name": "Depot", "address": "Damrak 1"}]}),
            ),
            (
                "currency",
                json!({"type": "body", "parameters": [{"type": "currency", "fallbackValue": "$100.99", "code": "USD", "amount1000": 100990}]}),
            ),
            (
                "dateTime",
                json!({"type": "body", "parameters": [{"type": "dateTime", "fallbackValue": "Thursday, May 21"}]}),
            ),
            (
                "product",
                json!({"type": "header", "parameters": [{"type": "product", "catalogId": "194836987003835", "productRetailerId": "sku-1"}]}),
            ),
            (
                "button",
                json!({"type": "button", "subType": "url", "index": 0, "parameters": [{"type": "text", "text": "4512"}]}),
            ),
            ("limitedTimeOffer", json!({"type": "limitedTimeOffer", "expirationTimeMs": 1_900_000_000_000u64})),
            ("carousel", json!({"type": "carousel", "cards": [card(0), card(1)]})),
        ] {
            variants.push((label, edited(&|m| m["content"]["components"] = json!([component.clone()]))));
        }
    }
    let mut probes = vec![Probe { label: "", message: maximal.clone() }];
    for (label, message) in variants {
        if valid(&message) {
            probes.push(Probe { label, message });
        }
    }
    probes
}

fn swap_link_for_id(media: &mut Value) {
    if let Some(media) = media.as_object_mut()
        && media.remove("link").is_some()
    {
        media.insert("id".into(), json!("1013859600285441"));
    }
}

/// A small inline file of the kind's type, as a `data:` URI.
fn data_uri(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "image" => {
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        }
        "video" => "data:video/mp4;base64,AAAAGGZ0eXBtcDQyAAAAAG1wNDJpc29t",
        "audio" => "data:audio/ogg;base64,T2dnUwACAAAAAAAAAAA=",
        "document" => "data:application/pdf;base64,JVBERi0xLjQKJcfsj6IK",
        "sticker" => "data:image/webp;base64,UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Fields

/// A field a provider does not carry as it is, found by fitting one probe.
struct Refusal {
    /// The field's neutral pointer.
    pointer: String,
    why: String,
    /// What `convert` does about it: `lossy` (leaves it out), `reshaped` (sends it as something
    /// else), `refused` (refuses the message: `UnsupportedError` at the field).
    change: &'static str,
}

/// Fits `message` to `provider` as `convert` does (strict), taking out each field it refuses
/// outright until it fits: every field left out, reshaped or refused, and the message as sent
/// (`None` when it is refused for anything else: reported on stderr unless a field taken out
/// was one the message needs).
fn refusals(provider: Provider, mut value: Value, label: &str) -> (Vec<Refusal>, Option<Value>) {
    let mut found: Vec<Refusal> = Vec::new();
    loop {
        let outcome = Message::from_json(&value.to_string())
            .map_err(BodyError::Invalid)
            .and_then(|message| fit(provider, message, Fit { mode: FitMode::Strict, drop_lossy: true }));
        match outcome {
            Ok(fitted) => {
                for change in &fitted.changes {
                    let change_kind = match change.kind {
                        ChangeKind::Lossy => "lossy",
                        ChangeKind::Reshaped => "reshaped",
                        ChangeKind::Truncated => continue,
                    };
                    let why = change.message.strip_suffix(": left out").unwrap_or(&change.message).to_string();
                    found.push(Refusal { pointer: change.pointer.clone(), why, change: change_kind });
                }
                let sent = serde_json::from_str(&fitted.parts[0].0.to_json()).expect("neutral JSON");
                return (found, Some(sent));
            }
            Err(BodyError::Unsupported(refused)) if refused.pointer() != "/content/type" => {
                let pointer = refused.pointer().to_string();
                // Its reason without the probe's own pointer (the field names it).
                let why = refused.to_string();
                let why = why.strip_suffix(&format!(" (at {pointer})")).unwrap_or(&why).to_string();
                found.push(Refusal { pointer: pointer.clone(), why, change: "refused" });
                if remove(&mut value, &pointer).is_none() {
                    return (found, None);
                }
            }
            Err(error) => {
                if !found.iter().any(|r| r.change == "refused") {
                    eprintln!("tables: {provider} refuses the {label} probe: {error}");
                }
                return (found, None);
            }
        }
    }
}

/// Removes the value at `pointer` (RFC 6901, no escapes in the model's names).
fn remove(value: &mut Value, pointer: &str) -> Option<Value> {
    let (parent, last) = pointer.rsplit_once('/')?;
    match value.pointer_mut(parent)? {
        Value::Object(object) => object.remove(last),
        Value::Array(items) => {
            let index: usize = last.parse().ok()?;
            (index < items.len()).then(|| items.remove(index))
        }
        _ => None,
    }
}

/// A field's name in the tables: its pointer below `/content` (`footer`, `cards/*/buttons`:
/// indexes as `*`), or from the root for the message's own fields (`/callbackData`).
fn field_name(pointer: &str) -> String {
    let generic: Vec<&str> = pointer
        .split('/')
        .map(|segment| if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) { "*" } else { segment })
        .collect();
    let generic = generic.join("/");
    match generic.strip_prefix("/content/") {
        Some(inner) => inner.to_string(),
        None => generic,
    }
}

/// What `provider` does not carry as it is of a kind: `{ field: { carried: false, why, change,
/// when? } }`, `when` naming the variants refused where the maximal message's own form of the
/// field is carried (a media header where a text one is carried, say), or the maximal
/// message's own form where a variant's is carried (a text header where a media one is).
fn fields(provider: Provider, probes: &[Probe]) -> Value {
    let mut fields = serde_json::Map::new();
    // Fields refused in the maximal message (with their pointer), and those of them a carried
    // variant does not refuse: refused only in the maximal message's form.
    let mut refused_in_maximal: Vec<(String, String)> = Vec::new();
    let mut carried_in_variant: Vec<String> = Vec::new();
    // Fields refused in a variant where the maximal message has no such field, with a pointer.
    let mut variant_pointers: Vec<(String, String)> = Vec::new();
    for probe in probes {
        let label = if probe.label.is_empty() { "maximal" } else { probe.label };
        let (found, sent) = refusals(provider, probe.message.clone(), label);
        if probe.label.is_empty() {
            refused_in_maximal = found.iter().map(|r| (field_name(&r.pointer), r.pointer.clone())).collect();
        } else if sent.is_some() {
            let refused: Vec<String> = found.iter().map(|r| field_name(&r.pointer)).collect();
            let carried = refused_in_maximal.iter().filter(|(name, _)| !refused.contains(name));
            carried_in_variant.extend(carried.map(|(name, _)| name.clone()));
        }
        for refusal in found {
            let name = field_name(&refusal.pointer);
            let variant = !probe.label.is_empty();
            if variant && probes[0].message.pointer(&refusal.pointer).is_none() {
                variant_pointers.push((name.clone(), refusal.pointer.clone()));
            }
            match fields.get_mut(&name) {
                Some(entry) => {
                    // Refused in the maximal message (no `when`): every variant of it is too.
                    if let Some(when) = entry.get_mut("when").and_then(Value::as_array_mut)
                        && !when.contains(&json!(probe.label))
                    {
                        when.push(json!(probe.label));
                    }
                }
                None => {
                    let mut entry = json!({"carried": false, "why": refusal.why, "change": refusal.change});
                    if variant {
                        entry["when"] = json!([probe.label]);
                    }
                    fields.insert(name, entry);
                }
            }
        }
    }
    // A field only variants have, refused in every variant that has it (a media id's `id`), is
    // refused in every form: no `when`. Where some variant carries it, `when` names the others.
    for (name, entry) in fields.iter_mut() {
        let Some(when) = entry.get("when").and_then(Value::as_array) else { continue };
        let Some(pointer) = variant_pointers.iter().find(|(n, _)| n == name).map(|(_, p)| p) else { continue };
        let having = probes[1..].iter().filter(|p| p.message.pointer(pointer).is_some());
        if having.clone().count() > 0 && having.into_iter().all(|p| when.contains(&json!(p.label))) {
            entry.as_object_mut().expect("an entry").remove("when");
        }
    }
    // Carried in some variant's form: refused only in the maximal message's (its `type`).
    for (name, pointer) in refused_in_maximal.into_iter().filter(|(name, _)| carried_in_variant.contains(name)) {
        let form = probes[0].message.pointer(&format!("{pointer}/type")).and_then(Value::as_str);
        if let (Some(form), Some(entry)) = (form, fields.get_mut(&name)) {
            entry["when"] = json!([form]);
        }
    }
    Value::Object(fields)
}

/// The fields the neutral model lets a message leave out but `provider` needs: each optional
/// member of the maximal message (as `provider` is sent it) whose absence the model accepts and
/// the provider refuses as missing at that field. `{ field: why }`.
fn required(provider: Provider, maximal: &Value) -> Value {
    let mut out = serde_json::Map::new();
    let (_, Some(sent)) = refusals(provider, maximal.clone(), "maximal") else { return Value::Object(out) };
    let mut members = Vec::new();
    object_members(&sent, String::new(), &mut members);
    // Probed twice: as sent, and with the extensions of its links and file names taken off,
    // so that a field needed only where no extension names it (Bird's MIME type of a file)
    // shows too; its message says the condition.
    for message in [sent.clone(), without_extensions(&sent)] {
        for pointer in &members {
            let mut without = message.clone();
            remove(&mut without, pointer);
            // Where the model refuses the message as sent without the field (a template needs
            // some name, and the provider's is the one left), the field is taken out of the
            // maximal message instead, fitted as `convert` fits it.
            let outcome = match valid_message(&without) {
                Some(message) => wabridge::provider::serialize(provider, &message).map(drop),
                None => {
                    let mut without = maximal.clone();
                    let Some(message) = remove(&mut without, pointer).and_then(|_| valid_message(&without)) else {
                        continue;
                    };
                    fit(provider, message, Fit { mode: FitMode::Strict, drop_lossy: true }).map(drop)
                }
            };
            if let Err(BodyError::Invalid(violations)) = outcome
                && let Some(missing) =
                    violations.iter().find(|v| &v.path == pointer && v.code == ViolationCode::Required)
            {
                out.entry(field_name(pointer)).or_insert_with(|| json!(missing.message));
            }
        }
    }
    Value::Object(out)
}

/// `value` with the extension taken off every `link` and `filename` (`…/report.pdf` → `…/report`).
fn without_extensions(value: &Value) -> Value {
    match value {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(key, member)| {
                    let bare = match member.as_str() {
                        Some(text) if key == "link" || key == "filename" => {
                            let name_starts = text.rfind('/').map_or(0, |slash| slash + 1);
                            match text[name_starts..].rfind('.') {
                                Some(dot) => json!(text[..name_starts + dot]),
                                None => member.clone(),
                            }
                        }
                        _ => without_extensions(member),
                    };
                    (key.clone(), bare)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_extensions).collect()),
        other => other.clone(),
    }
}

/// The pointers of every object member of `value` (array items are not members: a list's
/// items are required as a whole by the model).
fn object_members(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let here = format!("{at}/{key}");
                out.push(here.clone());
                object_members(member, here, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                object_members(item, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Limits

/// The limits `provider` keeps to that are stricter than the neutral model's, on the fields
/// of `maximal` it carries: `{ field: { max, neutral } }` (`neutral` null where the model has
/// none up to the probe's length), for lengths of strings (characters) and counts of arrays
/// (`items: true`).
fn field_limits(provider: Provider, maximal: &Value) -> Value {
    let mut limits = serde_json::Map::new();
    let (_, Some(sent)) = refusals(provider, maximal.clone(), "maximal") else { return Value::Object(limits) };
    let neutral_ok = |value: &Value| valid(value);
    let provider_ok = |value: &Value| {
        Message::from_json(&value.to_string()).is_ok_and(|m| wabridge::provider::serialize(provider, &m).is_ok())
    };
    let mut strings = Vec::new();
    let mut arrays = Vec::new();
    leaves(&sent, String::new(), &mut strings, &mut arrays);
    for (pointer, original) in strings {
        let at = |length: usize| {
            let mut value = sent.clone();
            *value.pointer_mut(&pointer).expect("leaf") = json!(padded(&original, length));
            value
        };
        let start = original.chars().count();
        let neutral = longest(start, PROBE_MAX_CHARS, |n| neutral_ok(&at(n)));
        let max = longest(start, PROBE_MAX_CHARS, |n| provider_ok(&at(n)));
        if let Some(max) = max.filter(|&max| Some(max) < neutral || neutral.is_none())
            && names_limit(provider, &pointer, max, &at(max + 1))
        {
            limits.insert(field_name(&pointer), json!({"max": max, "neutral": neutral}));
        }
    }
    for (pointer, length) in arrays {
        let at = |count: usize| {
            let mut value = sent.clone();
            let items = value.pointer_mut(&pointer).and_then(Value::as_array_mut).expect("array");
            grow(items, count);
            value
        };
        let neutral = longest(length, PROBE_MAX_ITEMS, |n| neutral_ok(&at(n)));
        let max = longest(length, PROBE_MAX_ITEMS, |n| provider_ok(&at(n)));
        if let Some(max) = max.filter(|&max| Some(max) < neutral || neutral.is_none())
            && names_limit(provider, &pointer, max, &at(max + 1))
        {
            limits.insert(field_name(&pointer), json!({"max": max, "neutral": neutral, "items": true}));
        }
    }
    Value::Object(limits)
}

/// Every string (with its pointer) and every array of objects (with its length) in `value`,
/// but the `type` tags and what lies under `flowActionPayload` (the flow's own data).
fn leaves(value: &Value, at: String, strings: &mut Vec<(String, String)>, arrays: &mut Vec<(String, usize)>) {
    match value {
        Value::String(text) => strings.push((at, text.clone())),
        Value::Array(items) => {
            if items.iter().all(Value::is_object) && !items.is_empty() {
                arrays.push((at.clone(), items.len()));
            }
            for (i, item) in items.iter().enumerate() {
                leaves(item, format!("{at}/{i}"), strings, arrays);
            }
        }
        Value::Object(object) => {
            for (key, item) in object {
                if key != "type" && key != "flowActionPayload" {
                    leaves(item, format!("{at}/{key}"), strings, arrays);
                }
            }
        }
        _ => {}
    }
}

/// `original` lengthened to `length` characters with `a`s: at the end, or in a URL at the
/// start of its last segment (a URL stays a URL with the same file name extension, an id an id).
/// tests/js/capabilities.test.mjs lengthens values the same way.
fn padded(original: &str, length: usize) -> String {
    let padding = "a".repeat(length.saturating_sub(original.chars().count()));
    match original.rfind('/').filter(|_| original.contains("://")) {
        Some(slash) => format!("{}{padding}{}", &original[..=slash], &original[slash + 1..]),
        None => format!("{original}{padding}"),
    }
}

/// `items` grown to `count` with copies of its last item, each string that must be unique
/// (ids, titles) made so.
fn grow(items: &mut Vec<Value>, count: usize) {
    let Some(last) = items.last().cloned() else { return };
    while items.len() < count {
        let mut item = last.clone();
        uniquify(&mut item, items.len());
        items.push(item);
    }
}

fn uniquify(value: &mut Value, n: usize) {
    let Value::Object(object) = value else { return };
    for (key, item) in object.iter_mut() {
        match item {
            Value::String(text) if ["id", "title", "productRetailerId", "payload"].contains(&key.as_str()) => {
                let suffix = n.to_string();
                let keep: String =
                    text.chars().take(text.chars().count().saturating_sub(suffix.len()).max(1)).collect();
                *text = format!("{keep}{suffix}");
            }
            Value::Array(strings) if key == "productRetailerIds" => {
                for (i, s) in strings.iter_mut().enumerate() {
                    *s = json!(format!("sku-{n}-{i}"));
                }
            }
            Value::Object(_) => uniquify(item, n),
            _ => {}
        }
    }
}

/// The largest n in `start..=max` for which `ok(n)` holds, given that it holds for `start`
/// and, past some n, never again; `None` when it holds up to `max`.
fn longest(start: usize, max: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
    if ok(max) {
        return None;
    }
    let (mut good, mut bad) = (start, max);
    while bad - good > 1 {
        let mid = good + (bad - good) / 2;
        if ok(mid) { good = mid } else { bad = mid }
    }
    Some(good)
}

/// Whether `provider` refuses `over` (one over `max` at `pointer`) with a violation there that
/// names `max` as its limit: a limit, rather than a format the padding broke (a file name
/// extension some provider reads, say), which the neutral model may not check.
fn names_limit(provider: Provider, pointer: &str, max: usize, over: &Value) -> bool {
    let Ok(message) = Message::from_json(&over.to_string()) else { return false };
    matches!(wabridge::provider::serialize(provider, &message),
        Err(BodyError::Invalid(violations)) if violations.iter().any(|v| v.path == pointer && v.limit == Some(max as f64)))
}
