/**
 * Organisation registry benchmarks on a real PostgreSQL (embedded unless TEST_DATABASE_URL is set), over a
 * generated province of 2,000 people, 300 bodies and 60 organisations written as an .xlsx file:
 * - parse + validate the file, against exceljs loading the same file alone (baseline);
 * - import into an empty registry (read, validate, plan, append events, project), against plain INSERTs of the same
 *   rows into unindexed tables in one transaction (baseline);
 * - re-import of the file with 20 changes;
 * - people search by name without diacritics, against a lookup by id (baseline); the snapshot a launch pins.
 */
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Body, Membership, OrganisationModel, Person, Post } from '@cadreflow/domain';
import { EventStore, createDataSource } from '@cadreflow/event-store';
import {
  RegistrySearch,
  RegistryStore,
  RegistryWriter,
  readRegistryFile,
  registryMigrations,
  validateRegistry,
  writeWorkbook,
  type RegistryActor,
} from '@cadreflow/registry';
import { startTestPostgres } from '../test/setup/postgres';
import { summarise, table, type ResultRow } from './lib/stats';

const PEOPLE = 2000;
const COMMUNES = 58;
const RUNS = 5;
const SEARCHES = 200;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Quốc', 'Đức', 'Minh', 'Thu', 'Hữu', 'Ngọc'];
const GIVEN = ['Hùng', 'Lan', 'Dũng', 'Hương', 'Tuấn', 'Mai', 'Sơn', 'Hạnh', 'Long', 'Thủy', 'Quang', 'Hà'];
const actor: RegistryActor = { actorId: 'bench', actorRole: 'organization-committee', bodyId: 'bench' };

