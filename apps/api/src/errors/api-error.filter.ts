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

/** HTTP status for each domain error code. */
export const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: HttpStatus.UNPROCESSABLE_ENTITY,
  NOT_ALLOWED: HttpStatus.FORBIDDEN,
  RECUSED: HttpStatus.FORBIDDEN,
  ILLEGAL_TRANSITION: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
  NOT_FOUND: HttpStatus.NOT_FOUND,
};

const STORE_STATUS: Record<EventStoreError['code'], number> = {
  CONFLICT: HttpStatus.CONFLICT,
  INVALID_INPUT: HttpStatus.BAD_REQUEST,
  IDEMPOTENCY_MISMATCH: HttpStatus.UNPROCESSABLE_ENTITY,
};

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
}

function isDomainCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && value in DOMAIN_STATUS;
}

/**
 * The one place errors become HTTP answers: domain errors by their code, workflow rejections by the domain code
 * they carry as failure type, conflicts as 409; anything unexpected is logged and answered 500 without details.
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

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const answer = exception.getResponse();
      const raw = typeof answer === 'string' ? answer : (answer as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
      const code = typeof answer === 'object' ? (answer as { code?: string }).code : undefined;
      return { statusCode: exception.getStatus(), error: HttpStatus[exception.getStatus()] ?? 'Error', message, code };
    }
    if (exception instanceof DomainError) return this.domain(exception.code, exception.message);
    if (exception instanceof EventStoreError) {
      const status = STORE_STATUS[exception.code];
      return { statusCode: status, error: HttpStatus[status], message: exception.message, code: exception.code };
    }
    if (exception instanceof WorkflowUpdateFailedError) {
      const cause = exception.cause;
      if (cause instanceof ApplicationFailure && isDomainCode(cause.type))
        return this.domain(cause.type, cause.message);
      return {
        statusCode: 409,
        error: 'CONFLICT',
        message: cause?.message ?? exception.message,
        code: 'ILLEGAL_TRANSITION',
      };
    }
    if (exception instanceof WorkflowNotFoundError) {
      return {
        statusCode: 404,
        error: 'NOT_FOUND',
        message: 'No such procedure (it may have finished).',
        code: 'NOT_FOUND',
      };
    }
    if (exception instanceof WorkflowExecutionAlreadyStartedError) {
      return {
        statusCode: 409,
        error: 'CONFLICT',
        message: 'A procedure with this id is already running.',
        code: 'CONFLICT',
      };
    }
    return {
      statusCode: 500,
      error: 'INTERNAL_SERVER_ERROR',
      message: 'Something went wrong on our side; nothing was recorded.',
    };
  }

  private domain(code: DomainErrorCode, message: string): ErrorBody {
    const status = DOMAIN_STATUS[code];
    return { statusCode: status, error: HttpStatus[status], message, code };
  }
}
