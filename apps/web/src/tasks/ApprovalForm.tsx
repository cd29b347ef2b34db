import { Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { useServerForm } from './use-server-form';

export type ApprovalPayload = { kind: 'approve'; note?: string } | { kind: 'reject' | 'return'; reason: string };

interface Fields {
  kind: 'approve' | 'reject' | 'return';
  text?: string;
}

/**
 * Approve (with an optional note), reject or return (with a reason). A vetting check's conclusion says whether the
 * candidate meets the standard rather than whether a proposal is approved.
 */
export function ApprovalForm({
  onSubmit,
  conclusion = false,
  choices = ['approve', 'return', 'reject'],
}: {
  onSubmit: (payload: ApprovalPayload) => Promise<void>;
  conclusion?: boolean;
  /** The decisions the step takes (an annual classification is approved or returned, never rejected). */
  choices?: readonly Fields['kind'][];
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  const kind = Form.useWatch('kind', form) ?? 'approve';
  const finish = (values: Fields): void => {
    const text = values.text?.trim();
    const payload: ApprovalPayload =
      values.kind === 'approve'
        ? { kind: 'approve', ...(text ? { note: text } : {}) }
        : { kind: values.kind, reason: text ?? '' };
    void submit(payload);
  };
  return (
    <Form<Fields> form={form} layout="vertical" initialValues={{ kind: 'approve' }} onFinish={finish}>
      <ErrorAlert error={error} />
      <Form.Item name="kind" label={t('decision.outcome')}>
        <Radio.Group
          options={[
            { value: 'approve', label: t(conclusion ? 'decision.meets' : 'decision.approve') },
            { value: 'return', label: t('decision.return') },
            { value: 'reject', label: t(conclusion ? 'decision.failsToMeet' : 'decision.reject') },
          ].filter((o) => choices.includes(o.value as Fields['kind']))}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={kind === 'approve' ? t('decision.note') : t('decision.reason')}
        rules={kind === 'approve' ? [] : [{ required: true, whitespace: true, message: t('decision.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('decision.submit')}
      </Button>
    </Form>
  );
}
