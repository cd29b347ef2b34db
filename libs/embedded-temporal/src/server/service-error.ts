import { status } from '@grpc/grpc-js';
import { google, temporal } from '../proto/temporal-proto';
import type { RpcStatus } from './grpc-transport';

/** A typed detail attached to a gRPC status, as `google.rpc.Status.details` carries it. */
export interface ErrorDetail {
  readonly typeName: string;
  readonly value: Uint8Array;
}

/**
 * An RPC failure with the gRPC status a real Temporal server answers, so the SDK raises its typed error
 * (`WorkflowNotFoundError`, `WorkflowExecutionAlreadyStartedError`, `NamespaceNotFoundError`, ...).
 *
 * @example
 * throw new ServiceError(status.NOT_FOUND, `workflow execution not found: ${workflowId}`);
 */
export class ServiceError extends Error {
  constructor(
    readonly code: status,
    message: string,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  /** The status gRPC sends: code, message and, when present, `grpc-status-details-bin`. */
  toStatus(): RpcStatus {
    if (!this.detail) return { code: this.code, details: this.message };
    const body = google.rpc.Status.encode({
      code: this.code,
      message: this.message,
      details: [{ type_url: `type.googleapis.com/${this.detail.typeName}`, value: this.detail.value }],
    }).finish();
    return {
      code: this.code,
      details: this.message,
      trailers: { 'grpc-status-details-bin': Buffer.from(body).toString('base64') },
    };
  }
}

/** NOT_FOUND with `NamespaceNotFoundFailure`, which the client turns into `NamespaceNotFoundError`. */
export function namespaceNotFound(namespace: string): ServiceError {
  return new ServiceError(status.NOT_FOUND, `Namespace ${namespace} is not found.`, {
    typeName: 'temporal.api.errordetails.v1.NamespaceNotFoundFailure',
    value: temporal.api.errordetails.v1.NamespaceNotFoundFailure.encode({ namespace }).finish(),
  });
}

/** NOT_FOUND for a workflow execution, which the client turns into `WorkflowNotFoundError`. */
export function workflowNotFound(workflowId: string, runId?: string | null): ServiceError {
  const run = runId ? `, RunId: ${runId}` : '';
  return new ServiceError(status.NOT_FOUND, `workflow execution not found for WorkflowId: ${workflowId}${run}`, {
    typeName: 'temporal.api.errordetails.v1.NotFoundFailure',
    value: temporal.api.errordetails.v1.NotFoundFailure.encode({}).finish(),
  });
}

/** ALREADY_EXISTS with `WorkflowExecutionAlreadyStartedFailure`. */
export function workflowAlreadyStarted(workflowId: string, runId: string, startRequestId: string): ServiceError {
  return new ServiceError(
    status.ALREADY_EXISTS,
    `Workflow execution is already running. WorkflowId: ${workflowId}, RunId: ${runId}.`,
    {
      typeName: 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
      value: temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure.encode({
        startRequestId,
        runId,
      }).finish(),
    },
  );
}

/** INVALID_ARGUMENT: the request is malformed. */
export function invalidArgument(message: string): ServiceError {
  return new ServiceError(status.INVALID_ARGUMENT, message);
}

/** FAILED_PRECONDITION: e.g. the workflow already completed. */
export function failedPrecondition(message: string): ServiceError {
  return new ServiceError(status.FAILED_PRECONDITION, message);
}

/** UNIMPLEMENTED for a feature this server does not offer (rather than silently ignoring it). */
export function unsupported(feature: string): ServiceError {
  return new ServiceError(status.UNIMPLEMENTED, `${feature} are not supported by the embedded Temporal server`);
}
