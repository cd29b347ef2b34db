import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** A request for the organisation's opinion on cadres: who asks, its document reference and what it is for. */
export function OpinionRequestFields() {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('launch.required') }];
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item name="requestedBy" label={t('opinion.requestedBy')} rules={required} initialValue="central">
          <Select
            aria-label={t('opinion.requestedBy')}
            options={[
              { value: 'central', label: t('opinion.requesterCentral') },
              { value: 'higher', label: t('opinion.requesterHigher') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="reference" label={t('opinion.reference')} extra={t('opinion.referenceHelp')} rules={required}>
          <Input maxLength={500} aria-label={t('opinion.reference')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="matter" label={t('opinion.matter')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} aria-label={t('opinion.matter')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
