//! Decimal text to `f64`, for the few numbers a message or an answer holds (coordinates, a
//! `Retry-After`). Rust's own reader (`str::parse::<f64>`) brings a 10 KB table of powers of
//! five into the wasm, 12 KB of the main entry once gzipped; in the wasm the JS engine reads
//! the number instead (`parseFloat`, correctly rounded as ECMAScript specifies, as Rust's is),
//! and natively Rust does. Either way the text is checked here first, so both read the same
//! texts: what Rust's reader takes, but only the decimal forms (no `inf` or `NaN`).

/// `text` as a number, if it is an optionally signed decimal with an optional fraction and
/// exponent (`52.5`, `-0.25`, `+1e3`, `.5`, `5.`); `None` otherwise. Too large a number reads as
/// an infinity, as it does in Rust and in JS: callers that need a finite one check.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let mut mantissa = digits(&mut at);
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        mantissa += digits(&mut at);
    }
    if mantissa == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        if let Some(b'+' | b'-') = bytes.get(at) {
            at += 1;
        }
        if digits(&mut at) == 0 {
            return None;
        }
    }
    if at != bytes.len() {
        return None;
    }
    Some(read(text))
}

#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
fn read(text: &str) -> f64 {
    js_sys::parse_float(text)
}

#[cfg(not(all(target_arch = "wasm32", feature = "wasm")))]
fn read(text: &str) -> f64 {
    // The text is a decimal (checked above), which Rust's reader always takes.
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn reads_decimals_only() {
        for (text, value) in [
            ("52.520008", 52.520008),
            ("-13.404954", -13.404954),
            ("+1e3", 1000.0),
            ("1E-7", 1e-7),
            (".5", 0.5),
            ("5.", 5.0),
            ("007", 7.0),
            ("0.30000000000000004", 0.30000000000000004),
            ("-0", -0.0),
        ] {
            assert_eq!(parse_decimal(text), Some(value), "{text}");
        }
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
        for text in
            ["", "-", ".", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "inf", "NaN", "infinity", "0x10", "1_000", "1,5"]
        {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }
}
