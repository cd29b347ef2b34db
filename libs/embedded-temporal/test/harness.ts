import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  type NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundle,
} from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { type EmbeddedTemporal, startEmbeddedTemporal, type EmbeddedTemporalOptions } from '../src';
import * as activities from './activities';

let runtimeInstalled = false;

/** Keeps the SDK quiet in test output unless something is really wrong. */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger((process.env.SDK_LOG as 'WARN') ?? 'ERROR') });
}

/** Bundles `test/workflows.ts` once (webpack is slow); pass the result to every worker of a file. */
export async function bundleTestWorkflows(): Promise<WorkflowBundle> {
  return await bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows'),
    logger: new DefaultLogger('ERROR'),
  });
}

/** A server, a client and native connection to it, and a way to run workers. */
export interface Harness {
  readonly server: EmbeddedTemporal;
  readonly env: TestWorkflowEnvironment;
  readonly client: Client;
  readonly connection: Connection;
  readonly nativeConnection: NativeConnection;
  /** Runs `fn` while a worker polls a fresh task queue; returns what `fn` returns. */
  withWorker<T>(
    fn: (taskQueue: string) => Promise<T>,
    options?: { taskQueue?: string; maxCachedWorkflows?: number; withActivities?: boolean },
  ): Promise<T>;
  close(): Promise<void>;
}

/** Starts an embedded server and connects the real SDK to it. */
export async function createHarness(
  bundle: WorkflowBundle,
  options: EmbeddedTemporalOptions & { maxCachedWorkflows?: number } = {},
): Promise<Harness> {
  installQuietRuntime();
  const server = await startEmbeddedTemporal({ longPollMs: 5_000, ...options });
  const env = await TestWorkflowEnvironment.createFromExistingServer({ address: server.address });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const nativeConnection = env.nativeConnection;
  return {
    server,
    env,
    client,
    connection,
    nativeConnection,
    async withWorker(fn, workerOptions = {}) {
      const taskQueue = workerOptions.taskQueue ?? `tq-${randomUUID()}`;
      const worker = await Worker.create({
        connection: nativeConnection,
        taskQueue,
        workflowBundle: bundle,
        activities: workerOptions.withActivities === false ? undefined : activities,
        maxCachedWorkflows: workerOptions.maxCachedWorkflows ?? options.maxCachedWorkflows,
        shutdownGraceTime: '1 second',
        stickyQueueScheduleToStartTimeout: '2 seconds',
      });
      return await worker.runUntil(fn(taskQueue));
    },
    async close() {
      await connection.close();
      await env.teardown();
      await server.stop();
    },
  };
}

/** A unique workflow id for a test. */
export function workflowId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
