import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/raw';
import { confirmImport, previewImport } from '../api/registry';
import type { ImportError } from '../api/views';
import { errorText, ErrorAlert } from '../shared/errors';
import { ApiError } from '../api/client';

/** Upload a file → preview of the changes and every error by sheet, row and column → confirm. */
export function ImportTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const preview = useMutation({
    mutationFn: previewImport,
  });
  const confirm = useMutation({
    mutationFn: confirmImport,
    onSuccess: (r) => void message.success(t('registry.applied', { version: r.version, events: r.events })),
  });
  const download = useMutation({ mutationFn: () => downloadFile('/registry/template', 'mau-nhap-lieu.xlsx') });
  const errorMessage = (e: ImportError): string =>
    errorText(t, new ApiError(422, { statusCode: 422, code: e.code, params: e.params }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={() => download.mutate()} loading={download.isPending}>
          {t('registry.template')}
        </Button>
        <Upload
          accept=".xlsx,.csv,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            confirm.reset();
            preview.mutate(file);
            return false;
          }}
        >
          <Button type="primary" loading={preview.isPending}>
            {t('registry.upload')}
          </Button>
        </Upload>
      </Space>
      <ErrorAlert error={preview.error ?? confirm.error ?? download.error} />
      {preview.data && (
        <>
          <Alert
            showIcon
            type={preview.data.valid ? 'success' : 'error'}
            message={`${preview.data.fileName}: ${preview.data.valid ? t('registry.valid') : t('registry.invalid')}`}
          />
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            title={() => t('registry.changes')}
            dataSource={preview.data.changes}
            columns={[
              { title: t('registry.name'), key: 'kind', render: (_, c) => codeLabel(c.kind) },
              { title: t('registry.added'), dataIndex: 'added' },
              { title: t('registry.changed'), dataIndex: 'changed' },
              { title: t('registry.removed'), dataIndex: 'removed' },
            ]}
          />
          {preview.data.errors.length > 0 && (
            <Table<ImportError>
              size="small"
              rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.code}`}
              title={() => t('registry.errors')}
              dataSource={preview.data.errors}
              columns={[
                { title: t('registry.sheet'), dataIndex: 'sheet' },
                { title: t('registry.row'), dataIndex: 'row', render: (row: number) => (row > 0 ? row : '—') },
                { title: t('registry.column'), dataIndex: 'column' },
                { title: t('registry.error'), key: 'error', render: (_, e) => errorMessage(e) },
              ]}
            />
          )}
          <Button
            type="primary"
            disabled={!preview.data.valid || confirm.isSuccess}
            loading={confirm.isPending}
            onClick={() => preview.data && confirm.mutate(preview.data.importId)}
          >
            {t('registry.confirmImport')}
          </Button>
        </>
      )}
    </Space>
  );

  function codeLabel(kind: string): string {
    return t(`registryChange.${kind}`, { defaultValue: '' }) || t('app.unknownName');
  }
}
