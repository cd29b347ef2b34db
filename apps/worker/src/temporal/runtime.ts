import { Logger } from '@nestjs/common';
import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';

/**
 * Routes the Temporal SDK's own log lines (worker state changes, retries) through Nest's logger, warnings and
 * errors only. Call once per process, before the first Worker is created.
 */
export function installTemporalRuntime(): void {
  const logger = new Logger('temporal');
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry: LogEntry) => {
      if (entry.level === 'ERROR') logger.error(entry.message);
      else logger.warn(entry.message);
    }),
  });
}
