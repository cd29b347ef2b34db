import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';
import { formatDateTime } from '../shared/dates';
import { officeRoundNumbers, withOfficeRound } from '../shared/first-session-labels';
import { codeLabel, stepLabel } from '../shared/labels';

const paramsOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** The steps already closed in a trail, with their outcome and when (newest last); a check names its candidate. */
export function EarlierSteps({ events, name }: { events: readonly TrailEvent[]; name?: (id: string) => string }) {
  const { t } = useTranslation();
  const closed = events.filter((e) => e.type === 'StepClosed');
  // A closed step is named as it was opened: its kind and parameters (a first session's office) are on StepOpened.
  const opened = new Map(
    events
      .filter((e) => e.type === 'StepOpened')
      .map((e) => [
        `${e.streamId} ${String(e.data.stepId)}`,
        { stepKind: typeof e.data.kind === 'string' ? e.data.kind : null, stepParams: paramsOf(e.data.params) },
      ]),
  );
  const rounds = officeRoundNumbers(events);
  if (closed.length === 0) return <Empty description={t('app.empty')} />;
  return (
    <Timeline
      items={closed.map((e) => ({
        key: e.position,
        color: e.data.outcome === 'approved' || e.data.outcome === 'recorded' ? 'green' : 'gray',
        children: (
          <>
            <div>
              {stepLabel(
                t,
                String(e.data.stepId),
                name,
                withOfficeRound(opened.get(`${e.streamId} ${String(e.data.stepId)}`), e.streamId, rounds),
              )}
            </div>
            <div>
              {codeLabel(t, 'outcome', String(e.data.outcome))} · {formatDateTime(e.recordedAt)}
            </div>
          </>
        ),
      }))}
    />
  );
}
