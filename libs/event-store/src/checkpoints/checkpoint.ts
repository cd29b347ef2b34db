import { createHash } from 'node:crypto';

/** Head of a stream at a checkpoint: version and hash of its last event. */
export type StreamHead = [version: number, hash: string];

/** A signed statement of the log's state up to one position. */
export interface Checkpoint {
  id: number;
  position: number;
  eventCount: number;
  logHash: string;
  /** Heads of the streams that changed since the previous checkpoint. */
  streamHeads: Record<string, StreamHead>;
  createdAt: string;
  keyId: string;
  signature: string;
}

/** The exact text a checkpoint's signature covers. */
export function checkpointMessage(c: Omit<Checkpoint, 'id' | 'signature'>): string {
  const heads = Object.entries(c.streamHeads).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const headsDigest = createHash('sha256').update(JSON.stringify(heads)).digest('hex');
  return JSON.stringify([
    'cadreflow-checkpoint-v1',
    c.position,
    c.eventCount,
    c.logHash,
    headsDigest,
    c.createdAt,
    c.keyId,
  ]);
}
