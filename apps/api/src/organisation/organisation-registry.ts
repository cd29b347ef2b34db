import type { OrganisationModel } from '@cadreflow/domain';

/** A model as the registry answers it: the model, the registry's version (its stream position) and a hash. */
export interface RegistryModel {
  readonly model: OrganisationModel;
  readonly version: number;
  readonly hash: string;
}

/**
 * What the API reads from the organisation registry (the registry's `RegistryStore` provides it): the model on a
 * date, the snapshot a launch pins, and display names. A class, so it is its own DI token.
 */
export abstract class OrganisationRegistry {
  /** The whole registry as it stood on `on` (YYYY-MM-DD). */
  abstract model(on: string): Promise<RegistryModel>;
  /** What a launch for `organisationId` pins: its subtree, ancestors, their bodies, people and relatives. */
  abstract snapshot(organisationId: string, on: string): Promise<RegistryModel>;
  /** Display names of people, bodies and organisations (unknown ids are left out). */
  abstract names(ids: readonly string[]): Promise<Record<string, string>>;
}
