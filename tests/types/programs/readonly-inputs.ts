// Messages and bodies written `as const`, or holding `readonly` arrays, are taken by every call
// that only reads them (the TS audit's first finding): the calls' parameters are
// `DeepReadonly<…>`, which mutable values satisfy too. No DOM or Node API: compiled in every setup.
import { BirdClient, OneMsgClient, MetaClient, convert, endpointOf, fitMessage, toProvider, toProviderMany, type DeepReadonly, type Message, type ReplyButton } from "wabridge";
import type { Messenger } from "wabridge";

declare const meta: MetaClient;
declare const bird: BirdClient;
declare const onemsg: OneMsgClient;
declare const messenger: Messenger<"meta">;

const buttons: readonly ReplyButton[] = [{ id: "a", title: "A" }];
const picked = { to: "+16505551234", content: { type: "replyButtons", body: "Pick", buttons } } as const;
const list = { to: "+16505551234", content: { type: "list", body: "b", button: "Menu", sections: [{ rows: [{ id: "a", title: "A" }] }] } } as const;
const template = {
  to: "+16505551234",
  content: { type: "template", name: "order_update", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "4512" }] }] },
} as const;

export async function readOnly(): Promise<void> {
  toProvider("meta", picked);
  toProvider("bird", list);
  convert("neutral", "1msg", template);
  fitMessage("meta", list, "adapt");
  endpointOf("meta", picked);
  toProviderMany("meta", [picked, list, template] as const);
  await meta.send(template);
  await bird.send(picked);
  await onemsg.send(list);
  await messenger.send(picked);
  await bird.sendBody({ receiver: { contacts: [{ identifierValue: "+16505551234" }] }, body: { type: "text", text: { text: "hi" } } } as const);
  await onemsg.sendBody("sendList", { phone: 16505551234, body: "b", action: "Menu", sections: [{ title: "S", rows: [{ id: "a", title: "A" }] }] } as const);
  // A mutable message is taken as before, and a deeply read-only one is still checked.
  const mutable: Message = { to: "+16505551234", content: { type: "text", body: "hi" } };
  toProvider("meta", mutable);
  const frozen: DeepReadonly<Message> = picked;
  // @ts-expect-error still a message: a reply button needs its title
  toProvider("meta", { to: "+16505551234", content: { type: "replyButtons", body: "Pick", buttons: [{ id: "a" }] } } as const);
  void frozen;
}
