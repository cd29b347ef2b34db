/**
 * `npm run bench`: runs every benchmark and prints one table each. `npm run bench -- event-store` runs one.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runApiBench } from './api.bench';
import { runEventStoreBench } from './event-store.bench';
import { runRegistryBench } from './registry.bench';

/** A benchmark written as its own script (it starts servers as separate processes of its own). */
async function runScript(file: string): Promise<string> {
  const root = join(__dirname, '..');
  const { stdout } = await promisify(execFile)('node', ['-r', './tools/register.js', file], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

const benches: Record<string, () => Promise<string>> = {
  'embedded-temporal': () => runScript('bench/embedded-temporal.bench.ts'),
  'event-store': runEventStoreBench,
  api: runApiBench,
  'workflow-runs': () => runScript('bench/workflow-runs.bench.ts'),
  'worker-cache': () => runScript('bench/worker-cache.bench.ts'),
  registry: runRegistryBench,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in benches));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(benches).join(', ')}\n`);
    process.exit(2);
  }
  for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
    process.stdout.write(`${await benches[name]()}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
