//! Rule helpers shared by every validator. Each takes the report, the path of the value,
//! a human label for messages ("text body"), the value, and the limits from `crate::limits`.

use super::{Path, Report, ViolationCode};
use crate::limits;

/// Length as WhatsApp counts it: Unicode scalar values ("characters"), so "é" (one code
/// point) is 1, "👍" is 1 (although it is 2 UTF-16 units and 4 bytes), and "é" written as
/// e + combining accent is 2.
pub fn char_count(value: &str) -> usize {
    value.chars().count()
}

/// Reports a string shorter than `min` or longer than `max` characters. An empty string
/// where `min > 0` is reported as `required`.
pub fn check_chars(report: &mut Report, path: &Path<'_>, label: &str, value: &str, min: usize, max: usize) {
    if let Some((code, message, limit)) = chars_fault(label, value, min, max) {
        report.add(path, code, message, Some(limit));
    }
}

/// What is wrong with `value`'s length, `min`–`max` characters, as [`check_chars`] reports
/// it (code, message about `label`, limit): for readers that report at a field of an object
/// rather than at a path.
pub fn chars_fault(label: &str, value: &str, min: usize, max: usize) -> Option<(ViolationCode, String, f64)> {
    // A string never has more characters than bytes, nor fewer than a quarter of them: skip
    // the count when the bytes decide.
    if value.len() <= max && value.len() >= min.saturating_mul(4) {
        return None;
    }
    let count = char_count(value);
    if count == 0 && min > 0 {
        Some((ViolationCode::Required, format!("{label} is required and must not be empty"), min as f64))
    } else if count < min {
        Some((ViolationCode::TooShort, format!("{label} is {count} characters long; the minimum is {min}"), min as f64))
    } else if count > max {
        Some((ViolationCode::TooLong, format!("{label} is {count} characters long; the maximum is {max}"), max as f64))
    } else {
        None
    }
}

