import { compareIsoDates, localDate, toIsoDate } from '../calendar/civil-date.util';
import { NotFoundError } from '../shared/domain.error';
import { datedRuleSets } from './dated-rule-sets.util';
import { rulebook2020to2025 } from './rulebook-2020-2025.data';
import { rulebook2025to2030 } from './rulebook-2025-2030.data';
import { type Rulebook, type RulebookId } from './rulebook.types';

/**
 * The cycle rulebooks procedures recorded before rules were dated (`rulebook/2020-2025`, `rulebook/2025-2030`):
 * kept unchanged so those procedures replay and run on under the set they pinned, never chosen for a new launch.
 */
export const pinnedOnlyRulebooks: readonly Rulebook[] = [rulebook2020to2025, rulebook2025to2030].map((r) => ({
  ...r,
  pinnedOnly: true,
}));

/**
 * The rulebooks shipped with the engine: the sets of rules in force, one per day the set changes (ids
 * `rulebook/<cycle>@<day>`, oldest first), then the cycle rulebooks kept for procedures that recorded them.
 */
export const defaultRulebooks: readonly Rulebook[] = [...datedRuleSets, ...pinnedOnlyRulebooks];

/**
 * Whether `rulebook` is in force on `date` (`effectiveFrom` inclusive, `effectiveTo` exclusive). An instant is
 * read in the zone of the rulebook's calendar (Vietnam time for the shipped ones).
 */
export function isInForce(rulebook: Rulebook, date: string): boolean {
  const day = localDate(date, rulebook.calendar.utcOffsetMinutes);
  return (
    compareIsoDates(rulebook.effectiveFrom, day) <= 0 &&
    (rulebook.effectiveTo === undefined || compareIsoDates(day, rulebook.effectiveTo) < 0)
  );
}

/**
 * The rulebook in force on `date`; when several overlap, the one that took effect last wins. A rulebook kept only
 * for the procedures that pinned it is never chosen.
 *
 * @example rulebookInForce('2025-10-15').id // 'rulebook/2025-2030@2025-10-08'
 */
export function rulebookInForce(date: string, rulebooks: readonly Rulebook[] = defaultRulebooks): Rulebook {
  const candidates = rulebooks
    .filter((r) => !r.pinnedOnly && isInForce(r, date))
    .sort((a, b) => compareIsoDates(b.effectiveFrom, a.effectiveFrom));
  const found = candidates[0];
  if (!found) {
    throw new NotFoundError(
      `No rulebook is in force on ${toIsoDate(date)}; add one that covers this date`,
      'rulebook',
      toIsoDate(date),
    );
  }
  return found;
}

/**
 * The cycle rulebook a launch chose before rules were dated: what a procedure launched then replays with
 * (`patched('dated-rule-sets')` false).
 */
export function cycleRulebookInForce(date: string): Rulebook {
  return rulebookInForce(date, [rulebook2020to2025, rulebook2025to2030]);
}

/** The rulebook with this id; a procedure looks its recorded rulebook up here on every decision. */
export function rulebookById(id: RulebookId, rulebooks: readonly Rulebook[] = defaultRulebooks): Rulebook {
  const found = rulebooks.find((r) => r.id === id);
  if (!found) {
    throw new NotFoundError(`Rulebook "${id}" is not known to this engine`, 'rulebook', id);
  }
  return found;
}

/**
 * The rulebook a launch runs under: the one it names (a stage of the composite congress procedure names its
 * composite's, so a congress keeps one rulebook from its plan to its election), else the one in force at launch.
 *
 * @example launchRulebook({ now: '2025-10-15', data: { rulebookId: 'rulebook/2020-2025' } }).id // 'rulebook/2020-2025'
 */
export function launchRulebook(
  command: { readonly now: string; readonly data: { readonly rulebookId?: RulebookId } },
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Rulebook {
  const pinned = command.data.rulebookId;
  return pinned ? rulebookById(pinned, rulebooks) : rulebookInForce(command.now, rulebooks);
}

/**
 * The rulebooks with their calendars' days off cut at the last year whose notice is known: the days procedures
 * launched before the statutory days were derived (from 2027 on) counted with, so their histories replay as
 * recorded.
 */
export function rulebooksWithNoticedDaysOnly(rulebooks: readonly Rulebook[] = defaultRulebooks): Rulebook[] {
  return rulebooks.map((rulebook) => {
    const through = rulebook.calendar.noticesKnownThrough;
    if (through === undefined) return rulebook;
    const holidays = rulebook.calendar.holidays.filter((day) => Number(day.slice(0, 4)) <= through);
    return { ...rulebook, calendar: { ...rulebook.calendar, holidays } };
  });
}
