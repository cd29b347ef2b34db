import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageOn, formatBirthDate, formatDate } from '../shared/dates';
import { personName, usePeople } from '../tasks/CandidateTable';
import { useAgeChecks, usePeopleSearch } from './registry-hooks';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  organisationId?: string;
  /** The congress day (YYYY-MM-DD) the age rule counts to; without it nobody is checked for age. */
  congressDate?: string;
  /** The launch day (YYYY-MM-DD), when not today: it picks the rulebook and the sitting members. */
  launchDate?: string;
  id?: string;
}

/**
 * Picks candidates from the registry's people by name (with or without diacritics) and shows, for each one picked,
 * the age and the checks: the rulebook's age rule at the congress (checked by the server, as the introduction will
 * check it), a relative also on the list.
 */
export function CandidatePicker({ value = [], onChange, organisationId, congressDate, launchDate, id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = usePeopleSearch(q, organisationId);
  const picked = usePeople(value);
  const ages = useAgeChecks(organisationId, congressDate, value, launchDate);
  const options = (search.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.fullName}${p.birthDate ? ` (${t('launch.age', { age: ageOn(p.birthDate) })})` : ''}`,
  }));
  const checks = (personId: string): string[] => {
    const person = picked.get(personId);
    const problems: string[] = [];
    const age = ages.data?.find((a) => a.personId === personId);
    if (age && !age.eligible) {
      problems.push(
        t(age.track === 're-election' ? 'launch.checkAgeReElection' : 'launch.checkAgeFirstTime', {
          monthsLeft: age.monthsLeft,
          requiredMonths: age.requiredMonths,
          retirementDate: formatDate(age.retirementDate),
        }),
      );
    }
    for (const r of person?.relatives ?? []) {
      if (value.includes(r.personId)) problems.push(t('launch.checkRelative', { name: r.fullName }));
    }
    return problems;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        id={id}
        // Not virtual: the virtual list writes the active option's value (a registry id) as hidden text for screen
        // readers, which would read out "person/bn-44"; the options are one page of search results.
        virtual={false}
        mode="multiple"
        showSearch
        filterOption={false}
        onSearch={setQ}
        value={value}
        onChange={(ids: string[]) => onChange?.(ids)}
        options={[
          ...options,
          ...value
            .filter((v) => !options.some((o) => o.value === v))
            .map((v) => ({ value: v, label: personName(picked, v, t('app.unknownName')) })),
        ]}
        loading={search.isFetching}
        maxTagCount={0}
        maxTagPlaceholder={() => t('launch.picked', { count: value.length })}
        placeholder={t('launch.candidatesHelp')}
        style={{ width: '100%' }}
      />
      {value.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={value.length > 10 ? { pageSize: 10 } : false}
          dataSource={value.map((personId) => ({ id: personId, person: picked.get(personId) }))}
          columns={[
            {
              title: t('registry.fullName'),
              key: 'name',
              render: (_, r) => personName(picked, r.id, t('app.unknownName')),
            },
            {
              title: t('registry.birthDate'),
              key: 'birthDate',
              // The date itself (dd/mm/yyyy), the age beside it for the re-election rule.
              render: (_, r) =>
                r.person?.birthDate
                  ? `${formatBirthDate(r.person.birthDate)} (${t('launch.age', { age: ageOn(r.person.birthDate) })})`
                  : '',
            },
            {
              title: t('procedures.state'),
              key: 'checks',
              render: (_, r) => {
                const problems = checks(r.id);
                return problems.length === 0 ? (
                  <Tag color="green">{t('launch.checksOk')}</Tag>
                ) : (
                  problems.map((p) => (
                    <Tag color="orange" key={p}>
                      {p}
                    </Tag>
                  ))
                );
              },
            },
            {
              title: '',
              key: 'remove',
              render: (_, r) => <a onClick={() => onChange?.(value.filter((v) => v !== r.id))}>{t('launch.remove')}</a>,
            },
          ]}
        />
      )}
    </Space>
  );
}
