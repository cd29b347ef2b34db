import type { DataSource, EntityManager } from 'typeorm';
import { GENESIS_DIGEST, checkpointDigest, checkpointMessage, type Checkpoint, type StreamHead } from './checkpoint';
import type { CheckpointSigner } from './signing-key';

export const CHECKPOINT_LOCK_KEY = 0x63706b74; // "cpkt"

interface CheckpointRow {
  id: string;
  position: string;
  event_count: string;
  log_hash: string;
  stream_heads: Record<string, StreamHead>;
  created_at: Date;
  key_id: string;
  signature: string;
  /** Absent on a schema from before migration CheckpointChain. */
  previous_digest?: string | null;
}

export function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    id: Number(row.id),
    position: Number(row.position),
    eventCount: Number(row.event_count),
    logHash: row.log_hash,
    streamHeads: row.stream_heads,
    createdAt: row.created_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature,
    ...(row.previous_digest == null ? {} : { previousDigest: row.previous_digest }),
  };
}

/** Every checkpoint, oldest first. */
export async function listCheckpoints(dataSource: DataSource | EntityManager): Promise<Checkpoint[]> {
  const rows: CheckpointRow[] = await dataSource.query(`SELECT * FROM checkpoints ORDER BY id`);
  return rows.map(toCheckpoint);
}

/**
 * Signs the log's state up to its last committed event. Positions commit in order, so the last event's log hash
 * covers every event before it. Returns `null` when nothing was appended since the previous checkpoint.
 *
 * @example
 * await writeCheckpoint(dataSource, CheckpointSigner.fromPem(pem), new Date());
 */
export async function writeCheckpoint(
  dataSource: DataSource,
  signer: CheckpointSigner,
  now: Date,
): Promise<Checkpoint | null> {
  return dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [CHECKPOINT_LOCK_KEY]);
    return writeCheckpointIn(tx, signer, now);
  });
}

/** {@link writeCheckpoint} inside a transaction that holds the checkpoint lock, up to position `upTo` at most. */
export async function writeCheckpointIn(
  tx: EntityManager,
  signer: CheckpointSigner,
  now: Date,
  upTo = Number.MAX_SAFE_INTEGER,
): Promise<Checkpoint | null> {
  const previous: CheckpointRow[] = await tx.query(`SELECT * FROM checkpoints ORDER BY id DESC LIMIT 1`);
  // A schema from before migration CheckpointChain (reverted to) has no chain to extend.
  const chained: { c: number }[] = await tx.query(
    `SELECT count(*)::int AS c FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'checkpoints' AND column_name = 'previous_digest'`,
  );
  const from = Number(previous[0]?.position ?? 0);
  const last: { position: string; log_hash: string }[] = await tx.query(
    `SELECT position, log_hash FROM events WHERE position <= $1 ORDER BY position DESC LIMIT 1`,
    [upTo],
  );
  if (last.length === 0 || Number(last[0].position) <= from) return null;
  const position = Number(last[0].position);
  const counted: { n: string }[] = await tx.query(
    `SELECT count(*) AS n FROM events WHERE position > $1 AND position <= $2`,
    [from, position],
  );
  const heads: { stream_id: string; stream_version: number; hash: string }[] = await tx.query(
    `SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM events
        WHERE position > $1 AND position <= $2 ORDER BY stream_id, stream_version DESC`,
    [from, position],
  );
  const unsigned = {
    position,
    eventCount: Number(previous[0]?.event_count ?? 0) + Number(counted[0].n),
    logHash: last[0].log_hash,
    streamHeads: Object.fromEntries(heads.map((h) => [h.stream_id, [h.stream_version, h.hash] as StreamHead])),
    createdAt: now.toISOString(),
    keyId: signer.keyId,
    ...(chained[0].c === 0
      ? {}
      : { previousDigest: previous[0] ? checkpointDigest(toCheckpoint(previous[0])) : GENESIS_DIGEST }),
  };
  const signature = signer.sign(checkpointMessage(unsigned));
  const inserted: CheckpointRow[] = await tx.query(
    `INSERT INTO checkpoints (position, event_count, log_hash, stream_heads, created_at, key_id, signature${
      unsigned.previousDigest === undefined ? '' : ', previous_digest'
    })
       VALUES ($1, $2, $3, $4, $5, $6, $7${unsigned.previousDigest === undefined ? '' : ', $8'}) RETURNING *`,
    [
      unsigned.position,
      unsigned.eventCount,
      unsigned.logHash,
      JSON.stringify(unsigned.streamHeads),
      unsigned.createdAt,
      unsigned.keyId,
      signature,
      ...(unsigned.previousDigest === undefined ? [] : [unsigned.previousDigest]),
    ],
  );
  return toCheckpoint(inserted[0]);
}
