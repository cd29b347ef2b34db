import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { ControllableClock } from '../clock/clock';
import type { DeadlineScheduler } from '../clock/deadline-scheduler';
import {
  durationToMs,
  enumNumbers,
  EventType,
  type IFailure,
  type IHistoryEvent,
  type IPayloads,
  type Loose,
  msToDuration,
  msToTimestamp,
  temporal,
} from '../proto/temporal-proto';
import { invalidArgument, ServiceError } from '../server/service-error';
import type { Execution } from './execution';
import type { ActivityState } from './execution-state';
import { decodePayloads, encodePayloads } from './payload-maps';
import { nextRetry, normalizeRetryPolicy, RetryState, retryPolicyToProto } from './retry-policy';
import { type PollCancellation, TaskMatcher } from './task-matcher';
import { decodeTaskToken, encodeTaskToken } from './task-token';

import ws = temporal.api.workflowservice.v1;

const TimeoutType = enumNumbers(temporal.api.enums.v1.TimeoutType);
const TaskQueueKind = enumNumbers(temporal.api.enums.v1.TaskQueueKind);
const Failure = temporal.api.failure.v1.Failure;

/** What activity handling needs from the engine: its clock, deadlines, runs, events and saves. */
export interface EngineCore {
  readonly clock: ControllableClock;
  readonly deadlines: DeadlineScheduler;
  readonly longPollMs: number;
  isStopped(): boolean;
  execution(key: string): Execution | undefined;
  requireNamespace(name: string | null | undefined): string;
  findOpenRun(namespace: string, execution: temporal.api.common.v1.IWorkflowExecution | null | undefined): Execution;
  checkPayloads(payloads: IPayloads | null | undefined): void;
  queueKey(namespace: string, queue: string): string;
  append(exec: Execution, eventType: number, attributes: IHistoryEvent): number;
  addExternal(exec: Execution, eventType: number, attributes: IHistoryEvent, scheduleTask?: boolean): number;
  markDirty(exec: Execution): void;
  persist(...execs: Execution[]): Promise<void>;
  persistQuietly(...execs: Execution[]): void;
  flush(): Promise<void>;
}

/** An activity task waiting in a task queue: which run, which activity, which attempt. */
export interface ActivityTaskRef {
  key: string;
  scheduledEventId: number;
  attempt: number;
}

/**
 * Activities of all runs: ActivityTaskScheduled to its closing event, matching with pollers, heartbeats,
 * the four timeouts and retries by the activity's retry policy. An attempt's ActivityTaskStarted event is
 * written only when the attempt ends, as Temporal does.
 */
export class ActivityTasks {
  private readonly matcher = new TaskMatcher<ActivityTaskRef>();

  constructor(private readonly core: EngineCore) {}

  /** Answers held polls; nothing is dispatched afterwards. */
  close(): void {
    this.matcher.close();
  }

  /** Schedules an activity for a ScheduleActivityTask command, with Temporal's timeout defaults. */
  schedule(
    exec: Execution,
    a: temporal.api.command.v1.IScheduleActivityTaskCommandAttributes,
    completedId: number,
  ): ActivityState {
    const s = exec.state;
    const now = this.core.clock.now();
    const runLeft = s.runDeadline !== undefined ? s.runDeadline - now : undefined;
    let scheduleToCloseMs = durationToMs(a.scheduleToCloseTimeout) ?? runLeft;
    const startToCloseMs = Math.min(
      durationToMs(a.startToCloseTimeout) ?? scheduleToCloseMs ?? Infinity,
      scheduleToCloseMs ?? Infinity,
    );
    if (scheduleToCloseMs === undefined || scheduleToCloseMs === Infinity) scheduleToCloseMs = undefined;
    const scheduleToStartMs = durationToMs(a.scheduleToStartTimeout) ?? scheduleToCloseMs;
    const heartbeatMs = durationToMs(a.heartbeatTimeout);
    const retry = normalizeRetryPolicy(a.retryPolicy);
    const taskQueue = a.taskQueue?.name || s.taskQueue;
    const scheduledEventId = this.core.append(exec, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, {
      activityTaskScheduledEventAttributes: {
        activityId: a.activityId,
        activityType: a.activityType,
        taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        header: a.header,
        input: a.input,
        // As the real server records them: a timeout that is not set is written as 0 s, not left out.
        scheduleToCloseTimeout: msToDuration(scheduleToCloseMs ?? 0),
        scheduleToStartTimeout: msToDuration(scheduleToStartMs ?? 0),
        startToCloseTimeout: msToDuration(startToCloseMs),
        heartbeatTimeout: msToDuration(heartbeatMs ?? 0),
        workflowTaskCompletedEventId: completedId,
        retryPolicy: retryPolicyToProto(retry),
        useWorkflowBuildId: a.useWorkflowBuildId,
        priority: a.priority,
      },
    });
    const activity: ActivityState = {
      scheduledEventId,
      activityId: a.activityId ?? '',
      activityType: a.activityType?.name ?? '',
      taskQueue,
      attempt: 1,
      state: 'scheduled',
      firstScheduledTime: now,
      attemptScheduledTime: now,
      scheduleToCloseMs,
      scheduleToStartMs,
      startToCloseMs,
      heartbeatMs,
      retry,
    };
    s.activities[scheduledEventId] = activity;
    this.arm(exec, activity, true);
    return activity;
  }

