import { demoIds } from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type AppointmentLaunch,
} from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors } from './support/demo-launch.fixture';
import { clerkFor, launchedState, waitFor } from './support/procedure-driver';

const policeCollective = 'body/bn-police/leadership-collective';

function appointmentLaunch(procedureId: string): AppointmentLaunch {
  return {
    kind: 'appointment',
    procedureId,
    bodyId: demoIds.police,
    launchedBy: demoActors.organizationOfficer,
    data: {
      unitId: demoIds.police,
      leadershipCollectiveId: policeCollective,
      keyCadresConferenceId: demoIds.keyCadresConference,
      higherBodyId: demoIds.standingCommittee,
      higherRole: 'standing-committee',
      post: { postId: demoIds.posts.policeDirector, title: 'Giám đốc Công an tỉnh', centralManagement: true },
    },
  };
}

/** End of a due day in Vietnam (UTC+7), as an instant. */
function endOfDueDay(dueDate: string): number {
  return Date.parse(`${dueDate}T17:00:00.000Z`);
}

describe('appointment workflow (C) on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('starts the 30-working-day clock at policy approval and escalates when it runs out, not before', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'appointment/police-director';
      const handle = await env.client.workflow.start(workflowTypes.appointment, {
        workflowId: procedureId,
        taskQueue,
        args: [appointmentLaunch(procedureId)],
      });
      const policy = (await launchedState(handle)).openSteps[0];
      expect(policy).toMatchObject({ stepId: 'policy', role: 'standing-committee' });
      await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'policy', actor: clerkFor(policy), decision: { kind: 'approve' } }],
      });
      const stream = await env.store.readStream(procedureId);
      const approved = stream.find((e) => e.type === 'PolicyApproved');
      expect(approved?.data).toMatchObject({ deadlineWorkingDays: 30 });
      const due = approved?.data.completionDueDate as string;
      const step1 = (await handle.query(stateQuery)).openSteps[0];
      expect(step1).toMatchObject({ stepId: 'step-1', dueDate: due, reminded: false, escalated: false });

      // The morning of the due day: the deciding body is reminded; nothing is overdue yet.
      env.temporal.skipTime(endOfDueDay(due) - 12 * 3600_000 - env.temporal.now().getTime());
      await waitFor(async () => (await handle.query(stateQuery)).openSteps[0]?.reminded === true);
      expect((await handle.query(stateQuery)).openSteps[0]).toMatchObject({ stepId: 'step-1', escalated: false });
      expect((await env.store.readStream(procedureId)).map((e) => e.type)).not.toContain('DeadlineBreached');

      // Past the end of the due day: breach and escalation to the higher body are recorded.
      env.temporal.skipTime('13 hours');
      await waitFor(async () => (await handle.query(stateQuery)).openSteps[0]?.escalated === true);
      const after = await env.store.readStream(procedureId);
      const breach = after.find((e) => e.type === 'DeadlineBreached');
      const escalated = after.find((e) => e.type === 'Escalated');
      expect(breach?.data).toMatchObject({ stepId: 'step-1', dueDate: due });
      expect(escalated?.data).toMatchObject({ stepId: 'step-1', toBodyId: demoIds.standingCommittee });
      expect(escalated?.metadata).toMatchObject({ actorId: 'system', actorRole: 'system', correlationId: procedureId });

      await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'The post was merged' }],
      });
      await handle.result();
      await keepHistory(handle, 'appointment-deadline-escalated-then-withdrawn');
    });
  });
});
