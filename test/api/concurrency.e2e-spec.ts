import { randomUUID } from 'node:crypto';
import { demoIds } from '@cadreflow/domain';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { startFullStack, type FullStack, type HttpClient, type HttpResponse } from '../support/full-stack';

interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
}
interface Launched {
  procedureId: string;
  created: boolean;
}
interface Trail {
  events: { type: string; metadata: Record<string, unknown> }[];
}

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/**
 * Many simultaneous requests on one procedure (issue: 3 to 20 of them hung for 30 s, then answered 500). Every
 * request must be answered with a proper status, and where one may win, exactly one does.
 */
describe('simultaneous requests on one procedure (real PostgreSQL, embedded Temporal, real worker)', () => {
  let stack: FullStack;
  let committee: HttpClient;
  let approvers: HttpClient[];
  let inspector: HttpClient;

  beforeAll(async () => {
    stack = await startFullStack();
    committee = await stack.as('tochuc');
    approvers = [await stack.as('phobithu'), await stack.as('phobithu2')];
    inspector = await stack.as('ubkt');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const launchKey = key();
  const launch = (): Promise<HttpResponse<Launched>> =>
    committee.post<Launched>('/procedures', provincialPlanRequest(), launchKey);

  async function openTask(client: HttpClient, procedureId: string): Promise<Task> {
    for (let i = 0; i < 100; i++) {
      const queue = await client.get<{ items: Task[] }>('/tasks?pageSize=200');
      const task = queue.body.items.find((t) => t.procedureId === procedureId);
      if (task) return task;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no task of ${procedureId} in the queue`);
  }

  it('answers 20 simultaneous page views, claims, decisions and launch retries, with one decision winning', async () => {
    const first = await launch();
    expect(first.status).toBe(201);
    const procedureId = first.body.procedureId;
    const task = await openTask(approvers[0], procedureId);

    const views = Array.from({ length: 5 }, () => committee.get(`/procedures/${procedureId}`));
    const retries = Array.from({ length: 5 }, () => launch());
    const claims = Array.from({ length: 4 }, (_, i) => approvers[i % 2].post(`/tasks/${task.taskId}/claim`));
    const decisions = Array.from({ length: 6 }, (_, i) =>
      approvers[i % 2].post<{ events: { type: string }[] }>(
        `/tasks/${task.taskId}/decision`,
        { kind: 'approve' },
        key(),
      ),
    );
    const [viewed, retried, claimed, decided] = await Promise.all([
      Promise.all(views),
      Promise.all(retries),
      Promise.all(claims),
      Promise.all(decisions),
    ]);

    expect(viewed.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const r of retried)
      expect({ status: r.status, body: r.body }).toEqual({
        status: 200,
        body: expect.objectContaining({ procedureId, created: false }) as unknown,
      });
    for (const r of claimed) expect([200, 409]).toContain(r.status);
    const winners = decided.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(winners[0].body.events.map((e) => e.type)).toContain('PlanAdopted');
    const losers = decided.filter((d) => d.status !== 200);
    for (const r of losers) expect([403, 409, 422]).toContain(r.status);
    for (const code of losers.map((r) => (r.body as { code?: string }).code ?? '')) {
      expect(code).toMatch(/^(TASK_CLOSED|TASK_CLAIMED_BY_OTHER|STEP_NOT_OPEN|ILLEGAL_TRANSITION|STEP_\w+)$/);
    }

    const trail = await inspector.get<Trail>(`/procedures/${procedureId}/audit`);
    expect(trail.body.events.filter((e) => e.type === 'PlanAdopted')).toHaveLength(1);
    expect(trail.body.events.filter((e) => e.type === 'ProcedureLaunched')).toHaveLength(1);
  });

  it('answers 20 simultaneous commands with the same and with different keys, recording each accepted one once', async () => {
    const started = await committee.post<Launched>('/procedures', provincialPlanRequest(), key());
    const procedureId = started.body.procedureId;
    const adoption = await openTask(approvers[0], procedureId);
    expect((await approvers[0].post(`/tasks/${adoption.taskId}/decision`, { kind: 'approve' }, key())).status).toBe(
      200,
    );
    const submission = {
      actAs: { role: 'organization-committee', bodyId: demoIds.organizationCommittee },
      type: 'SubmitPlan',
      data: {},
    };
    const sameKey = key();
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () => committee.post(`/procedures/${procedureId}/commands`, submission, sameKey)),
      ...Array.from({ length: 10 }, () => committee.post(`/procedures/${procedureId}/commands`, submission, key())),
    ]);
    for (const r of answers) expect([200, 409, 422]).toContain(r.status);
    // One submission is recorded; every request that got 200 got those same events (a retry of the winning key, or
    // the winner itself); the others are refused as the plan is no longer a draft.
    const accepted = answers.filter((r) => r.status === 200);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(new Set(accepted.map((r) => JSON.stringify(r.body))).size).toBe(1);

    const trail = await inspector.get<Trail>(`/procedures/${procedureId}/audit`);
    expect(trail.body.events.filter((e) => e.type === 'PlanSubmitted')).toHaveLength(1);
  });
});
