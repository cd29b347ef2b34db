import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpenStep, ProcedureState, TaskView } from '../api/views';
import { ApprovalForm } from './ApprovalForm';
import { NextRoundForm } from './NextRoundForm';
import { RoundForm } from './RoundForm';
import { TallyForm } from './TallyForm';
import { useDecide, type DecisionBody } from './task-hooks';

interface ElectionDetail {
  seats?: number;
  candidates?: string[];
  elected?: string[];
  round?: { round: number; seats: number; candidateIds: string[] } | null;
}

interface Props {
  task: TaskView;
  step: OpenStep | undefined;
  state: ProcedureState | null;
  name: (id: string) => string;
  onDecided: (position: number) => void;
}

/** The form that fits the step: a round's count, a decision on another round, a meeting tally, or an approval. */
export function DecisionPanel({ task, step, state, name, onDecided }: Props) {
  const { t } = useTranslation();
  const decide = useDecide(task.taskId);
  if (task.status !== 'open') return <Alert type="info" message={t('task.closed')} />;
  const send = async (body: DecisionBody): Promise<void> => {
    const refs = await decide.mutateAsync(body);
    onDecided(refs[refs.length - 1]?.position ?? 0);
  };
  const election = (state?.detail ?? {}) as ElectionDetail;
  const roundMatch = /^round-(\d+)$/.exec(task.stepId);
  if (roundMatch) {
    const round = election.round;
    return (
      <RoundForm
        round={Number(roundMatch[1])}
        seats={round?.seats ?? election.seats ?? 1}
        candidateIds={round?.candidateIds ?? election.candidates ?? []}
        name={name}
        onSubmit={(r) =>
          send({ kind: 'round-tally', attendance: r.attendance, ballots: r.ballots, tallies: r.tallies })
        }
      />
    );
  }
  if (/^decision-\d+$/.test(task.stepId)) {
    const elected = new Set(election.elected ?? []);
    const remaining = (election.round?.candidateIds ?? election.candidates ?? []).filter((id) => !elected.has(id));
    return <NextRoundForm candidateIds={remaining} name={name} onSubmit={(p) => send(p)} />;
  }
  if (task.decision === 'tally') {
    const candidateIds = (step?.concerned ?? []).map((c) => c.personId);
    return (
      <TallyForm
        candidateIds={candidateIds}
        name={name}
        onSubmit={(tally) => send({ kind: 'tally', tally: { ...tally } })}
      />
    );
  }
  return <ApprovalForm onSubmit={(p) => send(p)} />;
}
