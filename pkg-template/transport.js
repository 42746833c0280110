// The transport: moves one request through `fetch` and reads the whole answer. The wasm core
// builds the request and decodes the answer (sans-IO); moving it here, in plain JS, costs a
// fraction of driving `fetch` from wasm (no closures, no property-by-property init building,
// no copy of the body through an ArrayBuffer). clients.js calls it once per attempt.
//
/** Why a request did not complete; what clients.js hands to the core as a transport failure. */
export class TransportFailure {
  constructor(timedOut, message) {
    this.timedOut = timedOut;
    this.message = message;
  }
}

// `headers` comes flat ([name, value, …]); `body` is text (JSON) or bytes (a multipart upload);
// `binary` asks for the answer's body as bytes (a media download) rather than text, and
// `"manual"` also for a redirect to be answered, not followed (a media host's, to the file's
// storage: the core has the client follow it without the credentials).
// Resolves to [status, headers (flat; what decoding needs), body], the body `null` when it was
// lost after the status came; rejects with a TransportFailure when no answer came, or with the
// caller's abort reason. Any fetch-like function works: the answer is read by duck typing
// (`status`, `headers.forEach` or a plain object, `text()` or `arrayBuffer()`), so a minimal
// test double is enough and nothing else can throw past this point.

/** The most of an error answer's body that is read into an error (characters, or bytes). */
const ERROR_BODY_MAX = 64 * 1024;

/**
 * The first ERROR_BODY_MAX bytes of an error answer's body, read from its stream, which is then
 * cancelled: the rest of a huge one is never pulled. `undefined` for a response without a
 * stream (a test double): its `text()` is read, and cut, instead.
 */
async function startOf(response) {
  const reader = typeof response.body?.getReader === "function" ? response.body.getReader() : undefined;
  if (!reader) return undefined;
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A stream yields bytes (from any realm: a test runner's or an iframe's Uint8Array is not
    // this one's); a custom fetch's may yield an ArrayBuffer, text or anything else, read as text.
    const chunk = ArrayBuffer.isView(value)
      ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
      : Object.prototype.toString.call(value) === "[object ArrayBuffer]"
        ? new Uint8Array(value)
        : new TextEncoder().encode(String(value ?? ""));
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size >= ERROR_BODY_MAX) {
      reader.cancel().catch(() => {});
      break;
    }
  }
  const start = new Uint8Array(Math.min(size, ERROR_BODY_MAX));
  let at = 0;
  for (const chunk of chunks) {
    start.set(chunk.subarray(0, start.length - at), at);
    at += Math.min(chunk.byteLength, start.length - at);
  }
  return start;
}

