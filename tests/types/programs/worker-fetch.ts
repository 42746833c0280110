// A Worker passes its own `fetch`, or a service binding's, to a client: with Workers' types
// (@cloudflare/workers-types, no lib "dom"), whose AbortSignal is a class, not a global var.
import { MetaClient, OneMsgClient, createMessenger } from "wabridge";

interface Env {
  META_TOKEN: string;
  PROXY: { fetch(input: string, init?: RequestInit): Promise<Response> };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const direct = new MetaClient({ token: env.META_TOKEN, phoneNumberId: "1234567890", fetch });
    const bound = new OneMsgClient({ token: "t", instanceId: "1", fetch: (url, init) => env.PROXY.fetch(url, init) });
    const messenger = createMessenger({ provider: "meta", token: env.META_TOKEN, phoneNumberId: "1234567890", fetch: globalThis.fetch });
    const sent = await messenger.send({ to: "+16505551234", content: { type: "text", body: await request.text() } });
    direct.free();
    bound.free();
    return Response.json({ id: sent.id });
  },
};
