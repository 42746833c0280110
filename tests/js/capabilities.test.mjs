// CAPABILITIES is what each provider's codec does, as data: the README's table is rendered from
// it (and must not drift), and it says what the package does — every kind a provider carries is
// sent to the endpoint it names, every kind it does not is refused with UnsupportedError, every
// field it lists is left out, reshaped or refused by `convert` (and no other), and every limit
// it lists is where `toProvider` starts refusing. scripts/tables.rs found all of it by probing
// the codecs natively; here the built package is held to it with the same probes
// (pkg/capabilities.probes.json: a maximal message of each kind and a few variants).
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { capabilitiesTable, withTable } from "../../scripts/capabilities-table.mjs";
import { birdMessages, oneMsgMessages, sampleMessages } from "../../examples/messages.mjs";
import { wabridge } from "./helpers.mjs";

const { CAPABILITIES } = wabridge;
const TO = "+16505551234";
/** kind → [[label, message]…]; the label "" is the maximal message, the first. */
const PROBES = JSON.parse(readFileSync(new URL("../../pkg/capabilities.probes.json", import.meta.url), "utf8"));
const carried = (callback) => {
  for (const [provider, kinds] of Object.entries(CAPABILITIES)) {
    for (const [kind, entry] of Object.entries(kinds)) if (entry.support === "yes") callback(provider, kind, entry);
  }
};

test("README.md's capabilities table is the one CAPABILITIES renders (node scripts/capabilities-table.mjs --write)", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  assert.equal(withTable(readme, CAPABILITIES), readme);
  assert.ok(readme.includes(capabilitiesTable(CAPABILITIES)));
});

test("the README's table shows what a provider leaves out, refuses and limits, so it drifts when they change", () => {
  const table = capabilitiesTable(CAPABILITIES);
  carried((provider, kind, { fields, limits }) => {
    const row = table.split("\n").find((line) => line.startsWith(`| \`${kind}\` |`));
    const cell = row.split(" | ")[Object.keys(CAPABILITIES).indexOf(provider) + 1];
    for (const field of Object.keys(fields)) if (fields[field].change !== "reshaped") assert.ok(cell.includes(`\`${field.replace(/^\//, "")}\``), `${provider} ${kind}: ${field} in ${cell}`);
    for (const [field, { max }] of Object.entries(limits)) assert.ok(cell.includes(`\`${field}\` ≤ ${max}`), `${provider} ${kind}: ${field} in ${cell}`);
  });
  // Data that differs renders differently.
  const changed = structuredClone(CAPABILITIES);
  changed.bird.list.fields = {};
  changed.meta.text.limits = { body: { max: 100, neutral: 4096 } };
  const other = capabilitiesTable(changed);
  assert.notEqual(other, table);
  assert.match(other, /\| `text` \| ✓ \(`body` ≤ 100\) \|/);
});

