import { readFile } from 'node:fs/promises';
import { demoIds, demoOrganisation } from '@cadreflow/domain';
import { DEMO_PROVINCE_FILE, RegistrySearch } from '@cadreflow/registry';
import { createRegistryDatabase, organizationCommittee, type RegistryDatabase } from './registry-database';

const ON = '2025-06-30';

describe('RegistrySearch (real PostgreSQL)', () => {
  let db: RegistryDatabase;
  let search: RegistrySearch;

  beforeAll(async () => {
    db = await createRegistryDatabase();
    search = new RegistrySearch(db.dataSource, db.registry);
    const content = await readFile(DEMO_PROVINCE_FILE);
    await db.writer.importFile({ content, fileName: 'demo-province.json' }, organizationCommittee);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('pins a snapshot of an organisation: its subtree, its ancestors, their bodies, members and relatives', async () => {
    const whole = await db.registry.model(ON);
    const national = await db.registry.snapshot(demoIds.national, ON);
    expect(national).toEqual(whole);
    const commune = await db.registry.snapshot('org/bn-kinh-bac', ON);
    const bodyIds = commune.model.bodies.map((b) => b.id);
    expect(bodyIds).toEqual(
      expect.arrayContaining([demoIds.politburo, demoIds.executiveCommittee, 'org/bn-kinh-bac/bch']),
    );
    expect(bodyIds).not.toContain('org/bn-tu-son/bch');
    expect(bodyIds).not.toContain('org/bn-tu-son');
    expect(commune.model.people.map((p) => p.id)).toEqual(
      expect.arrayContaining(['person/pb-01', 'person/bn-40', 'person/kb-01']),
    );
    expect(commune.model.relations).toHaveLength(demoOrganisation.relations.length);
    expect(commune.hash).not.toBe(national.hash);
    expect((await db.registry.snapshot('org/bn-kinh-bac', ON)).hash).toBe(commune.hash);
  });

  it('finds organisations by name with or without diacritics, with level and parent names', async () => {
    const expected = {
      id: demoIds.province,
      name: 'Đảng bộ tỉnh Bắc Ninh',
      levelKind: 'province',
      levelName: 'Tỉnh, thành phố trực thuộc Trung ương',
      parentId: demoIds.national,
      parentName: 'Đảng Cộng sản Việt Nam',
    };
    expect(await search.organisations('Bắc Ninh', ON)).toEqual([expected]);
    expect(await search.organisations('BAC NINH', ON)).toEqual([expected]);
    expect(await search.organisations('dang bo tinh', ON)).toEqual([expected]);
    expect((await search.organisations(undefined, ON)).map((o) => o.id).sort()).toEqual(
      demoOrganisation.bodies
        .filter((b) => b.kind === 'party-organisation')
        .map((b) => b.id)
        .sort(),
    );
    expect(await search.organisations('100%_', ON)).toEqual([]);
  });

  it('shows an organisation with its bodies and the organisations under it', async () => {
    const detail = await search.organisation(demoIds.province, ON);
    expect(detail?.bodies).toContainEqual({ id: demoIds.police, kind: 'unit', name: 'Công an tỉnh' });
    expect(detail?.children.map((c) => c.name)).toEqual([
      'Đảng bộ phường Kinh Bắc',
      'Đảng bộ phường Từ Sơn',
      'Đảng bộ xã Tiên Du',
    ]);
    expect(await search.organisation('org/none', ON)).toBeUndefined();
  });

  it('finds people by name with or without diacritics, by body and by organisation, a page at a time', async () => {
    const withMarks = await search.people({ q: 'Trịnh Văn Tổ', on: ON, page: 1, pageSize: 10 });
    const without = await search.people({ q: 'trinh van to', on: ON, page: 1, pageSize: 10 });
    expect(withMarks).toEqual(without);
    expect(without.items.map((p) => p.id)).toEqual(['person/bn-ot-01']);
    const dang = await search.people({ q: 'dang', on: ON, page: 1, pageSize: 100 });
    expect(dang.items.length).toBeGreaterThan(0);
    expect(dang.items.every((p) => p.fullName.startsWith('Đặng'))).toBe(true);

    const committee = await search.people({ body: demoIds.standingCommittee, on: ON, page: 2, pageSize: 10 });
    expect(committee.total).toBe(15);
    expect(committee.items).toHaveLength(5);
    const province = await search.people({ organisation: demoIds.province, on: ON, page: 1, pageSize: 100 });
    expect(province.total).toBe(48 + 2);
    const secretary = province.items.find((p) => p.id === demoIds.people.secretary);
    expect(secretary?.posts).toEqual([
      {
        postId: demoIds.posts.secretary,
        title: 'Bí thư Tỉnh ủy',
        bodyId: demoIds.executiveCommittee,
        bodyName: 'Ban Chấp hành Đảng bộ tỉnh',
        from: '2020-10-15',
        to: null,
      },
    ]);
  });

  it('shows a person with memberships and declared relatives, whichever side declared them', async () => {
    const person = await search.person('person/bn-12', ON);
    expect(person?.memberships.map((m) => m.bodyName)).toEqual(['Ban Chấp hành Đảng bộ tỉnh', 'Ban Thường vụ Tỉnh ủy']);
    expect(person?.relatives).toEqual([
      {
        personId: 'person/bn-40',
        fullName: demoOrganisation.people.find((p) => p.id === 'person/bn-40')?.fullName,
        kind: 'spouse',
        declaredOn: '2020-08-01',
        declaredByRelative: true,
      },
    ]);
    expect(await search.person('person/none', ON)).toBeUndefined();
  });
});
