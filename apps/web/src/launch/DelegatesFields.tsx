import { Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { CandidatePicker } from './CandidatePicker';

/**
 * A congress's delegates to the higher congress, elected after its committee: the official and alternate places and
 * their list. Left empty, the congress elects none and the procedure has no delegates stage.
 */
export function DelegatesFields({ organisationId }: { organisationId?: string }) {
  const { t } = useTranslation();
  const seats = (name: string, label: string, extra?: string) => (
    <Col span={8}>
      <Form.Item
        name={name}
        label={label}
        extra={extra}
        rules={[{ type: 'integer', min: 0, max: 500, message: t('launch.seatsRange', { max: 500 }) }]}
      >
        <InputNumber min={0} max={500} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Row gutter={16}>
        {seats('delegateSeats', t('launch.delegateSeats'), t('launch.delegateSeatsHelp'))}
        {seats('alternateDelegateSeats', t('launch.alternateDelegateSeats'))}
      </Row>
      <Form.Item name="delegateCandidateIds" label={t('launch.delegateCandidates')}>
        <CandidatePicker organisationId={organisationId} />
      </Form.Item>
    </>
  );
}
