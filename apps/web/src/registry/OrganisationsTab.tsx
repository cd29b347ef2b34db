import { Input, List, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationView } from '../api/views';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { useOrganisation, useOrganisationSearch } from '../launch/registry-hooks';

function OrganisationDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useOrganisation(id);
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  return (
    <>
      <Typography.Text strong>{t('registry.bodies')}</Typography.Text>
      <List
        size="small"
        dataSource={detail.data.bodies}
        renderItem={(b) => (
          <List.Item>
            {b.name} — {codeLabel(t, 'bodyKind', b.kind)}
          </List.Item>
        )}
      />
      {detail.data.children.length > 0 && (
        <>
          <Typography.Text strong>{t('registry.children')}</Typography.Text>
          <List size="small" dataSource={detail.data.children} renderItem={(c) => <List.Item>{c.name}</List.Item>} />
        </>
      )}
    </>
  );
}

/** Search organisations by name, with or without diacritics; each opens its bodies and the organisations under it. */
export function OrganisationsTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = useOrganisationSearch(q);
  return (
    <>
      <Input.Search
        placeholder={t('registry.searchOrganisations')}
        aria-label={t('registry.searchOrganisations')}
        allowClear
        onSearch={setQ}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      {search.isError && <ErrorAlert error={search.error} />}
      <Table<OrganisationView>
        rowKey="id"
        size="small"
        loading={search.isLoading}
        dataSource={search.data?.items ?? []}
        expandable={{ expandedRowRender: (o) => <OrganisationDetail id={o.id} /> }}
        columns={[
          { title: t('registry.name'), dataIndex: 'name' },
          {
            title: t('registry.level'),
            key: 'level',
            render: (_, o) => o.levelName || codeLabel(t, 'level', o.levelKind),
          },
          { title: t('registry.parent'), dataIndex: 'parentName' },
        ]}
      />
    </>
  );
}
