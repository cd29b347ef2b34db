import { evaluateConfidenceVote } from '../../checks/confidence-vote.check';
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
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import {
  type ConfidenceRatings,
  type ConfidenceVoteCommand,
  type RecordConfidenceVote,
} from './confidence-vote.commands';
import { type ConfidenceRated, type ConfidenceVoteEvent } from './confidence-vote.events';
import { evolveConfidenceVote, initialConfidenceVoteState, type ConfidenceVoteState } from './confidence-vote.state';

/** The step on which the voting body's count is recorded. */
export const CONFIDENCE_VOTE_STEP = 'vote';

/** The follow-up step of a person whose result was low. */
export const followUpStepId = (personId: string): string => `follow-up/${personId}`;

/** Every figure entered is a whole number of at least 0 (checked before anything else). */
function checkCounts(data: RecordConfidenceVote['data']): void {
  const counts: Array<[string, number]> = [
    ['summoned', data.summoned],
    ['present', data.present],
  ];
  for (const [personId, r] of Object.entries(data.ratings)) {
    counts.push([`${personId}.high`, r.high], [`${personId}.confidence`, r.confidence], [`${personId}.low`, r.low]);
  }
  const bad = counts.find(([, n]) => !Number.isInteger(n) || n < 0);
  if (bad) {
    throw new ValidationError(
      `${bad[0]} must be a whole number of at least 0`,
      {},
      {
        code: 'COUNT_INVALID',
        params: { field: bad[0], value: String(bad[1]) },
      },
    );
  }
}

