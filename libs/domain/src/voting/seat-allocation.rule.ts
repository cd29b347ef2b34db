import { compareText } from '../shared/compare.util';
/** A candidate's result in a round. */
export interface CandidateResult {
  readonly personId: string;
  readonly votes: number;
  readonly passed: boolean;
}

/** Outcome of allocating seats among those who passed. */
export interface SeatAllocation {
  /** Elected this round, most votes first. */
  readonly elected: readonly string[];
  /** Candidates tied for the last seat(s), when there are more of them than seats left. */
  readonly tie: { readonly personIds: readonly string[]; readonly votes: number; readonly seats: number } | null;
  /** Seats still empty after this round (including seats held back by a tie). */
  readonly seatsLeft: number;
}

/**
 * Elects among those who passed: all of them when they fit the seats, otherwise the most votes first; a tie at
 * the last seat holds those seats back for the tie rule.
 *
 * @example allocateSeats(2, [{personId:'a',votes:30,passed:true},{personId:'b',votes:28,passed:true},
 *   {personId:'c',votes:28,passed:true}]) // elected ['a'], tie b/c for 1 seat
 */
export function allocateSeats(seats: number, results: readonly CandidateResult[]): SeatAllocation {
  const passing = results
    .filter((r) => r.passed)
    .slice()
    .sort((a, b) => b.votes - a.votes || compareText(a.personId, b.personId));
  if (passing.length <= seats) {
    return { elected: passing.map((r) => r.personId), tie: null, seatsLeft: seats - passing.length };
  }
  const lastSeatVotes = passing[seats - 1]?.votes ?? 0;
  const above = passing.filter((r) => r.votes > lastSeatVotes);
  const tied = passing.filter((r) => r.votes === lastSeatVotes);
  if (above.length + tied.length === seats) {
    return { elected: [...above, ...tied].map((r) => r.personId), tie: null, seatsLeft: 0 };
  }
  const tieSeats = seats - above.length;
  return {
    elected: above.map((r) => r.personId),
    tie: { personIds: tied.map((r) => r.personId), votes: lastSeatVotes, seats: tieSeats },
    seatsLeft: tieSeats,
  };
}
