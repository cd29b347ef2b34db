import { Logger } from '@nestjs/common';
import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';

/**
 * Routes the Temporal SDK's own log lines (worker state changes, retries) through Nest's logger, warnings and
 * errors only, and with `metricsPort`, serves the SDK's own worker metrics (task slots, poll and schedule latencies,
 * sticky cache; `temporal_*`) for Prometheus at `http://<host>:<metricsPort>/metrics`. Call once per process, before
 * the first Worker is created.
 */
export function installTemporalRuntime(metricsPort?: number): void {
  const logger = new Logger('temporal');
  Runtime.install({
    telemetryOptions:
      metricsPort === undefined ? undefined : { metrics: { prometheus: { bindAddress: `0.0.0.0:${metricsPort}` } } },
    logger: new DefaultLogger('WARN', (entry: LogEntry) => {
      if (entry.level === 'ERROR') logger.error(entry.message);
      else logger.warn(entry.message);
    }),
  });
}
