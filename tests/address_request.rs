//! WhatsApp's address form (Meta's `address_message`, 1MSG's sendAddressMessage): written as
//! each provider documents it, read back, its faults at the provider's fields, refused by
//! Bird; a customer's answer arrives as an `addressReply`.

use serde_json::{Value, json};
use wabridge::error::BodyError;
use wabridge::message::Message;
use wabridge::provider::{Provider, parse, serialize, validate_body};

fn request(content: Value) -> Message {
    Message::from_json(&json!({"to": "+919876543210", "content": content}).to_string()).unwrap()
}

fn full() -> Value {
    json!({
        "type": "addressRequest", "body": "Where should we deliver?", "country": "IN",
        "values": {"name": "Asha Rao", "in_pin_code": "400063"},
        "savedAddresses": [{"id": "home", "value": {"name": "Asha Rao", "city": "Mumbai"}}],
        "validationErrors": {"in_pin_code": "We do not deliver there yet"}
    })
}

#[test]
fn meta_and_1msg_write_it_as_documented_and_read_it_back() {
    let message = request(full());
    let meta: Value = serde_json::from_str(&serialize(Provider::Meta, &message).unwrap()).unwrap();
    assert_eq!(
        meta["interactive"],
        json!({"type": "address_message", "body": {"text": "Where should we deliver?"}, "action": {"name": "address_message", "parameters": {
            "country": "IN", "values": {"name": "Asha Rao", "in_pin_code": "400063"},
            "saved_addresses": [{"id": "home", "value": {"name": "Asha Rao", "city": "Mumbai"}}],
            "validation_errors": {"in_pin_code": "We do not deliver there yet"}}}})
    );
    assert_eq!(parse(Provider::Meta, &meta.to_string(), None).unwrap().content, message.content);
    let onemsg: Value = serde_json::from_str(&serialize(Provider::OneMsg, &message).unwrap()).unwrap();
    assert_eq!(
        onemsg,
        json!({"phone": 919876543210u64, "body": "Where should we deliver?", "country": "IN",
            "values": {"name": "Asha Rao", "in_pin_code": "400063"},
            "saved_addresses": [{"id": "home", "value": {"name": "Asha Rao", "city": "Mumbai"}}],
            "validation_errors": {"in_pin_code": "We do not deliver there yet"}})
    );
    let back = parse(Provider::OneMsg, &onemsg.to_string(), Some("sendAddressMessage")).unwrap();
    assert_eq!(back.content, message.content);
    // 1MSG's form is India's when its body names no country.
    let bare = json!({"phone": 919876543210u64, "body": "Where?"}).to_string();
    let read = parse(Provider::OneMsg, &bare, Some("sendAddressMessage")).unwrap();
    assert_eq!(serde_json::to_value(&read.content).unwrap()["country"], "IN");
}

#[test]
fn faults_are_at_each_providers_fields() {
    let mut bad = full();
    bad["country"] = json!("US");
    bad["values"]["in_pin_code"] = json!("4000631");
    bad["savedAddresses"][0] = json!({"value": {}});
    let message = request(bad);
    let Err(BodyError::Invalid(v)) = serialize(Provider::Meta, &message) else { panic!("refused") };
    let paths: Vec<&str> = v.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["/content/country", "/content/values/in_pin_code", "/content/savedAddresses/0"]);
    // Validating Meta's own body reports them at Meta's fields.
    let mut body: Value = serde_json::from_str(&serialize(Provider::Meta, &request(full())).unwrap()).unwrap();
    body["interactive"]["action"]["parameters"]["country"] = json!("US");
    body["interactive"]["action"]["parameters"]["values"]["in_pin_code"] = json!("4000631");
    let found = validate_body(Provider::Meta, &body.to_string(), None).unwrap();
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["/interactive/action/parameters/country", "/interactive/action/parameters/values/in_pin_code"]);
    let onemsg = json!({"phone": 919876543210u64, "body": "Where?", "country": "FR", "saved_addresses": [{"id": "x"}]});
    let found = validate_body(Provider::OneMsg, &onemsg.to_string(), Some("sendAddressMessage")).unwrap();
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["/country", "/saved_addresses/0"]);
}

#[test]
fn bird_has_no_address_form_and_1msg_no_header_or_footer() {
    let Err(BodyError::Unsupported(u)) = serialize(Provider::Bird, &request(full())) else { panic!() };
    assert_eq!(u.pointer(), "/content/type");
    let mut framed = full();
    framed["footer"] = json!("Thanks");
    let Err(BodyError::Unsupported(u)) = serialize(Provider::OneMsg, &request(framed.clone())) else { panic!() };
    assert_eq!(u.pointer(), "/content/footer");
    // Meta takes a text header and a footer; a media header is the model's to refuse.
    framed["header"] = json!({"type": "text", "text": "Delivery"});
    let meta: Value = serde_json::from_str(&serialize(Provider::Meta, &request(framed.clone())).unwrap()).unwrap();
    assert_eq!(
        (meta["interactive"]["header"]["text"].as_str(), meta["interactive"]["footer"]["text"].as_str()),
        (Some("Delivery"), Some("Thanks"))
    );
    framed["header"] = json!({"type": "image", "link": "https://example.com/a.jpg"});
    let Err(BodyError::Invalid(v)) = serialize(Provider::Meta, &request(framed)) else { panic!() };
    assert_eq!(v[0].path, "/content/header/type");
}
