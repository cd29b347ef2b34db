import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../shared/dates';
import { withOfficeRound, type StepContext } from '../shared/first-session-labels';
import { codeLabel, stepLabel } from '../shared/labels';
import { useNames } from '../shared/names';
import { KindState } from './KindState';
import { idsIn, type FoldedState } from './state-types';

/** What every procedure keeps: kind, organisation, who launched it, its open steps, who stood aside, withdrawal. */
function CoreFacts({ s, name, round }: { s: FoldedState; name: (id: string) => string; round: RoundInOffice }) {
  const { t } = useTranslation();
  const core = s.core ?? {};
  const open = Object.values(core.openSteps ?? {});
  const none = t('stateView.none');
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
      {core.kind && (
        <Descriptions.Item label={t('stateView.kind')}>{codeLabel(t, 'kind', core.kind)}</Descriptions.Item>
      )}
      {core.bodyId && <Descriptions.Item label={t('stateView.organisation')}>{name(core.bodyId)}</Descriptions.Item>}
      {s.status && (
        <Descriptions.Item label={t('procedures.status')}>{codeLabel(t, 'status', s.status)}</Descriptions.Item>
      )}
      {core.launchedBy && (
        <Descriptions.Item label={t('procedures.launchedBy')}>
          {name(core.launchedBy.personId)}, {codeLabel(t, 'role', core.launchedBy.role)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('procedures.openSteps')}>
        {open.length === 0
          ? none
          : open.map((o) => (
              <div key={o.stepId}>
                {t('stateView.openStep', {
                  step: stepLabel(t, o.stepId, name, round({ stepKind: o.kind, stepParams: o.params })),
                  role: codeLabel(t, 'role', o.role),
                  due: formatDate(o.dueDate),
                })}
                {o.escalated && <Tag color="volcano">{t('queue.escalated')}</Tag>}
              </div>
            ))}
      </Descriptions.Item>
      {(core.conflicts ?? []).length > 0 && (
        <Descriptions.Item label={t('stateView.conflicts')}>
          {(core.conflicts ?? []).map((c) => (
            <div key={`${c.personId}-${c.subjectId}`}>
              {t('stateView.conflict', { person: name(c.personId), subject: name(c.subjectId) })}
            </div>
          ))}
        </Descriptions.Item>
      )}
      {(core.actionProgrammes ?? []).length > 0 && (
        <Descriptions.Item label={t('stateView.actionProgrammes')}>
          {(core.actionProgrammes ?? []).map(name).join(', ')}
        </Descriptions.Item>
      )}
      {core.withdrawnReason && (
        <Descriptions.Item label={t('procedures.withdrawReason')}>{core.withdrawnReason}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

type RoundInOffice = (step: StepContext) => StepContext | undefined;

/**
 * A procedure's state at one event, as a page (what inspectors read, for every kind), never as JSON. `rounds` (from
 * the trail of `streamId`) numbers a first session's rounds within their office.
 */
export function StateView({
  state,
  streamId = '',
  rounds = new Map(),
}: {
  state: unknown;
  streamId?: string;
  rounds?: ReadonlyMap<string, number>;
}) {
  const s = (state ?? {}) as FoldedState;
  const name = useNames(idsIn(s));
  const round: RoundInOffice = (step) => withOfficeRound(step, streamId, rounds);
  return (
    <>
      <CoreFacts s={s} name={name} round={round} />
      <KindState s={s} name={name} />
    </>
  );
}
