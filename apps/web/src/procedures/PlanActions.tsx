import { App, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../shared/errors';
import { CandidatePicker } from '../launch/CandidatePicker';
import type { PlanContent } from '../tasks/PlanView';
import { useCommand } from './procedure-hooks';

interface Props {
  procedureId: string;
  status: string;
  plan: PlanContent | null;
}

interface Fields {
  executiveCommitteeSeats: number;
  standingCommitteeSeats: number;
  deputySecretaries: number;
  candidateIds: string[];
  standards: string;
  targets?: PlanContent['targets'];
}

/** The Organization Committee revises the plan in a form and submits it to the higher level. */
export function PlanActions({ procedureId, status, plan }: Props) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const command = useCommand(procedureId);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Fields>();
  const grant = me?.grants.find((g) => g.role === 'organization-committee');
  if (!grant) return null;
  const actAs = { role: grant.role, bodyId: grant.bodyId };
  const canSubmit = status === 'ADOPTED' || status === 'RETURNED';
  const canRevise = status === 'RETURNED' || status === 'DRAFT';
  const revise = async (v: Fields): Promise<void> => {
    const standards = v.standards
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    // Composition targets are numbers (percent); an emptied field is left out rather than sent as null.
    const targets = Object.fromEntries(Object.entries(v.targets ?? {}).filter(([, n]) => typeof n === 'number'));
    await command.mutateAsync({ actAs, type: 'RevisePlan', data: { plan: { ...v, standards, targets } } });
    setEditing(false);
    void message.success(t('plan.revised'));
  };
  const submit = async (): Promise<void> => {
    await command.mutateAsync({ actAs, type: 'SubmitPlan', data: {} });
    void message.success(t('plan.submitted'));
  };
  if (!canSubmit && !canRevise) return null;
  return (
    <Card title={t('plan.title')} style={{ marginBottom: 16 }}>
      <ErrorAlert error={command.error} />
      <Space style={{ marginBottom: 16 }}>
        {canSubmit && (
          <Button type="primary" onClick={() => void submit().catch(() => undefined)} loading={command.isPending}>
            {t('plan.submit')}
          </Button>
        )}
        {canRevise && plan && <Button onClick={() => setEditing(!editing)}>{t('plan.revise')}</Button>}
      </Space>
      {editing && plan && (
        <Form<Fields>
          form={form}
          layout="vertical"
          initialValues={{ ...plan, standards: plan.standards.join('\n') }}
          onFinish={(v) => void revise(v).catch(() => undefined)}
        >
          <Space wrap>
            {(['executiveCommitteeSeats', 'standingCommitteeSeats', 'deputySecretaries'] as const).map((f) => (
              <Form.Item
                key={f}
                name={f}
                label={t(`plan.${f}`)}
                rules={[{ required: true, message: t('launch.required') }]}
              >
                <InputNumber min={0} precision={0} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="candidateIds" label={t('plan.candidates')}>
            <CandidatePicker />
          </Form.Item>
          <Form.Item name="standards" label={t('plan.standards')} extra={t('plan.standardsHelp')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space wrap>
            {(
              [
                ['womenPercent', 'launch.targetWomen'],
                ['under40Percent', 'launch.targetUnder40'],
                ['ethnicMinorityPercent', 'launch.targetEthnic'],
              ] as const
            ).map(([name, label]) => (
              <Form.Item key={name} name={['targets', name]} label={t(label)}>
                <InputNumber min={0} max={100} suffix="%" />
              </Form.Item>
            ))}
          </Space>
          <Button htmlType="submit" type="primary" loading={command.isPending}>
            {t('plan.saveRevision')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
