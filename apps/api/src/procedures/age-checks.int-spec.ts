import { DataSource } from 'typeorm';
import { demoIds } from '@cadreflow/domain';
import { EventStore } from '@cadreflow/event-store';
import { RegistryStore, importOnFirstStart } from '@cadreflow/registry';
import { apiMigrations } from '../api.module';
import { createTestDatabase } from '../../../../test/setup/database';
import { ApiError } from '../errors/api-error';
import { AgeChecksService } from './age-checks.service';

/**
 * The launch form's age check is the rulebook's: months of service left before retirement age under the roadmap, at
 * the congress, against the track's requirement. Real PostgreSQL with the demo province imported as on first start.
 */
describe('age checks of a launch form (real PostgreSQL, demo registry)', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  let service: AgeChecksService;

  beforeAll(async () => {
    ({ dataSource, drop } = await createTestDatabase({ poolSize: 2, extraMigrations: apiMigrations }));
    const store = new EventStore(dataSource);
    await importOnFirstStart(dataSource, store);
    service = new AgeChecksService(new RegistryStore(dataSource, store));
  });

  afterAll(async () => {
    await drop();
  });

  it('refuses a sitting member under 60 whose retirement comes before the 48 months re-election needs', async () => {
    const [hai, trung, to] = await service.check(
      demoIds.province,
      '2027-06-15',
      ['person/bn-04', 'person/bn-02', 'person/bn-ot-01'],
      '2026-12-07',
    );
    // Hoàng Hữu Hải, a man born 17/09/1967, is 59 at the launch: the roadmap (62 from 2028) retires him on
    // 17/09/2029, 27 whole months after the congress; a sitting member needs 48 under the 2025-2030 rulebook.
    expect(hai).toMatchObject({
      personId: 'person/bn-04',
      track: 're-election',
      eligible: false,
      monthsLeft: 27,
      requiredMonths: 48,
      retirementDate: '2029-09-17',
    });
    expect(hai?.rulebookId).toMatch(/^rulebook\/2025-2030/);
    expect(trung).toMatchObject({ personId: 'person/bn-02', track: 're-election', eligible: true });
    // Trịnh Văn Tổ sits on no executive committee: a first term needs 60 months; he has 179.
    expect(to).toMatchObject({
      personId: 'person/bn-ot-01',
      track: 'first-time',
      eligible: true,
      monthsLeft: 179,
      requiredMonths: 60,
    });
  });

  it('names the organisation the registry does not know', async () => {
    const refusal = await service.check('org/nowhere', '2027-06-15', ['person/bn-04']).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: 'LAUNCH_UNKNOWN_ORGANISATION' });
  });
});
