import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProcedureSummary } from '../api/views';
import { formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { useNames } from '../shared/names';
import { useProcedureList, type RunStatus } from './procedure-hooks';

const STATUSES: RunStatus[] = ['running', 'completed', 'withdrawn', 'failed'];
export const RUN_COLOURS: Record<string, string> = {
  running: 'blue',
  completed: 'green',
  withdrawn: 'default',
  failed: 'red',
};

/** The procedures this user may see, by kind, organisation and status. */
export function ProceduresPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RunStatus | undefined>();
  const list = useProcedureList({ status });
  const items = list.data?.items ?? [];
  const name = useNames(items.map((p) => p.bodyId));
  return (
    <>
      <Typography.Title level={2}>{t('procedures.title')}</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('procedures.filterStatus')}
          aria-label={t('procedures.filterStatus')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: codeLabel(t, 'run', s) }))}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <Table<ProcedureSummary>
        rowKey="procedureId"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('procedures.empty') }}
        columns={[
          {
            title: t('procedures.kind'),
            key: 'kind',
            render: (_, p) => (
              <Link to={`/procedures/${encodeURIComponent(p.procedureId)}`}>{codeLabel(t, 'kind', p.kind)}</Link>
            ),
          },
          { title: t('procedures.organisation'), key: 'org', render: (_, p) => name(p.bodyId) },
          { title: t('progress.level'), key: 'level', render: (_, p) => codeLabel(t, 'level', p.levelKind) },
          {
            title: t('procedures.status'),
            key: 'status',
            render: (_, p) => <Tag color={RUN_COLOURS[p.status]}>{codeLabel(t, 'run', p.status)}</Tag>,
          },
          { title: t('procedures.outcome'), key: 'outcome', render: (_, p) => codeLabel(t, 'outcome', p.outcome) },
          { title: t('procedures.launchedAt'), key: 'at', render: (_, p) => formatDate(p.launchedAt) },
        ]}
      />
    </>
  );
}
