//! Writes a [`BirdRequest`] as Bird's JSON, field for field: what `read` took is what comes
//! out (a neutral message mapped to Bird's model is sent so).

use super::model::*;
use crate::json::JsonWriter;

pub(super) fn request(q: &BirdRequest) -> String {
    let mut w = JsonWriter::new();
    w.item_obj(|w| {
        w.obj("receiver", |w| w.arr("contacts", &q.contacts, contact));
        match &q.payload {
            Payload::Body(b) => w.obj("body", |w| body(w, b)),
            Payload::Template(t) => w.obj("template", |w| template(w, t)),
        }
        if let Some(reply) = &q.reply_to {
            w.obj("replyTo", |w| {
                w.str("id", &reply.id);
                w.str("type", reply.kind.name());
                w.opt_int("order", reply.order);
            });
        }
        delivery(w, &q.delivery);
    });
    w.finish()
}

fn contact(w: &mut JsonWriter, c: &Contact) {
    w.item_obj(|w| {
        w.opt_str("id", c.id.as_deref());
        w.opt_str("identifierKey", c.identifier_key.as_deref());
        w.opt_str("identifierValue", c.identifier_value.as_deref());
    })
}

fn body(w: &mut JsonWriter, b: &Body) {
    w.str("type", b.kind());
    w.obj(b.kind(), |w| match b {
        Body::Text(t) => {
            w.str("text", &t.text);
            opt_actions(w, "actions", t.actions.as_deref());
            if let Some(preview) = t.preview_url {
                w.obj("metadata", |w| w.obj("whatsapp", |w| w.bool("previewUrl", preview)));
            }
        }
        Body::Image(i) => {
            w.opt_str("text", i.text.as_deref());
            w.arr("images", &i.images, |w, image| {
                w.item_obj(|w| {
                    w.str("mediaUrl", &image.media_url);
                    w.opt_str("altText", image.alt_text.as_deref());
                })
            });
            opt_actions(w, "actions", i.actions.as_deref());
        }
        Body::File(f) => {
            w.opt_str("text", f.text.as_deref());
            w.arr("files", &f.files, |w, file| {
                w.item_obj(|w| {
                    w.str("mediaUrl", &file.media_url);
                    w.str("contentType", &file.content_type);
                    w.opt_str("filename", file.filename.as_deref());
                    w.opt_str("altText", file.alt_text.as_deref());
                })
            });
            opt_actions(w, "actions", f.actions.as_deref());
        }
        Body::Location(l) => {
            w.obj("coordinates", |w| {
                w.float("latitude", l.latitude);
                w.float("longitude", l.longitude);
            });
            if l.label.is_some() || l.address.is_some() {
                w.obj("location", |w| {
                    w.opt_str("address", l.address.as_deref());
                    w.opt_str("label", l.label.as_deref());
                });
            }
        }
        Body::List(l) => {
            w.opt_str("title", l.title.as_deref());
            w.str("text", &l.text);
            w.opt_str("altText", l.alt_text.as_deref());
            w.arr("items", &l.sections, |w, s| {
                w.item_obj(|w| {
                    w.opt_str("title", s.title.as_deref());
                    opt_actions(w, "actions", Some(&s.actions));
                })
            });
            if let Some(label) = &l.button_label {
                w.obj("metadata", |w| w.obj("button", |w| w.str("label", label)));
            }
        }
        Body::Carousel(c) => {
            w.str("text", &c.text);
            w.arr("items", &c.items, |w, card| {
                w.item_obj(|w| {
                    w.str("title", &card.title);
                    w.opt_str("description", card.description.as_deref());
                    w.str("mediaUrl", &card.media_url);
                    w.opt_str("altText", card.alt_text.as_deref());
                    opt_actions(w, "actions", Some(&card.actions));
                })
            });
        }
    });
}

fn opt_actions(w: &mut JsonWriter, key: &str, actions: Option<&[Action]>) {
    let Some(actions) = actions else { return };
    w.arr(key, actions, |w, a| {
        w.item_obj(|w| {
            w.str("type", a.kind());
            match a {
                Action::Link { text, url } => w.obj("link", |w| {
                    w.str("text", text);
                    w.str("url", url);
                }),
                Action::Reply { text, description } => w.obj("reply", |w| {
                    w.str("text", text);
                    row_description(w, description.as_deref());
                }),
                Action::Postback { text, payload, description } => w.obj("postback", |w| {
                    w.str("text", text);
                    w.opt_str("payload", payload.as_deref());
                    row_description(w, description.as_deref());
                }),
                Action::LocationRequest { text: None } => {}
                Action::LocationRequest { text: Some(None) } => w.raw("locationRequest", "null"),
                Action::LocationRequest { text: Some(Some(text)) } => w.obj("locationRequest", |w| w.str("text", text)),
            }
        })
    });
}

fn row_description(w: &mut JsonWriter, description: Option<&str>) {
    if let Some(label) = description {
        w.obj("metadata", |w| w.obj("description", |w| w.str("label", label)));
    }
}

fn template(w: &mut JsonWriter, t: &Template) {
    w.str("projectId", &t.project_id);
    w.str("version", &t.version);
    w.str("locale", &t.locale);
    if let Some(parameters) = &t.parameters {
        w.arr("parameters", parameters, |w, p| {
            w.item_obj(|w| {
                w.str("type", p.value.kind());
                w.str("key", &p.key);
                match &p.value {
                    ParameterValue::String(v) => w.opt_str("value", v.as_deref()),
                    ParameterValue::Number(v) => {
                        if let Some(v) = v {
                            w.float("value", *v)
                        }
                    }
                    ParameterValue::Boolean(v) => w.opt_bool("value", *v),
                }
            })
        });
    }
    if let Some(disallow) = t.disallow_mm_lite {
        w.obj("settings", |w| w.bool("disallowMmLite", disallow));
    }
}

fn delivery(w: &mut JsonWriter, d: &Delivery) {
    w.opt_str("reference", d.reference.as_deref());
    if let Some(info) = &d.extra_information {
        w.obj("meta", |w| w.map("extraInformation", info));
    }
    w.opt_bool("capFrequency", d.cap_frequency);
    w.opt_bool("enableLinkTracking", d.enable_link_tracking);
    w.opt_bool("ignoreQuietHours", d.ignore_quiet_hours);
    w.opt_bool("ignoreGlobalHoldout", d.ignore_global_holdout);
    if let Some(tags) = &d.tags {
        w.arr("tags", tags, |w, t| w.item_str(t));
    }
    if let Some(domain) = &d.short_links_domain {
        w.obj("shortLinks", |w| w.str("domain", domain));
    }
    w.opt_str("scheduledFor", d.scheduled_for.as_deref());
    w.opt_int("validity", d.validity.map(|v| v.min(i64::MAX as u64) as i64));
}
