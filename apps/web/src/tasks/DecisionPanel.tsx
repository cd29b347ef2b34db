import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import type { OpenStep, ProcedureState, TaskView } from '../api/views';
import { filedDeclarations } from '../procedures/AssetDeclarations';
import { useCommand } from '../procedures/procedure-hooks';
import { ApprovalForm } from './ApprovalForm';
import { AssetVerificationForm } from './AssetVerificationForm';
import { NextRoundForm } from './NextRoundForm';
import { NominationForm } from './NominationForm';
import { personnelReviewForm } from './PersonnelReviewDecision';
import { RoundForm } from './RoundForm';
import { TallyForm } from './TallyForm';
import { useDecide, useTrail, type DecisionBody } from './task-hooks';

interface Props {
  task: TaskView;
  step: OpenStep | undefined;
  state: ProcedureState | null;
  name: (id: string) => string;
  /** A first session's round counted within its office, when the trail gives it. */
  officeRound?: number;
  onDecided: (position: number) => void;
}

/**
 * The form that fits the step: a round's count, a decision on another round, a meeting tally, the verification of
 * an asset declaration, or an approval.
 */
export function DecisionPanel({ task, step, state, name, officeRound, onDecided }: Props) {
  const { t } = useTranslation();
  const decide = useDecide(task.taskId);
  const { me } = useAuth();
  const command = useCommand(task.procedureId);
  const assetCheck = /^(.+)\/asset-declaration$/.exec(task.stepId);
  const trail = useTrail(assetCheck ? task.procedureId : undefined);
  if (task.status !== 'open') return <Alert type="info" message={t('task.closed')} />;
  const send = async (body: DecisionBody): Promise<void> => {
    const { events } = await decide.mutateAsync(body);
    onDecided(events[events.length - 1]?.position ?? 0);
  };
  const running = (state?.candidates ?? []).filter((c) => c.status === 'candidate').map((c) => c.personId);
  // Per-item recusal: people of a list step already decided by another member are not asked again.
  const decided = new Set((step?.decidedItems ?? []).map((d) => d.personId));
  const undecided = (step?.concerned ?? []).filter((c) => !decided.has(c.personId));
  // A member stands aside on himself and his relatives; the server refuses their votes, so the form leaves them out.
  const concernsMe = (c: (typeof undecided)[number]): boolean =>
    me?.personId != null && (c.personId === me.personId || c.relatives.some((r) => r.id === me.personId));
  const mine = undecided.filter((c) => !concernsMe(c)).map((c) => c.personId);
  const stoodAside = undecided.filter(concernsMe).map((c) => c.personId);
  if (stoodAside.length > 0 && mine.length === 0) {
    // His part is done (or there was none): only another member of the body may decide the people left.
    return (
      <Alert
        type="info"
        showIcon
        message={t('task.stoodAside', { names: stoodAside.map(name).join(', ') })}
        description={t('task.stoodAsideWhy', { body: task.bodyName })}
      />
    );
  }
  if (assetCheck) {
    // The asset check concludes by verifying the declaration the Organization Committee recorded, not by approval.
    const personId = assetCheck[1];
    return (
      <AssetVerificationForm
        candidate={name(personId)}
        declaration={trail.data ? filedDeclarations(trail.data.events).get(personId) : undefined}
        onSubmit={async (v) => {
          const events = await command.mutateAsync({
            actAs: { role: task.role, bodyId: task.bodyId },
            type: 'VerifyAssetDeclaration',
            data: { personId, consistent: v.consistent, finding: v.finding },
          });
          onDecided(events[events.length - 1]?.position ?? 0);
        }}
      />
    );
  }
  const firstSession = task.procedureKind === 'first-session';
  if (firstSession && task.decision === 'nomination') {
    return (
      <NominationForm
        key={running.join(',')}
        office={String(step?.stepParams.office ?? '')}
        seats={Number(step?.stepParams.seats ?? 1)}
        eligibleIds={running}
        name={name}
        onSubmit={(p) => send(p)}
      />
    );
  }
  if (firstSession && task.stepId === 'ratification') {
    // The higher committee ratifies the session's results (chuẩn y) or returns them for another sitting.
    return <ApprovalForm choices={['approve', 'return']} onSubmit={(p) => send(p)} />;
  }
  const roundMatch = /^round-(\d+)$/.exec(task.stepId);
  if (roundMatch) {
    const seats = Number(step?.stepParams.seats ?? state?.election?.seats ?? 1);
    return (
      <RoundForm
        membersOnly={firstSession}
        office={firstSession ? String(step?.stepParams.office ?? '') : undefined}
        round={(firstSession ? officeRound : undefined) ?? Number(roundMatch[1])}
        seats={seats}
        candidateIds={undecided.length > 0 ? mine : running}
        name={name}
        onSubmit={(r) =>
          send({ kind: 'round-tally', attendance: r.attendance, ballots: r.ballots, tallies: r.tallies })
        }
      />
    );
  }
  if (/^decision-\d+$/.test(task.stepId)) {
    // Keyed by the candidates: the form's initial choice (everyone still running) is set when they are known.
    return <NextRoundForm key={running.join(',')} candidateIds={running} name={name} onSubmit={(p) => send(p)} />;
  }
  const review = personnelReviewForm(task, step, undecided.length > 0 ? mine : running, name, send);
  if (review) return review;
  if (task.decision === 'tally') {
    return (
      <TallyForm candidateIds={mine} name={name} onSubmit={(tally) => send({ kind: 'tally', tally: { ...tally } })} />
    );
  }
  return <ApprovalForm conclusion={task.decision === 'conclusion'} onSubmit={(p) => send(p)} />;
}
