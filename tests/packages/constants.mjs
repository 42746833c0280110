// Shared by the conformance checks and the loopback Meta stand-in.
export const PHONE_SUCCESS = "1000000001";
export const PHONE_REENGAGEMENT = "1000000002";
export const TOKEN = "test-token-SECRET";
