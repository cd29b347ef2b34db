import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Observable, tap } from 'rxjs';
import type { RequestLogContext } from './api-logging';

/**
 * Gives a request's log line the ids its route names (a procedure's `:id`, a task's `:taskId`) and, for a launch,
 * the new procedure's id from the answer, which the route cannot name.
 */
@Injectable()
export class LogContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{
      params?: Record<string, string>;
      route?: { path?: string };
      logContext?: RequestLogContext;
    }>();
    const params = request.params ?? {};
    // `:id` names a procedure on the procedures' routes only (the registry's name organisations and people).
    const procedureRoute = request.route?.path?.startsWith('/procedures/:id') ?? false;
    request.logContext = { procedureId: procedureRoute ? params.id : undefined, taskId: params.taskId };
    return next.handle().pipe(
      tap((body) => {
        const procedureId = (body as { procedureId?: unknown } | undefined)?.procedureId;
        if (typeof procedureId === 'string' && request.logContext) request.logContext.procedureId ??= procedureId;
      }),
    );
  }
}
