import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, newIdempotencyKey, unwrap } from '../api/client';
import { LaunchForm } from './LaunchForm';
import { launchBody, type LaunchFields } from './launch-rules';

/** The Organization Committee launches a procedure from a form (a new request per attempt). */
export function LaunchPage() {
  const { t } = useTranslation();
  const launch = useMutation({
    mutationFn: async (v: LaunchFields) =>
      unwrap(
        await api.POST('/procedures', {
          params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
          body: launchBody(v),
        }),
      ),
  });
  return (
    <>
      <Typography.Title level={2}>{t('launch.title')}</Typography.Title>
      {launch.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('launch.launched')}
          action={<Link to={`/procedures/${encodeURIComponent(launch.data.procedureId)}`}>{t('launch.view')}</Link>}
        />
      )}
      <Card>
        <LaunchForm onSubmit={async (v) => void (await launch.mutateAsync(v))} />
      </Card>
    </>
  );
}
