import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoOrganisation } from '@cadreflow/domain';
import { FirstStartImportError, importOnFirstStart, sortModel } from '@cadreflow/registry';
import { createRegistryDatabase, type RegistryDatabase } from './registry-database';

describe('importOnFirstStart (real PostgreSQL)', () => {
  let db: RegistryDatabase;
  let folder: string;
  const events = async (): Promise<number> =>
    Number((await db.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM events`))[0].n);

  beforeAll(async () => {
    db = await createRegistryDatabase();
    folder = await mkdtemp(join(tmpdir(), 'first-start-'));
  });
  afterAll(async () => {
    await db.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('refuses a shipped file with errors, writing nothing', async () => {
    const bad = join(folder, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({ ...demoOrganisation, people: [{ id: 'p', fullName: 'X', gender: 'x', birthDate: '1970' }] }),
    );
    await expect(importOnFirstStart(db.dataSource, db.registry.store, bad)).rejects.toBeInstanceOf(
      FirstStartImportError,
    );
    expect(await events()).toBe(0);
  });

  it('imports the demo province into an empty registry, and nothing on the next start', async () => {
    expect(await importOnFirstStart(db.dataSource)).toEqual({ version: 7, events: 7 });
    expect(await importOnFirstStart(db.dataSource)).toBeUndefined();
    expect(await events()).toBe(7);
    const [first] = await db.registry.store.readStream('registry/org/national', 1, 1);
    expect(first.metadata).toMatchObject({
      actorId: 'system/first-start',
      source: 'import',
      fileName: 'demo-province.json',
    });
    expect((await db.registry.model('2025-06-30')).model).toEqual(sortModel(demoOrganisation));
  });
});
