const w = await import("../pkg/node.mjs");
const BODY = "Hello! Your order #4512 has shipped and will arrive on Thursday. Track it at https://example.com/t/4512 👋";
const neutral = { to: "16505551234", content: { type: "text", body: BODY, previewUrl: true } };
for (let i = 0; i < 300000; i++) w.toProviderJson("meta", JSON.stringify(neutral));
