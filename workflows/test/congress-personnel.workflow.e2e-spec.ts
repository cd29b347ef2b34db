import { demoIds, noInvalidBallots } from '@cadreflow/domain';
import {
  decideUpdate,
  domainFailureOf,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ActorRef,
  type DecideInput,
  type ProcedureResult,
} from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { CONGRESS_DATE, demoCongressLaunch } from './support/congress-composite.fixture';
import { candidateList, demoActors, organisationWithNewcomers, provincialPlan } from './support/demo-launch.fixture';
import {
  adoptSubmitApprove,
  clearAll,
  clerkFor,
  fileActionProgrammes,
  introduceAll,
  launchedState,
  waitFor,
} from './support/procedure-driver';

const SEATS = 48;
const LIST = 53; // 10% surplus: 5 names over 48 seats
/** The counting board and presidium of the provincial congress, as the demo's `kiemphieu` acts. */
const countingBoard: ActorRef = {
  actorId: 'person/bn-10',
  role: 'counting-board',
  bodyId: demoIds.provincialCongress,
};
const presidium: ActorRef = { ...countingBoard, role: 'congress-presidium' };

/** A round's count: 350 delegates convened, 340 present, every ballot valid. */
function roundTally(actor: ActorRef, tallies: Record<string, number>): DecideInput {
  return {
    stepId: 'round-1',
    actor,
    decision: {
      kind: 'round-tally',
      attendance: {
        kind: 'delegates',
        delegatesConvened: 350,
        conveningCommitteeAbsentThroughout: 0,
        delegatesAbsentWithoutAlternate: 0,
        present: 340,
      },
      ballots: { issued: 340, returned: 340, valid: 340, invalid: noInvalidBallots() },
      tallies,
    },
  };
}

