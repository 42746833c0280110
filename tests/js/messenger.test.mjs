// createMessenger: the same calls for the three providers, against the sandbox — a customer's
// message comes in through the messenger's webhook handler and is answered with reply(); its
// statuses come back as events; markRead and uploadMedia where the provider has them, a typed
// UnsupportedError where it does not; switching provider is the createMessenger line.
import test from "node:test";
import assert from "node:assert/strict";
import { createSandbox, wabridge } from "./helpers.mjs";

const SECRETS = { meta: "meta-app-s3cret", bird: "bird-signing-key", "1msg": "shared-token" };
const URLS = { meta: "https://hooks.example.com/meta", bird: "https://hooks.example.com/bird", "1msg": `https://hooks.example.com/1msg?secret=${SECRETS["1msg"]}` };
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

/** A sandbox whose webhooks go to each provider's messenger, and the events they handled. */
function setup() {
  const messengers = {};
  const events = [];
  const sandbox = createSandbox({
    seed: 11,
    meta: { appSecret: SECRETS.meta },
    bird: { signingKey: SECRETS.bird },
    webhooks: {
      url: URLS,
      fetch: (url, init) => {
        const provider = new URL(url).pathname.slice(1);
        return messengers[provider].handleWebhook(new Request(url, init), {
          on: {
            message: async (event) => {
              events.push(event);
              await messengers[provider].reply(event, { type: "text", body: `Echo: ${event.text}` });
            },
            status: (event) => events.push(event),
          },
        });
      },
    },
  });
  for (const provider of ["meta", "bird", "1msg"]) {
    // The one line that picks the provider.
    messengers[provider] = wabridge.createMessenger({ provider, ...sandbox.clientOptions(provider), webhookSecret: SECRETS[provider] });
  }
  return { sandbox, messengers, events };
}

test("each provider: a message in through handleWebhook, answered with reply(), its statuses back as events", async () => {
  const { sandbox, messengers, events } = setup();
  for (const provider of ["meta", "bird", "1msg"]) sandbox.receive({ provider, from: "+16505551234", name: "Ana", text: "hello" });
  await sandbox.settle();
  await sandbox.settle();
  for (const provider of ["meta", "bird", "1msg"]) {
    assert.equal(messengers[provider].provider, provider);
    const inbound = events.find((e) => e.provider === provider && e.type === "message");
    assert.equal(inbound.text, "hello", provider);
    const [reply] = sandbox.messages(provider);
    assert.ok(reply, `${provider}: the reply was sent`);
    const body = reply.body;
    const text = { meta: body.text?.body, bird: body.body?.text?.text, "1msg": body.body }[provider];
    assert.equal(text, "Echo: hello", provider);
    const quoted = { meta: body.context?.message_id, bird: body.replyTo?.id, "1msg": body.quotedMsgId }[provider];
    assert.equal(quoted, inbound.id, `${provider}: the reply quotes the message`);
    const statuses = events.filter((e) => e.provider === provider && e.type === "status" && e.id === reply.id).map((e) => e.status);
    assert.deepEqual(statuses, ["sent", "delivered", "read"], provider);
    assert.equal(sandbox.webhooks(provider).every((d) => d.responseStatus === 200), true, `${provider}: every delivery answered 200`);
  }
});

test("send resolves to the message's id and the provider's answer, whatever the provider", async () => {
  const { sandbox, messengers } = setup();
  for (const provider of ["meta", "bird", "1msg"]) sandbox.receive({ provider, from: "+16505551234", text: "hi" });
  await sandbox.settle();
  for (const provider of ["meta", "bird", "1msg"]) {
    const sent = await messengers[provider].send({ to: "+16505551234", content: { type: "text", body: "Your order shipped" } });
    assert.equal(sent.provider, provider);
    assert.equal(typeof sent.id, "string");
    assert.ok(sandbox.messages(provider).some((m) => m.id === sent.id), provider);
    assert.equal(typeof sent.result, "object");
  }
});

