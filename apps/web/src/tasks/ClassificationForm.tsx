import { Button, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { checkGrades, excellentAllowed, GRADES, type Grade } from './personnel-review-rules';
import { useServerForm } from './use-server-form';

interface Fields {
  grades: Record<string, Grade>;
}

interface Props {
  personIds: readonly string[];
  name: (id: string) => string;
  onSubmit: (grades: Record<string, Grade>) => Promise<void>;
}

/** The year's grade of every person, with the "excellent" quota (20% of the "good" count) checked as typed. */
export function ClassificationForm({ personIds, name, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  const grades = Form.useWatch('grades', form) ?? {};
  const chosen = personIds.map((id) => grades[id]);
  const good = chosen.filter((g) => g === 'good').length;
  const excellent = chosen.filter((g) => g === 'excellent').length;
  const options = GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }));
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values.grades, checkGrades(values.grades, personIds))}
      aria-label={t('classification.title')}
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type={excellent > excellentAllowed(good) ? 'danger' : 'secondary'}>
        {t('classification.quota', { excellent, good, allowed: excellentAllowed(good) })}
      </Typography.Paragraph>
      {personIds.map((id) => (
        <Form.Item
          key={id}
          name={['grades', id]}
          label={t('classification.gradeOf', { name: name(id) })}
          rules={[{ required: true, message: t('launch.required') }]}
        >
          <Select options={options} aria-label={t('classification.gradeOf', { name: name(id) })} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('classification.submit')}
      </Button>
    </Form>
  );
}
