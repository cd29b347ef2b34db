import type { ReactElement } from 'react';
import type { OpenStep, TaskView } from '../api/views';
import { ApprovalForm } from './ApprovalForm';
import { ClassificationForm } from './ClassificationForm';
import { ConfidenceFollowUpForm } from './ConfidenceFollowUpForm';
import { ConfidenceVoteForm } from './ConfidenceVoteForm';
import type { DecisionBody } from './task-hooks';

/**
 * The form of a confidence vote's or a classification's step (the count, the higher committee on a low result, the
 * grades, the approval of the grades, the answer on a cadre), or null for a step of another procedure.
 */
export function personnelReviewForm(
  task: TaskView,
  step: OpenStep | undefined,
  personIds: readonly string[],
  name: (id: string) => string,
  send: (body: DecisionBody) => Promise<void>,
): ReactElement | null {
  if (task.decision === 'confidence-tally') {
    return (
      <ConfidenceVoteForm
        personIds={personIds}
        name={name}
        onSubmit={(v) => send({ kind: 'confidence-tally', ...v })}
      />
    );
  }
  if (task.decision === 'classification') {
    return (
      <ClassificationForm
        personIds={personIds}
        name={name}
        onSubmit={(grades) => send({ kind: 'classification', grades })}
      />
    );
  }
  if (task.procedureKind === 'confidence-vote' && task.stepId.startsWith('follow-up/')) {
    return (
      <ConfidenceFollowUpForm
        consequence={String(step?.stepParams.consequence ?? 'review')}
        onSubmit={(p) => send(p)}
      />
    );
  }
  if (task.procedureKind === 'classification' && /^approval-\d+$/.test(task.stepId)) {
    return <ApprovalForm choices={['approve', 'return']} onSubmit={(p) => send(p)} />;
  }
  if (task.procedureKind === 'appointment' && task.stepId === 'ratification') {
    // The higher committee ratifies the member the committee elected, or refuses (a reason); it does not return.
    return <ApprovalForm choices={['approve', 'reject']} onSubmit={(p) => send(p)} />;
  }
  if (task.procedureKind === 'cadre-opinion' && task.stepId.startsWith('answer/')) {
    return <ApprovalForm choices={['approve', 'reject']} onSubmit={(p) => send(p)} />;
  }
  return null;
}
