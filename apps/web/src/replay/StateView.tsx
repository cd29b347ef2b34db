import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../shared/labels';
import { PlanView, type PlanContent } from '../tasks/PlanView';

interface FoldedState {
  status?: string;
  revision?: number;
  submissions?: number;
  plan?: PlanContent | null;
  seats?: number;
  candidates?: string[];
  elected?: string[];
  round?: { round: number; seats: number; candidateIds: string[] } | null;
}

/** A procedure's state at one event, as a page (the fields inspectors read), never as JSON. */
export function StateView({ state, name }: { state: unknown; name: (id: string) => string }) {
  const { t } = useTranslation();
  const s = (state ?? {}) as FoldedState;
  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        {s.status && (
          <Descriptions.Item label={t('procedures.status')}>{codeLabel(t, 'status', s.status)}</Descriptions.Item>
        )}
        {typeof s.revision === 'number' && s.revision > 0 && (
          <Descriptions.Item label={t('plan.title')}>{t('plan.revision', { revision: s.revision })}</Descriptions.Item>
        )}
        {typeof s.seats === 'number' && s.seats > 0 && (
          <Descriptions.Item label={t('launch.seats')}>{s.seats}</Descriptions.Item>
        )}
        {s.candidates && s.candidates.length > 0 && (
          <Descriptions.Item label={t('plan.candidates')}>{s.candidates.map(name).join(', ')}</Descriptions.Item>
        )}
        {s.round && (
          <Descriptions.Item label={t('election.round', { round: s.round.round })}>
            {t('round.seats', { seats: s.round.seats })}
          </Descriptions.Item>
        )}
        {s.elected && s.elected.length > 0 && (
          <Descriptions.Item label={t('election.elected')}>{s.elected.map(name).join(', ')}</Descriptions.Item>
        )}
      </Descriptions>
      {s.plan && <PlanView plan={s.plan} name={name} />}
    </>
  );
}
