import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore } from '../event-store';
import { preparedQuery } from '../database/prepared-query';
import { LogNotifier } from '../log-notifier';
import type { Projection } from './projection';

/**
 * Feeds one projection from the log. Each batch is applied and the checkpoint moved in one transaction; the
 * checkpoint row is locked meanwhile, so two runners of the same projection (two API replicas) never apply an
 * event twice.
 *
 * @example
 * const runner = new ProjectionRunner(dataSource, store, new TaskQueueProjection());
 * await runner.start();
 * await runner.catchUp();   // e.g. before answering a read that must see a just-recorded decision
 */
export class ProjectionRunner {
  private notifier?: LogNotifier;
  private loop?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly projection: Projection,
    private readonly batchSize = 500,
  ) {}

  /** Applies the next batch after the stored checkpoint; returns how many events it applied. */
  async runOnce(): Promise<number> {
    const applied = await this.dataSource.transaction(async (tx) => {
      const events = await this.store.readAll(await this.lockCheckpoint(tx), this.batchSize);
      if (events.length === 0) return 0;
      await this.projection.apply(events, tx);
      await preparedQuery(tx, `UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [
        this.projection.name,
        events.at(-1)!.position,
      ]);
      return events.length;
    });
    if (applied > 0) this.projection.afterCommit?.();
    return applied;
  }

  /** Locks the projection's checkpoint row for the transaction (creating it at 0 the first time); its position. */
  private async lockCheckpoint(tx: EntityManager): Promise<number> {
    const select = `SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`;
    let rows = await preparedQuery<{ position: string }>(tx, select, [this.projection.name]);
    if (rows.length === 0) {
      await tx.query(
        `INSERT INTO projection_checkpoints (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING`,
        [this.projection.name],
      );
      rows = await preparedQuery<{ position: string }>(tx, select, [this.projection.name]);
    }
    return Number(rows[0].position);
  }

  /** Applies batches until the projection has reached the log's head as it is now. */
  async catchUp(): Promise<void> {
    while ((await this.runOnce()) === this.batchSize) {
      // A short batch was everything committed after the checkpoint when it was read: the head is reached.
    }
  }

  /** Empties the read model and replays the whole log into it. */
  async rebuild(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.lockCheckpoint(tx);
      await this.projection.reset(tx);
      await tx.query(`UPDATE projection_checkpoints SET position = 0, updated_at = now() WHERE name = $1`, [
        this.projection.name,
      ]);
    });
    await this.catchUp();
  }

  /**
   * Follows the log live: catches up now, then after every commit (or every `pollIntervalMs`), but starts catching
   * up at most once per `minIntervalMs`. A commit that comes sooner after the last start waits for the rest of that
   * interval, with whatever else is committed meanwhile: under a steady flow of decisions the read models trail the
   * log by at most that much and take several decisions per batch, instead of paying a transaction, a checkpoint
   * lock and a checkpoint update for each one. A commit after a quiet spell is applied at once.
   */
  async start(onError: (error: unknown) => void, pollIntervalMs = 1000, minIntervalMs = 0): Promise<void> {
    await this.catchUp();
    const notifier = await LogNotifier.open(this.dataSource, this.store);
    this.notifier = notifier;
    let lastStart = performance.now();
    this.loop = (async () => {
      while (this.notifier === notifier) {
        await notifier.next(pollIntervalMs);
        const wait = lastStart + minIntervalMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (this.notifier !== notifier) break;
        lastStart = performance.now();
        await this.catchUp();
      }
    })().catch(onError);
  }

  /** The position the projection's checkpoint stands at. */
  async position(): Promise<number> {
    const rows: { position: string }[] = await this.dataSource.query(
      `SELECT position FROM projection_checkpoints WHERE name = $1`,
      [this.projection.name],
    );
    return Number(rows[0]?.position ?? 0);
  }

  async stop(): Promise<void> {
    const notifier = this.notifier;
    this.notifier = undefined;
    await notifier?.close();
    await this.loop;
  }
}
