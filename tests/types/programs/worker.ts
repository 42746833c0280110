// A Cloudflare Worker (`export default { fetch }`): validates the posted message for Bird and
// sends it through BirdClient. Needs only the global Request/Response types (lib "dom",
// @types/node or Workers' types).
import { BirdClient, UnsupportedError, WabridgeError, validate, type Message } from "wabridge";

interface Env {
  BIRD_ACCESS_KEY: string;
  BIRD_WORKSPACE_ID: string;
  BIRD_CHANNEL_ID: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const message = (await request.json()) as Message;
    const violations = validate(message, "bird");
    if (violations.length) return Response.json({ violations }, { status: 422 });
    const client = new BirdClient({ accessKey: env.BIRD_ACCESS_KEY, workspaceId: env.BIRD_WORKSPACE_ID, channelId: env.BIRD_CHANNEL_ID, fetch });
    try {
      const result = await client.send(message);
      return Response.json(result);
    } catch (error) {
      if (error instanceof UnsupportedError) return Response.json({ provider: error.provider, kind: error.kind }, { status: 422 });
      if (error instanceof WabridgeError) return Response.json({ code: error.code, retryable: error.retryable }, { status: 502 });
      throw error;
    }
  },
};
