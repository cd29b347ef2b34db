import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent } from '@cadreflow/event-store';
import { foldVietnamese } from '../file/vietnamese-text';
import type { EntityKind, EntityRecord, MembershipKey, RegistryEvent } from './registry.events';

/** The display name and the parent of a record, as its kind names them. */
function nameAndParent(kind: EntityKind, record: EntityRecord): { name: string; parentId: string | null } {
  switch (kind) {
    case 'posts':
      return { name: record.title ?? '', parentId: record.bodyId ?? null };
    case 'people':
      return { name: record.fullName ?? '', parentId: null };
    case 'organisations':
    case 'bodies':
      return { name: record.name ?? '', parentId: record.parentId ?? null };
    case 'levels':
      return { name: record.name ?? '', parentId: null };
  }
}

async function insertRecords(
  tx: EntityManager,
  kind: EntityKind,
  validFrom: string | null,
  records: EntityRecord[],
  version: number,
): Promise<void> {
  const named = records.map((r) => ({ record: r, ...nameAndParent(kind, r) }));
  await tx.query(
    `INSERT INTO registry_records (kind, id, valid_from, parent_id, name, name_folded, data, recorded_version)
     SELECT $1, r.id, $2::date, r.parent_id, r.name, r.name_folded, r.data, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[]) AS r(id, parent_id, name, name_folded, data)`,
    [
      kind,
      validFrom,
      version,
      named.map((n) => n.record.id),
      named.map((n) => n.parentId),
      named.map((n) => n.name),
      named.map((n) => foldVietnamese(n.name)),
      named.map((n) => JSON.stringify(n.record)),
    ],
  );
}

/** Ends the current rows of these ids on `on`; a row that began that same day is dropped (it never held). */
async function closeRecords(tx: EntityManager, kind: EntityKind, ids: string[], on: string): Promise<void> {
  await tx.query(
    `DELETE FROM registry_records WHERE kind = $1 AND id = ANY($2) AND valid_to IS NULL AND valid_from = $3::date`,
    [kind, ids, on],
  );
  await tx.query(
    `UPDATE registry_records SET valid_to = $3::date WHERE kind = $1 AND id = ANY($2) AND valid_to IS NULL`,
    [kind, ids, on],
  );
}

const membershipKeyParams = (keys: MembershipKey[]): string[][] => [
  keys.map((k) => k.personId),
  keys.map((k) => k.bodyId),
  keys.map((k) => k.postId ?? ''),
  keys.map((k) => k.from),
];

const KEY_MATCH = `m.person_id = k.person_id AND m.body_id = k.body_id AND coalesce(m.post_id, '') = k.post_id
  AND m.from_date = k.from_date::date`;

/** Applies one registry event to the read-model tables. */
async function applyEvent(tx: EntityManager, event: RegistryEvent, version: number): Promise<void> {
  switch (event.type) {
    case 'RegistryRecordsAdded':
      return insertRecords(tx, event.kind, event.effectiveFrom, event.records, version);
    case 'RegistryRecordsChanged':
      await closeRecords(
        tx,
        event.kind,
        event.records.map((r) => r.id),
        event.effectiveFrom,
      );
      return insertRecords(tx, event.kind, event.effectiveFrom, event.records, version);
    case 'RegistryRecordsRemoved':
      return closeRecords(tx, event.kind, event.ids, event.effectiveFrom);
    case 'MembershipsStarted': {
      const m = event.memberships;
      await tx.query(
        `INSERT INTO registry_memberships (person_id, body_id, post_id, from_date, to_date, recorded_version)
         SELECT person_id, body_id, nullif(post_id, ''), from_date::date, to_date::date, $6
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             AS r(person_id, body_id, post_id, from_date, to_date)`,
        [...membershipKeyParams(m), m.map((x) => x.to ?? null), version],
      );
      return;
    }
    case 'MembershipsEndDated':
      await tx.query(
        `UPDATE registry_memberships m SET to_date = k.to_date::date, recorded_version = $6
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             AS k(person_id, body_id, post_id, from_date, to_date)
          WHERE ${KEY_MATCH}`,
        [...membershipKeyParams(event.memberships), event.memberships.map((x) => x.to), version],
      );
      return;
    case 'MembershipsWithdrawn':
      await tx.query(
        `DELETE FROM registry_memberships m
          USING unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(person_id, body_id, post_id, from_date)
          WHERE ${KEY_MATCH}`,
        membershipKeyParams(event.memberships),
      );
      return;
    case 'RelativesDeclared': {
      const r = event.relations;
      await tx.query(
        `INSERT INTO registry_relations (person_id, relative_id, kind, declared_on, recorded_version)
         SELECT person_id, relative_id, kind, declared_on::date, $5
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(person_id, relative_id, kind, declared_on)`,
        [
          r.map((x) => x.personId),
          r.map((x) => x.relativeId),
          r.map((x) => x.kind),
          r.map((x) => x.declaredOn),
          version,
        ],
      );
      return;
    }
    case 'RelativesWithdrawn': {
      const r = event.relations;
      await tx.query(
        `UPDATE registry_relations x SET valid_to = $4::date
           FROM unnest($1::text[], $2::text[], $3::text[]) AS k(person_id, relative_id, kind)
          WHERE x.person_id = k.person_id AND x.relative_id = k.relative_id AND x.kind = k.kind AND x.valid_to IS NULL`,
        [r.map((x) => x.personId), r.map((x) => x.relativeId), r.map((x) => x.kind), event.effectiveFrom],
      );
      return;
    }
    default: {
      const _never: never = event;
      return _never;
    }
  }
}

/**
 * Keeps the registry tables level with the registry stream. The tables and the version they reflect change in one
 * transaction, under a lock on the position row, so two processes catching up at once apply each event once.
 */
export class RegistryProjection {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  /** The registry's stream and the version the tables reflect (undefined before the first import). */
  async position(): Promise<{ streamId: string; version: number } | undefined> {
    const rows: { stream_id: string; version: number }[] = await this.dataSource.query(
      `SELECT stream_id, version FROM registry_position LIMIT 1`,
    );
    return rows[0] ? { streamId: rows[0].stream_id, version: rows[0].version } : undefined;
  }

  /** Applies the stream's events the tables do not reflect yet; returns the version they reflect now. */
  async catchUp(streamId: string): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO registry_position (stream_id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING`, [
        streamId,
      ]);
      const [{ version }] = await tx.query<{ version: number }[]>(
        `SELECT version FROM registry_position WHERE stream_id = $1 FOR UPDATE`,
        [streamId],
      );
      const events: RecordedEvent[] = await this.store.readStream(streamId, version + 1);
      for (const event of events) {
        await applyEvent(tx, { type: event.type, ...event.data } as unknown as RegistryEvent, event.streamVersion);
      }
      const reached = events.at(-1)?.streamVersion ?? version;
      await tx.query(`UPDATE registry_position SET version = $2 WHERE stream_id = $1`, [streamId, reached]);
      return reached;
    });
  }
}
