import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { EventStore } from '@cadreflow/event-store';
import { bodyOfKind, type OrganisationModel } from '@cadreflow/domain';
import {
  commandUpdate,
  domainFailureOf,
  stateQuery,
  withdrawUpdate,
  workflowTypes,
  type ProcedureCommandInput,
  type ProcedureStateView,
  type RecordedEventRef,
} from '@cadreflow/workflows/messages';
import { ApiSettings } from '../api-settings';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { requireActor } from '../auth/grants';
import { organisationIdOf, Visibility } from '../auth/visibility';
import { IdempotencyService } from '../common/idempotency.service';
import { recordedAnswer, requestUpdateId } from '../common/recorded-answer';
import { ApiError } from '../errors/api-error';
import { domainBody } from '../errors/api-error.filter';
import { validationFailed } from '../errors/validation.pipe';
import { Names } from '../organisation/names';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { InvalidRegistryDateError, RegistryStore } from '@cadreflow/registry';
import { ProjectionsService } from '../projections/projections.service';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';
import { buildLaunch, launchedOrganisation } from './launch-builder';
import type { LaunchForm } from './launch.dto';
import type {
  LaunchResultDto,
  ProcedureDetailDto,
  ProcedurePageDto,
  ProcedureStateDto,
  ProcedureSummaryDto,
} from './procedure-views.dto';
import { procedureStateView } from './procedure-views';
import { COMMAND_FIELDS, type ListProceduresQuery, type ProcedureCommandDto, type WithdrawDto } from './procedures.dto';

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

