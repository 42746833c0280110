// Errors made with `new`, as a test double makes them (a mocked client rejecting with a rate
// limit): typed by their fields, narrowed by `code` as the library's own are. No DOM or Node
// API: compiled in every setup. Lines marked "@ts-expect-error" must fail to compile.
import { ProviderError, TimeoutError, ValidationError, type AnyWabridgeError } from "wabridge";

const limited = new ProviderError("rate limited", { provider: "meta", httpStatus: 429, retryable: true, retryAfterMs: 1000, reason: "rate_limited" });
const invalid = new ValidationError("bad input", { violations: [{ path: "/to", code: "required", message: "to is required" }] });
const timedOut = new TimeoutError("slow", { cause: new Error("timer") });
const bare = new ValidationError();
const caught: unknown = limited;
const error = caught as AnyWabridgeError;
const wait: number | undefined = error.code === "ERR_PROVIDER" ? error.retryAfterMs : undefined;
// @ts-expect-error not a field of ProviderError
const unknownField = new ProviderError("x", { nope: 1 });
// @ts-expect-error a ProviderError's code is its class's
const otherCode = new ProviderError("x", { code: "ERR_TIMEOUT" });
// @ts-expect-error the provider is one of three
const wrongProvider = new ProviderError("x", { provider: "twilio" });

export { bare, invalid, otherCode, timedOut, unknownField, wait, wrongProvider };