test("markRead and uploadMedia where the provider has them; UnsupportedError (before any request) where not", async () => {
  const { sandbox, messengers } = setup();
  const received = Object.fromEntries(["meta", "bird", "1msg"].map((p) => [p, sandbox.receive({ provider: p, from: "+16505551234", text: "hi" })]));
  await sandbox.settle();
  for (const provider of ["meta", "1msg"]) {
    await messengers[provider].markRead(received[provider].id, { typing: true });
    const { mediaId } = await messengers[provider].uploadMedia(new Blob([PNG], { type: "image/png" }), { filename: "receipt.png" });
    assert.equal(typeof mediaId, "string", provider);
    assert.ok(mediaId.length > 0, provider);
  }
  const before = sandbox.messages("bird").length;
  for (const call of [() => messengers.bird.markRead(received.bird.id), () => messengers.bird.uploadMedia(PNG)]) {
    await assert.rejects(call(), (e) => e instanceof wabridge.UnsupportedError && e.provider === "bird" && e.code === "ERR_UNSUPPORTED");
  }
  await assert.rejects(
    messengers.bird.send({ to: "+16505551234", content: { type: "reaction", messageId: received.bird.id, emoji: "👍" } }),
    (e) => e instanceof wabridge.UnsupportedError && e.kind === "reaction",
  );
  assert.equal(sandbox.messages("bird").length, before, "nothing was sent");
});

test("reply answers a group message (1MSG's group chat, Meta's group) in its group; a message without a phone number is refused clearly", async () => {
  const { sandbox, messengers, events } = setup();
  sandbox.receive({ provider: "1msg", from: "+5511987654321", text: "hi all", message: { chatId: "120363025555555555@g.us", author: "5511987654321@c.us" } });
  const group = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";
  sandbox.receive({ provider: "meta", from: "+5511987654321", message: { group_id: group, type: "text", text: { body: "hi all" } } });
  await sandbox.settle();
  await sandbox.settle();
  const [reply] = sandbox.messages("1msg");
  assert.equal(reply.body.chatId, "120363025555555555@g.us");
  // Meta's group message: answered to the group, not privately to the member who wrote.
  const [metaReply] = sandbox.messages("meta");
  assert.equal(metaReply.body.recipient_type, "group");
  assert.equal(metaReply.body.to, group);
  const metaEvent = events.find((e) => e.provider === "meta" && e.type === "message");
  assert.equal(metaEvent.group, group);
  assert.equal(metaEvent.from.phone, "+5511987654321", "from is the member who wrote");
  assert.equal(metaReply.body.context.message_id, metaEvent.id);
  const hidden = { ...events.find((e) => e.provider === "1msg" && e.type === "message"), group: undefined, chatId: "US.1349@lid", from: { id: "US.1349@lid" } };
  await assert.rejects(messengers["1msg"].reply(hidden, { type: "text", body: "x" }), (e) => e instanceof wabridge.ArgumentError && /no phone number or user id/.test(e.message));
  assert.throws(() => wabridge.createMessenger({ provider: "telegram" }), wabridge.ArgumentError);
  assert.throws(() => wabridge.createMessenger({ provider: "meta" }), wabridge.ArgumentError, "the client's own checks: no token");
});

test("Bird's delivery options given to a Meta or 1MSG messenger are refused, not dropped (a message for later would go at once)", async () => {
  const { sandbox, messengers } = setup();
  const message = { to: "+16505551234", content: { type: "text", body: "later" } };
  // The customer wrote first: free-form messages are within the service window.
  for (const provider of ["meta", "bird", "1msg"]) sandbox.receive({ provider, from: "+16505551234", text: "hi" });
  await sandbox.settle();
  await sandbox.settle();
  for (const provider of ["meta", "1msg"]) {
    const before = sandbox.messages(provider).length;
    await assert.rejects(
      messengers[provider].send(message, { scheduledFor: "2030-01-01T09:00:00Z", tags: ["x"] }),
      (e) => e instanceof wabridge.ArgumentError && e.message.includes("scheduledFor, tags are Bird's"),
      provider,
    );
    assert.equal(sandbox.messages(provider).length, before, `${provider}: nothing was sent`);
    assert.match((await messengers[provider].send(message, { fit: "truncate", scheduledFor: undefined })).id, /./);
  }
  assert.match((await messengers.bird.send(message, { tags: ["x"] })).id, /./);
});

