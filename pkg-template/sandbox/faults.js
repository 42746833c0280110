// Fault injection: rules that replace a route's normal answer, chosen by sequence (which
// matching calls), by probability (from the seeded source), or for the first N calls.

/** The fault modes, and what each one answers (server-only modes are marked). */
export const FAULT_MODES = [
  "rate_limit", // 429 with Retry-After and the provider's error body
  "server_error", // 500 with the provider's error body
  "unavailable", // 503 with the provider's error body
  "delay", // wait `delayMs` (default 60 s), then answer normally; the client's timeout fires first
  "reset", // the connection drops: a fetch rejects with TypeError, the server destroys the socket
  "malformed_json", // the call carried out (a message is sent), its 2xx answer cut short
  "html", // 502 with an HTML error page, as a proxy in front of the provider would send
  "meta_130429", // Meta's throughput limit: 400 with Graph error 130429
  "meta_131056", // Meta's pair rate limit (one customer messaged too often): 400 with Graph error 131056
  "onemsg_not_sent", // 1MSG's HTTP 200 with {"sent": false}
];

/** The modes that are one provider's own answer. */
const OWN_PROVIDER = { meta_130429: "meta", meta_131056: "meta", onemsg_not_sent: "1msg" };

export function normalizeFault(rule) {
  if (!rule || typeof rule !== "object") throw new TypeError("a fault rule must be an object");
  if (!FAULT_MODES.includes(rule.mode)) throw new TypeError(`unknown fault mode ${JSON.stringify(rule.mode)}; known: ${FAULT_MODES.join(", ")}`);
  const { provider, route, method, probability, sequence, times } = rule;
  if (provider !== undefined && !["meta", "bird", "1msg"].includes(provider)) throw new TypeError(`unknown provider ${provider}`);
  // A provider's own answer fires on that provider's calls only.
  const own = OWN_PROVIDER[rule.mode];
  if (own && provider !== undefined && provider !== own) throw new TypeError(`${rule.mode} is ${own}'s answer; it cannot fire on ${provider}'s calls`);
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) throw new TypeError("probability must be within 0..1");
  if (sequence !== undefined && !(Array.isArray(sequence) && sequence.every((n) => Number.isInteger(n) && n >= 1))) {
    throw new TypeError("sequence lists the 1-based numbers of the matching calls to fail");
  }
  if (times !== undefined && !(Number.isInteger(times) && times >= 0)) throw new TypeError("times must be a whole number");
  return { mode: rule.mode, provider: provider ?? own, route, method, probability, sequence, times, delayMs: rule.delayMs, retryAfterSeconds: rule.retryAfterSeconds, calls: 0 };
}

function matches(rule, call) {
  if (rule.provider && rule.provider !== call.provider) return false;
  if (rule.method && rule.method.toUpperCase() !== call.method) return false;
  if (rule.route) {
    const pattern = rule.route instanceof RegExp ? rule.route : null;
    if (pattern ? !pattern.test(call.route) : rule.route !== call.route && rule.route !== call.operation) return false;
  }
  return true;
}

/** The first rule that fires for `call` ({provider, route, operation, method}), counting calls. */
export function pickFault(rules, call, random) {
  for (const rule of rules) {
    if (!matches(rule, call)) continue;
    rule.calls += 1;
    if (rule.sequence) {
      if (rule.sequence.includes(rule.calls)) return rule;
    } else if (rule.probability !== undefined) {
      if (random() < rule.probability) return rule;
    } else if (rule.times !== undefined) {
      if (rule.calls <= rule.times) return rule;
    } else {
      return rule;
    }
  }
  return null;
}

export const HTML_ERROR_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>";

/** Waits `ms`, or rejects like fetch does when `signal` aborts first. */
export function wait(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener?.("abort", () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
    }, { once: true });
  });
}
