import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';

const tracer = trace.getTracer('cadreflow-api');

/**
 * The server span of each routed request, named by its route pattern (`POST /tasks/:taskId/decision`), continuing
 * the caller's trace (`traceparent`) and active while the request is handled, so that the Temporal client's spans
 * and through them the workflow's and the activity's belong to it. A no-op while no tracer provider is registered
 * (tracing off).
 *
 * Written as an interceptor rather than with `@opentelemetry/instrumentation-http`: that instrumentation patches
 * Node's modules as they are first loaded, so it would have to be preloaded before Nest (`node --require`), and it
 * cannot name the route, which only the router knows.
 */
@Injectable()
export class TracingInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const request = execution.switchToHttp().getRequest<Request>();
    const response = execution.switchToHttp().getResponse<Response>();
    const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    return new Observable((subscriber) =>
      context.with(active, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            const status = (error as { getStatus?: () => number }).getStatus?.() ?? 500;
            span.setAttribute('http.response.status_code', status);
            if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            subscriber.error(error);
          },
          complete: () => {
            span.setAttribute('http.response.status_code', response.statusCode);
            span.end();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
