import { enumNumbers, type Loose, msToDuration, msToTimestamp, temporal } from '../proto/temporal-proto';
import type { Execution } from './execution';
import { decodePayloadMap, decodePayloads } from './payload-maps';

import ws = temporal.api.workflowservice.v1;

const TaskQueueKind = enumNumbers(temporal.api.enums.v1.TaskQueueKind);
const Failure = temporal.api.failure.v1.Failure;

/** What DescribeWorkflowExecution shows of a run: configuration, info, pending activities, children, task. */
export function describeExecution(
  exec: Execution,
  parentNamespaceId: string,
): Loose<ws.IDescribeWorkflowExecutionResponse> {
  const s = exec.state;
  const ActivityStateEnum = enumNumbers(temporal.api.enums.v1.PendingActivityState);
  return {
    executionConfig: {
      taskQueue: { name: s.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      defaultWorkflowTaskTimeout: msToDuration(s.wftTimeoutMs),
      workflowRunTimeout: s.runDeadline ? msToDuration(s.runDeadline - s.startTime) : null,
    },
    workflowExecutionInfo: executionInfo(exec, parentNamespaceId),
    pendingActivities: Object.values(s.activities).map((a) => ({
      activityId: a.activityId,
      activityType: { name: a.activityType },
      state:
        a.cancelRequestedEventId !== undefined
          ? ActivityStateEnum.PENDING_ACTIVITY_STATE_CANCEL_REQUESTED
          : a.state === 'started'
            ? ActivityStateEnum.PENDING_ACTIVITY_STATE_STARTED
            : ActivityStateEnum.PENDING_ACTIVITY_STATE_SCHEDULED,
      heartbeatDetails: decodePayloads(a.heartbeatDetails),
      lastHeartbeatTime: a.lastHeartbeatTime ? msToTimestamp(a.lastHeartbeatTime) : null,
      lastStartedTime: a.startedTime ? msToTimestamp(a.startedTime) : null,
      attempt: a.attempt,
      maximumAttempts: a.retry.maximumAttempts,
      scheduledTime: msToTimestamp(a.attemptScheduledTime),
      expirationTime: a.scheduleToCloseMs ? msToTimestamp(a.firstScheduledTime + a.scheduleToCloseMs) : null,
      lastFailure: a.lastFailure ? Failure.decode(Buffer.from(a.lastFailure, 'base64')) : null,
      lastWorkerIdentity: a.startedIdentity ?? '',
      nextAttemptScheduleTime: a.retryAt ? msToTimestamp(a.retryAt) : null,
    })),
    pendingChildren: Object.values(s.children).map((c) => ({
      workflowId: c.workflowId,
      runId: c.runId ?? '',
      workflowTypeName: c.workflowType,
      initiatedId: c.initiatedEventId,
      parentClosePolicy: c.parentClosePolicy,
    })),
    pendingWorkflowTask: s.wft
      ? {
          state: s.wft.startedEventId
            ? temporal.api.enums.v1.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED
            : temporal.api.enums.v1.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_SCHEDULED,
          scheduledTime: msToTimestamp(s.wft.scheduledTime),
          startedTime: s.wft.startedTime ? msToTimestamp(s.wft.startedTime) : null,
          attempt: s.wft.attempt,
        }
      : null,
  };
}

/** The `WorkflowExecutionInfo` of a run, as Describe and List show it. */
export function executionInfo(
  exec: Execution,
  parentNamespaceId: string,
): Loose<temporal.api.workflow.v1.IWorkflowExecutionInfo> {
  const s = exec.state;
  return {
    execution: { workflowId: s.workflowId, runId: s.runId },
    type: { name: s.workflowType },
    startTime: msToTimestamp(s.startTime),
    closeTime: s.closeTime ? msToTimestamp(s.closeTime) : null,
    status: s.status,
    historyLength: s.nextEventId - 1,
    parentExecution: s.parent ? { workflowId: s.parent.workflowId, runId: s.parent.runId } : null,
    parentNamespaceId: s.parent ? parentNamespaceId : '',
    rootExecution: s.parent ? (s.parent.root ?? null) : { workflowId: s.workflowId, runId: s.runId },
    executionTime: msToTimestamp(s.firstWftAt ?? s.startTime),
    memo: { fields: decodePayloadMap(s.memo) },
    searchAttributes: { indexedFields: decodePayloadMap(s.searchAttributes) },
    taskQueue: s.taskQueue,
    stateTransitionCount: s.nextEventId - 1,
    historySizeBytes: s.historySizeBytes,
    firstRunId: s.firstRunId,
    executionDuration: s.closeTime ? msToDuration(s.closeTime - s.startTime) : null,
  };
}
