import { addWorkingDays } from '../../calendar/holiday-calendar.util';
import { calendarDate, isPastDue, type HolidayCalendar } from '../../calendar/holiday-calendar.util';
import { type IsoDate } from '../../calendar/civil-date.util';
import {
  assertFourEyes,
  assertNotRecused,
  assertRole,
  recusalGround,
  type ConcernedPerson,
  type DeclaredConflict,
  type StepAuthority,
} from '../../checks/decision-guards.check';
import { rulebookById } from '../../rulebook/rulebook.registry';
import { type Rulebook } from '../../rulebook/rulebook.types';
import {
  ConflictError,
  IllegalTransitionError,
  NotAllowedError,
  RecusedError,
  ValidationError,
} from '../../shared/domain.error';
import { type Actor, type DomainCommand, type ProcedureKind, type RoleKind } from '../../shared/message.types';
import { type CommonCommand } from './common.commands';
import {
  type CommonEvent,
  type MeetingFigures,
  type RecusalGround,
  type RecusalRecorded,
  type RegistryRef,
  type StepItemsDecided,
  type StepOpened,
} from './common.events';
import { type ListStepRecusal } from '../../rulebook/rulebook.types';
import { type Tallies } from '../../voting/ballots.rule';

/** How one item (person) of a list step was decided, when the step is decided item by item. */
export interface ItemDecision {
  readonly by: string;
  readonly outcome: StepItemsDecided['data']['outcome'];
  /** For a tally: the votes recorded for this person. */
  readonly votes?: number;
}

/** A step waiting for a decision. */
export type OpenStep = StepOpened['data'] & {
  readonly escalated: boolean;
  /** Items already decided by a member who stood aside on the others (per-item recusal). */
  readonly items: Readonly<Record<string, ItemDecision>>;
  /** For a tally decided item by item: the meeting's figures as first recorded. */
  readonly figures: MeetingFigures | null;
};

/** State every procedure keeps, folded from the common events. */
export interface ProcedureCore {
  readonly procedureId: string | null;
  readonly kind: ProcedureKind | null;
  readonly bodyId: string;
  readonly rulebookId: string;
  readonly launchedBy: Actor | null;
  readonly higherBodyId: string | null;
  readonly openSteps: Readonly<Record<string, OpenStep>>;
  readonly concerned: readonly ConcernedPerson[];
  readonly authorities: Readonly<Record<string, StepAuthority>>;
  readonly conflicts: readonly DeclaredConflict[];
  /** People who filed their action programme. */
  readonly actionProgrammes: readonly string[];
  readonly withdrawnReason: string | null;
  readonly completed: boolean;
  /** The registry snapshot the launch pinned, if any. */
  readonly registry: RegistryRef | null;
}

/** The core of a procedure not yet launched. */
export const initialCore: ProcedureCore = {
  procedureId: null,
  kind: null,
  bodyId: '',
  rulebookId: '',
  launchedBy: null,
  higherBodyId: null,
  openSteps: {},
  concerned: [],
  authorities: {},
  conflicts: [],
  actionProgrammes: [],
  withdrawnReason: null,
  completed: false,
  registry: null,
};

/** The common events a procedure's own state does not look at: they change its core and nothing else. */
const CORE_ONLY_EVENT_TYPES = [
  'StepOpened',
  'StepClosed',
  'DeadlineBreached',
  'Escalated',
  'ConflictDeclared',
  'CompositionChecked',
  'ConflictDetected',
  'RecusalRecorded',
  'StepItemsDecided',
  'DossierAccessed',
  'ActionProgrammeFiled',
] as const satisfies readonly CommonEvent['type'][];
const coreOnlyTypes: ReadonlySet<string> = new Set(CORE_ONLY_EVENT_TYPES);

/** A common event that changes only the core (see {@link isCoreOnlyEvent}). */
export type CoreOnlyEvent = Extract<CommonEvent, { type: (typeof CORE_ONLY_EVENT_TYPES)[number] }>;

/**
 * Whether an event changes only the core, so a procedure's state folds it with {@link evolveCore} and needs no case
 * of its own; a procedure whose state reads one of them (a step opening, say) checks its own cases first.
 */
export function isCoreOnlyEvent<E extends { type: string }>(event: E): event is Extract<E, CoreOnlyEvent> {
  return coreOnlyTypes.has(event.type);
}

