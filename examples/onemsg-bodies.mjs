// 1MSG.IO request bodies in 1MSG's own terms, for what the neutral model does not carry to
// 1MSG: templates (every parameter type, buttons, a carousel template, a catalogue), carousels,
// flows and products — what `OneMsgClient.sendBody(method, body)` sends. The templates they
// use come first, as `OneMsgClient.addTemplate` takes them: 1MSG sends a template only once the
// channel has it (approved) in that language. The demo adds the templates and sends each body;
// the runtime checks do the same in every runtime.
// `to` is the customer (+E.164); `namespace` the channel's template namespace (GET /templates
// gives it); `mediaId` an id from `uploadMedia` (the document header sends it).

/** Meta's upload handle of a template's example media header (1MSG passes it on). */
const HEADER_HANDLE = "4::aW1hZ2UvanBlZw==:ARb52CTUac8FTuSZdkoCXGdeoxDZPHtGa3LSZmQjIxGnvDhg3hJQe37IRYld6flatNuZiaa89a6M_23HGH0ylis7w1O6pILkUxR-TrLlKp-mYA:e:1708173546:256725303808337:100052252050649:ARbcwlC3kHgZ7vaMLbQ";
const CATALOG_ID = "194836987003835";
const image = (n) => `https://example.com/media/product-${n}.jpg`;

/** The templates the bodies send, as addTemplate takes them. */
export function oneMsgTemplates() {
  const body = (text, ...examples) => ({ type: "BODY", text, ...(examples.length ? { example: { body_text: [examples] } } : {}) });
  const mediaHeader = (format) => ({ type: "HEADER", format, example: { header_handle: [HEADER_HANDLE] } });
  const card = (name) => ({
    components: [
      mediaHeader("IMAGE"),
      body(`${name}, {{1}} off.`, "20%"),
      { type: "BUTTONS", buttons: [{ type: "URL", text: "Buy now", url: "https://example.com/p/{{1}}", example: ["https://example.com/p/1"] }] },
    ],
  });
  return [
    {
      name: "order_shipped", category: "UTILITY", language: "en",
      components: [
        { type: "HEADER", format: "TEXT", text: "Order {{1}} has shipped", example: { header_text: ["#4512"] } },
        body("Hi {{1}}, it arrives on {{2}}.", "Ana", "Friday"),
        { type: "FOOTER", text: "Reply STOP to opt out" },
        {
          type: "BUTTONS",
          buttons: [
            { type: "URL", text: "Track it", url: "https://example.com/t/{{1}}", example: ["https://example.com/t/4512"] },
            { type: "QUICK_REPLY", text: "Change delivery" },
          ],
        },
      ],
    },
    { name: "payment_due", category: "UTILITY", language: "en", components: [body("Hi {{1}}, {{2}} is due on {{3}}.", "Ana", "$100.99", "April 13")] },
    { name: "spring_sale", category: "MARKETING", language: "en", components: [mediaHeader("IMAGE"), body("{{1}} off everything this week.", "20%")] },
    { name: "invoice_ready", category: "UTILITY", language: "en", components: [mediaHeader("DOCUMENT"), body("Invoice {{1}} is ready.", "INV-4512")] },
    { name: "product_tour", category: "MARKETING", language: "en", components: [mediaHeader("VIDEO"), body("See how it works.")] },
    { name: "new_arrivals", category: "MARKETING", language: "en", components: [body("Hi {{1}}, these just came in.", "Ana"), { type: "CAROUSEL", cards: [card("Trail shoes"), card("Rain jacket")] }] },
    {
      name: "browse_catalog", category: "MARKETING", language: "en",
      components: [body("{{1}} new products in our shop.", "12"), { type: "BUTTONS", buttons: [{ type: "CATALOG", text: "View catalog" }] }],
    },
  ];
}

/** [form, method, body]: one body per template form and per method the neutral model does not
 *  send to 1MSG. */
