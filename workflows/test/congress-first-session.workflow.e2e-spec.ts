import { noInvalidBallots } from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  workflowTypes,
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
import {
  committee,
  congressLaunch,
  delegateList,
  listAndRound,
  passStagesBeforeElection,
} from './support/congress-composite.fixture';
import { demoActors } from './support/demo-launch.fixture';
import { clerkFor, launchedState, waitFor } from './support/procedure-driver';

/**
 * Holds the first session of the five members: each office's list is proposed, and each round elects the first of
 * it (every member present), until the higher level ratifies.
 */
async function holdFirstSession(handle: WorkflowHandle, members: readonly string[]): Promise<void> {
  const [m0, m1, m2, m3, m4] = members as [string, string, string, string, string];
  const lists: Record<string, string[]> = {
    'standing-committee': [m0, m1, m2, m3],
    secretary: [m0],
    'deputy-secretaries': [m1],
    'inspection-committee': [m2, m3, m4],
    'inspection-chair': [m2],
  };
  let state = await launchedState(handle);
  while (state.run === 'running') {
    const step: OpenStepView | undefined = state.openSteps[0];
    if (!step) throw new Error(`first session stalled in ${state.status}`);
    const decision: DecideInput['decision'] =
      step.stepKind === 'first-session-list'
        ? { kind: 'nomination', candidateIds: lists[String(step.params.office)] ?? [] }
        : step.stepKind === 'first-session-round'
          ? {
              kind: 'round-tally',
              attendance: {
                kind: 'all-members',
                officialMembers: 5,
                exempt: 0,
                suspended: 0,
                absentWithLeave: 0,
                present: 5,
              },
              ballots: { issued: 5, returned: 5, valid: 5, invalid: noInvalidBallots() },
              // One name: all five ballots; more names than seats: four for each but the last named, who gets one.
              tallies: Object.fromEntries(
                step.concerned.map((c, i, all) => [c.personId, all.length === 1 ? 5 : i === all.length - 1 ? 1 : 4]),
              ),
            }
          : { kind: 'approve' };
    const actor = step.stepKind === 'first-session-ratification' ? demoActors.politburo : clerkFor(step);
    await handle.executeUpdate(decideUpdate, { args: [{ stepId: step.stepId, actor, decision }] });
    state = await handle.query(stateQuery);
  }
}

describe('composite congress-personnel workflow with the first session of the new committee', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('elects the committee and its delegates, then the new committee sits as the last stage, under the composite rulebook', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'congress-with-first-session';
      const launch = congressLaunch(procedureId, { firstSession: { inspectionCommitteeSeats: 2 } });
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
        'first-session',
      ]);

      await passStagesBeforeElection(child);
      const election = child('election');
      await listAndRound(election, Object.fromEntries(committee.map((id, i) => [id, 180 - 10 * i])));
      await election.executeUpdate(decideUpdate, {
        args: [{ stepId: 'ratification', actor: demoActors.politburo, decision: { kind: 'approve' } }],
      });
      await waitFor(async () => (await composite.query(stateQuery)).status === 'delegates');
      const [d1, d2, d3, d4] = delegateList as [string, string, string, string];
      await listAndRound(child('delegates'), { [d1]: 150, [d2]: 170, [d3]: 120, [d4]: 60 });

      // The new committee sits: its members are the five elected, its seats the plan's and the launch's.
      await waitFor(async () => (await composite.query(stateQuery)).status === 'first-session');
      const session = child('first-session');
      // The composite names the stage when it starts the child; the child records its launch in its own first task.
      const scheduled = async () =>
        (await env.store.readStream(`${procedureId}/first-session`)).find((e) => e.type === 'FirstSessionScheduled');
      await waitFor(async () => (await scheduled()) !== undefined);
      const sessionLaunch = await scheduled();
      const elected = committee.slice(0, 5);
      expect(sessionLaunch?.data).toMatchObject({
        seats: { standingCommittee: 3, deputySecretaries: 1, inspectionCommittee: 2 },
      });
      await holdFirstSession(session, elected);

      const result = (await composite.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'completed', outcome: 'elected', personIds: elected });
      const finished = await composite.query(stateQuery);
      expect(finished.stages?.map((s) => [s.stage, s.state])).toEqual([
        ['plan', 'done'],
        ['introduction', 'done'],
        ['vetting', 'done'],
        ['consultation', 'done'],
        ['election', 'done'],
        ['delegates', 'done'],
        ['first-session', 'done'],
      ]);
      const stream = await env.store.readStream(`${procedureId}/first-session`);
      expect(stream[0]).toMatchObject({ type: 'ProcedureLaunched', data: { rulebookId: finished.rulebookId } });
      expect(stream.at(-1)).toMatchObject({ type: 'ProcedureCompleted', data: { outcome: 'first-session-ratified' } });
      expect(stream.find((e) => e.type === 'FirstSessionRatified')?.data).toMatchObject({
        result: { secretary: [elected[0]], 'deputy-secretaries': [elected[1]], 'inspection-chair': [elected[2]] },
      });

      await waitFor(async () => (await composite.describe()).status.name === 'COMPLETED');
      await keepHistory(composite, 'congress-personnel-with-first-session');
      await keepHistory(session, 'congress-personnel-with-first-session-first-session');
    });
  });
});
