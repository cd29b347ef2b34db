import { startTestPostgres } from './postgres';

/**
 * Starts one PostgreSQL for the whole Jest run (embedded unless `TEST_DATABASE_URL` names a server)
 * and hands its admin URL to the test files through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const server = await startTestPostgres();
  process.env.CADREFLOW_TEST_ADMIN_URL = server.adminUrl;
  (globalThis as { __cadreflowPostgres?: typeof server }).__cadreflowPostgres = server;
}
