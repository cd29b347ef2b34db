import type { DataSource } from 'typeorm';
import type { BodyKind, Gender, RelationKind } from '@cadreflow/domain';
import { foldVietnamese } from '../file/vietnamese-text';
import type { RegistryStore } from './registry.store';

/** An organisation as lists show it: names, not ids alone. */
export interface OrganisationView {
  readonly id: string;
  readonly name: string;
  readonly levelKind: string | null;
  readonly levelName: string | null;
  readonly parentId: string | null;
  readonly parentName: string | null;
}

export interface OrganisationDetail {
  readonly organisation: OrganisationView;
  readonly bodies: { readonly id: string; readonly kind: BodyKind; readonly name: string }[];
  readonly children: OrganisationView[];
}

export interface PersonPost {
  readonly postId: string;
  readonly title: string;
  readonly bodyId: string;
  readonly bodyName: string | null;
  readonly from: string;
  readonly to: string | null;
}

export interface PersonSummary {
  readonly id: string;
  readonly fullName: string;
  readonly gender: Gender;
  readonly birthDate: string;
  /** The posts held on the date asked. */
  readonly posts: PersonPost[];
}

export interface PersonMembership {
  readonly bodyId: string;
  readonly bodyName: string | null;
  readonly postId: string | null;
  readonly postTitle: string | null;
  readonly from: string;
  readonly to: string | null;
}

export interface PersonRelative {
  readonly personId: string;
  readonly fullName: string | null;
  readonly kind: RelationKind;
  readonly declaredOn: string;
  /** True when the other person declared the tie (this person is their `kind`). */
  readonly declaredByRelative: boolean;
}

export interface PersonDetail extends PersonSummary {
  /** Every membership begun by the date asked, ended or not. */
  readonly memberships: PersonMembership[];
  readonly relatives: PersonRelative[];
}

export interface PeopleQuery {
  readonly q?: string;
  readonly organisation?: string;
  readonly body?: string;
  readonly on: string;
  readonly page: number;
  readonly pageSize: number;
}

/** The "in force on $1" condition of a records table alias. */
const inForce = (a: string): string =>
  `(${a}.valid_from IS NULL OR ${a}.valid_from <= $1::date) AND (${a}.valid_to IS NULL OR ${a}.valid_to > $1::date)`;
const activeMembership = (a: string): string =>
  `${a}.from_date <= $1::date AND (${a}.to_date IS NULL OR ${a}.to_date > $1::date)`;

