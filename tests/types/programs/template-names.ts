// A neutral template is named for some provider: by its name (Meta, 1MSG), its Bird Studio
// project, or both; one with neither does not compile, as `validate` refuses it. No DOM or
// Node API: compiled in every setup. Lines marked "@ts-expect-error" must fail to compile.
import type { Message } from "wabridge";

const to = "+16505551234";
const byName = { to, content: { type: "template", name: "order_update", language: { code: "en_US" } } } satisfies Message;
const byProject = { to, content: { type: "template", projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", language: { code: "en" } } } satisfies Message;
const forAll: Message = {
  to,
  content: { type: "template", name: "hello_world", namespace: "ns_1", projectId: "ce6a2fd6-b2fa-4f5a-a2cd-f3bd15883318", language: { code: "en_US" } },
};
// @ts-expect-error a template with neither a name nor a Studio project
const unnamed: Message = { to, content: { type: "template", namespace: "ns_1", language: { code: "en_US" } } };

export { byName, byProject, forAll, unnamed };
