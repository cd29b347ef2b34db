/**
 * Throughput and latency of the embedded Temporal server with the real SDK, worker in the same process.
 *
 *   node -r ./tools/register.js bench/embedded-temporal.bench.ts [--rounds 5] [--workflows 200]
 *
 * Scenarios: a one-activity workflow, 50 started concurrently; a three-step signal-driven workflow.
 * Each runs on the memory store and on the PostgreSQL store (an embedded PostgreSQL in a temporary folder,
 * unless TEST_DATABASE_URL names a server), with the server in this process (as `npm start` runs it) and
 * as the standalone CLI in a child process (as `temporal server start-dev` would run).
 * Prints a table: median and p95 over rounds of workflows/s, p50/p95 of start→result latency, and the
 * ratio to the target (>= 150 wf/s memory, >= 80 PostgreSQL), with the machine's load average, since
 * the SDK (client, worker, workflow sandbox) shares the same cores.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundle,
} from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { startEmbeddedTemporal } from '../libs/embedded-temporal/src';
import * as activities from '../libs/embedded-temporal/test/activities';
import { startTestPostgres } from '../test/setup/postgres';

interface Sample {
  workflowsPerSecond: number;
  latencies: number[];
  /** CPU ms per workflow spent by the server process (separate-process mode on Linux only). */
  serverCpuMs?: number;
  /** CPU ms per workflow spent by this process: SDK client and worker (and the server when in-process). */
  benchCpuMs: number;
}

interface Row {
  scenario: string;
  store: string;
  server: Mode;
  target?: number;
  samples: Sample[];
}

const CONCURRENCY = 50;

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `count` jobs with at most `concurrency` in flight; returns wall time and each job's latency. */
async function runConcurrently(
  count: number,
  concurrency: number,
  job: (i: number) => Promise<void>,
  serverCpu: () => number | undefined = () => undefined,
): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const serverCpu0 = serverCpu();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await job(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const serverCpu1 = serverCpu();
  return {
    workflowsPerSecond: count / seconds,
    latencies,
    benchCpuMs: (cpu.user + cpu.system) / 1000 / count,
    serverCpuMs: serverCpu0 !== undefined && serverCpu1 !== undefined ? (serverCpu1 - serverCpu0) / count : undefined,
  };
}

