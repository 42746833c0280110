// `wabridge/sandbox` in Node and Bun: the emulator plus its HTTP server (node:http), which
// the other runtimes' entry (index.js) leaves out.
export * from "./index.js";
export { serveSandbox } from "./server.js";
