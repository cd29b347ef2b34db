import { demoIds, demoOrganisation, relativesOf, type OrganisationModel } from '@cadreflow/domain';
import { createDataSource, EventStore } from '@cadreflow/event-store';
import { RegistryStore, RegistryWriter } from '@cadreflow/registry';
import {
  commandUpdate,
  decideUpdate,
  domainFailureOf,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ActorRef,
  type IntroductionLaunch,
} from '@cadreflow/workflows/messages';
import type { WorkflowHandle } from '@temporalio/client';
import {
  startProcedureTestEnvironment,
  type ProcedureTestEnvironment,
} from '../../apps/worker/test/procedure-test-harness';
import { demoActors, registrySnapshot } from './support/demo-launch.fixture';
import { launchedState, waitFor } from './support/procedure-driver';

/** The demo standing-committee members who sign in as approvers; all three sit on the executive committee. */
const deputy: ActorRef = { actorId: 'person/bn-02', role: 'standing-committee', bodyId: demoIds.standingCommittee };
const secondDeputy: ActorRef = { ...deputy, actorId: 'person/bn-03' };
/** Married to candidate bn-40, as the organisation's data declares. */
const spouse: ActorRef = { ...deputy, actorId: 'person/bn-12' };
const candidates = ['person/bn-02', 'person/bn-03', 'person/bn-40', 'person/bn-41'];

/** An introduction of four re-election candidates launched on `model`, with no relatives named in the launch. */
function introduction(procedureId: string, model: OrganisationModel): IntroductionLaunch {
  return {
    kind: 'introduction',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    registry: registrySnapshot(model, 7),
    data: {
      organisationId: demoIds.province,
      congressDate: '2027-06-15',
      standingCommitteeId: demoIds.standingCommittee,
      executiveCommitteeId: demoIds.executiveCommittee,
      keyCadresConferenceId: demoIds.keyCadresConference,
      inspectionCommitteeId: demoIds.inspectionCommittee,
      higherBodyId: demoIds.politburo,
      higherRole: 'politburo',
      candidates: candidates.map((personId) => ({
        personId,
        track: 're-election',
        birthDate: '1978-01-01',
        gender: 'male',
        relativeIds: [],
      })),
    },
  };
}

function approveAs(handle: WorkflowHandle, actor: ActorRef): Promise<unknown> {
  return handle.executeUpdate(decideUpdate, {
    args: [{ stepId: 're-election/1', actor, decision: { kind: 'approve' } }],
  });
}

async function withdraw(handle: WorkflowHandle): Promise<void> {
  await handle.executeUpdate(withdrawUpdate, {
    args: [{ actor: demoActors.organizationOfficer, reason: 'The test is over' }],
  });
  await handle.result();
}

