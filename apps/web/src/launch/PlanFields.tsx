import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** The personnel plan's own fields: seats of the committees, deputy secretaries, standards and composition targets. */
export function PlanFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('launch.required') };
  const percent = (name: string, label: string) => (
    <Col span={8}>
      <Form.Item name={['targets', name]} label={label}>
        <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="executiveCommitteeSeats"
            label={t('launch.seats')}
            rules={[required, { type: 'integer', min: 1, max: 500, message: t('launch.seatsRange', { max: 500 }) }]}
          >
            <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="standingCommitteeSeats"
            label={t('launch.standingSeats')}
            rules={[required, { type: 'integer', min: 1, max: 100, message: t('launch.seatsRange', { max: 100 }) }]}
          >
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="deputySecretaries"
            label={t('launch.deputySecretaries')}
            rules={[required, { type: 'integer', min: 0, max: 20, message: t('launch.deputiesRange') }]}
          >
            <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="standards" label={t('launch.standards')} extra={t('plan.standardsHelp')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Row gutter={16}>
        {percent('womenPercent', t('launch.targetWomen'))}
        {percent('under40Percent', t('launch.targetUnder40'))}
        {percent('ethnicMinorityPercent', t('launch.targetEthnic'))}
      </Row>
    </>
  );
}
