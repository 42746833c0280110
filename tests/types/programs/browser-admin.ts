// A browser admin panel: init() once, then validate and convert what the user pasted.
// Needs lib "dom".
import { init, toProvider, validate, validateProvider, convert, fromProvider, type Provider, type Violation } from "wabridge";

await init();

const input = document.querySelector<HTMLTextAreaElement>("#input")!;
const providerSelect = document.querySelector<HTMLSelectElement>("#provider")!;
const output = document.querySelector<HTMLPreElement>("#output")!;

function show(violations: Violation[]) {
  output.textContent = violations.map((v) => `${v.path || "/"} ${v.code}${v.limit === undefined ? "" : ` (limit ${v.limit})`}: ${v.message}`).join("\n");
}

document.querySelector("#check")!.addEventListener("click", () => {
  const provider = providerSelect.value as Provider;
  const text = input.value;
  const native = validateProvider(provider, text);
  if (native.length === 0) {
    const neutral = fromProvider(provider, text);
    output.textContent = JSON.stringify(convert(provider, "neutral", text).body, null, 2) + JSON.stringify(neutral);
    return;
  }
  const message = JSON.parse(text);
  const violations = validate(message, provider);
  if (violations.length) return show(violations);
  output.textContent = JSON.stringify(toProvider(provider, message), null, 2);
});
