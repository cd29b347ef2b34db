import type { TFunction } from 'i18next';

/** What the engine says of a step besides its id: its kind and parameters (the office, the round…). */
export interface StepContext {
  stepKind?: string | null;
  stepParams?: Readonly<Record<string, unknown>>;
  /** A first session's round counted within its office ({@link withOfficeRound}), where the trail is at hand. */
  officeRound?: number;
}

/** A trail event as far as the rounds' numbers need it. */
interface RoundEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Each first-session round's number within its office, keyed `<streamId> <round>` by the session-wide number its
 * events and step id carry (`round-4`): the engine numbers lists, rounds and decisions on one counter, so the
 * secretary's first round is round 4 there, while the members count the rounds of each office from 1. An office
 * opened again (a new sitting after the higher level returned the results) counts from 1 again.
 */
export function officeRoundNumbers(events: readonly RoundEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  const rounds = new Map<string, number>();
  for (const e of events) {
    const office = e.data.office;
    if (typeof office !== 'string') continue;
    const key = `${e.streamId} ${office}`;
    if (e.type === 'FirstSessionOfficeOpened') counts.set(key, 0);
    if (e.type === 'FirstSessionRoundOpened' && typeof e.data.round === 'number') {
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      rounds.set(`${e.streamId} ${e.data.round}`, n);
    }
  }
  return rounds;
}

/** A first session's step with its round counted within its office, when {@link officeRoundNumbers} knows it. */
export function withOfficeRound<T extends StepContext>(
  step: T | undefined,
  streamId: string,
  rounds: ReadonlyMap<string, number>,
): (T & { officeRound?: number }) | undefined {
  const round = step?.stepParams?.round;
  if (!step?.stepKind?.startsWith('first-session-') || typeof round !== 'number') return step;
  const officeRound = rounds.get(`${streamId} ${round}`);
  return officeRound === undefined ? step : { ...step, officeRound };
}

/**
 * A step of an executive committee's first session in words, naming the office it elects (its ids `round-<n>`,
 * `decision-<n>`, `ratification` are the election's, so the id alone would read as a congress's step) and a round's
 * number within that office (`officeRound`); null for a step of another procedure or one whose kind is not known.
 */
export function firstSessionStepLabel(t: TFunction, stepId: string, step: StepContext | undefined): string | null {
  const kind = step?.stepKind;
  if (!kind?.startsWith('first-session-')) return null;
  const params = step?.stepParams ?? {};
  const office =
    typeof params.office === 'string'
      ? t(`officeElected.${params.office}`, { defaultValue: '' }) || t('app.unknownName')
      : t('app.unknownName');
  // The session-wide number would read "round 4" for the secretary's first round: without the trail, none is said.
  const round = step?.officeRound;
  switch (kind) {
    case 'first-session-list':
      // Named by its office alone: the session-wide step number would read "step 3" for the secretary's list.
      return t('step.firstSessionListOf', { office });
    case 'first-session-round':
      return round === undefined
        ? t('step.firstSessionRoundOf', { office })
        : t('step.firstSessionRound', { office, n: round });
    case 'first-session-next-round':
      return round === undefined
        ? t('step.firstSessionNextRoundOf', { office })
        : t('step.firstSessionNextRound', { office, n: round });
    case 'first-session-ratification':
      return t('step.firstSessionRatification');
    default:
      return null;
  }
}
