// The API as users call it: optional arguments left out, every kind of `fetch`, the sandbox's
// options per provider. Lines marked "@ts-expect-error" must fail to compile.
import {
  BirdClient,
  MetaClient,
  OneMsgClient,
  convert,
  fitMessage,
  fromProvider,
  validate,
  validateProvider,
  type FetchInit,
  type FetchLike,
  type Message,
  type Violation,
} from "wabridge";
import { createSandbox, FAULT_MODES, type FaultMode } from "wabridge/sandbox";

const message = { to: "+16505551234", content: { type: "text", body: "Hi" } } satisfies Message;
const body = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "Hi" } };

// Optional parameters are optional.
const v1: Violation[] = validate(message);
const v2: Violation[] = validate(message, "bird");
const v3: Violation[] = validateProvider("meta", body);
const v4: Violation[] = validateProvider("1msg", JSON.stringify({ phone: "16505551234", body: "Hi" }), { operation: "sendMessage" });
const parsed: Message = fromProvider("meta", body);
const converted = convert("meta", "neutral", body);
const convertedBody: Record<string, unknown> = converted.body;
const lossy: string[] = converted.changes.filter((c) => c.kind === "lossy").map((c) => c.source ?? c.pointer);
const fitted = convert("neutral", "1msg", message, { fit: "adapt" });
const parts: Array<Record<string, unknown>> = [fitted.body, ...fitted.more.map((m) => m.body)];
convert("neutral", "bird", message, { operation: "messages" });
// @ts-expect-error "lenient" is not a fit mode
convert("neutral", "bird", message, { fit: "lenient" });
const fitResult = fitMessage("meta", message, "truncate");
const fittedMessages: Message[] = fitResult.messages;
const changeKinds: Array<"lossy" | "truncated" | "reshaped"> = fitResult.changes.map((c) => c.kind);
// @ts-expect-error "telegram" is not a provider
validate(message, "telegram");
// @ts-expect-error convert needs a body
convert("meta", "neutral");

// `fetch`: the global one, a wrapper, a test double, each accepted as it is.
const token = "t";
const phoneNumberId = "1";
new MetaClient({ token, phoneNumberId, fetch });
new MetaClient({ token, phoneNumberId, fetch: globalThis.fetch });
new MetaClient({ token, phoneNumberId, fetch: (input, init) => fetch(input, init) });
new MetaClient({ token, phoneNumberId, signal: new AbortController().signal });
// @ts-expect-error signal is an AbortSignal
new MetaClient({ token, phoneNumberId, signal: "soon" });
new MetaClient({ token, phoneNumberId, fetch: async (url, init) => fetch(url, { ...init, headers: { ...init.headers, "x-trace": "1" } }) });
const calls: { url: string; init: FetchInit }[] = [];
const double: FetchLike = async (url, init) => {
  calls.push({ url, init });
  // JSON goes as text; a multipart upload as bytes.
  const sent = typeof init.body === "string" ? init.body : init.body ? new TextDecoder().decode(init.body) : "";
  return { status: 200, headers: { "content-type": "application/json" }, text: async () => JSON.stringify({ echo: sent }) };
};
new MetaClient({ token, phoneNumberId, fetch: double });
new BirdClient({ accessKey: "k", workspaceId: "w", channelId: "c", fetch: async () => ({ status: 202, text: async () => "{}" }) });
new OneMsgClient({ token, instanceId: "i", fetch: async (url: string, init: { method: string; body?: string | Uint8Array }) => ({ status: 200, text: async () => url + init.method }) });
// @ts-expect-error a fetch must take the URL as a string
new MetaClient({ token, phoneNumberId, fetch: async (url: number) => ({ status: 200 }) });
// @ts-expect-error a fetch must resolve to something with a status
new MetaClient({ token, phoneNumberId, fetch: async () => ({ ok: true }) });

// The sandbox: client options per provider.
const sandbox = createSandbox({ seed: 1, webhooks: { fetch: (url, init) => fetch(url, init) } });
const meta = new MetaClient(sandbox.clientOptions("meta"));
const bird = new BirdClient(sandbox.clientOptions("bird"));
const onemsg = new OneMsgClient(sandbox.clientOptions("1msg", { viaFetch: false }));
const baseUrl: string = sandbox.clientOptions("meta").baseUrl;
// @ts-expect-error Bird's options are not Meta's
new MetaClient(sandbox.clientOptions("bird"));
// @ts-expect-error 1MSG's options are not Bird's
new BirdClient(sandbox.clientOptions("1msg"));
const modes: readonly FaultMode[] = FAULT_MODES;

async function sandboxFetch() {
  // The sandbox's fetch is typed as the global fetch: a Response, with json().
  const answer = await sandbox.fetch(`${sandbox.baseUrl}/v23.0/1/messages`, { method: "POST", body: JSON.stringify(body) });
  const status: number = answer.status;
  return [status, await answer.json()];
}

// 1MSG: a file and a profile photo as the files themselves (multipart).
async function uploads(client: OneMsgClient, file: Blob, photo: Uint8Array) {
  const sent = await client.sendFile(file, { phone: "16505551234", filename: "invoice.pdf", caption: "Invoice" });
  await client.updateMe({ about: "Open", photo }, { type: "image/png", filename: "logo.png" });
  // @ts-expect-error sendFile's fields name the recipient with phone or chatId, not to
  await client.sendFile(file, { to: "16505551234" });
  return sent.messageId;
}

// 1MSG's media links are public: downloaded without a client, with only the shared options.
async function publicMedia(url: string) {
  const file = await OneMsgClient.downloadMedia(url, { timeoutMs: 10_000 });
  const bytes: Uint8Array = file.bytes;
  // @ts-expect-error no credentials: a token is not among its options
  await OneMsgClient.downloadMedia(url, { token });
  return [bytes, (await OneMsgClient.downloadMedia(url)).mimeType];
}

export { v1, v2, v3, v4, parsed, converted, calls, meta, bird, onemsg, baseUrl, modes, sandboxFetch, uploads, publicMedia };
