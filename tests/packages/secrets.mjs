// Credentials never leave through errors, and the Meta token reaches only Meta. Runs in every
// runtime (called at the end of conformance.mjs), with fetch doubles only: no network.
// Returns one { name, ok, error? } per check, like conformance().
//
// Each client's credential is a sentinel with characters a URL or JSON encodes (`+ / = %`,
// space, non-ASCII), between two ASCII markers that no encoding touches: if any spelling of
// the sentinel survives anywhere — raw, percent-encoded (upper or lower hex, `+` for space)
// or JSON-escaped — a marker survives with it.

import { check, checkList, rejection, same } from "./checks.mjs";

const HEAD = "s3cr3tHEAD";
const TAIL = "s3cr3tTAIL";
const ASCII_SECRET = `${HEAD}+/=% x${TAIL}`; // header values must be bytes: no non-ASCII
const SECRET = `${HEAD}+/=% é✓${TAIL}`; // 1MSG's token travels in the URL query
const META_DOMAINS = ["fbsbx.com", "facebook.com", "fbcdn.net"];

/** Every text an error shows: message, stack, String(), JSON, request, raw, cause, props. */
function texts(error) {
  const request = error?.request;
  return {
    "String(err)": String(error),
    message: error?.message,
    stack: error?.stack,
    "JSON.stringify(err)": JSON.stringify(error),
    "request.url": request?.url,
    "request.headers": JSON.stringify(request?.headers),
    "request.body": request?.body,
    raw: error?.raw,
    cause: error?.cause === undefined ? undefined : String(error.cause?.stack ?? error.cause),
    "own properties": JSON.stringify(Object.entries(error ?? {})),
  };
}

/** The secrets' bytes encoded whole, where the markers do not survive: base64 (standard and
 *  URL-safe, as after `user:` in Basic credentials) and hex. */
