/**
 * API benchmarks on the whole stack (real PostgreSQL, embedded Temporal, worker, HTTP):
 * - with 100k open tasks and 1M events loaded, the queue endpoint's latency (target p95 < 50 ms), against
 *   GET /health in the same run (the floor of an authenticated-less HTTP round trip);
 * - 20 concurrent approvers deciding: decisions/s when each sends its next decision as soon as the last is answered
 *   (saturation; target >= 100), and latency when together they are offered that target rate of 100 decisions/s,
 *   each on a fixed schedule (target p95 < 150 ms); the latency at saturation is printed too. Against the same
 *   decisions sent straight to Temporal (no HTTP, auth, checks or idempotency) at saturation in the same run.
 * The system runs as deployed in production: the Temporal server (the embedded one, memory store), the worker and
 * the API each in a process of its own (`npm run temporal:dev`, `start:worker`, `start:api`), so that the two cores
 * are both used; this process only sends the requests. CPU milliseconds per decision are reported per process.
 * The run opens about 2,100 procedures, fewer than the worker's workflow cache holds by default (3,000 runs from a
 * heap of 750 MB): past that, runs are evicted and replayed, another regime, which `npm run bench -- worker-cache`
 * measures.
 * Sizes can be lowered with BENCH_EVENTS and BENCH_TASKS for a quick look.
 * When the `temporal` CLI is on the PATH (or named by `TEMPORAL_CLI`), the decision rows are measured once more with
 * the real Temporal server (`temporal server start-dev`, SQLite in memory) in place of the embedded one, on a stack
 * of its own with fewer decisions ({@link REAL_DECISIONS}), each row beside its embedded twin with the ratio to it.
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { demoIds } from '@cadreflow/domain';
import { EventStore, createDataSource, type NewEvent } from '@cadreflow/event-store';
import { decideUpdate } from '@cadreflow/workflows/messages';
import { Client, Connection } from '@temporalio/client';
import { startTestPostgres } from '../test/setup/postgres';
import type { HttpClient } from '../test/support/full-stack';
import { startProcessStack, type ProcessStack } from '../test/support/process-stack';
import { temporalCliAvailable } from '../test/support/temporal-cli';
import { provincialPlanRequest } from '../workflows/test/support/demo-launch.fixture';
import { pool } from './lib/pool';
import { postgresCpuMs, processCpuMs, summarise, table, type ResultRow } from './lib/stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const APPROVERS = 20;
/**
 * Decisions at saturation through HTTP: about 5 s of work. In a 2-s run (400 decisions) the p95 depended on whether
 * one of the servers' periodic pauses fell inside (a major garbage collection of the Temporal server, every few
 * seconds, holds all 20 decisions in flight), and the slower first seconds weighed more: 168–190 decisions/s and
 * a p95 of 140–216 ms in runs where 1,000 decisions gave 189–212/s and 123–142 ms.
 */
const DECISIONS = 1_000;
/** Decisions sent straight to Temporal (the baseline). */
const DIRECT_DECISIONS = 400;
/**
 * Decisions taken just before each measured run, by the same approvers without a break, and not counted: the measured
 * decisions then start while the approvers are already deciding, not as one wave of 20 at once into a cold pipeline.
 */
const WARMUP_DECISIONS = 50;
/** The paced run: the approvers together are offered the target rate, each deciding on a fixed schedule. */
const PACED_RATE = 100;
const PACED_DECISIONS = 600;

/** Decisions at saturation through HTTP, and straight to Temporal, on the real Temporal server. */
const REAL_DECISIONS = 400;

async function timed(samples: number[], work: () => Promise<unknown>): Promise<void> {
  const t = performance.now();
  await work();
  samples.push(performance.now() - t);
}

/**
 * Runs `lead` and then `measured` through one {@link pool} of `width`, timing only the measured items; `onStart` runs
 * as the first measured item is sent. Resolves with the seconds from then until the last measured item is done.
 */
