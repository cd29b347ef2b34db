/**
 * The mutable state of one workflow run, everything the server must remember besides the history:
 * what is pending (workflow task, activities, timers, children, updates), its deadlines and its
 * visibility fields. It is plain JSON so a store can keep it as is; binary values are base64 strings.
 */
export interface ExecutionState {
  namespace: string;
  workflowId: string;
  runId: string;
  firstRunId: string;
  workflowType: string;
  taskQueue: string;
  /** `temporal.api.enums.v1.WorkflowExecutionStatus`. */
  status: number;
  startTime: number;
  closeTime?: number;
  /** Start request ids already served by this run (request-id idempotency). */
  requestIds: string[];
  /** Id of the next event appended to the history. */
  nextEventId: number;
  /** Started event id of the last completed workflow task (`previousStartedEventId`). */
  lastCompletedWftStartedId: number;
  wft?: WorkflowTaskState;
  /** Failed/timed out workflow task attempts in a row. */
  wftAttempt: number;
  sticky?: { queue: string; scheduleToStartMs: number };
  wftTimeoutMs: number;
  runDeadline?: number;
  executionDeadline?: number;
  activities: Record<string, ActivityState>;
  timers: Record<string, { startedEventId: number; fireAt: number }>;
  children: Record<string, ChildState>;
  /**
   * The parent of a child run, with the root of its tree: the run that started the first child, which a real server
   * records in the child's start (`rootWorkflowExecution`, the SDK's `workflowInfo().root`). A run without a parent
   * is its own root. Runs saved before the root was kept have none.
   */
  parent?: {
    namespace: string;
    workflowId: string;
    runId: string;
    initiatedEventId: number;
    root?: { workflowId: string; runId: string };
  };
  cancelRequested: boolean;
  /** Search attributes as encoded `Payload`s (base64), by name. */
  searchAttributes: Record<string, string>;
  /** Memo as encoded `Payload`s (base64), by key. */
  memo: Record<string, string>;
  updates: Record<string, UpdateState>;
  /** Events that arrived while a workflow task was running, encoded (base64), ids not yet assigned. */
  buffered: string[];
  /** Run that continued this one (continue-as-new) or retried it. */
  nextRunId?: string;
  historySizeBytes: number;
  /** Pending workflow task start delay (`workflowStartDelay`, retry backoff, cron). */
  firstWftAt?: number;
}

/** The workflow task that is scheduled or running. */
export interface WorkflowTaskState {
  scheduledEventId: number;
  startedEventId?: number;
  /** Queue the task was put on (the sticky queue or the workflow's own). */
  queue: string;
  scheduledTime: number;
  startedTime?: number;
  /** Attempt of this task, 1 on success paths. */
  attempt: number;
  /** Update ids delivered with the running task. */
  deliveredUpdates: string[];
}

/** A scheduled activity, between ActivityTaskScheduled and its closing event. */
export interface ActivityState {
  scheduledEventId: number;
  activityId: string;
  activityType: string;
  taskQueue: string;
  attempt: number;
  state: 'scheduled' | 'started' | 'backoff';
  firstScheduledTime: number;
  attemptScheduledTime: number;
  startedTime?: number;
  startedIdentity?: string;
  lastHeartbeatTime?: number;
  heartbeatDetails?: string;
  lastFailure?: string;
  cancelRequestedEventId?: number;
  scheduleToCloseMs?: number;
  scheduleToStartMs?: number;
  startToCloseMs: number;
  heartbeatMs?: number;
  retry: RetryPolicyState;
  retryAt?: number;
}

/** A retry policy with server defaults filled in. */
export interface RetryPolicyState {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  /** 0 means unlimited. */
  maximumAttempts: number;
  nonRetryableErrorTypes: string[];
}

/** A child workflow started by this run. */
export interface ChildState {
  initiatedEventId: number;
  namespace: string;
  workflowId: string;
  workflowType: string;
  runId?: string;
  startedEventId?: number;
  /** `temporal.api.enums.v1.ParentClosePolicy`. */
  parentClosePolicy: number;
}

/** An update sent to this run. */
export interface UpdateState {
  /** `temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage`. */
  stage: number;
  /** Encoded `temporal.api.update.v1.Request` (base64). */
  request: string;
  /** Encoded `temporal.api.update.v1.Outcome` (base64), once completed. */
  outcome?: string;
  /** Id of the WorkflowExecutionUpdateAccepted event, once accepted. */
  acceptedEventId?: number;
}
