import { demoIds } from '@cadreflow/domain';
import {
  stateQuery,
  workflowTypes,
  type CongressPersonnelLaunch,
  type ProcedureResult,
} from '@cadreflow/workflows/messages';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { CONGRESS_DATE } from './support/congress-composite.fixture';
import {
  candidateList,
  demoActors,
  organisationWithNewcomers,
  provincialPlan,
  registrySnapshot,
} from './support/demo-launch.fixture';

/**
 * A stage whose workflow fails (here the plan, whose launch the rules refuse: as many names as seats) is marked
 * failed in the composite's state with the reason, as a code and its parameters the web app translates.
 */
describe('a failed stage of the composite congress procedure on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('marks the stage failed with the code and parameters of its refusal, and ends the composite there', async () => {
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
    });
  });
});
