import type { DeclaredRelation, Membership, OrganisationModel } from '@cadreflow/domain';
import type { RecordKind } from '../file/registry-columns';
import { membershipKey, relationKey } from '../file/registry-file.validator';
import { itemsOfKind } from '../file/registry-file.writer';
import {
  ENTITY_KINDS,
  EVENT_CHUNK,
  type EntityRecord,
  type MembershipKey,
  type RegistryEvent,
} from './registry.events';

/** How many records of one kind an import adds, changes and removes. */
export interface ChangeCount {
  readonly kind: RecordKind;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

/** The events that turn the current registry into the next one, and their counts per kind. */
export interface ChangePlan {
  readonly changes: ChangeCount[];
  readonly events: RegistryEvent[];
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += EVENT_CHUNK) out.push(items.slice(i, i + EVENT_CHUNK));
  return out;
}

/** A record as JSON with its optional fields left out rather than undefined, so equal records compare equal. */
function entityRecord(item: Readonly<Record<string, unknown>>): EntityRecord {
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(item).sort()) {
    const value = item[key];
    // Domain records hold only strings and nulls (validated so); anything else would be a programming error.
    if (value === null || typeof value === 'string') out[key] = value;
    else if (typeof value === 'number') out[key] = String(value);
  }
  return out as EntityRecord;
}

const same = (a: EntityRecord, b: EntityRecord): boolean => JSON.stringify(a) === JSON.stringify(b);

const keyOf = (m: Membership): MembershipKey => ({
  personId: m.personId,
  bodyId: m.bodyId,
  ...(m.postId ? { postId: m.postId } : {}),
  from: m.from,
});

/**
 * What an import (or a change) records: the difference between the registry as it stands and the model the file
 * describes, for the kinds the file brings. Records added take effect from `addedFrom` (null for the first import:
 * the file is the registry from its start), changes and removals from `effectiveFrom`. An open membership the file
 * no longer lists ends on `effectiveFrom` (one that had not begun by then is withdrawn); an ended one stays as
 * history. A pure function: the same registry and file always plan the same events.
 */
export function planChanges(
  current: OrganisationModel,
  next: OrganisationModel,
  kinds: readonly RecordKind[],
  effectiveFrom: string,
  addedFrom: string | null,
): ChangePlan {
  const changes: ChangeCount[] = [];
  const events: RegistryEvent[] = [];
  for (const kind of ENTITY_KINDS.filter((k) => kinds.includes(k))) {
    const before = new Map(itemsOfKind(current, kind).map((i) => [String(i.id), entityRecord(i)]));
    const after = itemsOfKind(next, kind).map(entityRecord);
    const added = after.filter((r) => !before.has(r.id));
    const changed = after.filter((r) => before.has(r.id) && !same(before.get(r.id)!, r));
    const afterIds = new Set(after.map((r) => r.id));
    const removed = [...before.keys()].filter((id) => !afterIds.has(id));
    changes.push({ kind, added: added.length, changed: changed.length, removed: removed.length });
    for (const records of chunks(added)) {
      events.push({ type: 'RegistryRecordsAdded', kind: kind, effectiveFrom: addedFrom, records });
    }
    for (const records of chunks(changed))
      events.push({ type: 'RegistryRecordsChanged', kind, effectiveFrom, records });
    for (const ids of chunks(removed)) events.push({ type: 'RegistryRecordsRemoved', kind, effectiveFrom, ids });
  }
  if (kinds.includes('memberships'))
    planMemberships(current.memberships, next.memberships, effectiveFrom, changes, events);
  if (kinds.includes('relatives')) planRelations(current.relations, next.relations, effectiveFrom, changes, events);
  return { changes, events };
}

function planMemberships(
  current: readonly Membership[],
  next: readonly Membership[],
  effectiveFrom: string,
  changes: ChangeCount[],
  events: RegistryEvent[],
): void {
  const before = new Map(current.map((m) => [membershipKey(m), m]));
  const nextKeys = new Set(next.map(membershipKey));
  const started = next.filter((m) => !before.has(membershipKey(m)));
  const endDated: (MembershipKey & { to: string | null })[] = next
    .filter((m) => before.has(membershipKey(m)) && before.get(membershipKey(m))!.to !== m.to)
    .map((m) => ({ ...keyOf(m), to: m.to ?? null }));
  const withdrawn: MembershipKey[] = [];
  let ended = 0;
  for (const [key, m] of before) {
    if (nextKeys.has(key) || m.to !== undefined) continue;
    if (m.from < effectiveFrom) {
      endDated.push({ ...keyOf(m), to: effectiveFrom });
      ended++;
    } else withdrawn.push(keyOf(m));
  }
  changes.push({
    kind: 'memberships',
    added: started.length,
    changed: endDated.length - ended,
    removed: ended + withdrawn.length,
  });
  for (const memberships of chunks(started)) events.push({ type: 'MembershipsStarted', memberships });
  for (const memberships of chunks(endDated)) events.push({ type: 'MembershipsEndDated', memberships });
  for (const memberships of chunks(withdrawn)) events.push({ type: 'MembershipsWithdrawn', memberships });
}

function planRelations(
  current: readonly DeclaredRelation[],
  next: readonly DeclaredRelation[],
  effectiveFrom: string,
  changes: ChangeCount[],
  events: RegistryEvent[],
): void {
  const before = new Map(current.map((r) => [relationKey(r), r]));
  const after = new Map(next.map((r) => [relationKey(r), r]));
  const declared = next.filter((r) => before.get(relationKey(r))?.declaredOn !== r.declaredOn);
  const redeclared = declared.filter((r) => before.has(relationKey(r)));
  const gone = current.filter((r) => !after.has(relationKey(r)));
  const withdrawn = [...gone, ...redeclared].map((r) => ({
    personId: r.personId,
    relativeId: r.relativeId,
    kind: r.kind,
  }));
  changes.push({
    kind: 'relatives',
    added: declared.length - redeclared.length,
    changed: redeclared.length,
    removed: gone.length,
  });
  for (const relations of chunks(withdrawn)) events.push({ type: 'RelativesWithdrawn', effectiveFrom, relations });
  for (const relations of chunks(declared)) events.push({ type: 'RelativesDeclared', relations });
}
