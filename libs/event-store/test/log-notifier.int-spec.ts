import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { createDataSource } from '../src/database/data-source.factory';
import { EventStore } from '../src/event-store';
import { LogNotifier } from '../src/log-notifier';
import { event } from './fixtures';

const POLL_MS = 60_000;

/** `next` against a much shorter wait than the poll: which of the two ended first. */
async function wokenBeforeTheSafetyNet(notifier: LogNotifier): Promise<'woken' | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    notifier.next(POLL_MS).then(() => 'woken' as const),
    new Promise<'still waiting'>((resolve) => (timer = setTimeout(() => resolve('still waiting'), 3_000))),
  ]);
  clearTimeout(timer);
  return outcome;
}

describe('LogNotifier (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('wakes a reader at once for a commit that another process made while the reader was busy, and only once', async () => {
    // The reader's process: its own pool and store, so the other process's commits reach it by NOTIFY alone.
    const readerSource = createDataSource({ url: db.url, poolSize: 1 });
    await readerSource.initialize();
    const notifier = await LogNotifier.open(readerSource, new EventStore(readerSource));
    try {
      await new EventStore(db.dataSource).append('busy-1', 0, [event('StepOpened')]);
      // The reader is busy elsewhere while the notification arrives (it takes milliseconds on this machine).
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(wokenBeforeTheSafetyNet(notifier)).resolves.toBe('woken');
      // Told once, it waits for the next commit again.
      await expect(wokenBeforeTheSafetyNet(notifier)).resolves.toBe('still waiting');
    } finally {
      await notifier.close();
      await readerSource.destroy();
    }
  });
});
