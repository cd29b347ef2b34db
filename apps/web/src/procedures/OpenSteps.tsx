import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { OpenStep } from '../api/views';
import { useAuth } from '../auth/auth-context';
import { DueTag } from '../queue/QueuePage';
import { formatDate } from '../shared/dates';
import { withOfficeRound } from '../shared/first-session-labels';
import { codeLabel, stepLabel } from '../shared/labels';
import { taskIdOf } from './procedure-hooks';

/**
 * Open steps with who must act and by when; the user's own open a task page. `rounds` (from the trail) numbers a
 * first session's rounds within their office.
 */
export function OpenSteps({
  steps,
  name,
  rounds = new Map(),
}: {
  steps: readonly OpenStep[];
  name: (id: string) => string;
  rounds?: ReadonlyMap<string, number>;
}) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  if (steps.length === 0) return <Empty description={t('procedures.noOpenStep')} />;
  const mine = (s: OpenStep): boolean => me?.grants.some((g) => g.role === s.role && g.bodyId === s.bodyId) ?? false;
  const open = async (s: OpenStep): Promise<void> => {
    void navigate(`/tasks/${encodeURIComponent(await taskIdOf(s.procedureId, s.stepId))}`);
  };
  return (
    <List
      dataSource={[...steps]}
      renderItem={(s) => (
        <List.Item
          actions={
            mine(s)
              ? [
                  <Button key="open" type="primary" size="small" onClick={() => void open(s)}>
                    {t('queue.open')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={stepLabel(t, s.stepId, name, withOfficeRound(s, s.procedureId, rounds))}
            description={
              <Space wrap>
                <Typography.Text>
                  {t('procedures.whoActs')}: {codeLabel(t, 'role', s.role)}
                </Typography.Text>
                <Tag>{codeLabel(t, 'decisionKind', s.decision)}</Tag>
                <span>
                  {t('queue.deadline')}: {formatDate(s.dueDate)}
                </span>
                <DueTag dueDate={s.dueDate} />
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
