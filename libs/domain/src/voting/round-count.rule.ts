import {
  type BallotsIssued,
  type BallotsReturned,
  type TallyRecorded,
  type ThresholdEvaluated,
} from '../procedures/common/voting.events';
import { type DecisionBase, type ThresholdRule } from '../rulebook/rulebook.types';
import { ValidationError } from '../shared/domain.error';
import { checkBallotCounts, type BallotCounts, type Tallies } from './ballots.rule';
import { electionThresholdBase, type ElectionAttendance } from './election-base.rule';
import { allocateSeats, type SeatAllocation } from './seat-allocation.rule';
import { evaluateThreshold, type ThresholdResult } from './threshold.rule';

/** A round's count as the counting board records it. */
export interface RoundCount {
  readonly attendance: ElectionAttendance;
  readonly ballots: BallotCounts;
  readonly tallies: Tallies;
}

/** The outcome of counting one round of a secret-ballot election. */
export interface RoundOutcome {
  /** The number each candidate needed more than the threshold of. */
  readonly base: number;
  /** Each candidate of the round against the threshold, in the round's order. */
  readonly results: ReadonlyArray<ThresholdResult & { readonly personId: string }>;
  readonly allocation: SeatAllocation;
}

/**
 * Counts a round of a secret-ballot election (Quyết định 244 → 190): the base under the rulebook's election base,
 * votes for every candidate of the round, the ballot counts cross-checked, each candidate against the threshold,
 * seats by votes with a tie at the last seat held back. The congress election and the first session of the new
 * executive committee count their rounds with it.
 */
export function countElectionRound(
  count: RoundCount,
  round: { readonly seats: number; readonly candidateIds: readonly string[] },
  rules: { readonly base: DecisionBase; readonly threshold: ThresholdRule },
): RoundOutcome {
  const { attendance, ballots, tallies } = count;
  const base = electionThresholdBase(rules.base, attendance, ballots.valid);
  const missing = round.candidateIds.filter((id) => tallies[id] === undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      `Enter the votes for every candidate of the round; missing: ${missing.join(', ')}`,
      { missing },
      { code: 'TALLY_VOTES_MISSING', params: { missing } },
    );
  }
  checkBallotCounts(ballots, tallies, { seats: round.seats, candidateIds: round.candidateIds });
  const results = round.candidateIds.map((personId) => ({
    personId,
    ...evaluateThreshold(tallies[personId] ?? 0, base, rules.threshold),
  }));
  return { base, results, allocation: allocateSeats(round.seats, results) };
}

/** The events that record a counted round, in the order every procedure's trail holds them. */
export type RoundCountEvent = BallotsIssued | BallotsReturned | TallyRecorded | ThresholdEvaluated;

/**
 * The trail of a counted round: ballots issued, ballots returned, the tallies, then each candidate against the
 * threshold in the round's order. The congress election, the first session and the meetings of the other procedures
 * (`referenceOnly` where their rulebook counts the vote for reference only) record their counts with the same events,
 * so the inspection committee reads every trail alike. The result is typed by the shared events alone, so it
 * spreads into any procedure's event list whose union holds them.
 *
 * @example
 * const outcome = countElectionRound(count, round, rules);
 * const events: ElectionEvent[] = [convened, ...roundCountEvents(stepId, count, outcome)];
 */
export function roundCountEvents(
  stepId: string,
  count: Pick<RoundCount, 'ballots' | 'tallies'>,
  outcome: Pick<RoundOutcome, 'results'>,
  referenceOnly = false,
): RoundCountEvent[] {
  const { ballots, tallies } = count;
  return [
    { type: 'BallotsIssued', data: { stepId, issued: ballots.issued } },
    {
      type: 'BallotsReturned',
      data: { stepId, returned: ballots.returned, valid: ballots.valid, invalid: ballots.invalid },
    },
    { type: 'TallyRecorded', data: { stepId, tallies } },
    ...outcome.results.map((r): ThresholdEvaluated => ({
      type: 'ThresholdEvaluated',
      data: {
        stepId,
        personId: r.personId,
        base: r.base,
        votes: r.votes,
        required: r.required,
        passed: r.passed,
        referenceOnly,
      },
    })),
  ];
}