/** Ballots for every person of the vote and nobody else, never more on a person than members present. */
function checkRatings(data: RecordConfidenceVote['data'], personIds: readonly string[]): void {
  const missing = personIds.filter((id) => data.ratings[id] === undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      `Enter the ballots for every person voted on; missing: ${missing.join(', ')}`,
      { missing },
      { code: 'TALLY_VOTES_MISSING', params: { missing } },
    );
  }
  const unknown = Object.keys(data.ratings).filter((id) => !personIds.includes(id));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Ballots given for people not on this vote: ${unknown.join(', ')}`,
      { unknown },
      { code: 'TALLY_UNKNOWN_CANDIDATE', params: { unknown } },
    );
  }
  for (const [personId, r] of Object.entries(data.ratings)) {
    const votes = total(r);
    if (votes > data.present) {
      throw new ValidationError(
        `${votes} ballots on ${personId} from ${data.present} present; check the count`,
        {},
        { code: 'VOTES_OVER_TOTAL', params: { personId, votes, total: data.present } },
      );
    }
  }
}

const total = (r: ConfidenceRatings): number => r.high + r.confidence + r.low;

/**
 * Builds the decider of the confidence vote (lấy phiếu tín nhiệm, QĐ 262 → 96): the voting body's recorder enters
 * the count (quorum 2/3 of those summoned, else the meeting is convened again); each person's "low confidence"
 * share decides the consequence (over 1/2 and under 2/3 → review, at least 2/3 → dismissal); each low result opens
 * a step for the competent higher body, which records whether the measure is taken. The procedure completes when
 * no low result awaits a decision. Due dates reuse the rulebook's working days for a committee meeting
 * (`introductionStep`) and for a higher body's opinion (`higherOpinion`).
 *
 * @example
 * const events = confidenceVoteDecider.decide(launchCommand, confidenceVoteDecider.initialState());
 */
export function createConfidenceVoteDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<ConfidenceVoteCommand, ConfidenceVoteEvent, ConfidenceVoteState> {
  function record(command: RecordConfidenceVote, state: ConfidenceVoteState): ConfidenceVoteEvent[] {
    assertRunning(state.core, command);
    const step = authorizeStep(state.core, command.data.stepId, command.actor, {
      fourEyes: true,
      commandType: command.type,
    });
    if (step.stepId !== CONFIDENCE_VOTE_STEP) {
      throw new IllegalTransitionError(
        `Step "${step.stepId}" is decided by approval, not by a count`,
        state.status,
        command.type,
        { code: 'STEP_NOT_BALLOT', params: { stepId: step.stepId } },
      );
    }
    const rulebook = coreRulebook(state.core, rulebooks);
    const { data } = command;
    checkCounts(data);
    // Attendance first: a meeting without quorum records only that it met and failed.
    const first = evaluateConfidenceVote(
      { summoned: data.summoned, present: data.present, low: 0, votes: 0 },
      rulebook,
    ).quorum;
    const convened: ConfidenceVoteEvent = {
      type: 'MeetingConvened',
      data: { stepId: step.stepId, summoned: data.summoned, present: data.present },
    };
    if (!first.quorate) {
      return [
        convened,
        {
          type: 'QuorumFailed',
          data: { stepId: step.stepId, summoned: data.summoned, present: data.present, required: first.required },
        },
      ];
    }
    checkRatings(data, state.personIds);
    const rated: ConfidenceRated[] = state.personIds.map((personId) => {
      const r = data.ratings[personId];
      const votes = total(r);
      const { consequence } = evaluateConfidenceVote(
        { summoned: data.summoned, present: data.present, low: r.low, votes },
        rulebook,
      );
      return { type: 'ConfidenceRated', data: { stepId: step.stepId, personId, ...r, votes, consequence } };
    });
    const higher = authorityOf(state.core, 'higher');
    const followUps: StepOpened[] = rated
      .filter((e) => e.data.consequence !== 'none')
      .map((e) => ({
        type: 'StepOpened',
        data: {
          stepId: followUpStepId(e.data.personId),
          kind: 'confidence-follow-up',
          params: { personId: e.data.personId, consequence: e.data.consequence },
          name: `Higher body decides on the low confidence result of ${e.data.personId}`,
          ...higher,
          dueDate: dueAfter(command.now, rulebook.procedureStepDue.confidenceVote.higherDecision, rulebook.calendar),
          decision: 'approval',
          subjectIds: [e.data.personId],
        },
      }));
    const events: ConfidenceVoteEvent[] = [
      convened,
      ...rated,
      { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'recorded' } },
      ...followUps,
    ];
    if (followUps.length === 0) {
      events.push({ type: 'ProcedureCompleted', data: { outcome: 'recorded', personIds: state.personIds } });
    }
    return events;
  }

  function decideFollowUp(command: DecideStep, state: ConfidenceVoteState): ConfidenceVoteEvent[] {
    assertRunning(state.core, command);
    const step = authorizeStep(state.core, command.data.stepId, command.actor, {
      fourEyes: true,
      commandType: command.type,
    });
    const personId = step.subjectIds[0];
    const result = personId === undefined ? undefined : state.outcomes[personId];
    if (step.stepId === CONFIDENCE_VOTE_STEP || personId === undefined || !result || result.consequence === 'none') {
      throw new IllegalTransitionError(
        `Step "${step.stepId}" is decided by recording the count`,
        state.status,
        command.type,
        { code: 'STEP_NOT_APPROVAL', params: { stepId: step.stepId } },
      );
    }
    const { decision } = command.data;
    if (decision.kind === 'return') {
      throw new ValidationError(
        'A low confidence result is decided: the measure is taken (approve) or not (reject)',
        {},
        { code: 'DECISION_NOT_RETURNABLE', params: { stepId: step.stepId } },
      );
    }
    if (decision.kind === 'reject' && !decision.reason.trim()) {
      throw new ValidationError(
        'Give a reason not to take the measure',
        {},
        { code: 'DECISION_REASON_MISSING', params: { decision: decision.kind } },
      );
    }
    const measureTaken = decision.kind === 'approve';
    const note = decision.kind === 'approve' ? (decision.note ?? '') : decision.reason;
    const events: ConfidenceVoteEvent[] = [
      {
        type: 'ConfidenceConsequenceDecided',
        data: { personId, consequence: result.consequence, measureTaken, note },
      },
      { type: 'StepClosed', data: { stepId: step.stepId, outcome: measureTaken ? 'approved' : 'rejected' } },
    ];
    const stillOpen = Object.keys(state.core.openSteps).filter((id) => id !== step.stepId);
    if (stillOpen.length === 0) {
      events.push({ type: 'ProcedureCompleted', data: { outcome: 'recorded', personIds: state.personIds } });
    }
    return events;
  }

  function decide(command: ConfidenceVoteCommand, state: ConfidenceVoteState): ConfidenceVoteEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    switch (command.type) {
      case 'LaunchConfidenceVote': {
        assertNotLaunched(state.core, command);
        assertActorRole(
          command.actor,
          'organization-committee',
          'A confidence vote is launched by the Organization Committee',
        );
        const { data } = command;
        const personIds = data.candidates.map((c) => c.personId);
        if (personIds.length === 0) {
          throw new ValidationError('Name at least one person to vote on', {}, { code: 'NOMINATION_EMPTY' });
        }
        assertListedOnce(personIds);
        const rulebook = launchRulebook(command, rulebooks);
        return [
          {
            type: 'ProcedureLaunched',
            data: {
              procedureId: data.procedureId,
              kind: 'confidence-vote',
              bodyId: data.organisationId,
              rulebookId: rulebook.id,
              launchedBy: command.actor,
              launchedAt: command.now,
              ...(data.registry ? { registry: data.registry } : {}),
              higherBodyId: data.higherBodyId,
              concerned: data.candidates,
              authorities: {
                voting: { role: data.votingRole, bodyId: data.votingBodyId },
                higher: { role: data.higherRole, bodyId: data.higherBodyId },
              },
            },
          },
          { type: 'ConfidenceVoteScheduled', data: { personIds, votingBodyId: data.votingBodyId } },
          {
            type: 'StepOpened',
            data: {
              stepId: CONFIDENCE_VOTE_STEP,
              kind: 'confidence-vote',
              params: { count: personIds.length },
              name: 'The voting body records the confidence vote',
              role: data.votingRole,
              bodyId: data.votingBodyId,
              dueDate: dueAfter(command.now, rulebook.procedureStepDue.confidenceVote.vote, rulebook.calendar),
              decision: 'confidence-tally',
              subjectIds: personIds,
            },
          },
        ];
      }
      case 'RecordConfidenceVote':
        return record(command, state);
      case 'DecideStep':
        return decideFollowUp(command, state);
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveConfidenceVote, initialState: initialConfidenceVoteState };
}

/** The confidence vote with the shipped rulebooks. */
export const confidenceVoteDecider = createConfidenceVoteDecider();
