/**
 * Chaos run (`npm run chaos`, `npm run chaos -- --bounded` in CI): PostgreSQL, the Temporal server (the embedded
 * one on that PostgreSQL), the worker and the API each run as a process of their own, as in production. Drivers launch
 * personnel plans and take each through three decisions over HTTP (adoption, submission, approval), retrying every
 * request with its Idempotency-Key until it is acknowledged, while the processes are killed with SIGKILL one at a
 * time, in turn, and started again. At the end every acknowledged event must be in the log exactly once, at the
 * position and with the hash the acknowledgement named, every procedure must hold each decision once, and the whole
 * log must verify. Prints a table; exits 1 on any loss or duplicate.
 *
 * Options: `--bounded` (CI: at least one kill of each process, 4 procedures), `--procedures N`, `--faults N`,
 * `--drivers N`, `--interval MS` (between faults).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { demoIds } from '@cadreflow/domain';
import { EMBEDDED_DATABASE, ensureDatabase, freePort, runningPostmaster } from '@cadreflow/event-store';
import { taskIdOf } from '../../apps/api/src/projections/read-model.projection';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { HttpClient, seedDatabase, type HttpResponse } from '../support/full-stack';

const root = join(__dirname, '..', '..');
const logger = new Logger('chaos');
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Options {
  procedures: number;
  faults: number;
  drivers: number;
  intervalMs: number;
}

function parseOptions(argv: string[]): Options {
  const bounded = argv.includes('--bounded');
  const options: Options = bounded
    ? { procedures: 4, faults: 4, drivers: 2, intervalMs: 5_000 }
    : { procedures: 40, faults: 24, drivers: 4, intervalMs: 4_000 };
  const names: Record<string, keyof Options> = {
    '--procedures': 'procedures',
    '--faults': 'faults',
    '--drivers': 'drivers',
    '--interval': 'intervalMs',
  };
  for (let i = 0; i < argv.length; i++) {
    const name = names[argv[i]];
    if (!name) continue;
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${argv[i - 1]} takes a whole number above 0`);
    options[name] = value;
  }
  return options;
}

/** One process of the system, killed and started again at will. */
class Managed {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private log?: WriteStream;
  protected stopping = false;
  starts = 0;
  /** Times it ended without being killed or stopped (a crash of its own: the run fails). */
  readonly diedOnItsOwn: string[] = [];

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly args: string[],
    private readonly env: Record<string, string>,
    private readonly ready: RegExp,
  ) {}

  /** Keeps everything it prints, through every restart, in `file` (read after a failed run). */
  logTo(file: string): void {
    this.log = createWriteStream(file, { flags: 'a' });
  }

  /** Starts it and waits until it says it is ready; tries again while it exits first (a port still held...). */
  async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.startOnce();
      if (outcome.ready) break;
      if (attempt === 20) throw new Error(`${this.name} does not start:\n${outcome.output}`);
      await pause(500);
    }
    this.starts++;
  }

  /** Starts it once: ready, or the output it printed before it exited. */
  private async startOnce(): Promise<{ ready: boolean; output: string }> {
    const child = spawn(process.execPath, ['-r', './tools/register.js', this.script, ...this.args], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.log?.write(`\n=== ${new Date().toISOString()} ${this.name} started (pid ${child.pid ?? '?'})\n`);
    if (this.log) {
      child.stdout?.pipe(this.log, { end: false });
      child.stderr?.pipe(this.log, { end: false });
    }
    let output = '';
    let settle: (outcome: { ready: boolean; output: string }) => void = () => undefined;
    const onData = (chunk: Buffer): void => {
      output = `${output}${chunk.toString()}`.slice(-20_000);
      if (this.ready.test(output)) settle({ ready: true, output });
    };
    const outcome = await new Promise<{ ready: boolean; output: string }>((resolve) => {
      settle = resolve;
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void this.exited!.then(() => resolve({ ready: false, output }));
    });
    // Keep draining its output (into the log file, if any) so that it never blocks on a full pipe.
    child.stdout?.off('data', onData);
    child.stderr?.off('data', onData);
    child.stdout?.resume();
    child.stderr?.resume();
    if (outcome.ready) {
      void this.exited?.then(() => {
        if (this.child === child && !this.stopping) {
          this.diedOnItsOwn.push(new Date().toISOString());
          logger.warn(`${this.name} died on its own (exit ${child.exitCode ?? child.signalCode ?? '?'})`);
        }
      });
    }
    return outcome;
  }

  /** SIGKILL, as a crash: nothing is flushed, nothing is closed. */
  async kill(): Promise<void> {
    this.log?.write(`\n=== ${new Date().toISOString()} ${this.name} killed (SIGKILL)\n`);
    this.stopping = true;
    this.child?.kill('SIGKILL');
    await this.exited;
    this.stopping = false;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** PostgreSQL: killing its wrapper process would leave the server running, so the server itself is killed. */
class ManagedPostgres extends Managed {
  constructor(
    private readonly dataDir: string,
    port: number,
  ) {
    super('postgres', 'test/support/postgres-process.ts', [dataDir, String(port), 'durable'], {}, /^ready (\S+)/m);
  }

  override async kill(): Promise<void> {
    // The wrapper ends with its server: that is this kill, not a crash of its own.
    this.stopping = true;
    const postmaster = await runningPostmaster(this.dataDir);
    if (postmaster !== undefined) process.kill(postmaster, 'SIGKILL');
    await super.kill();
    // Its server processes notice the postmaster is gone and exit; the next start waits for them (it retries).
  }
}

interface Ack {
  procedureId: string;
  what: string;
  events: { position: number; hash: string; type: string }[];
}

interface Tally {
  requests: number;
  retries: number;
  acked: Ack[];
  refused: string[];
}

/** Sends a request until it is acknowledged (a 2xx), through crashes: each retry is the same request, same key. */
async function untilAcknowledged<T>(
  tally: Tally,
  what: string,
  send: () => Promise<HttpResponse<T>>,
  deadlineMs = 180_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let attempt = 0; ; attempt++) {
    tally.requests++;
    if (attempt > 0) tally.retries++;
    const answer = await send().catch((error: unknown) => ({ status: 0, body: String(error) }) as HttpResponse<T>);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    const code = (answer.body as { code?: string } | undefined)?.code ?? '';
    // Waiting is right for: no answer (a process down), 5xx, a task not yet in the read models, a key still held.
    const transient =
      answer.status === 0 ||
      answer.status >= 500 ||
      answer.status === 401 ||
      code === 'TASK_NOT_FOUND' ||
      code === 'PROCEDURE_NOT_FOUND' ||
      code === 'IDEMPOTENCY_KEY_PENDING' ||
      code === 'IDEMPOTENCY_KEY_FAILED';
    if (!transient || Date.now() > deadline) {
      tally.refused.push(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      throw new Error(`${what} refused`);
    }
    await pause(300);
  }
}

class Users {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async as(tally: Tally, username: string, fresh = false): Promise<HttpClient> {
    if (fresh || !this.tokens.has(username)) {
      const login = await untilAcknowledged(tally, `login ${username}`, () =>
        new HttpClient(this.baseUrl).post<{ accessToken: string }>('/auth/login', {
          username,
          password: 'cadreflow-demo',
        }),
      );
      this.tokens.set(username, login.accessToken);
    }
    return new HttpClient(this.baseUrl, this.tokens.get(username));
  }
}

type Events = { position: number; hash: string; type: string }[];

/** One personnel plan from launch to approval, every step acknowledged. */
async function drivePlan(users: Users, tally: Tally): Promise<void> {
  const committee = await users.as(tally, 'tochuc');
  const launched = await untilAcknowledged(tally, 'launch', () =>
    committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), {
      'idempotency-key': randomUUID(),
    }),
  ).catch(() => undefined);
  if (!launched) return;
  const procedureId = launched.procedureId;
  const decide = async (username: string, stepId: string, what: string): Promise<void> => {
    const client = await users.as(tally, username);
    const key = randomUUID();
    const answer = await untilAcknowledged(tally, `${what} of ${procedureId}`, () =>
      client.post<{ events: Events }>(
        `/tasks/${taskIdOf(procedureId, stepId)}/decision`,
        { kind: 'approve' },
        {
          'idempotency-key': key,
        },
      ),
    );
    tally.acked.push({ procedureId, what, events: answer.events });
  };
  await decide('phobithu', 'adoption-1', 'adoption');
  const submitKey = randomUUID();
  const submitted = await untilAcknowledged(tally, `submission of ${procedureId}`, () =>
    committee.post<Events>(
      `/procedures/${procedureId}/commands`,
      {
        actAs: { role: 'organization-committee', bodyId: demoIds.organizationCommittee },
        type: 'SubmitPlan',
        data: {},
      },
      { 'idempotency-key': submitKey },
    ),
  );
  tally.acked.push({ procedureId, what: 'submission', events: submitted });
  await decide('bochinhtri', 'review-1', 'approval');
}

