import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@cadreflow/config';
import {
  CheckpointSigner,
  Checkpointer,
  EventStore,
  checkpointAnchors,
  createDataSource,
  listTreeHeads,
  verifyLog,
} from '@cadreflow/event-store';
import { importOnFirstStart } from '@cadreflow/registry';
import { Witness, serveWitness, type RunningWitness } from '@cadreflow/witness';
import { createEmptyDatabase } from '../../../../test/setup/database';
import { apiMigrations } from '../api.module';
import { MissingAppenderKeyError, apiEvidence } from './api-evidence';

/** An Ed25519 key pair: the private half as PEM, the public half as a key. */
const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
};

/**
 * Production as configured by environment variables alone: the worker signs with the log key, the API holds only
 * the log's public key and seals its registry imports with an appender key of its own, which the worker's
 * checkpointer and the API's verify trust for receipts.
 */
describe('tamper evidence configured for production (real PostgreSQL, real witness)', () => {
  const log = keyPair();
  const appender = keyPair();
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  let witness: RunningWitness;
  let dir: string;

  beforeAll(async () => {
    const empty = await createEmptyDatabase();
    drop = empty.drop;
    dataSource = createDataSource({ url: empty.url, poolSize: 4, extraMigrations: apiMigrations });
    await dataSource.initialize();
    await dataSource.runMigrations();
    dir = await mkdtemp(join(tmpdir(), 'cadreflow-production-evidence-'));
    witness = await serveWitness(await Witness.open(join(dir, 'witness'), [log.publicKey]), 0);
  });
  afterAll(async () => {
    await witness.stop();
    await dataSource.destroy();
    await drop();
  });

  const publicPem = (k: { publicKey: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer } }) =>
    k.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const shared = () => ({
    DATABASE_URL: 'postgres://u:p@db:5432/cadreflow',
    CADREFLOW_WITNESS_URL: witness.url,
    CADREFLOW_WITNESS_PUBLIC_KEY: publicPem(witness.witness),
    CADREFLOW_ANCHOR_FILE: join(dir, 'anchors', 'tree-heads.log'),
    CADREFLOW_TRUSTED_APPENDER_KEYS: publicPem(appender),
  });

  it('signs the registry import the API sealed with its appender key, cosigned and anchored, and verifies it', async () => {
    const apiConfig = loadConfig({
      ...shared(),
      CADREFLOW_CHECKPOINT_PUBLIC_KEY: publicPem(log),
      CADREFLOW_APPENDER_KEY: appender.privatePem,
      CADREFLOW_HEAD_STORE: join(dir, 'inspector', 'heads'),
    });
    const workerConfig = loadConfig({ ...shared(), CADREFLOW_SIGNING_KEY: log.privatePem });
    const { trustedKeys, appender: seal } = await apiEvidence(apiConfig);
    expect(seal?.keyId).toBe(CheckpointSigner.fromPem(appender.privatePem).keyId);

    const apiStore = new EventStore(dataSource);
    apiStore.sealWith(seal!);
    const imported = await importOnFirstStart(dataSource, apiStore);
    expect(imported?.events).toBeGreaterThan(0);

    const errors: unknown[] = [];
    const checkpointer = new Checkpointer(
      dataSource,
      CheckpointSigner.fromPem(workerConfig.signingKeyPem!),
      1,
      0,
      (e) => errors.push(e),
      checkpointAnchors(workerConfig.evidence),
    );
    const head = await checkpointer.checkpointNow();
    expect(errors).toEqual([]);
    expect(head?.size).toBe(imported?.events);
    expect(head?.note).toContain(`— witness/`);
    expect((await listTreeHeads(dataSource)).map((h) => h.size)).toEqual([imported?.events]);

    const report = await verifyLog(dataSource, { trustedKeys });
    expect(report).toMatchObject({ ok: true, verifiedTreeSize: imported?.events, problems: [] });
  });

  it('refuses to start an API that appends without a key to seal with while receipts are required', async () => {
    const config = loadConfig({ ...shared(), CADREFLOW_CHECKPOINT_PUBLIC_KEY: publicPem(log) });
    await expect(apiEvidence(config)).rejects.toThrow(MissingAppenderKeyError);
    const relaxed = loadConfig({
      ...shared(),
      CADREFLOW_CHECKPOINT_PUBLIC_KEY: publicPem(log),
      CADREFLOW_REQUIRE_RECEIPTS: 'false',
    });
    expect((await apiEvidence(relaxed)).appender).toBeUndefined();
  });
});
