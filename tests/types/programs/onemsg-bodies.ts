// 1MSG's own bodies through `OneMsgClient.sendBody`, typed per method: a template with every
// parameter type (text, currency, date_time by component and by unix_epoch, image, video,
// document, buttons by sub_type and index, a carousel's cards), a carousel, a flow, products,
// and every message method; exactly one of `phone` and `chatId`; JSON text still taken as is.
// No DOM or Node API: compiled in every setup. Lines marked "@ts-expect-error" must fail to
// compile: a wrong body is rejected, not passed on to fail at run time.
import {
  OneMsgClient,
  type OneMsgContact,
  type OneMsgPeriodStatistics,
  type OneMsgSendBodies,
  type OneMsgSendBody,
  type OneMsgSendMethod,
  type OneMsgSendResult,
  type OneMsgTemplateComponent,
} from "wabridge";

const client = new OneMsgClient({ token: "1msg-channel-token", instanceId: "123456" });

// A template with a parameter of every type, annotated once as the method's body.
const orderShipped: OneMsgSendBody<"sendTemplate"> = {
  phone: 16505551234,
  namespace: "ca300906_cfbc_410b_99fb_dcee8e13d578",
  template: "order_shipped",
  language: { policy: "deterministic", code: "en_US" },
  params: [
    { type: "header", parameters: [{ type: "document", document: { link: "https://media.example.com/invoice.pdf", filename: "invoice.pdf" } }] },
    {
      type: "body",
      parameters: [
        { type: "text", text: "Ana" },
        { type: "currency", currency: { currency_code: "USD", amount_1000: 100990, fallback_value: "$100.99" } },
        { type: "date_time", date_time: { fallback_value: "May 1", component: { day_of_week: "FRIDAY", month: 5, day_of_month: 1, calendar: "GREGORIAN" } } },
        { type: "date_time", date_time: { fallback_value: "tomorrow", unix_epoch: { timestamp: 1_767_225_600 } } },
        { type: "text", text: "48213", parameter_name: "order_id" },
      ],
    },
    { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "48213" }] },
    { type: "button", sub_type: "quick_reply", index: "1", parameters: [{ type: "payload", payload: "STOP" }] },
    { type: "button", sub_type: "copy_code", index: 2, parameters: [{ type: "coupon_code", coupon_code: "SPRING25" }] },
    { type: "button", sub_type: "CATALOG", index: 3, parameters: [{ type: "action", action: { thumbnail_product_retailer_id: "sku-4512" } }] },
  ],
};

// A carousel template: each card its own header, body and buttons.
const cardComponents = (image: string, code: string): OneMsgTemplateComponent[] => [
  { type: "header", parameters: [{ type: "image", image: { link: image } }] },
  { type: "body", parameters: [{ type: "text", text: code }] },
  { type: "button", sub_type: "quick_reply", index: 0, parameters: [{ type: "payload", payload: `more-${code}` }] },
];
const seasonal: OneMsgSendBody<"sendTemplate"> = {
  chatId: "16505551234@c.us",
  namespace: "ca300906_cfbc_410b_99fb_dcee8e13d578",
  template: "seasonal_carousel",
  language: { policy: "deterministic", code: "en" },
  params: [
    { type: "body", parameters: [{ type: "text", text: "Ana" }] },
    {
      type: "CAROUSEL",
      cards: [
        { card_index: 0, components: cardComponents("https://media.example.com/tent.jpg", "TENT") },
        { card_index: 1, components: cardComponents("https://media.example.com/boots.jpg", "BOOTS") },
      ],
    },
  ],
};

const card: OneMsgContact = {
  name: { formatted_name: "Ana Silva", first_name: "Ana" },
  phones: [{ phone: "+16505551234", type: "WORK", wa_id: "16505551234" }],
  emails: [{ email: "ana@example.com" }],
};

