import { Button, Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { BallotFields, CountField } from './BallotFields';
import { checkTally, INVALID_REASONS, type TallyFields } from './tally-rules';
import { useServerForm } from './use-server-form';

interface Props {
  candidateIds: readonly string[];
  name: (id: string) => string;
  onSubmit: (tally: TallyFields) => Promise<void>;
}

/** A secret-ballot meeting's result: attendance, ballots and votes per candidate, checked as the server does. */
export function TallyForm({ candidateIds, name, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TallyFields>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  const initial = { ballots: { invalid: Object.fromEntries(INVALID_REASONS.map((r) => [r, 0])) } };
  return (
    <Form<TallyFields>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => void submit(values, checkTally(values, candidateIds))}
      aria-label={t('tally.title')}
    >
      <ErrorAlert error={error} />
      <Row gutter={16}>
        <Col span={12}>
          <CountField name={['summoned']} label={t('tally.summoned')} />
        </Col>
        <Col span={12}>
          <CountField name={['present']} label={t('tally.present')} />
        </Col>
      </Row>
      <BallotFields candidateIds={candidateIds} name={name} />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('tally.submit')}
      </Button>
    </Form>
  );
}
