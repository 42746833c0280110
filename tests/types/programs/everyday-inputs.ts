// What ordinary code passes in, typed as it comes: environment variables and a Node request's
// `url` (`string | undefined`, which `exactOptionalPropertyTypes` setups must take), a parsed
// request body (`unknown`), JSON lines split into strings, a customer's downloaded file handed
// on to Blob/Response/WebCrypto, and a misspelt messenger option (which must not compile).
// Lines marked "@ts-expect-error" must fail to compile.
import {
  MetaClient, createMessenger, receiveWebhook, toProviderMany, validate, verifyRequest,
  type BirdMessageStatus, type OneMsgChannelStatus, type Violation, type WebhookEvent,
} from "wabridge";

declare const env: Record<string, string | undefined>;
declare const nodeRequest: { url: string | undefined; headers: Record<string, string | string[] | undefined> };
declare const rawBody: Uint8Array;

const secret = env.APP_SECRET ?? "";
export const events: WebhookEvent[] = receiveWebhook("meta", { body: rawBody, headers: nodeRequest.headers, url: nodeRequest.url }, { secret, tokenParameter: env.TOKEN_PARAMETER });

export const messenger = createMessenger({ provider: "meta", token: "t", phoneNumberId: "106540352242922", webhookSecret: env.APP_SECRET, verifyToken: env.VERIFY_TOKEN });
// @ts-expect-error a misspelt option is refused at run time; the types say so first
createMessenger({ provider: "meta", token: "t", phoneNumberId: "106540352242922", verifyTokn: "v" });

export async function checkRequest(request: Request): Promise<Violation[]> {
  const parsed: unknown = await request.json();
  return validate(parsed, "meta");
}

export const campaign = toProviderMany("meta", ["{\"to\":\"+16505551234\",\"content\":{\"type\":\"text\",\"body\":\"hi\"}}", { to: "+16505551234", content: { type: "text", body: "hi" } }]);

export async function keepFile(client: MetaClient, url: string): Promise<[Blob, Response, ArrayBuffer]> {
  const file = await client.downloadMedia(url);
  const { body } = await verifyRequest("meta", new Request("https://example.com/hooks", { method: "POST", body: "{}" }), { secret: "s" });
  return [new Blob([file.bytes], { type: file.mimeType }), new Response(body), await crypto.subtle.digest("SHA-256", file.bytes)];
}

// A hidden-number customer: their business-scoped user id and username, and the group a
// message was written in.
export function whoWrote(event: WebhookEvent): string | undefined {
  if (event.type !== "message") return undefined;
  return event.group ?? event.from?.phone ?? event.from?.userId ?? event.from?.username;
}

// Statuses a provider adds later come through as the provider spells them.
export const later: BirdMessageStatus = "some_future_status";
export const loading: OneMsgChannelStatus = "loading";
