// The benchmark's messages: the mix of text, list, reply buttons, template and image, once in
// wabridge's neutral model and once built with whatsapp-api-js's classes (the same five).
import * as wa from "whatsapp-api-js/messages";

export const TO = "16505551234";
const BODY = "Hello! Your order #4512 has shipped and will arrive on Thursday. Track it at https://example.com/t/4512 👋";

export const mix = [
  { to: TO, content: { type: "text", body: BODY, previewUrl: true } },
  {
    to: TO,
    content: {
      type: "list", header: { type: "text", text: "Shipping options" }, body: "Choose how fast", button: "Options",
      sections: [
        { title: "Fast", rows: [{ id: "express", title: "Express", description: "Next day" }] },
        { title: "Cheap", rows: [{ id: "ground", title: "Ground", description: "3-5 days" }, { id: "pickup", title: "Pick up" }] },
      ],
    },
  },
  {
    to: TO,
    content: {
      type: "replyButtons", header: { type: "text", text: "Delivery" }, body: "When should we deliver?", footer: "Reply to choose",
      buttons: [{ id: "today", title: "Today" }, { id: "tomorrow", title: "Tomorrow" }, { id: "later", title: "Pick a day" }],
    },
  },
  {
    to: TO,
    content: {
      type: "template", name: "order_update", language: { code: "en_US", policy: "deterministic" },
      components: [
        { type: "header", parameters: [{ type: "image", link: "https://example.com/media/p.jpg" }] },
        { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "currency", fallbackValue: "$100.99", code: "USD", amount1000: 100990 }, { type: "dateTime", fallbackValue: "Thursday" }] },
        { type: "button", subType: "quick_reply", index: 0, parameters: [{ type: "payload", payload: "TRACK" }] },
      ],
    },
  },
  { to: TO, content: { type: "image", link: "https://example.com/media/receipt.jpg", caption: "Your receipt" } },
];

export const waMix = [
  () => new wa.Text(BODY, true),
  () => new wa.Interactive(
    new wa.ActionList("Options", new wa.ListSection("Fast", new wa.Row("express", "Express", "Next day")), new wa.ListSection("Cheap", new wa.Row("ground", "Ground", "3-5 days"), new wa.Row("pickup", "Pick up"))),
    new wa.Body("Choose how fast"), new wa.Header("Shipping options"),
  ),
  () => new wa.Interactive(
    new wa.ActionButtons(new wa.Button("today", "Today"), new wa.Button("tomorrow", "Tomorrow"), new wa.Button("later", "Pick a day")),
    new wa.Body("When should we deliver?"), new wa.Header("Delivery"), new wa.Footer("Reply to choose"),
  ),
  () => new wa.Template(
    "order_update", new wa.Language("en_US"),
    new wa.HeaderComponent(new wa.HeaderParameter(new wa.Image("https://example.com/media/p.jpg"))),
    new wa.BodyComponent(new wa.BodyParameter("Ana"), new wa.BodyParameter(new wa.Currency(100990, "USD", "$100.99")), new wa.BodyParameter(new wa.DateTime("Thursday"))),
    new wa.PayloadComponent("TRACK"),
  ),
  () => new wa.Image("https://example.com/media/receipt.jpg", false, "Your receipt"),
];
