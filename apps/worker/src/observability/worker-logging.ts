import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/worker';
import pino, { type DestinationStream, type Level, type Logger as PinoLogger } from 'pino';

/** How the worker writes its log: as the API writes its own (`apps/api/src/observability/api-logging.ts`). */
export interface WorkerLogOptions {
  /** Nest's levels to write (the lowest one sets pino's level, which the Temporal SDK's lines follow too). */
  levels: NestLogLevel[];
  /** One JSON object a line (production, log shippers) or pino-pretty's coloured lines (`npm start`). */
  format: 'json' | 'pretty';
  /** Where JSON lines go instead of standard output (tests read them). */
  destination?: DestinationStream;
}

const PINO_LEVEL: Record<NestLogLevel, Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** The most verbose of Nest's levels given, as pino's level. */
function pinoLevel(levels: readonly NestLogLevel[]): Level {
  const order: NestLogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
  return PINO_LEVEL[order.find((level) => levels.includes(level)) ?? 'error'];
}

/** Nest's levels from `LOG_LEVEL` (the configuration's `logLevel`) up: `log` writes errors, warnings and logs. */
export function nestLevelsFrom(level: 'error' | 'warn' | 'log' | 'debug' | 'verbose'): NestLogLevel[] {
  const order: NestLogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
  return ['fatal', ...order.slice(0, order.indexOf(level) + 1)];
}

/**
 * pino-pretty's coloured lines, written in the process's own thread so that the last lines before an exit are never
 * lost. Loaded only here: pino-pretty is a development package, there for `npm start`, not in a production install.
 */
function prettyStream(): DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
  return pretty({ sync: true, singleLine: true, colorize: true, ignore: 'pid,hostname' });
}

/**
 * The worker's pino logger. Standard output is written synchronously: a worker that exits on a stalled workflow
 * thread or a failed start still writes its last line.
 */
export function createWorkerLog(options: WorkerLogOptions): PinoLogger {
  const destination =
    options.destination ?? (options.format === 'pretty' ? prettyStream() : pino.destination({ dest: 1, sync: true }));
  return pino({ level: pinoLevel(options.levels) }, destination);
}

/**
 * Nest's lines of the worker through pino, in the shape `nestjs-pino` gives the API's (`context` and `msg`; an error's
 * stack under `err`). Written here rather than with `nestjs-pino`, whose logger serves HTTP requests the worker does
 * not have and keeps one pino instance for the whole process, which `npm start` and the tests give to the API.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly out: PinoLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  /**
   * Nest passes the logger's context as the last parameter, and for errors the stack before it:
   * `error(message, stack?, context?)`.
   */
  private write(level: Level, message: unknown, params: unknown[], withStack = false): void {
    if (!this.out.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    const stack = withStack && typeof rest[0] === 'string' ? rest.shift() : undefined;
    if (message instanceof Error) fields.err = message;
    else if (stack !== undefined) fields.err = { message: String(message), stack };
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      this.out[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.out[level](fields, message instanceof Error ? message.message : String(message));
    }
  }
}

const TEMPORAL_LEVEL: Record<TemporalLogLevel, Level> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Attributes the SDK gives that a log line must not carry: an activity's task token lets whoever holds it complete or
 * fail that activity through the Temporal API.
 */
const OMITTED = new Set(['taskToken']);

/**
 * The Temporal SDK's lines (its own, the workflows' `log`, the activities' context logger and, forwarded, its native
 * core's) through pino: the SDK's attributes stay fields of the line (`sdkComponent`, `taskQueue`, `workflowId`,
 * `runId`, `workflowType`, `activityType`, `activityId`, `attempt`, a core line's `target`; not an activity's task
 * token), an error under `err`.
 * The SDK's own timestamp (a symbol key) is left to pino's.
 */
export class TemporalPinoLogger implements TemporalLogger {
  private readonly out: PinoLogger;

  constructor(log: PinoLogger) {
    this.out = log.child({ context: 'temporal' });
  }

  log(level: TemporalLogLevel, message: string, meta?: LogMetadata): void {
    const pinoLevel = TEMPORAL_LEVEL[level] ?? 'info';
    if (!this.out.isLevelEnabled(pinoLevel)) return;
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(meta ?? {})) {
      if (value === undefined || OMITTED.has(key)) continue;
      if (key === 'spanContexts' && Array.isArray(value) && value.length === 0) continue;
      if (key === 'error' && value instanceof Error) fields.err = value;
      else fields[key] = typeof value === 'bigint' ? value.toString() : value;
    }
    this.out[pinoLevel](fields, message);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
