import { Descriptions, Table, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../shared/dates';
import { codeLabel, stepLabel } from '../shared/labels';
import { PlanView } from '../tasks/PlanView';
import type { FoldedState, IntroductionCandidate, VettingCandidate } from './state-types';

type Name = (id: string) => string;
const Item = Descriptions.Item;

const yesNo = (t: TFunction, value: boolean | undefined): string => (value ? t('app.yes') : t('app.no'));

function PlanState({ s, name }: { s: FoldedState; name: Name }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Item label={t('plan.title')}>{t('plan.revision', { revision: s.revision ?? 0 })}</Item>
        <Item label={t('stateView.submissions')}>{s.submissions ?? 0}</Item>
        {(s.draftedBy ?? []).length > 0 && (
          <Item label={t('stateView.draftedBy')}>{(s.draftedBy ?? []).map(name).join(', ')}</Item>
        )}
      </Descriptions>
      {s.plan && <PlanView plan={s.plan} name={name} />}
    </>
  );
}

function ElectionState({ s, name }: { s: FoldedState; name: Name }) {
  const { t } = useTranslation();
  const candidates = Array.isArray(s.candidates) ? s.candidates : [];
  return (
    <Descriptions size="small" column={1} bordered>
      <Item label={t('stateView.seats')}>{s.seats ?? 0}</Item>
      <Item label={t('plan.candidates')}>{candidates.map(name).join(', ') || t('stateView.none')}</Item>
      {s.round && (
        <Item label={t('stateView.round')}>
          {t('stateView.roundDetail', {
            round: s.round.round,
            seats: s.round.seats,
            people: s.round.candidateIds.map(name).join(', '),
          })}
        </Item>
      )}
      <Item label={t('election.elected')}>{(s.elected ?? []).map(name).join(', ') || t('stateView.none')}</Item>
    </Descriptions>
  );
}

