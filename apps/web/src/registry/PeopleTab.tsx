import { Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PersonSummary } from '../api/views';
import { ageOn, formatBirthDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { usePeopleSearch } from '../launch/registry-hooks';

/** Search people by name, with or without diacritics; each opens their posts, memberships and relatives. */
export function PeopleTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const search = usePeopleSearch(q, undefined, page);
  return (
    <>
      <Input.Search
        placeholder={t('registry.searchPeople')}
        aria-label={t('registry.searchPeople')}
        allowClear
        onSearch={(value) => {
          setQ(value);
          setPage(1);
        }}
        style={{ maxWidth: 420, marginBottom: 16 }}
      />
      {search.isError && <ErrorAlert error={search.error} />}
      <Table<PersonSummary>
        rowKey="id"
        size="small"
        loading={search.isLoading}
        dataSource={search.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: search.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('registry.fullName'),
            key: 'name',
            render: (_, p) => <Link to={`/registry/people/${encodeURIComponent(p.id)}`}>{p.fullName}</Link>,
          },
          { title: t('registry.gender'), key: 'gender', render: (_, p) => codeLabel(t, 'gender', p.gender) },
          {
            title: t('registry.birthDate'),
            key: 'birth',
            render: (_, p) =>
              p.birthDate ? `${formatBirthDate(p.birthDate)} (${t('launch.age', { age: ageOn(p.birthDate) })})` : '',
          },
          {
            title: t('registry.posts'),
            key: 'posts',
            render: (_, p) => p.posts.map((x) => `${x.title}, ${x.bodyName}`).join('; '),
          },
        ]}
      />
    </>
  );
}
