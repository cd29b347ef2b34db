import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode } from '@cadreflow/domain';
import { EventStoreError } from '@cadreflow/event-store';
import type { ApiErrorCode } from './api-error-codes';
import { ApiError, type ApiErrorBody, type ErrorParam } from './api-error';

/** HTTP status for each domain error category. */
export const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: HttpStatus.UNPROCESSABLE_ENTITY,
  NOT_ALLOWED: HttpStatus.FORBIDDEN,
  RECUSED: HttpStatus.FORBIDDEN,
  ILLEGAL_TRANSITION: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
  NOT_FOUND: HttpStatus.NOT_FOUND,
};

/** The domain's error classes by name, for refusals that crossed Temporal (only the class name travels). */
const DOMAIN_CLASS_CATEGORY: Record<string, DomainErrorCode> = {
  ValidationError: 'VALIDATION',
  NotAllowedError: 'NOT_ALLOWED',
  RecusedError: 'RECUSED',
  IllegalTransitionError: 'ILLEGAL_TRANSITION',
  ConflictError: 'CONFLICT',
  NotFoundError: 'NOT_FOUND',
};

const STORE_ERRORS: Record<EventStoreError['code'], { status: number; code: ApiErrorCode }> = {
  CONFLICT: { status: HttpStatus.CONFLICT, code: 'CONFLICT' },
  INVALID_INPUT: { status: HttpStatus.BAD_REQUEST, code: 'FIELD_INVALID' },
  IDEMPOTENCY_MISMATCH: { status: HttpStatus.UNPROCESSABLE_ENTITY, code: 'IDEMPOTENCY_KEY_REUSED' },
};

/** The code of a Nest exception that carries none of its own, by status. */
const STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  400: 'FIELD_INVALID',
  401: 'UNAUTHENTICATED',
  403: 'NOT_ALLOWED',
  404: 'ROUTE_NOT_FOUND',
  409: 'CONFLICT',
  413: 'REQUEST_TOO_LARGE',
  415: 'REQUEST_UNSUPPORTED_ENCODING',
  422: 'VALIDATION',
  429: 'TOO_MANY_REQUESTS',
};

/** body-parser's refusals (raised before any route runs), by their `type`. */
const BODY_PARSER_ERRORS: Record<string, { status: number; code: ApiErrorCode }> = {
  'entity.too.large': { status: HttpStatus.PAYLOAD_TOO_LARGE, code: 'REQUEST_TOO_LARGE' },
  'entity.parse.failed': { status: HttpStatus.BAD_REQUEST, code: 'REQUEST_MALFORMED' },
  'charset.unsupported': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, code: 'REQUEST_UNSUPPORTED_ENCODING' },
  'encoding.unsupported': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, code: 'REQUEST_UNSUPPORTED_ENCODING' },
};

function isDomainCategory(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && value in DOMAIN_STATUS;
}

/** Keeps the values a translated message can use: text, numbers, flags and lists of text. */
export function toParams(source: unknown): Record<string, ErrorParam> | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const params: Record<string, ErrorParam> = {};
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') params[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      params[key] = value.map(String);
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

/**
 * A domain refusal as the API answers it: the status from its category (`DomainError.code`), the domain's stable
 * `errorCode` as `code` with its `params` (falling back to the category and the error's readonly context where a
 * domain error carries no finer code).
 */
export function domainBody(
  category: DomainErrorCode,
  message: string,
  code: unknown,
  params: unknown,
  field?: unknown,
): ApiErrorBody {
  const own = toParams(params);
  return {
    statusCode: DOMAIN_STATUS[category],
    code: typeof code === 'string' && code.length > 0 ? code : category,
    message,
    ...(typeof field === 'string' ? { field } : {}),
    ...(own ? { params: own } : {}),
  };
}

