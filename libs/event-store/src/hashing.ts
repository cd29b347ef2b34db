import { createHash } from 'node:crypto';

/** The hash before a stream's first event, and before the log's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The parts of an event its hash covers. `dataText` and `metadataText` are PostgreSQL's `jsonb` text output,
 * which is canonical (keys sorted, one spelling per value): what is hashed is exactly what the log returns.
 */
export interface HashedFields {
  prevHash: string;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  /** `recorded_at` as ISO-8601 UTC with milliseconds, as `Date#toISOString` spells it. */
  recordedAt: string;
  dataText: string;
  metadataText: string;
}

/**
 * SHA-256 of one event chained to its stream's previous hash. An export of the log can be checked with any
 * SHA-256 tool: the input is the JSON array header, a newline, the data text, a newline, the metadata text.
 */
export function eventHash(f: HashedFields): string {
  const header = JSON.stringify([f.prevHash, f.streamId, f.streamVersion, f.type, f.schemaVersion, f.recordedAt]);
  return createHash('sha256').update(header).update('\n').update(f.dataText).update('\n').update(f.metadataText).digest('hex');
}

/** The running hash over the whole log in global order: each event's hash folded into the previous log hash. */
export function logHash(prevLogHash: string, hash: string): string {
  return createHash('sha256').update(prevLogHash).update(hash).digest('hex');
}
