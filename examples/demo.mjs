// The demo: sends a text message through MetaClient to a loopback server that answers like
// Meta's Graph API, and prints the request and the response. No credentials, no network.
// (Pointing the same client at Meta is one option: leave out `baseUrl` and pass a real
// token and phone number id.)
import { createServer } from "node:http";
import { MetaClient, ProviderError } from "../pkg/node.mjs";

const TOKEN = "demo-token";

const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    console.log(`\n→ ${request.method} ${request.url}`);
    console.log(`  authorization: ${request.headers.authorization === `Bearer ${TOKEN}` ? "Bearer [token ok]" : "wrong token"}`);
    console.log(`  ${body}`);
    const sent = JSON.parse(body);
    const answer = sent.text.body.length > 0 && request.headers.authorization === `Bearer ${TOKEN}`
      ? { status: 200, json: { messaging_product: "whatsapp", contacts: [{ input: sent.to, wa_id: sent.to.replace("+", "") }], messages: [{ id: "wamid.DEMO1", message_status: "accepted" }] } }
      : { status: 401, json: { error: { message: "Invalid OAuth access token", type: "OAuthException", code: 190, fbtrace_id: "Demo" } } };
    console.log(`← ${answer.status} ${JSON.stringify(answer.json)}`);
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.json));
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

const client = new MetaClient({ token: TOKEN, phoneNumberId: "1000000001", baseUrl });
try {
  const result = await client.send({ to: "+16505551234", content: { type: "text", body: "Hello from wabridge 👋" } });
  console.log("\nsent:", result);
} catch (error) {
  console.error(error instanceof ProviderError ? `provider refused: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  server.close();
}
