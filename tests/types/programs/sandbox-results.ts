// What the sandbox returns, typed as it is at run time: receive()'s `contact`, media()'s
// hashes (null for a customer's file until settle()), a message's body (unknown until
// narrowed), and 1MSG's GET /messages answer without an undocumented `lastMessageNumber`.
// No DOM or Node API: compiled in every setup. Lines marked "@ts-expect-error" must fail.
import { OneMsgClient } from "wabridge";
import { createSandbox, type SandboxMedia, type SandboxReceived } from "wabridge/sandbox";

const sandbox = createSandbox({ seed: 5 });
const received: SandboxReceived = sandbox.receive({ provider: "meta", from: "+16505551234", media: { type: "image", data: "x", mimeType: "image/png" } });
const contact: string = received.contact;

const [item]: SandboxMedia[] = sandbox.media();
const hexOrNull: string | null = item?.sha256 ?? null;
const base64OrNull: string | null = item?.sha256Base64 ?? null;
// @ts-expect-error a customer's file has no hash until settle(): null is possible
const hex: string = item!.sha256;

const [message] = sandbox.messages("meta");
const body: unknown = message?.body;
// @ts-expect-error the body is unknown: narrow it first
const to: string = message!.body.to;
const narrowed = typeof body === "object" && body !== null && "to" in body ? body.to : undefined;

const client = new OneMsgClient({ ...sandbox.clientOptions("1msg") });
const page = await client.messages({ last: true });
const next = page.messages[page.messages.length - 1]?.messageNumber;
// @ts-expect-error 1MSG documents no lastMessageNumber answer field
const last: number = page.lastMessageNumber;

export { base64OrNull, contact, hex, hexOrNull, last, narrowed, next, to };

// Deliveries astray, and what the record says of each.
const astray = createSandbox({ webhooks: { disorder: { duplicate: 0.1, reorder: 0.2, batch: 0.05 } } });
for (const hook of astray.webhooks("meta")) {
  const flags: boolean[] = [hook.duplicate, hook.reordered, hook.batched];
  const kinds: ("status" | "message")[] = hook.events;
  void flags, kinds;
}
// @ts-expect-error only duplicate, reorder and batch
createSandbox({ webhooks: { disorder: { lost: 0.1 } } });