describe('composite congress-personnel workflow on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it(`runs a provincial congress end to end: plan → introduction → vetting → Politburo consultation → election of ${SEATS} from ${LIST}`, async () => {
    await env.withWorker(async (taskQueue) => {
      const model = organisationWithNewcomers(LIST);
      const candidates = candidateList(model, env.temporal.now().toISOString(), CONGRESS_DATE, LIST);
      expect(candidates).toHaveLength(LIST);
      const procedureId = 'congress/bac-ninh-2027';
      const launch = demoCongressLaunch(procedureId, model, provincialPlan(candidates));
      const composite = await env.client.workflow.start(workflowTypes['congress-personnel'], {
        workflowId: procedureId,
        taskQueue,
        args: [launch],
      });
      const child = (stage: string) => env.client.workflow.getHandle(`${procedureId}/${stage}`);

      // The composite's first page: the running stage's open step and who must act.
      await waitFor(async () => ((await composite.query(stateQuery)).stageOpenSteps ?? []).length > 0);
      const atPlan = await composite.query(stateQuery);
      expect(atPlan.stageOpenSteps?.[0]).toMatchObject({
        procedureId: `${procedureId}/plan`,
        stepId: 'adoption-1',
        stepKind: 'plan-adoption',
        params: { revision: 1 },
        role: 'standing-committee',
        bodyId: demoIds.standingCommittee,
      });
      expect(atPlan.stageOpenStepCount).toBe(1);

      await adoptSubmitApprove(child('plan'), demoActors.organizationOfficer);
      await introduceAll(child('introduction'));
      await clearAll(child('vetting'), demoActors.organizationOfficer);

      const consultation = await launchedState(child('consultation'));
      expect(consultation.openSteps[0]).toMatchObject({ role: 'standing-committee' });
      await adoptSubmitApprove(child('consultation'), demoActors.organizationOfficer);
      await waitFor(async () => (await composite.query(stateQuery)).status === 'election');
      const composed = await composite.query(stateQuery);
      const consulted = (await child('consultation').query(stateQuery)).detail as { status: string };
      expect(consulted.status).toBe('CONSUMED');
      expect(composed.stages?.map((s) => [s.stage, s.state])).toEqual([
        ['plan', 'done'],
        ['introduction', 'done'],
        ['vetting', 'done'],
        ['consultation', 'done'],
        ['election', 'running'],
      ]);

      // The counting board and the presidium act on the congress body, as their grants say.
      const election = child('election');
      const listStep = (await launchedState(election)).openSteps[0];
      expect(listStep).toMatchObject({
        stepId: 'candidate-list',
        role: 'congress-presidium',
        bodyId: demoIds.provincialCongress,
      });
      await fileActionProgrammes(
        election,
        demoActors.organizationOfficer,
        ((await election.query(stateQuery)).detail as { candidates: string[] }).candidates,
      );
      await election.executeUpdate(decideUpdate, {
        args: [{ stepId: 'candidate-list', actor: presidium, decision: { kind: 'approve' } }],
      });
      const roundStep = (await election.query(stateQuery)).openSteps[0];
      expect(roundStep).toMatchObject({
        stepId: 'round-1',
        stepKind: 'election-round',
        params: { round: 1, seats: SEATS },
        role: 'counting-board',
        bodyId: demoIds.provincialCongress,
      });
      // Round 1: 47 pass; the counting-board member who is a candidate records everyone's votes but his own.
      expect(candidates).toContain(countingBoard.actorId);
      const votes = Object.fromEntries(candidates.map((id, i) => [id, i < SEATS - 1 ? 300 - i : 120]));
      const { [countingBoard.actorId]: ownVotes, ...othersVotes } = votes;
      await election.executeUpdate(decideUpdate, { args: [roundTally(countingBoard, othersVotes)] });
      const partly = (await election.query(stateQuery)).openSteps[0];
      expect(partly?.decidedItems).toHaveLength(LIST - 1);
      await election.executeUpdate(decideUpdate, {
        args: [roundTally(clerkFor(roundStep), { [countingBoard.actorId]: ownVotes ?? 0 })],
      });
      const decision = (await election.query(stateQuery)).openSteps[0];
      expect(decision).toMatchObject({
        stepId: 'decision-1',
        stepKind: 'election-next-round',
        params: { round: 1, seatsLeft: 1 },
        role: 'congress-presidium',
        bodyId: demoIds.provincialCongress,
      });
      const runoff = candidates.slice(SEATS - 1, SEATS + 1);
      await election.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'decision-1',
            actor: presidium,
            decision: { kind: 'next-round', proceed: true, candidateIds: runoff },
          },
        ],
      });
      await election.executeUpdate(decideUpdate, {
        args: [{ ...roundTally(countingBoard, { [runoff[0] ?? '']: 250, [runoff[1] ?? '']: 80 }), stepId: 'round-2' }],
      });
      const ratification = (await election.query(stateQuery)).openSteps[0];
      expect(ratification).toMatchObject({ stepId: 'ratification', role: 'politburo', bodyId: demoIds.politburo });
      await election.executeUpdate(decideUpdate, {
        args: [{ stepId: 'ratification', actor: demoActors.politburo, decision: { kind: 'approve' } }],
      });

      const result = (await composite.result()) as ProcedureResult;
      expect(result.run).toBe('completed');
      expect(result.outcome).toBe('elected');
      expect(result.personIds).toHaveLength(SEATS);
      expect(new Set(result.personIds)).toEqual(new Set(candidates.slice(0, SEATS)));
      const finished = await composite.query(stateQuery);
      expect(finished.elected).toHaveLength(SEATS);
      expect(finished.elected?.[0]).toEqual({
        personId: candidates[0],
        round: 1,
        votes: 300,
        base: 350,
        sharePercent: 85.71,
      });
      expect(finished.elected?.at(-1)).toMatchObject({ personId: runoff[0], round: 2, votes: 250 });

      const electionStream = await env.store.readStream(`${procedureId}/election`);
      expect(electionStream.filter((e) => e.type === 'CandidateElected')).toHaveLength(SEATS);
      expect(electionStream.map((e) => e.type)).toContain('ResultRatified');
      expect(electionStream.find((e) => e.type === 'RecusalRecorded')?.data).toEqual({
        stepId: 'round-1',
        personId: countingBoard.actorId,
        items: [{ subjectId: countingBoard.actorId, ground: 'SELF' }],
      });
      const vettingStream = await env.store.readStream(`${procedureId}/vetting`);
      expect(vettingStream.filter((e) => e.type === 'CandidateCleared')).toHaveLength(LIST);
      await waitFor(async () => (await composite.describe()).status.name === 'COMPLETED');
      await keepHistory(composite, 'congress-personnel-registry-recusal-runoff');
      for (const stage of ['plan', 'introduction', 'consultation', 'election']) {
        await keepHistory(child(stage), `congress-personnel-registry-recusal-runoff-${stage}`);
      }
    });
  });

  it('withdraws the running stage when the composite is withdrawn by its launcher, recording why', async () => {
    await env.withWorker(async (taskQueue) => {
      const model = organisationWithNewcomers(LIST);
      const procedureId = 'congress/bac-ninh-withdrawn';
      const composite = await env.client.workflow.start(workflowTypes['congress-personnel'], {
        workflowId: procedureId,
        taskQueue,
        args: [
          demoCongressLaunch(
            procedureId,
            model,
            provincialPlan(candidateList(model, env.temporal.now().toISOString(), CONGRESS_DATE, LIST)),
          ),
        ],
      });
      await launchedState(env.client.workflow.getHandle(`${procedureId}/plan`));

      const refused = await composite
        .executeUpdate(withdrawUpdate, { args: [{ actor: demoActors.standingMember, reason: 'Not mine to withdraw' }] })
        .catch((error: unknown) => domainFailureOf(error));
      expect(refused).toMatchObject({ code: 'NOT_ALLOWED' });

      const refs = await composite.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'The congress was merged with another province' }],
      });
      expect(refs.map((r) => r.type)).toEqual(['ProcedureWithdrawn']);
      const result = (await composite.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'withdrawn', outcome: null });
      const planStream = await env.store.readStream(`${procedureId}/plan`);
      expect(planStream[planStream.length - 1]).toMatchObject({
        type: 'ProcedureWithdrawn',
        data: { reason: 'The congress was merged with another province', openStepIds: ['adoption-1'] },
      });
      expect((await composite.query(stateQuery)).stages?.map((st) => st.state)).toEqual([
        'done',
        'pending',
        'pending',
        'pending',
        'pending',
      ]);
    });
  });
});