  /** Arms the deadlines of an activity for its current state; `offer` also queues it if scheduled. */
  arm(exec: Execution, activity: ActivityState, offer: boolean): void {
    const base = `act:${exec.key}:${activity.scheduledEventId}`;
    const attempt = activity.attempt;
    const guard = (fn: () => void) => () => {
      const current = exec.state.activities[activity.scheduledEventId];
      if (exec.isOpen && current === activity && current.attempt === attempt) fn();
    };
    if (activity.scheduleToCloseMs !== undefined) {
      this.core.deadlines.arm(`${base}:s2c`, activity.firstScheduledTime + activity.scheduleToCloseMs, () => {
        const current = exec.state.activities[activity.scheduledEventId];
        if (exec.isOpen && current === activity)
          this.timeoutActivity(exec, activity, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE);
      });
    }
    if (activity.state === 'scheduled') {
      if (activity.scheduleToStartMs !== undefined && activity.scheduleToStartMs !== activity.scheduleToCloseMs) {
        this.core.deadlines.arm(
          `${base}:s2s`,
          activity.attemptScheduledTime + activity.scheduleToStartMs,
          guard(() => {
            if (activity.state === 'scheduled')
              this.timeoutActivity(exec, activity, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START);
          }),
        );
      }
      if (offer) {
        this.matcher.offer(this.core.queueKey(exec.state.namespace, activity.taskQueue), {
          key: exec.key,
          scheduledEventId: activity.scheduledEventId,
          attempt,
        });
      }
    } else if (activity.state === 'started' && activity.startedTime !== undefined) {
      this.core.deadlines.arm(
        `${base}:st2c`,
        activity.startedTime + activity.startToCloseMs,
        guard(() => this.timeoutActivity(exec, activity, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE)),
      );
      this.armHeartbeat(exec, activity);
    } else if (activity.state === 'backoff' && activity.retryAt !== undefined) {
      this.core.deadlines.arm(
        `${base}:retry`,
        activity.retryAt,
        guard(() => {
          activity.state = 'scheduled';
          activity.attemptScheduledTime = this.core.clock.now();
          activity.retryAt = undefined;
          this.arm(exec, activity, true);
          this.core.persistQuietly(exec);
        }),
      );
    }
  }

