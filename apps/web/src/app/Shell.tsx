import { Button, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { setLanguage, type Language } from '../i18n';

/** Header with the pages this user's roles use, the language switch and sign-out; the page below. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const { me, hasRole, signOut } = useAuth();
  const location = useLocation();
  const section = `/${location.pathname.split('/')[1] ?? ''}`;
  const items = [
    { key: '/queue', label: <Link to="/queue">{t('nav.queue')}</Link> },
    { key: '/procedures', label: <Link to="/procedures">{t('nav.procedures')}</Link> },
    ...(hasRole('organization-committee')
      ? [{ key: '/launch', label: <Link to="/launch">{t('nav.launch')}</Link> }]
      : []),
    { key: '/progress', label: <Link to="/progress">{t('nav.progress')}</Link> },
    ...(hasRole('inspection-committee')
      ? [{ key: '/replay', label: <Link to="/replay">{t('nav.replay')}</Link> }]
      : []),
    { key: '/registry', label: <Link to="/registry">{t('nav.registry')}</Link> },
    ...(hasRole('inspection-committee') || hasRole('organization-committee')
      ? [{ key: '/audit', label: <Link to="/audit/dossier-access">{t('nav.dossierAccess')}</Link> }]
      : []),
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <span className="brand">{t('app.tagline')}</span>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[section === '/tasks' ? '/queue' : section]}
          items={items}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space>
          <Typography.Text style={{ color: '#fff' }}>{me?.displayName}</Typography.Text>
          <Segmented<Language>
            size="small"
            aria-label={t('app.language')}
            value={i18n.language === 'en' ? 'en' : 'vi'}
            options={[
              { label: 'VI', value: 'vi' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={setLanguage}
          />
          <Button size="small" onClick={signOut}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content>
        <div className="page">
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  );
}
