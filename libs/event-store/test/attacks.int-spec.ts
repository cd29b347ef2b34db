import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Grant } from '../../../apps/api/src/auth/user.entity';
import { Visibility } from '../../../apps/api/src/auth/visibility';
import { OrganisationDirectory } from '../../../apps/api/src/organisation/organisation-directory.service';
import { RegistryStore } from '../../registry/src/storage/registry.store';
import { AuditKeys } from '../../../apps/api/src/audit/audit-keys';
import { AuditService } from '../../../apps/api/src/audit/audit.service';
import { Witness } from '../../../apps/witness/src/witness';
import { serveWitness, type RunningWitness } from '../../../apps/witness/src/witness-server';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { CheckpointSigner, TrustedKeys } from '../src/checkpoints/signing-key';
import { buildEvidence, evidenceScript } from '../src/evidence/evidence-bundle';
import { EventStore } from '../src/event-store';
import { AnchorFile } from '../src/tree/anchor-file';
import { listTreeHeads, writeTreeHead } from '../src/tree/tree-head-writer';
import { WitnessClient } from '../src/tree/witness-client';
import { verifyLog, type ProblemKind, type VerificationReport } from '../src/verify/verifier';
import { event } from './fixtures';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');
const pem = (k: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer }): string =>
  k.export({ type: 'spki', format: 'pem' }).toString();

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

const forgetSignedState = [
  'DELETE FROM checkpoints',
  'DELETE FROM tree_heads',
  'DELETE FROM merkle_nodes',
  'DELETE FROM append_receipts',
];

interface Attack {
  name: string;
  /** The procedure whose evidence bundle the inspector checks offline. */
  procedure: string;
  play: (ctx: Context) => Promise<unknown>;
  /** Problem kinds verify must name (CLI, API and library alike). */
  expected: ProblemKind[];
  /** What the offline verifier must say of the bundle. */
  offline: RegExp;
}

interface Context {
  db: TestDatabase;
  tamper: (...sql: string[]) => Promise<unknown>;
  dir: string;
  /** The checkpointer's signing step, as it runs in the system (witness, anchor file, receipts required). */
  ctxSign: () => Promise<{ size: number } | null>;
}

/**
 * The 21 attacks of an administrator with superuser SQL and no signing key, each played on the same log: two
 * cosigned, anchored tree heads (7 and 9 events) and an unsigned tail of 2 receipted events, seen once by the
 * inspector before (its own store holds the head of 9). Every one must be named by verify (library, API service,
 * CLI process, exit 1) and by the offline verifier of an evidence bundle (exit 1).
 */