/** Folds a common event into the core. */
export function evolveCore(core: ProcedureCore, event: CommonEvent): ProcedureCore {
  switch (event.type) {
    case 'ProcedureLaunched':
      return {
        ...core,
        procedureId: event.data.procedureId,
        kind: event.data.kind,
        bodyId: event.data.bodyId,
        rulebookId: event.data.rulebookId,
        launchedBy: event.data.launchedBy,
        higherBodyId: event.data.higherBodyId,
        concerned: event.data.concerned,
        authorities: event.data.authorities,
        registry: event.data.registry ?? null,
      };
    case 'StepOpened':
      return {
        ...core,
        openSteps: {
          ...core.openSteps,
          [event.data.stepId]: { ...event.data, escalated: false, items: {}, figures: null },
        },
      };
    case 'StepClosed': {
      const { [event.data.stepId]: _closed, ...rest } = core.openSteps;
      return { ...core, openSteps: rest };
    }
    case 'DeadlineBreached':
      return core;
    case 'Escalated': {
      const step = core.openSteps[event.data.stepId];
      return step ? { ...core, openSteps: { ...core.openSteps, [step.stepId]: { ...step, escalated: true } } } : core;
    }
    case 'ConflictDeclared':
      return {
        ...core,
        conflicts: [...core.conflicts, { personId: event.data.personId, subjectId: event.data.subjectId }],
      };
    case 'DossierAccessed':
      return core;
    case 'ActionProgrammeFiled':
      return { ...core, actionProgrammes: [...core.actionProgrammes, event.data.personId] };
    case 'ProcedureWithdrawn':
      return { ...core, withdrawnReason: event.data.reason, openSteps: {} };
    case 'ProcedureCompleted':
      return { ...core, completed: true, openSteps: {} };
    case 'RecusalRecorded':
      return core;
    case 'StepItemsDecided': {
      const step = core.openSteps[event.data.stepId];
      if (!step) return core;
      const items = { ...step.items };
      for (const personId of event.data.personIds) {
        const votes = event.data.votes?.[personId];
        items[personId] = {
          by: event.data.deciderId,
          outcome: event.data.outcome,
          ...(votes === undefined ? {} : { votes }),
        };
      }
      return {
        ...core,
        openSteps: {
          ...core.openSteps,
          [step.stepId]: { ...step, items, figures: step.figures ?? event.data.figures ?? null },
        },
      };
    }
    case 'CompositionChecked':
      return core;
    case 'ConflictDetected': {
      // The registry declares the actor a relative of the subject: they are recused on the subject from now on.
      const { personId, subjectId } = event.data;
      const known = core.concerned.some((c) => c.personId === subjectId);
      const concerned = known
        ? core.concerned.map((c) =>
            c.personId === subjectId && !c.relativeIds.includes(personId)
              ? { ...c, relativeIds: [...c.relativeIds, personId] }
              : c,
          )
        : [...core.concerned, { personId: subjectId, relativeIds: [personId] }];
      return { ...core, concerned };
    }
    default: {
      const _never: never = event;
      return _never;
    }
  }
}

/** Adds people concerned (e.g. a candidate added from the floor) to the core. */
export function withConcerned(core: ProcedureCore, people: readonly ConcernedPerson[]): ProcedureCore {
  const known = new Set(core.concerned.map((c) => c.personId));
  return { ...core, concerned: [...core.concerned, ...people.filter((p) => !known.has(p.personId))] };
}

/** Throws unless the procedure was launched and is still running. */
export function assertRunning(core: ProcedureCore, command: DomainCommand): void {
  if (core.procedureId === null) {
    throw new IllegalTransitionError(`Launch the procedure before ${command.type}`, 'NOT_LAUNCHED', command.type, {
      code: 'PROCEDURE_NOT_LAUNCHED',
    });
  }
  if (core.withdrawnReason !== null) {
    throw new IllegalTransitionError(
      `The procedure was withdrawn (${core.withdrawnReason})`,
      'WITHDRAWN',
      command.type,
      { code: 'PROCEDURE_WITHDRAWN', params: { reason: core.withdrawnReason } },
    );
  }
  if (core.completed) {
    throw new IllegalTransitionError('The procedure is already completed', 'COMPLETED', command.type, {
      code: 'PROCEDURE_COMPLETED',
    });
  }
}

/** Throws if the procedure was already launched. */
export function assertNotLaunched(core: ProcedureCore, command: DomainCommand): void {
  if (core.procedureId !== null) {
    throw new ConflictError(`Procedure ${core.procedureId} is already launched`, core.procedureId, {
      code: 'PROCEDURE_ALREADY_LAUNCHED',
      params: { procedureId: core.procedureId },
    });
  }
  if (!command.actor.personId) {
    throw new ValidationError('A launch needs the acting person', {}, { code: 'LAUNCH_ACTOR_MISSING' });
  }
}