  private armHeartbeat(exec: Execution, activity: ActivityState): void {
    if (activity.heartbeatMs === undefined || activity.state !== 'started') return;
    const attempt = activity.attempt;
    const last = activity.lastHeartbeatTime ?? activity.startedTime ?? this.core.clock.now();
    this.core.deadlines.arm(`act:${exec.key}:${activity.scheduledEventId}:hb`, last + activity.heartbeatMs, () => {
      const current = exec.state.activities[activity.scheduledEventId];
      if (exec.isOpen && current === activity && current.attempt === attempt && current.state === 'started') {
        this.timeoutActivity(exec, activity, TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
      }
    });
  }

  /** Forgets every deadline of an activity. */
  disarm(exec: Execution, activity: ActivityState): void {
    const base = `act:${exec.key}:${activity.scheduledEventId}`;
    for (const suffix of ['s2c', 's2s', 'st2c', 'hb', 'retry']) this.core.deadlines.disarm(`${base}:${suffix}`);
  }

  /** Drops a closed activity from its run. */
  remove(exec: Execution, activity: ActivityState): void {
    this.disarm(exec, activity);
    delete exec.state.activities[activity.scheduledEventId];
  }

  private timeoutActivity(exec: Execution, activity: ActivityState, timeoutType: number): void {
    const names: Record<number, string> = {
      [TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE]: 'StartToClose',
      [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START]: 'ScheduleToStart',
      [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE]: 'ScheduleToClose',
      [TimeoutType.TIMEOUT_TYPE_HEARTBEAT]: 'Heartbeat',
    };
    const failure: IFailure = {
      message: `activity ${names[timeoutType]} timeout`,
      source: 'Server',
      timeoutFailureInfo: { timeoutType, lastHeartbeatDetails: decodePayloads(activity.heartbeatDetails) },
    };
    // Start-to-close and heartbeat timeouts end an attempt, which the retry policy may retry.
    let retryState: number = RetryState.Timeout;
    if (timeoutType === TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE || timeoutType === TimeoutType.TIMEOUT_TYPE_HEARTBEAT) {
      const final = this.retryActivity(exec, activity, failure);
      if (final === undefined) {
        this.core.persistQuietly(exec);
        return;
      }
      retryState = final;
    }
    const startedEventId = this.addActivityStarted(exec, activity);
    this.core.addExternal(exec, EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT, {
      activityTaskTimedOutEventAttributes: {
        failure,
        scheduledEventId: activity.scheduledEventId,
        startedEventId,
        retryState,
      },
    });
    this.remove(exec, activity);
    this.core.persistQuietly(exec);
  }

  /**
   * Schedules the next attempt if the retry policy allows and returns `undefined`; otherwise returns the
   * retry state that makes the failure final.
   */
  private retryActivity(exec: Execution, activity: ActivityState, failure: IFailure): number | undefined {
    const now = this.core.clock.now();
    const deadline =
      activity.scheduleToCloseMs !== undefined ? activity.firstScheduledTime + activity.scheduleToCloseMs : undefined;
    const decision = nextRetry(activity.retry, activity.attempt, failure, now, deadline);
    if (!('delayMs' in decision)) return decision.retryState;
    this.disarm(exec, activity);
    activity.attempt += 1;
    activity.state = 'backoff';
    activity.retryAt = now + decision.delayMs;
    activity.startedTime = undefined;
    activity.startedIdentity = undefined;
    activity.lastFailure = Buffer.from(Failure.encode(failure as temporal.api.failure.v1.IFailure).finish()).toString(
      'base64',
    );
    this.core.markDirty(exec);
    this.arm(exec, activity, false);
    return undefined;
  }

  /** Adds ActivityTaskStarted for a started activity (Temporal writes it only when the attempt ends). */
  private addActivityStarted(exec: Execution, activity: ActivityState): number {
    if (activity.state !== 'started') return 0;
    // No workflow task yet: the closing event follows at once, and Started must sit right before it.
    return this.core.addExternal(
      exec,
      EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
      {
        activityTaskStartedEventAttributes: {
          scheduledEventId: activity.scheduledEventId,
          identity: activity.startedIdentity ?? '',
          requestId: randomUUID(),
          attempt: activity.attempt,
          lastFailure: activity.lastFailure ? Failure.decode(Buffer.from(activity.lastFailure, 'base64')) : null,
        },
      },
      false,
    );
  }

  /** The `PollActivityTaskQueue` RPC. */
  async pollActivityTaskQueue(
    req: ws.IPollActivityTaskQueueRequest,
    cancellation: PollCancellation,
  ): Promise<Loose<ws.IPollActivityTaskQueueResponse>> {
    const namespace = this.core.requireNamespace(req.namespace);
    const queueName = req.taskQueue?.name ?? '';
    if (!queueName) throw invalidArgument('TaskQueue is not set on request.');
    const queueKey = this.core.queueKey(namespace, queueName);
    const deadline = Date.now() + this.core.longPollMs;
    let cancelled = false;
    cancellation.onCancel(() => (cancelled = true));
    while (!this.core.isStopped() && !cancelled) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const task = await this.matcher.poll(queueKey, remaining, cancellation);
      if (!task) break;
      if (cancelled) {
        this.matcher.offer(queueKey, task);
        break;
      }
      const response = this.start(task, req.identity ?? '');
      if (!response) continue;
      await this.core.flush();
      return response;
    }
    return {};
  }

