import { Alert, Card, Steps, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StageView } from '../api/views';
import { codeText } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { useProcedure } from '../tasks/task-hooks';
import { OpenSteps } from './OpenSteps';

const STATUS: Record<string, 'wait' | 'process' | 'finish' | 'error'> = {
  pending: 'wait',
  running: 'process',
  done: 'finish',
  failed: 'error',
};

/** Why a stage failed, in the user's language (a code the app does not know reads as the generic failure). */
export function stageFailureText(t: TFunction, stage: StageView): string {
  const failure = stage.failure ?? { code: 'STAGE_FAILED', params: {} };
  return codeText(t, failure.code, failure.params) || t('error.STAGE_FAILED');
}

/** The stage a composite stopped at (its failed stage), if any. */
export function stoppedStage(stages: readonly StageView[] | undefined): StageView | undefined {
  return stages?.find((s) => s.state === 'failed');
}

/** A composite's stages, and the open steps of the running one with who must act, on its first page. */
export function StagesCard({ stages, name }: { stages: readonly StageView[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  const running = stages.find((s) => s.state === 'running');
  const failed = stoppedStage(stages);
  const child = useProcedure(running?.procedureId);
  const steps = child.data?.state?.openSteps ?? [];
  // The running stage's steps name people the composite's own page does not know (a vetting check's candidate).
  const people = new Map(steps.flatMap((s) => s.stepPeople.map((p) => [p.personId, p.personName] as const)));
  const named = (id: string): string => people.get(id) ?? name(id);
  return (
    <Card title={t('procedures.stages')} style={{ marginBottom: 16 }}>
      <Steps
        size="small"
        items={stages.map((s) => ({
          title: <Link to={`/procedures/${encodeURIComponent(s.procedureId)}`}>{codeLabel(t, 'stage', s.stage)}</Link>,
          description: codeLabel(t, 'stageState', s.state),
          status: STATUS[s.state] ?? 'wait',
        }))}
      />
      {failed && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 24 }}
          message={t('procedures.stageFailed', {
            stage: codeLabel(t, 'stage', failed.stage),
            reason: stageFailureText(t, failed),
          })}
        />
      )}
      {running && (
        <div style={{ marginTop: 24 }}>
          <Typography.Title level={5}>
            {t('procedures.currentStage', { stage: codeLabel(t, 'stage', running.stage) })}
          </Typography.Title>
          <OpenSteps steps={steps} name={named} />
        </div>
      )}
    </Card>
  );
}
