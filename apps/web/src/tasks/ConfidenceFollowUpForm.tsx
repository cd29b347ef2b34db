import { Alert, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import type { ApprovalPayload } from './ApprovalForm';
import { useServerForm } from './use-server-form';

interface Fields {
  taken: boolean;
  text?: string;
}

/**
 * The higher committee on a low confidence result: the measure (resignation, review, dismissal) is taken, with an
 * optional note, or not, with a reason. There is nothing to return: the result stands.
 */
export function ConfidenceFollowUpForm({
  consequence,
  onSubmit,
}: {
  consequence: string;
  onSubmit: (payload: ApprovalPayload) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  const taken = Form.useWatch('taken', form) ?? true;
  const finish = (values: Fields): void => {
    const text = values.text?.trim();
    void submit(
      values.taken ? { kind: 'approve', ...(text ? { note: text } : {}) } : { kind: 'reject', reason: text ?? '' },
    );
  };
  return (
    <Form<Fields> form={form} layout="vertical" initialValues={{ taken: true }} onFinish={finish}>
      <ErrorAlert error={error} />
      <Alert type="warning" showIcon message={t(`consequence.${consequence}`)} style={{ marginBottom: 16 }} />
      <Form.Item name="taken" label={t('decision.outcome')}>
        <Radio.Group
          options={[
            { value: true, label: t('confidence.measureTaken') },
            { value: false, label: t('confidence.measureNotTaken') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={taken ? t('decision.note') : t('decision.reason')}
        rules={taken ? [] : [{ required: true, whitespace: true, message: t('decision.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('decision.submit')}
      </Button>
    </Form>
  );
}
