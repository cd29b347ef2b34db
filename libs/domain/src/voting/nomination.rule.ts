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
  /**
   * People tied on the votes of the last place forwarded, with more of them than places left: who goes forward
   * among them is settled by id order, which the procedure records (`TieDetected`) so the choice is visible.
   */
  readonly tie: NominationTie | null;
}

/** A tie across the cut of a nomination: `places` of the tied `personIds` go forward (those in `forwarded`). */
export interface NominationTie {
  readonly personIds: readonly string[];
  readonly votes: number;
  readonly places: number;
  readonly forwarded: readonly string[];
}

function tieAtCut(ranked: ReadonlyArray<{ readonly personId: string; readonly votes: number }>, cut: number) {
  const last = ranked[cut - 1];
  const next = ranked[cut];
  if (!last || !next || next.votes !== last.votes) return null;
  const tied = ranked.filter((r) => r.votes === last.votes).map((r) => r.personId);
  const forwarded = ranked.slice(0, cut).map((r) => r.personId);
  const inside = tied.filter((id) => forwarded.includes(id));
  return { personIds: tied, votes: last.votes, places: inside.length, forwarded: inside };
}

/**
 * One name per post: the person with most votes **and** more than half goes forward; if nobody has more than
 * half (or the top is shared), the top two go forward (QĐ 80, step 2). QĐ 80 names no rule for a tie at the
 * second place; the engine keeps the id order and reports the tie so it is recorded and can be reviewed.
 */
export function nominationOutcome(tallies: Tallies, base: number, threshold: ThresholdRule): NominationOutcome {
  const ranked = Object.entries(tallies)
    .map(([personId, votes]) => ({ personId, ...evaluateThreshold(votes, base, threshold) }))
    .sort((a, b) => b.votes - a.votes || compareText(a.personId, b.personId));
  const [first, second] = ranked;
  if (first && first.passed && (!second || second.votes < first.votes)) {
    return { forwarded: [first.personId], rule: 'most-votes-and-majority', evaluations: ranked, tie: null };
  }
  return {
    forwarded: ranked.slice(0, 2).map((r) => r.personId),
    rule: 'top-two',
    evaluations: ranked,
    tie: tieAtCut(ranked, 2),
  };
}
