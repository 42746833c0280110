// A loopback HTTP server that answers like Meta's Graph API for the package tests, and
// serves static files (the browser test page and the installed package) from `staticRoot`.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { PHONE_REENGAGEMENT, PHONE_SUCCESS, TOKEN } from "./constants.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

function graphError(code, message, details) {
  return { error: { message, type: "OAuthException", code, error_data: { messaging_product: "whatsapp", details }, fbtrace_id: "AbCdEfLoopback" } };
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export function startLoopback({ staticRoot } = {}) {
  const requests = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://loopback");
    const send = (status, body, type = "application/json") => {
      response.writeHead(status, { "content-type": type, "access-control-allow-origin": "*" });
      response.end(typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    const messages = url.pathname.match(/^\/v\d+\.\d+\/([^/]+)\/messages$/);
    if (request.method === "POST" && messages) {
      const body = await readBody(request);
      requests.push({ path: url.pathname, headers: request.headers, body });
      if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        return send(401, graphError(190, "Invalid OAuth access token - Cannot parse access token", "Invalid token"));
      }
      const phone = messages[1];
      if (phone === PHONE_REENGAGEMENT) {
        return send(400, graphError(131047, "Re-engagement message", "Message failed to send because more than 24 hours have passed since the customer last replied to this number."));
      }
      if (phone !== PHONE_SUCCESS) return send(400, graphError(100, "Invalid parameter", `Unknown phone number id ${phone}`));
      const sent = JSON.parse(body);
      return send(200, {
        messaging_product: "whatsapp",
        contacts: [{ input: sent.to, wa_id: sent.to.replace(/^\+/, "") }],
        messages: [{ id: `wamid.LOOPBACK.${requests.length}`, message_status: "accepted" }],
      });
    }
    if (request.method === "GET" && staticRoot) {
      const path = normalize(join(staticRoot, decodeURIComponent(url.pathname)));
      if (!path.startsWith(staticRoot)) return send(403, "forbidden", "text/plain");
      try {
        return send(200, await readFile(path), TYPES[extname(path)] ?? "application/octet-stream");
      } catch {
        return send(404, "not found", "text/plain");
      }
    }
    send(404, graphError(100, "Unknown path", url.pathname));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ baseUrl: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
