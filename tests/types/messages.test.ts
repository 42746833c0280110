// Type tests of the package's declarations: valid shapes compile, and every line marked
// "ts-expect-error" must fail to compile (tsc reports the directive as unused otherwise).
// Run by tests/types/run.mjs (scripts/test.sh), under TypeScript 5 and the current major.
import {
  LIMITS,
  MEDIA_RULES,
  MetaClient,
  ProviderError,
  ValidationError,
  toProvider,
  validate,
  type Content,
  type Message,
  type TemplateComponent,
  type Violation,
} from "wabridge";
import { createSandbox } from "wabridge/sandbox";

const to = "+16505551234";
const ok: Message[] = [
  { to, content: { type: "text", body: "hi", previewUrl: true } },
  { to, replyTo: "wamid.1", callbackData: "ref", content: { type: "image", id: "123", caption: "c" } },
  { to, content: { type: "document", link: "https://x.y/a.pdf", filename: "a.pdf" } },
  { to, content: { type: "location", latitude: 1, longitude: 2 } },
  { to, content: { type: "reaction", messageId: "wamid.1", emoji: "👍" } },
  { to, content: { type: "replyButtons", body: "b", buttons: [{ id: "a", title: "A" }], header: { type: "text", text: "h" } } },
  { to, content: { type: "list", body: "b", button: "Open", sections: [{ rows: [{ id: "r", title: "R" }] }] } },
  { to, content: { type: "flow", body: "b", flowName: "f", flowCta: "Go", flowAction: "data_exchange", mode: "draft" } },
  {
    to,
    content: {
      type: "template",
      name: "t",
      language: { code: "en_US", policy: "deterministic" },
      components: [
        { type: "body", parameters: [{ type: "text", text: "x" }, { type: "currency", fallbackValue: "$1", code: "USD", amount1000: 1000 }] },
        { type: "button", subType: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "p" }] },
      ],
    },
  },
];

// @ts-expect-error an unknown content type
const unknownType: Content = { type: "txt", body: "x" };
// @ts-expect-error text needs a body
const noBody: Content = { type: "text" };
// @ts-expect-error media is by id or by link, not both
const both: Content = { type: "image", id: "1", link: "https://x.y/i.jpg" };
// @ts-expect-error media needs an id or a link
const neither: Content = { type: "video", caption: "c" };
// @ts-expect-error a reply button needs a title
const untitled: Content = { type: "replyButtons", body: "b", buttons: [{ id: "a" }] };
// @ts-expect-error latitude is a number
const stringLatitude: Content = { type: "location", latitude: "1", longitude: 2 };
// @ts-expect-error button sub types are Meta's names (quick_reply)
const camelSubType: TemplateComponent = { type: "button", subType: "quickReply", index: 0 };
// @ts-expect-error recipientType is individual or group
const badRecipient: Message = { to, recipientType: "channel", content: { type: "text", body: "x" } };
// @ts-expect-error a message needs a recipient
const noRecipient: Message = { content: { type: "text", body: "x" } };
// @ts-expect-error flowMessageVersion is "3"
const oldFlow: Content = { type: "flow", body: "b", flowId: "1", flowCta: "Go", flowMessageVersion: "2" };
// @ts-expect-error the header of an interactive message has a type
const untypedHeader: Content = { type: "ctaUrl", header: { text: "h" }, body: "b", displayText: "d", url: "https://x.y" };

// @ts-expect-error MetaClient needs a phoneNumberId
new MetaClient({ token: "t" });
// @ts-expect-error unknown providers are not a Provider
toProvider("telegram", ok[0]);

const violations: Violation[] = validate(ok[0], "meta");
const pointer: string = violations[0]?.path ?? "";
// @ts-expect-error violations have no `field`
violations[0]?.field;
const maxBody: 4096 = LIMITS.TEXT_BODY_MAX_CHARS;
const kinds: string[] = MEDIA_RULES.map((rule) => rule.kind);

async function errors(client: MetaClient) {
  try {
    await client.send(ok[0]);
  } catch (error) {
    if (error instanceof ValidationError) error.violations.map((v) => v.path);
    if (error instanceof ProviderError) {
      const status: number = error.httpStatus;
      const retry: boolean = error.retryable;
    }
  }
  const sandbox = createSandbox({ seed: 1 });
  sandbox.inject({ mode: "rate_limit", sequence: [1] });
  // @ts-expect-error unknown fault mode
  sandbox.inject({ mode: "explode" });
}

export { both, neither, noBody, unknownType, untitled, stringLatitude, camelSubType, badRecipient, noRecipient, oldFlow, untypedHeader, pointer, maxBody, kinds, errors };
