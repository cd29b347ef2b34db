import { Card, Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';

/** The offices a first session elects, in the order it elects them. */
export const FIRST_SESSION_OFFICES = [
  'standing-committee',
  'secretary',
  'deputy-secretaries',
  'inspection-committee',
  'inspection-chair',
] as const;

/**
 * Who the first session has elected to each office at its current sitting, from its trail: each
 * `FirstSessionMemberElected` names the office; a return by the higher level (`FirstSessionReturned`) starts a new
 * sitting, so what came before it no longer stands. Read from the trail, as the election's results are, so that a
 * finished procedure (no live state) shows them too.
 */
export function electedByOffice(events: readonly TrailEvent[]): Map<string, string[]> {
  const elected = new Map<string, string[]>();
  for (const e of events) {
    if (e.type === 'FirstSessionReturned') elected.clear();
    if (e.type === 'FirstSessionMemberElected' && typeof e.data.office === 'string') {
      const people = elected.get(e.data.office) ?? [];
      people.push(String(e.data.personId));
      elected.set(e.data.office, people);
    }
  }
  return elected;
}

/** The first session's results: each office with the people elected to it, by name. */
export function FirstSessionResults({ events, name }: { events: readonly TrailEvent[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  const elected = electedByOffice(events);
  const offices = FIRST_SESSION_OFFICES.filter((office) => (elected.get(office) ?? []).length > 0);
  return (
    <Card title={t('firstSession.resultsByOffice')} style={{ marginBottom: 16 }}>
      {offices.length === 0 ? (
        <Empty description={t('firstSession.noneElected')} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={offices.map((office) => ({
            key: office,
            label: t(`office.${office}`),
            children: (elected.get(office) ?? []).map(name).join(', '),
          }))}
        />
      )}
    </Card>
  );
}
