import { exceeds } from '../shared/ratio.util';
import { type Rulebook } from '../rulebook/rulebook.types';
import { evaluateThreshold, type ThresholdResult } from './threshold.rule';

/** Outcome of a surplus check on a candidate list (số dư). */
export interface SurplusCheck {
  readonly seats: number;
  readonly candidates: number;
  readonly surplus: number;
  readonly ok: boolean;
  /** Why not, in words a person can act on. */
  readonly problems: readonly string[];
}

/**
 * Checks a list's surplus: at least `minimum` over the seats, at most `maximum` of the seats (30%: 3 over
 * 10 seats passes, 4 fails), and a 3–5 seat committee at most 1 instead of the share.
 */
export function checkSurplus(seats: number, candidates: number, rules: Rulebook['surplus']): SurplusCheck {
  const surplus = candidates - seats;
  const problems: string[] = [];
  if (!Number.isSafeInteger(seats) || seats <= 0) {
    problems.push(`The number of seats must be a positive whole number, got ${seats}`);
  }
  if (surplus < rules.minimum) {
    problems.push(
      `${candidates} candidates for ${seats} seats: the list needs at least ${rules.minimum} more than the seats`,
    );
  }
  const small = rules.smallCommittee;
  if (seats >= small.minSeats && seats <= small.maxSeats) {
    // A 3–5 seat committee has its own cap, which replaces the share (1 of 3 would exceed 30%).
    if (surplus > small.maxSurplus) {
      problems.push(
        `A committee of ${seats} may have at most ${small.maxSurplus} surplus candidate(s), got ${surplus}`,
      );
    }
  } else if (surplus > rules.minimum && exceeds(surplus, seats, rules.maximum)) {
    // [A] The share never forbids the minimum surplus itself (1 over 2 seats is allowed).
    problems.push(
      `A surplus of ${surplus} is more than ${rules.maximum.numerator}/${rules.maximum.denominator} of ${seats} seats`,
    );
  }
  return { seats, candidates, surplus, ok: problems.length === 0, problems };
}

/** A name added from the floor needs more than 30% (by default) of delegates present. */
export function evaluateFloorAddition(
  votesInFavour: number,
  delegatesPresent: number,
  rules: Rulebook['surplus'],
): ThresholdResult {
  return evaluateThreshold(votesInFavour, delegatesPresent, rules.floorAddition);
}