/** A province: 60 organisations (the country, the province, 58 communes), 300 bodies, 600 posts, 2,000 people. */
function province(): OrganisationModel {
  const org = (id: string, name: string, levelId: string, parentId: string | null): Body => ({
    id,
    kind: 'party-organisation',
    name,
    levelId,
    parentId,
  });
  const bodies: Body[] = [
    org('org/vn', 'Đảng Cộng sản Việt Nam', 'level/national', null),
    org('org/p', 'Đảng bộ tỉnh Thử Nghiệm', 'level/province', 'org/vn'),
    { id: 'body/politburo', kind: 'politburo', name: 'Bộ Chính trị', levelId: 'level/national', parentId: 'org/vn' },
  ];
  const committees = (orgId: string, levelId: string, name: string): Body[] => [
    { id: `${orgId}/bch`, kind: 'executive-committee', name: `Ban Chấp hành ${name}`, levelId, parentId: orgId },
    { id: `${orgId}/btv`, kind: 'standing-committee', name: `Ban Thường vụ ${name}`, levelId, parentId: orgId },
    { id: `${orgId}/ubkt`, kind: 'inspection-committee', name: `Ủy ban Kiểm tra ${name}`, levelId, parentId: orgId },
  ];
  bodies.push(...committees('org/p', 'level/province', 'tỉnh'));
  for (let u = 0; u < 64; u++) {
    bodies.push({
      id: `body/p-unit-${u}`,
      kind: 'unit',
      name: `Sở số ${u + 1}`,
      levelId: 'level/province',
      parentId: 'org/p',
      sector: `s${u}`,
    });
  }
  for (let c = 0; c < COMMUNES; c++) {
    const id = `org/c${c}`;
    bodies.push(
      org(id, `Đảng bộ xã Số ${c + 1}`, 'level/grassroots', 'org/p'),
      ...committees(id, 'level/grassroots', `xã ${c + 1}`),
      {
        id: `${id}/unit`,
        kind: 'unit',
        name: `Công an xã Số ${c + 1}`,
        levelId: 'level/grassroots',
        parentId: id,
        sector: 'police',
      },
    );
  }
  const others = bodies.filter((b) => b.kind !== 'party-organisation');
  const posts: Post[] = others.flatMap((b): Post[] => [
    {
      id: `post/${b.id}/1`,
      bodyId: b.id,
      kind: b.kind === 'executive-committee' ? 'secretary' : 'head',
      title: `Người đứng đầu ${b.name}`,
    },
    {
      id: `post/${b.id}/2`,
      bodyId: b.id,
      kind: b.kind === 'executive-committee' ? 'deputy-secretary' : 'deputy-head',
      title: `Cấp phó ${b.name}`,
    },
  ]);
  const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `person/${i}`,
    fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 2) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    gender: i % 3 === 0 ? 'female' : 'male',
    birthDate: `${1960 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
  const memberships: Membership[] = [
    ...people.map((p, i): Membership => ({ personId: p.id, bodyId: others[i % others.length].id, from: '2020-10-15' })),
    ...posts.map((post, i): Membership => ({
      personId: `person/${i}`,
      bodyId: post.bodyId,
      postId: post.id,
      from: '2020-10-15',
    })),
  ];
  const relations = Array.from({ length: 200 }, (_, k) => ({
    personId: `person/${2 * k}`,
    relativeId: `person/${2 * k + 1}`,
    kind: 'sibling' as const,
    declaredOn: '2020-08-01',
  }));
  const levels = [
    { id: 'level/national', kind: 'national' as const, name: 'Toàn quốc', consultedBodyKind: null },
    { id: 'level/province', kind: 'province' as const, name: 'Tỉnh', consultedBodyKind: 'politburo' as const },
    {
      id: 'level/grassroots',
      kind: 'grassroots' as const,
      name: 'Xã, phường',
      consultedBodyKind: 'standing-committee' as const,
    },
  ];
  return { levels, bodies, posts, people, memberships, relations };
}

/** The same province with 20 changes: 15 people renamed, 5 holders of posts ending on a date. */
function withChanges(model: OrganisationModel, round: number): OrganisationModel {
  const renamed = new Set(Array.from({ length: 15 }, (_, k) => `person/${round * 15 + k}`));
  const ended = new Set(Array.from({ length: 5 }, (_, k) => `person/${1000 + round * 5 + k}`));
  return {
    ...model,
    people: model.people.map((p) => (renamed.has(p.id) ? { ...p, fullName: `${p.fullName} Mới${round}` } : p)),
    memberships: model.memberships.map((m) => (ended.has(m.personId) && !m.postId ? { ...m, to: '2026-06-01' } : m)),
  };
}

async function freshDatabase(adminUrl: string, name: string): Promise<DataSource> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 4, extraMigrations: registryMigrations });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/** The baseline: the same rows as plain INSERTs into tables without history, index or events, in one transaction. */
async function plainInsert(dataSource: DataSource, model: OrganisationModel): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const records = [...model.levels, ...model.bodies, ...model.posts, ...model.people] as unknown as { id: string }[];
    await tx.query(`INSERT INTO plain_records (id, data) SELECT * FROM unnest($1::text[], $2::jsonb[])`, [
      records.map((r) => r.id),
      records.map((r) => JSON.stringify(r)),
    ]);
    const m = model.memberships;
    await tx.query(
      `INSERT INTO plain_memberships SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[])`,
      [
        m.map((x) => x.personId),
        m.map((x) => x.bodyId),
        m.map((x) => x.postId ?? null),
        m.map((x) => x.from),
        m.map((x) => x.to ?? null),
      ],
    );
  });
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

export async function runRegistryBench(): Promise<string> {
  const model = province();
  const file = await writeWorkbook(model);
  const server = await startTestPostgres();

  const load: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    load.push(
      await time(async () => {
        await new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer);
      }),
    );
    parse.push(
      await time(async () => {
        const read = await readRegistryFile(file, 'tinh.xlsx');
        const { errors } = validateRegistry(read.rows, '2026-01-01');
        if (read.errors.length + errors.length > 0) throw new Error(`generated file invalid: ${errors[0]?.message}`);
      }),
    );
  }

  const plain: number[] = [];
  const imports: number[] = [];
  const reimports: number[] = [];
  let last: DataSource | undefined;
  for (let i = 0; i < RUNS; i++) {
    const baseline = await freshDatabase(server.adminUrl, `bench_registry_plain_${i}`);
    await baseline.query(`CREATE TABLE plain_records (id text, data jsonb)`);
    await baseline.query(
      `CREATE TABLE plain_memberships (person_id text, body_id text, post_id text, from_date date, to_date date)`,
    );
    plain.push(await time(() => plainInsert(baseline, model)));
    await baseline.destroy();

    await last?.destroy();
    last = await freshDatabase(server.adminUrl, `bench_registry_${i}`);
    const registry = new RegistryStore(last, new EventStore(last));
    const writer = new RegistryWriter(last, registry);
    imports.push(
      await time(async () => {
        const { result } = await writer.importFile({ content: file, fileName: 'tinh.xlsx' }, actor, {
          today: '2026-01-01',
        });
        if (!result) throw new Error('the import failed');
      }),
    );
    const changed = await writeWorkbook(withChanges(model, i));
    reimports.push(
      await time(async () => {
        const { preview, result } = await writer.importFile({ content: changed, fileName: 'tinh.xlsx' }, actor, {
          today: '2026-01-01',
          effectiveFrom: '2026-01-01',
        });
        const changes = preview.changes.reduce((n, c) => n + c.added + c.changed + c.removed, 0);
        if (!result || changes !== 20) throw new Error(`the re-import recorded ${changes} changes, not 20`);
      }),
    );
  }

  const dataSource = last!;
  const registry = new RegistryStore(dataSource, new EventStore(dataSource));
  const search = new RegistrySearch(dataSource, registry);
  const byId: number[] = [];
  const byName: number[] = [];
  const queries = ['nguyen van hung', 'tran thi', 'dang ngoc', 'lê văn', 'hoang duc son', 'ly thu'];
  for (let i = 0; i < SEARCHES; i++) {
    byId.push(
      await time(() =>
        dataSource.query(`SELECT data FROM registry_records WHERE kind = 'people' AND id = $1 AND valid_to IS NULL`, [
          `person/${(i * 37) % PEOPLE}`,
        ]),
      ),
    );
    byName.push(
      await time(() => search.people({ q: queries[i % queries.length], on: '2026-01-01', page: 1, pageSize: 50 })),
    );
  }
  const snapshots: number[] = [];
  for (let i = 0; i < 20; i++) snapshots.push(await time(() => registry.snapshot('org/p', '2026-01-01')));
  await dataSource.destroy();
  await server.stop();

  const row = (benchmark: string, samples: number[], baseline?: number[], target?: string): ResultRow => {
    const s = summarise(samples);
    return {
      benchmark,
      unit: 'ms',
      median: s.median,
      p95: s.p95,
      ratio: baseline ? s.median / summarise(baseline).median : undefined,
      target,
    };
  };
  return table(
    `Organisation registry: ${PEOPLE} people, ${model.bodies.length - COMMUNES - 2} bodies, ${COMMUNES + 2} organisations, ` +
      `${model.memberships.length} memberships (.xlsx of ${Math.round(file.length / 1024)} KB)`,
    [
      row('exceljs load of the file (baseline)', load),
      row('parse + validate (.xlsx)', parse, load),
      row('plain INSERT of the same rows (baseline)', plain),
      row('import into an empty registry', imports, plain, 'seconds'),
      row('re-import with 20 changes', reimports, plain),
      row('person by id (baseline)', byId),
      row('people search by name, no diacritics', byName, byId),
      row('snapshot of the province (launch pin)', snapshots, byId),
    ],
  );
}

if (require.main === module) {
  runRegistryBench().then(
    (text) => process.stdout.write(`${text}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
