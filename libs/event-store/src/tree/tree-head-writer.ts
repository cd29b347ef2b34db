import type { DataSource, EntityManager } from 'typeorm';
import type { KeyObject } from 'node:crypto';
import { checkpointDigest, type Checkpoint } from '../checkpoints/checkpoint';
import { CHECKPOINT_LOCK_KEY, listCheckpoints, writeCheckpointIn } from '../checkpoints/checkpoint-writer';
import { ReceiptCursor, eventContentDigest, receiptMessage, receiptsAfter } from '../checkpoints/append-receipt';
import { TrustedKeys, type CheckpointSigner } from '../checkpoints/signing-key';
import { GENESIS_HASH, eventHash, logHash } from '../hashing';
import {
  CompactRange,
  consistencyRanges,
  hashLeaf,
  hashRanges,
  type NewNode,
  type NodeId,
} from '../merkle/merkle-tree';
import { formatBody, parseBody, parseNote } from '../merkle/signed-note';
import type { AnchorFile } from './anchor-file';
import type { WitnessClient } from './witness-client';

/** Events read and recomputed per query while a head is extended. */
const BATCH = 5_000;

/** A signed (and cosigned) tree head as stored. */
export interface TreeHead {
  id: number;
  size: number;
  /** Last global position the head covers. */
  position: number;
  root: Buffer;
  /** The C2SP checkpoint note: body, the log's signature, the witnesses' cosignatures. */
  note: string;
  createdAt: string;
}

/**
 * The checkpointer found an event whose stored hashes do not match its content or its place: it signs nothing,
 * since a signature would vouch for the alteration.
 */
export class UnsignableLogError extends Error {
  constructor(
    readonly position: number,
    readonly streamId: string,
    readonly streamVersion: number,
    reason: string,
  ) {
    super(
      position > 0
        ? `refusing to sign the log: event at position ${position} ("${streamId}" v${streamVersion}) ${reason}`
        : `refusing to sign the log: ${reason}`,
    );
    this.name = 'UnsignableLogError';
  }
}

export interface TreeHeadOptions {
  now: Date;
  /** Witnesses that must cosign the head before it is stored. */
  witnesses?: WitnessClient[];
  /** The append-only file outside the database the head is added to once stored. */
  anchor?: AnchorFile;
  /**
   * Sign only events an append receipt vouches for (every appender seals, see `EventStore.sealWith`): the head
   * stops before the first event without one, and `onUnreceipted` is told its position.
   */
  requireReceipts?: boolean;
  /** Keys besides the log's own whose receipts vouch for events (processes that append but do not sign heads). */
  appenderKeys?: KeyObject[];
  onUnreceipted?: (position: number) => void;
}

interface HeadRow {
  id: string;
  tree_size: string;
  position: string;
  root: Buffer;
  frontier: Buffer;
  note: string;
  created_at: Date;
}

