import { randomUUID } from 'node:crypto';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import type { HttpClient } from '../support/full-stack';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/**
 * The production entry points: `temporal:dev` (standing in for a Temporal cluster), `start:worker` and `start:api`
 * run as separate processes configured by environment variables, and serve a decision from launch to audit.
 */
describe('the API and the worker as separate processes (real PostgreSQL, embedded Temporal)', () => {
  let stack: ProcessStack;
  let committee: HttpClient;
  let approver: HttpClient;
  let inspector: HttpClient;

  beforeAll(async () => {
    // A checkpoint as soon as anything is new, so that the test sees the worker sign one.
    stack = await startProcessStack({ workerEnv: { CADREFLOW_CHECKPOINT_EVERY: '1' } });
    [committee, approver, inspector] = await Promise.all(['tochuc', 'phobithu', 'ubkt'].map((u) => stack.as(u)));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('launches a plan, takes the adoption decision from the queue and verifies the trail and the checkpoints the worker signs', async () => {
    const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), key());
    expect(launched.status).toBe(201);
    const { procedureId } = launched.body;

    let task: { taskId: string; procedureId: string; stepId: string } | undefined;
    for (let i = 0; i < 100 && !task; i++) {
      const queue = await approver.get<{ items: { taskId: string; procedureId: string; stepId: string }[] }>(
        '/tasks?pageSize=200',
      );
      task = queue.body.items.find((t) => t.procedureId === procedureId && t.stepId === 'adoption-1');
      if (!task) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(task).toBeDefined();
    const decided = await approver.post<{ events: { type: string; streamVersion: number }[] }>(
      `/tasks/${task!.taskId}/decision`,
      { kind: 'approve' },
      key(),
    );
    expect(decided.status).toBe(200);
    expect(decided.body.events.map((e) => e.type)).toContain('PlanAdopted');

    const audit = await inspector.get<{ verification: { ok: boolean }; events: { type: string }[] }>(
      `/procedures/${procedureId}/audit`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.verification).toMatchObject({ ok: true });
    expect(audit.body.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ProcedureLaunched', 'PlanDrafted', 'PlanAdopted']),
    );

    // The worker process signs checkpoints with CADREFLOW_SIGNING_KEY; the API trusts only the public half.
    let report: { ok: boolean; checkpointsChecked: number; lastCheckpointPosition: number } | undefined;
    for (let i = 0; i < 100 && !(report && report.checkpointsChecked > 0); i++) {
      if (report) await new Promise((resolve) => setTimeout(resolve, 100));
      report = (await inspector.post<typeof report & object>('/audit/verify')).body;
    }
    expect(report).toMatchObject({ ok: true });
    expect(report!.checkpointsChecked).toBeGreaterThan(0);
    expect(report!.lastCheckpointPosition).toBeGreaterThan(0);
  });
});
