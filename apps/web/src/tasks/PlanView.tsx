import { Descriptions, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureState } from '../api/views';

export interface PlanContent {
  executiveCommitteeSeats: number;
  standingCommitteeSeats: number;
  deputySecretaries: number;
  candidateIds: string[];
  standards: string[];
  /** Composition targets in percent (women, under 40, ethnic minorities). */
  targets?: { womenPercent?: number; under40Percent?: number; ethnicMinorityPercent?: number };
}

/** The plan of a procedure's state (the API names its candidates; the page reads their ids), or null. */
export function planContent(state: ProcedureState | null | undefined): PlanContent | null {
  const plan = state?.plan;
  if (!plan) return null;
  return { ...plan, candidateIds: plan.candidates.map((c) => c.personId) };
}

/** A personnel plan as a page: seats, the candidate list by name with its surplus, the standards, the composition targets. */
export function PlanView({ plan, name }: { plan: PlanContent; name: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('plan.executiveCommitteeSeats')}>{plan.executiveCommitteeSeats}</Descriptions.Item>
      <Descriptions.Item label={t('plan.standingCommitteeSeats')}>{plan.standingCommitteeSeats}</Descriptions.Item>
      <Descriptions.Item label={t('plan.deputySecretaries')}>{plan.deputySecretaries}</Descriptions.Item>
      <Descriptions.Item label={t('plan.candidates')}>
        {t('launch.picked', { count: plan.candidateIds.length })} ·{' '}
        {t('plan.surplus', { count: plan.candidateIds.length - plan.executiveCommitteeSeats })}
        <div style={{ marginTop: 8 }}>{plan.candidateIds.map((id) => name(id)).join(', ')}</div>
      </Descriptions.Item>
      <Descriptions.Item label={t('plan.standards')}>
        <List size="small" dataSource={plan.standards} renderItem={(s) => <List.Item>{s}</List.Item>} />
      </Descriptions.Item>
      {(
        [
          ['womenPercent', 'launch.targetWomen'],
          ['under40Percent', 'launch.targetUnder40'],
          ['ethnicMinorityPercent', 'launch.targetEthnic'],
        ] as const
      ).map(([key, label]) =>
        plan.targets?.[key] === undefined ? null : (
          <Descriptions.Item key={key} label={t(label)}>
            {plan.targets[key]}%
          </Descriptions.Item>
        ),
      )}
    </Descriptions>
  );
}
