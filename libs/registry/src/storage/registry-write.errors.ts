import { columnNamed, sheetNamed } from '../file/registry-columns';
import type { RegistryErrorCode, RegistryFileError } from '../file/registry-errors';

/** Named errors of the registry's writes, each with a stable `code` for the HTTP layer. */
export class RegistryImportNotFoundError extends Error {
  readonly code = 'REGISTRY_IMPORT_NOT_FOUND';
  constructor(readonly importId: string) {
    super(`No import preview "${importId}".`);
    this.name = 'RegistryImportNotFoundError';
  }
}

export class RegistryImportInvalidError extends Error {
  readonly code = 'REGISTRY_IMPORT_INVALID';
  constructor(
    readonly importId: string,
    readonly errors: number,
  ) {
    super(`Import ${importId} has ${errors} error(s); correct the file and upload it again.`);
    this.name = 'RegistryImportInvalidError';
  }
}

export class RegistryChangedSincePreviewError extends Error {
  readonly code = 'REGISTRY_CHANGED_SINCE_PREVIEW';
  constructor(readonly importId: string) {
    super(`The registry changed since import ${importId} was previewed; upload the file again to see the changes.`);
    this.name = 'RegistryChangedSincePreviewError';
  }
}

const FIELD_OF_CODE: Partial<Record<RegistryErrorCode, string>> = {
  REGISTRY_DUPLICATE_MEMBERSHIP: 'bodyId',
  REGISTRY_DUPLICATE_RELATION: 'relativeId',
  REGISTRY_CYCLE: 'parentId',
  REGISTRY_ROOT_COUNT: 'parentId',
  REGISTRY_CHANGE_BEFORE_LAST: 'effectiveFrom',
};

/**
 * The field of a change an error of the model it leads to concerns: the column's key, renamed where the change
 * names it otherwise (a person's id is `personId`, dates of ties are the change's `effectiveFrom`).
 */
export function changeField(error: RegistryFileError): string {
  const sheet = sheetNamed(error.sheet);
  const key = sheet && error.column ? columnNamed(sheet, error.column)?.key : undefined;
  if (!sheet || !key) return FIELD_OF_CODE[error.code] ?? 'effectiveFrom';
  if (key === 'id') return sheet.kind === 'people' ? 'personId' : 'id';
  if (key === 'from' || key === 'to' || key === 'declaredOn') return 'effectiveFrom';
  if (key === 'kind') return sheet.kind === 'relatives' ? 'relation' : sheet.kind === 'bodies' ? 'bodyKind' : 'kind';
  if (key === 'title') return 'name';
  return key;
}
