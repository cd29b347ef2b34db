import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore } from '../event-store';
import { preparedQuery } from '../database/prepared-query';
import { LogNotifier } from '../log-notifier';
import type { Projection } from './projection';

/** The longest wait between two attempts of a failing live loop. */
const MAX_RETRY_MS = 5_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  private running = false;
  private failure?: { error: unknown; since: Date };

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
   *
   * The loop outlives the database: when a batch or the listening connection fails (PostgreSQL restarted, the
   * network dropped), `onError` hears it, the loop waits (doubling from `retryMs` up to 5 s), opens a new listening
   * connection and catches up from the checkpoint, which the failed batch's rolled-back transaction left where it
   * was. Only `stop()` ends it. {@link health} tells whether it is failing now.
   */
  async start(
    onError: (error: unknown) => void,
    pollIntervalMs = 1000,
    minIntervalMs = 0,
    retryMs = 100,
    onResumed?: () => void,
  ): Promise<void> {
    await this.catchUp();
    this.running = true;
    let notifier: LogNotifier | undefined = await LogNotifier.open(this.dataSource, this.store);
    this.notifier = notifier;
    let lastStart = performance.now();
    let backoff = retryMs;
    this.loop = (async () => {
      while (this.running) {
        try {
          if (!notifier || notifier.connectionLost) {
            await notifier?.close();
            notifier = undefined;
            notifier = await LogNotifier.open(this.dataSource, this.store);
            this.notifier = notifier;
          } else {
            await notifier.next(pollIntervalMs);
          }
          const wait = lastStart + minIntervalMs - performance.now();
          if (wait > 0) await sleep(wait);
          if (!this.running) break;
          lastStart = performance.now();
          await this.catchUp();
          backoff = retryMs;
          if (this.failure) {
            this.failure = undefined;
            onResumed?.();
          }
        } catch (error) {
          if (!this.running) break;
          this.failure ??= { error, since: new Date() };
          onError(error);
          await sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_RETRY_MS);
        }
      }
      await notifier?.close();
    })();
  }

  /** Whether the live loop runs, and the failure it is retrying after, if any (with when it began). */
  health(): { running: boolean; failing?: { error: unknown; since: Date } } {
    return { running: this.running, ...(this.failure ? { failing: this.failure } : {}) };
  }

  /**
   * How far the projection trails the log: its checkpoint, the log's head, and when the oldest event it has not
   * applied yet was recorded (null when it is at the head). Three index lookups, cheap enough for every health check.
   */
  async lag(): Promise<{ position: number; head: number; behind: number; oldestUnappliedAt: Date | null }> {
    const rows: { position: string; head: string | null; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT c.position, (SELECT max(position) FROM events) AS head,
              (SELECT recorded_at FROM events e WHERE e.position > c.position ORDER BY e.position LIMIT 1) AS oldest
         FROM (SELECT coalesce((SELECT position FROM projection_checkpoints WHERE name = $1), 0) AS position) c`,
      [this.projection.name],
    );
    const position = Number(rows[0].position);
    const head = Number(rows[0].head ?? 0);
    return { position, head, behind: Math.max(0, head - position), oldestUnappliedAt: rows[0].oldest };
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
    this.running = false;
    const notifier = this.notifier;
    this.notifier = undefined;
    await notifier?.close();
    await this.loop;
  }
}
