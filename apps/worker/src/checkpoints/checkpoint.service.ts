import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Checkpointer, type CheckpointSigner } from '@cadreflow/event-store';

/** How a worker process signs checkpoints; provided once at boot (a class, so it is its own DI token). */
export class CheckpointSettings {
  constructor(
    readonly signer: CheckpointSigner,
    /** Sign after this many new events (and at least every minute while anything is new). */
    readonly every: number,
  ) {}
}

/**
 * Signs checkpoints of the log from a worker process (production), so that `verify` can tell a truncated or
 * rewritten tail of the log. Several workers may run it: a checkpoint is written under a lock, and only when events
 * were appended since the last one. `npm start` signs checkpoints itself.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointService.name);
  private readonly checkpointer: Checkpointer;

  constructor(dataSource: DataSource, settings: CheckpointSettings) {
    this.checkpointer = new Checkpointer(dataSource, settings.signer, settings.every, 60_000, (error) =>
      this.logger.error(`checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  onApplicationBootstrap(): void {
    this.checkpointer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.checkpointer.stop();
  }
}
