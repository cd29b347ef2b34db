import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AnchorFile } from '../tree/anchor-file';
import { UnsignableLogError, writeTreeHead, type TreeHead } from '../tree/tree-head-writer';
import type { WitnessClient } from '../tree/witness-client';
import type { CheckpointSigner } from './signing-key';

/** Where each signed tree head goes besides the database. */
export interface TreeHeadAnchors {
  witnesses?: WitnessClient[];
  anchor?: AnchorFile;
  /** Sign only events vouched for by an append receipt (every appending store is sealed). */
  requireReceipts?: boolean;
  /** Keys besides the log's own whose receipts vouch for events (processes that append but never sign heads). */
  appenderKeys?: KeyObject[];
}

/**
 * Signs a tree head (and a checkpoint of the same events) whenever `every` events have been appended since the
 * last one, and at least every `maxIntervalMs` while anything is new, so the unsigned tail of the log stays short.
 * Each head is recomputed from the events' content before it is signed (see {@link writeTreeHead}); a log that
 * does not match is refused and reported through `onError`, and nothing is signed until it is resolved.
 */
export class Checkpointer {
  private timer?: NodeJS.Timeout;
  private lastAt = Date.now();
  private running?: Promise<unknown>;
  /** The first event found without a receipt at the last attempt (reported when the next attempt stops there too). */
  private unreceipted?: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
    private readonly every: number,
    private readonly maxIntervalMs = 60_000,
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly anchors: TreeHeadAnchors = {},
  ) {}

  start(pollMs = 2_000): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick()
        .catch(this.onError)
        .finally(() => (this.running = undefined));
    }, pollMs);
    this.timer.unref();
  }

  /** Signs a tree head now if anything was appended since the last one. */
  async checkpointNow(): Promise<TreeHead | null> {
    let unreceipted: number | undefined;
    const head = await writeTreeHead(this.dataSource, this.signer, {
      now: new Date(),
      ...this.anchors,
      onUnreceipted: (position) => (unreceipted = position),
    });
    this.lastAt = Date.now();
    const before = this.unreceipted;
    this.unreceipted = unreceipted;
    if (unreceipted !== undefined && unreceipted === before) {
      const rows: { stream_id: string; stream_version: number }[] = await this.dataSource.query(
        `SELECT stream_id, stream_version FROM events WHERE position = $1`,
        [unreceipted],
      );
      this.onError(
        new UnsignableLogError(
          unreceipted,
          rows[0]?.stream_id ?? '?',
          rows[0]?.stream_version ?? 0,
          'has no append receipt: it was written into the database without going through the log, or by a process that does not seal its appends with a key the checkpointer trusts',
        ),
      );
    }
    return head;
  }

  private async tick(): Promise<void> {
    const rows: { pending: string }[] = await this.dataSource.query(
      `SELECT count(*) AS pending FROM events WHERE position > coalesce((SELECT max(position) FROM tree_heads), 0)`,
    );
    const pending = Number(rows[0].pending);
    if (pending >= this.every || (pending > 0 && Date.now() - this.lastAt >= this.maxIntervalMs))
      await this.checkpointNow();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
