import { useQuery } from '@tanstack/react-query';
import { Progress, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import type { LevelProgress, ProcedureSummary } from '../api/views';
import { formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { useNames } from '../shared/names';
import { KINDS, useProcedureList, type LevelKind, type ListedKind } from '../procedures/procedure-hooks';

/** Level → organisation → procedure: the procedures of one level, by organisation, each opening its steps. */
function LevelProcedures({ kind, level }: { kind: ListedKind; level: LevelKind }) {
  const { t } = useTranslation();
  const list = useProcedureList({ type: kind, level });
  const items = list.data?.items ?? [];
  const name = useNames(items.map((p) => p.bodyId));
  return (
    <Table<ProcedureSummary>
      size="small"
      rowKey="procedureId"
      loading={list.isLoading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('procedures.empty') }}
      columns={[
        { title: t('procedures.organisation'), key: 'org', render: (_, p) => name(p.bodyId) },
        { title: t('procedures.status'), key: 'status', render: (_, p) => codeLabel(t, 'run', p.status) },
        { title: t('procedures.launchedAt'), key: 'at', render: (_, p) => formatDate(p.launchedAt) },
        {
          title: '',
          key: 'open',
          render: (_, p) => <Link to={`/procedures/${encodeURIComponent(p.procedureId)}`}>{t('progress.drill')}</Link>,
        },
      ]}
    />
  );
}

/** A level's count of opinions on cadres, as the API sends it (0 when it sends none). */
function opinionCount(field: 'opinionsRequested' | 'opinionsGiven' | 'opinionsFavourable') {
  const render = (_: unknown, row: LevelProgress): number => row[field] ?? 0;
  return render;
}

/** How many organisations of each level have completed a kind of procedure, with a drill-down. */
export function ProgressPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ListedKind>('congress-personnel');
  const progress = useQuery({
    queryKey: ['progress', kind],
    queryFn: async ({ signal }) =>
      unwrap<LevelProgress[]>(await api.GET('/procedures/progress', { params: { query: { type: kind } }, signal })),
  });
  return (
    <>
      <Typography.Title level={2}>{t('progress.title')}</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 260 }}
          aria-label={t('progress.kind')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: codeLabel(t, 'kind', k) }))}
        />
      </Space>
      <ErrorAlert error={progress.error} />
      <Table<LevelProgress>
        rowKey="levelKind"
        loading={progress.isLoading}
        dataSource={progress.data ?? []}
        pagination={false}
        expandable={{ expandedRowRender: (row) => <LevelProcedures kind={kind} level={row.levelKind} /> }}
        columns={[
          { title: t('progress.level'), key: 'level', render: (_, r) => codeLabel(t, 'level', r.levelKind) },
          { title: t('progress.organisations'), dataIndex: 'organisations' },
          { title: t('progress.running'), dataIndex: 'running' },
          { title: t('progress.done'), dataIndex: 'done' },
          { title: t('progress.failed'), dataIndex: 'failed' },
          // Opinions on cadres: how many cadres were asked about and how many opinions were given.
          ...(kind === 'cadre-opinion'
            ? [
                { title: t('progress.opinionsRequested'), key: 'requested', render: opinionCount('opinionsRequested') },
                { title: t('progress.opinionsGiven'), key: 'given', render: opinionCount('opinionsGiven') },
                {
                  title: t('progress.opinionsFavourable'),
                  key: 'favourable',
                  render: opinionCount('opinionsFavourable'),
                },
              ]
            : []),
          {
            title: t('progress.percent'),
            key: 'percent',
            render: (_, r) => (
              <Space orientation="vertical" size={0} style={{ width: 220 }}>
                <Progress percent={r.organisations ? Math.round((100 * r.done) / r.organisations) : 0} size="small" />
                <span>
                  {t('progress.summary', {
                    done: r.done,
                    total: r.organisations,
                    percent: r.percentDone.replace('.', ','),
                  })}
                </span>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
