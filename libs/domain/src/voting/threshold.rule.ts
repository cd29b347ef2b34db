import { atLeast, exceeds, minimumAtLeast, minimumExceeding } from '../shared/ratio.util';
import { type ThresholdRule } from '../rulebook/rulebook.types';

/** A threshold outcome, as `ThresholdEvaluated` records it. */
export interface ThresholdResult {
  readonly base: number;
  readonly votes: number;
  readonly required: number;
  readonly passed: boolean;
}

/**
 * Evaluates votes against a defined base. With "more than 1/2" and base 48, 24 fails and 25 passes.
 *
 * @example evaluateThreshold(25, 48, rulebook.decision.threshold).passed // true
 */
export function evaluateThreshold(votes: number, base: number, rule: ThresholdRule): ThresholdResult {
  const passed =
    base > 0 && (rule.comparison === 'more-than' ? exceeds(votes, base, rule.ratio) : atLeast(votes, base, rule.ratio));
  const required =
    rule.comparison === 'more-than' ? minimumExceeding(base, rule.ratio) : minimumAtLeast(base, rule.ratio);
  return { base, votes, required, passed };
}
