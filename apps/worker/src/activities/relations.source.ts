import { compareIsoDates, type DeclaredRelation, type OrganisationModel } from '@cadreflow/domain';

/**
 * Where the worker reads declared relatives at decision time (recusal against relatives declared after a
 * procedure's launch). The organisation registry (`RegistryStore.relations`) is the production source; this small
 * interface keeps the activity independent of how the registry stores them.
 */
export abstract class RelationsSource {
  /** Relations declared on or before `on` (`YYYY-MM-DD`) in which any of `personIds` is either side. */
  abstract relations(personIds: readonly string[], on: string): Promise<DeclaredRelation[]>;
}

/** The relations of one organisation model as it stands now (e.g. one loaded from a file the registry exported). */
export class ModelRelationsSource extends RelationsSource {
  constructor(private readonly model: () => OrganisationModel) {
    super();
  }

  relations(personIds: readonly string[], on: string): Promise<DeclaredRelation[]> {
    const wanted = new Set(personIds);
    return Promise.resolve(
      this.model().relations.filter(
        (r) => (wanted.has(r.personId) || wanted.has(r.relativeId)) && compareIsoDates(r.declaredOn, on) <= 0,
      ),
    );
  }
}

/**
 * The source of a worker that runs without an organisation registry: nothing was declared after any launch, so
 * recusal rests on the relatives each procedure's registry snapshot declared.
 */
export class NoRegistryRelationsSource extends RelationsSource {
  relations(): Promise<DeclaredRelation[]> {
    return Promise.resolve([]);
  }
}
