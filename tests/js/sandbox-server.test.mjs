// `wabridge sandbox` over loopback: the CLI server, clients with only a baseUrl, the
// /__sandbox/ control routes, and a real dropped connection for the `reset` fault.
import test from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { CUSTOMER, createSandbox, serveSandbox, text, verifyBirdSignature, verifyMetaSignature, wabridge } from "./helpers.mjs";
import { SANDBOX_WEBHOOK_SECRETS } from "../../pkg/sandbox/node.mjs";

const cli = fileURLToPath(new URL("../../pkg/bin/wabridge.mjs", import.meta.url));

/** `wabridge sandbox` as a child process, and what it printed up to `until` (a line's start). */
async function startCli({ args = ["--json"], env = {}, until = "" } = {}) {
  const child = spawn(process.execPath, [cli, "sandbox", "--port", "0", "--seed", "3", ...args], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
  let output = "";
  child.stdout.setEncoding("utf8");
  while (!output.split("\n").slice(0, -1).some((line) => line.trimStart().startsWith(until))) {
    const [chunk] = await once(child.stdout, "data");
    output += chunk;
  }
  return { child, output, config: args.includes("--json") ? JSON.parse(output) : undefined };
}

async function stop(child) {
  child.kill("SIGTERM");
  await once(child, "exit");
}

test("the CLI sandbox serves all three providers and the control routes over HTTP", async () => {
  const { child, config } = await startCli();
  try {
    const control = (path, init) => fetch(`${config.url}/__sandbox${path}`, init).then((r) => r.json());
    for (const provider of ["meta", "bird", "1msg"]) {
      await control("/receive", { method: "POST", body: JSON.stringify({ provider, from: CUSTOMER, text: "hi" }) });
    }
    const meta = await new wabridge.MetaClient(config.meta).send(text());
    const bird = await new wabridge.BirdClient(config.bird).send(text());
    const onemsg = await new wabridge.OneMsgClient(config["1msg"]).send(text());
    const messages = await control("/messages");
    assert.deepEqual(messages.map((m) => [m.provider, m.id]), [["meta", meta.messageId], ["bird", bird.messageId], ["1msg", onemsg.messageId]]);
    const webhooks = await control("/webhooks");
    assert.ok(webhooks.length >= 3 + 3 + 2 + 3, `${webhooks.length} webhooks`);
    assert.deepEqual(await control("/faults", { method: "POST", body: JSON.stringify({ mode: "unavailable", provider: "meta" }) }), { faults: 1 });
    const error = await new wabridge.MetaClient({ ...config.meta, retry: false }).send(text()).then(() => null, (e) => e);
    assert.equal(error.httpStatus, 503);
    assert.equal((await control("/config")).meta.token, config.meta.token);
  } finally {
    await stop(child);
  }
});

test("reset in server mode drops the TCP connection", async () => {
  const sandbox = createSandbox({ faults: [{ mode: "reset" }] });
  const server = await serveSandbox(sandbox);
  try {
    const client = new wabridge.MetaClient({ ...sandbox.clientOptions("meta", { viaFetch: false }), retry: false });
    const error = await client.send(text()).then(() => null, (e) => e);
    assert.ok(error instanceof wabridge.TransportError, String(error));
    assert.equal(error.code, "ERR_TRANSPORT");
  } finally {
    await server.close();
  }
});

test("a delayed answer over HTTP times the client out", async () => {
  const sandbox = createSandbox({ enforceWindow: false, faults: [{ mode: "delay", delayMs: 3_000 }] });
  const server = await serveSandbox(sandbox);
  try {
    const client = new wabridge.MetaClient({ ...sandbox.clientOptions("meta", { viaFetch: false }), timeoutMs: 100 });
    const error = await client.send(text()).then(() => null, (e) => e);
    assert.equal(error?.code, "ERR_TIMEOUT");
  } finally {
    await server.close();
  }
});

test("the sandbox's webhook secrets are published (GET /__sandbox/config, the CLI's output) and verify its webhooks; no secret of the user's is", async () => {
  assert.deepEqual(SANDBOX_WEBHOOK_SECRETS, { meta: "sandbox-meta-app-secret", bird: "sandbox-bird-signing-key" });
  // A receiver of the sandbox's webhooks, as a tool in another language would run one.
  const received = [];
  const receiver = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    received.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.end("ok");
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${receiver.address().port}/hooks`;
  // Credentials of the user's in the environment: the sandbox reads none of them, prints none.
  const mine = { WABRIDGE_WEBHOOK_SECRET: "users-webhook-S3CRET", WABRIDGE_META_TOKEN: "users-meta-T0KEN", WABRIDGE_BIRD_ACCESS_KEY: "users-bird-K3Y", WABRIDGE_1MSG_TOKEN: "users-1msg-T0KEN" };
  const { child, config } = await startCli({ args: ["--json", "--webhook-url", hookUrl], env: mine });
  try {
    assert.deepEqual(config.webhookSecrets, SANDBOX_WEBHOOK_SECRETS);
    const served = await fetch(`${config.url}/__sandbox/config`).then((r) => r.json());
    assert.deepEqual(served.webhookSecrets, SANDBOX_WEBHOOK_SECRETS);
    assert.deepEqual(Object.keys(served), ["meta", "bird", "1msg", "webhookSecrets"]);
    for (const value of Object.values(mine)) assert.ok(!JSON.stringify(config).includes(value) && !JSON.stringify(served).includes(value), value);
    // Each provider's inbound-message webhook, checked with the published secrets.
    for (const provider of ["meta", "bird"]) {
      await fetch(`${config.url}/__sandbox/receive`, { method: "POST", body: JSON.stringify({ provider, from: CUSTOMER, text: "hi" }) });
    }
    await fetch(`${config.url}/__sandbox/settle`, { method: "POST" });
    const meta = received.find((r) => r.headers["x-hub-signature-256"]);
    const bird = received.find((r) => r.headers["messagebird-signature"]);
    assert.ok(meta && bird, `${received.length} webhooks received`);
    assert.ok(await verifyMetaSignature(served.webhookSecrets.meta, meta.body, meta.headers["x-hub-signature-256"]));
    assert.ok(await verifyBirdSignature(served.webhookSecrets.bird, hookUrl, bird.body, bird.headers));
    assert.ok(!(await verifyMetaSignature("another-secret", meta.body, meta.headers["x-hub-signature-256"])), "the check can fail");
  } finally {
    await stop(child);
    receiver.close();
  }
  // Without --json: the secrets on a line of their own, and none of the user's.
  const text = await startCli({ args: [], env: mine, until: "inspect:" });
  try {
    assert.match(text.output, /webhooks signed with \(sandbox test secrets\): meta app secret "sandbox-meta-app-secret" \(X-Hub-Signature-256\), bird signing key "sandbox-bird-signing-key" \(messagebird-signature\)/);
    for (const value of Object.values(mine)) assert.ok(!text.output.includes(value), value);
  } finally {
    await stop(text.child);
  }
});

test("a webhook secret given to createSandbox (perhaps a real one) is not served by GET /__sandbox/config: null there", async () => {
  const sandbox = createSandbox({ meta: { appSecret: "users-real-app-S3CRET" } });
  const server = await serveSandbox(sandbox);
  try {
    const raw = await fetch(`${server.url}/__sandbox/config`).then((r) => r.text());
    assert.ok(!raw.includes("users-real-app-S3CRET"));
    assert.deepEqual(JSON.parse(raw).webhookSecrets, { meta: null, bird: SANDBOX_WEBHOOK_SECRETS.bird });
    assert.deepEqual(sandbox.config().webhookSecrets, { meta: null, bird: SANDBOX_WEBHOOK_SECRETS.bird });
    assert.equal(sandbox.config().meta.baseUrl, server.url);
    // It still signs with it.
    sandbox.receive({ provider: "meta", from: CUSTOMER, text: "hi" });
    await sandbox.settle();
    const [hook] = sandbox.webhooks("meta");
    assert.ok(await verifyMetaSignature("users-real-app-S3CRET", hook.body, hook.headers["x-hub-signature-256"]));
  } finally {
    await server.close();
  }
});

test("credentials given to createSandbox are not served by GET /__sandbox/config, nor a webhook URL's query in a delivery's error", async () => {
  const given = { meta: { token: "users-META-token" }, bird: { accessKey: "users-BIRD-key" }, onemsg: { token: "users-1MSG-token" } };
  const sandbox = createSandbox({ ...given, webhooks: { url: { "1msg": "http://hooks example.com/1msg?secret=users-RECEIVER-secret" } } });
  const server = await serveSandbox(sandbox);
  try {
    const raw = await fetch(`${server.url}/__sandbox/config`).then((r) => r.text());
    for (const secret of ["users-META-token", "users-BIRD-key", "users-1MSG-token"]) assert.ok(!raw.includes(secret), secret);
    const served = JSON.parse(raw);
    assert.deepEqual([served.meta.token, served.bird.accessKey, served["1msg"].token], [null, null, null]);
    assert.equal(served.meta.phoneNumberId, sandbox.config().meta.phoneNumberId, "the rest is served");
    assert.equal(sandbox.config().meta.token, "users-META-token", "in process, the caller has them");
    // The sandbox's own credentials are served: they are what an HTTP client uses.
    const own = await serveSandbox(createSandbox());
    try {
      const config = await fetch(`${own.url}/__sandbox/config`).then((r) => r.json());
      assert.deepEqual([typeof config.meta.token, typeof config.bird.accessKey, typeof config["1msg"].token], ["string", "string", "string"]);
    } finally {
      await own.close();
    }
    sandbox.receive({ provider: "1msg", from: CUSTOMER, text: "hi" });
    await sandbox.settle();
    const hooks = await fetch(`${server.url}/__sandbox/webhooks?provider=1msg`).then((r) => r.text());
    assert.match(JSON.parse(hooks)[0].error, /Failed to parse URL from .*secret=\[withheld\]/, "the delivery's error quotes its URL, withheld");
    assert.ok(!hooks.includes("users-RECEIVER-secret"), hooks);
  } finally {
    await server.close();
  }
});

test("a sandbox logged or stringified shows what it holds, not the credentials and secrets it was given", async () => {
  const { inspect } = await import("node:util");
  const given = ["users-META-token", "users-BIRD-key", "users-1MSG-token", "users-META-app-secret", "users-BIRD-signing-key"];
  const sandbox = createSandbox({ meta: { token: given[0], appSecret: given[3] }, bird: { accessKey: given[1], signingKey: given[4] }, onemsg: { token: given[2] } });
  await new wabridge.MetaClient(sandbox.clientOptions("meta")).send(text("hello"));
  for (const shown of [inspect(sandbox, { depth: Infinity, showHidden: true }), JSON.stringify(sandbox), String(JSON.stringify({ sandbox }))]) {
    for (const secret of given) assert.ok(!shown.includes(secret), `${secret} in ${shown}`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(sandbox)), { baseUrl: sandbox.baseUrl, providers: ["meta", "bird", "1msg"], messages: 1, webhooks: sandbox.webhooks().length, requests: 1 });
  assert.match(inspect(sandbox), /^Sandbox \{.*messages: 1/s);
});

/** Runs `use` with `sandbox` served over HTTP on a free port, closing it after. */
async function whileServed(sandbox, use) {
  const served = await serveSandbox(sandbox, { port: 0 });
  try {
    return await use(served);
  } finally {
    await served.close();
  }
}

test("behind a reverse proxy the sandbox answers with the forwarded scheme and host (media links, config); Meta takes the token as Graph does", async () => {
  const sandbox = createSandbox({ enforceWindow: false });
  await whileServed(sandbox, async (served) => {
    const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "sandbox.example.com" };
    const config = await fetch(`${served.url}/__sandbox/config`, { headers: proxied }).then((r) => r.json());
    assert.equal(config.meta.baseUrl, "https://sandbox.example.com");
    const { token, phoneNumberId } = sandbox.clientOptions("meta");
    const upload = new FormData();
    upload.set("messaging_product", "whatsapp");
    upload.set("type", "image/jpeg");
    upload.set("file", new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }), "a.jpg");
    const graph = (path, init = {}) => fetch(`${served.url}/v23.0/${path}`, { ...init, headers: { ...proxied, ...init.headers } });
    const { id } = await graph(`${phoneNumberId}/media`, { method: "POST", body: upload, headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    const media = await graph(`${id}?phone_number_id=${phoneNumberId}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
    assert.match(media.url, /^https:\/\/sandbox\.example\.com\/meta-media\//);
    // The token as Graph reads it: either scheme, any case, or the access_token parameter.
    for (const auth of [{ headers: { authorization: `bearer ${token}` } }, { headers: { authorization: `OAuth ${token}` } }, { query: `&access_token=${token}` }]) {
      const answer = await graph(`${id}?phone_number_id=${phoneNumberId}${auth.query ?? ""}`, { headers: auth.headers ?? {} });
      assert.equal(answer.status, 200, JSON.stringify(auth));
    }
    const none = await graph(`${id}?phone_number_id=${phoneNumberId}`);
    assert.deepEqual([none.status, (await none.json()).error.code], [401, 190]);
    // A Host that is no host: the listening address, not a 500.
    const { request } = await import("node:http");
    const status = await new Promise((resolve, reject) => {
      const req = request(`${served.url}/__sandbox/config`, { headers: { host: "bad host^" } }, (res) => (res.resume(), resolve(res.statusCode)));
      req.on("error", reject).end();
    });
    assert.equal(status, 200);
  });
});

