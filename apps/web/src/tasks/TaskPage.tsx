import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { DueTag } from '../queue/QueuePage';
import { useClaim } from '../queue/queue-hooks';
import { formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { officeRoundNumbers, withOfficeRound } from '../shared/first-session-labels';
import { codeLabel, stageOf, stepLabel } from '../shared/labels';
import { useNames } from '../shared/names';
import { TechnicalDetails } from '../shared/TechnicalDetails';
import { ElectionResults } from '../procedures/ElectionResults';
import { FirstSessionResults } from '../procedures/FirstSessionResults';
import { CandidateTable } from './CandidateTable';
import { DecisionPanel } from './DecisionPanel';
import { EarlierSteps } from './EarlierSteps';
import { planContent, PlanView } from './PlanView';
import { useProcedure, useTask, useTrail } from './task-hooks';

/** One task: what is being decided (plan, candidates, earlier results, dossiers) beside the decision form. */
export function TaskPage() {
  const { t } = useTranslation();
  const { taskId = '' } = useParams();
  const { me } = useAuth();
  const task = useTask(taskId);
  const procedure = useProcedure(task.data?.procedureId);
  const root = useProcedure(task.data?.rootId);
  const trail = useTrail(task.data?.procedureId);
  const claim = useClaim();
  const [recorded, setRecorded] = useState<number | null>(null);
  const state = procedure.data?.state ?? null;
  const step = state?.openSteps.find((s) => s.stepId === task.data?.stepId);
  const plan = planContent(state);
  // The people the step is about; a step about nobody in particular (whether to vote again) shows the candidates.
  const candidateIds = (state?.candidates ?? []).map((c) => c.personId);
  const concerned = step?.concerned.map((c) => c.personId) ?? [];
  const people = concerned.length > 0 ? concerned : candidateIds;
  // Vetting results, and on a list step the people another member has already decided (per-item recusal).
  const decidedStatus = { approved: 'APPROVED', rejected: 'REJECTED', recorded: 'COMPLETED' } as const;
  const checks = new Map<string, string>([
    ...(trail.data?.events ?? [])
      .filter((e) => e.type === 'CandidateCleared' || e.type === 'CandidateBlocked')
      .map((e) => [String(e.data.personId), e.type === 'CandidateCleared' ? 'CLEARED' : 'BLOCKED'] as const),
    ...(step?.decidedItems ?? []).map((d) => [d.personId, decidedStatus[d.outcome] ?? 'COMPLETED'] as const),
  ]);
  // The trail names people too (earlier steps), also once the stage has ended and has no live state to name them.
  const trailPeople = [
    ...new Set(
      (trail.data?.events ?? []).flatMap((e) => (typeof e.data.personId === 'string' ? [e.data.personId] : [])),
    ),
  ];
  const name = useNames([
    ...people,
    ...candidateIds,
    ...trailPeople,
    ...(plan?.candidateIds ?? []),
    root.data?.summary.bodyId,
  ]);

  if (task.isLoading) return <Spin />;
  if (!task.data) return <ErrorAlert error={task.error} />;
  const current = task.data;
  const stage = stageOf(current.procedureId);
  // A first session's round counted within its office, from the trail (the step's own number runs over the session).
  const labelled = withOfficeRound(current, current.procedureId, officeRoundNumbers(trail.data?.events ?? []));
  const title = stepLabel(t, current.stepId, name, labelled);
  return (
    <>
      <Link to="/queue">{t('task.backToQueue')}</Link>
      <Typography.Title level={2}>{title}</Typography.Title>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('queue.procedure')}>
          <Link to={`/procedures/${encodeURIComponent(current.rootId)}`}>
            {codeLabel(t, 'kind', root.data?.summary.kind ?? current.procedureKind)}
          </Link>
          {stage && ` · ${codeLabel(t, 'stage', stage)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.organisation')}>{name(root.data?.summary.bodyId)}</Descriptions.Item>
        <Descriptions.Item label={t('task.role')}>{codeLabel(t, 'role', current.role)}</Descriptions.Item>
        <Descriptions.Item label={t('task.deadline')}>
          <Space>
            {formatDate(current.dueDate)}
            {current.status === 'open' && <DueTag dueDate={current.dueDate} />}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {recorded !== null && <Alert type="success" showIcon message={t('task.recorded', { position: recorded })} />}
      <Row gutter={24} style={{ marginTop: 16 }}>
        <Col xs={24} lg={13}>
          <Card title={t('task.about')} style={{ marginBottom: 16 }}>
            {plan && <PlanView plan={plan} name={name} />}
            {people.length > 0 && (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('task.candidates')}
                </Typography.Title>
                <CandidateTable
                  procedureId={current.procedureId}
                  personIds={people}
                  checks={checks}
                  purpose={`${t('task.dossierPurpose')}: ${title}`}
                />
              </>
            )}
            {!plan && people.length === 0 && <Typography.Text>{t('task.noContext')}</Typography.Text>}
          </Card>
          {state?.kind === 'election' && trail.data && <ElectionResults events={trail.data.events} name={name} />}
          {current.procedureKind === 'first-session' && trail.data && (
            <FirstSessionResults events={trail.data.events} name={name} />
          )}
          <Card title={t('task.history')}>{trail.data && <EarlierSteps events={trail.data.events} name={name} />}</Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card title={t('task.decide')}>
            <ErrorAlert error={claim.error} />
            {current.status === 'open' && current.claimedBy !== me?.userId && (
              <Alert
                type="info"
                message={t('task.notYours')}
                action={
                  current.claimedBy === null ? (
                    <Button size="small" onClick={() => claim.mutate({ taskId: current.taskId, claim: true })}>
                      {t('queue.claim')}
                    </Button>
                  ) : undefined
                }
                style={{ marginBottom: 16 }}
              />
            )}
            <DecisionPanel
              task={current}
              step={step}
              state={state}
              name={name}
              officeRound={labelled?.officeRound}
              onDecided={setRecorded}
            />
          </Card>
        </Col>
      </Row>
      <TechnicalDetails
        items={{
          taskId: current.taskId,
          procedureId: current.procedureId,
          stepId: current.stepId,
          bodyId: current.bodyId,
        }}
      />
    </>
  );
}
