import { WorkflowUpdateFailedError } from '@temporalio/client';
import { personnelPlanDecider, recordWith, type EventMetadata, type PersonnelPlanEvent } from '@cadreflow/domain';
import type { JsonObject, RecordedEvent } from '@cadreflow/event-store';
import {
  catchUpSignal,
  commandUpdate,
  decideUpdate,
  domainFailureOf,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ActorRef,
} from '@cadreflow/workflows/messages';
import { keepHistory } from '../../apps/worker/test/history-recorder';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, planLaunch, provincialPlan, sittingMembers } from './support/demo-launch.fixture';

const plan = provincialPlan([...sittingMembers, 'person/new-01', 'person/new-02']);
const submit = { actor: demoActors.organizationOfficer, command: { type: 'SubmitPlan' as const, data: {} } };
const adopt = (actor: ActorRef = demoActors.standingMember) => ({
  stepId: 'adoption-1',
  actor,
  decision: { kind: 'approve' as const },
});

/** The refs an answer names, as the log holds them. */
const refsOf = (events: readonly RecordedEvent[]) =>
  events.map((e): unknown => expect.objectContaining({ position: e.position, hash: e.hash }));

/**
 * The stream gets ahead of its workflow as when the Temporal server loses an Update after its `recordEvents` had
 * appended: the batch the lost adoption recorded (decided by the domain on the stream's state, with the metadata the
 * workflow gives, the Update id as cause) is appended at key `<stream>/<version>`, and the workflow never hears of it.
 */
