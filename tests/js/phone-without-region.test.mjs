// parsePhoneNumber without a region, beside libphonenumber-js: a national writing (a bracketed
// area code, a leading 0) and an international dialling prefix (00, 011, 0011) are refused by
// both (libphonenumber-js: INVALID_COUNTRY), and wabridge says why in words a person can act
// on — not what the digits would be read as (`(650)…` is not Singapore's +65).
import test from "node:test";
import assert from "node:assert/strict";
import { parsePhoneNumberWithError } from "libphonenumber-js/max";
import { wabridge } from "./helpers.mjs";

const { parsePhoneNumber, ValidationError } = wabridge;

/** The one violation parsePhoneNumber throws for `input`. */
function refusal(input, region) {
  try {
    parsePhoneNumber(input, region);
  } catch (error) {
    assert.ok(error instanceof ValidationError, `${input}: ${error}`);
    assert.equal(error.violations.length, 1);
    return error.violations[0];
  }
  assert.fail(`${input} was read`);
}

/** libphonenumber-js's error code for `input` with no default country, or its reading. */
function library(input) {
  try {
    return parsePhoneNumberWithError(input).number;
  } catch (error) {
    return error.message;
  }
}

test("a national writing without a region needs its region", () => {
  for (const input of ["(650) 555-1234", "020 7946 0958", "(0)20 7946 0958"]) {
    assert.equal(library(input), "INVALID_COUNTRY", input);
    const { path, code, message } = refusal(input);
    assert.deepEqual({ path, code, message }, { path: "", code: "invalid_format", message: "a national number needs its region (or write it with +country code)" }, input);
  }
  assert.equal(parsePhoneNumber("(650) 555-1234", "US").e164, "+16505551234");
});

test("an international dialling prefix without a region is refused, naming the prefix and the '+' form", () => {
  const cases = [
    ["00 44 20 7946 0958", "00", "+442079460958"],
    ["011 44 20 7946 0958", "011", "+442079460958"],
    ["0011 61 412 345 678", "0011", "+61412345678"],
  ];
  for (const [input, prefix, e164] of cases) {
    assert.equal(library(input), "INVALID_COUNTRY", input);
    assert.equal(
      refusal(input).message,
      `${prefix} is an international dialling prefix only in the regions that dial out with it: write + in its place (${e164}), or give the region it is dialled from`,
      input,
    );
  }
  // From a region that dials out with it, it is read; written with '+', no region is needed.
  assert.equal(parsePhoneNumber("00 44 20 7946 0958", "DE").e164, "+442079460958");
  assert.equal(parsePhoneNumber("011 44 20 7946 0958", "US").e164, "+442079460958");
  assert.equal(parsePhoneNumber("+44 20 7946 0958").e164, "+442079460958");
});

test("digits written out without '+' or region: when their country-code-first reading fails, the refusal says they may be national", () => {
  for (const [input, reading] of [
    ["650-555-1234", "+65 numbers of 8 national digits never start with 0 (they start with 3, 6, 8 or 9)"],
    ["212 555 0100", "+212 numbers have 9 national digits (after the country code); this one has 7"],
    ["415.555.2671", "+41 numbers have 9 or 12 national digits (after the country code); this one has 8"],
  ]) {
    assert.equal(library(input), "INVALID_COUNTRY", input);
    assert.equal(
      refusal(input).message,
      `read with its country code first, as it has no '+': ${reading}; if it is a national number, give its region (or write it with +country code)`,
      input,
    );
    assert.match(parsePhoneNumber(input, "US").e164, /^\+1\d{10}$/, input);
  }
  // Written out with its country code, it is read; bare digits get the same hint.
  assert.equal(parsePhoneNumber("44 20 7946 0958").e164, "+442079460958");
  assert.match(refusal("6505551234").message, /^read with its country code first, as it has no '\+': \+65 numbers .*give its region/);
  // With a region, digits refused there that make an international number show its '+' form.
  const inUs = refusal("44 20 7946 0958", "US");
  assert.equal(inUs.message, "+1 numbers have 7 or 10 national digits (after the country code); this one has 12 (read in the region given); if the country code comes first, write + before it (+442079460958)");
  assert.deepEqual([inUs.code, inUs.limit], ["too_long", 10]);
  // The length limit of the reading stays on the violation.
  const tooLong = refusal("44 20 7946 0958 1234 5678");
  assert.equal(tooLong.code, "too_long");
  assert.equal(tooLong.limit, 10);
});