export function oneMsgBodies(to, { namespace, mediaId = "1037543291543636", replyTo } = {}) {
  const phone = to.replace(/\D/g, "");
  const chatId = `${phone}@c.us`;
  const text = (value) => ({ type: "text", text: value });
  const template = (name, params, recipient = { phone }) => ({ ...recipient, namespace, template: name, language: { policy: "deterministic", code: "en" }, params });
  const cardHeader = (n) => ({ type: "header", parameters: [{ type: "image", image: { link: image(n) } }] });
  return [
    ["template (text, URL + quick reply)", "sendTemplate", template("order_shipped", [
      { type: "header", parameters: [text("#4512")] },
      { type: "body", parameters: [text("Ana"), text("Friday")] },
      { type: "button", sub_type: "url", index: 0, parameters: [text("4512")] },
      { type: "button", sub_type: "quick_reply", index: 1, parameters: [{ type: "payload", payload: "change-4512" }] },
    ])],
    ["template (currency, date_time)", "sendTemplate", template("payment_due", [{
      type: "body",
      parameters: [
        text("Ana"),
        { type: "currency", currency: { fallback_value: "$100.99", currency_code: "USD", amount_1000: 100990 } },
        { type: "date_time", date_time: { fallback_value: "April 13", component: { day_of_week: "MONDAY", year: 2026, month: 4, day_of_month: 13, hour: 9, minute: 0, calendar: "GREGORIAN" } } },
      ],
    }])],
    ["template (image header)", "sendTemplate", template("spring_sale", [
      { type: "header", parameters: [{ type: "image", image: { link: "https://example.com/media/spring-sale.jpg" } }] },
      { type: "body", parameters: [text("20%")] },
    ])],
    ["template (document header, by id)", "sendTemplate", template("invoice_ready", [
      { type: "header", parameters: [{ type: "document", document: { id: mediaId, filename: "invoice-4512.pdf" } }] },
      { type: "body", parameters: [text("INV-4512")] },
    ], { chatId })],
    ["template (video header)", "sendTemplate", template("product_tour", [{ type: "header", parameters: [{ type: "video", video: { link: "https://example.com/media/tour.mp4" } }] }])],
    ["template (carousel)", "sendTemplate", template("new_arrivals", [
      { type: "body", parameters: [text("Ana")] },
      {
        type: "CAROUSEL",
        cards: [1, 2].map((n, i) => ({
          card_index: i,
          components: [cardHeader(n), { type: "body", parameters: [text(`${15 + 5 * i}%`)] }, { type: "button", sub_type: "url", index: 0, parameters: [text(String(n))] }],
        })),
      },
    ])],
    ["template (catalogue)", "sendTemplate", template("browse_catalog", [
      { type: "body", parameters: [text("12")] },
      { type: "button", sub_type: "CATALOG", index: 0, parameters: [{ type: "action", action: { thumbnail_product_retailer_id: "sku-1" } }] },
    ])],
    ["carousel (images, URL buttons)", "sendCarousel", {
      phone: Number(phone),
      body: "New arrivals",
      params: [{
        type: "CAROUSEL",
        cards: [1, 2].map((n, i) => ({
          card_index: i,
          components: [
            cardHeader(n),
            { type: "body", parameters: [text(`Product ${n}`)] },
            { type: "button", sub_type: "url", index: 0, parameters: { text: "Buy", url: `https://example.com/p/${n}` } },
          ],
        })),
      }],
    }],
    ["carousel (products)", "sendCarousel", {
      chatId,
      body: "You may like",
      params: [{
        type: "CAROUSEL",
        cards: ["sku-1", "sku-2"].map((sku, i) => ({
          card_index: i,
          components: [
            { type: "header", parameters: [{ type: "product", product: { catalog_id: CATALOG_ID, product_retailer_id: sku } }] },
            { type: "button", sub_type: "quick_reply", index: 0, parameters: [{ id: `more-${sku}`, text: "Tell me more" }] },
          ],
        })),
      }],
    }],
    ["flow (navigate)", "sendFlow", {
      chatId,
      ...(replyTo ? { quotedMsgId: replyTo } : {}),
      header: "Returns",
      body: "Book a return",
      footer: "Takes a minute",
      flowId: "1234567890",
      flowToken: "return-4512",
      flowCta: "Start",
      flowAction: "navigate",
      flowActionPayload: { screen: "RETURN", data: { order: "4512" } },
      flowMessageVersion: "3",
      mode: "published",
    }],
    ["flow (data_exchange)", "sendFlow", { phone: Number(phone), body: "Pick a delivery slot", flowId: "1234567890", flowToken: "slot-4512", flowCta: "Choose", flowAction: "data_exchange" }],
    ["product", "sendProduct", { phone, body: "Back in stock", footer: "Free delivery over $50", action: { catalog_id: CATALOG_ID, product_retailer_id: "sku-4512" } }],
    ["product list", "sendProduct", {
      chatId,
      header: "Summer picks",
      body: "Our favourites",
      action: {
        catalog_id: CATALOG_ID,
        sections: [
          { title: "Shirts", product_items: [{ product_retailer_id: "sku-1" }, { product_retailer_id: "sku-2" }] },
          { title: "Hats", product_items: [{ product_retailer_id: "sku-3" }] },
        ],
      },
    }],
  ];
}
