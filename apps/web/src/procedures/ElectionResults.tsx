import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';

interface RoundRow {
  round: number;
  elected: { personId: string; votes: number; base: number }[];
  /** The round's other candidates: not enough votes, or over the seats. */
  others: { personId: string; votes: number }[];
  ties: { personIds: string[]; votes: number }[];
  seatsLeft: number | null;
}

/** Folds an election's trail into its rounds: who passed with how many votes, who did not, ties, seats left. */
export function electionRounds(events: readonly TrailEvent[]): RoundRow[] {
  const rounds = new Map<number, RoundRow>();
  const row = (n: number): RoundRow => {
    const existing = rounds.get(n) ?? { round: n, elected: [], others: [], ties: [], seatsLeft: null };
    rounds.set(n, existing);
    return existing;
  };
  for (const e of events) {
    const d = e.data;
    if (e.type === 'ElectionRoundOpened') row(Number(d.round));
    if (e.type === 'CandidateElected') {
      row(Number(d.round)).elected.push({ personId: String(d.personId), votes: Number(d.votes), base: Number(d.base) });
    }
    const roundOfStep = typeof d.stepId === 'string' ? /^round-(\d+)$/.exec(d.stepId) : null;
    if (e.type === 'ThresholdEvaluated' && roundOfStep) {
      row(Number(roundOfStep[1])).others.push({ personId: String(d.personId), votes: Number(d.votes) });
    }
    if (e.type === 'TieDetected') {
      row(Number(d.round)).ties.push({ personIds: (d.personIds as string[]) ?? [], votes: Number(d.votes) });
    }
    if (e.type === 'ElectionRoundClosed') row(Number(d.round)).seatsLeft = Number(d.seatsLeft);
  }
  for (const r of rounds.values()) {
    const elected = new Set(r.elected.map((e) => e.personId));
    r.others = r.others.filter((o) => !elected.has(o.personId)).sort((a, b) => b.votes - a.votes);
  }
  return [...rounds.values()].sort((a, b) => a.round - b.round);
}

/** The election so far: each round's elected with votes and share of the base, ties, seats left. */
export function ElectionResults({ events, name }: { events: readonly TrailEvent[]; name: (id: string) => string }) {
  const { t } = useTranslation();
  const rounds = electionRounds(events);
  if (rounds.length === 0) return null;
  const elected = rounds.flatMap((r) => r.elected.map((e) => ({ ...e, round: r.round })));
  return (
    <Card title={t('election.results')} style={{ marginBottom: 16 }}>
      {rounds.map((r) => (
        <div key={r.round} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('election.round', { round: r.round })}: </Typography.Text>
          {r.elected.length > 0 && (
            <Tag color="green">
              {t('election.passed')}: {r.elected.length}
            </Tag>
          )}
          {r.others.length > 0 && (
            <Tag>
              {t('election.failed')}: {r.others.map((o) => `${name(o.personId)} (${o.votes})`).join(', ')}
            </Tag>
          )}
          {r.ties.map((tie, i) => (
            <Tag color="orange" key={i}>
              {t('election.tie')}: {tie.personIds.map(name).join(', ')} ({tie.votes})
            </Tag>
          ))}
          {r.seatsLeft !== null && <Tag>{t('election.seatsLeft', { count: r.seatsLeft })}</Tag>}
        </div>
      ))}
      <Table
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={elected}
        columns={[
          { title: t('election.elected'), key: 'name', render: (_, e) => name(e.personId) },
          { title: t('election.votes'), dataIndex: 'votes' },
          { title: t('election.base'), dataIndex: 'base' },
          {
            title: t('election.share'),
            key: 'share',
            render: (_, e) => (e.base > 0 ? `${((100 * e.votes) / e.base).toFixed(2).replace('.', ',')}%` : ''),
          },
          { title: t('election.round', { round: '' }).trim(), dataIndex: 'round' },
        ]}
      />
    </Card>
  );
}
