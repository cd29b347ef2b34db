import { demoIds, demoOrganisation, noInvalidBallots, type ElectionAttendance } from '@cadreflow/domain';
import { firstSessionLaunch } from '@cadreflow/workflows/first-session-launches';
import {
  decideUpdate,
  domainFailureOf,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ActorRef,
  type StepDecisionInput,
} from '@cadreflow/workflows/messages';
import type { WorkflowHandle } from '@temporalio/client';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, registrySnapshot, sittingMembers } from './support/demo-launch.fixture';
import { approve, clerkFor, launchedState } from './support/procedure-driver';

/** The fifteen members the congress elected (person/bn-03 is a woman). */
const elected = sittingMembers.slice(0, 15);
const attendance = (present: number): ElectionAttendance => ({
  kind: 'all-members',
  officialMembers: elected.length,
  exempt: 0,
  suspended: 0,
  absentWithLeave: 0,
  present,
});
const roundTally = (tallies: Record<string, number>, present = elected.length): StepDecisionInput => ({
  kind: 'round-tally',
  attendance: attendance(present),
  ballots: { issued: present, returned: present, valid: present, invalid: noInvalidBallots() },
  tallies,
});

/** The demo province's first session of the members the congress elected, with one deputy and three inspectors. */
const sessionLaunch = (procedureId: string, standingCommittee: number) =>
  firstSessionLaunch(
    demoOrganisation,
    { procedureId, bodyId: demoIds.province, launchedBy: demoActors.organizationOfficer, registry: registrySnapshot() },
    {
      elected,
      seats: { standingCommittee, deputySecretaries: 1, inspectionCommittee: 3 },
      sessionDate: '2025-10-17',
    },
  );

