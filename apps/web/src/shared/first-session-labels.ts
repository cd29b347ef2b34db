import type { TFunction } from 'i18next';

/** What the engine says of a step besides its id: its kind and parameters (the office, the round…). */
export interface StepContext {
  stepKind?: string | null;
  stepParams?: Readonly<Record<string, unknown>>;
}

/**
 * A step of an executive committee's first session in words, naming the office it elects (its ids `round-<n>`,
 * `decision-<n>`, `ratification` are the election's, so the id alone would read as a congress's step); null for a
 * step of another procedure or one whose kind is not known.
 */
export function firstSessionStepLabel(t: TFunction, stepId: string, step: StepContext | undefined): string | null {
  const kind = step?.stepKind;
  if (!kind?.startsWith('first-session-')) return null;
  const params = step?.stepParams ?? {};
  const n = /-(\d+)$/.exec(stepId)?.[1] ?? '';
  const office =
    typeof params.office === 'string'
      ? t(`officeElected.${params.office}`, { defaultValue: '' }) || t('app.unknownName')
      : t('app.unknownName');
  const round = typeof params.round === 'number' ? String(params.round) : n;
  switch (kind) {
    case 'first-session-list':
      return t('step.firstSessionListOf', { office, n });
    case 'first-session-round':
      return t('step.firstSessionRound', { office, n: round });
    case 'first-session-next-round':
      return t('step.firstSessionNextRound', { office, n: round });
    case 'first-session-ratification':
      return t('step.firstSessionRatification');
    default:
      return null;
  }
}
