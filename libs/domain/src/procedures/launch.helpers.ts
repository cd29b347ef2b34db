import { compareText } from '../shared/compare.util';
import { type ConcernedPerson } from '../checks/decision-guards.check';
import { findLinkedPostConflicts, type ProposedSeat } from '../checks/relatives.check';
import { overdueAt } from '../calendar/holiday-calendar.util';
import { personById, relativesOf } from '../organisation/organisation.queries';
import { type OrganisationModel } from '../organisation/organisation.types';
import { defaultRulebooks, rulebookById } from '../rulebook/rulebook.registry';
import { type Rulebook, type Track } from '../rulebook/rulebook.types';
import { type ProcedureCore } from './common/procedure-core.kernel';
import { type IntroductionCandidate } from './introduction/introduction.commands';
import { type VettingCandidate } from './vetting/vetting.commands';

/** A person with their declared relatives, as launch commands carry them for recusal. */
export function concernedPerson(model: OrganisationModel, personId: string): ConcernedPerson {
  return { personId, relativeIds: relativesOf(model.relations, personId).map((r) => r.relativeId) };
}

/** Builds a `LaunchIntroduction` candidate from the organisation model. */
export function introductionCandidate(model: OrganisationModel, personId: string, track: Track): IntroductionCandidate {
  const person = personById(model, personId);
  return { ...concernedPerson(model, personId), track, birthDate: person.birthDate, gender: person.gender };
}

/**
 * Builds a `RequestVetting` candidate: relatives from the model and the QĐ 205/114 conflicts for the seat they
 * are proposed for, under the rulebook the procedure will run with.
 */
export function vettingCandidate(
  model: OrganisationModel,
  rulebook: Rulebook,
  seat: ProposedSeat,
  opinionBodies: { readonly workplaceBodyId: string; readonly residenceBodyId: string },
): VettingCandidate {
  return {
    ...concernedPerson(model, seat.personId),
    linkedPostConflicts: findLinkedPostConflicts(model, rulebook, seat),
    ...opinionBodies,
  };
}

/** An open step and the instant it becomes overdue, for a workflow timer. */
export interface StepTimer {
  readonly stepId: string;
  readonly dueDate: string;
  readonly overdueAt: string;
  readonly escalated: boolean;
}

/**
 * The open steps of a procedure with the instant each becomes overdue (end of its due day in the rulebook's
 * zone): the workflow sleeps until the earliest, then sends `CheckDeadlines`.
 */
export function openStepTimers(core: ProcedureCore, rulebooks: readonly Rulebook[] = defaultRulebooks): StepTimer[] {
  if (!core.rulebookId) {
    return [];
  }
  const calendar = rulebookById(core.rulebookId, rulebooks).calendar;
  return Object.values(core.openSteps)
    .map((step) => ({
      stepId: step.stepId,
      dueDate: step.dueDate,
      overdueAt: overdueAt(step.dueDate, calendar),
      escalated: step.escalated,
    }))
    .sort((a, b) => compareText(a.overdueAt, b.overdueAt) || compareText(a.stepId, b.stepId));
}
