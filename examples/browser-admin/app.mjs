// The admin panel's logic: wabridge validates in the browser, no request leaves the page.
import { init, toProvider, validate, validateProvider } from "wabridge";

await init();
const $ = (id) => document.getElementById(id);

function show(violations, body) {
  const result = $("result");
  result.replaceChildren();
  if (violations.length === 0) {
    result.innerHTML = `<p class="ok">Valid.</p>`;
    if (body) result.append(Object.assign(document.createElement("pre"), { textContent: JSON.stringify(body, null, 2) }));
    return;
  }
  const list = document.createElement("ul");
  for (const v of violations) {
    const item = document.createElement("li");
    item.className = "bad";
    item.innerHTML = `<code></code> `;
    item.firstChild.textContent = v.path || "/";
    item.append(`${v.message}${v.limit === undefined ? "" : ` (limit ${v.limit})`}`);
    list.append(item);
  }
  result.append(Object.assign(document.createElement("p"), { className: "bad", textContent: `${violations.length} problem(s):` }), list);
}

$("check").addEventListener("click", () => {
  const provider = $("provider").value;
  const text = $("input").value;
  try {
    if ($("native").checked) return show(validateProvider(provider, text));
    const violations = validate(text, provider);
    show(violations, violations.length ? null : toProvider(provider, JSON.parse(text)));
  } catch (error) {
    // UnsupportedError (the provider cannot send this kind), ArgumentError, …
    $("result").replaceChildren(Object.assign(document.createElement("p"), { className: "bad", textContent: `${error.code}: ${error.message}` }));
  }
});
