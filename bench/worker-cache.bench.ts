/**
 * The worker's workflow cache on the whole stack (real PostgreSQL, embedded Temporal, worker and API each in a
 * process of its own, as in the API benchmark):
 * - resident memory the worker process gains per open procedure it keeps cached;
 * - 20 approvers deciding, each as soon as its last decision is answered, on open procedures in random order, with
 *   each cache size of `BENCH_CACHES` in turn on a fresh stack (default `all,default`): `all` holds every open
 *   procedure (the baseline), `default` is the worker's own default (`defaultMaxCachedWorkflows`), a number is that
 *   many runs. With a cache smaller than the open procedures, most decisions find their run evicted and replay its
 *   history first; with a larger one, every workflow task costs the SDK's core a walk over all the runs it caches.
 *   CPU milliseconds per decision of the worker and the Temporal server are reported too: they are the steadier
 *   comparison, as decisions/s over one run of 800 moves with the speed of the host from one run to the next.
 * `BENCH_OPEN` sets the number of open procedures (default 8,000) and `BENCH_DECISIONS` the decisions (default 800).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultMaxCachedWorkflows } from '../apps/worker/src/temporal/workflow-cache';
import { startTestPostgres } from '../test/setup/postgres';
import type { HttpClient } from '../test/support/full-stack';
import { startProcessStack } from '../test/support/process-stack';
import { provincialPlanRequest } from '../workflows/test/support/demo-launch.fixture';
import { pool } from './lib/pool';
import { processCpuMs, summarise, table, threadCpuMs, type ResultRow } from './lib/stats';

const OPEN = Number(process.env.BENCH_OPEN ?? 8_000);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 800);
const CACHES = (process.env.BENCH_CACHES ?? 'all,default').split(',');
const APPROVERS = 20;

/** Resident memory of a process in bytes (Linux). */
function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`no resident memory reported for process ${pid}`);
  return Number(kb) * 1024;
}

/**
 * The SDK's core runs the runs' state machines and its run cache on a thread of its own, `workflow-processing`
 * (its /proc name is cut to 15 characters).
 */
const CORE_WORKFLOW_THREAD = 'workflow-proces';

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface CacheRun {
  bytesPerRun: number;
  latency: number[];
  decisionsPerSecond: number;
  workerCpuMs: number;
  coreWorkflowThreadCpuMs: number;
  temporalCpuMs: number;
}

