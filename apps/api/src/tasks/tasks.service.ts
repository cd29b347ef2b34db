import { Injectable } from '@nestjs/common';
import { filter, map, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { recusalGround } from '@cadreflow/domain';
import { EventStore, preparedQuery } from '@cadreflow/event-store';
import {
  decideUpdate,
  stateQuery,
  type ActorRef,
  type OpenStepView,
  type StepDecisionInput,
} from '@cadreflow/workflows/messages';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { bodiesCovered, grantCovers, requireActor } from '../auth/grants';
import { organisationIdOf } from '../auth/visibility';
import { IdempotencyService } from '../common/idempotency.service';
import { recordedAnswer, requestUpdateId } from '../common/recorded-answer';
import { ApiError } from '../errors/api-error';
import { Names } from '../organisation/names';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { stepPersonParams } from '../procedures/procedure-views';
import { ReadModelFeed } from '../projections/read-model-feed.service';
import type { TaskChange } from '../projections/read-model.projection';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';
import type { DecisionResultDto, TaskDto, TaskPageDto } from './task-views.dto';
import type { DecisionDto, TaskQueueQuery } from './tasks.dto';

interface TaskRow {
  task_id: string;
  procedure_id: string;
  root_id: string;
  procedure_kind: string | null;
  root_kind: string | null;
  step_id: string;
  step_kind: string | null;
  step_params: Record<string, string | number> | null;
  title: string;
  body_id: string;
  role: string;
  decision: string;
  due_date: string;
  days_left: number;
  subject_ids: string[];
  escalated: boolean;
  status: string;
  outcome: string | null;
  opened_at: Date;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  overdue: boolean;
}

const SORTS = {
  due: 't.due_date ASC',
  '-due': 't.due_date DESC',
  opened: 't.opened_at ASC',
  '-opened': 't.opened_at DESC',
} as const;
const COLUMNS = `t.task_id, t.procedure_id, t.root_id, t.procedure_kind, r.kind AS root_kind, t.step_id, t.step_kind,
  t.step_params, t.title, t.body_id, t.role, t.decision, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
  (t.due_date - current_date) AS days_left, t.subject_ids, t.escalated, t.status, t.outcome, t.opened_at,
  t.claimed_by, u.display_name AS claimed_by_name, t.claimed_at, t.due_date < current_date AS overdue`;
const FROM = `tasks t LEFT JOIN procedure_summaries r ON r.procedure_id = t.root_id LEFT JOIN users u ON u.id = t.claimed_by`;

const peopleIn = stepPersonParams;

/** The approvers' queue: listing, claiming and deciding tasks. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly idempotency: IdempotencyService,
    private readonly store: EventStore,
    private readonly directory: OrganisationDirectory,
    private readonly feed: ReadModelFeed,
  ) {}

  /** Rows as the API answers them, with the names of what they name. */
  private async views(rows: readonly TaskRow[]): Promise<TaskDto[]> {
    const model = await this.directory.model();
    const organisations = rows.map((r) => organisationIdOf(model, r.body_id) ?? null);
    const names = new Names(
      await this.directory.names([
        ...organisations,
        ...rows.flatMap((r) => [r.body_id, ...r.subject_ids, ...peopleIn(r.step_params)]),
      ]),
    );
    const person = (personId: string): { personId: string; personName: string } => ({
      personId,
      personName: names.of(personId),
    });
    return rows.map((r, i) => {
      const organisationId = organisations[i] ?? null;
      const organisationName = names.of(organisationId ?? r.body_id);
      return {
        taskId: r.task_id,
        procedureId: r.procedure_id,
        rootId: r.root_id,
        procedureKind: r.procedure_kind,
        rootKind: r.root_kind,
        procedureTitleCode: 'procedure-title',
        procedureTitleParams: { organisationName, kind: r.root_kind ?? r.procedure_kind ?? '' },
        stepId: r.step_id,
        stepKind: r.step_kind,
        stepParams: r.step_params ?? {},
        stepPeople: peopleIn(r.step_params).map(person),
        title: r.title,
        organisationId,
        organisationName,
        bodyId: r.body_id,
        bodyName: names.of(r.body_id),
        role: r.role,
        decision: r.decision,
        subjects: r.subject_ids.map(person),
        dueDate: r.due_date,
        daysLeft: Number(r.days_left),
        overdue: r.overdue,
        escalated: r.escalated,
        status: r.status,
        outcome: r.outcome,
        openedAt: r.opened_at.toISOString(),
        claimedBy: r.claimed_by,
        claimedByName: r.claimed_by_name,
        claimedAt: r.claimed_at?.toISOString() ?? null,
      };
    });
  }

  /** Open tasks the caller's roles and bodies may act on. */
  async queue(user: AuthenticatedUser, q: TaskQueueQuery): Promise<TaskPageDto> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const covered = user.grants.flatMap((g) => bodiesCovered(g).map((bodyId) => ({ role: g.role, bodyId })));
    const params: unknown[] = [covered.map((g) => g.role), covered.map((g) => g.bodyId)];
    const where = [`t.status = 'open'`, `(t.role, t.body_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.type) add('t.procedure_kind = ?', q.type);
    if (q.body) add('t.body_id = ?', q.body);
    if (q.dueBefore) add('t.due_date < ?::date', q.dueBefore);
    if (q.overdue === 'true') where.push('t.due_date < current_date');
    if (q.overdue === 'false') where.push('t.due_date >= current_date');
    params.push(pageSize, (page - 1) * pageSize);
    const rows: (TaskRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY ${SORTS[q.sort ?? 'due']}, t.task_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: await this.views(rows), total: Number(rows[0]?.total ?? 0), page, pageSize };
  }

  async get(user: AuthenticatedUser, taskId: string): Promise<TaskDto> {
    const rows = await preparedQuery<TaskRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${FROM} WHERE t.task_id = $1`, [
      taskId,
    ]);
    const row = rows[0];
    if (!row) throw new ApiError(404, 'TASK_NOT_FOUND', `No task "${taskId}".`, { params: { taskId } });
    if (!user.grants.some((g) => grantCovers(g, row.role, row.body_id))) {
      throw new ApiError(
        403,
        'NOT_ALLOWED',
        `This task is for the ${row.role} of ${row.body_id}, which you do not act for.`,
        { params: { role: row.role, bodyId: row.body_id } },
      );
    }
    return (await this.views([row]))[0];
  }

  /** Takes a task so that other approvers of the body see it is being handled. */
  async claim(user: AuthenticatedUser, taskId: string): Promise<TaskDto> {
    const task = await this.openTask(user, taskId);
    await this.eligibleActor(user, task);
    const rows = await preparedQuery(
      this.dataSource,
      `UPDATE tasks SET claimed_by = $2, claimed_at = now()
        WHERE task_id = $1 AND status = 'open' AND (claimed_by IS NULL OR claimed_by = $2) RETURNING 1`,
      [taskId, user.userId],
    );
    if (rows.length === 0) {
      const holder = await this.get(user, taskId);
      throw new ApiError(409, 'TASK_CLAIMED_BY_OTHER', 'Another approver has claimed this task.', {
        params: { claimedBy: holder.claimedByName ?? holder.claimedBy ?? '' },
      });
    }
    return this.get(user, taskId);
  }

  async unclaim(user: AuthenticatedUser, taskId: string): Promise<TaskDto> {
    await this.openTask(user, taskId);
    const rows = await preparedQuery(
      this.dataSource,
      `UPDATE tasks SET claimed_by = NULL, claimed_at = NULL WHERE task_id = $1 AND claimed_by = $2 RETURNING 1`,
      [taskId, user.userId],
    );
    if (rows.length === 0) throw new ApiError(409, 'TASK_NOT_CLAIMED', 'You have not claimed this task.');
    return this.get(user, taskId);
  }

  /**
   * Decides a task: the workflow's validator has the last word (and records nothing on refusal); the answer is
   * the recorded events, durable in the log, with their positions and hashes. A retry with the same Idempotency-Key
   * is answered from the log.
   */
  async decide(
    user: AuthenticatedUser,
    taskId: string,
    dto: DecisionDto,
    idempotencyKey: string,
  ): Promise<DecisionResultDto> {
    const updateId = requestUpdateId('decide', user.userId, idempotencyKey);
    const work = async (): Promise<DecisionResultDto> => {
      const task = await this.openTask(user, taskId);
      if (task.claimedBy && task.claimedBy !== user.userId) {
        throw new ApiError(409, 'TASK_CLAIMED_BY_OTHER', 'Another approver has claimed this task; they decide it.', {
          params: { claimedBy: task.claimedByName ?? task.claimedBy },
        });
      }
      // Recusal and four-eyes are the workflow validator's to enforce here (it refuses with RECUSED / NOT_ALLOWED
      // and records nothing); checking them again first would cost a query of the workflow on every decision.
      const actor = requireActor(user, task.role, task.bodyId, `Deciding "${task.title}"`);
      const handle = (await this.temporal.get()).workflow.getHandle(task.procedureId);
      const events = await handle.executeUpdate(decideUpdate, {
        args: [{ stepId: task.stepId, actor, decision: toDecision(dto) }],
        updateId,
      });
      return { taskId, events };
    };
    const recorded = recordedAnswer(this.store, () => this.procedureOf(taskId), updateId, this.temporal);
    return this.idempotency.run(user.userId, idempotencyKey, { taskId, dto }, work, {
      isLogged: (answer) => recorded.isLogged(answer.events),
      recall: async () => {
        const events = await recorded.recall();
        return events && { taskId, events };
      },
    });
  }

  /** Task changes the caller may act on, as server-sent events. */
  changes(user: AuthenticatedUser): Observable<{ data: TaskChange; type: string }> {
    const mine = (role: string, bodyId: string): boolean => user.grants.some((g) => grantCovers(g, role, bodyId));
    return this.feed.changes.pipe(
      filter((c) => mine(c.role, c.bodyId)),
      map((c) => ({ type: c.status === 'open' ? 'task-opened' : 'task-closed', data: c })),
    );
  }

  /** The procedure a task belongs to (closed tasks stay in the read model). */
  private async procedureOf(taskId: string): Promise<string | undefined> {
    const rows = await preparedQuery<{ procedure_id: string }>(
      this.dataSource,
      `SELECT procedure_id FROM tasks WHERE task_id = $1`,
      [taskId],
    );
    return rows[0]?.procedure_id;
  }

  private async openTask(user: AuthenticatedUser, taskId: string): Promise<TaskDto> {
    const task = await this.get(user, taskId);
    if (task.status !== 'open') {
      throw new ApiError(409, 'TASK_CLOSED', `This task is already closed (${task.outcome ?? 'done'}).`, {
        params: { outcome: task.outcome ?? '' },
      });
    }
    return task;
  }

  /**
   * The caller as the step's decider, after recusal and four-eyes (QĐ 205/114): the person concerned, their
   * declared relatives, whoever declared a conflict, and whoever launched or proposed may not decide.
   */
  private async eligibleActor(user: AuthenticatedUser, task: TaskDto): Promise<ActorRef> {
    const actor = requireActor(user, task.role, task.bodyId, `Deciding "${task.title}"`);
    const state = await (await this.temporal.get()).workflow.getHandle(task.procedureId).query(stateQuery);
    const step: OpenStepView | undefined = state.openSteps.find((s) => s.stepId === task.stepId);
    if (!step) throw new ApiError(409, 'STEP_NOT_OPEN', 'This step is no longer open.');
    // A list step goes on when a member stands aside on some of its people (per-item recusal): the member is refused
    // only when every person still undecided concerns them; the workflow's validator has the last word either way.
    const decided = new Set(step.decidedItems.map((d) => d.personId));
    const undecided = step.concerned.filter((c) => !decided.has(c.personId));
    const grounds = undecided.map((c) => recusalGround(actor.actorId, [c]));
    const recusal = grounds.length > 0 && grounds.every((g) => g !== null) ? grounds[0] : null;
    if (recusal) {
      const subject = (await this.directory.names([recusal.subjectId]))[recusal.subjectId] ?? recusal.subjectId;
      throw new ApiError(
        403,
        `RECUSED_${recusal.ground}`,
        recusal.ground === 'SELF'
          ? 'This step concerns you; another member must decide it.'
          : `This step concerns ${recusal.subjectId}, ${recusal.ground === 'RELATIVE' ? 'your declared relative' : 'for whom you declared a conflict'}; you must recuse yourself.`,
        { params: { actorId: actor.actorId, subjectId: recusal.subjectId, subjectName: subject } },
      );
    }
    if (step.launchedBy === actor.actorId || step.proposedBy.includes(actor.actorId)) {
      throw new ApiError(
        403,
        'NOT_ALLOWED_FOUR_EYES',
        'You launched this procedure or proposed this matter, so another person must decide it.',
        { params: { actorId: actor.actorId } },
      );
    }
    return actor;
  }
}

function toDecision(dto: DecisionDto): StepDecisionInput {
  switch (dto.kind) {
    case 'approve':
      return { kind: 'approve', ...(dto.note ? { note: dto.note } : {}) };
    case 'reject':
      return { kind: 'reject', reason: dto.reason! };
    case 'return':
      return { kind: 'return', reason: dto.reason! };
    case 'tally':
      return { kind: 'tally', tally: dto.tally as never, ...(dto.relatives ? { relatives: dto.relatives } : {}) };
    case 'round-tally':
      return {
        kind: 'round-tally',
        attendance: dto.attendance as never,
        ballots: dto.ballots as never,
        tallies: dto.tallies as never,
      };
    case 'next-round':
      return { kind: 'next-round', proceed: dto.proceed!, candidateIds: dto.candidateIds ?? [] };
    case 'confidence-tally':
      return { kind: 'confidence-tally', summoned: dto.summoned!, present: dto.present!, ratings: dto.ratings! };
    case 'classification':
      return { kind: 'classification', grades: dto.grades! };
    case 'nomination':
      return { kind: 'nomination', candidateIds: dto.candidateIds ?? [] };
    default: {
      const _never: never = dto.kind;
      throw new Error(`unknown decision ${String(_never)}`);
    }
  }
}
