// Errors told apart by `code`, as a program that loads the package twice (ESM beside CommonJS)
// must: `AnyWabridgeError` is a union that `code` narrows to each error's own fields. No DOM or
// Node API: compiled in every setup.
import { toProvider, type AnyWabridgeError, type Message } from "wabridge";

export function describe(message: Message): string {
  try {
    toProvider("bird", message);
    return "ok";
  } catch (caught) {
    const error = caught as AnyWabridgeError;
    switch (error.code) {
      case "ERR_VALIDATION":
        return error.violations.map((v) => `${v.path}: ${v.code}`).join("; ");
      case "ERR_UNSUPPORTED":
        return `${error.provider} cannot carry ${error.kind}`;
      case "ERR_PROVIDER":
        return `${error.httpStatus}`;
      case "ERR_TIMEOUT":
      case "ERR_TRANSPORT":
        return `retry: ${error.retryable}`;
      case "ERR_PARTIAL_SEND":
        return `${error.unsent?.length ?? 0} unsent`;
      default:
        return error.message;
    }
  }
}
