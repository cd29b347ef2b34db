/**
 * Starting workflow runs in the Worker's reusable context (the SDK's `ReusableVMWorkflowCreator`, as the Worker's
 * threads use it): time to start one run and worker heap held per cached run, with the project's shared modules
 * (`SHARED_MODULES`, loaded once per context) against the same bundle with none shared (every module evaluated
 * again for every run: the baseline), in the same process. Starting a run here is what the Worker does before a
 * run's first activation: it evaluates the modules that are not shared and sets up the SDK's activator. Heap per run
 * is the growth of the heap after a full garbage collection, divided by the number of runs held.
 * `BENCH_RUNS` sets the number of runs per bundle (default 1,000).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseWorkflowCode } from '@temporalio/worker/lib/worker';
import type { Workflow } from '@temporalio/worker/lib/workflow/interface';
import { ReusableVMWorkflowCreator } from '@temporalio/worker/lib/workflow/reusable-vm';
import type { WorkflowInfo } from '@temporalio/workflow';
import { SHARED_MODULES, bundleProcedureWorkflows } from '../apps/worker/src/temporal/workflow-bundle';
import { summarise, table, type ResultRow } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function infoOf(i: number): WorkflowInfo {
  const now = new Date();
  const runId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return {
    workflowId: `bench-run-${i}`,
    runId,
    workflowType: 'personnelPlanWorkflow',
    taskQueue: 'bench',
    namespace: 'default',
    firstExecutionRunId: runId,
    attempt: 1,
    historyLength: 3,
    historySize: 0,
    continueAsNewSuggested: false,
    startTime: now,
    runStartTime: now,
    searchAttributes: {},
    memo: {},
    unsafe: { isReplaying: false },
    priority: {},
  } as unknown as WorkflowInfo;
}

async function measure(sharedModules: readonly string[]): Promise<{ startMs: number[]; heapKb: number }> {
  const bundle = await bundleProcedureWorkflows(sharedModules);
  const creator = await ReusableVMWorkflowCreator.create(
    parseWorkflowCode(bundle.code),
    undefined as unknown as number,
    new Set(['recordEvents']),
    undefined,
  );
  const runs: Workflow[] = [];
  const startMs: number[] = [];
  try {
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      runs.push(
        await creator.createWorkflow({
          info: infoOf(i),
          randomnessSeed: [i],
          now: Date.now(),
          showStackTraceSources: false,
        }),
      );
      startMs.push(performance.now() - t);
    }
    gc();
    const heapKb = (process.memoryUsage().heapUsed - before) / RUNS / 1024;
    return { startMs, heapKb };
  } finally {
    for (const run of runs) await run.dispose();
    await creator.destroy();
  }
}

async function main(): Promise<void> {
  const baseline = await measure([]);
  const shared = await measure(SHARED_MODULES);
  const b = summarise(baseline.startMs);
  const s = summarise(shared.startMs);
  const rows: ResultRow[] = [
    { benchmark: 'start a run, every module per run (baseline)', unit: 'ms', median: b.median, p95: b.p95 },
    {
      benchmark: `start a run, shared modules (${SHARED_MODULES.join(', ')})`,
      unit: 'ms',
      median: s.median,
      p95: s.p95,
      ratio: s.median / b.median,
    },
    {
      benchmark: 'heap per cached run, every module per run (baseline)',
      unit: 'KB',
      median: baseline.heapKb,
      p95: NaN,
    },
    {
      benchmark: 'heap per cached run, shared modules',
      unit: 'KB',
      median: shared.heapKb,
      p95: NaN,
      ratio: shared.heapKb / baseline.heapKb,
    },
  ];
  process.stdout.write(
    `${table(`Workflow runs in the Worker's reusable context, ${RUNS} runs per bundle (heap rows have one sample)`, rows)}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
