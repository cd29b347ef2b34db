import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError, ValidationError } from '@cadreflow/domain';
import type { DomainErrorDetails } from './messages';

/**
 * Turns a domain rejection into the failure an Update (or its validator) throws, so the client's
 * `WorkflowUpdateFailedError.cause` is an `ApplicationFailure` whose `type` is the domain code. Anything else is
 * returned unchanged (a real bug should fail the workflow task and be retried, not be reported as a rejection).
 *
 * @example
 * try { decider.decide(command, state) } catch (e) { throw asUpdateFailure(e) }
 */
export function asUpdateFailure(error: unknown): unknown {
  if (!(error instanceof DomainError)) {
    return error;
  }
  const { name, message, stack: _stack, code, ...context } = error as DomainError & Record<string, unknown>;
  const details: DomainErrorDetails = {
    code,
    name,
    context: JSON.parse(JSON.stringify(context)) as Record<string, unknown>,
  };
  return ApplicationFailure.create({ type: code, message, nonRetryable: true, details: [details] });
}

/** A rejection for input the workflow cannot even map to a domain command (unknown step kind, wrong procedure). */
export function invalidInput(message: string, details: Readonly<Record<string, unknown>> = {}): ValidationError {
  return new ValidationError(message, details);
}