/** Launching procedures, listing them, reading one, withdrawing one (their progress: {@link ProgressService}). */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly settings: ApiSettings,
    private readonly visibility: Visibility,
    private readonly idempotency: IdempotencyService,
    private readonly store: EventStore,
    private readonly directory: OrganisationDirectory,
    private readonly registry: RegistryStore,
    private readonly projections: ProjectionsService,
  ) {}

  /**
   * Starts the workflow of a procedure from a launch form: the launch is built from the registry snapshot of the
   * organisation (pinned in the workflow input with its version and hash) and checked as the workflow will check
   * it, so a launch the rules refuse answers 4xx and starts nothing. With an idempotency key the procedure id is
   * derived from it, so a retried launch finds the procedure it started the first time.
   */
  async launch(
    user: AuthenticatedUser,
    form: LaunchForm,
    idempotencyKey: string | undefined,
  ): Promise<LaunchResultDto> {
    const on = form.launchDate ?? new Date().toISOString().slice(0, 10);
    // A date the registry cannot read names no organisation; a database that does not answer is no reason to say
    // the organisation is unknown (a 422 the client would not retry): that error goes on as a 5xx.
    const snapshot = await this.registry.snapshot(form.organisationId, on).catch((error: unknown) => {
      if (error instanceof InvalidRegistryDateError) return undefined;
      throw error;
    });
    const organisationId = snapshot && launchedOrganisation(snapshot.model, form.organisationId);
    if (!snapshot || !organisationId) {
      throw new ApiError(
        422,
        'LAUNCH_UNKNOWN_ORGANISATION',
        `The registry has no organisation "${form.organisationId}".`,
        {
          field: 'organisationId',
          params: { organisationId: form.organisationId },
        },
      );
    }
    const committee = bodyOfKind(snapshot.model, organisationId, 'organization-committee');
    if (!committee) {
      throw new ApiError(
        422,
        'LAUNCH_NO_ORGANIZATION_COMMITTEE',
        `${organisationId} has no Organization Committee to launch procedures.`,
        { field: 'organisationId', params: { organisationId } },
      );
    }
    const launchedBy = requireActor(user, 'organization-committee', committee.id, 'Launching a procedure');
    const procedureId = idempotencyKey
      ? `proc-${createHash('sha256').update(`${user.userId}\n${idempotencyKey}`).digest('hex').slice(0, 26)}`
      : `proc-${randomUUID()}`;
    await this.checkCandidates(form.candidateIds, snapshot.model, organisationId);
    if (form.kind === 'congress-personnel' && form.delegateCandidateIds) {
      await this.checkCandidates(form.delegateCandidateIds, snapshot.model, organisationId, 'delegateCandidateIds');
    }
    const launch = buildLaunch(form, snapshot, procedureId, launchedBy);
    const client = await this.temporal.get();
    let created = true;
    try {
      await client.workflow.start(workflowTypes[launch.kind], {
        taskQueue: this.settings.taskQueue,
        workflowId: procedureId,
        args: [launch],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError) || !idempotencyKey) throw error;
      created = false;
    }
    const state = await this.launchedState(procedureId);
    await this.awaitSummary(procedureId);
    return { procedureId, created, state: await procedureStateView(this.directory, state) };
  }

  /**
   * Every candidate must be among the people the launch pins (those of the organisation's bodies and above); one the
   * registry knows elsewhere is told apart from one it does not know at all. The 422 names the list item.
   */
  private async checkCandidates(
    candidateIds: readonly string[],
    model: OrganisationModel,
    organisationId: string,
    list = 'candidateIds',
  ): Promise<void> {
    const pinned = new Set(model.people.map((p) => p.id));
    const index = candidateIds.findIndex((id) => !pinned.has(id));
    if (index < 0) return;
    const personId = candidateIds[index];
    const personName = (await this.registry.names([personId]))[personId];
    const field = `${list}.${index}`;
    if (personName === undefined) {
      throw new ApiError(422, 'LAUNCH_UNKNOWN_PERSON', `The registry has no person "${personId}".`, {
        field,
        params: { personId },
      });
    }
    throw new ApiError(
      422,
      'LAUNCH_PERSON_OUTSIDE_ORGANISATION',
      `${personName} (${personId}) holds no post in ${organisationId} or the organisations above it on the launch date.`,
      { field, params: { personId, personName, organisationId } },
    );
  }

  /**
   * Waits (up to about 10 s) until the read models show the procedure, so the launcher's next read finds it. A
   * composite's row comes from its first stage's launch, which its child workflow may record after the composite
   * already reports the stage as started.
   */
  private async awaitSummary(procedureId: string): Promise<void> {
    for (let wait = 25; ; wait *= 2) {
      await this.projections.catchUp();
      const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM procedure_summaries WHERE procedure_id = $1`, [
        procedureId,
      ]);
      if (rows.length > 0 || wait >= 10_000) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Waits (up to 10 s) until the workflow has recorded its launch, so the caller sees the opened steps. */
  private async launchedState(procedureId: string): Promise<ProcedureStateView> {
    let state = await this.liveState(procedureId);
    for (let wait = 25; state.streamVersion === 0 && state.run === 'running' && wait < 10_000; wait *= 2) {
      if (state.kind === 'congress-personnel' && state.stages?.some((s) => s.state !== 'pending')) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
      state = await this.liveState(procedureId);
    }
    return state;
  }

  /** The workflow's current state; a launch the domain refused after all surfaces here as its 4xx. */
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
        const domain = domainFailureOf(failure);
        const body = domainBody(
          domain?.code ?? 'VALIDATION',
          failure?.message ?? 'The procedure could not start.',
          domain?.errorCode ?? 'LAUNCH_REFUSED',
          domain?.params,
        );
        throw new ApiError(body.statusCode, body.code, body.message, body.params ? { params: body.params } : {});
      }
      throw error;
    }
  }

  async list(user: AuthenticatedUser, query: ListProceduresQuery): Promise<ProcedurePageDto> {
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
    add('body_id = ANY(?)', await this.visibility.bodiesOf(user));
    const clause = where.map((w) => `(${w})`).join(' AND ');
    params.push(pageSize, (page - 1) * pageSize);
    const rows: (SummaryRow & { total: string })[] = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM procedure_summaries WHERE ${clause}
        ORDER BY launched_at DESC, procedure_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: await this.summaries(rows), total: Number(rows[0]?.total ?? 0), page, pageSize };
  }

  /** Rows of the procedure list with the names of their bodies, organisations and launchers. */
  private async summaries(rows: readonly SummaryRow[]): Promise<ProcedureSummaryDto[]> {
    const model = await this.directory.model();
    const organisations = rows.map((r) => organisationIdOf(model, r.body_id) ?? null);
    const names = new Names(
      await this.directory.names([...rows.flatMap((r) => [r.body_id, r.launched_by]), ...organisations]),
    );
    return rows.map((r, i) => {
      const organisationId = organisations[i] ?? null;
      const organisationName = organisationId ? names.of(organisationId) : names.of(r.body_id);
      return {
        procedureId: r.procedure_id,
        rootId: r.root_id,
        kind: r.kind,
        titleCode: 'procedure-title',
        titleParams: { organisationName, kind: r.kind },
        bodyId: r.body_id,
        bodyName: names.of(r.body_id),
        organisationId,
        organisationName,
        levelKind: r.level_kind,
        status: r.status,
        rulebookId: r.rulebook_id,
        launchedBy: r.launched_by,
        launchedByName: names.of(r.launched_by),
        launchedAt: r.launched_at.toISOString(),
        endedAt: r.ended_at?.toISOString() ?? null,
        outcome: r.outcome,
      };
    });
  }

  /** One procedure's summary row, if the caller may see it. */
  async summary(user: AuthenticatedUser, procedureId: string): Promise<ProcedureSummaryDto> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT * FROM procedure_summaries WHERE procedure_id = $1`,
      [procedureId],
    );
    const row = rows[0];
    if (!row) {
      throw new ApiError(404, 'PROCEDURE_NOT_FOUND', `No procedure "${procedureId}".`, { params: { procedureId } });
    }
    if (!(await this.visibility.canSee(user, row.body_id))) {
      throw new ApiError(403, 'NOT_ALLOWED', `You may not see procedures of ${row.body_id}.`, {
        params: { bodyId: row.body_id },
      });
    }
    return (await this.summaries([row]))[0];
  }

  async get(user: AuthenticatedUser, procedureId: string): Promise<ProcedureDetailDto> {
    const summary = await this.summary(user, procedureId);
    let state: ProcedureStateDto | null = null;
    if (summary.status === 'running') {
      state = await procedureStateView(this.directory, await this.liveState(procedureId));
    } else if (summary.status === 'failed') {
      // A congress stopped at a failed stage: its ended workflow still says which stage and why, while Temporal keeps
      // it (past its retention the summary, from the log, is all there is).
      const stopped = await this.liveState(procedureId).catch(() => null);
      state = stopped ? await procedureStateView(this.directory, stopped) : null;
    }
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
      const summary = await this.summary(user, procedureId);
      const model = await this.directory.model();
      const committee = summary.organisationId
        ? bodyOfKind(model, summary.organisationId, 'organization-committee')
        : null;
      const actor = requireActor(user, 'organization-committee', committee?.id ?? '', 'Withdrawing a procedure');
      const handle = (await this.temporal.get()).workflow.getHandle(procedureId);
      return handle.executeUpdate(withdrawUpdate, { args: [{ actor, reason: body.reason }], updateId });
    };
    const logged = recordedAnswer(this.store, () => Promise.resolve(procedureId), updateId, this.temporal);
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
    const data = commandData(dto);
    const updateId = requestUpdateId('command', user.userId, idempotencyKey);
    const work = async (): Promise<RecordedEventRef[]> => {
      await this.summary(user, procedureId);
      const actor = requireActor(user, dto.actAs.role, dto.actAs.bodyId, `Sending ${dto.type}`);
      const handle = (await this.temporal.get()).workflow.getHandle(procedureId);
      return handle.executeUpdate(commandUpdate, {
        args: [{ actor, command: { type: dto.type, data } as ProcedureCommandInput }],
        updateId,
      });
    };
    const logged = recordedAnswer(this.store, () => Promise.resolve(procedureId), updateId, this.temporal);
    return this.idempotency.run(user.userId, idempotencyKey, { procedureId, body: dto }, work, logged);
  }
}

/** The data a command of this type takes, or 400 naming each field it needs and lacks. */
function commandData(dto: ProcedureCommandDto): Record<string, unknown> {
  const fields = COMMAND_FIELDS[dto.type];
  const missing = fields.filter((f) => dto.data[f] === undefined);
  if (missing.length > 0) {
    throw validationFailed(
      missing.map((f) => ({
        field: `data.${f}`,
        code: 'FIELD_REQUIRED',
        message: `data.${f} is required for ${dto.type}`,
        params: { type: dto.type },
      })),
    );
  }
  return Object.fromEntries(fields.map((f) => [f, dto.data[f]]));
}
