import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  currentUpdateInfo,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  workflowInfo,
  type ActivityOptions,
} from '@temporalio/workflow';
import {
  openStepTimers,
  recordWith,
  ValidationError,
  type Actor,
  type DomainCommand,
  type DomainEvent,
  type EventMetadata,
  type ProcedureCore,
  type RoleKind,
} from '@cadreflow/domain';
import type { EventToRecord, JsonObject, ProcedureActivities, RecordedEventRef as LoggedRef } from './activities';
import { EXPECTED_VERSION_CONFLICT, STREAM_AHEAD } from './activities';
import { asUpdateFailure } from './domain-failure';
import type { AnyDecider } from './procedure-kinds';
import type {
  ActorRef,
  ElectedView,
  OpenStepView,
  ProcedureRunStatus,
  ProcedureStateView,
  RecordedEventRef,
  WorkflowKind,
} from './messages';

const recordingOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: [EXPECTED_VERSION_CONFLICT],
  },
} satisfies ActivityOptions;
const { recordEvents, readStreamAfter } = proxyActivities<ProcedureActivities>(recordingOptions);
const { recordEvents: recordEventsLocally } = proxyLocalActivities<ProcedureActivities>(recordingOptions);

/**
 * The `patched()` id under which events were recorded by a local activity: the worker that ran the workflow task
 * appended the events itself and answered the Update in the same workflow task. Runs that recorded so keep doing it
 * while they replay that part of their history; see {@link ACTIVITY_RECORDING_PATCH} for what every new append does.
 */
export const LOCAL_RECORDING_PATCH = 'record-events-locally';

/**
 * The `patched()` id of recording events with a scheduled activity again, after local recording. The SDK's worker
 * (1.24) can evict a run from its workflow cache while one of its local activities is still running, when the cache
 * is full (more open procedures than `maxCachedWorkflows`): it then completes the workflow task with the activity's
 * marker but without the commands the workflow gave after it, a history that no replay reproduces, and every later
 * task of that procedure fails as non-deterministic (the decision never gets its answer). A scheduled activity is not tied to the cache. `recordEvents` is idempotent either way (key
 * `<streamId>/<expectedVersion>`), so a retried or repeated attempt still writes each event once.
 */
export const ACTIVITY_RECORDING_PATCH = 'record-events-by-activity';

/**
 * The `patched()` id of catching up from the log. The log is the source of truth: an Update whose events were
 * recorded can still be lost by the Temporal server (killed, or its database down, before it saved the workflow task
 * that scheduled the append), and the workflow's state then stays behind its stream. A runner reads what it missed
 * (`readStreamAfter`, one page at a time) only when the log says it is behind: `recordEvents` finds its version taken
 * (`ExpectedVersionConflict`, `StreamAhead`), or the decider refuses a command (rare, and possibly only because the
 * state is behind). It folds the missed events and decides again; if the log already holds events caused by the
 * command being decided (the lost Update sent again under its id), those are the command's answer. The happy path
 * costs nothing more.
 */
export const CATCH_UP_PATCH = 'catch-up-from-log';

/** Events read per `readStreamAfter` call. */
const CATCH_UP_PAGE = 100;

/** A command is decided at most this many times (each after catching up). */
const MAX_DECISIONS = 3;

/** Whether `recordEvents` failed because the stream is ahead of the workflow. */
function streamAhead(error: unknown): boolean {
  return (
    error instanceof ActivityFailure &&
    error.cause instanceof ApplicationFailure &&
    (error.cause.type === EXPECTED_VERSION_CONFLICT || error.cause.type === STREAM_AHEAD)
  );
}

/** Refusals no state can change: input that is malformed, a command the procedure never takes. */
const STATELESS_REFUSALS: ReadonlySet<string> = new Set(['MALFORMED_INPUT', 'COMMAND_NOT_ACCEPTED']);

/** Whether a validator's dry run failed for a reason that no event of the log could change. */
function statelessRefusal(failure: unknown): boolean {
  if (!(failure instanceof ApplicationFailure)) return true;
  const details = failure.details?.[0] as { errorCode?: string } | undefined;
  return STATELESS_REFUSALS.has(details?.errorCode ?? '');
}

