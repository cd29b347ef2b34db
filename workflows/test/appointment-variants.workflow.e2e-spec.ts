import { demoIds } from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  workflowTypes,
  type AppointmentLaunch,
  type ProcedureResult,
} from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors } from './support/demo-launch.fixture';
import { approve, clerkFor, fileActionProgrammes, launchedState, unanimousMeeting } from './support/procedure-driver';

const commune = demoIds.communes[1];
const communeCommittee = 'body/bn-tu-son/executive-committee';
const elected = 'person/ts-10';

function memberLaunch(procedureId: string, variant: 'ratification' | 'reappointment'): AppointmentLaunch {
  return {
    kind: 'appointment',
    procedureId,
    bodyId: commune,
    launchedBy: demoActors.organizationOfficer,
    data: {
      unitId: commune,
      leadershipCollectiveId: communeCommittee,
      keyCadresConferenceId: 'body/bn-tu-son/key-cadres',
      higherBodyId: demoIds.standingCommittee,
      higherRole: 'standing-committee',
      post: { postId: 'post/bn-tu-son/committee-member', title: 'Ủy viên Ban Chấp hành', centralManagement: false },
      variant,
      person: { personId: elected, relativeIds: [] },
    },
  };
}

describe('appointment variants (C) on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('ratification: the commune committee elects a member, the provincial standing committee ratifies', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'appointment/tu-son-member-ratification';
      const handle = await env.client.workflow.start(workflowTypes.appointment, {
        workflowId: procedureId,
        taskQueue,
        args: [memberLaunch(procedureId, 'ratification')],
      });
      await approve(handle, (await launchedState(handle)).openSteps[0]);
      await approve(handle, (await handle.query(stateQuery)).openSteps[0]);
      await fileActionProgrammes(handle, demoActors.organizationOfficer, [elected]);
      const vote = (await handle.query(stateQuery)).openSteps[0];
      expect(vote).toMatchObject({ stepId: 'step-5', bodyId: communeCommittee, concerned: [{ personId: elected }] });
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: 'step-5',
            actor: clerkFor(vote),
            decision: { kind: 'tally', tally: unanimousMeeting([elected], 15, 9) },
          },
        ],
      });
      const ratification = (await handle.query(stateQuery)).openSteps[0];
      expect(ratification).toMatchObject({
        stepId: 'ratification',
        stepKind: 'appointment-ratification',
        params: { personId: elected },
        role: 'standing-committee',
        bodyId: demoIds.standingCommittee,
      });
      await approve(handle, ratification, 'Quyết định chuẩn y số 12-QĐ/TU');
      const result = (await handle.result()) as ProcedureResult;
      expect(result).toMatchObject({ run: 'completed', outcome: 'ratified', personIds: [elected] });

      const stream = await env.store.readStream(procedureId);
      expect(stream.find((e) => e.type === 'ProcedureLaunched')?.data).toMatchObject({ variant: 'ratification' });
      const ratified = stream.find((e) => e.type === 'MemberRatified');
      expect(ratified?.data).toMatchObject({ personId: elected, byBodyId: demoIds.standingCommittee });
      expect(ratified?.metadata).toMatchObject({ actorRole: 'standing-committee' });
      expect(stream.map((e) => e.type)).not.toContain('NominationForwarded');
      await keepHistory(handle, 'appointment-ratification-member-ratified');
    });
  });

  it('reappointment: after step 1 the key-cadres conference votes on the incumbent, with no nomination', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'appointment/tu-son-reappointment';
      const handle = await env.client.workflow.start(workflowTypes.appointment, {
        workflowId: procedureId,
        taskQueue,
        args: [memberLaunch(procedureId, 'reappointment')],
      });
      await approve(handle, (await launchedState(handle)).openSteps[0]);
      await approve(handle, (await handle.query(stateQuery)).openSteps[0]);
      expect((await handle.query(stateQuery)).openSteps[0]).toMatchObject({
        stepId: 'step-4',
        role: 'key-cadres-conference',
        concerned: [{ personId: elected }],
      });
      await handle.terminate('the scenario ends at the first differing step');
    });
  });
});
