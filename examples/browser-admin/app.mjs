// The admin panel's logic: wabridge converts in the browser, no request leaves the page.
// One neutral message is previewed as each provider's body, side by side, with what each
// provider cannot carry (or had to shorten or reshape, or refuses) marked at its field, and
// the same fields marked next to the input. Every string from the user or a body goes in
// through textContent.
import { CAPABILITIES, UnsupportedError, ValidationError, convert, init, validateProvider } from "wabridge";

await init();

const PROVIDERS = ["meta", "bird", "1msg"];
const NAMES = { meta: "Meta", bird: "Bird", "1msg": "1MSG" };
const $ = (id) => document.getElementById(id);

/**
 * A mark: one thing a provider did not take as it was given.
 * @typedef {{ kind: "lossy" | "truncated" | "reshaped" | "violation" | "unsupported" | "error",
 *   pointer: string, input?: string, text: string, detail: string }} Mark
 * `pointer` is where to show it in the preview; `input`, the field of the input it is about
 * (absent when the input has no such field: content a reshape made, a document that is not JSON);
 * `detail`, what to add to it next to the input (the same for every provider it applies to).
 * @typedef {{ provider: string, target: string, operation?: string, body?: object,
 *   more: { body: object, operation?: string }[], marks: Mark[] }} Preview
 */

const limitText = (limit) => (limit === undefined ? "" : ` (limit ${limit})`);

/** A change `convert` reported, as a mark; `target` is the provider (or "neutral") converted to. */
function changeMark(change, target) {
  const part = change.part ? ` (message ${change.part + 1})` : "";
  // Converting to the neutral model, the pointer that means something to the user is the
  // one in the provider's body they pasted.
  const pointer = target === "neutral" ? change.source ?? change.pointer : change.pointer;
  const lead = { lossy: `not carried by ${target === "neutral" ? "the neutral model" : target}`, truncated: "shortened", reshaped: "reshaped" }[change.kind] ?? change.kind;
  const detail = change.kind === "truncated" ? limitText(change.limit) : change.kind === "reshaped" ? ` — ${change.message}` : "";
  return { kind: change.kind, pointer, input: change.source, text: `${lead}: ${pointer} — ${change.message}${part}`, detail };
}

function violationMark(violation) {
  const pointer = violation.path || "/";
  return { kind: "violation", pointer, input: violation.path, text: `invalid: ${pointer} — ${violation.message}${limitText(violation.limit)}`, detail: ` — ${violation.message}${limitText(violation.limit)}` };
}

/** Whether `provider` will never send the content kind, or this version of wabridge does not yet. */
function supportOf(provider, kind) {
  return CAPABILITIES[provider]?.[kind]?.support;
}

function errorMarks(error) {
  if (error instanceof ValidationError) return error.violations.map(violationMark);
  if (error instanceof UnsupportedError) {
    const support = supportOf(error.provider, error.kind);
    const why = support === "notYet" ? "not sent by this version of wabridge yet" : "the message is refused";
    return [{ kind: "unsupported", pointer: error.path, input: error.path, text: `cannot send: ${error.path} — ${error.message}${support ? ` (support: ${support})` : ""}`, detail: ` — ${why}` }];
  }
  // ArgumentError (say, JSON that is not an object), or a bug.
  return [{ kind: "error", pointer: "/", text: `${error.code ?? error.name}: ${error.message}`, detail: "" }];
}

/** What `provider` makes of the neutral `message` under `fit`. Never throws. */
function previewNeutral(provider, message, fit) {
  try {
    const conversion = convert("neutral", provider, message, { fit });
    return { provider, target: provider, operation: conversion.operation, body: conversion.body, more: conversion.more, marks: conversion.changes.map((c) => changeMark(c, provider)) };
  } catch (error) {
    return { provider, target: provider, more: [], marks: errorMarks(error) };
  }
}

/** `text` read as `provider`'s own request body: its violations, or the neutral message it is. */
function previewNative(provider, text, operation) {
  const options = provider === "1msg" && operation ? { operation } : {};
  try {
    const violations = validateProvider(provider, text, options);
    if (violations.length) return { provider, target: "neutral", more: [], marks: violations.map(violationMark) };
    const conversion = convert(provider, "neutral", text, options);
    return { provider, target: "neutral", body: conversion.body, more: [], marks: conversion.changes.map((c) => changeMark(c, "neutral")) };
  } catch (error) {
    return { provider, target: "neutral", more: [], marks: errorMarks(error) };
  }
}