/** One body per method, typed by the map: a new method without a body would not compile. */
const bodies: { [M in OneMsgSendMethod]: OneMsgSendBody<M> } = {
  sendMessage: { phone: "16505551234", body: "Your order shipped", quotedMsgId: "gBGGeRhGZTEfAgkJCh2wAz4ZH-8" },
  sendFile: { chatId: "16505551234@c.us", body: "https://media.example.com/invoice.pdf", filename: "invoice.pdf", caption: "Invoice" },
  sendSticker: { phone: 16505551234, link: "https://media.example.com/thanks.webp" },
  sendLocation: { phone: 16505551234, lat: "52.3676", lng: "4.9041", name: "Shop", address: "Damrak 1, Amsterdam" },
  sendLocationRequest: { phone: 16505551234, body: "Where should we deliver?" },
  sendAddressMessage: {
    phone: 919876543210,
    body: "Where should we deliver?",
    country: "IN",
    values: { name: "Asha Rao", in_pin_code: "400063" },
    saved_addresses: [{ id: "home", value: { name: "Asha Rao", city: "Mumbai" } }],
  },
  sendReaction: { phone: 16505551234, body: "👍", quotedMsgId: "gBGGeRhGZTEfAgkJCh2wAz4ZH-8" },
  sendContact: { phone: 16505551234, contacts: [card] },
  sendButton: {
    phone: 16505551234,
    header: { type: "image", image: { link: "https://media.example.com/box.jpg" } },
    body: "Did it arrive?",
    footer: "Outdoor Shop",
    sections: [{ type: "reply", reply: { id: "yes", title: "Yes" } }, { reply: { id: "no", title: "No" } }],
  },
  sendList: {
    phone: 16505551234,
    header: "Sizes",
    body: "Pick a size",
    action: "Sizes",
    sections: [{ title: "Boots", rows: [{ id: "42", title: "EU 42", description: "In stock" }] }],
  },
  sendCtaUrl: { phone: 16505551234, body: "Track it", displayText: "Track", url: "https://shop.example.com/t/48213" },
  sendTemplate: orderShipped,
  sendCarousel: {
    phone: 16505551234,
    body: "New in",
    params: [
      {
        type: "CAROUSEL",
        cards: [0, 1].map((card_index) => ({
          card_index,
          components: [
            { type: "header", parameters: [{ type: "image", image: { link: `https://media.example.com/${card_index}.jpg` } }] },
            { type: "body", parameters: [{ type: "text", text: `Item ${card_index}` }] },
            { type: "button", sub_type: "url", index: 0, parameters: { text: "Buy", url: `https://shop.example.com/${card_index}` } },
          ],
        })),
      },
    ],
  },
  sendFlow: {
    phone: 16505551234,
    header: "Book",
    body: "Book a fitting",
    flowId: "1234567890",
    flowToken: "token-1",
    flowCta: "Book",
    flowAction: "navigate",
    flowActionPayload: { screen: "WELCOME", data: { size: 42 } },
  },
  sendProduct: { phone: 16505551234, action: { catalog_id: "194836987003835", product_retailer_id: "sku-4512" } },
};

export async function sendAll(): Promise<string[]> {
  const results: OneMsgSendResult[] = [];
  for (const method of Object.keys(bodies) as OneMsgSendMethod[]) {
    results.push(await client.sendBody(method, bodies[method]));
  }
  results.push(await client.sendBody("sendTemplate", seasonal));
  // A product list: its header and body are required.
  const list: OneMsgSendBodies["sendProduct"] = {
    header: "Boots",
    body: "Our boots",
    action: { catalog_id: "194836987003835", sections: [{ title: "Hiking", product_items: [{ product_retailer_id: "sku-1" }] }] },
  };
  results.push(await client.sendBody("sendProduct", { chatId: "120363025246125486@g.us", ...list }));
  // JSON text is taken as it is: checked at run time only.
  results.push(await client.sendBody("sendTemplate", JSON.stringify(orderShipped)));
  // `sent` is always true on a result: a `sent: false` rejects.
  return results.map(({ sent, messageId }) => `${sent === true} ${messageId}`);
}

/** The month's conversations and their price, per period of GET /extendedStatistics. */
export async function spend(): Promise<number> {
  const periods: OneMsgPeriodStatistics[] = await client.extendedStatistics();
  return periods.reduce((total, { total_price, business_initiated_paid_quantity, period_date }) => {
    void [business_initiated_paid_quantity, period_date.slice(0, 7)];
    return total + total_price;
  }, 0);
}

