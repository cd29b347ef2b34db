import { useMutation } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/raw';
import { ErrorAlert } from '../shared/errors';

/**
 * Downloads the procedure's evidence bundle: one script an inspector runs offline with Node alone, which says
 * "intact" or names the first bad event.
 */
export function EvidenceDownload({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () =>
      downloadFile(`/procedures/${encodeURIComponent(procedureId)}/evidence`, `evidence-${procedureId}.cjs`),
  });
  return (
    <Space orientation="vertical" style={{ marginBottom: 16 }}>
      <Space wrap>
        <Button onClick={() => download.mutate()} loading={download.isPending}>
          {t('replay.evidence')}
        </Button>
        <Typography.Text type="secondary">{t('replay.evidenceHint')}</Typography.Text>
      </Space>
      <ErrorAlert error={download.error} />
    </Space>
  );
}
