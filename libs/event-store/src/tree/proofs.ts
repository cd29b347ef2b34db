import type { DataSource, EntityManager } from 'typeorm';
import { consistencyRanges, hashRanges, inclusionRanges } from '../merkle/merkle-tree';
import { storedNodeReader } from './tree-head-writer';

/** An event's place in the tree and the hashes that lead from it to the root of a tree of `treeSize`. */
export interface InclusionProof {
  position: number;
  leafIndex: number;
  treeSize: number;
  proof: Buffer[];
}

/** The event at `position` is not (yet) covered by the tree: no signed tree head includes it. */
export class NotInTreeError extends Error {
  constructor(readonly position: number) {
    super(`the event at position ${position} is not covered by a signed tree head yet`);
    this.name = 'NotInTreeError';
  }
}

/**
 * Inclusion proofs of the events at `positions` in the tree of `treeSize` leaves, read from the stored nodes
 * (a handful of hashes per event, whatever the log's size).
 *
 * @throws NotInTreeError for an event no head covers
 */
export async function inclusionProofs(
  target: DataSource | EntityManager,
  positions: number[],
  treeSize: number,
): Promise<InclusionProof[]> {
  const rows: { position: string; idx: string }[] = await target.query(
    `SELECT position, idx FROM merkle_nodes WHERE level = 0 AND position = ANY($1::bigint[])`,
    [positions],
  );
  const indexOf = new Map(rows.map((r) => [Number(r.position), Number(r.idx)]));
  const leaves = positions.map((position) => {
    const leafIndex = indexOf.get(position);
    if (leafIndex === undefined || leafIndex >= treeSize) throw new NotInTreeError(position);
    return { position, leafIndex, ranges: inclusionRanges(leafIndex, treeSize) };
  });
  // Every proof's hashes in one read of the stored nodes.
  const hashes = await hashRanges(
    leaves.flatMap((l) => l.ranges),
    storedNodeReader(target),
  );
  let at = 0;
  return leaves.map(({ position, leafIndex, ranges }) => ({
    position,
    leafIndex,
    treeSize,
    proof: hashes.slice(at, (at += ranges.length)),
  }));
}

/** The consistency proof from the tree of `size1` leaves to the tree of `size2`. */
export async function consistencyProof(
  target: DataSource | EntityManager,
  size1: number,
  size2: number,
): Promise<Buffer[]> {
  return hashRanges(consistencyRanges(size1, size2), storedNodeReader(target));
}