test("CAPABILITIES is deeply frozen data: every provider, every content kind, a support, an endpoint, its fields and limits", () => {
  assert.deepEqual(Object.keys(CAPABILITIES), ["meta", "bird", "1msg"]);
  assert.ok(Object.isFrozen(CAPABILITIES) && Object.isFrozen(CAPABILITIES.meta) && Object.isFrozen(CAPABILITIES.meta.text));
  const kinds = Object.keys(CAPABILITIES.meta);
  assert.equal(kinds.length, 21);
  assert.deepEqual(Object.keys(PROBES), kinds);
  for (const provider of Object.keys(CAPABILITIES)) {
    assert.deepEqual(Object.keys(CAPABILITIES[provider]), kinds, provider);
    for (const [kind, { support, endpoint, fields, limits, required }] of Object.entries(CAPABILITIES[provider])) {
      const at = `${provider} ${kind}`;
      assert.ok(["yes", "notYet", "never"].includes(support), at);
      assert.equal(typeof endpoint, "string");
      assert.ok(Object.isFrozen(fields) && Object.isFrozen(limits) && Object.isFrozen(required), at);
      if (support !== "yes") assert.deepEqual([Object.keys(fields), Object.keys(limits), Object.keys(required)], [[], [], []], at);
      for (const [field, entry] of Object.entries(fields)) {
        assert.ok(Object.isFrozen(entry) && (!entry.when || Object.isFrozen(entry.when)), `${at} ${field}`);
        assert.equal(entry.carried, false);
        assert.ok(["lossy", "reshaped", "refused"].includes(entry.change), `${at} ${field}`);
        assert.ok(typeof entry.why === "string" && entry.why.length > 0, `${at} ${field}`);
        // The field names where: a reason does not carry the probe's own pointer.
        assert.doesNotMatch(entry.why, /\(at \//, `${at} ${field}`);
        assert.match(field, /^(\/[a-zA-Z]+|[a-zA-Z]+(\/([a-zA-Z]+|\*))*)$/, `${at} ${field}`);
      }
      for (const [field, entry] of Object.entries(limits)) {
        assert.ok(Object.isFrozen(entry), `${at} ${field}`);
        assert.ok(Number.isInteger(entry.max) && (entry.neutral === null || entry.max < entry.neutral), `${at} ${field}`);
      }
    }
  }
  assert.throws(() => {
    CAPABILITIES.bird.replyButtons.fields.footer.why = "";
  }, TypeError);
});

test("what CAPABILITIES says a provider carries is what it does: sent to its endpoint, or refused with UnsupportedError", () => {
  const carriedMessages = { meta: sampleMessages(TO), bird: birdMessages(TO), "1msg": oneMsgMessages(TO, { mediaId: "1001" }) };
  for (const [provider, messages] of Object.entries(carriedMessages)) {
    for (const [name, message] of messages) {
      const entry = CAPABILITIES[provider][message.content.type];
      assert.equal(entry.support, "yes", `${provider} ${name}`);
      assert.equal(wabridge.endpointOf(provider, message), entry.endpoint, `${provider} ${name}`);
      assert.doesNotThrow(() => wabridge.toProvider(provider, message), `${provider} ${name}`);
    }
  }
  let refused = 0;
  for (const provider of Object.keys(CAPABILITIES)) {
    for (const [name, message] of sampleMessages(TO)) {
      if (CAPABILITIES[provider][message.content.type].support === "yes") continue;
      assert.throws(() => wabridge.toProvider(provider, message), (e) => e instanceof wabridge.UnsupportedError && e.provider === provider && e.kind === message.content.type, `${provider} ${name}`);
      refused++;
    }
  }
  // Bird alone refuses reaction, contacts, product, product list and catalog of the samples.
  assert.ok(refused >= 5, `${refused} refusals checked`);
  // A kind the provider cannot carry is refused as such even with other faults (fixing them
  // would not make it sendable); validate still lists them all.
  const badReaction = { to: "12", content: { type: "reaction", messageId: "wamid.1", emoji: "two words" } };
  assert.throws(() => wabridge.toProvider("bird", badReaction), (e) => e instanceof wabridge.UnsupportedError && e.kind === "reaction");
  assert.equal(wabridge.toProviderMany("bird", [badReaction])[0].error.code, "ERR_UNSUPPORTED", "the bulk path alike");
  assert.deepEqual(wabridge.validate(badReaction, "bird").map((v) => v.code).sort(), ["invalid_value", "too_short", "unsupported"]);
});

// --- Fields -------------------------------------------------------------------------------

/** A pointer's field name in CAPABILITIES: below /content, indexes as `*` (tables.rs's `field_name`). */
const fieldName = (pointer) => {
  const generic = pointer.replace(/\/\d+(?=\/|$)/g, "/*");
  return generic.startsWith("/content/") ? generic.slice("/content/".length) : generic;
};

/** Every pointer in `value` (objects' members and arrays' items, at any depth). */
function* pointers(value, at = "") {
  if (value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    yield `${at}/${key}`;
    yield* pointers(item, `${at}/${key}`);
  }
}

/** The pointers of `message` that a field name stands for. */
const instances = (message, field) => {
  const pattern = new RegExp(`^${(field.startsWith("/") ? field : `/content/${field}`).replaceAll("*", "\\d+")}$`);
  return [...pointers(message)].filter((p) => pattern.test(p));
};

const parentOf = (message, pointer) => {
  const segments = pointer.split("/").slice(1);
  const last = segments.pop();
  return [segments.reduce((at, key) => at?.[key], message), last];
};
const valueAt = (message, pointer) => pointer.split("/").slice(1).reduce((at, key) => at?.[key], message);
const setAt = (message, pointer, value) => {
  const [parent, key] = parentOf(message, pointer);
  parent[key] = value;
};
const removeAt = (message, pointer) => {
  const [parent, key] = parentOf(message, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
};

/**
 * What `convert` does with `message` for `provider`, as scripts/tables.rs asks the codec: the
 * changes it reports, and each field it refuses (taken out, and converted again, until it
 * converts or is refused for something else).
 */
function convertProbe(provider, message) {
  message = structuredClone(message);
  const found = [];
  for (;;) {
    try {
      const { changes } = wabridge.convert("neutral", provider, message);
      for (const { kind, pointer } of changes) if (kind !== "truncated") found.push({ change: kind, pointer });
      return found;
    } catch (error) {
      if (!(error instanceof wabridge.UnsupportedError) || error.path === "/content/type") {
        // A field the message needs, taken out after a refusal: what was found stands.
        if (found.some((f) => f.change === "refused") && error instanceof wabridge.ValidationError) return found;
        throw error;
      }
      found.push({ change: "refused", pointer: error.path });
      if (valueAt(message, error.path) === undefined) return found;
      removeAt(message, error.path);
    }
  }
}

test("every field CAPABILITIES lists is left out, reshaped or refused by convert, as listed, and convert changes no other", () => {
  let checked = 0;
  carried((provider, kind, { fields }) => {
    const seen = new Map(Object.keys(fields).map((field) => [field, new Set()]));
    for (const [label, message] of PROBES[kind]) {
      for (const { change, pointer } of convertProbe(provider, message)) {
        const field = fieldName(pointer);
        const at = `${provider} ${kind} ${label || "maximal"}: ${change} at ${pointer}`;
        const entry = fields[field];
        assert.ok(entry, `${at}, not in CAPABILITIES`);
        assert.equal(entry.change, change, at);
        // A variant's form is its label; the maximal message's, the field's own type (a text header).
        const form = label || valueAt(message, `${pointer}/type`);
        assert.ok(!entry.when || entry.when.includes(form), `${at}: only ${entry.when}`);
        seen.get(field).add(label).add(form);
        checked++;
      }
    }
    const maximal = PROBES[kind][0][1];
    for (const [field, entry] of Object.entries(fields)) {
      const at = `${provider} ${kind} ${field}`;
      if (entry.when) for (const label of entry.when) assert.ok(seen.get(field).has(label), `${at}: not ${entry.change} in the ${label} probe`);
      else if (instances(maximal, field).length) assert.ok(seen.get(field).has(""), `${at}: not ${entry.change} in the maximal probe`);
      else assert.ok(seen.get(field).size > 0, `${at}: in no probe`);
    }
  });
  assert.ok(checked >= 30, `${checked} changes checked`);
});

test("a field listed as left out is not in the body convert writes", () => {
  carried((provider, kind, { fields }) => {
    const maximal = PROBES[kind][0][1];
    const lossy = Object.entries(fields).filter(([field, e]) => e.change === "lossy" && !e.when && instances(maximal, field).length);
    if (!lossy.length) return;
    const { body, changes } = wabridge.convert("neutral", provider, maximal);
    const reported = changes.filter((c) => c.kind === "lossy").map((c) => fieldName(c.pointer));
    for (const [field] of lossy) assert.ok(reported.includes(field), `${provider} ${kind} ${field}`);
    // Left out: the provider's body, read back, has no such field.
    let back;
    assert.doesNotThrow(() => (back = wabridge.fromProvider(provider, body, { operation: CAPABILITIES[provider][kind].endpoint })), `${provider} ${kind}: the body convert wrote does not read back`);
    for (const [field] of lossy) assert.deepEqual(instances(back, field), [], `${provider} ${kind} ${field} read back`);
  });
});

// --- Limits -------------------------------------------------------------------------------

/** `original` lengthened to `length` characters as tables.rs does: `a`s at the end, or in a URL at the start of its last segment. */
const padded = (original, length) => {
  const padding = "a".repeat(Math.max(0, length - [...original].length));
  const slash = original.includes("://") ? original.lastIndexOf("/") : -1;
  return slash < 0 ? original + padding : original.slice(0, slash + 1) + padding + original.slice(slash + 1);
};

/** `items` grown to `count` with copies of the last, ids and titles made unique (as tables.rs does). */
const grown = (items, count) => {
  const uniquify = (value, n) => {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === "string" && ["id", "title", "productRetailerId", "payload"].includes(key)) {
        const suffix = String(n);
        value[key] = [...item].slice(0, Math.max(1, [...item].length - suffix.length)).join("") + suffix;
      } else if (key === "productRetailerIds" && Array.isArray(item)) value[key] = item.map((_, i) => `sku-${n}-${i}`);
      else if (item && typeof item === "object" && !Array.isArray(item)) uniquify(item, n);
    }
  };
  const out = [...items];
  while (out.length < count) {
    const item = structuredClone(items.at(-1));
    uniquify(item, out.length);
    out.push(item);
  }
  return out;
};

/** The maximal message of `kind` without what `provider` leaves out or refuses in it (but a
 *  field it also needs where nothing else says the same: 1MSG's mimeType of a file). */
const sendable = (provider, kind) => {
  const message = structuredClone(PROBES[kind][0][1]);
  const { fields, required } = CAPABILITIES[provider][kind];
  for (const [field, entry] of Object.entries(fields)) {
    if (entry.when || entry.change === "reshaped" || field in required) continue;
    for (const pointer of instances(message, field).reverse()) removeAt(message, pointer);
  }
  return message;
};

test("every limit CAPABILITIES lists is where toProvider starts refusing, with that limit, where the neutral model does not", () => {
  let checked = 0;
  carried((provider, kind, { limits }) => {
    for (const [field, { max, neutral, items }] of Object.entries(limits)) {
      const base = sendable(provider, kind);
      const [pointer] = instances(base, field);
      const at = `${provider} ${kind} ${field} (${pointer})`;
      assert.ok(pointer, `${at}: not in the maximal message`);
      const original = valueAt(base, pointer);
      const withValue = (n) => {
        const message = structuredClone(base);
        setAt(message, pointer, items ? grown(original, n) : padded(original, n));
        return message;
      };
      assert.doesNotThrow(() => wabridge.toProvider(provider, withValue(max)), at);
      assert.throws(
        () => wabridge.toProvider(provider, withValue(max + 1)),
        (e) => e instanceof wabridge.ValidationError && e.violations.some((v) => v.path === pointer && v.limit === max),
        at,
      );
      // The neutral model takes it, up to its own limit.
      assert.deepEqual(wabridge.validate(withValue(max + 1)), [], at);
      if (neutral !== null) {
        assert.deepEqual(wabridge.validate(withValue(neutral)), [], at);
        assert.ok(wabridge.validate(withValue(neutral + 1)).some((v) => v.path === pointer && v.limit === neutral), at);
      }
      checked++;
    }
  });
  assert.ok(checked >= 1, "at least one provider limit checked");
});

test("every field CAPABILITIES says a provider needs is one the neutral model may leave out and toProvider refuses without, at that field", () => {
  let checked = 0;
  carried((provider, kind, { required }) => {
    for (const [field, why] of Object.entries(required)) {
      const base = sendable(provider, kind);
      const [pointer] = instances(base, field);
      const at = `${provider} ${kind} ${field} (${pointer})`;
      assert.ok(pointer, `${at}: not in the maximal message`);
      assert.doesNotThrow(() => wabridge.toProvider(provider, base), at);
      const dropped = (message) => {
        const copy = structuredClone(message);
        const parent = pointer.split("/").slice(1, -1).reduce((o, k) => o[k], copy);
        delete parent[pointer.split("/").at(-1)];
        return copy;
      };
      const without = dropped(base);
      if (wabridge.validate(without).length) {
        // A template needs some name, and without the provider's its others' are left (the
        // maximal message's, which convert leaves out as it fits it): refused as missing there.
        const others = dropped(PROBES[kind][0][1]);
        assert.deepEqual(wabridge.validate(others), [], `${at}: the neutral model takes it without`);
        assert.throws(
          () => wabridge.convert("neutral", provider, others),
          (e) => e instanceof wabridge.ValidationError && e.violations.some((v) => v.path === pointer && v.code === "required" && v.message === why),
          at,
        );
        checked++;
        continue;
      }
      // A field needed only where no extension names it (Bird's MIME type of a file): its
      // message says so, and it is refused once the links and file names lose theirs.
      const refusedWithout = (() => {
        try {
          wabridge.toProvider(provider, without);
          return withoutExtensions(without);
        } catch {
          return without;
        }
      })();
      if (refusedWithout !== without) assert.match(why, /extension/, `${at}: needed only without an extension, and says so`);
      assert.throws(
        () => wabridge.toProvider(provider, refusedWithout),
        (e) => e instanceof wabridge.ValidationError && e.violations.some((v) => v.path === pointer && v.code === "required" && v.message === why),
        at,
      );
      checked++;
    }
  });
  // Each provider's templates need their own names (1MSG a namespace and a name, Meta a name,
  // Bird a Studio project and named variables); 1MSG's flows their token; Bird's files their
  // MIME type where no extension of the link or file name names it.
  for (const kind of ["document", "video", "audio"]) assert.deepEqual(Object.keys(CAPABILITIES.bird[kind].required), ["mimeType"], kind);
  assert.deepEqual(Object.keys(CAPABILITIES.bird.image.required), [], "Bird's image body has no content type");
  assert.deepEqual(Object.keys(CAPABILITIES["1msg"].template.required).sort(), ["name", "namespace"]);
  assert.deepEqual(Object.keys(CAPABILITIES.meta.template.required), ["name"]);
  assert.deepEqual(Object.keys(CAPABILITIES.bird.template.required).sort(), ["components/*/parameters/*/parameterName", "projectId"]);
  assert.ok(checked >= 3, `${checked} checked`);
});

/** `value` with the extension taken off every `link` and `filename` (`…/report.pdf` → `…/report`). */
function withoutExtensions(value) {
  if (Array.isArray(value)) return value.map(withoutExtensions);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) =>
      (key === "link" || key === "filename") && typeof member === "string" ? [key, member.replace(/\.[^./]*$/, "")] : [key, withoutExtensions(member)],
    ),
  );
}

