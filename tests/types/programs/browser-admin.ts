// A browser admin panel (examples/browser-admin/app.mjs, typed): init() once, then preview the
// same neutral message as each provider's body, with what each provider does not take as it
// is marked at its field. Needs lib "dom".
import {
  init, convert, validateProvider, CAPABILITIES, UnsupportedError, ValidationError,
  type Conversion, type FitChange, type FitMode, type Provider, type Support, type Violation,
} from "wabridge";

await init();

const PROVIDERS: readonly Provider[] = ["meta", "bird", "1msg"];
const NAMES: Record<Provider, string> = { meta: "Meta", bird: "Bird", "1msg": "1MSG" };

type MarkKind = FitChange["kind"] | "violation" | "unsupported" | "error";
interface Mark {
  kind: MarkKind;
  /** Where to show it in the preview. */
  pointer: string;
  /** The field of the input it is about; absent for content a reshape made. */
  input?: string;
  text: string;
  /** What to add next to the input (the same for every provider it applies to). */
  detail: string;
}
interface Preview {
  provider: Provider;
  target: Provider | "neutral";
  operation?: string;
  body?: Record<string, unknown>;
  more: Conversion["more"];
  marks: Mark[];
}

const limitText = (limit: number | undefined) => (limit === undefined ? "" : ` (limit ${limit})`);

function changeMark(change: FitChange, target: Provider | "neutral"): Mark {
  const part = change.part ? ` (message ${change.part + 1})` : "";
  const pointer = target === "neutral" ? change.source ?? change.pointer : change.pointer;
  const leads: Record<FitChange["kind"], string> = {
    lossy: `not carried by ${target === "neutral" ? "the neutral model" : target}`,
    truncated: "shortened",
    reshaped: "reshaped",
  };
  const detail = change.kind === "truncated" ? limitText(change.limit) : change.kind === "reshaped" ? ` — ${change.message}` : "";
  return { kind: change.kind, pointer, input: change.source, text: `${leads[change.kind]}: ${pointer} — ${change.message}${part}`, detail };
}

function violationMark(violation: Violation): Mark {
  const pointer = violation.path || "/";
  const what = `${violation.message}${limitText(violation.limit)}`;
  return { kind: "violation", pointer, input: violation.path, text: `invalid: ${pointer} — ${what}`, detail: ` — ${what}` };
}

function supportOf(provider: Provider, kind: string): Support | undefined {
  const kinds: { readonly [kind: string]: { readonly support: Support } | undefined } = CAPABILITIES[provider];
  return kinds[kind]?.support;
}

function errorMarks(error: unknown): Mark[] {
  if (error instanceof ValidationError) return error.violations.map(violationMark);
  if (error instanceof UnsupportedError) {
    const support = supportOf(error.provider, error.kind);
    const why = support === "notYet" ? "not sent by this version of wabridge yet" : "the message is refused";
    return [{ kind: "unsupported", pointer: error.path, input: error.path, text: `cannot send: ${error.path} — ${error.message}${support ? ` (support: ${support})` : ""}`, detail: ` — ${why}` }];
  }
  const text = error instanceof Error ? `${(error as Error & { code?: string }).code ?? error.name}: ${error.message}` : String(error);
  return [{ kind: "error", pointer: "/", text, detail: "" }];
}

function previewNeutral(provider: Provider, message: Record<string, unknown>, fit: FitMode): Preview {
  try {
    const conversion: Conversion = convert("neutral", provider, message, { fit });
    return { provider, target: provider, operation: conversion.operation, body: conversion.body, more: conversion.more, marks: conversion.changes.map((c) => changeMark(c, provider)) };
  } catch (error) {
    return { provider, target: provider, more: [], marks: errorMarks(error) };
  }
}

