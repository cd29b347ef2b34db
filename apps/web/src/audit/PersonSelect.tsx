import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleSearch } from '../launch/registry-hooks';

/** A person chosen by name (the id stays behind the name). */
export interface ChosenPerson {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  value?: ChosenPerson;
  onChange?: (value: ChosenPerson | undefined) => void;
  'aria-label'?: string;
}

/** Picks one person of the registry by name, typed with or without diacritics. */
export function PersonSelect({ id, value, onChange, 'aria-label': ariaLabel }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q);
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.fullName }));
  return (
    <Select<ChosenPerson>
      id={id}
      aria-label={ariaLabel}
      // Not virtual: the virtual list would write the active option's registry id as hidden text for screen readers.
      virtual={false}
      showSearch
      filterOption={false}
      onSearch={setQ}
      labelInValue
      allowClear
      value={value}
      onChange={(chosen) => onChange?.(chosen ?? undefined)}
      placeholder={t('dossierAccess.searchPerson')}
      loading={people.isFetching}
      options={value && !options.some((o) => o.value === value.value) ? [value, ...options] : options}
      style={{ width: 240 }}
    />
  );
}
