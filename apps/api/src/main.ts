/**
 * The API process for production (`DATABASE_URL`, `TEMPORAL_ADDRESS`, `JWT_SECRET`); `npm start` runs it for the
 * embedded default instead.
 */
import { type INestApplication, Logger } from '@nestjs/common';
import { loadConfig } from '@cadreflow/config';
import { EventStore } from '@cadreflow/event-store';
import { ApiSettings, apiSecurityFrom } from './api-settings';
import { apiEvidence } from './audit/api-evidence';
import { createApiApp } from './bootstrap';
import { startApiTracing } from './observability/tracing';

/**
 * Stops on SIGTERM or SIGINT: the application first (the HTTP server closes, the live-updates streams end), then
 * tracing, which sends the spans not sent yet, those of the last requests included; then exits.
 */
function stopOnSignals(app: INestApplication, tracing?: { shutdown(): Promise<void> }): void {
  const logger = new Logger('api');
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
  if (config.database.kind !== 'external' || config.temporal.kind !== 'external' || !config.jwtSecret) {
    throw new Error(
      'The API process needs DATABASE_URL, TEMPORAL_ADDRESS and JWT_SECRET; `npm start` runs everything locally.',
    );
  }
  const tracing = config.tracing ? startApiTracing() : undefined;
  const { trustedKeys, appender } = await apiEvidence(config);
  const app = await createApiApp(
    new ApiSettings(
      config.database.url,
      config.temporal.address,
      config.temporal.namespace,
      config.taskQueue,
      config.temporal.tls,
      config.jwtSecret,
      config.healthMaxProjectionLagMs,
      apiSecurityFrom(config),
    ),
    trustedKeys,
  );
  // Its appends (registry imports and changes, dossier reads) carry receipts the checkpointer trusts.
  if (appender) app.get(EventStore, { strict: false }).sealWith(appender);
  stopOnSignals(app, tracing);
  await app.listen(config.port);
  new Logger('api').log(`listening on port ${config.port}`);
}

main().catch((error: unknown) => {
  new Logger('api').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
