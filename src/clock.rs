//! The time now, where a rule depends on it (how far ahead a Bird message is scheduled).
//! wasm32-unknown-unknown has no system clock (`SystemTime::now` panics there): in the
//! bindings the time is JS's `Date.now()`; a wasm build without them has no clock, and
//! rules that need one are skipped rather than guessed.

/// Milliseconds since the Unix epoch, when this build has a clock.
pub fn now_ms() -> Option<f64> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(since.as_millis() as f64)
    }
    #[cfg(all(target_arch = "wasm32", feature = "wasm"))]
    {
        Some(js_sys::Date::now())
    }
    #[cfg(all(target_arch = "wasm32", not(feature = "wasm")))]
    {
        None
    }
}

/// An RFC 3339 date-time (`2026-12-01T09:30:00Z`, `…+01:00`, fractions of a second allowed)
/// in milliseconds since the Unix epoch; `None` when it is not one.
pub fn parse_rfc3339(value: &str) -> Option<f64> {
    let b = value.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut at = 19;
    let mut millis = 0;
    if b.get(at) == Some(&b'.') {
        let start = at + 1;
        at = start;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            // Milliseconds: the first three digits count, the rest are finer than that.
            if at - start < 3 {
                millis = millis * 10 + i64::from(b[at] - b'0');
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        millis *= [100, 10, 1][(at - start).min(3) - 1];
    }
    let offset_minutes = match b.get(at)? {
        b'Z' | b'z' if at + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if at + 6 == b.len() && b[at + 3] == b':' => {
            let (h, m) = (digits(at + 1, 2)?, digits(at + 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'+' { h * 60 + m } else { -(h * 60 + m) }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some((seconds * 1000 + millis) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rfc3339_date_times() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(parse_rfc3339("2026-12-01T09:30:00Z"), Some(1_796_117_400_000.0));
        assert_eq!(parse_rfc3339("2026-12-01T10:30:00+01:00"), Some(1_796_117_400_000.0));
        assert_eq!(parse_rfc3339("2026-12-01T09:30:00.250Z"), Some(1_796_117_400_250.0));
        assert_eq!(parse_rfc3339("2024-02-29T00:00:00Z"), Some(1_709_164_800_000.0));
        for bad in [
            "2026-12-01",
            "2026-12-01T09:30:00",
            "2025-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-12-01T09:30:00+1:00",
            "2026-12-01T09:30:00.Z",
            "tomorrow",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }
}
