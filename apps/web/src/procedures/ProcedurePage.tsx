import { Alert, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { StageView, TrailEvent } from '../api/views';
import { useAuth } from '../auth/auth-context';
import { formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { codeLabel, stageOf } from '../shared/labels';
import { useNames } from '../shared/names';
import { TechnicalDetails } from '../shared/TechnicalDetails';
import { EarlierSteps } from '../tasks/EarlierSteps';
import { planContent, PlanView } from '../tasks/PlanView';
import { useProcedure, useTrail } from '../tasks/task-hooks';
import { ActionProgrammes } from './ActionProgrammes';
import { AssetDeclarations, filedDeclarations } from './AssetDeclarations';
import { DELEGATES_STAGE, DelegatesResults } from './DelegatesResults';
import { ElectionResults } from './ElectionResults';
import { FirstSessionResults } from './FirstSessionResults';
import { OpenSteps } from './OpenSteps';
import { officeRoundNumbers } from '../shared/first-session-labels';
import { PlanActions } from './PlanActions';
import { RUN_COLOURS } from './ProceduresPage';
import { StagesCard, stoppedStage } from './StagesCard';
import { WithdrawButton } from './WithdrawButton';

/**
 * The stages of a congress procedure that ended with its committee elected: every one done, with the delegates'
 * election and the new committee's first session when its trail holds them.
 */
function finishedStages(rootId: string, events: readonly TrailEvent[]): StageView[] {
  const held = (stage: RegExp): boolean => events.some((e) => stage.test(e.streamId));
  const stages: StageView['stage'][] = ['plan', 'introduction', 'vetting', 'consultation', 'election'];
  if (held(DELEGATES_STAGE)) stages.push('delegates');
  if (held(/\/first-session$/)) stages.push('first-session');
  return stages.map((stage) => ({ stage, procedureId: `${rootId}/${stage}`, state: 'done' }));
}

/** One procedure as a page: what, for whom, where it stands, who must act, and its results so far. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const { procedureId = '' } = useParams();
  const { hasRole } = useAuth();
  const procedure = useProcedure(procedureId);
  const trail = useTrail(procedureId);
  const summary = procedure.data?.summary;
  const state = procedure.data?.state ?? null;
  const plan = planContent(state);
  // The people the trail names (a finished procedure has no live state to name them): checks, rounds, the elected.
  const trailPeople = [
    ...new Set(
      (trail.data?.events ?? []).flatMap((e) => (typeof e.data.personId === 'string' ? [e.data.personId] : [])),
    ),
  ];
  const name = useNames([
    summary?.bodyId,
    ...trailPeople,
    ...(plan?.candidateIds ?? []),
    ...(state?.candidates ?? []).map((c) => c.personId),
  ]);
  if (procedure.isLoading) return <Spin />;
  if (!summary) return <ErrorAlert error={procedure.error} />;
  const stage = stageOf(summary.procedureId);
  const kind = stage ?? summary.kind;
  const stopped = stoppedStage(state?.stages);
  return (
    <>
      <Typography.Title level={2}>
        {t('procedures.heading', {
          kind: codeLabel(t, stage ? 'stage' : 'kind', kind),
          organisation: summary.organisationName,
        })}
      </Typography.Title>
      {stage && (
        <Link to={`/procedures/${encodeURIComponent(summary.rootId)}`}>
          {codeLabel(t, 'kind', 'congress-personnel')}
        </Link>
      )}
      <Descriptions size="small" column={2} style={{ margin: '16px 0' }}>
        <Descriptions.Item label={t('procedures.status')}>
          {stopped ? (
            // The summary reads failed (from the composite's StageFailed); its state says at which stage and why.
            <Tag color="red">{t('procedures.stoppedAt', { stage: codeLabel(t, 'stage', stopped.stage) })}</Tag>
          ) : (
            <Space>
              <Tag color={RUN_COLOURS[summary.status]}>{codeLabel(t, 'run', summary.status)}</Tag>
              {state && <Tag>{codeLabel(t, 'status', state.status)}</Tag>}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('procedures.launchedAt')}>{formatDate(summary.launchedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('progress.level')}>{codeLabel(t, 'level', summary.levelKind)}</Descriptions.Item>
        <Descriptions.Item label={t('procedures.outcome')}>
          {codeLabel(t, 'outcome', summary.outcome)}
        </Descriptions.Item>
      </Descriptions>
      {state?.withdrawnReason && (
        <Alert type="warning" message={t('procedures.withdrawnBecause', { reason: state.withdrawnReason })} />
      )}
      {state?.stages && <StagesCard stages={state.stages} name={name} />}
      {state && !state.stages && (
        <Card title={t('procedures.openSteps')} style={{ marginBottom: 16 }}>
          <OpenSteps steps={state.openSteps} name={name} rounds={officeRoundNumbers(trail.data?.events ?? [])} />
        </Card>
      )}
      {state?.kind === 'personnel-plan' && (
        <>
          <PlanActions procedureId={summary.procedureId} status={state.status} plan={plan} />
          {plan && (
            <Card title={t('plan.title')} style={{ marginBottom: 16 }}>
              <PlanView plan={plan} name={name} />
            </Card>
          )}
        </>
      )}
      {state?.kind === 'vetting' && trail.data && (
        <AssetDeclarations
          procedureId={summary.procedureId}
          personIds={(state.candidates ?? [])
            .map((c) => c.personId)
            .filter(
              (id) =>
                state.openSteps.some((s) => s.stepId === `${id}/asset-declaration`) ||
                filedDeclarations(trail.data.events).has(id),
            )}
          events={trail.data.events}
          name={name}
        />
      )}
      {state?.kind === 'election' && state.status === 'LIST' && trail.data && (
        <ActionProgrammes
          procedureId={summary.procedureId}
          personIds={(state.candidates ?? []).map((c) => c.personId)}
          events={trail.data.events}
          name={name}
        />
      )}
      {!state && summary.kind === 'congress-personnel' && summary.outcome === 'elected' && (
        <StagesCard stages={finishedStages(summary.procedureId, trail.data?.events ?? [])} name={name} />
      )}
      {(kind === 'election' || summary.kind === 'election' || summary.kind === 'congress-personnel') && trail.data && (
        <ElectionResults
          // A congress's page shows its committee's election here and its delegates' below.
          events={
            summary.kind === 'congress-personnel'
              ? trail.data.events.filter((e) => !DELEGATES_STAGE.test(e.streamId))
              : trail.data.events
          }
          name={name}
        />
      )}
      {summary.kind === 'first-session' && trail.data && <FirstSessionResults events={trail.data.events} name={name} />}
      {(kind === 'delegates' || summary.kind === 'election' || summary.kind === 'congress-personnel') && trail.data && (
        <DelegatesResults events={trail.data.events} name={name} />
      )}
      {trail.data && (
        <Card title={t('task.history')} style={{ marginBottom: 16 }}>
          <EarlierSteps events={trail.data.events} name={name} />
        </Card>
      )}
      <Space>
        {hasRole('inspection-committee') && (
          <Link to={`/replay/${encodeURIComponent(summary.rootId)}`}>{t('procedures.replay')}</Link>
        )}
        {summary.status === 'running' && !stage && !stopped && hasRole('organization-committee') && (
          <WithdrawButton procedureId={summary.procedureId} />
        )}
      </Space>
      <TechnicalDetails
        items={{ procedureId: summary.procedureId, bodyId: summary.bodyId, rulebookId: summary.rulebookId }}
      />
    </>
  );
}
