// The shared URL table (tests/fixtures/url-hosts.json) against the real WHATWG parser and the
// built package: every `fetchHost` is what this runtime's `new URL(url).host` says, and
// `MetaClient.downloadMedia(url)` either fetches a Meta host / baseUrl's origin with the token,
// or refuses before fetching. No Authorization header ever reaches another host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { wabridge } from "./helpers.mjs";

const table = JSON.parse(readFileSync(new URL("../fixtures/url-hosts.json", import.meta.url), "utf8"));
const TOKEN = "url-hosts-SENTINEL";
const META_DOMAINS = ["fbsbx.com", "facebook.com", "fbcdn.net"];

function whatwgHost(url) {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

test("the table's fetchHost is what the WHATWG URL parser reads", () => {
  assert.ok(table.cases.length > 100);
  for (const { url, fetchHost } of table.cases) assert.equal(whatwgHost(url), fetchHost, JSON.stringify(url));
});

test("downloadMedia sends the token only to Meta's hosts or baseUrl's origin, as fetch reads the URL", async () => {
  for (const { url, token, note, baseUrl = table.baseUrl } of table.cases) {
    const what = `${JSON.stringify(url)} (${note})`;
    const seen = [];
    const fetch = async (target, init) => {
      seen.push({ target, init });
      return new Response("media", { headers: { "content-type": "image/jpeg" } });
    };
    const client = new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "1", baseUrl, fetch, retry: false });
    let error = null;
    let result = null;
    try {
      result = await client.downloadMedia(url);
    } catch (e) {
      error = e;
    }
    const base = new URL(baseUrl);
    for (const { target, init } of seen) {
      const parsed = new URL(target);
      const meta = parsed.protocol === "https:" && parsed.port === "" && META_DOMAINS.some((d) => parsed.hostname.endsWith(`.${d}`));
      const toBase = parsed.protocol === base.protocol && parsed.host === base.host;
      assert.ok(meta || toBase, `${what}: the token went to ${parsed.host}`);
      assert.equal(target, url, `${what}: fetched as given`);
      assert.equal(init.headers.Authorization, `Bearer ${TOKEN}`, what);
    }
    if (token) {
      assert.equal(error, null, `${what}: ${error}`);
      assert.equal(seen.length, 1, what);
      assert.equal(result.mimeType, "image/jpeg", what);
    } else {
      assert.equal(seen.length, 0, `${what}: fetched`);
      assert.ok(error instanceof wabridge.ArgumentError, `${what}: ${error}`);
      assert.equal(error.code, "ERR_ARGUMENT");
      assert.ok(!JSON.stringify([error.message, error.stack, error]).includes(TOKEN), what);
    }
  }
});

test("an API call's redirect is not followed: 1MSG's token (in the URL) and a request's body never reach the host it points to", async () => {
  const { createServer } = await import("node:http");
  const listen = (handler) => new Promise((resolve) => { const server = createServer(handler).listen(0, "127.0.0.1", () => resolve(server)); });
  const reached = [];
  const elsewhere = await listen((req, res) => {
    reached.push(req.url);
    res.setHeader("content-type", "application/json");
    res.end('{"sent":true,"id":"1","set":true}');
  });
  const to = `http://127.0.0.1:${elsewhere.address().port}`;
  // A provider that moved: every request is redirected, path and query kept, body re-sent (307).
  const moved = await listen((req, res) => {
    res.writeHead(307, { location: `${to}${req.url}` });
    res.end();
  });
  const baseUrl = `http://127.0.0.1:${moved.address().port}`;
  try {
    const clients = [
      new wabridge.OneMsgClient({ token: TOKEN, instanceId: "1", baseUrl, retry: false }),
      new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "1", baseUrl, retry: false }),
      new wabridge.BirdClient({ accessKey: TOKEN, workspaceId: "8e046034-0000-4000-a000-000000000001", channelId: "8e046034-0000-4000-a000-000000000002", baseUrl, retry: false }),
    ];
    for (const client of clients) {
      const error = await client.send({ to: "+16505551234", content: { type: "text", body: "hi" } }).then(() => null, (e) => e);
      assert.ok(error instanceof wabridge.UnexpectedResponseError, `${client.constructor.name}: ${error}`);
      assert.match(error.message, /HTTP 307/);
      assert.ok(!JSON.stringify({ ...error, message: error.message, stack: error.stack }).includes(TOKEN), "the token is in no part of the error");
    }
    const secret = "receiver-SENTINEL-secret";
    await assert.rejects(clients[0].setWebhook(`https://hooks.example.com/1msg?secret=${secret}`), wabridge.UnexpectedResponseError);
    assert.deepEqual(reached, [], "nothing reached the host the redirect pointed to");
  } finally {
    moved.close();
    elsewhere.close();
  }
});