test("reply with a reaction puts it on the event's message, quoting nothing; Bird, without reactions, says so", async () => {
  const { sandbox, messengers, events } = setup();
  for (const provider of ["meta", "1msg", "bird"]) sandbox.receive({ provider, from: "+16505551234", text: "react to me" });
  await sandbox.settle();
  await sandbox.settle();
  for (const provider of ["meta", "1msg"]) {
    const event = events.find((e) => e.type === "message" && e.provider === provider && e.text === "react to me");
    const sent = await messengers[provider].reply(event, { type: "reaction", emoji: "👍" });
    assert.match(sent.id, /./, provider);
    const body = sandbox.messages(provider).at(-1).body;
    if (provider === "meta") assert.deepEqual([body.type, body.reaction, body.context], ["reaction", { message_id: event.id, emoji: "👍" }, undefined]);
    else assert.deepEqual([body.body, body.quotedMsgId], ["👍", event.id]);
  }
  const birdEvent = events.find((e) => e.type === "message" && e.provider === "bird");
  await assert.rejects(messengers.bird.reply(birdEvent, { type: "reaction", emoji: "👍" }), (e) => e instanceof wabridge.UnsupportedError && e.kind === "reaction");
});

test("each provider: a customer's file downloaded with messenger.downloadMedia(event.media), credentials only where they may go", async () => {
  // Every request the clients make, with whether it carried credentials.
  const seen = [];
  const sandbox = createSandbox({ seed: 5, meta: { appSecret: SECRETS.meta }, bird: { signingKey: SECRETS.bird } });
  const fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    seen.push({ url: String(input), authorization: headers.get("authorization"), redirect: init?.redirect });
    return sandbox.fetch(input, init);
  };
  const files = {
    meta: { type: "image", data: PNG, mimeType: "image/png", caption: "the receipt" },
    bird: { type: "document", data: "%PDF-1.7 bird", mimeType: "application/pdf", filename: "invoice.pdf" },
    "1msg": { type: "audio", data: "OggS voice", mimeType: "audio/ogg", voice: true },
  };
  for (const provider of ["meta", "bird", "1msg"]) {
    const messenger = wabridge.createMessenger({ provider, ...sandbox.clientOptions(provider), fetch });
    sandbox.receive({ provider, from: "+16505551234", media: files[provider] });
    await sandbox.settle();
    const delivery = sandbox.webhooks(provider).at(-1);
    const [event] = messenger.readWebhook(delivery.body);
    assert.equal(event.type, "message", provider);
    assert.equal(event.kind, files[provider].type, provider);
    seen.length = 0;
    const downloaded = await messenger.downloadMedia(event.media);
    const expected = typeof files[provider].data === "string" ? new TextEncoder().encode(files[provider].data) : files[provider].data;
    assert.deepEqual(downloaded.bytes, expected, `${provider}: the customer's bytes`);
    assert.equal(downloaded.mimeType, files[provider].mimeType, provider);
    // Where the credentials went: Meta's token to getMedia and the media URL; Bird's key to its
    // media host only (not followed: answered with the storage link, fetched without it);
    // 1MSG's token nowhere (its file links are public).
    const credentialed = seen.map((r) => r.authorization !== null);
    assert.deepEqual(credentialed, { meta: [true, true], bird: [true, false], "1msg": [false] }[provider], provider);
    if (provider === "bird") assert.equal(seen[0].redirect, "manual");
    for (const request of seen) assert.ok(!request.url.includes(sandbox.clientOptions("1msg").token), `${provider}: no token in ${request.url}`);
    // A URL is taken as it is.
    assert.deepEqual((await messenger.downloadMedia(event.media.url ?? (await messenger.client.getMedia(event.media.id)).url)).bytes, expected, provider);
    messenger.free();
  }
});

test("downloadMedia refuses, before any I/O, a URL that would take the credentials elsewhere", async () => {
  const sandbox = createSandbox({ seed: 6 });
  let requests = 0;
  const fetch = (input, init) => {
    requests++;
    return sandbox.fetch(input, init);
  };
  const bird = new wabridge.BirdClient({ ...sandbox.clientOptions("bird"), baseUrl: "https://api.bird.com", fetch });
  const meta = new wabridge.MetaClient({ ...sandbox.clientOptions("meta"), baseUrl: "https://graph.facebook.com", fetch });
  const key = sandbox.clientOptions("bird").accessKey;
  for (const url of ["https://evil.example\\.bird.com/m", "https://media.api.bird.com.evil.example/m", "http://media.api.bird.com/m", "https://u@media.api.bird.com/m", "file:///etc/passwd"]) {
    await assert.rejects(bird.downloadMedia(url), (error) => {
      assert.equal(error.code, "ERR_ARGUMENT", url);
      assert.ok(!error.message.includes(key), "the key is not in the message");
      return true;
    }, url);
  }
  await assert.rejects(meta.downloadMedia("https://media.api.bird.com/m"), { code: "ERR_ARGUMENT" });
  const messenger = wabridge.createMessenger({ provider: "bird", ...sandbox.clientOptions("bird"), fetch });
  await assert.rejects(messenger.downloadMedia({ id: "123" }), { code: "ERR_ARGUMENT" });
  await assert.rejects(messenger.downloadMedia(undefined), { code: "ERR_ARGUMENT" });
  assert.equal(requests, 0);
});

