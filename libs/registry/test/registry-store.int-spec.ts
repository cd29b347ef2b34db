import { readFile } from 'node:fs/promises';
import { demoIds, demoOrganisation, membersOf } from '@cadreflow/domain';
import {
  DEMO_PROVINCE_FILE,
  InvalidRegistryDateError,
  RegistryChangeError,
  RegistryChangedSincePreviewError,
  RegistryImportInvalidError,
  sortModel,
  type RegistryFile,
} from '@cadreflow/registry';
import { createRegistryDatabase, organizationCommittee as actor, type RegistryDatabase } from './registry-database';

const TODAY = '2026-12-01';

describe('RegistryStore and RegistryWriter (real PostgreSQL)', () => {
  let db: RegistryDatabase;
  let demo: RegistryFile;

  const tableCounts = async (): Promise<number[]> => {
    const rows: { n: string }[] = await db.dataSource.query(
      `SELECT count(*) AS n FROM registry_records UNION ALL SELECT count(*) FROM registry_memberships
       UNION ALL SELECT count(*) FROM registry_relations UNION ALL SELECT count(*) FROM events`,
    );
    return rows.map((r) => Number(r.n));
  };

  beforeAll(async () => {
    db = await createRegistryDatabase();
    demo = { content: await readFile(DEMO_PROVINCE_FILE), fileName: 'demo-province.json' };
  });
  afterAll(async () => {
    await db.drop();
  });

  it('imports the demo province into an empty registry: the model is the demo organisation, on its own stream', async () => {
    expect(await db.registry.model(TODAY)).toMatchObject({ version: 0, model: { people: [] } });
    const { preview, result } = await db.writer.importFile(demo, actor, { today: TODAY });
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toContainEqual({ kind: 'people', added: 53, changed: 0, removed: 0 });
    expect(result).toEqual({ version: 7, events: 7 });
    const { model, version, hash } = await db.registry.model(TODAY);
    expect(version).toBe(7);
    expect(model).toEqual(sortModel(demoOrganisation));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // The first import describes the registry from its start: the 2021 committee is there too.
    expect(
      membersOf((await db.registry.model('2021-01-01')).model, demoIds.executiveCommittee, '2021-01-01'),
    ).toHaveLength(48);
    const events = await db.registry.store.readStream('registry/org/national');
    expect(events.map((e) => e.type)).toEqual([
      'RegistryRecordsAdded',
      'RegistryRecordsAdded',
      'RegistryRecordsAdded',
      'RegistryRecordsAdded',
      'RegistryRecordsAdded',
      'MembershipsStarted',
      'RelativesDeclared',
    ]);
    expect(events[0].metadata).toMatchObject({
      actorId: actor.actorId,
      source: 'import',
      fileName: 'demo-province.json',
    });
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expect(db.registry.model('30/06/2025')).rejects.toBeInstanceOf(InvalidRegistryDateError);
    await expect(db.registry.relations(['person/bn-12'], '2025-02-30')).rejects.toBeInstanceOf(
      InvalidRegistryDateError,
    );
  });

  it('re-importing the same file changes nothing and records nothing', async () => {
    const before = await tableCounts();
    const { preview, result } = await db.writer.importFile(demo, actor, { today: TODAY });
    expect(preview.changes.every((c) => c.added + c.changed + c.removed === 0)).toBe(true);
    expect(result).toEqual({ version: 7, events: 0 });
    expect(await tableCounts()).toEqual(before);
  });

  it('a bad file changes nothing, and its preview cannot be confirmed', async () => {
    const before = await tableCounts();
    const people = [
      ...demoOrganisation.people.map((p) => (p.id === 'person/bn-01' ? { ...p, birthDate: '31/02/1970' } : p)),
      { id: 'person/x', fullName: 'Người Mới', gender: '?', birthDate: '1970' },
    ];
    const bad = Buffer.from(JSON.stringify({ people }));
    const preview = await db.writer.preview({ content: bad, fileName: 'people.json' }, actor, { today: TODAY });
    expect(preview.valid).toBe(false);
    expect(preview.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'birthDate', 'REGISTRY_MALFORMED_DATE'],
      [54, 'gender', 'REGISTRY_UNKNOWN_VALUE'],
    ]);
    await expect(db.writer.confirm(preview.importId, actor)).rejects.toBeInstanceOf(RegistryImportInvalidError);
    expect(await tableCounts()).toEqual(before);
  });

  it('an import of one kind changes that kind from its effective date; the past stays as it was', async () => {
    const before = await db.registry.snapshot(demoIds.province, '2026-01-31');
    const people = demoOrganisation.people
      .filter((p) => p.id !== 'person/bn-ot-02')
      .map((p) => (p.id === 'person/bn-21' ? { ...p, fullName: 'Đoàn Thị Tài' } : p));
    const memberships = demoOrganisation.memberships.filter((m) => m.personId !== 'person/bn-ot-02');
    const relations = demoOrganisation.relations.filter((r) => r.relativeId !== 'person/bn-ot-02');
    const file = { content: Buffer.from(JSON.stringify({ people, memberships, relations })), fileName: 'changes.json' };
    const { preview, result } = await db.writer.importFile(file, actor, { today: TODAY, effectiveFrom: '2026-02-01' });
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toEqual([
      { kind: 'people', added: 0, changed: 1, removed: 1 },
      { kind: 'memberships', added: 0, changed: 0, removed: 1 },
      { kind: 'relatives', added: 0, changed: 0, removed: 1 },
    ]);
    expect(result?.version).toBe(11);
    const after = await db.registry.model('2026-02-01');
    expect(after.model.people.find((p) => p.id === 'person/bn-21')?.fullName).toBe('Đoàn Thị Tài');
    expect(after.model.people.some((p) => p.id === 'person/bn-ot-02')).toBe(false);
    const stillThen = await db.registry.snapshot(demoIds.province, '2026-01-31');
    expect(stillThen.hash).toBe(before.hash);
    expect(stillThen.version).toBe(11);
    expect(stillThen.model.people.find((p) => p.id === 'person/bn-21')?.fullName).toBe(
      demoOrganisation.people.find((p) => p.id === 'person/bn-21')?.fullName,
    );
    expect(await db.registry.names(['person/bn-21', 'body/bn-police', 'nobody'])).toEqual({
      'person/bn-21': 'Đoàn Thị Tài',
      'body/bn-police': 'Công an tỉnh',
    });
  });

  it('records effective-dated changes: a move, a declared relative, a commune moved and a district abolished', async () => {
    await db.writer.change(
      {
        kind: 'person-moves',
        effectiveFrom: '2026-03-01',
        personId: 'person/bn-20',
        fromBodyId: demoIds.police,
        bodyId: demoIds.finance,
        postId: 'post/bn-finance-deputy',
      },
      actor,
      TODAY,
    );
    const posts = (on: string) =>
      db.registry
        .model(on)
        .then(({ model }) =>
          model.memberships
            .filter((m) => m.personId === 'person/bn-20' && m.postId && (m.to === undefined || m.to > on))
            .map((m) => m.postId),
        );
    expect(await posts('2026-02-28')).toEqual([demoIds.posts.policeDirector]);
    expect(await posts('2026-03-01')).toEqual(['post/bn-finance-deputy']);

    await db.writer.change(
      {
        kind: 'relative-declared',
        effectiveFrom: '2026-03-05',
        personId: 'person/bn-07',
        relativeId: 'person/bn-20',
        relation: 'child',
      },
      actor,
      TODAY,
    );
    expect(await db.registry.relations(['person/bn-20'], '2026-03-04')).toEqual([
      { personId: 'person/bn-20', relativeId: 'person/bn-21', kind: 'sibling', declaredOn: '2021-02-15' },
    ]);
    expect(await db.registry.relations(['person/bn-20'], '2026-03-05')).toContainEqual({
      personId: 'person/bn-07',
      relativeId: 'person/bn-20',
      kind: 'child',
      declaredOn: '2026-03-05',
    });

    // A district added, a commune put under it, then the district abolished and the commune back under the province.
    await db.writer.change(
      {
        kind: 'organisation-added',
        effectiveFrom: '2026-04-01',
        id: 'org/bn-huyen',
        name: 'Đảng bộ huyện Tiên Du',
        levelId: 'level/province',
        parentId: demoIds.province,
      },
      actor,
      TODAY,
    );
    await db.writer.change(
      { kind: 'organisation-moved', effectiveFrom: '2026-04-01', id: 'org/bn-tien-du', parentId: 'org/bn-huyen' },
      actor,
      TODAY,
    );
    await db.writer.change(
      { kind: 'organisation-moved', effectiveFrom: '2026-07-01', id: 'org/bn-tien-du', parentId: demoIds.province },
      actor,
      TODAY,
    );
    await db.writer.change({ kind: 'abolished', effectiveFrom: '2026-07-01', id: 'org/bn-huyen' }, actor, TODAY);
    const parentOf = async (on: string) =>
      (await db.registry.model(on)).model.bodies.find((b) => b.id === 'org/bn-tien-du')?.parentId;
    expect(await parentOf('2026-03-31')).toBe(demoIds.province);
    expect(await parentOf('2026-05-01')).toBe('org/bn-huyen');
    expect(await parentOf('2026-07-01')).toBe(demoIds.province);
    expect((await db.registry.model('2026-05-01')).model.bodies.some((b) => b.id === 'org/bn-huyen')).toBe(true);
    expect((await db.registry.model('2026-07-01')).model.bodies.some((b) => b.id === 'org/bn-huyen')).toBe(false);
  });

  it('refuses a change that names what does not exist, or that takes effect before the last change, writing nothing', async () => {
    const before = await tableCounts();
    await expect(
      db.writer.change(
        { kind: 'person-joins', effectiveFrom: '2026-05-01', personId: 'person/nobody', bodyId: demoIds.finance },
        actor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_UNKNOWN_PERSON', field: 'personId' });
    await expect(
      db.writer.change(
        {
          kind: 'person-joins',
          effectiveFrom: '2026-05-01',
          personId: 'person/bn-30',
          bodyId: demoIds.executiveCommittee,
          postId: demoIds.posts.secretary,
        },
        actor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_POST_HELD_TWICE', field: 'postId' });
    await expect(
      db.writer.change(
        {
          kind: 'person-added',
          effectiveFrom: '2026-05-01',
          personId: 'person/bn-01',
          fullName: 'A',
          gender: 'male',
          birthDate: '1970',
        },
        actor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_DUPLICATE_ID', field: 'personId', params: { id: 'person/bn-01' } });
    await expect(
      db.writer.change(
        {
          kind: 'relative-declared',
          effectiveFrom: '2027-01-01',
          personId: 'person/bn-07',
          relativeId: 'person/bn-08',
          relation: 'sibling',
        },
        actor,
        TODAY,
      ),
    ).rejects.toMatchObject({ code: 'REGISTRY_FUTURE_DATE', field: 'effectiveFrom' });
    const early = db.writer.change(
      { kind: 'renamed', effectiveFrom: '2026-06-01', id: 'org/bn-tien-du', name: 'Đảng bộ xã Tiên Du mới' },
      actor,
      TODAY,
    );
    await expect(early).rejects.toBeInstanceOf(RegistryChangeError);
    await expect(early).rejects.toMatchObject({ code: 'REGISTRY_CHANGE_BEFORE_LAST', field: 'effectiveFrom' });
    expect(await tableCounts()).toEqual(before);
  });

  it('a preview made before another change cannot be confirmed', async () => {
    const renamed = {
      ...demoOrganisation,
      bodies: demoOrganisation.bodies.map((b) => (b.id === demoIds.finance ? { ...b, name: 'Sở Tài chính tỉnh' } : b)),
    };
    const file = {
      content: Buffer.from(JSON.stringify({ bodies: renamed.bodies.filter((b) => b.id !== 'org/bn-huyen') })),
      fileName: 'bodies.json',
    };
    const first = await db.writer.preview(file, actor, { today: TODAY, effectiveFrom: '2026-08-01' });
    const second = await db.writer.preview(file, actor, { today: TODAY, effectiveFrom: '2026-08-01' });
    expect(first.valid).toBe(true);
    const recorded = await db.writer.confirm(first.importId, actor);
    expect(await db.writer.confirm(first.importId, actor)).toEqual(recorded);
    await expect(db.writer.confirm(second.importId, actor)).rejects.toBeInstanceOf(RegistryChangedSincePreviewError);
  });

  it('applies events recorded but not yet projected before it answers', async () => {
    const { streamId, version } = (await db.registry.position())!;
    await db.registry.store.append(streamId, version, [
      {
        type: 'RegistryRecordsChanged',
        data: {
          kind: 'people',
          effectiveFrom: '2026-09-01',
          records: [{ id: 'person/kb-01', fullName: 'Nguyễn Văn Kinh Bắc', gender: 'male', birthDate: '1950' }],
        },
        metadata: { ...actor, rulebookId: 'registry' },
      },
    ]);
    expect(await db.registry.names(['person/kb-01'])).toEqual({ 'person/kb-01': 'Nguyễn Văn Kinh' });
    const { model, version: now } = await db.registry.model('2026-09-01');
    expect(now).toBe(version + 1);
    expect(model.people.find((p) => p.id === 'person/kb-01')?.fullName).toBe('Nguyễn Văn Kinh Bắc');
  });
});
