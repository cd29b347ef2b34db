import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Connection } from '@temporalio/client';
import { freePort } from '@cadreflow/event-store';

/** The real Temporal server (`temporal server start-dev`), started by a test run or a benchmark. */
export interface TemporalCliServer {
  /** `127.0.0.1:<port>`, what `Connection.connect` and `NativeConnection.connect` take. */
  readonly address: string;
  /** The server's process id (its CPU time is read from /proc by benchmarks). */
  readonly pid: number | undefined;
  /** What the server said when it started (version, persistence): for the run's log. */
  readonly banner: string;
  /** Ends the server process (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options of {@link startTemporalCli}. */
export interface TemporalCliOptions {
  /** The CLI to run; default `$TEMPORAL_CLI`, else `temporal` on the PATH. */
  readonly executable?: string;
  /** SQLite file to keep the server's state in; default in memory. */
  readonly dbFilename?: string;
  /** How long to wait for the server to answer; default 60 s. */
  readonly readyTimeoutMs?: number;
}

/** The `temporal` CLI could not be run or its server did not come up. */
export class TemporalCliError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(output ? `${message}\n${output}` : message);
    this.name = 'TemporalCliError';
  }
}

/** Whether the `temporal` CLI can be run here (benchmarks print the real server's row only then). */
export async function temporalCliAvailable(executable = defaultExecutable()): Promise<boolean> {
  const child = spawn(executable, ['--version'], { stdio: 'ignore' });
  const [code] = (await Promise.race([once(child, 'exit'), once(child, 'error').then(() => [-1])])) as [number | null];
  return code === 0;
}

function defaultExecutable(): string {
  return process.env.TEMPORAL_CLI || 'temporal';
}

/**
 * Starts the official Temporal server in development mode (`temporal server start-dev --headless`, SQLite in memory
 * or in `dbFilename`) on a free loopback port and waits until its `default` namespace answers. Only loopback: the
 * server, its HTTP API and its metrics listen on 127.0.0.1.
 *
 * @example
 * const server = await startTemporalCli();
 * const connection = await Connection.connect({ address: server.address });
 * // ...
 * await server.stop();
 */
export async function startTemporalCli(options: TemporalCliOptions = {}): Promise<TemporalCliServer> {
  const executable = options.executable ?? defaultExecutable();
  const port = await freePort();
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--http-port', String(await freePort()), '--metrics-port', String(await freePort()));
  args.push('--log-level', 'error');
  if (options.dbFilename) args.push('--db-filename', options.dbFilename);
  const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = `${output}${chunk.toString('utf8')}`.slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`cannot run ${executable}: ${error.message}`));
    child.once('exit', (code, signal) => resolve(`${executable} exited (${signal ?? code}) before it was ready`));
  });
  const address = `127.0.0.1:${port}`;
  const ready = waitUntilServing(address, options.readyTimeoutMs ?? 60_000);
  let outcome: string | undefined;
  try {
    outcome = await Promise.race([ready.then(() => undefined), exited]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  if (outcome !== undefined) {
    ready.cancel();
    throw new TemporalCliError(outcome, output);
  }
  const banner = output.trim();
  child.stdout.removeListener('data', keep);
  child.stderr.removeListener('data', keep);
  // The server's own error lines still reach the run's output; its regular output is not wanted there.
  child.stdout.resume();
  child.stderr.pipe(process.stderr);
  let stopping: Promise<void> | undefined;
  return {
    address,
    pid: child.pid,
    banner,
    stop: () => {
      stopping ??= stopChild(child);
      return stopping;
    },
  };
}

interface Waiting extends Promise<void> {
  cancel(): void;
}

/** Resolves once the server's frontend answers for the `default` namespace; rejects after `timeoutMs`. */
function waitUntilServing(address: string, timeoutMs: number): Waiting {
  let cancelled = false;
  const attempt = async (): Promise<void> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (cancelled) return;
      try {
        const connection = await Connection.connect({ address, connectTimeout: 2_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace: 'default' });
          return;
        } finally {
          await connection.close();
        }
      } catch (error) {
        if (Date.now() > until) throw new TemporalCliError(`no Temporal server answered at ${address}`, String(error));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  const promise = attempt() as Waiting;
  promise.cancel = () => {
    cancelled = true;
  };
  promise.catch(() => undefined);
  return promise;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    await exit;
  } finally {
    clearTimeout(timer);
  }
}
