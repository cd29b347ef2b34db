import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Global setup runs outside Jest's module mapper, so this import is relative.
import { startEmbeddedPostgres } from '../../libs/event-store/src/database/embedded-postgres';

/** A PostgreSQL server for one test run. */
export interface TestPostgres {
  /** URL of the `postgres` maintenance database; test files create their own databases from it. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** The run's PostgreSQL: embedded in a temporary folder, unless `TEST_DATABASE_URL` names a server. */
export async function startTestPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stop: () => Promise.resolve() };
  const dir = await mkdtemp(join(tmpdir(), 'cadreflow-test-pg-'));
  return startEmbeddedPostgres({ dataDir: join(dir, 'data'), temporary: true, unsafeFast: !options.durable });
}
