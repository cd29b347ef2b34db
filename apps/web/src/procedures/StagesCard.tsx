import { Card, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StageView } from '../api/views';
import { codeLabel } from '../shared/labels';
import { useProcedure } from '../tasks/task-hooks';
import { OpenSteps } from './OpenSteps';

const STATUS: Record<string, 'wait' | 'process' | 'finish' | 'error'> = {
  pending: 'wait',
  running: 'process',
  done: 'finish',
  failed: 'error',
};

/** A composite's stages, and the open steps of the running one with who must act, on its first page. */
export function StagesCard({ stages, name }: { stages: readonly StageView[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  const running = stages.find((s) => s.state === 'running');
  const child = useProcedure(running?.procedureId);
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
      {running && (
        <div style={{ marginTop: 24 }}>
          <Typography.Title level={5}>
            {t('procedures.currentStage', { stage: codeLabel(t, 'stage', running.stage) })}
          </Typography.Title>
          <OpenSteps steps={child.data?.state?.openSteps ?? []} name={name} />
        </div>
      )}
    </Card>
  );
}
