import { createHash, randomUUID } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { EventStore } from '@cadreflow/event-store';
import {
  bodyById,
  bodyOfKind,
  demoOrganisation,
  formatPercent,
  levelById,
  organisationOf,
  organisationsUnder,
  type OrganisationModel,
} from '@cadreflow/domain';
import {
  commandUpdate,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ProcedureCommandInput,
  type ProcedureStateView,
  type RecordedEventRef,
  type WorkflowLaunch,
} from '@cadreflow/workflows/messages';
import { ApiSettings } from '../api-settings';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { requireActor } from '../auth/grants';
import { Visibility } from '../auth/visibility';
import { IdempotencyService } from '../common/idempotency.service';
import { recordedAnswer, requestUpdateId } from '../common/recorded-answer';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';
import type { LaunchProcedureDto, ListProceduresQuery, ProcedureCommandDto, WithdrawDto } from './procedures.dto';

/** A row of the procedure list. */
export interface ProcedureSummary {
  procedureId: string;
  rootId: string;
  kind: string;
  bodyId: string;
  levelKind: string | null;
  status: string;
  rulebookId: string;
  launchedBy: string;
  launchedAt: string;
  endedAt: string | null;
  outcome: string | null;
}

interface SummaryRow {
  procedure_id: string;
  root_id: string;
  kind: string;
  body_id: string;
  level_kind: string | null;
  status: string;
  rulebook_id: string;
  launched_by: string;
  launched_at: Date;
  ended_at: Date | null;
  outcome: string | null;
}

const toSummary = (r: SummaryRow): ProcedureSummary => ({
  procedureId: r.procedure_id,
  rootId: r.root_id,
  kind: r.kind,
  bodyId: r.body_id,
  levelKind: r.level_kind,
  status: r.status,
  rulebookId: r.rulebook_id,
  launchedBy: r.launched_by,
  launchedAt: r.launched_at.toISOString(),
  endedAt: r.ended_at?.toISOString() ?? null,
  outcome: r.outcome,
});

/** Progress of one kind of procedure at one level: how many of its organisations are done. */
export interface LevelProgress {
  levelKind: string;
  organisations: number;
  done: number;
  running: number;
  percentDone: string;
  /** "14/67 done, 20.90%" */
  label: string;
}

