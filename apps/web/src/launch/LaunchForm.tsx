import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, dayjs } from '../shared/dates';
import { applyServerError, ErrorAlert } from '../shared/errors';
import { CandidatePicker } from './CandidatePicker';
import { checkLaunch, type LaunchFields } from './launch-rules';
import { useOrganisationSearch } from './registry-hooks';

/** Where a launch refusal's `field` goes in this form. */
export function launchFieldOf(field: string): string[] | null {
  const last = field.split('.').pop() ?? '';
  const known: Record<string, string> = {
    organisationId: 'organisationId',
    bodyId: 'organisationId',
    congressDate: 'congressDate',
    seats: 'executiveCommitteeSeats',
    executiveCommitteeSeats: 'executiveCommitteeSeats',
    standingCommitteeSeats: 'standingCommitteeSeats',
    deputySecretaries: 'deputySecretaries',
    candidateIds: 'candidateIds',
    standards: 'standards',
  };
  return known[last] ? [known[last]] : null;
}

/** The congress personnel procedure's launch: organisation, congress date, seats and the candidate list. */
export function LaunchForm({ onSubmit }: { onSubmit: (values: LaunchFields) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LaunchFields>();
  const [q, setQ] = useState('');
  const organisations = useOrganisationSearch(q);
  const organisationId = Form.useWatch('organisationId', form);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, message: t('launch.required') }];

  const finish = async (values: LaunchFields): Promise<void> => {
    setError(null);
    const problems = checkLaunch(values, dayjs());
    if (problems.length > 0) {
      (form as FormInstance).setFields(problems.map((p) => ({ name: p.name, errors: [t(p.key, p.params ?? {})] })));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (e) {
      if (!applyServerError(t, form, e, launchFieldOf)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<LaunchFields>
      form={form}
      layout="vertical"
      initialValues={{
        executiveCommitteeSeats: 1,
        standingCommitteeSeats: 0,
        deputySecretaries: 0,
        candidateIds: [],
        standards: '',
      }}
      onFinish={(v) => void finish(v)}
      aria-label={t('launch.title')}
    >
      <ErrorAlert error={error} />
      <Form.Item
        name="organisationId"
        label={t('launch.organisation')}
        extra={t('launch.organisationHelp')}
        rules={required}
      >
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          loading={organisations.isFetching}
          notFoundContent={organisations.isError ? t('launch.noRegistry') : undefined}
          options={(organisations.data?.items ?? []).map((o) => ({
            value: o.id,
            label: o.parentName ? `${o.name} — ${o.parentName}` : o.name,
          }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="congressDate" label={t('launch.congressDate')} rules={required}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="executiveCommitteeSeats"
            label={t('launch.seats')}
            rules={[...required, { type: 'integer', min: 1, message: t('launch.seatsMin') }]}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="standingCommitteeSeats" label={t('launch.standingSeats')} rules={required}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="deputySecretaries" label={t('launch.deputySecretaries')} rules={required}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="candidateIds" label={t('launch.candidates')}>
        <CandidatePicker organisationId={organisationId} />
      </Form.Item>
      <Form.Item name="standards" label={t('launch.standards')} extra={t('plan.standardsHelp')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('launch.submit')}
      </Button>
    </Form>
  );
}