/** A LIKE pattern matching the folded query anywhere in a folded name; null for no query. */
function namePattern(q: string | undefined): string | null {
  const folded = foldVietnamese(q ?? '');
  return folded === '' ? null : `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface OrganisationRow {
  id: string;
  name: string;
  level_kind: string | null;
  level_name: string | null;
  parent_id: string | null;
  parent_name: string | null;
}

const ORGANISATION_SELECT = `
  SELECT o.id, o.name, l.data->>'kind' AS level_kind, l.name AS level_name, o.parent_id, p.name AS parent_name
    FROM registry_records o
    LEFT JOIN registry_records l ON l.kind = 'levels' AND l.id = o.data->>'levelId' AND ${inForce('l')}
    LEFT JOIN registry_records p ON p.kind = 'organisations' AND p.id = o.parent_id AND ${inForce('p')}
   WHERE o.kind = 'organisations' AND ${inForce('o')}`;

const toOrganisation = (r: OrganisationRow): OrganisationView => ({
  id: r.id,
  name: r.name,
  levelKind: r.level_kind,
  levelName: r.level_name,
  parentId: r.parent_id,
  parentName: r.parent_name,
});

/**
 * Look-ups for people who read the registry: organisations, bodies and people as of a date, searched by name with
 * or without Vietnamese diacritics (the folded name is matched through a trigram index), with names beside ids.
 */
export class RegistrySearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryStore,
  ) {}

  async organisations(q: string | undefined, on: string): Promise<OrganisationView[]> {
    await this.registry.position();
    const rows: OrganisationRow[] = await this.dataSource.query(
      `${ORGANISATION_SELECT} AND ($2::text IS NULL OR o.name_folded LIKE $2) ORDER BY o.name, o.id LIMIT 500`,
      [on, namePattern(q)],
    );
    return rows.map(toOrganisation);
  }

  /** An organisation with its bodies and the organisations directly under it; undefined when it did not exist. */
  async organisation(id: string, on: string): Promise<OrganisationDetail | undefined> {
    await this.registry.position();
    const [own]: OrganisationRow[] = await this.dataSource.query(`${ORGANISATION_SELECT} AND o.id = $2`, [on, id]);
    if (!own) return undefined;
    const [bodies, children] = await Promise.all([
      this.dataSource.query<{ id: string; kind: BodyKind; name: string }[]>(
        `SELECT b.id, b.data->>'kind' AS kind, b.name FROM registry_records b
          WHERE b.kind = 'bodies' AND b.parent_id = $2 AND ${inForce('b')} ORDER BY b.name, b.id`,
        [on, id],
      ),
      this.dataSource.query<OrganisationRow[]>(`${ORGANISATION_SELECT} AND o.parent_id = $2 ORDER BY o.name, o.id`, [
        on,
        id,
      ]),
    ]);
    return { organisation: toOrganisation(own), bodies, children: children.map(toOrganisation) };
  }

  /** People in force on the date, by name, by body or by organisation (its own bodies), a page at a time. */
  async people(query: PeopleQuery): Promise<{ items: PersonSummary[]; total: number }> {
    await this.registry.position();
    const rows: { id: string; data: Record<string, string>; total: string }[] = await this.dataSource.query(
      `SELECT p.id, p.data, count(*) OVER () AS total FROM registry_records p
        WHERE p.kind = 'people' AND ${inForce('p')}
          AND ($2::text IS NULL OR p.name_folded LIKE $2)
          AND ($3::text IS NULL OR EXISTS (
                SELECT 1 FROM registry_memberships m WHERE m.person_id = p.id AND m.body_id = $3 AND ${activeMembership('m')}))
          AND ($4::text IS NULL OR EXISTS (
                SELECT 1 FROM registry_memberships m
                  JOIN registry_records b ON b.id = m.body_id AND b.kind IN ('organisations', 'bodies') AND ${inForce('b')}
                 WHERE m.person_id = p.id AND ${activeMembership('m')}
                   AND (b.id = $4 OR (b.kind = 'bodies' AND b.parent_id = $4))))
        ORDER BY p.name, p.id LIMIT $5 OFFSET $6`,
      [
        query.on,
        namePattern(query.q),
        query.body ?? null,
        query.organisation ?? null,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      ],
    );
    const posts = await this.posts(
      rows.map((r) => r.id),
      query.on,
    );
    return {
      items: rows.map((r) => this.summary(r.data, posts.get(r.id) ?? [])),
      total: Number(rows[0]?.total ?? 0),
    };
  }

  /** A person as of the date with their posts, memberships and declared relatives; undefined when not in force. */
  async person(id: string, on: string): Promise<PersonDetail | undefined> {
    await this.registry.position();
    const [row]: { data: Record<string, string> }[] = await this.dataSource.query(
      `SELECT p.data FROM registry_records p WHERE p.kind = 'people' AND p.id = $2 AND ${inForce('p')}`,
      [on, id],
    );
    if (!row) return undefined;
    const [posts, memberships, relatives] = await Promise.all([
      this.posts([id], on),
      this.dataSource.query<
        {
          body_id: string;
          body_name: string | null;
          post_id: string | null;
          post_title: string | null;
          from_date: string;
          to_date: string | null;
        }[]
      >(
        `SELECT m.body_id, b.name AS body_name, m.post_id, t.name AS post_title,
                m.from_date::text AS from_date, m.to_date::text AS to_date
           FROM registry_memberships m
           LEFT JOIN registry_records b ON b.id = m.body_id AND b.kind IN ('organisations', 'bodies') AND ${inForce('b')}
           LEFT JOIN registry_records t ON t.id = m.post_id AND t.kind = 'posts' AND ${inForce('t')}
          WHERE m.person_id = $2 AND m.from_date <= $1::date
          ORDER BY m.from_date, m.body_id`,
        [on, id],
      ),
      this.dataSource.query<
        { other_id: string; full_name: string | null; kind: RelationKind; declared_on: string; by_relative: boolean }[]
      >(
        `SELECT DISTINCT ON (other_id, r.kind) other_id, o.name AS full_name, r.kind, r.declared_on::text AS declared_on,
                r.person_id <> $2 AS by_relative
           FROM registry_relations r
           CROSS JOIN LATERAL (SELECT CASE WHEN r.person_id = $2 THEN r.relative_id ELSE r.person_id END AS other_id) x
           LEFT JOIN registry_records o ON o.kind = 'people' AND o.id = other_id AND ${inForce('o')}
          WHERE (r.person_id = $2 OR r.relative_id = $2)
            AND r.declared_on <= $1::date AND (r.valid_to IS NULL OR r.valid_to > $1::date)
          ORDER BY other_id, r.kind, r.declared_on DESC`,
        [on, id],
      ),
    ]);
    return {
      ...this.summary(row.data, posts.get(id) ?? []),
      memberships: memberships.map((m) => ({
        bodyId: m.body_id,
        bodyName: m.body_name,
        postId: m.post_id,
        postTitle: m.post_title,
        from: m.from_date,
        to: m.to_date,
      })),
      relatives: relatives.map((r) => ({
        personId: r.other_id,
        fullName: r.full_name,
        kind: r.kind,
        declaredOn: r.declared_on,
        declaredByRelative: r.by_relative,
      })),
    };
  }

  private summary(data: Record<string, string>, posts: PersonPost[]): PersonSummary {
    return {
      id: data.id,
      fullName: data.fullName,
      gender: data.gender as Gender,
      birthDate: data.birthDate,
      posts,
    };
  }

  /** The posts each of these people holds on the date. */
  private async posts(personIds: string[], on: string): Promise<Map<string, PersonPost[]>> {
    const out = new Map<string, PersonPost[]>();
    if (personIds.length === 0) return out;
    const rows: {
      person_id: string;
      post_id: string;
      title: string;
      body_id: string;
      body_name: string | null;
      from_date: string;
      to_date: string | null;
    }[] = await this.dataSource.query(
      `SELECT m.person_id, m.post_id, t.name AS title, m.body_id, b.name AS body_name,
              m.from_date::text AS from_date, m.to_date::text AS to_date
         FROM registry_memberships m
         JOIN registry_records t ON t.kind = 'posts' AND t.id = m.post_id AND ${inForce('t')}
         LEFT JOIN registry_records b ON b.id = m.body_id AND b.kind IN ('organisations', 'bodies') AND ${inForce('b')}
        WHERE m.person_id = ANY($2) AND ${activeMembership('m')}
        ORDER BY m.from_date`,
      [on, personIds],
    );
    for (const r of rows) {
      const post: PersonPost = {
        postId: r.post_id,
        title: r.title,
        bodyId: r.body_id,
        bodyName: r.body_name,
        from: r.from_date,
        to: r.to_date,
      };
      out.set(r.person_id, [...(out.get(r.person_id) ?? []), post]);
    }
    return out;
  }
}
