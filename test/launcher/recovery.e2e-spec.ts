import { mkdtemp, rm } from 'node:fs/promises';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningPostmaster, stopPostmaster } from '@cadreflow/event-store';
import { HttpClient } from '../support/full-stack';
import { startLauncher, type StartedLauncher } from '../support/launcher';

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
  const launchers: StartedLauncher[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cadreflow-recovery-'));
  });
  afterAll(async () => {
    for (const launcher of launchers) {
      if (launcher.process.exitCode === null && launcher.process.signalCode === null) {
        process.kill(-launcher.process.pid!, 'SIGKILL');
      }
    }
    const left = await runningPostmaster(join(dataDir, 'postgres'));
    if (left !== undefined) await stopPostmaster(left);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts again after kill -9, stopping the PostgreSQL left running, and stops on Ctrl-C with a live stream open', async () => {
    const first = await startLauncher(dataDir, 'node');
    launchers.push(first);
    expect((await openLiveStream(first.baseUrl, await signIn(first.baseUrl))).response.statusCode).toBe(200);
    first.process.kill('SIGKILL');
    await first.exited;
    const orphan = await runningPostmaster(join(dataDir, 'postgres'));
    expect(orphan).toEqual(expect.any(Number));

    const second = await startLauncher(dataDir, 'node');
    launchers.push(second);
    const baseUrl = second.baseUrl;
    expect(second.output()).toContain(`PostgreSQL (process ${orphan}) is still running`);
    expect(second.output()).toContain(`PostgreSQL (process ${orphan}) stopped`);
    const stream = await openLiveStream(baseUrl, await signIn(baseUrl));
    expect(stream.response.statusCode).toBe(200);
    const streamEnded = new Promise<void>((resolve) => stream.response.on('close', () => resolve()));

    second.process.kill('SIGINT');
    const { code } = await second.exited;
    await streamEnded;
    expect({ code, stopped: second.output().includes('stopped') }).toEqual({ code: 0, stopped: true });
    expect(await runningPostmaster(join(dataDir, 'postgres'))).toBeUndefined();
  });

  it('exits at a second Ctrl-C, and the next start finds the folder free', async () => {
    const third = await startLauncher(dataDir, 'node');
    launchers.push(third);
    expect((await openLiveStream(third.baseUrl, await signIn(third.baseUrl))).response.statusCode).toBe(200);
    third.process.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    third.process.kill('SIGINT');
    const { code } = await third.exited;
    // The stop may have finished before the second signal came; either way the process is gone.
    expect([0, 130]).toContain(code);

    const fourth = await startLauncher(dataDir, 'node');
    launchers.push(fourth);
    expect(fourth.output()).toContain('cadreflow is ready');
    fourth.process.kill('SIGINT');
    expect((await fourth.exited).code).toBe(0);
  });
});
