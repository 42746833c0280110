// What the model takes exactly one of is a choice in the types too: a Flow by its id or its
// name, a carousel card's quick-reply buttons or its URL button. No DOM or Node API: compiled
// in every setup. Lines marked "@ts-expect-error" must fail to compile.
import type { CarouselCard, Flow, Message, OneMsgFileFields } from "wabridge";

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

// A list's, a product list's and an address request's header is text; a card's an image or a video.
const textHeader = { to, content: { type: "list", header: { type: "text", text: "Menu" }, body: "b", button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }] } } satisfies Message;
// @ts-expect-error a list's header is text only
const imageHeader: Message = { to, content: { type: "list", header: { type: "image", link: "https://example.com/a.jpg" }, body: "b", button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }] } };
// @ts-expect-error a card's header is an image or a video
const textCard: CarouselCard = { header: { type: "text", text: "Red" }, buttons: [{ id: "red", title: "Red" }] };
// 1MSG's sendFile goes to exactly one of phone and chatId.
const toPhone: OneMsgFileFields = { phone: 16505551234, filename: "a.pdf" };
const toChat: OneMsgFileFields = { chatId: "16505551234@c.us" };
// @ts-expect-error no recipient
const nobody: OneMsgFileFields = { filename: "a.pdf" };

export { bare, both, byId, byName, carousel, imageHeader, neither, nobody, textCard, textHeader, toChat, toPhone, twice, withLink };

// What each kind of media may carry: a caption on images, videos and documents; a file name on
// documents; voice on audio.
const photo = { to, content: { type: "image", link: "https://example.com/a.jpg", caption: "Hi" } } satisfies Message;
const note = { to, content: { type: "audio", id: "1234", voice: true } } satisfies Message;
const invoice = { to, content: { type: "document", link: "https://example.com/a.pdf", filename: "invoice.pdf", caption: "Your invoice" } } satisfies Message;
// @ts-expect-error only audio is a voice note
const voiceImage: Message = { to, content: { type: "image", id: "1234", voice: true } };
// @ts-expect-error only documents have a file name
const namedVideo: Message = { to, content: { type: "video", id: "1234", filename: "a.mp4" } };
// @ts-expect-error a sticker has no caption
const captionedSticker: Message = { to, content: { type: "sticker", id: "1234", caption: "Hi" } };
// @ts-expect-error a header's media has no caption
const captionedHeader: Message = { to, content: { type: "replyButtons", header: { type: "image", id: "1234", caption: "x" }, body: "b", buttons: [{ id: "a", title: "A" }] } };

export { captionedHeader, captionedSticker, invoice, namedVideo, note, photo, voiceImage };
