import type { DeclaredRelation, Membership, RelationKind } from '@cadreflow/domain';
import type { RecordKind } from '../file/registry-columns';

/** Kinds of registry records that have an id and dates of their own (memberships and relatives are dated ties). */
export type EntityKind = Exclude<RecordKind, 'memberships' | 'relatives'>;
export const ENTITY_KINDS: readonly EntityKind[] = ['levels', 'organisations', 'bodies', 'posts', 'people'];

/** A level, organisation, body, post or person as the domain types it, as JSON. */
export type EntityRecord = { readonly id: string } & Readonly<Record<string, string | null>>;

/** The identity of a membership. */
export type MembershipKey = Pick<Membership, 'personId' | 'bodyId' | 'postId' | 'from'>;

/** The identity of a declared relation. */
export interface RelationKey {
  readonly personId: string;
  readonly relativeId: string;
  readonly kind: RelationKind;
}

/**
 * What the registry stream records. Each event says what changed and from which date it takes effect; who and
 * when are in its metadata and the log. A big import is several events of at most {@link EVENT_CHUNK} items.
 */
export type RegistryEvent =
  /** Records added; `effectiveFrom` null for a first import (the file describes the registry from its start). */
  | { type: 'RegistryRecordsAdded'; kind: EntityKind; effectiveFrom: string | null; records: EntityRecord[] }
  /** Records whose fields changed (a rename, a move under another organisation), from `effectiveFrom`. */
  | { type: 'RegistryRecordsChanged'; kind: EntityKind; effectiveFrom: string; records: EntityRecord[] }
  /** Records that no longer exist from `effectiveFrom` (an abolished district, a person who left the registry). */
  | { type: 'RegistryRecordsRemoved'; kind: EntityKind; effectiveFrom: string; ids: string[] }
  /** People who took up memberships or posts (each membership carries its own dates). */
  | { type: 'MembershipsStarted'; memberships: Membership[] }
  /** Memberships whose end date is set (a person leaves, moves, retires), changed or cleared (`to` null). */
  | { type: 'MembershipsEndDated'; memberships: (MembershipKey & { to: string | null })[] }
  /** Memberships taken back before they began (recorded in error). */
  | { type: 'MembershipsWithdrawn'; memberships: MembershipKey[] }
  /** Relatives declared (Điều 205/114 ties), each on its declaration date. */
  | { type: 'RelativesDeclared'; relations: DeclaredRelation[] }
  /** Declarations withdrawn from `effectiveFrom`. */
  | { type: 'RelativesWithdrawn'; effectiveFrom: string; relations: RelationKey[] };

export type RegistryEventType = RegistryEvent['type'];

/** Items per event: a 2,000-person import is a handful of events, none of them huge. */
export const EVENT_CHUNK = 500;

/** The stream of a registry: one per root organisation. */
export function registryStreamId(rootOrganisationId: string): string {
  return `registry/${rootOrganisationId}`;
}
