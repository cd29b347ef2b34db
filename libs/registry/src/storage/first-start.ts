import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DataSource } from 'typeorm';
import { EventStore } from '@cadreflow/event-store';
import { DEMO_PROVINCE_FILE } from '../file/demo-province';
import { RegistryStore } from './registry.store';
import { RegistryWriter, type RegistryActor, type RegistryWriteResult } from './registry.writer';

/** The actor of the import made when the system first starts (no person made it). */
export const FIRST_START_ACTOR: RegistryActor = {
  actorId: 'system/first-start',
  actorRole: 'organization-committee',
  bodyId: 'system',
};

/** The registry file shipped with the system could not be imported: a defect of the release, not of the user. */
export class FirstStartImportError extends Error {
  constructor(
    readonly file: string,
    readonly messages: string[],
  ) {
    super(`The registry file ${file} has ${messages.length} error(s): ${messages.slice(0, 5).join(' | ')}`);
    this.name = 'FirstStartImportError';
  }
}

/**
 * Imports a registry file (the demo province unless told otherwise) through the same code as any customer's
 * import, if the registry is still empty; does nothing otherwise. Pass the process's sealed store where the
 * checkpointer requires append receipts.
 *
 * @returns what was recorded, or undefined when the registry already had data
 * @throws FirstStartImportError when the file has errors (nothing is written)
 */
export async function importOnFirstStart(
  dataSource: DataSource,
  store: EventStore = new EventStore(dataSource),
  file: string = DEMO_PROVINCE_FILE,
): Promise<RegistryWriteResult | undefined> {
  const registry = new RegistryStore(dataSource, store);
  if (await registry.position()) return undefined;
  const writer = new RegistryWriter(dataSource, registry);
  const { preview, result } = await writer.importFile(
    { content: await readFile(file), fileName: basename(file) },
    FIRST_START_ACTOR,
  );
  if (!result) {
    throw new FirstStartImportError(
      file,
      preview.errors.map((e) => `${e.sheet} ${e.row} ${e.column}: ${e.message}`),
    );
  }
  return result;
}
