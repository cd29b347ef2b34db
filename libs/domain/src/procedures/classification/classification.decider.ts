import { withinExcellentQuota } from '../../checks/confidence-vote.check';
import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type Rulebook } from '../../rulebook/rulebook.types';
import { IllegalTransitionError, ValidationError } from '../../shared/domain.error';
import { type Decider } from '../../shared/message.types';
import { type DecideStep } from '../common/common.commands';
import { type StepOpened } from '../common/common.events';
import {
  assertActorRole,
  assertListedOnce,
  assertNotLaunched,
  assertRunning,
  authorityOf,
  authorizeStep,
  coreRulebook,
  decideCommon,
  decisionNotRejectable,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import {
  CLASSIFICATION_GRADES,
  type ClassificationCommand,
  type ClassificationGrade,
  type RecordClassification,
} from './classification.commands';
import { type ClassificationEvent, type GradeCounts } from './classification.events';
import { evolveClassification, initialClassificationState, type ClassificationState } from './classification.state';

/** The grading step of revision `n`. */
export const gradingStepId = (revision: number): string => `grading-${revision}`;
/** The approval step of revision `n`. */
export const classificationApprovalStepId = (revision: number): string => `approval-${revision}`;

/**
 * The most "excellent" grades the quota allows with `good` "good" ones (20% of the "good" count by default).
 * @example excellentAllowed(10, rulebook) // 2
 */
export function excellentAllowed(good: number, rulebook: Rulebook): number {
  const { numerator, denominator } = rulebook.classification.excellentMaxShareOfGood;
  return Math.floor((good * numerator) / denominator);
}

function countGrades(grades: Readonly<Record<string, ClassificationGrade>>): GradeCounts {
  const counts: Record<ClassificationGrade, number> = { excellent: 0, good: 0, completed: 0, 'not-completed': 0 };
  for (const grade of Object.values(grades)) counts[grade] += 1;
  return counts;
}

function checkGrades(data: RecordClassification['data'], personIds: readonly string[]): void {
  const invalid = Object.entries(data.grades).find(([, g]) => !CLASSIFICATION_GRADES.includes(g));
  if (invalid) {
    throw new ValidationError(
      `"${String(invalid[1])}" is not a grade; use ${CLASSIFICATION_GRADES.join(', ')}`,
      {},
      { code: 'CLASSIFICATION_GRADE_INVALID', params: { personId: invalid[0], grade: String(invalid[1]) } },
    );
  }
  const unknown = Object.keys(data.grades).filter((id) => !personIds.includes(id));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Grades given for people not under review: ${unknown.join(', ')}`,
      { unknown },
      { code: 'TALLY_UNKNOWN_CANDIDATE', params: { unknown } },
    );
  }
  const missing = personIds.filter((id) => data.grades[id] === undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      `Grade every person under review; missing: ${missing.join(', ')}`,
      { missing },
      { code: 'CLASSIFICATION_GRADE_MISSING', params: { missing } },
    );
  }
}

/**
 * Builds the decider of the annual review and classification (kiểm điểm, đánh giá, xếp loại; HD 21 → QĐ 366):
 * the committee grades every person, "excellent" at most the rulebook's share of the "good" count (20%); the
 * higher committee approves, or returns the grading with a reason and the committee grades again. Due dates reuse
 * the rulebook's working days for a plan's adoption (grading) and review (approval).
 *
 * @example
 * const events = classificationDecider.decide(launchCommand, classificationDecider.initialState());
 */
export function createClassificationDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<ClassificationCommand, ClassificationEvent, ClassificationState> {
  function gradingStep(state: ClassificationState, revision: number, now: string, rulebook: Rulebook): StepOpened {
    return {
      type: 'StepOpened',
      data: {
        stepId: gradingStepId(revision),
        kind: 'classification-grading',
        params: { revision, year: state.year },
        name: 'The committee grades every member for the year',
        ...authorityOf(state.core, 'committee'),
        dueDate: dueAfter(now, rulebook.procedureStepDue.classification.grading, rulebook.calendar),
        decision: 'classification',
        subjectIds: state.personIds,
      },
    };
  }

  function record(command: RecordClassification, state: ClassificationState): ClassificationEvent[] {
    assertRunning(state.core, command);
    const step = authorizeStep(state.core, command.data.stepId, command.actor, {
      fourEyes: true,
      commandType: command.type,
    });
    if (state.status !== 'GRADING' || !step.stepId.startsWith('grading-')) {
      throw new IllegalTransitionError(
        `Step "${step.stepId}" is decided by approval, not by grades`,
        state.status,
        command.type,
        { code: 'STEP_NOT_BALLOT', params: { stepId: step.stepId } },
      );
    }
    checkGrades(command.data, state.personIds);
    const rulebook = coreRulebook(state.core, rulebooks);
    const grades = Object.fromEntries(state.personIds.map((id) => [id, command.data.grades[id]]));
    const counts = countGrades(grades);
    if (!withinExcellentQuota(counts.excellent, counts.good, rulebook)) {
      throw new ValidationError(
        `${counts.excellent} "excellent" grades with ${counts.good} "good": at most ${excellentAllowed(counts.good, rulebook)} (${rulebook.id})`,
        {},
        {
          code: 'CLASSIFICATION_EXCELLENT_OVER_QUOTA',
          params: {
            excellent: counts.excellent,
            good: counts.good,
            allowed: excellentAllowed(counts.good, rulebook),
            rulebookId: rulebook.id,
          },
        },
      );
    }
    const revision = state.revision + 1;
    return [
      {
        type: 'ClassificationProposed',
        data: {
          revision,
          gradedBy: command.actor.personId,
          grades,
          counts,
          excellentAllowed: excellentAllowed(counts.good, rulebook),
        },
      },
      { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'recorded' } },
      {
        type: 'StepOpened',
        data: {
          stepId: classificationApprovalStepId(revision),
          kind: 'classification-approval',
          params: { revision, year: state.year },
          name: 'The higher committee approves the classification',
          ...authorityOf(state.core, 'higher'),
          dueDate: dueAfter(command.now, rulebook.procedureStepDue.classification.approval, rulebook.calendar),
          decision: 'approval',
          subjectIds: [],
        },
      },
    ];
  }

  function approve(command: DecideStep, state: ClassificationState): ClassificationEvent[] {
    assertRunning(state.core, command);
    const step = authorizeStep(state.core, command.data.stepId, command.actor, {
      fourEyes: true,
      proposedBy: state.draftedBy,
      commandType: command.type,
    });
    if (state.status !== 'REVIEW' || !step.stepId.startsWith('approval-')) {
      throw new IllegalTransitionError(
        `Step "${step.stepId}" is decided by entering the grades`,
        state.status,
        command.type,
        { code: 'STEP_NOT_APPROVAL', params: { stepId: step.stepId } },
      );
    }
    const { decision } = command.data;
    switch (decision.kind) {
      case 'approve':
        return [
          { type: 'ClassificationApproved', data: { revision: state.revision, grades: state.grades } },
          { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'approved' } },
          { type: 'ProcedureCompleted', data: { outcome: 'classified', personIds: state.personIds } },
        ];
      case 'return': {
        if (!decision.reason.trim()) {
          throw new ValidationError(
            'Give a reason to return the grading',
            {},
            { code: 'DECISION_REASON_MISSING', params: { decision: decision.kind } },
          );
        }
        const rulebook = coreRulebook(state.core, rulebooks);
        return [
          { type: 'ClassificationReturned', data: { revision: state.revision, reason: decision.reason } },
          { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'returned' } },
          gradingStep(state, state.revision + 1, command.now, rulebook),
        ];
      }
      case 'reject':
        throw decisionNotRejectable(
          step.stepId,
          'A classification is approved or returned for another grading, never rejected',
        );
      default: {
        const _never: never = decision;
        return _never;
      }
    }
  }

  function decide(command: ClassificationCommand, state: ClassificationState): ClassificationEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    switch (command.type) {
      case 'LaunchClassification': {
        assertNotLaunched(state.core, command);
        assertActorRole(
          command.actor,
          'organization-committee',
          'The annual classification is launched by the Organization Committee',
        );
        const { data } = command;
        const personIds = data.candidates.map((c) => c.personId);
        if (personIds.length === 0) {
          throw new ValidationError('Name at least one person to grade', {}, { code: 'NOMINATION_EMPTY' });
        }
        assertListedOnce(personIds);
        if (!Number.isInteger(data.year) || data.year < 1930 || data.year > 2200) {
          throw new ValidationError(
            `${data.year} is not a year`,
            {},
            { code: 'CLASSIFICATION_YEAR_INVALID', params: { year: data.year } },
          );
        }
        const rulebook = launchRulebook(command, rulebooks);
        const launched: ClassificationEvent[] = [
          {
            type: 'ProcedureLaunched',
            data: {
              procedureId: data.procedureId,
              kind: 'classification',
              bodyId: data.organisationId,
              rulebookId: rulebook.id,
              launchedBy: command.actor,
              launchedAt: command.now,
              ...(data.registry ? { registry: data.registry } : {}),
              higherBodyId: data.higherBodyId,
              concerned: data.candidates,
              authorities: {
                committee: { role: data.committeeRole, bodyId: data.committeeBodyId },
                higher: { role: data.higherRole, bodyId: data.higherBodyId },
              },
            },
          },
          { type: 'ClassificationScheduled', data: { year: data.year, personIds } },
        ];
        const state1 = launched.reduce(evolveClassification, state);
        return [...launched, gradingStep(state1, 1, command.now, rulebook)];
      }
      case 'RecordClassification':
        return record(command, state);
      case 'DecideStep':
        return approve(command, state);
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveClassification, initialState: initialClassificationState };
}

/** The annual classification with the shipped rulebooks. */
export const classificationDecider = createClassificationDecider();
