import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { ControllableClock } from '../clock/clock';
import { DeadlineScheduler } from '../clock/deadline-scheduler';
import {
  durationToMs,
  enumNumbers,
  EventType,
  type IFailure,
  type IHistoryEvent,
  type IPayloads,
  type IRetryPolicy,
  msToDuration,
  msToTimestamp,
  temporal,
  toNumber,
  WorkflowExecutionStatus,
} from '../proto/temporal-proto';
import type { Loose } from '../proto/temporal-proto';
import {
  invalidArgument,
  unsupported,
  namespaceNotFound,
  ServiceError,
  workflowAlreadyStarted,
  workflowNotFound,
} from '../server/service-error';
import type { ExecutionStore, ExecutionWrite, NamespaceRecord } from '../store/execution-store';
import { ActivityTasks, type EngineCore } from './activity-tasks';
import { WorkflowUpdates } from './workflow-updates';
import { Execution, type PendingQuery } from './execution';
import { isCloseCommand, MAX_BLOB_BYTES, validateCommands } from './command-validation';
import { decodePayloadMap, encodePayloadMap, mergePayloadMap } from './payload-maps';
import { describeExecution, executionInfo } from './execution-views';
import { queryOutcome } from './query-outcome';
import { countExecutions, listExecutions } from '../server/visibility-listing';
import type { VisibilityQuery } from '../visibility';
import type { ExecutionState } from './execution-state';
import { nextRetry, normalizeRetryPolicy, RetryState } from './retry-policy';
import { type PollCancellation, TaskMatcher } from './task-matcher';
import { decodeTaskToken, encodeTaskToken, type TaskToken } from './task-token';

import ws = temporal.api.workflowservice.v1;

const CommandType = enumNumbers(temporal.api.enums.v1.CommandType);
const Cause = enumNumbers(temporal.api.enums.v1.WorkflowTaskFailedCause);
const TimeoutType = enumNumbers(temporal.api.enums.v1.TimeoutType);
const ParentClosePolicy = enumNumbers(temporal.api.enums.v1.ParentClosePolicy);
const Status = WorkflowExecutionStatus;
const TaskQueueKind = enumNumbers(temporal.api.enums.v1.TaskQueueKind);

const DEFAULT_WFT_TIMEOUT_MS = 10_000;

/** Tunables of the engine. */
export interface WorkflowEngineOptions {
  /** How long a poll (task, history, update) is held open before answering "nothing yet". */
  readonly longPollMs: number;
  /** Reports problems that have no caller to answer (a failed background save). */
  readonly onError: (error: unknown) => void;
}

type WorkflowTaskRef =
  | { kind: 'workflow'; key: string; scheduledEventId: number }
  | { kind: 'query'; key: string; queryId: string; dispatch: number };

/**
 * A query task not answered after this long is sent again. The SDK's worker drops a query task that reaches it while
 * it works on the same run (a workflow task or another query of that run in flight): the real server's query then
 * waits for the caller's deadline, as a page view waited 30 s. Sending it again once that run is idle answers it.
 */
const QUERY_REDISPATCH_MS = 5_000;

/** Everything needed to start a run, whatever asked for it (client, parent, continue-as-new). */
interface StartParams {
  namespace: string;
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  input?: Loose<IPayloads> | null;
  header?: Loose<temporal.api.common.v1.IHeader> | null;
  memo?: Loose<temporal.api.common.v1.IMemo> | null;
  searchAttributes?: Loose<temporal.api.common.v1.ISearchAttributes> | null;
  runTimeoutMs?: number;
  executionTimeoutMs?: number;
  wftTimeoutMs?: number;
  retryPolicy?: IRetryPolicy | null;
  identity: string;
  requestId: string;
  parent?: ExecutionState['parent'];
  continued?: {
    runId: string;
    firstRunId: string;
    initiator: number;
    failure?: IFailure | null;
    lastCompletionResult?: IPayloads | null;
    executionDeadline?: number;
  };
  startDelayMs?: number;
  /** Attempt of a workflow retried by its retry policy; 1 otherwise. */
  attempt?: number;
  cronSchedule?: string;
  /** A signal delivered with the start (SignalWithStart). */
  signal?: { name: string; input?: IPayloads | null; header?: temporal.api.common.v1.IHeader | null; identity: string };
  /** The first workflow task goes back to the caller (eager start) instead of to the task queue. */
  eager?: boolean;
}

/** One page of a run's history (or its close event only) from event `from` on, as GetWorkflowExecutionHistory answers. */
function historyPage(
  exec: Execution,
  req: ws.IGetWorkflowExecutionHistoryRequest,
  closeOnly: boolean,
  from: number,
): Loose<ws.IGetWorkflowExecutionHistoryResponse> {
  const events = exec.events;
  if (closeOnly) {
    if (exec.isOpen) return { history: { events: [] }, nextPageToken: Buffer.from(String(from)) };
    return { history: { events: [events[events.length - 1]] }, archived: false };
  }
  const pageSize = req.maximumPageSize && req.maximumPageSize > 0 ? req.maximumPageSize : 1000;
  const page = events.slice(from - 1, from - 1 + pageSize);
  const next = from + page.length;
  const more = next <= events.length || (req.waitNewEvent && exec.isOpen);
  return {
    history: { events: page },
    nextPageToken: more ? Buffer.from(String(next)) : null,
    archived: false,
  };
}

/** What a start and a signal-with-start request both say about the run to start. */
function startParamsOf(
  namespace: string,
  workflowId: string,
  workflowType: string,
  taskQueue: string,
  req: ws.IStartWorkflowExecutionRequest | ws.ISignalWithStartWorkflowExecutionRequest,
  requestId: string,
): StartParams {
  return {
    namespace,
    workflowId,
    workflowType,
    taskQueue,
    input: req.input,
    header: req.header,
    memo: req.memo,
    searchAttributes: req.searchAttributes,
    runTimeoutMs: durationToMs(req.workflowRunTimeout),
    executionTimeoutMs: durationToMs(req.workflowExecutionTimeout),
    wftTimeoutMs: durationToMs(req.workflowTaskTimeout),
    retryPolicy: req.retryPolicy,
    identity: req.identity ?? '',
    requestId,
    startDelayMs: durationToMs(req.workflowStartDelay),
    cronSchedule: req.cronSchedule ?? undefined,
  };
}

/**
 * The Temporal server logic: workflow runs and their histories, workflow/activity/query task matching,
 * timers and timeouts, retries, updates, children. State lives in memory and every change is saved to
 * the {@link ExecutionStore} (group commit) before the RPC that caused it is answered, and before any caller
 * waiting on the run (an update's outcome, a workflow's result, a history page) is shown it; on start the
 * engine reloads the store and re-arms every deadline and pending task.
 */
