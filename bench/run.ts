/**
 * `npm run bench`: runs every benchmark and prints one table each. `npm run bench -- event-store` runs one.
 */
import { runApiBench } from './api.bench';
import { runEventStoreBench } from './event-store.bench';

const benches: Record<string, () => Promise<string>> = {
  'event-store': runEventStoreBench,
  api: runApiBench,
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
