// The assertions the runtime checks share (conformance.mjs, secrets.mjs): plain functions, so
// they run unchanged in every runtime, browsers and workerd included.

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

/** JSON with every object's keys sorted: equal for values equal whatever their key order. */
export function canonical(value) {
  return JSON.stringify(value, (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** `same`, whatever the order of the objects' keys. */
export function sameValue(actual, expected, what) {
  const a = canonical(actual);
  const e = canonical(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

/** What `promise` rejects with; throws if it resolves. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but it resolved");
}

/** What `fn` throws; throws if it returns. */
export function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an exception, but none was thrown");
}

/** Runs named checks, recording each as `{ name, ok, error? }` instead of stopping at a failure. */
export function checkList() {
  const checks = [];
  const run = async (name, fn) => {
    try {
      await fn();
      checks.push({ name, ok: true });
    } catch (error) {
      checks.push({ name, ok: false, error: String(error?.stack ?? error) });
    }
  };
  return { checks, run };
}

/** `actual` holds everything `expected` says: objects member by member (more members are
 *  fine; a member expected null must be absent), arrays item by item and of the same length,
 *  other values equal. */
export function holds(actual, expected, what) {
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    for (const [key, value] of Object.entries(expected)) {
      if (value === null) {
        check(actual && typeof actual === "object" && !(key in actual), `${what}/${key} is ${JSON.stringify(actual?.[key])}, expected absent`);
        continue;
      }
      check(actual && typeof actual === "object" && key in actual, `${what}/${key} is missing`);
      holds(actual[key], value, `${what}/${key}`);
    }
  } else if (Array.isArray(expected)) {
    check(Array.isArray(actual) && actual.length === expected.length, `${what}: expected ${expected.length} items, got ${JSON.stringify(actual)}`);
    expected.forEach((item, i) => holds(actual[i], item, `${what}/${i}`));
  } else {
    same(actual, expected, what);
  }
}
