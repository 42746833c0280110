// One message of every kind wabridge supports, in the neutral model: what the demo sends,
// and what the tests check against each provider and runtime. `mediaId` is an uploaded
// media id (the demo uploads one first); links are used where no id is given.

export function sampleMessages(to, { mediaId = "1001001001001001", replyTo } = {}) {
  const image = (n) => ({ link: `https://example.com/media/product-${n}.jpg` });
  return [
    ["text", { to, content: { type: "text", body: "Your order #4512 has shipped 📦" } }],
    ["text (reply, link preview)", { to, ...(replyTo ? { replyTo } : {}), content: { type: "text", body: "Track it at https://example.com/t/4512", previewUrl: true } }],
    ["image", { to, content: { type: "image", id: mediaId, caption: "Your receipt" } }],
    ["video", { to, content: { type: "video", link: "https://example.com/media/unboxing.mp4", caption: "How to unbox it" } }],
    ["audio", { to, content: { type: "audio", link: "https://example.com/media/greeting.ogg" } }],
    ["audio (voice note)", { to, content: { type: "audio", link: "https://example.com/media/note.ogg", voice: true } }],
    ["document", { to, content: { type: "document", link: "https://example.com/media/invoice-4512.pdf", filename: "invoice-4512.pdf", caption: "Invoice" } }],
    ["sticker", { to, content: { type: "sticker", link: "https://example.com/media/thanks.webp" } }],
    ["location", { to, content: { type: "location", latitude: 52.3676, longitude: 4.9041, name: "Warehouse", address: "Damrak 1, Amsterdam" } }],
    ["location request", { to, content: { type: "locationRequest", body: "Where should we deliver?" } }],
    // WhatsApp's address form serves customers in India (and Singapore, on 1MSG).
    ["address request", {
      to,
      content: { type: "addressRequest", body: "Where should we deliver order #4512?", country: "IN", values: { name: "Asha Rao", in_pin_code: "400063" } },
    }],
    ["contacts", {
      to,
      content: {
        type: "contacts",
        contacts: [{
          name: { formattedName: "Ana Souza", firstName: "Ana", lastName: "Souza" },
          phones: [{ phone: "+5511987654321", type: "CELL", waId: "5511987654321" }],
          emails: [{ email: "ana@example.com", type: "WORK" }],
          org: { company: "Example Co", title: "Support" },
          birthday: "1990-04-12",
        }],
      },
    }],
    ["reaction", { to, content: { type: "reaction", messageId: replyTo ?? "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", emoji: "👍🏽" } }],
    ["reply buttons", {
      to,
      content: {
        type: "replyButtons",
        header: { type: "text", text: "Delivery" },
        body: "When should we deliver?",
        footer: "Reply to choose",
        buttons: [{ id: "today", title: "Today" }, { id: "tomorrow", title: "Tomorrow" }, { id: "later", title: "Pick a day" }],
      },
    }],
    ["list", {
      to,
      content: {
        type: "list",
        header: { type: "text", text: "Shipping options" },
        body: "Choose how fast",
        button: "Options",
        sections: [
          { title: "Fast", rows: [{ id: "express", title: "Express", description: "Next day" }] },
          { title: "Cheap", rows: [{ id: "ground", title: "Ground", description: "3–5 days" }, { id: "pickup", title: "Pick up" }] },
        ],
      },
    }],
    ["CTA URL", { to, content: { type: "ctaUrl", header: { type: "image", ...image(1) }, body: "Track your order", displayText: "Track", url: "https://example.com/t/4512" } }],
    ["product", { to, content: { type: "product", body: "Back in stock", catalogId: "194836987003835", productRetailerId: "sku-4512" } }],
    ["product list", {
      to,
      content: {
        type: "productList",
        header: { type: "text", text: "Summer picks" },
        body: "Our favourites",
        catalogId: "194836987003835",
        sections: [{ title: "Shirts", productRetailerIds: ["sku-1", "sku-2"] }, { title: "Hats", productRetailerIds: ["sku-3"] }],
      },
    }],
    ["catalog", { to, content: { type: "catalog", body: "Browse the shop", thumbnailProductRetailerId: "sku-1" } }],
    ["flow", {
      to,
      content: {
        type: "flow",
        body: "Book a return",
        flowId: "1234567890",
        flowCta: "Start",
        flowToken: "return-4512",
        flowAction: "navigate",
        flowActionPayload: { screen: "RETURN", data: { order: "4512" } },
        flowMessageVersion: "3",
      },
    }],
    ["carousel", {
      to,
      content: {
        type: "carousel",
        body: "New arrivals",
        cards: [1, 2].map((n) => ({
          header: { type: "image", ...image(n) },
          body: `Product ${n}`,
          buttons: [{ id: `buy-${n}`, title: "Buy" }],
        })),
      },
    }],
    ["product carousel", {
      to,
      content: { type: "productCarousel", body: "You may like", cards: [{ catalogId: "194836987003835", productRetailerId: "sku-1" }, { catalogId: "194836987003835", productRetailerId: "sku-2" }] },
    }],
    ["template", {
      to,
      content: {
        type: "template",
        name: "order_update",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "image", ...image(3) }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ana" },
              { type: "currency", fallbackValue: "$100.99", code: "USD", amount1000: 100990 },
              { type: "dateTime", fallbackValue: "Thursday" },
            ],
          },
          { type: "button", subType: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "TRACK" }] },
          { type: "button", subType: "url", index: 1, parameters: [{ type: "text", text: "4512" }] },
        ],
      },
    }],
  ];
}

