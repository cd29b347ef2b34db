import { createDataSource } from '../src/database/data-source.factory';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { EventStore } from '../src/event-store';
import { subscribe } from '../src/subscription';
import type { RecordedEvent } from '../src/types';
import { event } from './fixtures';

describe('subscribe (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 40 });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('delivers every event of 20 concurrent writers exactly once, in global order', async () => {
    const writers = 20;
    const perWriter = 500;
    // The subscriber lives on its own connection pool, as in another process: it learns of commits by NOTIFY.
    const readerSource = createDataSource({ url: db.url, poolSize: 4 });
    await readerSource.initialize();
    const seen: RecordedEvent[] = [];
    const subscription = await subscribe(
      readerSource,
      new EventStore(readerSource),
      async (events) => {
        seen.push(...events);
        await Promise.resolve();
      },
      { batchSize: 300, pollIntervalMs: 5000 },
    );

    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const store = new EventStore(db.dataSource);
        for (let i = 0; i < perWriter; i += 5) {
          const stream = `writer-${w}-stream-${i % 50}`;
          await store.append(
            stream,
            'any',
            Array.from({ length: 5 }, (_, k) => event('TallyRecorded', { w, i: i + k }, 200)),
          );
        }
      }),
    );

    const head = await new EventStore(db.dataSource).headPosition();
    await subscription.waitFor(head);
    await subscription.stop();
    await readerSource.destroy();

    expect(seen).toHaveLength(writers * perWriter);
    const positions = seen.map((e) => e.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (let w = 0; w < writers; w++) {
      const mine = seen.filter((e) => e.data.w === w).map((e) => e.data.i);
      expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i));
    }
  });

  it('stops with the handler error and reports it to waiters', async () => {
    const store = new EventStore(db.dataSource);
    await store.append('failing', 'any', [event('StepOpened')]);
    const errors: unknown[] = [];
    const subscription = await subscribe(db.dataSource, store, () => Promise.reject(new Error('projection broke')), {
      onError: (e) => errors.push(e),
    });
    await expect(subscription.waitFor(await store.headPosition())).rejects.toThrow('projection broke');
    await subscription.stop();
    expect(errors).toHaveLength(1);
  });
});
