import { HttpException } from '@nestjs/common';
import type { ApiErrorCode } from './api-error-codes';

/** A value of an error's `params`: what the web app puts into the translated message. */
export type ErrorParam = string | number | boolean | readonly string[];

/** One field's error, as a form shows it next to the field. */
export interface FieldError {
  /** Dotted path of the field in the request (`plan.candidateIds.3`, `purpose`). */
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, ErrorParam>>;
}

/** What every 4xx answers. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly params?: Readonly<Record<string, ErrorParam>>;
  /** Every field error of the request (validation), the first of which is also the body's own. */
  readonly errors?: readonly FieldError[];
}

/**
 * An error the API answers as it is: a stable code the web app translates, its parameters and the field it concerns.
 *
 * @example
 * throw new ApiError(404, 'TASK_NOT_FOUND', `No task "${taskId}".`, { params: { taskId } });
 */
export class ApiError extends HttpException {
  constructor(
    status: number,
    /** One of {@link ApiErrorCode}, or a domain refusal's own code passed on. */
    readonly code: ApiErrorCode | (string & Record<never, never>),
    message: string,
    readonly extra: {
      readonly field?: string;
      readonly params?: Readonly<Record<string, ErrorParam>>;
      readonly errors?: readonly FieldError[];
    } = {},
  ) {
    super(message, status);
  }

  toBody(): ApiErrorBody {
    return {
      statusCode: this.getStatus(),
      code: this.code,
      message: this.message,
      ...(this.extra.field === undefined ? {} : { field: this.extra.field }),
      ...(this.extra.params === undefined ? {} : { params: this.extra.params }),
      ...(this.extra.errors === undefined ? {} : { errors: this.extra.errors }),
    };
  }
}