// Wrong bodies: each must fail to compile.
// @ts-expect-error exactly one of phone and chatId: not both
client.sendBody("sendMessage", { phone: 16505551234, chatId: "16505551234@c.us", body: "Hi" });
// @ts-expect-error exactly one of phone and chatId: not neither
client.sendBody("sendMessage", { body: "Hi" });
// @ts-expect-error a chatId is <digits>@c.us or <id>@g.us
client.sendBody("sendMessage", { chatId: "16505551234", body: "Hi" });
// @ts-expect-error a currency's code is currency_code on 1MSG (Meta's spelling is code)
client.sendBody("sendTemplate", { ...orderShipped, params: [{ type: "body", parameters: [{ type: "currency", currency: { code: "USD", amount_1000: 1, fallback_value: "$0.01" } }] }] });
// A product as the header (a single-product template).
client.sendBody("sendTemplate", { ...orderShipped, params: [{ type: "header", parameters: [{ type: "product", product: { product_retailer_id: "sku-1", catalog_id: "194836987003835" } }] }] });
// @ts-expect-error the language policy is "deterministic"
client.sendBody("sendTemplate", { ...orderShipped, language: { policy: "fallback", code: "en" } });
// Any language code: 2.39's list, and those Meta added since (1MSG passes templates on to it).
client.sendBody("sendTemplate", { ...orderShipped, language: { policy: "deterministic", code: "ml" } });
// @ts-expect-error a quick reply button's parameter is a payload
client.sendBody("sendTemplate", { ...orderShipped, params: [{ type: "button", sub_type: "quick_reply", index: 0, parameters: [{ type: "text", text: "STOP" }] }] });
// @ts-expect-error a button names its index
client.sendBody("sendTemplate", { ...orderShipped, params: [{ type: "button", sub_type: "url", parameters: [{ type: "text", text: "x" }] }] });
// @ts-expect-error a date_time is given by component or by unix_epoch, not both
const both: OneMsgTemplateComponent = { type: "body", parameters: [{ type: "date_time", date_time: { fallback_value: "x", component: { year: 2026 }, unix_epoch: { timestamp: 0 } } }] };
// @ts-expect-error sendButton's buttons are { reply: { id, title } }, not a list's rows
client.sendBody("sendButton", { phone: 16505551234, body: "Pick", sections: [{ rows: [{ id: "a", title: "A" }] }] });
// @ts-expect-error a reaction names the message it reacts to (quotedMsgId)
client.sendBody("sendReaction", { phone: 16505551234, body: "👍" });
// @ts-expect-error coordinates are decimal strings on 1MSG
client.sendBody("sendLocation", { phone: 16505551234, lat: 52.3676, lng: 4.9041 });
// @ts-expect-error an address is shown only with a name
client.sendBody("sendLocation", { phone: 16505551234, lat: "52.3676", lng: "4.9041", address: "Damrak 1" });
// @ts-expect-error a file by URL names its filename
client.sendBody("sendFile", { phone: 16505551234, body: "https://media.example.com/invoice.pdf" });
// @ts-expect-error a file by mediaId says its mediaType
client.sendBody("sendFile", { phone: 16505551234, mediaId: "1234" });
// @ts-expect-error a carousel card's header is an image, a video or a product
client.sendBody("sendCarousel", { phone: 16505551234, params: [{ type: "CAROUSEL", cards: [{ components: [{ type: "header", parameters: [{ type: "document", document: { link: "https://x.example/a.pdf" } }] }] }] }] });
// @ts-expect-error a flow needs its flowToken
client.sendBody("sendFlow", { phone: 16505551234, body: "Book", flowId: "1", flowCta: "Book" });
// @ts-expect-error a product list needs its header
client.sendBody("sendProduct", { phone: 16505551234, body: "Boots", action: { catalog_id: "1", sections: [{ product_items: [{ product_retailer_id: "a" }] }] } });
// @ts-expect-error a body is an object or JSON text
client.sendBody("sendMessage", 42);
export async function wrongStatistics(): Promise<void> {
  const [first] = await client.extendedStatistics();
  // @ts-expect-error extendedStatistics' periods are typed: total_price is a number
  const price: string | undefined = first?.total_price;
  void price;
}

export { both };
