import type { TFunction } from 'i18next';

/**
 * The steps of a confidence vote (`vote`, `follow-up/<person>`) and of an annual classification (`grading-<n>`,
 * `approval-<n>`), of an opinion on cadres (`answer/<person>`) and the list of an office at an executive committee's
 * first session (`list-<n>`) in words, or null for a step id of another procedure.
 */
export function personnelReviewStepLabel(
  t: TFunction,
  stepId: string,
  personName?: (id: string) => string,
): string | null {
  if (stepId === 'vote') return t('step.confidenceVote');
  if (stepId.startsWith('follow-up/')) {
    const label = t('step.confidenceFollowUp');
    return personName ? `${label} — ${personName(stepId.slice('follow-up/'.length))}` : label;
  }
  if (stepId.startsWith('answer/')) {
    const label = t('step.cadreOpinion');
    return personName ? `${label} — ${personName(stepId.slice('answer/'.length))}` : label;
  }
  let m = /^grading-(\d+)$/.exec(stepId);
  if (m) return t('step.grading', { n: m[1] });
  m = /^approval-(\d+)$/.exec(stepId);
  if (m) return t('step.classificationApproval', { n: m[1] });
  m = /^list-(\d+)$/.exec(stepId);
  if (m) return t('step.firstSessionList', { n: m[1] });
  return null;
}
