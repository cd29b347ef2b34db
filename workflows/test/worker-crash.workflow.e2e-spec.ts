import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { ProcedureActivities, RecordEventsInput } from '@cadreflow/workflows/activities';
import { decideUpdate, stateQuery, withdrawUpdate, workflowTypes } from '@cadreflow/workflows/messages';
import { ProcedureActivitiesService } from '../../apps/worker/src/activities/procedure.activities';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, planLaunch, provincialPlan, sittingMembers } from './support/demo-launch.fixture';
import { waitFor } from './support/procedure-driver';

const plan = provincialPlan([
  ...sittingMembers,
  'person/new-01',
  'person/new-02',
  'person/new-03',
  'person/new-04',
  'person/new-05',
]);

describe('a worker killed in the middle of recording events', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('leaves no duplicate event: the retry on a new worker finds the first append by its idempotency key', async () => {
    const taskQueue = `procedures-${randomUUID()}`;
    const procedureId = 'plan/worker-killed';
    const real = new ProcedureActivitiesService(env.store);
    const connection = await NativeConnection.connect({ address: env.temporal.address });
    let appended: RecordEventsInput | null = null;
    let doomed: Worker | null = null;
    // The first worker appends, then dies before it can report the result.
    const dying: ProcedureActivities = {
      async recordEvents(input) {
        if (input.expectedVersion !== 3) return real.recordEvents(input);
        await real.recordEvents(input);
        appended = input;
        doomed?.shutdown();
        await Context.current().cancelled;
        throw new Error('unreachable: the worker was shut down');
      },
    };
    doomed = await Worker.create({
      connection,
      taskQueue,
      workflowBundle: env.bundle,
      activities: dying,
      shutdownGraceTime: '100 ms',
    });
    const handle = await env.client.workflow.start(workflowTypes['personnel-plan'], {
      workflowId: procedureId,
      taskQueue,
      args: [planLaunch(procedureId, plan)],
    });
    const firstLife = doomed.run();
    await waitFor(async () => (await handle.query(stateQuery).catch(() => null))?.streamVersion === 3);
    const adoption = handle.executeUpdate(decideUpdate, {
      args: [{ stepId: 'adoption-1', actor: demoActors.standingMember, decision: { kind: 'approve' } }],
    });
    await firstLife;
    await connection.close();
    expect(appended).not.toBeNull();
    expect((await env.store.readStream(procedureId)).map((e) => e.type).slice(3)).toEqual([
      'PlanAdopted',
      'StepClosed',
    ]);

    await env.withWorker(async () => {
      // The attempt the dead worker held times out on the server; the new worker retries it.
      env.temporal.skipTime('1 minute');
      const refs = await adoption;
      expect(refs.map((r) => [r.type, r.streamVersion])).toEqual([
        ['PlanAdopted', 4],
        ['StepClosed', 5],
      ]);
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'Test over' }],
      });
      await handle.result();
    }, taskQueue);

    const stream = await env.store.readStream(procedureId);
    expect(stream.map((e) => e.type)).toEqual([
      'ProcedureLaunched',
      'PlanDrafted',
      'StepOpened',
      'PlanAdopted',
      'StepClosed',
      'ProcedureWithdrawn',
    ]);
    const keys = stream.map((e) => e.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    // Events are recorded by a local activity. The workflow task the dead worker held (created for the Update, so
    // kept out of the history until completed) timed out; its retry repeated the append and recorded one marker
    // for it: one marker per append.
    const history = await handle.fetchHistory();
    expect(history.events?.filter((e) => e.activityTaskScheduledEventAttributes) ?? []).toHaveLength(0);
    expect(
      history.events?.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity') ?? [],
    ).toHaveLength(3);
    await keepHistory(handle, 'personnel-plan-worker-killed-mid-local-append');
  });
});
