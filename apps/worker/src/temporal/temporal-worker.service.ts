import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { ProcedureActivitiesService } from '../activities/procedure.activities';
import { WorkerSettings } from '../worker-settings';
import { createProcedureWorker, type WorkflowThreadStall } from './procedure-worker';
import { workflowSpanSink } from './tracing';
import { defaultMaxCachedWorkflows } from './workflow-cache';
import { WorkflowBundleSource } from './workflow-bundle.source';

/** An activation still running after this long has stalled (a decision's activation takes milliseconds). */
const STALL_LIMIT_MS = 30_000;

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
    const workflowBundle = await this.bundles.get();
    // Uncompressed, as the API's client: a decision's tasks are a few kilobytes, and gzip cost the Temporal server
    // about a fifth of its CPU per decision (and the worker its share) to save bytes on a local network.
    this.connection = await NativeConnection.connect({
      address: this.settings.temporalAddress,
      tls: this.settings.tls,
      grpcCompression: { codec: 'none' },
    });
    const maxCachedWorkflows = this.settings.maxCachedWorkflows ?? defaultMaxCachedWorkflows();
    this.worker = await createProcedureWorker(
      {
        connection: this.connection,
        namespace: this.settings.namespace,
        taskQueue: this.settings.taskQueue,
        workflowBundle,
        activities: this.activities.asActivities(),
        maxCachedWorkflows,
        // The trace of a request goes on through the workflow (its interceptors are in the bundle) into the activity.
        interceptors: {
          activity: [
            (ctx) => ({
              inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
              outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
            }),
          ],
        },
        sinks: {
          exporter: workflowSpanSink(this.settings.workflowSpans ?? new NoopSpanProcessor()),
        },
      },
      { limitMs: STALL_LIMIT_MS, onStall: (stall) => this.stalled(stall) },
    );
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`worker stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
    const origin =
      'codePath' in workflowBundle ? `the prebuilt workflow bundle ${workflowBundle.codePath}` : 'workflows';
    this.logger.log(
      `polling task queue "${this.settings.taskQueue}" on ${this.settings.temporalAddress} with ${origin}, keeping up to ${maxCachedWorkflows} open procedures in memory`,
    );
  }

  /**
   * Workflow code that never yields holds the workflow thread, and with it every procedure of this worker, and it
   * cannot be interrupted from outside: the process exits so that its supervisor starts a fresh worker, and the
   * server hands the workflows' tasks to it.
   */
  private stalled(stall: WorkflowThreadStall): void {
    const workflows = stall.workflows.map((w) => `${w.workflowId} (${w.workflowType}, run ${w.runId})`).join(', ');
    this.logger.error(
      `The workflow thread has not answered for ${stall.waitedMs} ms: workflow code has not yielded. ` +
        `Workflows in flight, one of which holds it: ${workflows}. The worker process exits.`,
    );
    process.exit(1);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