function toTreeHead(row: HeadRow): TreeHead {
  return {
    id: Number(row.id),
    size: Number(row.tree_size),
    position: Number(row.position),
    root: row.root,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}

/** The newest checkpoint at or before `position`, if any. */
async function latestCheckpointUpTo(tx: EntityManager, position: number): Promise<Checkpoint | undefined> {
  return (await listCheckpoints(tx)).filter((c) => c.position <= position).at(-1);
}

/** Every tree head in the database, smallest first. */
export async function listTreeHeads(target: DataSource | EntityManager): Promise<TreeHead[]> {
  // A schema reverted to before tree heads (a migration's down) has none.
  const exists: { t: string | null }[] = await target.query(`SELECT to_regclass('tree_heads')::text AS t`);
  if (exists[0].t === null) return [];
  const rows: HeadRow[] = await target.query(
    `SELECT id, tree_size, position, root, frontier, note, created_at FROM tree_heads ORDER BY tree_size`,
  );
  return rows.map(toTreeHead);
}

/** Reads complete nodes of the stored tree, plus those computed in memory and not stored yet. */
export function storedNodeReader(target: DataSource | EntityManager, fresh = new Map<string, Buffer>()) {
  return async (ids: NodeId[]): Promise<Buffer[]> => {
    const wanted = new Map<string, NodeId>();
    for (const n of ids) if (!fresh.has(`${n.level}/${n.index}`)) wanted.set(`${n.level}/${n.index}`, n);
    const missing = [...wanted.values()];
    const found = new Map(fresh);
    if (missing.length > 0) {
      const rows: { level: number; idx: string; hash: Buffer }[] = await target.query(
        // One index probe a node, whatever the planner thinks of the table's size.
        `SELECT n.level, n.idx, n.hash FROM unnest($1::smallint[], $2::bigint[]) AS w(level, idx)
           CROSS JOIN LATERAL (SELECT m.level, m.idx, m.hash FROM merkle_nodes m
                                WHERE m.level = w.level AND m.idx = w.idx) n`,
        [missing.map((n) => n.level), missing.map((n) => n.index)],
      );
      for (const r of rows) found.set(`${r.level}/${r.idx}`, r.hash);
    }
    return ids.map((n) => {
      const hash = found.get(`${n.level}/${n.index}`);
      if (!hash) throw new Error(`the Merkle node at level ${n.level}, index ${n.index} is not stored`);
      return hash;
    });
  };
}

interface NewEventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  recorded_at: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
  log_hash: string;
  /** The stored hash of the stream's previous version, null if there is none. */
  before: string | null;
}

/**
 * Extends the newest tree head with the events appended since, and signs the new head. Before it signs, it
 * recomputes every new event's hash from its content, and checks its stream chain and the log chain; it refuses
 * ({@link UnsignableLogError}) rather than vouch for a log that does not match. It reads only the new events: the
 * tree so far is the compact range stored with the last head. The head is cosigned by every witness, stored with
 * the new Merkle nodes (and, for `verify`'s stream checks, a checkpoint of the same events), and then added to the
 * anchor file. Returns `null` when nothing was appended since the last head.
 *
 * @example
 * await writeTreeHead(dataSource, signer, { now: new Date(), witnesses: [new WitnessClient(url)], anchor });
 */
