import { join, resolve } from 'node:path';
import type { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ApiSettings,
  DEMO_PASSWORD,
  apiSecurityFrom,
  apiEntities,
  apiMigrations,
  createApiApp,
  demoUsers,
  seedDemoUsers,
} from '@cadreflow/api';
import type { AppConfig } from '@cadreflow/config';
import { startEmbeddedTemporal, type EmbeddedTemporal } from '@cadreflow/embedded-temporal';
import {
  AnchorFile,
  Checkpointer,
  EventStore,
  clearRuntimeInfo,
  createDataSource,
  TrustedKeys,
  provideDatabase,
  readRuntimeInfo,
  resolveSigner,
  WitnessClient,
  writeRuntimeInfo,
} from '@cadreflow/event-store';
import { importOnFirstStart } from '@cadreflow/registry';
import { Witness, serveWitness } from '@cadreflow/witness';
import {
  PinoNestLogger,
  WorkerModule,
  WorkerSettings,
  createWorkerLog,
  installTemporalRuntime,
} from '@cadreflow/worker';
import { loadOrCreateSecret } from './secrets';

/** Everything `npm start` runs, and how to stop it in reverse order. */
export interface RunningStack {
  databaseUrl: string;
  temporalAddress: string;
  apiUrl: string;
  summary(): string[];
  stop(): Promise<void>;
}

/** A reason the system cannot start that the operator can fix: printed as it is, without a stack trace. */
export class StartRefused extends Error {}

/** Hides the password of a URL for printing. */
function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Starts the database (embedded or given), runs migrations, starts the checkpointer and Temporal (embedded or
 * given), and records their addresses for the CLIs in `.cadreflow/runtime.json`.
 */
export async function startStack(config: AppConfig, logger: Logger): Promise<RunningStack> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => logger.error(`while stopping: ${String(error)}`));
    }
  };
  try {
    if (config.database.kind === 'embedded') {
      const running = await readRuntimeInfo(config.dataDir);
      if (running)
        throw new StartRefused(
          `cadreflow is already running from ${config.dataDir} (process ${running.pid}); stop it first.`,
        );
    }
    // `npm start` stops on Ctrl-C itself (main.ts), in the reverse order of this start, the database last.
    const database = await provideDatabase(config.database, config.dataDir, {
      callerHandlesSignals: true,
      onNotice: (message) => logger.warn(message),
    });
    stops.push(() => database.release());
    logger.log(
      database.embedded ? `embedded PostgreSQL started (data in ${config.dataDir}/postgres)` : 'using DATABASE_URL',
    );

    const dataSource = createDataSource({
      url: database.url,
      extraEntities: apiEntities,
      extraMigrations: apiMigrations,
    });
    await dataSource.initialize();
    stops.push(() => dataSource.destroy());
    const migrations = await dataSource.runMigrations();
    logger.log(`database schema up to date (${migrations.length} migration(s) applied now)`);

    const signer = await resolveSigner(config.signingKeyPem, config.dataDir);
    // One witness of our own, with its own key and store beside (not inside) the data folder; an inspection
    // committee runs its own elsewhere (README, "How the log protects itself").
    const witness = await serveWitness(await Witness.open(`${resolve(config.dataDir)}-witness`, [signer.publicKey]), 0);
    stops.push(() => witness.stop());
    const anchor = AnchorFile.besideDataDir(config.dataDir);
    const checkpointer = new Checkpointer(
      dataSource,
      signer,
      config.checkpointEvery,
      5_000,
      (error) => logger.error(`checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
      { witnesses: [new WitnessClient(witness.url)], anchor, requireReceipts: true },
    );

    let temporalAddress: string;
    if (config.temporal.kind === 'embedded') {
      const temporal: EmbeddedTemporal = await startEmbeddedTemporal({
        port: config.temporal.port,
        store: database.url,
        logger: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
      });
      stops.push(() => temporal.stop());
      temporalAddress = temporal.address;
      logger.log(`embedded Temporal server listening on ${temporalAddress}`);
    } else {
      temporalAddress = config.temporal.address;
    }

    const tls = config.temporal.kind === 'external' && config.temporal.tls;
    // The worker's lines and the Temporal SDK's through pino, pretty as the API's.
    const workerLog = createWorkerLog({ levels: ['error', 'warn', 'log'], format: 'pretty' });
    installTemporalRuntime(workerLog);
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(
        new WorkerSettings(
          database.url,
          temporalAddress,
          config.temporal.namespace,
          config.taskQueue,
          tls,
          config.maxCachedWorkflows,
        ),
      ),
      { logger: new PinoNestLogger(workerLog) },
    );
    stops.push(() => worker.close());
    // Every store that appends here seals its appends, so the checkpointer can require receipts.
    worker.get(EventStore, { strict: false }).sealWith(signer);

    const seeded = database.embedded ? await seedDemoUsers(dataSource) : [];
    // The demo province is imported on first start like any customer's file (the demo users belong to it).
    const registryStore = new EventStore(dataSource);
    registryStore.sealWith(signer);
    const registryImport = database.embedded ? await importOnFirstStart(dataSource, registryStore) : undefined;
    if (registryImport) logger.log(`registry: demo province imported (${registryImport.events} events)`);
    const jwtSecret = config.jwtSecret ?? (await loadOrCreateSecret(join(config.dataDir, 'jwt-secret')));
    const api = await createApiApp(
      new ApiSettings(
        database.url,
        temporalAddress,
        config.temporal.namespace,
        config.taskQueue,
        tls,
        jwtSecret,
        config.healthMaxProjectionLagMs,
        apiSecurityFrom(config),
      ),
      new TrustedKeys([signer.publicKey], {
        witnessKeys: [witness.witness.publicKey],
        anchorFiles: [anchor.path],
      }),
      undefined,
      { format: 'pretty' },
    );
    api.get(EventStore, { strict: false }).sealWith(signer);
    stops.push(() => api.close());
    await api.listen(config.port).catch((error: unknown) => {
      throw (error as { code?: string }).code === 'EADDRINUSE'
        ? new StartRefused(
            `port ${config.port} is already in use by another program: stop it, or start with PORT=<free port>`,
          )
        : error;
    });
    checkpointer.start(1_000);
    stops.push(() => checkpointer.stop());
    const apiUrl = (await api.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');

    if (database.embedded) {
      await writeRuntimeInfo(config.dataDir, { pid: process.pid, databaseUrl: database.url, temporalAddress, apiUrl });
      stops.push(() => clearRuntimeInfo(config.dataDir));
    }
    return {
      databaseUrl: database.url,
      temporalAddress,
      apiUrl,
      summary: () => [
        `database:  ${redact(database.url)}`,
        `temporal:  ${temporalAddress} (namespace ${config.temporal.namespace})`,
        `checkpoint signing key: ${signer.keyId} (npm run audit -- public-key)`,
        `witness:   ${witness.url} (${witness.witness.name}, store ${resolve(config.dataDir)}-witness)`,
        `tree heads anchored in ${anchor.path}`,
        ...(database.embedded
          ? [
              `demo users (password "${DEMO_PASSWORD}")${seeded.length > 0 ? ', created now' : ''}:`,
              ...demoUsers.map((u) => `  ${u.username.padEnd(11)} ${u.purpose}`),
            ]
          : []),
        `API docs:  ${apiUrl}/docs`,
        `open:      ${apiUrl}/`,
      ],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
