// A typical webhook receiver: handleWebhook with typed handlers per event type, the union
// narrowed by `type` and `kind`, a message answered from its neutral content, a KV-shaped
// duplicate store, and the step-by-step functions. No DOM or Node API beyond Request/Response:
// compiled in every setup. Lines marked "@ts-expect-error" must fail to compile.
import {
  MemoryDedupeStore,
  MetaClient,
  SignatureError,
  WebhookError,
  answerMetaChallenge,
  handleWebhook,
  isStatusAfter,
  readWebhook,
  receiveWebhook,
  type DedupeStore,
  type HandleWebhookOptions,
  type MessageStatus,
  type WebhookEvent,
  type WebhookMessage,
  type WebhookStatus,
} from "wabridge";

const meta = new MetaClient({ token: "token", phoneNumberId: "106540352242922" });

const kv = new Map<string, string>();
const store: DedupeStore = {
  get: async (key) => kv.get(key) ?? null,
  put: async (key, value) => void kv.set(key, value),
};

const options: HandleWebhookOptions = {
  provider: "meta",
  secret: "app-secret",
  verifyToken: "verify-token",
  dedupe: { store, ttlSeconds: 3600, claimSeconds: 30 },
  on: {
    message: async (event) => {
      const answer: string = event.kind === "buttonReply" ? `You chose ${event.reply?.id}` : `You said: ${event.text ?? event.kind}`;
      if (event.from?.phone) await meta.send({ to: event.from.phone, replyTo: event.id, content: { type: "text", body: answer } });
      if (event.content?.type === "image") console.log(event.media?.sha256, event.content.caption);
      // @ts-expect-error a message event has no status
      console.log(event.status);
      const echo: boolean = event.fromMe;
      console.log(echo);
    },
    // 1MSG's echoes of your own messages: never given to `message`.
    echo: (event) => {
      const mine: true = event.fromMe;
      console.log(mine, event.chatId, event.from?.phone);
    },
    status: (event) => {
      const status: MessageStatus = event.status;
      if (status === "failed") console.log(event.errors?.map((e) => `${e.code} ${e.title}`), event.providerStatus);
    },
    other: (event) => console.log(event.name),
  },
  onError: (error, event) => console.error(error, event?.key),
};

export async function fetchHandler(request: Request): Promise<Response> {
  return handleWebhook(request, options);
}

export function describe(event: WebhookEvent): string {
  switch (event.type) {
    case "message":
      return `${event.from?.name ?? "?"}: ${event.text ?? event.kind} (${event.timestamp ?? 0})`;
    case "status":
      return `${event.id} ${event.status}${event.pricing ? ` ${event.pricing.category}` : ""}`;
    case "error":
      return event.errors.map((e) => e.message).join("; ");
    case "other":
      return event.name;
  }
}

export function lowLevel(body: Uint8Array, signature: string): WebhookStatus[] {
  try {
    const events = receiveWebhook("meta", { body, headers: { "x-hub-signature-256": signature } }, { secret: "app-secret" });
    return events.filter((e): e is WebhookStatus => e.type === "status");
  } catch (error) {
    if (error instanceof SignatureError) console.log(error.reason);
    if (error instanceof WebhookError) console.log(error.provider, error.code);
    return [];
  }
}

const unverified: WebhookMessage[] = readWebhook("1msg", '{"messages":[]}').filter((e): e is WebhookMessage => e.type === "message");
const memory = new MemoryDedupeStore({ maxEntries: 1000 });
const challenge: { status: 200 | 403; body: string } = answerMetaChallenge("https://h.example/?hub.mode=subscribe", "t");
console.log(unverified.length, memory.size, challenge.status);
// @ts-expect-error handleWebhook needs a provider
handleWebhook(new Request("https://h.example/"), { secret: "s" });

// Statuses arrive out of order: keep a message's furthest.
const lastStatus = new Map<string, MessageStatus>();
const keep = (event: WebhookStatus): boolean => {
  const had = event.id === undefined ? undefined : lastStatus.get(event.id);
  if (had !== undefined && !isStatusAfter(event.status, had)) return false;
  if (event.id !== undefined) lastStatus.set(event.id, event.status);
  return true;
};
void keep;
// @ts-expect-error a provider's own word is not a status
isStatusAfter("viewed", "sent");