/** What a thrown domain error says about itself: its finer code and params when it has them, its context else. */
function ownDomainBody(error: DomainError): ApiErrorBody {
  const extra = error as DomainError & {
    errorCode?: unknown;
    params?: unknown;
    details?: unknown;
    category?: unknown;
    field?: unknown;
  };
  const category = isDomainCategory(extra.category)
    ? extra.category
    : (DOMAIN_CLASS_CATEGORY[error.name] ?? (isDomainCategory(error.code) ? error.code : 'VALIDATION'));
  const {
    name: _name,
    message: _message,
    stack: _stack,
    code: _code,
    ...context
  } = error as unknown as Record<string, unknown>;
  return domainBody(
    category,
    error.message,
    extra.errorCode ?? error.code,
    extra.params ?? extra.details ?? context,
    extra.field,
  );
}

/** A domain refusal that crossed Temporal: `type` the category, `details[0]` the error's code, name and params. */
function failureBody(failure: ApplicationFailure): ApiErrorBody | undefined {
  const details = (failure.details?.[0] ?? {}) as {
    code?: unknown;
    errorCode?: unknown;
    name?: unknown;
    params?: unknown;
    context?: unknown;
    category?: unknown;
    field?: unknown;
  };
  const category = isDomainCategory(failure.type)
    ? failure.type
    : isDomainCategory(details.category)
      ? details.category
      : typeof details.name === 'string'
        ? DOMAIN_CLASS_CATEGORY[details.name]
        : undefined;
  if (!category) return undefined;
  const code =
    typeof details.errorCode === 'string'
      ? details.errorCode
      : typeof details.code === 'string'
        ? details.code
        : failure.type;
  return domainBody(category, failure.message, code, details.params ?? details.context, details.field);
}

/**
 * The one place errors become HTTP answers, all in one shape `{ statusCode, code, message, field?, params? }`:
 * the API's own errors as thrown, domain refusals by their category with their code and params, workflow
 * rejections by the domain failure they carry; anything unexpected is logged and answered 500 without details.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ApiError) return exception.toBody();
    if (exception instanceof HttpException) return this.http(exception);
    if (exception instanceof DomainError) return ownDomainBody(exception);
    if (exception instanceof EventStoreError) {
      const { status, code } = STORE_ERRORS[exception.code];
      return { statusCode: status, code, message: exception.message };
    }
    if (exception instanceof WorkflowUpdateFailedError) {
      const cause = exception.cause;
      const domain = cause instanceof ApplicationFailure ? failureBody(cause) : undefined;
      return domain ?? { statusCode: 409, code: 'ILLEGAL_TRANSITION', message: cause?.message ?? exception.message };
    }
    if (exception instanceof WorkflowNotFoundError) {
      return { statusCode: 404, code: 'PROCEDURE_NOT_FOUND', message: 'No such procedure (it may have finished).' };
    }
    if (exception instanceof WorkflowExecutionAlreadyStartedError) {
      return { statusCode: 409, code: 'PROCEDURE_ALREADY_RUNNING', message: 'A procedure with this id is running.' };
    }
    const parser = this.bodyParser(exception);
    if (parser) return parser;
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side; nothing was recorded.' };
  }

  private http(exception: HttpException): ApiErrorBody {
    const status = exception.getStatus();
    const answer = exception.getResponse();
    const fields = typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
    const raw = typeof answer === 'string' ? answer : fields.message;
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    const code =
      typeof fields.code === 'string'
        ? fields.code
        : (STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'FIELD_INVALID'));
    const params = toParams(fields.params);
    return {
      statusCode: status,
      code,
      message,
      ...(typeof fields.field === 'string' ? { field: fields.field } : {}),
      ...(params ? { params } : {}),
    };
  }

  private bodyParser(exception: unknown): ApiErrorBody | undefined {
    const type = (exception as { type?: unknown } | null)?.type;
    const known = typeof type === 'string' ? BODY_PARSER_ERRORS[type] : undefined;
    if (!known) return undefined;
    return { statusCode: known.status, code: known.code, message: (exception as Error).message };
  }
}
