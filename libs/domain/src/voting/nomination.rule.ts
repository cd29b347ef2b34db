import { compareText } from '../shared/compare.util';
import { type ThresholdRule } from '../rulebook/rulebook.types';
import { evaluateThreshold, type ThresholdResult } from './threshold.rule';
import { type Tallies } from './ballots.rule';

/** Outcome of a nomination ballot for one post (appointment steps 2 and 3). */
export interface NominationOutcome {
  /** Who goes forward: the top candidate if they have most votes and pass; otherwise the top two. */
  readonly forwarded: readonly string[];
  readonly rule: 'most-votes-and-majority' | 'top-two';
  readonly evaluations: ReadonlyArray<{ readonly personId: string } & ThresholdResult>;
}

/**
 * One name per post: the person with most votes **and** more than half goes forward; if nobody has more than
 * half (or the top is shared), the top two go forward (QĐ 80, step 2).
 */
export function nominationOutcome(tallies: Tallies, base: number, threshold: ThresholdRule): NominationOutcome {
  const ranked = Object.entries(tallies)
    .map(([personId, votes]) => ({ personId, ...evaluateThreshold(votes, base, threshold) }))
    .sort((a, b) => b.votes - a.votes || compareText(a.personId, b.personId));
  const [first, second] = ranked;
  if (first && first.passed && (!second || second.votes < first.votes)) {
    return { forwarded: [first.personId], rule: 'most-votes-and-majority', evaluations: ranked };
  }
  return { forwarded: ranked.slice(0, 2).map((r) => r.personId), rule: 'top-two', evaluations: ranked };
}
