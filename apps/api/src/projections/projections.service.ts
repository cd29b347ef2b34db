import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, ProjectionRunner } from '@cadreflow/event-store';
import { ReadModelProjection } from './read-model.projection';

/**
 * A live batch starts at most this often: under a steady flow of decisions several share one transaction and
 * checkpoint update, and the read models trail the log by about this much at most.
 */
const READ_MODEL_BATCH_INTERVAL_MS = 25;

/** How the read models stand against the log, for the readiness check. */
export interface ReadModelLag {
  /** Events committed to the log and not yet in the read models. */
  behind: number;
  /** How long the oldest of them has waited, in milliseconds (0 when none waits). */
  lagMs: number;
  /** The error the live loop is retrying after (the database unreachable...), if it is failing now. */
  failing?: string;
}

/** Keeps the API's read models up to date from the log, live; it resumes by itself after the database comes back. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionsService.name);
  private readonly runner: ProjectionRunner;

  constructor(dataSource: DataSource, store: EventStore, projection: ReadModelProjection) {
    this.runner = new ProjectionRunner(dataSource, store, projection);
  }

  async onApplicationBootstrap(): Promise<void> {
    let failures = 0;
    await this.runner.start(
      (error) => {
        // Once when it starts failing, then every 50th retry: a database down for a minute is not 600 lines.
        if (failures++ % 50 === 0) {
          this.logger.warn(`read models paused, retrying: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      500,
      READ_MODEL_BATCH_INTERVAL_MS,
      100,
      () => {
        failures = 0;
        this.logger.log('read models resumed: caught up with the log again');
      },
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

  /** How far the read models trail the log now (reads the database). */
  async lag(): Promise<ReadModelLag> {
    const health = this.runner.health();
    const lag = await this.runner.lag();
    return {
      behind: lag.behind,
      lagMs: lag.oldestUnappliedAt ? Math.max(0, Date.now() - lag.oldestUnappliedAt.getTime()) : 0,
      ...(health.failing ? { failing: String(health.failing.error) } : {}),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
