import { Button, Checkbox, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { useServerForm } from './use-server-form';

export interface NextRoundPayload {
  kind: 'next-round';
  proceed: boolean;
  candidateIds: string[];
}

interface Props {
  candidateIds: readonly string[];
  name: (id: string) => string;
  onSubmit: (payload: NextRoundPayload) => Promise<void>;
}

/** Seats remain: the congress votes again (on whom) or stops. */
export function NextRoundForm({ candidateIds, name, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ proceed: boolean; candidateIds: string[] }>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  const proceed = Form.useWatch('proceed', form) ?? true;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ proceed: true, candidateIds: [...candidateIds] }}
      onFinish={(v) =>
        void submit({ kind: 'next-round', proceed: v.proceed, candidateIds: v.proceed ? v.candidateIds : [] })
      }
    >
      <ErrorAlert error={error} />
      <Form.Item name="proceed" label={t('round.nextRound')}>
        <Radio.Group
          options={[
            { value: true, label: t('round.proceed') },
            { value: false, label: t('round.stop') },
          ]}
        />
      </Form.Item>
      {proceed && (
        <Form.Item
          name="candidateIds"
          label={t('round.nextCandidates')}
          rules={[{ type: 'array', min: 1, message: t('round.pickCandidates') }]}
        >
          <Checkbox.Group options={candidateIds.map((id) => ({ value: id, label: name(id) }))} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('decision.submit')}
      </Button>
    </Form>
  );
}
