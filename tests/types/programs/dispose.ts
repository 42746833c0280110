// `using` (explicit resource management, lib "esnext"): the classes are Disposable, and
// wabridge's own declaration of Symbol.dispose merges with the lib's.
import { MetaClient } from "wabridge";

export function scoped() {
  using client = new MetaClient({ token: "t", phoneNumberId: "1" });
  return typeof client.send;
}
