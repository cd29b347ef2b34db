/**
 * The worker's workflow cache on the whole stack (real PostgreSQL, embedded Temporal, worker and API each in a
 * process of its own, as in the API benchmark):
 * - resident memory the worker process gains per open procedure it keeps cached, which sizes the default cache
 *   (`defaultMaxCachedWorkflows`);
 * - 20 approvers deciding, each as soon as its last decision is answered, on open procedures in random order: with the
 *   default cache, which holds them all (the baseline), against a cache of a quarter of them, where most decisions
 *   find their run evicted and replay its history first. CPU milliseconds per decision of the worker and the
 *   Temporal server are reported too: they are the steadier comparison, as decisions/s over one run of 800 moves
 *   with the speed of the host from one run to the next (two runs: 131 against 96/s, and 92 against 99/s).
 * `BENCH_OPEN` sets the number of open procedures (default 2,000) and `BENCH_DECISIONS` the decisions (default 800).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultMaxCachedWorkflows } from '../apps/worker/src/temporal/workflow-cache';
import { startTestPostgres } from '../test/setup/postgres';
import type { HttpClient } from '../test/support/full-stack';
import { startProcessStack } from '../test/support/process-stack';
import { provincialPlanRequest } from '../workflows/test/support/demo-launch.fixture';
import { pool } from './lib/pool';
import { processCpuMs, summarise, table, type ResultRow } from './lib/stats';

const OPEN = Number(process.env.BENCH_OPEN ?? 2_000);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 800);
const APPROVERS = 20;

/** Resident memory of a process in bytes (Linux). */
function residentBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`no resident memory reported for process ${pid}`);
  return Number(kb) * 1024;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface CacheRun {
  bytesPerRun: number;
  latency: number[];
  decisionsPerSecond: number;
  workerCpuMs: number;
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
    const bytesPerRun = (residentBytes(stack.pids.worker) - before) / OPEN;

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
      temporalCpuMs: ((processCpuMs(stack.pids.temporal) ?? NaN) - temporal0) / order.length,
    };
  } finally {
    await stack.stop();
  }
}

async function main(): Promise<void> {
  const server = await startTestPostgres({ durable: true });
  process.env.CADREFLOW_TEST_ADMIN_URL = server.adminUrl;
  const small = Math.floor(OPEN / 4);
  try {
    const full = await measure(undefined);
    const evicting = await measure(small);
    const f = summarise(full.latency);
    const e = summarise(evicting.latency);
    const defaultRuns = defaultMaxCachedWorkflows();
    const label = `${OPEN} open`;
    const rows: ResultRow[] = [
      {
        benchmark: 'worker memory per cached procedure (resident)',
        unit: 'KB',
        median: full.bytesPerRun / 1024,
        p95: NaN,
      },
      { benchmark: 'default cache on this machine', unit: 'runs', median: defaultRuns, p95: NaN },
      {
        benchmark: 'worker memory of a full default cache (resident)',
        unit: 'MB',
        median: (defaultRuns * full.bytesPerRun) / 1024 ** 2,
        p95: NaN,
      },
      { benchmark: `POST decision, ${label}, all cached (baseline)`, unit: 'ms', median: f.median, p95: f.p95 },
      {
        benchmark: `POST decision, ${label}, ${small} cached`,
        unit: 'ms',
        median: e.median,
        p95: e.p95,
        ratio: e.median / f.median,
      },
      {
        benchmark: `POST decision, ${label}, all cached (baseline)`,
        unit: 'decisions/s',
        median: full.decisionsPerSecond,
        p95: NaN,
      },
      {
        benchmark: `POST decision, ${label}, ${small} cached`,
        unit: 'decisions/s',
        median: evicting.decisionsPerSecond,
        p95: NaN,
        ratio: evicting.decisionsPerSecond / full.decisionsPerSecond,
      },
      { benchmark: 'CPU per decision: worker, all cached (baseline)', unit: 'ms', median: full.workerCpuMs, p95: NaN },
      {
        benchmark: `CPU per decision: worker, ${small} cached`,
        unit: 'ms',
        median: evicting.workerCpuMs,
        p95: NaN,
        ratio: evicting.workerCpuMs / full.workerCpuMs,
      },
      {
        benchmark: 'CPU per decision: Temporal server, all cached (baseline)',
        unit: 'ms',
        median: full.temporalCpuMs,
        p95: NaN,
      },
      {
        benchmark: `CPU per decision: Temporal server, ${small} cached`,
        unit: 'ms',
        median: evicting.temporalCpuMs,
        p95: NaN,
        ratio: evicting.temporalCpuMs / full.temporalCpuMs,
      },
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