/** A server to benchmark against: in this process, or the standalone CLI in a child process. */
interface BenchServer {
  address: string;
  /** CPU ms used so far by the server process, when it is a separate one. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/** User + system CPU ms of a process, from /proc (Linux); `undefined` elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return undefined;
  }
}

async function startServer(store: string, mode: Mode): Promise<BenchServer> {
  if (mode === 'in-process') {
    const server = await startEmbeddedTemporal({ store });
    return { address: server.address, cpuMs: () => undefined, stop: () => server.stop() };
  }
  const child = spawn(
    process.execPath,
    ['-r', './tools/register.js', 'libs/embedded-temporal/src/cli.ts', '--port', '0', '--db', store],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const address = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`temporal:dev exited with ${code}`)));
    child.stdout.on('data', (data: Buffer) => {
      const match = /listening on (\S+)/.exec(data.toString());
      if (match) resolve(match[1]);
    });
  });
  return {
    address,
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

type Mode = 'in-process' | 'separate process';

async function benchStore(
  store: string,
  storeName: string,
  mode: Mode,
  bundle: WorkflowBundle,
  rounds: number,
  workflows: number,
): Promise<Row[]> {
  const server = await startServer(store, mode);
  const serverCpu = (): number | undefined => server.cpuMs();
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const native = await NativeConnection.connect({ address: server.address });
  const taskQueue = `bench-${randomUUID()}`;
  const worker = await Worker.create({
    connection: native,
    taskQueue,
    workflowBundle: bundle,
    activities,
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentActivityTaskExecutions: 100,
  });
  const one: Row = {
    scenario: 'one-activity workflow, 50 concurrent',
    store: storeName,
    server: mode,
    target: storeName === 'memory' ? 150 : 80,
    samples: [],
  };
  const signals: Row = {
    scenario: 'three-step signal-driven workflow, 50 concurrent',
    store: storeName,
    server: mode,
    samples: [],
  };
  try {
    await worker.runUntil(async () => {
      // Warm-up: JIT, sticky queues, database caches.
      await runConcurrently(CONCURRENCY, CONCURRENCY, async (i) => {
        await client.workflow.execute('oneActivity', {
          taskQueue,
          workflowId: `warm-${i}-${randomUUID()}`,
          args: ['w'],
        });
      });
      for (let round = 0; round < rounds; round++) {
        one.samples.push(
          await runConcurrently(
            workflows,
            CONCURRENCY,
            async (i) => {
              await client.workflow.execute('oneActivity', {
                taskQueue,
                workflowId: `one-${round}-${i}-${randomUUID()}`,
                args: ['x'],
              });
            },
            serverCpu,
          ),
        );
        signals.samples.push(
          await runConcurrently(
            Math.max(CONCURRENCY, Math.floor(workflows / 2)),
            CONCURRENCY,
            async (i) => {
              const handle = await client.workflow.start('signalDriven', {
                taskQueue,
                workflowId: `sig-${round}-${i}-${randomUUID()}`,
                args: [3],
              });
              for (const step of ['first', 'second', 'third']) await handle.signal('approve', step);
              await handle.result();
            },
            serverCpu,
          ),
        );
      }
    });
  } finally {
    await native.close();
    await connection.close();
    await server.stop();
  }
  return [one, signals];
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `bench_temporal_${randomUUID().replace(/-/g, '')}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function printTable(rows: Row[]): void {
  const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  const header = [
    'scenario',
    'store',
    'server',
    'wf/s median',
    'wf/s p95*',
    'latency p50 ms',
    'latency p95 ms',
    'target wf/s',
    'median/target',
    'CPU ms/wf server',
    'CPU ms/wf SDK',
  ];
  const body = rows.map((row) => {
    const rates = row.samples.map((s) => s.workflowsPerSecond);
    const latencies = row.samples.flatMap((s) => s.latencies);
    const median = percentile(rates, 50);
    return [
      row.scenario,
      row.store,
      row.server,
      fmt(median),
      fmt(percentile(rates, 5)),
      fmt(percentile(latencies, 50)),
      fmt(percentile(latencies, 95)),
      row.target ? String(row.target) : '-',
      row.target ? `${fmt(median / row.target, 2)}x` : '-',
      row.server === 'separate process'
        ? fmt(
            percentile(
              row.samples.map((s) => s.serverCpuMs ?? NaN),
              50,
            ),
            2,
          )
        : 'in SDK',
      fmt(
        percentile(
          row.samples.map((s) => s.benchCpuMs),
          50,
        ),
        2,
      ),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const r of body) process.stdout.write(`${line(r)}\n`);
  process.stdout.write('* wf/s p95: the rate 95% of rounds reached or beat (5th percentile of round rates).\n');
  process.stdout.write(
    'CPU ms/wf: median over rounds of CPU time per workflow; "SDK" is this process (client, worker, workflow ' +
      'sandbox; plus the server when in-process). On 2 cores the sum bounds throughput at 2000 / sum wf/s.\n',
  );
  const rate = (store: string, server: Mode): number => {
    const row = rows.find((r) => r.store === store && r.server === server && r.target);
    return row
      ? percentile(
          row.samples.map((s) => s.workflowsPerSecond),
          50,
        )
      : NaN;
  };
  for (const server of ['in-process', 'separate process'] as const) {
    const ratio = rate('PostgreSQL', server) / rate('memory', server);
    process.stdout.write(`PostgreSQL / memory throughput, one-activity, server ${server}: ${fmt(ratio, 2)}\n`);
  }
  process.stdout.write(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}, ` +
      `load average (1/5/15 min) at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}\n`,
  );
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const rounds = arg('rounds', 5);
  const workflows = arg('workflows', 200);
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../libs/embedded-temporal/test/workflows'),
    logger: new DefaultLogger('ERROR'),
  });
  const rows: Row[] = [];
  const postgres = await startTestPostgres({ durable: true });
  try {
    for (const mode of ['in-process', 'separate process'] as const) {
      rows.push(...(await benchStore('memory', 'memory', mode, bundle, rounds, workflows)));
      const url = await createDatabase(postgres.adminUrl);
      rows.push(...(await benchStore(url, 'PostgreSQL', mode, bundle, rounds, workflows)));
    }
  } finally {
    await postgres.stop();
  }
  printTable(rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
