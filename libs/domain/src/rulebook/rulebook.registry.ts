import { compareIsoDates, localDate, toIsoDate } from '../calendar/civil-date.util';
import { NotFoundError } from '../shared/domain.error';
import { rulebook2020to2025 } from './rulebook-2020-2025.data';
import { rulebook2025to2030 } from './rulebook-2025-2030.data';
import { type Rulebook, type RulebookId } from './rulebook.types';

/** The rulebooks shipped with the engine, oldest first. */
export const defaultRulebooks: readonly Rulebook[] = [rulebook2020to2025, rulebook2025to2030];

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
 * The rulebook in force on `date`; when several overlap, the one that took effect last wins.
 *
 * @example rulebookInForce('2025-10-15').id // 'rulebook/2025-2030'
 */
export function rulebookInForce(date: string, rulebooks: readonly Rulebook[] = defaultRulebooks): Rulebook {
  const candidates = rulebooks
    .filter((r) => isInForce(r, date))
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
