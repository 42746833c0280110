// Declarations for projects on `exactOptionalPropertyTypes`: there `name?: T` refuses an
// explicit `undefined` (`{ caption: event.media?.caption }`), which every wabridge input takes
// (JSON drops it; the readers treat it as absent). So each optional property of an interface or
// object type, nested ones and several on one line included, is written `name?: T | undefined`
// — but in an object type a method returns inline, an answer to read, not to write.
// Used by scripts/build.mjs on the generated and the hand-written declarations.

/** What stays as written, as [start, end) pairs: comments, and the object types a method
 *  returns inline (`): Promise<{ result?: string }>`), which are answers, not inputs — a caller
 *  who annotates one as it reads keeps compiling. */
function keptRanges(text) {
  const ranges = [];
  for (const match of text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)) ranges.push([match.index, match.index + match[0].length]);
  const comments = ranges.slice();
  for (const match of text.matchAll(/\)\s*:\s*/g)) {
    // Not in a comment's prose ("(BSUID, …): the customer's id"), whose apostrophe would be
    // read as a string's start and keep everything up to the next one.
    if (comments.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const start = match.index + match[0].length;
    ranges.push([start, typeEnd(text, start)]);
  }
  return ranges;
}

/** The end of the type that starts at `start`: the `;`, `,`, `}` or line end at its own depth. */
function typeEnd(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === "`") {
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close;
    } else if (c === "{" || c === "(" || c === "[" || c === "<") depth++;
    else if (c === ">" && text[i - 1] !== "=") depth--;
    else if (c === "}" || c === ")" || c === "]") {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === ";" || c === "," || c === "\n")) return i;
  }
  return text.length;
}

/** `type` with what its brackets enclose blanked: what it says at its own level. */
function outermost(type) {
  let depth = 0;
  let out = "";
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    const arrow = c === ">" && type[i - 1] === "=";
    if (!arrow && "{([<".includes(c)) depth++;
    if (depth === 0) out += c;
    if (!arrow && "})]>".includes(c)) depth--;
  }
  return out;
}

/** `text` with every optional property's type also taking `undefined` (see above). */
export function optionalTakesUndefined(text) {
  const kept = keptRanges(text);
  const inKept = (at) => kept.some(([start, end]) => at >= start && at < end);
  // A member starts a line, or follows `{` or `;`: not a parameter (`(a?: T)`).
  const member = /(?<=^[ \t]*|[{;][ \t]*)(?:readonly\s+)?(?:"[^"\n]+"|[A-Za-z_$][\w$]*)\?:[ \t]*/gm;
  let out = "";
  let copied = 0;
  for (const match of text.matchAll(member)) {
    if (inKept(match.index) || match.index < copied) continue;
    const start = match.index + match[0].length;
    const end = typeEnd(text, start);
    const written = text.slice(start, end).trimEnd();
    if (!written) continue;
    // Its own members first (an object type's).
    const type = optionalTakesUndefined(written);
    const top = outermost(type);
    // A function or conditional type binds looser than `|`: in parentheses.
    const wrapped = /=>|\bextends\b/.test(top) ? `(${type})` : type;
    out += text.slice(copied, start) + (/\bundefined\b/.test(top) ? type : `${wrapped} | undefined`);
    copied = start + written.length;
  }
  return out + text.slice(copied);
}
