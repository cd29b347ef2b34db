import { compareText } from '../../shared/compare.util';
import { type IsoDate } from '../../calendar/civil-date.util';
import { calendarDate } from '../../calendar/holiday-calendar.util';
import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type Rulebook } from '../../rulebook/rulebook.types';
import { IllegalTransitionError, NotAllowedError, ValidationError } from '../../shared/domain.error';
import { type Decider } from '../../shared/message.types';
import { nominationOutcome } from '../../voting/nomination.rule';
import { type DecideStep } from '../common/common.commands';
import { type StepOpened } from '../common/common.events';
import { evaluateMeeting, meetingBase, meetingRules } from '../common/meeting-evaluation.rule';
import {
  assertActionProgrammes,
  assertNotLaunched,
  assertRunning,
  authorityOf,
  authorizeStep,
  coreRulebook,
  decideCommon,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import {
  type AppointmentCommand,
  type AppointmentVariant,
  type LaunchAppointment,
  type RecordAppointmentTally,
} from './appointment.commands';
import { type AppointmentEvent } from './appointment.events';
import {
  appointmentStepId,
  type AppointmentState,
  evolveAppointment,
  initialAppointmentState,
} from './appointment.state';

const STEP_NAMES: Record<number, { name: string; part: string; kind: 'approval' | 'tally' }> = {
  1: { name: 'Head and leadership propose structure, standards and process', part: 'collective', kind: 'approval' },
  2: { name: 'Leadership collective nominates by secret ballot (results sealed)', part: 'collective', kind: 'tally' },
  3: { name: 'Leadership collective nominates again on step-2 results', part: 'collective', kind: 'tally' },
  4: { name: 'Key-cadres conference votes', part: 'conference', kind: 'tally' },
  5: { name: 'Leadership collective votes', part: 'collective', kind: 'tally' },
};

/**
 * The step each form opens after step 1: only `appointment` nominates (steps 2–3); `reappointment` keeps the
 * key-cadres conference (4); the others go straight to the collective's vote on the person named at launch (5).
 */
const AFTER_PROPOSAL: Record<AppointmentVariant, number> = {
  appointment: 2,
  reappointment: 4,
  transfer: 5,
  rotation: 5,
  ratification: 5,
};

/** Every form but `appointment` is about one person named at launch; `appointment` finds its nominees itself. */
function assertPersonFits(command: LaunchAppointment): void {
  const variant = command.data.variant ?? 'appointment';
  const person = command.data.person;
  if (variant === 'appointment' && person) {
    throw new ValidationError(
      'An appointment finds its nominees by secret ballot; name a person only to reappoint, transfer, rotate or ratify',
      { person: ['not expected for an appointment'] },
      { code: 'APPOINTMENT_PERSON_UNEXPECTED', params: { variant } },
    );
  }
  if (variant !== 'appointment' && !person?.personId.trim()) {
    throw new ValidationError(
      `Name the person this ${variant} is about`,
      { person: ['required'] },
      { code: 'APPOINTMENT_PERSON_MISSING', params: { variant } },
    );
  }
}

/**
 * Builds the decider of procedure C, appointment or introduction from the unit (QĐ 105 → 80 → 377): policy
 * approval, then five steps that must finish within the rulebook's working days (15, or 30 for posts under
 * central management); a late finish owes a written explanation.
 */
export function createAppointmentDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<AppointmentCommand, AppointmentEvent, AppointmentState> {
  function openStep(state: AppointmentState, step: number, subjects: readonly string[], due: IsoDate): StepOpened {
    const spec = STEP_NAMES[step] ?? { name: '', part: 'collective', kind: 'approval' as const };
    return {
      type: 'StepOpened',
      data: {
        stepId: appointmentStepId(step),
        kind: 'appointment-step',
        params: { step },
        name: `Step ${step}: ${spec.name}`,
        ...authorityOf(state.core, spec.part),
        dueDate: due,
        decision: spec.kind,
        subjectIds: subjects,
      },
    };
  }

  function openPolicy(state: AppointmentState, attempt: number, now: string, rulebook: Rulebook): StepOpened {
    return {
      type: 'StepOpened',
      data: {
        stepId: attempt > 1 ? `policy#${attempt}` : 'policy',
        kind: 'appointment-policy',
        params: { attempt },
        name: 'Higher body approves the policy (which post)',
        ...authorityOf(state.core, 'higher'),
        dueDate: dueAfter(now, rulebook.stepDueWorkingDays.policyApproval, rulebook.calendar),
        decision: 'approval',
        subjectIds: [],
      },
    };
  }

  function policyStepId(state: AppointmentState): string {
    return state.policyAttempts > 1 ? `policy#${state.policyAttempts}` : 'policy';
  }

  function decideStep(command: DecideStep, state: AppointmentState, rulebook: Rulebook): AppointmentEvent[] {
    const { stepId, decision } = command.data;
    authorizeStep(state.core, stepId, command.actor, { fourEyes: true, commandType: command.type });
    if (decision.kind !== 'approve' && !decision.reason.trim()) {
      throw new ValidationError(
        `Give a reason to ${decision.kind}`,
        {},
        { code: 'DECISION_REASON_MISSING', params: { decision: decision.kind } },
      );
    }
    if (state.status === 'AWAITING_POLICY' && stepId === policyStepId(state)) {
      switch (decision.kind) {
        case 'approve': {
          const days = state.centralManagement
            ? rulebook.appointment.deadlineWorkingDays.centralManagement
            : rulebook.appointment.deadlineWorkingDays.standard;
          const due = dueAfter(command.now, days, rulebook.calendar);
          return [
            {
              type: 'PolicyApproved',
              data: {
                approvedOn: calendarDate(command.now, rulebook.calendar),
                deadlineWorkingDays: days,
                completionDueDate: due,
              },
            },
            { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
            openStep(state, 1, [], due),
          ];
        }
        case 'return':
          return [
            { type: 'PolicyReturned', data: { reason: decision.reason } },
            { type: 'StepClosed', data: { stepId, outcome: 'returned' } },
            openPolicy(state, state.policyAttempts + 1, command.now, rulebook),
          ];
        case 'reject':
          return [
            { type: 'PolicyRejected', data: { reason: decision.reason } },
            { type: 'StepClosed', data: { stepId, outcome: 'rejected' } },
            { type: 'ProcedureCompleted', data: { outcome: 'policy-rejected', personIds: [] } },
          ];
        default: {
          const _never: never = decision;
          return _never;
        }
      }
    }
    const due = state.completionDueDate as IsoDate;
    if (state.step === 1 && stepId === appointmentStepId(1)) {
      if (decision.kind === 'return') {
        throw new ValidationError(
          'Step 1 is the collective’s own proposal: approve it, or reject it to end the procedure',
          {},
          { code: 'APPOINTMENT_PROPOSAL_NOT_RETURNABLE' },
        );
      }
      if (decision.kind === 'reject') {
        return [
          { type: 'StepClosed', data: { stepId, outcome: 'rejected' } },
          { type: 'ProcedureCompleted', data: { outcome: 'proposal-rejected', personIds: [] } },
        ];
      }
      const next = AFTER_PROPOSAL[state.variant];
      return [
        { type: 'ProposalApproved', data: { stepId, note: decision.note ?? null } },
        { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
        openStep(state, next, next === 2 ? [] : state.candidates, due),
      ];
    }
    if (state.status === 'AWAITING_RATIFICATION' && stepId === 'ratification') {
      const personId = state.candidates[0] ?? '';
      const byBodyId = authorityOf(state.core, 'higher').bodyId;
      switch (decision.kind) {
        case 'approve':
          return [
            { type: 'MemberRatified', data: { personId, byBodyId, note: decision.note ?? null } },
            { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
            { type: 'ProcedureCompleted', data: { outcome: 'ratified', personIds: [personId] } },
          ];
        case 'reject':
          return [
            { type: 'MemberRatificationRefused', data: { personId, byBodyId, reason: decision.reason } },
            { type: 'StepClosed', data: { stepId, outcome: 'rejected' } },
            { type: 'ProcedureCompleted', data: { outcome: 'ratification-refused', personIds: [] } },
          ];
        case 'return':
          throw new ValidationError(
            'The higher committee ratifies the election or refuses it; an election is not returned',
            {},
            { code: 'DECISION_NOT_RETURNABLE', params: { stepId } },
          );
        default: {
          const _never: never = decision;
          return _never;
        }
      }
    }
    if (state.status === 'AWAITING_HEAD' && state.headReferral && stepId === 'head-decision') {
      const referral = state.headReferral;
      if (decision.kind === 'approve') {
        return [
          { type: 'CandidateProposed', data: { ...referral, decidedBy: 'head' } },
          { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
          { type: 'ProcedureCompleted', data: { outcome: 'proposed', personIds: [referral.personId] } },
        ];
      }
      return [
        { type: 'CandidateDropped', data: { personId: referral.personId, step: stepId, reason: decision.reason } },
        { type: 'StepClosed', data: { stepId, outcome: 'rejected' } },
        { type: 'ProcedureCompleted', data: { outcome: 'no-candidate', personIds: [] } },
      ];
    }
    throw new IllegalTransitionError(
      `Step "${stepId}" is not decided by approval; record a tally instead`,
      state.status,
      command.type,
      { code: 'STEP_NOT_APPROVAL', params: { stepId } },
    );
  }

  function recordTally(
    command: RecordAppointmentTally,
    state: AppointmentState,
    rulebook: Rulebook,
  ): AppointmentEvent[] {
    const { stepId, tally } = command.data;
    const step = state.step;
    if (state.status !== 'IN_PROGRESS' || stepId !== appointmentStepId(step) || STEP_NAMES[step]?.kind !== 'tally') {
      throw new IllegalTransitionError(`Step "${stepId}" is not an open ballot step`, state.status, command.type, {
        code: 'STEP_NOT_BALLOT',
        params: { stepId },
      });
    }
    authorizeStep(state.core, stepId, command.actor, { fourEyes: false, commandType: command.type });
    const due = state.completionDueDate as IsoDate;
    if (step === 3 && state.sealed.includes(appointmentStepId(2))) {
      throw new IllegalTransitionError(
        'Disclose the step-2 results before the collective nominates again on them',
        state.status,
        command.type,
        { code: 'APPOINTMENT_DISCLOSE_FIRST' },
      );
    }
    const threshold = rulebook.decision.threshold;
    if (step === 2 || step === 3) {
      const named = step === 2 ? Object.keys(tally.tallies) : state.candidates;
      if (named.length === 0) {
        throw new ValidationError(
          'The nomination ballot names nobody; enter the votes per nominee',
          {},
          { code: 'NOMINATION_EMPTY' },
        );
      }
      const rules = meetingRules(
        rulebook,
        'leadershipCollective',
        rulebook.decision.bases.appointmentNomination,
        false,
      );
      const meeting = evaluateMeeting(stepId, tally, named, rules);
      if (!meeting.quorate) {
        return meeting.events;
      }
      const outcome = nominationOutcome(tally.tallies, meetingBase(rules.base, tally), threshold);
      const events: AppointmentEvent[] = [...meeting.events];
      if (step === 2) {
        events.push(
          ...outcome.forwarded.map((personId): AppointmentEvent => ({
            type: 'CandidateAdded',
            data: { personId, source: 'unit', relativeIds: command.data.relatives?.[personId] ?? [] },
          })),
          { type: 'ResultSealed', data: { stepId } },
        );
      } else {
        events.push(
          ...state.candidates
            .filter((id) => !outcome.forwarded.includes(id))
            .map((personId): AppointmentEvent => ({
              type: 'CandidateDropped',
              data: { personId, step: stepId, reason: 'not forwarded by the second nomination' },
            })),
        );
      }
      return [
        ...events,
        ...(outcome.tie && state.recordsTies
          ? [{ type: 'TieDetected' as const, data: { stepId, ...outcome.tie, resolvedBy: 'id-order' as const } }]
          : []),
        { type: 'NominationForwarded', data: { stepId, personIds: outcome.forwarded, rule: outcome.rule } },
        { type: 'StepClosed', data: { stepId, outcome: 'recorded' } },
        openStep(state, step + 1, outcome.forwarded, due),
      ];
    }
    if (step === 5) {
      assertActionProgrammes(state.core, state.candidates, rulebook, command.type);
    }
    const referenceOnly = rulebook.appointment.referenceOnlySteps.includes(step);
    const rules =
      step === 4
        ? meetingRules(rulebook, 'keyCadresConference', rulebook.decision.bases.keyCadresConference, referenceOnly)
        : meetingRules(rulebook, 'leadershipCollective', rulebook.decision.bases.appointmentFinal, referenceOnly);
    const meeting = evaluateMeeting(stepId, tally, state.candidates, rules);
    if (!meeting.quorate) {
      return meeting.events;
    }
    const events: AppointmentEvent[] = [...meeting.events];
    if (step === 4) {
      const failed = referenceOnly ? [] : meeting.results.filter((r) => !r.passed);
      const left = state.candidates.filter((id) => !failed.some((f) => f.personId === id));
      events.push(
        ...failed.map((r): AppointmentEvent => ({
          type: 'CandidateDropped',
          data: {
            personId: r.personId,
            step: stepId,
            reason: `${r.votes} of ${r.base} votes; more than half needs ${r.required}`,
          },
        })),
        { type: 'StepClosed', data: { stepId, outcome: 'recorded' } },
      );
      return left.length > 0
        ? [...events, openStep(state, 5, left, due)]
        : [...events, { type: 'ProcedureCompleted', data: { outcome: 'no-candidate', personIds: [] } }];
    }
    const ranked = [...meeting.results].sort((a, b) => b.votes - a.votes || compareText(a.personId, b.personId));
    const top = ranked[0];
    const runnerUp = ranked[1];
    events.push({ type: 'StepClosed', data: { stepId, outcome: 'recorded' } });
    if (top && top.passed && (!runnerUp || runnerUp.votes < top.votes)) {
      const proposed: AppointmentEvent = {
        type: 'CandidateProposed',
        data: { personId: top.personId, votes: top.votes, base: top.base, decidedBy: 'collective' },
      };
      if (state.variant === 'ratification') {
        return [
          ...events,
          proposed,
          {
            type: 'StepOpened',
            data: {
              stepId: 'ratification',
              kind: 'appointment-ratification',
              params: { personId: top.personId },
              name: 'The higher committee ratifies the member the committee elected',
              ...authorityOf(state.core, 'higher'),
              dueDate: dueAfter(
                command.now,
                rulebook.procedureStepDue.appointmentRatification.ratification,
                rulebook.calendar,
              ),
              decision: 'approval',
              subjectIds: [top.personId],
            },
          },
        ];
      }
      return [
        ...events,
        ...ranked.slice(1).map((r): AppointmentEvent => ({
          type: 'CandidateDropped',
          data: { personId: r.personId, step: stepId, reason: 'fewer votes than the proposed candidate' },
        })),
        proposed,
        { type: 'ProcedureCompleted', data: { outcome: 'proposed', personIds: [top.personId] } },
      ];
    }
    const exactlyHalf = top !== undefined && top.votes * 2 === top.base && (!runnerUp || runnerUp.votes < top.votes);
    // An election by the committee needs more than half: nobody's head decides a tie there.
    if (top && exactlyHalf && state.variant !== 'ratification' && rulebook.appointment.exactHalf === 'head-decides') {
      return [
        ...events,
        {
          type: 'StepOpened',
          data: {
            stepId: 'head-decision',
            kind: 'appointment-head-decision',
            params: { personId: top.personId },
            name: 'Exactly half of the collective: the head decides',
            ...authorityOf(state.core, 'head'),
            dueDate: due,
            decision: 'approval',
            subjectIds: [top.personId],
          },
        },
      ];
    }
    return [
      ...events,
      ...ranked.map((r): AppointmentEvent => ({
        type: 'CandidateDropped',
        data: {
          personId: r.personId,
          step: stepId,
          reason: `${r.votes} of ${r.base} votes; more than half needs ${r.required}`,
        },
      })),
      { type: 'ProcedureCompleted', data: { outcome: 'no-candidate', personIds: [] } },
    ];
  }

  function decide(command: AppointmentCommand, state: AppointmentState): AppointmentEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    if (command.type === 'LaunchAppointment') {
      assertNotLaunched(state.core, command);
      assertPersonFits(command);
      const rulebook = launchRulebook(command, rulebooks);
      const { data } = command;
      const launched: AppointmentEvent[] = [
        {
          type: 'ProcedureLaunched',
          data: {
            procedureId: data.procedureId,
            kind: 'appointment',
            bodyId: data.unitId,
            rulebookId: rulebook.id,
            launchedBy: command.actor,
            launchedAt: command.now,
            ...(command.data.registry ? { registry: command.data.registry } : {}),
            variant: data.variant ?? 'appointment',
            higherBodyId: data.higherBodyId,
            concerned: [],
            authorities: {
              collective: { role: data.collectiveRole ?? 'leadership-collective', bodyId: data.leadershipCollectiveId },
              head: { role: 'head', bodyId: data.unitId },
              conference: { role: 'key-cadres-conference', bodyId: data.keyCadresConferenceId },
              higher: { role: data.higherRole, bodyId: data.higherBodyId },
            },
          },
        },
        {
          type: 'PolicyRequested',
          data: { ...data.post, toBodyId: data.higherBodyId, recordsTies: data.recordsTies ?? true },
        },
        ...(data.person
          ? [
              {
                type: 'CandidateAdded' as const,
                data: { personId: data.person.personId, source: 'unit' as const, relativeIds: data.person.relativeIds },
              },
            ]
          : []),
      ];
      const after = launched.reduce(evolveAppointment, state);
      return [...launched, openPolicy(after, 1, command.now, rulebook)];
    }
    assertRunning(state.core, command);
    const rulebook = coreRulebook(state.core, rulebooks);
    switch (command.type) {
      case 'DecideStep':
        return decideStep(command, state, rulebook);
      case 'RecordTally':
        return recordTally(command, state, rulebook);
      case 'DiscloseResult': {
        if (!state.sealed.includes(command.data.stepId)) {
          throw new IllegalTransitionError(`No sealed result at "${command.data.stepId}"`, state.status, command.type, {
            code: 'RESULT_NOT_SEALED',
            params: { stepId: command.data.stepId },
          });
        }
        const collective = authorityOf(state.core, 'collective');
        if (command.actor.role !== collective.role || command.actor.bodyId !== collective.bodyId) {
          throw new NotAllowedError(
            'The leadership collective discloses its sealed results',
            command.actor.personId,
            'ROLE',
          );
        }
        return [{ type: 'ResultDisclosed', data: { stepId: command.data.stepId } }];
      }
      case 'FileLateExplanation': {
        if (!state.deadlineBreached) {
          throw new IllegalTransitionError('No deadline was breached; nothing to explain', state.status, command.type, {
            code: 'NO_DEADLINE_BREACHED',
          });
        }
        if (!command.data.explanation.trim()) {
          throw new ValidationError('The written explanation is empty', {}, { code: 'EXPLANATION_EMPTY' });
        }
        return [{ type: 'LateExplanationFiled', data: { explanation: command.data.explanation } }];
      }
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveAppointment, initialState: initialAppointmentState };
}

/** Procedure C with the shipped rulebooks. */
export const appointmentDecider = createAppointmentDecider();
