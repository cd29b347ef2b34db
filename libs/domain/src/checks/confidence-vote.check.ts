import { type Rulebook } from '../rulebook/rulebook.types';
import { atLeast, exceeds } from '../shared/ratio.util';
import { evaluateQuorum, type QuorumResult } from '../voting/quorum.rule';

/** Outcome of a confidence vote (lấy phiếu tín nhiệm) for one person. */
export interface ConfidenceVoteOutcome {
  readonly quorum: QuorumResult;
  /** `review` when "low" is over 1/2 and under 2/3 of those voting; `dismissal` at 2/3 or more. */
  readonly consequence: 'none' | 'review' | 'dismissal';
}

/**
 * Reads a confidence vote: quorum 2/3 of those summoned; "low confidence" from more than 1/2 up to under 2/3
 * of the votes → review, at least 2/3 → dismissal (QĐ 262 → 96), all as rulebook ratios.
 */
export function evaluateConfidenceVote(
  figures: { readonly summoned: number; readonly present: number; readonly low: number; readonly votes: number },
  rulebook: Rulebook,
): ConfidenceVoteOutcome {
  const rules = rulebook.confidenceVote;
  const quorum = evaluateQuorum({ summoned: figures.summoned, present: figures.present }, rules.quorum);
  if (!quorum.quorate || figures.votes === 0) {
    return { quorum, consequence: 'none' };
  }
  if (atLeast(figures.low, figures.votes, rules.dismissalAtLeast)) {
    return { quorum, consequence: 'dismissal' };
  }
  return { quorum, consequence: exceeds(figures.low, figures.votes, rules.reviewAbove) ? 'review' : 'none' };
}

/**
 * Annual classification: "excellent" may be at most 20% of the "good" count in a grassroots organisation.
 * @example withinExcellentQuota(2, 10, rulebook) // true; 3 of 10 is over 20%
 */
export function withinExcellentQuota(excellent: number, good: number, rulebook: Rulebook): boolean {
  return !exceeds(excellent, good, rulebook.classification.excellentMaxShareOfGood);
}