/** Who an append is recorded for: a person acting in a role, or the workflow itself (timers, follow-ups). */
export interface Recorder {
  readonly actorId: string;
  readonly actorRole: RoleKind | 'system';
  readonly bodyId: string;
}

/** The domain actor of an API actor. */
export function domainActor(actor: ActorRef): Actor {
  return { personId: actor.actorId, role: actor.role, bodyId: actor.bodyId };
}

/** The recorder of an API actor. */
export function recorderOf(actor: ActorRef): Recorder {
  return { actorId: actor.actorId, actorRole: actor.role, bodyId: actor.bodyId };
}

/**
 * Appends events a workflow records outside a decider (a composite's own events) through the same idempotent
 * `recordEvents` activity as every decision, keyed `<streamId>/<expectedVersion>` so a retry never writes twice.
 *
 * @example await recordOnStream(input.procedureId, 0, [{ type: 'StageFailed', data, metadata }]);
 */
export function recordOnStream(
  streamId: string,
  expectedVersion: number,
  events: EventToRecord[],
): Promise<LoggedRef[]> {
  return recordEvents({ streamId, expectedVersion, events, idempotencyKey: `${streamId}/${expectedVersion}` });
}

/** The workflow clock as an ISO instant (deterministic inside a workflow). */
export function workflowNow(): string {
  return new Date(Date.now()).toISOString();
}

/** The instant a launch counts from: the given launch day (a date reads as midnight UTC), else the clock. */
export function launchInstant(launchDate: string | undefined): string {
  if (!launchDate) return workflowNow();
  return launchDate.includes('T') ? launchDate : `${launchDate}T00:00:00.000Z`;
}

/** The `patched()` id of step reminders (the morning a step is due). */
export const STEP_REMINDERS_PATCH = 'step-reminders';

const DAY_MS = 24 * 3600_000;

/** Milliseconds to wait after a deadline check that found nothing overdue yet (clock read at a day boundary). */
const RECHECK_MS = 60_000;

/**
 * Runs one domain decider on one event stream inside a workflow: validates commands with `decide`, records the
 * events through the idempotent `recordEvents` activity (key `<streamId>/<expectedVersion>`), then folds them
 * with `evolve`. Appends are serialised, so concurrent Updates see each other's effects in order.
 *
 * @example
 * const runner = new ProcedureRunner('personnel-plan', workflowInfo().workflowId, deciders['personnel-plan']);
 * const refs = await runner.apply(() => command, recorderOf(actor));
 */
export class ProcedureRunner {
  private state: { readonly core: ProcedureCore; readonly status: string };
  private version = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private lastEvent: RecordedEventRef | null = null;
  private lastAppend: RecordedEventRef[] = [];
  private readonly reminded = new Set<string>();
  private completion: { readonly outcome: string; readonly personIds: readonly string[] } | null = null;
  private catchUpAsked = false;

  constructor(
    readonly kind: WorkflowKind,
    readonly streamId: string,
    private readonly decider: AnyDecider,
  ) {
    this.state = decider.initialState();
  }

  /** The decider's current state. */
  get current(): { readonly core: ProcedureCore; readonly status: string } {
    return this.state;
  }

  /** Events recorded on the stream so far. */
  get streamVersion(): number {
    return this.version;
  }

  /** The refs of the last append. */
  get lastAppended(): readonly RecordedEventRef[] {
    return this.lastAppend;
  }

  /** The domain's `ProcedureCompleted` data, once recorded. */
  get completed(): { readonly outcome: string; readonly personIds: readonly string[] } | null {
    return this.completion;
  }

  /** Where the procedure is. */
  get run(): ProcedureRunStatus {
    if (this.state.core.withdrawnReason !== null) return 'withdrawn';
    return this.state.core.completed ? 'completed' : 'running';
  }

