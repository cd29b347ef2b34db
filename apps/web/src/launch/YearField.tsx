import { Col, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

/** The year an annual classification reviews (1930–2200, as the API accepts). */
export function YearField() {
  const { t } = useTranslation();
  return (
    <Col span={8}>
      <Form.Item
        name="year"
        label={t('launch.year')}
        rules={[
          { required: true, message: t('launch.required') },
          { type: 'integer', min: 1930, max: 2200, message: t('launch.yearRange') },
        ]}
      >
        <InputNumber min={1930} max={2200} precision={0} style={{ width: '100%' }} aria-label={t('launch.year')} />
      </Form.Item>
    </Col>
  );
}
