import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery, type Projection, type RecordedEvent } from '@cadreflow/event-store';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { READ_MODEL_CHANNEL, type ReadModelNotice } from './read-model-feed.service';

/** A change of the task queue, pushed to live listeners after it is committed. */
export interface TaskChange {
  taskId: string;
  procedureId: string;
  stepId: string;
  title: string;
  bodyId: string;
  role: string;
  status: 'open' | 'closed';
  position: number;
}

/** Stable, URL-safe id of the task of one step of one procedure. */
export function taskIdOf(procedureId: string, stepId: string): string {
  return createHash('sha256').update(`${procedureId}\n${stepId}`).digest('base64url').slice(0, 22);
}

/** The registry records its changes on streams `registry/<root organisation>`; the model is read again after one. */
const REGISTRY_STREAM_PREFIX = 'registry/';

/**
 * The stages that end a composite congress-personnel procedure when they complete: the election, then the delegates
 * to the higher congress and the new committee's first session of a congress that holds them after it. The
 * composite's outcome stays its election's.
 */
const CLOSING_STAGES = ['election', 'delegates', 'first-session'];

/** A stage launched after the election: its composite, which the election's completion closed, runs again. */
const LATER_STAGES = ['delegates', 'first-session'];

/** The top-level procedure of a stream: a composite's stages are `<root>/<stage>`. */
export function rootOf(procedureId: string): string {
  const slash = procedureId.indexOf('/');
  return slash < 0 ? procedureId : procedureId.slice(0, slash);
}

type Data = Record<string, unknown>;

/** A text field of event data, or the fallback when it is missing or not text. */
function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/**
 * Projects the log into `procedure_summaries` and `tasks`: what the queue, the procedure list and the progress
 * dashboard read. Rebuildable from zero.
 */
@Injectable()
export class ReadModelProjection implements Projection {
  readonly name = 'api-read-models';
  private readonly pending: TaskChange[] = [];
  private registryChanged = false;

  constructor(private readonly directory: OrganisationDirectory) {}

  async apply(events: RecordedEvent[], tx: EntityManager): Promise<void> {
    // Changes of a batch that failed (and rolled back) are never published.
    this.pending.length = 0;
    this.registryChanged = false;
    const lastPositions = new Map<string, number>();
    for (const event of events) {
      if (event.streamId.startsWith(REGISTRY_STREAM_PREFIX)) this.registryChanged = true;
      else if (await this.applyOne(event, tx)) lastPositions.set(event.streamId, event.position);
    }
    // One statement for the batch, instead of one per event.
    if (lastPositions.size > 0) {
      await preparedQuery(
        tx,
        `UPDATE procedure_summaries s SET last_position = u.position
           FROM unnest($1::text[], $2::bigint[]) AS u(procedure_id, position) WHERE s.procedure_id = u.procedure_id`,
        [[...lastPositions.keys()], [...lastPositions.values()]],
      );
    }
    // Every API replica hears of the batch's changes once it commits (ReadModelFeed), whichever one applied it.
    const notices: ReadModelNotice[] = this.pending.map((change) => ({ kind: 'task', change }));
    if (this.registryChanged) notices.push({ kind: 'registry' });
    if (notices.length > 0) {
      await tx.query(`SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n`, [
        READ_MODEL_CHANNEL,
        notices.map((notice) => JSON.stringify(notice)),
      ]);
    }
  }

  /** The batch committed: this replica's directory is read again at once (the others on the notice). */
  afterCommit(): void {
    this.pending.length = 0;
    if (this.registryChanged) this.directory.invalidate();
  }

