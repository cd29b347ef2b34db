import { addWorkingDays } from '../../calendar/holiday-calendar.util';
import { calendarDate, isPastDue, type HolidayCalendar } from '../../calendar/holiday-calendar.util';
import { type IsoDate } from '../../calendar/civil-date.util';
import {
  assertFourEyes,
  assertNotRecused,
  assertRole,
  type ConcernedPerson,
  type DeclaredConflict,
  type StepAuthority,
} from '../../checks/decision-guards.check';
import { rulebookById } from '../../rulebook/rulebook.registry';
import { type Rulebook } from '../../rulebook/rulebook.types';
import { ConflictError, IllegalTransitionError, NotAllowedError, ValidationError } from '../../shared/domain.error';
import { type Actor, type DomainCommand, type ProcedureKind } from '../../shared/message.types';
import { type CommonCommand } from './common.commands';
import { type CommonEvent, type StepOpened } from './common.events';

/** A step waiting for a decision. */
export type OpenStep = StepOpened['data'] & { readonly escalated: boolean };

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
};

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
      };
    case 'StepOpened':
      return { ...core, openSteps: { ...core.openSteps, [event.data.stepId]: { ...event.data, escalated: false } } };
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
    throw new IllegalTransitionError(`Launch the procedure before ${command.type}`, 'NOT_LAUNCHED', command.type);
  }
  if (core.withdrawnReason !== null) {
    throw new IllegalTransitionError(
      `The procedure was withdrawn (${core.withdrawnReason})`,
      'WITHDRAWN',
      command.type,
    );
  }
  if (core.completed) {
    throw new IllegalTransitionError('The procedure is already completed', 'COMPLETED', command.type);
  }
}

/** Throws if the procedure was already launched. */
export function assertNotLaunched(core: ProcedureCore, command: DomainCommand): void {
  if (core.procedureId !== null) {
    throw new ConflictError(`Procedure ${core.procedureId} is already launched`, core.procedureId);
  }
  if (!command.actor.personId) {
    throw new ValidationError('A launch needs the acting person');
  }
}

/** The body and role recorded at launch for a part of the procedure (e.g. `standingCommittee`). */
export function authorityOf(core: ProcedureCore, part: string): StepAuthority {
  const found = core.authorities[part];
  if (!found) {
    throw new ValidationError(`The procedure was launched without a body for "${part}"`, { part });
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
        throw new ValidationError('Say why the procedure is withdrawn');
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
        throw new ValidationError(`${command.data.subjectId} is not concerned by this procedure`, {
          subjectId: command.data.subjectId,
        });
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
        );
      }
      if (!command.data.purpose.trim()) {
        throw new ValidationError('Say why the dossier is read; every read is logged');
      }
      return [{ type: 'DossierAccessed', data: { ...command.data, readerId: command.actor.personId } }];
    }
    case 'FileActionProgramme': {
      assertRunning(core, command);
      const { personId, reference } = command.data;
      if (!core.concerned.some((c) => c.personId === personId)) {
        throw new ValidationError(`${personId} is not concerned by this procedure`, { personId });
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
        throw new ConflictError(`${personId} has already filed an action programme`, personId);
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
  ].includes(event.type);
}
