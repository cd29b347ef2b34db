import { Button, Col, ConfigProvider, DatePicker, Form, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../shared/labels';
import { DATE_FORMAT, dayjs } from '../shared/dates';
import { applyServerError, ErrorAlert } from '../shared/errors';
import { AppointmentFields } from './AppointmentFields';
import { CongressFirstSessionFields } from './CongressFirstSessionFields';
import { FirstSessionFields } from './FirstSessionFields';
import { CandidatePicker } from './CandidatePicker';
import {
  checkLaunch,
  kindFields,
  LAUNCH_KINDS,
  launchFieldOf,
  recheckedFields,
  type LaunchFields,
} from './launch-rules';
import { DelegatesFields } from './DelegatesFields';
import { PlanFields } from './PlanFields';
import { YearField } from './YearField';
import { OpinionRequestFields } from './OpinionRequestFields';
import { useOrganisationSearch } from './registry-hooks';

export { launchFieldOf };

/** The organisation the procedure is for, picked from the registry by name (with or without diacritics). */
function OrganisationPicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const organisations = useOrganisationSearch(q);
  return (
    <Select
      id={id}
      // Not virtual: the virtual list writes the active option's value (a registry id) as hidden text for screen
      // readers, which would read out "person/bn-44"; the options are one page of search results.
      virtual={false}
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={organisations.isFetching}
      placeholder={t('launch.organisationHelp')}
      notFoundContent={organisations.isError ? t('launch.noRegistry') : undefined}
      options={(organisations.data?.items ?? []).map((o) => ({
        value: o.id,
        label: o.parentName ? `${o.name} — ${o.parentName}` : o.name,
      }))}
    />
  );
}

/**
 * The launch of any procedure the Organization Committee starts: the kind, the organisation from the registry, and
 * the kind's own fields (congress date, seats, plan, candidates); checked as the server checks before it is sent.
 */
export function LaunchForm({ onSubmit }: { onSubmit: (values: LaunchFields) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LaunchFields>();
  const kind = Form.useWatch('kind', form) ?? 'congress-personnel';
  const organisationId = Form.useWatch('organisationId', form);
  const congressDate = Form.useWatch('congressDate', form);
  const launchDate = Form.useWatch('launchDate', form);
  const has = kindFields(kind);
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
        kind: 'congress-personnel',
        executiveCommitteeSeats: 1,
        standingCommitteeSeats: 1,
        deputySecretaries: 0,
        candidateIds: [],
        delegateCandidateIds: [],
        standards: '',
      }}
      onFinish={(v) => void finish(v)}
      onValuesChange={(_, values) => {
        // The surplus and date rules span several fields: an error shown is said again as the values now stand (the
        // count of names picked so far), or goes once it no longer holds.
        const any = form as FormInstance;
        const ruled = ['candidateIds', 'congressDate', 'delegateSeats', 'delegateCandidateIds'].filter(
          (name) => any.getFieldError(name).length > 0,
        );
        const rechecked = recheckedFields(values, ruled, dayjs());
        if (rechecked.length > 0) {
          any.setFields(
            rechecked.map(({ name, problems }) => ({ name, errors: problems.map((p) => t(p.key, p.params ?? {})) })),
          );
        }
      }}
      aria-label={t('launch.title')}
    >
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="kind" label={t('launch.kind')} extra={t(`kindHelp.${kind}`)} rules={required}>
            <Select options={LAUNCH_KINDS.map((k) => ({ value: k, label: codeLabel(t, 'kind', k) }))} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="organisationId" label={t('launch.organisation')} rules={required}>
            <OrganisationPicker />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {has.congressDate && (
          <Col span={8}>
            <Form.Item name="congressDate" label={t('launch.congressDate')} rules={required}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col span={8}>
          <Form.Item name="launchDate" label={t('launch.launchDate')} extra={t('launch.launchDateHelp')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {has.seats && (
          <Col span={8}>
            <Form.Item
              name="seats"
              label={t('launch.electionSeats')}
              rules={[
                ...required,
                { type: 'integer', min: 1, max: 500, message: t('launch.seatsRange', { max: 500 }) },
              ]}
            >
              <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {has.seats && (
          <Col span={8}>
            <Form.Item
              name="alternateSeats"
              label={t('launch.alternateSeats')}
              extra={t('launch.alternateSeatsHelp')}
              rules={[{ type: 'integer', min: 0, max: 500, message: t('launch.seatsRange', { max: 500 }) }]}
            >
              <InputNumber min={0} max={500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {has.year && <YearField />}
      </Row>
      {has.plan && <PlanFields />}
      {has.opinion && <OpinionRequestFields />}
      {has.appointment && <AppointmentFields />}
      {has.firstSession && <FirstSessionFields />}
      {/* Without the error's fade-out: a message leaving as names are picked would still read the count before. */}
      <ConfigProvider theme={{ token: { motion: false } }}>
        <Form.Item
          name="candidateIds"
          label={t(has.firstSession ? 'launch.firstSessionMembers' : 'launch.candidates')}
          extra={has.firstSession ? t('launch.firstSessionMembersHelp') : undefined}
        >
          <CandidatePicker
            organisationId={organisationId}
            congressDate={congressDate?.format('YYYY-MM-DD')}
            launchDate={launchDate?.format('YYYY-MM-DD')}
          />
        </Form.Item>
      </ConfigProvider>
      {has.delegates && <DelegatesFields organisationId={organisationId} />}
      {has.delegates && <CongressFirstSessionFields />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('launch.submit')}
      </Button>
    </Form>
  );
}
