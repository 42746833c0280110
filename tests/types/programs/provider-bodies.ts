// The provider functions (validateProvider, fromProvider, convert) take a provider's body as
// its own type says it, as an object literal, as a value of the user's own interface, and as
// JSON text: a `BirdRequestBody` or a `OneMsgSendBody<"sendList">` annotated once is checked
// before it is sent, without a cast. (Under `strict` these were refused with TS2345: the body
// types are interfaces, which have no index signature, and the functions took
// `Record<string, unknown>`.) From the audit's repros (p2/ts2/vp.ts, vp2.ts, vp3.ts). No DOM
// or Node API: compiled in every setup. Lines marked "@ts-expect-error" must fail to compile.
import {
  convert,
  fromProvider,
  toProvider,
  validateProvider,
  type BirdRequestBody,
  type Message,
  type OneMsgSendBody,
  type ProviderBody,
  type Violation,
} from "wabridge";

// A Bird template by Studio project, typed as Bird's request body.
const template: BirdRequestBody = {
  receiver: { contacts: [{ identifierKey: "phonenumber", identifierValue: "+31612345678" }] },
  template: {
    projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318",
    version: "latest",
    locale: "en",
    parameters: [{ type: "string", key: "name", value: "Robert" }],
  },
};
const templateViolations: Violation[] = validateProvider("bird", template);

// A Bird text, and 1MSG bodies typed per method.
const bird: BirdRequestBody = { receiver: { contacts: [{ identifierKey: "phonenumber", identifierValue: "+31612345678" }] }, body: { type: "text", text: { text: "x" } } };
const list: OneMsgSendBody<"sendList"> = { phone: 16505551234, body: "Pick", action: "Menu", sections: [{ title: "S", rows: [{ id: "1", title: "Row" }] }] };
const text: OneMsgSendBody<"sendMessage"> = { phone: 16505551234, body: "hi" };
validateProvider("1msg", list, { operation: "sendList" });
validateProvider("1msg", text, { operation: "sendMessage" });
validateProvider("bird", bird);
const fromBird: Message = fromProvider("bird", bird);
fromProvider("1msg", list, { operation: "sendList" });
convert("bird", "meta", bird);
convert("1msg", "meta", text, { operation: "sendMessage" });
convert("1msg", "bird", list, { operation: "sendList" });

// What toProvider writes goes back in, and so do a literal, JSON text and the user's own interface.
const message = { to: "+16505551234", content: { type: "text", body: "hi" } } satisfies Message;
validateProvider("bird", toProvider("bird", message));
fromProvider("meta", toProvider("meta", message));
validateProvider("meta", { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } });
validateProvider("meta", '{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"hi"}}');
interface OurMetaText {
  messaging_product: "whatsapp";
  to: string;
  type: "text";
  text: { body: string };
}
const ours: OurMetaText = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } };
validateProvider("meta", ours);
convert("meta", "neutral", ours);
convert("neutral", "meta", message);
const anyBody: ProviderBody = list;

// Still refused: a value that is neither an object nor JSON text.
// @ts-expect-error a number is not a body
validateProvider("meta", 42);
// @ts-expect-error undefined is not a body
fromProvider("bird", undefined);
// @ts-expect-error null is not a body
convert("bird", "meta", null);

export { anyBody, fromBird, templateViolations };
