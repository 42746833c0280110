import { performance } from "node:perf_hooks";
const w = await import("/work/main/pkg/node.mjs");
const wa = await import("whatsapp-api-js/messages");
const BODY = "Hello! Your order #4512 has shipped and will arrive on Thursday. Track it at https://example.com/t/4512 👋";
const neutral = { to: "16505551234", content: { type: "text", body: BODY, previewUrl: true } };
function measure(fn, ms = 1000) { for (let i = 0; i < 2000; i++) fn(); let n = 0; const s = performance.now(); let t = s; while (t - s < ms) { for (let i = 0; i < 500; i++) fn(); n += 500; t = performance.now(); } return n / ((t - s) / 1000); }
async function measureAsync(fn, ms = 1000) { for (let i = 0; i < 500; i++) await fn(); let n = 0; const s = performance.now(); let t = s; while (t - s < ms) { for (let i = 0; i < 100; i++) await fn(); n += 100; t = performance.now(); } return n / ((t - s) / 1000); }
const waRate = measure(() => { const m = new wa.Text(BODY, true); return JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: "16505551234", type: m._type, [m._type]: m }); });
const ours = measure(() => w.toProviderJson("meta", JSON.stringify(neutral)));
console.log("text: wa", Math.round(waRate), "ours", Math.round(ours), (ours / waRate).toFixed(2));
const canned = JSON.stringify({ messaging_product: "whatsapp", contacts: [{ input: "16505551234", wa_id: "16505551234" }], messages: [{ id: "wamid.X" }] });
const fetch = async () => new Response(canned, { status: 200, headers: { "content-type": "application/json" } });
const client = new w.MetaClient({ token: "T", phoneNumberId: "123", fetch });
const floor = await measureAsync(async () => { const body = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: BODY } }); const r = await fetch("x", { body }); return r.json(); });
const send = await measureAsync(() => client.send(neutral));
console.log("send: floor", Math.round(floor), "ours", Math.round(send), (send / floor).toFixed(2));
