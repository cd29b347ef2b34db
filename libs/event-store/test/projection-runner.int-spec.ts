import type { EntityManager } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { EventStore } from '../src/event-store';
import type { Projection } from '../src/projections/projection';
import { ProjectionRunner } from '../src/projections/projection-runner';
import type { RecordedEvent } from '../src/types';
import { event } from './fixtures';

/** Counts events per type: the simplest read model that shows a double or a missed event. */
class TypeCounts implements Projection {
  readonly name = 'type-counts';
  failOn?: string;

  async apply(events: RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const e of events) {
      await tx.query(
        `INSERT INTO type_counts (type, n) VALUES ($1, 1) ON CONFLICT (type) DO UPDATE SET n = type_counts.n + 1`,
        [e.type],
      );
      if (e.type === this.failOn) throw new Error(`cannot project ${e.type}`);
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM type_counts`);
  }
}

describe('ProjectionRunner (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new EventStore(db.dataSource);
    await db.dataSource.query(`CREATE TABLE type_counts (type text PRIMARY KEY, n int NOT NULL)`);
  });
  afterAll(async () => {
    await db.drop();
  });

  const counts = async (): Promise<Record<string, number>> => {
    const rows: { type: string; n: number }[] = await db.dataSource.query(
      `SELECT type, n FROM type_counts ORDER BY type`,
    );
    return Object.fromEntries(rows.map((r) => [r.type, r.n]));
  };

  it('follows the log live, rolls back a failed batch with its checkpoint, and rebuilds from zero', async () => {
    const projection = new TypeCounts();
    const runner = new ProjectionRunner(db.dataSource, store, projection, 3);
    await store.append('p-1', 0, [event('StepOpened'), event('TallyRecorded'), event('StepOpened')]);
    const errors: unknown[] = [];
    await runner.start((e) => errors.push(e), 50);
    expect(await counts()).toEqual({ StepOpened: 2, TallyRecorded: 1 });

    await store.append('p-2', 0, [event('StepOpened'), event('ResultSealed')]);
    const head = await store.headPosition();
    for (let i = 0; i < 100 && (await runner.position()) < head; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await runner.position()).toBe(head);
    expect(await counts()).toEqual({ StepOpened: 3, TallyRecorded: 1, ResultSealed: 1 });
    await runner.stop();
    expect(errors).toEqual([]);

    projection.failOn = 'Escalated';
    await store.append('p-3', 0, [event('StepOpened'), event('Escalated')]);
    await expect(runner.catchUp()).rejects.toThrow('cannot project Escalated');
    expect(await runner.position()).toBe(head);
    expect(await counts()).toEqual({ StepOpened: 3, TallyRecorded: 1, ResultSealed: 1 });

    projection.failOn = undefined;
    await runner.catchUp();
    expect(await counts()).toEqual({ StepOpened: 4, TallyRecorded: 1, ResultSealed: 1, Escalated: 1 });
    await db.dataSource.query(`UPDATE type_counts SET n = 0`);
    await runner.rebuild();
    expect(await counts()).toEqual({ StepOpened: 4, TallyRecorded: 1, ResultSealed: 1, Escalated: 1 });
  });

  it('never applies an event twice when two runners of one projection race', async () => {
    await db.dataSource.query(`DELETE FROM type_counts`);
    await db.dataSource.query(`DELETE FROM projection_checkpoints`);
    const a = new ProjectionRunner(db.dataSource, store, new TypeCounts(), 2);
    const b = new ProjectionRunner(db.dataSource, new EventStore(db.dataSource), new TypeCounts(), 2);
    await Promise.all([a.catchUp(), b.catchUp()]);
    const total = Object.values(await counts()).reduce((x, y) => x + y, 0);
    expect(total).toBe(Number((await db.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM events`))[0].n));
  });

  it('under a steady flow of commits, starts a batch at most once per interval and still applies each event once', async () => {
    await db.dataSource.query(`DELETE FROM type_counts`);
    await db.dataSource.query(`DELETE FROM projection_checkpoints`);
    const projection = new TypeCounts();
    const batches: number[] = [];
    const apply = projection.apply.bind(projection);
    projection.apply = async (events, tx) => {
      batches.push(events.length);
      await apply(events, tx);
    };
    const runner = new ProjectionRunner(db.dataSource, store, projection);
    const errors: unknown[] = [];
    await runner.start((e) => errors.push(e), 5_000, 200);
    const before = Object.values(await counts()).reduce((x, y) => x + y, 0);
    batches.length = 0;
    const started = performance.now();
    // 40 commits one after another, each of one event.
    for (let i = 0; i < 40; i++) await store.append(`flow-${i}`, 'no-stream', [event('Nominated')]);
    const elapsed = performance.now() - started;
    const head = await store.headPosition();
    for (let i = 0; i < 200 && (await runner.position()) < head; i++) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(errors).toEqual([]);
    expect(await runner.position()).toBe(head);
    expect((await counts()).Nominated).toBe(40);
    expect(Object.values(await counts()).reduce((x, y) => x + y, 0)).toBe(before + 40);
    expect(batches.reduce((x, y) => x + y, 0)).toBe(40);
    // Batches start at least 200 ms apart, from the first commit to at most 200 ms after the last one.
    expect(batches.length).toBeLessThanOrEqual(Math.floor(elapsed / 200) + 2);
  });
});
