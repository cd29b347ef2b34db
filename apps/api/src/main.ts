/**
 * The API process for production (`DATABASE_URL`, `TEMPORAL_ADDRESS`, `JWT_SECRET`); `npm start` runs it for the
 * embedded default instead.
 */
import { Logger } from '@nestjs/common';
import { loadConfig } from '@cadreflow/config';
import { EventStore } from '@cadreflow/event-store';
import { ApiSettings, apiSecurityFrom } from './api-settings';
import { apiEvidence } from './audit/api-evidence';
import { createApiApp } from './bootstrap';
import { startApiTracing } from './observability/tracing';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind !== 'external' || config.temporal.kind !== 'external' || !config.jwtSecret) {
    throw new Error(
      'The API process needs DATABASE_URL, TEMPORAL_ADDRESS and JWT_SECRET; `npm start` runs everything locally.',
    );
  }
  if (config.tracing) startApiTracing();
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
  app.enableShutdownHooks();
  await app.listen(config.port);
  new Logger('api').log(`listening on port ${config.port}`);
}

main().catch((error: unknown) => {
  new Logger('api').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