async function loseAdoption(
  env: ProcedureTestEnvironment,
  procedureId: string,
  updateId: string,
): Promise<RecordedEvent[]> {
  const stream = await env.store.readStream(procedureId);
  const state = stream.reduce(
    (s, e) => personnelPlanDecider.evolve(s, { type: e.type, data: e.data } as unknown as PersonnelPlanEvent),
    personnelPlanDecider.initialState(),
  );
  const actor = demoActors.standingMember;
  const now = new Date().toISOString();
  const events = personnelPlanDecider.decide(
    {
      type: 'DecideStep',
      data: { stepId: 'adoption-1', decision: { kind: 'approve' } },
      actor: { personId: actor.actorId, role: actor.role, bodyId: actor.bodyId },
      now,
    },
    state,
  );
  const metadata: EventMetadata = {
    actorId: actor.actorId,
    actorRole: actor.role,
    bodyId: actor.bodyId,
    rulebookId: state.core.rulebookId,
    occurredAt: now,
    correlationId: procedureId,
    causationId: updateId,
  };
  const version = stream.length;
  const appended = await env.store.append(
    procedureId,
    version,
    recordWith(events, metadata).map((e) => ({
      type: e.type,
      data: e.data as unknown as JsonObject,
      metadata: e.metadata as unknown as JsonObject,
    })),
    { idempotencyKey: `${procedureId}/${version}` },
  );
  return appended.events;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a workflow behind its stream catches up from the log (embedded server)', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  const launch = async (procedureId: string, taskQueue: string) => {
    const handle = await env.client.workflow.start(workflowTypes['personnel-plan'], {
      workflowId: procedureId,
      taskQueue,
      args: [planLaunch(procedureId, plan)],
    });
    await waitFor(async () => (await handle.query(stateQuery)).streamVersion > 0);
    return handle;
  };

  it('decides the command its stale state would refuse on the state caught up from the log', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/behind-then-submitted';
      const handle = await launch(procedureId, taskQueue);
      const lost = await loseAdoption(env, procedureId, 'decide:lost-adoption');
      expect((await handle.query(stateQuery)).status).toBe('DRAFT');

      const submitted = await handle.executeUpdate(commandUpdate, { args: [submit] });

      expect(submitted.map((e) => e.type)).toEqual(
        (await env.store.readStream(procedureId, lost.at(-1)!.streamVersion + 1)).map((e) => e.type),
      );
      expect(submitted[0]).toMatchObject({ type: 'PlanSubmitted', streamVersion: lost.at(-1)!.streamVersion + 1 });
      const state = await handle.query(stateQuery);
      expect(state.status).toBe('SUBMITTED');
      expect(state.streamVersion).toBe(await env.store.streamVersion(procedureId));
      const approved = await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: 'review-1', actor: demoActors.politburo, decision: { kind: 'approve' } }],
      });
      expect(approved[0]).toMatchObject({ type: 'PlanApproved' });
      const types = (await env.store.readStream(procedureId)).map((e) => e.type);
      expect(types.filter((t) => t === 'PlanAdopted')).toHaveLength(1);
      expect(types.filter((t) => t === 'PlanSubmitted')).toHaveLength(1);
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: demoActors.organizationOfficer, reason: 'The congress was postponed' }],
      });
      await expect(handle.result()).resolves.toMatchObject({ run: 'withdrawn' });
      await keepHistory(handle, 'personnel-plan-caught-up-after-lost-adoption');
    });
  });

  it('refuses a second adoption instead of handing back the lost one as its own', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/behind-then-adopted-again';
      const handle = await launch(procedureId, taskQueue);
      await loseAdoption(env, procedureId, 'decide:lost-adoption');
      const before = await env.store.streamVersion(procedureId);

      const again = await handle
        .executeUpdate(decideUpdate, { args: [adopt(demoActors.standingMember)], updateId: 'decide:another-adoption' })
        .then(
          (refs) => ({ refs, failure: null }),
          (error: unknown) => ({ refs: null, failure: error }),
        );

      expect(again.refs).toBeNull();
      expect(again.failure).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(domainFailureOf(again.failure)?.code).toMatch(/ILLEGAL_TRANSITION|NOT_FOUND|CONFLICT/);
      expect(await env.store.streamVersion(procedureId)).toBe(before);
      const state = await handle.query(stateQuery);
      expect(state.status).toBe('ADOPTED');
      expect(state.streamVersion).toBe(before);
    });
  });

  it('answers the lost Update sent again under its id with the events the log holds for it', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/lost-adoption-sent-again';
      const handle = await launch(procedureId, taskQueue);
      const updateId = 'decide:lost-adoption';
      const lost = await loseAdoption(env, procedureId, updateId);

      const answer = await handle.executeUpdate(decideUpdate, { args: [adopt()], updateId });

      expect(answer).toEqual(refsOf(lost));
      expect(await env.store.streamVersion(procedureId)).toBe(lost.at(-1)!.streamVersion);
      const state = await handle.query(stateQuery);
      expect(state.status).toBe('ADOPTED');
      expect(state.streamVersion).toBe(lost.at(-1)!.streamVersion);
    });
  });

  it('answers the lost Update sent again after the workflow caught up on another command', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/lost-adoption-sent-after-submission';
      const handle = await launch(procedureId, taskQueue);
      const updateId = 'decide:lost-adoption';
      const lost = await loseAdoption(env, procedureId, updateId);
      await handle.executeUpdate(commandUpdate, { args: [submit] });
      const version = await env.store.streamVersion(procedureId);

      const answer = await handle.executeUpdate(decideUpdate, { args: [adopt()], updateId });

      expect(answer).toEqual(refsOf(lost));
      expect(await env.store.streamVersion(procedureId)).toBe(version);
      expect((await handle.query(stateQuery)).status).toBe('SUBMITTED');
    });
  });

  it('folds what the log holds when asked to catch up, without a command', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'plan/behind-then-signalled';
      const handle = await launch(procedureId, taskQueue);
      const lost = await loseAdoption(env, procedureId, 'decide:lost-adoption');

      await handle.signal(catchUpSignal);

      await waitFor(async () => (await handle.query(stateQuery)).streamVersion === lost.at(-1)!.streamVersion);
      const state = await handle.query(stateQuery);
      expect(state.status).toBe('ADOPTED');
      expect(state.openSteps).toEqual([]);
      expect(state.lastEvent).toMatchObject({ position: lost.at(-1)!.position, hash: lost.at(-1)!.hash });
      expect(await env.store.streamVersion(procedureId)).toBe(lost.at(-1)!.streamVersion);
    });
  });
});