test("downloadMedia follows a chain of redirects without credentials (a fetch that does not follow them), up to 5; a storage's refusal names the storage", async () => {
  const key = "bird-KEY-s3cret";
  const bird = (fetch) => new wabridge.BirdClient({ accessKey: key, workspaceId: "7a9f1c2e-0000-4000-a000-000000000001", channelId: "7a9f1c2e-0000-4000-a000-000000000002", fetch });
  const chain = (hops, last) => {
    const seen = [];
    const fetch = async (url, init) => {
      seen.push({ url: String(url), authorization: new Headers(init?.headers).get("authorization") });
      const n = seen.length;
      if (n <= hops) return new Response(null, { status: n % 2 ? 302 : 307, headers: { location: n === 1 ? `https://storage.example/${n}` : `//storage-${n}.example/f` } });
      return last();
    };
    return { seen, fetch };
  };
  const ok = chain(3, () => new Response("JPEG", { headers: { "content-type": "image/jpeg" } }));
  const file = await bird(ok.fetch).downloadMedia("https://media.api.bird.com/workspaces/w/messages/m/media/f");
  assert.equal(new TextDecoder().decode(file.bytes), "JPEG");
  assert.deepEqual(ok.seen.map((r) => r.authorization !== null), [true, false, false, false]);
  assert.deepEqual(ok.seen.slice(1).map((r) => r.url), ["https://storage.example/1", "https://storage-2.example/f", "https://storage-3.example/f"]);

  const endless = chain(100, () => new Response("never"));
  await assert.rejects(bird(endless.fetch).downloadMedia("https://media.api.bird.com/m"), (e) => e instanceof wabridge.UnexpectedResponseError && /more than 5 redirects/.test(e.message));
  assert.equal(endless.seen.length, 6);

  const gone = chain(1, () => new Response("<Error>NoSuchKey</Error>", { status: 404 }));
  await assert.rejects(bird(gone.fetch).downloadMedia("https://media.api.bird.com/m"), (e) => {
    assert.ok(e instanceof wabridge.UnexpectedResponseError, String(e));
    assert.match(e.message, /the media's storage \(storage\.example\) answered HTTP 404/);
    assert.ok(!JSON.stringify({ ...e, message: e.message }).includes(key));
    return true;
  });
});

test("downloadMedia: a redirect to a javascript:, file: or data: location is said to be one (not \"without a Location\"), unfollowed, without the credentials", async () => {
  const secret = "media-CREDENTIAL-s3cret";
  const clients = {
    meta: [(fetch) => new wabridge.MetaClient({ token: secret, phoneNumberId: "100000000000001", fetch }), "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"],
    bird: [(fetch) => new wabridge.BirdClient({ accessKey: secret, workspaceId: "7a9f1c2e-0000-4000-a000-000000000001", channelId: "7a9f1c2e-0000-4000-a000-000000000002", fetch }), "https://media.api.bird.com/workspaces/w/messages/m/media/f"],
  };
  for (const [provider, [client, url]] of Object.entries(clients)) {
    for (const [location, scheme] of [["javascript:alert(1)", "javascript"], ["file:///etc/passwd", "file"], ["data:image/png;base64,iVBORw0KGgo=", "data"], ["JAVASCRIPT:alert(1)", "javascript"]]) {
      const requests = [];
      const fetch = async (input) => {
        requests.push(String(input));
        return new Response(null, { status: 302, headers: { location } });
      };
      await assert.rejects(client(fetch).downloadMedia(url), (error) => {
        assert.ok(error instanceof wabridge.UnexpectedResponseError, String(error));
        assert.equal(error.message, `unexpected response (HTTP 302): ${provider} answered HTTP 302 redirecting to a ${scheme}: location; only http(s) redirects are followed`);
        assert.equal(error.retryable, false);
        assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(secret), "no credentials in the error");
        return true;
      }, `${provider} → ${location}`);
      assert.deepEqual(requests, [url], "nothing is followed");
    }
    // No Location at all is still said so.
    await assert.rejects(client(async () => new Response(null, { status: 302 })).downloadMedia(url), { message: `unexpected response (HTTP 302): ${provider} answered HTTP 302 without a Location: (empty body)` });
  }
  // The storage Bird redirects to, redirecting again to a file: location, is named as the storage.
  let n = 0;
  const hop = async () => (n++ === 0 ? new Response(null, { status: 302, headers: { location: "https://storage.example/f?X-Amz-Signature=sig" } }) : new Response(null, { status: 301, headers: { location: "file:///etc/passwd" } }));
  await assert.rejects(clients.bird[0](hop).downloadMedia(clients.bird[1]), {
    message: "unexpected response (HTTP 301): the media's storage (storage.example) answered HTTP 301 redirecting to a file: location; only http(s) redirects are followed",
  });
});

