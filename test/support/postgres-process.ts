/**
 * A PostgreSQL server in a process of its own, for tests that stop and restart the database under a running system
 * (`node -r ./tools/register.js test/support/postgres-process.ts <folder> <port> [durable]`): starts the embedded server on the
 * folder and port, prints `ready <admin url>`, and stops it on SIGTERM or SIGINT. The package that runs the binaries
 * is an ES module, which Node loads and Jest does not; hence a process.
 */
import { startEmbeddedPostgres } from '@cadreflow/event-store';

async function main(): Promise<void> {
  const [dataDir, port, durability] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    // `durable`: the default settings, for runs that kill the server (fast settings lose acknowledged commits then).
    unsafeFast: durability !== 'durable',
    callerHandlesSignals: true,
  });
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`ready ${server.adminUrl}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
