import { generateKeyPairSync } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { writeCheckpoint } from '../src/checkpoints/checkpoint-writer';
import { CheckpointSigner, TrustedKeys } from '../src/checkpoints/signing-key';
import { EventStore } from '../src/event-store';
import { eventHash, logHash } from '../src/hashing';
import { verifyLog } from '../src/verify/verifier';
import { event } from './fixtures';

const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
const trustedKeys = new TrustedKeys([signer.publicKey]);

/**
 * Each case builds the same small log in a fresh database, plays one tamperer (who, as a database superuser,
 * switches the append-only triggers off), and expects `verify` to name what was changed.
 */
describe('verify (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;

  beforeEach(async () => {
    db = await createTestDatabase({ poolSize: 5 });
    store = new EventStore(db.dataSource);
    await store.append('plan-1', 0, [
      event('PlanDrafted', { seats: 48 }),
      event('PlanAdopted'),
      event('PlanSubmitted'),
    ]);
    await store.append('intro-1', 0, [
      event('StepOpened', { step: 1 }),
      event('TallyRecorded', { votes: 30, base: 48 }),
    ]);
    await store.append('plan-1', 3, [event('PlanApproved')]);
    await store.append('intro-1', 2, [event('ThresholdEvaluated', { passed: true })]);
    await writeCheckpoint(db.dataSource, signer, new Date('2026-01-01T00:00:00Z'));
    await store.append('election-1', 0, [event('ElectionRoundOpened', { round: 1 })]);
  });
  afterEach(async () => {
    await db.drop();
  });

  const tamper = async (...statements: string[]): Promise<void> => {
    await db.superuserQuery(
      ['BEGIN', 'SET LOCAL session_replication_role = replica', ...statements, 'COMMIT'].join(';\n'),
    );
  };
  const verify = () => verifyLog(db.dataSource, { trustedKeys });

  it('passes an untouched log', async () => {
    const report = await verify();
    expect(report).toMatchObject({
      ok: true,
      eventsChecked: 8,
      streamsChecked: 3,
      checkpointsChecked: 1,
      problems: [],
    });
    expect(report.lastCheckpointPosition).toBe(7);
  });

  it('checks events whose text needs escaping (backslashes, quotes, newlines, tabs, non-ASCII) without false alarms', async () => {
    await store.append('dossier-7', 0, [
      event('ComplaintReceived', {
        text: 'Đơn thư:\tdòng 1\ndòng 2 "trích dẫn" C:\\hồ sơ\\',
        emoji: '✓',
        nested: { a: ['\\', '\r'] },
      }),
      event('ComplaintResolved', { note: 'plain' }),
    ]);
    expect(await verify()).toMatchObject({ ok: true, eventsChecked: 10 });
    await tamper(
      `UPDATE events SET data = jsonb_set(data::jsonb, '{emoji}', '"✗"')::json WHERE stream_id = 'dossier-7' AND stream_version = 1`,
    );
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'content-altered', streamId: 'dossier-7', streamVersion: 1 }),
    );
  });

  it('names an event whose data was edited', async () => {
    await tamper(
      `UPDATE events SET data = '{"votes": 40, "base": 48}' WHERE stream_id = 'intro-1' AND stream_version = 2`,
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'content-altered', streamId: 'intro-1', streamVersion: 2 });
  });

  it('names an event whose metadata was edited', async () => {
    await tamper(
      `UPDATE events SET metadata = jsonb_set(metadata::jsonb, '{actorRole}', '"secretary"')::json WHERE stream_id = 'plan-1' AND stream_version = 3`,
    );
    const report = await verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'content-altered', streamId: 'plan-1', streamVersion: 3 }),
    ]);
  });

  it('names an event whose stored text was respaced, even though it still means the same', async () => {
    await tamper(
      `UPDATE events SET data = '{"votes":30, "base":48}' WHERE stream_id = 'intro-1' AND stream_version = 2`,
    );
    expect(
      await db.dataSource.query(`SELECT data FROM events WHERE stream_id = 'intro-1' AND stream_version = 2`),
    ).toEqual([{ data: { votes: 30, base: 48 } }]);
    const report = await verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'content-altered', streamId: 'intro-1', streamVersion: 2 }),
    ]);
  });

  it('checks events far larger than one network read, and an event around every read boundary', async () => {
    const big = 'Nhận xét, đánh giá cán bộ. '.repeat(20_000);
    for (let i = 0; i < 40; i++) {
      await store.append(`dossier-${i}`, 0, [
        event('DossierFiled', { text: big.slice(0, 1_000 + i * 13_337) }),
        event('DossierNoted', { n: i }),
      ]);
    }
    expect(await verify()).toMatchObject({ ok: true, eventsChecked: 88, problems: [] });
    await tamper(
      `UPDATE events SET data = jsonb_set(data::jsonb, '{text}', to_jsonb(repeat('x', 500000)))::json WHERE stream_id = 'dossier-20' AND stream_version = 1`,
    );
    expect((await verify()).problems).toEqual([
      expect.objectContaining({ kind: 'content-altered', streamId: 'dossier-20', streamVersion: 1 }),
    ]);
  });

  it('names the gap a deleted event leaves', async () => {
    await tamper(`DELETE FROM events WHERE stream_id = 'plan-1' AND stream_version = 2`);
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'version-gap', streamId: 'plan-1', streamVersion: 3 }),
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'log-chain-broken', streamId: 'plan-1', streamVersion: 3 }),
    );
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: 1 }));
  });

  it('names two events of one stream swapped', async () => {
    await tamper(
      `UPDATE events SET stream_version = stream_version + 100 WHERE stream_id = 'plan-1' AND stream_version IN (2, 3)`,
      `UPDATE events SET stream_version = CASE stream_version WHEN 102 THEN 3 ELSE 2 END WHERE stream_id = 'plan-1' AND stream_version > 100`,
    );
    const report = await verify();
    expect(report.problems[0]).toMatchObject({
      kind: 'version-gap',
      streamId: 'plan-1',
      streamVersion: 3,
      position: 2,
    });
  });

  it('names two events of different streams swapped in the log order', async () => {
    // Every column but the position moves: the two rows trade places in the log order.
    const columns =
      'stream_id, stream_version, type, schema_version, data, metadata, recorded_at, idempotency_key, prev_hash, hash, log_hash';
    await tamper(
      `CREATE TEMP TABLE original AS SELECT * FROM events WHERE position IN (3, 4)`,
      `UPDATE events SET stream_version = stream_version + 100 WHERE position = 4`,
      `UPDATE events e SET (${columns}) = (SELECT ${columns} FROM original o WHERE o.position = 4) WHERE e.position = 3`,
      `UPDATE events e SET (${columns}) = (SELECT ${columns} FROM original o WHERE o.position = 3) WHERE e.position = 4`,
    );
    const report = await verify();
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'log-chain-broken', position: 3, streamId: 'intro-1' }),
    ]);
  });

  it('names a forged event inserted with a made-up hash', async () => {
    await tamper(
      `INSERT INTO events (position, stream_id, stream_version, type, data, metadata, recorded_at, prev_hash, hash, log_hash)
       OVERRIDING SYSTEM VALUE
       SELECT 100, 'plan-1', 5, 'PlanReturned', '{}', metadata, now(), hash, repeat('a', 64), repeat('b', 64)
         FROM events WHERE stream_id = 'plan-1' AND stream_version = 4`,
    );
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'content-altered', streamId: 'plan-1', streamVersion: 5, position: 100 }),
    );
  });

  it('names a forged event inserted by someone who recomputed every hash after it', async () => {
    // The forger makes room at position 5 and rewrites the chains so that every hash is internally consistent.
    const rows = (await db.superuserQuery(
      `SELECT position::int AS position, stream_id, stream_version, type, schema_version, data::text AS d, metadata::text AS m,
              to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, prev_hash, hash, log_hash
         FROM events ORDER BY position`,
    )) as {
      position: number;
      stream_id: string;
      stream_version: number;
      type: string;
      schema_version: number;
      d: string;
      m: string;
      at: string;
      prev_hash: string;
      hash: string;
      log_hash: string;
    }[];
    const forged = { ...rows[4], stream_id: 'intro-1', type: 'CandidateAdded', d: '{"source": "floor"}' };
    const rewritten = [...rows.slice(0, 4), forged, ...rows.slice(4)];
    const heads = new Map<string, { version: number; hash: string }>();
    let prevLog = rows[3].log_hash;
    for (const [i, r] of rewritten.entries()) {
      const head = heads.get(r.stream_id) ?? { version: 0, hash: '0'.repeat(64) };
      if (i >= 4) {
        r.position = i + 1;
        r.stream_version = head.version + 1;
        r.prev_hash = head.hash;
        r.hash = eventHash({
          prevHash: head.hash,
          streamId: r.stream_id,
          streamVersion: r.stream_version,
          type: r.type,
          schemaVersion: r.schema_version,
          recordedAt: r.at,
          dataText: r.d,
          metadataText: r.m,
        });
        r.log_hash = prevLog = logHash(prevLog, r.hash);
      }
      heads.set(r.stream_id, { version: r.stream_version, hash: r.hash });
    }
    const values = rewritten
      .slice(4)
      .map(
        (r) =>
          `(${r.position}, '${r.stream_id}', ${r.stream_version}, '${r.type}', '${r.d}', '${r.m}', '${r.at}', '${r.prev_hash}', '${r.hash}', '${r.log_hash}')`,
      );
    await tamper(
      `DELETE FROM events WHERE position >= 5`,
      `INSERT INTO events (position, stream_id, stream_version, type, data, metadata, recorded_at, prev_hash, hash, log_hash)
       OVERRIDING SYSTEM VALUE VALUES ${values.join(', ')}`,
    );
    const report = await verify();
    expect(report.problems.filter((p) => p.kind !== 'checkpoint-mismatch')).toEqual([]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: 1, streamId: 'intro-1' }),
    );
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(/no longer hashes to the signed value/);
  });

  it('names a stream whose tail was truncated, through the checkpoint', async () => {
    await tamper(`DELETE FROM events WHERE stream_id = 'plan-1' AND stream_version = 4`);
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'checkpoint-mismatch', checkpointId: 1, streamId: 'plan-1', streamVersion: 4 }),
    );
    expect(report.problems.find((p) => p.streamId === 'plan-1')?.message).toMatch(
      /signed version 4 .* log has version 3/,
    );
  });

  it('names a truncated tail of the whole log', async () => {
    await tamper(`DELETE FROM events WHERE position >= 7`);
    const report = await verify();
    expect(report.problems).toContainEqual(
      expect.objectContaining({ kind: 'checkpoint-mismatch', streamId: 'intro-1', streamVersion: 3 }),
    );
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(/signed 7 events .* log now has 6/);
  });

  it('rejects a checkpoint signed by a key it does not trust, or re-signed after editing', async () => {
    const other = new TrustedKeys([generateKeyPairSync('ed25519').publicKey]);
    const untrusted = await verifyLog(db.dataSource, { trustedKeys: other });
    expect(untrusted.problems).toEqual([
      expect.objectContaining({ kind: 'checkpoint-untrusted-key', checkpointId: 1 }),
    ]);
    await tamper(`UPDATE checkpoints SET event_count = 6`);
    const edited = await verify();
    expect(edited.problems).toContainEqual(expect.objectContaining({ kind: 'checkpoint-signature', checkpointId: 1 }));
  });
});
