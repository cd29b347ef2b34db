import { generateKeyPairSync } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { receiptMessage, receiptsAfter } from '../src/checkpoints/append-receipt';
import { CheckpointSigner, TrustedKeys } from '../src/checkpoints/signing-key';
import { ExpectedVersionConflictError } from '../src/errors';
import { EventStore } from '../src/event-store';
import { UnsignableLogError, writeTreeHead } from '../src/tree/tree-head-writer';
import { verifyLog } from '../src/verify/verifier';
import { event } from './fixtures';

const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
const appender = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
const now = new Date('2026-03-01T08:00:00.000Z');

/** Recomputes, as a superuser can with PostgreSQL's own sha256(), every hash from `from` on, in log order. */
function recomputeFrom(from: number): string {
  return `DO $$
    DECLARE r record; prev text; h text;
      log text := coalesce((SELECT log_hash FROM events WHERE position < ${from} ORDER BY position DESC LIMIT 1), repeat('0', 64));
    BEGIN
      FOR r IN SELECT * FROM events WHERE position >= ${from} ORDER BY position LOOP
        prev := coalesce((SELECT hash FROM events WHERE stream_id = r.stream_id AND stream_version = r.stream_version - 1), repeat('0', 64));
        h := encode(sha256(convert_to(concat_ws(E'\\n', prev, r.stream_id, r.stream_version, r.type, r.schema_version,
               to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), r.data::text, r.metadata::text), 'UTF8')), 'hex');
        log := encode(sha256(convert_to(log || h, 'UTF8')), 'hex');
        UPDATE events SET prev_hash = prev, hash = h, log_hash = log WHERE position = r.position;
      END LOOP;
    END $$`;
}

/** Receipts written by the append itself (migration AppendWritesReceipt), against a real PostgreSQL. */
describe('append receipts sealed into the append (real PostgreSQL)', () => {
  let db: TestDatabase;
  let sealed: EventStore;
  const trusted = new TrustedKeys([signer.publicKey]);
  const tamper = (...sql: string[]) =>
    db.superuserQuery(['BEGIN', 'SET LOCAL session_replication_role = replica', ...sql, 'COMMIT'].join(';\n'));

  beforeEach(async () => {
    db = await createTestDatabase({ poolSize: 4 });
    sealed = new EventStore(db.dataSource);
    sealed.sealWith(signer);
    // The first head covers the log as it is (a log from before receipts); receipts vouch for what follows.
    await sealed.append('plan-0', 0, [event('PlanDrafted')]);
    await writeTreeHead(db.dataSource, signer, { now });
  });
  afterEach(() => db.drop());

  it('stores the receipt of a batch with its events, in the same statement, and none for a batch that wrote nothing', async () => {
    await sealed.append('plan-1', 0, [event('PlanDrafted', {}, 200)], { idempotencyKey: 'first' });
    // One batch: a write, a repeat of an earlier key, a conflict, and a second write on the stream the first moved.
    const results = await Promise.allSettled([
      sealed.append('plan-2', 0, [event('PlanDrafted'), event('PlanSubmitted')]),
      sealed.append('plan-1', 0, [event('PlanDrafted', {}, 200)], { idempotencyKey: 'first' }),
      sealed.append('plan-1', 0, [event('PlanForked')]),
      sealed.append('plan-2', 2, [event('PlanApproved', { note: 'dòng 1\n"trích"' })]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    // Nothing is waiting: each answered append's receipt is already stored.
    const receipts = await receiptsAfter(db.dataSource, 1);
    expect(receipts.map((r) => [r.firstPosition, r.lastPosition, r.eventCount])).toEqual([
      [2, 2, 1],
      [3, 5, 3],
    ]);
    // The batch's seal covers the five events it asked to write, the repeated and the refused ones included.
    expect(receipts[1].digests).toHaveLength(5 * 32);
    expect(receipts.every((r) => trusted.verify(r.keyId, receiptMessage(r), r.signature))).toBe(true);
    await expect(sealed.append('plan-1', 0, [event('PlanForked')])).rejects.toThrow(ExpectedVersionConflictError);
    expect(await receiptsAfter(db.dataSource, 1)).toHaveLength(2);

    const head = await writeTreeHead(db.dataSource, signer, { now, requireReceipts: true });
    expect(head?.size).toBe(5);
    expect(await verifyLog(db.dataSource, { trustedKeys: trusted })).toMatchObject({ ok: true, problems: [] });
  });

  it('names an event of a sealed append whose content was edited and its hashes recomputed, and refuses to sign it', async () => {
    await sealed.append('plan-1', 0, [event('PlanDrafted', { seats: 15 }), event('PlanSubmitted')]);
    await tamper(`UPDATE events SET data = '{"seats": 50}' WHERE position = 2`, recomputeFrom(2));

    const report = await verifyLog(db.dataSource, { trustedKeys: trusted });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.position])).toEqual([['receipt-mismatch', 2]]);
    await expect(writeTreeHead(db.dataSource, signer, { now, requireReceipts: true })).rejects.toThrow(
      UnsignableLogError,
    );
  });

  it('names a forged event slipped into a sealed append’s range', async () => {
    await sealed.append('plan-1', 0, [event('PlanDrafted'), event('PlanSubmitted')]);
    await tamper(
      `UPDATE events SET type = 'PlanWithdrawn' WHERE position = 3`,
      `UPDATE events SET recorded_at = recorded_at + interval '1 second' WHERE position = 2`,
      recomputeFrom(2),
    );

    const report = await verifyLog(db.dataSource, { trustedKeys: trusted });
    expect(report.problems.map((p) => [p.kind, p.position])).toEqual([['receipt-mismatch', 2]]);
  });

  it('trusts the receipts of an appender key the checkpointer and the inspector are given, and no others', async () => {
    const api = new EventStore(db.dataSource);
    api.sealWith(appender);
    await api.append('registry/bn', 0, [event('RegistryImported')]);

    expect(await writeTreeHead(db.dataSource, signer, { now, requireReceipts: true })).toBeNull();
    expect(await verifyLog(db.dataSource, { trustedKeys: trusted }).then((r) => r.problems.map((p) => p.kind))).toEqual(
      ['event-not-receipted'],
    );

    const withAppender = new TrustedKeys([signer.publicKey], { appenderKeys: [appender.publicKey] });
    expect(await verifyLog(db.dataSource, { trustedKeys: withAppender })).toMatchObject({ ok: true });
    const head = await writeTreeHead(db.dataSource, signer, {
      now,
      requireReceipts: true,
      appenderKeys: [appender.publicKey],
    });
    expect(head?.size).toBe(2);
  });

  it('still accepts a receipt written after its append (before this migration)', async () => {
    const plain = new EventStore(db.dataSource);
    const [written] = (await plain.append('plan-1', 0, [event('PlanDrafted')])).events;
    const receipt = { firstPosition: 2, lastPosition: 2, eventCount: 1, logHash: written.logHash };
    await db.dataSource.query(
      `INSERT INTO append_receipts (first_position, last_position, event_count, log_hash, key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [2, 2, 1, written.logHash, signer.keyId, signer.sign(receiptMessage(receipt))],
    );
    expect(await verifyLog(db.dataSource, { trustedKeys: trusted })).toMatchObject({ ok: true });
    expect((await writeTreeHead(db.dataSource, signer, { now, requireReceipts: true }))?.size).toBe(2);
  });
});
