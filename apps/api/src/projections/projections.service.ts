import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, ProjectionRunner } from '@cadreflow/event-store';
import { ReadModelProjection } from './read-model.projection';

/** Keeps the API's read models up to date from the log, live. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionsService.name);
  private readonly runner: ProjectionRunner;

  constructor(dataSource: DataSource, store: EventStore, projection: ReadModelProjection) {
    this.runner = new ProjectionRunner(dataSource, store, projection);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start((error) => this.logger.error(`read models stopped: ${String(error)}`), 500);
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