// Refusals that show only on another form of a message than the maximal one: a flow named by
// flowName rather than flowId, a location's address without its name, a file whose link and
// filename name no type. The table states them for 1MSG, and for no provider that takes them.
test("1MSG's refusals of a flow by name, an address without a name and a file without a type are in CAPABILITIES and the table", () => {
  const table = capabilitiesTable(CAPABILITIES);
  const cell = (provider, kind) => table.split("\n").find((line) => line.startsWith(`| \`${kind}\` |`)).split(" | ")[Object.keys(CAPABILITIES).indexOf(provider) + 1];
  const oneMsg = CAPABILITIES["1msg"];

  assert.equal(oneMsg.flow.fields.flowName?.change, "refused");
  assert.match(cell("1msg", "flow"), /refuses `flowName`/);
  const byName = { to: TO, content: { type: "flow", body: "Book a return", flowName: "book_return", flowToken: "t-1", flowCta: "Start" } };
  assert.throws(() => wabridge.toProvider("1msg", byName), (e) => e instanceof wabridge.UnsupportedError && e.path === "/content/flowName");
  assert.equal(CAPABILITIES.meta.flow.fields.flowName, undefined, "Meta sends a flow by name");
  assert.doesNotThrow(() => wabridge.toProvider("meta", byName));

  assert.match(oneMsg.location.required.name, /address only with its name/);
  assert.match(cell("1msg", "location"), /needs `name` \(with `address`\)/);
  const addressOnly = { to: TO, content: { type: "location", latitude: 52.34, longitude: 4.91, address: "Trompenburgstraat 2C" } };
  assert.throws(() => wabridge.toProvider("1msg", addressOnly), (e) => e instanceof wabridge.ValidationError && e.violations.some((v) => v.path === "/content/name" && v.code === "required"));
  for (const provider of ["meta", "bird"]) {
    assert.deepEqual(CAPABILITIES[provider].location.required, {}, provider);
    assert.doesNotThrow(() => wabridge.toProvider(provider, addressOnly), provider);
  }

  for (const kind of ["image", "video", "audio", "document"]) {
    assert.match(oneMsg[kind].required.mimeType ?? "", /extension/, kind);
    // Said once: needed (to name the file) and not sent, not also "no `mimeType`".
    assert.match(cell("1msg", kind), /needs `mimeType` \(or an extension of its link or filename, not sent: it names the file\)/, kind);
    assert.doesNotMatch(cell("1msg", kind), /no [^;]*`mimeType`/, kind);
    const untyped = { to: TO, content: { type: kind, link: "https://media.example.com/files/7f3a" } };
    assert.throws(() => wabridge.toProvider("1msg", untyped), (e) => e instanceof wabridge.ValidationError && e.violations.some((v) => v.path === "/content/mimeType" && v.code === "required"), kind);
    // With its mimeType it is sent (the extension is the type's).
    assert.doesNotThrow(() => wabridge.toProvider("1msg", { ...untyped, content: { ...untyped.content, mimeType: wabridge.MEDIA_RULES.find((r) => r.kind === kind).mimeTypes[0] } }), kind);
  }
  // Meta reads a file's type from the file; Bird's image body takes none.
  for (const kind of ["image", "video", "audio", "document"]) assert.deepEqual(CAPABILITIES.meta[kind].required, {}, kind);
  assert.deepEqual(CAPABILITIES.bird.image.required, {});
});
