/**
 * A process for the embedded-PostgreSQL test (`node -r ./tools/register.js embedded-postgres-ctrl-c.ts <folder>`):
 * starts a temporary server, has it stopped as a terminal's Ctrl-C would (the signal reaches PostgreSQL directly),
 * then stops it through the handle. Prints `stopped` only if that stop returns; a stop that never settles lets the
 * process end without it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const server = await startEmbeddedPostgres({
    dataDir,
    temporary: true,
    unsafeFast: true,
    callerHandlesSignals: true,
  });
  const postmaster = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(postmaster, 'SIGINT');
  while (alive(postmaster)) await new Promise((r) => setTimeout(r, 20));
  process.stdout.write(`server ${postmaster} gone\n`);
  await server.stop();
  process.stdout.write('stopped\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
