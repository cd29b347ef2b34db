import { Col, DatePicker, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../shared/dates';

/**
 * The first session of a new executive committee: the day it sits, the seats of its standing committee, how many
 * deputy secretaries and the seats of its inspection committee (one secretary and one chair always).
 */
export function FirstSessionFields() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('launch.required') }];
  const count = (name: string, label: string, min: number, max: number) => (
    <Col span={6}>
      <Form.Item
        name={name}
        label={t(label)}
        rules={[...required, { type: 'integer', min, max, message: t('launch.seatsRange', { max }) }]}
      >
        {/* No `min`/`max` here: a count out of range stays in the field and the rule says why, not a silent 1. */}
        <InputNumber precision={0} style={{ width: '100%' }} aria-label={t(label)} />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={16}>
      <Col span={6}>
        <Form.Item name="sessionDate" label={t('launch.sessionDate')} rules={required}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} aria-label={t('launch.sessionDate')} />
        </Form.Item>
      </Col>
      {count('standingCommitteeSeats', 'launch.standingCommitteeSeats', 1, 100)}
      {count('deputySecretaries', 'launch.deputySecretarySeats', 0, 10)}
      {count('inspectionCommitteeSeats', 'launch.inspectionCommitteeSeats', 1, 100)}
    </Row>
  );
}
