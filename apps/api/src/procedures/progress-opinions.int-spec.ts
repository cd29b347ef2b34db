import { DataSource } from 'typeorm';
import { demoIds, demoOrganisation } from '@cadreflow/domain';
import { EventStore } from '@cadreflow/event-store';
import { apiMigrations } from '../api.module';
import { createTestDatabase } from '../../../../test/setup/database';
import { OpinionCounts1766300000000 } from '../migrations/1766300000000-OpinionCounts';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { ReadModelProjection } from '../projections/read-model.projection';
import { ProgressService } from './progress.service';

/**
 * Progress of opinions on cadres counts the cadres asked about and the opinions given (favourable among them), per
 * level, from the read model the projection keeps: real PostgreSQL, the real projection over recorded events, the
 * real progress query, and the migration that counts the procedures recorded before it.
 */
describe('progress of opinions on cadres (real PostgreSQL and read-model projection)', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  let store: EventStore;
  let service: ProgressService;
  const directory = OrganisationDirectory.fixed(demoOrganisation);
  const actor = { personId: 'person/bn-ot-01', role: 'organization-committee', bodyId: demoIds.organizationCommittee };
  const metadata = { actorId: actor.personId };

  beforeAll(async () => {
    ({ dataSource, drop } = await createTestDatabase({ poolSize: 2, extraMigrations: apiMigrations }));
    store = new EventStore(dataSource);
    // Progress reads the read model and the organisation tree only.
    service = new ProgressService(dataSource, directory);
  });

  afterAll(async () => {
    await drop();
  });

  const given = (personId: string, favourable: boolean) => ({
    type: 'OpinionGiven',
    data: { personId, favourable, opinion: favourable ? '' : 'Chưa đủ tiêu chuẩn', byBodyId: 'b', toBodyId: 'p' },
    metadata,
  });

  /** Records a request about `asked` cadres and the opinions given so far, and projects them. */
  async function request(procedureId: string, asked: string[], opinions: ReturnType<typeof given>[]): Promise<void> {
    await store.append(procedureId, 0, [
      {
        type: 'ProcedureLaunched',
        data: {
          procedureId,
          kind: 'cadre-opinion',
          bodyId: demoIds.province,
          rulebookId: 'rulebook/2025-2030@2025-10-08',
          launchedBy: actor,
          launchedAt: '2025-11-03T02:00:00.000Z',
        },
        metadata,
      },
      {
        type: 'OpinionRequested',
        data: { requestingBodyId: demoIds.politburo, reference: 'CV 1', matter: 'Bổ nhiệm', personIds: asked },
        metadata,
      },
      ...opinions,
      ...(opinions.length === asked.length
        ? [{ type: 'ProcedureCompleted', data: { outcome: 'opinion-given', personIds: asked }, metadata }]
        : []),
    ]);
    const events = await store.readStream(procedureId);
    await dataSource.transaction((tx) => new ReadModelProjection(directory).apply(events, tx));
  }

  const province = async () =>
    (await service.progress('cadre-opinion')).find((level) => level.levelKind === 'province');

  it('counts the cadres asked about and the opinions given, favourable among them, answered in full or not', async () => {
    await request(
      'opinion-a',
      ['person/bn-01', 'person/bn-02', 'person/bn-03'],
      [given('person/bn-01', true), given('person/bn-02', false), given('person/bn-03', true)],
    );
    await request('opinion-b', ['person/bn-04', 'person/bn-05'], [given('person/bn-04', true)]);
    expect(await province()).toMatchObject({
      organisations: 1,
      // The province answered one request in full and has the other open.
      done: 1,
      running: 1,
      opinionsRequested: 5,
      opinionsGiven: 4,
      opinionsFavourable: 3,
    });
    // Other kinds carry no opinion counts.
    const congress = (await service.progress('congress-personnel')).find((l) => l.levelKind === 'province');
    expect(congress).not.toHaveProperty('opinionsGiven');
  });

  it('counts, when the columns are added, the opinions of the procedures recorded before', async () => {
    const migration = new OpinionCounts1766300000000();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await province()).toMatchObject({ opinionsRequested: 5, opinionsGiven: 4, opinionsFavourable: 3 });
  });
});