async function afterLeadIn<T>(
  lead: readonly T[],
  measured: readonly T[],
  width: number,
  work: (item: T) => Promise<unknown>,
  latency: number[],
  onStart: () => void = () => undefined,
): Promise<number> {
  let start: number | undefined;
  const items = [
    ...lead.map((item) => ({ item, counted: false })),
    ...measured.map((item) => ({ item, counted: true })),
  ];
  await pool(items, width, async ({ item, counted }) => {
    if (!counted) {
      await work(item);
      return;
    }
    if (start === undefined) {
      onStart();
      start = performance.now();
    }
    await timed(latency, () => work(item));
  });
  return (performance.now() - start!) / 1000;
}

async function loadEvents(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  const store = new EventStore(dataSource);
  const payload = (i: number): NewEvent => ({
    type: 'TallyRecorded',
    data: { stepId: `step-${i % 5}`, votes: i % 97, base: 96, note: 'x'.repeat(200) },
    metadata: {
      actorId: 'person/bn-10',
      actorRole: 'counting-board',
      bodyId: 'body/bn-congress',
      rulebookId: 'rulebook/2025-2030',
    },
  });
  const pending: Promise<unknown>[] = [];
  for (let n = 0; n < EVENTS; n += 500) {
    pending.push(
      store.append(
        `history-${n % 20_000}`,
        'any',
        Array.from({ length: Math.min(500, EVENTS - n) }, (_, k) => payload(n + k)),
      ),
    );
    if (pending.length >= 8) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await dataSource.destroy();
}

async function loadTasks(url: string): Promise<void> {
  const pg = new PgClient({ connectionString: url });
  await pg.connect();
  // Open tasks across 700 bodies and 4 roles; the benchmark user's three bodies hold their share of them.
  await pg.query(
    `INSERT INTO tasks (task_id, procedure_id, root_id, procedure_kind, step_id, title, body_id, role, decision, due_date,
                        subject_ids, status, escalated, opened_at, opened_position)
     SELECT 'bench-' || g, 'bench-proc-' || (g / 3), 'bench-proc-' || (g / 3), 'introduction', 'step-' || (g % 3),
            'Review of the candidate list', b.body, b.role, 'approval', date '2025-01-01' + (g % 400),
            '[]', 'open', false, now(), g
       FROM generate_series(1, $1) g
       CROSS JOIN LATERAL (SELECT CASE g % 700 WHEN 0 THEN $2 WHEN 1 THEN $3 WHEN 2 THEN $4 ELSE 'body/other-' || (g % 700) END AS body,
                                  CASE g % 700 WHEN 0 THEN 'standing-committee' WHEN 1 THEN 'executive-committee'
                                               WHEN 2 THEN 'key-cadres-conference' ELSE 'standing-committee' END AS role) b`,
    [TASKS, demoIds.standingCommittee, demoIds.executiveCommittee, demoIds.keyCadresConference],
  );
  // Settle the freshly loaded tables now, so that autovacuum does not run during the measurements.
  await pg.query('VACUUM (ANALYZE) tasks');
  await pg.query('VACUUM (ANALYZE) events');
  await pg.query('CHECKPOINT');
  await pg.end();
}

/**
 * The approvers decide on a fixed schedule that adds up to {@link PACED_RATE} decisions/s: the n-th decision is due
 * n / rate seconds after the start, and approver k takes decisions k, k + approvers, k + 2 × approvers, …. An approver decides one task at a time, so one whose previous
 * decision is late sends the next late; its latency is counted from when it was due, not from when it was sent,
 * so that a slow stretch is not hidden by the requests it held back.
 */
async function pacedDecisions(
  tasks: readonly string[],
  decide: (taskId: string) => Promise<void>,
): Promise<{ latency: number[]; seconds: number }> {
  const latency: number[] = [];
  const intervalMs = 1000 / PACED_RATE;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: APPROVERS }, async (_, k) => {
      for (let i = k; i < tasks.length; i += APPROVERS) {
        const due = start + i * intervalMs;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await decide(tasks[i]);
        latency.push(performance.now() - due);
      }
    }),
  );
  return { latency, seconds: (performance.now() - start) / 1000 };
}

