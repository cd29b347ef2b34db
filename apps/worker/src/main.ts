/**
 * The worker process for production: `DATABASE_URL` and `TEMPORAL_ADDRESS` name the services; several workers can
 * poll the same task queue. On the embedded default `npm start` runs a worker inside its own process.
 */
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@cadreflow/config';
import { checkpointAnchors, readRuntimeInfo, resolveSigner } from '@cadreflow/event-store';
import { CheckpointSettings } from './checkpoints/checkpoint.service';
import { PinoNestLogger, createWorkerLog, nestLevelsFrom } from './observability/worker-logging';
import { installTemporalRuntime } from './temporal/runtime';
import { startWorkerTracing } from './temporal/tracing';
import { WorkerModule } from './worker.module';
import { WorkerSettings } from './worker-settings';

/**
 * Stops on SIGTERM or SIGINT: the application first (the worker finishes its tasks in flight and closes its
 * connections), then tracing, which sends the spans not sent yet, those of the last tasks included; then exits.
 */
function stopOnSignals(app: INestApplicationContext, tracing?: { shutdown(): Promise<void> }): void {
  const logger = new Logger('worker');
  const stop = (signal: NodeJS.Signals): void => {
    logger.log(`${signal} received: stopping`);
    app
      .close()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`while stopping: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const config = loadConfig();
  // One JSON object a line on standard output: Nest's lines and the Temporal SDK's (its core's included).
  const log = createWorkerLog({ levels: nestLevelsFrom(config.logLevel), format: 'json' });
  const nestLogger = new PinoNestLogger(log);
  Logger.overrideLogger(nestLogger);
  const running = await readRuntimeInfo(config.dataDir);
  const databaseUrl = config.database.kind === 'external' ? config.database.url : running?.databaseUrl;
  const temporalAddress = config.temporal.kind === 'external' ? config.temporal.address : running?.temporalAddress;
  if (!databaseUrl || !temporalAddress) {
    throw new Error('Set DATABASE_URL and TEMPORAL_ADDRESS, or run `npm start`, which starts a worker of its own.');
  }
  const tls = config.temporal.kind === 'external' && config.temporal.tls;
  installTemporalRuntime(log, config.workerMetricsPort);
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
    { logger: nestLogger },
  );
  stopOnSignals(app, tracing);
}

main().catch((error: unknown) => {
  // As JSON even when the configuration could not be read (the level is then unknown: errors are always written).
  new PinoNestLogger(createWorkerLog({ levels: ['error'], format: 'json' })).error(
    error instanceof Error ? error.message : String(error),
    'worker',
  );
  process.exit(1);
});
