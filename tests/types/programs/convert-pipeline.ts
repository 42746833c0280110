// Converting and sending on: the body `convert` and `toProvider` give is typed by its target,
// so that the clients' sendBody and the neutral model take it without casts.
import { BirdClient, OneMsgClient, convert, toProvider, type BirdRequestBody, type Message, type OneMsgSendMethod } from "wabridge";

declare const bird: BirdClient;
declare const onemsg: OneMsgClient;
declare const metaBody: Record<string, unknown>;
declare const message: Message;
declare const projectId: string | undefined;

export async function pipeline(): Promise<void> {
  const neutral: Message = convert("meta", "neutral", metaBody).body;
  const toOneMsg = convert("neutral", "1msg", neutral, { fit: "adapt" });
  const method: OneMsgSendMethod | undefined = toOneMsg.operation;
  if (method) await onemsg.sendBody(method, toOneMsg.body);
  for (const part of toOneMsg.more) if (part.operation) await onemsg.sendBody(part.operation, part.body);
  // A Meta template to Bird, named there by its Studio project (which Meta's body has not).
  await bird.sendBody(convert("meta", "bird", metaBody, { template: { projectId } }).body);
  // @ts-expect-error only a template's naming fields
  convert("meta", "bird", metaBody, { template: { project: "x" } });
  const birdBody: BirdRequestBody = toProvider("bird", message);
  await bird.sendBody(birdBody);
  const meta: Record<string, unknown> = toProvider("meta", message);
  // A target known only at run time: the union of the bodies.
  const target = Math.random() < 0.5 ? "bird" : "1msg";
  const either: BirdRequestBody | import("wabridge").OneMsgSendBody = convert("neutral", target, message).body;
  console.log(meta, either);
  // @ts-expect-error a Bird body is not a neutral message
  const wrong: Message = convert("neutral", "bird", message).body;
  console.log(wrong);
}
