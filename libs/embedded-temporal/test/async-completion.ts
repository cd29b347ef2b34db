/**
 * Task tokens of activities completed asynchronously, by workflow id: the activity and the test run in
 * the same process, so the test can complete the activity through the client afterwards.
 */
export const asyncTaskTokens = new Map<string, Uint8Array>();
