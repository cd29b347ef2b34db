import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, ProjectionRunner } from '@cadreflow/event-store';
import { ReadModelProjection } from './read-model.projection';

/**
 * A live batch starts at most this often: under a steady flow of decisions several share one transaction and
 * checkpoint update, and the read models trail the log by about this much at most.
 */
const READ_MODEL_BATCH_INTERVAL_MS = 25;

/** Keeps the API's read models up to date from the log, live. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionsService.name);
  private readonly runner: ProjectionRunner;

  constructor(dataSource: DataSource, store: EventStore, projection: ReadModelProjection) {
    this.runner = new ProjectionRunner(dataSource, store, projection);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start(
      (error) => this.logger.error(`read models stopped: ${String(error)}`),
      500,
      READ_MODEL_BATCH_INTERVAL_MS,
    );
  }

  /** Applies everything committed so far (e.g. right after a decision, before reading the queue). */
  catchUp(): Promise<void> {
    return this.runner.catchUp();
  }

  /** Empties the read models and replays the whole log into them. */
  rebuild(): Promise<void> {
    return this.runner.rebuild();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
