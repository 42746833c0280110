use super::Validate;
use crate::limits::CONTACTS_MAX;
use crate::validate::{Path, Report, ViolationCode, check_count, check_required};
use serde::Serialize;

/// One or more contact cards.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Contacts {
    /// 1–257 contacts (`LIMITS.CONTACTS_MAX`).
    pub contacts: Vec<Contact>,
}

macro_rules! optional_strings {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* $field:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                #[cfg_attr(feature = "wasm", tsify(optional))]
                pub $field: Option<String>,
            )*
        }
    };
}

/// A contact card.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub name: ContactName,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub addresses: Vec<ContactAddress>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub birthday: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub emails: Vec<ContactEmail>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub org: Option<ContactOrg>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub phones: Vec<ContactPhone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub urls: Vec<ContactUrl>,
}

/// A contact's name; `formattedName` is required and shown in the message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ContactName {
    pub formatted_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub suffix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub prefix: Option<String>,
}

// Meta's current docs give `type` as free text ("such as home or work"); its older reference
// listed HOME and WORK (and CELL, MAIN, IPHONE for phones). Any non-empty text is accepted.
optional_strings! {
    /// A postal address; `type` is e.g. `HOME` or `WORK`; `countryCode` ISO 3166 alpha-2.
    pub struct ContactAddress { street, city, state, zip, country, country_code, r#type }
}
optional_strings! {
    /// An email address; `type` is e.g. `HOME` or `WORK`.
    pub struct ContactEmail { email, r#type }
}
optional_strings! {
    /// Where the contact works.
    pub struct ContactOrg { company, department, title }
}
optional_strings! {
    /// A phone number; `type` is e.g. `CELL`, `MAIN`, `IPHONE`, `HOME`, `WORK`; `waId` adds a
    /// "Message" button.
    pub struct ContactPhone { phone, r#type, wa_id }
}
optional_strings! {
    /// A website; `type` is e.g. `HOME` or `WORK`.
    pub struct ContactUrl { url, r#type }
}

fn is_date(value: &str) -> bool {
    let bytes = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = value[5..7].parse().unwrap_or(0);
    let day: u32 = value[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

impl Validate for Contacts {
    fn validate_into(&self, report: &mut Report, path: &Path<'_>) {
        let list = path.key("contacts");
        check_count(report, &list, "contacts", self.contacts.len(), 1, CONTACTS_MAX);
        for (i, contact) in self.contacts.iter().enumerate() {
            let at = list.index(i);
            check_required(
                report,
                &at.key("name").key("formattedName"),
                "contact name.formattedName",
                &contact.name.formatted_name,
            );
            if let Some(birthday) = &contact.birthday
                && !is_date(birthday)
            {
                report.add(
                    &at.key("birthday"),
                    ViolationCode::InvalidFormat,
                    format!("birthday must be YYYY-MM-DD (got {birthday:?})"),
                    None,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates() {
        assert!(is_date("1999-01-23"));
        for bad in ["1999-1-23", "23/01/1999", "1999-13-01", "1999-00-10", "199a-01-01", "1999-01-32"] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
