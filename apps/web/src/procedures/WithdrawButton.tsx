import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { useWithdraw } from './procedure-hooks';

/** Withdraw with a reason, after a confirmation that says it is recorded and final. */
export function WithdrawButton({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const withdraw = useWithdraw(procedureId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const finish = async ({ reason }: { reason: string }): Promise<void> => {
    await withdraw.mutateAsync(reason.trim());
    setOpen(false);
    void message.success(t('procedures.withdrawn'));
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('procedures.withdraw')}
      </Button>
      <Modal
        open={open}
        title={t('procedures.withdraw')}
        okText={t('procedures.withdraw')}
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText={t('app.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('procedures.withdrawConfirm')}</p>
        <ErrorAlert error={withdraw.error} />
        <Form form={form} layout="vertical" onFinish={(v) => void finish(v).catch(() => undefined)}>
          <Form.Item
            name="reason"
            label={t('procedures.withdrawReason')}
            rules={[{ required: true, whitespace: true, message: t('launch.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
