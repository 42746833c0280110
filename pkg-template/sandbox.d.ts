// The declarations of `wabridge/sandbox` (the emulator is its own subpath so that the main
// entry stays small).
import type { BirdClientOptions, MetaClientOptions, OneMsgClientOptions, Provider } from "./wasm/wabridge.js";

/**
 * The global `fetch` type where the project's libs declare one (lib "dom", @types/node,
 * @cloudflare/workers-types), else a structural stand-in — so these declarations need none
 * of them.
 */
type GlobalFetch = typeof globalThis extends { fetch: infer F } ? F : (input: string, init?: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array }) => Promise<{ status: number; text(): Promise<string>; json(): Promise<any> }>;

/** What `sandbox.clientOptions(provider)` gives, per provider: pass it to that provider's client. */
export interface SandboxClientOptions {
  meta: MetaClientOptions & { baseUrl: string };
  bird: BirdClientOptions & { baseUrl: string };
  "1msg": OneMsgClientOptions & { baseUrl: string };
}

/** A function that POSTs a webhook: `globalThis.fetch` by default. */
export type WebhookFetch = (url: string, init: { method: "POST"; headers: Record<string, string>; body: string }) => Promise<{ status: number; ok: boolean }>;

/** Fault modes the sandbox injects. */
export type FaultMode =
  | "rate_limit"
  | "server_error"
  | "unavailable"
  | "delay"
  | "reset"
  | "malformed_json"
  | "html"
  | "meta_130429"
  | "onemsg_not_sent";

export declare const FAULT_MODES: readonly FaultMode[];

/**
 * A fault rule: which calls it hits (`provider`, `route` — e.g. "messages", "media.upload",
 * "sendMessage", or a RegExp — and `method`), and when: `sequence` (1-based numbers of the
 * matching calls), `probability` (seeded), `times` (the first N), or always.
 */
export interface FaultRule {
  mode: FaultMode;
  provider?: Provider;
  route?: string | RegExp;
  method?: string;
  sequence?: number[];
  probability?: number;
  times?: number;
  /** For `delay`: how long. Default 60000. */
  delayMs?: number;
  /** For `rate_limit` and `unavailable`: the Retry-After header. Default 1. */
  retryAfterSeconds?: number;
}

/** A webhook the sandbox emitted, with the exact bytes and headers (signatures included). */
export interface SandboxWebhook {
  provider: Provider;
  event: "status" | "message";
  url: string | null;
  payload: unknown;
  body: string;
  headers: Record<string, string> | null;
  status: "pending" | "delivered" | "failed";
  responseStatus: number | null;
  error: string | null;
  at: number;
}

/** A message the sandbox accepted, with the statuses it played out. */
export interface SandboxMessage {
  provider: Provider;
  id: string;
  to: string;
  contact: string;
  /** Bird: the receiver's contact id (a UUID), as `getContactChannel` takes it. */
  contactId?: string;
  /** Meta: the message type; Bird: the body type (`text`, `image`, `file`, …) or `template`; 1MSG: the method. */
  kind: string;
  body: any;
  template: boolean;
  acceptedAt: number;
  /** The last status played out; `"scheduled"` while a Bird message waits for its `scheduledFor`. */
  status: string;
  statuses: string[];
  /** Bird: when a scheduled message goes out (ms since the epoch). */
  scheduledAt?: number;
  failure: { code: number; title: string; details: string } | null;
}

export interface SandboxOptions {
  meta?: { token?: string; phoneNumberId?: string; displayPhoneNumber?: string; wabaId?: string; appSecret?: string };
  bird?: { accessKey?: string; workspaceId?: string; channelId?: string; senderNumber?: string; signingKey?: string; channelActive?: boolean };
  onemsg?: { token?: string; instanceId?: string };
  /** Where webhooks go: a URL (or one per provider), and/or a callback. They are recorded either way. */
  webhooks?: {
    url?: string | Partial<Record<Provider, string>>;
    onWebhook?: (webhook: { provider: Provider; event: "status" | "message"; payload: unknown; body: string; headers: Record<string, string> }) => void | Promise<void>;
    fetch?: WebhookFetch;
  };
  faults?: FaultRule[];
  /** Seed of ids and probabilistic faults. Default 1. */
  seed?: number;
  /** The clock, in ms since the epoch (tests move it to close the 24-hour window). */
  now?: () => number;
  /** Pause between status webhooks. Default 0. */
  statusDelayMs?: number;
  /** Play `read` (Meta) / `viewed` (1MSG) after `delivered`. Default true. */
  autoRead?: boolean;
  /**
   * Enforce the 24-hour customer-care window: a free-form message to a customer who has not
   * written in the last 24 hours is accepted, then fails (Meta: `failed` with 131047; Bird:
   * `delivery_failed` with 131047 in `failure`; 1MSG refuses it with `sent: false`).
   * Templates always go through. Default true.
   */
  enforceWindow?: boolean;
  /** Phone numbers whose messages fail as undeliverable (Meta 131026). */
  undeliverable?: string[];
  /** The base URL clients use in fetch mode. */
  baseUrl?: string;
}

export interface Sandbox {
  /** A fetch-compatible function (typed as the global `fetch`): pass it as a client's `fetch`. */
  fetch: GlobalFetch;
  baseUrl: string;
  /**
   * Options for a client of `provider`: token/ids, `baseUrl` and (unless `viaFetch: false`)
   * `fetch` — `new MetaClient(sandbox.clientOptions("meta"))`.
   */
  clientOptions<P extends Provider>(provider: P, options?: { baseUrl?: string; viaFetch?: boolean }): SandboxClientOptions[P];
  /**
   * An inbound customer message: opens the 24-hour window (Bird: what `getContactChannel`
   * reports as `serviceWindowExpireAt`) and emits the webhook. For Bird, `contactId` is the
   * customer's contact id.
   */
  receive(input: { provider: Provider; from: string; text?: string; name?: string; replyTo?: string; message?: Record<string, unknown> }): { provider: Provider; id: string; from: string; contactId?: string };
  inject(...rules: FaultRule[]): Sandbox;
  clearFaults(): void;
  messages(provider?: Provider): SandboxMessage[];
  webhooks(provider?: Provider): SandboxWebhook[];
  media(): { id: string; mimeType: string; sha256: string; fileSize: number; filename: string | null; uploadedAt: number }[];
  reads: { provider: Provider; messageId: string; typing: boolean; at: number }[];
  /**
   * Resolves when every pending status and webhook delivery has happened. Bird messages
   * scheduled for a time the clock has reached go out first; later ones stay "scheduled".
   */
  settle(): Promise<void>;
  reset(): void;
}

export declare function createSandbox(options?: SandboxOptions): Sandbox;

/** Serves the sandbox over HTTP (Node and Bun only). Control routes live under /__sandbox/. */
export declare function serveSandbox(sandbox: Sandbox, options?: { port?: number; host?: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
