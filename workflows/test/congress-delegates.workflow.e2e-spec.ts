import { demoIds, noInvalidBallots, type ElectionAttendance } from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  workflowTypes,
  type CongressPersonnelLaunch,
  type DecideInput,
  type OpenStepView,
  type ProcedureResult,
} from '@cadreflow/workflows/messages';
import type { WorkflowHandle } from '@temporalio/client';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, organisationWithNewcomers, registrySnapshot } from './support/demo-launch.fixture';
import {
  adoptSubmitApprove,
  clearAll,
  clerkFor,
  fileActionProgrammes,
  introduceAll,
  launchedState,
  waitFor,
} from './support/procedure-driver';

const CONGRESS_DATE = '2027-06-15';
const model = organisationWithNewcomers(10);
const pool = model.people.filter((p) => p.id.startsWith('person/bn-pool-')).map((p) => p.id);
/** Five seats of the committee, six on its list (a committee of 3–5: one over). */
const committee = pool.slice(0, 6);
/** Two official and one alternate delegate, four on their list (one over). */
const delegateList = [pool[6], pool[7], pool[8], pool[0]] as string[];
const attendance: ElectionAttendance = {
  kind: 'delegates',
  delegatesConvened: 200,
  conveningCommitteeAbsentThroughout: 0,
  delegatesAbsentWithoutAlternate: 0,
  present: 190,
};

function roundTally(step: OpenStepView, tallies: Record<string, number>): DecideInput {
  return {
    stepId: step.stepId,
    actor: clerkFor(step),
    decision: {
      kind: 'round-tally',
      attendance,
      ballots: { issued: 190, returned: 190, valid: 190, invalid: noInvalidBallots() },
      tallies,
    },
  };
}

/** Files the list's action programmes, approves the list and records round 1 with these votes. */
async function listAndRound(handle: WorkflowHandle, tallies: Record<string, number>): Promise<void> {
  const listStep = (await launchedState(handle)).openSteps[0];
  const candidates = ((await handle.query(stateQuery)).detail as { candidates: string[] }).candidates;
  await fileActionProgrammes(handle, demoActors.organizationOfficer, candidates);
  await handle.executeUpdate(decideUpdate, {
    args: [{ stepId: listStep.stepId, actor: clerkFor(listStep), decision: { kind: 'approve' } }],
  });
  const round = (await handle.query(stateQuery)).openSteps[0];
  await handle.executeUpdate(decideUpdate, { args: [roundTally(round, tallies)] });
}

describe('composite congress-personnel workflow with the delegates to the higher congress', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('elects the committee, then its official and alternate delegates on one ballot, under the composite rulebook', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'congress-with-delegates';
      const launch: CongressPersonnelLaunch = {
        kind: 'congress-personnel',
        procedureId,
        bodyId: demoIds.province,
        launchedBy: demoActors.organizationOfficer,
        plan: {
          executiveCommitteeSeats: 5,
          standingCommitteeSeats: 3,
          deputySecretaries: 1,
          candidateIds: committee,
          standards: ['Standards of QĐ 214'],
        },
        congressDate: CONGRESS_DATE,
        registry: registrySnapshot(model),
        delegates: { seats: 2, alternateSeats: 1, candidateIds: delegateList },
      };
      const composite = await env.client.workflow.start(workflowTypes['congress-personnel'], {
        workflowId: procedureId,
        taskQueue,
        args: [launch],
      });
      const child = (stage: string) => env.client.workflow.getHandle(`${procedureId}/${stage}`);
      expect((await composite.query(stateQuery)).stages?.map((s) => s.stage)).toEqual([
        'plan',
        'introduction',
        'vetting',
        'consultation',
        'election',
        'delegates',
      ]);

      await adoptSubmitApprove(child('plan'), demoActors.organizationOfficer);
      await introduceAll(child('introduction'));
      await clearAll(child('vetting'), demoActors.organizationOfficer);
      await adoptSubmitApprove(child('consultation'), demoActors.organizationOfficer);

      const election = child('election');
      await listAndRound(election, Object.fromEntries(committee.map((id, i) => [id, 180 - 10 * i])));
      const ratification = (await election.query(stateQuery)).openSteps[0];
      expect(ratification).toMatchObject({ stepId: 'ratification' });
      await election.executeUpdate(decideUpdate, {
        args: [{ stepId: 'ratification', actor: demoActors.politburo, decision: { kind: 'approve' } }],
      });

      // After the election, the congress elects its delegates: the presidium approves the list of four for three.
      await waitFor(async () => (await composite.query(stateQuery)).status === 'delegates');
      const delegates = child('delegates');
      const listStep = (await launchedState(delegates)).openSteps[0];
      expect(listStep).toMatchObject({
        stepId: 'candidate-list',
        params: { seats: 3 },
        role: 'congress-presidium',
        bodyId: demoIds.provincialCongress,
      });
      const [d1, d2, d3, d4] = delegateList as [string, string, string, string];
      await listAndRound(delegates, { [d1]: 150, [d2]: 170, [d3]: 120, [d4]: 60 });

      const result = (await composite.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'completed', outcome: 'elected', personIds: committee.slice(0, 5) });
      const finished = await composite.query(stateQuery);
      expect(finished.stages?.map((s) => [s.stage, s.state])).toEqual([
        ['plan', 'done'],
        ['introduction', 'done'],
        ['vetting', 'done'],
        ['consultation', 'done'],
        ['election', 'done'],
        ['delegates', 'done'],
      ]);
      expect(finished.elected).toHaveLength(5);
      expect(finished.delegates).toEqual({
        official: [
          { personId: d2, round: 1, votes: 170, base: 200, sharePercent: 85 },
          { personId: d1, round: 1, votes: 150, base: 200, sharePercent: 75 },
        ],
        alternates: [{ personId: d3, round: 1, votes: 120, base: 200, sharePercent: 60 }],
      });
      expect(result.detail).toMatchObject({ delegates: finished.delegates });

      const stream = await env.store.readStream(`${procedureId}/delegates`);
      expect(stream.find((e) => e.type === 'DelegatesElected')?.data).toEqual({
        official: [d2, d1],
        alternates: [d3],
        seatsUnfilled: 0,
      });
      // The stage runs under the rulebook its composite was launched under.
      expect(stream[0]).toMatchObject({ type: 'ProcedureLaunched', data: { rulebookId: finished.rulebookId } });
      expect(stream.some((e) => e.type === 'StepOpened' && e.data.stepId === 'ratification')).toBe(false);

      await waitFor(async () => (await composite.describe()).status.name === 'COMPLETED');
      await keepHistory(composite, 'congress-personnel-with-delegates');
      await keepHistory(delegates, 'congress-personnel-with-delegates-delegates');
    });
  });
});