/** The neutral kinds Bird carries, in the forms it carries them (media by link with its MIME
 *  type; reply buttons without a footer, or under an image or document header — Bird's image
 *  and file bodies with postbacks —; lists and URL buttons without a media header or footer;
 *  carousel cards with a URL button; a template by its Studio project, its variables named):
 *  what the demo and the runtime checks send through `BirdClient.send`.
 *  `replyTo` is the id of a message received on Bird (a UUID). */
export function birdMessages(to, { replyTo } = {}) {
  const image = (n) => `https://example.com/media/product-${n}.jpg`;
  const cards = (header) => [1, 2].map((n) => ({ header: header(n), body: `Product ${n}`, ctaUrl: { displayText: "Buy", url: `https://example.com/p/${n}` } }));
  return [
    ["text", { to, content: { type: "text", body: "Your order #4512 has shipped 📦" } }],
    ["text (reply, link preview)", { to, ...(replyTo ? { replyTo } : {}), content: { type: "text", body: "Track it at https://example.com/t/4512", previewUrl: true } }],
    ["image", { to, content: { type: "image", link: image(1), caption: "Your receipt" } }],
    ["video", { to, content: { type: "video", link: "https://example.com/media/unboxing.mp4", mimeType: "video/mp4", caption: "How to unbox it" } }],
    ["audio", { to, content: { type: "audio", link: "https://example.com/media/greeting.ogg", mimeType: "audio/ogg" } }],
    ["document", { to, content: { type: "document", link: "https://example.com/media/invoice-4512.pdf", mimeType: "application/pdf", filename: "invoice-4512.pdf", caption: "Invoice" } }],
    ["sticker", { to, content: { type: "sticker", link: "https://example.com/media/thanks.webp" } }],
    ["location", { to, content: { type: "location", latitude: 52.3676, longitude: 4.9041, name: "Warehouse", address: "Damrak 1, Amsterdam" } }],
    ["location request", { to, content: { type: "locationRequest", body: "Where should we deliver?" } }],
    ["reply buttons", {
      to,
      content: { type: "replyButtons", body: "When should we deliver?", buttons: [{ id: "today", title: "Today" }, { id: "tomorrow", title: "Tomorrow" }, { id: "later", title: "Pick a day" }] },
    }],
    ["reply buttons (image header)", {
      to,
      content: { type: "replyButtons", header: { type: "image", link: "https://example.com/media/parcel.png" }, body: "Your parcel is ready. When should we deliver?", buttons: [{ id: "today", title: "Today" }, { id: "tomorrow", title: "Tomorrow" }] },
    }],
    ["reply buttons (document header)", {
      to,
      content: { type: "replyButtons", header: { type: "document", link: "https://example.com/media/terms.pdf", filename: "terms.pdf" }, body: "Do you accept the terms?", buttons: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }] },
    }],
    ["list", {
      to,
      content: {
        type: "list",
        header: { type: "text", text: "Shipping options" },
        body: "Choose how fast",
        button: "Options",
        sections: [
          { title: "Fast", rows: [{ id: "express", title: "Express", description: "Next day" }] },
          { title: "Cheap", rows: [{ id: "ground", title: "Ground", description: "3–5 days" }, { id: "pickup", title: "Pick up" }] },
        ],
      },
    }],
    ["CTA URL", { to, content: { type: "ctaUrl", body: "Track your order", displayText: "Track", url: "https://example.com/t/4512" } }],
    ["carousel (images)", { to, content: { type: "carousel", body: "New arrivals", cards: cards((n) => ({ type: "image", link: image(n) })) } }],
    ["carousel (videos)", {
      to,
      content: { type: "carousel", body: "New arrivals", cards: cards((n) => ({ type: "video", link: `https://example.com/media/product-${n}.mp4`, mimeType: "video/mp4" })) },
    }],
    // Bird sends a template by its Studio project (the one of Bird's page examples), its
    // variables by the names the template gives them.
    ["template (by Studio project)", {
      to,
      content: {
        type: "template",
        language: { code: "en" },
        projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318",
        components: [{ type: "body", parameters: [{ type: "text", text: "Ana", parameterName: "name" }] }],
      },
    }],
  ];
}

