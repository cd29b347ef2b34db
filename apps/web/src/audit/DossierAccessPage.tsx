import { DatePicker, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DossierAccessEntry } from '../api/views';
import { DATE_FORMAT, formatDateTime } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { useDossierAccessLog, type DossierAccessFilters } from './dossier-access-hooks';
import { PersonSelect, type ChosenPerson } from './PersonSelect';

const PAGE_SIZE = 20;
const OUTCOME_COLOURS: Record<string, string> = { read: 'blue', refused: 'red' };

interface FilterFields {
  person?: ChosenPerson;
  reader?: ChosenPerson;
  days?: [Dayjs | null, Dayjs | null] | null;
  outcome?: 'read' | 'refused';
}

/** The form's fields as the API's filters: people by id, days as YYYY-MM-DD. */
function toFilters(fields: FilterFields, page: number): DossierAccessFilters {
  const [from, to] = fields.days ?? [];
  return {
    personId: fields.person?.value,
    readerId: fields.reader?.value,
    from: from?.format('YYYY-MM-DD'),
    to: to?.format('YYYY-MM-DD'),
    outcome: fields.outcome,
    page,
    pageSize: PAGE_SIZE,
  };
}

/**
 * The personnel file access log for the inspection committee and the Organization Committee: every read of a file and
 * every refusal, newest first, by name, filtered by whose file, who read, the days and the outcome.
 */
export function DossierAccessPage() {
  const { t } = useTranslation();
  const [fields, setFields] = useState<FilterFields>({});
  const [page, setPage] = useState(1);
  const log = useDossierAccessLog(toFilters(fields, page));
  return (
    <>
      <Typography.Title level={2}>{t('dossierAccess.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dossierAccess.intro')}</Typography.Paragraph>
      <Form<FilterFields>
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onValuesChange={(_, all) => {
          setFields(all);
          setPage(1);
        }}
      >
        <Form.Item name="person" label={t('dossierAccess.person')}>
          <PersonSelect aria-label={t('dossierAccess.person')} />
        </Form.Item>
        <Form.Item name="reader" label={t('dossierAccess.reader')}>
          <PersonSelect aria-label={t('dossierAccess.reader')} />
        </Form.Item>
        <Form.Item name="days" label={t('dossierAccess.days')}>
          <DatePicker.RangePicker format={DATE_FORMAT} allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="outcome" label={t('dossierAccess.outcome')}>
          <Select
            allowClear
            aria-label={t('dossierAccess.outcome')}
            style={{ width: 160 }}
            options={(['read', 'refused'] as const).map((o) => ({
              value: o,
              label: codeLabel(t, 'dossierAccessOutcome', o),
            }))}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={log.error} />
      <Table<DossierAccessEntry>
        rowKey={(e) => `${e.outcome}-${e.position ?? ''}-${e.at}-${e.subjectId}-${e.readerId ?? e.username ?? ''}`}
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: t('dossierAccess.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: log.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t('dossierAccess.total', { count }),
          onChange: setPage,
        }}
        columns={[
          { title: t('dossierAccess.at'), key: 'at', render: (_, e) => formatDateTime(e.at) },
          {
            title: t('dossierAccess.outcome'),
            key: 'outcome',
            render: (_, e) => (
              <Tag color={OUTCOME_COLOURS[e.outcome]}>{codeLabel(t, 'dossierAccessOutcome', e.outcome)}</Tag>
            ),
          },
          { title: t('dossierAccess.person'), key: 'subject', render: (_, e) => e.subjectName },
          {
            title: t('dossierAccess.reader'),
            key: 'reader',
            render: (_, e) => e.readerName ?? e.username ?? t('app.unknownName'),
          },
          {
            title: t('dossierAccess.roleOrReason'),
            key: 'why',
            render: (_, e) =>
              e.outcome === 'refused' ? (
                codeLabel(t, 'dossierRefusal', e.code)
              ) : (
                <Space size={4}>
                  {codeLabel(t, 'role', e.role)}
                  {e.bodyName && <Typography.Text type="secondary">({e.bodyName})</Typography.Text>}
                </Space>
              ),
          },
          {
            title: t('dossierAccess.procedure'),
            key: 'procedure',
            render: (_, e) => (
              <Link to={`/procedures/${encodeURIComponent(e.procedureId)}`}>
                {t('dossierAccess.procedureOf', {
                  kind: codeLabel(t, 'kind', e.procedureKind),
                  organisationName: e.organisationName,
                })}
              </Link>
            ),
          },
          { title: t('dossierAccess.purpose'), key: 'purpose', dataIndex: 'purpose' },
        ]}
      />
    </>
  );
}