test("a webhook URL's shared token set through 1MSG is out of the error, whether webhookUrl is one URL or a list", async () => {
  const secret = "receiver-SENTINEL-token";
  const echo = async (url, init) => new Response(JSON.stringify({ error: `webhook ${init.body} is not reachable` }), { status: 400, headers: { "content-type": "application/json" } });
  const client = new wabridge.OneMsgClient({ token: TOKEN, instanceId: "1", fetch: echo, retry: false });
  const hook = `https://hooks.example.com/1msg?secret=${secret}`;
  for (const call of [() => client.setWebhook(hook), () => client.setWebhook([hook, "https://backup.example.com/h"]), () => client.updateSettings({ webhookUrl: [hook] })]) {
    const error = await call().then(() => null, (e) => e);
    assert.ok(error instanceof wabridge.ProviderError, String(error));
    const shown = `${error.message} ${error.stack} ${JSON.stringify(error)} ${typeof error.request?.body === "string" ? error.request.body : new TextDecoder().decode(error.request?.body ?? new Uint8Array())}`;
    assert.ok(!shown.includes(secret), shown);
    assert.ok(!shown.includes(TOKEN), shown);
  }
});

test("a browser's hidden redirect (an opaqueredirect answer) is answered as a redirect too: not retried, the provider having acted on nothing", async () => {
  let calls = 0;
  const fetch = async (url, init) => {
    calls++;
    assert.equal(init.redirect, "manual");
    return { type: "opaqueredirect", status: 0, headers: { forEach() {} }, text: async () => "" };
  };
  const client = new wabridge.OneMsgClient({ token: TOKEN, instanceId: "1", fetch });
  const error = await client.status().then(() => null, (e) => e);
  assert.ok(error instanceof wabridge.UnexpectedResponseError, String(error));
  assert.equal(error.retryable, false);
  assert.equal(calls, 1, "a GET answered by a redirect is not asked again");
  assert.match(error.message, /redirect, not followed/);
});

test("a base URL with credentials, or a webhook URL that is no URL, is refused without quoting what could be a secret", async () => {
  for (const make of [() => new wabridge.MetaClient({ token: "t", phoneNumberId: "1", baseUrl: "http://user:PASS-SENTINEL@127.0.0.1:1" }), () => new wabridge.OneMsgClient({ token: "t", instanceId: "1", baseUrl: "https://u:PASS-SENTINEL@api.1msg.io" })]) {
    assert.throws(make, (e) => e instanceof wabridge.ArgumentError && /without credentials/.test(e.message) && !e.message.includes("PASS-SENTINEL"));
  }
  const client = new wabridge.OneMsgClient({ token: "t", instanceId: "1", fetch: async () => new Response("{}") });
  const error = await client.setWebhook("hooks.example.com/h?secret=RECEIVER-SENTINEL-1234").then(() => null, (e) => e);
  assert.ok(error instanceof wabridge.ValidationError, String(error));
  assert.equal(error.violations[0].path, "/webhookUrl");
  assert.ok(!JSON.stringify(error).includes("RECEIVER-SENTINEL") && !error.message.includes("RECEIVER-SENTINEL"), error.message);
});

