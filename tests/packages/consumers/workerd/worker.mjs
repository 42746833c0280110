// A Worker that runs the conformance checks inside workerd and answers with the results.
import * as wabridge from "wabridge";
import * as sandbox from "wabridge/sandbox";
import { conformance } from "./conformance.mjs";

export default {
  async fetch(request) {
    const baseUrl = new URL(request.url).searchParams.get("base");
    const checks = await conformance(wabridge, { baseUrl, sandbox });
    return Response.json(checks);
  },
};
