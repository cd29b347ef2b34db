import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Witness } from '../../../apps/witness/src/witness';
import { serveWitness, type RunningWitness } from '../../../apps/witness/src/witness-server';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { CheckpointSigner } from '../src/checkpoints/signing-key';
import { EventStore } from '../src/event-store';
import { hashHexLeaf, rootOf, verifyConsistency, verifyInclusion } from '../src/merkle/merkle-tree';
import { cosignatureTime, hasLogSignature } from '../src/merkle/signed-note';
import { AnchorFile } from '../src/tree/anchor-file';
import { consistencyProof, inclusionProofs } from '../src/tree/proofs';
import { UnsignableLogError, listTreeHeads, writeTreeHead } from '../src/tree/tree-head-writer';
import { WitnessClient, WitnessRefusedError } from '../src/tree/witness-client';
import { Checkpointer } from '../src/checkpoints/checkpointer';
import { TrustedKeys } from '../src/checkpoints/signing-key';
import { verifyLog } from '../src/verify/verifier';
import { event } from './fixtures';

const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);

describe('signed tree heads, proofs and the witness (real PostgreSQL)', () => {
  let db: TestDatabase;
  let store: EventStore;
  let witness: RunningWitness;
  let anchor: AnchorFile;
  let dir: string;
  const now = new Date('2026-03-01T08:00:00.000Z');

  beforeEach(async () => {
    db = await createTestDatabase({ poolSize: 4 });
    store = new EventStore(db.dataSource);
    dir = await mkdtemp(join(tmpdir(), 'cadreflow-witness-'));
    witness = await serveWitness(await Witness.open(join(dir, 'witness'), [signer.publicKey]), 0);
    anchor = new AnchorFile(join(dir, 'anchors', 'tree-heads.log'));
  });
  afterEach(async () => {
    await witness.stop();
    await db.drop();
  });

  const appendMany = async (stream: string, from: number, n: number): Promise<void> => {
    await store.append(
      stream,
      from,
      Array.from({ length: n }, (_, i) => event('StepRecorded', { i: from + i })),
    );
  };
  const sign = () => writeTreeHead(db.dataSource, signer, { now, witnesses: [new WitnessClient(witness.url)], anchor });
  const tamper = (...sql: string[]) =>
    db.superuserQuery(['BEGIN', 'SET LOCAL session_replication_role = replica', ...sql, 'COMMIT'].join(';\n'));

  it('signs a cosigned C2SP checkpoint whose root is the RFC 9162 root of the events, and anchors it outside', async () => {
    await appendMany('plan-1', 0, 5);
    await appendMany('intro-1', 0, 2);
    const head = (await sign())!;
    expect(head).toMatchObject({ size: 7, position: 7 });
    const hashes: { hash: string }[] = await db.dataSource.query(`SELECT hash FROM events ORDER BY position`);
    expect(head.root.equals(rootOf(hashes.map((h) => hashHexLeaf(h.hash))))).toBe(true);
    expect(head.note).toMatch(
      new RegExp(
        `^${signer.origin}\\n7\\n[A-Za-z0-9+/]{43}=\\nposition 7\\ntime 2026-03-01T08:00:00.000Z\\nlog [0-9a-f]{64}\\ncheckpoint 1 [0-9a-f]{64}\\n\\n`,
      ),
    );
    expect(hasLogSignature(head.note, signer.origin, signer.publicKey)).toBe(true);
    // The witness stamps its cosignature with its own clock.
    expect(cosignatureTime(head.note, witness.witness.name, witness.witness.publicKey)).toBeGreaterThan(0);
    expect(await anchor.notes()).toEqual([head.note]);
    expect(await sign()).toBeNull();
  });

  it('extends the last head from its compact range and proves inclusion and consistency from stored nodes', async () => {
    await appendMany('plan-1', 0, 6);
    const first = (await sign())!;
    await appendMany('plan-1', 6, 7);
    await appendMany('vet-1', 0, 4);
    const second = (await sign())!;
    expect(second.size).toBe(17);
    const hashes: { position: string; hash: string }[] = await db.dataSource.query(
      `SELECT position, hash FROM events ORDER BY position`,
    );
    expect(second.root.equals(rootOf(hashes.map((h) => hashHexLeaf(h.hash))))).toBe(true);
    const proofs = await inclusionProofs(
      db.dataSource,
      hashes.map((h) => Number(h.position)),
      second.size,
    );
    proofs.forEach((p, i) =>
      expect(() =>
        verifyInclusion(p.leafIndex, p.treeSize, hashHexLeaf(hashes[i].hash), p.proof, second.root),
      ).not.toThrow(),
    );
    const proof = await consistencyProof(db.dataSource, first.size, second.size);
    expect(() => verifyConsistency(first.size, second.size, proof, first.root, second.root)).not.toThrow();
    expect(await listTreeHeads(db.dataSource)).toHaveLength(2);
  });

  it('recomputes before it signs: refuses a log whose hashes do not match their content, and signs nothing', async () => {
    await appendMany('plan-1', 0, 3);
    await sign();
    await appendMany('plan-1', 3, 2);
    await tamper(`UPDATE events SET data = '{"i": 99}' WHERE stream_id = 'plan-1' AND stream_version = 4`);
    await expect(sign()).rejects.toThrow(UnsignableLogError);
    await expect(sign()).rejects.toThrow(/position 4 \("plan-1" v4\) does not hash to its stored hash/);
    expect(await listTreeHeads(db.dataSource)).toHaveLength(1);
    expect(await anchor.notes()).toHaveLength(1);
  });

  it('the witness refuses a fork and a rollback, and keeps its own record', async () => {
    await appendMany('plan-1', 0, 4);
    await sign();
    const other = await createTestDatabase({ poolSize: 2 });
    try {
      // The same key signing another history of the same length and more: a fork the witness must refuse.
      await new EventStore(other.dataSource).append('plan-1', 0, [
        event('Forged'),
        event('Forged'),
        event('Forged'),
        event('Forged'),
        event('Forged'),
      ]);
      await expect(
        writeTreeHead(other.dataSource, signer, { now, witnesses: [new WitnessClient(witness.url)] }),
      ).rejects.toThrow(WitnessRefusedError);
      expect(await listTreeHeads(other.dataSource)).toEqual([]);
    } finally {
      await other.drop();
    }
    const stored = await witness.witness.latest(signer.origin);
    expect(stored).toMatch(/\n4\n/);
    const rollback = await createTestDatabase({ poolSize: 2 });
    try {
      await new EventStore(rollback.dataSource).append('plan-1', 0, [event('Short')]);
      await expect(
        writeTreeHead(rollback.dataSource, signer, { now, witnesses: [new WitnessClient(witness.url)] }),
      ).rejects.toThrow(/rollback: this witness already cosigned a tree of 4 events/);
    } finally {
      await rollback.drop();
    }
    const record = await readFile(join(dir, 'witness', 'cosigned.log'), 'utf8');
    expect(record.split('%%\n').filter(Boolean)).toHaveLength(1);
  });

  it('names a head that lacks the pinned witness’s cosignature, and remembers verified heads in the verifier’s store', async () => {
    await appendMany('plan-1', 0, 2);
    await writeTreeHead(db.dataSource, signer, { now });
    const headStore = join(dir, 'inspector', 'heads');
    const trust = new TrustedKeys([signer.publicKey], { witnessKeys: [witness.witness.publicKey], headStore });
    const report = await verifyLog(db.dataSource, { trustedKeys: trust });
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'tree-head-not-cosigned', treeSize: 2 })]);
    await appendMany('plan-1', 2, 1);
    await sign();
    const cosignedOnly = new TrustedKeys([signer.publicKey], { headStore });
    expect(await verifyLog(db.dataSource, { trustedKeys: cosignedOnly })).toMatchObject({
      ok: true,
      verifiedTreeSize: 3,
    });
    expect((await new AnchorFile(headStore).notes()).map((n) => n.split('\n')[1])).toEqual(['3']);
  });

  it('the checkpointer reports an event that no append receipt vouches for, and never signs it', async () => {
    const sealed = new EventStore(db.dataSource);
    sealed.sealWith(signer);
    await sealed.append('plan-1', 0, [event('PlanDrafted')]);
    const errors: unknown[] = [];
    const checkpointer = new Checkpointer(db.dataSource, signer, 1, 0, (e) => errors.push(e), {
      anchor,
      requireReceipts: true,
    });
    expect((await checkpointer.checkpointNow())?.size).toBe(1);
    await store.append('plan-1', 1, [event('PlanForged')]); // not sealed: as if written by hand
    await sealed.append('plan-1', 2, [event('PlanAdopted')]);
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(errors).toEqual([expect.any(UnsignableLogError)]);
    expect(String(errors[0])).toMatch(/position 2 \("plan-1" v2\) has no append receipt/);
    expect((await listTreeHeads(db.dataSource)).map((h) => h.size)).toEqual([1]);
  });
});