  /** Claims are operational state, not history: a rebuild starts the queue without them. */
  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM tasks`);
    await tx.query(`DELETE FROM procedure_summaries`);
  }

  private levelKind(bodyId: string): Promise<string | null> {
    return this.directory.levelKind(bodyId);
  }

  /** Applies one event; true when it moves its procedure's `last_position` (applied once per batch by `apply`). */
  private async applyOne(event: RecordedEvent, tx: EntityManager): Promise<boolean> {
    const data = event.data as Data;
    const procedureId = event.streamId;
    const at = event.recordedAt;
    switch (event.type) {
      case 'ProcedureLaunched': {
        const launchedBy = data.launchedBy as { personId?: string } | undefined;
        await preparedQuery(
          tx,
          `INSERT INTO procedure_summaries (procedure_id, root_id, kind, body_id, level_kind, status, rulebook_id,
                                            launched_by, launched_at, last_position)
           VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8, $9)
           ON CONFLICT (procedure_id) DO NOTHING`,
          [
            procedureId,
            rootOf(procedureId),
            String(data.kind),
            String(data.bodyId),
            await this.levelKind(String(data.bodyId)),
            String(data.rulebookId),
            launchedBy?.personId ?? text(event.metadata.actorId),
            text(data.launchedAt, at.toISOString()),
            event.position,
          ],
        );
        const root = rootOf(procedureId);
        if (root !== procedureId && LATER_STAGES.some((stage) => procedureId === `${root}/${stage}`)) {
          await preparedQuery(
            tx,
            `UPDATE procedure_summaries SET status = 'running', ended_at = NULL WHERE procedure_id = $1 AND status = 'completed'`,
            [root],
          );
        }
        if (root !== procedureId) {
          // The composite congress-personnel procedure records nothing itself: its first stage stands for its launch.
          await preparedQuery(
            tx,
            `INSERT INTO procedure_summaries (procedure_id, root_id, kind, body_id, level_kind, status, rulebook_id,
                                              launched_by, launched_at, last_position)
             VALUES ($1, $1, 'congress-personnel', $2, $3, 'running', $4, $5, $6, $7)
             ON CONFLICT (procedure_id) DO NOTHING`,
            [
              root,
              String(data.bodyId),
              await this.levelKind(String(data.bodyId)),
              String(data.rulebookId),
              launchedBy?.personId ?? text(event.metadata.actorId),
              text(data.launchedAt, at.toISOString()),
              event.position,
            ],
          );
        }
        return false;
      }
      case 'StepOpened': {
        const taskId = taskIdOf(procedureId, String(data.stepId));
        await preparedQuery(
          tx,
          `INSERT INTO tasks (task_id, procedure_id, root_id, procedure_kind, step_id, title, body_id, role, decision,
                              due_date, subject_ids, status, escalated, opened_at, opened_position, step_kind, step_params)
           VALUES ($1, $2, $3, (SELECT kind FROM procedure_summaries WHERE procedure_id = $2), $4, $5, $6, $7, $8,
                   $9, $10, 'open', false, $11, $12, $13, $14)
           ON CONFLICT (task_id) DO UPDATE SET status = 'open', outcome = NULL, closed_at = NULL, escalated = false,
             title = EXCLUDED.title, due_date = EXCLUDED.due_date, opened_at = EXCLUDED.opened_at,
             opened_position = EXCLUDED.opened_position, subject_ids = EXCLUDED.subject_ids,
             step_kind = EXCLUDED.step_kind, step_params = EXCLUDED.step_params`,
          [
            taskId,
            procedureId,
            rootOf(procedureId),
            String(data.stepId),
            String(data.name ?? data.stepId),
            String(data.bodyId),
            String(data.role),
            text(data.decision, 'approval'),
            String(data.dueDate),
            JSON.stringify(data.subjectIds ?? []),
            at,
            event.position,
            typeof data.kind === 'string' ? data.kind : null,
            typeof data.params === 'object' && data.params !== null ? JSON.stringify(data.params) : null,
          ],
        );
        this.pending.push({
          taskId,
          procedureId,
          stepId: String(data.stepId),
          title: String(data.name ?? data.stepId),
          bodyId: String(data.bodyId),
          role: String(data.role),
          status: 'open',
          position: event.position,
        });
        break;
      }
      case 'StepClosed': {
        await this.closeTask(tx, event, String(data.stepId), String(data.outcome));
        break;
      }
      case 'Escalated': {
        await preparedQuery(tx, `UPDATE tasks SET escalated = true WHERE task_id = $1`, [
          taskIdOf(procedureId, String(data.stepId)),
        ]);
        break;
      }
      case 'ProcedureWithdrawn':
      case 'ProcedureCompleted': {
        const status = event.type === 'ProcedureWithdrawn' ? 'withdrawn' : 'completed';
        const outcome = event.type === 'ProcedureWithdrawn' ? String(data.reason) : String(data.outcome);
        await preparedQuery(
          tx,
          `UPDATE procedure_summaries SET status = $2, ended_at = $3, outcome = $4 WHERE procedure_id = $1`,
          [procedureId, status, at, outcome],
        );
        // A composite ends with its election (again with its delegates' election, if it holds one), or when a stage
        // of it is withdrawn; its outcome is the election's.
        const root = rootOf(procedureId);
        const stage = root === procedureId ? null : procedureId.slice(root.length + 1);
        if (stage !== null && (status === 'withdrawn' || CLOSING_STAGES.includes(stage))) {
          await preparedQuery(
            tx,
            `UPDATE procedure_summaries SET status = $2, ended_at = $3, outcome = COALESCE($4, outcome), last_position = $5
              WHERE procedure_id = $1 AND status = 'running'`,
            [root, status, at, status === 'completed' && stage !== 'election' ? null : outcome, event.position],
          );
        }
        const open = await preparedQuery<{ step_id: string }>(
          tx,
          `SELECT step_id FROM tasks WHERE procedure_id = $1 AND status = 'open'`,
          [procedureId],
        );
        for (const row of open) await this.closeTask(tx, event, row.step_id, 'cancelled');
        break;
      }
      case 'StageFailed': {
        // A composite records on its own stream only what its stages cannot: the stage it stopped at. The congress
        // ends there (a row of its own if that stage was refused before recording its launch), and so does the stage,
        // whose workflow recorded no end: its open steps are cancelled.
        const stage = text(data.stage);
        const stageId = text(data.stageProcedureId);
        const bodyId = text(event.metadata.bodyId);
        await preparedQuery(
          tx,
          `INSERT INTO procedure_summaries (procedure_id, root_id, kind, body_id, level_kind, status, rulebook_id,
                                            launched_by, launched_at, last_position, ended_at, outcome)
           VALUES ($1, $1, 'congress-personnel', $2, $3, 'failed', $4, $5, $6, $7, $8, $9)
           ON CONFLICT (procedure_id) DO UPDATE SET status = 'failed', ended_at = EXCLUDED.ended_at,
             outcome = EXCLUDED.outcome`,
          [
            procedureId,
            bodyId,
            await this.levelKind(bodyId),
            text(event.metadata.rulebookId),
            text(data.launchedBy),
            text(data.launchedAt, at.toISOString()),
            event.position,
            at,
            `${stage}-failed`,
          ],
        );
        await preparedQuery(
          tx,
          `UPDATE procedure_summaries SET status = 'failed', ended_at = $2, outcome = 'failed'
            WHERE procedure_id = $1 AND status = 'running'`,
          [stageId, at],
        );
        const open = await preparedQuery<{ step_id: string }>(
          tx,
          `SELECT step_id FROM tasks WHERE procedure_id = $1 AND status = 'open'`,
          [stageId],
        );
        for (const row of open) await this.closeTask(tx, event, row.step_id, 'cancelled', stageId);
        break;
      }
      case 'OpinionRequested': {
        const asked = Array.isArray(data.personIds) ? data.personIds.length : 0;
        await preparedQuery(
          tx,
          `UPDATE procedure_summaries SET opinions_requested = opinions_requested + $2 WHERE procedure_id = $1`,
          [procedureId, asked],
        );
        break;
      }
      case 'OpinionGiven': {
        await preparedQuery(
          tx,
          `UPDATE procedure_summaries SET opinions_given = opinions_given + 1,
             opinions_favourable = opinions_favourable + (CASE WHEN $2::boolean THEN 1 ELSE 0 END) WHERE procedure_id = $1`,
          [procedureId, data.favourable === true],
        );
        break;
      }
      default:
        // Most of the log (tallies, checks, candidates...) changes neither read model; nor does a skipped stage
        // (`StageSkipped`: the first session of a committee whose election does not stand), recorded after the
        // election that ended the congress.
        return false;
    }
    return true;
  }

  /** Closes the task of a step of `procedureId` (by default the event's own stream). */
  private async closeTask(
    tx: EntityManager,
    event: RecordedEvent,
    stepId: string,
    outcome: string,
    procedureId = event.streamId,
  ): Promise<void> {
    const taskId = taskIdOf(procedureId, stepId);
    const rows = await preparedQuery<{ body_id: string; role: string; title: string }>(
      tx,
      `UPDATE tasks SET status = 'closed', outcome = $2, closed_at = $3, claimed_by = NULL, claimed_at = NULL
        WHERE task_id = $1 RETURNING body_id, role, title`,
      [taskId, outcome, event.recordedAt],
    );
    if (rows[0]) {
      this.pending.push({
        taskId,
        procedureId,
        stepId,
        title: rows[0].title,
        bodyId: rows[0].body_id,
        role: rows[0].role,
        status: 'closed',
        position: event.position,
      });
    }
  }
}
