/**
 * What a task token names. Tokens are opaque to the SDK; ours are base64 JSON so a token stays valid
 * across a server restart and a stale one (an older attempt) is recognised and refused.
 */
export type TaskToken =
  | { kind: 'workflow'; namespace: string; runId: string; scheduledEventId: number; startedEventId: number }
  | { kind: 'activity'; namespace: string; runId: string; scheduledEventId: number; attempt: number }
  | { kind: 'query'; namespace: string; runId: string; queryId: string };

/** Serialises a task token. */
export function encodeTaskToken(token: TaskToken): Buffer {
  return Buffer.from(JSON.stringify(token));
}

/** Parses a task token; `undefined` when it is not one of ours. */
export function decodeTaskToken(bytes: Uint8Array | null | undefined): TaskToken | undefined {
  if (!bytes || bytes.length === 0) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as TaskToken;
    return typeof parsed === 'object' && parsed !== null && 'kind' in parsed ? parsed : undefined;
  } catch {
    return undefined;
  }
}
