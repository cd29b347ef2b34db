import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError, ValidationError, type DomainErrorKey } from '@cadreflow/domain';
import type { DomainErrorDetails } from './messages';

/**
 * Turns what a decider threw into the failure an Update (or its validator) throws, so the client's
 * `WorkflowUpdateFailedError.cause` is an `ApplicationFailure` whose `type` is the domain code. A decider is pure,
 * so anything else it throws comes from malformed input (a missing field): that is a `VALIDATION` rejection too,
 * never a failed workflow task that would retry the same input forever.
 *
 * @example
 * try { decider.decide(command, state) } catch (e) { throw asUpdateFailure(e) }
 */
export function asUpdateFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) {
    return error;
  }
  if (!(error instanceof DomainError)) {
    const message = error instanceof Error ? error.message : String(error);
    return ApplicationFailure.create({
      type: 'VALIDATION',
      message: `The input could not be applied: ${message}`,
      nonRetryable: true,
      details: [
        {
          code: 'VALIDATION',
          errorCode: 'MALFORMED_INPUT',
          params: {},
          name: 'MalformedInput',
          context: {},
        } satisfies DomainErrorDetails,
      ],
    });
  }
  const {
    name,
    message,
    stack: _stack,
    code,
    errorCode,
    params,
    ...context
  } = error as DomainError & Record<string, unknown>;
  const details: DomainErrorDetails = {
    code,
    errorCode,
    params: JSON.parse(JSON.stringify(params)) as DomainErrorDetails['params'],
    name,
    context: JSON.parse(JSON.stringify(context)) as Record<string, unknown>,
  };
  return ApplicationFailure.create({ type: code, message, nonRetryable: true, details: [details] });
}

/** A rejection for input the workflow cannot even map to a domain command (unknown step kind, wrong procedure). */
export function invalidInput(
  message: string,
  details: Readonly<Record<string, unknown>> = {},
  errorCode: DomainErrorKey = 'INVALID_INPUT',
): ValidationError {
  return new ValidationError(message, details, {
    code: errorCode,
    params: JSON.parse(JSON.stringify(details)) as Record<string, string>,
  });
}
