import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  commandUpdate,
  decideUpdate,
  domainFailureOf,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ProcedureResult,
} from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, planLaunch, provincialPlan, sittingMembers } from './support/demo-launch.fixture';

const newcomers = ['person/new-01', 'person/new-02', 'person/new-03', 'person/new-04', 'person/new-05'];
const plan = provincialPlan([...sittingMembers, ...newcomers]);

describe('personnel plan workflow (A) on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('runs draft → adopted → submitted → returned → submitted → approved, each update returning the recorded event', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/happy-path';
      const handle = await env.client.workflow.start(workflowTypes['personnel-plan'], {
        workflowId: procedureId,
        taskQueue,
        args: [planLaunch(procedureId, plan)],
      });
      await waitFor(async () => (await handle.query(stateQuery)).streamVersion > 0);

      const adopted = await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'adoption-1', actor: demoActors.standingMember, decision: { kind: 'approve' } }],
      });
      expect(adopted.map((e) => e.type)).toEqual(['PlanAdopted', 'StepClosed']);
      expect(adopted[0]?.hash).toMatch(/^[0-9a-f]{64}$/);

      await handle.executeUpdate(commandUpdate, {
        args: [{ actor: demoActors.organizationOfficer, command: { type: 'SubmitPlan', data: {} } }],
      });
      const returned = await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'review-1',
            actor: demoActors.politburo,
            decision: { kind: 'return', reason: 'Raise the share of cadres under 40' },
          },
        ],
      });
      expect(returned.map((e) => e.type)).toEqual(['PlanReturned', 'StepClosed']);
      await handle.executeUpdate(commandUpdate, {
        args: [{ actor: demoActors.organizationOfficer, command: { type: 'RevisePlan', data: { plan } } }],
      });
      await handle.executeUpdate(commandUpdate, {
        args: [{ actor: demoActors.organizationOfficer, command: { type: 'SubmitPlan', data: {} } }],
      });
      const state = await handle.query(stateQuery);
      expect(state.status).toBe('SUBMITTED');
      expect(state.openSteps).toEqual([
        expect.objectContaining({ stepId: 'review-2', role: 'politburo', launchedBy: 'person/bn-ot-01' }),
      ]);
      const approved = await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'review-2', actor: demoActors.politburo, decision: { kind: 'approve' } }],
      });
      expect(approved[0]).toMatchObject({ type: 'PlanApproved' });

      const stream = await env.store.readStream(procedureId);
      expect(stream.map((e) => e.type)).toContain('PlanApproved');
      const last = stream.find((e) => e.type === 'PlanApproved');
      expect(last).toMatchObject({ position: approved[0]?.position, hash: approved[0]?.hash });
      expect(last?.metadata).toMatchObject({
        actorId: demoActors.politburo.actorId,
        actorRole: 'politburo',
        bodyId: demoActors.politburo.bodyId,
        rulebookId: state.rulebookId,
        correlationId: procedureId,
      });
      expect(typeof last?.metadata.causationId).toBe('string');
      expect(last?.idempotencyKey).toBe(`${procedureId}/${(last?.streamVersion ?? 0) - 1}`);

      const withdrawn = await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'The congress was postponed' }],
      });
      expect(withdrawn[0]).toMatchObject({ type: 'ProcedureWithdrawn' });
      const result = (await handle.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'withdrawn', streamVersion: stream.length + 1 });
      await keepHistory(handle, 'personnel-plan-returned-approved-withdrawn-by-activity');
    });
  });

  it('refuses an illegal move (after checking the log holds nothing newer): the client sees the domain code and nothing is recorded', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/four-eyes';
      const handle = await env.client.workflow.start(workflowTypes['personnel-plan'], {
        workflowId: procedureId,
        taskQueue,
        args: [planLaunch(procedureId, plan)],
      });
      await waitFor(async () => (await handle.query(stateQuery)).streamVersion > 0);
      const launcherDecides = handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'adoption-1',
            actor: {
              ...demoActors.organizationOfficer,
              role: 'standing-committee',
              bodyId: demoActors.standingMember.bodyId,
            },
            decision: { kind: 'approve' },
          },
        ],
      });
      const error: unknown = await launcherDecides.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe('NOT_ALLOWED');
      expect(domainFailureOf(error)).toMatchObject({
        code: 'NOT_ALLOWED',
        details: { name: 'NotAllowedError', context: { reason: 'FOUR_EYES' } },
      });

      await expect(
        handle.executeUpdate(decideUpdate, {
          args: [{ stepId: 'review-1', actor: demoActors.politburo, decision: { kind: 'approve' } }],
        }),
      ).rejects.toThrow(WorkflowUpdateFailedError);
      const malformed = await handle
        .executeUpdate(decideUpdate, {
          args: [
            {
              stepId: 'adoption-1',
              actor: demoActors.standingMember,
              decision: { kind: 'reject' } as unknown as { kind: 'reject'; reason: string },
            },
          ],
        })
        .catch((e: unknown) => domainFailureOf(e));
      expect(malformed).toMatchObject({ code: 'VALIDATION' });
      const unknownCommand = await handle
        .executeUpdate(commandUpdate, {
          args: [
            {
              actor: demoActors.organizationOfficer,
              command: { type: 'CheckDeadlines', data: {} } as unknown as {
                type: 'SubmitPlan';
                data: Record<string, never>;
              },
            },
          ],
        })
        .catch((e: unknown) => domainFailureOf(e));
      expect(unknownCommand).toMatchObject({ code: 'VALIDATION' });
      const notForThisProcedure = await handle
        .executeUpdate(commandUpdate, {
          args: [{ actor: demoActors.organizationOfficer, command: { type: 'DiscloseResult', data: { stepId: 'x' } } }],
        })
        .catch((e: unknown) => domainFailureOf(e));
      expect(notForThisProcedure).toMatchObject({ code: 'VALIDATION' });
      const versionAfterRejections = (await env.store.readStream(procedureId)).length;
      expect(versionAfterRejections).toBe(3);
      const stillWorking = await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'adoption-1', actor: demoActors.standingMember, decision: { kind: 'approve' } }],
      });
      expect(stillWorking[0]?.streamVersion).toBe(4);
      await handle.terminate('test over');
    });
  });

  it('escalates an overdue adoption step (10 working days) once the clock passes its due date', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/overdue';
      const handle = await env.client.workflow.start(workflowTypes['personnel-plan'], {
        workflowId: procedureId,
        taskQueue,
        args: [planLaunch(procedureId, plan)],
      });
      await waitFor(async () => (await handle.query(stateQuery)).streamVersion > 0);
      const before = await handle.query(stateQuery);
      const due = before.openSteps[0]?.dueDate;
      expect(due).toBeDefined();
      env.temporal.skipTime('45 days');
      await waitFor(async () => (await handle.query(stateQuery)).openSteps[0]?.escalated === true);
      const types = (await env.store.readStream(procedureId)).map((e) => e.type);
      expect(types.slice(-2)).toEqual(['DeadlineBreached', 'Escalated']);
      await handle.terminate('test over');
    });
  });

  it('keeps the rulebook in force on the launch date to the end', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/launched-in-2024';
      const handle = await env.client.workflow.start(workflowTypes['personnel-plan'], {
        workflowId: procedureId,
        taskQueue,
        args: [{ ...planLaunch(procedureId, plan), launchDate: '2024-03-01' }],
      });
      await waitFor(async () => (await handle.query(stateQuery)).streamVersion > 0);
      const state = await handle.query(stateQuery);
      expect(state.rulebookId).toBe('rulebook/2020-2025@2023-07-11');
      const [launched] = await env.store.readStream(procedureId);
      expect(launched?.metadata).toMatchObject({ rulebookId: 'rulebook/2020-2025@2023-07-11' });
      await handle.terminate('test over');
    });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
