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
