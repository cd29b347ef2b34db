import { demoIds, noInvalidBallots, type ElectionAttendance } from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  workflowTypes,
  type ElectionLaunch,
  type ProcedureResult,
  type VettingLaunch,
} from '@cadreflow/workflows/messages';
import type { WorkflowHandle } from '@temporalio/client';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors } from './support/demo-launch.fixture';
import { approve, clearAll, clerkFor, launchedState } from './support/procedure-driver';

const [a, b, c, d, e, f] = [
  'person/bn-06',
  'person/bn-07',
  'person/bn-08',
  'person/bn-09',
  'person/bn-10',
  'person/bn-11',
];
const attendance: ElectionAttendance = {
  kind: 'delegates',
  delegatesConvened: 100,
  conveningCommitteeAbsentThroughout: 0,
  delegatesAbsentWithoutAlternate: 0,
  present: 100,
};

function electionLaunch(procedureId: string): ElectionLaunch {
  return {
    kind: 'election',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    data: {
      congressId: demoIds.provincialCongress,
      electedBodyId: demoIds.standingCommittee,
      level: 'province',
      congressDate: '2027-06-15',
      seats: 5,
      presidiumId: `${demoIds.provincialCongress}/presidium`,
      countingBoardId: `${demoIds.provincialCongress}/counting-board`,
      higherBodyId: demoIds.politburo,
      higherRole: 'politburo',
      candidates: [a, b, c, d, e, f].map((personId) => ({ personId, relativeIds: [], source: 'plan', delegate: true })),
    },
  };
}

async function countRound(handle: WorkflowHandle, tallies: Record<string, number>): Promise<void> {
  const step = (await handle.query(stateQuery)).openSteps[0];
  expect(step?.stepId).toMatch(/^round-\d+$/);
  await handle.executeUpdate(decideUpdate, {
    args: [
      {
        stepId: step.stepId,
        actor: clerkFor(step),
        decision: {
          kind: 'round-tally',
          attendance,
          ballots: { issued: 100, returned: 100, valid: 100, invalid: noInvalidBallots() },
          tallies,
        },
      },
    ],
  });
}

describe('election (F) and vetting (D) workflows on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('elects over several rounds: a tie at the last seat, a round without a majority, then ratification', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'election/standing-committee';
      const handle = await env.client.workflow.start(workflowTypes.election, {
        workflowId: procedureId,
        taskQueue,
        args: [electionLaunch(procedureId)],
      });
      await approve(handle, (await launchedState(handle)).openSteps[0]);

      await countRound(handle, { [a]: 85, [b]: 85, [c]: 85, [d]: 85, [e]: 80, [f]: 80 });
      const tieRound = (await handle.query(stateQuery)).openSteps[0];
      expect(tieRound.stepId).toBe('round-2');
      expect(tieRound.concerned.map((p) => p.personId)).toEqual([e, f]);
      await countRound(handle, { [e]: 30, [f]: 25 });

      const decision = (await handle.query(stateQuery)).openSteps[0];
      expect(decision.stepId).toBe('decision-2');
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'decision-2',
            actor: clerkFor(decision),
            decision: { kind: 'next-round', proceed: true, candidateIds: [e, f] },
          },
        ],
      });
      await countRound(handle, { [e]: 70, [f]: 25 });
      await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'ratification', actor: demoActors.politburo, decision: { kind: 'approve' } }],
      });

      const result = (await handle.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'completed', outcome: 'elected' });
      expect([...result.personIds].sort()).toEqual([a, b, c, d, e].sort());
      const types = (await env.store.readStream(procedureId)).map((event) => event.type);
      expect(types.filter((t) => t === 'TieDetected')).toHaveLength(1);
      expect(types.filter((t) => t === 'ElectionRoundOpened')).toHaveLength(3);
      expect(types).toContain('ResultRatified');
      await keepHistory(handle, 'election-tie-rounds-ratified');
    });
  });

  it('runs every check in parallel per candidate; a block sends that candidate back, the others clear', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'vetting/two-candidates';
      const launch: VettingLaunch = {
        kind: 'vetting',
        procedureId,
        bodyId: demoIds.province,
        launchedBy: demoActors.organizationOfficer,
        data: {
          organisationId: demoIds.province,
          higherBodyId: demoIds.politburo,
          bodies: {
            'standing-committee': demoIds.standingCommittee,
            'inspection-committee': demoIds.inspectionCommittee,
            'organization-committee': demoIds.organizationCommittee,
          },
          candidates: [a, b].map((personId) => ({
            personId,
            relativeIds: [],
            linkedPostConflicts: [],
            workplaceBodyId: demoIds.police,
            residenceBodyId: 'org/bn-kinh-bac',
          })),
        },
      };
      const handle = await env.client.workflow.start(workflowTypes.vetting, {
        workflowId: procedureId,
        taskQueue,
        args: [launch],
      });
      const opened = await launchedState(handle);
      expect(opened.openSteps.filter((s) => s.stepId.startsWith(`${b}/`))).toHaveLength(6);
      const blocked = await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: `${b}/inspection-opinion`,
            actor: demoActors.inspector,
            decision: { kind: 'reject', reason: 'Signs of violation under inspection' },
          },
        ],
      });
      expect(blocked.map((r) => r.type)).toEqual([
        'VettingConcluded',
        'StepClosed',
        'CandidateBlocked',
        'StepClosed',
        'StepClosed',
        'StepClosed',
        'StepClosed',
        'StepClosed',
      ]);
      await clearAll(handle, demoActors.organizationOfficer);
      const result = (await handle.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'completed', outcome: 'vetted', personIds: [a] });
      await keepHistory(handle, 'vetting-one-blocked-one-cleared');
    });
  });
});
