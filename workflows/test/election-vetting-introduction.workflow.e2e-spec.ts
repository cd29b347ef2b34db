import { demoIds, noInvalidBallots, type ElectionAttendance } from '@cadreflow/domain';
import {
  commandUpdate,
  decideUpdate,
  higherOpinionSignal,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ElectionLaunch,
  type IntroductionLaunch,
  type ProcedureResult,
  type VettingLaunch,
} from '@cadreflow/workflows/messages';
import type { WorkflowHandle } from '@temporalio/client';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, registrySnapshot } from './support/demo-launch.fixture';
import { approve, clearAll, clerkFor, launchedState, waitFor } from './support/procedure-driver';

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
      presidiumId: demoIds.provincialCongress,
      countingBoardId: demoIds.provincialCongress,
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

describe('election (F), vetting (D) and introduction (B) workflows on the embedded server', () => {
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
        registry: registrySnapshot(),
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

  it('holds the introduction for the higher committee on a disagreement and resumes on its opinion (signal)', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'introduction/disagreement';
      const launch: IntroductionLaunch = {
        kind: 'introduction',
        procedureId,
        bodyId: demoIds.province,
        launchedBy: demoActors.organizationOfficer,
        data: {
          organisationId: demoIds.province,
          congressDate: '2027-06-15',
          standingCommitteeId: demoIds.standingCommittee,
          executiveCommitteeId: demoIds.executiveCommittee,
          keyCadresConferenceId: demoIds.keyCadresConference,
          inspectionCommitteeId: demoIds.inspectionCommittee,
          higherBodyId: demoIds.politburo,
          higherRole: 'politburo',
          candidates: [
            {
              personId: 'person/bn-pool-01',
              track: 'first-time',
              birthDate: '1988-04-02',
              gender: 'female',
              relativeIds: [],
            },
            {
              personId: 'person/bn-pool-02',
              track: 'first-time',
              birthDate: '1987-09-12',
              gender: 'male',
              relativeIds: [],
            },
          ],
        },
      };
      const handle = await env.client.workflow.start(workflowTypes.introduction, {
        workflowId: procedureId,
        taskQueue,
        args: [launch],
      });
      const first = (await launchedState(handle)).openSteps[0];
      expect(first.stepId).toBe('first-time/1');
      await handle.executeUpdate(commandUpdate, {
        args: [
          {
            actor: clerkFor(first),
            command: { type: 'EscalateDisagreement', data: { reason: 'The committees disagree on the list' } },
          },
        ],
      });
      const held = await handle.query(stateQuery);
      expect(held.status).toBe('ON_HOLD');
      expect(held.openSteps[0]).toMatchObject({ stepId: 'higher-opinion-1', role: 'politburo' });

      await handle.signal(higherOpinionSignal, {
        stepId: 'higher-opinion-1',
        actor: demoActors.politburo,
        favourable: true,
        opinion: 'Keep both names on the list',
      });
      await waitFor(async () => (await handle.query(stateQuery)).status === 'IN_PROGRESS');
      const types = (await env.store.readStream(procedureId)).map((event) => event.type);
      expect(types).toContain('HigherOpinionReceived');
      expect((await handle.query(stateQuery)).openSteps[0]?.stepId).toMatch(/^first-time\/1/);
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'Test over' }],
      });
      await handle.result();
      await keepHistory(handle, 'introduction-higher-opinion-by-signal');
    });
  });
});
