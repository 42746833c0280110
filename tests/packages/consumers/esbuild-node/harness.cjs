// What app.mjs and app.cjs share: each check as tests/packages/run.mjs reads it, and a call's
// value or error.
const checks = [];
const check = (name, ok, error) => checks.push({ name, ok: Boolean(ok), error: String(error ?? "") });
const attempt = (call) => {
  try {
    return { value: call() };
  } catch (error) {
    return { error };
  }
};
module.exports = { checks, check, attempt };