/** The fields of the input some provider shown did not take, each once, naming the providers. */
function inputMarks(previews) {
  const groups = new Map();
  for (const preview of previews) {
    for (const mark of preview.marks) {
      if (mark.input === undefined) continue;
      const pointer = mark.input || "/";
      const verb = { lossy: "not carried by", unsupported: "not carried by", violation: "invalid for", truncated: "shortened for", reshaped: "reshaped for" }[mark.kind];
      if (!verb) continue;
      const key = `${pointer}\u0000${mark.kind}\u0000${mark.detail}`;
      const group = groups.get(key) ?? { kind: mark.kind, pointer, verb, detail: mark.detail, providers: [] };
      group.providers.push(preview.provider);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0))
    .map((g) => ({ kind: g.kind, pointer: g.pointer, text: `${g.verb} ${g.providers.join(", ")}${g.detail}` }));
}

// ---- Rendering: elements and textContent only.

function element(tag, properties = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

const pretty = (body) => JSON.stringify(body, null, 2);

/** A mark as a list item; `children` default to its text. */
function markItem(mark, ...children) {
  const item = element("li", { className: `mark ${mark.kind}` }, ...(children.length ? children : [mark.text]));
  item.dataset.kind = mark.kind;
  item.dataset.pointer = mark.pointer;
  return item;
}

function status(preview) {
  if (!preview.body) return element("p", { className: "status bad", textContent: preview.target === "neutral" ? `Not a valid ${NAMES[preview.provider]} body` : "Refused: cannot be sent" });
  if (preview.marks.length === 0) return element("p", { className: "status ok", textContent: preview.target === "neutral" ? `Valid ${NAMES[preview.provider]} body` : "Sendable as it is" });
  const n = preview.marks.length;
  return element("p", { className: "status warn", textContent: `Sendable, with ${n} change${n === 1 ? "" : "s"}` });
}

function previewSection(preview) {
  const section = element("section", { className: "preview" });
  section.dataset.provider = preview.provider;
  section.dataset.state = !preview.body ? "refused" : preview.marks.length ? "changed" : "ok";
  section.append(element("h2", { textContent: preview.target === "neutral" ? `${NAMES[preview.provider]} body → neutral` : NAMES[preview.provider] }), status(preview));
  if (preview.operation) section.append(element("p", {}, "endpoint ", element("code", { className: "operation", textContent: preview.operation })));
  if (preview.body) section.append(element("pre", { className: "body", textContent: pretty(preview.body) }));
  if (preview.more.length) {
    section.append(element("p", { textContent: `then ${preview.more.length} more message${preview.more.length === 1 ? "" : "s"}:` }));
    for (const next of preview.more) {
      if (next.operation) section.append(element("p", {}, "endpoint ", element("code", { className: "operation more", textContent: next.operation })));
      section.append(element("pre", { className: "body more", textContent: pretty(next.body) }));
    }
  }
  if (preview.marks.length) section.append(element("ul", { className: "marks" }, ...preview.marks.map((mark) => markItem(mark))));
  return section;
}

function render() {
  const shown = document.querySelector('input[name="provider"]:checked')?.value ?? "all";
  const providers = shown === "all" ? PROVIDERS : [shown];
  const native = $("native").checked;
  const text = $("input").value;
  $("operation-field").hidden = !native;
  let previews;
  if (native) {
    previews = providers.map((provider) => previewNative(provider, text, $("operation").value.trim()));
  } else {
    let message;
    try {
      message = JSON.parse(text);
    } catch (error) {
      $("input-marks").replaceChildren(markItem({ kind: "error", pointer: "/", text: `not JSON: ${error.message}`, detail: "" }));
      $("previews").replaceChildren();
      return;
    }
    const fit = $("fit").value;
    previews = providers.map((provider) => previewNeutral(provider, message, fit));
  }
  const marks = inputMarks(previews);
  const clean = previews.every((preview) => preview.body && preview.marks.length === 0);
  $("input-marks").replaceChildren(
    ...marks.map((mark) => markItem(mark, element("code", { textContent: mark.pointer }), `: ${mark.text}`)),
    ...(clean ? [element("li", { className: "ok", textContent: `every field taken as it is by ${providers.join(", ")}` })] : []),
  );
  $("previews").replaceChildren(...previews.map(previewSection));
}

for (const control of document.querySelectorAll('input[name="provider"], #fit, #native')) control.addEventListener("change", render);
for (const control of [$("input"), $("operation")]) control.addEventListener("input", render);
$("check").addEventListener("click", render);
render();