test("a downloaded file does not pass through the wasm: its memory stays flat downloading 32 MB", async () => {
  // The browser entry's init() hands back its instance's exports, memory included.
  const browser = await import(new URL("../../pkg/browser.mjs", import.meta.url));
  const { readFileSync } = await import("node:fs");
  const { memory } = await browser.init({ module_or_path: readFileSync(new URL("../../pkg/wasm/wabridge_bg.wasm", import.meta.url)) });
  const big = new Uint8Array(32 * 1024 * 1024).fill(7);
  const fetch = async () => new Response(big, { headers: { "content-type": "video/mp4" } });
  const client = new browser.OneMsgClient({ token: "t", instanceId: "123456", fetch });
  const before = memory.buffer.byteLength;
  const file = await client.downloadMedia("https://files.example/video.mp4");
  assert.equal(file.bytes.length, big.length);
  assert.equal(file.mimeType, "video/mp4");
  assert.ok(memory.buffer.byteLength - before <= 65536, `the wasm memory grew by ${memory.buffer.byteLength - before} bytes`);
  client.free();
});

test("an uploaded file does not pass through the wasm either: the form is built around its slot; Meta and 1MSG receive it whole", async () => {
  const browser = await import(new URL("../../pkg/browser.mjs", import.meta.url));
  const { readFileSync } = await import("node:fs");
  const { memory } = await browser.init({ module_or_path: readFileSync(new URL("../../pkg/wasm/wabridge_bg.wasm", import.meta.url)) });
  const big = new Uint8Array(16 * 1024 * 1024).map((_, i) => i % 251);
  const received = [];
  const fetch = async (url, init) => {
    received.push(new Uint8Array(init.body));
    return new Response(JSON.stringify({ id: "4490709327384033", mediaId: "m1", sent: true }), { status: 200 });
  };
  const meta = new browser.MetaClient({ token: "t", phoneNumberId: "1", fetch });
  const onemsg = new browser.OneMsgClient({ token: "t", instanceId: "123456", fetch });
  const before = memory.buffer.byteLength;
  await meta.uploadMedia(big, { type: "video/mp4", filename: "clip.mp4" });
  await onemsg.uploadMedia(new Blob([big], { type: "video/mp4" }), { filename: "clip.mp4" });
  await onemsg.sendFile(big, { phone: "16505551234", caption: "the clip" }, { type: "video/mp4", filename: "clip.mp4" });
  assert.ok(memory.buffer.byteLength - before <= 65536, `the wasm memory grew by ${memory.buffer.byteLength - before} bytes`);
  for (const body of received) {
    const text = new TextDecoder("latin1").decode(body);
    const boundary = text.slice(2, text.indexOf("\r\n"));
    assert.match(boundary, /^wabridge-[0-9a-f]{26}$/);
    // The file, whole, between its part's headers and the next boundary.
    const start = text.indexOf("Content-Type: video/mp4\r\n\r\n") + "Content-Type: video/mp4\r\n\r\n".length;
    assert.deepEqual(body.subarray(start, start + big.length), big);
    assert.equal(text.slice(start + big.length, start + big.length + boundary.length + 4), `\r\n--${boundary}`);
    assert.ok(text.endsWith(`--${boundary}--\r\n`));
  }
  meta.free();
  onemsg.free();
});

