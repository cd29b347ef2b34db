import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';
import { formatDateTime } from '../shared/dates';
import { codeLabel, stepLabel } from '../shared/labels';

/** The steps already closed in a trail, with their outcome and when (newest last); a check names its candidate. */
export function EarlierSteps({ events, name }: { events: readonly TrailEvent[]; name?: (id: string) => string }) {
  const { t } = useTranslation();
  const closed = events.filter((e) => e.type === 'StepClosed');
  if (closed.length === 0) return <Empty description={t('app.empty')} />;
  return (
    <Timeline
      items={closed.map((e) => ({
        key: e.position,
        color: e.data.outcome === 'approved' || e.data.outcome === 'recorded' ? 'green' : 'gray',
        children: (
          <>
            <div>{stepLabel(t, String(e.data.stepId), name)}</div>
            <div>
              {codeLabel(t, 'outcome', String(e.data.outcome))} · {formatDateTime(e.recordedAt)}
            </div>
          </>
        ),
      }))}
    />
  );
}
