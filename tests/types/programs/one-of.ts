// What the model takes exactly one of is a choice in the types too: a Flow by its id or its
// name, a carousel card's quick-reply buttons or its URL button. No DOM or Node API: compiled
// in every setup. Lines marked "@ts-expect-error" must fail to compile.
import type { CarouselCard, Flow, Message } from "wabridge";

const to = "+16505551234";
const flowContent = { body: "Book a table", flowCta: "Book" };
const byId = { to, content: { type: "flow", ...flowContent, flowId: "1234567890" } } satisfies Message;
const byName = { to, content: { type: "flow", ...flowContent, flowName: "booking", mode: "draft" } } satisfies Message;
// @ts-expect-error a Flow with neither its id nor its name
const neither: Message = { to, content: { type: "flow", ...flowContent } };
// @ts-expect-error a Flow by both
const both: Flow = { ...flowContent, flowId: "1234567890", flowName: "booking" };

const header = { type: "image", link: "https://example.com/a.jpg" } as const;
const withButtons: CarouselCard = { header, body: "Red", buttons: [{ id: "red", title: "Red" }] };
const withLink: CarouselCard = { header, ctaUrl: { displayText: "Buy", url: "https://example.com/red" } };
const carousel = { to, content: { type: "carousel", body: "Colours", cards: [withButtons, { header, buttons: [{ id: "blue", title: "Blue" }] }] } } satisfies Message;
// @ts-expect-error a card with no button at all
const bare: CarouselCard = { header, body: "Green" };
// @ts-expect-error a card with both kinds
const twice: CarouselCard = { header, buttons: [{ id: "x", title: "X" }], ctaUrl: { displayText: "Buy", url: "https://example.com" } };

export { bare, both, byId, byName, carousel, neither, twice, withLink };
