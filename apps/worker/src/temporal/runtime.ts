import { Runtime, makeTelemetryFilterString, type LogLevel } from '@temporalio/worker';
import type { Logger as PinoLogger } from 'pino';
import { TemporalPinoLogger } from '../observability/worker-logging';

/** The SDK's native core logs at INFO only a few lines a worker start; below that it logs every poll. */
function coreLevel(log: PinoLogger): LogLevel {
  if (log.isLevelEnabled('info')) return 'INFO';
  return log.isLevelEnabled('warn') ? 'WARN' : 'ERROR';
}

/**
 * Routes every log line of the Temporal SDK to the process's pino logger, at its level: the SDK's own (worker state
 * changes, retries), the workflows' `log`, the activities' context logger, and its native core's lines, which are
 * forwarded instead of being printed as text on the console (at INFO at most, a few lines per worker start). With
 * `metricsPort`, it also serves the SDK's own worker metrics (task slots, poll and schedule latencies, sticky cache;
 * `temporal_*`) for Prometheus at `http://<host>:<metricsPort>/metrics`. Call once per process, before the first
 * Worker is created.
 */
export function installTemporalRuntime(log: PinoLogger, metricsPort?: number): void {
  Runtime.install({
    logger: new TemporalPinoLogger(log),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: coreLevel(log), other: 'ERROR' }), forward: {} },
      ...(metricsPort === undefined ? {} : { metrics: { prometheus: { bindAddress: `0.0.0.0:${metricsPort}` } } }),
    },
  });
}
