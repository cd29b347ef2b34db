import { status } from '@grpc/grpc-js';
import {
  type Client,
  isGrpcServiceError,
  QueryNotRegisteredError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
} from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import Long from 'long';
import type { WorkflowBundle } from '@temporalio/worker';
import { asyncTaskTokens } from './async-completion';
import { bundleTestWorkflows, createHarness, type Harness, workflowId } from './harness';
import type * as workflows from './workflows';

/**
 * The remaining RPCs, commands, timeouts and policies: workflow retries, activity timeouts of every kind,
 * run/execution timeouts, asynchronous activity completion by token and by id, namespaces, workflow task
 * failures, id reuse/conflict policies and request-id idempotency.
 */
export function moreConformanceSuite(maxCachedWorkflows: number | undefined): void {
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

  it('retries a failed workflow by its retry policy, following the runs', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start<typeof workflows.retriedWorkflow>('retriedWorkflow', {
        taskQueue,
        workflowId: workflowId('wf-retry'),
        retry: { initialInterval: '10 ms', maximumAttempts: 5 },
      });
      await expect(handle.result()).resolves.toBe(3);
    });
  });

  it.each([
    ['scheduleToStart', 'SCHEDULE_TO_START'],
    ['scheduleToClose', 'SCHEDULE_TO_CLOSE'],
    ['heartbeat', 'HEARTBEAT'],
  ])('times out activities: %s', async (kind, expected) => {
    await h.withWorker(async (taskQueue) => {
      await expect(
        client.workflow.execute<typeof workflows.activityTimeout>('activityTimeout', {
          taskQueue,
          workflowId: workflowId(`timeout-${kind}`),
          args: [kind as 'scheduleToStart'],
        }),
      ).resolves.toBe(expected);
    });
  });

  it('times out workflow runs and executions', async () => {
    const run = await client.workflow.start('waitForever', {
      taskQueue: 'tq-unpolled',
      workflowId: workflowId('run-timeout'),
      workflowRunTimeout: '1 minute',
    });
    const execution = await client.workflow.start('waitForever', {
      taskQueue: 'tq-unpolled',
      workflowId: workflowId('execution-timeout'),
      workflowExecutionTimeout: '2 minutes',
    });
    h.server.skipTime('3 minutes');
    await expect(run.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    await expect(execution.result()).rejects.toBeInstanceOf(WorkflowFailedError);
    expect((await run.describe()).status.name).toBe('TIMED_OUT');
    expect((await execution.describe()).status.name).toBe('TIMED_OUT');
  });

  it('completes activities asynchronously by token and by id, with heartbeats', async () => {
    await h.withWorker(async (taskQueue) => {
      const byToken = await client.workflow.start('asyncActivity', {
        taskQueue,
        workflowId: workflowId('async-token'),
      });
      const byId = await client.workflow.start('asyncActivity', { taskQueue, workflowId: workflowId('async-id') });
      const failing = await client.workflow.start('asyncActivity', { taskQueue, workflowId: workflowId('async-fail') });
      await waitFor(() => [byToken, byId, failing].every((w) => asyncTaskTokens.has(w.workflowId)));
      const token = asyncTaskTokens.get(byToken.workflowId) as Uint8Array;
      await client.activity.heartbeat(token, 'working');
      await client.activity.complete(token, 'done by token');
      await client.activity.heartbeat({ workflowId: byId.workflowId, activityId: '1' }, 'working');
      await client.activity.complete({ workflowId: byId.workflowId, activityId: '1' }, 'done by id');
      await client.activity.fail({ workflowId: failing.workflowId, activityId: '1' }, new Error('refused by id'));
      await expect(byToken.result()).resolves.toBe('done by token');
      await expect(byId.result()).resolves.toBe('done by id');
      await expect(failing.result()).resolves.toBe('failed: refused by id');
    });
  });

  it('serves evicted runs: sticky tasks and queries without full history make the worker fetch it', async () => {
    await h.withWorker(
      async (taskQueue) => {
        const handles = await Promise.all(
          Array.from({ length: 8 }, () =>
            client.workflow.start('signalDriven', { taskQueue, workflowId: workflowId('evict'), args: [2] }),
          ),
        );
        for (const handle of handles) await handle.signal('approve', 'a');
        // Queries go to the sticky queue without history; a worker that evicted the run fetches it.
        for (const handle of handles) await expect(handle.query('state')).resolves.toEqual(expect.any(Array));
        for (const handle of handles) await handle.signal('approve', 'b');
        const results = await Promise.all(handles.map((handle) => handle.result()));
        expect(results).toEqual(handles.map(() => ['a', 'b']));
      },
      { maxCachedWorkflows: maxCachedWorkflows === 0 ? 0 : 2 },
    );
  });

  it('runs local activities, recorded as markers', async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('local');
      await expect(
        client.workflow.execute<typeof workflows.localActivities>('localActivities', {
          taskQueue,
          workflowId: id,
          args: ['near'],
        }),
      ).resolves.toEqual(['near', 'succeeded on attempt 2']);
      const history = await client.workflow.getHandle(id).fetchHistory();
      expect(history.events?.filter((e) => e.markerRecordedEventAttributes).length).toBe(2);
    });
  });

  it('registers, describes and lists namespaces', async () => {
    const name = `ns-${randomUUID()}`;
    await h.connection.workflowService.registerNamespace({
      namespace: name,
      workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(86_400) },
    });
    const described = await h.connection.workflowService.describeNamespace({ namespace: name });
    expect(described.namespaceInfo?.name).toBe(name);
    const listed = await h.connection.workflowService.listNamespaces({});
    expect(listed.namespaces.map((n) => n.namespaceInfo?.name)).toEqual(expect.arrayContaining(['default', name]));
    const again = await failureOf(h.connection.workflowService.registerNamespace({ namespace: name }));
    expect(isGrpcServiceError(again) && again.code).toBe(status.ALREADY_EXISTS);
  });

  it('records workflow task failures and retries the task', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('brokenWorkflow', { taskQueue, workflowId: workflowId('broken') });
      await waitFor(async () => {
        const history = await handle.fetchHistory();
        return history.events?.some((e) => e.workflowTaskFailedEventAttributes) ?? false;
      });
      h.server.skipTime('15 seconds');
      await waitFor(async () => ((await handle.describe()).raw.pendingWorkflowTask?.attempt ?? 0) >= 3);
      await handle.terminate('bug');
    });
  });

  it('rejects queries of unknown types and updates of closed workflows', async () => {
    await h.withWorker(async (taskQueue) => {
      const handle = await client.workflow.start('signalDriven', { taskQueue, workflowId: workflowId('q'), args: [1] });
      await expect(handle.query('no-such-query')).rejects.toBeInstanceOf(QueryNotRegisteredError);
      await handle.signal('approve', 'x');
      await handle.result();
      await expect(handle.executeUpdate('decide', { args: ['late'] })).rejects.toThrow();
    });
  });

  it('applies id reuse and conflict policies and request-id idempotency', async () => {
    await h.withWorker(async (taskQueue) => {
      const id = workflowId('reuse');
      const first = await client.workflow.start('oneActivity', { taskQueue, workflowId: id, args: ['1'] });
      await first.result();
      await expect(
        client.workflow.start('oneActivity', {
          taskQueue,
          workflowId: id,
          args: ['2'],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      const second = await client.workflow.start('oneActivity', { taskQueue, workflowId: id, args: ['2'] });
      expect(second.firstExecutionRunId).not.toBe(first.firstExecutionRunId);

      const waiting = workflowId('conflict');
      const running = await client.workflow.start('waitForever', { taskQueue, workflowId: waiting });
      const existing = await client.workflow.start('waitForever', {
        taskQueue,
        workflowId: waiting,
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      expect(existing.firstExecutionRunId).toBe(running.firstExecutionRunId);
      const replaced = await client.workflow.start('waitForever', {
        taskQueue,
        workflowId: waiting,
        workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      });
      expect(replaced.firstExecutionRunId).not.toBe(running.firstExecutionRunId);
      expect((await client.workflow.getHandle(waiting, running.firstExecutionRunId).describe()).status.name).toBe(
        'TERMINATED',
      );
      await replaced.terminate();

      const requestId = randomUUID();
      const request = {
        namespace: 'default',
        workflowId: workflowId('idempotent'),
        workflowType: { name: 'waitForever' },
        taskQueue: { name: taskQueue },
        requestId,
      };
      const once = await h.connection.workflowService.startWorkflowExecution(request);
      const twice = await h.connection.workflowService.startWorkflowExecution(request);
      expect(twice.runId).toBe(once.runId);
      await h.connection.workflowService.resetStickyTaskQueue({
        namespace: 'default',
        execution: { workflowId: request.workflowId },
      });
      await client.workflow.getHandle(request.workflowId).terminate();
    });
  });
}

async function waitFor(predicate: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition never became true');
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}
