import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, newIdempotencyKey, unwrap } from '../api/client';
import type { LaunchResult } from '../api/views';
import { LaunchForm } from './LaunchForm';
import type { LaunchFields } from './launch-rules';

/** The launch body the API takes for a congress personnel procedure. */
export function launchBody(v: LaunchFields) {
  const standards = v.standards
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    kind: 'congress-personnel' as const,
    bodyId: v.organisationId,
    input: {
      congressDate: v.congressDate.format('YYYY-MM-DD'),
      plan: {
        executiveCommitteeSeats: v.executiveCommitteeSeats,
        standingCommitteeSeats: v.standingCommitteeSeats,
        deputySecretaries: v.deputySecretaries,
        candidateIds: v.candidateIds,
        standards,
      },
    },
  };
}

/** The Organization Committee launches a procedure from a form (a new request per attempt). */
export function LaunchPage() {
  const { t } = useTranslation();
  const launch = useMutation({
    mutationFn: async (v: LaunchFields) =>
      unwrap<LaunchResult>(
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