/** The neutral kinds 1MSG carries, in the forms it carries them (a text without the link
 *  preview switch sendMessage lacks; reply buttons with a media header, a CTA URL with a text
 *  header): what the demo and the runtime checks send through `OneMsgClient.send`, one per
 *  1MSG method that has a neutral kind — sendMessage, sendFile, sendSticker, sendLocation, sendLocationRequest, sendContact,
 *  sendReaction, sendButton, sendList, sendProduct (a product, a product list), sendFlow,
 *  sendCarousel (media cards, product cards) and sendCtaUrl; sendTemplate needs a namespace
 *  and goes on its own. `replyTo` is the id of a message received on 1MSG (the reaction
 *  reacts to it). */
export function oneMsgMessages(to, { mediaId, replyTo } = {}) {
  const samples = new Map(sampleMessages(to, { mediaId, replyTo }));
  const kinds = ["image", "video", "audio", "audio (voice note)", "document", "sticker", "location", "location request", "address request", "contacts", "reaction", "reply buttons", "list", "product", "product list", "flow", "carousel", "product carousel"];
  return [
    ["text", samples.get("text")],
    ["text (reply)", { to, ...(replyTo ? { replyTo } : {}), content: { type: "text", body: "Track it at https://example.com/t/4512" } }],
    ...kinds.map((kind) => [kind, samples.get(kind)]),
    ["reply buttons (image header)", {
      to,
      content: { type: "replyButtons", header: { type: "image", link: "https://example.com/media/parcel.png" }, body: "Your parcel is ready. When should we deliver?", buttons: [{ id: "today", title: "Today" }, { id: "tomorrow", title: "Tomorrow" }] },
    }],
    ["CTA URL (text header)", {
      to,
      content: { type: "ctaUrl", header: { type: "text", text: "Order #4512" }, body: "Track your order", footer: "Updated hourly", displayText: "Track", url: "https://example.com/t/4512" },
    }],
  ];
}
