import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@cadreflow/api';
import { freePort } from '@cadreflow/event-store';
import { HttpClient, createSeededDatabase } from './full-stack';
import { startTemporalCli } from './temporal-cli';

const root = join(__dirname, '..', '..');

/** The system deployed as in production: the Temporal server, the worker and the API each in a process of its own. */
export interface ProcessStack {
  baseUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  /** Signs in a demo user and returns a client that sends their token. */
  as(username: string): Promise<HttpClient>;
  anonymous: HttpClient;
  /** Process ids, to read their CPU time. */
  pids: { temporal: number; worker: number; api: number };
  stop(): Promise<void>;
}

/**
 * Starts `script` (a TypeScript entry point) with the project's TypeScript loader, or with `built`, its compiled
 * JavaScript in `dist/` with Node alone; resolves once a line of its output matches `ready`.
 */
async function startProcess(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  built = false,
  onOutput?: ProcessOutput,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const command = built
    ? [join('dist', script.replace(/\.ts$/, '.js')), ...args]
    : ['-r', './tools/register.js', script, ...args];
  const child = spawn(process.execPath, command, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  if (onOutput) {
    child.stdout?.on('data', (data: Buffer) => onOutput(name, 'stdout', data.toString()));
    child.stderr?.on('data', (data: Buffer) => onOutput(name, 'stderr', data.toString()));
  }
  let onData = (_data: Buffer): void => undefined;
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    onData = (data: Buffer): void => {
      output += data.toString();
      const found = ready.exec(output);
      if (found) resolve(found);
    };
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`)));
  }).finally(() => {
    for (const stream of [child.stdout, child.stderr]) stream?.removeListener('data', onData);
  });
  // Keep draining its output, no longer kept, so that it never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return { child, match };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Receives what a process of the stack writes, as it writes it. */
export type ProcessOutput = (process: string, stream: 'stdout' | 'stderr', text: string) => void;

/** How to start a {@link ProcessStack}. */
export interface ProcessStackOptions {
  /** More environment variables for both the worker and the API (e.g. `OTEL_EXPORTER_OTLP_ENDPOINT`). */
  env?: Record<string, string>;
  /** Everything the worker and the API write (the embedded Temporal server's output is not passed on). */
  onOutput?: ProcessOutput;
  /** More environment variables for the worker process (e.g. `CADREFLOW_CHECKPOINT_EVERY`). */
  workerEnv?: Record<string, string>;
  /** `'real'`: the real Temporal server (`temporal server start-dev`, SQLite in memory) instead of `temporal:dev`. */
  temporal?: 'embedded' | 'real';
  /** Run the worker and the API from the compiled build (`npm run build` wrote `dist/`), as `npm run start:api` does. */
  built?: boolean;
}

/**
 * Migrates and seeds a fresh database on the run's PostgreSQL, then starts `npm run temporal:dev` (memory store),
 * `npm run start:worker` and `npm run start:api` as separate processes pointed at it, configured by environment
 * variables as in production.
 */
export async function startProcessStack(options: ProcessStackOptions = {}): Promise<ProcessStack> {
  const database = await createSeededDatabase('procs');

  const children: ChildProcess[] = [];
  let stopRealTemporal = (): Promise<void> => Promise.resolve();
  const stopAll = async (): Promise<void> => {
    for (const child of children.reverse()) await stopProcess(child);
    await stopRealTemporal();
    await database.drop();
  };
  try {
    let temporalAddress: string;
    let temporalPid: number | undefined;
    if (options.temporal === 'real') {
      const real = await startTemporalCli();
      stopRealTemporal = () => real.stop();
      [temporalAddress, temporalPid] = [real.address, real.pid];
    } else {
      const temporal = await startProcess(
        'temporal:dev',
        'libs/embedded-temporal/src/cli.ts',
        ['--port', '0', '--db', 'memory'],
        {},
        /listening on (\S+)/,
      );
      children.push(temporal.child);
      [temporalAddress, temporalPid] = [temporal.match[1], temporal.child.pid];
    }
    // The API seals its own appends (registry, dossier reads) with a key of its own, which both processes trust.
    const appender = generateKeyPairSync('ed25519');
    const env = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: `procs-${Math.random().toString(36).slice(2, 10)}`,
      JWT_SECRET: 'process-stack-secret-that-is-long-enough',
      CADREFLOW_TRUSTED_APPENDER_KEYS: appender.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ...options.env,
    };
    // The worker signs checkpoints; the API verifies them with the public half only.
    const keys = generateKeyPairSync('ed25519');
    const worker = await startProcess(
      'worker',
      'apps/worker/src/main.ts',
      [],
      {
        ...env,
        CADREFLOW_SIGNING_KEY: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        ...options.workerEnv,
      },
      options.built ? /polling task queue .* with the prebuilt workflow bundle/ : /polling task queue/,
      options.built,
      options.onOutput,
    );
    children.push(worker.child);
    const port = await freePort();
    const api = await startProcess(
      'api',
      'apps/api/src/main.ts',
      [],
      {
        ...env,
        PORT: String(port),
        CADREFLOW_CHECKPOINT_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        CADREFLOW_APPENDER_KEY: appender.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
      /listening on port/,
      options.built,
      options.onOutput,
    );
    children.push(api.child);
    const baseUrl = `http://127.0.0.1:${port}`;
    const anonymous = new HttpClient(baseUrl);
    return {
      baseUrl,
      temporalAddress,
      databaseUrl: database.url,
      anonymous,
      pids: { temporal: temporalPid!, worker: worker.child.pid!, api: api.child.pid! },
      async as(username: string) {
        const login = await anonymous.post<{ accessToken: string }>('/auth/login', {
          username,
          password: DEMO_PASSWORD,
        });
        if (login.status !== 200) throw new Error(`cannot sign in ${username}: ${JSON.stringify(login.body)}`);
        return new HttpClient(baseUrl, login.body.accessToken);
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