export class WorkflowEngine implements EngineCore {
  private readonly namespaces = new Map<string, NamespaceRecord>();
  private readonly executions = new Map<string, Execution>();
  private readonly runsByWorkflowId = new Map<string, string[]>();
  private readonly workflowTasks = new TaskMatcher<WorkflowTaskRef>();
  /** Activity tasks: scheduling, dispatch, heartbeats, results, timeouts and retries. */
  readonly activities: ActivityTasks;
  /** Updates: admission, delivery as protocol messages, acceptance and outcomes, waiting callers. */
  readonly updates: WorkflowUpdates;
  readonly deadlines: DeadlineScheduler;
  private readonly deadStickyQueues = new Set<string>();
  private readonly dirty = new Set<Execution>();
  private readonly dirtyNamespaces = new Set<NamespaceRecord>();
  private pendingFlush: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;
  private flushChain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: ExecutionStore,
    readonly clock: ControllableClock,
    private readonly options: WorkflowEngineOptions,
  ) {
    this.deadlines = new DeadlineScheduler(clock);
    this.activities = new ActivityTasks(this);
    this.updates = new WorkflowUpdates(this);
  }

  /** How long polls are held open. */
  get longPollMs(): number {
    return this.options.longPollMs;
  }

  /** Whether {@link stop} was called. */
  isStopped(): boolean {
    return this.stopped;
  }

  /** A run by `namespace/runId`. */
  execution(key: string): Execution | undefined {
    return this.executions.get(key);
  }

  /** Loads the store, creates the `default` namespace if missing and re-arms pending work. */
  async start(): Promise<void> {
    const data = await this.store.open();
    for (const ns of data.namespaces) this.namespaces.set(ns.name, ns);
    if (!this.namespaces.has('default')) {
      this.addNamespace({ name: 'default', id: randomUUID(), description: 'Default namespace', retentionDays: 3 });
    }
    // Runs of a workflow id in start order; an open run is the current one even if it started in the same ms.
    const open = (state: ExecutionState): number => (state.status === Status.WORKFLOW_EXECUTION_STATUS_RUNNING ? 1 : 0);
    data.executions.sort((a, b) => a.startTime - b.startTime || open(a) - open(b));
    for (const state of data.executions) {
      let history: IHistoryEvent[] | undefined;
      if (state.status === Status.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        history = await this.store.readHistory(state.namespace, state.runId);
      }
      const exec = new Execution(state, history, history?.length ?? 0);
      this.register(exec);
    }
    for (const exec of this.executions.values()) if (exec.isOpen) this.rearm(exec);
    await this.flush();
  }

  /** Answers held polls, stops timers and waits for the last save. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.workflowTasks.close();
    this.activities.close();
    this.deadlines.stop();
    for (const exec of this.executions.values()) {
      for (const query of exec.queries.values())
        query.resolve(new ServiceError(status.UNAVAILABLE, 'server is stopping'));
      exec.queries.clear();
      exec.notify();
    }
    await this.flushChain;
  }

  // ---------------------------------------------------------------- namespaces

  /** The `DescribeNamespace` RPC. */
  describeNamespace(req: ws.IDescribeNamespaceRequest): Loose<ws.IDescribeNamespaceResponse> {
    const ns = req.namespace
      ? this.namespaces.get(req.namespace)
      : [...this.namespaces.values()].find((n) => n.id === req.id);
    if (!ns) throw namespaceNotFound(req.namespace ?? req.id ?? '');
    return this.namespaceInfo(ns);
  }

  /** The `RegisterNamespace` RPC. */
  async registerNamespace(req: ws.IRegisterNamespaceRequest): Promise<Loose<ws.IRegisterNamespaceResponse>> {
    const name = req.namespace ?? '';
    if (!name) throw invalidArgument('Namespace is empty.');
    if (this.namespaces.has(name)) {
      throw new ServiceError(status.ALREADY_EXISTS, `Namespace ${name} already exists.`, {
        typeName: 'temporal.api.errordetails.v1.NamespaceAlreadyExistsFailure',
        value: temporal.api.errordetails.v1.NamespaceAlreadyExistsFailure.encode({}).finish(),
      });
    }
    const retentionMs = durationToMs(req.workflowExecutionRetentionPeriod) ?? 3 * 86_400_000;
    this.addNamespace({
      name,
      id: randomUUID(),
      description: req.description ?? '',
      retentionDays: retentionMs / 86_400_000,
    });
    await this.flush();
    return {};
  }

  /** The `ListNamespaces` RPC. */
  listNamespaces(): Loose<ws.IListNamespacesResponse> {
    return { namespaces: [...this.namespaces.values()].map((ns) => this.namespaceInfo(ns)) };
  }

  private addNamespace(ns: NamespaceRecord): void {
    this.namespaces.set(ns.name, ns);
    this.dirtyNamespaces.add(ns);
  }

  private namespaceInfo(ns: NamespaceRecord): Loose<ws.IDescribeNamespaceResponse> {
    return {
      namespaceInfo: {
        name: ns.name,
        id: ns.id,
        state: temporal.api.enums.v1.NamespaceState.NAMESPACE_STATE_REGISTERED,
        description: ns.description,
        capabilities: { eagerWorkflowStart: true, syncUpdate: true, asyncUpdate: true },
        supportsSchedules: false,
      },
      config: { workflowExecutionRetentionTtl: msToDuration(ns.retentionDays * 86_400_000) },
      replicationConfig: { activeClusterName: 'active', clusters: [{ clusterName: 'active' }] },
      isGlobalNamespace: false,
    };
  }

  /** The namespace name (`default` when empty); NOT_FOUND when it does not exist. */
  requireNamespace(name: string | null | undefined): string {
    const ns = name || 'default';
    if (!this.namespaces.has(ns)) throw namespaceNotFound(ns);
    return ns;
  }

  // ---------------------------------------------------------------- starting workflows

  /** The `StartWorkflowExecution` RPC. */
  async startWorkflowExecution(
    req: ws.IStartWorkflowExecutionRequest,
  ): Promise<Loose<ws.IStartWorkflowExecutionResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    const workflowId = req.workflowId ?? '';
    if (!workflowId) throw invalidArgument('WorkflowId is not set on request.');
    if (!req.workflowType?.name) throw invalidArgument('WorkflowType is not set on request.');
    if (!req.taskQueue?.name) throw invalidArgument('TaskQueue is not set on request.');
    if (req.cronSchedule) throw unsupported('cron schedules');
    this.checkPayloads(req.input);
    const requestId = req.requestId || randomUUID();
    const current = this.currentRun(namespace, workflowId);
    if (current?.state.requestIds.includes(requestId)) {
      return { runId: current.state.runId, started: true, status: current.state.status };
    }
    const touched: Execution[] = [];
    if (current?.isOpen) {
      const policy = Number(req.workflowIdConflictPolicy ?? 0);
      const CP = enumNumbers(temporal.api.enums.v1.WorkflowIdConflictPolicy);
      const RP = enumNumbers(temporal.api.enums.v1.WorkflowIdReusePolicy);
      if (policy === CP.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING) {
        return { runId: current.state.runId, started: false, status: current.state.status };
      }
      if (
        policy === CP.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING ||
        Number(req.workflowIdReusePolicy) === RP.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING
      ) {
        this.terminateRun(current, 'terminated by a new start with the same workflow id', null, req.identity ?? '');
        touched.push(current);
      } else {
        throw workflowAlreadyStarted(workflowId, current.state.runId, current.state.requestIds[0] ?? '');
      }
    } else if (current) {
      this.checkReusePolicy(current, req.workflowIdReusePolicy ?? 0);
    }
    const params = startParamsOf(namespace, workflowId, req.workflowType.name, req.taskQueue.name, req, requestId);
    params.eager = !!req.requestEagerExecution && !params.startDelayMs;
    const exec = this.createRun(params);
    // Eager start: the caller's own worker runs the first workflow task, as if it had polled it.
    const wft = exec.state.wft;
    const eagerWorkflowTask =
      params.eager && wft
        ? this.startWorkflowTask(
            { kind: 'workflow', key: exec.key, scheduledEventId: wft.scheduledEventId },
            req,
            false,
          )
        : undefined;
    await this.persist(exec, ...touched);
    return { runId: exec.state.runId, started: true, status: exec.state.status, eagerWorkflowTask };
  }

  /** The `SignalWithStartWorkflowExecution` RPC. */
  async signalWithStartWorkflowExecution(
    req: ws.ISignalWithStartWorkflowExecutionRequest,
  ): Promise<Loose<ws.ISignalWithStartWorkflowExecutionResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    const workflowId = req.workflowId ?? '';
    if (!workflowId) throw invalidArgument('WorkflowId is not set on request.');
    if (!req.signalName) throw invalidArgument('SignalName is not set on request.');
    if (req.cronSchedule) throw unsupported('cron schedules');
    this.checkPayloads(req.input);
    this.checkPayloads(req.signalInput);
    const current = this.currentRun(namespace, workflowId);
    const CP = enumNumbers(temporal.api.enums.v1.WorkflowIdConflictPolicy);
    if (current?.isOpen && Number(req.workflowIdConflictPolicy) !== CP.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING) {
      this.addSignal(current, req.signalName, req.signalInput, req.header, req.identity ?? '');
      await this.persist(current);
      return { runId: current.state.runId, started: false };
    }
    const touched: Execution[] = [];
    if (current?.isOpen) {
      this.terminateRun(current, 'terminated by signal-with-start', null, req.identity ?? '');
      touched.push(current);
    } else if (current) {
      this.checkReusePolicy(current, req.workflowIdReusePolicy ?? 0);
    }
    if (!req.workflowType?.name) throw invalidArgument('WorkflowType is not set on request.');
    if (!req.taskQueue?.name) throw invalidArgument('TaskQueue is not set on request.');
    const exec = this.createRun({
      ...startParamsOf(
        namespace,
        workflowId,
        req.workflowType.name,
        req.taskQueue.name,
        req,
        req.requestId || randomUUID(),
      ),
      signal: { name: req.signalName, input: req.signalInput, header: req.header, identity: req.identity ?? '' },
    });
    await this.persist(exec, ...touched);
    return { runId: exec.state.runId, started: true };
  }

  private checkReusePolicy(previous: Execution, policy: number): void {
    const RP = enumNumbers(temporal.api.enums.v1.WorkflowIdReusePolicy);
    const { workflowId, runId, status: closed } = previous.state;
    if (policy === RP.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE) {
      throw workflowAlreadyStarted(workflowId, runId, previous.state.requestIds[0] ?? '');
    }
    if (
      policy === RP.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY &&
      (closed === Status.WORKFLOW_EXECUTION_STATUS_COMPLETED ||
        closed === Status.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW)
    ) {
      throw workflowAlreadyStarted(workflowId, runId, previous.state.requestIds[0] ?? '');
    }
  }

  /** INVALID_ARGUMENT for a blob over Temporal's 2 MB limit. */
  checkPayloads(payloads: IPayloads | null | undefined): void {
    for (const p of payloads?.payloads ?? []) {
      if ((p.data?.length ?? 0) > MAX_BLOB_BYTES) {
        throw invalidArgument(`Blob data size exceeds limit. Size: ${p.data?.length ?? 0}, limit: ${MAX_BLOB_BYTES}.`);
      }
    }
  }

  private createRun(p: StartParams): Execution {
    const now = this.clock.now();
    const runId = randomUUID();
    const firstRunId = p.continued?.firstRunId ?? runId;
    const wftTimeoutMs = Math.min(p.wftTimeoutMs ?? DEFAULT_WFT_TIMEOUT_MS, 120_000);
    const executionDeadline =
      p.continued?.executionDeadline ?? (p.executionTimeoutMs ? now + p.executionTimeoutMs : undefined);
    const runTimeoutMs = p.runTimeoutMs ?? p.executionTimeoutMs;
    const state: ExecutionState = {
      namespace: p.namespace,
      workflowId: p.workflowId,
      runId,
      firstRunId,
      workflowType: p.workflowType,
      taskQueue: p.taskQueue,
      status: Status.WORKFLOW_EXECUTION_STATUS_RUNNING,
      startTime: now,
      requestIds: [p.requestId],
      nextEventId: 1,
      lastCompletedWftStartedId: 0,
      wftAttempt: 0,
      wftTimeoutMs,
      runDeadline: runTimeoutMs ? now + runTimeoutMs : undefined,
      executionDeadline,
      activities: {},
      timers: {},
      children: {},
      parent: p.parent,
      cancelRequested: false,
      searchAttributes: encodePayloadMap(p.searchAttributes?.indexedFields),
      memo: encodePayloadMap(p.memo?.fields),
      updates: {},
      buffered: [],
      historySizeBytes: 0,
    };
    const exec = new Execution(state, [], 0);
    this.register(exec);
    this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, {
      workflowExecutionStartedEventAttributes: {
        workflowType: { name: p.workflowType },
        taskQueue: { name: p.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        input: p.input,
        header: p.header,
        // Empty maps are left out, as the real server leaves them out.
        memo: Object.keys(p.memo?.fields ?? {}).length > 0 ? p.memo : null,
        searchAttributes: p.searchAttributes,
        // A child's run timeout is recorded even when unset (0 s), as the real server records it.
        workflowRunTimeout: runTimeoutMs ? msToDuration(runTimeoutMs) : p.parent ? msToDuration(0) : null,
        workflowExecutionTimeout: p.executionTimeoutMs ? msToDuration(p.executionTimeoutMs) : null,
        workflowTaskTimeout: msToDuration(wftTimeoutMs),
        workflowExecutionExpirationTime: executionDeadline ? msToTimestamp(executionDeadline) : null,
        // A child is started by its parent's workflow task, not by a caller: the real server records no identity.
        identity: p.parent ? '' : p.identity,
        attempt: p.attempt ?? 1,
        firstExecutionRunId: firstRunId,
        originalExecutionRunId: runId,
        continuedExecutionRunId: p.continued?.runId ?? '',
        initiator: p.continued?.initiator ?? 0,
        continuedFailure: p.continued?.failure,
        lastCompletionResult: p.continued?.lastCompletionResult,
        retryPolicy: p.retryPolicy,
        cronSchedule: p.cronSchedule ?? '',
        firstWorkflowTaskBackoff: msToDuration(p.startDelayMs ?? 0),
        parentWorkflowNamespace: p.parent?.namespace ?? '',
        parentWorkflowNamespaceId: p.parent ? (this.namespaces.get(p.parent.namespace)?.id ?? '') : '',
        rootWorkflowExecution: p.parent?.root ?? null,
        parentWorkflowExecution: p.parent ? { workflowId: p.parent.workflowId, runId: p.parent.runId } : null,
        parentInitiatedEventId: p.parent?.initiatedEventId ?? 0,
        workflowId: p.workflowId,
      },
    });
    if (p.signal) {
      this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, {
        workflowExecutionSignaledEventAttributes: {
          signalName: p.signal.name,
          input: p.signal.input,
          header: p.signal.header,
          identity: p.signal.identity,
        },
      });
    }
    if (p.startDelayMs) state.firstWftAt = now + p.startDelayMs;
    // Arms the run timeout (and a delayed first task); the first task is offered once, by scheduling it.
    this.rearm(exec);
    if (!p.startDelayMs) this.scheduleWorkflowTask(exec, !p.eager);
    return exec;
  }

  private register(exec: Execution): void {
    this.executions.set(exec.key, exec);
    const idKey = `${exec.state.namespace}/${exec.state.workflowId}`;
    const runs = this.runsByWorkflowId.get(idKey) ?? [];
    runs.push(exec.state.runId);
    this.runsByWorkflowId.set(idKey, runs);
  }

  private currentRun(namespace: string, workflowId: string): Execution | undefined {
    const runs = this.runsByWorkflowId.get(`${namespace}/${workflowId}`);
    if (!runs || runs.length === 0) return undefined;
    return this.executions.get(`${namespace}/${runs[runs.length - 1]}`);
  }

  /** The run named by the request (the current run without a run id); NOT_FOUND otherwise. */
  findRun(namespace: string, execution: temporal.api.common.v1.IWorkflowExecution | null | undefined): Execution {
    const workflowId = execution?.workflowId ?? '';
    if (!workflowId) throw invalidArgument('WorkflowId is not set on request.');
    const runId = execution?.runId;
    const exec = runId ? this.executions.get(`${namespace}/${runId}`) : this.currentRun(namespace, workflowId);
    if (!exec || exec.state.workflowId !== workflowId) throw workflowNotFound(workflowId, runId);
    return exec;
  }

  /** The run named by the request, which must still be open (NOT_FOUND otherwise). */
  findOpenRun(namespace: string, execution: temporal.api.common.v1.IWorkflowExecution | null | undefined): Execution {
    const exec = this.findRun(namespace, execution);
    if (!exec.isOpen) throw new ServiceError(status.NOT_FOUND, 'workflow execution already completed');
    return exec;
  }

  // ---------------------------------------------------------------- events

  /** Appends an event now (no workflow task running) and returns its id. */
  append(exec: Execution, eventType: number, attributes: IHistoryEvent): number {
    const eventId = exec.state.nextEventId++;
    const event: IHistoryEvent = { eventId, eventTime: msToTimestamp(this.clock.now()), eventType, ...attributes };
    exec.events.push(event);
    exec.state.historySizeBytes += 64;
    this.markDirty(exec);
    exec.notify();
    return eventId;
  }

  /**
   * Adds an event from outside the workflow (signal, activity result, timer): appended now when no
   * workflow task is running, otherwise buffered until that task completes, as Temporal does, so a
   * worker never sees events appear in the middle of its task. Returns the id (negative while buffered).
   */
  addExternal(exec: Execution, eventType: number, attributes: IHistoryEvent, scheduleTask = true): number {
    if (exec.state.wft?.startedEventId) {
      const provisional = -(exec.buffered.length + 1);
      exec.buffered.push({
        eventId: provisional,
        eventTime: msToTimestamp(this.clock.now()),
        eventType,
        ...attributes,
      });
      this.markDirty(exec);
      return provisional;
    }
    const id = this.append(exec, eventType, attributes);
    if (scheduleTask) this.scheduleWorkflowTask(exec);
    return id;
  }

  /** Appends buffered events, giving them ids and fixing references between them. */
  private flushBuffered(exec: Execution): boolean {
    if (exec.buffered.length === 0) return false;
    const ids = new Map<number, number>();
    const events = exec.buffered;
    exec.buffered = [];
    for (const event of events) {
      const provisional = toNumber(event.eventId);
      const eventId = exec.state.nextEventId++;
      ids.set(provisional, eventId);
      event.eventId = eventId;
      for (const value of Object.values(event)) {
        if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
        const attrs = value as Record<string, unknown>;
        for (const field of ['startedEventId', 'scheduledEventId', 'initiatedEventId']) {
          const ref = attrs[field];
          if (typeof ref === 'number' && ref < 0) attrs[field] = ids.get(ref) ?? 0;
        }
      }
      exec.events.push(event);
    }
    for (const child of Object.values(exec.state.children)) {
      if (child.startedEventId !== undefined && child.startedEventId < 0)
        child.startedEventId = ids.get(child.startedEventId);
    }
    this.markDirty(exec);
    exec.notify();
    return true;
  }

  // ---------------------------------------------------------------- persistence

  /** Marks a run for the next save. */
  markDirty(exec: Execution): void {
    this.dirty.add(exec);
  }

  /** Saves the given runs (and everything else changed so far); resolves once durable. */
  persist(...execs: Execution[]): Promise<void> {
    for (const exec of execs) this.dirty.add(exec);
    return this.flush();
  }

  /** Saves every marked run and namespace in one store write; resolves once durable. */
  flush(): Promise<void> {
    if (this.pendingFlush) return this.pendingFlush.promise;
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const pending = { promise, resolve, reject };
    this.pendingFlush = pending;
    const previous = this.flushChain;
    this.flushChain = previous
      .then(async () => {
        this.pendingFlush = undefined;
        const writes: ExecutionWrite[] = [];
        const batch = [...this.dirty];
        const savedBefore = new Map<Execution, number>();
        for (const exec of batch) {
          exec.syncBufferedToState();
          const history = exec.history ?? [];
          const newEvents = history.slice(exec.persistedEvents);
          writes.push({ state: exec.state, newEvents, firstEventId: exec.persistedEvents + 1 });
          savedBefore.set(exec, exec.persistedEvents);
          exec.persistedEvents = history.length;
        }
        this.dirty.clear();
        const namespaces = [...this.dirtyNamespaces];
        this.dirtyNamespaces.clear();
        try {
          if (writes.length > 0 || namespaces.length > 0) await this.store.write(writes, namespaces);
        } catch (error) {
          // Nothing of this write is durable (one transaction): the next save writes it again, history events
          // included. Counting them as saved left a gap in the stored history after a database outage, and a
          // restart then replayed a history that lacked them (an Update and the activity it scheduled).
          for (const [exec, saved] of savedBefore) {
            exec.persistedEvents = Math.min(exec.persistedEvents, saved);
            this.dirty.add(exec);
          }
          for (const ns of namespaces) this.dirtyNamespaces.add(ns);
          throw error;
        }
        // Closed runs keep only their state in memory; their history is read back from the store on demand.
        for (const exec of batch) if (!exec.isOpen && exec.queries.size === 0) exec.history = undefined;
      })
      .then(
        () => pending.resolve(),
        (error: unknown) => {
          this.options.onError(error);
          pending.reject(new ServiceError(status.UNAVAILABLE, `could not save: ${String(error)}`));
        },
      );
    return promise;
  }

  /**
   * Resolves with `answer`, taken from the runs in memory now, once everything changed so far is saved: waiters wake
   * as soon as a run changes in memory, and a caller must never be shown a change the store does not hold yet.
   */
  async answerOnceSaved<T>(answer: T): Promise<T> {
    await this.flush();
    return answer;
  }

  /** Saves in the background (a deadline fired; nobody waits for the answer). */
  persistQuietly(...execs: Execution[]): void {
    this.persist(...execs).catch(() => undefined);
  }

  // ---------------------------------------------------------------- deadlines

  /** Arms every deadline of an open run from its state (after a load or a change). */
  private rearm(exec: Execution): void {
    const s = exec.state;
    const key = exec.key;
    const runEnd = Math.min(s.runDeadline ?? Infinity, s.executionDeadline ?? Infinity);
    if (runEnd !== Infinity) this.deadlines.arm(`run:${key}`, runEnd, () => this.onRunTimeout(exec));
    if (s.firstWftAt !== undefined) {
      this.deadlines.arm(`first:${key}`, s.firstWftAt, () => {
        if (!exec.isOpen || s.firstWftAt === undefined) return;
        s.firstWftAt = undefined;
        this.scheduleWorkflowTask(exec);
        this.persistQuietly(exec);
      });
    }
    for (const [timerId, timer] of Object.entries(s.timers)) {
      this.deadlines.arm(`timer:${key}:${timerId}`, timer.fireAt, () => this.onTimerFired(exec, timerId));
    }
    if (s.wft) {
      if (s.wft.startedEventId && s.wft.startedTime !== undefined) {
        this.armWftTimeout(exec);
      } else {
        this.offerWorkflowTask(exec);
      }
    }
    for (const activity of Object.values(s.activities)) this.activities.arm(exec, activity, true);
    for (const query of exec.queries.values()) if (query.stage === 'dispatched') query.stage = 'waiting';
  }

  private disarmRun(exec: Execution): void {
    const key = exec.key;
    this.deadlines.disarm(`run:${key}`);
    this.deadlines.disarm(`first:${key}`);
    this.deadlines.disarm(`wft:${key}`);
    this.deadlines.disarm(`sticky:${key}`);
    for (const timerId of Object.keys(exec.state.timers)) this.deadlines.disarm(`timer:${key}:${timerId}`);
    for (const activity of Object.values(exec.state.activities)) this.activities.disarm(exec, activity);
  }

  private onRunTimeout(exec: Execution): void {
    if (!exec.isOpen) return;
    this.failRunningWorkflowTask(exec, Cause.WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND);
    this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT, {
      workflowExecutionTimedOutEventAttributes: { retryState: RetryState.Timeout },
    });
    const touched = this.closeRun(exec, Status.WORKFLOW_EXECUTION_STATUS_TIMED_OUT, { timedOut: true });
    this.persistQuietly(exec, ...touched);
  }

  // ---------------------------------------------------------------- workflow tasks

  /**
   * Schedules a workflow task unless one is pending or the run is closed or delayed; `offer: false` leaves
   * it off the task queue (the caller starts it at once).
   */
  scheduleWorkflowTask(exec: Execution, offer = true): void {
    const s = exec.state;
    if (!exec.isOpen || s.wft || s.firstWftAt !== undefined) return;
    const sticky =
      s.sticky && !this.deadStickyQueues.has(this.queueKey(s.namespace, s.sticky.queue)) ? s.sticky : undefined;
    const useSticky =
      sticky !== undefined && this.workflowTasks.isPolled(this.queueKey(s.namespace, sticky.queue), 5_000);
    const queue = useSticky ? sticky.queue : s.taskQueue;
    const attempt = s.wftAttempt + 1;
    const scheduledEventId = this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, {
      workflowTaskScheduledEventAttributes: {
        taskQueue: {
          name: queue,
          kind: useSticky ? TaskQueueKind.TASK_QUEUE_KIND_STICKY : TaskQueueKind.TASK_QUEUE_KIND_NORMAL,
          normalName: useSticky ? s.taskQueue : '',
        },
        startToCloseTimeout: msToDuration(s.wftTimeoutMs),
        attempt,
      },
    });
    s.wft = { scheduledEventId, queue, scheduledTime: this.clock.now(), attempt, deliveredUpdates: [] };
    if (offer) this.offerWorkflowTask(exec);
  }

  private offerWorkflowTask(exec: Execution): void {
    const s = exec.state;
    const wft = s.wft;
    if (!wft) return;
    this.workflowTasks.offer(this.queueKey(s.namespace, wft.queue), {
      kind: 'workflow',
      key: exec.key,
      scheduledEventId: wft.scheduledEventId,
    });
    if (wft.queue !== s.taskQueue && s.sticky) {
      // A sticky task nobody picks up in time goes to the normal queue (with the full history).
      this.deadlines.arm(`sticky:${exec.key}`, this.clock.now() + s.sticky.scheduleToStartMs, () => {
        if (s.wft !== wft || wft.startedEventId) return;
        s.sticky = undefined;
        wft.queue = s.taskQueue;
        this.offerWorkflowTask(exec);
        this.persistQuietly(exec);
      });
    }
  }

  /** Task queues are per namespace. */
  queueKey(namespace: string, queue: string): string {
    return `${namespace}\u0000${queue}`;
  }

  /** The `PollWorkflowTaskQueue` RPC. */
  async pollWorkflowTaskQueue(
    req: ws.IPollWorkflowTaskQueueRequest,
    cancellation: PollCancellation,
  ): Promise<Loose<ws.IPollWorkflowTaskQueueResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    const queueName = req.taskQueue?.name ?? '';
    if (!queueName) throw invalidArgument('TaskQueue is not set on request.');
    const queueKey = this.queueKey(namespace, queueName);
    const sticky = Number(req.taskQueue?.kind) === TaskQueueKind.TASK_QUEUE_KIND_STICKY;
    if (sticky) this.deadStickyQueues.delete(queueKey);
    const deadline = Date.now() + this.options.longPollMs;
    let cancelled = false;
    cancellation.onCancel(() => (cancelled = true));
    while (!this.stopped && !cancelled) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const task = await this.workflowTasks.poll(queueKey, remaining, cancellation);
      if (!task) break;
      if (cancelled) {
        this.workflowTasks.offer(queueKey, task);
        break;
      }
      const response =
        task.kind === 'workflow' ? this.startWorkflowTask(task, req, sticky) : this.startQueryTask(task, sticky);
      if (!response) continue;
      await this.flush();
      return response;
    }
    return {};
  }

  private startWorkflowTask(
    task: Extract<WorkflowTaskRef, { kind: 'workflow' }>,
    req: { identity?: string | null; binaryChecksum?: string | null },
    sticky: boolean,
  ): Loose<ws.IPollWorkflowTaskQueueResponse> | undefined {
    const exec = this.executions.get(task.key);
    const wft = exec?.state.wft;
    if (!exec || !exec.isOpen || !wft || wft.scheduledEventId !== task.scheduledEventId || wft.startedEventId)
      return undefined;
    const s = exec.state;
    this.deadlines.disarm(`sticky:${exec.key}`);
    const startedEventId = this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, {
      workflowTaskStartedEventAttributes: {
        scheduledEventId: wft.scheduledEventId,
        identity: req.identity ?? '',
        requestId: randomUUID(),
        historySizeBytes: s.historySizeBytes,
        // An unversioned worker's build id is its binary checksum: the real server records it here, and the SDK
        // hands it to the workflow as workflowInfo().currentBuildId.
        workerVersion: req.binaryChecksum ? { buildId: req.binaryChecksum } : null,
      },
    });
    wft.startedEventId = startedEventId;
    wft.startedTime = this.clock.now();
    this.armWftTimeout(exec);
    const messages = this.updates.requestMessages(exec, wft);
    const queries: Record<string, temporal.api.query.v1.IWorkflowQuery> = {};
    for (const query of exec.queries.values()) {
      if (query.stage !== 'waiting') continue;
      query.stage = 'attached';
      queries[query.id] = query.query;
    }
    const events = exec.events;
    const partial = sticky && s.lastCompletedWftStartedId > 0;
    return {
      taskToken: encodeTaskToken({
        kind: 'workflow',
        namespace: s.namespace,
        runId: s.runId,
        scheduledEventId: wft.scheduledEventId,
        startedEventId,
      }),
      workflowExecution: { workflowId: s.workflowId, runId: s.runId },
      workflowType: { name: s.workflowType },
      previousStartedEventId: s.lastCompletedWftStartedId,
      startedEventId,
      attempt: wft.attempt,
      history: { events: partial ? events.slice(s.lastCompletedWftStartedId) : events.slice() },
      workflowExecutionTaskQueue: { name: s.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      scheduledTime: msToTimestamp(wft.scheduledTime),
      startedTime: msToTimestamp(wft.startedTime),
      queries,
      messages,
    };
  }

  private armWftTimeout(exec: Execution): void {
    const wft = exec.state.wft;
    if (!wft?.startedEventId || wft.startedTime === undefined) return;
    const startedEventId = wft.startedEventId;
    this.deadlines.arm(`wft:${exec.key}`, wft.startedTime + exec.state.wftTimeoutMs, () => {
      if (!exec.isOpen || exec.state.wft?.startedEventId !== startedEventId) return;
      this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT, {
        workflowTaskTimedOutEventAttributes: {
          scheduledEventId: wft.scheduledEventId,
          startedEventId,
          timeoutType: TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE,
        },
      });
      this.abandonWorkflowTask(exec);
      this.persistQuietly(exec);
    });
  }

  /** After a workflow task failed or timed out: release what it carried and schedule the next attempt. */
  private abandonWorkflowTask(exec: Execution): void {
    const s = exec.state;
    s.wft = undefined;
    s.wftAttempt += 1;
    s.sticky = undefined;
    this.deadlines.disarm(`wft:${exec.key}`);
    for (const query of exec.queries.values()) if (query.stage === 'attached') query.stage = 'waiting';
    this.flushBuffered(exec);
    this.scheduleWorkflowTask(exec);
  }

  /** Fails the running workflow task, if any, before the run is closed from outside. */
  private failRunningWorkflowTask(exec: Execution, cause: number): void {
    const wft = exec.state.wft;
    if (!wft?.startedEventId) return;
    this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, {
      workflowTaskFailedEventAttributes: {
        scheduledEventId: wft.scheduledEventId,
        startedEventId: wft.startedEventId,
        cause,
      },
    });
    exec.state.wft = undefined;
    this.deadlines.disarm(`wft:${exec.key}`);
    this.flushBuffered(exec);
  }

  private workflowTaskFromToken(token: Uint8Array | null | undefined): {
    exec: Execution;
    token: Extract<TaskToken, { kind: 'workflow' }>;
  } {
    const parsed = decodeTaskToken(token);
    if (parsed?.kind !== 'workflow') throw invalidArgument('Invalid task token.');
    const exec = this.executions.get(`${parsed.namespace}/${parsed.runId}`);
    const wft = exec?.state.wft;
    if (!exec || !exec.isOpen || wft?.startedEventId !== parsed.startedEventId) {
      throw new ServiceError(status.NOT_FOUND, 'Workflow task not found.');
    }
    return { exec, token: parsed };
  }

  /** The `RespondWorkflowTaskFailed` RPC. */
  async respondWorkflowTaskFailed(
    req: ws.IRespondWorkflowTaskFailedRequest,
  ): Promise<Loose<ws.IRespondWorkflowTaskFailedResponse>> {
    const { exec } = this.workflowTaskFromToken(req.taskToken);
    const wft = exec.state.wft;
    if (!wft?.startedEventId) throw new ServiceError(status.NOT_FOUND, 'Workflow task not found.');
    this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, {
      workflowTaskFailedEventAttributes: {
        scheduledEventId: wft.scheduledEventId,
        startedEventId: wft.startedEventId,
        cause: req.cause ?? 0,
        failure: req.failure,
        identity: req.identity ?? '',
        binaryChecksum: req.binaryChecksum ?? '',
      },
    });
    this.abandonWorkflowTask(exec);
    await this.persist(exec);
    return {};
  }

  /** The `RespondWorkflowTaskCompleted` RPC. */
  async respondWorkflowTaskCompleted(
    req: ws.IRespondWorkflowTaskCompletedRequest,
  ): Promise<Loose<ws.IRespondWorkflowTaskCompletedResponse>> {
    const { exec } = this.workflowTaskFromToken(req.taskToken);
    const s = exec.state;
    const wft = s.wft;
    if (!wft?.startedEventId) throw new ServiceError(status.NOT_FOUND, 'Workflow task not found.');
    const commands = req.commands ?? [];
    const closes = commands.some((c) => isCloseCommand(c.commandType ?? 0));
    this.answerQueries(exec, req.queryResults ?? {});
    // A query the completed task carried and did not answer waits again: for the next task, or as a query task.
    for (const query of exec.queries.values()) if (query.stage === 'attached') query.stage = 'waiting';
    if (closes && exec.buffered.length > 0) {
      this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, {
        workflowTaskFailedEventAttributes: {
          scheduledEventId: wft.scheduledEventId,
          startedEventId: wft.startedEventId,
          cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND,
          identity: req.identity ?? '',
        },
      });
      s.wft = undefined;
      s.sticky = undefined;
      this.deadlines.disarm(`wft:${exec.key}`);
      for (const query of exec.queries.values()) if (query.stage === 'attached') query.stage = 'waiting';
      this.flushBuffered(exec);
      this.scheduleWorkflowTask(exec);
      await this.persist(exec);
      throw invalidArgument('UnhandledCommand');
    }
    const validation = validateCommands(exec, commands);
    if (validation) {
      this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, {
        workflowTaskFailedEventAttributes: {
          scheduledEventId: wft.scheduledEventId,
          startedEventId: wft.startedEventId,
          cause: validation.cause,
          failure: { message: validation.message, source: 'Server' },
          identity: req.identity ?? '',
        },
      });
      this.abandonWorkflowTask(exec);
      await this.persist(exec);
      throw invalidArgument(validation.message);
    }
    const completedId = this.append(exec, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, {
      workflowTaskCompletedEventAttributes: {
        scheduledEventId: wft.scheduledEventId,
        startedEventId: wft.startedEventId,
        identity: req.identity ?? '',
        sdkMetadata: req.sdkMetadata,
        meteringMetadata: req.meteringMetadata,
        // As the real server records it: the worker's build id (its binary checksum when unversioned).
        workerVersion: req.workerVersionStamp ?? (req.binaryChecksum ? { buildId: req.binaryChecksum } : null),
      },
    });
    s.lastCompletedWftStartedId = wft.startedEventId;
    s.wftAttempt = 0;
    s.wft = undefined;
    this.deadlines.disarm(`wft:${exec.key}`);
    const stickyQueue = req.stickyAttributes?.workerTaskQueue?.name;
    s.sticky = stickyQueue
      ? { queue: stickyQueue, scheduleToStartMs: durationToMs(req.stickyAttributes?.scheduleToStartTimeout) ?? 5_000 }
      : undefined;

    const touched = new Set<Execution>([exec]);
    const after: Array<() => void> = [];
    const messages = new Map((req.messages ?? []).map((m) => [m.id ?? '', m]));
    let needsTask = !!req.forceCreateNewWorkflowTask;
    const eager: number[] = [];
    for (const command of commands) {
      if (!exec.isOpen) break;
      const result = this.applyCommand(exec, command, completedId, req.identity ?? '', messages, after, touched, eager);
      needsTask = needsTask || result;
    }
    if (exec.isOpen) for (const message of messages.values()) this.updates.apply(exec, message);
    if (exec.isOpen) {
      const hadBuffered = this.flushBuffered(exec);
      if (hadBuffered || needsTask || this.updates.hasAdmitted(exec)) this.scheduleWorkflowTask(exec);
    }
    for (const action of after) action();
    this.dispatchWaitingQueries(exec);
    exec.notify();
    const activityTasks: Loose<ws.IPollActivityTaskQueueResponse>[] = [];
    for (const scheduledEventId of exec.isOpen ? eager : []) {
      const task = this.activities.start({ key: exec.key, scheduledEventId, attempt: 1 }, req.identity ?? '');
      if (task) activityTasks.push(task);
    }
    await this.persist(...touched);
    return { activityTasks };
  }

  /** Applies one command; returns whether it needs a new workflow task right away. */
  private applyCommand(
    exec: Execution,
    command: temporal.api.command.v1.ICommand,
    completedId: number,
    identity: string,
    messages: Map<string, temporal.api.protocol.v1.IMessage>,
    after: Array<() => void>,
    touched: Set<Execution>,
    eager: number[],
  ): boolean {
    const s = exec.state;
    switch (Number(command.commandType)) {
      case CommandType.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK: {
        const attributes = command.scheduleActivityTaskCommandAttributes ?? {};
        const activity = this.activities.schedule(exec, attributes, completedId);
        // Eager dispatch: hand the activity back with the completion, as Temporal does (at most 3).
        if (attributes.requestEagerExecution && activity.taskQueue === s.taskQueue && eager.length < 3) {
          eager.push(activity.scheduledEventId);
        }
        return false;
      }
      case CommandType.COMMAND_TYPE_REQUEST_CANCEL_ACTIVITY_TASK: {
        const scheduledEventId = toNumber(command.requestCancelActivityTaskCommandAttributes?.scheduledEventId);
        const activity = s.activities[scheduledEventId];
        if (!activity) return false;
        const requestedId = this.append(exec, EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED, {
          activityTaskCancelRequestedEventAttributes: { scheduledEventId, workflowTaskCompletedEventId: completedId },
        });
        if (activity.state !== 'started') {
          this.append(exec, EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED, {
            activityTaskCanceledEventAttributes: {
              scheduledEventId,
              startedEventId: 0,
              latestCancelRequestedEventId: requestedId,
              identity,
            },
          });
          this.activities.remove(exec, activity);
          return true;
        }
        activity.cancelRequestedEventId = requestedId;
        return false;
      }
      case CommandType.COMMAND_TYPE_START_TIMER: {
        const a = command.startTimerCommandAttributes ?? {};
        const timerId = a.timerId ?? '';
        const startedEventId = this.append(exec, EventType.EVENT_TYPE_TIMER_STARTED, {
          timerStartedEventAttributes: {
            timerId,
            startToFireTimeout: a.startToFireTimeout,
            workflowTaskCompletedEventId: completedId,
          },
        });
        const fireAt = this.clock.now() + (durationToMs(a.startToFireTimeout) ?? 0);
        s.timers[timerId] = { startedEventId, fireAt };
        this.deadlines.arm(`timer:${exec.key}:${timerId}`, fireAt, () => this.onTimerFired(exec, timerId));
        return false;
      }
      case CommandType.COMMAND_TYPE_CANCEL_TIMER: {
        const timerId = command.cancelTimerCommandAttributes?.timerId ?? '';
        const timer = s.timers[timerId];
        if (!timer) return false;
        this.append(exec, EventType.EVENT_TYPE_TIMER_CANCELED, {
          timerCanceledEventAttributes: {
            timerId,
            startedEventId: timer.startedEventId,
            workflowTaskCompletedEventId: completedId,
            identity,
          },
        });
        delete s.timers[timerId];
        this.deadlines.disarm(`timer:${exec.key}:${timerId}`);
        return false;
      }
      case CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION: {
        this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, {
          workflowExecutionCompletedEventAttributes: {
            result: command.completeWorkflowExecutionCommandAttributes?.result,
            workflowTaskCompletedEventId: completedId,
          },
        });
        for (const t of this.closeRun(exec, Status.WORKFLOW_EXECUTION_STATUS_COMPLETED, {
          result: command.completeWorkflowExecutionCommandAttributes?.result,
        }))
          touched.add(t);
        return false;
      }
      case CommandType.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION: {
        const failure = command.failWorkflowExecutionCommandAttributes?.failure;
        const retry = this.retryWorkflow(exec, failure, identity);
        if (retry.next) touched.add(retry.next);
        this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, {
          workflowExecutionFailedEventAttributes: {
            failure,
            retryState: retry.retryState,
            workflowTaskCompletedEventId: completedId,
            newExecutionRunId: retry.next?.state.runId ?? '',
          },
        });
        for (const t of this.closeRun(exec, Status.WORKFLOW_EXECUTION_STATUS_FAILED, {
          failure,
          retrying: !!retry.next,
        })) {
          touched.add(t);
        }
        return false;
      }
      case CommandType.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION: {
        const details = command.cancelWorkflowExecutionCommandAttributes?.details;
        this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, {
          workflowExecutionCanceledEventAttributes: { details, workflowTaskCompletedEventId: completedId },
        });
        for (const t of this.closeRun(exec, Status.WORKFLOW_EXECUTION_STATUS_CANCELED, { details })) touched.add(t);
        return false;
      }
      case CommandType.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION: {
        const a = command.continueAsNewWorkflowExecutionCommandAttributes ?? {};
        for (const t of this.continueAsNew(exec, a, completedId, identity)) touched.add(t);
        return false;
      }
      case CommandType.COMMAND_TYPE_RECORD_MARKER: {
        const a = command.recordMarkerCommandAttributes ?? {};
        this.append(exec, EventType.EVENT_TYPE_MARKER_RECORDED, {
          markerRecordedEventAttributes: {
            markerName: a.markerName,
            details: a.details,
            header: a.header,
            failure: a.failure,
            workflowTaskCompletedEventId: completedId,
          },
        });
        return false;
      }
      case CommandType.COMMAND_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
        const searchAttributes = command.upsertWorkflowSearchAttributesCommandAttributes?.searchAttributes;
        this.append(exec, EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, {
          upsertWorkflowSearchAttributesEventAttributes: {
            searchAttributes,
            workflowTaskCompletedEventId: completedId,
          },
        });
        mergePayloadMap(s.searchAttributes, searchAttributes?.indexedFields);
        return false;
      }
      case CommandType.COMMAND_TYPE_MODIFY_WORKFLOW_PROPERTIES: {
        const upsertedMemo = command.modifyWorkflowPropertiesCommandAttributes?.upsertedMemo;
        this.append(exec, EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED, {
          workflowPropertiesModifiedEventAttributes: { upsertedMemo, workflowTaskCompletedEventId: completedId },
        });
        mergePayloadMap(s.memo, upsertedMemo?.fields);
        return false;
      }
      case CommandType.COMMAND_TYPE_PROTOCOL_MESSAGE: {
        const messageId = command.protocolMessageCommandAttributes?.messageId ?? '';
        const message = messages.get(messageId);
        if (message) {
          messages.delete(messageId);
          this.updates.apply(exec, message);
        }
        return false;
      }
      case CommandType.COMMAND_TYPE_START_CHILD_WORKFLOW_EXECUTION: {
        const a = command.startChildWorkflowExecutionCommandAttributes ?? {};
        const namespace = a.namespace || s.namespace;
        const initiatedEventId = this.append(exec, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED, {
          // With the defaults filled in (run timeout 0 s, task timeout 10 s, TERMINATE, ALLOW_DUPLICATE), as the
          // real server records them.
          startChildWorkflowExecutionInitiatedEventAttributes: {
            namespace,
            namespaceId: this.namespaces.get(namespace)?.id ?? '',
            workflowId: a.workflowId,
            workflowType: a.workflowType,
            taskQueue: a.taskQueue,
            input: a.input,
            workflowExecutionTimeout: a.workflowExecutionTimeout,
            workflowRunTimeout: a.workflowRunTimeout ?? msToDuration(0),
            workflowTaskTimeout: a.workflowTaskTimeout ?? msToDuration(DEFAULT_WFT_TIMEOUT_MS),
            parentClosePolicy: a.parentClosePolicy || ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE,
            control: a.control,
            workflowTaskCompletedEventId: completedId,
            workflowIdReusePolicy:
              a.workflowIdReusePolicy ||
              temporal.api.enums.v1.WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
            retryPolicy: a.retryPolicy,
            cronSchedule: a.cronSchedule,
            header: a.header,
            memo: a.memo,
            searchAttributes: a.searchAttributes,
          },
        });
        s.children[initiatedEventId] = {
          initiatedEventId,
          namespace,
          workflowId: a.workflowId ?? '',
          workflowType: a.workflowType?.name ?? '',
          parentClosePolicy: a.parentClosePolicy || ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE,
        };
        after.push(() => this.startChild(exec, initiatedEventId, a, identity, touched));
        return false;
      }
      case CommandType.COMMAND_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION: {
        const a = command.signalExternalWorkflowExecutionCommandAttributes ?? {};
        const namespace = a.namespace || s.namespace;
        const initiatedEventId = this.append(exec, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED, {
          signalExternalWorkflowExecutionInitiatedEventAttributes: {
            namespace,
            workflowExecution: a.execution,
            signalName: a.signalName,
            input: a.input,
            control: a.control,
            childWorkflowOnly: a.childWorkflowOnly,
            header: a.header,
            workflowTaskCompletedEventId: completedId,
          },
        });
        after.push(() => this.deliverExternalSignal(exec, initiatedEventId, namespace, a, touched));
        return false;
      }
      case CommandType.COMMAND_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION: {
        const a = command.requestCancelExternalWorkflowExecutionCommandAttributes ?? {};
        const namespace = a.namespace || s.namespace;
        const initiatedEventId = this.append(
          exec,
          EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED,
          {
            requestCancelExternalWorkflowExecutionInitiatedEventAttributes: {
              namespace,
              workflowExecution: { workflowId: a.workflowId, runId: a.runId },
              control: a.control,
              childWorkflowOnly: a.childWorkflowOnly,
              reason: a.reason,
              workflowTaskCompletedEventId: completedId,
            },
          },
        );
        after.push(() => this.deliverExternalCancel(exec, initiatedEventId, namespace, a, touched));
        return false;
      }
      default:
        throw new ServiceError(status.UNIMPLEMENTED, `command type ${String(command.commandType)} is not supported`);
    }
  }

  private onTimerFired(exec: Execution, timerId: string): void {
    const timer = exec.state.timers[timerId];
    if (!exec.isOpen || !timer) return;
    delete exec.state.timers[timerId];
    this.addExternal(exec, EventType.EVENT_TYPE_TIMER_FIRED, {
      timerFiredEventAttributes: { timerId, startedEventId: timer.startedEventId },
    });
    this.persistQuietly(exec);
  }

  // ---------------------------------------------------------------- closing runs

  /**
   * Marks the run closed after its close event was appended: stops its deadlines, applies the parent
   * close policy to its children and reports to its parent. Returns the other runs it changed.
   */
  private closeRun(
    exec: Execution,
    closeStatus: number,
    outcome: {
      result?: IPayloads | null;
      failure?: IFailure | null;
      details?: IPayloads | null;
      timedOut?: boolean;
      /** The run failed and a retry run carries on: the parent is not told yet. */
      retrying?: boolean;
    },
  ): Execution[] {
    const s = exec.state;
    s.status = closeStatus;
    s.closeTime = this.clock.now();
    s.wft = undefined;
    this.disarmRun(exec);
    s.activities = {};
    s.timers = {};
    exec.buffered = [];
    this.updates.dropUnfinished(exec);
    this.markDirty(exec);
    const touched: Execution[] = [];
    for (const child of Object.values(s.children)) {
      if (!child.runId) continue;
      const childExec = this.executions.get(`${child.namespace}/${child.runId}`);
      const current = childExec ? this.currentRun(child.namespace, childExec.state.workflowId) : undefined;
      if (!current?.isOpen) continue;
      if (child.parentClosePolicy === ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE) {
        current.state.parent = undefined;
        this.terminateRun(current, 'by parent close policy', null, 'server');
        touched.push(current);
      } else if (child.parentClosePolicy === ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL) {
        this.requestCancel(current, 'by parent close policy', 'server');
        touched.push(current);
      }
    }
    if (closeStatus !== Status.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW && !outcome.retrying && s.parent) {
      const parent = this.executions.get(`${s.parent.namespace}/${s.parent.runId}`);
      if (parent?.isOpen) {
        this.reportChildClosed(parent, exec, closeStatus, outcome);
        touched.push(parent);
      }
    }
    this.dispatchWaitingQueries(exec);
    exec.notify();
    return touched;
  }

  private reportChildClosed(
    parent: Execution,
    child: Execution,
    closeStatus: number,
    outcome: { result?: IPayloads | null; failure?: IFailure | null; details?: IPayloads | null },
  ): void {
    const initiatedEventId = child.state.parent?.initiatedEventId ?? 0;
    const record = parent.state.children[initiatedEventId];
    if (!record) return;
    delete parent.state.children[initiatedEventId];
    const common = {
      namespace: child.state.namespace,
      workflowExecution: { workflowId: child.state.workflowId, runId: child.state.runId },
      workflowType: { name: child.state.workflowType },
      initiatedEventId,
      startedEventId: record.startedEventId ?? 0,
    };
    switch (closeStatus) {
      case Status.WORKFLOW_EXECUTION_STATUS_COMPLETED:
        this.addExternal(parent, EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED, {
          childWorkflowExecutionCompletedEventAttributes: { ...common, result: outcome.result },
        });
        break;
      case Status.WORKFLOW_EXECUTION_STATUS_FAILED:
        this.addExternal(parent, EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED, {
          childWorkflowExecutionFailedEventAttributes: {
            ...common,
            failure: outcome.failure,
            retryState: RetryState.RetryPolicyNotSet,
          },
        });
        break;
      case Status.WORKFLOW_EXECUTION_STATUS_CANCELED:
        this.addExternal(parent, EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED, {
          childWorkflowExecutionCanceledEventAttributes: { ...common, details: outcome.details },
        });
        break;
      case Status.WORKFLOW_EXECUTION_STATUS_TERMINATED:
        this.addExternal(parent, EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED, {
          childWorkflowExecutionTerminatedEventAttributes: common,
        });
        break;
      case Status.WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
        this.addExternal(parent, EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT, {
          childWorkflowExecutionTimedOutEventAttributes: { ...common, retryState: RetryState.Timeout },
        });
        break;
      default:
        break;
    }
  }

  /** Starts the next attempt of a failed run when its retry policy allows; says why not otherwise. */
  private retryWorkflow(
    exec: Execution,
    failure: IFailure | null | undefined,
    identity: string,
  ): { next?: Execution; retryState: number } {
    const s = exec.state;
    const started = exec.events[0]?.workflowExecutionStartedEventAttributes;
    if (!started?.retryPolicy) return { retryState: RetryState.RetryPolicyNotSet };
    const attempt = started.attempt ?? 1;
    const decision = nextRetry(
      normalizeRetryPolicy(started.retryPolicy),
      attempt,
      failure,
      this.clock.now(),
      s.executionDeadline,
    );
    if (!('delayMs' in decision)) return { retryState: decision.retryState };
    const next = this.createRun({
      namespace: s.namespace,
      workflowId: s.workflowId,
      workflowType: s.workflowType,
      taskQueue: s.taskQueue,
      input: started.input,
      header: started.header,
      memo: started.memo,
      searchAttributes: started.searchAttributes,
      runTimeoutMs: durationToMs(started.workflowRunTimeout),
      wftTimeoutMs: s.wftTimeoutMs,
      retryPolicy: started.retryPolicy,
      identity,
      requestId: randomUUID(),
      parent: s.parent,
      continued: {
        runId: s.runId,
        firstRunId: s.firstRunId,
        initiator: enumNumbers(temporal.api.enums.v1.ContinueAsNewInitiator).CONTINUE_AS_NEW_INITIATOR_RETRY,
        failure,
        executionDeadline: s.executionDeadline,
      },
      startDelayMs: decision.delayMs,
      attempt: attempt + 1,
    });
    if (s.parent) {
      const parent = this.executions.get(`${s.parent.namespace}/${s.parent.runId}`);
      const record = parent?.state.children[s.parent.initiatedEventId];
      if (record) record.runId = next.state.runId;
    }
    return { next, retryState: RetryState.InProgress };
  }

  private continueAsNew(
    exec: Execution,
    a: temporal.api.command.v1.IContinueAsNewWorkflowExecutionCommandAttributes,
    completedId: number,
    identity: string,
  ): Execution[] {
    const s = exec.state;
    const first = exec.events[0]?.workflowExecutionStartedEventAttributes;
    const workflowType = a.workflowType?.name || s.workflowType;
    const taskQueue = a.taskQueue?.name || s.taskQueue;
    const runTimeoutMs = durationToMs(a.workflowRunTimeout) ?? durationToMs(first?.workflowRunTimeout);
    const wftTimeoutMs = durationToMs(a.workflowTaskTimeout) ?? s.wftTimeoutMs;
    const next = this.createRun({
      namespace: s.namespace,
      workflowId: s.workflowId,
      workflowType,
      taskQueue,
      input: a.input,
      header: a.header,
      memo: a.memo ?? (Object.keys(s.memo).length > 0 ? { fields: decodePayloadMap(s.memo) } : null),
      searchAttributes:
        a.searchAttributes ??
        (Object.keys(s.searchAttributes).length > 0 ? { indexedFields: decodePayloadMap(s.searchAttributes) } : null),
      runTimeoutMs,
      wftTimeoutMs,
      retryPolicy: a.retryPolicy ?? first?.retryPolicy,
      identity,
      requestId: randomUUID(),
      parent: s.parent,
      continued: {
        runId: s.runId,
        firstRunId: s.firstRunId,
        initiator: a.initiator || temporal.api.enums.v1.ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_WORKFLOW,
        failure: a.failure,
        lastCompletionResult: a.lastCompletionResult,
        executionDeadline: s.executionDeadline,
      },
      startDelayMs: durationToMs(a.backoffStartInterval),
    });
    this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, {
      workflowExecutionContinuedAsNewEventAttributes: {
        newExecutionRunId: next.state.runId,
        workflowType: { name: workflowType },
        taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        header: a.header,
        input: a.input,
        workflowRunTimeout: runTimeoutMs ? msToDuration(runTimeoutMs) : null,
        workflowTaskTimeout: msToDuration(wftTimeoutMs),
        workflowTaskCompletedEventId: completedId,
        backoffStartInterval: a.backoffStartInterval,
        initiator: a.initiator,
        failure: a.failure,
        lastCompletionResult: a.lastCompletionResult,
        memo: a.memo,
        searchAttributes: a.searchAttributes,
      },
    });
    s.nextRunId = next.state.runId;
    // The parent keeps tracking the chain by workflow id: point its child record at the new run.
    if (s.parent) {
      const parent = this.executions.get(`${s.parent.namespace}/${s.parent.runId}`);
      const record = parent?.state.children[s.parent.initiatedEventId];
      if (record) record.runId = next.state.runId;
    }
    return [next, ...this.closeRun(exec, Status.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW, {})];
  }

  // ---------------------------------------------------------------- children and external workflows

  private startChild(
    parent: Execution,
    initiatedEventId: number,
    a: temporal.api.command.v1.IStartChildWorkflowExecutionCommandAttributes,
    identity: string,
    touched: Set<Execution>,
  ): void {
    const record = parent.state.children[initiatedEventId];
    if (!record || !parent.isOpen) return;
    const existing = this.currentRun(record.namespace, record.workflowId);
    if (existing?.isOpen || !this.namespaces.has(record.namespace)) {
      delete parent.state.children[initiatedEventId];
      this.addExternal(parent, EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_FAILED, {
        startChildWorkflowExecutionFailedEventAttributes: {
          namespace: record.namespace,
          workflowId: record.workflowId,
          workflowType: { name: record.workflowType },
          cause: existing?.isOpen
            ? temporal.api.enums.v1.StartChildWorkflowExecutionFailedCause
                .START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_WORKFLOW_ALREADY_EXISTS
            : temporal.api.enums.v1.StartChildWorkflowExecutionFailedCause
                .START_CHILD_WORKFLOW_EXECUTION_FAILED_CAUSE_NAMESPACE_NOT_FOUND,
          control: a.control,
          initiatedEventId,
          workflowTaskCompletedEventId: 0,
        },
      });
      return;
    }
    const child = this.createRun({
      namespace: record.namespace,
      workflowId: record.workflowId,
      workflowType: record.workflowType,
      taskQueue: a.taskQueue?.name || parent.state.taskQueue,
      input: a.input,
      header: a.header,
      memo: a.memo,
      searchAttributes: a.searchAttributes,
      runTimeoutMs: durationToMs(a.workflowRunTimeout),
      executionTimeoutMs: durationToMs(a.workflowExecutionTimeout),
      wftTimeoutMs: durationToMs(a.workflowTaskTimeout),
      retryPolicy: a.retryPolicy,
      identity,
      requestId: randomUUID(),
      parent: {
        namespace: parent.state.namespace,
        workflowId: parent.state.workflowId,
        runId: parent.state.runId,
        initiatedEventId,
        root: parent.state.parent?.root ?? { workflowId: parent.state.workflowId, runId: parent.state.runId },
      },
      cronSchedule: a.cronSchedule ?? undefined,
    });
    touched.add(child);
    record.runId = child.state.runId;
    record.startedEventId = this.addExternal(parent, EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED, {
      childWorkflowExecutionStartedEventAttributes: {
        namespace: record.namespace,
        initiatedEventId,
        workflowExecution: { workflowId: record.workflowId, runId: child.state.runId },
        workflowType: { name: record.workflowType },
        header: a.header,
      },
    });
  }

  private deliverExternalSignal(
    source: Execution,
    initiatedEventId: number,
    namespace: string,
    a: temporal.api.command.v1.ISignalExternalWorkflowExecutionCommandAttributes,
    touched: Set<Execution>,
  ): void {
    const workflowId = a.execution?.workflowId ?? '';
    const target = a.execution?.runId
      ? this.executions.get(`${namespace}/${a.execution.runId}`)
      : this.currentRun(namespace, workflowId);
    if (target?.isOpen && target.state.workflowId === workflowId) {
      this.addSignal(target, a.signalName ?? '', a.input, a.header, '', {
        workflowId: source.state.workflowId,
        runId: source.state.runId,
      });
      touched.add(target);
      this.addExternal(source, EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED, {
        externalWorkflowExecutionSignaledEventAttributes: {
          initiatedEventId,
          namespace,
          workflowExecution: { workflowId, runId: target.state.runId },
          control: a.control,
        },
      });
    } else {
      this.addExternal(source, EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED, {
        signalExternalWorkflowExecutionFailedEventAttributes: {
          cause:
            temporal.api.enums.v1.SignalExternalWorkflowExecutionFailedCause
              .SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
          namespace,
          workflowExecution: a.execution,
          initiatedEventId,
          control: a.control,
        },
      });
    }
  }

  private deliverExternalCancel(
    source: Execution,
    initiatedEventId: number,
    namespace: string,
    a: temporal.api.command.v1.IRequestCancelExternalWorkflowExecutionCommandAttributes,
    touched: Set<Execution>,
  ): void {
    const workflowId = a.workflowId ?? '';
    const target = a.runId ? this.executions.get(`${namespace}/${a.runId}`) : this.currentRun(namespace, workflowId);
    if (target?.isOpen && target.state.workflowId === workflowId) {
      this.requestCancel(target, a.reason ?? '', '', initiatedEventId, {
        workflowId: source.state.workflowId,
        runId: source.state.runId,
      });
      touched.add(target);
      this.addExternal(source, EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_CANCEL_REQUESTED, {
        externalWorkflowExecutionCancelRequestedEventAttributes: {
          initiatedEventId,
          namespace,
          workflowExecution: { workflowId, runId: target.state.runId },
        },
      });
    } else {
      this.addExternal(source, EventType.EVENT_TYPE_REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED, {
        requestCancelExternalWorkflowExecutionFailedEventAttributes: {
          cause:
            temporal.api.enums.v1.CancelExternalWorkflowExecutionFailedCause
              .CANCEL_EXTERNAL_WORKFLOW_EXECUTION_FAILED_CAUSE_EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
          namespace,
          workflowExecution: { workflowId, runId: a.runId },
          initiatedEventId,
          control: a.control,
        },
      });
    }
  }

  // ---------------------------------------------------------------- signals, cancel, terminate

  private addSignal(
    exec: Execution,
    signalName: string,
    input: IPayloads | null | undefined,
    header: temporal.api.common.v1.IHeader | null | undefined,
    identity: string,
    external?: temporal.api.common.v1.IWorkflowExecution,
  ): void {
    this.addExternal(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, {
      workflowExecutionSignaledEventAttributes: {
        signalName,
        input,
        header,
        identity,
        externalWorkflowExecution: external,
      },
    });
  }

  /** The `SignalWorkflowExecution` RPC. */
  async signalWorkflowExecution(
    req: ws.ISignalWorkflowExecutionRequest,
  ): Promise<Loose<ws.ISignalWorkflowExecutionResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    if (!req.signalName) throw invalidArgument('SignalName is not set on request.');
    this.checkPayloads(req.input);
    const exec = this.findOpenRun(namespace, req.workflowExecution);
    this.addSignal(exec, req.signalName, req.input, req.header, req.identity ?? '');
    await this.persist(exec);
    return {};
  }

  private requestCancel(
    exec: Execution,
    cause: string,
    identity: string,
    externalInitiatedEventId?: number,
    external?: temporal.api.common.v1.IWorkflowExecution,
  ): void {
    if (exec.state.cancelRequested) return;
    exec.state.cancelRequested = true;
    this.addExternal(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED, {
      workflowExecutionCancelRequestedEventAttributes: {
        cause,
        identity,
        externalInitiatedEventId: externalInitiatedEventId ?? 0,
        externalWorkflowExecution: external,
      },
    });
  }

  /** The `RequestCancelWorkflowExecution` RPC. */
  async requestCancelWorkflowExecution(
    req: ws.IRequestCancelWorkflowExecutionRequest,
  ): Promise<Loose<ws.IRequestCancelWorkflowExecutionResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    const exec = this.findOpenRun(namespace, req.workflowExecution);
    this.requestCancel(exec, req.reason ?? '', req.identity ?? '');
    await this.persist(exec);
    return {};
  }

  private terminateRun(
    exec: Execution,
    reason: string,
    details: IPayloads | null | undefined,
    identity: string,
  ): Execution[] {
    this.failRunningWorkflowTask(exec, Cause.WORKFLOW_TASK_FAILED_CAUSE_FORCE_CLOSE_COMMAND);
    exec.buffered = [];
    this.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, {
      workflowExecutionTerminatedEventAttributes: { reason, details, identity },
    });
    return this.closeRun(exec, Status.WORKFLOW_EXECUTION_STATUS_TERMINATED, { details });
  }

  /** The `TerminateWorkflowExecution` RPC. */
  async terminateWorkflowExecution(
    req: ws.ITerminateWorkflowExecutionRequest,
  ): Promise<Loose<ws.ITerminateWorkflowExecutionResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    const exec = this.findOpenRun(namespace, req.workflowExecution);
    const touched = this.terminateRun(exec, req.reason ?? '', req.details, req.identity ?? '');
    await this.persist(exec, ...touched);
    return {};
  }

  // ---------------------------------------------------------------- queries

  /** The `QueryWorkflow` RPC. */
  async queryWorkflow(
    req: ws.IQueryWorkflowRequest,
    cancellation: PollCancellation,
  ): Promise<Loose<ws.IQueryWorkflowResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    if (!req.query?.queryType) throw invalidArgument('QueryType is not set on request.');
    const exec = this.findRun(namespace, req.execution);
    if (!exec.history) exec.history = await this.store.readHistory(namespace, exec.state.runId);
    const query = req.query;
    const result = await new Promise<Loose<ws.IQueryWorkflowResponse> | Error>((resolve) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        exec.queries.delete(id);
        resolve(new ServiceError(status.DEADLINE_EXCEEDED, 'query timed out: no worker answered'));
      }, 60_000);
      const pending: PendingQuery = {
        id,
        query,
        stage: 'waiting',
        resolve: (r) => {
          clearTimeout(timer);
          clearTimeout(pending.redispatch);
          exec.queries.delete(id);
          resolve(r);
          // The next query of the run goes out once this one is answered (see dispatchWaitingQueries).
          this.dispatchWaitingQueries(exec);
        },
      };
      exec.queries.set(id, pending);
      cancellation.onCancel(() => pending.resolve(new ServiceError(status.CANCELLED, 'query cancelled')));
      this.dispatchWaitingQueries(exec);
    });
    if (result instanceof Error) throw result;
    return result;
  }

  /**
   * Sends a waiting query as a query task when no workflow task is there to carry them, one query task per run at a
   * time: the SDK's worker answers one query task of a run at a time and drops a second one that reaches it while the
   * first is in flight (several simultaneous page views of one procedure each waited for the client's deadline). The
   * others wait for the answer, or for the next workflow task, which carries every waiting query at once.
   */
  private dispatchWaitingQueries(exec: Execution): void {
    if (exec.state.wft || exec.queries.size === 0) return;
    if (exec.isOpen && exec.state.lastCompletedWftStartedId === 0) return;
    const queries = [...exec.queries.values()];
    if (queries.some((q) => q.stage === 'dispatched')) return;
    const query = queries.find((q) => q.stage === 'waiting');
    if (!query) return;
    // Like Temporal: a worker with the run in its sticky cache answers from it; others replay.
    const queue = this.liveStickyQueue(exec) ?? exec.state.taskQueue;
    query.stage = 'dispatched';
    const dispatch = (query.dispatches ?? 0) + 1;
    query.dispatches = dispatch;
    this.workflowTasks.offer(this.queueKey(exec.state.namespace, queue), {
      kind: 'query',
      key: exec.key,
      queryId: query.id,
      dispatch,
    });
    clearTimeout(query.redispatch);
    query.redispatch = setTimeout(() => {
      if (!exec.queries.has(query.id) || query.stage !== 'dispatched' || query.dispatches !== dispatch) return;
      query.stage = 'waiting';
      this.dispatchWaitingQueries(exec);
    }, QUERY_REDISPATCH_MS);
    query.redispatch.unref();
  }

  /** The run's sticky queue if a worker is polling it. */
  private liveStickyQueue(exec: Execution): string | undefined {
    const sticky = exec.state.sticky;
    if (!exec.isOpen || !sticky) return undefined;
    const key = this.queueKey(exec.state.namespace, sticky.queue);
    return !this.deadStickyQueues.has(key) && this.workflowTasks.isPolled(key, 5_000) ? sticky.queue : undefined;
  }

  private startQueryTask(
    task: Extract<WorkflowTaskRef, { kind: 'query' }>,
    sticky: boolean,
  ): Loose<ws.IPollWorkflowTaskQueueResponse> | undefined {
    const exec = this.executions.get(task.key);
    const query = exec?.queries.get(task.queryId);
    if (!exec || !query || query.stage !== 'dispatched' || query.dispatches !== task.dispatch || !exec.history) {
      return undefined;
    }
    // A workflow task of the run is at a worker: the query waits for its completion, which sends it out again.
    if (exec.state.wft?.startedEventId) {
      query.stage = 'waiting';
      return undefined;
    }
    const s = exec.state;
    return {
      taskToken: encodeTaskToken({ kind: 'query', namespace: s.namespace, runId: s.runId, queryId: query.id }),
      workflowExecution: { workflowId: s.workflowId, runId: s.runId },
      workflowType: { name: s.workflowType },
      previousStartedEventId: s.lastCompletedWftStartedId,
      startedEventId: s.lastCompletedWftStartedId,
      attempt: 1,
      // A sticky worker has the run cached: Temporal sends it no history for a query.
      history: { events: sticky ? [] : exec.history.slice() },
      query: query.query,
      workflowExecutionTaskQueue: { name: s.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      scheduledTime: msToTimestamp(this.clock.now()),
      startedTime: msToTimestamp(this.clock.now()),
    };
  }

  /** The `RespondQueryTaskCompleted` RPC. */
  respondQueryTaskCompleted(req: ws.IRespondQueryTaskCompletedRequest): Loose<ws.IRespondQueryTaskCompletedResponse> {
    const parsed = decodeTaskToken(req.taskToken);
    if (parsed?.kind !== 'query') throw invalidArgument('Invalid task token.');
    const exec = this.executions.get(`${parsed.namespace}/${parsed.runId}`);
    const query = exec?.queries.get(parsed.queryId);
    if (!query) throw new ServiceError(status.NOT_FOUND, 'query not found');
    query.resolve(
      queryOutcome(
        Number(req.completedType) === enumNumbers(temporal.api.enums.v1.QueryResultType).QUERY_RESULT_TYPE_ANSWERED,
        req.queryResult,
        req.errorMessage,
        req.failure,
      ),
    );
    return {};
  }

  private answerQueries(exec: Execution, results: Record<string, temporal.api.query.v1.IWorkflowQueryResult>): void {
    for (const [id, result] of Object.entries(results)) {
      const query = exec.queries.get(id);
      if (!query) continue;
      query.resolve(
        queryOutcome(
          Number(result.resultType) === enumNumbers(temporal.api.enums.v1.QueryResultType).QUERY_RESULT_TYPE_ANSWERED,
          result.answer,
          result.errorMessage,
          result.failure,
        ),
      );
    }
  }

  // ---------------------------------------------------------------- reading

  /** The `GetWorkflowExecutionHistory` RPC: events as saved (it answers once the page it sends is durable). */
  async getWorkflowExecutionHistory(
    req: ws.IGetWorkflowExecutionHistoryRequest,
    cancellation: PollCancellation,
  ): Promise<Loose<ws.IGetWorkflowExecutionHistoryResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    const exec = this.findRun(namespace, req.execution);
    if (!exec.history) exec.history = await this.store.readHistory(namespace, exec.state.runId);
    const closeOnly =
      Number(req.historyEventFilterType) ===
      enumNumbers(temporal.api.enums.v1.HistoryEventFilterType).HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT;
    const from = req.nextPageToken?.length ? Number(Buffer.from(req.nextPageToken).toString('utf8')) : 1;
    const ready = (): boolean => (closeOnly ? !exec.isOpen : !exec.isOpen || exec.events.length >= from);
    if (req.waitNewEvent && !ready()) {
      const deadline = Date.now() + this.options.longPollMs;
      let cancelled = false;
      cancellation.onCancel(() => (cancelled = true));
      while (!ready() && !this.stopped && !cancelled && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(
            () => {
              unsubscribe();
              resolve();
            },
            Math.max(1, Math.min(1_000, deadline - Date.now())),
          );
          const unsubscribe = exec.watch(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
    if (!exec.history) exec.history = await this.store.readHistory(namespace, exec.state.runId);
    return this.answerOnceSaved(historyPage(exec, req, closeOnly, from));
  }

  /** The `DescribeWorkflowExecution` RPC: the run as saved (it answers once what it describes is durable). */
  async describeWorkflowExecution(
    req: ws.IDescribeWorkflowExecutionRequest,
  ): Promise<Loose<ws.IDescribeWorkflowExecutionResponse>> {
    const namespace = this.requireNamespace(req.namespace);
    const exec = this.findRun(namespace, req.execution);
    const parentNamespaceId = exec.state.parent ? (this.namespaces.get(exec.state.parent.namespace)?.id ?? '') : '';
    return this.answerOnceSaved(describeExecution(exec, parentNamespaceId));
  }

  /** The `WorkflowExecutionInfo` of a run, as Describe and List show it. */
  executionInfo(exec: Execution): Loose<temporal.api.workflow.v1.IWorkflowExecutionInfo> {
    const parentNamespaceId = exec.state.parent ? (this.namespaces.get(exec.state.parent.namespace)?.id ?? '') : '';
    return executionInfo(exec, parentNamespaceId);
  }

  /**
   * The `ListWorkflowExecutions` RPC: the store's own visibility index when it has one (PostgreSQL,
   * after saving what is pending), else the runs held in memory.
   */
  async listWorkflowExecutions(
    namespace: string,
    query: VisibilityQuery,
    pageSize: number,
    pageToken: Uint8Array | null | undefined,
  ): Promise<Loose<ws.IListWorkflowExecutionsResponse>> {
    this.requireNamespace(namespace);
    if (!this.store.listRunIds) {
      return listExecutions(this.runsOf(namespace), query, pageSize, pageToken, (e) => this.executionInfo(e));
    }
    await this.flush();
    const offset = pageToken?.length ? Number(Buffer.from(pageToken).toString('utf8')) : 0;
    const size = pageSize > 0 ? pageSize : 1000;
    const runIds = await this.store.listRunIds(namespace, query, size + 1, offset);
    const page = runIds.slice(0, size).flatMap((runId) => this.executions.get(`${namespace}/${runId}`) ?? []);
    return {
      executions: page.map((e) => this.executionInfo(e)),
      nextPageToken: runIds.length > size ? Buffer.from(String(offset + size)) : null,
    };
  }

  /** The `CountWorkflowExecutions` RPC, like {@link listWorkflowExecutions}. */
  async countWorkflowExecutions(
    namespace: string,
    query: VisibilityQuery,
  ): Promise<Loose<ws.ICountWorkflowExecutionsResponse>> {
    this.requireNamespace(namespace);
    if (!this.store.countRuns) return { count: countExecutions(this.runsOf(namespace), query), groups: [] };
    await this.flush();
    return { count: await this.store.countRuns(namespace, query), groups: [] };
  }

  /** Every run of a namespace, for visibility queries. */
  runsOf(namespace: string): Execution[] {
    this.requireNamespace(namespace);
    return [...this.executions.values()].filter((e) => e.state.namespace === namespace);
  }

  // ---------------------------------------------------------------- workers

  /** The `ShutdownWorker` RPC. */
  shutdownWorker(req: ws.IShutdownWorkerRequest): Loose<ws.IShutdownWorkerResponse> {
    const namespace = this.requireNamespace(req.namespace);
    if (!req.stickyTaskQueue) return {};
    const queueKey = this.queueKey(namespace, req.stickyTaskQueue);
    this.deadStickyQueues.add(queueKey);
    for (const task of this.workflowTasks.drain(queueKey)) {
      const exec = this.executions.get(task.key);
      if (!exec) continue;
      exec.state.sticky = undefined;
      if (task.kind === 'workflow' && exec.state.wft && !exec.state.wft.startedEventId) {
        exec.state.wft.queue = exec.state.taskQueue;
        this.offerWorkflowTask(exec);
      }
    }
    return {};
  }

  /** The `ResetStickyTaskQueue` RPC. */
  resetStickyTaskQueue(req: ws.IResetStickyTaskQueueRequest): Loose<ws.IResetStickyTaskQueueResponse> {
    const namespace = this.requireNamespace(req.namespace);
    const exec = this.findRun(namespace, req.execution);
    exec.state.sticky = undefined;
    this.markDirty(exec);
    return {};
  }

  /** Skips time forward (the admin call behind the test helper); due timers fire right away. */
  skipTime(ms: number): void {
    this.clock.advance(ms);
  }
}
