import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** A launcher started as a user starts it, with what it printed and its address. */
export interface StartedLauncher {
  process: ChildProcess;
  output: () => string;
  /** Where it serves the UI and the API, read from its `open:` line. */
  baseUrl: string;
  /** Resolves when every process writing to the output is gone (npm and the node process it started). */
  closed: Promise<Exit>;
  /**
   * Resolves when the process started exited, though a child of its may live on holding the output open (the
   * embedded PostgreSQL after a kill -9).
   */
  exited: Promise<Exit>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs the whole system as `npm start` does (or its launcher directly, without npm), in its own data folder and
 * process group, and waits for it to say it is ready. The API listens on a port the system picks (`PORT=0`) and
 * prints: a port picked here and handed over would be free when picked and taken by the time the launcher binds it.
 */
export async function startLauncher(dataDir: string, how: 'npm' | 'node' = 'npm'): Promise<StartedLauncher> {
  const { child, output, closed, exited } = spawnLauncher(dataDir, how, {});
  const deadline = Date.now() + 180_000;
  while (!output().includes('cadreflow is ready')) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      throw new Error(`the launcher did not get ready:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const open = /open: +(http:\/\/[^/\s]+)/.exec(output());
  if (!open) throw new Error(`the launcher printed no address to open:\n${output()}`);
  return { process: child, output, baseUrl: open[1], closed, exited };
}

/** Runs the launcher with some settings of its own until it exits, for a start that must be refused. */
export async function refusedStart(dataDir: string, env: Record<string, string>): Promise<Exit & { output: string }> {
  const { output, closed } = spawnLauncher(dataDir, 'node', env);
  return { ...(await closed), output: output() };
}

function spawnLauncher(
  dataDir: string,
  how: 'npm' | 'node',
  env: Record<string, string>,
): { child: ChildProcess; output: () => string; closed: Promise<Exit>; exited: Promise<Exit> } {
  const [command, args] =
    how === 'npm' ? ['npm', ['start']] : [process.execPath, ['-r', './tools/register.js', 'apps/launcher/src/main.ts']];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, CADREFLOW_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', TEMPORAL_ADDRESS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const closed = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, closed, exited };
}
