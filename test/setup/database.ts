import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@cadreflow/event-store';

/** A fresh, migrated database for one test file. */
export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  /** Runs SQL as the superuser on this database (for tests that play the tamperer). */
  superuserQuery(sql: string, params?: unknown[]): Promise<unknown[]>;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.CADREFLOW_TEST_ADMIN_URL;
  if (!url)
    throw new Error(
      'CADREFLOW_TEST_ADMIN_URL is not set: run tests through jest (the global setup starts PostgreSQL).',
    );
  return url;
}

/** Creates an empty database on the run's PostgreSQL and returns its URL. */
export async function createEmptyDatabase(prefix = 't'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Creates a database, runs every migration (the event store's, and those given, such as the API's read models), and
 * opens a data source on it.
 */
export async function createTestDatabase(
  options: { poolSize?: number; extraMigrations?: Parameters<typeof createDataSource>[0]['extraMigrations'] } = {},
): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const dataSource = createDataSource({
    url: empty.url,
    poolSize: options.poolSize ?? 30,
    extraMigrations: options.extraMigrations,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    url: empty.url,
    dataSource,
    superuserQuery: async (sql, params) => {
      const c = new Client({ connectionString: empty.url });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as unknown[];
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await empty.drop();
    },
  };
}
