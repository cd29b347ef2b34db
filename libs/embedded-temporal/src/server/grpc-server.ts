import * as grpc from '@grpc/grpc-js';
import type protobuf from 'protobufjs';
import type { WorkflowEngine } from '../engine/workflow-engine';
import type { PollCancellation } from '../engine/task-matcher';
import { msToTimestamp, temporal, timestampToMs, durationToMs } from '../proto/temporal-proto';
import { GrpcTransport, type UnaryMethod } from './grpc-transport';
import { ServiceError } from './service-error';
import { parseListQuery } from './visibility-listing';

import ws = temporal.api.workflowservice.v1;

type Handler = (request: never, cancellation: PollCancellation) => unknown;

/** What the server tells the SDK it supports (GetSystemInfo): only what is implemented. */
const CAPABILITIES: temporal.api.workflowservice.v1.GetSystemInfoResponse.ICapabilities = {
  signalAndQueryHeader: true,
  internalErrorDifferentiation: true,
  activityFailureIncludeHeartbeat: true,
  supportsSchedules: false,
  encodedFailureAttributes: true,
  buildIdBasedVersioning: false,
  upsertMemo: true,
  eagerWorkflowStart: true,
  sdkMetadata: true,
  countGroupByExecutionStatus: false,
  nexus: false,
};

/** The server version reported to clients. */
export const SERVER_VERSION = '1.27.0-embedded';

/** The WorkflowService RPCs this server implements, by method name. */
function workflowServiceHandlers(engine: WorkflowEngine): Record<string, Handler> {
  const handlers = {
    GetSystemInfo: () => ({ serverVersion: SERVER_VERSION, capabilities: CAPABILITIES }),
    GetClusterInfo: () => ({
      supportedClients: {},
      serverVersion: SERVER_VERSION,
      clusterId: 'embedded',
      clusterName: 'active',
      historyShardCount: 1,
      persistenceStore: 'embedded',
      visibilityStore: 'embedded',
    }),
    DescribeNamespace: (r: ws.DescribeNamespaceRequest) => engine.describeNamespace(r),
    RegisterNamespace: (r: ws.RegisterNamespaceRequest) => engine.registerNamespace(r),
    ListNamespaces: () => engine.listNamespaces(),
    StartWorkflowExecution: (r: ws.StartWorkflowExecutionRequest) => engine.startWorkflowExecution(r),
    SignalWorkflowExecution: (r: ws.SignalWorkflowExecutionRequest) => engine.signalWorkflowExecution(r),
    SignalWithStartWorkflowExecution: (r: ws.SignalWithStartWorkflowExecutionRequest) =>
      engine.signalWithStartWorkflowExecution(r),
    QueryWorkflow: (r: ws.QueryWorkflowRequest, c: PollCancellation) => engine.queryWorkflow(r, c),
    UpdateWorkflowExecution: (r: ws.UpdateWorkflowExecutionRequest) => engine.updates.updateWorkflowExecution(r),
    PollWorkflowExecutionUpdate: (r: ws.PollWorkflowExecutionUpdateRequest) =>
      engine.updates.pollWorkflowExecutionUpdate(r),
    RequestCancelWorkflowExecution: (r: ws.RequestCancelWorkflowExecutionRequest) =>
      engine.requestCancelWorkflowExecution(r),
    TerminateWorkflowExecution: (r: ws.TerminateWorkflowExecutionRequest) => engine.terminateWorkflowExecution(r),
    DescribeWorkflowExecution: (r: ws.DescribeWorkflowExecutionRequest) => engine.describeWorkflowExecution(r),
    GetWorkflowExecutionHistory: (r: ws.GetWorkflowExecutionHistoryRequest, c: PollCancellation) =>
      engine.getWorkflowExecutionHistory(r, c),
    ListWorkflowExecutions: (r: ws.ListWorkflowExecutionsRequest) =>
      engine.listWorkflowExecutions(r.namespace || 'default', parseListQuery(r.query), r.pageSize, r.nextPageToken),
    CountWorkflowExecutions: (r: ws.CountWorkflowExecutionsRequest) =>
      engine.countWorkflowExecutions(r.namespace || 'default', parseListQuery(r.query)),
    PollWorkflowTaskQueue: (r: ws.PollWorkflowTaskQueueRequest, c: PollCancellation) =>
      engine.pollWorkflowTaskQueue(r, c),
    RespondWorkflowTaskCompleted: (r: ws.RespondWorkflowTaskCompletedRequest) => engine.respondWorkflowTaskCompleted(r),
    RespondWorkflowTaskFailed: (r: ws.RespondWorkflowTaskFailedRequest) => engine.respondWorkflowTaskFailed(r),
    PollActivityTaskQueue: (r: ws.PollActivityTaskQueueRequest, c: PollCancellation) =>
      engine.activities.pollActivityTaskQueue(r, c),
    RespondActivityTaskCompleted: (r: ws.RespondActivityTaskCompletedRequest) =>
      engine.activities.respondActivityTaskCompleted(r),
    RespondActivityTaskCompletedById: (r: ws.RespondActivityTaskCompletedByIdRequest) =>
      engine.activities.respondActivityTaskCompletedById(r),
    RespondActivityTaskFailed: (r: ws.RespondActivityTaskFailedRequest) =>
      engine.activities.respondActivityTaskFailed(r),
    RespondActivityTaskFailedById: (r: ws.RespondActivityTaskFailedByIdRequest) =>
      engine.activities.respondActivityTaskFailedById(r),
    RespondActivityTaskCanceled: (r: ws.RespondActivityTaskCanceledRequest) =>
      engine.activities.respondActivityTaskCanceled(r),
    RespondActivityTaskCanceledById: (r: ws.RespondActivityTaskCanceledByIdRequest) =>
      engine.activities.respondActivityTaskCanceledById(r),
    RecordActivityTaskHeartbeat: (r: ws.RecordActivityTaskHeartbeatRequest) =>
      engine.activities.recordActivityTaskHeartbeat(r),
    RecordActivityTaskHeartbeatById: (r: ws.RecordActivityTaskHeartbeatByIdRequest) =>
      engine.activities.recordActivityTaskHeartbeatById(r),
    RespondQueryTaskCompleted: (r: ws.RespondQueryTaskCompletedRequest) => engine.respondQueryTaskCompleted(r),
    ShutdownWorker: (r: ws.ShutdownWorkerRequest) => engine.shutdownWorker(r),
    ResetStickyTaskQueue: (r: ws.ResetStickyTaskQueueRequest) => engine.resetStickyTaskQueue(r),
  };
  return handlers;
}

