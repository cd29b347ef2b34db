import type { DataSource } from 'typeorm';
import { writeCheckpoint } from './checkpoint-writer';
import type { CheckpointSigner } from './signing-key';

/**
 * Signs a checkpoint whenever `every` events have been appended since the last one, and at least every
 * `maxIntervalMs` while anything is new, so the unsigned tail of the log stays short.
 */
export class Checkpointer {
  private timer?: NodeJS.Timeout;
  private lastAt = Date.now();
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
    private readonly every: number,
    private readonly maxIntervalMs = 60_000,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(pollMs = 2_000): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick()
        .catch(this.onError)
        .finally(() => (this.running = undefined));
    }, pollMs);
    this.timer.unref();
  }

  /** Writes a checkpoint now if anything was appended since the last one. */
  async checkpointNow(): Promise<void> {
    await writeCheckpoint(this.dataSource, this.signer, new Date());
    this.lastAt = Date.now();
  }

  private async tick(): Promise<void> {
    const rows: { pending: string }[] = await this.dataSource.query(
      `SELECT count(*) AS pending FROM events WHERE position > coalesce((SELECT max(position) FROM checkpoints), 0)`,
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
