import { generateKeyPairSync } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { writeCheckpoint } from '../src/checkpoints/checkpoint-writer';
import { CheckpointSigner, TrustedKeys } from '../src/checkpoints/signing-key';
import { EventStore } from '../src/event-store';
import { verifyLog } from '../src/verify/verifier';
import { appendBeforeLeanerAppend, event } from './fixtures';

const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
const trustedKeys = new TrustedKeys([signer.publicKey]);

/**
 * Logs written while data and metadata were stored as jsonb keep their hashes when the columns become json holding
 * the jsonb text, and the other way round.
 */
describe('migration EventContentAsHashedText (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase({ poolSize: 3 });
  });
  afterEach(async () => {
    await db.drop();
  });

  const columnType = async (): Promise<string> =>
    (
      await db.dataSource.query<{ t: string }[]>(
        `SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'data'`,
      )
    )[0].t;
  const content = [
    event('ComplaintReceived', {
      text: 'Đơn thư:\tdòng 1\ndòng 2 "trích" C:\\hồ sơ\\',
      z: 1,
      a: [1.5, { y: null, b: true }],
    }),
    event('PlanDrafted', { seats: 48 }, 600),
  ];
  const append = async (store: EventStore, stream: string): Promise<void> => {
    await store.append(stream, 0, content);
  };
  /** As the store appended before migration LeanerAppend, the one after this one. */
  const appendEarlier = (stream: string): Promise<void> => appendBeforeLeanerAppend(db.dataSource, stream, 0, content);

  it('keeps every hash of a log written with jsonb columns, and appends and verifies after it', async () => {
    await db.dataSource.undoLastMigration(); // CheckpointChain
    await db.dataSource.undoLastMigration(); // AppendWritesReceipt
    await db.dataSource.undoLastMigration(); // MerkleTreeHeads
    await db.dataSource.undoLastMigration(); // LeanerAppend
    await db.dataSource.undoLastMigration();
    expect(await columnType()).toBe('jsonb');
    await appendEarlier('before-1');
    await writeCheckpoint(db.dataSource, signer, new Date());

    expect(await db.dataSource.runMigrations()).toHaveLength(5);
    expect(await columnType()).toBe('json');
    expect(await verifyLog(db.dataSource, { trustedKeys })).toMatchObject({ ok: true, eventsChecked: 2 });

    const store = new EventStore(db.dataSource);
    await append(store, 'after-1');
    const [before, after] = [await store.readStream('before-1'), await store.readStream('after-1')];
    expect(after.map((e) => e.data)).toEqual(before.map((e) => e.data));
    await writeCheckpoint(db.dataSource, signer, new Date());
    expect(await verifyLog(db.dataSource, { trustedKeys })).toMatchObject({ ok: true, eventsChecked: 4, problems: [] });
  });

  it('can be reverted with the log intact', async () => {
    await append(new EventStore(db.dataSource), 'json-1');
    await db.dataSource.undoLastMigration(); // CheckpointChain
    await db.dataSource.undoLastMigration(); // AppendWritesReceipt
    await db.dataSource.undoLastMigration(); // MerkleTreeHeads
    await db.dataSource.undoLastMigration(); // LeanerAppend
    await db.dataSource.undoLastMigration();
    expect(await columnType()).toBe('jsonb');
    await appendEarlier('jsonb-1');
    expect(await verifyLog(db.dataSource, { trustedKeys })).toMatchObject({ ok: true, eventsChecked: 4, problems: [] });
  });
});
