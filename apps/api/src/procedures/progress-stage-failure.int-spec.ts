import { DataSource } from 'typeorm';
import { demoIds, demoOrganisation } from '@cadreflow/domain';
import { EventStore, type JsonObject, type RecordedEvent } from '@cadreflow/event-store';
import { apiMigrations } from '../api.module';
import { createTestDatabase } from '../../../../test/setup/database';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { ReadModelProjection } from '../projections/read-model.projection';
import { ProgressService } from './progress.service';

const RULEBOOK = 'rulebook/2025-2030@2025-10-08';
const OFFICER = 'person/bn-ot-01';

/**
 * A congress whose stage failed ends `failed` in the read models, from the composite's `StageFailed` in the log: the
 * procedure list shows it so and progress no longer counts it as running. Real PostgreSQL, the real read-model
 * projection over recorded events, and the real progress query.
 */
describe('a congress with a failed stage in the read models (real PostgreSQL and read-model projection)', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  let store: EventStore;
  const directory = OrganisationDirectory.fixed(demoOrganisation);

  beforeAll(async () => {
    ({ dataSource, drop } = await createTestDatabase({ poolSize: 2, extraMigrations: apiMigrations }));
    store = new EventStore(dataSource);
  });

  afterAll(async () => {
    await drop();
  });

  beforeEach(async () => {
    await dataSource.query(`DELETE FROM tasks`);
    await dataSource.query(`DELETE FROM procedure_summaries`);
  });

  /** Projects what `streams` recorded, in log order, as the API's live loop does (one batch). */
  async function project(streams: readonly string[]): Promise<void> {
    const events: RecordedEvent[] = [];
    for (const streamId of streams) events.push(...(await store.readStream(streamId)));
    events.sort((a, b) => a.position - b.position);
    await dataSource.transaction((tx) => new ReadModelProjection(directory).apply(events, tx));
  }

  const launched = (procedureId: string, kind: string) => ({
    type: 'ProcedureLaunched',
    data: {
      procedureId,
      kind,
      bodyId: demoIds.province,
      rulebookId: RULEBOOK,
      launchedBy: { personId: OFFICER, role: 'organization-committee', bodyId: demoIds.organizationCommittee },
      launchedAt: '2025-11-03T02:00:00.000Z',
    },
    metadata: { actorId: OFFICER },
  });

  /** The composite's `StageFailed` as the workflow records it on the congress's own stream. */
  const stageFailed = (congressId: string, stage: string, code: string, params: JsonObject) => ({
    type: 'StageFailed',
    data: {
      stage,
      stageProcedureId: `${congressId}/${stage}`,
      reason: { code, params },
      launchedBy: OFFICER,
      launchedAt: '2025-11-03T02:00:00.000Z',
    },
    metadata: {
      actorId: 'system',
      actorRole: 'system',
      bodyId: demoIds.province,
      rulebookId: RULEBOOK,
      occurredAt: '2025-11-20T02:00:00.000Z',
      correlationId: congressId,
      causationId: `${congressId}/${stage}`,
    },
  });

  const summaries = async (): Promise<unknown[]> =>
    dataSource.query(
      `SELECT procedure_id, kind, status, outcome, launched_by, ended_at IS NOT NULL AS ended
         FROM procedure_summaries ORDER BY procedure_id`,
    );

  const province = async (): Promise<unknown> =>
    (await new ProgressService(dataSource, directory).progress('congress-personnel')).find(
      (p) => p.levelKind === 'province',
    );

  it('ends a congress failed at a stage that had started, the stage too, and cancels its open steps', async () => {
    const congress = 'congress-vetting-failed';
    await store.append(`${congress}/plan`, 0, [
      launched(`${congress}/plan`, 'personnel-plan'),
      { type: 'ProcedureCompleted', data: { outcome: 'consumed', personIds: [] }, metadata: { actorId: OFFICER } },
    ]);
    await store.append(`${congress}/vetting`, 0, [
      launched(`${congress}/vetting`, 'vetting'),
      {
        type: 'StepOpened',
        data: {
          stepId: 'check-1',
          name: 'Vetting check',
          bodyId: demoIds.inspectionCommittee,
          role: 'inspection-committee',
          dueDate: '2025-11-30',
        },
        metadata: { actorId: OFFICER },
      },
    ]);
    await project([`${congress}/plan`, `${congress}/vetting`]);
    expect(await province()).toMatchObject({ organisations: 1, done: 0, running: 1, failed: 0 });

    await store.append(congress, 0, [stageFailed(congress, 'vetting', 'STAGE_FAILED', {})]);
    await dataSource.transaction(async (tx) =>
      new ReadModelProjection(directory).apply(await store.readStream(congress), tx),
    );

    expect(await summaries()).toEqual([
      {
        procedure_id: congress,
        kind: 'congress-personnel',
        status: 'failed',
        outcome: 'vetting-failed',
        launched_by: OFFICER,
        ended: true,
      },
      {
        procedure_id: `${congress}/plan`,
        kind: 'personnel-plan',
        status: 'completed',
        outcome: 'consumed',
        launched_by: OFFICER,
        ended: true,
      },
      {
        procedure_id: `${congress}/vetting`,
        kind: 'vetting',
        status: 'failed',
        outcome: 'failed',
        launched_by: OFFICER,
        ended: true,
      },
    ]);
    expect(await province()).toMatchObject({ organisations: 1, done: 0, running: 0, failed: 1 });
    expect(await dataSource.query(`SELECT step_id, status, outcome FROM tasks`)).toEqual([
      { step_id: 'check-1', status: 'closed', outcome: 'cancelled' },
    ]);
  });

  it('lists a congress whose first stage was refused before recording anything, failed, from its StageFailed alone', async () => {
    const congress = 'congress-plan-refused';
    await store.append(congress, 0, [
      stageFailed(congress, 'plan', 'PLAN_RULES_BROKEN', { problems: ['48 candidates for 48 seats'] }),
    ]);
    await project([congress]);

    expect(await summaries()).toEqual([
      {
        procedure_id: congress,
        kind: 'congress-personnel',
        status: 'failed',
        outcome: 'plan-failed',
        launched_by: OFFICER,
        ended: true,
      },
    ]);
    expect(await province()).toMatchObject({ organisations: 1, done: 0, running: 0, failed: 1 });
  });

  it('leaves a congress completed by its election as it is when its first session is skipped', async () => {
    const congress = 'congress-first-session-skipped';
    await store.append(`${congress}/election`, 0, [
      launched(`${congress}/election`, 'election'),
      {
        type: 'ProcedureCompleted',
        data: { outcome: 'ratification-refused', personIds: [] },
        metadata: { actorId: OFFICER },
      },
    ]);
    await store.append(congress, 0, [
      {
        ...stageFailed(congress, 'first-session', 'ELECTION_NOT_STANDING', { electionOutcome: 'ratification-refused' }),
        type: 'StageSkipped',
      },
    ]);
    await project([`${congress}/election`, congress]);

    expect(await summaries()).toEqual([
      {
        procedure_id: congress,
        kind: 'congress-personnel',
        status: 'completed',
        outcome: 'ratification-refused',
        launched_by: OFFICER,
        ended: true,
      },
      {
        procedure_id: `${congress}/election`,
        kind: 'election',
        status: 'completed',
        outcome: 'ratification-refused',
        launched_by: OFFICER,
        ended: true,
      },
    ]);
    expect(await province()).toMatchObject({ organisations: 1, done: 0, running: 0, failed: 0 });
  });
});