/** Launching procedures, listing them and their progress, reading one, withdrawing one. */
@Injectable()
export class ProceduresService {
  private readonly organisation: OrganisationModel = demoOrganisation;

  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly settings: ApiSettings,
    private readonly visibility: Visibility,
    private readonly idempotency: IdempotencyService,
    private readonly store: EventStore,
  ) {}

  /**
   * Starts the workflow of a procedure. With an idempotency key the procedure id is derived from it, so a retried
   * launch finds the procedure it started the first time instead of starting a second one.
   */
  async launch(
    user: AuthenticatedUser,
    dto: LaunchProcedureDto,
    idempotencyKey: string | undefined,
  ): Promise<{ procedureId: string; created: boolean; state: ProcedureStateView }> {
    let organisationId: string;
    try {
      organisationId = organisationOf(this.organisation, bodyById(this.organisation, dto.bodyId).id).id;
    } catch {
      throw new UnprocessableEntityException({ message: `Unknown body "${dto.bodyId}".`, code: 'VALIDATION' });
    }
    const committee = bodyOfKind(this.organisation, organisationId, 'organization-committee');
    if (!committee) {
      throw new UnprocessableEntityException({
        message: `${organisationId} has no Organization Committee to launch procedures.`,
        code: 'VALIDATION',
      });
    }
    const launchedBy = requireActor(user, 'organization-committee', committee.id, 'Launching a procedure');
    const procedureId = idempotencyKey
      ? `proc-${createHash('sha256').update(`${user.userId}\n${idempotencyKey}`).digest('hex').slice(0, 26)}`
      : `proc-${randomUUID()}`;
    const launch = {
      ...dto.input,
      kind: dto.kind,
      procedureId,
      bodyId: dto.bodyId,
      launchedBy,
      ...(dto.launchDate ? { launchDate: dto.launchDate } : {}),
    } as unknown as WorkflowLaunch;
    const client = await this.temporal.get();
    let created = true;
    try {
      await client.workflow.start(workflowTypes[dto.kind], {
        taskQueue: this.settings.taskQueue,
        workflowId: procedureId,
        args: [launch],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError) || !idempotencyKey) throw error;
      created = false;
    }
    return { procedureId, created, state: await this.launchedState(procedureId) };
  }

  /** Waits (up to 10 s) until the workflow has recorded its launch, so the caller sees the opened steps. */
  private async launchedState(procedureId: string): Promise<ProcedureStateView> {
    let state = await this.liveState(procedureId);
    for (let wait = 25; state.streamVersion === 0 && state.run === 'running' && wait < 10_000; wait *= 2) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      state = await this.liveState(procedureId);
    }
    return state;
  }

  /** The workflow's current state; a launch the domain refused surfaces here as a 422. */
  async liveState(procedureId: string): Promise<ProcedureStateView> {
    const handle = (await this.temporal.get()).workflow.getHandle(procedureId);
    try {
      return await handle.query(stateQuery);
    } catch (error) {
      const description = await handle.describe().catch(() => undefined);
      if (description?.status.name === 'FAILED') {
        const failure = await handle.result().then(
          () => undefined,
          (e: unknown) => (e instanceof WorkflowFailedError ? e.cause : e) as Error | undefined,
        );
        throw new UnprocessableEntityException({
          message: failure?.message ?? 'The procedure could not start.',
          code: 'VALIDATION',
        });
      }
      throw error;
    }
  }

  async list(
    user: AuthenticatedUser,
    query: ListProceduresQuery,
  ): Promise<{ items: ProcedureSummary[]; total: number; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const where: string[] = [`root_id = procedure_id OR $1::text IS NOT NULL`];
    const params: unknown[] = [query.type ?? null];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.type) add('kind = ?', query.type);
    if (query.body) add('body_id = ?', query.body);
    if (query.level) add('level_kind = ?', query.level);
    if (query.status) add('status = ?', query.status);
    const organisations = [...this.visibility.organisationsOf(user)];
    const visibleBodies = this.organisation.bodies.filter((b) => {
      try {
        return organisations.includes(organisationOf(this.organisation, b.id).id);
      } catch {
        return false;
      }
    });
    add(
      'body_id = ANY(?)',
      visibleBodies.map((b) => b.id),
    );
    const clause = where.map((w) => `(${w})`).join(' AND ');
    params.push(pageSize, (page - 1) * pageSize);
    const rows: (SummaryRow & { total: string })[] = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM procedure_summaries WHERE ${clause}
        ORDER BY launched_at DESC, procedure_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(toSummary), total: Number(rows[0]?.total ?? 0), page, pageSize };
  }

  /**
   * Per level: how many party organisations have completed a procedure of this kind; with `bodyId`, only the party
   * organisation of that body and the organisations under it count.
   */
  async progress(kind: string, bodyId?: string): Promise<LevelProgress[]> {
    const within = bodyId === undefined ? undefined : this.organisationTree(bodyId);
    const rows: { body_id: string; status: string }[] = await this.dataSource.query(
      `SELECT body_id, status FROM procedure_summaries WHERE kind = $1 AND root_id = procedure_id`,
      [kind],
    );
    const byLevel = new Map<string, { organisations: Set<string>; done: Set<string>; running: Set<string> }>();
    for (const body of this.organisation.bodies) {
      if (body.kind !== 'party-organisation' || (within && !within.has(body.id))) continue;
      const level = levelById(this.organisation, body.levelId).kind;
      const entry = byLevel.get(level) ?? { organisations: new Set(), done: new Set(), running: new Set() };
      entry.organisations.add(body.id);
      byLevel.set(level, entry);
    }
    for (const row of rows) {
      let organisationId: string;
      try {
        organisationId = organisationOf(this.organisation, row.body_id).id;
      } catch {
        continue;
      }
      if (within && !within.has(organisationId)) continue;
      const level = levelById(this.organisation, bodyById(this.organisation, organisationId).levelId).kind;
      const entry = byLevel.get(level);
      if (!entry) continue;
      if (row.status === 'completed') entry.done.add(organisationId);
      else if (row.status === 'running') entry.running.add(organisationId);
    }
    return [...byLevel.entries()].map(([levelKind, e]) => {
      const percentDone = formatPercent(e.done.size, e.organisations.size);
      return {
        levelKind,
        organisations: e.organisations.size,
        done: e.done.size,
        running: e.running.size,
        percentDone,
        label: `${e.done.size}/${e.organisations.size} done, ${percentDone}`,
      };
    });
  }

  /** The party organisation of `bodyId` and every party organisation under it. */
  private organisationTree(bodyId: string): Set<string> {
    let root: string;
    try {
      root = organisationOf(this.organisation, bodyId).id;
    } catch {
      throw new UnprocessableEntityException({ message: `Unknown body "${bodyId}".`, code: 'VALIDATION' });
    }
    return organisationsUnder(this.organisation, [root]);
  }

  async get(
    user: AuthenticatedUser,
    procedureId: string,
  ): Promise<{ summary: ProcedureSummary; state: ProcedureStateView | null }> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT * FROM procedure_summaries WHERE procedure_id = $1`,
      [procedureId],
    );
    if (!rows[0]) throw new NotFoundException({ message: `No procedure "${procedureId}".`, code: 'NOT_FOUND' });
    if (!this.visibility.canSee(user, rows[0].body_id)) {
      throw new ForbiddenException({
        message: `You may not see procedures of ${rows[0].body_id}.`,
        code: 'NOT_ALLOWED',
      });
    }
    const summary = toSummary(rows[0]);
    const state = summary.status === 'running' ? await this.liveState(procedureId) : null;
    return { summary, state };
  }

  /** Withdraws a procedure, recording why; answers with the recorded events (once per Idempotency-Key). */
  async withdraw(
    user: AuthenticatedUser,
    procedureId: string,
    body: WithdrawDto,
    idempotencyKey: string,
  ): Promise<RecordedEventRef[]> {
    const updateId = requestUpdateId('withdraw', user.userId, idempotencyKey);
    const work = async (): Promise<RecordedEventRef[]> => {
      const { summary } = await this.get(user, procedureId);
      const organisationId = organisationOf(this.organisation, summary.bodyId).id;
      const committee = bodyOfKind(this.organisation, organisationId, 'organization-committee');
      const actor = requireActor(user, 'organization-committee', committee?.id ?? '', 'Withdrawing a procedure');
      const handle = (await this.temporal.get()).workflow.getHandle(procedureId);
      return handle.executeUpdate(withdrawUpdate, { args: [{ actor, reason: body.reason }], updateId });
    };
    const logged = recordedAnswer(this.store, () => Promise.resolve(procedureId), updateId);
    return this.idempotency.run(user.userId, idempotencyKey, { procedureId, body }, work, logged);
  }

  /**
   * Sends another command of the procedure (submit a plan, drop a candidate, file a declaration...); answers with the
   * recorded events (once per Idempotency-Key).
   */
  async command(
    user: AuthenticatedUser,
    procedureId: string,
    dto: ProcedureCommandDto,
    idempotencyKey: string,
  ): Promise<RecordedEventRef[]> {
    const updateId = requestUpdateId('command', user.userId, idempotencyKey);
    const work = async (): Promise<RecordedEventRef[]> => {
      await this.get(user, procedureId);
      const actor = requireActor(user, dto.actAs.role, dto.actAs.bodyId, `Sending ${dto.type}`);
      const handle = (await this.temporal.get()).workflow.getHandle(procedureId);
      return handle.executeUpdate(commandUpdate, {
        args: [{ actor, command: { type: dto.type, data: dto.data } as ProcedureCommandInput }],
        updateId,
      });
    };
    const logged = recordedAnswer(this.store, () => Promise.resolve(procedureId), updateId);
    return this.idempotency.run(user.userId, idempotencyKey, { procedureId, body: dto }, work, logged);
  }
}
