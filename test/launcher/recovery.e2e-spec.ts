import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runningPostmaster, stopPostmaster } from '@cadreflow/event-store';
import { HttpClient } from '../support/full-stack';

const root = join(__dirname, '..', '..');

interface Launcher {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The launcher `npm start` runs, as a process of its own (in its own process group, for the cleanup). */
async function startLauncher(dataDir: string, port: number): Promise<Launcher> {
  const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/launcher/src/main.ts'], {
    cwd: root,
    env: { ...process.env, CADREFLOW_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', TEMPORAL_ADDRESS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  while (!output.includes('cadreflow is ready')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the launcher exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, output: () => output, exited };
}

/**
 * Opens the live-updates stream as a browser tab does (with a single-use ticket), and keeps it open; resolves once
 * the server answered.
 */
async function openLiveStream(
  baseUrl: string,
  token: string,
): Promise<{ request: ClientRequest; response: IncomingMessage }> {
  const issued = await new HttpClient(baseUrl, token).post<{ ticket: string }>('/tasks/events/ticket');
  expect([200, 201]).toContain(issued.status);
  return new Promise((resolve, reject) => {
    const outgoing = request(`${baseUrl}/tasks/events?ticket=${encodeURIComponent(issued.body.ticket)}`, {
      headers: { accept: 'text/event-stream' },
    });
    outgoing.on('response', (response) => {
      response.on('error', () => undefined);
      resolve({ request: outgoing, response });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function signIn(baseUrl: string): Promise<string> {
  const login = await new HttpClient(baseUrl).post<{ accessToken: string }>('/auth/login', {
    username: 'phobithu',
    password: 'cadreflow-demo',
  });
  expect(login.status).toBe(200);
  return login.body.accessToken;
}

/**
 * `npm start` after its own kill -9 (the embedded PostgreSQL it started lives on and holds the data folder), and
 * Ctrl-C while a browser holds the live-updates stream open, and a second Ctrl-C.
 */
describe('the launcher recovers and stops (real processes)', () => {
  let dataDir: string;
  let port: number;
  const launchers: Launcher[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cadreflow-recovery-'));
    port = await freePort();
  });
  afterAll(async () => {
    for (const launcher of launchers) {
      if (launcher.child.exitCode === null && launcher.child.signalCode === null) {
        process.kill(-launcher.child.pid!, 'SIGKILL');
      }
    }
    const left = await runningPostmaster(join(dataDir, 'postgres'));
    if (left !== undefined) await stopPostmaster(left);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts again after kill -9, stopping the PostgreSQL left running, and stops on Ctrl-C with a live stream open', async () => {
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = await startLauncher(dataDir, port);
    launchers.push(first);
    expect((await openLiveStream(baseUrl, await signIn(baseUrl))).response.statusCode).toBe(200);
    first.child.kill('SIGKILL');
    await first.exited;
    const orphan = await runningPostmaster(join(dataDir, 'postgres'));
    expect(orphan).toEqual(expect.any(Number));

    const second = await startLauncher(dataDir, port);
    launchers.push(second);
    expect(second.output()).toContain(`PostgreSQL (process ${orphan}) is still running`);
    expect(second.output()).toContain(`PostgreSQL (process ${orphan}) stopped`);
    const stream = await openLiveStream(baseUrl, await signIn(baseUrl));
    expect(stream.response.statusCode).toBe(200);
    const streamEnded = new Promise<void>((resolve) => stream.response.on('close', () => resolve()));

    second.child.kill('SIGINT');
    const { code } = await second.exited;
    await streamEnded;
    expect({ code, stopped: second.output().includes('stopped') }).toEqual({ code: 0, stopped: true });
    expect(await runningPostmaster(join(dataDir, 'postgres'))).toBeUndefined();
  });

  it('exits at a second Ctrl-C, and the next start finds the folder free', async () => {
    const baseUrl = `http://127.0.0.1:${port}`;
    const third = await startLauncher(dataDir, port);
    launchers.push(third);
    expect((await openLiveStream(baseUrl, await signIn(baseUrl))).response.statusCode).toBe(200);
    third.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    third.child.kill('SIGINT');
    const { code } = await third.exited;
    // The stop may have finished before the second signal came; either way the process is gone.
    expect([0, 130]).toContain(code);

    const fourth = await startLauncher(dataDir, port);
    launchers.push(fourth);
    expect(fourth.output()).toContain('cadreflow is ready');
    fourth.child.kill('SIGINT');
    expect((await fourth.exited).code).toBe(0);
  });
});
