import { demoIds } from '@cadreflow/domain';
import { decideUpdate, stateQuery, workflowTypes, type ProcedureResult } from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import {
  committee,
  congressLaunch,
  delegateList,
  listAndRound,
  passStagesBeforeElection,
} from './support/congress-composite.fixture';
import { demoActors } from './support/demo-launch.fixture';
import { launchedState, waitFor } from './support/procedure-driver';

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
      const launch = congressLaunch(procedureId);
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

      await passStagesBeforeElection(child);

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
