import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule, LogLevel } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Level } from 'pino';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/** How the API writes its log. */
export interface ApiLogOptions {
  /** Nest's levels to write (the lowest one sets pino's level). */
  levels: LogLevel[];
  /** One JSON object a line (production, log shippers) or pino-pretty's coloured lines (`npm start`). */
  format: 'json' | 'pretty';
  /** Where JSON lines go instead of standard output (tests read them). */
  destination?: DestinationStream;
}

/** The ids a request's log line carries, gathered while it is served. */
export interface RequestLogContext {
  procedureId?: string;
  taskId?: string;
}

/** Requests as the logger sees them: the user the guard put there, the ids the {@link LogContextInterceptor} found. */
type LoggedRequest = IncomingMessage & {
  user?: AuthenticatedUser;
  logContext?: RequestLogContext;
};

const PINO_LEVEL: Record<LogLevel, Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** The most verbose of Nest's levels given, as pino's level. */
function pinoLevel(levels: readonly LogLevel[]): Level {
  const order: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
  return PINO_LEVEL[order.find((level) => levels.includes(level)) ?? 'error'];
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
 * The request id: the caller's `X-Request-Id` when it sends a sensible one (a proxy or another service that already
 * logged it), else a new UUID; sent back in the answer's `X-Request-Id`.
 */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured logs through `nestjs-pino`: every line of the application and one line per request, with the request
 * id, the signed-in user, and the procedure (which is also its workflow's id) or task it concerned. Request and
 * response headers are left out: the request carries the bearer token, and the answer's headers say nothing the
 * line does not.
 */
export function apiLoggerModule(options: ApiLogOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: pinoLevel(options.levels),
        genReqId: requestId,
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        customProps: (req: IncomingMessage) => {
          const request = req as LoggedRequest;
          const procedureId = request.logContext?.procedureId;
          const taskId = request.logContext?.taskId;
          return {
            ...(request.user ? { user: request.user.username } : {}),
            ...(procedureId ? { procedureId, workflowId: procedureId } : {}),
            ...(taskId ? { taskId } : {}),
          };
        },
      },
      options.destination ?? (options.format === 'pretty' ? prettyStream() : process.stdout),
    ],
  });
}
