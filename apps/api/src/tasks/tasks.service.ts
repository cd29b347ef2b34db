import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { filter, map, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { recusalGround } from '@cadreflow/domain';
import { EventStore, preparedQuery } from '@cadreflow/event-store';
import {
  decideUpdate,
  stateQuery,
  type ActorRef,
  type OpenStepView,
  type RecordedEventRef,
  type StepDecisionInput,
} from '@cadreflow/workflows/messages';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { requireActor } from '../auth/grants';
import { IdempotencyService } from '../common/idempotency.service';
import { recordedAnswer, requestUpdateId } from '../common/recorded-answer';
import { ReadModelProjection } from '../projections/read-model.projection';
import { TemporalClientHolder } from '../temporal/temporal-client.provider';
import type { DecisionDto, TaskQueueQuery } from './tasks.dto';

/** A task of the queue: one open (or closed) step of a procedure. */
export interface TaskView {
  taskId: string;
  procedureId: string;
  rootId: string;
  procedureKind: string | null;
  stepId: string;
  title: string;
  bodyId: string;
  role: string;
  decision: string;
  dueDate: string;
  overdue: boolean;
  escalated: boolean;
  status: string;
  outcome: string | null;
  openedAt: string;
  claimedBy: string | null;
  claimedAt: string | null;
}

interface TaskRow {
  task_id: string;
  procedure_id: string;
  root_id: string;
  procedure_kind: string | null;
  step_id: string;
  title: string;
  body_id: string;
  role: string;
  decision: string;
  due_date: string;
  escalated: boolean;
  status: string;
  outcome: string | null;
  opened_at: Date;
  claimed_by: string | null;
  claimed_at: Date | null;
  overdue: boolean;
}

const toView = (r: TaskRow): TaskView => ({
  taskId: r.task_id,
  procedureId: r.procedure_id,
  rootId: r.root_id,
  procedureKind: r.procedure_kind,
  stepId: r.step_id,
  title: r.title,
  bodyId: r.body_id,
  role: r.role,
  decision: r.decision,
  dueDate: r.due_date,
  overdue: r.overdue,
  escalated: r.escalated,
  status: r.status,
  outcome: r.outcome,
  openedAt: r.opened_at.toISOString(),
  claimedBy: r.claimed_by,
  claimedAt: r.claimed_at?.toISOString() ?? null,
});

const SORTS = {
  due: 't.due_date ASC',
  '-due': 't.due_date DESC',
  opened: 't.opened_at ASC',
  '-opened': 't.opened_at DESC',
} as const;
const COLUMNS = `t.task_id, t.procedure_id, t.root_id, t.procedure_kind, t.step_id, t.title, t.body_id, t.role, t.decision,
  to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.escalated, t.status, t.outcome, t.opened_at, t.claimed_by, t.claimed_at,
  t.due_date < current_date AS overdue`;

/** The approvers' queue: listing, claiming and deciding tasks. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly idempotency: IdempotencyService,
    private readonly readModels: ReadModelProjection,
    private readonly store: EventStore,
  ) {}

  /** Open tasks the caller's roles and bodies may act on. */
  async queue(
    user: AuthenticatedUser,
    q: TaskQueueQuery,
  ): Promise<{ items: TaskView[]; total: number; page: number; pageSize: number }> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const params: unknown[] = [user.grants.map((g) => g.role), user.grants.map((g) => g.bodyId)];
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
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM tasks t WHERE ${where.join(' AND ')}
        ORDER BY ${SORTS[q.sort ?? 'due']}, t.task_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(toView), total: Number(rows[0]?.total ?? 0), page, pageSize };
  }

  async get(user: AuthenticatedUser, taskId: string): Promise<TaskView> {
    const rows = await preparedQuery<TaskRow>(this.dataSource, `SELECT ${COLUMNS} FROM tasks t WHERE t.task_id = $1`, [
      taskId,
    ]);
    const row = rows[0];
    if (!row) throw new NotFoundException({ message: `No task "${taskId}".`, code: 'NOT_FOUND' });
    if (!user.grants.some((g) => g.role === row.role && g.bodyId === row.body_id)) {
      throw new ForbiddenException({
        message: `This task is for the ${row.role} of ${row.body_id}, which you do not act for.`,
        code: 'NOT_ALLOWED',
      });
    }
    return toView(row);
  }

  /** Takes a task so that other approvers of the body see it is being handled. */
  async claim(user: AuthenticatedUser, taskId: string): Promise<TaskView> {
    const task = await this.openTask(user, taskId);
    await this.eligibleActor(user, task);
    const rows = await preparedQuery(
      this.dataSource,
      `UPDATE tasks SET claimed_by = $2, claimed_at = now()
        WHERE task_id = $1 AND status = 'open' AND (claimed_by IS NULL OR claimed_by = $2) RETURNING 1`,
      [taskId, user.userId],
    );
    if (rows.length === 0)
      throw new ConflictException({ message: 'Another approver has claimed this task.', code: 'CONFLICT' });
    return this.get(user, taskId);
  }

  async unclaim(user: AuthenticatedUser, taskId: string): Promise<TaskView> {
    await this.openTask(user, taskId);
    const rows = await preparedQuery(
      this.dataSource,
      `UPDATE tasks SET claimed_by = NULL, claimed_at = NULL WHERE task_id = $1 AND claimed_by = $2 RETURNING 1`,
      [taskId, user.userId],
    );
    if (rows.length === 0)
      throw new ConflictException({ message: 'You have not claimed this task.', code: 'CONFLICT' });
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
  ): Promise<{ taskId: string; events: RecordedEventRef[] }> {
    const updateId = requestUpdateId('decide', user.userId, idempotencyKey);
    const work = async (): Promise<{ taskId: string; events: RecordedEventRef[] }> => {
      const task = await this.openTask(user, taskId);
      if (task.claimedBy && task.claimedBy !== user.userId) {
        throw new ConflictException({
          message: 'Another approver has claimed this task; they decide it.',
          code: 'CONFLICT',
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
    const recorded = recordedAnswer(this.store, () => this.procedureOf(taskId), updateId);
    return this.idempotency.run(user.userId, idempotencyKey, { taskId, dto }, work, {
      isLogged: (answer) => recorded.isLogged(answer.events),
      recall: async () => {
        const events = await recorded.recall();
        return events && { taskId, events };
      },
    });
  }

  /** Task changes the caller may act on, as server-sent events. */
  changes(user: AuthenticatedUser): Observable<{ data: unknown; type: string }> {
    const mine = (role: string, bodyId: string): boolean =>
      user.grants.some((g) => g.role === role && g.bodyId === bodyId);
    return this.readModels.changes.pipe(
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

  private async openTask(user: AuthenticatedUser, taskId: string): Promise<TaskView> {
    const task = await this.get(user, taskId);
    if (task.status !== 'open') {
      throw new ConflictException({
        message: `This task is already closed (${task.outcome ?? 'done'}).`,
        code: 'ILLEGAL_TRANSITION',
      });
    }
    return task;
  }

  /**
   * The caller as the step's decider, after recusal and four-eyes (QĐ 205/114): the person concerned, their
   * declared relatives, whoever declared a conflict, and whoever launched or proposed may not decide.
   */
  private async eligibleActor(user: AuthenticatedUser, task: TaskView): Promise<ActorRef> {
    const actor = requireActor(user, task.role, task.bodyId, `Deciding "${task.title}"`);
    const state = await (await this.temporal.get()).workflow.getHandle(task.procedureId).query(stateQuery);
    const step: OpenStepView | undefined = state.openSteps.find((s) => s.stepId === task.stepId);
    if (!step) throw new ConflictException({ message: 'This step is no longer open.', code: 'ILLEGAL_TRANSITION' });
    const recusal = recusalGround(actor.actorId, step.concerned);
    if (recusal) {
      throw new ForbiddenException({
        message:
          recusal.ground === 'SELF'
            ? 'This step concerns you; another member must decide it.'
            : `This step concerns ${recusal.subjectId}, ${recusal.ground === 'RELATIVE' ? 'your declared relative' : 'for whom you declared a conflict'}; you must recuse yourself.`,
        code: 'RECUSED',
      });
    }
    if (step.launchedBy === actor.actorId || step.proposedBy.includes(actor.actorId)) {
      throw new ForbiddenException({
        message: 'You launched this procedure or proposed this matter, so another person must decide it.',
        code: 'NOT_ALLOWED',
      });
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
    default: {
      const _never: never = dto.kind;
      throw new Error(`unknown decision ${String(_never)}`);
    }
  }
}