export async function runApiBench(): Promise<string> {
  const server = await startTestPostgres({ durable: true });
  process.env.CADREFLOW_TEST_ADMIN_URL = server.adminUrl;
  const stack = await startProcessStack();
  try {
    await loadEvents(stack.databaseUrl);
    await loadTasks(stack.databaseUrl);
    const approvers: HttpClient[] = await Promise.all([stack.as('phobithu'), stack.as('phobithu2')]);
    const committee = await stack.as('tochuc');

    // Queue endpoint against GET /health.
    const health: number[] = [];
    const queue: number[] = [];
    const queries = [
      '/tasks',
      '/tasks?sort=-opened',
      '/tasks?overdue=true',
      `/tasks?body=${demoIds.standingCommittee}&page=2`,
      '/tasks?dueBefore=2025-06-01',
    ];
    for (let i = 0; i < 300; i++) {
      await timed(health, () => stack.anonymous.get('/health'));
      await timed(queue, async () => {
        const r = await approvers[0].get(queries[i % queries.length]);
        if (r.status !== 200) throw new Error(`queue answered ${r.status}`);
      });
    }

    // Open one adoption step per decision to take: at saturation through HTTP, paced through HTTP, straight to
    // Temporal, and the warm-ups before the first and the last.
    const launch = async (): Promise<string> => {
      const r = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), {
        'idempotency-key': randomUUID(),
      });
      if (r.status !== 201) throw new Error(`launch answered ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body.procedureId;
    };
    const warmHttp: string[] = [];
    const viaHttp: string[] = [];
    const paced: string[] = [];
    const warmDirect: string[] = [];
    const direct: string[] = [];
    const sets = [
      ...Array.from({ length: WARMUP_DECISIONS }, () => warmHttp),
      ...Array.from({ length: DECISIONS }, () => viaHttp),
      ...Array.from({ length: PACED_DECISIONS }, () => paced),
      ...Array.from({ length: WARMUP_DECISIONS }, () => warmDirect),
      ...Array.from({ length: DIRECT_DECISIONS }, () => direct),
    ];
    await pool(sets, APPROVERS, async (set) => {
      set.push(await launch());
    });
    // Wait until the queue shows the adoption step of every procedure launched, those decided straight through
    // Temporal too: the measured runs then start once the read models have taken in the whole launch burst.
    const wanted = new Set([...warmHttp, ...viaHttp, ...paced, ...warmDirect, ...direct]);
    const taskOf = new Map<string, string>();
    for (let page = 1; taskOf.size < wanted.size; page++) {
      const r = await approvers[0].get<{ items: { taskId: string; procedureId: string; stepId: string }[] }>(
        `/tasks?type=personnel-plan&pageSize=200&page=${page}`,
      );
      if (r.body.items.length === 0) {
        page = 0;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      for (const t of r.body.items)
        if (t.stepId === 'adoption-1' && wanted.has(t.procedureId)) taskOf.set(t.procedureId, t.taskId);
    }
    const warmTasks = warmHttp.map((id) => taskOf.get(id)!);
    const tasks = viaHttp.map((id) => taskOf.get(id)!);
    const pacedTasks = paced.map((id) => taskOf.get(id)!);
    let n = 0;
    const decide = async (taskId: string): Promise<void> => {
      const approver = approvers[n++ % approvers.length];
      const r = await approver.post(
        `/tasks/${taskId}/decision`,
        { kind: 'approve' },
        { 'idempotency-key': randomUUID() },
      );
      if (r.status !== 200) throw new Error(`decision answered ${r.status}: ${JSON.stringify(r.body)}`);
    };

    const processes = { ...stack.pids, bench: process.pid };
    const postgresPort = Number(new URL(stack.databaseUrl).port);
    let cpuBefore: Record<string, number> = {};
    let postgresBefore = NaN;
    const decisionLatency: number[] = [];
    const httpSeconds = await afterLeadIn(warmTasks, tasks, APPROVERS, decide, decisionLatency, () => {
      cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, processCpuMs(pid) ?? NaN]));
      postgresBefore = postgresCpuMs(postgresPort) ?? NaN;
    });

    const cpuPerDecision = [
      ...Object.entries(processes).map(([name, pid]) => ({
        name: `${name} process`,
        ms: ((processCpuMs(pid) ?? NaN) - cpuBefore[name]) / tasks.length,
      })),
      { name: 'PostgreSQL server', ms: ((postgresCpuMs(postgresPort) ?? NaN) - postgresBefore) / tasks.length },
    ];
    const pacedRun = await pacedDecisions(pacedTasks, decide);
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    const directLatency: number[] = [];
    const actor = {
      actorId: demoIds.people.deputySecretary1,
      role: 'standing-committee' as const,
      bodyId: demoIds.standingCommittee,
    };
    const decideDirectly = (procedureId: string): Promise<unknown> =>
      client.workflow
        .getHandle(procedureId)
        .executeUpdate(decideUpdate, { args: [{ stepId: 'adoption-1', actor, decision: { kind: 'approve' } }] });
    const directSeconds = await afterLeadIn(warmDirect, direct, APPROVERS, decideDirectly, directLatency);
    await connection.close();

    const h = summarise(health);
    const q = summarise(queue);
    const d = summarise(decisionLatency);
    const b = summarise(directLatency);
    const p = summarise(pacedRun.latency);
    const rows: ResultRow[] = [
      { benchmark: 'GET /health (baseline)', unit: 'ms', median: h.median, p95: h.p95 },
      {
        benchmark: `GET /tasks, ${TASKS} open tasks, ${EVENTS} events`,
        unit: 'ms',
        median: q.median,
        p95: q.p95,
        ratio: q.median / h.median,
        target: 'p95 < 50',
      },
      { benchmark: 'decide via Temporal only (baseline)', unit: 'ms', median: b.median, p95: b.p95 },
      {
        benchmark: `POST decision, ${APPROVERS} approvers at saturation`,
        unit: 'ms',
        median: d.median,
        p95: d.p95,
        ratio: d.median / b.median,
      },
      {
        benchmark: `POST decision, ${APPROVERS} approvers at ${PACED_RATE}/s offered`,
        unit: 'ms',
        median: p.median,
        p95: p.p95,
        ratio: p.median / b.median,
        target: 'p95 < 150',
      },
      {
        benchmark: 'decide via Temporal only (baseline)',
        unit: 'decisions/s',
        median: direct.length / directSeconds,
        p95: NaN,
      },
      {
        benchmark: `POST decision, ${APPROVERS} approvers at saturation`,
        unit: 'decisions/s',
        median: tasks.length / httpSeconds,
        p95: NaN,
        ratio: tasks.length / httpSeconds / (direct.length / directSeconds),
        target: '>= 100',
      },
      {
        benchmark: `POST decision, ${APPROVERS} approvers at ${PACED_RATE}/s offered`,
        unit: 'decisions/s',
        median: pacedTasks.length / pacedRun.seconds,
        p95: NaN,
      },
      ...cpuPerDecision.map(({ name, ms }): ResultRow => ({
        benchmark: `CPU per HTTP decision: ${name}`,
        unit: 'ms',
        median: ms,
        p95: NaN,
      })),
    ];
    // The same decision rows with the real Temporal server, each beside its twin, with the ratio to it.
    const real = (await temporalCliAvailable()) ? await realServerDecisions() : undefined;
    const twins = new Map<ResultRow, ResultRow | undefined>([
      [rows[2], real?.directLatency],
      [rows[3], real?.httpLatency],
      [rows[5], real?.directRate],
      [rows[6], real?.httpRate],
    ]);
    const shown = rows.flatMap((row) => {
      const twin = twins.get(row);
      return twin ? [row, { ...twin, ratio: twin.median / row.median }] : [row];
    });
    if (!real) {
      shown.push({
        benchmark: 'real Temporal server: not measured (no temporal CLI)',
        unit: '-',
        median: NaN,
        p95: NaN,
      });
    }
    return table(
      'API: Temporal server, worker and API in separate processes (throughput and CPU rows have one sample: the whole run)',
      shown,
    );
  } finally {
    await stack.stop();
    await server.stop();
  }
}

/**
 * The decision rows once more on a stack whose Temporal server is the real one (`temporal server start-dev`): each
 * row's ratio is to its twin on the embedded server. Fewer decisions than there, on an empty log and queue.
 */
async function realServerDecisions(): Promise<
  Record<'httpLatency' | 'httpRate' | 'directLatency' | 'directRate', ResultRow>
> {
  const stack: ProcessStack = await startProcessStack({ temporal: 'real' });
  try {
    const approvers = await Promise.all([stack.as('phobithu'), stack.as('phobithu2')]);
    const committee = await stack.as('tochuc');
    const launched: string[] = [];
    await pool(Array.from({ length: 2 * (WARMUP_DECISIONS + REAL_DECISIONS) }), APPROVERS, async () => {
      const r = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), {
        'idempotency-key': randomUUID(),
      });
      if (r.status !== 201) throw new Error(`launch answered ${r.status}: ${JSON.stringify(r.body)}`);
      launched.push(r.body.procedureId);
    });
    const [viaHttp, direct] = [launched.slice(0, launched.length / 2), launched.slice(launched.length / 2)];
    const wanted = new Set(viaHttp);
    const taskOf = new Map<string, string>();
    for (let page = 1; taskOf.size < wanted.size; page++) {
      const r = await approvers[0].get<{ items: { taskId: string; procedureId: string; stepId: string }[] }>(
        `/tasks?type=personnel-plan&pageSize=200&page=${page}`,
      );
      if (r.body.items.length === 0) {
        page = 0;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      for (const t of r.body.items)
        if (t.stepId === 'adoption-1' && wanted.has(t.procedureId)) taskOf.set(t.procedureId, t.taskId);
    }
    const tasks = viaHttp.map((id) => taskOf.get(id)!);
    let n = 0;
    const decide = async (taskId: string): Promise<void> => {
      const r = await approvers[n++ % approvers.length].post(
        `/tasks/${taskId}/decision`,
        { kind: 'approve' },
        { 'idempotency-key': randomUUID() },
      );
      if (r.status !== 200) throw new Error(`decision answered ${r.status}: ${JSON.stringify(r.body)}`);
    };
    const httpLatency: number[] = [];
    const httpSeconds = await afterLeadIn(
      tasks.slice(0, WARMUP_DECISIONS),
      tasks.slice(WARMUP_DECISIONS),
      APPROVERS,
      decide,
      httpLatency,
    );
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection });
    const actor = {
      actorId: demoIds.people.deputySecretary1,
      role: 'standing-committee' as const,
      bodyId: demoIds.standingCommittee,
    };
    const directLatency: number[] = [];
    const directSeconds = await afterLeadIn(
      direct.slice(0, WARMUP_DECISIONS),
      direct.slice(WARMUP_DECISIONS),
      APPROVERS,
      (procedureId) =>
        client.workflow
          .getHandle(procedureId)
          .executeUpdate(decideUpdate, { args: [{ stepId: 'adoption-1', actor, decision: { kind: 'approve' } }] }),
      directLatency,
    );
    await connection.close();
    const d = summarise(httpLatency);
    const b = summarise(directLatency);
    return {
      directLatency: {
        benchmark: 'decide via Temporal only, real Temporal server (ratio: to the row above)',
        unit: 'ms',
        median: b.median,
        p95: b.p95,
      },
      httpLatency: {
        benchmark: `POST decision, ${APPROVERS} approvers at saturation, real Temporal server (ratio: to the row above)`,
        unit: 'ms',
        median: d.median,
        p95: d.p95,
      },
      directRate: {
        benchmark: 'decide via Temporal only, real Temporal server (ratio: to the row above)',
        unit: 'decisions/s',
        median: REAL_DECISIONS / directSeconds,
        p95: NaN,
      },
      httpRate: {
        benchmark: `POST decision, ${APPROVERS} approvers at saturation, real Temporal server (ratio: to the row above)`,
        unit: 'decisions/s',
        median: REAL_DECISIONS / httpSeconds,
        p95: NaN,
      },
    };
  } finally {
    await stack.stop();
  }
}
