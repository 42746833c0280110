// `wabridge sandbox` over loopback: the CLI server, clients with only a baseUrl, the
// /__sandbox/ control routes, and a real dropped connection for the `reset` fault.
import test from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { CUSTOMER, createSandbox, serveSandbox, text, wabridge } from "./helpers.mjs";

const cli = fileURLToPath(new URL("../../pkg/bin/wabridge.mjs", import.meta.url));

async function startCli() {
  const child = spawn(process.execPath, [cli, "sandbox", "--port", "0", "--json", "--seed", "3"], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.setEncoding("utf8");
  while (!output.includes("\n")) {
    const [chunk] = await once(child.stdout, "data");
    output += chunk;
  }
  return { child, config: JSON.parse(output) };
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
    child.kill("SIGTERM");
    await once(child, "exit");
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
