// The sandbox over HTTP (Node, Bun), for tools in other languages and for `wabridge sandbox`:
// each request goes through the same `sandbox.fetch`; the `reset` fault drops the socket.
import { createServer } from "node:http";

// Hop-by-hop and computed headers a Request must not carry over.
const SKIPPED = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "expect"]);

export function serveSandbox(sandbox, { port = 0, host = "127.0.0.1" } = {}) {
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const controller = new AbortController();
    res.on("close", () => res.writableEnded || controller.abort());
    const headers = Object.entries(req.headers).filter(([name]) => !SKIPPED.has(name)).map(([name, value]) => [name, String(value)]);
    const hasBody = !["GET", "HEAD"].includes(req.method);
    try {
      const response = await sandbox.fetch(`http://${req.headers.host ?? `${host}:${port}`}${req.url}`, {
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
