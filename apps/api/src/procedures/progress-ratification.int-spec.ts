import { DataSource } from 'typeorm';
import { demoIds, demoOrganisation } from '@cadreflow/domain';
import { EventStore } from '@cadreflow/event-store';
import { apiMigrations } from '../api.module';
import { createTestDatabase } from '../../../../test/setup/database';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { ReadModelProjection } from '../projections/read-model.projection';
import { ProgressService } from './progress.service';

/**
 * Progress counts a congress as done only when its result stands: a congress whose election the higher committee
 * refused to ratify completed without its result. Real PostgreSQL, the real read-model projection over recorded
 * events, and the real progress query.
 */
describe('progress of congresses (real PostgreSQL and read-model projection)', () => {
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

  /** Records a congress's first stage and its election's end, and projects them as the API's live loop does. */
  async function congress(procedureId: string, outcome: string): Promise<void> {
    const actor = {
      personId: 'person/bn-ot-01',
      role: 'organization-committee',
      bodyId: demoIds.organizationCommittee,
    };
    const launched = (stage: string, kind: string) => ({
      type: 'ProcedureLaunched',
      data: {
        procedureId: `${procedureId}/${stage}`,
        kind,
        bodyId: demoIds.province,
        rulebookId: 'rulebook/2025-2030@2025-10-08',
        launchedBy: actor,
        launchedAt: '2025-11-03T02:00:00.000Z',
      },
      metadata: { actorId: actor.personId },
    });
    await store.append(`${procedureId}/plan`, 0, [launched('plan', 'personnel-plan')]);
    await store.append(`${procedureId}/election`, 0, [
      launched('election', 'election'),
      { type: 'ProcedureCompleted', data: { outcome, personIds: [] }, metadata: { actorId: actor.personId } },
    ]);
    const projection = new ReadModelProjection(directory);
    const events = [
      ...(await store.readStream(`${procedureId}/plan`)),
      ...(await store.readStream(`${procedureId}/election`)),
    ];
    await dataSource.transaction((tx) => projection.apply(events, tx));
  }

  /** Records the delegates' election launched after the congress's election, and, with `ended`, its end. */
  async function delegatesStage(procedureId: string, ended: boolean): Promise<void> {
    const streamId = `${procedureId}/delegates`;
    const version = (await store.readStream(streamId)).length;
    await store.append(streamId, version, [
      ...(version === 0
        ? [
            {
              type: 'ProcedureLaunched',
              data: {
                procedureId: streamId,
                kind: 'election',
                bodyId: demoIds.province,
                rulebookId: 'rulebook/2025-2030@2025-10-08',
                launchedBy: { personId: 'person/bn-ot-01' },
                launchedAt: '2025-11-03T02:00:00.000Z',
              },
              metadata: { actorId: 'person/bn-ot-01' },
            },
          ]
        : []),
      ...(ended
        ? [
            {
              type: 'ProcedureCompleted',
              data: { outcome: 'delegates-elected', personIds: [] },
              metadata: { actorId: 'person/bn-ot-01' },
            },
          ]
        : []),
    ]);
    const events = (await store.readStream(streamId)).slice(version);
    await dataSource.transaction((tx) => new ReadModelProjection(directory).apply(events, tx));
  }

  it('keeps a congress running while it elects its delegates after its election, then done with the election outcome', async () => {
    await dataSource.query(`DELETE FROM procedure_summaries`);
    const service = new ProgressService(dataSource, directory);
    const summary = async (): Promise<unknown> => {
      const rows: unknown[] = await dataSource.query(
        `SELECT status, outcome FROM procedure_summaries WHERE procedure_id = 'congress-delegates'`,
      );
      return rows[0];
    };
    await congress('congress-delegates', 'elected');
    await delegatesStage('congress-delegates', false);
    expect(await summary()).toEqual({ status: 'running', outcome: 'elected' });
    const [running] = (await service.progress('congress-personnel')).filter((p) => p.levelKind === 'province');
    expect(running).toMatchObject({ done: 0, running: 1 });
    await delegatesStage('congress-delegates', true);
    expect(await summary()).toEqual({ status: 'completed', outcome: 'elected' });
    const [done] = (await service.progress('congress-personnel')).filter((p) => p.levelKind === 'province');
    expect(done).toMatchObject({ done: 1, running: 0 });
    await dataSource.query(`DELETE FROM procedure_summaries`);
  });

  it('does not count a congress whose ratification was refused as finished', async () => {
    await congress('congress-refused', 'ratification-refused');
    const service = new ProgressService(dataSource, directory);
    const [province] = (await service.progress('congress-personnel')).filter((p) => p.levelKind === 'province');
    expect(province).toMatchObject({ organisations: 1, done: 0 });

    await dataSource.query(`DELETE FROM procedure_summaries`);
    await congress('congress-ratified', 'elected');
    const [after] = (await service.progress('congress-personnel')).filter((p) => p.levelKind === 'province');
    expect(after).toMatchObject({ organisations: 1, done: 1, label: '1/1 done, 100.00%' });
  });
});