function previewNative(provider: Provider, text: string, operation: string): Preview {
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

interface InputMark {
  kind: MarkKind;
  pointer: string;
  text: string;
}

function inputMarks(previews: Preview[]): InputMark[] {
  const verbs: Partial<Record<MarkKind, string>> = { lossy: "not carried by", unsupported: "not carried by", violation: "invalid for", truncated: "shortened for", reshaped: "reshaped for" };
  const groups = new Map<string, { kind: MarkKind; pointer: string; verb: string; detail: string; providers: Provider[] }>();
  for (const preview of previews) {
    for (const mark of preview.marks) {
      const verb = verbs[mark.kind];
      if (mark.input === undefined || !verb) continue;
      const pointer = mark.input || "/";
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

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function markItem(mark: { kind: MarkKind; pointer: string; text: string }, ...children: (Node | string)[]): HTMLLIElement {
  const item = element("li", { className: `mark ${mark.kind}` }, ...(children.length ? children : [mark.text]));
  item.dataset.kind = mark.kind;
  item.dataset.pointer = mark.pointer;
  return item;
}

function previewSection(preview: Preview): HTMLElement {
  const section = element("section", { className: "preview" });
  section.dataset.provider = preview.provider;
  section.dataset.state = !preview.body ? "refused" : preview.marks.length ? "changed" : "ok";
  section.append(element("h2", { textContent: preview.target === "neutral" ? `${NAMES[preview.provider]} body → neutral` : NAMES[preview.provider] }));
  if (preview.operation) section.append(element("p", {}, "endpoint ", element("code", { className: "operation", textContent: preview.operation })));
  if (preview.body) section.append(element("pre", { className: "body", textContent: JSON.stringify(preview.body, null, 2) }));
  for (const next of preview.more) section.append(element("pre", { className: "body more", textContent: `${next.operation ?? ""}\n${JSON.stringify(next.body, null, 2)}` }));
  if (preview.marks.length) section.append(element("ul", { className: "marks" }, ...preview.marks.map((mark) => markItem(mark))));
  return section;
}

const input = document.querySelector<HTMLTextAreaElement>("#input")!;
const fitSelect = document.querySelector<HTMLSelectElement>("#fit")!;
const native = document.querySelector<HTMLInputElement>("#native")!;
const operationInput = document.querySelector<HTMLInputElement>("#operation")!;
const previewsBox = document.querySelector<HTMLDivElement>("#previews")!;
const inputMarksList = document.querySelector<HTMLUListElement>("#input-marks")!;

const isProvider = (value: string): value is Provider => (PROVIDERS as readonly string[]).includes(value);
const isFit = (value: string): value is FitMode => value === "strict" || value === "truncate" || value === "adapt";

function render(): void {
  const shown = document.querySelector<HTMLInputElement>('input[name="provider"]:checked')?.value ?? "all";
  const providers: readonly Provider[] = isProvider(shown) ? [shown] : PROVIDERS;
  let previews: Preview[];
  if (native.checked) {
    previews = providers.map((provider) => previewNative(provider, input.value, operationInput.value.trim()));
  } else {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(input.value) as Record<string, unknown>;
    } catch (error) {
      inputMarksList.replaceChildren(markItem({ kind: "error", pointer: "/", text: `not JSON: ${(error as SyntaxError).message}` }));
      previewsBox.replaceChildren();
      return;
    }
    const fit: FitMode = isFit(fitSelect.value) ? fitSelect.value : "strict";
    previews = providers.map((provider) => previewNeutral(provider, message, fit));
  }
  inputMarksList.replaceChildren(...inputMarks(previews).map((mark) => markItem(mark, element("code", { textContent: mark.pointer }), `: ${mark.text}`)));
  previewsBox.replaceChildren(...previews.map(previewSection));
}

// NodeList is iterable only with lib "dom.iterable": forEach works with lib "dom" alone.
document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name="provider"], #fit, #native').forEach((control) => control.addEventListener("change", render));
input.addEventListener("input", render);
document.querySelector("#check")!.addEventListener("click", render);
render();
