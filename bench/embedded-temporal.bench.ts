/**
 * Throughput and latency of the embedded Temporal server with the real, unmodified SDK (1.24).
 *
 *   node -r ./tools/register.js bench/embedded-temporal.bench.ts [--rounds 5] [--workflows 200]
 *
 * Scenarios: a one-activity workflow, 50 started concurrently; a three-step signal-driven workflow
 * (50 concurrent). A workflow counts once `result()` has returned its result.
 * Each runs on the memory store and on the PostgreSQL store (an embedded PostgreSQL in a temporary folder,
 * unless TEST_DATABASE_URL names a server), with the server in this process (as `npm start` runs it) and
 * as the standalone CLI in a child process (as `temporal server start-dev` would run).
 *
 * What is measured: the worker and the client run in this process on the same machine as the server.
 * They share one `NativeConnection` (`new Client({ connection: nativeConnection })`, as the SDK allows),
 * opened with `grpcCompression: { codec: 'none' }`: on one machine gzip only costs CPU, on both sides.
 * Worker options: `maxConcurrentWorkflowTaskExecutions` and `maxConcurrentActivityTaskExecutions` 100,
 * everything else the SDK default (workflow cache on, reused V8 context, one workflow thread; activities
 * are dispatched eagerly with the workflow task completion). Workflows are started without eager start.
 * One more row runs the memory store with the SDK's default connections (a grpc-js `Connection` for the
 * client, gzip on the worker's), for comparison. When the `temporal` CLI is on the PATH (or named by
 * `TEMPORAL_CLI`), the same scenarios run on the real Temporal server as well (`temporal server start-dev`, SQLite in
 * memory and in a file, a separate process like the embedded CLI), and a line gives real / embedded throughput.
 * The target (>= 150 wf/s memory, >= 80 PostgreSQL) is read on the one-activity rows with the server as a
 * separate process: the rows marked "target" in the table and the "Target" lines under it.
 *
 * Prints a table: median and p95 over rounds of workflows/s, p50/p95 of start→result latency, CPU ms per
 * workflow, and the machine's load average, since the SDK (client, worker, workflow sandbox) shares the
 * two cores with the server and whatever else runs on the machine.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { startTemporalCli, temporalCliAvailable } from '../test/support/temporal-cli';
import { processCpuMs } from './lib/stats';

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
  connections: Connections;
  /** 1-minute load average of the machine when the row's rounds ended. */
  load?: number;
  /** The target (wf/s) when this row is the one the target is read on. */
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

