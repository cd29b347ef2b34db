import { type DeclaredRelation } from '@cadreflow/domain';
import { type RegistryStore } from '@cadreflow/registry';

/**
 * Where the worker reads declared relatives at decision time (recusal against relatives declared after a
 * procedure's launch). A small interface, so the activity does not depend on how the registry stores them.
 */
export abstract class RelationsSource {
  /** Relations declared on or before `on` (`YYYY-MM-DD`) in which any of `personIds` is either side. */
  abstract relations(personIds: readonly string[], on: string): Promise<DeclaredRelation[]>;
}

/** The organisation registry as the source: the relations it holds as of the day asked. */
export class RegistryRelationsSource extends RelationsSource {
  constructor(private readonly registry: RegistryStore) {
    super();
  }

  relations(personIds: readonly string[], on: string): Promise<DeclaredRelation[]> {
    return this.registry.relations(personIds, on);
  }
}
