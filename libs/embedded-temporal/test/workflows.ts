/**
 * Workflows the conformance tests run on the embedded server through the real SDK.
 * Kept in one file so each test file bundles them once.
 */
import {
  type ActivityOptions,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  executeChild,
  getExternalWorkflowHandle,
  isCancellation,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type * as activities from './activities';

const { echo, fail, heartbeating } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '50 ms', maximumAttempts: 3, nonRetryableErrorTypes: ['Fatal'] },
});

export const approve = defineSignal<[string]>('approve');
export const stateQuery = defineQuery<string[]>('state');
export const decide = defineUpdate<string, [string]>('decide');

/** One activity, the benchmark's unit of work. */
export async function oneActivity(name: string): Promise<string> {
  return await echo(name);
}

/** Three activities in a row. */
export async function threeActivities(name: string): Promise<string[]> {
  return [await echo(`${name}-1`), await echo(`${name}-2`), await echo(`${name}-3`)];
}

/** Waits for `steps` approve signals, each followed by an activity; queryable. */
export async function signalDriven(steps: number): Promise<string[]> {
  const log: string[] = [];
  const pending: string[] = [];
  setHandler(approve, (who) => void pending.push(who));
  setHandler(stateQuery, () => log);
  while (log.length < steps) {
    await condition(() => pending.length > 0);
    const who = pending.shift() as string;
    log.push(await echo(who));
  }
  return log;
}

/** Decisions arrive as updates with a validator; `done` finishes. */
export async function updatable(): Promise<string[]> {
  const decisions: string[] = [];
  setHandler(stateQuery, () => decisions);
  setHandler(
    decide,
    async (decision) => {
      decisions.push(await echo(decision));
      return `recorded ${decision}`;
    },
    {
      validator: (decision) => {
        if (decision === 'illegal') throw new Error('illegal move');
      },
    },
  );
  await condition(() => decisions.includes('done'));
  return decisions;
}

/** Sleeps `ms`, then returns. */
export async function sleeper(ms: number): Promise<string> {
  await sleep(ms);
  return 'woke';
}

/** A timer cancelled by a signal before it fires. */
export async function cancellableTimer(): Promise<string> {
  const scope = new CancellationScope();
  setHandler(approve, () => scope.cancel());
  try {
    await scope.run(() => sleep('1 day'));
    return 'fired';
  } catch (err) {
    if (isCancellation(err)) return 'signalled';
    throw err;
  }
}

/** Fails with a retryable then a non-retryable activity error. */
export async function failingActivity(type: string): Promise<string> {
  return await fail(type);
}

/** Runs an activity that is slow (the test kills its worker). */
export async function slowActivity(ms: number): Promise<string> {
  const { slow: patient } = proxyActivities<typeof activities>({
    startToCloseTimeout: '2 seconds',
    retry: { initialInterval: '10 ms', maximumAttempts: 5 },
  });
  return await patient(ms);
}

/** A heartbeating activity cancelled from the workflow. */
export async function cancelActivity(): Promise<string> {
  const { heartbeating: beat } = proxyActivities<typeof activities>({
    startToCloseTimeout: '1 minute',
    heartbeatTimeout: '2 seconds',
    cancellationType: 'WAIT_CANCELLATION_COMPLETED',
  });
  try {
    await CancellationScope.cancellable(async () => {
      const p = beat();
      await sleep(300);
      CancellationScope.current().cancel();
      await p;
    });
    return 'not cancelled';
  } catch (err) {
    return isCancellation(err) ? 'cancelled' : `other: ${String(err)}`;
  }
}

/** Waits forever until cancelled; reports the cancellation by completing. */
export async function waitForCancel(): Promise<string> {
  try {
    await CancellationScope.current().cancelRequested;
    return 'unreachable';
  } catch (err) {
    if (isCancellation(err)) return 'cancelled';
    throw err;
  }
}

/** Waits for a signal forever (terminate target). */
export async function waitForever(): Promise<void> {
  await condition(() => false);
}

/** Starts a child and returns its result. */
export async function parent(name: string): Promise<string> {
  const result = await executeChild(oneActivity, { args: [name], workflowId: `${workflowInfo().workflowId}-child` });
  return `parent got ${result}`;
}

/** The build id the SDK tells the workflow it runs on (`workflowInfo().currentBuildId`). */
export async function currentBuildId(): Promise<string> {
  return Promise.resolve(workflowInfo().currentBuildId ?? '');
}

/** Who a run of {@link lineage} is, and what `workflowInfo()` tells it of its parent and root. */
export interface Lineage {
  workflowId: string;
  parent?: { workflowId: string; runId: string };
  root?: { workflowId: string; runId: string };
}

/**
 * Runs `depth` generations of children (each continued as new once, when `continued` is asked, before it answers)
 * and returns what each generation saw, the oldest first.
 */