test("each provider: a customer's image, audio, video or document in the sandbox, replied with event.content, is accepted", async () => {
  const sandbox = createSandbox({ seed: 12, meta: { appSecret: SECRETS.meta }, bird: { signingKey: SECRETS.bird } });
  const files = [
    { type: "image", data: PNG, mimeType: "image/jpeg", caption: "the receipt" },
    { type: "audio", data: "OggS voice", mimeType: "audio/ogg", voice: true },
    { type: "audio", data: "ID3 song", mimeType: "audio/mpeg" },
    { type: "video", data: "ftyp clip", mimeType: "video/mp4" },
    { type: "document", data: "%PDF-1.7", mimeType: "application/pdf", caption: "the invoice" },
  ];
  for (const provider of ["meta", "bird", "1msg"]) {
    const messenger = wabridge.createMessenger({ provider, ...sandbox.clientOptions(provider) });
    for (const media of files) {
      const at = `${provider} ${media.type} ${media.mimeType}`;
      const { id } = sandbox.receive({ provider, from: "+16505551234", media });
      await sandbox.settle();
      // The customer's message (the previous reply's statuses come in beside it).
      const event = sandbox.webhooks(provider).flatMap((d) => messenger.readWebhook(d.body)).find((e) => e.type === "message" && e.id === id);
      assert.equal(event?.kind, media.type, at);
      if (provider === "1msg") {
        // 1MSG's links end in the extension of their type, as its own do (…/media/ABG….jpeg).
        const extension = { "image/jpeg": "jpeg", "audio/ogg": "oga", "audio/mpeg": "mp3", "video/mp4": "mp4", "application/pdf": "pdf" }[media.mimeType];
        assert.match(event.content.link, new RegExp(`/sandbox-files/[A-Za-z0-9]+\\.${extension}$`), at);
        // …and the file is served there.
        const served = await sandbox.fetch(event.content.link);
        assert.equal(served.status, 200, at);
        assert.equal(served.headers.get("content-type"), media.mimeType, at);
      }
      const before = sandbox.messages(provider).length;
      await messenger.reply(event, event.content);
      assert.equal(sandbox.messages(provider).length, before + 1, `${at}: the reply was accepted`);
      if (provider === "1msg") {
        const { body } = sandbox.messages(provider).at(-1);
        assert.equal(body.body, event.content.link, at);
        assert.match(body.filename, /\.[a-z0-9]+$/, at);
      }
    }
    messenger.free();
  }
});

test("send's changes say what the provider leaves out by design, each at its pointer, as convert does (with no fit)", async () => {
  const { sandbox, messengers } = setup();
  for (const provider of ["meta", "bird", "1msg"]) sandbox.receive({ provider, from: "+16505551234", text: "hi" });
  await sandbox.settle();
  await sandbox.settle();
  const image = { to: "+16505551234", content: { type: "image", link: "https://media.example.com/receipt.jpg", mimeType: "image/jpeg", caption: "Receipt" } };
  for (const provider of ["meta", "bird", "1msg"]) {
    const sent = await messengers[provider].send(image);
    const expected = wabridge.convert("neutral", provider, image).changes;
    assert.deepEqual(sent.changes, expected, provider);
    assert.deepEqual(sent.changes.map((c) => c.pointer), ["/content/mimeType"], provider);
  }
  const text = await messengers.meta.send({ to: "+16505551234", content: { type: "text", body: "plain" } });
  assert.deepEqual(text.changes, []);
});

test("a Meta download is held to what getMedia said of the file: a 200 of other bytes (a login page, a cut-off body) is refused, retryable", async () => {
  const sandbox = createSandbox({ seed: 6, meta: { appSecret: SECRETS.meta } });
  sandbox.receive({ provider: "meta", from: "+16505551234", media: { type: "image", data: PNG, mimeType: "image/png" } });
  await sandbox.settle();
  const [event] = wabridge.readWebhook("meta", sandbox.webhooks("meta").at(-1).body);
  const tampered = (change) => async (input, init) => {
    const answer = await sandbox.fetch(input, init);
    if (!new URL(String(input)).pathname.startsWith("/meta-media/")) return answer;
    return new Response(change(new Uint8Array(await answer.arrayBuffer())), { status: 200, headers: answer.headers });
  };
  const download = (fetch) => wabridge.createMessenger({ provider: "meta", ...sandbox.clientOptions("meta"), fetch }).downloadMedia(event.media);
  assert.deepEqual((await download(tampered((bytes) => bytes))).bytes, PNG, "the file itself passes");
  const html = new TextEncoder().encode("<html>log in</html>");
  for (const [change, said] of [[() => html, /\d+ bytes, not \d+/], [(bytes) => bytes.slice(0, -1), /bytes, not/], [(bytes) => bytes.map((b, i) => (i === 10 ? b ^ 1 : b)), /SHA-256 differs/]]) {
    await assert.rejects(download(tampered(change)), (error) => {
      assert.ok(error instanceof wabridge.UnexpectedResponseError, String(error));
      assert.deepEqual([error.provider, error.retryable], ["meta", true]);
      assert.match(error.message, said);
      return true;
    });
  }
});

