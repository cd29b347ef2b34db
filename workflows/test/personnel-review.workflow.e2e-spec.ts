import { demoIds } from '@cadreflow/domain';
import {
  decideUpdate,
  domainFailureOf,
  stateQuery,
  workflowTypes,
  type CadreOpinionLaunch,
  type ClassificationLaunch,
  type ConfidenceVoteLaunch,
} from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, registrySnapshot } from './support/demo-launch.fixture';
import { approve, clerkFor, launchedState } from './support/procedure-driver';

const people = ['person/bn-01', 'person/bn-02', 'person/bn-03'];

function confidenceLaunch(procedureId: string): ConfidenceVoteLaunch {
  return {
    kind: 'confidence-vote',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    registry: registrySnapshot(),
    data: {
      organisationId: demoIds.province,
      votingBodyId: demoIds.executiveCommittee,
      votingRole: 'executive-committee',
      higherBodyId: demoIds.politburo,
      higherRole: 'politburo',
      candidates: people.map((personId) => ({ personId, relativeIds: [] })),
    },
  };
}

function classificationLaunch(procedureId: string): ClassificationLaunch {
  return {
    kind: 'classification',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    registry: registrySnapshot(),
    data: {
      organisationId: demoIds.province,
      year: 2025,
      committeeBodyId: demoIds.standingCommittee,
      committeeRole: 'standing-committee',
      higherBodyId: demoIds.politburo,
      higherRole: 'politburo',
      candidates: people.map((personId) => ({ personId, relativeIds: [] })),
    },
  };
}

function opinionLaunch(procedureId: string): CadreOpinionLaunch {
  return {
    kind: 'cadre-opinion',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    registry: registrySnapshot(),
    data: {
      organisationId: demoIds.province,
      requestingBodyId: demoIds.centralOrganizationCommittee,
      reference: 'Công văn số 123-CV/BTCTW ngày 25/3/2025',
      matter: 'Cho ý kiến về nhân sự dự kiến bổ nhiệm',
      answeringBodyId: demoIds.standingCommittee,
      answeringRole: 'standing-committee',
      candidates: [demoIds.people.policeDirector, demoIds.people.financeDirector].map((personId) => ({
        personId,
        relativeIds: [],
      })),
    },
  };
}

