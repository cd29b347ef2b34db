import { hash as sha256 } from 'node:crypto';

/** The hash before a stream's first event, and before the log's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The parts of an event its hash covers. `dataText` and `metadataText` are the content as PostgreSQL's `jsonb` text
 * output spells it, which is canonical (keys sorted, one spelling per value); the store writes that text itself
 * (`canonicalJson`) and stores it as hashed: what is hashed is exactly what the log returns.
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
 * SHA-256 of one event chained to its stream's previous hash. The input is the fields joined by newlines:
 * previous hash, stream id, version, type, schema version, time, data text, metadata text. Stream ids and types
 * never hold a newline and JSON text never does, so an export can be checked with any SHA-256 tool.
 */
export function eventHash(f: HashedFields): string {
  return sha256(
    'sha256',
    `${f.prevHash}\n${f.streamId}\n${f.streamVersion}\n${f.type}\n${f.schemaVersion}\n${f.recordedAt}\n${f.dataText}\n${f.metadataText}`,
  );
}

/** The running hash over the whole log in global order: each event's hash folded into the previous log hash. */
export function logHash(prevLogHash: string, hash: string): string {
  return sha256('sha256', prevLogHash + hash);
}
