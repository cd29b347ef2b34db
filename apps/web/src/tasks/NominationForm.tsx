import { Alert, Button, Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { useServerForm } from './use-server-form';

export interface NominationPayload {
  kind: 'nomination';
  candidateIds: string[];
}

interface Props {
  /** The office being elected (`standing-committee`, `secretary`…), as the step's params name it. */
  office: string;
  seats: number;
  /** Those who may stand for the office: members of the new committee, or of the body it is elected from. */
  eligibleIds: readonly string[];
  name: (id: string) => string;
  onSubmit: (payload: NominationPayload) => Promise<void>;
}

/**
 * The executive committee proposes the list for an office at its first session: names ticked among those who may
 * stand, at least as many as the seats (the server checks the surplus cap and, where the rulebook blocks, the women
 * of the standing committee's list, and relatives who would hold linked posts at once, named).
 */
export function NominationForm({ office, seats, eligibleIds, name, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ candidateIds: string[] }>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  const required = Math.min(seats, eligibleIds.length);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ candidateIds: [] }}
      onFinish={(v) => void submit({ kind: 'nomination', candidateIds: v.candidateIds })}
      aria-label={t('firstSession.nominate')}
    >
      <ErrorAlert error={error} name={name} />
      <Alert
        type="info"
        message={`${t(`office.${office}`, { defaultValue: '' }) || t('app.unknownName')} — ${t('round.seats', { seats })}`}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="candidateIds"
        label={t('firstSession.candidates')}
        extra={t('firstSession.candidatesHelp')}
        rules={[{ type: 'array', min: Math.max(1, required), message: t('round.pickCandidates') }]}
      >
        <Checkbox.Group options={eligibleIds.map((id) => ({ value: id, label: name(id) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('decision.submit')}
      </Button>
    </Form>
  );
}
