import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Checkpointer, EventStore, type CheckpointSigner, type TreeHeadAnchors } from '@cadreflow/event-store';

/** How a worker process signs checkpoints; provided once at boot (a class, so it is its own DI token). */
export class CheckpointSettings {
  constructor(
    readonly signer: CheckpointSigner,
    /** Sign after this many new events (and at least every minute while anything is new). */
    readonly every: number,
    /**
     * Where heads go besides the database (witnesses, anchor file), whether only receipted events are signed, and
     * whose receipts count besides the log key's (see `checkpointAnchors`, from the configuration).
     */
    readonly anchors: TreeHeadAnchors = {},
    /** Sign at least this often while anything is new. */
    readonly maxIntervalMs = 60_000,
  ) {}
}

/**
 * Signs tree heads and checkpoints of the log from a worker process (production), so that `verify` can tell a
 * truncated or rewritten log. Several workers may run it: a head is written under a lock, and only when events were
 * appended since the last one. The worker's own appends are sealed with the log's key (append receipts), so that
 * the checkpointer can tell them from events written into the database behind the log's back. `npm start` signs
 * heads itself.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointService.name);
  private readonly checkpointer: Checkpointer;

  constructor(dataSource: DataSource, store: EventStore, settings: CheckpointSettings) {
    store.sealWith(settings.signer);
    this.checkpointer = new Checkpointer(
      dataSource,
      settings.signer,
      settings.every,
      settings.maxIntervalMs,
      (error) => this.logger.error(`checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
      settings.anchors,
    );
  }

  onApplicationBootstrap(): void {
    this.checkpointer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpointer.stop();
  }
}
