#!/usr/bin/env node
// The phone-number tables of src/phone, generated from libphonenumber-js's copy of Google
// libphonenumber's metadata (metadata.min.json), and the test vectors of tests/phone.rs,
// whose expectations come from libphonenumber-js itself.
//
//   node scripts/phone-metadata.mjs           writes src/phone/metadata.rs and
//                                             tests/fixtures/phone/vectors.json
//   node scripts/phone-metadata.mjs --check   writes nothing; exits 1 when either file differs
//                                             from what it would write (drift)
//
// Only a subset of the metadata goes into the Rust tables, small enough for the wasm binary
// and checked without a regex engine: per country calling code, the possible national
// lengths and, per length, the digits a national number may start with (the FIRST set of
// libphonenumber's national number patterns restricted to that length, computed here by a
// small regex reader and checked against brute force); per region, its calling code, national
// (trunk) prefix and international (IDD) prefix; per calling code whose national prefix for
// parsing is a short list of digit strings (Belarus: 0, 80, 8), that list. src/phone/mod.rs
// says what the subset leaves out.
//
// The output is deterministic: everything is sorted, and the self-test's random patterns come
// from a fixed seed.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ParseError,
  isValidPhoneNumber,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from "libphonenumber-js";

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUST_PATH = "src/phone/metadata.rs";
const VECTORS_PATH = "tests/fixtures/phone/vectors.json";

const metadata = require("libphonenumber-js/metadata.min.json");
const mobileExamples = require("libphonenumber-js/examples.mobile.json");
const LIBRARY_VERSION = JSON.parse(
  readFileSync(join(dirname(require.resolve("libphonenumber-js/metadata.min.json")), "package.json"), "utf8"),
).version;

// ---------------------------------------------------------------------------------------------
// The FIRST set of a national number pattern.
//
// libphonenumber's patterns use a small regex dialect: digits, `\d`, classes of digits and
// ranges (`[2-9]`, `[13-5]`), groups `(?:…)` and `(…)`, alternation, and the quantifiers `?`
// `*` `+` `{n}` `{n,}` `{n,m}`. `readPattern` accepts exactly that and throws on anything else,
// so a new construct in a future metadata release stops the generator instead of yielding a
// wrong table.
// ---------------------------------------------------------------------------------------------

const ALL_DIGITS = 0x3ff;

/** The syntax tree of `source`: {set: mask} | {seq: [..]} | {alt: [..]} | {rep, min, max}. */
export function readPattern(source) {
  let at = 0;
  const fail = (why) => {
    throw new Error(`pattern ${JSON.stringify(source)} at ${at}: ${why}`);
  };
  const peek = () => source[at];
  const isDigit = (c) => c !== undefined && c >= "0" && c <= "9";

  function alternation() {
    const branches = [sequence()];
    while (peek() === "|") {
      at++;
      branches.push(sequence());
    }
    return branches.length === 1 ? branches[0] : { alt: branches };
  }
  function sequence() {
    const items = [];
    while (at < source.length && peek() !== "|" && peek() !== ")") items.push(quantified(atom()));
    return { seq: items };
  }
  function atom() {
    const c = peek();
    if (isDigit(c)) {
      at++;
      return { set: 1 << Number(c) };
    }
    if (c === "\\") {
      if (source[at + 1] !== "d") fail("only \\d is supported after a backslash");
      at += 2;
      return { set: ALL_DIGITS };
    }
    if (c === "[") return digitClass();
    if (c === "(") {
      at++;
      if (source.startsWith("?:", at)) at += 2;
      else if (peek() === "?") fail("only (?: and plain groups are supported");
      const inner = alternation();
      if (peek() !== ")") fail("unclosed group");
      at++;
      return inner;
    }
    return fail(`unsupported character ${JSON.stringify(c)}`);
  }
  function digitClass() {
    at++; // [
    if (peek() === "^") fail("negated classes are not supported");
    let mask = 0;
    while (peek() !== "]") {
      let low;
      if (source.startsWith("\\d", at)) {
        at += 2;
        mask |= ALL_DIGITS;
        continue;
      }
      if (!isDigit(peek())) fail("a class holds digits, ranges of digits or \\d");
      low = Number(source[at++]);
      let high = low;
      if (peek() === "-") {
        at++;
        if (!isDigit(peek())) fail("a range ends with a digit");
        high = Number(source[at++]);
        if (high < low) fail("reversed range");
      }
      for (let d = low; d <= high; d++) mask |= 1 << d;
    }
    at++; // ]
    if (mask === 0) fail("empty class");
    return { set: mask };
  }
  function quantified(node) {
    for (;;) {
      const c = peek();
      let min;
      let max;
      if (c === "?") [min, max] = [0, 1];
      else if (c === "*") [min, max] = [0, Infinity];
      else if (c === "+") [min, max] = [1, Infinity];
      else if (c === "{") {
        const bounds = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
        if (!bounds) fail("malformed {n,m}");
        min = Number(bounds[1]);
        max = bounds[2] === undefined ? min : bounds[3] === "" ? Infinity : Number(bounds[3]);
        if (max < min) fail("{n,m} with m < n");
        at += bounds[0].length - 1;
      } else return node;
      at++;
      if (peek() === "?" || peek() === "+") fail("lazy and possessive quantifiers are not supported");
      node = { rep: node, min, max };
    }
  }

  const tree = alternation();
  if (at !== source.length) fail("unbalanced )");
  return tree;
}