async function startServer(store: string, mode: Mode): Promise<BenchServer> {
  if (mode === 'real Temporal server') {
    const server = await startTemporalCli({ dbFilename: store === 'memory' ? undefined : store });
    return { address: server.address, cpuMs: () => processCpuMs(server.pid), stop: () => server.stop() };
  }
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

/** The embedded server in this process or as its CLI; or the real Temporal server (`temporal server start-dev`). */
type Mode = 'in-process' | 'separate process' | 'real Temporal server';

/**
 * How the SDK connects: `shared, no gzip` is the measured configuration (client and worker on one
 * NativeConnection without compression); `SDK defaults` is a grpc-js Connection for the client and a
 * gzip-compressing NativeConnection for the worker.
 */
type Connections = 'shared, no gzip' | 'SDK defaults';

interface SdkConnections {
  client: Client;
  native: NativeConnection;
  close(): Promise<void>;
}

async function connectSdk(address: string, connections: Connections): Promise<SdkConnections> {
  if (connections === 'SDK defaults') {
    const connection = await Connection.connect({ address });
    const native = await NativeConnection.connect({ address });
    return {
      client: new Client({ connection }),
      native,
      close: async () => {
        await native.close();
        await connection.close();
      },
    };
  }
  const native = await NativeConnection.connect({ address, grpcCompression: { codec: 'none' } });
  return { client: new Client({ connection: native }), native, close: () => native.close() };
}

async function benchStore(
  store: string,
  storeName: string,
  mode: Mode,
  connections: Connections,
  bundle: WorkflowBundle,
  rounds: number,
  workflows: number,
): Promise<Row[]> {
  const server = await startServer(store, mode);
  const serverCpu = (): number | undefined => server.cpuMs();
  const sdk = await connectSdk(server.address, connections);
  const { client, native } = sdk;
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
    connections,
    target:
      mode === 'separate process' && connections === 'shared, no gzip'
        ? storeName === 'memory'
          ? 150
          : 80
        : undefined,
    samples: [],
  };
  const withSignals = connections === 'shared, no gzip';
  const signals: Row = {
    scenario: 'three-step signal-driven workflow, 50 concurrent',
    store: storeName,
    server: mode,
    connections,
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
        if (!withSignals) continue;
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
    await sdk.close();
    await server.stop();
  }
  one.load = signals.load = loadavg()[0];
  return withSignals ? [one, signals] : [one];
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

function printTable(rows: Row[], startLoad: string): void {
  const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  const header = [
    'scenario',
    'store',
    'server',
    'SDK connections',
    'wf/s median',
    'wf/s p95*',
    'latency p50 ms',
    'latency p95 ms',
    'target wf/s',
    'median/target',
    'CPU ms/wf server',
    'CPU ms/wf SDK',
    'load 1 min',
  ];
  const body = rows.map((row) => {
    const rates = row.samples.map((s) => s.workflowsPerSecond);
    const latencies = row.samples.flatMap((s) => s.latencies);
    const median = percentile(rates, 50);
    return [
      row.scenario,
      row.store,
      row.server,
      row.connections,
      fmt(median),
      fmt(percentile(rates, 5)),
      fmt(percentile(latencies, 50)),
      fmt(percentile(latencies, 95)),
      row.target ? String(row.target) : '-',
      row.target ? `${fmt(median / row.target, 2)}x` : '-',
      row.server !== 'in-process'
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
      fmt(row.load ?? NaN, 2),
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
  const oneActivity = rows.filter((r) => r.scenario.startsWith('one-activity'));
  const rate = (row: Row | undefined): number =>
    row
      ? percentile(
          row.samples.map((s) => s.workflowsPerSecond),
          50,
        )
      : NaN;
  for (const row of oneActivity.filter((r) => r.target)) {
    const median = rate(row);
    process.stdout.write(
      `Target, ${row.store} store (one-activity, 50 concurrent; server as a separate process, worker and client ` +
        `in this process, shared connection without gzip): ${fmt(median)} wf/s median, target >= ${row.target}: ` +
        `${median >= (row.target ?? Infinity) ? 'met' : 'NOT met'}\n`,
    );
  }
  for (const server of ['in-process', 'separate process'] as const) {
    const find = (store: string): Row | undefined =>
      oneActivity.find((r) => r.store === store && r.server === server && r.connections === 'shared, no gzip');
    const ratio = rate(find('PostgreSQL')) / rate(find('memory'));
    process.stdout.write(`PostgreSQL / memory throughput, one-activity, server ${server}: ${fmt(ratio, 2)}\n`);
  }
  const embedded = oneActivity.find(
    (r) => r.store === 'memory' && r.server === 'separate process' && r.connections === 'shared, no gzip',
  );
  for (const real of oneActivity.filter((r) => r.server === 'real Temporal server')) {
    process.stdout.write(
      `Real Temporal server (${real.store}) / embedded server (memory, separate process), one-activity: ` +
        `${fmt(rate(real) / rate(embedded), 2)}\n`,
    );
  }
  if (!rows.some((r) => r.server === 'real Temporal server')) {
    process.stdout.write('Real Temporal server: not measured (no `temporal` CLI on the PATH nor in TEMPORAL_CLI)\n');
  }
  process.stdout.write(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}, ` +
      `load average (1/5/15 min) at the start: ${startLoad}, at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}\n`,
  );
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const startLoad = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
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
      rows.push(...(await benchStore('memory', 'memory', mode, 'shared, no gzip', bundle, rounds, workflows)));
      const url = await createDatabase(postgres.adminUrl);
      rows.push(...(await benchStore(url, 'PostgreSQL', mode, 'shared, no gzip', bundle, rounds, workflows)));
    }
    rows.push(...(await benchStore('memory', 'memory', 'separate process', 'SDK defaults', bundle, rounds, workflows)));
    if (await temporalCliAvailable()) {
      const real = 'real Temporal server';
      rows.push(
        ...(await benchStore('memory', 'SQLite in memory', real, 'shared, no gzip', bundle, rounds, workflows)),
      );
      const folder = mkdtempSync(join(tmpdir(), 'bench-temporal-'));
      try {
        const file = join(folder, 'temporal.sqlite');
        rows.push(...(await benchStore(file, 'SQLite file', real, 'shared, no gzip', bundle, rounds, workflows)));
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  } finally {
    await postgres.stop();
  }
  printTable(rows, startLoad);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
