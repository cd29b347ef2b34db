import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import type { AuditTrail, LogVerification } from '../api/views';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { useNames } from '../shared/names';
import { TechnicalDetails } from '../shared/TechnicalDetails';
import { useProcedureList } from '../procedures/procedure-hooks';
import { EvidenceDownload } from './EvidenceDownload';
import { StreamTrail } from './StreamTrail';

function VerifyAll() {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: async () => unwrap<LogVerification>(await api.POST('/audit/verify')),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Button type="primary" onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('replay.verifyAll')}
      </Button>
      <ErrorAlert error={verify.error} />
      {verify.data && (
        <Alert
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          message={
            verify.data.ok
              ? t('replay.verifiedAll', {
                  events: verify.data.eventsChecked,
                  checkpoints: verify.data.checkpointsChecked,
                })
              : t('replay.brokenAll', { count: verify.data.problems.length })
          }
        />
      )}
    </Space>
  );
}

function ProcedurePicker() {
  const { t } = useTranslation();
  const list = useProcedureList({});
  const items = list.data?.items ?? [];
  const name = useNames(items.map((p) => p.bodyId));
  return (
    <List
      header={t('replay.pick')}
      loading={list.isLoading}
      dataSource={items}
      renderItem={(p) => (
        <List.Item>
          <Link to={`/replay/${encodeURIComponent(p.procedureId)}`}>
            {codeLabel(t, 'kind', p.kind)} — {name(p.bodyId)}
          </Link>
          <span>{codeLabel(t, 'run', p.status)}</span>
        </List.Item>
      )}
    />
  );
}

/** The inspection committee's replay: each stream's trail in words, its verification, and the whole log's. */
export function ReplayPage() {
  const { t } = useTranslation();
  const { procedureId } = useParams();
  const trail = useQuery({
    queryKey: ['trail', procedureId],
    enabled: !!procedureId,
    queryFn: async ({ signal }) =>
      unwrap<AuditTrail>(
        await api.GET('/procedures/{procedureId}/audit', {
          params: { path: { procedureId: procedureId ?? '' } },
          signal,
        }),
      ),
  });
  const events = trail.data?.events ?? [];
  const ids = events.flatMap((e) => [
    e.data.personId,
    e.data.bodyId,
    (e.metadata.actor as { actorId?: string } | undefined)?.actorId,
  ]);
  const name = useNames(ids.filter((id): id is string => typeof id === 'string'));
  // Streams in the order they began (a composite's stages in their own order), not by id.
  const firstAt = (streamId: string): number =>
    events.find((e) => e.streamId === streamId)?.position ?? Number.MAX_SAFE_INTEGER;
  const streams = [...(trail.data?.streamIds ?? [])].sort((a, b) => firstAt(a) - firstAt(b));
  return (
    <>
      <Typography.Title level={2}>{t('replay.title')}</Typography.Title>
      <VerifyAll />
      {!procedureId && <ProcedurePicker />}
      <ErrorAlert error={trail.error} />
      {trail.data && (
        <>
          <Alert
            showIcon
            style={{ marginBottom: 16 }}
            type={trail.data.verification.ok ? 'success' : 'error'}
            message={
              trail.data.verification.ok
                ? t('replay.verified', { events: trail.data.verification.eventsChecked })
                : t('replay.broken', { count: trail.data.verification.problems.length })
            }
          />
          <EvidenceDownload procedureId={trail.data.procedureId} />
          {streams.map((streamId) => (
            <StreamTrail
              key={streamId}
              streamId={streamId}
              events={events.filter((e) => e.streamId === streamId)}
              name={name}
            />
          ))}
          <TechnicalDetails items={{ procedureId: trail.data.procedureId, streams: trail.data.streamIds.join(', ') }} />
        </>
      )}
    </>
  );
}
