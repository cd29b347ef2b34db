import type { TestPostgres } from './postgres';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __cadreflowPostgres?: TestPostgres }).__cadreflowPostgres;
  await server?.stop();
}
