import { demoIds, noInvalidBallots, type ElectionAttendance } from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  workflowTypes,
  type ElectionLaunch,
  type ProcedureResult,
} from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors } from './support/demo-launch.fixture';
import { approve, clerkFor, fileActionProgrammes, launchedState } from './support/procedure-driver';

const people = ['person/bn-06', 'person/bn-07', 'person/bn-08', 'person/bn-09', 'person/bn-10', 'person/bn-11'];
const [a, b, c, d, e, f] = people as [string, string, string, string, string, string];
const attendance: ElectionAttendance = {
  kind: 'delegates',
  delegatesConvened: 100,
  conveningCommitteeAbsentThroughout: 0,
  delegatesAbsentWithoutAlternate: 0,
  present: 100,
};

function delegatesLaunch(procedureId: string): ElectionLaunch {
  return {
    kind: 'election',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    data: {
      congressId: demoIds.provincialCongress,
      electedBodyId: 'body/bn-delegation-to-national-congress',
      level: 'province',
      congressDate: '2027-06-15',
      seats: 4,
      alternateSeats: 1,
      presidiumId: demoIds.provincialCongress,
      countingBoardId: demoIds.provincialCongress,
      higherBodyId: demoIds.politburo,
      higherRole: 'politburo',
      candidates: people.map((personId) => ({ personId, relativeIds: [], source: 'plan', delegate: true })),
    },
  };
}

describe('delegates to the higher congress (F with alternate seats) on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('one ballot for four official and one alternate delegate; the first four by votes are official', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'election/delegates-to-national-congress';
      const handle = await env.client.workflow.start(workflowTypes.election, {
        workflowId: procedureId,
        taskQueue,
        args: [delegatesLaunch(procedureId)],
      });
      const listStep = (await launchedState(handle)).openSteps[0];
      expect(listStep).toMatchObject({ stepId: 'candidate-list', params: { seats: 5 } });
      await fileActionProgrammes(handle, demoActors.organizationOfficer, people);
      await approve(handle, listStep);
      const round = (await handle.query(stateQuery)).openSteps[0];
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: round.stepId,
            actor: clerkFor(round),
            decision: {
              kind: 'round-tally',
              attendance,
              ballots: { issued: 100, returned: 100, valid: 100, invalid: noInvalidBallots() },
              tallies: { [a]: 90, [b]: 88, [c]: 80, [d]: 75, [e]: 70, [f]: 40 },
            },
          },
        ],
      });
      const result = (await handle.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'completed', outcome: 'delegates-elected', personIds: [a, b, c, d, e] });
      const stream = await env.store.readStream(procedureId);
      const declared = stream.find((ev) => ev.type === 'DelegatesElected');
      expect(declared?.data).toEqual({ official: [a, b, c, d], alternates: [e], seatsUnfilled: 0 });
      expect(declared?.metadata).toMatchObject({ actorRole: 'counting-board' });
      expect(stream.find((ev) => ev.type === 'ElectionScheduled')?.data).toMatchObject({
        seats: 5,
        delegates: { official: 4, alternates: 1 },
      });
      await keepHistory(handle, 'election-delegates-official-and-alternate');
    });
  });
});