/** Whether the language of `node` holds the empty string. */
function nullable(node) {
  if ("set" in node) return false;
  if ("seq" in node) return node.seq.every(nullable);
  if ("alt" in node) return node.alt.some(nullable);
  return node.min === 0 || nullable(node.rep);
}

/** The digits (a 10-bit mask) that strings of `node`'s language can start with. */
export function firstDigits(node) {
  if ("set" in node) return node.set;
  if ("alt" in node) return node.alt.reduce((mask, branch) => mask | firstDigits(branch), 0);
  if ("seq" in node) {
    // The first item's FIRST set, and the next one's as long as everything before can be empty.
    let mask = 0;
    for (const item of node.seq) {
      mask |= firstDigits(item);
      if (!nullable(item)) break;
    }
    return mask;
  }
  return node.max === 0 ? 0 : firstDigits(node.rep);
}

/** Lengths tracked by `firstDigitsByLength`; national numbers have at most 17 digits. */
const MAX_TRACKED_LENGTH = 31;

/**
 * For each length n (0 to MAX_TRACKED_LENGTH), the digits that strings of `node`'s language
 * with exactly n characters can start with, and whether it has such strings: {has: [bool],
 * first: [mask]}. The FIRST set per length is a sharper check than the FIRST set alone: many
 * codes start their long numbers (toll free, M2M) and their short ones with different digits.
 */
export function firstDigitsByLength(node) {
  const none = () => ({ has: Array(MAX_TRACKED_LENGTH + 1).fill(false), first: Array(MAX_TRACKED_LENGTH + 1).fill(0) });
  const empty = () => {
    const result = none();
    result.has[0] = true;
    return result;
  };
  const union = (a, b) => ({ has: a.has.map((h, n) => h || b.has[n]), first: a.first.map((f, n) => f | b.first[n]) });
  const concat = (a, b) => {
    const result = none();
    for (let i = 0; i <= MAX_TRACKED_LENGTH; i++) {
      if (!a.has[i]) continue;
      for (let j = 0; i + j <= MAX_TRACKED_LENGTH; j++) {
        if (!b.has[j]) continue;
        result.has[i + j] = true;
        // A string of a (length i) then one of b (length j) starts with a's first digit, or,
        // when a's part is empty, with b's.
        result.first[i + j] |= i > 0 ? a.first[i] : b.first[j];
      }
    }
    return result;
  };
  const same = (a, b) => a.has.every((h, n) => h === b.has[n] && a.first[n] === b.first[n]);
  if ("set" in node) {
    const result = none();
    result.has[1] = true;
    result.first[1] = node.set;
    return result;
  }
  if ("alt" in node) return node.alt.map(firstDigitsByLength).reduce(union);
  if ("seq" in node) return node.seq.map(firstDigitsByLength).reduce(concat, empty());
  const item = firstDigitsByLength(node.rep);
  let result = empty();
  for (let i = 0; i < node.min; i++) result = concat(result, item);
  const optional = union(empty(), item);
  for (let i = node.min; i < node.max; i++) {
    const longer = concat(result, optional);
    if (same(longer, result)) break; // lengths past MAX_TRACKED_LENGTH are dropped: a fixed point
    result = longer;
  }
  return result;
}

/**
 * The longest string of `node`'s language when each `*` and `+` repeats at most once. Every
 * digit of the FIRST set starts a string at most this long: a witness needs at most the
 * repetition that holds its first digit, so brute force up to this length is exact.
 */
