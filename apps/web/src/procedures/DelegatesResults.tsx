import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';

/** A delegate to the higher congress, with the votes and base of the round that elected them. */
export interface DelegateRow {
  personId: string;
  votes: number;
  base: number;
}

/** The delegates a congress declared (`DelegatesElected`), official then alternate, each with their votes. */
export interface DelegatesResult {
  official: DelegateRow[];
  alternates: DelegateRow[];
}

/** The stage that elects a congress's delegates, inside a congress procedure. */
export const DELEGATES_STAGE = /\/delegates$/;

/**
 * Reads the declared delegates from a trail: the `DelegatesElected` event names who is official and who alternate, the
 * `CandidateElected` events of the same stream give their votes. Null while none are declared.
 */
export function declaredDelegates(events: readonly TrailEvent[]): DelegatesResult | null {
  const declared = events.find((e) => e.type === 'DelegatesElected');
  if (!declared) return null;
  const votes = new Map(
    events
      .filter((e) => e.type === 'CandidateElected' && e.streamId === declared.streamId)
      .map((e) => [String(e.data.personId), { votes: Number(e.data.votes), base: Number(e.data.base) }]),
  );
  const row = (personId: unknown): DelegateRow => ({
    personId: String(personId),
    ...(votes.get(String(personId)) ?? { votes: 0, base: 0 }),
  });
  const list = (value: unknown): DelegateRow[] => (Array.isArray(value) ? value.map(row) : []);
  return { official: list(declared.data.official), alternates: list(declared.data.alternates) };
}

/** The delegates to the higher congress a congress elected: official and alternate, by name, with votes. */
export function DelegatesResults({ events, name }: { events: readonly TrailEvent[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  const result = declaredDelegates(events);
  if (!result) return null;
  const table = (title: string, rows: DelegateRow[]) => (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<DelegateRow>
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('delegates.none') }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('delegates.name'), key: 'name', render: (_, d) => name(d.personId) },
          { title: t('delegates.votes'), dataIndex: 'votes' },
          {
            title: t('delegates.share'),
            key: 'share',
            render: (_, d) => (d.base > 0 ? `${((100 * d.votes) / d.base).toFixed(2).replace('.', ',')}%` : ''),
          },
        ]}
      />
    </>
  );
  return (
    <Card title={t('delegates.title')} style={{ marginBottom: 16 }}>
      {table(t('delegates.official'), result.official)}
      {table(t('delegates.alternates'), result.alternates)}
    </Card>
  );
}
