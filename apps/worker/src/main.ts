/**
 * The worker process for production: `DATABASE_URL` and `TEMPORAL_ADDRESS` name the services; several workers can
 * poll the same task queue. On the embedded default `npm start` runs a worker inside its own process.
 */
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@cadreflow/config';
import { checkpointAnchors, readRuntimeInfo, resolveSigner } from '@cadreflow/event-store';
import { CheckpointSettings } from './checkpoints/checkpoint.service';
import { installTemporalRuntime } from './temporal/runtime';
import { startWorkerTracing } from './temporal/tracing';
import { WorkerModule } from './worker.module';
import { WorkerSettings } from './worker-settings';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await readRuntimeInfo(config.dataDir);
  const databaseUrl = config.database.kind === 'external' ? config.database.url : running?.databaseUrl;
  const temporalAddress = config.temporal.kind === 'external' ? config.temporal.address : running?.temporalAddress;
  if (!databaseUrl || !temporalAddress) {
    throw new Error('Set DATABASE_URL and TEMPORAL_ADDRESS, or run `npm start`, which starts a worker of its own.');
  }
  const tls = config.temporal.kind === 'external' && config.temporal.tls;
  installTemporalRuntime(config.workerMetricsPort);
  const tracing = config.tracing ? startWorkerTracing() : undefined;
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      new WorkerSettings(
        databaseUrl,
        temporalAddress,
        config.temporal.namespace,
        config.taskQueue,
        tls,
        config.maxCachedWorkflows,
        tracing?.workflowSpans,
      ),
      undefined,
      // Signed with CADREFLOW_SIGNING_KEY, else with the key kept in the data folder; each head cosigned by the
      // configured witnesses and added to the anchor file, over sealed appends only (CADREFLOW_REQUIRE_RECEIPTS).
      new CheckpointSettings(
        await resolveSigner(config.signingKeyPem, config.dataDir),
        config.checkpointEvery,
        checkpointAnchors(config.evidence),
      ),
    ),
  );
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  new Logger('worker').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
