import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cadreflow/event-store';
import { HttpClient } from '../support/full-stack';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';

const root = join(__dirname, '..', '..');

interface Started {
  process: ChildProcess;
  output: () => string;
  /** Resolves when every process writing to the output is gone (npm and the node process it started). */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `npm start` as a user would, in its own data folder, and waits for it to say it is ready. */
async function npmStart(dataDir: string, port: number): Promise<Started> {
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, CADREFLOW_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', TEMPORAL_ADDRESS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 180_000;
  while (!output.includes('cadreflow is ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { process: child, output: () => output, closed };
}

/**
 * Ctrl-C to the whole process group, as a terminal sends it. npm itself may die of the signal; what matters is
 * that cadreflow stopped cleanly and every process is gone.
 */
async function interrupt(started: Started): Promise<string> {
  process.kill(-started.process.pid!, 'SIGINT');
  const { code, signal } = await started.closed;
  const clean = (code === 0 || signal === 'SIGINT') && started.output().includes('stopped');
  return clean
    ? 'stopped cleanly'
    : `did not stop cleanly (code ${code}, signal ${signal}):\n${started.output().slice(-3000)}`;
}

describe('npm start (the embedded default, as a real process)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cadreflow-start-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints where to open it, serves the UI and the API, stops cleanly, and keeps an open procedure across a restart', async () => {
    const port = await freePort();
    const first = await npmStart(dataDir, port);
    const baseUrl = `http://localhost:${port}`;
    expect(first.output()).toContain(`open:      ${baseUrl}/`);
    expect(first.output()).toMatch(/demo users \(password "cadreflow-demo"\)/);

    const page = await fetch(`${baseUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    expect((await fetch(`${baseUrl}/docs`)).status).toBe(200);

    const anonymous = new HttpClient(baseUrl);
    const login = await anonymous.post<{ accessToken: string }>('/auth/login', {
      username: 'tochuc',
      password: 'cadreflow-demo',
    });
    expect(login.status).toBe(200);
    const committee = new HttpClient(baseUrl, login.body.accessToken);
    const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest());
    expect(launched.status).toBe(201);

    expect(await interrupt(first)).toBe('stopped cleanly');

    const second = await npmStart(dataDir, port);
    expect(second.output()).not.toContain('created now');
    const again = await anonymous.post<{ accessToken: string }>('/auth/login', {
      username: 'phobithu',
      password: 'cadreflow-demo',
    });
    const approver = new HttpClient(baseUrl, again.body.accessToken);
    const queue = await approver.get<{ items: { procedureId: string; stepId: string; taskId: string }[] }>('/tasks');
    const task = queue.body.items.find((t) => t.procedureId === launched.body.procedureId);
    expect(task?.stepId).toBe('adoption-1');
    const decided = await approver.post<{ events: { type: string }[] }>(
      `/tasks/${task!.taskId}/decision`,
      { kind: 'approve' },
      {
        'idempotency-key': 'after-restart',
      },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.events.map((e) => e.type)).toContain('PlanAdopted');
    expect(await interrupt(second)).toBe('stopped cleanly');
  });
});