function IntroductionState({ s, name }: { s: FoldedState; name: Name }) {
  const { t } = useTranslation();
  const record = (Array.isArray(s.candidates) ? {} : (s.candidates ?? {})) as Record<string, IntroductionCandidate>;
  const current = s.current;
  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        {current && (
          <Item label={t('stateView.currentStep')}>
            {stepLabel(t, `${current.track}/${current.step}${current.attempt > 1 ? `#${current.attempt}` : ''}`)}
          </Item>
        )}
        {s.hold && (
          <Item label={t('stateView.hold')}>
            {s.hold.kind === 'verification'
              ? t('stateView.holdVerification', { name: s.hold.personId ? name(s.hold.personId) : '' })
              : t('stateView.holdHigher')}
          </Item>
        )}
        <Item label={t('stateView.holds')}>{s.holds ?? 0}</Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="personId"
        dataSource={(s.order ?? Object.keys(record)).map((personId) => ({ personId, ...record[personId] }))}
        columns={[
          { title: t('registry.fullName'), key: 'name', render: (_, r) => name(r.personId) },
          {
            title: t('stateView.track'),
            key: 'track',
            render: (_, r) => (r.track ? codeLabel(t, 'track', r.track) : ''),
          },
          {
            title: t('procedures.state'),
            key: 'active',
            render: (_, r) =>
              r.active ? <Tag color="green">{t('stateView.active')}</Tag> : <Tag>{t('stateView.dropped')}</Tag>,
          },
        ]}
      />
    </>
  );
}

function VettingState({ s, name }: { s: FoldedState; name: Name }) {
  const { t } = useTranslation();
  const record = (Array.isArray(s.candidates) ? {} : (s.candidates ?? {})) as Record<string, VettingCandidate>;
  const kinds = s.kinds ?? [];
  const complaints = Object.values(s.complaints ?? {});
  const colour = (v: string | undefined) => (v === 'CLEARED' ? 'green' : v === 'BLOCKED' ? 'red' : 'default');
  return (
    <>
      <Table
        size="small"
        pagination={false}
        rowKey="personId"
        style={{ marginBottom: 12 }}
        dataSource={(s.order ?? Object.keys(record)).map((personId) => ({ personId, ...record[personId] }))}
        columns={[
          { title: t('registry.fullName'), key: 'name', render: (_, r) => name(r.personId) },
          {
            title: t('procedures.state'),
            key: 'status',
            render: (_, r) => <Tag color={colour(r.status)}>{codeLabel(t, 'status', r.status ?? 'PENDING')}</Tag>,
          },
          {
            title: t('stateView.checks'),
            key: 'checks',
            render: (_, r) =>
              kinds.map((k) => (
                <div key={k}>
                  {codeLabel(t, 'vettingCheck', k)}:{' '}
                  <Tag color={colour(r.concluded?.[k])}>{codeLabel(t, 'status', r.concluded?.[k] ?? 'PENDING')}</Tag>
                </div>
              )),
          },
          { title: t('stateView.declarationFiled'), key: 'declared', render: (_, r) => yesNo(t, r.declarationFiled) },
        ]}
      />
      {complaints.length > 0 && (
        <Descriptions size="small" column={1} bordered>
          <Item label={t('stateView.complaints')}>
            {complaints.map((c, i) => (
              <div key={i}>
                {t('stateView.complaint', {
                  name: name(c.personId),
                  state: !c.resolved
                    ? t('stateView.complaintOpen')
                    : c.substantiated
                      ? t('stateView.complaintSubstantiated')
                      : t('stateView.complaintUnfounded'),
                })}
              </div>
            ))}
          </Item>
        </Descriptions>
      )}
    </>
  );
}

function AppointmentState({ s, name }: { s: FoldedState; name: Name }) {
  const { t } = useTranslation();
  const step = s.step ?? 0;
  const stepText =
    step === 0
      ? t('step.policy')
      : step === 6
        ? t(
            s.status === 'AWAITING_RATIFICATION' || s.variant === 'ratification'
              ? 'step.ratification'
              : 'step.headDecision',
          )
        : t('step.appointment', { n: step });
  const candidates = Array.isArray(s.candidates) ? s.candidates : [];
  const results = Object.entries(s.finalResults ?? {});
  return (
    <Descriptions size="small" column={1} bordered>
      <Item label={t('launch.appointmentVariant')}>{t(`appointmentVariant.${s.variant ?? 'appointment'}`)}</Item>
      <Item label={t('stateView.currentStep')}>{stepText}</Item>
      <Item label={t('stateView.policyAttempts')}>{s.policyAttempts ?? 0}</Item>
      <Item label={t('stateView.centralManagement')}>{yesNo(t, s.centralManagement)}</Item>
      {s.completionDueDate && <Item label={t('stateView.completionDue')}>{formatDate(s.completionDueDate)}</Item>}
      <Item label={t('plan.candidates')}>{candidates.map(name).join(', ') || t('stateView.none')}</Item>
      {(s.sealed ?? []).length > 0 && (
        <Item label={t('stateView.sealed')}>{(s.sealed ?? []).map((id) => stepLabel(t, id, name)).join(', ')}</Item>
      )}
      <Item label={t('stateView.deadlineBreached')}>{yesNo(t, s.deadlineBreached)}</Item>
      {s.deadlineBreached && <Item label={t('stateView.explanationFiled')}>{yesNo(t, s.explanationFiled)}</Item>}
      {results.length > 0 && (
        <Item label={t('stateView.finalResults')}>
          {results.map(([personId, r]) => (
            <div key={personId}>{t('stateView.result', { name: name(personId), votes: r.votes, base: r.base })}</div>
          ))}
        </Item>
      )}
      {s.headReferral && (
        <Item label={t('stateView.headReferral')}>
          {t('stateView.result', { name: name(s.headReferral.personId), ...s.headReferral })}
        </Item>
      )}
    </Descriptions>
  );
}

/** The fields of the procedure's own kind, in words and names. */
export function KindState({ s, name }: { s: FoldedState; name: Name }) {
  switch (s.core?.kind) {
    case 'personnel-plan':
      return <PlanState s={s} name={name} />;
    case 'election':
      return <ElectionState s={s} name={name} />;
    case 'introduction':
      return <IntroductionState s={s} name={name} />;
    case 'vetting':
      return <VettingState s={s} name={name} />;
    case 'appointment':
      return <AppointmentState s={s} name={name} />;
    default:
      return null;
  }
}