/** Throws `NOT_ALLOWED_ROLE` unless the actor acts in `role`; `message` says who may give the command. */
export function assertActorRole(actor: Actor, role: RoleKind, message: string): void {
  if (actor.role !== role) {
    throw new NotAllowedError(message, actor.personId, 'ROLE');
  }
}

/**
 * Throws `CANDIDATE_LISTED_TWICE`, naming who, if `personIds` names someone twice; `message` says which list (for
 * example 'The committee names someone twice').
 */
export function assertListedOnce(personIds: readonly string[], message = 'The list names someone twice'): void {
  if (new Set(personIds).size !== personIds.length) {
    throw new ValidationError(
      message,
      {},
      {
        code: 'CANDIDATE_LISTED_TWICE',
        params: { personIds: personIds.filter((id, i) => personIds.indexOf(id) !== i) },
      },
    );
  }
}

/**
 * The refusal of a `reject` on a step that is approved or returned, never rejected (`DECISION_NOT_REJECTABLE`);
 * `message` says what the step does instead.
 */
export function decisionNotRejectable(stepId: string, message: string): ValidationError {
  return new ValidationError(message, {}, { code: 'DECISION_NOT_REJECTABLE', params: { stepId } });
}

/** The body and role recorded at launch for a part of the procedure (e.g. `standingCommittee`). */
export function authorityOf(core: ProcedureCore, part: string): StepAuthority {
  const found = core.authorities[part];
  if (!found) {
    throw new ValidationError(
      `The procedure was launched without a body for "${part}"`,
      { part },
      { code: 'AUTHORITY_MISSING' },
    );
  }
  return found;
}

/** The rulebook recorded at launch, looked up in the given registry. */
export function coreRulebook(core: ProcedureCore, rulebooks: readonly Rulebook[]): Rulebook {
  return rulebookById(core.rulebookId, rulebooks);
}

/** The date `workingDays` after today (`now` read in the calendar's zone) in the rulebook's calendar. */
export function dueAfter(now: string, workingDays: number, calendar: HolidayCalendar): IsoDate {
  return addWorkingDays(calendarDate(now, calendar), workingDays, calendar);
}

/**
 * Validates that `actor` may decide the open step `stepId`: the step is open, the role and body match,
 * optionally four-eyes (launcher and proposers excluded), and recusal for the people the step concerns.
 */
export function authorizeStep(
  core: ProcedureCore,
  stepId: string,
  actor: Actor,
  options: { readonly fourEyes: boolean; readonly proposedBy?: readonly string[]; readonly commandType: string },
): OpenStep {
  const step = core.openSteps[stepId];
  if (!step) {
    const open = Object.keys(core.openSteps);
    throw new IllegalTransitionError(
      `Step "${stepId}" is not open${open.length ? `; open steps: ${open.join(', ')}` : ''}`,
      'STEP_NOT_OPEN',
      options.commandType,
      { code: 'STEP_NOT_OPEN', params: { stepId, openStepIds: open } },
    );
  }
  assertRole(actor, step, step.name);
  if (options.fourEyes && core.launchedBy) {
    assertFourEyes(actor, core.launchedBy.personId, options.proposedBy ?? []);
  }
  const concerned = core.concerned.filter((c) => step.subjectIds.includes(c.personId));
  const unknownSubjects = step.subjectIds
    .filter((id) => !concerned.some((c) => c.personId === id))
    .map((personId) => ({ personId, relativeIds: [] }));
  assertNotRecused(actor, [...concerned, ...unknownSubjects], core.conflicts);
  return step;
}

/** The people an actor may decide on in a list step, and those they stand aside on. */
export interface ItemAuthorization {
  readonly step: OpenStep;
  /** The people still on the step (all its subjects, less those dropped or withdrawn since it opened). */
  readonly onStep: readonly string[];
  /** Items of the step not decided yet. */
  readonly undecided: readonly string[];
  /** Undecided items the actor may decide. */
  readonly mine: readonly string[];
  /** Undecided items the actor stands aside on, and why. */
  readonly stoodAside: ReadonlyArray<{ readonly subjectId: string; readonly ground: RecusalGround }>;
}