describe('confidence vote, annual classification and opinion on cadres workflows on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('runs a confidence vote: a meeting without quorum, the count, and the higher body on the low result', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'confidence-vote/bn-2025';
      const handle = await env.client.workflow.start(workflowTypes['confidence-vote'], {
        workflowId: procedureId,
        taskQueue,
        args: [confidenceLaunch(procedureId)],
      });
      const vote = (await launchedState(handle)).openSteps[0];
      expect(vote).toMatchObject({ stepId: 'vote', stepKind: 'confidence-vote', decision: 'confidence-tally' });
      const recorder = clerkFor(vote);
      const ratings = {
        'person/bn-01': { high: 25, confidence: 4, low: 1 },
        'person/bn-02': { high: 5, confidence: 4, low: 21 },
        'person/bn-03': { high: 10, confidence: 5, low: 15 },
      };
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'vote',
            actor: recorder,
            decision: { kind: 'confidence-tally', summoned: 30, present: 19, ratings: {} },
          },
        ],
      });
      expect((await handle.query(stateQuery)).openSteps.map((s) => s.stepId)).toEqual(['vote']);
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'vote',
            actor: recorder,
            decision: { kind: 'confidence-tally', summoned: 30, present: 30, ratings },
          },
        ],
      });
      const followUp = (await handle.query(stateQuery)).openSteps;
      expect(followUp).toMatchObject([
        { stepId: 'follow-up/person/bn-02', stepKind: 'confidence-follow-up', params: { consequence: 'dismissal' } },
      ]);
      await approve(handle, followUp[0], 'Đề nghị cho thôi giữ chức vụ');
      expect(await handle.result()).toMatchObject({ run: 'completed', outcome: 'recorded', personIds: people });
      const stream = await env.store.readStream(procedureId);
      expect(stream.map((e) => e.type)).toEqual([
        'ProcedureLaunched',
        'ConfidenceVoteScheduled',
        'StepOpened',
        'MeetingConvened',
        'QuorumFailed',
        'MeetingConvened',
        'ConfidenceRated',
        'ConfidenceRated',
        'ConfidenceRated',
        'StepClosed',
        'StepOpened',
        'ConfidenceConsequenceDecided',
        'StepClosed',
        'ProcedureCompleted',
      ]);
      const rated = stream.find((e) => e.type === 'ConfidenceRated' && e.data.personId === 'person/bn-02');
      expect(rated?.metadata).toMatchObject({ actorId: recorder.actorId, actorRole: 'executive-committee' });
      const decided = stream.find((e) => e.type === 'ConfidenceConsequenceDecided');
      expect(decided?.data).toMatchObject({ personId: 'person/bn-02', consequence: 'dismissal', measureTaken: true });
      expect(decided?.metadata).toMatchObject({ actorRole: 'politburo', bodyId: demoIds.politburo });
      await keepHistory(handle, 'confidence-vote-quorum-failed-then-dismissal-decided');
    });
  });

  it('runs a classification: graded, returned by the higher committee, graded again and approved', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'classification/bn-2025';
      const handle = await env.client.workflow.start(workflowTypes.classification, {
        workflowId: procedureId,
        taskQueue,
        args: [classificationLaunch(procedureId)],
      });
      const grading = (await launchedState(handle)).openSteps[0];
      expect(grading).toMatchObject({ stepId: 'grading-1', decision: 'classification', params: { year: 2025 } });
      const grader = clerkFor(grading);
      const grades = { 'person/bn-01': 'good', 'person/bn-02': 'good', 'person/bn-03': 'completed' } as const;
      const refused = await handle
        .executeUpdate(decideUpdate, {
          args: [
            {
              stepId: 'grading-1',
              actor: grader,
              decision: { kind: 'classification', grades: { ...grades, 'person/bn-03': 'excellent' } },
            },
          ],
        })
        .then(
          () => null,
          (error: unknown) => domainFailureOf(error),
        );
      expect(refused).toMatchObject({
        errorCode: 'CLASSIFICATION_EXCELLENT_OVER_QUOTA',
        params: { excellent: 1, good: 2, allowed: 0 },
      });
      await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'grading-1', actor: grader, decision: { kind: 'classification', grades } }],
      });
      const review = (await handle.query(stateQuery)).openSteps[0];
      expect(review).toMatchObject({ stepId: 'approval-1', role: 'politburo', proposedBy: [grader.actorId] });
      await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'approval-1', actor: clerkFor(review), decision: { kind: 'return', reason: 'Xem lại' } }],
      });
      const again = (await handle.query(stateQuery)).openSteps[0];
      expect(again?.stepId).toBe('grading-2');
      await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'grading-2', actor: grader, decision: { kind: 'classification', grades } }],
      });
      await approve(handle, (await handle.query(stateQuery)).openSteps[0]);
      expect(await handle.result()).toMatchObject({ run: 'completed', outcome: 'classified', personIds: people });
      const stream = await env.store.readStream(procedureId);
      const approved = stream.find((e) => e.type === 'ClassificationApproved');
      expect(approved?.data).toMatchObject({ revision: 2, grades });
      expect(approved?.metadata).toMatchObject({ actorRole: 'politburo' });
      expect(stream.find((e) => e.type === 'ClassificationReturned')?.data).toEqual({ revision: 1, reason: 'Xem lại' });
      await keepHistory(handle, 'classification-returned-then-approved');
    });
  });

  it('runs an opinion on cadres: the request recorded, the standing committee answers each cadre', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'cadre-opinion/bn-2025-1';
      const handle = await env.client.workflow.start(workflowTypes['cadre-opinion'], {
        workflowId: procedureId,
        taskQueue,
        args: [opinionLaunch(procedureId)],
      });
      const steps = (await launchedState(handle)).openSteps;
      expect(steps.map((s) => s.stepId)).toEqual([
        `answer/${demoIds.people.policeDirector}`,
        `answer/${demoIds.people.financeDirector}`,
      ]);
      await approve(handle, steps[0], 'Đủ tiêu chuẩn');
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: steps[1].stepId,
            actor: clerkFor(steps[1]),
            decision: { kind: 'reject', reason: 'Chưa đủ thời gian giữ chức vụ' },
          },
        ],
      });
      expect(await handle.result()).toMatchObject({ run: 'completed', outcome: 'opinion-given' });
      const stream = await env.store.readStream(procedureId);
      const given = stream.filter((e) => e.type === 'OpinionGiven');
      expect(given.map((e) => e.data)).toMatchObject([
        { personId: demoIds.people.policeDirector, favourable: true, toBodyId: demoIds.centralOrganizationCommittee },
        { personId: demoIds.people.financeDirector, favourable: false, opinion: 'Chưa đủ thời gian giữ chức vụ' },
      ]);
      expect(given[1]?.metadata).toMatchObject({ actorRole: 'standing-committee', bodyId: demoIds.standingCommittee });
      await keepHistory(handle, 'cadre-opinion-one-favourable-one-not');
    });
  });
});
