// One Bird Channels API request body of every body type and template form Bird documents for
// WhatsApp ("Sending WhatsApp messages"), in Bird's own terms: what `BirdClient.sendBody`
// sends. The demo sends each; the tests check that they keep the forms of the reference
// bodies in tests/fixtures/bird (one per fixture, same fields) and run them in every runtime.
// `to` is the receiver (+E.164); `replyTo` the id of a message received from them (a UUID);
// `scheduledFor` when the scheduled one goes out (default: 15 days from now).

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days) => new Date(Date.now() + days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The Studio templates `birdBodies` sends, as a workspace has them (the sandbox's `bird.templates`),
 *  and Meta's `hello_world` made in Studio (what the demo's one template for every provider names). */
export const BIRD_HELLO_WORLD = "2f0d6c1e-8a3b-4c5d-9e7f-a1b2c3d4e5f6";
export const BIRD_TEMPLATES = [
  { projectId: BIRD_HELLO_WORLD, locales: ["en-US"], variables: [] },
  { projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", locales: ["en"], variables: ["name"] },
  { projectId: "7b492653-450b-4e97-b5e4-3827868e7438", locales: ["en"], variables: ["imageURL"] },
  { projectId: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6", versions: ["e0e9190c-c3e7-4026-8fc3-d28a77aa1a52"], locales: ["en"], variables: ["name", "url"] },
];

export function birdBodies(to, { replyTo = "1e7b70ab-3dcc-48f4-a6f6-63a493f6134c", scheduledFor = inDays(15) } = {}) {
  const receiver = { contacts: [{ identifierValue: to }] };
  const keyed = { contacts: [{ identifierKey: "phonenumber", identifierValue: to }] }; // Bird's page shows both forms
  const body = (type, content, extra = {}) => ({ receiver, body: { type, [type]: content }, ...extra });
  const template = (content, contact = receiver) => ({ receiver: contact, template: content });
  const reply = (text) => ({ type: "reply", reply: { text } });
  const postback = (text, payload, description) => ({
    type: "postback",
    postback: { text, ...(payload ? { payload } : {}), ...(description ? { metadata: { description: { label: description } } } : {}) },
  });
  const link = (text, url) => ({ type: "link", link: { text, url } });
  const photo = (n, altText) => ({ altText, mediaUrl: `https://example.com/media/product-${n}.${n === 2 ? "png" : "jpg"}` });
  const video = { contentType: "video/mp4", mediaUrl: "https://example.com/media/unboxing.mp4" };
  const invoice = (filename) => ({ contentType: "application/pdf", mediaUrl: "https://example.com/media/invoice-4512.pdf", ...(filename ? { filename } : {}) });
  const twoPhotos = [photo(1, "The blue one"), photo(2, "The red one")];
  const choices = [postback("Keep it", "keep-4512"), postback("Return it", "return-4512")];
  const rows = (described) => [
    { title: "Fast", actions: [postback("Express", "express", described && "Next day"), postback("Priority", "priority", described && "Within 2 days")] },
    { title: "Cheap", actions: [postback("Ground", "ground", described && "3–5 days"), postback("Pick up", "pickup", described && "At the warehouse")] },
  ];
  const list = { title: "Shipping options", altText: "Shipping options", text: "Choose how fast" };
  const cards = (kind, files) => ({
    text: `New arrivals (${kind})`,
    items: files.map((mediaUrl, i) => ({ title: `Product ${i + 1}`, mediaUrl, actions: [link("Buy", `https://example.com/p/${i + 1}`)] })),
  });
  const replyToIt = { replyTo: { id: replyTo, type: "message" } };

  return [
    ["text", { ...body("text", { text: "Your order #4512 has shipped 📦" }), receiver: keyed }],
    ["text-reply-actions", body("text", { text: "Did it arrive in one piece?", actions: [reply("Yes"), reply("No")] })],
    ["text-postback-actions", body("text", { text: "Keep or return it?", actions: choices })],
    ["text-reply-postback-actions", body("text", { text: "Rate your delivery", actions: [postback("Great", "rate-5"), reply("Could be better")] })],
    ["text-link-action", body("text", { text: "Your order has shipped. Track it below.", actions: [link("Track order", "https://example.com/t/4512")] })],
    ["text-link-preview", body("text", { text: "Track it at https://example.com/t/4512", metadata: { whatsapp: { previewUrl: true } } })],
    ["text-location-request", body("text", { text: "Where should we deliver?", actions: [{ type: "locationRequest" }] })],
    ["image", body("image", { images: [photo(1, "Your receipt")] })],
    ["image-text", body("image", { images: [photo(1, "Your receipt")], text: "Your receipt" })],
    ["image-multiple", body("image", { images: twoPhotos, text: "Both colours" })],
    ["image-actions", body("image", { images: [photo(1, "The blue one")], text: "Keep or return it?", actions: choices })],
    ["image-reply-actions", body("image", { text: "Is this the one?", images: [photo(1, "The blue one")], actions: [reply("Yes"), reply("No")] })],
    ["image-postback-reply-actions", body("image", { text: "Is this the one?", images: [photo(1, "The blue one")], actions: [postback("Yes", "yes-4512"), reply("No")] })],
    ["image-multiple-postback-actions", body("image", { images: twoPhotos, text: "Which colour?", actions: [postback("Blue", "blue"), postback("Red", "red")] })],
    ["image-multiple-reply-actions", body("image", { images: twoPhotos, text: "Which colour?", actions: [reply("Blue"), reply("Red")] })],
    ["image-multiple-postback-reply-actions", body("image", { images: twoPhotos, text: "Which colour?", actions: [postback("Blue", "blue"), reply("Neither")] })],
    ["file", body("file", { text: "How to unbox it", files: [video] })],
    ["file-actions", body("file", { text: "How to unbox it", files: [video], actions: [postback("Helpful"), reply("Not helpful")] })],
    ["file-multiple", body("file", { text: "Video and invoice", files: [video, invoice()] })],
    ["file-multiple-filename", body("file", { text: "Video and invoice", files: [video, invoice("invoice-4512.pdf")] })],
    ["file-multiple-actions", body("file", { text: "Video and invoice", files: [video, invoice("invoice-4512.pdf")], actions: [postback("Keep it", "keep-4512"), postback("Return it", "return-4512"), reply("Questions?")] })],
    ["location", body("location", { coordinates: { latitude: 52.3676, longitude: 4.9041 }, location: { address: "Damrak 1, Amsterdam", label: "Warehouse" } })],
    ["list", body("list", { items: [{ actions: rows(false).map((s) => s.actions[0]) }], ...list })],
    ["list-sections", body("list", { items: rows(false), ...list })],
    ["list-button-label", body("list", { items: rows(true), ...list, metadata: { button: { label: "Options" } } })],
    ["carousel-image", body("carousel", cards("photos", [1, 2].map((n) => `https://example.com/media/product-${n}.jpg`)))],
    ["carousel-video", body("carousel", cards("videos", [1, 2].map((n) => `https://example.com/media/product-${n}.mp4`)))],
    ["reply-to", body("text", { text: "We are on it" }, replyToIt)],
    ["reply-to-image", body("image", { images: [photo(1, "The parcel as we sent it")] }, replyToIt)],
    ["reply-to-postback-actions", body("text", { text: "Should we resend it?", actions: [postback("Resend", "resend-4512"), postback("Refund", "refund-4512")] }, replyToIt)],
    ["scheduled", body("text", { text: "Spring sale starts today: 20% off at https://example.com/spring" }, {
      reference: "spring-sale-4512",
      meta: { extraInformation: { useCase: "marketing" } },
      capFrequency: true,
      enableLinkTracking: true,
      ignoreQuietHours: false,
      tags: ["spring-sale", "newsletter_nl", "segment a"],
      shortLinks: { domain: "default" },
      scheduledFor,
      validity: 86400,
    })],
    ["template-text", template(
      { projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", version: "latest", locale: "en", parameters: [{ type: "string", key: "name", value: "Ana" }] },
      keyed,
    )],
    ["template-image", template({ projectId: "7b492653-450b-4e97-b5e4-3827868e7438", version: "latest", locale: "en", parameters: [{ type: "string", key: "imageURL", value: "https://example.com/media/promo-banner.jpg" }] })],
    ["template-button-variable", template({
      projectId: "6449eb42-dffb-41c2-81a1-7fd956d2e7a6",
      version: "e0e9190c-c3e7-4026-8fc3-d28a77aa1a52",
      locale: "en",
      parameters: [{ type: "string", key: "name", value: "Ana" }, { type: "string", key: "url", value: "?order=4512" }],
    })],
  ];
}
