//! 1MSG's sendTemplate `params`: the Cloud API's template components (read and written by
//! Meta's codec) in the dialect 1MSG documents, which is the On-Premises API's: a `CAROUSEL`
//! component in capitals, a currency's `currency_code` (Meta's `code`), and a date-time's
//! fields inside `component` (Meta's sit on `date_time` itself), its day of the week by name.
//! A date-time given as `unix_epoch` has no place in the neutral model. (docs/1msg-reference.md
//! lists these as 1MSG's statements; Meta documents the other spelling.)

use super::PROVIDER;
use crate::error::{BodyError, Unsupported};
use crate::json::Json;
use crate::provider::meta::ButtonSpelling;
use std::borrow::Cow;

pub(super) const DAYS: [&str; 7] = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

/// Rewrites 1MSG's `params` in place into the Cloud API's spelling, for Meta's reader.
pub(super) fn to_cloud(params: &mut Json<'_>) -> Result<(), BodyError> {
    each_component(params, "/params", &mut |component, at| {
        if let Some(Json::Str(kind)) = member(component, "type") {
            *kind = Cow::Owned(kind.to_ascii_lowercase());
        }
        for (i, parameter) in items(component, "parameters").iter_mut().enumerate() {
            if let Some(currency) = member(parameter, "currency") {
                rename(currency, "currency_code", "code");
            }
            if let Some(date_time) = member(parameter, "date_time") {
                if member(date_time, "unix_epoch").is_some() {
                    let what = "template date_time given as unix_epoch (the neutral model takes its calendar fields)";
                    let path = format!("{at}/parameters/{i}/date_time/unix_epoch");
                    return Err(Unsupported::neutral_lacks(PROVIDER, what).at(path).into());
                }
                hoist(date_time, "component");
                if let Some(field) = member(date_time, "day_of_week") {
                    let day = match field {
                        Json::Str(name) => DAYS.iter().position(|d| d.eq_ignore_ascii_case(name)),
                        _ => None,
                    };
                    if let Some(n) = day {
                        *field = Json::Int(n as i64 + 1);
                    }
                }
            }
        }
        Ok(())
    })
}

/// Rewrites the Cloud API's components (as Meta's writer wrote them) into 1MSG's `params`.
pub(super) fn to_onemsg(params: &mut Json<'_>) {
    let _ = each_component(params, "", &mut |component, _| {
        if let Some(Json::Str(kind)) = member(component, "type")
            && kind == "carousel"
        {
            *kind = Cow::Borrowed("CAROUSEL");
        }
        for parameter in items(component, "parameters") {
            if let Some(currency) = member(parameter, "currency") {
                rename(currency, "code", "currency_code");
            }
            if let Some(Json::Object(fields)) = member(parameter, "date_time") {
                let (calendar, rest): (Vec<_>, Vec<_>) =
                    std::mem::take(fields).into_iter().partition(|(k, _)| k != "fallback_value");
                let calendar = calendar
                    .into_iter()
                    .map(|(k, v)| match (k.as_ref(), &v) {
                        ("day_of_week", day) if day.as_whole().is_some_and(|n| (1..=7).contains(&n)) => {
                            let n = day.as_whole().unwrap_or(1);
                            (k, Json::Str(Cow::Borrowed(DAYS[n as usize - 1])))
                        }
                        _ => (k, v),
                    })
                    .collect::<Vec<_>>();
                *fields = rest;
                if !calendar.is_empty() {
                    fields.push((Cow::Borrowed("component"), Json::Object(calendar)));
                }
            }
        }
        Ok(())
    });
}

/// Calls `f` on every component of `params`, and of its carousels' cards, with its pointer.
fn each_component(
    params: &mut Json<'_>,
    at: &str,
    f: &mut dyn FnMut(&mut Json<'_>, &str) -> Result<(), BodyError>,
) -> Result<(), BodyError> {
    let Json::Array(components) = params else { return Ok(()) };
    for (i, component) in components.iter_mut().enumerate() {
        let here = format!("{at}/{i}");
        f(component, &here)?;
        for (c, card) in items(component, "cards").iter_mut().enumerate() {
            if let Some(inner) = member(card, "components") {
                each_component(inner, &format!("{here}/cards/{c}/components"), f)?;
            }
        }
    }
    Ok(())
}

fn member<'t, 'a>(value: &'t mut Json<'a>, key: &str) -> Option<&'t mut Json<'a>> {
    match value {
        Json::Object(fields) => fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn items<'t, 'a>(value: &'t mut Json<'a>, key: &str) -> &'t mut [Json<'a>] {
    match member(value, key) {
        Some(Json::Array(list)) => list,
        _ => &mut [],
    }
}

fn rename(object: &mut Json<'_>, from: &str, to: &'static str) {
    if let Json::Object(fields) = object
        && let Some(field) = fields.iter_mut().find(|(k, _)| k == from)
    {
        field.0 = Cow::Borrowed(to);
    }
}

/// Moves the members of the object at `key` up into `object`, in its place.
fn hoist(object: &mut Json<'_>, key: &str) {
    let Json::Object(fields) = object else { return };
    let Some(at) = fields.iter().position(|(k, v)| k == key && matches!(v, Json::Object(_))) else { return };
    if let (_, Json::Object(inner)) = fields.remove(at) {
        for (offset, member) in inner.into_iter().enumerate() {
            fields.insert(at + offset, member);
        }
    }
}

/// How 1MSG's documentation spells template buttons: `index` as a number, `sub_type` in lower
/// case but `CATALOG`.
pub(super) fn button_spellings(components: &[crate::message::TemplateComponent]) -> Vec<ButtonSpelling> {
    use crate::message::{ButtonSubType, TemplateComponent};
    let mut out = Vec::new();
    for component in components {
        match component {
            TemplateComponent::Button(b) => out.push(ButtonSpelling {
                index_as_number: true,
                sub_type_upper_case: b.sub_type == ButtonSubType::Catalog,
            }),
            TemplateComponent::Carousel(c) => {
                for card in &c.cards {
                    out.extend(button_spellings(&card.components));
                }
            }
            _ => {}
        }
    }
    out
}
