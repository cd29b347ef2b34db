import { Card, Descriptions, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ageOn, formatBirthDate, formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { TechnicalDetails } from '../shared/TechnicalDetails';
import { usePerson } from '../launch/registry-hooks';

/** A person of the registry: facts, posts, memberships and declared relatives. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const person = usePerson(personId);
  if (person.isLoading) return <Spin />;
  if (!person.data) return <ErrorAlert error={person.error} />;
  const p = person.data;
  const period = (from: string, to: string | null): string =>
    `${formatDate(from)} – ${to ? formatDate(to) : t('registry.current')}`;
  return (
    <>
      <Typography.Title level={2}>{p.fullName}</Typography.Title>
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('registry.gender')}>{codeLabel(t, 'gender', p.gender)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.birthDate')}>
          {formatBirthDate(p.birthDate)} ({t('launch.age', { age: ageOn(p.birthDate) })})
        </Descriptions.Item>
      </Descriptions>
      <Card title={t('registry.posts')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey={(x) => `${x.postId}-${x.from}`}
          pagination={false}
          dataSource={p.posts}
          columns={[
            { title: t('registry.posts'), dataIndex: 'title' },
            { title: t('registry.bodies'), dataIndex: 'bodyName' },
            { title: t('registry.from'), key: 'period', render: (_, x) => period(x.from, x.to) },
          ]}
        />
      </Card>
      <Card title={t('registry.memberships')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey={(x) => `${x.bodyId}-${x.from}`}
          pagination={false}
          dataSource={p.memberships}
          columns={[
            { title: t('registry.bodies'), dataIndex: 'bodyName' },
            { title: t('registry.posts'), dataIndex: 'postTitle' },
            { title: t('registry.from'), key: 'period', render: (_, x) => period(x.from, x.to) },
          ]}
        />
      </Card>
      <Card title={t('registry.relatives')}>
        <Table
          size="small"
          rowKey="personId"
          pagination={false}
          dataSource={p.relatives}
          columns={[
            { title: t('registry.fullName'), dataIndex: 'fullName' },
            { title: t('registry.relation'), key: 'kind', render: (_, r) => codeLabel(t, 'relation', r.kind) },
            { title: t('registry.declaredOn'), key: 'on', render: (_, r) => formatDate(r.declaredOn) },
          ]}
        />
      </Card>
      <TechnicalDetails items={{ personId: p.id }} />
    </>
  );
}