interface Verdict {
  acknowledgedEvents: number;
  missing: string[];
  moved: string[];
  duplicated: string[];
  logVerified: boolean;
}

/** Every acknowledged event in the log once, where it was said to be; each procedure's decisions once. */
async function check(databaseUrl: string, acked: Ack[], inspector: HttpClient): Promise<Verdict> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const events = acked.flatMap((a) => a.events.map((e) => ({ ...e, procedureId: a.procedureId })));
    const rows = (
      await db.query<{ position: string; hash: string }>(`SELECT position, hash FROM events WHERE hash = ANY($1)`, [
        events.map((e) => e.hash),
      ])
    ).rows;
    const byHash = new Map<string, number[]>();
    for (const row of rows) byHash.set(row.hash, [...(byHash.get(row.hash) ?? []), Number(row.position)]);
    const missing = events.filter((e) => !byHash.has(e.hash)).map((e) => `${e.type} of ${e.procedureId}`);
    const moved = events
      .filter((e) => byHash.has(e.hash) && !byHash.get(e.hash)!.includes(e.position))
      .map((e) => `${e.type} of ${e.procedureId} (acknowledged at ${e.position})`);
    const procedures = [...new Set(acked.map((a) => a.procedureId))];
    const counts = (
      await db.query<{ stream_id: string; type: string; n: string }>(
        `SELECT stream_id, type, count(*) AS n FROM events
          WHERE stream_id = ANY($1) AND type IN ('ProcedureLaunched', 'PlanAdopted', 'PlanSubmitted', 'PlanApproved')
          GROUP BY stream_id, type`,
        [procedures],
      )
    ).rows;
    const duplicated = [
      ...counts.filter((c) => Number(c.n) > 1).map((c) => `${c.type} ×${c.n} in ${c.stream_id}`),
      ...[...byHash.entries()].filter(([, positions]) => positions.length > 1).map(([hash]) => `hash ${hash}`),
    ];
    const verify = await inspector.post<{ ok: boolean }>('/audit/verify');
    return { acknowledgedEvents: events.length, missing, moved, duplicated, logVerified: verify.body.ok === true };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const folder = await mkdtemp(join(tmpdir(), 'cadreflow-chaos-'));
  const pgDir = join(folder, 'postgres');
  const [pgPort, temporalPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const postgres = new ManagedPostgres(pgDir, pgPort);
  const processes: Managed[] = [postgres];
  const logs = join(folder, 'logs');
  await mkdir(logs);
  postgres.logTo(join(logs, 'postgres.log'));
  try {
    await postgres.start();
    const adminUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`;
    const databaseUrl = await ensureDatabase(adminUrl, EMBEDDED_DATABASE);
    await seedDatabase(databaseUrl);
    const keys = generateKeyPairSync('ed25519');
    // The API appends too (registry, dossier reads) and seals its appends with a key of its own, which the worker's
    // checkpointer and the API's verify trust.
    const appender = generateKeyPairSync('ed25519');
    const env = {
      CADREFLOW_TRUSTED_APPENDER_KEYS: appender.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_TASK_QUEUE: 'chaos',
      JWT_SECRET: 'chaos-run-secret-that-is-long-enough-for-it',
      CADREFLOW_DATA_DIR: join(folder, 'data'),
    };
    const temporal = new Managed(
      'temporal',
      'libs/embedded-temporal/src/cli.ts',
      ['--port', String(temporalPort), '--db', databaseUrl],
      {},
      /listening on/,
    );
    const worker = new Managed(
      'worker',
      'apps/worker/src/main.ts',
      [],
      { ...env, CADREFLOW_SIGNING_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      /polling task queue/,
    );
    const api = new Managed(
      'api',
      'apps/api/src/main.ts',
      [],
      {
        ...env,
        PORT: String(apiPort),
        CADREFLOW_APPENDER_KEY: appender.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        CADREFLOW_CHECKPOINT_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
      /listening on port/,
    );
    for (const p of [temporal, worker, api]) p.logTo(join(logs, `${p.name}.log`));
    processes.push(temporal, worker, api);
    for (const p of [temporal, worker, api]) await p.start();
    logger.log(
      `system up (PostgreSQL :${pgPort}, Temporal :${temporalPort}, API :${apiPort}); ${JSON.stringify(options)}`,
    );

    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const users = new Users(baseUrl);
    const tally: Tally = { requests: 0, retries: 0, acked: [], refused: [] };
    const started = Date.now();
    let launched = 0;
    let faults = 0;
    const kills: Record<string, number> = {};
    let chaosDone = false;
    const chaos = (async () => {
      const victims = [worker, api, temporal, postgres];
      while (faults < options.faults) {
        await pause(options.intervalMs);
        const victim = victims[faults % victims.length];
        await victim.kill();
        await pause(300 + Math.floor(Math.random() * 1000));
        await victim.start();
        faults++;
        kills[victim.name] = (kills[victim.name] ?? 0) + 1;
        logger.log(`fault ${faults}/${options.faults}: ${victim.name} killed (SIGKILL) and started again`);
      }
      chaosDone = true;
    })();
    const drivers = Array.from({ length: options.drivers }, async () => {
      while (launched < options.procedures || !chaosDone) {
        launched++;
        await drivePlan(users, tally).catch((error: unknown) => logger.warn(String(error)));
      }
    });
    await Promise.all([chaos, ...drivers]);

    const inspector = await users.as(tally, 'ubkt', true);
    const verdict = await check(databaseUrl, tally.acked, inspector);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const table = [
      ['procedures launched', String(launched)],
      [
        'faults (SIGKILL)',
        `${faults}: ${Object.entries(kills)
          .map(([name, n]) => `${name} ${n}`)
          .join(', ')}`,
      ],
      ['requests / retries', `${tally.requests} / ${tally.retries}`],
      ['acknowledged decisions', String(tally.acked.length)],
      ['acknowledged events', String(verdict.acknowledgedEvents)],
      ['lost', String(verdict.missing.length)],
      ['at another position', String(verdict.moved.length)],
      ['duplicated', String(verdict.duplicated.length)],
      ['refused (never acknowledged)', String(tally.refused.length)],
      ['died on their own', String(processes.reduce((n, p) => n + p.diedOnItsOwn.length, 0))],
      ['whole log verifies', verdict.logVerified ? 'yes' : 'NO'],
      ['seconds', seconds],
    ];
    for (const [label, value] of table) process.stdout.write(`${label.padEnd(30)} ${value}\n`);
    const crashes = processes.flatMap((p) => p.diedOnItsOwn.map((at) => `${p.name} died on its own at ${at}`));
    for (const line of [...verdict.missing, ...verdict.moved, ...verdict.duplicated, ...tally.refused, ...crashes]) {
      process.stdout.write(`  ${line}\n`);
    }
    const failed =
      verdict.missing.length +
        verdict.moved.length +
        verdict.duplicated.length +
        tally.refused.length +
        crashes.length >
        0 ||
      !verdict.logVerified ||
      tally.acked.length === 0;
    process.exitCode = failed ? 1 : 0;
  } finally {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    const left = await runningPostmaster(pgDir);
    if (left !== undefined) process.kill(left, 'SIGKILL');
    if (process.exitCode === 0) {
      await rm(folder, { recursive: true, force: true });
    } else {
      process.stdout.write(`what each process printed: ${logs}\n`);
    }
  }
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
