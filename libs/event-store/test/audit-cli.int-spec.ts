import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '../../../test/setup/database';
import { EventStore } from '../src/event-store';
import { event } from './fixtures';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

describe('npm run audit -- verify (real PostgreSQL, real process)', () => {
  let db: TestDatabase;
  let dataDir: string;
  const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    db = await createTestDatabase({ poolSize: 3 });
    // The anchor file goes beside the data folder: a folder of this run's own.
    dataDir = join(await mkdtemp(join(tmpdir(), 'cadreflow-audit-cli-')), 'data');
    const store = new EventStore(db.dataSource);
    await store.append('plan-7', 0, [event('PlanDrafted'), event('PlanAdopted')]);
  });
  afterAll(async () => {
    await db.drop();
  });

  const audit = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(
        'node',
        ['-r', './tools/register.js', 'libs/event-store/src/cli/audit.cli.ts', ...args],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: db.url, CADREFLOW_SIGNING_KEY: key, CADREFLOW_DATA_DIR: dataDir },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('signs a checkpoint, reports an intact log, then names tampering and exits non-zero', async () => {
    const checkpoint = await audit('checkpoint');
    expect(checkpoint.code).toBe(0);
    expect(checkpoint.stdout).toMatch(/checkpoint #1 signed at position 2/);
    const intact = await audit('verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Checked 2 events in 1 streams against 1 signed checkpoints/);
    expect(intact.stdout).toMatch(/RESULT: intact/);

    await db.superuserQuery(
      `BEGIN; SET LOCAL session_replication_role = replica; UPDATE events SET data = '{"seats": 50}' WHERE stream_version = 2; COMMIT`,
    );
    const tampered = await audit('verify');
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/RESULT: TAMPERED/);
    expect(tampered.stdout).toMatch(/\[content-altered\] Stream "plan-7" version 2/);
  });

  it('explains a usage error and exits 2', async () => {
    const result = await audit('verify', '--stream');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--stream needs a value/);
    expect(result.stderr).toMatch(/Usage: npm run audit/);
  });
});
