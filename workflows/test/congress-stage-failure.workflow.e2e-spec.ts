import { demoIds } from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  workflowTypes,
  type CongressPersonnelLaunch,
  type ProcedureResult,
} from '@cadreflow/workflows/messages';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  CONGRESS_DATE,
  committee,
  congressLaunch,
  listAndRound,
  passStagesBeforeElection,
} from './support/congress-composite.fixture';
import {
  candidateList,
  demoActors,
  organisationWithNewcomers,
  provincialPlan,
  registrySnapshot,
} from './support/demo-launch.fixture';

/**
 * A stage whose workflow fails (here the plan, whose launch the rules refuse: as many names as seats) is marked
 * failed in the composite's state with the reason, as a code and its parameters the web app translates, and recorded
 * as `StageFailed` on the composite's own stream; a first session not held after a refused ratification is recorded
 * as `StageSkipped`.
 */
describe('a failed stage of the composite congress procedure on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('marks the stage failed with the code and parameters of its refusal, records it, and ends the composite there', async () => {
    await env.withWorker(async (taskQueue) => {
      const model = organisationWithNewcomers(48);
      const procedureId = 'congress/bac-ninh-stage-failed';
      const composite = await env.client.workflow.start(workflowTypes['congress-personnel'], {
        workflowId: procedureId,
        taskQueue,
        args: [
          {
            kind: 'congress-personnel',
            procedureId,
            bodyId: demoIds.province,
            launchedBy: demoActors.organizationOfficer,
            // 48 names for 48 seats: no surplus.
            plan: provincialPlan(candidateList(model, env.temporal.now().toISOString(), CONGRESS_DATE, 48)),
            congressDate: CONGRESS_DATE,
            registry: registrySnapshot(model),
          } satisfies CongressPersonnelLaunch,
        ],
      });
      const result = (await composite.result()) as ProcedureResult;
      expect(result.outcome).toBe('plan-failed');
      const stages = (await composite.query(stateQuery)).stages ?? [];
      expect(stages.map((s) => s.state)).toEqual(['failed', 'pending', 'pending', 'pending', 'pending']);
      expect(stages[0]?.failure).toEqual({
        code: 'PLAN_RULES_BROKEN',
        params: {
          problems: ['48 candidates for 48 seats: the list needs at least 1 more than the seats'],
          rulebookId: 'rulebook/2025-2030@2025-10-08',
        },
      });
      // The log says so too, on the composite's own stream: the read models end the congress from it.
      const own = await env.store.readStream(procedureId);
      expect(own.map((e) => ({ type: e.type, version: e.streamVersion, data: e.data, metadata: e.metadata }))).toEqual([
        {
          type: 'StageFailed',
          version: 1,
          data: {
            stage: 'plan',
            stageProcedureId: `${procedureId}/plan`,
            reason: stages[0]?.failure,
            launchedBy: demoActors.organizationOfficer.actorId,
            launchedAt: expect.any(String) as string,
          },
          metadata: expect.objectContaining({
            actorId: 'system',
            actorRole: 'system',
            bodyId: demoIds.province,
            rulebookId: 'rulebook/2025-2030@2025-10-08',
            correlationId: procedureId,
            causationId: `${procedureId}/plan`,
          }) as unknown,
        },
      ]);
      await keepHistory(composite, 'congress-stage-failed-recorded');
    });
  });

  it('records the first session it does not hold when the higher level refuses to ratify the election', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'congress-first-session-skipped';
      const composite = await env.client.workflow.start(workflowTypes['congress-personnel'], {
        workflowId: procedureId,
        taskQueue,
        args: [congressLaunch(procedureId, { delegates: undefined, firstSession: { inspectionCommitteeSeats: 2 } })],
      });
      const child = (stage: string) => env.client.workflow.getHandle(`${procedureId}/${stage}`);
      await passStagesBeforeElection(child);
      const election = child('election');
      await listAndRound(election, Object.fromEntries(committee.map((id, i) => [id, 180 - 10 * i])));
      await election.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'ratification',
            actor: demoActors.politburo,
            decision: { kind: 'reject', reason: 'Chưa bảo đảm cơ cấu' },
          },
        ],
      });

      const result = (await composite.result()) as ProcedureResult;
      expect(result.outcome).toBe('ratification-refused');
      const own = await env.store.readStream(procedureId);
      expect(own.map((e) => ({ type: e.type, version: e.streamVersion, data: e.data }))).toEqual([
        {
          type: 'StageSkipped',
          version: 1,
          data: {
            stage: 'first-session',
            stageProcedureId: `${procedureId}/first-session`,
            reason: { code: 'ELECTION_NOT_STANDING', params: { electionOutcome: 'ratification-refused' } },
            launchedBy: demoActors.organizationOfficer.actorId,
            launchedAt: expect.any(String) as string,
          },
        },
      ]);
      expect(own[0]?.metadata).toMatchObject({ actorId: 'system', correlationId: procedureId });
      await keepHistory(composite, 'congress-first-session-skipped-recorded');
    });
  });
});