  /**
   * Dry-runs `decide` on the current state, for an Update validator: rejects input that cannot be a command of this
   * procedure (malformed, or a command it does not take) as an `ApplicationFailure` whose type is the domain code;
   * records nothing. A refusal of the decider is left to the handler, which first reads what the log holds beyond
   * this state (see {@link CATCH_UP_PATCH}): a refusal from a state behind the log would be wrong. Before the launch
   * is recorded, the Update is accepted and decided after the launch.
   */
  validate(build: () => DomainCommand): void {
    let command: DomainCommand;
    try {
      command = build();
    } catch (error) {
      throw asUpdateFailure(error);
    }
    if (this.version > 0) {
      try {
        this.decideOrReject(command);
      } catch (failure) {
        if (!statelessRefusal(failure)) return;
        throw failure;
      }
    }
  }

  /**
   * Decides the command built by `build` (called once earlier appends are done, so it sees the latest state),
   * records the events and folds them in. Returns the recorded refs (empty when the decider had nothing to say).
   */
  apply(build: () => DomainCommand, recorder: Recorder, causationId?: string): Promise<RecordedEventRef[]> {
    const run = this.tail.then(() => {
      let command: DomainCommand;
      try {
        command = build();
      } catch (error) {
        throw asUpdateFailure(error);
      }
      return this.decideAndRecord(command, recorder, causationId);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Asks {@link runUntilDone} to fold whatever the log holds beyond this state (see {@link CATCH_UP_PATCH}). A signal
   * handler only sets the flag: the loop acts on it once every job of the activation has run, so the read is queued
   * after the Updates of the same activation whatever order they were delivered in (a replay may deliver a signal and
   * an Update of one workflow task in another order than the first execution did).
   */
  askToCatchUp(): void {
    this.catchUpAsked = true;
  }

  /** Folds what the log holds beyond this state, after the appends already queued. */
  private queueCatchUp(): Promise<void> {
    const run = this.tail.then(async () => {
      if (this.version > 0 && patched(CATCH_UP_PATCH)) await this.catchUp();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Runs `decide`; a refusal (or a command this decider does not know) becomes an Update failure. */
  private decideOrReject(command: DomainCommand): DomainEvent[] {
    let events: unknown;
    try {
      events = this.decider.decide(command, this.state);
    } catch (error) {
      throw asUpdateFailure(error);
    }
    // A decider's exhaustive switch hands an unknown command back instead of a list of events.
    if (!Array.isArray(events)) {
      throw asUpdateFailure(
        new ValidationError(
          `A ${this.kind} procedure does not accept ${command.type}`,
          { type: command.type },
          { code: 'COMMAND_NOT_ACCEPTED' },
        ),
      );
    }
    return events as DomainEvent[];
  }

  private async decideAndRecord(
    command: DomainCommand,
    recorder: Recorder,
    causationId: string | undefined,
  ): Promise<RecordedEventRef[]> {
    const cause = causationId ?? currentUpdateInfo()?.id ?? command.type;
    for (let decision = 1; ; decision++) {
      let events: DomainEvent[];
      try {
        events = this.decideOrReject(command);
      } catch (refusal) {
        // Refused by a state that may be behind the log: read what was missed, then decide again.
        if (decision === 1 && this.version > 0 && patched(CATCH_UP_PATCH)) {
          const caught = await this.catchUp(cause);
          if (caught.own.length > 0) return caught.own;
          if (caught.folded > 0) continue;
        }
        throw refusal;
      }
      if (events.length === 0) {
        return [];
      }
      const launched = events.find((e) => e.type === 'ProcedureLaunched')?.data as { rulebookId?: string } | undefined;
      const metadata: EventMetadata = {
        actorId: recorder.actorId,
        actorRole: recorder.actorRole,
        bodyId: recorder.bodyId,
        rulebookId: this.state.core.rulebookId || launched?.rulebookId || '',
        occurredAt: command.now,
        correlationId: workflowInfo().workflowId,
        causationId: cause,
      };
      const toRecord = recordWith(events, metadata).map((e): EventToRecord => ({
        type: e.type,
        data: e.data as JsonObject,
        metadata: e.metadata as unknown as JsonObject,
      }));
      const expectedVersion = this.version;
      // Every new append is a scheduled activity; the appends a history recorded locally replay as they were recorded.
      const record =
        patched(ACTIVITY_RECORDING_PATCH) || !patched(LOCAL_RECORDING_PATCH) ? recordEvents : recordEventsLocally;
      let refs: RecordedEventRef[];
      try {
        refs = await record({
          streamId: this.streamId,
          expectedVersion,
          events: toRecord,
          idempotencyKey: `${this.streamId}/${expectedVersion}`,
        });
      } catch (error) {
        // The stream is ahead of this state: fold what the log holds, then decide again on it.
        if (decision >= MAX_DECISIONS || !streamAhead(error) || !patched(CATCH_UP_PATCH)) throw error;
        const caught = await this.catchUp(cause);
        if (caught.own.length > 0) return caught.own;
        if (caught.folded === 0) throw error;
        continue;
      }
      for (const event of events) this.state = this.decider.evolve(this.state, event);
      this.version += events.length;
      this.lastAppend = refs;
      this.lastEvent = refs[refs.length - 1] ?? this.lastEvent;
      this.noteCompletion(events);
      return refs;
    }
  }

  /**
   * Folds the events the log holds beyond this state, a page at a time, and names the events the log holds for
   * `cause` (the command being decided already happened when there are some: an Update lost after it was recorded
   * and sent again under its id).
   */
  private async catchUp(cause?: string): Promise<{ folded: number; own: RecordedEventRef[] }> {
    let folded = 0;
    let own: LoggedRef[] | undefined;
    for (;;) {
      const page = await readStreamAfter({
        streamId: this.streamId,
        afterVersion: this.version,
        limit: CATCH_UP_PAGE,
        ...(own === undefined && cause !== undefined ? { causationId: cause } : {}),
      });
      own ??= page.causedBy;
      const events = page.events.filter((e) => e.ref.streamVersion > this.version);
      for (const logged of events) {
        const event = { type: logged.type, data: logged.data } as unknown as DomainEvent;
        this.state = this.decider.evolve(this.state, event);
        this.version = logged.ref.streamVersion;
        this.lastEvent = logged.ref;
        this.noteCompletion([event]);
      }
      folded += events.length;
      if (events.length > 0) {
        log.warn('The workflow was behind its stream: caught up from the log', {
          streamId: this.streamId,
          folded: events.length,
          version: this.version,
        });
      }
      if (page.events.length < CATCH_UP_PAGE || events.length === 0) break;
    }
    if (own.length > 0) this.lastAppend = own;
    return { folded, own };
  }

  /** Keeps the domain's `ProcedureCompleted` data once recorded. */
  private noteCompletion(events: readonly DomainEvent[]): void {
    const done = events.find((e) => e.type === 'ProcedureCompleted');
    if (done) {
      this.completion = done.data as { outcome: string; personIds: readonly string[] };
    }
  }

  /**
   * Keeps the procedure alive until it completes or is withdrawn: sleeps until the earliest open step becomes
   * overdue (end of its due day in the rulebook's zone) and then records the domain's `CheckDeadlines` outcome
   * (`DeadlineBreached` + `Escalated`). `followUp` may return a command the workflow issues itself (e.g. consume
   * an approved plan inside a composite).
   */
  async runUntilDone(followUp: () => DomainCommand | null = () => null): Promise<void> {
    const system: Recorder = { actorId: 'system', actorRole: 'system', bodyId: this.state.core.bodyId };
    // Added after the first histories were recorded: runs that started without reminders keep running without.
    const reminders = patched(STEP_REMINDERS_PATCH);
    while (this.run === 'running') {
      if (this.catchUpAsked) {
        this.catchUpAsked = false;
        await this.queueCatchUp().catch((error: unknown) =>
          log.warn('Could not catch up from the log', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
        continue;
      }
      const next = followUp();
      if (next) {
        await this.apply(() => ({ ...next, now: workflowNow() }), system, `follow-up/${next.type}`);
        continue;
      }
      const seen = this.version;
      const timers = openStepTimers(this.state.core).filter((t) => !t.escalated);
      const timer = timers[0];
      const waitMs = timer ? Date.parse(timer.overdueAt) - Date.now() : undefined;
      if (waitMs !== undefined && waitMs <= 0 && timer) {
        const refs = await this.apply(
          () => ({ type: 'CheckDeadlines', data: {}, actor: this.systemActor(), now: workflowNow() }),
          system,
          `deadline/${timer.stepId}`,
        );
        if (refs.length === 0) {
          await condition(() => this.version !== seen || this.run !== 'running', RECHECK_MS);
        } else {
          log.info('Step overdue: deadline breach and escalation recorded', { stepId: timer.stepId });
        }
        continue;
      }
      const reminder = reminders
        ? timers
            .filter((t) => !this.reminded.has(t.stepId))
            .map((t) => ({ stepId: t.stepId, dueDate: t.dueDate, at: Date.parse(t.overdueAt) - DAY_MS }))
            .sort((x, y) => x.at - y.at)[0]
        : undefined;
      const remindMs = reminder ? reminder.at - Date.now() : undefined;
      if (reminder && remindMs !== undefined && remindMs <= 0) {
        this.reminded.add(reminder.stepId);
        log.info('Step due today: reminder sent to its deciding body', {
          stepId: reminder.stepId,
          dueDate: reminder.dueDate,
        });
        continue;
      }
      const sleepMs = remindMs === undefined ? waitMs : Math.min(remindMs, waitMs ?? remindMs);
      const changed = () => this.version !== seen || this.run !== 'running' || followUp() !== null || this.catchUpAsked;
      if (sleepMs === undefined) {
        await condition(changed);
      } else {
        await condition(changed, sleepMs);
      }
    }
  }

  private systemActor(): Actor {
    const launcher = this.state.core.launchedBy;
    return { personId: 'system', role: launcher?.role ?? 'organization-committee', bodyId: this.state.core.bodyId };
  }

  /** The state a `stateQuery` returns. */
  view(): ProcedureStateView {
    const core = this.state.core;
    const proposedBy = (this.state as { readonly draftedBy?: readonly string[] }).draftedBy ?? [];
    const launcher = core.launchedBy;
    const openSteps: OpenStepView[] = Object.values(core.openSteps).map((step) => ({
      procedureId: this.streamId,
      stepId: step.stepId,
      stepKind: step.kind ?? null,
      params: step.params ?? {},
      title: step.name,
      bodyId: step.bodyId,
      role: step.role,
      dueDate: step.dueDate,
      decision: step.decision,
      concerned: step.subjectIds.map(
        (id) => core.concerned.find((c) => c.personId === id) ?? { personId: id, relativeIds: [] },
      ),
      launchedBy: launcher?.personId ?? null,
      proposedBy,
      reminded: this.reminded.has(step.stepId),
      escalated: step.escalated,
      decidedItems: Object.entries(step.items).map(([personId, item]) => ({ personId, ...item })),
    }));
    const elected = electedOf(this.state);
    return {
      procedureId: this.streamId,
      kind: this.kind,
      bodyId: core.bodyId,
      rulebookId: core.rulebookId,
      launchedBy: launcher ? { actorId: launcher.personId, role: launcher.role, bodyId: launcher.bodyId } : null,
      run: this.run,
      status: this.state.status,
      streamVersion: this.version,
      openSteps,
      withdrawnReason: core.withdrawnReason,
      lastEvent: this.lastEvent,
      detail: this.state,
      ...(elected ? { elected } : {}),
    };
  }
}

/** One person elected, as an election's state keeps it. */
interface ElectedResult {
  readonly personId: string;
  readonly round: number;
  readonly votes: number;
  readonly base: number;
}

/** The people an election's state says were elected, with their votes and share of the base; null for other states. */
export function electedOf(state: unknown): ElectedView[] | null {
  const results: readonly ElectedResult[] | undefined = (state as { results?: readonly ElectedResult[] } | null)
    ?.results;
  if (results === undefined) return null;
  return results.map((r) => ({
    personId: r.personId,
    round: r.round,
    votes: r.votes,
    base: r.base,
    sharePercent: r.base > 0 ? Math.round((r.votes / r.base) * 10_000) / 100 : 0,
  }));
}
