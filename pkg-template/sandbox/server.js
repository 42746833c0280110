// The sandbox over HTTP (Node, Bun), for tools in other languages and for `wabridge sandbox`:
// each request goes through the same `sandbox.fetch`; the `reset` fault drops the socket.
import { createServer } from "node:http";

// Hop-by-hop and computed headers a Request must not carry over.
const SKIPPED = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "expect"]);

/**
 * The URL a request was made to, as its client sees it: behind a reverse proxy the forwarded
 * scheme and host (the media links and the config the sandbox answers with must point there,
 * or clients refuse to send credentials to them), else its Host; a target in absolute form as
 * it is. A Host that is no host falls back to the listening address.
 */
function requestUrl(req, address) {
  const first = (name) => String(req.headers[name] ?? "").split(",")[0].trim();
  const listening = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  const proto = /^https?$/.test(first("x-forwarded-proto")) ? first("x-forwarded-proto") : "http";
  const authority = first("x-forwarded-host") || req.headers.host;
  const target = req.url ?? "/";
  for (const base of authority ? [`${proto}://${authority}`, listening] : [listening]) {
    if (URL.canParse(target, base) && URL.canParse(base)) return new URL(target, base).href;
  }
  return new URL("/", listening).href;
}

export function serveSandbox(sandbox, { port = 0, host = "127.0.0.1" } = {}) {
  const server = createServer(async (req, res) => {
    // Any origin may call it, as browser apps (an admin panel on its own dev server) do: a
    // preflight is answered here, and every answer allows the caller to read it.
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, DELETE",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const controller = new AbortController();
    res.on("close", () => res.writableEnded || controller.abort());
    const headers = Object.entries(req.headers).filter(([name]) => !SKIPPED.has(name)).map(([name, value]) => [name, String(value)]);
    const hasBody = !["GET", "HEAD"].includes(req.method);
    try {
      const response = await sandbox.fetch(requestUrl(req, server.address()), {
        method: req.method,
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
        signal: controller.signal,
      });
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(body);
    } catch (error) {
      if (error?.sandboxReset || controller.signal.aborted) {
        req.socket.destroy();
        return;
      }
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `sandbox failure: ${error?.message ?? error}` }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
      sandbox.baseUrl = url;
      resolve({
        url,
        port: address.port,
        server,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}