describe('first session of the new executive committee workflow on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  /** Decides the only open step as a clerk of its body, and returns the step it was. */
  async function decideOpen(handle: WorkflowHandle, stepId: string, decision: StepDecisionInput, actor?: ActorRef) {
    const step = (await handle.query(stateQuery)).openSteps.find((s) => s.stepId === stepId);
    expect(step).toBeDefined();
    if (!step) throw new Error(`step ${stepId} is not open`);
    await handle.executeUpdate(decideUpdate, { args: [{ stepId, actor: actor ?? clerkFor(step), decision }] });
    return step;
  }

  it('elects the standing committee (a quorum failure, then a tie re-voted), the secretary, a deputy, the inspection committee and its chair; the Politburo ratifies', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'first-session/bn-2025';
      const launch = sessionLaunch(procedureId, 5);
      expect(launch.data).toMatchObject({
        executiveCommitteeId: demoIds.executiveCommittee,
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo',
        level: 'province',
      });
      const handle = await env.client.workflow.start(workflowTypes['first-session'], {
        workflowId: procedureId,
        taskQueue,
        args: [launch],
      });
      const list = (await launchedState(handle)).openSteps[0];
      expect(list).toMatchObject({
        stepId: 'list-1',
        stepKind: 'first-session-list',
        decision: 'nomination',
        role: 'executive-committee',
        bodyId: demoIds.executiveCommittee,
        params: { office: 'standing-committee', seats: 5 },
      });

      // A name from outside the new committee is refused, and nothing is recorded.
      const outsider = await handle
        .executeUpdate(decideUpdate, {
          args: [
            {
              stepId: 'list-1',
              actor: clerkFor(list),
              decision: { kind: 'nomination', candidateIds: [...elected.slice(0, 5), 'person/bn-40'] },
            },
          ],
        })
        .then(
          () => null,
          (error: unknown) => domainFailureOf(error),
        );
      expect(outsider).toMatchObject({
        errorCode: 'FIRST_SESSION_CANDIDATE_NOT_MEMBER',
        params: { personIds: ['person/bn-40'] },
      });

      const standing = elected.slice(0, 6);
      await decideOpen(handle, 'list-1', { kind: 'nomination', candidateIds: standing });
      // 9 of 15 present: short of the quorum of two thirds (10); the round stays open.
      await decideOpen(handle, 'round-2', roundTally(Object.fromEntries(standing.map((id) => [id, 8])), 9));
      expect((await handle.query(stateQuery)).openSteps.map((s) => s.stepId)).toEqual(['round-2']);
      const [a, b, c, d, e, f] = standing as [string, string, string, string, string, string];
      await decideOpen(handle, 'round-2', roundTally({ [a]: 14, [b]: 13, [c]: 12, [d]: 9, [e]: 8, [f]: 8 }));
      // bn-05 and bn-06 tie for the last seat: a round between them.
      const tie = (await handle.query(stateQuery)).openSteps[0];
      expect(tie).toMatchObject({ stepId: 'round-3', params: { seats: 1 } });
      expect(tie?.concerned.map((p) => p.personId)).toEqual([e, f]);
      await decideOpen(handle, 'round-3', roundTally({ [e]: 10, [f]: 4 }));

      // The secretary from the standing committee only.
      const secretaryList = (await handle.query(stateQuery)).openSteps[0];
      expect(secretaryList).toMatchObject({ stepId: 'list-4', params: { office: 'secretary', seats: 1 } });
      const notInStanding = await handle
        .executeUpdate(decideUpdate, {
          args: [
            {
              stepId: 'list-4',
              actor: clerkFor(secretaryList),
              decision: { kind: 'nomination', candidateIds: [f] },
            },
          ],
        })
        .then(
          () => null,
          (error: unknown) => domainFailureOf(error),
        );
      expect(notInStanding).toMatchObject({ errorCode: 'FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE' });
      await decideOpen(handle, 'list-4', { kind: 'nomination', candidateIds: [a] });
      await decideOpen(handle, 'round-5', roundTally({ [a]: 15 }));
      await decideOpen(handle, 'list-6', { kind: 'nomination', candidateIds: [b] });
      await decideOpen(handle, 'round-7', roundTally({ [b]: 14 }));
      const inspection = elected.slice(6, 10);
      await decideOpen(handle, 'list-8', { kind: 'nomination', candidateIds: inspection });
      const [g, h, i, j] = inspection as [string, string, string, string];
      await decideOpen(handle, 'round-9', roundTally({ [g]: 15, [h]: 14, [i]: 13, [j]: 2 }));
      await decideOpen(handle, 'list-10', { kind: 'nomination', candidateIds: [g] });
      await decideOpen(handle, 'round-11', roundTally({ [g]: 15 }));

      const ratification = (await handle.query(stateQuery)).openSteps[0];
      expect(ratification).toMatchObject({
        stepId: 'ratification',
        stepKind: 'first-session-ratification',
        role: 'politburo',
        bodyId: demoIds.politburo,
      });
      if (!ratification) throw new Error('no ratification step');
      await approve(handle, ratification, 'Chuẩn y');
      expect(await handle.result()).toMatchObject({
        run: 'completed',
        outcome: 'first-session-ratified',
        personIds: [a, b, c, d, e, g, h, i],
      });

      const stream = await env.store.readStream(procedureId);
      const types = stream.map((ev) => ev.type);
      expect(types.slice(0, 4)).toEqual([
        'ProcedureLaunched',
        'FirstSessionScheduled',
        'FirstSessionOfficeOpened',
        'StepOpened',
      ]);
      expect(types).toContain('QuorumFailed');
      expect(types).toContain('TieDetected');
      expect(types.slice(-3)).toEqual(['FirstSessionRatified', 'StepClosed', 'ProcedureCompleted']);
      const checked = stream.find((ev) => ev.type === 'CompositionChecked');
      expect(checked?.data).toMatchObject({
        checkpoint: 'standing-committee',
        ok: true,
        targets: [{ target: 'women-in-standing-committee', actual: 1, required: 1 }],
      });
      const concluded = stream.find((ev) => ev.type === 'FirstSessionConcluded');
      expect(concluded?.data).toEqual({
        result: {
          'standing-committee': [a, b, c, d, e],
          secretary: [a],
          'deputy-secretaries': [b],
          'inspection-committee': [g, h, i],
          'inspection-chair': [g],
        },
      });
      const nominated = stream.find((ev) => ev.type === 'FirstSessionCandidatesNominated');
      expect(nominated?.metadata).toMatchObject({
        actorRole: 'executive-committee',
        bodyId: demoIds.executiveCommittee,
      });
      const ratified = stream.find((ev) => ev.type === 'FirstSessionRatified');
      expect(ratified?.metadata).toMatchObject({ actorRole: 'politburo', bodyId: demoIds.politburo });
      await keepHistory(handle, 'first-session-tie-then-ratified');
    });
  });

  it('refuses a standing-committee list naming two spouses (QĐ 205/114), records nothing, and takes one without', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'first-session/bn-2025-spouses';
      const [a, b, c, d] = elected as [string, string, string, string];
      const launch = sessionLaunch(procedureId, 3);
      // b declared a their spouse in the registry the session was launched with.
      const withSpouses = {
        ...launch,
        data: {
          ...launch.data,
          members: launch.data.members.map((m) =>
            m.personId === b ? { ...m, relativeIds: [...m.relativeIds, a] } : m,
          ),
        },
      };
      const handle = await env.client.workflow.start(workflowTypes['first-session'], {
        workflowId: procedureId,
        taskQueue,
        args: [withSpouses],
      });
      const list = (await launchedState(handle)).openSteps[0];
      expect(list).toMatchObject({ stepId: 'list-1', params: { office: 'standing-committee', seats: 3 } });
      if (!list) throw new Error('no list step');
      const before = (await env.store.readStream(procedureId)).length;

      const refused = await handle
        .executeUpdate(decideUpdate, {
          args: [
            { stepId: 'list-1', actor: clerkFor(list), decision: { kind: 'nomination', candidateIds: [a, b, c] } },
          ],
        })
        .then(
          () => null,
          (error: unknown) => domainFailureOf(error),
        );
      expect(refused).toMatchObject({
        errorCode: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
        params: { office: 'standing-committee', personIds: [a], relativeIds: [b] },
      });
      expect(await env.store.readStream(procedureId)).toHaveLength(before);

      await decideOpen(handle, 'list-1', { kind: 'nomination', candidateIds: [a, c, d] });
      expect((await handle.query(stateQuery)).openSteps[0]).toMatchObject({
        stepId: 'round-2',
        params: { office: 'standing-committee', seats: 3 },
      });
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'Họp lại vào ngày khác' }],
      });
      await handle.result();
      await keepHistory(handle, 'first-session-spouses-refused-then-withdrawn');
    });
  });
});
