import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_VARIANTS } from './launch-rules';

/**
 * An appointment's own fields: its form (appointment, reappointment, transfer, rotation, ratification of an elected
 * member), the post, and whether the post is under central management (30 working days instead of 15).
 */
export function AppointmentFields() {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('launch.required') }];
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item
          name="variant"
          label={t('launch.appointmentVariant')}
          extra={t('launch.appointmentVariantHelp')}
          rules={required}
          initialValue="appointment"
        >
          <Select
            aria-label={t('launch.appointmentVariant')}
            options={APPOINTMENT_VARIANTS.map((v) => ({ value: v, label: t(`appointmentVariant.${v}`) }))}
          />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="postTitle" label={t('launch.postTitle')} rules={required}>
          <Input maxLength={200} aria-label={t('launch.postTitle')} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="centralManagement" label=" " valuePropName="checked" initialValue={false}>
          <Checkbox>{t('launch.centralManagement')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}