function longestWithOneRepetition(node) {
  if ("set" in node) return 1;
  if ("seq" in node) return node.seq.reduce((sum, item) => sum + longestWithOneRepetition(item), 0);
  if ("alt" in node) return Math.max(...node.alt.map(longestWithOneRepetition));
  const times = node.max === Infinity ? Math.max(node.min, 1) : node.max;
  return times * longestWithOneRepetition(node.rep);
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random pattern of the metadata's dialect, leaning on nullable prefixes. */
function randomPattern(next, depth = 0) {
  const pick = (n) => Math.floor(next() * n);
  const atom = () => {
    const kind = pick(depth < 2 ? 5 : 3);
    if (kind === 0) return String(pick(10));
    if (kind === 1) return "\\d";
    if (kind === 2) {
      const parts = [];
      for (let i = 0, n = 1 + pick(2); i < n; i++) {
        const low = pick(10);
        parts.push(next() < 0.5 ? String(low) : `${low}-${low + pick(10 - low)}`);
      }
      return `[${parts.join("")}]`;
    }
    return `(${kind === 3 ? "?:" : ""}${randomPattern(next, depth + 1)})`;
  };
  const quantifier = () =>
    ["", "", "", "?", "?", "*", "+", "{0}", "{1}", "{2}", "{0,1}", "{0,2}", "{1,2}", "{2,}", "{0,}"][pick(15)];
  const branch = () => {
    let text = "";
    for (let i = 0, n = pick(4); i < n; i++) text += atom() + quantifier();
    return text;
  };
  const branches = [branch()];
  while (next() < 0.3) branches.push(branch());
  return branches.join("|");
}

/**
 * Checks `firstDigits` against brute force: for random short patterns, every digit string up
 * to the witness bound is matched with JavaScript's own regex engine, and the first digits of
 * the matches must be exactly the computed FIRST set. Throws on a disagreement.
 */
function selfTestFirstDigits() {
  const next = random(20240601);
  const MAX_LENGTH = 4;
  const strings = [""];
  for (let length = 1, layer = [""]; length <= MAX_LENGTH; length++) {
    layer = layer.flatMap((prefix) => [..."0123456789"].map((d) => prefix + d));
    strings.push(...layer);
  }
  const handWritten = ["(?:1)?[2-9]\\d", "(?:0?|5)7", "[13-5]\\d{0,2}", "(?:(?:)?)?8|9*", "(9{0}|0?)4", "6{0,2}(?:2|)"];
  let checked = 0;
  for (let round = 0; checked < 400 && round < 20000; round++) {
    const source = round < handWritten.length ? handWritten[round] : randomPattern(next);
    const tree = readPattern(source);
    // The FIRST set over all lengths is exact only when every witness is short enough.
    if (longestWithOneRepetition(tree) > MAX_LENGTH) continue;
    const regex = new RegExp(`^(?:${source})$`);
    let expected = 0;
    let matchesEmpty = false;
    const expectedByLength = Array(MAX_LENGTH + 1).fill(0);
    const hasLength = Array(MAX_LENGTH + 1).fill(false);
    for (const s of strings) {
      if (!regex.test(s)) continue;
      hasLength[s.length] = true;
      if (s === "") matchesEmpty = true;
      else {
        expected |= 1 << Number(s[0]);
        expectedByLength[s.length] |= 1 << Number(s[0]);
      }
    }
    if (expected !== firstDigits(tree) || matchesEmpty !== nullable(tree)) {
      throw new Error(
        `FIRST set of ${JSON.stringify(source)}: brute force ${digitList(expected)} (empty: ${matchesEmpty}),` +
          ` computed ${digitList(firstDigits(tree))} (empty: ${nullable(tree)})`,
      );
    }
    // Per length the brute force is exact for any pattern: strings up to MAX_LENGTH are all tried.
    const byLength = firstDigitsByLength(tree);
    for (let length = 0; length <= MAX_LENGTH; length++) {
      if (byLength.first[length] !== expectedByLength[length] || byLength.has[length] !== hasLength[length]) {
        throw new Error(
          `FIRST set of ${JSON.stringify(source)} for length ${length}: brute force ` +
            `${digitList(expectedByLength[length])}, computed ${digitList(byLength.first[length])}`,
        );
      }
    }
    checked++;
  }
  if (checked < 400) throw new Error("the FIRST-set self-test found too few short patterns");
}

const digitList = (mask) => [...Array(10).keys()].filter((d) => mask & (1 << d)).join("");

// ---------------------------------------------------------------------------------------------
// The tables.
// ---------------------------------------------------------------------------------------------

const isDigitString = (value) => typeof value === "string" && /^\d+$/.test(value);
/** The metadata entry of a region, or of a non-geographic calling code ("001"). */
const entryOf = (region, callingCode) =>
  region === "001" ? metadata.nonGeographic[callingCode] : metadata.countries[region];
// Positions in a metadata.min.json entry (libphonenumber-js's Metadata class, format v4).
const CALLING_CODE = 0;
const IDD = 1;
const NATIONAL_NUMBER_PATTERN = 2;
const POSSIBLE_LENGTHS = 3;
const NATIONAL_PREFIX = 5;
const NATIONAL_PREFIX_FOR_PARSING = 7;
const NATIONAL_PREFIX_TRANSFORM_RULE = 8;
const DEFAULT_IDD = 12;

/** The calling codes, numerically sorted: {code, regions, lengths (sorted), first (mask)}. */
function callingCodeTable() {
  // Non-geographic codes (+800, +882…) are listed apart, under the pseudo-region "001".
  const nonGeographic = Object.keys(metadata.nonGeographic).map((code) => [code, ["001"]]);
  return [...Object.entries(metadata.country_calling_codes), ...nonGeographic]
    .map(([code, regions]) => {
      const lengths = new Set();
      const byLength = new Map();
      let first = 0;
      for (const region of regions) {
        const entry = entryOf(region, code);
        for (const length of entry[POSSIBLE_LENGTHS]) lengths.add(length);
        const pattern = readPattern(entry[NATIONAL_NUMBER_PATTERN]);
        first |= firstDigits(pattern);
        const perLength = firstDigitsByLength(pattern);
        perLength.first.forEach((mask, length) => byLength.set(length, (byLength.get(length) ?? 0) | mask));
        // The two computations agree: national numbers are far shorter than the lengths tracked.
        if (perLength.first.reduce((a, b) => a | b, 0) !== firstDigits(pattern)) {
          throw new Error(`${region}: FIRST set and per-length FIRST sets disagree`);
        }
      }
      const sorted = [...lengths].sort((a, b) => a - b);
      if (sorted[0] < 1 || sorted.at(-1) > 31) throw new Error(`+${code}: lengths ${sorted} do not fit a u32 mask`);
      // Every possible length has numbers in the patterns (true of this metadata; a length
      // without would refuse all its numbers, so the generator stops instead).
      const firstByLength = sorted.map((length) => byLength.get(length) ?? 0);
      if (firstByLength.includes(0)) throw new Error(`+${code}: a possible length no pattern produces`);
      const union = firstByLength.reduce((a, b) => a | b, 0);
      if ((union & ~first) !== 0) throw new Error(`+${code}: per-length FIRST sets exceed the FIRST set`);
      return { code: Number(code), regions, lengths: sorted, first, firstByLength };
    })
    .sort((a, b) => a.code - b.code);
}

/**
 * The regions, sorted by name: {name, callingCode, trunk, idd, iddNote, nationalRule}.
 * `trunk` is the national prefix when it is a plain digit string; `idd` the international
 * prefix when plain, else libphonenumber's preferred one (its default IDD) when that is plain,
 * else none. `nationalRule` marks regions whose national prefix for parsing is more than the
 * plain prefix (a regex or a transform rule), which the Rust subset does not apply.
 */
function regionTable() {
  return Object.keys(metadata.countries)
    .filter((name) => name !== "001")
    .sort()
    .map((name) => {
      const entry = metadata.countries[name];
      const trunk = isDigitString(entry[NATIONAL_PREFIX]) ? entry[NATIONAL_PREFIX] : "";
      let idd = "";
      let iddNote = "";
      if (isDigitString(entry[IDD])) idd = entry[IDD];
      else if (isDigitString(entry[DEFAULT_IDD])) {
        idd = entry[DEFAULT_IDD];
        iddNote = `preferred form of ${entry[IDD]}`;
      } else iddNote = `none: ${entry[IDD]} has no plain form`;
      for (const digits of [trunk, idd]) {
        if (digits.length > MAX_PACKED_DIGITS) throw new Error(`${name}: prefix ${digits} is longer than a packed u16 holds`);
      }
      const { trunks, nationalRule } = trunksForParsing(entry, trunk);
      return { name, callingCode: Number(entry[CALLING_CODE]), trunk, trunks, idd, iddNote, nationalRule };
    });
}

/** Digits a `u16` holds as "1" followed by the digits. */
const MAX_PACKED_DIGITS = 4;
/** Prefixes for parsing a region may list beyond its national prefix. */
const MAX_TRUNKS = 3;

/**
 * The national prefixes to strip when parsing, in the order libphonenumber's pattern tries
 * them, and whether the region's rule holds more than that list (`nationalRule`). The list is
 * the national prefix for parsing when that pattern is a short finite set of digit strings
 * without `$` and without a transform applied to captures (Belarus: "0|80?" is 0, 80, 8);
 * otherwise the plain national prefix alone.
 */
function trunksForParsing(entry, trunk) {
  const forParsing = entry[NATIONAL_PREFIX_FOR_PARSING];
  const transform = entry[NATIONAL_PREFIX_TRANSFORM_RULE];
  const plain = { trunks: trunk ? [trunk] : [], nationalRule: Boolean(transform) };
  if (typeof forParsing !== "string" || forParsing === trunk) return plain;
  let strings = null;
  try {
    const hasCapture = /\((?!\?:)/.test(forParsing);
    if (!(transform && hasCapture)) strings = languageInOrder(readPattern(forParsing), MAX_TRUNKS);
  } catch {
    strings = null; // `$` or another construct past the dialect: not a plain list
  }
  if (!strings || strings.some((s) => s === "" || s.length > MAX_PACKED_DIGITS)) return { ...plain, nationalRule: true };
  return { trunks: strings, nationalRule: false };
}

/**
 * The strings of `node`'s finite language in the order a backtracking regex tries them
 * (alternatives left to right, quantifiers greedy), or null when the language is infinite or
 * has more than `limit` strings.
 */
function languageInOrder(node, limit) {
  const cap = (list) => (list && list.length <= limit ? list : null);
  if ("set" in node) return cap([...Array(10).keys()].filter((d) => node.set & (1 << d)).map(String));
  if ("alt" in node) {
    const lists = node.alt.map((branch) => languageInOrder(branch, limit));
    return lists.includes(null) ? null : cap(lists.flat());
  }
  if ("seq" in node) {
    let result = [""];
    for (const item of node.seq) {
      const list = languageInOrder(item, limit);
      if (!list) return null;
      result = cap(result.flatMap((head) => list.map((tail) => head + tail)));
      if (!result) return null;
    }
    return result;
  }
  if (node.max === Infinity) return null;
  const list = languageInOrder(node.rep, limit);
  if (!list) return null;
  const result = [];
  for (let times = node.max; times >= node.min; times--) {
    let strings = [""];
    for (let i = 0; i < times; i++) strings = strings.flatMap((head) => list.map((tail) => head + tail));
    result.push(...strings);
    if (result.length > limit) return null;
  }
  return result;
}

/**
 * The national prefixes for parsing per calling code: its main region's list (the region
 * libphonenumber reads the code's international numbers with), where that list is more than
 * the national prefix alone. Regions sharing a code must share the national prefix, and may
 * differ from the main region's list only where their own rule is beyond the subset anyway
 * (Cocos and Christmas Islands beside Australia's 1831/1832 call-blocking prefixes).
 */
function trunksPerCallingCode(regions) {
  const byName = new Map(regions.map((region) => [region.name, region]));
  const result = [];
  for (const [code, owners] of Object.entries(metadata.country_calling_codes)) {
    const main = byName.get(owners[0]);
    for (const name of owners.slice(1)) {
      const region = byName.get(name);
      if (region.trunk !== main.trunk) throw new Error(`+${code}: ${name} and ${main.name} disagree on the national prefix`);
      if (region.trunks.join(" ") !== main.trunks.join(" ") && !region.nationalRule) {
        throw new Error(`+${code}: ${name} parses other national prefixes than ${main.name}`);
      }
    }
    if (main.trunks.join(" ") !== main.trunk) {
      const forParsing = metadata.countries[main.name][NATIONAL_PREFIX_FOR_PARSING];
      result.push({ code: Number(code), trunks: main.trunks, main: main.name, forParsing });
    }
  }
  return result.sort((a, b) => a.code - b.code);
}

function rustSource(callingCodes, regions, trunkLists) {
  const lines = [];
  const push = (line = "") => lines.push(line);
  push(`// generated by scripts/phone-metadata.mjs from libphonenumber-js ${LIBRARY_VERSION} metadata; do not edit`);
  push();
  push("//! The phone-number tables: a subset of Google libphonenumber's metadata (as shipped by");
  push("//! libphonenumber-js in `metadata.min.json`), sorted for binary search. `super` defines the");
  push("//! types and says what the subset checks.");
  push();
  push("use super::{CallingCode, FirstDigits, Region, TrunksForParsing};");
  push();
  push("/// The libphonenumber-js release whose metadata these tables hold.");
  push(`pub(super) const SOURCE_VERSION: &str = "${LIBRARY_VERSION}";`);
  push();
  push("/// Every assigned country calling code, by code: the possible lengths of its national");
  push("/// significant numbers (libphonenumber's `possibleLengths`, united over the regions sharing");
  push("/// the code) and where its rows of [`FIRST_DIGITS`] start.");
  push("#[rustfmt::skip]");
  push(`pub(super) static CALLING_CODES: [CallingCode; ${callingCodes.length}] = [`);
  let at = 0;
  for (const { code, regions: owners, lengths, firstByLength } of callingCodes) {
    const who = owners.length > 3 ? `${owners.slice(0, 3).join(" ")} +${owners.length - 3}` : owners.join(" ");
    push(`    CallingCode::new(${code}, ${at}, &[${lengths.join(", ")}]), // ${who}`);
    at += firstByLength.length;
  }
  push("];");
  push();
  push("/// For each calling code and each of its possible lengths (ascending), the digits its national");
  push("/// numbers of that length start with: the FIRST set of each region's national number pattern");
  push("/// restricted to strings of that length, united over the regions sharing the code.");
  push("#[rustfmt::skip]");
  push(`pub(super) static FIRST_DIGITS: [FirstDigits; ${at}] = [`);
  for (const { code, lengths, firstByLength } of callingCodes) {
    const cells = firstByLength.map((mask) => `FirstDigits::new(b"${digitList(mask)}")`).join(", ");
    push(`    ${cells}, // +${code}: ${lengths.join(", ")}`);
  }
  push("];");
  push();
  push("/// Every region (ISO 3166 alpha-2; libphonenumber's \"001\" non-geographic entries appear only");
  push("/// as calling codes), by name: its calling code, its national (trunk) prefix when that is a");
  push("/// plain digit string, and its international (IDD) prefix when that is a plain digit string —");
  push("/// or, where libphonenumber gives a pattern, the preferred form it documents beside it (the");
  push("/// comment says so); regions with neither get none.");
  push("#[rustfmt::skip]");
  push(`pub(super) static REGIONS: [Region; ${regions.length}] = [`);
  for (const { name, callingCode, trunk, idd, iddNote } of regions) {
    const note = iddNote ? ` // IDD ${iddNote}` : "";
    push(`    Region::new(*b"${name}", ${callingCode}, "${trunk}", "${idd}"),${note}`);
  }
  push("];");
  push();
  push("/// Calling codes whose national prefixes for parsing are a short list of digit strings rather");
  push("/// than the national prefix alone (their main region's list), in the order libphonenumber's");
  push("/// pattern tries them.");
  push("#[rustfmt::skip]");
  push(`pub(super) static TRUNKS_FOR_PARSING: [TrunksForParsing; ${trunkLists.length}] = [`);
  for (const { code, trunks, main, forParsing } of trunkLists) {
    push(`    TrunksForParsing::new(${code}, &[${trunks.map((t) => `"${t}"`).join(", ")}]), // ${main}: ${forParsing}`);
  }
  push("];");
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// The vectors: example numbers written several ways, and broken ones, each with the answer of
// libphonenumber-js itself (never written by hand).
// ---------------------------------------------------------------------------------------------

/** Regions that must have vectors (the brief's list); every region with an example gets them. */
const REQUIRED_REGIONS = (
  "US CA GB DE FR ES IT NL BR MX AR IN ID NG ZA KE EG TR RU JP CN AU NZ SG AE SA IL PK PH CO CL PE PL UA SE CH BE PT VN TH"
).split(" ");
/** Where the IDD writings are dialled from, in turn: plain IDDs of several shapes. */
const DIALLED_FROM = ["US", "DE", "AU", "JP", "GB", "RU"];

const ERROR_OF_PARSE_ERROR = {
  NOT_A_NUMBER: "not_a_number",
  INVALID_COUNTRY: "unassigned_calling_code",
  TOO_SHORT: "length",
  TOO_LONG: "length",
};

/**
 * libphonenumber-js's reading of `input` (`region` = its default country), mapped to what the
 * Rust parser reports: {digits, libValid} or {error}. Inputs with neither '+' nor region follow
 * this crate's convention (country code first, as WhatsApp APIs take them), which
 * libphonenumber-js reads as `'+' + digits`; such an input starting with 0 is a national number
 * without its region, which libphonenumber-js must refuse too.
 */
function libraryAnswer(input, region) {
  let text = input;
  const plus = input.trimStart().startsWith("+");
  if (!plus && region === null) {
    const digits = input.replace(/\D/g, "");
    if (digits.startsWith("0")) {
      if (!refusedWithoutRegion(input)) throw new Error(`${input}: libphonenumber-js read it without a region`);
      return { error: "national_without_region" };
    }
    text = `+${digits}`;
  }
  const country = region ?? undefined;
  let number;
  try {
    number = parsePhoneNumberWithError(text, country);
  } catch (error) {
    if (!(error instanceof ParseError) || !ERROR_OF_PARSE_ERROR[error.message]) throw error;
    return { error: ERROR_OF_PARSE_ERROR[error.message], library: error.message };
  }
  const length = validatePhoneNumberLength(text, country);
  if (length) return { error: "length", library: length };
  return { digits: number.countryCallingCode + number.nationalNumber, libValid: number.isValid() };
}

/** Whether libphonenumber-js, given no default country, refuses `input` for want of one. */
function refusedWithoutRegion(input) {
  try {
    parsePhoneNumberWithError(input);
    return false;
  } catch (error) {
    return error instanceof ParseError && error.message === "INVALID_COUNTRY";
  }
}

function vector(cases, input, region, extra = {}) {
  const answer = libraryAnswer(input, region);
  const expect = "digits" in answer ? { digits: answer.digits } : { error: answer.error };
  const library =
    "digits" in answer ? (answer.libValid ? "valid" : "possible, not valid") : (answer.library ?? answer.error);
  cases.push({ input, region, expect, library, ...extra });
}

function vectors(callingCodes, regions) {
  const byName = new Map(regions.map((region) => [region.name, region]));
  const firstOf = new Map(callingCodes.map((entry) => [entry.code, entry.first]));
  const cases = [];
  const withExamples = regions.filter((region) => mobileExamples[region.name]);
  const shared = callingCodes.filter((entry) => entry.regions.length > 1).flatMap((entry) => entry.regions);
  const sharesCallingCode = new Set(shared);
  for (const name of REQUIRED_REGIONS) {
    if (!mobileExamples[name]) throw new Error(`${name} has no example number in libphonenumber-js`);
  }

  withExamples.forEach((region, index) => {
    const { name, callingCode } = region;
    const national = mobileExamples[name];
    const e164 = `+${callingCode}${national}`;
    const number = parsePhoneNumberWithError(e164);
    const note = region.nationalRule ? { note: "national-prefix-rule" } : {};
    const tag = (writing) => ({ case: `${name} mobile, ${writing}`, ...note });

    // Every region: the writings that exercise its row of the tables. The brief's regions
    // (and every region sharing a calling code) also: the other writings and paths.
    const everyWriting = REQUIRED_REGIONS.includes(name) || sharesCallingCode.has(name);
    vector(cases, e164, null, tag("e164"));
    vector(cases, number.formatInternational(), null, tag("international"));
    vector(cases, number.formatNational(), name, tag("national"));
    vector(cases, `${e164}5`, null, tag("digit added"));
    vector(cases, e164.slice(0, -1), null, tag("digit removed"));
    if (everyWriting) {
      vector(cases, `${callingCode}${national}`, null, tag("digits"));
      vector(cases, `${callingCode}${national}`, name, tag("digits with region"));
      const from = byName.get(DIALLED_FROM[index % DIALLED_FROM.length]);
      vector(cases, `${from.idd} ${number.formatInternational().slice(1)}`, from.name, tag(`idd from ${from.name}`));
      if (number.formatNational().replace(/\D/g, "").startsWith("0")) {
        vector(cases, number.formatNational(), null, tag("national without region"));
      }
      vector(cases, `${number.formatNational()}5`, name, tag("national, digit added"));
      // The other side of "digits with region": a valid national number that itself starts
      // with the country code's digits, written without trunk prefix.
      const lookalike = `${callingCode}${national.slice(String(callingCode).length)}`;
      if (isValidPhoneNumber(lookalike, name)) {
        vector(cases, lookalike, name, tag("national starting with the country code"));
      }
    }

    // First digits outside the FIRST set: kept only where libphonenumber-js reads the same
    // national number, finds its length possible and the number not valid.
    let kept = 0;
    for (let digit = 0; digit <= 9 && kept < (everyWriting ? 2 : 1); digit++) {
      if (firstOf.get(callingCode) & (1 << digit)) continue;
      const changed = `${digit}${national.slice(1)}`;
      const input = `+${callingCode}${changed}`;
      const parsed = parsePhoneNumberWithError(input);
      if (parsed.nationalNumber !== changed || validatePhoneNumberLength(input) || isValidPhoneNumber(input)) continue;
      const expect = { error: "first_digit" };
      cases.push({ input, region: null, expect, library: "possible, not valid", ...tag(`first digit ${digit}`) });
      kept++;
    }
  });

  // Calling codes libphonenumber-js does not know: the first unassigned ones of 1, 2 and 3 digits.
  const assigned = new Set(callingCodes.map((entry) => String(entry.code)));
  const unassigned = [];
  for (let code = 1; code < 1000 && unassigned.length < 12; code++) {
    const digits = String(code);
    const prefixes = [1, 2, 3].map((n) => digits.slice(0, n));
    if (prefixes.some((prefix) => assigned.has(prefix) || unassigned.includes(prefix))) continue;
    if ([...assigned].some((known) => known.startsWith(digits))) continue;
    unassigned.push(digits);
  }
  // Non-geographic numbers have no example: a few plausible ones, answered by the library.
  for (const input of ["+800 1234 5678", "+808 1234 5678", "+870 212 345 678", "+882 1234 5678", "+979 123 456 789"]) {
    vector(cases, input, null, { case: "non-geographic calling code" });
    vector(cases, `${input}0`, null, { case: "non-geographic calling code, digit added" });
  }
  for (const digits of [...unassigned, "999", "0"]) {
    for (const input of [`+${digits} 123 456 789`, `${digits}123456789`]) {
      if (input.startsWith("0")) continue;
      vector(cases, input, null, { case: "unassigned calling code" });
    }
  }
  for (const entry of cases) {
    if (entry.case === "unassigned calling code" && entry.expect.error !== "unassigned_calling_code") {
      throw new Error(`${entry.input}: libphonenumber-js knows this calling code`);
    }
  }
  return cases;
}

function vectorsJson(cases) {
  const header = {
    generated_by: "scripts/phone-metadata.mjs",
    source: `libphonenumber-js ${LIBRARY_VERSION}: examples.mobile.json written several ways; expectations from parsePhoneNumberWithError, validatePhoneNumberLength and isValidPhoneNumber`,
    fields: {
      input: "what a person wrote",
      region: "the region passed to parse, or null",
      expect: "{digits}: country code + national number, as libphonenumber-js reads it; or {error}: empty, not_a_number, national_without_region, unknown_region, unassigned_calling_code, length, first_digit",
      library: "libphonenumber-js's verdict: valid, 'possible, not valid', or its error code",
      case: "which example, and how it was written or broken",
      note: "national-prefix-rule: the region parses national numbers with a rule beyond a plain prefix, which the Rust subset does not apply",
    },
  };
  const lines = cases.map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "header": ${JSON.stringify(header)},\n  "vectors": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

// ---------------------------------------------------------------------------------------------

function main() {
  selfTestFirstDigits();
  const callingCodes = callingCodeTable();
  const regions = regionTable();
  const trunkLists = trunksPerCallingCode(regions);
  for (const region of regions) {
    const example = mobileExamples[region.name];
    const first = callingCodes.find((entry) => entry.code === region.callingCode).first;
    if (example && !(first & (1 << Number(example[0])))) {
      throw new Error(`${region.name}: its example ${example} starts outside the FIRST set ${digitList(first)}`);
    }
  }
  const outputs = {
    [RUST_PATH]: rustSource(callingCodes, regions, trunkLists),
    [VECTORS_PATH]: vectorsJson(vectors(callingCodes, regions)),
  };
  if (process.argv.includes("--check")) {
    const stale = Object.entries(outputs).filter(([path, text]) => {
      try {
        return readFileSync(join(ROOT, path), "utf8") !== text;
      } catch {
        return true;
      }
    });
    for (const [path] of stale) console.error(`${path} differs from what scripts/phone-metadata.mjs generates`);
    if (stale.length > 0) {
      console.error("run `node scripts/phone-metadata.mjs` to regenerate");
      process.exit(1);
    }
    console.log(`phone metadata up to date (libphonenumber-js ${LIBRARY_VERSION})`);
    return;
  }
  for (const [path, text] of Object.entries(outputs)) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