test("a media download's redirect is followed by the client without the credentials, whatever the runtime's fetch would do with them (Meta and Bird alike)", async () => {
  // A fetch that, as Workers before their 2025-09-01 compatibility date, would take the
  // Authorization header along to another origin: the client must never let it follow.
  const seen = [];
  const fetch = async (url, init) => {
    const authorization = new Headers(init.headers).get("authorization");
    seen.push([new URL(url).host, init.redirect, authorization]);
    if (new URL(url).host === "cdn.example") {
      return new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { "content-type": "image/jpeg" } });
    }
    return new Response(null, { status: 302, headers: { location: "https://cdn.example/file.jpg?sig=1" } });
  };
  const clients = [
    [new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "1", fetch }), "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", "lookaside.fbsbx.com"],
    [new wabridge.BirdClient({ accessKey: TOKEN, workspaceId: "8e046034-0000-4000-a000-000000000001", channelId: "8e046034-0000-4000-a000-000000000002", fetch }), "https://media.api.bird.com/workspaces/8e046034-0000-4000-a000-000000000001/messages/m/media/1", "media.api.bird.com"],
  ];
  for (const [client, url, host] of clients) {
    seen.length = 0;
    const file = await client.downloadMedia(url);
    assert.deepEqual([[...file.bytes], file.mimeType], [[1, 2, 3], "image/jpeg"], client.constructor.name);
    assert.equal(seen.length, 2, client.constructor.name);
    const [first, second] = seen;
    assert.deepEqual([first[0], first[1]], [host, "manual"], `${client.constructor.name}: the credentialed request is never redirected by fetch`);
    assert.ok(first[2]?.includes(TOKEN), `${client.constructor.name}: the provider's host gets the credentials`);
    assert.deepEqual([second[0], second[2]], ["cdn.example", null], `${client.constructor.name}: the storage gets none`);
  }
  // Even to the same origin (a storage's signed link there would refuse a second credential).
  seen.length = 0;
  const sameOrigin = async (url, init) => {
    seen.push([new URL(url).pathname, new Headers(init.headers).get("authorization")]);
    if (new URL(url).pathname === "/moved") return new Response(new Uint8Array([9]), { status: 200, headers: { "content-type": "image/png" } });
    return new Response(null, { status: 302, headers: { location: "https://lookaside.fbsbx.com/moved?sig=1" } });
  };
  const meta = new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "1", fetch: sameOrigin });
  assert.deepEqual([...(await meta.downloadMedia("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1")).bytes], [9]);
  assert.deepEqual(seen.map(([path, auth]) => [path, auth?.includes(TOKEN) ?? false]), [["/whatsapp_business/attachments/", true], ["/moved", false]]);
  // A browser's hidden redirect (opaqueredirect) is followed by fetch, which there leaves the
  // header behind across origins; 1MSG's links, which carry no token, are followed by fetch too.
  const modes = [];
  const browser = async (url, init) => {
    modes.push(init.redirect);
    if (init.redirect === "manual") return { type: "opaqueredirect", status: 0, headers: { forEach() {} }, text: async () => "" };
    return new Response(new Uint8Array([7]), { status: 200, headers: { "content-type": "image/png" } });
  };
  const inBrowser = new wabridge.MetaClient({ token: TOKEN, phoneNumberId: "1", fetch: browser });
  assert.deepEqual([...(await inBrowser.downloadMedia("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1")).bytes], [7]);
  assert.deepEqual(modes, ["manual", "follow"]);
  modes.length = 0;
  assert.deepEqual([...(await wabridge.OneMsgClient.downloadMedia("https://files.example/abc/a.png", { fetch: browser })).bytes], [7]);
  assert.deepEqual(modes, [undefined], "no redirect mode asked: fetch follows");
});
