import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  bodyById,
  formatPercent,
  levelById,
  organisationsUnder,
  procedureSucceeded,
  type OrganisationModel,
} from '@cadreflow/domain';
import { organisationIdOf } from '../auth/visibility';
import { ApiError } from '../errors/api-error';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import type { LevelProgressDto } from './procedure-views.dto';

/**
 * Progress of a kind of procedure per level, from the read model and the organisation tree alone: a service of its
 * own, so what counts progress needs neither Temporal nor the event store nor the launch's collaborators.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganisationDirectory,
  ) {}

  /**
   * Per level: how many party organisations have completed a procedure of this kind; with `bodyId`, only the party
   * organisation of that body and the organisations under it count.
   */
  async progress(kind: string, bodyId?: string): Promise<LevelProgressDto[]> {
    const model = await this.directory.model();
    const within = bodyId === undefined ? undefined : this.organisationTree(model, bodyId);
    const rows: {
      body_id: string;
      status: string;
      outcome: string | null;
      opinions_requested: number;
      opinions_given: number;
      opinions_favourable: number;
    }[] = await this.dataSource.query(
      `SELECT body_id, status, outcome, opinions_requested, opinions_given, opinions_favourable
         FROM procedure_summaries WHERE kind = $1 AND root_id = procedure_id`,
      [kind],
    );
    type LevelEntry = {
      organisations: Set<string>;
      done: Set<string>;
      running: Set<string>;
      failed: Set<string>;
      opinions: { requested: number; given: number; favourable: number };
    };
    const byLevel = new Map<string, LevelEntry>();
    for (const body of model.bodies) {
      if (body.kind !== 'party-organisation' || (within && !within.has(body.id))) continue;
      const level = levelById(model, body.levelId).kind;
      const entry = byLevel.get(level) ?? {
        organisations: new Set(),
        done: new Set(),
        running: new Set(),
        failed: new Set(),
        opinions: { requested: 0, given: 0, favourable: 0 },
      };
      entry.organisations.add(body.id);
      byLevel.set(level, entry);
    }
    for (const row of rows) {
      const organisationId = organisationIdOf(model, row.body_id);
      if (!organisationId || (within && !within.has(organisationId))) continue;
      const level = levelById(model, bodyById(model, organisationId).levelId).kind;
      const entry = byLevel.get(level);
      if (!entry) continue;
      // A congress whose ratification was refused (or a plan rejected) completed without its result: not done.
      if (row.status === 'completed' && procedureSucceeded(row.outcome)) entry.done.add(organisationId);
      else if (row.status === 'running') entry.running.add(organisationId);
      // A congress stopped at a failed stage (`StageFailed` in the log): neither done nor running.
      else if (row.status === 'failed') entry.failed.add(organisationId);
      // Opinions on cadres count as given once the body gave them, whether or not the request is answered in full.
      entry.opinions.requested += row.opinions_requested;
      entry.opinions.given += row.opinions_given;
      entry.opinions.favourable += row.opinions_favourable;
    }
    return [...byLevel.entries()].map(([levelKind, e]) => {
      const percentDone = formatPercent(e.done.size, e.organisations.size);
      return {
        levelKind,
        organisations: e.organisations.size,
        done: e.done.size,
        running: e.running.size,
        failed: e.failed.size,
        percentDone,
        label: `${e.done.size}/${e.organisations.size} done, ${percentDone}`,
        ...(kind === 'cadre-opinion'
          ? {
              opinionsRequested: e.opinions.requested,
              opinionsGiven: e.opinions.given,
              opinionsFavourable: e.opinions.favourable,
            }
          : {}),
      };
    });
  }

  /** The party organisation of `bodyId` and every party organisation under it. */
  private organisationTree(model: OrganisationModel, bodyId: string): Set<string> {
    const root = organisationIdOf(model, bodyId);
    if (!root) {
      throw new ApiError(422, 'PROGRESS_UNKNOWN_ORGANISATION', `Unknown body "${bodyId}".`, {
        field: 'body',
        params: { bodyId },
      });
    }
    return organisationsUnder(model, [root]);
  }
}
