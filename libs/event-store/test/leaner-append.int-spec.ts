import { generateKeyPairSync } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { writeCheckpoint } from '../src/checkpoints/checkpoint-writer';
import { CheckpointSigner, TrustedKeys } from '../src/checkpoints/signing-key';
import { ExpectedVersionConflictError } from '../src/errors';
import { EventStore } from '../src/event-store';
import type { NewEvent } from '../src/types';
import { verifyLog } from '../src/verify/verifier';
import { appendBeforeLeanerAppend, event } from './fixtures';

const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
const trustedKeys = new TrustedKeys([signer.publicKey]);

/** Migration LeanerAppend replaces the append function: the log it continues, and the one it leaves, stay whole. */
describe('migration LeanerAppend (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase({ poolSize: 3 });
  });
  afterEach(async () => {
    await db.drop();
  });

  const hasCorrelationIndex = async (): Promise<boolean> =>
    (await db.dataSource.query<unknown[]>(`SELECT 1 FROM pg_indexes WHERE indexname = 'events_correlation_idx'`))
      .length === 1;

  /** Appends as the store does now, or as it did before this migration. */
  type Write = (stream: string, version: number, events: NewEvent[], key: string) => Promise<unknown>;
  const now: Write = (stream, version, events, key) =>
    new EventStore(db.dataSource).append(stream, version, events, { idempotencyKey: key });
  const earlier: Write = (stream, version, events, key) =>
    appendBeforeLeanerAppend(db.dataSource, stream, version, events, key);

  /** Two events on each of two streams, which grow long enough that a head is not a stream's first version. */
  const appendRound = async (write: Write, round: number): Promise<void> => {
    for (const stream of ['plan-1', 'plan-2']) {
      const version = await new EventStore(db.dataSource).streamVersion(stream);
      await write(
        stream,
        version,
        [event('PlanDrafted', { round }, 300), event('PlanSubmitted', { round })],
        `${stream}-${round}`,
      );
    }
  };

  it('chains onto a log the previous function wrote, and the revert chains onto it again', async () => {
    await db.dataSource.undoLastMigration(); // CheckpointChain
    await db.dataSource.undoLastMigration(); // AppendWritesReceipt
    await db.dataSource.undoLastMigration(); // MerkleTreeHeads
    await db.dataSource.undoLastMigration();
    expect(await hasCorrelationIndex()).toBe(true);
    await appendRound(earlier, 1);
    await appendRound(earlier, 2);
    const tricky = event('ComplaintReceived', { z: 1e21, é: 'dòng 1\n"trích"', a: [1.5e-7, { bb: null, a: true }] });
    await appendBeforeLeanerAppend(db.dataSource, 'same-before', 0, [tricky]);

    expect(await db.dataSource.runMigrations()).toHaveLength(4);
    expect(await hasCorrelationIndex()).toBe(false);
    const store = new EventStore(db.dataSource);
    await appendRound(now, 3);
    await store.append('same-after', 0, [tricky]);
    // The database stored jsonb's text before; the store now sends that very text.
    const stored = await db.dataSource.query<{ data: string; metadata: string }[]>(
      `SELECT data::text, metadata::text FROM events WHERE stream_id IN ('same-before', 'same-after') ORDER BY position`,
    );
    expect(stored).toHaveLength(2);
    expect(stored[1]).toEqual(stored[0]);
    await writeCheckpoint(db.dataSource, signer, new Date());
    expect(await verifyLog(db.dataSource, { trustedKeys })).toMatchObject({
      ok: true,
      eventsChecked: 14,
      problems: [],
    });
    const stream = await store.readStream('plan-1');
    expect(stream.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stream.slice(1).map((e) => e.prevHash)).toEqual(stream.slice(0, -1).map((e) => e.hash));

    await db.dataSource.undoLastMigration(); // CheckpointChain
    await db.dataSource.undoLastMigration(); // AppendWritesReceipt
    await db.dataSource.undoLastMigration(); // MerkleTreeHeads
    await db.dataSource.undoLastMigration();
    expect(await hasCorrelationIndex()).toBe(true);
    await appendRound(earlier, 4);
    expect(await verifyLog(db.dataSource, { trustedKeys })).toMatchObject({
      ok: true,
      eventsChecked: 18,
      problems: [],
    });
  });

  it('settles writes, repeats and conflicts of one batch as the previous function did', async () => {
    const store = new EventStore(db.dataSource);
    await store.append('plan-1', 0, [event('PlanDrafted', {}, 100)], { idempotencyKey: 'first' });
    // Concurrent calls are sent as one batch: a write, a repeat of an earlier key, a repeat of a key earlier in
    // the same batch, a conflict, and a second write on the stream the first one moved.
    let batches = 0;
    store.local.on('appended', () => batches++);
    const results = await Promise.allSettled([
      store.append('plan-2', 0, [event('PlanDrafted'), event('PlanSubmitted')], { idempotencyKey: 'second' }),
      store.append('plan-1', 0, [event('PlanDrafted', {}, 100)], { idempotencyKey: 'first' }),
      store.append('plan-2', 0, [event('PlanDrafted'), event('PlanSubmitted')], { idempotencyKey: 'second' }),
      store.append('plan-1', 0, [event('PlanDrafted')]),
      store.append('plan-2', 2, [event('PlanApproved')]),
    ]);
    expect(batches).toBe(1);
    const [write, repeat, repeatInBatch, conflict, next] = results;
    expect(write).toMatchObject({ status: 'fulfilled', value: { duplicate: false, nextExpectedVersion: 2 } });
    expect(repeat).toMatchObject({ status: 'fulfilled', value: { duplicate: true, nextExpectedVersion: 1 } });
    expect(repeatInBatch).toMatchObject({ status: 'fulfilled', value: { duplicate: true, nextExpectedVersion: 2 } });
    expect(conflict).toMatchObject({ status: 'rejected' });
    expect((conflict as PromiseRejectedResult).reason).toBeInstanceOf(ExpectedVersionConflictError);
    expect(next).toMatchObject({ status: 'fulfilled', value: { duplicate: false, nextExpectedVersion: 3 } });
    const written = (write as PromiseFulfilledResult<{ events: { hash: string }[] }>).value.events;
    expect((repeatInBatch as PromiseFulfilledResult<{ events: { hash: string }[] }>).value.events).toEqual(written);
    expect(await verifyLog(db.dataSource, { trustedKeys })).toMatchObject({ ok: true, eventsChecked: 4, problems: [] });
  });
});
