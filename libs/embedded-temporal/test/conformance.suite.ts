import { status } from '@grpc/grpc-js';
import {
  type Client,
  isGrpcServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateStage,
  NamespaceNotFoundError,
  ServiceError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, CancelledFailure, TerminatedFailure } from '@temporalio/common';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { Client as TemporalClient } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { skipTime } from '../src';
import type * as workflows from './workflows';
import { bundleTestWorkflows, createHarness, type Harness, workflowId } from './harness';

/**
 * Every RPC and command through the real `@temporalio/client` and `@temporalio/worker`, against the
 * embedded server. Run once with the workflow cache and once with `maxCachedWorkflows: 0`.
 */
export function conformanceSuite(maxCachedWorkflows: number | undefined): void {
  let bundle: WorkflowBundle;
  let h: Harness;
  let client: Client;

  beforeAll(async () => {
    bundle = await bundleTestWorkflows();
    h = await createHarness(bundle, { maxCachedWorkflows });
    client = h.client;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('runs a workflow with an activity through TestWorkflowEnvironment.createFromExistingServer', async () => {
    const result = await h.withWorker((taskQueue) =>
      h.env.client.workflow.execute<typeof workflows.oneActivity>('oneActivity', {
        taskQueue,
        workflowId: workflowId('one'),
        args: ['hello'],
      }),
    );
    expect(result).toBe('hello');
  });

  it('eager workflow start hands the first workflow task to the worker sharing the client connection', async () => {
    const nativeClient = new TemporalClient({ connection: h.nativeConnection });
    const { handle, result } = await h.withWorker(async (taskQueue) => {
      const started = await nativeClient.workflow.start<typeof workflows.oneActivity>('oneActivity', {
        taskQueue,
        workflowId: workflowId('eager'),
        args: ['eager'],
        requestEagerStart: true,
      });
      return { handle: started, result: await started.result() };
    });
    expect(result).toBe('eager');
    expect(handle.eagerlyStarted).toBe(true);
    const history = await handle.fetchHistory();
    expect(history.events?.slice(0, 3).map((e) => e.eventType)).toEqual([
      temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
      temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
      temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
    ]);
  });

  it('a start without eager execution is not eagerly started', async () => {
    const nativeClient = new TemporalClient({ connection: h.nativeConnection });
    const handle = await h.withWorker(async (taskQueue) => {
      const started = await nativeClient.workflow.start<typeof workflows.oneActivity>('oneActivity', {
        taskQueue,
        workflowId: workflowId('not-eager'),
        args: ['polled'],
      });
      await expect(started.result()).resolves.toBe('polled');
      return started;
    });
    expect(handle.eagerlyStarted).toBe(false);
  });

  it('delivers signals in order and answers queries', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('signalDriven', {
        taskQueue,
        workflowId: workflowId('signal'),
        args: [3],
      });
      await handle.signal('approve', 'a');
      await handle.signal('approve', 'b');
      await expect(handle.query('state')).resolves.toEqual(expect.any(Array));
      await handle.signal('approve', 'c');
      await expect(handle.result()).resolves.toEqual(['a', 'b', 'c']);
      await expect(handle.query('state')).resolves.toEqual(['a', 'b', 'c']);
    });
  });

  it('signal-with-start starts once and then signals the running workflow', async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('sws');
      const first = await client.workflow.signalWithStart('signalDriven', {
        taskQueue,
        workflowId: id,
        args: [2],
        signal: 'approve',
        signalArgs: ['first'],
      });
      const second = await client.workflow.signalWithStart('signalDriven', {
        taskQueue,
        workflowId: id,
        args: [2],
        signal: 'approve',
        signalArgs: ['second'],
      });
      expect(second.signaledRunId).toBe(first.signaledRunId);
      await expect(first.result()).resolves.toEqual(['first', 'second']);
    });
  });

  it('runs updates: validator rejections, accepted-then-polled and completed outcomes', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('updatable', { taskQueue, workflowId: workflowId('update') });
      await expect(handle.executeUpdate('decide', { args: ['approve'] })).resolves.toBe('recorded approve');
      await expect(handle.executeUpdate('decide', { args: ['illegal'] })).rejects.toBeInstanceOf(
        WorkflowUpdateFailedError,
      );
      const started = await handle.startUpdate('decide', {
        args: ['amend'],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      await expect(started.result()).resolves.toBe('recorded amend');
      const same = handle.getUpdateHandle<string>(started.updateId);
      await expect(same.result()).resolves.toBe('recorded amend');
      await expect(handle.executeUpdate('decide', { args: ['done'] })).resolves.toBe('recorded done');
      await expect(handle.result()).resolves.toEqual(['approve', 'amend', 'done']);
    });
  });

  it('fires a 30-day timer at once when time is skipped', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('sleeper', {
        taskQueue,
        workflowId: workflowId('sleep'),
        args: [30 * 24 * 3600_000],
      });
      await waitForHistory(handle.workflowId, (events) => events.some((e) => e.timerStartedEventAttributes));
      await skipTime(h.connection, '30 days');
      await expect(handle.result()).resolves.toBe('woke');
    });
  });

  it('cancels a timer', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('cancellableTimer', { taskQueue, workflowId: workflowId('timer') });
      await waitForHistory(handle.workflowId, (events) => events.some((e) => e.timerStartedEventAttributes));
      await handle.signal('approve', 'now');
      await expect(handle.result()).resolves.toBe('signalled');
      const history = await handle.fetchHistory();
      expect(history.events?.some((e) => e.timerCanceledEventAttributes)).toBe(true);
    });
  });

  it('retries activities with backoff and honours non-retryable error types', async () => {
    await h.withWorker(async (taskQueue) => {
      await expect(
        client.workflow.execute('failingActivity', { taskQueue, workflowId: workflowId('retry'), args: ['succeed'] }),
      ).resolves.toBe('succeeded on attempt 2');
      const fatal = client.workflow.execute('failingActivity', {
        taskQueue,
        workflowId: workflowId('fatal'),
        args: ['Fatal'],
      });
      const error = await failureOf(fatal);
      expect(error).toBeInstanceOf(WorkflowFailedError);
      const cause = (error as WorkflowFailedError).cause;
      expect(cause).toBeInstanceOf(ActivityFailure);
      expect((cause as ActivityFailure).cause).toBeInstanceOf(ApplicationFailure);
      expect(((cause as ActivityFailure).cause as ApplicationFailure).type).toBe('Fatal');
      const exhausted = await failureOf(
        client.workflow.execute('failingActivity', { taskQueue, workflowId: workflowId('exhausted'), args: ['Other'] }),
      );
      expect(((exhausted as WorkflowFailedError).cause as ActivityFailure).retryState).toBe('MAXIMUM_ATTEMPTS_REACHED');
    });
  });

  it('cancels a heartbeating activity from the workflow', async () => {
    await h.withWorker(async (taskQueue) => {
      await expect(
        client.workflow.execute('cancelActivity', { taskQueue, workflowId: workflowId('act-cancel') }),
      ).resolves.toBe('cancelled');
    });
  });

  it('describes, cancels and terminates workflows', async () => {
    await h.withWorker(async (taskQueue) => {
      const waiting = await client.workflow.start('waitForCancel', { taskQueue, workflowId: workflowId('cancel') });
      const description = await waiting.describe();
      expect(description.status.name).toBe('RUNNING');
      expect(description.type).toBe('waitForCancel');
      expect(description.taskQueue).toBe(taskQueue);
      await waiting.cancel();
      await expect(waiting.result()).resolves.toBe('cancelled');
      expect((await waiting.describe()).status.name).toBe('COMPLETED');

      const forever = await client.workflow.start('waitForever', { taskQueue, workflowId: workflowId('terminate') });
      await forever.terminate('enough');
      const error = await failureOf(forever.result());
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(TerminatedFailure);
      expect((await forever.describe()).status.name).toBe('TERMINATED');
    });
  });

  it('cancels a workflow that does not handle cancellation', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('sleeper', {
        taskQueue,
        workflowId: workflowId('cancel2'),
        args: [3_600_000],
      });
      await waitForHistory(handle.workflowId, (events) => events.some((e) => e.timerStartedEventAttributes));
      await handle.cancel();
      const error = await failureOf(handle.result());
      expect((error as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
    });
  });

  it('runs child workflows and applies the parent close policy', async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('parent');
      await expect(client.workflow.execute('parent', { taskQueue, workflowId: id, args: ['kid'] })).resolves.toBe(
        'parent got kid',
      );
      const terminating = workflowId('parent-term');
      const childId = await client.workflow.execute<typeof workflows.parentAbandoning>('parentAbandoning', {
        taskQueue,
        workflowId: terminating,
        args: ['TERMINATE'],
      });
      await expect(client.workflow.getHandle(childId).result()).rejects.toBeInstanceOf(WorkflowFailedError);
      const abandoning = workflowId('parent-abandon');
      const abandonedId = await client.workflow.execute<typeof workflows.parentAbandoning>('parentAbandoning', {
        taskQueue,
        workflowId: abandoning,
        args: ['ABANDON'],
      });
      expect((await client.workflow.getHandle(abandonedId).describe()).status.name).toBe('RUNNING');
      await client.workflow.getHandle(abandonedId).terminate();
    });
  });

  it('tells children and grandchildren the root run of their tree, as the real server does', async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('lineage');
      const handle = await client.workflow.start<typeof workflows.lineage>('lineage', {
        taskQueue,
        workflowId: id,
        args: [2, true],
      });
      const generations = await handle.result();
      // The run that started the first child is the root: the second run, after the continue-as-new.
      const { runId } = (await client.workflow.getHandle(id).describe()).raw.workflowExecutionInfo!.execution!;
      const root = { workflowId: id, runId };
      expect(generations).toEqual([
        { workflowId: id },
        { workflowId: `${id}-c`, parent: root, root },
        { workflowId: `${id}-c-c`, parent: { workflowId: `${id}-c`, runId: expect.any(String) as string }, root },
      ]);
      expect(runId).not.toBe(handle.firstExecutionRunId);
      for (const child of [id, `${id}-c`, `${id}-c-c`]) {
        const info = (await client.workflow.getHandle(child).describe()).raw.workflowExecutionInfo!;
        expect({ ...info.rootExecution }).toEqual(root);
      }
    });
  });

  it('records a child start and a scheduled activity with the defaults filled in, as the real server records them', async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('recorded-defaults');
      await client.workflow.execute<typeof workflows.parent>('parent', { taskQueue, workflowId: id, args: ['kid'] });
      const parentEvents = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
      const initiated = parentEvents.find(
        (e) => e.startChildWorkflowExecutionInitiatedEventAttributes,
      )!.startChildWorkflowExecutionInitiatedEventAttributes!;
      const { ParentClosePolicy, WorkflowIdReusePolicy } = temporal.api.enums.v1;
      expect({
        namespaceId: initiated.namespaceId,
        workflowRunTimeout: Number(initiated.workflowRunTimeout?.seconds ?? -1),
        workflowTaskTimeout: Number(initiated.workflowTaskTimeout?.seconds ?? -1),
        parentClosePolicy: initiated.parentClosePolicy,
        workflowIdReusePolicy: initiated.workflowIdReusePolicy,
      }).toEqual({
        namespaceId: expect.stringMatching(/.+/) as string,
        workflowRunTimeout: 0,
        workflowTaskTimeout: 10,
        parentClosePolicy: ParentClosePolicy.PARENT_CLOSE_POLICY_TERMINATE,
        workflowIdReusePolicy: WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
      });
      const childEvents = (await client.workflow.getHandle(`${id}-child`).fetchHistory()).events ?? [];
      const started = childEvents[0].workflowExecutionStartedEventAttributes!;
      expect({
        identity: started.identity,
        memo: started.memo,
        workflowRunTimeout: Number(started.workflowRunTimeout?.seconds ?? -1),
        firstWorkflowTaskBackoff: Number(started.firstWorkflowTaskBackoff?.seconds ?? -1),
        parentWorkflowNamespaceId: started.parentWorkflowNamespaceId,
      }).toEqual({
        identity: '',
        memo: null,
        workflowRunTimeout: 0,
        firstWorkflowTaskBackoff: 0,
        parentWorkflowNamespaceId: initiated.namespaceId,
      });
      const scheduled = childEvents.find(
        (e) => e.activityTaskScheduledEventAttributes,
      )!.activityTaskScheduledEventAttributes!;
      expect(
        [scheduled.scheduleToCloseTimeout, scheduled.scheduleToStartTimeout, scheduled.heartbeatTimeout].map((d) =>
          d ? Number(d.seconds) : 'not recorded',
        ),
      ).toEqual([0, 0, 0]);
    });
  });

  it("records the worker's build id on its workflow tasks and tells the workflow, as the real server does", async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('build-id');
      const told = await client.workflow.execute<typeof workflows.currentBuildId>('currentBuildId', {
        taskQueue,
        workflowId: id,
      });
      expect(told).toMatch(/^@temporalio\/worker@/);
      const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
      const recorded = events.flatMap((e) => {
        const attributes = e.workflowTaskStartedEventAttributes ?? e.workflowTaskCompletedEventAttributes;
        return attributes ? [attributes.workerVersion?.buildId] : [];
      });
      expect(recorded).toEqual([told, told]);
    });
  });

  it('signals and cancels external workflows', async () => {
    await h.withWorker(async (taskQueue) => {
      const target = await client.workflow.start('waitForCancel', { taskQueue, workflowId: workflowId('target') });
      await expect(
        client.workflow.execute('messenger', {
          taskQueue,
          workflowId: workflowId('messenger'),
          args: [target.workflowId],
        }),
      ).resolves.toBe('done');
      await expect(target.result()).resolves.toBe('cancelled');
      const history = await target.fetchHistory();
      expect(history.events?.some((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'approve')).toBe(
        true,
      );
    });
  });

  it('continues as new and follows the runs to the result', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('continuer', { taskQueue, workflowId: workflowId('can'), args: [3] });
      await expect(handle.result()).resolves.toBe(3);
      const description = await client.workflow.getHandle(handle.workflowId).describe();
      expect(description.runId).not.toBe(handle.firstExecutionRunId);
    });
  });

  it('upserts search attributes and memo, records markers, and lists and counts with queries', async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('attrs');
      await expect(
        client.workflow.execute('attributes', { taskQueue, workflowId: id, memo: { origin: 'test' } }),
      ).resolves.toBe('ok');
      const description = await client.workflow.getHandle(id).describe();
      expect(description.memo).toEqual({ origin: 'test', note: 'hello' });
      expect(description.searchAttributes).toEqual(expect.objectContaining({ CustomKeywordField: ['updated'] }));
      const history = await client.workflow.getHandle(id).fetchHistory();
      expect(history.events?.some((e) => e.markerRecordedEventAttributes)).toBe(true);

      const listed: string[] = [];
      for await (const w of client.workflow.list({ query: `WorkflowId = '${id}' AND ExecutionStatus = 'Completed'` }))
        listed.push(w.workflowId);
      expect(listed).toEqual([id]);
      const counted = await client.workflow.count(
        `TaskQueue = '${taskQueue}' OR (WorkflowId = '${id}' AND WorkflowType != 'x')`,
      );
      expect(counted.count).toBe(1);
      const all: string[] = [];
      for await (const w of client.workflow.list({
        query: `WorkflowType IN ('attributes', 'nothing') ORDER BY StartTime`,
      }))
        all.push(w.workflowId);
      expect(all).toContain(id);
    });
  });

  it('replays histories fetched from the server', async () => {
    const ids: string[] = [];
    await h.withWorker(async (taskQueue) => {
      for (const [type, args] of [
        ['oneActivity', ['x']],
        ['parent', ['r']],
        ['continuer', [1]],
        ['failingActivity', ['succeed']],
        ['attributes', []],
      ] as const) {
        const id = workflowId(`replay-${type}`);
        ids.push(id);
        await client.workflow.execute(type, { taskQueue, workflowId: id, args: [...args] });
      }
      const handle = await client.workflow.start('updatable', { taskQueue, workflowId: workflowId('replay-update') });
      ids.push(handle.workflowId);
      await handle.executeUpdate('decide', { args: ['illegal'] }).catch(() => undefined);
      await handle.executeUpdate('decide', { args: ['done'] });
      await handle.result();
      const signalled = await client.workflow.start('signalDriven', {
        taskQueue,
        workflowId: workflowId('replay-signal'),
        args: [2],
      });
      ids.push(signalled.workflowId);
      await signalled.signal('approve', '1');
      await signalled.signal('approve', '2');
      await signalled.result();
    });
    for (const id of ids) {
      const history = await client.workflow.getHandle(id).fetchHistory();
      await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, id)).resolves.toBeUndefined();
    }
  });

  it('retries an activity whose worker died mid-activity on another worker', async () => {
    const taskQueue = `tq-killed-${Date.now()}`;
    const handle = await client.workflow.start('slowActivity', {
      taskQueue,
      workflowId: workflowId('killed'),
      args: [10],
    });
    // A worker that takes the workflow task, then dies holding the activity task.
    await h.withWorker(
      async () => {
        await waitForHistory(handle.workflowId, (events) => events.some((e) => e.activityTaskScheduledEventAttributes));
      },
      { taskQueue, withActivities: false },
    );
    const dead = await h.connection.workflowService.pollActivityTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      identity: 'dead-worker',
    });
    expect(dead.taskToken?.length).toBeGreaterThan(0);
    h.server.skipTime('3 seconds');
    const result: unknown = await h.withWorker(() => handle.result(), { taskQueue });
    expect(result).toBe('attempt 2');
  });

  it('retries a workflow task whose worker never answered', async () => {
    const taskQueue = `tq-wft-${Date.now()}`;
    const handle = await client.workflow.start('oneActivity', {
      taskQueue,
      workflowId: workflowId('wft-timeout'),
      args: ['late'],
    });
    const taken = await h.connection.workflowService.pollWorkflowTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      identity: 'dead-worker',
    });
    expect(taken.taskToken?.length).toBeGreaterThan(0);
    h.server.skipTime('11 seconds');
    await expect(h.withWorker(() => handle.result(), { taskQueue })).resolves.toBe('late');
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowTaskTimedOutEventAttributes)).toBe(true);
  });

  it('answers bad requests with the status and typed error of a real server', async () => {
    const otherNamespace = new TemporalClient({ connection: h.connection, namespace: 'no-such-namespace' });
    await expect(
      otherNamespace.workflow.start('oneActivity', { taskQueue: 'tq', workflowId: workflowId('ns'), args: ['x'] }),
    ).rejects.toBeInstanceOf(NamespaceNotFoundError);
    await expect(client.workflow.getHandle(workflowId('missing')).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    await expect(client.workflow.getHandle(workflowId('missing')).signal('approve', 'x')).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    const id = workflowId('dup');
    await client.workflow.start('waitForever', { taskQueue: 'tq-unpolled', workflowId: id });
    await expect(
      client.workflow.start('waitForever', { taskQueue: 'tq-unpolled', workflowId: id }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    await client.workflow.getHandle(id).terminate();
    const badQuery = await failureOf(client.workflow.count('WorkflowId = '));
    expect(badQuery).toBeInstanceOf(ServiceError);
    expect(grpcCode(badQuery)).toBe(status.INVALID_ARGUMENT);
    const big = 'x'.repeat(3 * 1024 * 1024);
    const oversized = await failureOf(
      client.workflow.start('echoWorkflow', { taskQueue: 'tq-unpolled', workflowId: workflowId('big'), args: [big] }),
    );
    expect(oversized).toBeInstanceOf(ServiceError);
    expect(grpcCode(oversized)).toBe(status.INVALID_ARGUMENT);
  });

  it('answers unimplemented RPCs with UNIMPLEMENTED', async () => {
    const error = await failureOf(h.connection.workflowService.listSchedules({ namespace: 'default' }));
    expect(grpcCode(error)).toBe(status.UNIMPLEMENTED);
  });

  async function waitForHistory(
    id: string,
    predicate: (
      events: NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>,
    ) => boolean,
  ): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const history = await client.workflow.getHandle(id).fetchHistory();
      if (predicate(history.events ?? [])) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`history of ${id} never matched`);
  }
}

/** The error a promise rejects with, or `undefined` when it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

function grpcCode(error: unknown): number | undefined {
  if (isGrpcServiceError(error)) return error.code;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return isGrpcServiceError(cause) ? cause.code : undefined;
}
