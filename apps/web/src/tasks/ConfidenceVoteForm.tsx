import { Button, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { CountField } from './BallotFields';
import { checkConfidence, type ConfidenceFields } from './personnel-review-rules';
import { useServerForm } from './use-server-form';

interface Props {
  personIds: readonly string[];
  name: (id: string) => string;
  onSubmit: (fields: ConfidenceFields) => Promise<void>;
}

/** A confidence vote's count: attendance, then high / confidence / low ballots on each person. */
export function ConfidenceVoteForm({ personIds, name, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ConfidenceFields>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  return (
    <Form<ConfidenceFields>
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values, checkConfidence(values, personIds))}
      aria-label={t('confidence.title')}
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
      {personIds.map((id) => (
        <div key={id}>
          <Typography.Text strong>{name(id)}</Typography.Text>
          <Row gutter={16}>
            <Col span={8}>
              <CountField name={['ratings', id, 'high']} label={t('confidence.highFor', { name: name(id) })} />
            </Col>
            <Col span={8}>
              <CountField
                name={['ratings', id, 'confidence']}
                label={t('confidence.confidenceFor', { name: name(id) })}
              />
            </Col>
            <Col span={8}>
              <CountField name={['ratings', id, 'low']} label={t('confidence.lowFor', { name: name(id) })} />
            </Col>
          </Row>
        </div>
      ))}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('confidence.submit')}
      </Button>
    </Form>
  );
}
