import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ImportTab } from './ImportTab';
import { OrganisationsTab } from './OrganisationsTab';
import { PeopleTab } from './PeopleTab';

/** The organisation registry: organisations, people, and (for the Organization Committee) imports. */
export function RegistryPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  return (
    <>
      <Typography.Title level={2}>{t('registry.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'organisations', label: t('registry.organisations'), children: <OrganisationsTab /> },
          { key: 'people', label: t('registry.people'), children: <PeopleTab /> },
          ...(hasRole('organization-committee')
            ? [{ key: 'import', label: t('registry.import'), children: <ImportTab /> }]
            : []),
        ]}
      />
    </>
  );
}