  /** Starts an attempt for a poller (or for eager dispatch); `undefined` when the task is stale. */
  start(task: ActivityTaskRef, identity: string): Loose<ws.IPollActivityTaskQueueResponse> | undefined {
    const exec = this.core.execution(task.key);
    const activity = exec?.state.activities[task.scheduledEventId];
    if (!exec || !exec.isOpen || !activity || activity.attempt !== task.attempt || activity.state !== 'scheduled') {
      return undefined;
    }
    const s = exec.state;
    const now = this.core.clock.now();
    this.core.deadlines.disarm(`act:${exec.key}:${activity.scheduledEventId}:s2s`);
    activity.state = 'started';
    activity.startedTime = now;
    activity.startedIdentity = identity;
    activity.lastHeartbeatTime = undefined;
    this.arm(exec, activity, false);
    this.core.markDirty(exec);
    const scheduled = exec.events[activity.scheduledEventId - 1]?.activityTaskScheduledEventAttributes;
    return {
      taskToken: encodeTaskToken({
        kind: 'activity',
        namespace: s.namespace,
        runId: s.runId,
        scheduledEventId: activity.scheduledEventId,
        attempt: activity.attempt,
      }),
      workflowNamespace: s.namespace,
      workflowType: { name: s.workflowType },
      workflowExecution: { workflowId: s.workflowId, runId: s.runId },
      activityType: { name: activity.activityType },
      activityId: activity.activityId,
      header: scheduled?.header,
      input: scheduled?.input,
      heartbeatDetails: decodePayloads(activity.heartbeatDetails),
      scheduledTime: msToTimestamp(activity.firstScheduledTime),
      currentAttemptScheduledTime: msToTimestamp(activity.attemptScheduledTime),
      startedTime: msToTimestamp(now),
      attempt: activity.attempt,
      scheduleToCloseTimeout: msToDuration(activity.scheduleToCloseMs ?? 0),
      startToCloseTimeout: msToDuration(activity.startToCloseMs),
      heartbeatTimeout: msToDuration(activity.heartbeatMs ?? 0),
      retryPolicy: retryPolicyToProto(activity.retry),
    };
  }

  private activityFromToken(token: Uint8Array | null | undefined): { exec: Execution; activity: ActivityState } {
    const parsed = decodeTaskToken(token);
    if (parsed?.kind !== 'activity') throw invalidArgument('Invalid task token.');
    const exec = this.core.execution(`${parsed.namespace}/${parsed.runId}`);
    const activity = exec?.state.activities[parsed.scheduledEventId];
    if (!exec || !exec.isOpen || !activity || activity.attempt !== parsed.attempt || activity.state !== 'started') {
      throw new ServiceError(status.NOT_FOUND, 'Activity task not found.');
    }
    return { exec, activity };
  }

  private activityById(req: {
    namespace?: string | null;
    workflowId?: string | null;
    runId?: string | null;
    activityId?: string | null;
  }): { exec: Execution; activity: ActivityState } {
    const namespace = this.core.requireNamespace(req.namespace);
    const exec = this.core.findOpenRun(namespace, { workflowId: req.workflowId, runId: req.runId });
    const activity = Object.values(exec.state.activities).find((a) => a.activityId === req.activityId);
    if (!activity || activity.state !== 'started') throw new ServiceError(status.NOT_FOUND, 'Activity task not found.');
    return { exec, activity };
  }

  private async completeActivity(
    exec: Execution,
    activity: ActivityState,
    result: IPayloads | null | undefined,
    identity: string,
  ): Promise<void> {
    this.core.checkPayloads(result);
    const startedEventId = this.addActivityStarted(exec, activity);
    this.core.addExternal(exec, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, {
      activityTaskCompletedEventAttributes: {
        result,
        scheduledEventId: activity.scheduledEventId,
        startedEventId,
        identity,
      },
    });
    this.remove(exec, activity);
    await this.core.persist(exec);
  }

  private async failActivity(
    exec: Execution,
    activity: ActivityState,
    failure: IFailure | null | undefined,
    lastHeartbeatDetails: IPayloads | null | undefined,
    identity: string,
  ): Promise<void> {
    if (lastHeartbeatDetails?.payloads?.length) activity.heartbeatDetails = encodePayloads(lastHeartbeatDetails);
    const retryState = this.retryActivity(exec, activity, failure ?? { message: 'activity failed' });
    if (retryState !== undefined) {
      const startedEventId = this.addActivityStarted(exec, activity);
      this.core.addExternal(exec, EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED, {
        activityTaskFailedEventAttributes: {
          failure,
          scheduledEventId: activity.scheduledEventId,
          startedEventId,
          identity,
          retryState,
        },
      });
      this.remove(exec, activity);
    }
    await this.core.persist(exec);
  }

