import type { FieldProblem } from './tally-rules';

/** Ballots by level on one person of a confidence vote. */
export interface ConfidenceRatings {
  high: number;
  confidence: number;
  low: number;
}

/** What the confidence vote's form holds. */
export interface ConfidenceFields {
  summoned: number;
  present: number;
  ratings: Record<string, ConfidenceRatings>;
}

/** The annual grades, best first (libs/domain `CLASSIFICATION_GRADES`). */
export const GRADES = ['excellent', 'good', 'completed', 'not-completed'] as const;
export type Grade = (typeof GRADES)[number];

/**
 * The checks the server makes on a confidence vote's count (libs/domain confidence-vote decider): no more present
 * than summoned, no more ballots on a person than members present. The server stays the judge.
 */
export function checkConfidence(v: ConfidenceFields, personIds: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (v.present > v.summoned) {
    problems.push({
      name: ['present'],
      key: 'tally.presentOverSummoned',
      params: { present: v.present, summoned: v.summoned },
    });
  }
  for (const id of personIds) {
    const r = v.ratings[id];
    if (!r) continue;
    const total = r.high + r.confidence + r.low;
    if (total > v.present) {
      problems.push({
        name: ['ratings', id, 'low'],
        key: 'confidence.ballotsOverPresent',
        params: { total, present: v.present },
      });
    }
  }
  return problems;
}

/**
 * The "excellent" quota as the server applies it (rulebook `classification.excellentMaxShareOfGood`, 20%): at most
 * a fifth of the "good" count, rounded down.
 * @example excellentAllowed(10) // 2
 */
export function excellentAllowed(good: number): number {
  return Math.floor((good * 20) / 100);
}

/** The grades' counts and, when "excellent" is over the quota, the problem on the first "excellent" person. */
export function checkGrades(grades: Record<string, Grade>, personIds: readonly string[]): FieldProblem[] {
  const chosen = personIds.map((id) => grades[id]);
  const excellent = chosen.filter((g) => g === 'excellent').length;
  const good = chosen.filter((g) => g === 'good').length;
  const allowed = excellentAllowed(good);
  const first = personIds.find((id) => grades[id] === 'excellent');
  return excellent > allowed && first
    ? [{ name: ['grades', first], key: 'classification.quota', params: { excellent, good, allowed } }]
    : [];
}