export async function lineage(depth: number, continued = false): Promise<Lineage[]> {
  const info = workflowInfo();
  if (continued && !info.continuedFromExecutionRunId) return await continueAsNew<typeof lineage>(depth, continued);
  const me: Lineage = {
    workflowId: info.workflowId,
    parent: info.parent && { workflowId: info.parent.workflowId, runId: info.parent.runId },
    root: info.root && { workflowId: info.root.workflowId, runId: info.root.runId },
  };
  if (depth === 0) return [me];
  return [me, ...(await executeChild(lineage, { args: [depth - 1, continued], workflowId: `${info.workflowId}-c` }))];
}

/** Starts a child that waits forever, then completes: the child is terminated by the close policy. */
export async function parentAbandoning(policy: 'TERMINATE' | 'ABANDON'): Promise<string> {
  const child = await startChild(waitForever, {
    workflowId: `${workflowInfo().workflowId}-child`,
    parentClosePolicy: policy === 'TERMINATE' ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
  });
  return child.workflowId;
}

/** Signals and cancels other workflows. */
export async function messenger(targetId: string): Promise<string> {
  const target = getExternalWorkflowHandle(targetId);
  await target.signal(approve, 'from messenger');
  await target.cancel();
  try {
    await getExternalWorkflowHandle(`${targetId}-missing`).signal(approve, 'nobody');
    return 'signalled a missing workflow';
  } catch {
    return 'done';
  }
}

/** Continues as new `times` times, then returns the count. */
export async function continuer(times: number, count = 0): Promise<number> {
  if (count < times) await continueAsNew<typeof continuer>(times, count + 1);
  return count;
}

/** Upserts search attributes and memo, and records a patch marker. */
export async function attributes(): Promise<string> {
  if (patched('v2')) upsertSearchAttributes({ CustomKeywordField: ['updated'] });
  upsertMemo({ note: 'hello' });
  await sleep(10);
  return 'ok';
}

/** Fails the workflow with an application failure. */
export function failer(): Promise<never> {
  throw ApplicationFailure.create({ type: 'Refused', message: 'refused', nonRetryable: true });
}

/** Returns an input of any size (for payload limits). */
export function echoWorkflow(input: string): Promise<string> {
  return Promise.resolve(input);
}

/** Never finishes its workflow task: used for workflow task timeouts. */
export async function heartbeatingActivity(): Promise<string> {
  return await heartbeating();
}

/** Fails until its third attempt (a workflow retry policy retries it). */
export async function retriedWorkflow(): Promise<number> {
  const { attempt } = workflowInfo();
  await sleep(1);
  if (attempt < 3) throw ApplicationFailure.create({ message: `attempt ${attempt} fails` });
  return attempt;
}

/** Runs an activity configured to time out one way, and reports the timeout type. */
export async function activityTimeout(kind: 'scheduleToStart' | 'scheduleToClose' | 'heartbeat'): Promise<string> {
  const options: Record<typeof kind, ActivityOptions> = {
    scheduleToStart: {
      taskQueue: 'nobody-polls-this',
      scheduleToStartTimeout: '1 second',
      startToCloseTimeout: '1 second',
    },
    scheduleToClose: { scheduleToCloseTimeout: '1 second' },
    heartbeat: { startToCloseTimeout: '1 minute', heartbeatTimeout: '1 second', retry: { maximumAttempts: 1 } },
  };
  const acts = proxyActivities<typeof activities>(options[kind]);
  try {
    if (kind === 'heartbeat') await acts.stopsHeartbeating();
    else if (kind === 'scheduleToClose') await acts.slow(30_000);
    else await acts.echo('never');
    return 'no timeout';
  } catch (err) {
    const cause = (err as { cause?: { timeoutType?: unknown } }).cause;
    return String(cause?.timeoutType ?? err);
  }
}

/** Waits for an activity the test completes through the client. */
export async function asyncActivity(): Promise<string> {
  const { completeLater } = proxyActivities<typeof activities>({
    startToCloseTimeout: '1 minute',
    retry: { maximumAttempts: 1 },
  });
  try {
    return await completeLater();
  } catch (err) {
    return `failed: ${(err as { cause?: { message?: string } }).cause?.message ?? String(err)}`;
  }
}

/** Throws a plain error: the SDK fails the workflow task (not the workflow) and it is retried. */
export async function brokenWorkflow(): Promise<void> {
  await sleep(1);
  throw new TypeError('a bug in workflow code');
}

/** Runs local activities (recorded as markers), including a retried one. */
export async function localActivities(name: string): Promise<string[]> {
  const local = proxyLocalActivities<typeof activities>({
    startToCloseTimeout: '10 seconds',
    retry: { initialInterval: '10 ms', maximumAttempts: 3 },
  });
  return [await local.echo(name), await local.fail('succeed')];
}
