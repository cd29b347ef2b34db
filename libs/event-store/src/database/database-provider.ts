import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DatabaseConfig } from '@cadreflow/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ensureDatabase } from './ensure-database';

/** Name of the application database inside the embedded server. */
export const EMBEDDED_DATABASE = 'cadreflow';

/** Addresses of a running embedded stack, written by `npm start` so that CLIs can find it. */
export interface RuntimeInfo {
  pid: number;
  databaseUrl: string;
  temporalAddress?: string;
  apiUrl?: string;
}

const runtimeFile = (dataDir: string): string => join(resolve(dataDir), 'runtime.json');

export async function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): Promise<void> {
  await mkdir(resolve(dataDir), { recursive: true });
  await writeFile(runtimeFile(dataDir), `${JSON.stringify(info, null, 2)}\n`);
}

export async function clearRuntimeInfo(dataDir: string): Promise<void> {
  await rm(runtimeFile(dataDir), { force: true });
}

/** The running embedded stack's addresses, if its process is still alive. */
export async function readRuntimeInfo(dataDir: string): Promise<RuntimeInfo | undefined> {
  if (!existsSync(runtimeFile(dataDir))) return undefined;
  const info = JSON.parse(await readFile(runtimeFile(dataDir), 'utf8')) as RuntimeInfo;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return undefined;
  }
}

/** A database URL to use, and how to let go of it. */
export interface ProvidedDatabase {
  url: string;
  embedded: boolean;
  release(): Promise<void>;
}

/**
 * Finds the database: the configured URL; else the embedded server of a running `npm start`; else starts the
 * embedded server on the data folder itself (data kept between runs) and stops it on release. A process that
 * stops itself on SIGINT/SIGTERM says so with `callerHandlesSignals`, and then releases the database last.
 */
export async function provideDatabase(
  database: DatabaseConfig,
  dataDir: string,
  options: { callerHandlesSignals?: boolean; onNotice?: (message: string) => void } = {},
): Promise<ProvidedDatabase> {
  if (database.kind === 'external') return { url: database.url, embedded: false, release: () => Promise.resolve() };
  const running = await readRuntimeInfo(dataDir);
  if (running) return { url: running.databaseUrl, embedded: true, release: () => Promise.resolve() };
  const server = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    callerHandlesSignals: options.callerHandlesSignals,
    onNotice: options.onNotice,
  });
  const url = await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  return { url, embedded: true, release: () => server.stop() };
}