/// Whether `digits` are a phone number's in international format (its `+` taken off): 7–15
/// ASCII digits, country code first (so never a leading 0).
pub fn is_international_digits(digits: &str) -> bool {
    (limits::PHONE_NUMBER_MIN_DIGITS..=limits::PHONE_NUMBER_MAX_DIGITS).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// Reports a value that is not a phone number in international format, by the numbering
/// plans of libphonenumber's metadata ([`crate::phone`]): an assigned country code, a length
/// and a first digit that country uses. Written as people write numbers (`+44 20 7946 0958`,
/// `+1 (650) 555-1234`, digits without `+`); a provider is sent the number normalised.
pub fn check_phone_number(report: &mut Report, path: &Path<'_>, label: &str, value: &str) {
    if let Some((code, message, limit)) = phone_number_fault(label, value) {
        report.add(path, code, message, limit);
    }
}

/// What [`check_phone_number`] reports of `value`, if anything: its code, message and limit
/// (for a reader that reports at a field of its own).
pub fn phone_number_fault(label: &str, value: &str) -> Option<(ViolationCode, String, Option<f64>)> {
    match crate::phone::parse(value, None) {
        Err(error) => Some((phone_fault(&error), format!("{label}: {error} (got {value:?})"), error.limit())),
        // A numbering plan may allow longer national numbers than E.164 takes (Nigeria's 14):
        // no WhatsApp provider sends to more than 15 digits (Bird and 1MSG refuse them).
        Ok(number) if number.digits().len() > limits::PHONE_NUMBER_MAX_DIGITS => Some((
            ViolationCode::TooLong,
            format!(
                "{label}: {} digits; a phone number has at most {} (E.164), country code included (got {value:?})",
                number.digits().len(),
                limits::PHONE_NUMBER_MAX_DIGITS
            ),
            Some(limits::PHONE_NUMBER_MAX_DIGITS as f64),
        )),
        Ok(_) => None,
    }
}

/// The violation code of a phone number's fault.
pub fn phone_fault(error: &crate::phone::PhoneError) -> ViolationCode {
    match error {
        crate::phone::PhoneError::Empty => ViolationCode::Required,
        crate::phone::PhoneError::TooShort { .. } => ViolationCode::TooShort,
        crate::phone::PhoneError::TooLong { .. } => ViolationCode::TooLong,
        crate::phone::PhoneError::ReadWithoutPlus(reason)
        | crate::phone::PhoneError::InternationalInRegion { reason, .. } => phone_fault(reason),
        _ => ViolationCode::InvalidFormat,
    }
}

/// Whether `value` is a UUID (8-4-4-4-12 hexadecimal digits): Bird's ids.
pub fn is_uuid(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 36
        && b.iter()
            .enumerate()
            .all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

/// Why `value`, the `key` that names `label` (a Bird id), is not a UUID; `None` when it is.
/// The value is quoted to its first 40 characters: enough to recognise, bounded for any input.
pub fn uuid_fault(key: &str, label: &str, value: &str) -> Option<String> {
    if is_uuid(value) {
        return None;
    }
    let shown: String = value.chars().take(40).collect();
    Some(format!("{key} must be {label} in UUID form (8-4-4-4-12 hex digits; got {shown:?})"))
}

/// A WhatsApp business-scoped user id (BSUID): the user's ISO 3166 country code, a period,
/// and up to 128 letters and digits (`US.13491208655302741918`) — or a parent BSUID, with
/// `ENT.` after the period (`US.ENT.11815799212886844830`). Meta: business-scoped user IDs.
pub fn is_bsuid(value: &str) -> bool {
    let Some((country, id)) = value.split_once('.') else { return false };
    let id = id.strip_prefix("ENT.").unwrap_or(id);
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && (1..=limits::BSUID_MAX_CHARS).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// What a business-scoped user id is, for the refusal of one that is not (`is_bsuid`).
pub fn bsuid_form() -> String {
    format!(
        "a business-scoped user id: a country code in capitals, '.', then up to {} letters and digits (US.13491208655302741918)",
        limits::BSUID_MAX_CHARS
    )
}

/// Reports an empty or whitespace-padded identifier (message ids, group ids).
pub fn check_identifier(report: &mut Report, path: &Path<'_>, label: &str, value: &str) {
    if value.trim().is_empty() {
        report.add(path, ViolationCode::Required, format!("{label} is required"), None);
    } else {
        check_no_padding(report, path, label, value);
    }
}

/// Like [`check_chars`] for an optional field: absent is fine, present must fit.
pub fn check_optional_chars(
    report: &mut Report,
    path: &Path<'_>,
    label: &str,
    value: Option<&str>,
    min: usize,
    max: usize,
) {
    if let Some(value) = value {
        check_chars(report, path, label, value, min, max);
    }
}

/// Reports a list with fewer than `min` or more than `max` items.
pub fn check_count(report: &mut Report, path: &Path<'_>, label: &str, count: usize, min: usize, max: usize) {
    if count < min {
        let code = if count == 0 { ViolationCode::Required } else { ViolationCode::TooFew };
        report.add(path, code, format!("{label}: {count} given; at least {min} required"), Some(min as f64));
    } else if count > max {
        report.add(
            path,
            ViolationCode::TooMany,
            format!("{label}: {count} given; at most {max} allowed"),
            Some(max as f64),
        );
    }
}

/// A number as JSON writes it. Through serde_json's float printer, which the package carries
/// anyway, rather than `f64`'s `Display` (18 KB of wasm for a few messages).
pub fn number(value: f64) -> String {
    serde_json::to_string(&value).unwrap_or_else(|_| "a non-finite number".into())
}

/// A finite number in plain decimal notation, with the shortest digits that read back the
/// same (`0.00000005`, never `5e-8`): for fields that take a decimal string (1MSG's `lat`
/// and `lng`), where an exponent is not a decimal.
pub fn decimal(value: f64) -> String {
    let printed = number(value);
    let Some((mantissa, exponent)) = printed.split_once('e') else { return printed };
    let Ok(exponent) = exponent.parse::<i32>() else { return printed };
    let (sign, mantissa) = mantissa.strip_prefix('-').map_or(("", mantissa), |m| ("-", m));
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = [whole, fraction].concat();
    // Where the decimal point falls in `digits`, counted from their start.
    let point = whole.len() as i32 + exponent;
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

/// Reports a number outside `min..=max` (or not finite).
pub fn check_range(report: &mut Report, path: &Path<'_>, label: &str, value: f64, min: f64, max: f64) {
    if !value.is_finite() || value < min || value > max {
        report.add(
            path,
            ViolationCode::OutOfRange,
            format!("{label} must be between {} and {} (got {})", number(min), number(max), number(value)),
            // The bound passed (none for a value that is not a number at all).
            value.is_finite().then_some(if value < min { min } else { max }),
        );
    }
}

/// Reports a value that is not an absolute http(s) URL with a host and no whitespace.
pub fn check_http_url(report: &mut Report, path: &Path<'_>, label: &str, value: &str) {
    if !is_http_url(value) {
        report.add(
            path,
            ViolationCode::InvalidFormat,
            format!("{label} must be an http:// or https:// URL (got {value:?})"),
            None,
        );
    }
}

/// An http:// or https:// URL with a host and no whitespace.
pub fn is_http_url(value: &str) -> bool {
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    host.is_some_and(|h| !h.is_empty()) && !value.chars().any(char::is_whitespace)
}

/// An email address as far as its form goes: one `@` between a non-empty local part and a
/// domain of dot-separated labels (at least two, none empty, none starting or ending with
/// `-`), no whitespace. Whether the mailbox exists is the provider's to find out.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else { return false };
    let label = |l: &str| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-');
    !local.is_empty()
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(label)
}

/// Values that must be unique in their list: reports the second and later occurrences.
/// Compared with the first [`UNIQUE_CHECKED`] only: every such list allows far fewer items
/// (3 buttons, 10 rows, 30 products), so a longer one is refused as too long anyway, and
/// comparing each of 80,000 rows with every other took seconds.
#[derive(Default)]
pub struct Unique<'v>(Vec<&'v str>);

impl<'v> Unique<'v> {
    pub fn check(&mut self, report: &mut Report, path: &Path<'_>, label: &str, value: &'v str) {
        if self.0.contains(&value) {
            report.add(
                path,
                ViolationCode::Duplicate,
                format!("{label} {value:?} is used more than once; it must be unique"),
                None,
            );
        } else if self.0.len() < UNIQUE_CHECKED {
            self.0.push(value);
        }
    }
}

/// How many of a list's values [`Unique`] remembers.
pub const UNIQUE_CHECKED: usize = 1000;

/// Reports an identifier with leading or trailing whitespace.
pub fn check_no_padding(report: &mut Report, path: &Path<'_>, label: &str, value: &str) {
    if value.trim() != value {
        report.add(path, ViolationCode::InvalidFormat, format!("{label} must not start or end with whitespace"), None);
    }
}

/// Reports an identifier that is empty or whitespace only.
pub fn check_required(report: &mut Report, path: &Path<'_>, label: &str, value: &str) {
    if value.trim().is_empty() {
        report.add(path, ViolationCode::Required, format!("{label} is required"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(f: impl FnOnce(&mut Report, &Path<'_>)) -> Vec<(String, ViolationCode, Option<f64>)> {
        let mut report = Report::new();
        f(&mut report, &Path::root().key("x"));
        report.into_violations().into_iter().map(|v| (v.path, v.code, v.limit)).collect()
    }

    #[test]
    fn decimals_are_plain_and_read_back_the_same() {
        let cases = [
            (5e-8, "0.00000005"),
            (-1.5e-7, "-0.00000015"),
            (52.3676, "52.3676"),
            (-180.0, "-180.0"),
            (0.0, "0.0"),
            (1e21, "1000000000000000000000"),
            (1.25e22, "12500000000000000000000"),
            (1.234e-5, "0.00001234"),
        ];
        for (value, text) in cases {
            assert_eq!(decimal(value), text, "{value:e}");
            assert!(!text.contains('e') && text.parse::<f64>() == Ok(value));
        }
        // Every value a coordinate may take, at random scales: no exponent, the same number.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let value = (seed >> 11) as f64 / (1u64 << 53) as f64 * 360.0 - 180.0;
            let value = value / 10f64.powi((seed % 12) as i32);
            let text = decimal(value);
            assert!(!text.contains('e'), "{text}");
            assert_eq!(text.parse::<f64>(), Ok(value), "{text}");
        }
    }

    #[test]
    fn counts_characters_not_utf16_units_or_bytes() {
        assert_eq!(char_count("héllo"), 5);
        assert_eq!(char_count("👍"), 1);
        assert_eq!(char_count("e\u{301}"), 2);
        assert_eq!(char_count("𝄞"), 1);
    }

    #[test]
    fn length_at_and_past_the_limit() {
        let at = "😀".repeat(10);
        assert!(codes(|r, p| check_chars(r, p, "x", &at, 1, 10)).is_empty());
        let past = "😀".repeat(11);
        assert_eq!(
            codes(|r, p| check_chars(r, p, "x", &past, 1, 10)),
            vec![("/x".into(), ViolationCode::TooLong, Some(10.0))]
        );
        assert_eq!(
            codes(|r, p| check_chars(r, p, "x", "", 1, 10)),
            vec![("/x".into(), ViolationCode::Required, Some(1.0))]
        );
        assert_eq!(
            codes(|r, p| check_chars(r, p, "x", "ab", 3, 10)),
            vec![("/x".into(), ViolationCode::TooShort, Some(3.0))]
        );
    }

    #[test]
    fn counts_ranges_urls_and_uniqueness() {
        assert_eq!(codes(|r, p| check_count(r, p, "x", 0, 1, 3))[0].1, ViolationCode::Required);
        assert_eq!(codes(|r, p| check_count(r, p, "x", 1, 2, 3))[0].1, ViolationCode::TooFew);
        assert_eq!(codes(|r, p| check_count(r, p, "x", 4, 1, 3))[0], ("/x".into(), ViolationCode::TooMany, Some(3.0)));
        assert!(codes(|r, p| check_count(r, p, "x", 3, 1, 3)).is_empty());
        assert!(codes(|r, p| check_range(r, p, "x", 90.0, -90.0, 90.0)).is_empty());
        assert_eq!(codes(|r, p| check_range(r, p, "x", 90.0001, -90.0, 90.0))[0].1, ViolationCode::OutOfRange);
        assert_eq!(codes(|r, p| check_range(r, p, "x", f64::NAN, -90.0, 90.0))[0].1, ViolationCode::OutOfRange);
        for ok in ["https://example.com", "http://a.b/c?d#e"] {
            assert!(codes(|r, p| check_http_url(r, p, "x", ok)).is_empty(), "{ok}");
        }
        for bad in ["ftp://example.com", "https://", "example.com", "https://a b"] {
            assert_eq!(codes(|r, p| check_http_url(r, p, "x", bad))[0].1, ViolationCode::InvalidFormat, "{bad}");
        }
        let root = Path::root();
        let mut report = Report::new();
        let mut unique = Unique::default();
        for (i, value) in ["a", "b", "a"].into_iter().enumerate() {
            unique.check(&mut report, &root.index(i), "id", value);
        }
        assert_eq!(report.violations().iter().map(|v| v.path.as_str()).collect::<Vec<_>>(), ["/2"]);
    }

    #[test]
    fn phone_numbers() {
        // As people write them: the provider is sent them normalised (Message::phone_digits).
        for ok in ["16505551234", "+16505551234", "+1 (650) 555-1234", "+44 20 7946 0958", "4915123456789", "+6834123"]
        {
            assert!(codes(|r, p| check_phone_number(r, p, "to", ok)).is_empty(), "{ok}");
        }
        let bad = |v: &str| codes(|r, p| check_phone_number(r, p, "to", v))[0].1;
        assert_eq!(bad(""), ViolationCode::Required);
        assert_eq!(bad("+1 650 555"), ViolationCode::TooShort);
        // National format, no region: which country's 0?
        assert_eq!(bad("06505551234"), ViolationCode::InvalidFormat);
        assert_eq!(bad("++16505551234"), ViolationCode::InvalidFormat);
        // +1 numbers never start 0 or 1; +999 is not assigned; +683 (Niue) has no 1xxx numbers.
        assert_eq!(bad("+1 050 555 1234"), ViolationCode::InvalidFormat);
        assert_eq!(bad("+999 1234 5678"), ViolationCode::InvalidFormat);
        assert_eq!(bad("6831234"), ViolationCode::InvalidFormat);
        assert_eq!(bad("123456"), ViolationCode::TooShort);
        assert_eq!(bad("1234567890123456"), ViolationCode::TooLong);
    }
}
