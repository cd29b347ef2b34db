import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Runs the witness's command line from the sources; resolves with its exit code and output. */
function witness(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/witness/src/main.ts', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/**
 * `--public-key-out`: what a deployment runs once before the witness (compose's `witness-key` service), so that the
 * processes pin the witness's key from a file (`CADREFLOW_WITNESS_PUBLIC_KEY_FILE`) instead of someone copying it.
 */
describe('the witness’s key written for the deployment', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cadreflow-witness-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('creates the key in the store once and writes its public half, the same on every run', async () => {
    const store = join(folder, 'store');
    const out = join(folder, 'public', 'witness.pem');
    const first = await witness(['--store', store, '--public-key-out', out]);
    expect(first.code).toBe(0);
    const written = await readFile(out, 'utf8');
    const privateKey = createPrivateKey(await readFile(join(store, 'witness-key.pem'), 'utf8'));
    expect(written).toBe(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString());
    expect((await stat(join(store, 'witness-key.pem'))).mode & 0o077).toBe(0);

    const second = await witness(['--store', store, '--public-key-out', out]);
    expect(second.code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(written);
  }, 120_000);

  it('still asks for the log keys when it is to serve', async () => {
    const run = await witness(['--store', join(folder, 'other')]);
    expect(run.code).toBe(2);
    expect(run.output).toContain('--public-key-out FILE');
  }, 120_000);
});
