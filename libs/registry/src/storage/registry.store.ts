import type { DataSource } from 'typeorm';
import type {
  Body,
  DeclaredRelation,
  Level,
  Membership,
  OrganisationModel,
  Person,
  Post,
  RelationKind,
} from '@cadreflow/domain';
import type { EventStore } from '@cadreflow/event-store';
import { parseCivilDate } from '../file/civil-date';
import { modelHash, sortModel } from './canonical-model';
import type { EntityKind } from './registry.events';
import { RegistryProjection } from './registry.projection';

/** A model with the registry version it was read at and the hash of its canonical form. */
export interface VersionedModel {
  readonly model: OrganisationModel;
  /** The registry stream's version the tables reflected (0 for an empty registry). */
  readonly version: number;
  /** SHA-256 of the canonical JSON of `model`. */
  readonly hash: string;
}

interface RecordRow {
  kind: EntityKind;
  data: Record<string, string | null>;
}
interface MembershipRow {
  person_id: string;
  body_id: string;
  post_id: string | null;
  from_date: string;
  to_date: string | null;
}
interface RelationRow {
  person_id: string;
  relative_id: string;
  kind: RelationKind;
  declared_on: string;
}

/** A date that is not `YYYY-MM-DD` was asked for: a programming error of the caller, not of the registry data. */
export class InvalidRegistryDateError extends Error {
  constructor(readonly value: string) {
    super(`Registry dates are written YYYY-MM-DD (got "${value}").`);
    this.name = 'InvalidRegistryDateError';
  }
}

function checkDate(on: string): string {
  if (parseCivilDate(on) !== on) throw new InvalidRegistryDateError(on);
  return on;
}

/** The condition "in force on $1" for a table with `valid_from` / `valid_to`. */
export const IN_FORCE = `(valid_from IS NULL OR valid_from <= $1::date) AND (valid_to IS NULL OR valid_to > $1::date)`;

function withoutNulls<T>(data: Record<string, string | null>, keep: readonly string[]): T {
  return Object.fromEntries(Object.entries(data).filter(([k, v]) => v !== null || keep.includes(k))) as T;
}

/** Assembles a domain model from rows, keeping only ties whose people and bodies are in it. */
function assemble(records: RecordRow[], memberships: MembershipRow[], relations: RelationRow[], on?: string) {
  const levels: Level[] = [];
  const bodies: Body[] = [];
  const posts: Post[] = [];
  const people: Person[] = [];
  for (const { kind, data } of records) {
    if (kind === 'levels') levels.push(withoutNulls<Level>(data, ['consultedBodyKind']));
    else if (kind === 'organisations' || kind === 'bodies') bodies.push(withoutNulls<Body>(data, ['parentId']));
    else if (kind === 'posts') posts.push(withoutNulls<Post>(data, []));
    else people.push(withoutNulls<Person>(data, []));
  }
  const personIds = new Set(people.map((p) => p.id));
  const bodyIds = new Set(bodies.map((b) => b.id));
  const ties: Membership[] = memberships
    .filter((m) => personIds.has(m.person_id) && bodyIds.has(m.body_id))
    .map((m) => ({
      personId: m.person_id,
      bodyId: m.body_id,
      ...(m.post_id ? { postId: m.post_id } : {}),
      from: m.from_date,
      // As it stood on `on`, a membership that ends later had no end yet.
      ...(m.to_date && (on === undefined || m.to_date <= on) ? { to: m.to_date } : {}),
    }));
  const declared: DeclaredRelation[] = relations
    .filter((r) => personIds.has(r.person_id) && personIds.has(r.relative_id))
    .map((r) => ({ personId: r.person_id, relativeId: r.relative_id, kind: r.kind, declaredOn: r.declared_on }));
  return sortModel({ levels, bodies, posts, people, memberships: ties, relations: declared });
}

/**
 * The organisation registry as the API and the worker read it: the model as it stood on any date, the snapshot a
 * launch pins, display names and declared relatives. Reads are plain indexed SQL over the projection of the
 * registry stream; they first apply any event the tables do not reflect yet (e.g. after a crash between an append
 * and its projection), so what is read is never behind what was recorded.
 *
 * @example
 * const registry = new RegistryStore(dataSource, new EventStore(dataSource));
 * const { model, version, hash } = await registry.snapshot('org/bac-ninh', '2025-06-30');
 */
export class RegistryStore {
  readonly projection: RegistryProjection;

  constructor(
    private readonly dataSource: DataSource,
    readonly store: EventStore,
  ) {
    this.projection = new RegistryProjection(dataSource, store);
  }

  /**
   * The registry's stream and the version its tables reflect, first applying events recorded but not projected yet
   * (after a crash between an append and its projection, or an import made by another process).
   */
  async position(): Promise<{ streamId: string; version: number } | undefined> {
    const position = await this.projection.position();
    if (!position) return undefined;
    if ((await this.store.streamVersion(position.streamId)) === position.version) return position;
    return { streamId: position.streamId, version: await this.projection.catchUp(position.streamId) };
  }

  /** The registry as it stood on `on` (YYYY-MM-DD). */
  async model(on: string): Promise<VersionedModel> {
    const { model, version } = await this.load(on);
    return { model, version, hash: modelHash(model) };
  }

  private async load(on: string): Promise<{ model: OrganisationModel; version: number }> {
    checkDate(on);
    const version = (await this.position())?.version ?? 0;
    const [records, memberships, relations] = await Promise.all([
      this.dataSource.query<RecordRow[]>(`SELECT kind, data FROM registry_records WHERE ${IN_FORCE}`, [on]),
      this.dataSource.query<MembershipRow[]>(
        `SELECT person_id, body_id, post_id, from_date::text AS from_date, to_date::text AS to_date
           FROM registry_memberships WHERE from_date <= $1::date`,
        [on],
      ),
      this.dataSource.query<RelationRow[]>(
        `SELECT DISTINCT ON (person_id, relative_id, kind) person_id, relative_id, kind, declared_on::text AS declared_on
           FROM registry_relations
          WHERE declared_on <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)
          ORDER BY person_id, relative_id, kind, declared_on DESC`,
        [on],
      ),
    ]);
    return { model: assemble(records, memberships, relations, on), version };
  }