test("the sandbox's clock over HTTP: advancing it closes the 24-hour window and releases Bird's scheduled messages", async () => {
  const sandbox = createSandbox();
  await whileServed(sandbox, async (served) => {
    const control = (path, body) => fetch(`${served.url}/__sandbox${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
    const { now } = await control("/clock");
    assert.ok(Math.abs(now - Date.now()) < 5000);
    await control("/receive", { provider: "meta", from: CUSTOMER, text: "hi" });
    const moved = await control("/clock", { advanceMs: 25 * 3600_000 });
    assert.ok(moved.now - now >= 25 * 3600_000);
    const meta = new wabridge.MetaClient({ ...sandbox.clientOptions("meta", { baseUrl: served.url, viaFetch: false }) });
    const { messageId } = await meta.send(text());
    await control("/settle", {});
    const failed = (await control("/messages?provider=meta")).find((m) => m.id === messageId);
    assert.equal(failed.status, "failed", "outside the window once the clock moved");
    // Bird: a message scheduled an hour ahead goes out when the clock reaches it.
    await control("/receive", { provider: "bird", from: CUSTOMER, text: "hi" });
    const bird = new wabridge.BirdClient({ ...sandbox.clientOptions("bird", { baseUrl: served.url, viaFetch: false }) });
    const scheduledFor = new Date(sandbox.advanceClock(0) + 3600_000).toISOString();
    const scheduled = await bird.send(text(), { scheduledFor });
    const status = async () => (await control("/messages?provider=bird")).find((m) => m.id === scheduled.messageId).status;
    assert.equal(await status(), "scheduled");
    await control("/clock", { advanceMs: 2 * 3600_000 });
    await control("/settle", {});
    assert.notEqual(await status(), "scheduled");
    assert.equal((await fetch(`${served.url}/__sandbox/clock`, { method: "POST", body: '{"advanceMs":-1}' })).status, 400);
    const misnamed = await fetch(`${served.url}/__sandbox/clock`, { method: "POST", body: '{"advance":5}' });
    assert.equal(misnamed.status, 400);
    assert.match(await misnamed.text(), /advanceMs.*got undefined/, "the field it takes is named");
    meta.free();
    bird.free();
  });
});

test("the HTTP sandbox answers a browser's preflight and lets any origin read its answers (an admin panel on its own dev server)", async () => {
  const sandbox = createSandbox();
  await whileServed(sandbox, async (served) => {
    const preflight = await fetch(`${served.url}/v23.0/100000000000001/messages`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.equal(preflight.headers.get("access-control-allow-headers"), "authorization,content-type");
    assert.match(preflight.headers.get("access-control-allow-methods"), /POST/);
    const config = await fetch(`${served.url}/__sandbox/config`, { headers: { origin: "http://localhost:5173" } });
    assert.equal(config.headers.get("access-control-allow-origin"), "*");
    assert.equal(sandbox.requests.length, 0, "a preflight is no call");
  });
});

test("GET /__sandbox/webhooks withholds a webhook URL's query (1MSG's shared token), as config() withholds secrets", async () => {
  const sandbox = createSandbox({ webhooks: { url: { "1msg": "https://hooks.example.com/1msg?secret=s3cret-token&x=1" }, fetch: async () => new Response("ok") } });
  sandbox.receive({ provider: "1msg", from: "+16505551234", text: "hi" });
  const served = await sandbox.fetch("https://sandbox.wabridge.invalid/__sandbox/webhooks?provider=1msg").then((r) => r.json());
  assert.equal(served[0].url, "https://hooks.example.com/1msg?secret=[withheld]&x=[withheld]");
  assert.ok(!JSON.stringify(served).includes("s3cret-token"));
  // In-process, the caller's own sandbox shows what it was given.
  assert.equal(sandbox.webhooks("1msg")[0].url, "https://hooks.example.com/1msg?secret=s3cret-token&x=1");
  // A bare name is kept; a fragment is withheld whole.
  const fragment = createSandbox({ webhooks: { url: { "1msg": "https://hooks.example.com/1msg?flag&secret=s3cret-token#frag-token" }, fetch: async () => new Response("ok") } });
  fragment.receive({ provider: "1msg", from: "+16505551234", text: "hi" });
  const listed = await fragment.fetch("https://sandbox.wabridge.invalid/__sandbox/webhooks?provider=1msg").then((r) => r.json());
  assert.equal(listed[0].url, "https://hooks.example.com/1msg?flag&secret=[withheld]#[withheld]");
  const fragmentOnly = createSandbox({ webhooks: { url: { "1msg": "https://hooks.example.com/1msg#frag-token" }, fetch: async () => new Response("ok") } });
  fragmentOnly.receive({ provider: "1msg", from: "+16505551234", text: "hi" });
  assert.equal((await fragmentOnly.fetch("https://sandbox.wabridge.invalid/__sandbox/webhooks?provider=1msg").then((r) => r.json()))[0].url, "https://hooks.example.com/1msg#[withheld]");
});

test("a misspelt createSandbox option is refused, naming the known ones (1MSG's are under onemsg)", () => {
  assert.throws(() => createSandbox({ "1msg": { token: "X" } }), (e) => e instanceof TypeError && /"1msg".*under "onemsg"/.test(e.message));
  assert.throws(() => createSandbox({ enforcewindow: false }), /unknown createSandbox option "enforcewindow"; known: .*enforceWindow/);
  assert.ok(createSandbox({ onemsg: { token: "X" } }).clientOptions("1msg").token === "X");
});