const attacks: Attack[] = [
  // Detected before tree heads existed; detected and named as then.
  {
    name: 'edit an event’s data',
    procedure: 'intro-1',
    play: ({ tamper }) => tamper(`UPDATE events SET data = '{"votes": 40, "base": 48}' WHERE position = 5`),
    expected: ['content-altered'],
    offline: /"intro-1" v2 .*content was altered/,
  },
  {
    name: 'edit an event’s metadata',
    procedure: 'plan-1',
    play: ({ tamper }) =>
      tamper(
        `UPDATE events SET metadata = jsonb_set(metadata::jsonb, '{actorRole}', '"secretary"')::json WHERE position = 3`,
      ),
    expected: ['content-altered'],
    offline: /"plan-1" v3 .*content was altered/,
  },
  {
    name: 'respace an event’s text (same meaning)',
    procedure: 'intro-1',
    play: ({ tamper }) => tamper(`UPDATE events SET data = '{"votes":30, "base":48}' WHERE position = 5`),
    expected: ['content-altered'],
    offline: /"intro-1" v2 .*content was altered/,
  },
  {
    name: 'change when an event was recorded',
    procedure: 'plan-1',
    play: ({ tamper }) => tamper(`UPDATE events SET recorded_at = recorded_at - interval '1 day' WHERE position = 2`),
    expected: ['content-altered'],
    offline: /"plan-1" v2 .*content was altered/,
  },
  {
    name: 'delete an event in the middle of a stream',
    procedure: 'plan-1',
    play: ({ tamper }) => tamper(`DELETE FROM events WHERE position = 2`),
    expected: ['version-gap', 'log-chain-broken', 'checkpoint-mismatch', 'tree-head-mismatch'],
    offline: /"plan-1" v3 .*does not follow version 1/,
  },
  {
    name: 'swap two events of one stream',
    procedure: 'plan-1',
    play: ({ tamper }) =>
      tamper(
        `UPDATE events SET stream_version = stream_version + 100 WHERE stream_id = 'plan-1' AND stream_version IN (2, 3)`,
        `UPDATE events SET stream_version = CASE stream_version WHEN 102 THEN 3 ELSE 2 END WHERE stream_id = 'plan-1' AND stream_version > 100`,
      ),
    expected: ['version-gap'],
    offline: /"plan-1" v3 \(position 2.*content was altered/,
  },
  {
    name: 'swap two events of different streams in the log order',
    procedure: 'plan-1',
    play: ({ tamper }) => {
      const columns =
        'stream_id, stream_version, type, schema_version, data, metadata, recorded_at, idempotency_key, prev_hash, hash, log_hash';
      return tamper(
        `CREATE TEMP TABLE original AS SELECT * FROM events WHERE position IN (3, 4)`,
        `UPDATE events SET stream_version = stream_version + 100 WHERE position = 4`,
        `UPDATE events e SET (${columns}) = (SELECT ${columns} FROM original o WHERE o.position = 4) WHERE e.position = 3`,
        `UPDATE events e SET (${columns}) = (SELECT ${columns} FROM original o WHERE o.position = 3) WHERE e.position = 4`,
      );
    },
    expected: ['log-chain-broken'],
    offline: /"plan-1" v3 \(position 4.*inclusion proof fails/,
  },
  {
    name: 'insert a forged event with a made-up hash',
    procedure: 'plan-1',
    play: ({ tamper }) =>
      tamper(
        `INSERT INTO events (position, stream_id, stream_version, type, data, metadata, recorded_at, prev_hash, hash, log_hash)
         OVERRIDING SYSTEM VALUE
         SELECT 100, 'plan-1', 6, 'PlanReturned', '{}', metadata, now(), hash, repeat('a', 64), repeat('b', 64)
           FROM events WHERE stream_id = 'plan-1' AND stream_version = 5`,
      ),
    expected: ['content-altered'],
    offline: /"plan-1" v6 .*content was altered/,
  },
  {
    name: 'insert a forged event inside the signed range and recompute every hash after it',
    procedure: 'intro-1',
    play: ({ tamper }) =>
      tamper(
        `CREATE TEMP TABLE moved AS SELECT * FROM events WHERE position >= 5`,
        `DELETE FROM events WHERE position >= 5`,
        `INSERT INTO events (position, stream_id, stream_version, type, data, metadata, recorded_at, prev_hash, hash, log_hash)
         OVERRIDING SYSTEM VALUE
         SELECT 5, 'intro-1', 2, 'CandidateAdded', '{"source": "floor"}', metadata, recorded_at, '', '', ''
           FROM events WHERE position = 4`,
        `INSERT INTO events OVERRIDING SYSTEM VALUE
         SELECT position + 1, stream_id, stream_version + (CASE WHEN stream_id = 'intro-1' THEN 1 ELSE 0 END), type,
                schema_version, data, metadata, recorded_at, idempotency_key, prev_hash, hash, log_hash
           FROM moved`,
        recomputeFrom(5),
      ),
    expected: ['checkpoint-mismatch', 'tree-head-mismatch'],
    offline: /"intro-1" v2 .*inclusion proof fails/,
  },
  {
    name: 'truncate a stream’s signed tail, checkpoints intact',
    procedure: 'plan-1',
    play: ({ tamper }) => tamper(`DELETE FROM events WHERE position = 9`),
    expected: ['checkpoint-mismatch', 'tree-head-mismatch'],
    offline: /checkpoint #2 signed version 5 of "plan-1"|"plan-1" v5 .*missing/,
  },
  {
    name: 'truncate the log inside the signed range, checkpoints intact',
    procedure: 'plan-1',
    play: ({ tamper }) => tamper(`DELETE FROM events WHERE position >= 8`),
    expected: ['checkpoint-mismatch', 'log-truncated'],
    offline: /checkpoint #2 signed version 5 of "plan-1"/,
  },
  {
    name: 'edit a signed checkpoint',
    procedure: 'plan-1',
    play: ({ tamper }) => tamper(`UPDATE checkpoints SET event_count = 6 WHERE id = 1`),
    expected: ['checkpoint-signature'],
    offline: /checkpoint #1 is not validly signed/,
  },
  {
    name: 'add a checkpoint and tree head signed with a key of one’s own',
    procedure: 'plan-1',
    play: async ({ db }) => {
      const own = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
      await writeTreeHead(db.dataSource, own, { now: new Date() });
    },
    expected: ['checkpoint-untrusted-key', 'tree-head-untrusted-key'],
    offline: /tree head belongs to "cadreflow\/[0-9a-f]{16}", not to the log key/,
  },
  // Passed verify before tree heads, witnesses and anchors existed.
  {
    name: 'edit an event, recompute every hash with sha256(), delete the checkpoints',
    procedure: 'intro-1',
    play: ({ tamper }) =>
      tamper(
        `UPDATE events SET data = '{"votes": 40, "base": 48}' WHERE position = 5`,
        recomputeFrom(5),
        ...forgetSignedState,
      ),
    expected: ['tree-head-mismatch', 'tree-head-missing', 'tree-head-rolled-back'],
    offline: /"intro-1" v1 .*not covered by the signed tree head|inclusion proof fails/,
  },
  {
    name: 'rewrite history with recomputed hashes, delete the heads, and let the checkpointer re-sign with the real key',
    procedure: 'intro-1',
    play: async ({ tamper, db, ctxSign }) => {
      await tamper(`DELETE FROM events WHERE position = 5`, recomputeFrom(6), ...forgetSignedState.slice(0, 3));
      // The anchor file outside the database still holds the heads: the checkpointer refuses to start over.
      await expect(ctxSign()).rejects.toThrow(/refusing to sign the log: .*tree heads were deleted from the database/);
      expect(await listTreeHeads(db.dataSource)).toEqual([]);
    },
    expected: ['tree-head-missing', 'tree-head-rolled-back', 'tree-head-mismatch'],
    offline: /not covered by the signed tree head|inclusion proof fails|does not follow version/,
  },
  {
    name: 'truncate the log’s tail after the last checkpoint left in the database',
    procedure: 'plan-1',
    play: ({ tamper }) =>
      tamper(
        `DELETE FROM events WHERE position >= 8`,
        `DELETE FROM checkpoints WHERE id = 2`,
        `DELETE FROM tree_heads WHERE tree_size = 9`,
        `DELETE FROM append_receipts WHERE last_position >= 8`,
      ),
    expected: ['tree-head-missing', 'tree-head-rolled-back', 'log-truncated'],
    offline: /checkpoint #2, which the tree head vouches for, is missing/,
  },
  {
    name: 'truncate into the signed range and delete the later checkpoints',
    procedure: 'plan-1',
    play: ({ tamper }) =>
      tamper(
        `DELETE FROM events WHERE position >= 6`,
        `DELETE FROM checkpoints`,
        `DELETE FROM tree_heads`,
        `DELETE FROM append_receipts WHERE last_position >= 6`,
      ),
    expected: ['tree-head-missing', 'tree-head-rolled-back', 'log-truncated'],
    offline: /checkpoint #2, which the tree head vouches for, is missing/,
  },
  {
    name: 'delete a stream’s last signed events and the older checkpoint that named them',
    procedure: 'intro-1',
    play: ({ tamper }) =>
      tamper(
        `DELETE FROM events WHERE position IN (7, 10)`,
        `DELETE FROM checkpoints WHERE id = 1`,
        `DELETE FROM append_receipts WHERE first_position = 10`,
      ),
    expected: ['log-chain-broken', 'checkpoint-mismatch', 'tree-head-mismatch'],
    offline: /the signed checkpoint before checkpoint #2 is missing/,
  },
  {
    name: 'append a forged event with correctly computed hashes after the last checkpoint',
    procedure: 'intro-1',
    play: async ({ tamper, db, ctxSign }) => {
      await tamper(
        `INSERT INTO events (position, stream_id, stream_version, type, data, metadata, recorded_at, prev_hash, hash, log_hash)
         OVERRIDING SYSTEM VALUE
         SELECT 12, 'intro-1', 5, 'CandidateWithdrawn', '{"reason": "forged"}', metadata, now(), '', '', '' FROM events WHERE position = 10`,
        recomputeFrom(12),
      );
      // The checkpointer signs the receipted events, never the forged one.
      const head = await ctxSign();
      expect(head?.size).toBe(11);
      expect((await listTreeHeads(db.dataSource)).at(-1)?.size).toBe(11);
    },
    expected: ['event-not-receipted'],
    offline: /"intro-1" v5 .*not covered by the signed tree head/,
  },
  {
    name: 'replace the signing key file in the data folder and re-sign the log',
    procedure: 'plan-1',
    play: async ({ tamper, db, dir }) => {
      const forged = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await mkdir(join(dir, 'data'), { recursive: true });
      await writeFile(join(dir, 'data', 'signing-key.pem'), forged);
      await tamper(
        `UPDATE events SET data = '{"seats": 50}' WHERE position = 1`,
        recomputeFrom(1),
        ...forgetSignedState,
      );
      await writeTreeHead(db.dataSource, CheckpointSigner.fromPem(forged), { now: new Date() });
    },
    expected: ['tree-head-untrusted-key', 'checkpoint-untrusted-key', 'tree-head-missing', 'tree-head-mismatch'],
    offline: /tree head belongs to "cadreflow\/[0-9a-f]{16}", not to the log key|inclusion proof fails/,
  },
  {
    name: 'empty the log and everything signed',
    procedure: 'plan-1',
    play: ({ tamper }) => tamper('DELETE FROM events', ...forgetSignedState),
    expected: ['tree-head-missing', 'tree-head-rolled-back', 'log-truncated'],
    offline: /no events of procedure "plan-1"/,
  },
];

describe('the 21 attacks of a database superuser without the signing key (real PostgreSQL)', () => {
  const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
  const inspector = {
    userId: 'u-ubkt',
    username: 'ubkt',
    displayName: 'Ủy ban Kiểm tra',
    personId: null,
    grants: [{ role: 'inspection-committee', bodyId: 'bac-ninh/ubkt' }] as Grant[],
  };
  let db: TestDatabase;
  let witness: RunningWitness;
  let dir: string;
  let anchor: AnchorFile;
  let files: { logKey: string; witnessKey: string; heads: string };
  let trust: () => TrustedKeys;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cadreflow-attack-'));
    witness = await serveWitness(await Witness.open(join(dir, 'witness'), [signer.publicKey]), 0);
    anchor = new AnchorFile(join(dir, 'anchors', 'tree-heads.log'));
    files = {
      logKey: join(dir, 'log.pem'),
      witnessKey: join(dir, 'witness.pem'),
      heads: join(dir, 'inspector', 'heads'),
    };
    await writeFile(files.logKey, signer.publicKeyPem());
    await writeFile(files.witnessKey, pem(witness.witness.publicKey));
    trust = () =>
      new TrustedKeys([signer.publicKey], {
        witnessKeys: [witness.witness.publicKey],
        anchorFiles: [anchor.path],
        headStore: files.heads,
      });
    db = await createTestDatabase({ poolSize: 4 });
    const store = new EventStore(db.dataSource);
    store.sealWith(signer);
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
    expect((await sign())?.size).toBe(7);
    await store.append('election-1', 0, [event('ElectionRoundOpened', { round: 1 })]);
    await store.append('plan-1', 4, [event('PlanPublished')]);
    expect((await sign())?.size).toBe(9);
    await store.append('intro-1', 3, [event('CandidatesListed', { count: 5 })]);
    await store.append('election-1', 1, [event('BallotCounted', { valid: 47 })]);
    const seen = await verifyLog(db.dataSource, { trustedKeys: trust() });
    expect(seen).toMatchObject({ ok: true, eventsChecked: 11, verifiedTreeSize: 9, problems: [] });
  });
  afterEach(async () => {
    await witness.stop();
    await db.drop();
  });

  const sign = () =>
    writeTreeHead(db.dataSource, signer, {
      now: new Date(),
      witnesses: [new WitnessClient(witness.url)],
      anchor,
      requireReceipts: true,
    });
  /** The API's visibility rules over the registry (verifying the whole log does not consult them). */
  const visibility = () =>
    new Visibility(new OrganisationDirectory(new RegistryStore(db.dataSource, new EventStore(db.dataSource))));
  const tamper = (...sql: string[]) =>
    db.superuserQuery(['BEGIN', 'SET LOCAL session_replication_role = replica', ...sql, 'COMMIT'].join(';\n'));

  const cli = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(
        'node',
        ['-r', './tools/register.js', 'libs/event-store/src/cli/audit.cli.ts', ...args],
        { cwd: root, env: { ...process.env, DATABASE_URL: db.url, CADREFLOW_DATA_DIR: join(dir, 'data') } },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const pinned = () => [
    '--public-key',
    files.logKey,
    '--witness-key',
    files.witnessKey,
    '--anchor-file',
    anchor.path,
    '--heads',
    files.heads,
  ];

  const offline = async (procedureId: string): Promise<{ code: number; stdout: string }> => {
    let script: string;
    try {
      const bundle = await buildEvidence(
        db.dataSource,
        procedureId,
        { log: signer.publicKey, witnesses: [witness.witness.publicKey] },
        await anchor.notes(),
      );
      script = evidenceScript(bundle);
    } catch (error) {
      return { code: 1, stdout: `export refused: ${(error as Error).message}` };
    }
    const file = join(dir, `evidence-${procedureId}.cjs`);
    await writeFile(file, script);
    try {
      const { stdout } = await run('node', [file, '--public-key', files.logKey, '--witness-key', files.witnessKey]);
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  };

  it('finds the untouched log intact by every verifier, and the bundle intact offline', async () => {
    const api = await new AuditService(
      db.dataSource,
      new EventStore(db.dataSource),
      visibility(),
      new AuditKeys(trust()),
    ).verifyAll(inspector);
    expect(api).toMatchObject({ ok: true, verifiedTreeSize: 9 });
    const out = await cli('verify', ...pinned());
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/RESULT: intact/);
    const bundle = await offline('plan-1');
    expect(bundle).toMatchObject({ code: 0 });
    expect(bundle.stdout).toMatch(/intact: 5 .* "plan-1"/);
  });

  it('never trusts the key file in the data folder by default', async () => {
    const out = await cli('verify');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/No trusted key: pin the log key with --public-key FILE/);
  });

  const results: string[] = [];
  afterAll(() => {
    process.stdout.write(`\n${results.join('\n')}\n`);
  });

  it.each(attacks.map((a, i) => [i + 1, a.name, a] as const))('attack %i: %s', async (_, __, attack) => {
    await attack.play({ db, tamper, dir, ctxSign: sign });
    const library = await verifyLog(db.dataSource, { trustedKeys: trust() });
    const api: VerificationReport = await new AuditService(
      db.dataSource,
      new EventStore(db.dataSource),
      visibility(),
      new AuditKeys(trust()),
    ).verifyAll(inspector);
    const cliOut = await cli('verify', ...pinned(), '--json');
    const bundle = await offline(attack.procedure);
    const cliReport = JSON.parse(cliOut.stdout) as VerificationReport;
    const kinds = (r: VerificationReport) => [...new Set(r.problems.map((p) => p.kind))];
    results.push(
      `${attack.name}: library [${kinds(library).join(', ')}] api ok=${api.ok} cli exit ${cliOut.code} offline exit ${bundle.code}: ${bundle.stdout.trim().split('\n').at(-1)}`,
    );
    expect(library.ok).toBe(false);
    for (const kind of attack.expected) expect(kinds(library)).toContain(kind);
    expect(api).toEqual(library);
    expect(cliOut.code).toBe(1);
    expect(kinds(cliReport)).toEqual(kinds(library));
    expect(bundle.code).toBe(1);
    expect(bundle.stdout).toMatch(attack.offline);
  });
});
