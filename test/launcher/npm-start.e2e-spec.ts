import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpClient } from '../support/full-stack';
import { refusedStart, startLauncher, type StartedLauncher } from '../support/launcher';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';

/**
 * Ctrl-C to the whole process group, as a terminal sends it. npm itself may die of the signal; what matters is
 * that cadreflow stopped cleanly and every process is gone.
 */
async function interrupt(started: StartedLauncher): Promise<string> {
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
    const first = await startLauncher(dataDir);
    const baseUrl = first.baseUrl;
    expect(baseUrl).toMatch(/^http:\/\/localhost:\d+$/);
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

    const second = await startLauncher(dataDir);
    expect(second.output()).not.toContain('created now');
    const again = await new HttpClient(second.baseUrl).post<{ accessToken: string }>('/auth/login', {
      username: 'phobithu',
      password: 'cadreflow-demo',
    });
    const approver = new HttpClient(second.baseUrl, again.body.accessToken);
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

  it('refuses to start on a port another program holds, saying so, and starts on the same folder afterwards', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const held = (holder.address() as { port: number }).port;
    try {
      const refused = await refusedStart(dataDir, { PORT: String(held) });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`port ${held} is already in use by another program`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    // The refused start stopped what it had started: the folder is free for the next one.
    const next = await startLauncher(dataDir);
    expect(await interrupt(next)).toBe('stopped cleanly');
  });
});
