import { type Gender, type LevelKind } from '../organisation/organisation.types';
import { type CompositionEnforcement, type Rulebook } from '../rulebook/rulebook.types';
import { ValidationError } from '../shared/domain.error';
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

/** Targets a personnel plan sets for the new committee, as whole or decimal percentages (0–100). */
export interface PlanCompositionTargets {
  readonly womenPercent?: number;
  readonly under40Percent?: number;
  /** Recorded with the plan; not checked, since the registry records no ethnicity. */
  readonly ethnicMinorityPercent?: number;
}

/**
 * Where composition is checked: when the standing committee adopts the plan, when the congress approves its list,
 * when the new executive committee has elected its standing committee (the women-in-the-standing-committee target).
 */
export type CompositionCheckpoint = 'plan-adoption' | 'candidate-list' | 'standing-committee';

/** What a composition check is run on: the level, the congress day (ages) and the people's profiles. */
export interface CompositionBasis {
  readonly level: LevelKind;
  readonly congressDate: string;
  readonly profiles: readonly CompositionMember[];
  /** The approved plan's targets, where the list checked is not the plan's own (the congress's list). */
  readonly targets?: PlanCompositionTargets;
}

/** The people needed at least for `percent` of `total` (rounded up): the plan's own target as a count. */
function countForPercent(total: number, percent: number): number {
  return Math.ceil((percent * total) / 100 - 1e-9);
}

/**
 * Checks a list (the plan's candidates, the congress list) against the rulebook's composition minimums and the
 * plan's own targets, whichever asks more. The women-in-the-standing-committee target is left to the first session
 * that elects the standing committee; people without a profile are named and left out of the counts.
 */
export function checkListComposition(
  personIds: readonly string[],
  basis: CompositionBasis,
  rulebook: Rulebook,
  planTargets: PlanCompositionTargets = {},
): CompositionCheck & { readonly total: number; readonly withoutProfile: readonly string[] } {
  const byId = new Map(basis.profiles.map((p) => [p.personId, p]));
  const members = personIds.flatMap((id) => {
    const found = byId.get(id);
    return found ? [{ ...found, inStandingCommittee: false }] : [];
  });
  const withoutProfile = personIds.filter((id) => !byId.has(id));
  const base = checkComposition(members, basis.level, basis.congressDate, rulebook);
  const total = members.length;
  const planned: Partial<Record<CompositionTarget['target'], number | undefined>> = {
    young: planTargets.under40Percent,
    women: planTargets.womenPercent,
  };
  const targets = base.targets
    .filter((t) => t.target !== 'women-in-standing-committee')
    .map((t) => {
      const percent = planned[t.target];
      const required = percent === undefined ? t.required : Math.max(t.required, countForPercent(total, percent));
      return { ...t, required, met: t.met && t.actual >= required };
    });
  return { applies: base.applies, ok: targets.every((t) => t.met), targets, total, withoutProfile };
}

/**
 * The `CompositionChecked` data of a list at a checkpoint, or null when the rulebook sets no enforcement (a cycle
 * rulebook of before) or nothing is known to check on. Under `block` a miss is refused with
 * `COMPOSITION_TARGETS_MISSED` (naming the missed targets), and nothing is recorded.
 */
export function compositionCheckpoint(
  checkpoint: CompositionCheckpoint,
  personIds: readonly string[],
  basis: CompositionBasis | null,
  rulebook: Rulebook,
  planTargets?: PlanCompositionTargets,
): CompositionCheckedData | null {
  const enforcement = rulebook.composition.enforcement;
  if (!enforcement || !basis) return null;
  const check = checkListComposition(personIds, basis, rulebook, planTargets);
  if (enforcement === 'block' && !check.ok) {
    const missed = check.targets.filter((t) => !t.met);
    throw new ValidationError(
      `The composition misses its targets under ${rulebook.id}: ${missed.map((t) => `${t.target} ${t.actual} < ${t.required}`).join('; ')}`,
      { missed },
      {
        code: 'COMPOSITION_TARGETS_MISSED',
        params: {
          targets: missed.map((t) => t.target),
          actual: missed.map((t) => String(t.actual)),
          required: missed.map((t) => String(t.required)),
          total: check.total,
          rulebookId: rulebook.id,
        },
      },
    );
  }
  return {
    checkpoint,
    enforcement,
    level: basis.level,
    applies: check.applies,
    ok: check.ok,
    total: check.total,
    targets: check.targets,
    withoutProfile: check.withoutProfile,
  };
}

/** The data of a `CompositionChecked` event. */
export interface CompositionCheckedData {
  readonly checkpoint: CompositionCheckpoint;
  readonly enforcement: CompositionEnforcement;
  readonly level: LevelKind;
  readonly applies: boolean;
  readonly ok: boolean;
  /** People counted (those with a profile). */
  readonly total: number;
  readonly targets: readonly CompositionTarget[];
  readonly withoutProfile: readonly string[];
}

/**
 * The women-in-the-standing-committee target on the standing committee the new executive committee elected at its
 * first session (the other targets were checked on the congress's list): the `CompositionChecked` data, or null when
 * the rulebook sets no enforcement. It never throws: what a miss blocks is the decider's to say.
 */
export function standingCommitteeComposition(
  standingCommitteeIds: readonly string[],
  basis: CompositionBasis,
  rulebook: Rulebook,
): CompositionCheckedData | null {
  const enforcement = rulebook.composition.enforcement;
  if (!enforcement) return null;
  const byId = new Map(basis.profiles.map((p) => [p.personId, p]));
  const members = standingCommitteeIds.flatMap((id) => {
    const found = byId.get(id);
    return found ? [{ ...found, inStandingCommittee: true }] : [];
  });
  const check = checkComposition(members, basis.level, basis.congressDate, rulebook);
  const targets = check.targets.filter((t) => t.target === 'women-in-standing-committee');
  return {
    checkpoint: 'standing-committee',
    enforcement,
    level: basis.level,
    applies: check.applies,
    ok: targets.every((t) => t.met),
    total: members.length,
    targets,
    withoutProfile: standingCommitteeIds.filter((id) => !byId.has(id)),
  };
}
