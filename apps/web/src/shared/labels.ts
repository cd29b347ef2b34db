import type { TFunction } from 'i18next';
import { firstSessionStepLabel, type StepContext } from './first-session-labels';
import { personnelReviewStepLabel } from './personnel-review-labels';

/** Translates a code of one family (`role`, `kind`, `status`…), or the family's neutral fallback if unknown. */
export function codeLabel(t: TFunction, family: string, code: string | null | undefined): string {
  if (!code) return '';
  const key = `${family}.${code}`;
  return t(key, { defaultValue: '' }) || t('app.unknownName');
}

const INTRODUCTION = /^(re-election|first-time)\/([1-5])(?:#(\d+))?$/;
const VETTING =
  /^(.+)\/(political-standard|asset-declaration|workplace-opinion|residence-opinion|inspection-opinion|complaints|relatives)$/;

/**
 * A step in words from its id (the engine's step ids are stable: `adoption-2`, `round-1`, `re-election/3`,
 * `<person>/inspection-opinion`…). `personName` names the person a vetting step is about; `step` (its kind and
 * parameters, where the caller has them) tells the steps of a first session apart from the election's same ids.
 */
export function stepLabel(
  t: TFunction,
  stepId: string,
  personName?: (id: string) => string,
  step?: StepContext,
): string {
  const firstSession = firstSessionStepLabel(t, stepId, step);
  if (firstSession) return firstSession;
  let m = /^adoption-(\d+)$/.exec(stepId);
  if (m) return t('step.adoption', { n: m[1] });
  m = /^review-(\d+)$/.exec(stepId);
  if (m) return t('step.review', { n: m[1] });
  if (stepId === 'candidate-list') return t('step.candidateList');
  m = /^round-(\d+)$/.exec(stepId);
  if (m) return t('step.round', { n: m[1] });
  m = /^decision-(\d+)$/.exec(stepId);
  if (m) return t('step.decision', { n: m[1] });
  if (stepId === 'ratification') return t('step.ratification');
  m = /^higher-opinion-(\d+)$/.exec(stepId);
  if (m) return t('step.higherOpinion', { n: m[1] });
  m = INTRODUCTION.exec(stepId);
  if (m) {
    const params = { track: t(`track.${m[1]}`), n: m[2], what: t(`introductionStep.${m[2]}`), attempt: m[3] };
    return t(m[3] ? 'step.introductionRetry' : 'step.introduction', params);
  }
  m = VETTING.exec(stepId);
  if (m) {
    const check = t(`vettingCheck.${m[2]}`);
    return personName ? `${check} — ${personName(m[1])}` : check;
  }
  if (stepId === 'policy') return t('step.policy');
  m = /^policy#(\d+)$/.exec(stepId);
  if (m) return t('step.policyRetry', { n: m[1] });
  m = /^step-(\d+)$/.exec(stepId);
  if (m) return t('step.appointment', { n: m[1] });
  if (stepId === 'head-decision') return t('step.headDecision');
  return personnelReviewStepLabel(t, stepId, personName) ?? t('step.other');
}

/** The stage a child procedure id names (`<root>/introduction`), or null for a root procedure. */
export function stageOf(procedureId: string): string | null {
  const m = /\/(plan|introduction|vetting|consultation|election|delegates|first-session)$/.exec(procedureId);
  return m ? m[1] : null;
}
