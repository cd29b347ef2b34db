import { Alert, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import type { Declaration } from '../procedures/AssetDeclarations';
import { useServerForm } from './use-server-form';

export interface VerificationPayload {
  consistent: boolean;
  finding: string;
}

interface Fields {
  consistent: boolean;
  finding?: string;
}

interface Props {
  /** The candidate's name. */
  candidate: string;
  /** The filed declaration, or undefined while the Organization Committee has not recorded it. */
  declaration: Declaration | undefined;
  onSubmit: (payload: VerificationPayload) => Promise<void>;
}

/**
 * The inspection committee's verification of a filed asset and income declaration: truthful and complete (the check
 * is cleared) or not (the candidate is blocked, with the finding as the reason). The finding is always written: it
 * is the record of what was checked. Before a declaration is filed there is nothing to verify, and the form says so.
 */
export function AssetVerificationForm({ candidate, declaration, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  if (!declaration) return <Alert type="info" showIcon title={t('assetDeclaration.notFiled', { name: candidate })} />;
  const finish = (values: Fields): void => {
    void submit({ consistent: values.consistent, finding: (values.finding ?? '').trim() });
  };
  return (
    <Form<Fields> form={form} layout="vertical" initialValues={{ consistent: true }} onFinish={finish}>
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        title={t('assetDeclaration.filedNote', {
          name: candidate,
          reference: declaration.reference,
          date: formatDate(declaration.filedOn),
        })}
      />
      <ErrorAlert error={error} />
      <Form.Item name="consistent" label={t('assetDeclaration.result')}>
        <Radio.Group
          options={[
            { value: true, label: t('assetDeclaration.consistent') },
            { value: false, label: t('assetDeclaration.inconsistent') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="finding"
        label={t('assetDeclaration.finding')}
        rules={[{ required: true, whitespace: true, message: t('assetDeclaration.findingRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('assetDeclaration.submit')}
      </Button>
    </Form>
  );
}