  /**
   * The latest state of every record (whatever its start date), all memberships and the relatives declared and not
   * withdrawn: what an import is compared against.
   */
  async latest(): Promise<VersionedModel> {
    const version = (await this.position())?.version ?? 0;
    const [records, memberships, relations] = await Promise.all([
      this.dataSource.query<RecordRow[]>(`SELECT kind, data FROM registry_records WHERE valid_to IS NULL`),
      this.dataSource.query<MembershipRow[]>(
        `SELECT person_id, body_id, post_id, from_date::text AS from_date, to_date::text AS to_date FROM registry_memberships`,
      ),
      this.dataSource.query<RelationRow[]>(
        `SELECT person_id, relative_id, kind, declared_on::text AS declared_on FROM registry_relations WHERE valid_to IS NULL`,
      ),
    ]);
    const model = assemble(records, memberships, relations);
    return { model, version, hash: modelHash(model) };
  }

  /**
   * What a launch pins: the organisation's subtree and its ancestors, the bodies of all of them (so the consulting
   * and ratifying bodies up the chain are there), their posts, the people who sit in those bodies and their declared
   * relatives, as of `on`.
   */
  async snapshot(organisationId: string, on: string): Promise<VersionedModel> {
    checkDate(on);
    const version = (await this.position())?.version ?? 0;
    // Only the part of the registry the launch needs is read: a province's snapshot reads that province, not the
    // country's registry.
    const organisations = (
      await this.dataSource.query<{ id: string }[]>(
        `WITH RECURSIVE orgs AS (
           SELECT id, parent_id FROM registry_records WHERE kind = 'organisations' AND ${IN_FORCE}),
         up AS (SELECT id, parent_id FROM orgs WHERE id = $2
                UNION SELECT o.id, o.parent_id FROM orgs o JOIN up ON o.id = up.parent_id),
         down AS (SELECT id FROM orgs WHERE id = $2 UNION SELECT o.id FROM orgs o JOIN down ON o.parent_id = down.id)
         SELECT id FROM up UNION SELECT id FROM down`,
        [on, organisationId],
      )
    ).map((r) => r.id);
    const bodies = await this.dataSource.query<(RecordRow & { id: string })[]>(
      `SELECT kind, id, data FROM registry_records
        WHERE ${IN_FORCE} AND (kind = 'levels' OR (kind = 'organisations' AND id = ANY($2))
                               OR (kind = 'bodies' AND parent_id = ANY($2)))`,
      [on, organisations],
    );
    const bodyIds = bodies.filter((b) => b.kind !== 'levels').map((b) => b.id);
    const [posts, memberships] = await Promise.all([
      this.dataSource.query<RecordRow[]>(
        `SELECT kind, data FROM registry_records WHERE kind = 'posts' AND parent_id = ANY($2) AND ${IN_FORCE}`,
        [on, bodyIds],
      ),
      this.dataSource.query<MembershipRow[]>(
        `SELECT person_id, body_id, post_id, from_date::text AS from_date, to_date::text AS to_date
           FROM registry_memberships WHERE body_id = ANY($2) AND from_date <= $1::date`,
        [on, bodyIds],
      ),
    ]);
    const members = [...new Set(memberships.map((m) => m.person_id))];
    const relations = await this.dataSource.query<RelationRow[]>(
      `SELECT DISTINCT ON (person_id, relative_id, kind) person_id, relative_id, kind, declared_on::text AS declared_on
         FROM registry_relations
        WHERE (person_id = ANY($2) OR relative_id = ANY($2))
          AND declared_on <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)
        ORDER BY person_id, relative_id, kind, declared_on DESC`,
      [on, members],
    );
    const personIds = [...new Set([...members, ...relations.flatMap((r) => [r.person_id, r.relative_id])])];
    const people = await this.dataSource.query<RecordRow[]>(
      `SELECT kind, data FROM registry_records WHERE kind = 'people' AND id = ANY($2) AND ${IN_FORCE}`,
      [on, personIds],
    );
    const model = assemble([...bodies, ...posts, ...people], memberships, relations, on);
    return { model, version, hash: modelHash(model) };
  }

  /** Display names of people, bodies, organisations, posts and levels (their latest name; unknown ids left out). */
  async names(ids: readonly string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (id) id, name FROM registry_records WHERE id = ANY($1)
        ORDER BY id, valid_to DESC NULLS FIRST`,
      [[...new Set(ids)]],
    );
    return Object.fromEntries(rows.map((r) => [r.id, r.name]));
  }

  /** Declared relatives of these people as of `on`, whichever side of the tie they were declared on. */
  async relations(personIds: readonly string[], on: string): Promise<DeclaredRelation[]> {
    checkDate(on);
    if (personIds.length === 0) return [];
    await this.position();
    const rows: RelationRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (person_id, relative_id, kind) person_id, relative_id, kind, declared_on::text AS declared_on
         FROM registry_relations
        WHERE (person_id = ANY($2) OR relative_id = ANY($2))
          AND declared_on <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)
        ORDER BY person_id, relative_id, kind, declared_on DESC`,
      [on, [...new Set(personIds)]],
    );
    return rows.map((r) => ({
      personId: r.person_id,
      relativeId: r.relative_id,
      kind: r.kind,
      declaredOn: r.declared_on,
    }));
  }
}
