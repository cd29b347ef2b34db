import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ProcedureActivitiesService } from '../activities/procedure.activities';
import { WorkerSettings } from '../worker-settings';
import { WorkflowBundleSource } from './workflow-bundle.source';

/**
 * Hosts the Temporal Worker: polls the procedures' task queue, runs the workflows and the activities. Stops
 * cleanly when the application shuts down (SIGTERM): in-flight tasks finish, then the connection closes.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    private readonly settings: WorkerSettings,
    private readonly activities: ProcedureActivitiesService,
    private readonly bundles: WorkflowBundleSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const workflowBundle: WorkflowBundleWithSourceMap = await this.bundles.get();
    this.connection = await NativeConnection.connect({
      address: this.settings.temporalAddress,
      tls: this.settings.tls,
    });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.settings.namespace,
      taskQueue: this.settings.taskQueue,
      workflowBundle,
      activities: this.activities.asActivities(),
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.logger.log(`polling task queue "${this.settings.taskQueue}" on ${this.settings.temporalAddress}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
