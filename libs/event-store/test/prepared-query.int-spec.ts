import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { createDataSource } from '../src/database/data-source.factory';
import { preparedQuery } from '../src/database/prepared-query';
import { EventStore } from '../src/event-store';
import { event } from './fixtures';

describe('preparedQuery (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)`);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('answers the rows, also of an UPDATE … RETURNING, and binds its parameters', async () => {
    await preparedQuery(db.dataSource, `INSERT INTO notes (id, body) VALUES ($1, $2)`, [1, 'first']);
    const updated = await preparedQuery<{ id: number; body: string }>(
      db.dataSource,
      `UPDATE notes SET body = $2 WHERE id = $1 RETURNING id, body`,
      [1, 'changed'],
    );
    expect(updated).toEqual([{ id: 1, body: 'changed' }]);
    const none = await preparedQuery(db.dataSource, `UPDATE notes SET body = $2 WHERE id = $1 RETURNING id, body`, [
      2,
      'nobody',
    ]);
    expect(none).toEqual([]);
  });

  it('prepares a statement once per connection: PostgreSQL lists it under a name taken from its text', async () => {
    const text = `SELECT body FROM notes WHERE id = $1`;
    await db.dataSource.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) expect(await preparedQuery(tx, text, [1])).toEqual([{ body: 'changed' }]);
      const listed = await preparedQuery<{ name: string; statement: string }>(
        tx,
        `SELECT name, statement FROM pg_prepared_statements WHERE statement = $1`,
        [text],
      );
      expect(listed).toHaveLength(1);
      expect(listed[0].name).toMatch(/^cf_[0-9a-f]{32}$/);
    });
  });

  it("runs in a transaction's manager on the transaction's connection, so it sees and rolls back with it", async () => {
    await expect(
      db.dataSource.transaction(async (tx) => {
        await preparedQuery(tx, `INSERT INTO notes (id, body) VALUES ($1, $2)`, [3, 'uncommitted']);
        const seen = await preparedQuery<{ body: string }>(tx, `SELECT body FROM notes WHERE id = $1`, [3]);
        expect(seen).toEqual([{ body: 'uncommitted' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await preparedQuery(db.dataSource, `SELECT body FROM notes WHERE id = $1`, [3])).toEqual([]);
  });

  it('rejects with the database error, naming what is wrong', async () => {
    const again = preparedQuery(db.dataSource, `INSERT INTO notes (id, body) VALUES ($1, $2)`, [1, 'again']);
    await expect(again).rejects.toMatchObject({ code: '23505' });
    await expect(again).rejects.toThrow(/notes_pkey/);
  });

  it("keeps reading and appending on a connection that prepared the event store's statements after a column is added to events", async () => {
    // One connection, so that the statements prepared before the change are the ones used after it.
    const single = createDataSource({ url: db.url, poolSize: 1 });
    await single.initialize();
    try {
      const store = new EventStore(single);
      await store.append('notes-1', 'no-stream', [event('NoteTaken')]);
      expect(await store.readAll(0)).toHaveLength(1);
      await db.superuserQuery(`ALTER TABLE events ADD COLUMN annotation text`);
      await store.append('notes-1', 1, [event('NoteTaken')]);
      expect((await store.readAll(0)).map((e) => e.streamVersion)).toEqual([1, 2]);
      expect((await store.readStream('notes-1')).map((e) => e.type)).toEqual(['NoteTaken', 'NoteTaken']);
    } finally {
      await single.destroy();
    }
  });
});
