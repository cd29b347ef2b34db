import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { ApiMetrics } from './api-metrics';

/** The status an error answers with (an HttpException's, else 500). */
function statusOf(error: unknown): number {
  const status = (error as { getStatus?: () => number }).getStatus?.();
  return typeof status === 'number' ? status : 500;
}

/**
 * Times every routed request by its route pattern (`/tasks/:taskId/decision`, never the ids themselves, which
 * would make a series per task) and counts decisions and verify runs by their outcome.
 */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: ApiMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const stop = this.metrics.httpDuration.startTimer({ method: request.method, route });
    const done = (status: number, body?: unknown): void => {
      stop({ status: String(status) });
      if (request.method !== 'POST') return;
      if (route === '/tasks/:taskId/decision') {
        this.metrics.decisions.inc({ outcome: status < 400 ? 'recorded' : status < 500 ? 'refused' : 'failed' });
      } else if (route === '/audit/verify') {
        const ok = (body as { ok?: boolean } | undefined)?.ok;
        this.metrics.verifyRuns.inc({ result: status >= 400 ? 'failed' : ok ? 'intact' : 'altered' });
      }
    };
    return next.handle().pipe(
      tap({
        next: (body) => done(response.statusCode, body),
        error: (error: unknown) => done(statusOf(error)),
      }),
    );
  }
}