export async function writeTreeHead(
  dataSource: DataSource,
  signer: CheckpointSigner,
  options: TreeHeadOptions,
): Promise<TreeHead | null> {
  const head = await dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [CHECKPOINT_LOCK_KEY]);
    const lastRows: HeadRow[] = await tx.query(
      `SELECT id, tree_size, position, root, frontier, note, created_at FROM tree_heads ORDER BY tree_size DESC LIMIT 1`,
    );
    const last = lastRows[0];
    const oldSize = last ? Number(last.tree_size) : 0;
    const anchored = await options.anchor?.newest();
    const anchoredSize = anchored ? parseBody(parseNote(anchored).body).size : 0;
    if (anchoredSize > oldSize) {
      throw new UnsignableLogError(
        0,
        '-',
        0,
        `the database's newest tree head covers ${oldSize} events, but the anchor file ${options.anchor!.path} holds one of ${anchoredSize}: tree heads were deleted from the database`,
      );
    }
    const frontier: Buffer[] = [];
    for (let at = 0; last && at < last.frontier.length; at += 32) frontier.push(last.frontier.subarray(at, at + 32));
    const range = oldSize === 0 ? CompactRange.empty() : CompactRange.of(oldSize, frontier);
    let position = last ? Number(last.position) : 0;
    let prevLog = GENESIS_HASH;
    if (position > 0) {
      const rows: { log_hash: string }[] = await tx.query(`SELECT log_hash FROM events WHERE position = $1`, [
        position,
      ]);
      if (rows.length === 0) throw new UnsignableLogError(position, '?', 0, 'covered by the last tree head is gone');
      prevLog = rows[0].log_hash;
    }
    const nodes: NewNode[] = [];
    const leafPositions = new Map<number, number>();
    const appenders = new TrustedKeys([signer.publicKey, ...(options.appenderKeys ?? [])]);
    // A log from before tree heads has no receipts for its events: its first head covers them as they are.
    const receipts =
      options.requireReceipts && oldSize > 0
        ? new ReceiptCursor(
            (await receiptsAfter(tx, position)).filter((r) =>
              appenders.verify(r.keyId, receiptMessage(r), r.signature),
            ),
            position,
          )
        : undefined;
    let stopped = false;
    while (!stopped) {
      const rows: NewEventRow[] = await tx.query(
        `SELECT e.position, e.stream_id, e.stream_version, e.type, e.schema_version,
                to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at,
                e.data::text AS data, e.metadata::text AS metadata, e.prev_hash, e.hash, e.log_hash,
                p.hash AS before
           FROM events e
           LEFT JOIN events p ON p.stream_id = e.stream_id AND p.stream_version = e.stream_version - 1
          WHERE e.position > $1 ORDER BY e.position LIMIT $2`,
        [position, BATCH],
      );
      for (const r of rows) {
        const at = Number(r.position);
        const refuse = (reason: string): never => {
          throw new UnsignableLogError(at, r.stream_id, r.stream_version, reason);
        };
        const computed = eventHash({
          prevHash: r.prev_hash,
          streamId: r.stream_id,
          streamVersion: r.stream_version,
          type: r.type,
          schemaVersion: r.schema_version,
          recordedAt: r.recorded_at,
          dataText: r.data,
          metadataText: r.metadata,
        });
        if (computed !== r.hash) refuse('does not hash to its stored hash: its content was altered');
        if (r.prev_hash !== (r.stream_version === 1 ? GENESIS_HASH : r.before)) {
          refuse("does not chain to its stream's previous event");
        }
        if (logHash(prevLog, r.hash) !== r.log_hash) refuse('does not follow the event before it in the log');
        const receipt = receipts?.check(at, r.log_hash, () => ({
          digest: eventContentDigest(r.stream_id, r.type, r.schema_version, r.data, r.metadata),
          recordedAt: r.recorded_at,
        }));
        if (receipt === 'mismatch') refuse('is not what the receipt of its append vouches for');
        if (receipt === 'unreceipted') {
          options.onUnreceipted?.(at);
          stopped = true;
          break;
        }
        prevLog = r.log_hash;
        range.push(hashLeaf(Buffer.from(r.hash, 'hex')), (n) => nodes.push(n));
        leafPositions.set(range.leaves - 1, at);
        position = at;
      }
      if (rows.length < BATCH) break;
    }
    if (range.leaves === oldSize) return null;

    const checkpoint =
      (await writeCheckpointIn(tx, signer, options.now, position)) ?? (await latestCheckpointUpTo(tx, position));
    const body = formatBody({
      origin: signer.origin,
      size: range.leaves,
      root: range.root(),
      position,
      time: options.now.toISOString(),
      logHash: prevLog,
      ...(checkpoint
        ? {
            checkpoint: {
              id: checkpoint.id,
              digest: checkpointDigest(checkpoint),
            },
          }
        : {}),
    });
    let note = signer.signNote(body);
    const fresh = new Map(nodes.map((n) => [`${n.level}/${n.index}`, n.hash]));
    const read = storedNodeReader(tx, fresh);
    for (const witness of options.witnesses ?? []) {
      const cosignature = await witness.cosign(note, oldSize, (from) =>
        hashRanges(consistencyRanges(from, range.leaves), read),
      );
      note += cosignature;
    }
    await tx.query(
      `INSERT INTO merkle_nodes (level, idx, hash, position)
       SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[], $4::bigint[])`,
      [
        nodes.map((n) => n.level),
        nodes.map((n) => n.index),
        nodes.map((n) => n.hash),
        nodes.map((n) => (n.level === 0 ? (leafPositions.get(n.index) ?? null) : null)),
      ],
    );
    const inserted: HeadRow[] = await tx.query(
      `INSERT INTO tree_heads (tree_size, position, root, frontier, note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, tree_size, position, root, frontier, note, created_at`,
      [range.leaves, position, range.root(), Buffer.concat(range.frontier()), note, options.now.toISOString()],
    );
    return toTreeHead(inserted[0]);
  });
  if (head && options.anchor) await options.anchor.append(head.note);
  return head;
}

/** The tree size a note claims, for callers that hold only the note. */
export function sizeOfNote(note: string): number {
  return parseBody(parseNote(note).body).size;
}