/** The recusal ground of `actorId` for one person of the procedure (their relatives as recorded), or null. */
export function recusalFor(core: ProcedureCore, actorId: string, subjectId: string): RecusalGround | null {
  const person = core.concerned.find((c) => c.personId === subjectId) ?? { personId: subjectId, relativeIds: [] };
  return recusalGround(actorId, [person], core.conflicts)?.ground ?? null;
}

/**
 * Validates that `actor` may decide (part of) the open list step `stepId`: the step is open, the role and body
 * match, optionally four-eyes; then splits the undecided items into those the actor may decide and those they
 * stand aside on. Under the rulebook's `recusal.listSteps`:
 * - `'per-item'`: the actor decides the items that concern neither them nor a declared relative (nor anyone they
 *   declared a conflict for); another member decides the rest. Refused (`RECUSED_…`) only when every undecided
 *   item concerns the actor.
 * - `'whole-step'`: an actor concerned by any undecided item may not decide the step at all.
 */
export function authorizeItems(
  core: ProcedureCore,
  stepId: string,
  actor: Actor,
  options: {
    readonly fourEyes: boolean;
    readonly proposedBy?: readonly string[];
    readonly commandType: string;
    readonly rule: ListStepRecusal;
    /** The people still on the step (those dropped or withdrawn since it opened are left out). */
    readonly activeIds?: readonly string[];
  },
): ItemAuthorization {
  const step = core.openSteps[stepId];
  if (!step) {
    return { step: authorizeStep(core, stepId, actor, options), onStep: [], undecided: [], mine: [], stoodAside: [] };
  }
  assertRole(actor, step, step.name);
  if (options.fourEyes && core.launchedBy) {
    assertFourEyes(actor, core.launchedBy.personId, options.proposedBy ?? []);
  }
  const active = options.activeIds;
  const onStep = step.subjectIds.filter((id) => active === undefined || active.includes(id));
  const undecided = onStep.filter((id) => step.items[id] === undefined);
  const mine: string[] = [];
  const stoodAside: Array<{ subjectId: string; ground: RecusalGround }> = [];
  for (const subjectId of undecided) {
    const ground = recusalFor(core, actor.personId, subjectId);
    if (ground) stoodAside.push({ subjectId, ground });
    else mine.push(subjectId);
  }
  const first = stoodAside[0];
  if (first && (options.rule === 'whole-step' || mine.length === 0)) {
    throw new RecusedError(
      recusalMessage(first.ground, first.subjectId),
      actor.personId,
      first.subjectId,
      first.ground,
    );
  }
  return { step, onStep, undecided, mine, stoodAside };
}

function recusalMessage(ground: RecusalGround, subjectId: string): string {
  const why = {
    SELF: 'it concerns you',
    RELATIVE: `it concerns your declared relative ${subjectId}`,
    DECLARED_CONFLICT: `you declared a conflict of interest regarding ${subjectId}`,
  }[ground];
  return `You must recuse yourself from this decision: ${why}`;
}

/** Throws `RECUSED_…` if the actor stands aside on `personId` in this authorisation. */
export function assertNotStandingAside(auth: ItemAuthorization, actor: Actor, personId: string): void {
  const found = auth.stoodAside.find((s) => s.subjectId === personId);
  if (found) {
    throw new RecusedError(recusalMessage(found.ground, personId), actor.personId, personId, found.ground);
  }
}

/** The `RecusalRecorded` event of an authorisation in which the actor stood aside on some items (else none). */
export function recusalEvents(auth: ItemAuthorization, actor: Actor): RecusalRecorded[] {
  return auth.stoodAside.length === 0
    ? []
    : [
        {
          type: 'RecusalRecorded',
          data: { stepId: auth.step.stepId, personId: actor.personId, items: auth.stoodAside },
        },
      ];
}

/** Whether the step is being decided item by item (someone stood aside now, or items were decided before). */
export function decidedByItems(auth: ItemAuthorization): boolean {
  return auth.stoodAside.length > 0 || Object.keys(auth.step.items).length > 0;
}

/** A tally given for a list step, split into the meeting's figures and the votes per person. */
export interface ItemTally<F extends MeetingFigures> {
  readonly figures: F;
  readonly votes: Tallies;
}

/**
 * Merges a tally given by `actor` with the items recorded before (per-item recusal). When the actor stands aside
 * on some items, returns the events recording their part (the step stays open); otherwise the complete tally to
 * evaluate, with the events recording their part first when the step was split. The meeting's figures must be
 * the same as the first recorder's; votes for an item the actor stands aside on are refused.
 */