const utf8 = (text) => new TextEncoder().encode(text);
const base64 = (bytes) => btoa(String.fromCharCode(...bytes));
const WHOLE = [ASCII_SECRET, SECRET].flatMap((secret) => {
  const basic = base64(utf8(`u:${secret}`));
  const hex = [...utf8(secret)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return [base64(utf8(secret)), basic, basic.replaceAll("+", "-").replaceAll("/", "_"), hex, hex.toUpperCase()];
});

function assertClean(error, what, { code = "string" } = {}) {
  check(error instanceof Error && typeof error.code === code, `${what}: expected a wabridge error, got ${error}`);
  for (const [where, text] of Object.entries(texts(error))) {
    if (text === undefined || text === null) continue;
    check(!String(text).includes(HEAD) && !String(text).includes(TAIL), `${what}: the credential leaks through ${where}: ${text}`);
    for (const form of WHOLE) check(!String(text).includes(form), `${what}: the credential leaks encoded whole (${form}) through ${where}: ${text}`);
  }
}

/** HTML character references for every character, decimal and hex in turn, as a page escapes. */
const htmlEscaped = (text) => [...text].map((c, i) => (i % 2 ? `&#${c.codePointAt(0)};` : `&#x${c.codePointAt(0).toString(16)};`)).join("");

/** PHP-style JSON: `/` and non-ASCII escaped (`\/`, `\u00e9`), as some servers echo them. */
const escapedJson = (value) =>
  JSON.stringify(value)
    .replaceAll("/", "\\/")
    .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Fetch doubles that quote what they were given (URL and headers) back in every way. */
function hostileFetches(echo) {
  const quote = (url, init) => `${url} ${JSON.stringify(init?.headers ?? {})}`;
  return {
    "fetch throws a TypeError quoting the URL and headers": async (url, init) => {
      throw new TypeError(`failed to fetch ${quote(url, init)}`);
    },
    "fetch throws with a cause quoting the URL": async (url, init) => {
      throw new TypeError("fetch failed", { cause: new Error(`connect ECONNREFUSED ${quote(url, init)}`) });
    },
    "a 502 HTML page quoting the URL": async (url, init) =>
      new Response(`<html><body><a href="${url}">${quote(url, init)}</a> ${encodeURIComponent(url)}</body></html>`, { status: 502, headers: { "content-type": "text/html" } }),
    "a 200 HTML page quoting the URL": async (url, init) => new Response(`<p>${quote(url, init)}</p>`, { status: 200 }),
    "the provider's 401 echoing the credential": async () => new Response(echo(JSON.stringify), { status: 401, headers: { "content-type": "application/json" } }),
    "the provider's 401 echoing it with escaped JSON": async () => new Response(echo(escapedJson), { status: 401, headers: { "content-type": "application/json" } }),
    "the provider's 401 echoing it as HTML character references": async () => new Response(echo((v) => JSON.stringify(htmlEscaped(v))), { status: 401 }),
    "the provider's 401 echoing it base64-encoded, alone and in Basic credentials": async () =>
      new Response(echo((v) => JSON.stringify(`${base64(utf8(v))} Basic ${base64(utf8(`u:${v}`))} ${base64(utf8(`u:${v}`)).replaceAll("+", "-").replaceAll("/", "_")}`)), { status: 401 }),
    "the provider's 401 echoing it hex-encoded": async () => new Response(echo((v) => JSON.stringify([...utf8(v)].map((b) => b.toString(16).padStart(2, "0")).join(""))), { status: 401 }),
    "the provider's 400 echoing it percent-encoded": async (url) => new Response(echo((v) => JSON.stringify(v.replaceAll(SECRET, encodeURIComponent(SECRET)).replaceAll(ASCII_SECRET, new URLSearchParams({ t: ASCII_SECRET }).toString().slice(2))) + ` ${url}`), { status: 400 }),
  };
}

const message = { to: "+16505551234", content: { type: "text", body: "secrets" } };

export async function secrets(wabridge, { baseUrl } = {}) {
  const { checks, run } = checkList();
  const proxy = "https://proxy.example:8443/wa";

  const clients = {
    meta: {
      make: (fetch) => new wabridge.MetaClient({ token: ASCII_SECRET, phoneNumberId: "1000000001", baseUrl: proxy, fetch, retry: false }),
      echo: (json) => `{"error":{"message":${json(`Invalid OAuth access token - Cannot parse access token ${ASCII_SECRET}`)},"type":"OAuthException","code":190,"fbtrace_id":${json(ASCII_SECRET)}}}`,
      calls: [(c) => c.send(message), (c) => c.getMedia("123"), (c) => c.downloadMedia(`${proxy}/meta-media/1`)],
    },
    bird: {
      make: (fetch) => new wabridge.BirdClient({ accessKey: ASCII_SECRET, workspaceId: "7a9f1c2e-0000-4000-a000-000000000001", channelId: "8e046034-0000-4000-a000-000000000002", baseUrl: proxy, fetch, retry: false }),
      echo: (json) => `{"code":${json(`Unauthorized ${ASCII_SECRET}`)},"message":${json(`invalid access key ${ASCII_SECRET}`)},"details":{"key":[${json(ASCII_SECRET)}]}}`,
      calls: [(c) => c.send(message), (c) => c.downloadMedia(`${proxy}/workspaces/w/messages/m/media/f`)],
    },
    "1msg": {
      make: (fetch) => new wabridge.OneMsgClient({ token: SECRET, instanceId: "123456", baseUrl: proxy, fetch, retry: false }),
      echo: (json) => `{"error":${json(`Wrong token "${SECRET}" for channel "123456". Please provide token as a GET parameter.`)}}`,
      calls: [(c) => c.send(message), (c) => c.downloadMedia(`${proxy}/files/1`)],
    },
  };

  for (const [provider, { make, echo, calls }] of Object.entries(clients)) {
    await run(`${provider}: the credential appears in no error text, however the failure quotes it`, async () => {
      let redactions = 0;
      for (const [scenario, fetch] of Object.entries(hostileFetches(echo))) {
        for (const call of calls) {
          // A 2xx answer to downloadMedia is the media itself: nothing to inspect.
          const error = await call(make(fetch)).then(() => null, (e) => e);
          if (error === null && scenario.includes("200")) continue;
          assertClean(error, `${provider}, ${scenario}`);
          if (JSON.stringify(texts(error)).includes("[redacted]")) redactions++;
        }
      }
      check(redactions > 0, `${provider}: nothing was redacted (the doubles did not quote the credential?)`);
    });
  }

  await run("a fetch that rejects with its own AbortError quoting the request: an AbortError, the credential in none of it", async () => {
    for (const [provider, { make }] of Object.entries(clients)) {
      const error = await make(async (url, init) => {
        throw Object.assign(new DOMException(`aborted ${url} ${JSON.stringify(init?.headers ?? {})}`, "AbortError"), { url, headers: init?.headers });
      }).send(message).then(() => null, (e) => e);
      same(error?.name, "AbortError", `${provider}: still an abort`);
      assertClean(error, `${provider}, the fetch's own AbortError`, { code: "number" });
    }
  });

  await run("meta: a media URL getMedia answered with, refused by downloadMedia, is quoted without the token", async () => {
    const answer = { messaging_product: "whatsapp", id: "1", url: `https:/lookaside.fbsbx.com/x?access_token=${encodeURIComponent(ASCII_SECRET)}`, mime_type: "image/png" };
    const messenger = wabridge.createMessenger({ provider: "meta", token: ASCII_SECRET, phoneNumberId: "1", baseUrl: proxy, retry: false, fetch: async () => Response.json(answer) });
    const error = await rejection(messenger.downloadMedia({ id: "1" }));
    check(error instanceof wabridge.ArgumentError && /is not an absolute URL/.test(error.message), `refused: ${error}`);
    assertClean(error, "the refusal");
    check(error.message.includes("[redacted]"), `the URL is still quoted, token redacted: ${error.message}`);
  });

  await run("1msg: a webhook URL's shared token, set through setWebhook or updateSettings, appears in none of that call's errors", async () => {
    const hookToken = `${HEAD}/hook+t${TAIL}`;
    const hookUrl = `https://me.example/1msg?secret=${encodeURIComponent(hookToken)}`;
    const fetches = {
      "a network failure": async () => {
        throw new TypeError("fetch failed");
      },
      "a 500": async () => new Response("oops", { status: 500 }),
      "a 400 echoing the URL": async (url, init) => Response.json({ error: `cannot reach ${JSON.parse(init.body).webhookUrl}` }, { status: 400 }),
    };
    for (const [name, fetch] of Object.entries(fetches)) {
      const client = clients["1msg"].make(fetch);
      for (const [call, run] of [["setWebhook", () => client.setWebhook(hookUrl)], ["updateSettings", () => client.updateSettings({ webhookUrl: hookUrl })]]) {
        const error = await run().then(() => null, (e) => e);
        assertClean(error, `${call}, ${name}`);
        check(String(error.request?.body).includes("[redacted]"), `${call}, ${name}: the body is quoted, token redacted (${error.request?.body})`);
      }
    }
  });

  await run("1msg: the token, percent-encoded in the URL, is redacted from err.request.url", async () => {
    let sent;
    const error = await rejection(
      clients["1msg"].make(async (url) => {
        sent = url;
        return new Response('{"error":"nope"}', { status: 401 });
      }).send(message),
    );
    check(sent.endsWith(`token=${encodeURIComponent(SECRET)}`), `the token travels percent-encoded (got ${sent})`);
    check(error.request.url.endsWith("token=[redacted]"), `request.url: ${error.request.url}`);
    assertClean(error, "1msg 401");
  });

  // The Meta token goes only to Meta (https, default port, *.fbsbx.com / *.facebook.com /
  // *.fbcdn.net) or to baseUrl's exact origin, as *this runtime's* URL parser reads the URL.
  // The full table is tests/fixtures/url-hosts.json (Rust and Node); these are its sharpest
  // cases, re-checked against each runtime's own `new URL`.
  await run("meta: downloadMedia sends the token only to hosts this runtime's fetch reads as Meta's", async () => {
    const cases = [
      ["https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", true],
      ["https://evil.example\\.fbsbx.com/x", false],
      ["https:\\\\evil.example/x", false],
      ["https:\\\\lookaside.fbsbx.com/x", true],
      ["https://lookaside.fbsbx.com@evil.example/", false],
      ["https://evil.example@lookaside.fbsbx.com/", false],
      ["https://lookaside%2efbsbx%2ecom/x", true],
      ["https://evil.example%2f.fbsbx.com/", false],
      ["https://lookaside.fbsbx.com.evil.example/", false],
      ["https://lookaside\uFF0Efbsbx\uFF0Ecom/", false],
      ["https://lookaside.fbsbx.com\u3002evil.example/", false],
      ["https://lookaside.fbsbx.com./x", false],
      ["https://lookaside.fbsbx.com:443/x", true],
      ["https://lookaside.fbsbx.com:8443/x", false],
      ["HTTPS://LOOKASIDE.FBSBX.COM/X", true],
      ["https://evil.exa\tmple.fbsbx.com/x", true],
      ["https://lookaside.fbsbx.com\n.evil.example/", false],
      ["  https://lookaside.fbsbx.com/x", true],
      ["//lookaside.fbsbx.com/x", false],
      ["https:lookaside.fbsbx.com/x", false],
      ["http://lookaside.fbsbx.com/x", false],
      ["https://lookaside.fbsbx.com.0x7f/x", false],
      ["https://[::1]/x", false],
      ["https://proxy.example:8443/media/1", true],
      ["https://proxy.example/media/1", false],
      ["blob:https://lookaside.fbsbx.com/0f1e", false],
      ["javascript:fetch('https://evil.example')", false],
    ];
    const base = new URL(proxy);
    for (const [url, expected] of cases) {
      const seen = [];
      const fetch = async (target, init) => {
        seen.push({ target, init });
        return new Response("media", { headers: { "content-type": "image/jpeg" } });
      };
      let error = null;
      try {
        await clients.meta.make(fetch).downloadMedia(url);
      } catch (e) {
        error = e;
      }
      for (const { target, init } of seen) {
        const parsed = new URL(target);
        const meta = parsed.protocol === "https:" && parsed.port === "" && META_DOMAINS.some((d) => parsed.hostname.endsWith(`.${d}`));
        const toBase = parsed.protocol === base.protocol && parsed.host === base.host;
        check(meta || toBase, `${JSON.stringify(url)}: the token went to ${parsed.host}`);
        check(JSON.stringify(init.headers).includes(HEAD), `${JSON.stringify(url)}: sent without the token?`);
      }
      check(seen.length === (expected ? 1 : 0), `${JSON.stringify(url)}: expected ${expected ? "one request" : "a refusal"}, got ${seen.length} request(s), error ${error}`);
      if (!expected) {
        check(error instanceof wabridge.ArgumentError, `${JSON.stringify(url)}: refused with an ArgumentError (got ${error})`);
        assertClean(error, JSON.stringify(url));
      }
    }
  });

  // Bird's access key goes only to Bird's media hosts (https, default port, *.bird.com,
  // *.messagebird.com) or baseUrl's origin, as this runtime reads the URL; its media host's
  // redirect to the file's storage is followed without it; 1MSG's file links get no token.
  await run("bird and 1msg: downloadMedia sends the credential only to the provider's media hosts, never along a redirect or to a file link", async () => {
    const storage = "https://bucket.s3.eu-west-1.amazonaws.com/f?X-Amz-Signature=abc";
    const cases = [
      ["https://media.api.bird.com/workspaces/w/messages/m/media/f", true],
      ["https://media.nest.messagebird.com/workspaces/w/media/f", true],
      ["https://evil.example\\.bird.com/x", false],
      ["https://media.api.bird.com@evil.example/", false],
      ["https://media.api.bird.com.evil.example/", false],
      ["https://media.api.bird.com./x", false],
      ["https://media.api.bird.com:8443/x", false],
      ["http://media.api.bird.com/x", false],
      ["https://proxy.example:8443/workspaces/w/messages/m/media/f", true],
      ["//media.api.bird.com/x", false],
    ];
    for (const [url, expected] of cases) {
      const seen = [];
      const fetch = async (target, init) => {
        seen.push({ target: String(target), init });
        return seen.length === 1 ? new Response(null, { status: 302, headers: { location: storage } }) : new Response("file", { headers: { "content-type": "image/jpeg" } });
      };
      const error = await clients.bird.make(fetch).downloadMedia(url).then(() => null, (e) => e);
      if (!expected) {
        check(seen.length === 0 && error instanceof wabridge.ArgumentError, `${JSON.stringify(url)}: refused before any request (got ${seen.length}, ${error})`);
        assertClean(error, JSON.stringify(url));
        continue;
      }
      check(error === null, `${JSON.stringify(url)}: ${error}`);
      same(seen.map((r) => r.target), [url, storage], `${url}: the requests`);
      check(seen[0].init.redirect === "manual" && JSON.stringify(seen[0].init.headers).includes(HEAD), `${url}: the key to Bird's host, redirect not followed`);
      check(!JSON.stringify(seen[1].init.headers ?? {}).includes(HEAD), `${url}: the key went along the redirect`);
    }
    const sent = [];
    const file = await clients["1msg"].make(async (target, init) => (sent.push([String(target), init]), new Response("ogg", { headers: { "content-type": "audio/ogg" } }))).downloadMedia("https://s3.example/incoming/voice.ogg");
    same(new TextDecoder().decode(file.bytes), "ogg", "1msg: the file");
    check(sent.length === 1 && !JSON.stringify(sent).includes(HEAD) && !sent[0][0].includes("token"), `1msg: the token went with the file link: ${JSON.stringify(sent)}`);
  });

  void baseUrl; // the checks use fetch doubles only; the loopback server is not needed
  return checks;
}