export async function sendRequest(fetchImpl, method, url, flatHeaders, body, timeoutMs, binary, cancel) {
  // The caller's signal (the client's `signal` option, `{ signal, watch }`): aborted, the call
  // rejects with its reason, as fetch does, and is never retried.
  const signal = cancel?.signal;
  if (signal?.aborted) throw signal.reason;
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  let timer;
  let timedOut = false;
  // Once the status has come, the provider has the request: a body lost after it is an answer
  // without a body (`null`), not a request that may not have arrived.
  let answered;
  const late = () => new TransportFailure(true, `no complete answer within ${timeoutMs} ms`);
  // Settles (rejects) when the time is up, whether or not the fetch honours the abort.
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller?.abort();
      reject(late());
    }, timeoutMs);
  });
  deadline.catch(() => {}); // lost races must not be unhandled rejections
  let unwatch;
  const cancelled = cancel && new Promise((_, reject) => {
    unwatch = cancel.watch((reason) => {
      controller?.abort(reason);
      reject(reason);
    });
  });
  cancelled?.catch(() => {});
  const race = (work) => Promise.race(cancelled ? [work, deadline, cancelled] : [work, deadline]);
  try {
    const headers = {};
    for (let i = 0; i + 1 < flatHeaders.length; i += 2) headers[flatHeaders[i]] = flatHeaders[i + 1];
    const init = { method, headers };
    if (body !== undefined) init.body = body;
    if (controller) init.signal = controller.signal;
    // An API call's redirect is answered, never followed: the request would go to another host
    // with what it carries (1MSG's token is in the URL, which a redirect keeps; a 307 re-sends
    // the body). A media download's is returned to the client, which follows it without the
    // credentials (not every runtime's fetch drops an Authorization header across origins);
    // where that leads is fetched with none, following its redirects.
    if (binary === "manual" || !binary) init.redirect = "manual";
    let response = await race(fetchImpl(url, init));
    if (response?.type === "opaqueredirect" && binary === "manual") {
      // A browser hides where a redirect points, and drops the Authorization header when it
      // leads to another origin (the Fetch standard, in every current browser): followed there.
      response = await race(fetchImpl(url, { ...init, redirect: "follow" }));
    }
    const status = response?.status;
    if (response?.type === "opaqueredirect") {
      if (binary) throw new TransportFailure(false, "the media host answered with a redirect that this runtime's fetch hides (a browser's): download it on a server");
      // A browser hides the redirect's status and where it pointed: answered as a redirect (300)
      // all the same, as a server runtime's 3xx is — the provider acted on nothing.
      return [300, [], "a redirect, not followed (a request goes only to the host it was made for; a browser hides where it pointed)"];
    }
    if (typeof status !== "number" || !(status >= 100 && status < 600)) {
      throw new TransportFailure(false, "fetch resolved to something that is not a Response (no HTTP status)");
    }
    // A success is decoded from its body alone (a download also needs its Content-Type); an
    // error's headers matter (Retry-After).
    const flat = [];
    answered = [status, flat, null];
    const h = binary || status < 200 || status >= 300 ? response.headers : undefined;
    if (h && typeof h.forEach === "function") {
      h.forEach((value, name) => flat.push(String(name), String(value)));
    } else if (h && typeof h === "object") {
      for (const [name, value] of Object.entries(h)) flat.push(String(name), String(value));
    }
    let content = binary ? new Uint8Array(0) : "";
    const failed = status < 200 || status >= 300;
    const start = failed ? await race(startOf(response)) : undefined;
    if (start) {
      content = binary ? start : new TextDecoder().decode(start);
    } else if (binary && typeof response.arrayBuffer === "function") {
      content = new Uint8Array(await race(response.arrayBuffer()));
    } else if (typeof response.text === "function") {
      const text = String(await race(response.text()));
      content = binary ? new TextEncoder().encode(text) : text;
    } else if (typeof response.arrayBuffer === "function") {
      content = new TextDecoder().decode(await race(response.arrayBuffer()));
    }
    // An error's body is decoded in the wasm, whose memory only grows: one larger than any
    // documented error (a proxy's page, a hostile media host's gigabyte) is cut to its start,
    // which is what the error says (`raw`) anyway.
    if (failed && content.length > ERROR_BODY_MAX) content = content.slice(0, ERROR_BODY_MAX);
    return [status, flat, content];
  } catch (error) {
    // Once the status has come, the provider has acted on the request, whatever stopped the
    // reading of its body (the caller's abort too): the answer decides — a send's 2xx without
    // its body is an error that says the message probably went, not an abort that hides it.
    if (answered) return answered;
    if (signal?.aborted) throw signal.reason;
    // A fetch the caller wrapped with a signal of their own, aborted: theirs to handle, not a
    // failure to retry (this module's own abort is the timeout's). A fresh AbortError, not the
    // fetch's own: its message and properties may quote the request, credentials and all.
    if (error?.name === "AbortError" && !timedOut) throw new DOMException("the fetch function aborted the request (its own signal, not this client's timeout)", "AbortError");
    if (error instanceof TransportFailure) throw error;
    // A fetch that honours the abort rejects (with its own error) as the time runs out.
    throw timedOut ? late() : new TransportFailure(false, describe(error));
  } finally {
    clearTimeout(timer);
    unwatch?.();
  }
}

/** A thrown value's message, with the cause's code where fetch gives one (ECONNREFUSED, …);
 *  never throws itself (a getter that throws, a value String() cannot print). */
function describe(error) {
  try {
    if (typeof error === "string") return error;
    const message = error?.message;
    const cause = error?.cause && typeof error.cause === "object" ? error.cause.code ?? error.cause.message : undefined;
    if (typeof message === "string") return cause ? `${message} (${cause})` : message;
    return JSON.stringify(error) ?? String(error);
  } catch {
    return "fetch failed with a value that cannot be read";
  }
}

/** Resolves after `ms` milliseconds (retry backoff); rejects with the caller's abort reason when it comes first. */
export function sleep(ms, cancel) {
  if (cancel?.signal.aborted) return Promise.reject(cancel.signal.reason);
  return new Promise((resolve, reject) => {
    const unwatch = cancel?.watch((reason) => {
      clearTimeout(timer);
      reject(reason);
    });
    const timer = setTimeout(() => {
      unwatch?.();
      resolve();
    }, ms);
  });
}