describe('recusal on list steps and relatives from the registry, on the embedded server', () => {
  let env: ProcedureTestEnvironment;

  beforeAll(async () => {
    env = await startProcedureTestEnvironment();
  });

  afterAll(async () => {
    await env.close();
  });

  it('members on the list decide the others’ items; bn12 is refused on his spouse’s item declared in the snapshot', async () => {
    await env.withWorker(async (taskQueue) => {
      const procedureId = 'introduction/recusal-per-item';
      const handle = await env.client.workflow.start(workflowTypes.introduction, {
        workflowId: procedureId,
        taskQueue,
        args: [introduction(procedureId, demoOrganisation)],
      });
      const launched = await launchedState(handle);
      expect(launched.openSteps[0]).toMatchObject({
        stepId: 're-election/1',
        stepKind: 'introduction-step',
        params: { track: 're-election', step: 1, attempt: 1 },
        decidedItems: [],
      });
      expect(launched.openSteps[0]?.concerned.find((c) => c.personId === 'person/bn-40')).toEqual({
        personId: 'person/bn-40',
        relativeIds: ['person/bn-12'],
      });

      await approveAs(handle, spouse);
      const refused = await approveAs(handle, spouse).catch((error: unknown) => domainFailureOf(error));
      expect(refused).toMatchObject({
        code: 'RECUSED',
        errorCode: 'RECUSED_RELATIVE',
        params: { actorId: 'person/bn-12', subjectId: 'person/bn-40' },
      });
      const partly = await handle.query(stateQuery);
      expect(partly.openSteps[0]?.decidedItems.map((i) => [i.personId, i.by, i.outcome])).toEqual([
        ['person/bn-02', 'person/bn-12', 'approved'],
        ['person/bn-03', 'person/bn-12', 'approved'],
        ['person/bn-41', 'person/bn-12', 'approved'],
      ]);
      await approveAs(handle, deputy);
      await waitFor(async () => (await handle.query(stateQuery)).openSteps[0]?.stepId === 're-election/2');

      const stream = await env.store.readStream(procedureId);
      expect(stream[0]).toMatchObject({
        type: 'ProcedureLaunched',
        data: { registry: { version: 7, hash: registrySnapshot(demoOrganisation, 7).hash } },
      });
      expect(stream.filter((e) => e.type === 'RecusalRecorded').map((e) => e.data)).toEqual([
        {
          stepId: 're-election/1',
          personId: 'person/bn-12',
          items: [{ subjectId: 'person/bn-40', ground: 'RELATIVE' }],
        },
      ]);
      expect(stream.find((e) => e.type === 'ListApproved')?.data).toEqual({
        stepId: 're-election/1',
        personIds: candidates,
      });
      await withdraw(handle);
    });
  });

  it('asks the registry at decision time: a marriage declared after the launch is recorded as ConflictDetected', async () => {
    const dataSource = createDataSource({ url: env.database.url, poolSize: 2 });
    await dataSource.initialize();
    try {
      const registry = new RegistryStore(dataSource, new EventStore(dataSource));
      const writer = new RegistryWriter(dataSource, registry);
      const office = {
        actorId: 'person/bn-ot-01',
        actorRole: 'organization-committee',
        bodyId: demoIds.organizationCommittee,
      };
      const today = env.temporal.now().toISOString().slice(0, 10);
      const unmarried: OrganisationModel = {
        ...demoOrganisation,
        relations: demoOrganisation.relations.filter((r) => r.personId !== 'person/bn-40'),
      };
      const imported = await writer.importFile(
        { fileName: 'province.json', content: Buffer.from(JSON.stringify(unmarried)) },
        office,
        { effectiveFrom: today, today },
      );
      expect(imported.preview.errors).toEqual([]);
      const pinned = await registry.snapshot(demoIds.province, today);
      expect(relativesOf(pinned.model.relations, 'person/bn-40')).toEqual([]);

      await env.withWorker(async (taskQueue) => {
        const procedureId = 'introduction/late-relative';
        const handle = await env.client.workflow.start(workflowTypes.introduction, {
          workflowId: procedureId,
          taskQueue,
          args: [{ ...introduction(procedureId, unmarried), registry: pinned }],
        });
        const launched = await launchedState(handle);
        expect(launched.openSteps[0]?.concerned.find((c) => c.personId === 'person/bn-40')?.relativeIds).toEqual([]);
        await writer.change(
          {
            kind: 'relative-declared',
            personId: 'person/bn-40',
            relativeId: 'person/bn-12',
            relation: 'spouse',
            effectiveFrom: today,
          },
          office,
          today,
        );

        const dropped = await handle
          .executeUpdate(commandUpdate, {
            args: [
              {
                actor: spouse,
                command: {
                  type: 'DropCandidate',
                  data: { stepId: 're-election/1', personId: 'person/bn-40', reason: 'Not ready' },
                },
              },
            ],
          })
          .catch((error: unknown) => domainFailureOf(error));
        expect(dropped).toMatchObject({ code: 'RECUSED', errorCode: 'RECUSED_RELATIVE' });
        await approveAs(handle, spouse);
        const refused = await approveAs(handle, spouse).catch((error: unknown) => domainFailureOf(error));
        expect(refused).toMatchObject({ code: 'RECUSED', errorCode: 'RECUSED_RELATIVE' });

        const stream = await env.store.readStream(procedureId);
        expect(stream[0]).toMatchObject({ data: { registry: { version: pinned.version, hash: pinned.hash } } });
        expect(stream.filter((e) => e.type === 'ConflictDetected')).toHaveLength(1);
        expect(stream.find((e) => e.type === 'ConflictDetected')).toMatchObject({
          data: {
            stepId: 're-election/1',
            personId: 'person/bn-12',
            subjectId: 'person/bn-40',
            relation: 'spouse',
            declaredOn: today,
          },
          metadata: { actorId: 'person/bn-12' },
        });
        expect(stream.filter((e) => e.type === 'RecusalRecorded').map((e) => e.data)).toEqual([
          {
            stepId: 're-election/1',
            personId: 'person/bn-12',
            items: [{ subjectId: 'person/bn-40', ground: 'RELATIVE' }],
          },
        ]);
        expect(stream.some((e) => e.type === 'ListApproved')).toBe(false);
        await approveAs(handle, secondDeputy);
        await waitFor(async () => (await handle.query(stateQuery)).openSteps[0]?.stepId === 're-election/2');
        await withdraw(handle);
      });
    } finally {
      await dataSource.destroy();
    }
  });
});
