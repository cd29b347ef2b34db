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
  /**
   * {@link checkpointDigest} of the checkpoint before it ({@link GENESIS_DIGEST} for the first): the chain that
   * shows a checkpoint deleted from the middle. Absent on checkpoints written before the chain.
   */
  previousDigest?: string;
}

/** The `previousDigest` of the log's first checkpoint. */
export const GENESIS_DIGEST = '0'.repeat(64);

/** The exact text a checkpoint's signature covers. */
export function checkpointMessage(c: Omit<Checkpoint, 'id' | 'signature'>): string {
  const heads = Object.entries(c.streamHeads).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const headsDigest = createHash('sha256').update(JSON.stringify(heads)).digest('hex');
  const fields = [c.position, c.eventCount, c.logHash, headsDigest, c.createdAt, c.keyId];
  return c.previousDigest === undefined
    ? JSON.stringify(['cadreflow-checkpoint-v1', ...fields])
    : JSON.stringify(['cadreflow-checkpoint-v2', ...fields, c.previousDigest]);
}

/** SHA-256 of a checkpoint's signed message: how a tree head and the next checkpoint name it. */
export function checkpointDigest(c: Omit<Checkpoint, 'id' | 'signature'>): string {
  return createHash('sha256').update(checkpointMessage(c)).digest('hex');
}
