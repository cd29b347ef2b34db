import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { errorText } from '../shared/errors';
import { useAuth } from './auth-context';

interface LoginFields {
  username: string;
  password: string;
}

/** Sign in; afterwards the user lands on the page they asked for (`?next=`), so deep links survive a sign-in. */
export function LoginPage() {
  const { t } = useTranslation();
  const { token, signIn, endedBecause } = useAuth();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (token) return <Navigate to={target} replace />;

  const submit = async (fields: LoginFields): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await signIn(fields.username, fields.password);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('auth.wrong') : errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 80 }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3}>{t('auth.title')}</Typography.Title>
        {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 16 }} />}
        {!error && endedBecause && (
          <Alert
            type="warning"
            role="alert"
            showIcon
            message={t(`error.${endedBecause}`, { defaultValue: t('auth.expired') })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginFields> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
