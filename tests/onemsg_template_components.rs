//! Every kind of template component goes to 1MSG's sendTemplate and back: the neutral
//! template → the body `toProvider` writes → `validateProvider` accepts it → `fromProvider`
//! reads the same template. 1MSG forwards its `params` to the Cloud API as template
//! components (docs/1msg-reference.md, sendTemplate), so whatever the neutral model can say
//! of a template, 1MSG carries: a write that its own validator or reader refuses is a bug.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use std::collections::BTreeSet;
use wabridge::Message;
use wabridge::message::{ButtonParameter, ButtonSubType, TemplateComponent};
use wabridge::provider::{self, Provider};

const FIXTURE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/neutral/template-components/every-kind.json");

/// Every kind a template component, a parameter and a button parameter can be, and every button
/// sub type. The matches in `kinds` have no catch-all: a kind added to the model does not compile
/// until it is named here, and then the fixture must hold it.
const ALL_KINDS: [&str; 23] = [
    "component:header",
    "component:body",
    "component:button",
    "component:limitedTimeOffer",
    "component:carousel",
    "parameter:text",
    "parameter:currency",
    "parameter:dateTime",
    "parameter:image",
    "parameter:video",
    "parameter:document",
    "parameter:location",
    "parameter:product",
    "button:quick_reply",
    "button:url",
    "button:copy_code",
    "button:flow",
    "button:catalog",
    "button:mpm",
    "buttonParameter:payload",
    "buttonParameter:text",
    "buttonParameter:couponCode",
    "buttonParameter:action",
];

fn kinds(component: &TemplateComponent, out: &mut BTreeSet<String>) {
    out.insert(format!("component:{}", component.kind()));
    match component {
        TemplateComponent::Header(p) | TemplateComponent::Body(p) => {
            for parameter in &p.parameters {
                out.insert(format!("parameter:{}", parameter.kind()));
            }
        }
        TemplateComponent::Button(button) => {
            out.insert(format!("button:{}", button.sub_type.as_str()));
            for parameter in &button.parameters {
                let name = match parameter {
                    ButtonParameter::Payload(_) => "payload",
                    ButtonParameter::Text(_) => "text",
                    ButtonParameter::CouponCode(_) => "couponCode",
                    ButtonParameter::Action(_) => "action",
                };
                out.insert(format!("buttonParameter:{name}"));
            }
        }
        TemplateComponent::Carousel(carousel) => {
            for card in &carousel.cards {
                for inner in &card.components {
                    kinds(inner, out);
                }
            }
        }
        TemplateComponent::LimitedTimeOffer(_) => {}
    }
}

/// A template message to 1MSG (its namespace given) with these components.
fn template(components: Value) -> Message {
    let message = json!({"to": "16505551234", "content": {"type": "template", "name": "order_update",
        "namespace": "ca300906_cfbc_410b_99fb_dcee8e13d578", "language": {"code": "en"}, "components": components}});
    Message::from_json(&message.to_string()).unwrap_or_else(|v| panic!("{message}: {v:?}"))
}

fn fixture_components() -> Vec<Value> {
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(FIXTURE).unwrap()).unwrap();
    fixture["components"].as_array().unwrap().clone()
}

/// Neutral → 1MSG body → validateProvider → fromProvider, and the same message back.
fn round_trip(message: &Message) -> Result<(), String> {
    let body = provider::serialize(Provider::OneMsg, message).map_err(|e| format!("toProvider: {e:?}"))?;
    let violations = provider::validate_body(Provider::OneMsg, &body, Some("sendTemplate"))
        .map_err(|e| format!("validateProvider: {e:?}\n  {body}"))?;
    if !violations.is_empty() {
        return Err(format!("validateProvider refuses what toProvider wrote: {violations:?}\n  {body}"));
    }
    let read = provider::parse(Provider::OneMsg, &body, Some("sendTemplate"))
        .map_err(|e| format!("fromProvider: {e:?}\n  {body}"))?;
    if read != *message {
        return Err(format!(
            "read back differs:\n  sent {}\n  read {}\n  body {body}",
            message.to_json(),
            read.to_json()
        ));
    }
    // And 1MSG → 1MSG gives the body again.
    let one_msg = provider::Format::Provider(Provider::OneMsg);
    let again =
        provider::convert(one_msg, one_msg, &body, Some("sendTemplate")).map_err(|e| format!("convert: {e:?}"))?;
    if serde_json::from_str::<Value>(&again).unwrap() != serde_json::from_str::<Value>(&body).unwrap() {
        return Err(format!("convert 1msg → 1msg changed the body:\n  {body}\n  {again}"));
    }
    Ok(())
}