/** Opens {@link OPEN} procedures on a fresh stack whose worker caches `maxCached` runs (its default when undefined). */
async function measure(maxCached: number | undefined): Promise<CacheRun> {
  if (maxCached === undefined) delete process.env.TEMPORAL_MAX_CACHED_WORKFLOWS;
  else process.env.TEMPORAL_MAX_CACHED_WORKFLOWS = String(maxCached);
  const stack = await startProcessStack();
  try {
    const committee = await stack.as('tochuc');
    const approvers: HttpClient[] = await Promise.all([stack.as('phobithu'), stack.as('phobithu2')]);
    const launch = async (): Promise<string> => {
      const r = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), {
        'idempotency-key': randomUUID(),
      });
      if (r.status !== 201) throw new Error(`launch answered ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body.procedureId;
    };
    // A few launches first, so that the memory counted from here on is the runs', not the first task's warm-up.
    await pool(Array.from({ length: APPROVERS }), APPROVERS, async () => void (await launch()));
    await settle(1000);
    const before = residentBytes(stack.pids.worker);
    const procedures: string[] = [];
    await pool(Array.from({ length: OPEN }), APPROVERS, async () => void procedures.push(await launch()));
    await settle(2000);
    // Evicted runs' memory is not all given back, so this is per run held only when the cache holds them all.
    const held = Math.min(OPEN, maxCached ?? defaultMaxCachedWorkflows());
    const bytesPerRun = (residentBytes(stack.pids.worker) - before) / held;

    const wanted = new Set(procedures.slice(0, DECISIONS));
    const tasks = new Map<string, string>();
    while (tasks.size < wanted.size) {
      for (let page = 1; ; page++) {
        const r = await approvers[0].get<{ items: { taskId: string; procedureId: string; stepId: string }[] }>(
          `/tasks?type=personnel-plan&pageSize=200&page=${page}`,
        );
        for (const t of r.body.items)
          if (t.stepId === 'adoption-1' && wanted.has(t.procedureId)) tasks.set(t.procedureId, t.taskId);
        if (r.body.items.length < 200) break;
      }
      if (tasks.size < wanted.size) await settle(200);
    }
    // Random order: with the smaller cache, most decisions find their run evicted by the ones launched after it.
    const order = [...tasks.values()].sort(() => Math.random() - 0.5);
    let n = 0;
    const latency: number[] = [];
    const worker0 = processCpuMs(stack.pids.worker) ?? NaN;
    const temporal0 = processCpuMs(stack.pids.temporal) ?? NaN;
    const core0 = threadCpuMs(stack.pids.worker, CORE_WORKFLOW_THREAD);
    const seconds = await pool(order, APPROVERS, async (taskId) => {
      const approver = approvers[n++ % approvers.length];
      const t = performance.now();
      const r = await approver.post(
        `/tasks/${taskId}/decision`,
        { kind: 'approve' },
        { 'idempotency-key': randomUUID() },
      );
      latency.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`decision answered ${r.status}: ${JSON.stringify(r.body)}`);
    });
    return {
      bytesPerRun,
      latency,
      decisionsPerSecond: order.length / seconds,
      workerCpuMs: ((processCpuMs(stack.pids.worker) ?? NaN) - worker0) / order.length,
      coreWorkflowThreadCpuMs: (threadCpuMs(stack.pids.worker, CORE_WORKFLOW_THREAD) - core0) / order.length,
      temporalCpuMs: ((processCpuMs(stack.pids.temporal) ?? NaN) - temporal0) / order.length,
    };
  } finally {
    await stack.stop();
  }
}

/** A cache size to measure: `all` holds every open procedure, `default` is the worker's own default, else a number. */
function cacheOf(spec: string): { label: string; maxCached: number | undefined } {
  if (spec === 'all') return { label: 'all cached', maxCached: OPEN + 2 * APPROVERS };
  if (spec === 'default') return { label: `${defaultMaxCachedWorkflows()} cached (default)`, maxCached: undefined };
  const n = Number(spec);
  if (!Number.isInteger(n) || n < 2)
    throw new Error(`BENCH_CACHES: "${spec}" is not all, default or a whole number >= 2`);
  return { label: `${n} cached`, maxCached: n };
}

async function main(): Promise<void> {
  const caches = CACHES.map(cacheOf);
  const server = await startTestPostgres({ durable: true });
  process.env.CADREFLOW_TEST_ADMIN_URL = server.adminUrl;
  try {
    const runs: CacheRun[] = [];
    for (const cache of caches) runs.push(await measure(cache.maxCached));
    const [base] = runs;
    const open = `${OPEN} open`;
    const labels = caches.map((cache, i) => `${cache.label}${i === 0 ? ' (baseline)' : ''}`);
    const defaultRuns = defaultMaxCachedWorkflows();
    const perCache = (unit: string, name: (label: string) => string, value: (run: CacheRun) => number): ResultRow[] =>
      runs.map((run, i) => ({
        benchmark: name(labels[i]),
        unit,
        median: value(run),
        p95: NaN,
        ...(i === 0 ? {} : { ratio: value(run) / value(base) }),
      }));
    const rows: ResultRow[] = [
      {
        benchmark: 'worker memory per cached procedure (resident)',
        unit: 'KB',
        median: base.bytesPerRun / 1024,
        p95: NaN,
      },
      { benchmark: 'default cache on this machine', unit: 'runs', median: defaultRuns, p95: NaN },
      {
        benchmark: 'worker memory of a full default cache (resident)',
        unit: 'MB',
        median: (defaultRuns * base.bytesPerRun) / 1024 ** 2,
        p95: NaN,
      },
      ...runs.map((run, i): ResultRow => {
        const l = summarise(run.latency);
        return {
          benchmark: `POST decision, ${open}, ${labels[i]}`,
          unit: 'ms',
          median: l.median,
          p95: l.p95,
          ...(i === 0 ? {} : { ratio: l.median / summarise(base.latency).median }),
        };
      }),
      ...perCache(
        'decisions/s',
        (label) => `POST decision, ${open}, ${label}`,
        (run) => run.decisionsPerSecond,
      ),
      ...perCache(
        'ms',
        (label) => `CPU per decision: worker, ${label}`,
        (run) => run.workerCpuMs,
      ),
      ...perCache(
        'ms',
        (label) => `CPU per decision: worker's SDK core workflow thread, ${label}`,
        (run) => run.coreWorkflowThreadCpuMs,
      ),
      ...perCache(
        'ms',
        (label) => `CPU per decision: Temporal server, ${label}`,
        (run) => run.temporalCpuMs,
      ),
    ];
    process.stdout.write(
      `${table(`Worker workflow cache, ${APPROVERS} approvers deciding (memory, throughput and CPU rows have one sample: the whole run)`, rows)}\n`,
    );
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
