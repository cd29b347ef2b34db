import { type Gender, type LevelKind } from '../organisation/organisation.types';
import { type Rulebook } from '../rulebook/rulebook.types';
import { atLeast, formatPercent, minimumAtLeast } from '../shared/ratio.util';
import { ageInYears } from './age.check';

/** A member of the proposed committee as the composition check needs it. */
export interface CompositionMember {
  readonly personId: string;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly inStandingCommittee: boolean;
}

/** One composition target against the list. */
export interface CompositionTarget {
  readonly target: 'young' | 'women' | 'women-in-standing-committee';
  readonly required: number;
  readonly actual: number;
  readonly met: boolean;
  /** e.g. "7/48 (14.58%)". */
  readonly display: string;
}

/** Outcome of a composition check (cơ cấu). */
export interface CompositionCheck {
  readonly applies: boolean;
  readonly ok: boolean;
  readonly targets: readonly CompositionTarget[];
}

/**
 * Checks composition targets for levels the rulebook names (provincial/district by default): under 40 at least
 * 10%, women at least 15%, at least one woman in the standing committee.
 */
export function checkComposition(
  members: readonly CompositionMember[],
  level: LevelKind,
  congressDate: string,
  rulebook: Rulebook,
): CompositionCheck {
  const rules = rulebook.composition;
  if (!rules.appliesToLevels.includes(level)) {
    return { applies: false, ok: true, targets: [] };
  }
  const total = members.length;
  const young = members.filter((m) => ageInYears(m.birthDate, congressDate) < rules.youngUnderYears).length;
  const women = members.filter((m) => m.gender === 'female').length;
  const womenInStanding = members.filter((m) => m.gender === 'female' && m.inStandingCommittee).length;
  const show = (n: number): string => (total === 0 ? `${n}/0` : `${n}/${total} (${formatPercent(n, total)})`);
  const targets: CompositionTarget[] = [
    {
      target: 'young',
      required: minimumAtLeast(total, rules.youngShare),
      actual: young,
      met: atLeast(young, total, rules.youngShare),
      display: show(young),
    },
    {
      target: 'women',
      required: minimumAtLeast(total, rules.womenShare),
      actual: women,
      met: atLeast(women, total, rules.womenShare),
      display: show(women),
    },
    {
      target: 'women-in-standing-committee',
      required: rules.womenInStandingCommittee,
      actual: womenInStanding,
      met: womenInStanding >= rules.womenInStandingCommittee,
      display: `${womenInStanding}`,
    },
  ];
  return { applies: true, ok: targets.every((t) => t.met), targets };
}
