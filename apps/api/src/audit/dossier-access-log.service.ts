import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { hasRole } from '../auth/grants';
import { Visibility, organisationIdOf } from '../auth/visibility';
import { ApiError } from '../errors/api-error';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import type { DossierAccessEntryDto, DossierAccessPageDto, DossierAccessQuery } from './dossier-access-log.dto';

/** Days are counted in Vietnam's time, as the committees read them. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

interface EntryRow {
  outcome: 'read' | 'refused';
  at: Date;
  ref: string;
  procedure_id: string;
  subject_id: string;
  reader_id: string | null;
  username: string | null;
  role: string | null;
  body_id: string | null;
  code: string | null;
  purpose: string;
  kind: string;
  procedure_body_id: string;
  total: string;
}

/**
 * The dossier access log without SQL: every read of a personnel file (the `DossierAccessed` events of the procedures'
 * trails) and every refusal (the append-only `dossier_access_refusals`), newest first, for the inspection committee
 * and the Organization Committee, over the procedures they may see. Read straight from the log and the refusals
 * table, not from a read model: the log is the record, and a read shows here as soon as it is recorded.
 */
@Injectable()
export class DossierAccessLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: Visibility,
    private readonly directory: OrganisationDirectory,
  ) {}

  async list(user: AuthenticatedUser, query: DossierAccessQuery): Promise<DossierAccessPageDto> {
    if (!hasRole(user, 'inspection-committee', 'organization-committee')) {
      throw new ApiError(
        403,
        'NOT_ALLOWED',
        'The dossier access log is for the inspection committee and the Organization Committee.',
        { params: { roles: 'inspection-committee, organization-committee' } },
      );
    }
    if (query.from && query.to && query.from > query.to) {
      throw new ApiError(400, 'DATE_RANGE_REVERSED', 'The day "to" comes before the day "from".', {
        field: 'to',
        params: { from: query.from, to: query.to },
      });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const bodies = await this.visibility.bodiesOf(user);
    const wantReads = query.outcome !== 'refused';
    const wantRefusals = query.outcome !== 'read';
    const entries = (limit: number, offset: number): Promise<EntryRow[]> =>
      this.dataSource.query<EntryRow[]>(
        `WITH bounds AS (
         SELECT ($3::date)::timestamp AT TIME ZONE '${TIME_ZONE}' AS lo,
                ($4::date + 1)::timestamp AT TIME ZONE '${TIME_ZONE}' AS hi
       ), entries AS (
         SELECT 'read' AS outcome, e.recorded_at AS at, e.position AS ref, e.stream_id AS procedure_id,
                e.data->>'subjectId' AS subject_id, e.data->>'readerId' AS reader_id, NULL::text AS username,
                e.metadata->>'actorRole' AS role, e.metadata->>'bodyId' AS body_id, NULL::text AS code,
                e.data->>'purpose' AS purpose
           FROM events e, bounds b
          WHERE $5::boolean AND e.type = 'DossierAccessed'
            AND (b.lo IS NULL OR e.recorded_at >= b.lo) AND (b.hi IS NULL OR e.recorded_at < b.hi)
            AND ($1::text IS NULL OR e.data->>'subjectId' = $1) AND ($2::text IS NULL OR e.data->>'readerId' = $2)
         UNION ALL
         SELECT 'refused', r.at, r.id, r.procedure_id, r.subject_id, r.actor_id, u.username, NULL, NULL, r.code,
                r.purpose
           FROM dossier_access_refusals r LEFT JOIN users u ON u.id = r.user_id, bounds b
          WHERE $6::boolean AND (b.lo IS NULL OR r.at >= b.lo) AND (b.hi IS NULL OR r.at < b.hi)
            AND ($1::text IS NULL OR r.subject_id = $1) AND ($2::text IS NULL OR r.actor_id = $2)
       )
       SELECT x.*, s.kind, s.body_id AS procedure_body_id, count(*) OVER () AS total
         FROM entries x JOIN procedure_summaries s ON s.procedure_id = x.procedure_id
        WHERE s.body_id = ANY($7::text[])
        ORDER BY x.at DESC, x.outcome, x.ref DESC
        LIMIT $8 OFFSET $9`,
        [
          query.personId ?? null,
          query.readerId ?? null,
          query.from ?? null,
          query.to ?? null,
          wantReads,
          wantRefusals,
          bodies,
          limit,
          offset,
        ],
      );
    const rows = await entries(pageSize, (page - 1) * pageSize);
    // A page past the end still says how many entries there are.
    const total = Number((rows.length > 0 || page === 1 ? rows : await entries(1, 0))[0]?.total ?? 0);
    const model = await this.directory.model();
    const organisations = rows.map((r) => organisationIdOf(model, r.procedure_body_id) ?? r.procedure_body_id);
    const names = await this.directory.names([
      ...rows.flatMap((r) => [r.subject_id, r.reader_id, r.body_id]),
      ...organisations,
    ]);
    const name = (id: string | null): string | null => (id ? (names[id] ?? null) : null);
    const items = rows.map((r, i): DossierAccessEntryDto => ({
      outcome: r.outcome,
      at: r.at.toISOString(),
      code: r.code,
      subjectId: r.subject_id,
      subjectName: name(r.subject_id) ?? r.subject_id,
      readerId: r.reader_id,
      readerName: name(r.reader_id),
      username: r.username,
      role: r.role,
      bodyName: name(r.body_id),
      purpose: r.purpose,
      procedureId: r.procedure_id,
      procedureKind: r.kind,
      organisationName: name(organisations[i] ?? null) ?? r.procedure_body_id,
      position: r.outcome === 'read' ? Number(r.ref) : null,
    }));
    return { items, total, page, pageSize };
  }
}