export function mergeItemTally<F extends MeetingFigures>(
  auth: ItemAuthorization,
  actor: Actor,
  given: ItemTally<F>,
  sameFigures: (a: F, b: F) => boolean,
):
  | { readonly complete: false; readonly events: CommonEvent[] }
  | {
      readonly complete: true;
      readonly events: CommonEvent[];
      readonly tally: ItemTally<F>;
    } {
  for (const { subjectId } of auth.stoodAside) {
    if (given.votes[subjectId] !== undefined) assertNotStandingAside(auth, actor, subjectId);
  }
  const earlier = auth.step.figures as F | null;
  if (earlier && !sameFigures(earlier, given.figures)) {
    throw new ValidationError(
      'The meeting figures differ from those recorded by the first member; record the same meeting',
      {},
      { code: 'TALLY_FIGURES_DIFFER', params: { stepId: auth.step.stepId } },
    );
  }
  const missing = auth.mine.filter((id) => given.votes[id] === undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      `Enter the votes for every candidate you record; missing: ${missing.join(', ')}`,
      { missing },
      { code: 'TALLY_VOTES_MISSING', params: { missing } },
    );
  }
  const unknown = Object.keys(given.votes).filter((id) => !auth.step.subjectIds.includes(id));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Votes given for people not on this step: ${unknown.join(', ')}`,
      { unknown },
      { code: 'TALLY_UNKNOWN_CANDIDATE', params: { unknown } },
    );
  }
  const mineVotes: Record<string, number> = {};
  for (const id of auth.mine) mineVotes[id] = given.votes[id] ?? 0;
  const part: StepItemsDecided = {
    type: 'StepItemsDecided',
    data: {
      stepId: auth.step.stepId,
      deciderId: actor.personId,
      personIds: auth.mine,
      outcome: 'recorded',
      figures: earlier ?? given.figures,
      votes: mineVotes,
    },
  };
  const recusals = recusalEvents(auth, actor);
  if (auth.stoodAside.length > 0) {
    return { complete: false, events: [...recusals, part] };
  }
  if (!earlier) {
    return { complete: true, events: [], tally: given };
  }
  const votes: Record<string, number> = { ...mineVotes };
  for (const [personId, decision] of Object.entries(auth.step.items)) {
    if (auth.onStep.includes(personId)) votes[personId] = decision.votes ?? 0;
  }
  return { complete: true, events: [part], tally: { figures: earlier, votes } };
}

/**
 * Handles the commands every procedure accepts: withdraw, deadline check, conflict declaration.
 */
export function decideCommon(
  command: CommonCommand,
  core: ProcedureCore,
  rulebooks: readonly Rulebook[],
): CommonEvent[] {
  switch (command.type) {
    case 'WithdrawProcedure': {
      assertRunning(core, command);
      const launcher = core.launchedBy;
      if (launcher && (command.actor.role !== launcher.role || command.actor.bodyId !== launcher.bodyId)) {
        throw new NotAllowedError(
          `Only the ${launcher.role} of ${launcher.bodyId} that launched this procedure may withdraw it`,
          command.actor.personId,
          'ROLE',
        );
      }
      if (!command.data.reason.trim()) {
        throw new ValidationError('Say why the procedure is withdrawn', {}, { code: 'WITHDRAWAL_REASON_MISSING' });
      }
      return [
        { type: 'ProcedureWithdrawn', data: { reason: command.data.reason, openStepIds: Object.keys(core.openSteps) } },
      ];
    }
    case 'CheckDeadlines': {
      assertRunning(core, command);
      const calendar = rulebookById(core.rulebookId, rulebooks).calendar;
      return Object.values(core.openSteps)
        .filter((step) => !step.escalated && isPastDue(step.dueDate, command.now, calendar))
        .flatMap((step): CommonEvent[] => [
          { type: 'DeadlineBreached', data: { stepId: step.stepId, dueDate: step.dueDate, detectedAt: command.now } },
          { type: 'Escalated', data: { stepId: step.stepId, dueDate: step.dueDate, toBodyId: core.higherBodyId } },
        ]);
    }
    case 'DeclareConflict': {
      assertRunning(core, command);
      if (!core.concerned.some((c) => c.personId === command.data.subjectId)) {
        throw new ValidationError(
          `${command.data.subjectId} is not concerned by this procedure`,
          {
            subjectId: command.data.subjectId,
          },
          { code: 'SUBJECT_NOT_CONCERNED' },
        );
      }
      return [
        {
          type: 'ConflictDeclared',
          data: {
            personId: command.actor.personId,
            subjectId: command.data.subjectId,
            description: command.data.description,
          },
        },
      ];
    }
    case 'RecordDossierAccess': {
      if (core.procedureId === null) {
        throw new IllegalTransitionError(
          'Launch the procedure before logging dossier reads',
          'NOT_LAUNCHED',
          command.type,
          { code: 'PROCEDURE_NOT_LAUNCHED' },
        );
      }
      if (!command.data.purpose.trim()) {
        throw new ValidationError(
          'Say why the dossier is read; every read is logged',
          {},
          { code: 'DOSSIER_PURPOSE_MISSING' },
        );
      }
      return [{ type: 'DossierAccessed', data: { ...command.data, readerId: command.actor.personId } }];
    }
    case 'DetectConflict': {
      assertRunning(core, command);
      const step = core.openSteps[command.data.stepId];
      if (!step?.subjectIds.includes(command.data.subjectId)) {
        throw new ValidationError(
          `${command.data.subjectId} is not a subject of an open step "${command.data.stepId}"`,
          { ...command.data },
          {
            code: 'CONFLICT_SUBJECT_UNKNOWN',
            params: { stepId: command.data.stepId, subjectId: command.data.subjectId },
          },
        );
      }
      return [
        {
          type: 'ConflictDetected',
          data: {
            stepId: command.data.stepId,
            personId: command.actor.personId,
            subjectId: command.data.subjectId,
            relation: command.data.relation,
            declaredOn: command.data.declaredOn,
          },
        },
      ];
    }
    case 'FileActionProgramme': {
      assertRunning(core, command);
      const { personId, reference } = command.data;
      if (!core.concerned.some((c) => c.personId === personId)) {
        throw new ValidationError(
          `${personId} is not concerned by this procedure`,
          { personId },
          { code: 'SUBJECT_NOT_CONCERNED' },
        );
      }
      const launcher = core.launchedBy;
      const byOffice =
        launcher !== null && command.actor.role === launcher.role && command.actor.bodyId === launcher.bodyId;
      if (command.actor.personId !== personId && !byOffice) {
        throw new NotAllowedError(
          'An action programme is filed by the person, or recorded by the launching office',
          command.actor.personId,
          'ROLE',
        );
      }
      if (core.actionProgrammes.includes(personId)) {
        throw new ConflictError(`${personId} has already filed an action programme`, personId, {
          code: 'ACTION_PROGRAMME_ALREADY_FILED',
          params: { personId },
        });
      }
      const filedOn = calendarDate(command.now, coreRulebook(core, rulebooks).calendar);
      return [{ type: 'ActionProgrammeFiled', data: { personId, reference, filedOn } }];
    }
    default: {
      const _never: never = command;
      return _never;
    }
  }
}

const COMMON_COMMANDS: ReadonlySet<string> = new Set([
  'WithdrawProcedure',
  'CheckDeadlines',
  'DeclareConflict',
  'RecordDossierAccess',
  'FileActionProgramme',
  'DetectConflict',
]);

/** Whether a command is one of the common ones. */
export function isCommonCommand(command: DomainCommand): command is CommonCommand {
  return COMMON_COMMANDS.has(command.type);
}

/**
 * Throws unless each person has filed an action programme, when the rulebook requires one for this procedure.
 */
export function assertActionProgrammes(
  core: ProcedureCore,
  personIds: readonly string[],
  rulebook: Rulebook,
  commandType: string,
): void {
  if (!core.kind || !rulebook.actionProgramme.requiredFor.includes(core.kind)) {
    return;
  }
  const missing = personIds.filter((id) => !core.actionProgrammes.includes(id));
  if (missing.length > 0) {
    throw new IllegalTransitionError(
      `${missing.join(', ')} must file an action programme first (${rulebook.id})`,
      'ACTION_PROGRAMME_MISSING',
      commandType,
      { code: 'ACTION_PROGRAMME_MISSING', params: { missing, rulebookId: rulebook.id } },
    );
  }
}

/** Whether an event is one of the common ones. */
export function isCommonEvent(event: { readonly type: string }): event is CommonEvent {
  return [
    'ProcedureLaunched',
    'StepOpened',
    'StepClosed',
    'DeadlineBreached',
    'Escalated',
    'ConflictDeclared',
    'DossierAccessed',
    'ActionProgrammeFiled',
    'ProcedureWithdrawn',
    'ProcedureCompleted',
    'RecusalRecorded',
    'StepItemsDecided',
    'ConflictDetected',
  ].includes(event.type);
}