  private async cancelActivity(
    exec: Execution,
    activity: ActivityState,
    details: IPayloads | null | undefined,
    identity: string,
  ): Promise<void> {
    const startedEventId = this.addActivityStarted(exec, activity);
    this.core.addExternal(exec, EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED, {
      activityTaskCanceledEventAttributes: {
        details,
        latestCancelRequestedEventId: activity.cancelRequestedEventId ?? 0,
        scheduledEventId: activity.scheduledEventId,
        startedEventId,
        identity,
      },
    });
    this.remove(exec, activity);
    await this.core.persist(exec);
  }

  private heartbeat(
    exec: Execution,
    activity: ActivityState,
    details: IPayloads | null | undefined,
  ): Loose<ws.IRecordActivityTaskHeartbeatResponse> {
    if (details?.payloads?.length) activity.heartbeatDetails = encodePayloads(details);
    activity.lastHeartbeatTime = this.core.clock.now();
    this.armHeartbeat(exec, activity);
    this.core.markDirty(exec);
    return {
      cancelRequested: activity.cancelRequestedEventId !== undefined,
      activityPaused: false,
      activityReset: false,
    };
  }

  /** The `RespondActivityTaskCompleted` RPC. */
  async respondActivityTaskCompleted(
    req: ws.IRespondActivityTaskCompletedRequest,
  ): Promise<Loose<ws.IRespondActivityTaskCompletedResponse>> {
    const { exec, activity } = this.activityFromToken(req.taskToken);
    await this.completeActivity(exec, activity, req.result, req.identity ?? '');
    return {};
  }

  /** The `RespondActivityTaskCompletedById` RPC. */
  async respondActivityTaskCompletedById(
    req: ws.IRespondActivityTaskCompletedByIdRequest,
  ): Promise<Loose<ws.IRespondActivityTaskCompletedByIdResponse>> {
    const { exec, activity } = this.activityById(req);
    await this.completeActivity(exec, activity, req.result, req.identity ?? '');
    return {};
  }

  /** The `RespondActivityTaskFailed` RPC. */
  async respondActivityTaskFailed(
    req: ws.IRespondActivityTaskFailedRequest,
  ): Promise<Loose<ws.IRespondActivityTaskFailedResponse>> {
    const { exec, activity } = this.activityFromToken(req.taskToken);
    await this.failActivity(exec, activity, req.failure, req.lastHeartbeatDetails, req.identity ?? '');
    return {};
  }

  /** The `RespondActivityTaskFailedById` RPC. */
  async respondActivityTaskFailedById(
    req: ws.IRespondActivityTaskFailedByIdRequest,
  ): Promise<Loose<ws.IRespondActivityTaskFailedByIdResponse>> {
    const { exec, activity } = this.activityById(req);
    await this.failActivity(exec, activity, req.failure, req.lastHeartbeatDetails, req.identity ?? '');
    return {};
  }

  /** The `RespondActivityTaskCanceled` RPC. */
  async respondActivityTaskCanceled(
    req: ws.IRespondActivityTaskCanceledRequest,
  ): Promise<Loose<ws.IRespondActivityTaskCanceledResponse>> {
    const { exec, activity } = this.activityFromToken(req.taskToken);
    await this.cancelActivity(exec, activity, req.details, req.identity ?? '');
    return {};
  }

  /** The `RespondActivityTaskCanceledById` RPC. */
  async respondActivityTaskCanceledById(
    req: ws.IRespondActivityTaskCanceledByIdRequest,
  ): Promise<Loose<ws.IRespondActivityTaskCanceledByIdResponse>> {
    const { exec, activity } = this.activityById(req);
    await this.cancelActivity(exec, activity, req.details, req.identity ?? '');
    return {};
  }

  /** The `RecordActivityTaskHeartbeat` RPC. */
  async recordActivityTaskHeartbeat(
    req: ws.IRecordActivityTaskHeartbeatRequest,
  ): Promise<Loose<ws.IRecordActivityTaskHeartbeatResponse>> {
    const { exec, activity } = this.activityFromToken(req.taskToken);
    const response = this.heartbeat(exec, activity, req.details);
    await this.core.persist(exec);
    return response;
  }

  /** The `RecordActivityTaskHeartbeatById` RPC. */
  async recordActivityTaskHeartbeatById(
    req: ws.IRecordActivityTaskHeartbeatByIdRequest,
  ): Promise<Loose<ws.IRecordActivityTaskHeartbeatByIdResponse>> {
    const { exec, activity } = this.activityById(req);
    const response = this.heartbeat(exec, activity, req.details);
    await this.core.persist(exec);
    return response;
  }
}
