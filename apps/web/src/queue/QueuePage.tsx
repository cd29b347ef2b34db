import { Badge, Button, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskView } from '../api/views';
import { useAuth } from '../auth/auth-context';
import { daysUntil, formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { withOfficeRound } from '../shared/first-session-labels';
import { codeLabel, stageOf, stepLabel } from '../shared/labels';
import { useNames } from '../shared/names';
import { KINDS, type ListedKind } from '../procedures/procedure-hooks';
import { useClaim, useLiveQueue, useOfficeRounds, useProcedures, useQueue, type QueueFilter } from './queue-hooks';

/** Days left, today, or overdue, in words and colour. */
export function DueTag({ dueDate }: { dueDate: string }) {
  const { t } = useTranslation();
  const days = daysUntil(dueDate);
  if (days < 0) return <Tag color="red">{t('queue.overdueBy', { count: -days })}</Tag>;
  if (days === 0) return <Tag color="orange">{t('queue.dueToday')}</Tag>;
  return <Tag color={days <= 3 ? 'gold' : 'green'}>{t('queue.daysLeft', { count: days })}</Tag>;
}

/** The approver's queue: what each task is about, for whom, by when, and who holds it. */
export function QueuePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [filter, setFilter] = useState<QueueFilter>({});
  const queue = useQueue(filter);
  const claim = useClaim();
  useLiveQueue();
  const tasks = queue.data?.items ?? [];
  const procedures = useProcedures(tasks.map((task) => task.rootId));
  const name = useNames([...procedures.values()].map((p) => p?.summary.bodyId));
  const rounds = useOfficeRounds(tasks);

  const columns = [
    {
      title: t('queue.step'),
      key: 'step',
      render: (_: unknown, task: TaskView) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/tasks/${encodeURIComponent(task.taskId)}`}>
            {/* A vetting check names its candidate, so a member tells the checks of several people apart. */}
            {stepLabel(
              t,
              task.stepId,
              (id) => task.stepPeople.find((p) => p.personId === id)?.personName ?? name(id),
              withOfficeRound(task, task.procedureId, rounds),
            )}
          </Link>
          <Typography.Text type="secondary">{codeLabel(t, 'role', task.role)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('queue.procedure'),
      key: 'procedure',
      render: (_: unknown, task: TaskView) => {
        const root = procedures.get(task.rootId);
        const stage = stageOf(task.procedureId);
        return (
          <Space orientation="vertical" size={0}>
            <span>{codeLabel(t, 'kind', root?.summary.kind ?? task.procedureKind)}</span>
            {stage && <Typography.Text type="secondary">{codeLabel(t, 'stage', stage)}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: t('queue.organisation'),
      key: 'organisation',
      render: (_: unknown, task: TaskView) => name(procedures.get(task.rootId)?.summary.bodyId),
    },
    {
      title: t('queue.deadline'),
      key: 'due',
      render: (_: unknown, task: TaskView) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDate(task.dueDate)}</span>
          <DueTag dueDate={task.dueDate} />
          {task.escalated && <Tag color="volcano">{t('queue.escalated')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('queue.holder'),
      key: 'holder',
      render: (_: unknown, task: TaskView) =>
        task.claimedBy === null ? (
          <Badge status="default" text={t('queue.nobody')} />
        ) : task.claimedBy === me?.userId ? (
          <Badge status="processing" text={t('queue.you')} />
        ) : (
          <Badge
            status="warning"
            text={task.claimedByName ? t('queue.heldBy', { name: task.claimedByName }) : t('queue.other')}
          />
        ),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, task: TaskView) => (
        <Space>
          {task.claimedBy === me?.userId ? (
            <Button size="small" onClick={() => claim.mutate({ taskId: task.taskId, claim: false })}>
              {t('queue.unclaim')}
            </Button>
          ) : task.claimedBy === null ? (
            <Button size="small" onClick={() => claim.mutate({ taskId: task.taskId, claim: true })}>
              {t('queue.claim')}
            </Button>
          ) : null}
          <Link to={`/tasks/${encodeURIComponent(task.taskId)}`}>
            <Button size="small" type="primary">
              {t('queue.open')}
            </Button>
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2}>{t('queue.title')}</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('queue.filterKind')}
          aria-label={t('queue.filterKind')}
          value={filter.type}
          onChange={(type?: ListedKind) => setFilter({ ...filter, type })}
          options={KINDS.map((k) => ({ value: k, label: codeLabel(t, 'kind', k) }))}
        />
        <Checkbox checked={!!filter.overdue} onChange={(e) => setFilter({ ...filter, overdue: e.target.checked })}>
          {t('queue.overdueOnly')}
        </Checkbox>
        <Badge status="processing" text={t('queue.live')} />
      </Space>
      <ErrorAlert error={queue.error ?? claim.error} />
      <Table<TaskView>
        rowKey="taskId"
        loading={queue.isLoading}
        dataSource={tasks}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('queue.empty') }}
      />
    </>
  );
}
