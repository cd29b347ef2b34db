import { type DecisionBase, type Rulebook, type ThresholdRule } from '../../rulebook/rulebook.types';
import { ValidationError } from '../../shared/domain.error';
import { type Ratio } from '../../shared/ratio.util';
import { checkBallotCounts } from '../../voting/ballots.rule';
import { evaluateQuorum } from '../../voting/quorum.rule';
import { roundCountEvents } from '../../voting/round-count.rule';
import { evaluateThreshold, type ThresholdResult } from '../../voting/threshold.rule';
import { type MeetingTally } from './meeting-tally.types';
import { type VotingEvent } from './voting.events';

/** How a secret-ballot meeting is judged. */
export interface MeetingRules {
  readonly quorum: Ratio;
  readonly base: DecisionBase;
  readonly threshold: ThresholdRule;
  readonly referenceOnly: boolean;
}

/** Outcome of {@link evaluateMeeting}: the events to record and who passed. */
export interface MeetingEvaluation {
  readonly events: VotingEvent[];
  readonly quorate: boolean;
  readonly results: ReadonlyArray<{ readonly personId: string } & ThresholdResult>;
}

/** The number a threshold is measured against, from a meeting's figures. */
export function meetingBase(base: DecisionBase, tally: MeetingTally): number {
  switch (base) {
    case 'convened':
    case 'all-members':
      return tally.summoned;
    case 'present':
      return tally.present;
    case 'valid-ballots':
      return tally.ballots.valid;
    case 'election-base':
      throw new ValidationError(
        'An election base needs congress attendance figures, not a meeting tally',
        {},
        { code: 'ELECTION_BASE_NOT_FOR_MEETING' },
      );
    default: {
      const _never: never = base;
      return _never;
    }
  }
}

/** The rules for a meeting of `kind` under `rulebook`. */
export function meetingRules(
  rulebook: Rulebook,
  kind: keyof Rulebook['quorum'],
  base: DecisionBase,
  referenceOnly: boolean,
): MeetingRules {
  return { quorum: rulebook.quorum[kind], base, threshold: rulebook.decision.threshold, referenceOnly };
}

/**
 * Judges a secret-ballot meeting: quorum first (a meeting without quorum records only `MeetingConvened` and
 * `QuorumFailed`), then cross-checked ballot counts and one `ThresholdEvaluated` per candidate. Every candidate
 * of the step must appear in the tallies, and nobody else.
 */
export function evaluateMeeting(
  stepId: string,
  tally: MeetingTally,
  candidateIds: readonly string[],
  rules: MeetingRules,
): MeetingEvaluation {
  const quorum = evaluateQuorum({ summoned: tally.summoned, present: tally.present }, rules.quorum);
  const events: VotingEvent[] = [
    { type: 'MeetingConvened', data: { stepId, summoned: tally.summoned, present: tally.present } },
  ];
  if (!quorum.quorate) {
    events.push({
      type: 'QuorumFailed',
      data: { stepId, summoned: tally.summoned, present: tally.present, required: quorum.required },
    });
    return { events, quorate: false, results: [] };
  }
  if (tally.ballots.issued > tally.present) {
    throw new ValidationError(
      `${tally.ballots.issued} ballots issued to ${tally.present} present; check the count`,
      {
        issued: tally.ballots.issued,
        present: tally.present,
      },
      { code: 'BALLOTS_ISSUED_OVER_PRESENT' },
    );
  }
  const missing = candidateIds.filter((id) => tally.tallies[id] === undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      `Enter the votes for every candidate of this step; missing: ${missing.join(', ')}`,
      {
        missing,
      },
      { code: 'TALLY_VOTES_MISSING' },
    );
  }
  checkBallotCounts(tally.ballots, tally.tallies, { seats: Math.max(candidateIds.length, 1), candidateIds });
  const base = meetingBase(rules.base, tally);
  const results = candidateIds.map((personId) => ({
    personId,
    ...evaluateThreshold(tally.tallies[personId] ?? 0, base, rules.threshold),
  }));
  events.push(...roundCountEvents(stepId, tally, { results }, rules.referenceOnly));
  return { events, quorate: true, results };
}
