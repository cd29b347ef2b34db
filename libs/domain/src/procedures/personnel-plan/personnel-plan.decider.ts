import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type Rulebook } from '../../rulebook/rulebook.types';
import { IllegalTransitionError, NotAllowedError, ValidationError } from '../../shared/domain.error';
import { type Actor, type Decider } from '../../shared/message.types';
import { checkSurplus } from '../../voting/surplus.rule';
import { compositionCheckpoint } from '../../checks/composition.check';
import { type DecideStep } from '../common/common.commands';
import {
  assertNotLaunched,
  assertRunning,
  authorityOf,
  authorizeStep,
  coreRulebook,
  decideCommon,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import { type PersonnelPlanCommand } from './personnel-plan.commands';
import { type PersonnelPlanContent, type PersonnelPlanEvent } from './personnel-plan.events';
import {
  evolvePersonnelPlan,
  initialPersonnelPlanState,
  type PersonnelPlanState,
  type PlanStatus,
} from './personnel-plan.state';

/**
 * Validates a plan's numbers against the rulebook: positive seats, a standing committee smaller than the
 * executive committee, fewer deputies than standing members, and the candidate list's surplus.
 */
export function validatePlan(plan: PersonnelPlanContent, rulebook: Rulebook): void {
  const problems: string[] = [];
  const { executiveCommitteeSeats: bch, standingCommitteeSeats: btv, deputySecretaries: deputies } = plan;
  if (!Number.isInteger(bch) || bch <= 0)
    problems.push(`Executive committee seats must be a positive whole number, got ${bch}`);
  if (!Number.isInteger(btv) || btv <= 0 || btv >= bch)
    problems.push(
      `Standing committee seats (${btv}) must be positive and fewer than the ${bch} executive committee seats`,
    );
  if (!Number.isInteger(deputies) || deputies < 0 || deputies >= btv)
    problems.push(`Deputy secretaries (${deputies}) must be fewer than the ${btv} standing committee seats`);
  for (const [name, percent] of Object.entries(plan.targets ?? {})) {
    if (percent !== undefined && !(Number.isFinite(percent) && percent >= 0 && percent <= 100))
      problems.push(`The composition target ${name} must be a percentage from 0 to 100, got ${percent}`);
  }
  if (new Set(plan.candidateIds).size !== plan.candidateIds.length)
    problems.push('The candidate list names someone twice');
  if (plan.candidateIds.length > 0 && problems.length === 0) {
    problems.push(...checkSurplus(bch, plan.candidateIds.length, rulebook.surplus).problems);
  }
  if (problems.length > 0) {
    throw new ValidationError(
      `The personnel plan does not meet ${rulebook.id}: ${problems.join('; ')}`,
      { problems },
      { code: 'PLAN_RULES_BROKEN', params: { problems, rulebookId: rulebook.id } },
    );
  }
}

function assertStatus(state: PersonnelPlanState, allowed: readonly PlanStatus[], commandType: string): void {
  if (!allowed.includes(state.status)) {
    throw new IllegalTransitionError(
      `${commandType} is not possible while the plan is ${state.status}; it needs ${allowed.join(' or ')}`,
      state.status,
      commandType,
      { code: 'PLAN_STATUS_WRONG', params: { allowed: [...allowed] } },
    );
  }
}

function assertLauncherRole(state: PersonnelPlanState, actor: Actor, what: string): void {
  const launcher = state.core.launchedBy;
  if (launcher && (actor.role !== launcher.role || actor.bodyId !== launcher.bodyId)) {
    throw new NotAllowedError(`${what} is done by the ${launcher.role} of ${launcher.bodyId}`, actor.personId, 'ROLE');
  }
}

/**
 * Builds the decider of procedure A (personnel plan):
 * `DRAFT → ADOPTED → SUBMITTED → (RETURNED → SUBMITTED)* → APPROVED → CONSUMED`.
 *
 * @example
 * const events = personnelPlanDecider.decide(draftPlanCommand, personnelPlanDecider.initialState());
 */
export function createPersonnelPlanDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<PersonnelPlanCommand, PersonnelPlanEvent, PersonnelPlanState> {
  function decideStep(command: DecideStep, state: PersonnelPlanState): PersonnelPlanEvent[] {
    assertRunning(state.core, command);
    const { stepId, decision } = command.data;
    const step = authorizeStep(state.core, stepId, command.actor, {
      fourEyes: true,
      proposedBy: state.draftedBy,
      commandType: command.type,
    });
    if (decision.kind !== 'approve' && !decision.reason.trim()) {
      throw new ValidationError(
        `Give a reason to ${decision.kind} the plan`,
        {},
        { code: 'DECISION_REASON_MISSING', params: { decision: decision.kind } },
      );
    }
    const plan = state.plan as PersonnelPlanContent;
    const adoption = state.status === 'DRAFT';
    switch (decision.kind) {
      case 'approve': {
        const composition = adoption
          ? compositionCheckpoint(
              'plan-adoption',
              plan.candidateIds,
              state.composition,
              coreRulebook(state.core, rulebooks),
              plan.targets,
            )
          : null;
        return adoption
          ? [
              ...(composition ? [{ type: 'CompositionChecked' as const, data: composition }] : []),
              { type: 'PlanAdopted', data: { revision: state.revision } },
              { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'approved' } },
            ]
          : [
              { type: 'PlanApproved', data: { revision: state.revision, approvedPlan: plan } },
              { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'approved' } },
            ];
      }
      case 'return':
        return adoption
          ? [
              { type: 'PlanDraftReturned', data: { revision: state.revision, reason: decision.reason } },
              { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'returned' } },
            ]
          : [
              { type: 'PlanReturned', data: { revision: state.revision, reason: decision.reason } },
              { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'returned' } },
            ];
      case 'reject':
        return [
          { type: 'PlanRejected', data: { revision: state.revision, stepId: step.stepId, reason: decision.reason } },
          { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'rejected' } },
          { type: 'ProcedureCompleted', data: { outcome: 'rejected', personIds: [] } },
        ];
      default: {
        const _never: never = decision;
        return _never;
      }
    }
  }

  function decide(command: PersonnelPlanCommand, state: PersonnelPlanState): PersonnelPlanEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    switch (command.type) {
      case 'DraftPlan': {
        assertNotLaunched(state.core, command);
        if (command.actor.role !== 'organization-committee' && command.actor.role !== 'standing-committee') {
          throw new NotAllowedError(
            'A personnel plan is launched by the Organization Committee or the standing committee',
            command.actor.personId,
            'ROLE',
          );
        }
        const rulebook = launchRulebook(command, rulebooks);
        validatePlan(command.data.plan, rulebook);
        const { data } = command;
        return [
          {
            type: 'ProcedureLaunched',
            data: {
              procedureId: data.procedureId,
              kind: 'personnel-plan',
              bodyId: data.organisationId,
              rulebookId: rulebook.id,
              launchedBy: command.actor,
              launchedAt: command.now,
              ...(command.data.registry ? { registry: command.data.registry } : {}),
              higherBodyId: data.higherBodyId,
              concerned: [],
              authorities: {
                standingCommittee: { role: 'standing-committee', bodyId: data.standingCommitteeId },
                higher: { role: data.higherRole, bodyId: data.higherBodyId },
              },
            },
          },
          {
            type: 'PlanDrafted',
            data: { revision: 1, plan: data.plan, ...(data.composition ? { composition: data.composition } : {}) },
          },
          {
            type: 'StepOpened',
            data: {
              stepId: 'adoption-1',
              kind: 'plan-adoption',
              params: { revision: 1 },
              name: 'Standing committee adopts the personnel plan',
              bodyId: data.standingCommitteeId,
              role: 'standing-committee',
              dueDate: dueAfter(command.now, rulebook.stepDueWorkingDays.planAdoption, rulebook.calendar),
              decision: 'approval',
              subjectIds: [],
            },
          },
        ];
      }
      case 'RevisePlan': {
        assertRunning(state.core, command);
        assertStatus(state, ['DRAFT', 'RETURNED'], command.type);
        assertLauncherRole(state, command.actor, 'Revising the plan');
        const rulebook = coreRulebook(state.core, rulebooks);
        validatePlan(command.data.plan, rulebook);
        const revision = state.revision + 1;
        const known = state.composition;
        const added = (command.data.profiles ?? []).filter(
          (p) => !known?.profiles.some((k) => k.personId === p.personId),
        );
        const composition = known && added.length > 0 ? { ...known, profiles: [...known.profiles, ...added] } : null;
        const events: PersonnelPlanEvent[] = [
          { type: 'PlanDrafted', data: { revision, plan: command.data.plan, ...(composition ? { composition } : {}) } },
        ];
        const adoptionOpen = Object.keys(state.core.openSteps).some((id) => id.startsWith('adoption-'));
        if (state.status === 'DRAFT' && !adoptionOpen) {
          events.push({
            type: 'StepOpened',
            data: {
              stepId: `adoption-${revision}`,
              kind: 'plan-adoption',
              params: { revision },
              name: 'Standing committee adopts the personnel plan',
              ...authorityOf(state.core, 'standingCommittee'),
              dueDate: dueAfter(command.now, rulebook.stepDueWorkingDays.planAdoption, rulebook.calendar),
              decision: 'approval',
              subjectIds: [],
            },
          });
        }
        return events;
      }
      case 'SubmitPlan': {
        assertRunning(state.core, command);
        assertStatus(state, ['ADOPTED', 'RETURNED'], command.type);
        assertLauncherRole(state, command.actor, 'Submitting the plan');
        const rulebook = coreRulebook(state.core, rulebooks);
        const submission = state.submissions + 1;
        const higher = authorityOf(state.core, 'higher');
        return [
          { type: 'PlanSubmitted', data: { revision: state.revision, toBodyId: higher.bodyId, submission } },
          {
            type: 'StepOpened',
            data: {
              stepId: `review-${submission}`,
              kind: 'plan-review',
              params: { submission },
              name: 'Higher level approves or returns the personnel plan',
              ...higher,
              dueDate: dueAfter(command.now, rulebook.stepDueWorkingDays.planReview, rulebook.calendar),
              decision: 'approval',
              subjectIds: [],
            },
          },
        ];
      }
      case 'DecideStep':
        return decideStep(command, state);
      case 'ConsumePlan':
        assertRunning(state.core, command);
        assertStatus(state, ['APPROVED'], command.type);
        return [
          { type: 'PlanConsumed', data: { byProcedureId: command.data.byProcedureId } },
          { type: 'ProcedureCompleted', data: { outcome: 'consumed', personIds: state.plan?.candidateIds ?? [] } },
        ];
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolvePersonnelPlan, initialState: initialPersonnelPlanState };
}

/** Procedure A with the shipped rulebooks. */
export const personnelPlanDecider = createPersonnelPlanDecider();
