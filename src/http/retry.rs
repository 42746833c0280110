//! When to retry a failed request, and how long to wait: exponential backoff with full
//! jitter, capped, and never shorter than what the provider asked for with `Retry-After`.

/// How a client retries requests that failed with a retryable error.
///
/// By default only failures where the provider says it did nothing (rate limits) are
/// retried automatically: retrying after a server error or a timeout can deliver a message
/// twice, because WhatsApp APIs have no idempotency keys. Those errors are still marked
/// `retryable` and carry the request, so the caller decides; `retry_unsafe` opts in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// The first backoff step in milliseconds; each further step doubles it.
    pub base_delay_ms: u64,
    /// No wait is longer than this, `Retry-After` included.
    pub max_delay_ms: u64,
    /// Also retry server errors, timeouts and network failures (may duplicate a message).
    pub retry_unsafe: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_retries: 2, base_delay_ms: 500, max_delay_ms: 30_000, retry_unsafe: false }
    }
}

/// What a failure says about sending the same request again. The error types fill it in;
/// this module decides with it, knowing nothing of errors or providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RetryHint {
    /// Whether the same request may succeed later.
    pub retryable: bool,
    /// Whether the provider said it did nothing with the request (a rate limit), so that
    /// sending it again cannot deliver the message twice.
    pub safe: bool,
    /// The wait the provider asked for (`Retry-After`), if any.
    pub after_ms: Option<u64>,
}

impl RetryPolicy {
    /// Whether a failure with this hint should be retried automatically under this policy.
    pub fn should_retry(&self, hint: &RetryHint) -> bool {
        hint.retryable && (self.retry_unsafe || hint.safe)
    }

    /// The wait before retry number `retry` (1-based), or `None` when retries are used up or
    /// the provider asked for a longer wait (`retry_after_ms`) than this policy waits: retrying
    /// before then would only be refused again, so the error goes to the caller, with the wait.
    /// `jitter` is a number in [0, 1) from the caller's random source (kept out of the core so
    /// this stays deterministic and testable).
    pub fn delay_ms(&self, retry: u32, jitter: f64, retry_after_ms: Option<u64>) -> Option<u64> {
        if retry == 0 || retry > self.max_retries || retry_after_ms.is_some_and(|after| after > self.max_delay_ms) {
            return None;
        }
        let step = self.base_delay_ms.saturating_mul(1u64 << (retry - 1).min(20));
        let jittered = (step as f64 * jitter.clamp(0.0, 1.0)) as u64;
        let wait = jittered.max(retry_after_ms.unwrap_or(0));
        Some(wait.min(self.max_delay_ms))
    }
}

/// Parses a `Retry-After` header (RFC 9110 §10.2.3): seconds (the form rate limiters send;
/// a fraction is taken too), or an HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`), read against
/// `now_ms` (milliseconds since the Unix epoch; a date in the past is no wait). `None` for
/// anything else, or a date where there is no clock: the caller then keeps its own backoff.
pub fn parse_retry_after(value: &str, now_ms: Option<f64>) -> Option<u64> {
    let value = value.trim();
    let ms = match crate::json::parse_decimal(value) {
        Some(seconds) if seconds >= 0.0 => seconds * 1000.0,
        Some(_) => return None,
        // A date already past: no wait.
        None => (http_date_ms(value)? - now_ms?).max(0.0),
    };
    // At most JavaScript's largest exact integer: the wait reaches callers as a number.
    ms.is_finite().then(|| ms.min(9_007_199_254_740_991.0) as u64)
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, the HTTP date senders write) in
/// milliseconds since the Unix epoch.
fn http_date_ms(value: &str) -> Option<f64> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (_day_name, rest) = value.split_once(", ")?;
    let mut parts = rest.split(' ');
    let (day, month, year, time, zone) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    if parts.next().is_some() || zone != "GMT" || day.len() != 2 || year.len() != 4 || time.len() != 8 {
        return None;
    }
    crate::clock::parse_rfc3339(&format!("{year}-{month:02}-{day}T{time}Z"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_exponentially_within_the_cap_and_stops() {
        let policy = RetryPolicy { max_retries: 3, base_delay_ms: 100, max_delay_ms: 250, retry_unsafe: false };
        assert_eq!(policy.delay_ms(1, 0.999_999, None), Some(99));
        assert_eq!(policy.delay_ms(2, 0.5, None), Some(100));
        assert_eq!(policy.delay_ms(3, 0.999_999, None), Some(250));
        assert_eq!(policy.delay_ms(4, 0.5, None), None);
        assert_eq!(policy.delay_ms(0, 0.5, None), None);
    }

    #[test]
    fn honours_retry_after_within_the_cap() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.delay_ms(1, 0.0, Some(2000)), Some(2000));
        assert_eq!(policy.delay_ms(1, 0.0, Some(30_000)), Some(30_000));
        // Asked to wait longer than the policy waits: no early retry, the caller decides.
        assert_eq!(policy.delay_ms(1, 0.0, Some(30_001)), None);
        assert_eq!(RetryPolicy { max_retries: 0, ..policy }.delay_ms(1, 0.0, Some(1)), None);
    }

    #[test]
    fn retries_only_what_is_safe_unless_told() {
        let policy = RetryPolicy::default();
        let rate_limited = RetryHint { retryable: true, safe: true, after_ms: None };
        let server = RetryHint { retryable: true, safe: false, after_ms: None };
        let refused = RetryHint::default();
        assert!(policy.should_retry(&rate_limited));
        assert!(!policy.should_retry(&server));
        let eager = RetryPolicy { retry_unsafe: true, ..policy };
        assert!(eager.should_retry(&server));
        assert!(!eager.should_retry(&refused));
    }

    #[test]
    fn parses_retry_after_seconds() {
        let now = Some(1_445_412_475_000.0); // 2015-10-21T07:27:55Z
        assert_eq!(parse_retry_after("3", now), Some(3000));
        assert_eq!(parse_retry_after(" 1.5 ", None), Some(1500));
        assert_eq!(parse_retry_after("-1", now), None);
        // An HTTP date: the wait until then, none once it has passed, unknown without a clock.
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(5000));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now), Some(0));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", None), None);
        for bad in
            ["Wed, 21 Oct 2015 07:28:00 UTC", "21 Oct 2015 07:28:00 GMT", "Wed, 32 Oct 2015 07:28:00 GMT", "soon"]
        {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
    }
}
