import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREBUILT_BUNDLE_PATH, procedureWorkflowBundle } from '../src/temporal/workflow-bundle';

const root = join(__dirname, '..', '..', '..');

/** Runs the build's bundling step (the last step of `npm run build`) into `folder`. */
function buildBundle(folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'tools/build-workflow-bundle.ts', folder], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bundling exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * A worker run from the TypeScript sources (`npm start`) bundles the workflows at start; the build writes the bundle
 * the compiled worker loads. Both must be the same code, OpenTelemetry's workflow interceptors included, or a trace
 * would stop at the workflow under `npm start` and a history recorded under one could differ under the other.
 */
describe('the workflow bundle', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cadreflow-bundle-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is the same at start from the sources as the one the build writes, tracing interceptors included', async () => {
    const [atStart] = await Promise.all([procedureWorkflowBundle(), buildBundle(folder)]);
    const built = await readFile(join(folder, PREBUILT_BUNDLE_PATH), 'utf8');
    expect('code' in atStart).toBe(true);
    const code = 'code' in atStart ? atStart.code : '';
    expect(code).toContain('interceptors-opentelemetry/lib/workflow-interceptors');
    expect(code).toBe(built);
  }, 300_000);
});