#[test]
fn every_template_component_kind_goes_to_1msg_and_reads_back_the_same() {
    let components = fixture_components();
    let (mut covered, mut failures) = (BTreeSet::new(), Vec::new());
    for component in &components {
        let message = template(json!([component]));
        let wabridge::Content::Template(t) = &message.content else { unreachable!() };
        kinds(&t.components.as_ref().unwrap()[0], &mut covered);
        assert!(message.validate().is_ok(), "the fixture's {component} is not a valid neutral component");
        if let Err(why) = round_trip(&message) {
            failures.push(format!("{component}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let missing: Vec<_> = ALL_KINDS.iter().filter(|k| !covered.contains(**k)).collect();
    assert!(missing.is_empty(), "the fixture lacks {missing:?}");
    assert_eq!(covered.len(), ALL_KINDS.len(), "a kind not in ALL_KINDS: {covered:?}");
    assert_eq!(ButtonSubType::ALL.len(), ALL_KINDS.iter().filter(|k| k.starts_with("button:")).count());
}

#[test]
fn a_template_of_several_components_at_once_reads_back_the_same() {
    // A location header, a body, a copy-code button and the offer's expiry: a limited-time
    // offer template as Meta's reference sends one.
    let all = fixture_components();
    let pick = |kind: &str, parameter: &str| {
        all.iter()
            .find(|c| c["type"] == kind && (c["parameters"][0]["type"] == parameter || c["subType"] == parameter))
            .cloned()
            .unwrap()
    };
    let message = template(json!([
        pick("header", "location"),
        pick("body", "text"),
        all.iter().find(|c| c["type"] == "limitedTimeOffer").unwrap(),
        pick("button", "copy_code"),
        pick("button", "url"),
    ]));
    round_trip(&message).unwrap();
}

/// A 1MSG body in the Cloud API's spelling, with a location header and a limited-time offer:
/// its faults are reported at their pointers in the body, with their limits.
#[test]
fn location_and_offer_faults_point_into_the_1msg_body() {
    let body = |latitude: Value, expiry: Value| {
        json!({"phone": 16505551234u64, "namespace": "ns", "template": "t", "language": {"code": "en"}, "params": [
            {"type": "header", "parameters": [{"type": "location", "location": {"latitude": latitude, "longitude": 4.9}}]},
            {"type": "limited_time_offer", "parameters": [{"type": "limited_time_offer", "limited_time_offer": {"expiration_time_ms": expiry}}]}
        ]})
        .to_string()
    };
    let faults = |body: &str| -> Vec<(String, String, Option<f64>)> {
        provider::validate_body(Provider::OneMsg, body, Some("sendTemplate"))
            .unwrap()
            .into_iter()
            .map(|v| (v.path, v.code.as_str().to_string(), v.limit))
            .collect()
    };
    assert_eq!(faults(&body(json!(52.37), json!(1767225600000u64))), []);
    // Meta's reference types coordinates as strings: taken as 1MSG passes them on.
    assert_eq!(faults(&body(json!("52.37"), json!(1767225600000u64))), []);
    let latitude = faults(&body(json!(91), json!(1767225600000u64)));
    assert_eq!(latitude.len(), 1, "{latitude:?}");
    assert_eq!(latitude[0].0, "/params/0/parameters/0/location/latitude");
    assert_eq!(
        faults(&body(json!(52.37), json!(0))),
        [("/params/1/parameters/0/limited_time_offer/expiration_time_ms".into(), "out_of_range".into(), Some(1.0))]
    );
    // An offer component without its parameter is refused, not dropped unseen.
    let empty = json!({"phone": 16505551234u64, "namespace": "ns", "template": "t", "language": {"code": "en"},
        "params": [{"type": "limited_time_offer", "parameters": []}]});
    let found = faults(&empty.to_string());
    assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["/params/0/parameters"], "{found:?}");
    // A location belongs in the header: in the body it is refused at its type.
    let in_body = json!({"phone": 16505551234u64, "namespace": "ns", "template": "t", "language": {"code": "en"},
        "params": [{"type": "body", "parameters": [{"type": "location", "location": {"latitude": 1, "longitude": 2}}]}]});
    let found = faults(&in_body.to_string());
    assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["/params/0/parameters/0/type"], "{found:?}");
}
