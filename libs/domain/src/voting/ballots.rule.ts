import { ValidationError } from '../shared/domain.error';

/** Why a ballot is invalid (domain.md §3F). */
export type InvalidBallotReason = 'not-issued-by-board' | 'too-many-names' | 'no-name-with-surplus' | 'name-off-list';

/**
 * One anonymous ballot as read by the counting board: the names kept on it and whether it bears the board's
 * stamp. It never carries who cast it.
 */
export interface AnonymousBallot {
  readonly issuedByBoard: boolean;
  readonly marked: readonly string[];
}

/** What a ballot is checked against. */
export interface BallotContext {
  readonly seats: number;
  readonly candidateIds: readonly string[];
}

/** Aggregate ballot counts for one round; the only ballot data ever stored. */
export interface BallotCounts {
  readonly issued: number;
  readonly returned: number;
  readonly valid: number;
  readonly invalid: Readonly<Record<InvalidBallotReason, number>>;
}

/** Votes per candidate, keyed by person id. */
export type Tallies = Readonly<Record<string, number>>;

/**
 * Classifies a ballot: valid when issued by the board and it keeps at most `seats` names, all from the list;
 * invalid with no name when the list has a surplus.
 */
export function classifyBallot(ballot: AnonymousBallot, context: BallotContext): 'valid' | InvalidBallotReason {
  if (!ballot.issuedByBoard) {
    return 'not-issued-by-board';
  }
  const names = new Set(ballot.marked);
  if (names.size > context.seats) {
    return 'too-many-names';
  }
  if ([...names].some((n) => !context.candidateIds.includes(n))) {
    return 'name-off-list';
  }
  if (names.size === 0 && context.candidateIds.length > context.seats) {
    return 'no-name-with-surplus';
  }
  return 'valid';
}

/** Zero counts for every invalid reason. */
export function noInvalidBallots(): Record<InvalidBallotReason, number> {
  return { 'not-issued-by-board': 0, 'too-many-names': 0, 'no-name-with-surplus': 0, 'name-off-list': 0 };
}

/**
 * Counts anonymous ballots into aggregate counts and tallies (a cross-check of the official counting program).
 * Ballots not issued by the board count as returned but invalid.
 */
export function countBallots(
  issued: number,
  ballots: readonly AnonymousBallot[],
  context: BallotContext,
): { counts: BallotCounts; tallies: Tallies } {
  const invalid = noInvalidBallots();
  const tallies: Record<string, number> = Object.fromEntries(context.candidateIds.map((id) => [id, 0]));
  let valid = 0;
  for (const ballot of ballots) {
    const verdict = classifyBallot(ballot, context);
    if (verdict === 'valid') {
      valid += 1;
      for (const name of new Set(ballot.marked)) {
        tallies[name] = (tallies[name] ?? 0) + 1;
      }
    } else {
      invalid[verdict] += 1;
    }
  }
  const counts = { issued, returned: ballots.length, valid, invalid };
  checkBallotCounts(counts, tallies, context);
  return { counts, tallies };
}

/** Total of the invalid ballots. */
export function invalidTotal(counts: BallotCounts): number {
  return Object.values(counts.invalid).reduce((a, b) => a + b, 0);
}

/**
 * Cross-checks recorded counts: returned ≤ issued, valid + invalid = returned, each candidate's votes ≤ valid,
 * all votes ≤ valid × seats, and only listed candidates. Throws a {@link ValidationError} naming the mismatch.
 */
export function checkBallotCounts(counts: BallotCounts, tallies: Tallies, context: BallotContext): void {
  const numbers: Array<[string, number]> = [
    ['issued', counts.issued],
    ['returned', counts.returned],
    ['valid', counts.valid],
    ...Object.entries(counts.invalid).map(([k, v]): [string, number] => [`invalid.${k}`, v]),
    ...Object.entries(tallies).map(([k, v]): [string, number] => [`votes for ${k}`, v]),
  ];
  for (const [name, value] of numbers) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ValidationError(
        `${name} must be a non-negative whole number, got ${value}`,
        { name, value },
        { code: 'COUNT_INVALID' },
      );
    }
  }
  if (counts.returned > counts.issued) {
    throw new ValidationError(
      `${counts.returned} ballots returned but only ${counts.issued} issued`,
      { ...counts },
      { code: 'BALLOTS_RETURNED_OVER_ISSUED' },
    );
  }
  const invalid = invalidTotal(counts);
  if (counts.valid + invalid !== counts.returned) {
    throw new ValidationError(
      `Valid (${counts.valid}) plus invalid (${invalid}) ballots must equal the ${counts.returned} returned`,
      { valid: counts.valid, invalid, returned: counts.returned },
      { code: 'BALLOTS_DO_NOT_ADD_UP' },
    );
  }
  let total = 0;
  for (const [personId, votes] of Object.entries(tallies)) {
    if (!context.candidateIds.includes(personId)) {
      throw new ValidationError(
        `Votes recorded for ${personId}, who is not on this round's list`,
        { personId },
        { code: 'TALLY_UNKNOWN_CANDIDATE' },
      );
    }
    if (votes > counts.valid) {
      throw new ValidationError(
        `${personId} has ${votes} votes but only ${counts.valid} ballots are valid`,
        {
          personId,
          votes,
          valid: counts.valid,
        },
        { code: 'VOTES_OVER_VALID_BALLOTS' },
      );
    }
    total += votes;
  }
  if (total > counts.valid * context.seats) {
    throw new ValidationError(
      `${total} votes in all exceed ${counts.valid} valid ballots × ${context.seats} seats`,
      {
        total,
        valid: counts.valid,
        seats: context.seats,
      },
      { code: 'VOTES_OVER_TOTAL' },
    );
  }
}