/**
 * The admin calls behind the time-skipping test helper: Temporal's own TestService (`Sleep`,
 * `UnlockTimeSkippingWithSleep`, `SleepUntil`, `GetCurrentTime`), which `Connection.testService` speaks.
 */
function testServiceHandlers(engine: WorkflowEngine): Record<string, Handler> {
  const sleep = (r: temporal.api.testservice.v1.SleepRequest) => {
    engine.skipTime(durationToMs(r.duration) ?? 0);
    return {};
  };
  const handlers = {
    LockTimeSkipping: () => ({}),
    UnlockTimeSkipping: () => ({}),
    Sleep: sleep,
    UnlockTimeSkippingWithSleep: sleep,
    SleepUntil: (r: temporal.api.testservice.v1.SleepUntilRequest) => {
      const target = timestampToMs(r.timestamp) ?? 0;
      engine.skipTime(target - engine.clock.now());
      return {};
    },
    GetCurrentTime: () => ({ time: msToTimestamp(engine.clock.now()) }),
  };
  return handlers;
}

/**
 * The unary methods of a protobufjs service, by gRPC path: every method is served, those without a
 * handler answer UNIMPLEMENTED with a message.
 */
function serviceMethods(
  root: protobuf.Root,
  serviceName: string,
  handlers: Record<string, Handler>,
  methods: Map<string, UnaryMethod>,
): void {
  const service = root.lookupService(serviceName);
  for (const method of Object.values(service.methods)) {
    method.resolve();
    const requestType = method.resolvedRequestType as protobuf.Type;
    const responseType = method.resolvedResponseType as protobuf.Type;
    const handler = handlers[method.name];
    methods.set(`/${serviceName}/${method.name}`, {
      decode: (bytes) => requestType.decode(bytes),
      encode: (message) => responseType.encode(message as object).finish(),
      handle: handler
        ? (request, cancellation) => Promise.resolve().then(() => handler(request as never, cancellation))
        : () =>
            Promise.reject(
              new ServiceError(
                grpc.status.UNIMPLEMENTED,
                `${method.name} is not implemented by the embedded Temporal server`,
              ),
            ),
    });
  }
}

/** A gRPC server for the Temporal WorkflowService (and TestService) over an engine. */
export function createGrpcServer(engine: WorkflowEngine, onError: (error: unknown) => void): GrpcTransport {
  const root = (temporal as unknown as { root: protobuf.Root }).root;
  const methods = new Map<string, UnaryMethod>();
  serviceMethods(root, 'temporal.api.workflowservice.v1.WorkflowService', workflowServiceHandlers(engine), methods);
  serviceMethods(root, 'temporal.api.testservice.v1.TestService', testServiceHandlers(engine), methods);
  serviceMethods(root, 'temporal.api.operatorservice.v1.OperatorService', {}, methods);
  return new GrpcTransport(methods, {
    maxMessageBytes: 128 * 1024 * 1024,
    statusOf: (error) => {
      if (error instanceof ServiceError) return error.toStatus();
      onError(error);
      return { code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) };
    },
    unknownMethod: (path) => ({
      code: grpc.status.UNIMPLEMENTED,
      details: `The server does not implement the method ${path}`,
    }),
  });
}