test("a messenger's handleWebhook keeps its own duplicate filter when `dedupe` only tunes it", async () => {
  const sandbox = createSandbox({ seed: 12 });
  const messenger = wabridge.createMessenger({ provider: "meta", ...sandbox.clientOptions("meta"), webhookSecret: SECRETS.meta });
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" }, messages: [{ from: "16505551234", id: "wamid.OWN1", timestamp: "1750100000", type: "text", text: { body: "hi" } }] } }] }],
  });
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(SECRETS.meta), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
  const request = () => new Request(URLS.meta, { method: "POST", headers: { "x-hub-signature-256": `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}` }, body });
  const handled = [];
  const on = { message: (event) => handled.push(event.id) };
  assert.equal((await messenger.handleWebhook(request(), { dedupe: { ttlSeconds: 120, claimSeconds: 5 }, on })).status, 200);
  assert.equal((await messenger.handleWebhook(request(), { dedupe: { ttlSeconds: 120 }, on })).status, 200);
  assert.deepEqual(handled, ["wamid.OWN1"], "the messenger's store saw it");
  // The process-wide store (handleWebhook without one) did not: the messenger kept its own.
  assert.equal((await wabridge.handleWebhook(request(), { provider: "meta", secret: SECRETS.meta, on })).status, 200);
  assert.deepEqual(handled, ["wamid.OWN1", "wamid.OWN1"]);
  assert.equal((await messenger.handleWebhook(request(), { dedupe: false, on })).status, 200);
  assert.equal(handled.length, 3, "dedupe: false turns it off");
});

test("a misspelt messenger option is refused with the messenger's own options listed beside the client's", () => {
  assert.throws(
    () => wabridge.createMessenger({ provider: "meta", token: "EAAG-token", phoneNumberId: "1", webhooksecret: "x" }),
    (e) => e instanceof wabridge.ArgumentError && /unknown option "webhooksecret"/.test(e.message) && /createMessenger's own: .*webhookSecret/.test(e.message),
  );
});

test("1MSG with rawHooks on: the customer is Meta's wa_id with the same phone, and a Meta group cannot be answered through 1MSG", async () => {
  const sandbox = createSandbox({ seed: 13 });
  const messenger = wabridge.createMessenger({ provider: "1msg", ...sandbox.clientOptions("1msg") });
  const value = (message) => JSON.stringify({
    instanceId: "VID182868781",
    messaging_product: "whatsapp",
    metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
    contacts: [{ profile: { name: "Ana" }, wa_id: "16505551234" }],
    messages: [{ from: "16505551234", id: "wamid.RAWG1", timestamp: "1750100000", type: "text", text: { body: "hi" }, ...message }],
  });
  const [single] = wabridge.readWebhook("1msg", value({}));
  const [classic] = wabridge.readWebhook("1msg", JSON.stringify({ messages: [{ id: "c1", body: "hi", fromMe: false, chatId: "16505551234@c.us", time: 1750100000, type: "chat" }] }));
  assert.equal(single.from.id, "16505551234");
  assert.equal(classic.from.id, "16505551234@c.us");
  assert.equal(single.from.phone, classic.from.phone, "the phone is the key both share");
  sandbox.receive({ provider: "1msg", from: "+16505551234", text: "hi" }); // opens the customer's window
  const sent = await messenger.reply(single, { type: "text", body: "hello" });
  assert.ok(sent.id, "a raw-hooks customer is answered by phone");
  const [inGroup] = wabridge.readWebhook("1msg", value({ group_id: "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD" }));
  assert.equal(inGroup.group, "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD");
  await assert.rejects(messenger.reply(inGroup, { type: "text", body: "hello all" }), (e) => e instanceof wabridge.ValidationError && e.violations[0].path === "/to" && /1MSG's groups are chats/.test(e.violations[0].message));
});
