import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { EventStore, createDataSource } from '@cadreflow/event-store';
import { registryMigrations } from '@cadreflow/registry';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { startTestTemporal, type TestTemporal } from '../../../test/support/temporal-server';
import { bundleProcedureWorkflows } from '../src/temporal/workflow-bundle';
import { type RelationsSource } from '../src/activities/relations.source';
import { WorkerModule } from '../src/worker.module';
import { WorkerSettings } from '../src/worker-settings';

let runtimeInstalled = false;

/** The worker reads declared relatives from the organisation registry: give the test database its tables. */
async function addRegistryTables(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1, extraMigrations: registryMigrations });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

/** Keeps the SDK's core logs quiet in test output unless something is really wrong. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
}

/** A Temporal server (embedded, or the real one at `TEMPORAL_ADDRESS`), a fresh event store database and the bundled procedure workflows, for one file. */
export interface ProcedureTestEnvironment {
  readonly temporal: TestTemporal;
  readonly connection: Connection;
  readonly client: Client;
  readonly database: TestDatabase;
  readonly store: EventStore;
  readonly bundle: WorkflowBundleWithSourceMap;
  /**
   * Runs `fn` while the real worker application (`WorkerModule`: Worker + activities on the event store) polls a
   * fresh task queue, then closes the application (the Worker shuts down cleanly).
   */
  withWorker<T>(
    fn: (taskQueue: string) => Promise<T>,
    taskQueue?: string,
    options?: { maxCachedWorkflows?: number; relations?: RelationsSource },
  ): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts everything a workflow test file needs. Bundle once per file: bundling takes seconds.
 *
 * @example
 * const env = await startProcedureTestEnvironment();
 * await env.withWorker(async (taskQueue) => { ... });
 * await env.close();
 */
export async function startProcedureTestEnvironment(
  bundle?: WorkflowBundleWithSourceMap,
): Promise<ProcedureTestEnvironment> {
  installQuietRuntime();
  const [workflowBundle, temporal, database] = await Promise.all([
    bundle ? Promise.resolve(bundle) : bundleProcedureWorkflows(),
    startTestTemporal({ longPollMs: 5_000 }),
    createTestDatabase({ poolSize: 10 }),
  ]);
  await addRegistryTables(database.url);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const store = new EventStore(database.dataSource);
  return {
    temporal,
    connection,
    client,
    database,
    store,
    bundle: workflowBundle,
    async withWorker<T>(
      fn: (taskQueue: string) => Promise<T>,
      taskQueue = `procedures-${randomUUID()}`,
      options: { maxCachedWorkflows?: number; relations?: RelationsSource } = {},
    ): Promise<T> {
      const settings = new WorkerSettings(
        database.url,
        temporal.address,
        'default',
        taskQueue,
        false,
        options.maxCachedWorkflows,
      );
      const app = await NestFactory.createApplicationContext(
        WorkerModule.forRoot(settings, workflowBundle, undefined, options.relations),
        {
          logger: ['error'],
        },
      );
      app.enableShutdownHooks();
      await app.init();
      try {
        return await fn(taskQueue);
      } finally {
        await app.close();
      }
    },
    async close(): Promise<void> {
      await connection.close();
      await temporal.stop();
      await database.drop();
    },
  };
}
