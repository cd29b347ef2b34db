import { status } from '@grpc/grpc-js';
import { type IFailure, type IPayloads, type Loose, temporal } from '../proto/temporal-proto';
import { ServiceError } from '../server/service-error';

/**
 * The QueryWorkflow answer for a worker's query result: the payloads, or the INVALID_ARGUMENT status
 * with `QueryFailedFailure` a real server returns when the query failed (the client raises
 * `QueryNotRegisteredError` for it).
 */
export function queryOutcome(
  answered: boolean,
  result: IPayloads | null | undefined,
  errorMessage: string | null | undefined,
  failure: IFailure | null | undefined,
): Loose<temporal.api.workflowservice.v1.IQueryWorkflowResponse> | Error {
  if (answered) return { queryResult: result };
  return new ServiceError(status.INVALID_ARGUMENT, errorMessage || failure?.message || 'query failed', {
    typeName: 'temporal.api.errordetails.v1.QueryFailedFailure',
    value: temporal.api.errordetails.v1.QueryFailedFailure.encode({
      failure: failure as temporal.api.failure.v1.IFailure,
    }).finish(),
  });
}
